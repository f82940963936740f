# iac app reports: every resource, in the order the plan made them.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

# Who may assume the roles of apigateway.amazonaws.com.
data "aws_iam_policy_document" "apigateway_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

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

# Who may assume the roles of vpc-flow-logs.amazonaws.com.
data "aws_iam_policy_document" "vpc_flow_logs_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

# data.iac:6  table sales
resource "aws_dynamodb_table" "sales" {
  name         = "reports-sales"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "day"
  range_key    = "at"

  attribute {
    name = "at"
    type = "S"
  }

  attribute {
    name = "day"
    type = "S"
  }

  attribute {
    name = "region"
    type = "S"
  }

  global_secondary_index {
    name            = "by_region"
    hash_key        = "region"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

# data.iac:14  bucket reports
resource "aws_s3_bucket" "reports" {
  bucket_prefix = "reports-reports-"

  lifecycle {
    prevent_destroy = true
  }
}

# data.iac:14  bucket reports: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# data.iac:14  bucket reports: public access
resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# data.iac:14  bucket reports: object ownership
resource "aws_s3_bucket_ownership_controls" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# data.iac:14  bucket reports: versioning
resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id

  versioning_configuration {
    status = "Enabled"
  }
}


# data.iac:14  bucket reports: lifecycle
resource "aws_s3_bucket_lifecycle_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    id     = "AbortIncompleteUploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  rule {
    id     = "ExpireObjects"
    status = "Enabled"

    filter {}

    expiration {
      days = 1096
    }
  }
}

# data.iac:14  bucket reports: policy
resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.reports]
}

# data.iac:19  topic report_ready
resource "aws_sns_topic" "report_ready" {
  name = "reports-report-ready"
}

# data.iac:20  topic sales_alarm
resource "aws_sns_topic" "sales_alarm" {
  name = "reports-sales-alarm"
}

# data.iac:21  bus analytics
resource "aws_cloudwatch_event_bus" "analytics" {
  name = "reports-analytics"
}

# data.iac:23  function collect_sales: log group
resource "aws_cloudwatch_log_group" "collect_sales" {
  name              = "/aws/lambda/reports-collect-sales"
  retention_in_days = 30
}

# data.iac:23  function collect_sales: role
resource "aws_iam_role" "collect_sales" {
  name_prefix        = "reports-collect-sales-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:23  function collect_sales: role
resource "aws_iam_role_policy" "collect_sales" {
  name = "CollectSalesRolePolicy"
  role = aws_iam_role.collect_sales.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.collect_sales.arn}:*"
      },
      {
        Sid    = "ReadSales"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.sales.arn,
          "${aws_dynamodb_table.sales.arn}/index/*",
        ]
      },
    ]
  })
}

# data.iac:23  function collect_sales
resource "aws_lambda_function" "collect_sales" {
  function_name    = "reports-collect-sales"
  role             = aws_iam_role.collect_sales.arn
  handler          = "collect_sales.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 512
  timeout          = 300
  filename         = "${path.module}/assets/collect-sales-52ded2123f03c94a.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/collect-sales-52ded2123f03c94a.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.collect_sales.name
  }

  environment {
    variables = {
      CURRENCY    = var.currency
      SALES_TABLE = aws_dynamodb_table.sales.name
    }
  }

  depends_on = [aws_iam_role_policy.collect_sales]
}

# data.iac:31  function render_region: log group
resource "aws_cloudwatch_log_group" "render_region" {
  name              = "/aws/lambda/reports-render-region"
  retention_in_days = 30
}

# data.iac:31  function render_region: role
resource "aws_iam_role" "render_region" {
  name_prefix        = "reports-render-region-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:31  function render_region: role
resource "aws_iam_role_policy" "render_region" {
  name = "RenderRegionRolePolicy"
  role = aws_iam_role.render_region.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.render_region.arn}:*"
      },
      {
        Sid    = "ReadSales"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.sales.arn,
          "${aws_dynamodb_table.sales.arn}/index/*",
        ]
      },
      {
        Sid      = "WriteReportsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
    ]
  })
}

# data.iac:31  function render_region
resource "aws_lambda_function" "render_region" {
  function_name    = "reports-render-region"
  role             = aws_iam_role.render_region.arn
  handler          = "render.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 120
  filename         = "${path.module}/assets/render-region-fc1fd40ba08d4c35.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/render-region-fc1fd40ba08d4c35.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.render_region.name
  }

  environment {
    variables = {
      REPORTS_BUCKET = aws_s3_bucket.reports.bucket
      SALES_TABLE    = aws_dynamodb_table.sales.name
      SEPARATOR      = "\t"
    }
  }

  depends_on = [aws_iam_role_policy.render_region]
}

# data.iac:44  function count_orders: log group
resource "aws_cloudwatch_log_group" "count_orders" {
  name              = "/aws/lambda/reports-count-orders"
  retention_in_days = 30
}

