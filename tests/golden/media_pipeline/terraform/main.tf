# iac app media: every resource, in the order the plan made them.

locals {
  # Every generated name starts with it: a second stage (`-var stage=prod`, in a state
  # of its own) gets names of its own.
  name_prefix = "media-${var.stage}"
  # The app's part of each role's name_prefix (IAM takes 38 characters in all).
  role_prefix = substr(local.name_prefix, 0, 20)
}

# Guards a state against a second stage: with another prefix (`-var stage=...` on this
# stage's state) every named resource would be renamed, that is replaced. Plan fails
# here instead; deploy a second stage with a state of its own (README). To destroy this
# stage on purpose, `terraform state rm terraform_data.name_prefix` first.
resource "terraform_data" "name_prefix" {
  triggers_replace = local.name_prefix

  lifecycle {
    prevent_destroy = true
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# Who may assume the roles of ecs-tasks.amazonaws.com.
data "aws_iam_policy_document" "ecs_tasks_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Who may assume the roles of events.amazonaws.com.
data "aws_iam_policy_document" "events_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
  }
}

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

# Who may assume the roles of states.amazonaws.com.
data "aws_iam_policy_document" "states_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

# pipeline.iac:2  bucket uploads
resource "aws_s3_bucket" "uploads" {

  lifecycle {
    prevent_destroy = true
  }
}

# pipeline.iac:2  bucket uploads: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# pipeline.iac:2  bucket uploads: public access
resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# pipeline.iac:2  bucket uploads: object ownership
resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}


# pipeline.iac:2  bucket uploads: lifecycle
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

# pipeline.iac:2  bucket uploads: events to EventBridge
resource "aws_s3_bucket_notification" "uploads" {
  bucket      = aws_s3_bucket.uploads.id
  eventbridge = true
}

# pipeline.iac:2  bucket uploads: policy
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

# pipeline.iac:8  bucket renditions
resource "aws_s3_bucket" "renditions" {
  # `retain = false`: `terraform destroy` empties the bucket first.
  force_destroy = true
}

# pipeline.iac:8  bucket renditions: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "renditions" {
  bucket = aws_s3_bucket.renditions.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# pipeline.iac:8  bucket renditions: public access
resource "aws_s3_bucket_public_access_block" "renditions" {
  bucket                  = aws_s3_bucket.renditions.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# pipeline.iac:8  bucket renditions: object ownership
resource "aws_s3_bucket_ownership_controls" "renditions" {
  bucket = aws_s3_bucket.renditions.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}


# pipeline.iac:8  bucket renditions: lifecycle
resource "aws_s3_bucket_lifecycle_configuration" "renditions" {
  bucket = aws_s3_bucket.renditions.id

  rule {
    id     = "AbortIncompleteUploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

# pipeline.iac:8  bucket renditions: policy
resource "aws_s3_bucket_policy" "renditions" {
  bucket = aws_s3_bucket.renditions.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.renditions.arn, "${aws_s3_bucket.renditions.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.renditions]
}

# pipeline.iac:13  topic media_ready
resource "aws_sns_topic" "media_ready" {
  name = "${local.name_prefix}-media-ready"
}

# pipeline.iac:15  function thumbnail: log group
resource "aws_cloudwatch_log_group" "thumbnail" {
  name              = "/aws/lambda/${local.name_prefix}-thumbnail"
  retention_in_days = 30
}

# pipeline.iac:15  function thumbnail: role
resource "aws_iam_role" "thumbnail" {
  name_prefix        = "${local.role_prefix}-thumbnail-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# pipeline.iac:15  function thumbnail: role
resource "aws_iam_role_policy" "thumbnail" {
  name = "ThumbnailRolePolicy"
  role = aws_iam_role.thumbnail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.thumbnail.arn}:*"
      },
      {
        Sid      = "ReadUploadsObjects"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
      {
        Sid      = "WriteRenditionsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.renditions.arn}/*"
      },
    ]
  })
}

# pipeline.iac:15  function thumbnail
resource "aws_lambda_function" "thumbnail" {
  function_name    = "${local.name_prefix}-thumbnail"
  role             = aws_iam_role.thumbnail.arn
  handler          = "thumbnail.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 1024
  timeout          = 60
  filename         = "${path.module}/assets/thumbnail-e9686c1267bf11ed.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/thumbnail-e9686c1267bf11ed.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.thumbnail.name
  }

  environment {
    variables = {
      RENDITIONS_BUCKET = aws_s3_bucket.renditions.bucket
    }
  }

  depends_on = [aws_iam_role_policy.thumbnail]
}

