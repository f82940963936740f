# iac app thumbnails: every resource, in the order the plan made them.

data "aws_caller_identity" "current" {}

# Who may assume the roles of lambda.amazonaws.com.
data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# thumbnails.iac:15  bucket uploads
resource "aws_s3_bucket" "uploads" {
  bucket_prefix = "thumbnails-uploads-"

  lifecycle {
    prevent_destroy = true
  }
}

# thumbnails.iac:15  bucket uploads: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# thumbnails.iac:15  bucket uploads: public access
resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# thumbnails.iac:15  bucket uploads: object ownership
resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# thumbnails.iac:15  bucket uploads: versioning
resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Enabled"
  }
}


# thumbnails.iac:15  bucket uploads: lifecycle
resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    id     = "AbortIncompleteUploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

# thumbnails.iac:15  bucket uploads: events to EventBridge
resource "aws_s3_bucket_notification" "uploads" {
  bucket      = aws_s3_bucket.uploads.id
  eventbridge = true
}

# thumbnails.iac:15  bucket uploads: policy
resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.uploads]
}

# thumbnails.iac:19  bucket thumbs
resource "aws_s3_bucket" "thumbs" {
  bucket_prefix = "thumbnails-thumbs-"
  # `retain = false`: `terraform destroy` empties the bucket first.
  force_destroy = true
}

# thumbnails.iac:19  bucket thumbs: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "thumbs" {
  bucket = aws_s3_bucket.thumbs.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# thumbnails.iac:19  bucket thumbs: public access
resource "aws_s3_bucket_public_access_block" "thumbs" {
  bucket                  = aws_s3_bucket.thumbs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# thumbnails.iac:19  bucket thumbs: object ownership
resource "aws_s3_bucket_ownership_controls" "thumbs" {
  bucket = aws_s3_bucket.thumbs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}


# thumbnails.iac:19  bucket thumbs: lifecycle
resource "aws_s3_bucket_lifecycle_configuration" "thumbs" {
  bucket = aws_s3_bucket.thumbs.id

  rule {
    id     = "AbortIncompleteUploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

# thumbnails.iac:19  bucket thumbs: policy
resource "aws_s3_bucket_policy" "thumbs" {
  bucket = aws_s3_bucket.thumbs.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.thumbs.arn, "${aws_s3_bucket.thumbs.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.thumbs]
}

# thumbnails.iac:23  function thumbnailer: log group
resource "aws_cloudwatch_log_group" "thumbnailer" {
  name              = "/aws/lambda/thumbnails-thumbnailer"
  retention_in_days = 30
}

# thumbnails.iac:23  function thumbnailer: role
resource "aws_iam_role" "thumbnailer" {
  name_prefix        = "thumbnails-thumbnailer-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# thumbnails.iac:23  function thumbnailer: role
resource "aws_iam_role_policy" "thumbnailer" {
  name = "ThumbnailerRolePolicy"
  role = aws_iam_role.thumbnailer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.thumbnailer.arn}:*"
      },
      {
        Sid      = "ReadUploadsObjects"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
      {
        Sid      = "WriteDeleteThumbsObjects"
        Effect   = "Allow"
        Action   = ["s3:DeleteObject", "s3:PutObject"]
        Resource = "${aws_s3_bucket.thumbs.arn}/*"
      },
      {
        Sid    = "ConsumeBulkJobs"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.bulk_jobs.arn
      },
      {
        Sid      = "DeliverToThumbnailerDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.thumbnailer_dlq.arn
      },
    ]
  })
}

# thumbnails.iac:23  function thumbnailer
resource "aws_lambda_function" "thumbnailer" {
  function_name                  = "thumbnails-thumbnailer"
  role                           = aws_iam_role.thumbnailer.arn
  handler                        = "thumbnailer.handler"
  runtime                        = "python3.12"
  architectures                  = ["arm64"]
  memory_size                    = 1024
  timeout                        = 60
  reserved_concurrent_executions = 20
  filename                       = "${path.module}/assets/thumbnailer-214a0a3171095f06.zip"
  source_code_hash               = filebase64sha256("${path.module}/assets/thumbnailer-214a0a3171095f06.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.thumbnailer.name
  }

  environment {
    variables = {
      THUMBS_BUCKET = aws_s3_bucket.thumbs.bucket
      THUMB_SIZE    = "256"
    }
  }

  depends_on = [aws_iam_role_policy.thumbnailer]
}

