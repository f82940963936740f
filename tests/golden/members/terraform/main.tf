# iac app members: every resource, in the order the plan made them.

locals {
  # Every generated name starts with it: a second stage (`-var stage=prod`, in a state
  # of its own) gets names of its own.
  name_prefix = "${var.stage}-members"
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

# members.iac:14  userpool customers
resource "aws_cognito_user_pool" "customers" {
  name                     = "${local.name_prefix}-customers"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = "ACTIVE"

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}

# members.iac:14  userpool customers: app client
resource "aws_cognito_user_pool_client" "customers_client" {
  name                          = "${local.name_prefix}-customers"
  user_pool_id                  = aws_cognito_user_pool.customers.id
  generate_secret               = false
  explicit_auth_flows           = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
}

# members.iac:16  api shop
resource "aws_apigatewayv2_api" "shop" {
  name          = "${local.name_prefix}-shop"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://shop.example"]
    allow_methods = ["GET", "POST"]
    allow_headers = ["content-type", "authorization"]
    max_age       = 3600
  }
}

# members.iac:16  api shop: authorizer (userpool customers)
resource "aws_apigatewayv2_authorizer" "shop_authorizer" {
  api_id           = aws_apigatewayv2_api.shop.id
  name             = "ShopAuthorizer"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://cognito-idp.${var.region}.${data.aws_partition.current.dns_suffix}/${aws_cognito_user_pool.customers.id}"
    audience = [aws_cognito_user_pool_client.customers_client.id]
  }
}

# members.iac:16  api shop: access logs
resource "aws_cloudwatch_log_group" "shop_access_logs" {
  name              = "/aws/apigateway/${local.name_prefix}-shop"
  retention_in_days = 30
}

# members.iac:16  api shop: default stage
resource "aws_apigatewayv2_stage" "shop" {
  api_id      = aws_apigatewayv2_api.shop.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 1000
    throttling_burst_limit = 2000
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.shop_access_logs.arn
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

# members.iac:24  api shop: GET /health may invoke health
resource "aws_lambda_permission" "shop_get_health" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.health.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.shop.execution_arn}/*/GET/health"
  source_account = data.aws_caller_identity.current.account_id
}

# members.iac:24  api shop: GET /health -> function health
resource "aws_apigatewayv2_integration" "shop_get_health" {
  api_id                 = aws_apigatewayv2_api.shop.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.health.arn
  payload_format_version = "2.0"
}

# members.iac:24  api shop: route GET /health
resource "aws_apigatewayv2_route" "shop_get_health" {
  api_id    = aws_apigatewayv2_api.shop.id
  route_key = "GET /health"
  target    = "integrations/${aws_apigatewayv2_integration.shop_get_health.id}"
}

# members.iac:25  api shop: GET /orders may invoke health
resource "aws_lambda_permission" "shop_get_orders" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.health.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.shop.execution_arn}/*/GET/orders"
  source_account = data.aws_caller_identity.current.account_id
}

# members.iac:25  api shop: GET /orders -> function health
resource "aws_apigatewayv2_integration" "shop_get_orders" {
  api_id                 = aws_apigatewayv2_api.shop.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.health.arn
  payload_format_version = "2.0"
}

# members.iac:25  api shop: route GET /orders
resource "aws_apigatewayv2_route" "shop_get_orders" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "GET /orders"
  target             = "integrations/${aws_apigatewayv2_integration.shop_get_orders.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_authorizer.id
}

# members.iac:26  api shop: POST /quote -> workflow quote_flow
resource "aws_apigatewayv2_integration" "shop_post_quote" {
  api_id              = aws_apigatewayv2_api.shop.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartSyncExecution"
  credentials_arn     = aws_iam_role.shop.arn
  request_parameters = {
    StateMachineArn = aws_sfn_state_machine.quote_flow.arn
    Input           = "$request.body"
  }
  payload_format_version = "1.0"
}

# members.iac:26  api shop: route POST /quote
resource "aws_apigatewayv2_route" "shop_post_quote" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /quote"
  target             = "integrations/${aws_apigatewayv2_integration.shop_post_quote.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_authorizer.id
}