# data.iac:44  function count_orders: role
resource "aws_iam_role" "count_orders" {
  name_prefix        = "reports-count-orders-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:44  function count_orders: role
resource "aws_iam_role_policy" "count_orders" {
  name = "CountOrdersRolePolicy"
  role = aws_iam_role.count_orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.count_orders.arn}:*"
      },
      {
        Sid    = "ReadSales"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.sales.arn,
          "${aws_dynamodb_table.sales.arn}/index/*",
        ]
      },
    ]
  })
}

# data.iac:44  function count_orders
resource "aws_lambda_function" "count_orders" {
  function_name    = "reports-count-orders"
  role             = aws_iam_role.count_orders.arn
  handler          = "count_orders.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/count-orders-8734b8b8305a438c.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/count-orders-8734b8b8305a438c.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.count_orders.name
  }

  environment {
    variables = {
      SALES_TABLE = aws_dynamodb_table.sales.name
    }
  }

  depends_on = [aws_iam_role_policy.count_orders]
}

# data.iac:51  queue archive_jobs
resource "aws_sqs_queue" "archive_jobs" {
  name                       = "reports-archive-jobs"
  max_message_size           = 262144
  visibility_timeout_seconds = 600
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.archive_jobs_dlq.arn
    maxReceiveCount     = 3
  })
}

# data.iac:51  queue archive_jobs: who may send to it
resource "aws_sqs_queue_policy" "archive_jobs" {
  queue_url = aws_sqs_queue.archive_jobs.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromArchiveSweep"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.archive_jobs.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.archive_sweep.arn
          }
        }
      },
    ]
  })
}

# data.iac:51  queue archive_jobs_dlq (dead-letter queue)
resource "aws_sqs_queue" "archive_jobs_dlq" {
  name                       = "reports-archive-jobs-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# data.iac:51  queue archive_jobs_dlq: who may send to it
resource "aws_sqs_queue_policy" "archive_jobs_dlq" {
  queue_url = aws_sqs_queue.archive_jobs_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromArchiveSweep"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.archive_jobs_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.archive_sweep.arn
          }
        }
      },
    ]
  })
}

# data.iac:56  function archive_report: log group
resource "aws_cloudwatch_log_group" "archive_report" {
  name              = "/aws/lambda/reports-archive-report"
  retention_in_days = 30
}

# data.iac:56  function archive_report: role
resource "aws_iam_role" "archive_report" {
  name_prefix        = "reports-archive-report-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:56  function archive_report: role
resource "aws_iam_role_policy" "archive_report" {
  name = "ArchiveReportRolePolicy"
  role = aws_iam_role.archive_report.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.archive_report.arn}:*"
      },
      {
        Sid      = "ReadWriteDeleteListReportsObjects"
        Effect   = "Allow"
        Action   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
      {
        Sid      = "ReadWriteDeleteListReports"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = aws_s3_bucket.reports.arn
      },
      {
        Sid    = "ConsumeArchiveJobs"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.archive_jobs.arn
      },
    ]
  })
}

# data.iac:56  function archive_report
resource "aws_lambda_function" "archive_report" {
  function_name    = "reports-archive-report"
  role             = aws_iam_role.archive_report.arn
  handler          = "archive_report.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 120
  filename         = "${path.module}/assets/archive-report-14296d5394716c85.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/archive-report-14296d5394716c85.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.archive_report.name
  }

  environment {
    variables = {
      REPORTS_BUCKET = aws_s3_bucket.reports.bucket
    }
  }

  depends_on = [aws_iam_role_policy.archive_report]
}

# data.iac:66  function refresh_dashboard: log group
resource "aws_cloudwatch_log_group" "refresh_dashboard" {
  name              = "/aws/lambda/reports-refresh-dashboard"
  retention_in_days = 30
}

# data.iac:66  function refresh_dashboard: role
resource "aws_iam_role" "refresh_dashboard" {
  name_prefix        = "reports-refresh-dashboard-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:66  function refresh_dashboard: role
resource "aws_iam_role_policy" "refresh_dashboard" {
  name = "RefreshDashboardRolePolicy"
  role = aws_iam_role.refresh_dashboard.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.refresh_dashboard.arn}:*"
      },
      {
        Sid    = "ReadSales"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.sales.arn,
          "${aws_dynamodb_table.sales.arn}/index/*",
        ]
      },
      {
        Sid      = "WriteReportsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
      {
        Sid      = "DeliverToRefreshDashboardDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.refresh_dashboard_dlq.arn
      },
    ]
  })
}

# data.iac:66  function refresh_dashboard
resource "aws_lambda_function" "refresh_dashboard" {
  function_name    = "reports-refresh-dashboard"
  role             = aws_iam_role.refresh_dashboard.arn
  handler          = "refresh_dashboard.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/refresh-dashboard-3c0b925349ac7a53.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/refresh-dashboard-3c0b925349ac7a53.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.refresh_dashboard.name
  }

  environment {
    variables = {
      REPORTS_BUCKET = aws_s3_bucket.reports.bucket
      SALES_TABLE    = aws_dynamodb_table.sales.name
    }
  }

  depends_on = [aws_iam_role_policy.refresh_dashboard]
}

