# iac app shop: every resource, in the order the plan made them.

locals {
  # Every generated name starts with it: a second stage (`-var stage=prod`, in a state
  # of its own) gets names of its own.
  name_prefix = "${var.stage}-shop"
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

# events.iac:5  bus shop_events
resource "aws_cloudwatch_event_bus" "shop_events" {
  name = "${local.name_prefix}-shop-events"
}

# events.iac:16  topic partner_feed
resource "aws_sns_topic" "partner_feed" {
  name = "${local.name_prefix}-partner-feed"
}

# events.iac:16  topic partner_feed: who may send to it
resource "aws_sns_topic_policy" "partner_feed" {
  arn = aws_sns_topic.partner_feed.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToPartnerFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.partner_feed.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_partner_feed.arn
          }
        }
      },
    ]
  })
}

# events.iac:16  queue partner_feed_dlq (dead-letter queue)
resource "aws_sqs_queue" "partner_feed_dlq" {
  name                       = "${local.name_prefix}-partner-feed-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:16  queue partner_feed_dlq: who may send to it
resource "aws_sqs_queue_policy" "partner_feed_dlq" {
  queue_url = aws_sqs_queue.partner_feed_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToPartnerFeed"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.partner_feed_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_partner_feed.arn
          }
        }
      },
    ]
  })
}

# events.iac:17  queue audit_log
resource "aws_sqs_queue" "audit_log" {
  name                       = "${local.name_prefix}-audit-log"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:17  queue audit_log: who may send to it
resource "aws_sqs_queue_policy" "audit_log" {
  queue_url = aws_sqs_queue.audit_log.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToAuditLog"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.audit_log.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_audit_log.arn
          }
        }
      },
    ]
  })
}

# events.iac:17  queue audit_log_dlq (dead-letter queue)
resource "aws_sqs_queue" "audit_log_dlq" {
  name                       = "${local.name_prefix}-audit-log-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:17  queue audit_log_dlq: who may send to it
resource "aws_sqs_queue_policy" "audit_log_dlq" {
  queue_url = aws_sqs_queue.audit_log_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToAuditLog"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.audit_log_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_audit_log.arn
          }
        }
      },
    ]
  })
}

# events.iac:19  bucket receipts
resource "aws_s3_bucket" "receipts" {

  lifecycle {
    prevent_destroy = true
  }
}

# events.iac:19  bucket receipts: encryption at rest
resource "aws_s3_bucket_server_side_encryption_configuration" "receipts" {
  bucket = aws_s3_bucket.receipts.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# events.iac:19  bucket receipts: public access
resource "aws_s3_bucket_public_access_block" "receipts" {
  bucket                  = aws_s3_bucket.receipts.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# events.iac:19  bucket receipts: object ownership
resource "aws_s3_bucket_ownership_controls" "receipts" {
  bucket = aws_s3_bucket.receipts.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}


# events.iac:19  bucket receipts: lifecycle
resource "aws_s3_bucket_lifecycle_configuration" "receipts" {
  bucket = aws_s3_bucket.receipts.id

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
      days = 400
    }
  }
}

# events.iac:19  bucket receipts: policy
resource "aws_s3_bucket_policy" "receipts" {
  bucket = aws_s3_bucket.receipts.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.receipts.arn, "${aws_s3_bucket.receipts.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.receipts]
}

# events.iac:23  function send_receipt: log group
resource "aws_cloudwatch_log_group" "send_receipt" {
  name              = "/aws/lambda/${local.name_prefix}-send-receipt"
  retention_in_days = 30
}