# members.iac:27  api shop: POST /ledger -> queue ledger
resource "aws_apigatewayv2_integration" "shop_post_ledger" {
  api_id              = aws_apigatewayv2_api.shop.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.shop.arn
  request_parameters = {
    QueueUrl       = aws_sqs_queue.ledger.url
    MessageBody    = "$request.body"
    MessageGroupId = "ledger"
  }
  payload_format_version = "1.0"
}

# members.iac:27  api shop: route POST /ledger
resource "aws_apigatewayv2_route" "shop_post_ledger" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /ledger"
  target             = "integrations/${aws_apigatewayv2_integration.shop_post_ledger.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_authorizer.id
}

# members.iac:28  api shop: POST /events -> bus shop_bus
resource "aws_apigatewayv2_integration" "shop_post_events" {
  api_id              = aws_apigatewayv2_api.shop.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "EventBridge-PutEvents"
  credentials_arn     = aws_iam_role.shop.arn
  request_parameters = {
    Source       = "shop.web"
    DetailType   = "Order"
    Detail       = "$request.body"
    EventBusName = aws_cloudwatch_event_bus.shop_bus.name
  }
  payload_format_version = "1.0"
}

# members.iac:28  api shop: route POST /events
resource "aws_apigatewayv2_route" "shop_post_events" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /events"
  target             = "integrations/${aws_apigatewayv2_integration.shop_post_events.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_authorizer.id
}