# data.iac:66  queue refresh_dashboard_dlq (dead-letter queue)
resource "aws_sqs_queue" "refresh_dashboard_dlq" {
  name                       = "reports-refresh-dashboard-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# data.iac:66  queue refresh_dashboard_dlq: who may send to it
resource "aws_sqs_queue_policy" "refresh_dashboard_dlq" {
  queue_url = aws_sqs_queue.refresh_dashboard_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromRefreshDashboardEvery5m"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.refresh_dashboard_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.refresh_dashboard_every_5m.arn
          }
        }
      },
    ]
  })
}

# data.iac:73  function compact_exports: log group
resource "aws_cloudwatch_log_group" "compact_exports" {
  name              = "/aws/lambda/reports-compact-exports"
  retention_in_days = 30
}

# data.iac:73  function compact_exports: role
resource "aws_iam_role" "compact_exports" {
  name_prefix        = "reports-compact-exports-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# data.iac:73  function compact_exports: role
resource "aws_iam_role_policy" "compact_exports" {
  name = "CompactExportsRolePolicy"
  role = aws_iam_role.compact_exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.compact_exports.arn}:*"
      },
      {
        Sid      = "ReadWriteDeleteListReportsObjects"
        Effect   = "Allow"
        Action   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
      {
        Sid      = "ReadWriteDeleteListReports"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = aws_s3_bucket.reports.arn
      },
      {
        Sid      = "DeliverToCompactExportsDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.compact_exports_dlq.arn
      },
    ]
  })
}

# data.iac:73  function compact_exports
resource "aws_lambda_function" "compact_exports" {
  function_name    = "reports-compact-exports"
  role             = aws_iam_role.compact_exports.arn
  handler          = "compact_exports.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 1024
  timeout          = 600
  filename         = "${path.module}/assets/compact-exports-b4d649071fb6c686.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/compact-exports-b4d649071fb6c686.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.compact_exports.name
  }

  environment {
    variables = {
      REPORTS_BUCKET = aws_s3_bucket.reports.bucket
    }
  }

  depends_on = [aws_iam_role_policy.compact_exports]
}

# data.iac:73  queue compact_exports_dlq (dead-letter queue)
resource "aws_sqs_queue" "compact_exports_dlq" {
  name                       = "reports-compact-exports-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# data.iac:73  queue compact_exports_dlq: who may send to it
resource "aws_sqs_queue_policy" "compact_exports_dlq" {
  queue_url = aws_sqs_queue.compact_exports_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromCompactExportsCron1"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.compact_exports_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.compact_exports_cron_1.arn
          }
        }
      },
    ]
  })
}

# triggers.iac:3  api reports_api
resource "aws_apigatewayv2_api" "reports_api" {
  name          = "reports-reports-api"
  protocol_type = "HTTP"
}

# triggers.iac:3  api reports_api: access logs
resource "aws_cloudwatch_log_group" "reports_api_access_logs" {
  name              = "/aws/apigateway/reports-reports-api"
  retention_in_days = 30
}

# triggers.iac:3  api reports_api: default stage
resource "aws_apigatewayv2_stage" "reports_api" {
  api_id      = aws_apigatewayv2_api.reports_api.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 1000
    throttling_burst_limit = 2000
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.reports_api_access_logs.arn
    format = jsonencode({
      requestId        = "$context.requestId"
      ip               = "$context.identity.sourceIp"
      requestTime      = "$context.requestTime"
      routeKey         = "$context.routeKey"
      status           = "$context.status"
      responseLength   = "$context.responseLength"
      integrationError = "$context.integrationErrorMessage"
    })
  }
}

# triggers.iac:4  api reports_api: POST /reports -> workflow build_report
resource "aws_apigatewayv2_integration" "reports_api_post_reports" {
  api_id              = aws_apigatewayv2_api.reports_api.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartExecution"
  credentials_arn     = aws_iam_role.reports_api.arn
  request_parameters = {
    StateMachineArn = aws_sfn_state_machine.build_report.arn
    Input           = "$request.body"
  }
  payload_format_version = "1.0"
}

# triggers.iac:4  api reports_api: route POST /reports
resource "aws_apigatewayv2_route" "reports_api_post_reports" {
  api_id    = aws_apigatewayv2_api.reports_api.id
  route_key = "POST /reports"
  target    = "integrations/${aws_apigatewayv2_integration.reports_api_post_reports.id}"
}

# triggers.iac:5  api reports_api: POST /archive -> queue archive_jobs
resource "aws_apigatewayv2_integration" "reports_api_post_archive" {
  api_id              = aws_apigatewayv2_api.reports_api.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.reports_api.arn
  request_parameters = {
    QueueUrl    = aws_sqs_queue.archive_jobs.url
    MessageBody = "$request.body"
  }
  payload_format_version = "1.0"
}

# triggers.iac:5  api reports_api: route POST /archive
resource "aws_apigatewayv2_route" "reports_api_post_archive" {
  api_id    = aws_apigatewayv2_api.reports_api.id
  route_key = "POST /archive"
  target    = "integrations/${aws_apigatewayv2_integration.reports_api_post_archive.id}"
}

