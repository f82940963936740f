# iac app thumbnails: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_s3_bucket_policy.uploads_policy
  to   = aws_s3_bucket_policy.uploads
}

moved {
  from = aws_s3_bucket_policy.thumbs_policy
  to   = aws_s3_bucket_policy.thumbs
}

moved {
  from = aws_cloudwatch_log_group.thumbnailer_log_group
  to   = aws_cloudwatch_log_group.thumbnailer
}

moved {
  from = aws_iam_role.thumbnailer_role
  to   = aws_iam_role.thumbnailer
}

moved {
  from = aws_iam_role_policy.thumbnailer_role
  to   = aws_iam_role_policy.thumbnailer
}

moved {
  from = aws_sqs_queue_policy.thumbnailer_dlq_policy
  to   = aws_sqs_queue_policy.thumbnailer_dlq
}

moved {
  from = aws_sqs_queue_policy.bulk_jobs_policy
  to   = aws_sqs_queue_policy.bulk_jobs
}

moved {
  from = aws_sqs_queue_policy.bulk_jobs_dlq_policy
  to   = aws_sqs_queue_policy.bulk_jobs_dlq
}

moved {
  from = aws_sns_topic_policy.upload_feed_policy
  to   = aws_sns_topic_policy.upload_feed
}

moved {
  from = aws_sqs_queue_policy.upload_feed_dlq_policy
  to   = aws_sqs_queue_policy.upload_feed_dlq
}

moved {
  from = aws_lambda_permission.uploads_created_to_thumbnailer_permission
  to   = aws_lambda_permission.uploads_created_to_thumbnailer
}

moved {
  from = aws_lambda_permission.uploads_created_to_thumbnailer2_permission
  to   = aws_lambda_permission.uploads_created_to_thumbnailer2
}

moved {
  from = aws_lambda_permission.uploads_deleted_to_thumbnailer_permission
  to   = aws_lambda_permission.uploads_deleted_to_thumbnailer
}