# events.iac:23  function send_receipt: role
resource "aws_iam_role" "send_receipt" {
  name_prefix        = "${local.role_prefix}-send-receipt-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# events.iac:23  function send_receipt: role
resource "aws_iam_role_policy" "send_receipt" {
  name = "SendReceiptRolePolicy"
  role = aws_iam_role.send_receipt.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.send_receipt.arn}:*"
      },
      {
        Sid      = "WriteReceiptsObjects"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.receipts.arn}/*"
      },
      {
        Sid      = "DeliverToSendReceiptDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.send_receipt_dlq.arn
      },
    ]
  })
}

# events.iac:23  function send_receipt
resource "aws_lambda_function" "send_receipt" {
  function_name    = "${local.name_prefix}-send-receipt"
  role             = aws_iam_role.send_receipt.arn
  handler          = "send_receipt.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/send-receipt-34de31ebabcc7569.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/send-receipt-34de31ebabcc7569.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.send_receipt.name
  }

  environment {
    variables = {
      ORDER_STATUS_URL = "${aws_apigatewayv2_api.storefront.api_endpoint}/orders"
      RECEIPTS_BUCKET  = aws_s3_bucket.receipts.bucket
    }
  }

  depends_on = [aws_iam_role_policy.send_receipt]
}

# events.iac:23  queue send_receipt_dlq (dead-letter queue)
resource "aws_sqs_queue" "send_receipt_dlq" {
  name                       = "${local.name_prefix}-send-receipt-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:23  queue send_receipt_dlq: who may send to it
resource "aws_sqs_queue_policy" "send_receipt_dlq" {
  queue_url = aws_sqs_queue.send_receipt_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToSendReceipt"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.send_receipt_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_send_receipt.arn
          }
        }
      },
    ]
  })
}

# events.iac:33  table stock
resource "aws_dynamodb_table" "stock" {
  name         = "${local.name_prefix}-stock"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "sku"

  attribute {
    name = "sku"
    type = "S"
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

# events.iac:37  function reserve_stock: log group
resource "aws_cloudwatch_log_group" "reserve_stock" {
  name              = "/aws/lambda/${local.name_prefix}-reserve-stock"
  retention_in_days = 30
}

# events.iac:37  function reserve_stock: role
resource "aws_iam_role" "reserve_stock" {
  name_prefix        = "${local.role_prefix}-reserve-stock-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# events.iac:37  function reserve_stock: role
resource "aws_iam_role_policy" "reserve_stock" {
  name = "ReserveStockRolePolicy"
  role = aws_iam_role.reserve_stock.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.reserve_stock.arn}:*"
      },
      {
        Sid    = "ReadWriteStock"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:UpdateItem",
        ]
        Resource = [
          aws_dynamodb_table.stock.arn,
          "${aws_dynamodb_table.stock.arn}/index/*",
        ]
      },
      {
        Sid    = "WriteOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchWriteItem",
          "dynamodb:DeleteItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
        ]
        Resource = aws_dynamodb_table.orders.arn
      },
    ]
  })
}

# events.iac:37  function reserve_stock
resource "aws_lambda_function" "reserve_stock" {
  function_name    = "${local.name_prefix}-reserve-stock"
  role             = aws_iam_role.reserve_stock.arn
  handler          = "reserve_stock.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 15
  filename         = "${path.module}/assets/reserve-stock-00ab743758b35842.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/reserve-stock-00ab743758b35842.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.reserve_stock.name
  }

  environment {
    variables = {
      ORDERS_TABLE = aws_dynamodb_table.orders.name
      STOCK_TABLE  = aws_dynamodb_table.stock.name
    }
  }

  depends_on = [aws_iam_role_policy.reserve_stock]
}

# events.iac:48  queue pick_lists
resource "aws_sqs_queue" "pick_lists" {
  name                       = "${local.name_prefix}-pick-lists"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:52  workflow fulfil_order: role
resource "aws_iam_role" "fulfil_order" {
  name_prefix        = "${local.role_prefix}-fulfil-order-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# events.iac:52  workflow fulfil_order: role
resource "aws_iam_role_policy" "fulfil_order" {
  name = "FulfilOrderRolePolicy"
  role = aws_iam_role.fulfil_order.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeReserveStock"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:${var.stage}-shop-reserve-stock"
      },
      {
        Sid      = "SendToPickLists"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.pick_lists.arn
      },
    ]
  })
}

# events.iac:52  workflow fulfil_order
resource "aws_sfn_state_machine" "fulfil_order" {
  name     = "${local.name_prefix}-fulfil-order"
  type     = "STANDARD"
  role_arn = aws_iam_role.fulfil_order.arn
  definition = jsonencode({
    Comment = "workflow fulfil_order"
    StartAt = "Invoke reserve_stock"
    States = {
      "Invoke reserve_stock" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.reserve_stock.arn
          "Payload.$"  = "$"
        }
        TimeoutSeconds = 30
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
        ResultPath = "$.reservation"
        Next       = "Keep result of reserve_stock"
      }
      "Keep result of reserve_stock" = {
        Type       = "Pass"
        InputPath  = "$.reservation.Payload"
        ResultPath = "$.reservation"
        Next       = "If $.reservation.backordered == true"
      }
      "If $.reservation.backordered == true" = {
        Type = "Choice"
        Choices = [
          {
            Variable      = "$.reservation.backordered"
            BooleanEquals = true
            Next          = "Wait 1h"
          },
        ]
        Default = "If $.reservation.backordered == true 2"
      }
      "Wait 1h" = {
        Type    = "Wait"
        Seconds = 3600
        Next    = "Invoke reserve_stock 2"
      }
      "If $.reservation.backordered == true 2" = {
        Type = "Choice"
        Choices = [
          {
            Variable      = "$.reservation.backordered"
            BooleanEquals = true
            Next          = "Fail OutOfStock"
          },
        ]
        Default = "Send pick_lists"
      }
      "Invoke reserve_stock 2" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.reserve_stock.arn
          "Payload.$"  = "$"
        }
        TimeoutSeconds = 30
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
        ResultPath = "$.reservation"
        Next       = "Keep result of reserve_stock 2"
      }
      "Fail OutOfStock" = {
        Type  = "Fail"
        Error = "OutOfStock"
        Cause = "stock did not arrive within the hour; support takes it from here"
      }
      "Send pick_lists" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sqs:sendMessage"
        Parameters = {
          QueueUrl        = aws_sqs_queue.pick_lists.url
          "MessageBody.$" = "$"
        }
        ResultPath = null
        End        = true
      }
      "Keep result of reserve_stock 2" = {
        Type       = "Pass"
        InputPath  = "$.reservation.Payload"
        ResultPath = "$.reservation"
        Next       = "If $.reservation.backordered == true 2"
      }
    }
  })

  depends_on = [aws_iam_role_policy.fulfil_order]
}

# events.iac:52  queue fulfil_order_dlq (dead-letter queue)
resource "aws_sqs_queue" "fulfil_order_dlq" {
  name                       = "${local.name_prefix}-fulfil-order-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# events.iac:52  queue fulfil_order_dlq: who may send to it
resource "aws_sqs_queue_policy" "fulfil_order_dlq" {
  queue_url = aws_sqs_queue.fulfil_order_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopEventsEventToFulfilOrder"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.fulfil_order_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_events_event_to_fulfil_order.arn
          }
        }
      },
    ]
  })
}

# intake.iac:3  api storefront
resource "aws_apigatewayv2_api" "storefront" {
  name          = "${local.name_prefix}-storefront"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["*"]
    allow_headers = ["*"]
  }
}

# intake.iac:3  api storefront: access logs
resource "aws_cloudwatch_log_group" "storefront_access_logs" {
  name              = "/aws/apigateway/${local.name_prefix}-storefront"
  retention_in_days = 30
}

# intake.iac:3  api storefront: default stage
resource "aws_apigatewayv2_stage" "storefront" {
  api_id      = aws_apigatewayv2_api.storefront.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.storefront_access_logs.arn
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

# intake.iac:7  api storefront: POST /orders -> queue incoming_orders
resource "aws_apigatewayv2_integration" "storefront_post_orders" {
  api_id              = aws_apigatewayv2_api.storefront.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.storefront.arn
  request_parameters = {
    QueueUrl    = aws_sqs_queue.incoming_orders.url
    MessageBody = "$request.body"
  }
  payload_format_version = "1.0"
}

# intake.iac:7  api storefront: route POST /orders
resource "aws_apigatewayv2_route" "storefront_post_orders" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_post_orders.id}"
}

# intake.iac:8  api storefront: GET /orders/{id} may invoke order_api
resource "aws_lambda_permission" "storefront_get_orders_id" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_api.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/GET/orders/*"
  source_account = data.aws_caller_identity.current.account_id
}

# intake.iac:8  api storefront: GET /orders/{id} -> function order_api
resource "aws_apigatewayv2_integration" "storefront_get_orders_id" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.order_api.arn
  payload_format_version = "2.0"
}

# intake.iac:8  api storefront: route GET /orders/{id}
resource "aws_apigatewayv2_route" "storefront_get_orders_id" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "GET /orders/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_get_orders_id.id}"
}

# intake.iac:9  api storefront: PATCH /orders/{id} may invoke order_api
resource "aws_lambda_permission" "storefront_patch_orders_id" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_api.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/PATCH/orders/*"
  source_account = data.aws_caller_identity.current.account_id
}

# intake.iac:9  api storefront: PATCH /orders/{id} -> function order_api
resource "aws_apigatewayv2_integration" "storefront_patch_orders_id" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.order_api.arn
  payload_format_version = "2.0"
}

# intake.iac:9  api storefront: route PATCH /orders/{id}
resource "aws_apigatewayv2_route" "storefront_patch_orders_id" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "PATCH /orders/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_patch_orders_id.id}"
}

# intake.iac:10  api storefront: PUT /orders/{id}/address may invoke order_api
resource "aws_lambda_permission" "storefront_put_orders_id_address" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_api.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/PUT/orders/*/address"
  source_account = data.aws_caller_identity.current.account_id
}