# triggers.iac:9  schedule nightly
resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "reports-nightly"
  description         = "schedule nightly"
  schedule_expression = "cron(0 2 * * ? *)"
  state               = "ENABLED"
}

# triggers.iac:9  schedule nightly: target build_report
resource "aws_cloudwatch_event_target" "nightly_build_report" {
  rule      = aws_cloudwatch_event_rule.nightly.name
  target_id = "build_report"
  arn       = aws_sfn_state_machine.build_report.arn
  role_arn  = aws_iam_role.build_report_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.build_report_dlq.arn
  }

  depends_on = [aws_iam_role_policy.build_report_events]
}

# triggers.iac:14  schedule archive_sweep
resource "aws_cloudwatch_event_rule" "archive_sweep" {
  name                = "reports-archive-sweep"
  description         = "schedule archive_sweep"
  schedule_expression = "rate(6 hours)"
  state               = "ENABLED"
}

# triggers.iac:14  schedule archive_sweep: target archive_jobs
resource "aws_cloudwatch_event_target" "archive_sweep_archive_jobs" {
  rule      = aws_cloudwatch_event_rule.archive_sweep.name
  target_id = "archive_jobs"
  arn       = aws_sqs_queue.archive_jobs.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.archive_jobs_dlq.arn
  }
}

# triggers.iac:19  schedule weekly_export
resource "aws_cloudwatch_event_rule" "weekly_export" {
  name                = "reports-weekly-export"
  description         = "schedule weekly_export"
  schedule_expression = "cron(0 6 ? * MON *)"
  state               = "ENABLED"
}

# triggers.iac:19  schedule weekly_export: target warehouse_export
resource "aws_cloudwatch_event_target" "weekly_export_warehouse_export" {
  rule      = aws_cloudwatch_event_rule.weekly_export.name
  target_id = "warehouse_export"
  arn       = aws_ecs_cluster.cluster.arn
  role_arn  = aws_iam_role.warehouse_export_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.warehouse_export_dlq.arn
  }

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.warehouse_export.arn
    launch_type         = "FARGATE"
    task_count          = 1

    network_configuration {
      subnets          = [aws_subnet.vpc_public_subnet1.id, aws_subnet.vpc_public_subnet2.id]
      security_groups  = [aws_security_group.vpc_task.id]
      assign_public_ip = true
    }
  }

  depends_on = [aws_iam_role_policy.warehouse_export_events]
}

# triggers.iac:32  the app's ECS cluster
resource "aws_ecs_cluster" "cluster" {
  name = "reports"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# triggers.iac:32  network: a VPC for the app's tasks
resource "aws_vpc" "vpc" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

# triggers.iac:32  network: internet gateway
resource "aws_internet_gateway" "vpc" {}

# triggers.iac:32  network: internet gateway attachment
resource "aws_internet_gateway_attachment" "vpc" {
  internet_gateway_id = aws_internet_gateway.vpc.id
  vpc_id              = aws_vpc.vpc.id
}

# triggers.iac:32  network: public route table
resource "aws_route_table" "vpc_public" {
  vpc_id = aws_vpc.vpc.id
}

# triggers.iac:32  network: default route to the internet gateway
resource "aws_route" "vpc_public" {
  route_table_id         = aws_route_table.vpc_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.vpc.id

  depends_on = [aws_internet_gateway_attachment.vpc]
}

# triggers.iac:32  network: public subnet 1
resource "aws_subnet" "vpc_public_subnet1" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.0.0.0/24"
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = false
}

# triggers.iac:32  network: public subnet 1 uses the public route table
resource "aws_route_table_association" "vpc_public_subnet1" {
  subnet_id      = aws_subnet.vpc_public_subnet1.id
  route_table_id = aws_route_table.vpc_public.id
}

# triggers.iac:32  network: public subnet 2
resource "aws_subnet" "vpc_public_subnet2" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.0.1.0/24"
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = false
}

# triggers.iac:32  network: public subnet 2 uses the public route table
resource "aws_route_table_association" "vpc_public_subnet2" {
  subnet_id      = aws_subnet.vpc_public_subnet2.id
  route_table_id = aws_route_table.vpc_public.id
}

# triggers.iac:32  network: egress-only security group for tasks
resource "aws_security_group" "vpc_task" {
  description = "reports tasks: outbound HTTPS only"
  vpc_id      = aws_vpc.vpc.id

  egress {
    description = "HTTPS to AWS APIs and image registries"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# triggers.iac:32  network: flow log group
resource "aws_cloudwatch_log_group" "vpc_flow_logs" {
  name              = "/aws/vpc/reports-flow-logs"
  retention_in_days = 30
}

# triggers.iac:32  network: role for flow logs
resource "aws_iam_role" "vpc_flow_log" {
  name_prefix        = "reports-vpc-flow-log-"
  assume_role_policy = data.aws_iam_policy_document.vpc_flow_logs_assume_role.json
}

# triggers.iac:32  network: role for flow logs
resource "aws_iam_role_policy" "vpc_flow_log" {
  name = "VpcFlowLogRolePolicy"
  role = aws_iam_role.vpc_flow_log.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteFlowLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.vpc_flow_logs.arn}:*"
      },
    ]
  })
}