# pipeline.iac:27  the app's ECS cluster
resource "aws_ecs_cluster" "cluster" {
  name = "media-${var.stage}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# pipeline.iac:27  container transcode: log group
resource "aws_cloudwatch_log_group" "transcode" {
  name              = "/ecs/${local.name_prefix}-transcode"
  retention_in_days = 30
}

# pipeline.iac:27  container transcode: execution role
resource "aws_iam_role" "transcode_execution" {
  name_prefix        = "${local.role_prefix}-transco-6e76bc71-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json
}

# pipeline.iac:27  container transcode: execution role
resource "aws_iam_role_policy" "transcode_execution" {
  name = "TranscodeExecutionRolePolicy"
  role = aws_iam_role.transcode_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.transcode.arn}:*"
      },
      {
        Sid    = "PullImage"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Resource = "arn:${data.aws_partition.current.partition}:ecr:eu-central-1:123456789012:repository/transcoder"
      },
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
    ]
  })
}

# pipeline.iac:27  container transcode: task role
resource "aws_iam_role" "transcode_task" {
  name_prefix        = "${local.role_prefix}-transcode-task-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json
}

# pipeline.iac:27  container transcode: task role
resource "aws_iam_role_policy" "transcode_task" {
  name = "TranscodeTaskRolePolicy"
  role = aws_iam_role.transcode_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadUploadsObjects"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
      {
        Sid      = "WriteRenditionsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.renditions.arn}/*"
      },
    ]
  })
}

# pipeline.iac:27  container transcode
resource "aws_ecs_task_definition" "transcode" {
  family                   = "${local.name_prefix}-transcode"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "2048"
  memory                   = "8192"
  task_role_arn            = aws_iam_role.transcode_task.arn
  execution_role_arn       = aws_iam_role.transcode_execution.arn
  container_definitions = jsonencode([
    {
      name                   = "transcode"
      image                  = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/transcoder:${var.transcoder_tag}"
      essential              = true
      readonlyRootFilesystem = true
      mountPoints = [
        {
          sourceVolume  = "scratch"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      command = ["python", "-m", "transcoder", "--preset", "web-1080p"]
      environment = [
        {
          name  = "RENDITIONS_BUCKET"
          value = aws_s3_bucket.renditions.bucket
        },
        {
          name  = "STAGE"
          value = var.stage
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.transcode.name
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "transcode"
        }
      }
    },
  ])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "scratch"
  }

  depends_on = [aws_iam_role_policy.transcode_task, aws_iam_role_policy.transcode_execution]
}

# pipeline.iac:42  queue failed_uploads
resource "aws_sqs_queue" "failed_uploads" {
  name                       = "${local.name_prefix}-failed-uploads"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# pipeline.iac:48  workflow process_upload: role
resource "aws_iam_role" "process_upload" {
  name_prefix        = "${local.role_prefix}-process-upload-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# pipeline.iac:48  workflow process_upload: role
resource "aws_iam_role_policy" "process_upload" {
  name = "ProcessUploadRolePolicy"
  role = aws_iam_role.process_upload.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RunTranscode"
        Effect   = "Allow"
        Action   = "ecs:RunTask"
        Resource = "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:task-definition/${local.name_prefix}-transcode:*"
        Condition = {
          ArnEquals = {
            "ecs:cluster" = aws_ecs_cluster.cluster.arn
          }
        }
      },
      {
        Sid      = "PassRolesOfTranscode"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = [aws_iam_role.transcode_task.arn, aws_iam_role.transcode_execution.arn]
      },
      {
        Sid      = "WatchEcsTasks"
        Effect   = "Allow"
        Action   = ["ecs:DescribeTasks", "ecs:StopTask"]
        Resource = "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:task/${aws_ecs_cluster.cluster.name}/*"
      },
      {
        Sid      = "ManageEcsSyncRule"
        Effect   = "Allow"
        Action   = ["events:DescribeRule", "events:PutRule", "events:PutTargets"]
        Resource = "arn:${data.aws_partition.current.partition}:events:${var.region}:${data.aws_caller_identity.current.account_id}:rule/StepFunctionsGetEventsForECSTaskRule"
      },
      {
        Sid      = "InvokeThumbnail"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:media-${var.stage}-thumbnail"
      },
      {
        Sid      = "SendToFailedUploads"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.failed_uploads.arn
      },
      {
        Sid      = "PublishToMediaReady"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.media_ready.arn
      },
    ]
  })
}

