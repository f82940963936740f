# iac app publishing: every resource, in the order the plan made them.

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

# publishing.iac:21  topic published
resource "aws_sns_topic" "published" {
  name = "publishing-published"
}

# publishing.iac:22  queue rejected
resource "aws_sqs_queue" "rejected" {
  name                       = "publishing-rejected"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# publishing.iac:26  function ask_editor: log group
resource "aws_cloudwatch_log_group" "ask_editor" {
  name              = "/aws/lambda/publishing-ask-editor"
  retention_in_days = 30
}

# publishing.iac:26  function ask_editor: role
resource "aws_iam_role" "ask_editor" {
  name_prefix        = "publishing-ask-editor-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# publishing.iac:26  function ask_editor: role
resource "aws_iam_role_policy" "ask_editor" {
  name = "AskEditorRolePolicy"
  role = aws_iam_role.ask_editor.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.ask_editor.arn}:*"
      },
    ]
  })
}

# publishing.iac:26  function ask_editor
resource "aws_lambda_function" "ask_editor" {
  function_name    = "publishing-ask-editor"
  role             = aws_iam_role.ask_editor.arn
  handler          = "ask_editor.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 30
  filename         = "${path.module}/assets/ask-editor-5e47a2207074608c.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/ask-editor-5e47a2207074608c.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.ask_editor.name
  }

  environment {
    variables = {
      ANSWER_URL = "${aws_apigatewayv2_api.editorial.api_endpoint}/answers"
    }
  }

  depends_on = [aws_iam_role_policy.ask_editor]
}

# publishing.iac:32  function editor_answers: log group
resource "aws_cloudwatch_log_group" "editor_answers" {
  name              = "/aws/lambda/publishing-editor-answers"
  retention_in_days = 30
}

# publishing.iac:32  function editor_answers: role
resource "aws_iam_role" "editor_answers" {
  name_prefix        = "publishing-editor-answers-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# publishing.iac:32  function editor_answers: role
resource "aws_iam_role_policy" "editor_answers" {
  name = "EditorAnswersRolePolicy"
  role = aws_iam_role.editor_answers.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.editor_answers.arn}:*"
      },
      {
        Sid    = "CallbackPublishArticle"
        Effect = "Allow"
        Action = [
          "states:SendTaskFailure",
          "states:SendTaskHeartbeat",
          "states:SendTaskSuccess",
        ]
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:publishing-publish-article"
      },
    ]
  })
}

# publishing.iac:32  function editor_answers
resource "aws_lambda_function" "editor_answers" {
  function_name    = "publishing-editor-answers"
  role             = aws_iam_role.editor_answers.arn
  handler          = "editor_answers.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/editor-answers-b7ba14594b870fce.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/editor-answers-b7ba14594b870fce.zip")

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.editor_answers.name
  }

  depends_on = [aws_iam_role_policy.editor_answers]
}

# publishing.iac:38  api editorial
resource "aws_apigatewayv2_api" "editorial" {
  name          = "publishing-editorial"
  protocol_type = "HTTP"
}

# publishing.iac:38  api editorial: access logs
resource "aws_cloudwatch_log_group" "editorial_access_logs" {
  name              = "/aws/apigateway/publishing-editorial"
  retention_in_days = 30
}

# publishing.iac:38  api editorial: default stage
resource "aws_apigatewayv2_stage" "editorial" {
  api_id      = aws_apigatewayv2_api.editorial.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 1000
    throttling_burst_limit = 2000
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.editorial_access_logs.arn
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

# publishing.iac:39  api editorial: POST /articles -> workflow publish_article
resource "aws_apigatewayv2_integration" "editorial_post_articles" {
  api_id              = aws_apigatewayv2_api.editorial.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartExecution"
  credentials_arn     = aws_iam_role.editorial.arn
  request_parameters = {
    StateMachineArn = aws_sfn_state_machine.publish_article.arn
    Input           = "$request.body"
  }
  payload_format_version = "1.0"
}

# publishing.iac:39  api editorial: route POST /articles
resource "aws_apigatewayv2_route" "editorial_post_articles" {
  api_id    = aws_apigatewayv2_api.editorial.id
  route_key = "POST /articles"
  target    = "integrations/${aws_apigatewayv2_integration.editorial_post_articles.id}"
}

# publishing.iac:40  api editorial: POST /answers may invoke editor_answers
resource "aws_lambda_permission" "editorial_post_answers" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.editor_answers.arn
  principal      = "apigateway.amazonaws.com"
  source_arn     = "${aws_apigatewayv2_api.editorial.execution_arn}/*/POST/answers"
  source_account = data.aws_caller_identity.current.account_id
}

