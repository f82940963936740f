# iac app media: outputs.

# app.iac:27  output uploads_bucket
output "uploads_bucket" {
  description = "output uploads_bucket = uploads.name"
  value       = aws_s3_bucket.uploads.bucket
}

# app.iac:28  output renditions_bucket
output "renditions_bucket" {
  description = "output renditions_bucket = renditions.name"
  value       = aws_s3_bucket.renditions.bucket
}

# app.iac:29  output ready_topic
output "ready_topic" {
  description = "output ready_topic = media_ready.arn"
  value       = aws_sns_topic.media_ready.arn
}

# app.iac:30  output pipeline
output "pipeline" {
  description = "output pipeline = process_upload.arn"
  value       = aws_sfn_state_machine.process_upload.arn
}