# pipeline.iac:48  workflow process_upload
resource "aws_sfn_state_machine" "process_upload" {
  name     = "${local.name_prefix}-process-upload"
  type     = "STANDARD"
  role_arn = aws_iam_role.process_upload.arn
  definition = jsonencode({
    Comment = "workflow process_upload"
    StartAt = "Set $.started"
    States = {
      "Set $.started" = {
        Type = "Pass"
        Parameters = {
          "value.$" = "$$.Execution.StartTime"
        }
        ResultPath = "$.started"
        Next       = "Keep $.started"
      }
      "Keep $.started" = {
        Type       = "Pass"
        InputPath  = "$.started.value"
        ResultPath = "$.started"
        Next       = "If $.detail.object.size > 10MB"
      }
      "If $.detail.object.size > 10MB" = {
        Type = "Choice"
        Choices = [
          {
            Variable           = "$.detail.object.size"
            NumericGreaterThan = 10485760
            Next               = "Run transcode"
          },
        ]
        Default = "Invoke thumbnail"
      }
      "Run transcode" = {
        Type     = "Task"
        Resource = "arn:aws:states:::ecs:runTask.sync"
        Parameters = {
          LaunchType     = "FARGATE"
          Cluster        = aws_ecs_cluster.cluster.arn
          TaskDefinition = aws_ecs_task_definition.transcode.arn
          NetworkConfiguration = {
            AwsvpcConfiguration = {
              Subnets        = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
              SecurityGroups = ["sg-0123456789abcdef0"]
              AssignPublicIp = "DISABLED"
            }
          }
          Overrides = {
            ContainerOverrides = [
              {
                Name = "transcode"
                Environment = [
                  {
                    Name      = "OBJECT_KEY"
                    "Value.$" = "States.Format('{}', $.detail.object.key)"
                  },
                  {
                    Name      = "BUCKET"
                    "Value.$" = "States.Format('{}', $.detail.bucket.name)"
                  },
                ]
              },
            ]
          }
        }
        TimeoutSeconds = 7200
        ResultPath     = null
        Catch = [
          {
            ErrorEquals = ["States.TaskFailed", "States.Timeout"]
            ResultPath  = "$.error"
            Next        = "Send failed_uploads"
          },
        ]
        Next = "Publish media_ready"
      }
      "Invoke thumbnail" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.thumbnail.arn
          Payload = {
            "bucket.$" = "$.detail.bucket.name"
            "key.$"    = "$.detail.object.key"
          }
        }
        Retry = [
          {
            ErrorEquals     = ["States.ALL"]
            IntervalSeconds = 2
            MaxAttempts     = 3
            BackoffRate     = 2.0
          },
        ]
        ResultSelector = {
          "Payload.$" = "$.Payload"
        }
        ResultPath = "$.thumbnail"
        Catch = [
          {
            ErrorEquals = ["States.TaskFailed", "States.Timeout"]
            ResultPath  = "$.error"
            Next        = "Send failed_uploads"
          },
        ]
        Next = "Keep result of thumbnail"
      }
      "Publish media_ready" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sns:publish"
        Parameters = {
          TopicArn    = aws_sns_topic.media_ready.arn
          "Message.$" = "$"
        }
        ResultPath = null
        End        = true
      }
      "Send failed_uploads" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sqs:sendMessage"
        Parameters = {
          QueueUrl        = aws_sqs_queue.failed_uploads.url
          "MessageBody.$" = "$"
        }
        ResultPath = null
        Next       = "Fail UploadFailed"
      }
      "Keep result of thumbnail" = {
        Type       = "Pass"
        InputPath  = "$.thumbnail.Payload"
        ResultPath = "$.thumbnail"
        Next       = "Publish media_ready"
      }
      "Fail UploadFailed" = {
        Type  = "Fail"
        Error = "UploadFailed"
        Cause = "the upload could not be processed"
      }
    }
  })

  depends_on = [aws_iam_role_policy.process_upload]
}