# thumbnails.iac:23  queue thumbnailer_dlq (dead-letter queue)
resource "aws_sqs_queue" "thumbnailer_dlq" {
  name                       = "thumbnails-thumbnailer-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# thumbnails.iac:23  queue thumbnailer_dlq: who may send to it
resource "aws_sqs_queue_policy" "thumbnailer_dlq" {
  queue_url = aws_sqs_queue.thumbnailer_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToThumbnailer"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.thumbnailer_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer.arn
          }
        }
      },
      {
        Sid    = "FromUploadsCreatedToThumbnailer2"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.thumbnailer_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer2.arn
          }
        }
      },
      {
        Sid    = "FromUploadsDeletedToThumbnailer"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.thumbnailer_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_thumbnailer.arn
          }
        }
      },
    ]
  })
}

# thumbnails.iac:45  queue bulk_jobs
resource "aws_sqs_queue" "bulk_jobs" {
  name                       = "thumbnails-bulk-jobs"
  max_message_size           = 262144
  visibility_timeout_seconds = 360
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.bulk_jobs_dlq.arn
    maxReceiveCount     = 3
  })
}

# thumbnails.iac:45  queue bulk_jobs: who may send to it
resource "aws_sqs_queue_policy" "bulk_jobs" {
  queue_url = aws_sqs_queue.bulk_jobs.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToBulkJobs"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.bulk_jobs.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_bulk_jobs.arn
          }
        }
      },
      {
        Sid    = "FromUploadsDeletedToBulkJobs"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.bulk_jobs.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_bulk_jobs.arn
          }
        }
      },
    ]
  })
}

# thumbnails.iac:45  queue bulk_jobs_dlq (dead-letter queue)
resource "aws_sqs_queue" "bulk_jobs_dlq" {
  name                       = "thumbnails-bulk-jobs-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# thumbnails.iac:45  queue bulk_jobs_dlq: who may send to it
resource "aws_sqs_queue_policy" "bulk_jobs_dlq" {
  queue_url = aws_sqs_queue.bulk_jobs_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToBulkJobs"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.bulk_jobs_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_bulk_jobs.arn
          }
        }
      },
      {
        Sid    = "FromUploadsDeletedToBulkJobs"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.bulk_jobs_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_bulk_jobs.arn
          }
        }
      },
    ]
  })
}

# thumbnails.iac:55  topic upload_feed
resource "aws_sns_topic" "upload_feed" {
  name = "thumbnails-upload-feed"
}

# thumbnails.iac:55  topic upload_feed: who may send to it
resource "aws_sns_topic_policy" "upload_feed" {
  arn = aws_sns_topic.upload_feed.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToUploadFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.upload_feed.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_upload_feed.arn
          }
        }
      },
      {
        Sid    = "FromUploadsDeletedToUploadFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.upload_feed.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_upload_feed.arn
          }
        }
      },
    ]
  })
}

# thumbnails.iac:55  queue upload_feed_dlq (dead-letter queue)
resource "aws_sqs_queue" "upload_feed_dlq" {
  name                       = "thumbnails-upload-feed-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# thumbnails.iac:55  queue upload_feed_dlq: who may send to it
resource "aws_sqs_queue_policy" "upload_feed_dlq" {
  queue_url = aws_sqs_queue.upload_feed_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToUploadFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.upload_feed_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_upload_feed.arn
          }
        }
      },
      {
        Sid    = "FromUploadsDeletedToUploadFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.upload_feed_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_upload_feed.arn
          }
        }
      },
    ]
  })
}

# thumbnails.iac:40  uploads.created -> function thumbnailer
resource "aws_cloudwatch_event_rule" "uploads_created_to_thumbnailer" {
  name        = "thumbnails-uploads-created-to-thumbnailer"
  description = "uploads.created -> thumbnailer"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            wildcard = "images/*.jpg"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:40  uploads.created -> function thumbnailer: target thumbnailer
resource "aws_cloudwatch_event_target" "uploads_created_to_thumbnailer_thumbnailer" {
  rule      = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer.name
  target_id = "thumbnailer"
  arn       = aws_lambda_function.thumbnailer.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.thumbnailer_dlq.arn
  }
}

# thumbnails.iac:40  uploads.created -> thumbnailer
resource "aws_lambda_permission" "uploads_created_to_thumbnailer" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnailer.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer.arn
  source_account = data.aws_caller_identity.current.account_id
}

# thumbnails.iac:41  uploads.created -> function thumbnailer
resource "aws_cloudwatch_event_rule" "uploads_created_to_thumbnailer2" {
  name        = "thumbnails-uploads-created-to-thumbnailer-2"
  description = "uploads.created -> thumbnailer"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            wildcard = "images/*.png"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:41  uploads.created -> function thumbnailer: target thumbnailer
resource "aws_cloudwatch_event_target" "uploads_created_to_thumbnailer2_thumbnailer" {
  rule      = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer2.name
  target_id = "thumbnailer"
  arn       = aws_lambda_function.thumbnailer.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.thumbnailer_dlq.arn
  }
}

