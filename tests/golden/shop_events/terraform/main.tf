# iac app shop_events: every resource, in the order the plan made them.

locals {
  # Every generated name starts with it: a second stage (`-var stage=prod`, in a state
  # of its own) gets names of its own.
  name_prefix = "${var.stage}-shopev"
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

# shop_events.iac:17  api storefront
resource "aws_apigatewayv2_api" "storefront" {
  name          = "${local.name_prefix}-storefront"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["*"]
    allow_headers = ["*"]
  }
}

# shop_events.iac:17  api storefront: access logs
resource "aws_cloudwatch_log_group" "storefront_access_logs" {
  name              = "/aws/apigateway/${local.name_prefix}-storefront"
  retention_in_days = 30
}

# shop_events.iac:17  api storefront: default stage
resource "aws_apigatewayv2_stage" "storefront" {
  api_id      = aws_apigatewayv2_api.storefront.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
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

# shop_events.iac:19  api storefront: GET /orders/{id} may invoke get_order
resource "aws_lambda_permission" "storefront_get_orders_id" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.get_order.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/GET/orders/*"
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:19  api storefront: GET /orders/{id} -> function get_order
resource "aws_apigatewayv2_integration" "storefront_get_orders_id" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_order.arn
  payload_format_version = "2.0"
}

# shop_events.iac:19  api storefront: route GET /orders/{id}
resource "aws_apigatewayv2_route" "storefront_get_orders_id" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "GET /orders/{id}"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_get_orders_id.id}"
}

# shop_events.iac:20  api storefront: POST /orders -> queue intake
resource "aws_apigatewayv2_integration" "storefront_post_orders" {
  api_id              = aws_apigatewayv2_api.storefront.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.storefront.arn
  request_parameters = {
    QueueUrl    = aws_sqs_queue.intake.url
    MessageBody = "$request.body"
  }
  payload_format_version = "1.0"
}

# shop_events.iac:20  api storefront: route POST /orders
resource "aws_apigatewayv2_route" "storefront_post_orders" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_post_orders.id}"
}

# shop_events.iac:21  api storefront: POST /events -> bus shop_bus
resource "aws_apigatewayv2_integration" "storefront_post_events" {
  api_id              = aws_apigatewayv2_api.storefront.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "EventBridge-PutEvents"
  credentials_arn     = aws_iam_role.storefront.arn
  request_parameters = {
    Source       = "shop_events.storefront"
    DetailType   = "POST /events"
    Detail       = "$request.body"
    EventBusName = aws_cloudwatch_event_bus.shop_bus.name
  }
  payload_format_version = "1.0"
}

# shop_events.iac:21  api storefront: route POST /events
resource "aws_apigatewayv2_route" "storefront_post_events" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "POST /events"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_post_events.id}"
}

# shop_events.iac:22  api storefront: ANY /admin/{proxy+} may invoke get_order
resource "aws_lambda_permission" "storefront_any_admin_proxy" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.get_order.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.storefront.execution_arn}/*/*/admin/*"
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:22  api storefront: ANY /admin/{proxy+} -> function get_order
resource "aws_apigatewayv2_integration" "storefront_any_admin_proxy" {
  api_id                 = aws_apigatewayv2_api.storefront.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_order.arn
  payload_format_version = "2.0"
}

# shop_events.iac:22  api storefront: route ANY /admin/{proxy+}
resource "aws_apigatewayv2_route" "storefront_any_admin_proxy" {
  api_id    = aws_apigatewayv2_api.storefront.id
  route_key = "ANY /admin/{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.storefront_any_admin_proxy.id}"
}

# shop_events.iac:26  queue intake
resource "aws_sqs_queue" "intake" {
  name                       = "${local.name_prefix}-intake"
  max_message_size           = 262144
  visibility_timeout_seconds = 120
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.intake_dlq.arn
    maxReceiveCount     = 5
  })
}

# shop_events.iac:26  queue intake_dlq (dead-letter queue)
resource "aws_sqs_queue" "intake_dlq" {
  name                       = "${local.name_prefix}-intake-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:31  function place_order: log group
resource "aws_cloudwatch_log_group" "place_order" {
  name              = "/aws/lambda/${local.name_prefix}-place-order"
  retention_in_days = 30
}

# shop_events.iac:31  function place_order: role
resource "aws_iam_role" "place_order" {
  name_prefix        = "${local.role_prefix}-place-order-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# shop_events.iac:31  function place_order: role
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
        Sid      = "PutShopBus"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_bus.arn
      },
      {
        Sid    = "ConsumeIntake"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.intake.arn
      },
    ]
  })
}

# shop_events.iac:31  function place_order
resource "aws_lambda_function" "place_order" {
  function_name    = "${local.name_prefix}-place-order"
  role             = aws_iam_role.place_order.arn
  handler          = "place_order.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 256
  timeout          = 20
  filename         = "${path.module}/assets/place-order-7379e1214bd3de13.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/place-order-7379e1214bd3de13.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.place_order.name
  }

  environment {
    variables = {
      BUS_NAME     = aws_cloudwatch_event_bus.shop_bus.name
      ORDERS_TABLE = aws_dynamodb_table.orders.name
      STAGE        = var.stage
    }
  }

  depends_on = [aws_iam_role_policy.place_order]
}

# shop_events.iac:45  function get_order: log group
resource "aws_cloudwatch_log_group" "get_order" {
  name              = "/aws/lambda/${local.name_prefix}-get-order"
  retention_in_days = 30
}

# shop_events.iac:45  function get_order: role
resource "aws_iam_role" "get_order" {
  name_prefix        = "${local.role_prefix}-get-order-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# shop_events.iac:45  function get_order: role
resource "aws_iam_role_policy" "get_order" {
  name = "GetOrderRolePolicy"
  role = aws_iam_role.get_order.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.get_order.arn}:*"
      },
      {
        Sid    = "ReadOrders"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = [
          aws_dynamodb_table.orders.arn,
          "${aws_dynamodb_table.orders.arn}/index/*",
        ]
      },
      {
        Sid      = "DeliverToGetOrderDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.get_order_dlq.arn
      },
    ]
  })
}

# shop_events.iac:45  function get_order
resource "aws_lambda_function" "get_order" {
  function_name    = "${local.name_prefix}-get-order"
  role             = aws_iam_role.get_order.arn
  handler          = "get_order.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/get-order-466f1ddb0d25f240.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/get-order-466f1ddb0d25f240.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.get_order.name
  }

  environment {
    variables = {
      ORDERS_TABLE = aws_dynamodb_table.orders.name
    }
  }

  depends_on = [aws_iam_role_policy.get_order]
}

# shop_events.iac:45  queue get_order_dlq (dead-letter queue)
resource "aws_sqs_queue" "get_order_dlq" {
  name                       = "${local.name_prefix}-get-order-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:45  queue get_order_dlq: who may send to it
resource "aws_sqs_queue_policy" "get_order_dlq" {
  queue_url = aws_sqs_queue.get_order_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromHourlyReport"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.get_order_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.hourly_report.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:51  table orders
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

# shop_events.iac:61  function project_order: log group
resource "aws_cloudwatch_log_group" "project_order" {
  name              = "/aws/lambda/${local.name_prefix}-project-order"
  retention_in_days = 30
}

# shop_events.iac:61  function project_order: role
resource "aws_iam_role" "project_order" {
  name_prefix        = "${local.role_prefix}-project-order-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# shop_events.iac:61  function project_order: role
resource "aws_iam_role_policy" "project_order" {
  name = "ProjectOrderRolePolicy"
  role = aws_iam_role.project_order.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.project_order.arn}:*"
      },
      {
        Sid      = "PublishAlerts"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.alerts.arn
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
        Sid      = "DeliverToProjectOrderDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.project_order_dlq.arn
      },
    ]
  })
}

# shop_events.iac:61  function project_order
resource "aws_lambda_function" "project_order" {
  function_name    = "${local.name_prefix}-project-order"
  role             = aws_iam_role.project_order.arn
  handler          = "project_order.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/project-order-cdc7eb910e80541f.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/project-order-cdc7eb910e80541f.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.project_order.name
  }

  environment {
    variables = {
      ALERTS_TOPIC = aws_sns_topic.alerts.arn
    }
  }

  depends_on = [aws_iam_role_policy.project_order]
}

# shop_events.iac:61  queue project_order_dlq (dead-letter queue)
resource "aws_sqs_queue" "project_order_dlq" {
  name                       = "${local.name_prefix}-project-order-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:61  queue project_order_dlq: who may send to it
resource "aws_sqs_queue_policy" "project_order_dlq" {
  queue_url = aws_sqs_queue.project_order_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToProjectOrder"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.project_order_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_project_order.arn
          }
        }
      },
      {
        Sid    = "FromProjectOrderCron1"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.project_order_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.project_order_cron_1.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:68  bus shop_bus
resource "aws_cloudwatch_event_bus" "shop_bus" {
  name = "${local.name_prefix}-shop-bus"
}

# shop_events.iac:73  queue shipping_notices
resource "aws_sqs_queue" "shipping_notices" {
  name                       = "${local.name_prefix}-shipping-notices"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 604800
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:73  queue shipping_notices: who may send to it
resource "aws_sqs_queue_policy" "shipping_notices" {
  queue_url = aws_sqs_queue.shipping_notices.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToShippingNotices"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.shipping_notices.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_shipping_notices.arn
          }
        }
      },
      {
        Sid    = "FromHourlyReport"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.shipping_notices.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.hourly_report.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:73  queue shipping_notices_dlq (dead-letter queue)
resource "aws_sqs_queue" "shipping_notices_dlq" {
  name                       = "${local.name_prefix}-shipping-notices-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:73  queue shipping_notices_dlq: who may send to it
resource "aws_sqs_queue_policy" "shipping_notices_dlq" {
  queue_url = aws_sqs_queue.shipping_notices_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToShippingNotices"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.shipping_notices_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_shipping_notices.arn
          }
        }
      },
      {
        Sid    = "FromHourlyReport"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.shipping_notices_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.hourly_report.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:75  topic alerts
resource "aws_sns_topic" "alerts" {
  name = "${local.name_prefix}-alerts"
}

# shop_events.iac:75  topic alerts: who may send to it
resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToAlerts"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.alerts.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_alerts.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:75  queue alerts_dlq (dead-letter queue)
resource "aws_sqs_queue" "alerts_dlq" {
  name                       = "${local.name_prefix}-alerts-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:75  queue alerts_dlq: who may send to it
resource "aws_sqs_queue_policy" "alerts_dlq" {
  queue_url = aws_sqs_queue.alerts_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToAlerts"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.alerts_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_alerts.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:79  function pager: log group
resource "aws_cloudwatch_log_group" "pager" {
  name              = "/aws/lambda/${local.name_prefix}-pager"
  retention_in_days = 30
}

# shop_events.iac:79  function pager: role
resource "aws_iam_role" "pager" {
  name_prefix        = "${local.role_prefix}-pager-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# shop_events.iac:79  function pager: role
resource "aws_iam_role_policy" "pager" {
  name = "PagerRolePolicy"
  role = aws_iam_role.pager.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.pager.arn}:*"
      },
      {
        Sid      = "DeliverToPagerDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.pager_dlq.arn
      },
    ]
  })
}

# shop_events.iac:79  function pager
resource "aws_lambda_function" "pager" {
  function_name    = "${local.name_prefix}-pager"
  role             = aws_iam_role.pager.arn
  handler          = "pager.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/pager-857470664d6def26.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/pager-857470664d6def26.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.pager.name
  }

  environment {
    variables = {
      LEVEL = var.alert_level
    }
  }

  depends_on = [aws_iam_role_policy.pager]
}

# shop_events.iac:79  queue pager_dlq (dead-letter queue)
resource "aws_sqs_queue" "pager_dlq" {
  name                       = "${local.name_prefix}-pager-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:79  queue pager_dlq: who may send to it
resource "aws_sqs_queue_policy" "pager_dlq" {
  queue_url = aws_sqs_queue.pager_dlq.url
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
        Resource = aws_sqs_queue.pager_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:83  queue alert_archive
resource "aws_sqs_queue" "alert_archive" {
  name                       = "${local.name_prefix}-alert-archive"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:83  queue alert_archive: who may send to it
resource "aws_sqs_queue_policy" "alert_archive" {
  queue_url = aws_sqs_queue.alert_archive.url
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
        Resource = aws_sqs_queue.alert_archive.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:83  queue alert_archive_dlq (dead-letter queue)
resource "aws_sqs_queue" "alert_archive_dlq" {
  name                       = "${local.name_prefix}-alert-archive-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# shop_events.iac:83  queue alert_archive_dlq: who may send to it
resource "aws_sqs_queue_policy" "alert_archive_dlq" {
  queue_url = aws_sqs_queue.alert_archive_dlq.url
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
        Resource = aws_sqs_queue.alert_archive_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# shop_events.iac:85  schedule hourly_report
resource "aws_cloudwatch_event_rule" "hourly_report" {
  name                = "${local.name_prefix}-hourly-report"
  description         = "schedule hourly_report"
  schedule_expression = "rate(1 hour)"
  state               = "ENABLED"
}

# shop_events.iac:85  schedule hourly_report: target get_order
resource "aws_cloudwatch_event_target" "hourly_report_get_order" {
  rule      = aws_cloudwatch_event_rule.hourly_report.name
  target_id = "get_order"
  arn       = aws_lambda_function.get_order.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.get_order_dlq.arn
  }
}

# shop_events.iac:85  schedule hourly_report: target shipping_notices
resource "aws_cloudwatch_event_target" "hourly_report_shipping_notices" {
  rule      = aws_cloudwatch_event_rule.hourly_report.name
  target_id = "shipping_notices"
  arn       = aws_sqs_queue.shipping_notices.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.shipping_notices_dlq.arn
  }
}

# shop_events.iac:88  schedule project_order_cron_1
resource "aws_cloudwatch_event_rule" "project_order_cron_1" {
  name                = "${local.name_prefix}-project-order-cron-1"
  description         = "schedule project_order_cron_1"
  schedule_expression = "cron(0 3 * * ? *)"
  state               = "ENABLED"
}

# shop_events.iac:88  schedule project_order_cron_1: target project_order
resource "aws_cloudwatch_event_target" "project_order_cron_1_project_order" {
  rule      = aws_cloudwatch_event_rule.project_order_cron_1.name
  target_id = "project_order"
  arn       = aws_lambda_function.project_order.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.project_order_dlq.arn
  }
}

# shop_events.iac:17  api storefront: role for its service integrations
resource "aws_iam_role" "storefront" {
  name_prefix        = "${local.role_prefix}-storefront-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# shop_events.iac:17  api storefront: role for its service integrations
resource "aws_iam_role_policy" "storefront" {
  name = "StorefrontRolePolicy"
  role = aws_iam_role.storefront.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "SendMessageIntake"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.intake.arn
      },
      {
        Sid      = "PutEventsShopBus"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_bus.arn
      },
    ]
  })
}

# shop_events.iac:43  intake.message -> function place_order
resource "aws_lambda_event_source_mapping" "intake_message_to_place_order" {
  function_name                      = aws_lambda_function.place_order.function_name
  event_source_arn                   = aws_sqs_queue.intake.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.place_order]
}

# shop_events.iac:66  orders.changed -> function project_order
resource "aws_lambda_event_source_mapping" "orders_changed_to_project_order" {
  function_name                  = aws_lambda_function.project_order.function_name
  event_source_arn               = aws_dynamodb_table.orders.stream_arn
  batch_size                     = 100
  starting_position              = "LATEST"
  function_response_types        = ["ReportBatchItemFailures"]
  maximum_retry_attempts         = 3
  maximum_record_age_in_seconds  = 86400
  bisect_batch_on_function_error = true

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.project_order_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.project_order]
}

# shop_events.iac:69  shop_bus.event -> function project_order
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_project_order" {
  name           = "${local.name_prefix}-shop-bus-event-to-project-order"
  description    = "shop_bus.event -> project_order"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    source        = ["shop.orders"]
    "detail-type" = ["OrderPlaced"]
  })
  state = "ENABLED"
}

# shop_events.iac:69  shop_bus.event -> function project_order: target project_order
resource "aws_cloudwatch_event_target" "shop_bus_event_to_project_order_project_order" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_project_order.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "project_order"
  arn            = aws_lambda_function.project_order.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.project_order_dlq.arn
  }
}

# shop_events.iac:69  shop_bus.event -> project_order
resource "aws_lambda_permission" "shop_bus_event_to_project_order" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.project_order.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.shop_bus_event_to_project_order.arn
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:70  shop_bus.event -> queue shipping_notices
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_shipping_notices" {
  name           = "${local.name_prefix}-shop-bus-event-to-shipping-notices"
  description    = "shop_bus.event -> shipping_notices"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    "detail-type" = ["OrderShipped"]
  })
  state = "ENABLED"
}

# shop_events.iac:70  shop_bus.event -> queue shipping_notices: target shipping_notices
resource "aws_cloudwatch_event_target" "shop_bus_event_to_shipping_notices_shipping_notices" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_shipping_notices.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "shipping_notices"
  arn            = aws_sqs_queue.shipping_notices.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.shipping_notices_dlq.arn
  }
}

# shop_events.iac:71  shop_bus.event -> topic alerts
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_alerts" {
  name           = "${local.name_prefix}-shop-bus-event-to-alerts"
  description    = "shop_bus.event -> alerts"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    source = ["shop.orders"]
  })
  state = "ENABLED"
}

# shop_events.iac:71  shop_bus.event -> topic alerts: target alerts
resource "aws_cloudwatch_event_target" "shop_bus_event_to_alerts_alerts" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_alerts.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "alerts"
  arn            = aws_sns_topic.alerts.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.alerts_dlq.arn
  }
}

# shop_events.iac:76  alerts.message -> function pager
resource "aws_lambda_permission" "alerts_message_to_pager" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.pager.arn
  principal      = "sns.amazonaws.com"
  source_arn     = aws_sns_topic.alerts.arn
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:76  alerts.message -> function pager
resource "aws_sns_topic_subscription" "alerts_message_to_pager" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.pager.arn
  filter_policy = jsonencode({
    severity = ["high", "critical"]
  })
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.pager_dlq.arn
  })
}

# shop_events.iac:77  alerts.message -> queue alert_archive
resource "aws_sns_topic_subscription" "alerts_message_to_alert_archive" {
  topic_arn            = aws_sns_topic.alerts.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.alert_archive.arn
  raw_message_delivery = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.alert_archive_dlq.arn
  })
}

# shop_events.iac:86  hourly_report.tick -> get_order
resource "aws_lambda_permission" "hourly_report_to_get_order" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.get_order.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.hourly_report.arn
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:88  project_order_cron_1.tick -> project_order
resource "aws_lambda_permission" "project_order_cron_1_to_project_order" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.project_order.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.project_order_cron_1.arn
  source_account = data.aws_caller_identity.current.account_id
}

# shop_events.iac:45  function get_order: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "get_order_invoke_config" {
  function_name                = aws_lambda_function.get_order.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.get_order_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.get_order]
}

# shop_events.iac:61  function project_order: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "project_order_invoke_config" {
  function_name                = aws_lambda_function.project_order.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.project_order_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.project_order]
}

# shop_events.iac:79  function pager: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "pager_invoke_config" {
  function_name                = aws_lambda_function.pager.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.pager_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.pager]
}