# pipeline.iac:48  queue process_upload_dlq (dead-letter queue)
resource "aws_sqs_queue" "process_upload_dlq" {
  name                       = "${local.name_prefix}-process-upload-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# pipeline.iac:48  queue process_upload_dlq: who may send to it
resource "aws_sqs_queue_policy" "process_upload_dlq" {
  queue_url = aws_sqs_queue.process_upload_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsCreatedToProcessUpload"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.process_upload_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_created_to_process_upload.arn
          }
        }
      },
    ]
  })
}

# pipeline.iac:73  function purge_renditions: log group
resource "aws_cloudwatch_log_group" "purge_renditions" {
  name              = "/aws/lambda/${local.name_prefix}-purge-renditions"
  retention_in_days = 30
}

# pipeline.iac:73  function purge_renditions: role
resource "aws_iam_role" "purge_renditions" {
  name_prefix        = "${local.role_prefix}-purge-renditions-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# pipeline.iac:73  function purge_renditions: role
resource "aws_iam_role_policy" "purge_renditions" {
  name = "PurgeRenditionsRolePolicy"
  role = aws_iam_role.purge_renditions.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.purge_renditions.arn}:*"
      },
      {
        Sid      = "ListDeleteRenditions"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = aws_s3_bucket.renditions.arn
      },
      {
        Sid      = "ListDeleteRenditionsObjects"
        Effect   = "Allow"
        Action   = "s3:DeleteObject"
        Resource = "${aws_s3_bucket.renditions.arn}/*"
      },
    ]
  })
}

# pipeline.iac:73  function purge_renditions
resource "aws_lambda_function" "purge_renditions" {
  function_name    = "${local.name_prefix}-purge-renditions"
  role             = aws_iam_role.purge_renditions.arn
  handler          = "purge_renditions.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 30
  filename         = "${path.module}/assets/purge-renditions-8e5a50a7ed5eee00.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/purge-renditions-8e5a50a7ed5eee00.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.purge_renditions.name
  }

  environment {
    variables = {
      RENDITIONS_BUCKET = aws_s3_bucket.renditions.bucket
    }
  }

  depends_on = [aws_iam_role_policy.purge_renditions]
}

# pipeline.iac:80  workflow forget_upload: execution history
resource "aws_cloudwatch_log_group" "forget_upload_logs" {
  name              = "/aws/vendedlogs/states/${local.name_prefix}-forget-upload"
  retention_in_days = 30
}

# pipeline.iac:80  workflow forget_upload: role
resource "aws_iam_role" "forget_upload" {
  name_prefix        = "${local.role_prefix}-forget-upload-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# pipeline.iac:80  workflow forget_upload: role
resource "aws_iam_role_policy" "forget_upload" {
  name = "ForgetUploadRolePolicy"
  role = aws_iam_role.forget_upload.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokePurgeRenditions"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:media-${var.stage}-purge-renditions"
      },
      {
        Sid      = "PublishToMediaReady"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.media_ready.arn
      },
      {
        Sid    = "DeliverLogs"
        Effect = "Allow"
        Action = [
          "logs:CreateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:DescribeLogGroups",
          "logs:DescribeResourcePolicies",
          "logs:GetLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:UpdateLogDelivery",
        ]
        Resource = "*"
      },
    ]
  })
}

# pipeline.iac:80  workflow forget_upload
resource "aws_sfn_state_machine" "forget_upload" {
  name     = "${local.name_prefix}-forget-upload"
  type     = "EXPRESS"
  role_arn = aws_iam_role.forget_upload.arn
  definition = jsonencode({
    Comment = "workflow forget_upload"
    StartAt = "Invoke purge_renditions"
    States = {
      "Invoke purge_renditions" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.purge_renditions.arn
          "Payload.$"  = "$"
        }
        Retry = [
          {
            ErrorEquals     = ["States.ALL"]
            IntervalSeconds = 2
            MaxAttempts     = 2
            BackoffRate     = 2.0
          },
        ]
        ResultSelector = {
          "Payload.$" = "$.Payload"
        }
        ResultPath = "$.purged"
        Next       = "Keep result of purge_renditions"
      }
      "Keep result of purge_renditions" = {
        Type       = "Pass"
        InputPath  = "$.purged.Payload"
        ResultPath = "$.purged"
        Next       = "If $.purged.count > 0"
      }
      "If $.purged.count > 0" = {
        Type = "Choice"
        Choices = [
          {
            Variable           = "$.purged.count"
            NumericGreaterThan = 0
            Next               = "Publish media_ready"
          },
        ]
        Default = "Done"
      }
      "Publish media_ready" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sns:publish"
        Parameters = {
          TopicArn    = aws_sns_topic.media_ready.arn
          "Message.$" = "$"
        }
        ResultPath = null
        End        = true
      }
      Done = {
        Type = "Pass"
        End  = true
      }
    }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.forget_upload_logs.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }

  depends_on = [aws_iam_role_policy.forget_upload]
}