# thumbnails.iac:41  uploads.created -> thumbnailer
resource "aws_lambda_permission" "uploads_created_to_thumbnailer2" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnailer.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.uploads_created_to_thumbnailer2.arn
  source_account = data.aws_caller_identity.current.account_id
}

# thumbnails.iac:42  uploads.deleted -> function thumbnailer
resource "aws_cloudwatch_event_rule" "uploads_deleted_to_thumbnailer" {
  name        = "thumbnails-uploads-deleted-to-thumbnailer"
  description = "uploads.deleted -> thumbnailer"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Deleted"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            prefix = "images/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:42  uploads.deleted -> function thumbnailer: target thumbnailer
resource "aws_cloudwatch_event_target" "uploads_deleted_to_thumbnailer_thumbnailer" {
  rule      = aws_cloudwatch_event_rule.uploads_deleted_to_thumbnailer.name
  target_id = "thumbnailer"
  arn       = aws_lambda_function.thumbnailer.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.thumbnailer_dlq.arn
  }
}

# thumbnails.iac:42  uploads.deleted -> thumbnailer
resource "aws_lambda_permission" "uploads_deleted_to_thumbnailer" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnailer.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.uploads_deleted_to_thumbnailer.arn
  source_account = data.aws_caller_identity.current.account_id
}

# thumbnails.iac:50  uploads.created -> queue bulk_jobs
resource "aws_cloudwatch_event_rule" "uploads_created_to_bulk_jobs" {
  name        = "thumbnails-uploads-created-to-bulk-jobs"
  description = "uploads.created -> bulk_jobs"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            prefix = "bulk/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:50  uploads.created -> queue bulk_jobs: target bulk_jobs
resource "aws_cloudwatch_event_target" "uploads_created_to_bulk_jobs_bulk_jobs" {
  rule      = aws_cloudwatch_event_rule.uploads_created_to_bulk_jobs.name
  target_id = "bulk_jobs"
  arn       = aws_sqs_queue.bulk_jobs.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.bulk_jobs_dlq.arn
  }
}

# thumbnails.iac:51  uploads.deleted -> queue bulk_jobs
resource "aws_cloudwatch_event_rule" "uploads_deleted_to_bulk_jobs" {
  name        = "thumbnails-uploads-deleted-to-bulk-jobs"
  description = "uploads.deleted -> bulk_jobs"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Deleted"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            prefix = "bulk/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:51  uploads.deleted -> queue bulk_jobs: target bulk_jobs
resource "aws_cloudwatch_event_target" "uploads_deleted_to_bulk_jobs_bulk_jobs" {
  rule      = aws_cloudwatch_event_rule.uploads_deleted_to_bulk_jobs.name
  target_id = "bulk_jobs"
  arn       = aws_sqs_queue.bulk_jobs.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.bulk_jobs_dlq.arn
  }
}

# thumbnails.iac:52  bulk_jobs.message -> function thumbnailer
resource "aws_lambda_event_source_mapping" "bulk_jobs_message_to_thumbnailer" {
  function_name                      = aws_lambda_function.thumbnailer.function_name
  event_source_arn                   = aws_sqs_queue.bulk_jobs.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.thumbnailer]
}

# thumbnails.iac:57  uploads.created -> topic upload_feed
resource "aws_cloudwatch_event_rule" "uploads_created_to_upload_feed" {
  name        = "thumbnails-uploads-created-to-upload-feed"
  description = "uploads.created -> upload_feed"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:57  uploads.created -> topic upload_feed: target upload_feed
resource "aws_cloudwatch_event_target" "uploads_created_to_upload_feed_upload_feed" {
  rule      = aws_cloudwatch_event_rule.uploads_created_to_upload_feed.name
  target_id = "upload_feed"
  arn       = aws_sns_topic.upload_feed.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.upload_feed_dlq.arn
  }
}

# thumbnails.iac:58  uploads.deleted -> topic upload_feed
resource "aws_cloudwatch_event_rule" "uploads_deleted_to_upload_feed" {
  name        = "thumbnails-uploads-deleted-to-upload-feed"
  description = "uploads.deleted -> upload_feed"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Deleted"]
    detail = {
      bucket = {
        name = [aws_s3_bucket.uploads.bucket]
      }
      object = {
        key = [
          {
            prefix = "images/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# thumbnails.iac:58  uploads.deleted -> topic upload_feed: target upload_feed
resource "aws_cloudwatch_event_target" "uploads_deleted_to_upload_feed_upload_feed" {
  rule      = aws_cloudwatch_event_rule.uploads_deleted_to_upload_feed.name
  target_id = "upload_feed"
  arn       = aws_sns_topic.upload_feed.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.upload_feed_dlq.arn
  }
}

# thumbnails.iac:23  function thumbnailer: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "thumbnailer_invoke_config" {
  function_name                = aws_lambda_function.thumbnailer.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.thumbnailer_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.thumbnailer]
}