# triggers.iac:32  network: flow log
resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.vpc.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.vpc_flow_logs.arn
  iam_role_arn         = aws_iam_role.vpc_flow_log.arn
}

# triggers.iac:32  container warehouse_export: log group
resource "aws_cloudwatch_log_group" "warehouse_export" {
  name              = "/ecs/reports-warehouse-export"
  retention_in_days = 30
}

# triggers.iac:32  container warehouse_export: execution role
resource "aws_iam_role" "warehouse_export_execution" {
  name_prefix        = "reports-warehouse-export-execution-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json
}

# triggers.iac:32  container warehouse_export: execution role
resource "aws_iam_role_policy" "warehouse_export_execution" {
  name = "WarehouseExportExecutionRolePolicy"
  role = aws_iam_role.warehouse_export_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.warehouse_export.arn}:*"
      },
      {
        Sid    = "PullImage"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Resource = "arn:${data.aws_partition.current.partition}:ecr:us-east-1:123456789012:repository/warehouse-export"
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

# triggers.iac:32  container warehouse_export: task role
resource "aws_iam_role" "warehouse_export_task" {
  name_prefix        = "reports-warehouse-export-task-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json
}

# triggers.iac:32  container warehouse_export: task role
resource "aws_iam_role_policy" "warehouse_export_task" {
  name = "WarehouseExportTaskRolePolicy"
  role = aws_iam_role.warehouse_export_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadSales"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.sales.arn,
          "${aws_dynamodb_table.sales.arn}/index/*",
        ]
      },
      {
        Sid      = "WriteReportsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.reports.arn}/*"
      },
    ]
  })
}

# triggers.iac:32  container warehouse_export
resource "aws_ecs_task_definition" "warehouse_export" {
  family                   = "reports-warehouse-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "4096"
  task_role_arn            = aws_iam_role.warehouse_export_task.arn
  execution_role_arn       = aws_iam_role.warehouse_export_execution.arn
  container_definitions = jsonencode([
    {
      name                   = "warehouse_export"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/warehouse-export:2.3.1"
      essential              = true
      readonlyRootFilesystem = true
      mountPoints = [
        {
          sourceVolume  = "scratch"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      command = ["warehouse-export", "--since", "7d", "--format", "jsonl"]
      environment = [
        {
          name  = "DESTINATION"
          value = "s3://${aws_s3_bucket.reports.bucket}/exports/"
        },
        {
          name  = "SALES_TABLE"
          value = aws_dynamodb_table.sales.name
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.warehouse_export.name
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "warehouse_export"
        }
      }
    },
  ])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  volume {
    name = "scratch"
  }

  depends_on = [aws_iam_role_policy.warehouse_export_task, aws_iam_role_policy.warehouse_export_execution]
}

# triggers.iac:32  queue warehouse_export_dlq (dead-letter queue)
resource "aws_sqs_queue" "warehouse_export_dlq" {
  name                       = "reports-warehouse-export-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# triggers.iac:32  queue warehouse_export_dlq: who may send to it
resource "aws_sqs_queue_policy" "warehouse_export_dlq" {
  queue_url = aws_sqs_queue.warehouse_export_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromWeeklyExport"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.warehouse_export_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.weekly_export.arn
          }
        }
      },
    ]
  })
}

# workflows.iac:16  workflow build_report: role
resource "aws_iam_role" "build_report" {
  name_prefix        = "reports-build-report-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# workflows.iac:16  workflow build_report: role
resource "aws_iam_role_policy" "build_report" {
  name = "BuildReportRolePolicy"
  role = aws_iam_role.build_report.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeCollectSales"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:reports-collect-sales"
      },
      {
        Sid      = "InvokeRenderRegion"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:reports-render-region"
      },
      {
        Sid      = "PublishToReportReady"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.report_ready.arn
      },
      {
        Sid      = "PutEventsOnAnalytics"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.analytics.arn
      },
      {
        Sid      = "SendToArchiveJobs"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.archive_jobs.arn
      },
    ]
  })
}

