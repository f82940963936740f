# iac app assistant: every resource, in the order the plan made them.

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

# assistant.iac:27  secret client_key
resource "aws_secretsmanager_secret" "client_key" {
  name        = "assistant-client-key"
  description = "shared key the assistant's clients send as x-api-key"
}

# assistant.iac:27  secret client_key: its generated value, ephemeral: never in the plan or the state
ephemeral "aws_secretsmanager_random_password" "client_key" {
  password_length     = 32
  exclude_punctuation = true
}

# assistant.iac:27  secret client_key: the first value, write-only; rotate or set it later without Terraform undoing it
resource "aws_secretsmanager_secret_version" "client_key" {
  secret_id        = aws_secretsmanager_secret.client_key.id
  secret_string_wo = ephemeral.aws_secretsmanager_random_password.client_key.random_password
  # Written once: Terraform sends a new value only when this number changes.
  secret_string_wo_version = 1
}

# assistant.iac:31  table conversations
resource "aws_dynamodb_table" "conversations" {
  name         = "assistant-conversations"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  range_key    = "turn"

  attribute {
    name = "id"
    type = "S"
  }

  attribute {
    name = "turn"
    type = "N"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = false
  }

  server_side_encryption {
    enabled = true
  }
}

# assistant.iac:39  api assistant_api
resource "aws_apigatewayv2_api" "assistant_api" {
  name          = "assistant-assistant-api"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
    allow_methods = ["*"]
    allow_headers = ["*"]
  }
}

# assistant.iac:39  api assistant_api: access logs
resource "aws_cloudwatch_log_group" "assistant_api_access_logs" {
  name              = "/aws/apigateway/assistant-assistant-api"
  retention_in_days = 30
}

