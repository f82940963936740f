# iac app thumbnails: outputs.

# thumbnails.iac:60  output uploads_bucket
output "uploads_bucket" {
  description = "output uploads_bucket = uploads.name"
  value       = aws_s3_bucket.uploads.bucket
}

# thumbnails.iac:61  output thumbs_bucket
output "thumbs_bucket" {
  description = "output thumbs_bucket = thumbs.name"
  value       = aws_s3_bucket.thumbs.bucket
}

# thumbnails.iac:62  output feed_topic
output "feed_topic" {
  description = "output feed_topic = upload_feed.arn"
  value       = aws_sns_topic.upload_feed.arn
}

# thumbnails.iac:63  output bulk_dead_letters
output "bulk_dead_letters" {
  description = "output bulk_dead_letters = bulk_jobs_dlq.url"
  value       = aws_sqs_queue.bulk_jobs_dlq.url
}