# intake.iac:10  api storefront: PUT /orders/{id}/address -> function order_api
resource "aws_apigatewayv2_integration" "storefront_put_orders_id_address" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.order_api.arn
  payload_format_version = "2.0"
}

# intake.iac:10  api storefront: route PUT /orders/{id}/address
resource "aws_apigatewayv2_route" "storefront_put_orders_id_address" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "PUT /orders/{id}/address"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_put_orders_id_address.id}"
}

# intake.iac:11  api storefront: DELETE /orders/{id} may invoke order_api
resource "aws_lambda_permission" "storefront_delete_orders_id" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_api.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/DELETE/orders/*"
  source_account = data.aws_caller_identity.current.account_id
}

# intake.iac:11  api storefront: DELETE /orders/{id} -> function order_api
resource "aws_apigatewayv2_integration" "storefront_delete_orders_id" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.order_api.arn
  payload_format_version = "2.0"
}

# intake.iac:11  api storefront: route DELETE /orders/{id}
resource "aws_apigatewayv2_route" "storefront_delete_orders_id" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "DELETE /orders/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_delete_orders_id.id}"
}

# intake.iac:12  api storefront: POST /fulfilments -> workflow fulfil_order
resource "aws_apigatewayv2_integration" "storefront_post_fulfilments" {
  api_id              = aws_apigatewayv2_api.storefront.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartExecution"
  credentials_arn     = aws_iam_role.storefront.arn
  request_parameters = {
    StateMachineArn = aws_sfn_state_machine.fulfil_order.arn
    Input           = "$request.body"
  }
  payload_format_version = "1.0"
}

# intake.iac:12  api storefront: route POST /fulfilments
resource "aws_apigatewayv2_route" "storefront_post_fulfilments" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "POST /fulfilments"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_post_fulfilments.id}"
}

# intake.iac:13  api storefront: POST /webhooks/carrier -> bus shop_events
resource "aws_apigatewayv2_integration" "storefront_post_webhooks_carrier" {
  api_id              = aws_apigatewayv2_api.storefront.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "EventBridge-PutEvents"
  credentials_arn     = aws_iam_role.storefront.arn
  request_parameters = {
    Source       = "shop.storefront"
    DetailType   = "POST /webhooks/carrier"
    Detail       = "$request.body"
    EventBusName = aws_cloudwatch_event_bus.shop_events.name
  }
  payload_format_version = "1.0"
}

# intake.iac:13  api storefront: route POST /webhooks/carrier
resource "aws_apigatewayv2_route" "storefront_post_webhooks_carrier" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "POST /webhooks/carrier"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_post_webhooks_carrier.id}"
}

# intake.iac:19  queue incoming_orders
resource "aws_sqs_queue" "incoming_orders" {
  name                       = "${local.name_prefix}-incoming-orders"
  max_message_size           = 262144
  visibility_timeout_seconds = 180
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.incoming_orders_dlq.arn
    maxReceiveCount     = 5
  })
}

# intake.iac:19  queue incoming_orders_dlq (dead-letter queue)
resource "aws_sqs_queue" "incoming_orders_dlq" {
  name                       = "${local.name_prefix}-incoming-orders-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# intake.iac:25  function place_order: log group
resource "aws_cloudwatch_log_group" "place_order" {
  name              = "/aws/lambda/${local.name_prefix}-place-order"
  retention_in_days = 30
}

# intake.iac:25  function place_order: role
resource "aws_iam_role" "place_order" {
  name_prefix        = "${local.role_prefix}-place-order-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# intake.iac:25  function place_order: role
resource "aws_iam_role_policy" "place_order" {
  name = "PlaceOrderRolePolicy"
  role = aws_iam_role.place_order.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.place_order.arn}:*"
      },
      {
        Sid    = "WriteOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchWriteItem",
          "dynamodb:DeleteItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
        ]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Sid      = "SendPayments"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.payments.arn
      },
      {
        Sid      = "PutShopEvents"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_events.arn
      },
      {
        Sid    = "ConsumeIncomingOrders"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.incoming_orders.arn
      },
    ]
  })
}

# intake.iac:25  function place_order
resource "aws_lambda_function" "place_order" {
  function_name    = "${local.name_prefix}-place-order"
  role             = aws_iam_role.place_order.arn
  handler          = "place_order.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 256
  timeout          = 30
  filename         = "${path.module}/assets/place-order-e3a5672d8746379c.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/place-order-e3a5672d8746379c.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.place_order.name
  }

  environment {
    variables = {
      EVENT_BUS      = aws_cloudwatch_event_bus.shop_events.name
      ORDERS_TABLE   = aws_dynamodb_table.orders.name
      PAYMENTS_QUEUE = aws_sqs_queue.payments.url
      RETENTION_DAYS = var.retention_days
    }
  }

  depends_on = [aws_iam_role_policy.place_order]
}

# intake.iac:45  queue payments
resource "aws_sqs_queue" "payments" {
  name                        = "${local.name_prefix}-payments.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  max_message_size            = 262144
  visibility_timeout_seconds  = 120
  message_retention_seconds   = 345600
  delay_seconds               = 0
  sqs_managed_sse_enabled     = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.payments_dlq.arn
    maxReceiveCount     = 5
  })
}

# intake.iac:45  queue payments_dlq (dead-letter queue)
resource "aws_sqs_queue" "payments_dlq" {
  name                        = "${local.name_prefix}-payments-dlq.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  max_message_size            = 262144
  visibility_timeout_seconds  = 30
  message_retention_seconds   = 1209600
  delay_seconds               = 0
  sqs_managed_sse_enabled     = true
}

# intake.iac:55  secret payment_key
resource "aws_secretsmanager_secret" "payment_key" {
  name        = "${var.stage}/shop/payment-provider-key"
  description = "payment_key, generated by iac"
}

# intake.iac:55  secret payment_key: its generated value, ephemeral: never in the plan or the state
ephemeral "aws_secretsmanager_random_password" "payment_key" {
  password_length     = 32
  exclude_punctuation = true
}

# intake.iac:55  secret payment_key: the first value, write-only; rotate or set it later without Terraform undoing it
resource "aws_secretsmanager_secret_version" "payment_key" {
  secret_id        = aws_secretsmanager_secret.payment_key.id
  secret_string_wo = ephemeral.aws_secretsmanager_random_password.payment_key.random_password
  # Written once: Terraform sends a new value only when this number changes.
  secret_string_wo_version = 1
}

# intake.iac:59  function charge_payment: log group
resource "aws_cloudwatch_log_group" "charge_payment" {
  name              = "/aws/lambda/${local.name_prefix}-charge-payment"
  retention_in_days = 30
}

# intake.iac:59  function charge_payment: role
resource "aws_iam_role" "charge_payment" {
  name_prefix        = "${local.role_prefix}-charge-payment-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# intake.iac:59  function charge_payment: role
resource "aws_iam_role_policy" "charge_payment" {
  name = "ChargePaymentRolePolicy"
  role = aws_iam_role.charge_payment.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.charge_payment.arn}:*"
      },
      {
        Sid      = "ReadPaymentKey"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = aws_secretsmanager_secret.payment_key.arn
      },
      {
        Sid    = "ReadWriteOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:UpdateItem",
        ]
        Resource = [
          aws_dynamodb_table.orders.arn,
          "${aws_dynamodb_table.orders.arn}/index/*",
        ]
      },
      {
        Sid    = "ConsumePayments"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.payments.arn
      },
    ]
  })
}

# intake.iac:59  function charge_payment
resource "aws_lambda_function" "charge_payment" {
  function_name                  = "${local.name_prefix}-charge-payment"
  role                           = aws_iam_role.charge_payment.arn
  handler                        = "charge_payment.handler"
  runtime                        = "python3.12"
  architectures                  = ["x86_64"]
  memory_size                    = 128
  timeout                        = 20
  reserved_concurrent_executions = 5
  filename                       = "${path.module}/assets/charge-payment-1a2a0a666bac37a8.zip"
  source_code_hash               = filebase64sha256("${path.module}/assets/charge-payment-1a2a0a666bac37a8.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.charge_payment.name
  }

  environment {
    variables = {
      AMOUNT_FORMAT   = "$%.2f"
      ORDERS_TABLE    = aws_dynamodb_table.orders.name
      PAYMENT_KEY_ARN = aws_secretsmanager_secret.payment_key.arn
      PROVIDER_URL    = "https://api.payments.example.com/v1/charges"
    }
  }

  depends_on = [aws_iam_role_policy.charge_payment]
}

# intake.iac:76  function order_api: log group
resource "aws_cloudwatch_log_group" "order_api" {
  name              = "/aws/lambda/${local.name_prefix}-order-api"
  retention_in_days = 30
}

# intake.iac:76  function order_api: role
resource "aws_iam_role" "order_api" {
  name_prefix        = "${local.role_prefix}-order-api-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# intake.iac:76  function order_api: role
resource "aws_iam_role_policy" "order_api" {
  name = "OrderApiRolePolicy"
  role = aws_iam_role.order_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.order_api.arn}:*"
      },
      {
        Sid    = "ReadWriteOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:UpdateItem",
        ]
        Resource = [
          aws_dynamodb_table.orders.arn,
          "${aws_dynamodb_table.orders.arn}/index/*",
        ]
      },
    ]
  })
}

# intake.iac:76  function order_api
resource "aws_lambda_function" "order_api" {
  function_name    = "${local.name_prefix}-order-api"
  role             = aws_iam_role.order_api.arn
  handler          = "order_api.handler"
  runtime          = "python3.12"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/order-api-2cb69c5e34170455.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/order-api-2cb69c5e34170455.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.order_api.name
  }

  environment {
    variables = {
      ORDERS_TABLE = aws_dynamodb_table.orders.name
    }
  }

  depends_on = [aws_iam_role_policy.order_api]
}

# intake.iac:86  function replay_failed: log group
resource "aws_cloudwatch_log_group" "replay_failed" {
  name              = "/aws/lambda/${local.name_prefix}-replay-failed"
  retention_in_days = 30
}

# intake.iac:86  function replay_failed: role
resource "aws_iam_role" "replay_failed" {
  name_prefix        = "${local.role_prefix}-replay-failed-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# intake.iac:86  function replay_failed: role
resource "aws_iam_role_policy" "replay_failed" {
  name = "ReplayFailedRolePolicy"
  role = aws_iam_role.replay_failed.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.replay_failed.arn}:*"
      },
      {
        Sid    = "ReceiveIncomingOrdersDlq"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.incoming_orders_dlq.arn
      },
      {
        Sid      = "SendIncomingOrders"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.incoming_orders.arn
      },
    ]
  })
}

# intake.iac:86  function replay_failed
resource "aws_lambda_function" "replay_failed" {
  function_name    = "${local.name_prefix}-replay-failed"
  role             = aws_iam_role.replay_failed.arn
  handler          = "replay_failed.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 300
  filename         = "${path.module}/assets/replay-failed-ae208d92a4af95fb.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/replay-failed-ae208d92a4af95fb.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.replay_failed.name
  }

  environment {
    variables = {
      DLQ_URL   = aws_sqs_queue.incoming_orders_dlq.url
      QUEUE_URL = aws_sqs_queue.incoming_orders.url
    }
  }

  depends_on = [aws_iam_role_policy.replay_failed]
}

# orders.iac:4  table orders
resource "aws_dynamodb_table" "orders" {
  name             = "${local.name_prefix}-orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  range_key        = "placed_at"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "customer"
    type = "S"
  }

  attribute {
    name = "id"
    type = "S"
  }

  attribute {
    name = "placed_at"
    type = "N"
  }

  global_secondary_index {
    name            = "by_customer"
    hash_key        = "customer"
    range_key       = "placed_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
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

# orders.iac:17  function order_changes: log group
resource "aws_cloudwatch_log_group" "order_changes" {
  name              = "/aws/lambda/${local.name_prefix}-order-changes"
  retention_in_days = 30
}

# orders.iac:17  function order_changes: role
resource "aws_iam_role" "order_changes" {
  name_prefix        = "${local.role_prefix}-order-changes-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# orders.iac:17  function order_changes: role
resource "aws_iam_role_policy" "order_changes" {
  name = "OrderChangesRolePolicy"
  role = aws_iam_role.order_changes.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.order_changes.arn}:*"
      },
      {
        Sid      = "PublishOrderUpdates"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.order_updates.arn
      },
      {
        Sid      = "PublishAlerts"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.alerts.arn
      },
      {
        Sid      = "PutShopEvents"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_events.arn
      },
      {
        Sid    = "ReadStreamOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams",
        ]
        Resource = aws_dynamodb_table.orders.stream_arn
      },
      {
        Sid      = "DeliverToOrderChangesDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.order_changes_dlq.arn
      },
    ]
  })
}

# orders.iac:17  function order_changes
resource "aws_lambda_function" "order_changes" {
  function_name    = "${local.name_prefix}-order-changes"
  role             = aws_iam_role.order_changes.arn
  handler          = "order_changes.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 60
  filename         = "${path.module}/assets/order-changes-9230214150d5667c.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/order-changes-9230214150d5667c.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.order_changes.name
  }

  environment {
    variables = {
      ALERTS_TOPIC  = aws_sns_topic.alerts.arn
      EVENT_BUS     = aws_cloudwatch_event_bus.shop_events.name
      UPDATES_TOPIC = aws_sns_topic.order_updates.arn
    }
  }

  depends_on = [aws_iam_role_policy.order_changes]
}

# orders.iac:17  queue order_changes_dlq (dead-letter queue)
resource "aws_sqs_queue" "order_changes_dlq" {
  name                       = "${local.name_prefix}-order-changes-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# orders.iac:35  topic order_updates
resource "aws_sns_topic" "order_updates" {
  name = "${local.name_prefix}-order-updates"
}

# orders.iac:39  queue customer_notices
resource "aws_sqs_queue" "customer_notices" {
  name                       = "${local.name_prefix}-customer-notices"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 172800
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# orders.iac:39  queue customer_notices: who may send to it
resource "aws_sqs_queue_policy" "customer_notices" {
  queue_url = aws_sqs_queue.customer_notices.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromOrderUpdates"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.customer_notices.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.order_updates.arn
          }
        }
      },
    ]
  })
}

# orders.iac:39  queue customer_notices_dlq (dead-letter queue)
resource "aws_sqs_queue" "customer_notices_dlq" {
  name                       = "${local.name_prefix}-customer-notices-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# orders.iac:39  queue customer_notices_dlq: who may send to it
resource "aws_sqs_queue_policy" "customer_notices_dlq" {
  queue_url = aws_sqs_queue.customer_notices_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromOrderUpdates"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.customer_notices_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.order_updates.arn
          }
        }
      },
    ]
  })
}

# orders.iac:43  topic alerts
resource "aws_sns_topic" "alerts" {
  name = "${local.name_prefix}-alerts"
}

# orders.iac:45  function page_oncall: log group
resource "aws_cloudwatch_log_group" "page_oncall" {
  name              = "/aws/lambda/${local.name_prefix}-page-oncall"
  retention_in_days = 90
}

# orders.iac:45  function page_oncall: role
resource "aws_iam_role" "page_oncall" {
  name_prefix        = "${local.role_prefix}-page-oncall-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# orders.iac:45  function page_oncall: role
resource "aws_iam_role_policy" "page_oncall" {
  name = "PageOncallRolePolicy"
  role = aws_iam_role.page_oncall.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.page_oncall.arn}:*"
      },
      {
        Sid      = "DeliverToPageOncallDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.page_oncall_dlq.arn
      },
    ]
  })
}

# orders.iac:45  function page_oncall
resource "aws_lambda_function" "page_oncall" {
  function_name    = "${local.name_prefix}-page-oncall"
  role             = aws_iam_role.page_oncall.arn
  handler          = "page_oncall.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/page-oncall-e340303bd71bee9b.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/page-oncall-e340303bd71bee9b.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.page_oncall.name
  }

  environment {
    variables = {
      PAGER_URL = var.pager_url
      STAGE     = var.stage
    }
  }

  depends_on = [aws_iam_role_policy.page_oncall]
}

# orders.iac:45  queue page_oncall_dlq (dead-letter queue)
resource "aws_sqs_queue" "page_oncall_dlq" {
  name                       = "${local.name_prefix}-page-oncall-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# orders.iac:45  queue page_oncall_dlq: who may send to it
resource "aws_sqs_queue_policy" "page_oncall_dlq" {
  queue_url = aws_sqs_queue.page_oncall_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromAlerts"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.page_oncall_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# intake.iac:3  api storefront: role for its service integrations
resource "aws_iam_role" "storefront" {
  name_prefix        = "${local.role_prefix}-storefront-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# intake.iac:3  api storefront: role for its service integrations
resource "aws_iam_role_policy" "storefront" {
  name = "StorefrontRolePolicy"
  role = aws_iam_role.storefront.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "SendMessageIncomingOrders"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.incoming_orders.arn
      },
      {
        Sid      = "StartExecutionFulfilOrder"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:${var.stage}-shop-fulfil-order"
      },
      {
        Sid      = "PutEventsShopEvents"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_events.arn
      },
    ]
  })
}

# events.iac:8  shop_events.event -> workflow fulfil_order
resource "aws_cloudwatch_event_rule" "shop_events_event_to_fulfil_order" {
  name           = "${local.name_prefix}-shop-events-event-to-fulfil-order"
  description    = "shop_events.event -> fulfil_order"
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  event_pattern = jsonencode({
    source        = ["shop.orders"]
    "detail-type" = ["OrderPlaced"]
  })
  state = "ENABLED"
}

# events.iac:8  shop_events.event -> workflow fulfil_order: target fulfil_order
resource "aws_cloudwatch_event_target" "shop_events_event_to_fulfil_order_fulfil_order" {
  rule           = aws_cloudwatch_event_rule.shop_events_event_to_fulfil_order.name
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  target_id      = "fulfil_order"
  arn            = aws_sfn_state_machine.fulfil_order.arn
  role_arn       = aws_iam_role.fulfil_order_events.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.fulfil_order_dlq.arn
  }

  depends_on = [aws_iam_role_policy.fulfil_order_events]
}

# events.iac:52  workflow fulfil_order: role for EventBridge to start it
resource "aws_iam_role" "fulfil_order_events" {
  name_prefix        = "${local.role_prefix}-fulfil-41a402ea-"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role.json
}

# events.iac:52  workflow fulfil_order: role for EventBridge to start it
resource "aws_iam_role_policy" "fulfil_order_events" {
  name = "FulfilOrderEventsRolePolicy"
  role = aws_iam_role.fulfil_order_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartFulfilOrder"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:${var.stage}-shop-fulfil-order"
      },
    ]
  })
}

# events.iac:10  shop_events.event -> function send_receipt
resource "aws_cloudwatch_event_rule" "shop_events_event_to_send_receipt" {
  name           = "${local.name_prefix}-shop-events-event-to-send-receipt"
  description    = "shop_events.event -> send_receipt"
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  event_pattern = jsonencode({
    source        = ["shop.orders"]
    "detail-type" = ["OrderPlaced"]
  })
  state = "ENABLED"
}

# events.iac:10  shop_events.event -> function send_receipt: target send_receipt
resource "aws_cloudwatch_event_target" "shop_events_event_to_send_receipt_send_receipt" {
  rule           = aws_cloudwatch_event_rule.shop_events_event_to_send_receipt.name
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  target_id      = "send_receipt"
  arn            = aws_lambda_function.send_receipt.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.send_receipt_dlq.arn
  }
}

# events.iac:10  shop_events.event -> send_receipt
resource "aws_lambda_permission" "shop_events_event_to_send_receipt" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.send_receipt.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.shop_events_event_to_send_receipt.arn
  source_account = data.aws_caller_identity.current.account_id
}

# events.iac:12  shop_events.event -> topic partner_feed
resource "aws_cloudwatch_event_rule" "shop_events_event_to_partner_feed" {
  name           = "${local.name_prefix}-shop-events-event-to-partner-feed"
  description    = "shop_events.event -> partner_feed"
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  event_pattern = jsonencode({
    source        = ["shop.orders"]
    "detail-type" = ["OrderShipped"]
  })
  state = "ENABLED"
}

# events.iac:12  shop_events.event -> topic partner_feed: target partner_feed
resource "aws_cloudwatch_event_target" "shop_events_event_to_partner_feed_partner_feed" {
  rule           = aws_cloudwatch_event_rule.shop_events_event_to_partner_feed.name
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  target_id      = "partner_feed"
  arn            = aws_sns_topic.partner_feed.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.partner_feed_dlq.arn
  }
}

# events.iac:14  shop_events.event -> queue audit_log
resource "aws_cloudwatch_event_rule" "shop_events_event_to_audit_log" {
  name           = "${local.name_prefix}-shop-events-event-to-audit-log"
  description    = "shop_events.event -> audit_log"
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  event_pattern = jsonencode({
    account = [data.aws_caller_identity.current.account_id]
  })
  state = "ENABLED"
}

# events.iac:14  shop_events.event -> queue audit_log: target audit_log
resource "aws_cloudwatch_event_target" "shop_events_event_to_audit_log_audit_log" {
  rule           = aws_cloudwatch_event_rule.shop_events_event_to_audit_log.name
  event_bus_name = aws_cloudwatch_event_bus.shop_events.name
  target_id      = "audit_log"
  arn            = aws_sqs_queue.audit_log.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.audit_log_dlq.arn
  }
}

# intake.iac:41  incoming_orders.message -> function place_order
resource "aws_lambda_event_source_mapping" "incoming_orders_message_to_place_order" {
  function_name                      = aws_lambda_function.place_order.function_name
  event_source_arn                   = aws_sqs_queue.incoming_orders.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.place_order]
}

# intake.iac:73  payments.message -> function charge_payment
resource "aws_lambda_event_source_mapping" "payments_message_to_charge_payment" {
  function_name           = aws_lambda_function.charge_payment.function_name
  event_source_arn        = aws_sqs_queue.payments.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.charge_payment]
}

# orders.iac:31  orders.changed -> function order_changes
resource "aws_lambda_event_source_mapping" "orders_changed_to_order_changes" {
  function_name                  = aws_lambda_function.order_changes.function_name
  event_source_arn               = aws_dynamodb_table.orders.stream_arn
  batch_size                     = 100
  starting_position              = "LATEST"
  function_response_types        = ["ReportBatchItemFailures"]
  maximum_retry_attempts         = 3
  maximum_record_age_in_seconds  = 86400
  bisect_batch_on_function_error = true

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.order_changes_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.order_changes]
}

# orders.iac:40  order_updates.message -> queue customer_notices
resource "aws_sns_topic_subscription" "order_updates_message_to_customer_notices" {
  topic_arn = aws_sns_topic.order_updates.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.customer_notices.arn
  filter_policy = jsonencode({
    status = ["shipped", "delivered"]
  })
  raw_message_delivery = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.customer_notices_dlq.arn
  })
}

# orders.iac:54  alerts.message -> function page_oncall
resource "aws_lambda_permission" "alerts_message_to_page_oncall" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.page_oncall.arn
  principal      = "sns.amazonaws.com"
  source_arn     = aws_sns_topic.alerts.arn
  source_account = data.aws_caller_identity.current.account_id
}

# orders.iac:54  alerts.message -> function page_oncall
resource "aws_sns_topic_subscription" "alerts_message_to_page_oncall" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.page_oncall.arn
  filter_policy = jsonencode({
    severity = ["high", "critical"]
  })
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.page_oncall_dlq.arn
  })
}

# events.iac:23  function send_receipt: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "send_receipt_invoke_config" {
  function_name                = aws_lambda_function.send_receipt.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.send_receipt_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.send_receipt]
}

# orders.iac:45  function page_oncall: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "page_oncall_invoke_config" {
  function_name                = aws_lambda_function.page_oncall.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.page_oncall_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.page_oncall]
}
