# iac app media: outputs.

# app.iac:27  output uploads_bucket
output "uploads_bucket" {
  value = aws_s3_bucket.uploads.bucket
}

# app.iac:28  output renditions_bucket
output "renditions_bucket" {
  value = aws_s3_bucket.renditions.bucket
}

# app.iac:29  output ready_topic
output "ready_topic" {
  value = aws_sns_topic.media_ready.arn
}

# app.iac:30  output pipeline
output "pipeline" {
  value = aws_sfn_state_machine.process_upload.arn
}