# workflows.iac:16  workflow build_report
resource "aws_sfn_state_machine" "build_report" {
  name     = "reports-build-report"
  type     = "STANDARD"
  role_arn = aws_iam_role.build_report.arn
  definition = jsonencode({
    Comment = "workflow build_report"
    StartAt = "If not exists $.period and not exists $.time"
    States = {
      "If not exists $.period and not exists $.time" = {
        Type = "Choice"
        Choices = [
          {
            And = [
              {
                Not = {
                  Variable  = "$.period"
                  IsPresent = true
                }
              },
              {
                Not = {
                  Variable  = "$.time"
                  IsPresent = true
                }
              },
            ]
            Next = "Fail BadInput"
          },
        ]
        Default = "Invoke collect_sales"
      }
      "Fail BadInput" = {
        Type  = "Fail"
        Error = "BadInput"
        Cause = "start the report with {\"period\": \"YYYY-MM\"}"
      }
      "Invoke collect_sales" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.collect_sales.arn
          "Payload.$"  = "$"
        }
        TimeoutSeconds = 300
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
        ResultPath = "$.summary"
        Next       = "Keep result of collect_sales"
      }
      "Keep result of collect_sales" = {
        Type       = "Pass"
        InputPath  = "$.summary.Payload"
        ResultPath = "$.summary"
        Next       = "If $.summary.rows == 0"
      }
      "If $.summary.rows == 0" = {
        Type = "Choice"
        Choices = [
          {
            Variable      = "$.summary.rows"
            NumericEquals = 0
            Next          = "Succeed"
          },
          {
            And = [
              {
                Variable     = "$.summary.status"
                StringEquals = "incomplete"
              },
              {
                Variable        = "$.summary.data_age"
                NumericLessThan = 7200
              },
            ]
            Next = "Wait 15m"
          },
          {
            And = [
              {
                Or = [
                  {
                    Variable      = "$.summary.partial"
                    BooleanEquals = true
                  },
                  {
                    Variable  = "$.summary.errors"
                    IsPresent = true
                  },
                ]
              },
              {
                Not = {
                  Variable  = "$.force"
                  IsPresent = true
                }
              },
            ]
            Next = "Fail PartialData"
          },
        ]
        Default = "For each $.summary.regions"
      }
      Succeed = {
        Type = "Succeed"
      }
      "Wait 15m" = {
        Type    = "Wait"
        Seconds = 900
        Next    = "Invoke collect_sales 2"
      }
      "Fail PartialData" = {
        Type  = "Fail"
        Error = "PartialData"
        Cause = "some days have no sales data; start again with \"force\": true to publish anyway"
      }
      "For each $.summary.regions" = {
        Type      = "Map"
        ItemsPath = "$.summary.regions"
        ItemProcessor = {
          ProcessorConfig = {
            Mode = "INLINE"
          }
          StartAt = "If $.rows > 0"
          States = {
            "If $.rows > 0" = {
              Type = "Choice"
              Choices = [
                {
                  Variable           = "$.rows"
                  NumericGreaterThan = 0
                  Next               = "Invoke render_region"
                },
              ]
              Default = "Done"
            }
            "Invoke render_region" = {
              Type     = "Task"
              Resource = "arn:aws:states:::lambda:invoke"
              Parameters = {
                FunctionName = aws_lambda_function.render_region.arn
                "Payload.$"  = "$"
              }
              TimeoutSeconds = 300
              Retry = [
                {
                  ErrorEquals     = ["States.ALL"]
                  IntervalSeconds = 2
                  MaxAttempts     = 2
                  BackoffRate     = 2.0
                },
              ]
              OutputPath = "$.Payload"
              End        = true
            }
            Done = {
              Type = "Pass"
              End  = true
            }
          }
        }
        ResultPath = null
        Next       = "Parallel"
      }
      "Invoke collect_sales 2" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.collect_sales.arn
          "Payload.$"  = "$"
        }
        TimeoutSeconds = 300
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
        ResultPath = "$.summary"
        Next       = "Keep result of collect_sales 2"
      }
      Parallel = {
        Type = "Parallel"
        Branches = [
          {
            StartAt = "Publish report_ready"
            States = {
              "Publish report_ready" = {
                Type     = "Task"
                Resource = "arn:aws:states:::sns:publish"
                Parameters = {
                  TopicArn    = aws_sns_topic.report_ready.arn
                  "Message.$" = "$"
                }
                ResultPath = null
                End        = true
              }
            }
          },
          {
            StartAt = "Put analytics"
            States = {
              "Put analytics" = {
                Type     = "Task"
                Resource = "arn:aws:states:::events:putEvents"
                Parameters = {
                  Entries = [
                    {
                      EventBusName = aws_cloudwatch_event_bus.analytics.name
                      Source       = "reports.build_report"
                      DetailType   = "build_report"
                      "Detail.$"   = "$"
                    },
                  ]
                }
                ResultPath = null
                End        = true
              }
            }
          },
          {
            StartAt = "Send archive_jobs"
            States = {
              "Send archive_jobs" = {
                Type     = "Task"
                Resource = "arn:aws:states:::sqs:sendMessage"
                Parameters = {
                  QueueUrl        = aws_sqs_queue.archive_jobs.url
                  "MessageBody.$" = "$"
                }
                ResultPath = null
                End        = true
              }
            }
          },
        ]
        Next = "Succeed 2"
      }
      "Keep result of collect_sales 2" = {
        Type       = "Pass"
        InputPath  = "$.summary.Payload"
        ResultPath = "$.summary"
        Next       = "For each $.summary.regions"
      }
      "Succeed 2" = {
        Type = "Succeed"
      }
    }
  })

  depends_on = [aws_iam_role_policy.build_report]
}