# members.iac:29  api shop: POST /partners may invoke health
resource "aws_lambda_permission" "shop_post_partners" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.health.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.shop.execution_arn}/*/POST/partners"
  source_account = data.aws_caller_identity.current.account_id
}

# members.iac:29  api shop: POST /partners -> function health
resource "aws_apigatewayv2_integration" "shop_post_partners" {
  api_id                 = aws_apigatewayv2_api.shop.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.health.arn
  payload_format_version = "2.0"
}

# members.iac:29  api shop: authorizer (JWT issuer)
resource "aws_apigatewayv2_authorizer" "shop_post_partners_authorizer" {
  api_id           = aws_apigatewayv2_api.shop.id
  name             = "ShopPostPartnersAuthorizer"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://auth.partner.example"
    audience = ["shop-api"]
  }
}

# members.iac:29  api shop: route POST /partners
resource "aws_apigatewayv2_route" "shop_post_partners" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /partners"
  target             = "integrations/${aws_apigatewayv2_integration.shop_post_partners.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_post_partners_authorizer.id
}

# members.iac:30  api shop: POST /internal -> workflow start_report
resource "aws_apigatewayv2_integration" "shop_post_internal" {
  api_id              = aws_apigatewayv2_api.shop.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartExecution"
  credentials_arn     = aws_iam_role.shop.arn
  request_parameters = {
    StateMachineArn = aws_sfn_state_machine.start_report.arn
    Input           = "$request.body"
  }
  payload_format_version = "1.0"
}

# members.iac:30  api shop: route POST /internal
resource "aws_apigatewayv2_route" "shop_post_internal" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "POST /internal"
  target             = "integrations/${aws_apigatewayv2_integration.shop_post_internal.id}"
  authorization_type = "AWS_IAM"
}

# members.iac:33  function health: log group
resource "aws_cloudwatch_log_group" "health" {
  name              = "/aws/lambda/${local.name_prefix}-health"
  retention_in_days = 30
}

# members.iac:33  function health: role
resource "aws_iam_role" "health" {
  name_prefix        = "${local.role_prefix}-health-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# members.iac:33  function health: role
resource "aws_iam_role_policy" "health" {
  name = "HealthRolePolicy"
  role = aws_iam_role.health.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.health.arn}:*"
      },
    ]
  })
}

# members.iac:33  function health
resource "aws_lambda_function" "health" {
  function_name    = "${local.name_prefix}-health"
  role             = aws_iam_role.health.arn
  handler          = "health.handler"
  runtime          = "python3.13"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/health-ef368e9f100c3a6e.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/health-ef368e9f100c3a6e.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.health.name
  }

  environment {
    variables = {
      CLIENT_ID = aws_cognito_user_pool_client.customers_client.id
      ISSUER    = "https://cognito-idp.${var.region}.${data.aws_partition.current.dns_suffix}/${aws_cognito_user_pool.customers.id}"
      POOL_ID   = aws_cognito_user_pool.customers.id
    }
  }

  depends_on = [aws_iam_role_policy.health]
}

# members.iac:43  function price: log group
resource "aws_cloudwatch_log_group" "price" {
  name              = "/aws/lambda/${local.name_prefix}-price"
  retention_in_days = 30
}

# members.iac:43  function price: role
resource "aws_iam_role" "price" {
  name_prefix        = "${local.role_prefix}-price-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# members.iac:43  function price: role
resource "aws_iam_role_policy" "price" {
  name = "PriceRolePolicy"
  role = aws_iam_role.price.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.price.arn}:*"
      },
      {
        Sid      = "ReadWebhook"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = aws_secretsmanager_secret.webhook.arn
      },
    ]
  })
}

# members.iac:43  function price
resource "aws_lambda_function" "price" {
  function_name    = "${local.name_prefix}-price"
  role             = aws_iam_role.price.arn
  handler          = "price.handler"
  runtime          = "nodejs22.x"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/price-688df32e158a838a.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/price-688df32e158a838a.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.price.name
  }

  environment {
    variables = {
      WEBHOOK_SECRET = aws_secretsmanager_secret.webhook.arn
    }
  }

  depends_on = [aws_iam_role_policy.price]
}

# members.iac:51  function nightly: log group
resource "aws_cloudwatch_log_group" "nightly" {
  name              = "/aws/lambda/${local.name_prefix}-nightly"
  retention_in_days = 30
}

# members.iac:51  function nightly: role
resource "aws_iam_role" "nightly" {
  name_prefix        = "${local.role_prefix}-nightly-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# members.iac:51  function nightly: role
resource "aws_iam_role_policy" "nightly" {
  name = "NightlyRolePolicy"
  role = aws_iam_role.nightly.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.nightly.arn}:*"
      },
      {
        Sid      = "InvokeShop"
        Effect   = "Allow"
        Action   = "execute-api:Invoke"
        Resource = "${aws_apigatewayv2_api.shop.execution_arn}/*"
      },
      {
        Sid      = "DeliverToNightlyDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.nightly_dlq.arn
      },
    ]
  })
}

# members.iac:51  function nightly
resource "aws_lambda_function" "nightly" {
  function_name    = "${local.name_prefix}-nightly"
  role             = aws_iam_role.nightly.arn
  handler          = "health.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/nightly-ef368e9f100c3a6e.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/nightly-ef368e9f100c3a6e.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.nightly.name
  }

  environment {
    variables = {
      API_URL = aws_apigatewayv2_api.shop.api_endpoint
    }
  }

  depends_on = [aws_iam_role_policy.nightly]
}

# members.iac:51  queue nightly_dlq (dead-letter queue)
resource "aws_sqs_queue" "nightly_dlq" {
  name                       = "${local.name_prefix}-nightly-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# members.iac:51  queue nightly_dlq: who may send to it
resource "aws_sqs_queue_policy" "nightly_dlq" {
  queue_url = aws_sqs_queue.nightly_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromNightlyCron1"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.nightly_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.nightly_cron_1.arn
          }
        }
      },
    ]
  })
}

# members.iac:58  workflow quote_flow: execution history
resource "aws_cloudwatch_log_group" "quote_flow_logs" {
  name              = "/aws/vendedlogs/states/${local.name_prefix}-quote-flow"
  retention_in_days = 30
}

# members.iac:58  workflow quote_flow: role
resource "aws_iam_role" "quote_flow" {
  name_prefix        = "${local.role_prefix}-quote-flow-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# members.iac:58  workflow quote_flow: role
resource "aws_iam_role_policy" "quote_flow" {
  name = "QuoteFlowRolePolicy"
  role = aws_iam_role.quote_flow.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokePrice"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:${var.stage}-members-price"
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

# members.iac:58  workflow quote_flow
resource "aws_sfn_state_machine" "quote_flow" {
  name     = "${local.name_prefix}-quote-flow"
  type     = "EXPRESS"
  role_arn = aws_iam_role.quote_flow.arn
  definition = jsonencode({
    Comment = "workflow quote_flow"
    StartAt = "Invoke price"
    States = {
      "Invoke price" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.price.arn
          "Payload.$"  = "$"
        }
        OutputPath = "$.Payload"
        End        = true
      }
    }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.quote_flow_logs.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }

  depends_on = [aws_iam_role_policy.quote_flow]
}

# members.iac:63  workflow start_report: role
resource "aws_iam_role" "start_report" {
  name_prefix        = "${local.role_prefix}-start-report-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# members.iac:63  workflow start_report: role
resource "aws_iam_role_policy" "start_report" {
  name = "StartReportRolePolicy"
  role = aws_iam_role.start_report.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeHealth"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:${var.stage}-members-health"
      },
    ]
  })
}

# members.iac:63  workflow start_report
resource "aws_sfn_state_machine" "start_report" {
  name     = "${local.name_prefix}-start-report"
  type     = "STANDARD"
  role_arn = aws_iam_role.start_report.arn
  definition = jsonencode({
    Comment = "workflow start_report"
    StartAt = "Invoke health"
    States = {
      "Invoke health" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.health.arn
          "Payload.$"  = "$"
        }
        OutputPath = "$.Payload"
        End        = true
      }
    }
  })

  depends_on = [aws_iam_role_policy.start_report]
}

# members.iac:67  queue ledger
resource "aws_sqs_queue" "ledger" {
  name                        = "${local.name_prefix}-ledger.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  max_message_size            = 262144
  visibility_timeout_seconds  = 30
  message_retention_seconds   = 345600
  delay_seconds               = 0
  sqs_managed_sse_enabled     = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.ledger_dlq.arn
    maxReceiveCount     = 5
  })
}

# members.iac:67  queue ledger_dlq (dead-letter queue)
resource "aws_sqs_queue" "ledger_dlq" {
  name                        = "${local.name_prefix}-ledger-dlq.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  max_message_size            = 262144
  visibility_timeout_seconds  = 30
  message_retention_seconds   = 1209600
  delay_seconds               = 0
  sqs_managed_sse_enabled     = true
}

# members.iac:68  function post_ledger: log group
resource "aws_cloudwatch_log_group" "post_ledger" {
  name              = "/aws/lambda/${local.name_prefix}-post-ledger"
  retention_in_days = 30
}

# members.iac:68  function post_ledger: role
resource "aws_iam_role" "post_ledger" {
  name_prefix        = "${local.role_prefix}-post-ledger-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# members.iac:68  function post_ledger: role
resource "aws_iam_role_policy" "post_ledger" {
  name = "PostLedgerRolePolicy"
  role = aws_iam_role.post_ledger.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.post_ledger.arn}:*"
      },
      {
        Sid    = "ConsumeLedger"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.ledger.arn
      },
      {
        Sid      = "DeliverToPostLedgerDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.post_ledger_dlq.arn
      },
    ]
  })
}

# members.iac:68  function post_ledger
resource "aws_lambda_function" "post_ledger" {
  function_name    = "${local.name_prefix}-post-ledger"
  role             = aws_iam_role.post_ledger.arn
  handler          = "health.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/post-ledger-ef368e9f100c3a6e.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/post-ledger-ef368e9f100c3a6e.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.post_ledger.name
  }

  depends_on = [aws_iam_role_policy.post_ledger]
}

# members.iac:68  queue post_ledger_dlq (dead-letter queue)
resource "aws_sqs_queue" "post_ledger_dlq" {
  name                       = "${local.name_prefix}-post-ledger-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# members.iac:68  queue post_ledger_dlq: who may send to it
resource "aws_sqs_queue_policy" "post_ledger_dlq" {
  queue_url = aws_sqs_queue.post_ledger_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToPostLedger"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.post_ledger_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_post_ledger.arn
          }
        }
      },
    ]
  })
}

# members.iac:73  bus shop_bus
resource "aws_cloudwatch_event_bus" "shop_bus" {
  name = "${local.name_prefix}-shop-bus"
}

# members.iac:76  secret webhook
resource "aws_secretsmanager_secret" "webhook" {
  name        = "${local.name_prefix}-webhook"
  description = "webhook, generated by iac"
}

# members.iac:76  secret webhook: its value, from a secret param
resource "aws_secretsmanager_secret_version" "webhook" {
  secret_id     = aws_secretsmanager_secret.webhook.id
  secret_string = var.webhook_token
}

# members.iac:56  schedule nightly_cron_1
resource "aws_cloudwatch_event_rule" "nightly_cron_1" {
  name                = "${local.name_prefix}-nightly-cron-1"
  description         = "schedule nightly_cron_1"
  schedule_expression = "cron(0 2 * * ? *)"
  state               = "ENABLED"
}

# members.iac:56  schedule nightly_cron_1: target nightly
resource "aws_cloudwatch_event_target" "nightly_cron_1_nightly" {
  rule      = aws_cloudwatch_event_rule.nightly_cron_1.name
  target_id = "nightly"
  arn       = aws_lambda_function.nightly.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.nightly_dlq.arn
  }
}

# members.iac:16  api shop: role for its service integrations
resource "aws_iam_role" "shop" {
  name_prefix        = "${local.role_prefix}-shop-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# members.iac:16  api shop: role for its service integrations
resource "aws_iam_role_policy" "shop" {
  name = "ShopRolePolicy"
  role = aws_iam_role.shop.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartSyncExecutionQuoteFlow"
        Effect   = "Allow"
        Action   = "states:StartSyncExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:${var.stage}-members-quote-flow"
      },
      {
        Sid      = "SendMessageLedger"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.ledger.arn
      },
      {
        Sid      = "PutEventsShopBus"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = aws_cloudwatch_event_bus.shop_bus.arn
      },
      {
        Sid      = "StartExecutionStartReport"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:${var.stage}-members-start-report"
      },
    ]
  })
}

# members.iac:56  nightly_cron_1.tick -> nightly
resource "aws_lambda_permission" "nightly_cron_1_to_nightly" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.nightly.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.nightly_cron_1.arn
  source_account = data.aws_caller_identity.current.account_id
}

# members.iac:71  ledger.message -> function post_ledger
resource "aws_lambda_event_source_mapping" "ledger_message_to_post_ledger" {
  function_name           = aws_lambda_function.post_ledger.function_name
  event_source_arn        = aws_sqs_queue.ledger.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.post_ledger]
}

# members.iac:74  shop_bus.event -> function post_ledger
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_post_ledger" {
  name           = "${local.name_prefix}-shop-bus-event-to-post-ledger"
  description    = "shop_bus.event -> post_ledger"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    source = ["shop.web"]
  })
  state = "ENABLED"
}

# members.iac:74  shop_bus.event -> function post_ledger: target post_ledger
resource "aws_cloudwatch_event_target" "shop_bus_event_to_post_ledger_post_ledger" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_post_ledger.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "post_ledger"
  arn            = aws_lambda_function.post_ledger.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.post_ledger_dlq.arn
  }
}

# members.iac:74  shop_bus.event -> post_ledger
resource "aws_lambda_permission" "shop_bus_event_to_post_ledger" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.post_ledger.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.shop_bus_event_to_post_ledger.arn
  source_account = data.aws_caller_identity.current.account_id
}

# members.iac:51  function nightly: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "nightly_invoke_config" {
  function_name                = aws_lambda_function.nightly.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.nightly_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.nightly]
}

# members.iac:68  function post_ledger: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "post_ledger_invoke_config" {
  function_name                = aws_lambda_function.post_ledger.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.post_ledger_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.post_ledger]
}