# assistant.iac:39  api assistant_api: default stage
resource "aws_apigatewayv2_stage" "assistant_api" {
  api_id      = aws_apigatewayv2_api.assistant_api.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.assistant_api_access_logs.arn
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

# assistant.iac:43  api assistant_api: POST /ask may invoke ask
resource "aws_lambda_permission" "assistant_api_post_ask" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.ask.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.assistant_api.execution_arn}/*/POST/ask"
  source_account = data.aws_caller_identity.current.account_id
}

# assistant.iac:43  api assistant_api: POST /ask -> function ask
resource "aws_apigatewayv2_integration" "assistant_api_post_ask" {
  api_id                 = aws_apigatewayv2_api.assistant_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.ask.arn
  payload_format_version = "2.0"
}

# assistant.iac:43  api assistant_api: route POST /ask
resource "aws_apigatewayv2_route" "assistant_api_post_ask" {
  api_id    = aws_apigatewayv2_api.assistant_api.id
  route_key = "POST /ask"
  target    = "integrations/${aws_apigatewayv2_integration.assistant_api_post_ask.id}"
}

# assistant.iac:44  api assistant_api: POST /summaries -> queue summary_requests
resource "aws_apigatewayv2_integration" "assistant_api_post_summaries" {
  api_id              = aws_apigatewayv2_api.assistant_api.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.assistant_api.arn
  request_parameters = {
    QueueUrl    = aws_sqs_queue.summary_requests.url
    MessageBody = "$request.body"
  }
  payload_format_version = "1.0"
}

# assistant.iac:44  api assistant_api: route POST /summaries
resource "aws_apigatewayv2_route" "assistant_api_post_summaries" {
  api_id    = aws_apigatewayv2_api.assistant_api.id
  route_key = "POST /summaries"
  target    = "integrations/${aws_apigatewayv2_integration.assistant_api_post_summaries.id}"
}

# assistant.iac:45  api assistant_api: ANY /conversations/{proxy+} may invoke conversations_api
resource "aws_lambda_permission" "assistant_api_any_conversations_proxy" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.conversations_api.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.assistant_api.execution_arn}/*/*/conversations/*"
  source_account = data.aws_caller_identity.current.account_id
}

# assistant.iac:45  api assistant_api: ANY /conversations/{proxy+} -> function conversations_api
resource "aws_apigatewayv2_integration" "assistant_api_any_conversations_proxy" {
  api_id                 = aws_apigatewayv2_api.assistant_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.conversations_api.arn
  payload_format_version = "2.0"
}

# assistant.iac:45  api assistant_api: route ANY /conversations/{proxy+}
resource "aws_apigatewayv2_route" "assistant_api_any_conversations_proxy" {
  api_id    = aws_apigatewayv2_api.assistant_api.id
  route_key = "ANY /conversations/{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.assistant_api_any_conversations_proxy.id}"
}

# assistant.iac:48  function ask: log group
resource "aws_cloudwatch_log_group" "ask" {
  name              = "/aws/lambda/assistant-ask"
  retention_in_days = 30
}

# assistant.iac:48  function ask: role
resource "aws_iam_role" "ask" {
  name_prefix        = "assistant-ask-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# assistant.iac:48  function ask: role
resource "aws_iam_role_policy" "ask" {
  name = "AskRolePolicy"
  role = aws_iam_role.ask.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.ask.arn}:*"
      },
      {
        Sid      = "InvokeClaude"
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
      },
      {
        Sid      = "ReadClientKey"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = aws_secretsmanager_secret.client_key.arn
      },
      {
        Sid    = "ReadWriteConversations"
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
          aws_dynamodb_table.conversations.arn,
          "${aws_dynamodb_table.conversations.arn}/index/*",
        ]
      },
    ]
  })
}

# assistant.iac:48  function ask
resource "aws_lambda_function" "ask" {
  function_name    = "assistant-ask"
  role             = aws_iam_role.ask.arn
  handler          = "ask.handler"
  runtime          = "python3.13"
  architectures    = ["arm64"]
  memory_size      = 512
  timeout          = 29
  filename         = "${path.module}/assets/ask-06d87c713048b64f.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/ask-06d87c713048b64f.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.ask.name
  }

  environment {
    variables = {
      CLIENT_KEY_ARN = aws_secretsmanager_secret.client_key.arn
      MAX_TOKENS     = var.max_tokens
      MODEL_ID       = "anthropic.claude-3-haiku-20240307-v1:0"
      SYSTEM_PROMPT  = "You are the ${var.stage} assistant of Example Corp.\nAnswer briefly and say when you are unsure."
      TABLE          = aws_dynamodb_table.conversations.name
    }
  }

  depends_on = [aws_iam_role_policy.ask]
}

# assistant.iac:69  queue summary_requests
resource "aws_sqs_queue" "summary_requests" {
  name                       = "assistant-summary-requests"
  max_message_size           = 262144
  visibility_timeout_seconds = 1800
  message_retention_seconds  = 86400
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.summary_requests_dlq.arn
    maxReceiveCount     = 3
  })
}

# assistant.iac:69  queue summary_requests_dlq (dead-letter queue)
resource "aws_sqs_queue" "summary_requests_dlq" {
  name                       = "assistant-summary-requests-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# assistant.iac:75  function summarise: log group
resource "aws_cloudwatch_log_group" "summarise" {
  name              = "/aws/lambda/assistant-summarise"
  retention_in_days = 14
}

# assistant.iac:75  function summarise: role
resource "aws_iam_role" "summarise" {
  name_prefix        = "assistant-summarise-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# assistant.iac:75  function summarise: role
resource "aws_iam_role_policy" "summarise" {
  name = "SummariseRolePolicy"
  role = aws_iam_role.summarise.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.summarise.arn}:*"
      },
      {
        Sid      = "InvokeClaude"
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
      },
      {
        Sid      = "ReadClientKey"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = aws_secretsmanager_secret.client_key.arn
      },
      {
        Sid    = "ReadWriteConversations"
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
          aws_dynamodb_table.conversations.arn,
          "${aws_dynamodb_table.conversations.arn}/index/*",
        ]
      },
      {
        Sid    = "ConsumeSummaryRequests"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.summary_requests.arn
      },
    ]
  })
}

# assistant.iac:75  function summarise
resource "aws_lambda_function" "summarise" {
  function_name                  = "assistant-summarise"
  role                           = aws_iam_role.summarise.arn
  handler                        = "summarise.handler"
  runtime                        = "python3.13"
  architectures                  = ["x86_64"]
  memory_size                    = 512
  timeout                        = 300
  reserved_concurrent_executions = 2
  filename                       = "${path.module}/assets/summarise-0df1c421ceb7555b.zip"
  source_code_hash               = filebase64sha256("${path.module}/assets/summarise-0df1c421ceb7555b.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.summarise.name
  }

  environment {
    variables = {
      CLIENT_KEY_ARN = aws_secretsmanager_secret.client_key.arn
      MODEL_ID       = "anthropic.claude-3-haiku-20240307-v1:0"
      TABLE          = aws_dynamodb_table.conversations.name
    }
  }

  depends_on = [aws_iam_role_policy.summarise]
}

# assistant.iac:94  function conversations_api: log group
resource "aws_cloudwatch_log_group" "conversations_api" {
  name              = "/aws/lambda/assistant-conversations-api"
  retention_in_days = 30
}

# assistant.iac:94  function conversations_api: role
resource "aws_iam_role" "conversations_api" {
  name_prefix        = "assistant-conversations-api-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# assistant.iac:94  function conversations_api: role
resource "aws_iam_role_policy" "conversations_api" {
  name = "ConversationsApiRolePolicy"
  role = aws_iam_role.conversations_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.conversations_api.arn}:*"
      },
      {
        Sid      = "ReadClientKey"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = aws_secretsmanager_secret.client_key.arn
      },
      {
        Sid    = "ReadWriteConversations"
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
          aws_dynamodb_table.conversations.arn,
          "${aws_dynamodb_table.conversations.arn}/index/*",
        ]
      },
    ]
  })
}

# assistant.iac:94  function conversations_api
resource "aws_lambda_function" "conversations_api" {
  function_name    = "assistant-conversations-api"
  role             = aws_iam_role.conversations_api.arn
  handler          = "conversations_api.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/conversations-api-8b29d2b39f7fb0f8.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/conversations-api-8b29d2b39f7fb0f8.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.conversations_api.name
  }

  environment {
    variables = {
      CLIENT_KEY_ARN = aws_secretsmanager_secret.client_key.arn
      TABLE          = aws_dynamodb_table.conversations.name
    }
  }

  depends_on = [aws_iam_role_policy.conversations_api]
}

# assistant.iac:39  api assistant_api: role for its service integrations
resource "aws_iam_role" "assistant_api" {
  name_prefix        = "assistant-assistant-api-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# assistant.iac:39  api assistant_api: role for its service integrations
resource "aws_iam_role_policy" "assistant_api" {
  name = "AssistantApiRolePolicy"
  role = aws_iam_role.assistant_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "SendMessageSummaryRequests"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.summary_requests.arn
      },
    ]
  })
}

# assistant.iac:92  summary_requests.message -> function summarise
resource "aws_lambda_event_source_mapping" "summary_requests_message_to_summarise" {
  function_name           = aws_lambda_function.summarise.function_name
  event_source_arn        = aws_sqs_queue.summary_requests.arn
  batch_size              = 1
  function_response_types = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.summarise]
}