# workflows.iac:16  queue build_report_dlq (dead-letter queue)
resource "aws_sqs_queue" "build_report_dlq" {
  name                       = "reports-build-report-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# workflows.iac:16  queue build_report_dlq: who may send to it
resource "aws_sqs_queue_policy" "build_report_dlq" {
  queue_url = aws_sqs_queue.build_report_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromNightly"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.build_report_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.nightly.arn
          }
        }
      },
    ]
  })
}

# workflows.iac:60  workflow sales_watch: execution history
resource "aws_cloudwatch_log_group" "sales_watch_logs" {
  name              = "/aws/vendedlogs/states/reports-sales-watch"
  retention_in_days = 30
}

# workflows.iac:60  workflow sales_watch: role
resource "aws_iam_role" "sales_watch" {
  name_prefix        = "reports-sales-watch-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# workflows.iac:60  workflow sales_watch: role
resource "aws_iam_role_policy" "sales_watch" {
  name = "SalesWatchRolePolicy"
  role = aws_iam_role.sales_watch.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeCountOrders"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:reports-count-orders"
      },
      {
        Sid      = "PublishToSalesAlarm"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.sales_alarm.arn
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

# workflows.iac:60  workflow sales_watch
resource "aws_sfn_state_machine" "sales_watch" {
  name     = "reports-sales-watch"
  type     = "EXPRESS"
  role_arn = aws_iam_role.sales_watch.arn
  definition = jsonencode({
    Comment = "workflow sales_watch"
    StartAt = "Invoke count_orders"
    States = {
      "Invoke count_orders" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.count_orders.arn
          "Payload.$"  = "$"
        }
        TimeoutSeconds = 30
        ResultSelector = {
          "Payload.$" = "$.Payload"
        }
        ResultPath = "$.stats"
        Next       = "Keep result of count_orders"
      }
      "Keep result of count_orders" = {
        Type       = "Pass"
        InputPath  = "$.stats.Payload"
        ResultPath = "$.stats"
        Next       = "If $.stats.orders == 0 and $.stats.hour >= 7 and $.stats.hou..."
      }
      "If $.stats.orders == 0 and $.stats.hour >= 7 and $.stats.hou..." = {
        Type = "Choice"
        Choices = [
          {
            And = [
              {
                Variable      = "$.stats.orders"
                NumericEquals = 0
              },
              {
                Variable                 = "$.stats.hour"
                NumericGreaterThanEquals = 7
              },
              {
                Variable        = "$.stats.hour"
                NumericLessThan = 20
              },
            ]
            Next = "Publish sales_alarm"
          },
          {
            And = [
              {
                Not = {
                  Variable      = "$.stats.orders"
                  NumericEquals = 0
                }
              },
              {
                Variable           = "$.stats.refund_share"
                NumericGreaterThan = 0.5
              },
            ]
            Next = "Publish sales_alarm 2"
          },
        ]
        Default = "Succeed"
      }
      "Publish sales_alarm" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sns:publish"
        Parameters = {
          TopicArn    = aws_sns_topic.sales_alarm.arn
          "Message.$" = "$"
        }
        ResultPath = null
        End        = true
      }
      "Publish sales_alarm 2" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sns:publish"
        Parameters = {
          TopicArn    = aws_sns_topic.sales_alarm.arn
          "Message.$" = "$"
        }
        ResultPath = null
        End        = true
      }
      Succeed = {
        Type = "Succeed"
      }
    }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.sales_watch_logs.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }

  depends_on = [aws_iam_role_policy.sales_watch]
}

# workflows.iac:60  queue sales_watch_dlq (dead-letter queue)
resource "aws_sqs_queue" "sales_watch_dlq" {
  name                       = "reports-sales-watch-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# workflows.iac:60  queue sales_watch_dlq: who may send to it
resource "aws_sqs_queue_policy" "sales_watch_dlq" {
  queue_url = aws_sqs_queue.sales_watch_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromSalesWatchEvery15m"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.sales_watch_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.sales_watch_every_15m.arn
          }
        }
      },
    ]
  })
}

# triggers.iac:25  schedule refresh_dashboard_every_5m
resource "aws_cloudwatch_event_rule" "refresh_dashboard_every_5m" {
  name                = "reports-refresh-dashboard-every-5m"
  description         = "schedule refresh_dashboard_every_5m"
  schedule_expression = "rate(5 minutes)"
  state               = "ENABLED"
}

# triggers.iac:25  schedule refresh_dashboard_every_5m: target refresh_dashboard
resource "aws_cloudwatch_event_target" "refresh_dashboard_every_5m_refresh_dashboard" {
  rule      = aws_cloudwatch_event_rule.refresh_dashboard_every_5m.name
  target_id = "refresh_dashboard"
  arn       = aws_lambda_function.refresh_dashboard.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.refresh_dashboard_dlq.arn
  }
}

# triggers.iac:26  schedule sales_watch_every_15m
resource "aws_cloudwatch_event_rule" "sales_watch_every_15m" {
  name                = "reports-sales-watch-every-15m"
  description         = "schedule sales_watch_every_15m"
  schedule_expression = "rate(15 minutes)"
  state               = "ENABLED"
}

