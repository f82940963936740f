# iac app media: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
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
  from = aws_s3_bucket_policy.renditions_policy
  to   = aws_s3_bucket_policy.renditions
}

moved {
  from = aws_cloudwatch_log_group.thumbnail_log_group
  to   = aws_cloudwatch_log_group.thumbnail
}

moved {
  from = aws_iam_role.thumbnail_role
  to   = aws_iam_role.thumbnail
}

moved {
  from = aws_iam_role_policy.thumbnail_role
  to   = aws_iam_role_policy.thumbnail
}

moved {
  from = aws_cloudwatch_log_group.transcode_log_group
  to   = aws_cloudwatch_log_group.transcode
}

moved {
  from = aws_iam_role.transcode_execution_role
  to   = aws_iam_role.transcode_execution
}

moved {
  from = aws_iam_role_policy.transcode_execution_role
  to   = aws_iam_role_policy.transcode_execution
}

moved {
  from = aws_iam_role.transcode_task_role
  to   = aws_iam_role.transcode_task
}

moved {
  from = aws_iam_role_policy.transcode_task_role
  to   = aws_iam_role_policy.transcode_task
}

moved {
  from = aws_iam_role.process_upload_role
  to   = aws_iam_role.process_upload
}

moved {
  from = aws_iam_role_policy.process_upload_role
  to   = aws_iam_role_policy.process_upload
}

moved {
  from = aws_sqs_queue_policy.process_upload_dlq_policy
  to   = aws_sqs_queue_policy.process_upload_dlq
}

moved {
  from = aws_cloudwatch_log_group.purge_renditions_log_group
  to   = aws_cloudwatch_log_group.purge_renditions
}

moved {
  from = aws_iam_role.purge_renditions_role
  to   = aws_iam_role.purge_renditions
}

moved {
  from = aws_iam_role_policy.purge_renditions_role
  to   = aws_iam_role_policy.purge_renditions
}

moved {
  from = aws_iam_role.forget_upload_role
  to   = aws_iam_role.forget_upload
}

moved {
  from = aws_iam_role_policy.forget_upload_role
  to   = aws_iam_role_policy.forget_upload
}

moved {
  from = aws_sqs_queue_policy.forget_upload_dlq_policy
  to   = aws_sqs_queue_policy.forget_upload_dlq
}

moved {
  from = aws_iam_role.process_upload_events_role
  to   = aws_iam_role.process_upload_events
}

moved {
  from = aws_iam_role_policy.process_upload_events_role
  to   = aws_iam_role_policy.process_upload_events
}

moved {
  from = aws_iam_role.forget_upload_events_role
  to   = aws_iam_role.forget_upload_events
}

moved {
  from = aws_iam_role_policy.forget_upload_events_role
  to   = aws_iam_role_policy.forget_upload_events
}