# publishing.iac:40  api editorial: POST /answers -> function editor_answers
resource "aws_apigatewayv2_integration" "editorial_post_answers" {
  api_id                 = aws_apigatewayv2_api.editorial.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.editor_answers.arn
  payload_format_version = "2.0"
}

# publishing.iac:40  api editorial: route POST /answers
resource "aws_apigatewayv2_route" "editorial_post_answers" {
  api_id    = aws_apigatewayv2_api.editorial.id
  route_key = "POST /answers"
  target    = "integrations/${aws_apigatewayv2_integration.editorial_post_answers.id}"
}

# publishing.iac:43  workflow publish_article: role
resource "aws_iam_role" "publish_article" {
  name_prefix        = "publishing-publish-article-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# publishing.iac:43  workflow publish_article: role
resource "aws_iam_role_policy" "publish_article" {
  name = "PublishArticleRolePolicy"
  role = aws_iam_role.publish_article.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeSummarizer"
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
      },
      {
        Sid      = "InvokeAskEditor"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:publishing-ask-editor"
      },
      {
        Sid      = "SendToRejected"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.rejected.arn
      },
      {
        Sid      = "PublishToPublished"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.published.arn
      },
    ]
  })
}

# publishing.iac:43  workflow publish_article
resource "aws_sfn_state_machine" "publish_article" {
  name     = "publishing-publish-article"
  type     = "STANDARD"
  role_arn = aws_iam_role.publish_article.arn
  definition = jsonencode({
    Comment = "workflow publish_article"
    StartAt = "Set $.received"
    States = {
      "Set $.received" = {
        Type = "Pass"
        Parameters = {
          "value.$" = "$$.Execution.StartTime"
        }
        ResultPath = "$.received"
        Next       = "Keep $.received"
      }
      "Keep $.received" = {
        Type       = "Pass"
        InputPath  = "$.received.value"
        ResultPath = "$.received"
        Next       = "Invoke summarizer"
      }
      "Invoke summarizer" = {
        Type     = "Task"
        Resource = "arn:aws:states:::bedrock:invokeModel"
        Parameters = {
          ModelId = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
          Body = {
            anthropic_version = "bedrock-2023-05-31"
            max_tokens        = 300
            system            = "Summarise the article in three sentences for an editor."
            messages = [
              {
                role        = "user"
                "content.$" = "$.text"
              },
            ]
          }
        }
        ResultSelector = {
          "Body.$" = "$.Body"
        }
        ResultPath = "$.summary"
        Next       = "Keep result of summarizer"
      }
      "Keep result of summarizer" = {
        Type       = "Pass"
        InputPath  = "$.summary.Body"
        ResultPath = "$.summary"
        Next       = "Invoke ask_editor"
      }
      "Invoke ask_editor" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke.waitForTaskToken"
        Parameters = {
          FunctionName = aws_lambda_function.ask_editor.arn
          Payload = {
            input = {
              "title.$"   = "$.title"
              "summary.$" = "$.summary.content[0].text"
              "run.$"     = "$$.Execution.Name"
            }
            "task_token.$" = "$$.Task.Token"
          }
        }
        TimeoutSeconds = 172800
        ResultPath     = "$.review"
        Catch = [
          {
            ErrorEquals = ["Rejected", "States.Timeout"]
            ResultPath  = "$.rejection"
            Next        = "Send rejected"
          },
        ]
        Next = "Wait until $.publish_at"
      }
      "Wait until $.publish_at" = {
        Type          = "Wait"
        TimestampPath = "$.publish_at"
        Next          = "Publish published"
      }
      "Send rejected" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sqs:sendMessage"
        Parameters = {
          QueueUrl        = aws_sqs_queue.rejected.url
          "MessageBody.$" = "$"
        }
        ResultPath = null
        Next       = "Succeed"
      }
      "Publish published" = {
        Type     = "Task"
        Resource = "arn:aws:states:::sns:publish"
        Parameters = {
          TopicArn    = aws_sns_topic.published.arn
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

  depends_on = [aws_iam_role_policy.publish_article]
}

# publishing.iac:38  api editorial: role for its service integrations
resource "aws_iam_role" "editorial" {
  name_prefix        = "publishing-editorial-"
  assume_role_policy = data.aws_iam_policy_document.apigateway_assume_role.json
}

# publishing.iac:38  api editorial: role for its service integrations
resource "aws_iam_role_policy" "editorial" {
  name = "EditorialRolePolicy"
  role = aws_iam_role.editorial.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartExecutionPublishArticle"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:publishing-publish-article"
      },
    ]
  })
}