# pipeline.iac:80  queue forget_upload_dlq (dead-letter queue)
resource "aws_sqs_queue" "forget_upload_dlq" {
  name                       = "${local.name_prefix}-forget-upload-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# pipeline.iac:80  queue forget_upload_dlq: who may send to it
resource "aws_sqs_queue_policy" "forget_upload_dlq" {
  queue_url = aws_sqs_queue.forget_upload_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromUploadsDeletedToForgetUpload"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.forget_upload_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.uploads_deleted_to_forget_upload.arn
          }
        }
      },
    ]
  })
}

# pipeline.iac:70  uploads.created -> workflow process_upload
resource "aws_cloudwatch_event_rule" "uploads_created_to_process_upload" {
  name        = "${local.name_prefix}-uploads-created-to-process-upload"
  description = "uploads.created -> process_upload"
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
            prefix = "incoming/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# pipeline.iac:70  uploads.created -> workflow process_upload: target process_upload
resource "aws_cloudwatch_event_target" "uploads_created_to_process_upload_process_upload" {
  rule      = aws_cloudwatch_event_rule.uploads_created_to_process_upload.name
  target_id = "process_upload"
  arn       = aws_sfn_state_machine.process_upload.arn
  role_arn  = aws_iam_role.process_upload_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.process_upload_dlq.arn
  }

  depends_on = [aws_iam_role_policy.process_upload_events]
}

# pipeline.iac:48  workflow process_upload: role for EventBridge to start it
resource "aws_iam_role" "process_upload_events" {
  name_prefix        = "${local.role_prefix}-process-d0ef4c97-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# pipeline.iac:48  workflow process_upload: role for EventBridge to start it
resource "aws_iam_role_policy" "process_upload_events" {
  name = "ProcessUploadEventsRolePolicy"
  role = aws_iam_role.process_upload_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartProcessUpload"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:media-${var.stage}-process-upload"
      },
    ]
  })
}

# pipeline.iac:88  uploads.deleted -> workflow forget_upload
resource "aws_cloudwatch_event_rule" "uploads_deleted_to_forget_upload" {
  name        = "${local.name_prefix}-uploads-deleted-to-forget-upload"
  description = "uploads.deleted -> forget_upload"
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
            prefix = "incoming/"
          },
        ]
      }
    }
  })
  state = "ENABLED"
}

# pipeline.iac:88  uploads.deleted -> workflow forget_upload: target forget_upload
resource "aws_cloudwatch_event_target" "uploads_deleted_to_forget_upload_forget_upload" {
  rule      = aws_cloudwatch_event_rule.uploads_deleted_to_forget_upload.name
  target_id = "forget_upload"
  arn       = aws_sfn_state_machine.forget_upload.arn
  role_arn  = aws_iam_role.forget_upload_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.forget_upload_dlq.arn
  }

  depends_on = [aws_iam_role_policy.forget_upload_events]
}

# pipeline.iac:80  workflow forget_upload: role for EventBridge to start it
resource "aws_iam_role" "forget_upload_events" {
  name_prefix        = "${local.role_prefix}-forget-6ec06f9a-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# pipeline.iac:80  workflow forget_upload: role for EventBridge to start it
resource "aws_iam_role_policy" "forget_upload_events" {
  name = "ForgetUploadEventsRolePolicy"
  role = aws_iam_role.forget_upload_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartForgetUpload"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:media-${var.stage}-forget-upload"
      },
    ]
  })
}