# triggers.iac:26  schedule sales_watch_every_15m: target sales_watch
resource "aws_cloudwatch_event_target" "sales_watch_every_15m_sales_watch" {
  rule      = aws_cloudwatch_event_rule.sales_watch_every_15m.name
  target_id = "sales_watch"
  arn       = aws_sfn_state_machine.sales_watch.arn
  role_arn  = aws_iam_role.sales_watch_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.sales_watch_dlq.arn
  }

  depends_on = [aws_iam_role_policy.sales_watch_events]
}

# triggers.iac:27  schedule compact_exports_cron_1
resource "aws_cloudwatch_event_rule" "compact_exports_cron_1" {
  name                = "reports-compact-exports-cron-1"
  description         = "schedule compact_exports_cron_1"
  schedule_expression = "cron(0 3 * * ? *)"
  state               = "ENABLED"
}

# triggers.iac:27  schedule compact_exports_cron_1: target compact_exports
resource "aws_cloudwatch_event_target" "compact_exports_cron_1_compact_exports" {
  rule      = aws_cloudwatch_event_rule.compact_exports_cron_1.name
  target_id = "compact_exports"
  arn       = aws_lambda_function.compact_exports.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.compact_exports_dlq.arn
  }
}

# triggers.iac:3  api reports_api: role for its service integrations
resource "aws_iam_role" "reports_api" {
  name_prefix        = "reports-reports-api-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# triggers.iac:3  api reports_api: role for its service integrations
resource "aws_iam_role_policy" "reports_api" {
  name = "ReportsApiRolePolicy"
  role = aws_iam_role.reports_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartExecutionBuildReport"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:reports-build-report"
      },
      {
        Sid      = "SendMessageArchiveJobs"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.archive_jobs.arn
      },
    ]
  })
}

# data.iac:64  archive_jobs.message -> function archive_report
resource "aws_lambda_event_source_mapping" "archive_jobs_message_to_archive_report" {
  function_name                      = aws_lambda_function.archive_report.function_name
  event_source_arn                   = aws_sqs_queue.archive_jobs.arn
  batch_size                         = 50
  maximum_batching_window_in_seconds = 30
  function_response_types            = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.archive_report]
}

# workflows.iac:16  workflow build_report: role for EventBridge to start it
resource "aws_iam_role" "build_report_events" {
  name_prefix        = "reports-build-report-events-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# workflows.iac:16  workflow build_report: role for EventBridge to start it
resource "aws_iam_role_policy" "build_report_events" {
  name = "BuildReportEventsRolePolicy"
  role = aws_iam_role.build_report_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartBuildReport"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:reports-build-report"
      },
    ]
  })
}

# triggers.iac:32  container warehouse_export: role for EventBridge to start it
resource "aws_iam_role" "warehouse_export_events" {
  name_prefix        = "reports-warehouse-export-events-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# triggers.iac:32  container warehouse_export: role for EventBridge to start it
resource "aws_iam_role_policy" "warehouse_export_events" {
  name = "WarehouseExportEventsRolePolicy"
  role = aws_iam_role.warehouse_export_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RunWarehouseExport"
        Effect   = "Allow"
        Action   = "ecs:RunTask"
        Resource = "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:task-definition/reports-warehouse-export:*"
        Condition = {
          ArnEquals = {
            "ecs:cluster" = aws_ecs_cluster.cluster.arn
          }
        }
      },
      {
        Sid    = "PassRolesOfWarehouseExport"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          aws_iam_role.warehouse_export_task.arn,
          aws_iam_role.warehouse_export_execution.arn,
        ]
      },
    ]
  })
}

# triggers.iac:25  refresh_dashboard_every_5m.tick -> refresh_dashboard
resource "aws_lambda_permission" "refresh_dashboard_every_5m_to_refresh_dashboard" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.refresh_dashboard.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.refresh_dashboard_every_5m.arn
  source_account = data.aws_caller_identity.current.account_id
}

# workflows.iac:60  workflow sales_watch: role for EventBridge to start it
resource "aws_iam_role" "sales_watch_events" {
  name_prefix        = "reports-sales-watch-events-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# workflows.iac:60  workflow sales_watch: role for EventBridge to start it
resource "aws_iam_role_policy" "sales_watch_events" {
  name = "SalesWatchEventsRolePolicy"
  role = aws_iam_role.sales_watch_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartSalesWatch"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:reports-sales-watch"
      },
    ]
  })
}

# triggers.iac:27  compact_exports_cron_1.tick -> compact_exports
resource "aws_lambda_permission" "compact_exports_cron_1_to_compact_exports" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.compact_exports.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.compact_exports_cron_1.arn
  source_account = data.aws_caller_identity.current.account_id
}

# data.iac:66  function refresh_dashboard: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "refresh_dashboard_invoke_config" {
  function_name                = aws_lambda_function.refresh_dashboard.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.refresh_dashboard_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.refresh_dashboard]
}

# data.iac:73  function compact_exports: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "compact_exports_invoke_config" {
  function_name                = aws_lambda_function.compact_exports.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.compact_exports_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.compact_exports]
}
