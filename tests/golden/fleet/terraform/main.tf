# iac app fleet: every resource, in the order the plan made them.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
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

# Who may assume the roles of pipes.amazonaws.com.
data "aws_iam_policy_document" "pipes_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["pipes.amazonaws.com"]
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

# fleet.iac:12  topic ops
resource "aws_sns_topic" "ops" {
  name = "fleet-ops"
}

# fleet.iac:12  topic ops: who may send to it
resource "aws_sns_topic_policy" "ops" {
  arn = aws_sns_topic.ops.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromAlarms"
        Effect = "Allow"
        Principal = {
          Service = "cloudwatch.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.ops.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = [
              aws_cloudwatch_metric_alarm.audit_errors_alarm.arn,
              aws_cloudwatch_metric_alarm.audit_throttles_alarm.arn,
              aws_cloudwatch_metric_alarm.reconcile_failed_alarm.arn,
              aws_cloudwatch_metric_alarm.lost_ledger_messages_alarm.arn,
              aws_cloudwatch_metric_alarm.failures_dlq_messages_alarm.arn,
              aws_cloudwatch_metric_alarm.audit_dlq_messages_alarm.arn,
              aws_cloudwatch_metric_alarm.reconcile_jobs_dlq_messages_alarm.arn,
              aws_cloudwatch_metric_alarm.reconcile_dlq_messages_alarm.arn,
            ]
          }
          StringEquals = {
            "aws:SourceAccount" = data.aws_caller_identity.current.account_id
          }
        }
      },
    ]
  })
}

# fleet.iac:16  bus shop_bus
resource "aws_cloudwatch_event_bus" "shop_bus" {
  name = "fleet-shop-bus"
}

# fleet.iac:20  queue ledger
resource "aws_sqs_queue" "ledger" {
  name                        = "fleet-ledger.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  max_message_size            = 262144
  visibility_timeout_seconds  = 30
  message_retention_seconds   = 345600
  delay_seconds               = 0
  sqs_managed_sse_enabled     = true
}

# fleet.iac:20  queue ledger: who may send to it
resource "aws_sqs_queue_policy" "ledger" {
  queue_url = aws_sqs_queue.ledger.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToLedger"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.ledger.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_ledger.arn
          }
        }
      },
    ]
  })
}

# fleet.iac:22  queue lost_ledger
resource "aws_sqs_queue" "lost_ledger" {
  name                       = "fleet-lost-ledger"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# fleet.iac:22  queue lost_ledger: who may send to it
resource "aws_sqs_queue_policy" "lost_ledger" {
  queue_url = aws_sqs_queue.lost_ledger.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToLedger"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.lost_ledger.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_ledger.arn
          }
        }
      },
    ]
  })
}

# fleet.iac:24  topic alerts
resource "aws_sns_topic" "alerts" {
  name = "fleet-alerts"
}

# fleet.iac:27  queue failures
resource "aws_sqs_queue" "failures" {
  name                       = "fleet-failures"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.failures_dlq.arn
    maxReceiveCount     = 3
  })
}

# fleet.iac:27  queue failures: who may send to it
resource "aws_sqs_queue_policy" "failures" {
  queue_url = aws_sqs_queue.failures.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToFailures"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.failures.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_failures.arn
          }
        }
      },
      {
        Sid    = "FromAlerts"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.failures.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# fleet.iac:27  queue failures_dlq (dead-letter queue)
resource "aws_sqs_queue" "failures_dlq" {
  name                       = "fleet-failures-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# fleet.iac:27  queue failures_dlq: who may send to it
resource "aws_sqs_queue_policy" "failures_dlq" {
  queue_url = aws_sqs_queue.failures_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromShopBusEventToFailures"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.failures_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_failures.arn
          }
        }
      },
      {
        Sid    = "FromAlerts"
        Effect = "Allow"
        Principal = {
          Service = "sns.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.failures_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_sns_topic.alerts.arn
          }
        }
      },
    ]
  })
}

# fleet.iac:30  table instances
resource "aws_dynamodb_table" "instances" {
  name             = "fleet-instances"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
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

# fleet.iac:36  function audit: log group
resource "aws_cloudwatch_log_group" "audit" {
  name              = "/aws/lambda/fleet-audit"
  retention_in_days = 30
}

# fleet.iac:36  function audit: role
resource "aws_iam_role" "audit" {
  name_prefix        = "fleet-audit-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# fleet.iac:36  function audit: role
resource "aws_iam_role_policy" "audit" {
  name = "AuditRolePolicy"
  role = aws_iam_role.audit.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.audit.arn}:*"
      },
      {
        Sid      = "WriteTraces"
        Effect   = "Allow"
        Action   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]
        Resource = "*"
      },
      {
        Sid    = "WriteInstances"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchWriteItem",
          "dynamodb:DeleteItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
        ]
        Resource = aws_dynamodb_table.instances.arn
      },
      {
        Sid      = "PublishOps"
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.ops.arn
      },
      {
        Sid    = "ManageNetworkInterfaces"
        Effect = "Allow"
        Action = [
          "ec2:AssignPrivateIpAddresses",
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:UnassignPrivateIpAddresses",
        ]
        Resource = [
          "arn:${data.aws_partition.current.partition}:ec2:${var.region}:${data.aws_caller_identity.current.account_id}:network-interface/*",
          "arn:${data.aws_partition.current.partition}:ec2:${var.region}:${data.aws_caller_identity.current.account_id}:subnet/*",
          "arn:${data.aws_partition.current.partition}:ec2:${var.region}:${data.aws_caller_identity.current.account_id}:security-group/*",
        ]
      },
      {
        Sid      = "DescribeNetwork"
        Effect   = "Allow"
        Action   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"]
        Resource = "*"
      },
      {
        Sid    = "ConsumeFailures"
        Effect = "Allow"
        Action = [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ]
        Resource = aws_sqs_queue.failures.arn
      },
      {
        Sid    = "ReadStreamInstances"
        Effect = "Allow"
        Action = [
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams",
        ]
        Resource = aws_dynamodb_table.instances.stream_arn
      },
      {
        Sid      = "DeliverToAuditDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.audit_dlq.arn
      },
    ]
  })
}

# fleet.iac:36  function audit
resource "aws_lambda_function" "audit" {
  function_name    = "fleet-audit"
  role             = aws_iam_role.audit.arn
  handler          = "audit.handler"
  runtime          = "python3.12"
  architectures    = ["x86_64"]
  memory_size      = 128
  timeout          = 10
  filename         = "${path.module}/assets/audit-76340785bb27cb06.zip"
  source_code_hash = filebase64sha256("${path.module}/assets/audit-76340785bb27cb06.zip")
  layers           = ["arn:aws:lambda:us-east-1:123456789012:layer:pillow:3"]

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.audit.name
  }

  tracing_config {
    mode = "Active"
  }

  ephemeral_storage {
    size = 2048
  }

  vpc_config {
    subnet_ids         = [aws_subnet.vpc_private_subnet1.id, aws_subnet.vpc_private_subnet2.id]
    security_group_ids = [aws_security_group.vpc_function.id]
  }

  environment {
    variables = {
      TABLE = aws_dynamodb_table.instances.name
    }
  }

  depends_on = [aws_iam_role_policy.audit]
}

# fleet.iac:36  function audit: URL
resource "aws_lambda_function_url" "audit_url" {
  function_name      = aws_lambda_function.audit.arn
  authorization_type = "AWS_IAM"
}

# fleet.iac:36  queue audit_dlq (dead-letter queue)
resource "aws_sqs_queue" "audit_dlq" {
  name                       = "fleet-audit-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# fleet.iac:36  queue audit_dlq: who may send to it
resource "aws_sqs_queue_policy" "audit_dlq" {
  queue_url = aws_sqs_queue.audit_dlq.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "FromDefaultEventToAudit"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.audit_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.default_event_to_audit.arn
          }
        }
      },
      {
        Sid    = "FromShopBusEventToAudit"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.audit_dlq.arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = aws_cloudwatch_event_rule.shop_bus_event_to_audit.arn
          }
        }
      },
    ]
  })
}

# fleet.iac:52  queue reconcile_jobs
resource "aws_sqs_queue" "reconcile_jobs" {
  name                       = "fleet-reconcile-jobs"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.reconcile_jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

# fleet.iac:52  queue reconcile_jobs_dlq (dead-letter queue)
resource "aws_sqs_queue" "reconcile_jobs_dlq" {
  name                       = "fleet-reconcile-jobs-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# fleet.iac:53  workflow reconcile: role
resource "aws_iam_role" "reconcile" {
  name_prefix        = "fleet-reconcile-"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role.json
}

# fleet.iac:53  workflow reconcile: role
resource "aws_iam_role_policy" "reconcile" {
  name = "ReconcileRolePolicy"
  role = aws_iam_role.reconcile.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeAudit"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:${data.aws_partition.current.partition}:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:fleet-audit"
      },
    ]
  })
}

# fleet.iac:53  workflow reconcile
resource "aws_sfn_state_machine" "reconcile" {
  name     = "fleet-reconcile"
  type     = "STANDARD"
  role_arn = aws_iam_role.reconcile.arn
  definition = jsonencode({
    Comment = "workflow reconcile"
    StartAt = "Invoke audit"
    States = {
      "Invoke audit" = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.audit.arn
          "Payload.$"  = "$"
        }
        OutputPath = "$.Payload"
        End        = true
      }
    }
  })

  depends_on = [aws_iam_role_policy.reconcile]
}

# fleet.iac:53  queue reconcile_dlq (dead-letter queue)
resource "aws_sqs_queue" "reconcile_dlq" {
  name                       = "fleet-reconcile-dlq"
  max_message_size           = 262144
  visibility_timeout_seconds = 30
  message_retention_seconds  = 1209600
  delay_seconds              = 0
  sqs_managed_sse_enabled    = true
}

# fleet.iac:36  network: a VPC for the app's functions
resource "aws_vpc" "vpc" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

# fleet.iac:36  network: flow log group
resource "aws_cloudwatch_log_group" "vpc_flow_logs" {
  name              = "/aws/vpc/fleet-flow-logs"
  retention_in_days = 30
}

# fleet.iac:36  network: role for flow logs
resource "aws_iam_role" "vpc_flow_log" {
  name_prefix        = "fleet-vpc-flow-log-"
  assume_role_policy = data.aws_iam_policy_document.vpc_flow_logs_assume_role.json
}

# fleet.iac:36  network: role for flow logs
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

# fleet.iac:36  network: flow log
resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.vpc.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.vpc_flow_logs.arn
  iam_role_arn         = aws_iam_role.vpc_flow_log.arn
}

# fleet.iac:36  network: private route table (no route out)
resource "aws_route_table" "vpc_private" {
  vpc_id = aws_vpc.vpc.id
}

# fleet.iac:36  network: private subnet 1
resource "aws_subnet" "vpc_private_subnet1" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.0.2.0/24"
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = false
}

# fleet.iac:36  network: private subnet 1 uses the private route table
resource "aws_route_table_association" "vpc_private_subnet1" {
  subnet_id      = aws_subnet.vpc_private_subnet1.id
  route_table_id = aws_route_table.vpc_private.id
}

# fleet.iac:36  network: private subnet 2
resource "aws_subnet" "vpc_private_subnet2" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.0.3.0/24"
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = false
}

# fleet.iac:36  network: private subnet 2 uses the private route table
resource "aws_route_table_association" "vpc_private_subnet2" {
  subnet_id      = aws_subnet.vpc_private_subnet2.id
  route_table_id = aws_route_table.vpc_private.id
}

# fleet.iac:36  network: egress-only security group for functions
resource "aws_security_group" "vpc_function" {
  description = "fleet functions: outbound HTTPS only"
  vpc_id      = aws_vpc.vpc.id

  egress {
    description = "HTTPS to the VPC endpoints"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# fleet.iac:36  network: security group for the interface endpoints
resource "aws_security_group" "vpc_endpoint" {
  description = "fleet interface endpoints: HTTPS from the VPC"
  vpc_id      = aws_vpc.vpc.id

  egress {
    description = "replies stay in the VPC"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    description = "HTTPS from the VPC"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/16"]
  }
}

# fleet.iac:36  network: gateway endpoint for s3
resource "aws_vpc_endpoint" "vpc_s3_endpoint" {
  vpc_id            = aws_vpc.vpc.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.vpc_private.id]
}

# fleet.iac:36  network: gateway endpoint for dynamodb
resource "aws_vpc_endpoint" "vpc_dynamodb_endpoint" {
  vpc_id            = aws_vpc.vpc.id
  service_name      = "com.amazonaws.${var.region}.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.vpc_private.id]
}

# fleet.iac:36  network: interface endpoint for sns
resource "aws_vpc_endpoint" "vpc_sns_endpoint" {
  vpc_id              = aws_vpc.vpc.id
  service_name        = "com.amazonaws.${var.region}.sns"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.vpc_private_subnet1.id, aws_subnet.vpc_private_subnet2.id]
  security_group_ids  = [aws_security_group.vpc_endpoint.id]
  private_dns_enabled = true
}

# fleet.iac:14  default.event -> function audit
resource "aws_cloudwatch_event_rule" "default_event_to_audit" {
  name        = "fleet-default-event-to-audit"
  description = "default.event -> audit"
  event_pattern = jsonencode({
    source        = ["aws.ec2"]
    "detail-type" = ["EC2 Instance State-change Notification"]
    detail = {
      state = ["stopped", "terminated"]
    }
  })
  state = "ENABLED"
}

# fleet.iac:14  default.event -> function audit: target audit
resource "aws_cloudwatch_event_target" "default_event_to_audit_audit" {
  rule      = aws_cloudwatch_event_rule.default_event_to_audit.name
  target_id = "audit"
  arn       = aws_lambda_function.audit.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.audit_dlq.arn
  }
}

# fleet.iac:14  default.event -> audit
resource "aws_lambda_permission" "default_event_to_audit" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.audit.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.default_event_to_audit.arn
  source_account = data.aws_caller_identity.current.account_id
}

# fleet.iac:17  shop_bus.event -> function audit
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_audit" {
  name           = "fleet-shop-bus-event-to-audit"
  description    = "shop_bus.event -> audit"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    source = [
      {
        prefix = "shop."
      },
    ]
    detail = {
      total = [
        {
          numeric = [">", 100]
        },
      ]
      status = [
        {
          "anything-but" = ["test"]
        },
      ]
      coupon = [
        {
          exists = false
        },
      ]
    }
  })
  state = "ENABLED"
}

# fleet.iac:17  shop_bus.event -> function audit: target audit
resource "aws_cloudwatch_event_target" "shop_bus_event_to_audit_audit" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_audit.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "audit"
  arn            = aws_lambda_function.audit.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.audit_dlq.arn
  }
}

# fleet.iac:17  shop_bus.event -> audit
resource "aws_lambda_permission" "shop_bus_event_to_audit" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.audit.arn
  principal      = "events.amazonaws.com"
  source_arn     = aws_cloudwatch_event_rule.shop_bus_event_to_audit.arn
  source_account = data.aws_caller_identity.current.account_id
}

# fleet.iac:18  shop_bus.event -> queue failures
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_failures" {
  name           = "fleet-shop-bus-event-to-failures"
  description    = "shop_bus.event -> failures"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    "detail-type" = [
      {
        suffix = "Failed"
      },
    ]
    detail = {
      retry = [
        {
          exists = true
        },
      ]
    }
  })
  state = "ENABLED"
}

# fleet.iac:18  shop_bus.event -> queue failures: target failures
resource "aws_cloudwatch_event_target" "shop_bus_event_to_failures_failures" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_failures.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "failures"
  arn            = aws_sqs_queue.failures.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.failures_dlq.arn
  }
}

# fleet.iac:21  shop_bus.event -> queue ledger
resource "aws_cloudwatch_event_rule" "shop_bus_event_to_ledger" {
  name           = "fleet-shop-bus-event-to-ledger"
  description    = "shop_bus.event -> ledger"
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  event_pattern = jsonencode({
    "detail-type" = ["LedgerEntry"]
  })
  state = "ENABLED"
}

# fleet.iac:21  shop_bus.event -> queue ledger: target ledger
resource "aws_cloudwatch_event_target" "shop_bus_event_to_ledger_ledger" {
  rule           = aws_cloudwatch_event_rule.shop_bus_event_to_ledger.name
  event_bus_name = aws_cloudwatch_event_bus.shop_bus.name
  target_id      = "ledger"
  arn            = aws_sqs_queue.ledger.arn

  retry_policy {
    maximum_retry_attempts       = 185
    maximum_event_age_in_seconds = 86400
  }

  dead_letter_config {
    arn = aws_sqs_queue.lost_ledger.arn
  }

  sqs_target {
    message_group_id = "fleet"
  }
}

# fleet.iac:25  alerts.message -> queue failures
resource "aws_sns_topic_subscription" "alerts_message_to_failures" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.failures.arn
  filter_policy = jsonencode({
    severity = ["high", "critical"]
    score = [
      {
        numeric = [">=", 7]
      },
    ]
    team = [
      {
        prefix = "ops-"
      },
    ]
  })
  raw_message_delivery = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.failures_dlq.arn
  })
}

# fleet.iac:28  failures.message -> function audit
resource "aws_lambda_event_source_mapping" "failures_message_to_audit" {
  function_name           = aws_lambda_function.audit.function_name
  event_source_arn        = aws_sqs_queue.failures.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  filter_criteria {
    filter {
      pattern = "{\"body\":{\"type\":[\"order\"],\"amount\":[{\"numeric\":[\"<\",1000]}]}}"
    }
  }

  depends_on = [aws_iam_role_policy.audit]
}

# fleet.iac:34  instances.changed -> function audit
resource "aws_lambda_event_source_mapping" "instances_changed_to_audit" {
  function_name                  = aws_lambda_function.audit.function_name
  event_source_arn               = aws_dynamodb_table.instances.stream_arn
  batch_size                     = 100
  starting_position              = "LATEST"
  function_response_types        = ["ReportBatchItemFailures"]
  maximum_retry_attempts         = 3
  maximum_record_age_in_seconds  = 86400
  bisect_batch_on_function_error = true

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.audit_dlq.arn
    }
  }

  filter_criteria {
    filter {
      pattern = "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"state\":{\"S\":[\"running\"]}}}}"
    }
  }

  depends_on = [aws_iam_role_policy.audit]
}

# fleet.iac:56  reconcile_jobs.message -> reconcile: pipe role
resource "aws_iam_role" "reconcile_jobs_message_to_reconcile" {
  name_prefix        = "fleet-reconcile-jobs-message-4242081c-"
  assume_role_policy = data.aws_iam_policy_document.pipes_assume_role.json
}

# fleet.iac:56  reconcile_jobs.message -> reconcile: pipe role
resource "aws_iam_role_policy" "reconcile_jobs_message_to_reconcile" {
  name = "ReconcileJobsMessageToReconcileRolePolicy"
  role = aws_iam_role.reconcile_jobs_message_to_reconcile.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ConsumeReconcileJobs"
        Effect   = "Allow"
        Action   = ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]
        Resource = aws_sqs_queue.reconcile_jobs.arn
      },
      {
        Sid      = "StartReconcile"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:fleet-reconcile"
      },
    ]
  })
}

# fleet.iac:56  reconcile_jobs.message -> workflow reconcile (pipe)
resource "aws_pipes_pipe" "reconcile_jobs_message_to_reconcile" {
  name     = "fleet-reconcile-jobs-message-to-reconcile"
  role_arn = aws_iam_role.reconcile_jobs_message_to_reconcile.arn
  source   = aws_sqs_queue.reconcile_jobs.arn
  target   = aws_sfn_state_machine.reconcile.arn

  source_parameters {
    sqs_queue_parameters {
      batch_size = 1
    }

    filter_criteria {
      filter {
        pattern = "{\"body\":{\"kind\":[\"full\"]}}"
      }
    }
  }

  target_parameters {
    step_function_state_machine_parameters {
      invocation_type = "FIRE_AND_FORGET"
    }
  }

  depends_on = [aws_iam_role_policy.reconcile_jobs_message_to_reconcile]
}

# fleet.iac:57  instances.changed -> reconcile: pipe role
resource "aws_iam_role" "instances_changed_to_reconcile" {
  name_prefix        = "fleet-instances-changed-to-reconcile-"
  assume_role_policy = data.aws_iam_policy_document.pipes_assume_role.json
}

# fleet.iac:57  instances.changed -> reconcile: pipe role
resource "aws_iam_role_policy" "instances_changed_to_reconcile" {
  name = "InstancesChangedToReconcileRolePolicy"
  role = aws_iam_role.instances_changed_to_reconcile.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadStreamInstances"
        Effect = "Allow"
        Action = [
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams",
        ]
        Resource = aws_dynamodb_table.instances.stream_arn
      },
      {
        Sid      = "DeliverToReconcileDlq"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.reconcile_dlq.arn
      },
      {
        Sid      = "StartReconcile"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:${data.aws_partition.current.partition}:states:${var.region}:${data.aws_caller_identity.current.account_id}:stateMachine:fleet-reconcile"
      },
    ]
  })
}

# fleet.iac:57  instances.changed -> workflow reconcile (pipe)
resource "aws_pipes_pipe" "instances_changed_to_reconcile" {
  name     = "fleet-instances-changed-to-reconcile"
  role_arn = aws_iam_role.instances_changed_to_reconcile.arn
  source   = aws_dynamodb_table.instances.stream_arn
  target   = aws_sfn_state_machine.reconcile.arn

  source_parameters {
    dynamodb_stream_parameters {
      starting_position             = "LATEST"
      batch_size                    = 10
      maximum_retry_attempts        = 3
      maximum_record_age_in_seconds = 86400
      on_partial_batch_item_failure = "AUTOMATIC_BISECT"

      dead_letter_config {
        arn = aws_sqs_queue.reconcile_dlq.arn
      }
    }

    filter_criteria {
      filter {
        pattern = "{\"eventName\":[\"REMOVE\"]}"
      }
    }
  }

  target_parameters {
    step_function_state_machine_parameters {
      invocation_type = "FIRE_AND_FORGET"
    }
  }

  depends_on = [aws_iam_role_policy.instances_changed_to_reconcile]
}

# fleet.iac:36  function audit: asynchronous invocations
resource "aws_lambda_function_event_invoke_config" "audit_invoke_config" {
  function_name                = aws_lambda_function.audit.function_name
  qualifier                    = "$LATEST"
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.audit_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.audit]
}

# fleet.iac:36  function audit: alarm when function audit fails
resource "aws_cloudwatch_metric_alarm" "audit_errors_alarm" {
  alarm_name        = "fleet-audit-errors"
  alarm_description = "function audit fails (app `alarms = ops`)"
  namespace         = "AWS/Lambda"
  metric_name       = "Errors"
  dimensions = {
    FunctionName = aws_lambda_function.audit.function_name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:36  function audit: alarm when function audit is throttled
resource "aws_cloudwatch_metric_alarm" "audit_throttles_alarm" {
  alarm_name        = "fleet-audit-throttles"
  alarm_description = "function audit is throttled (app `alarms = ops`)"
  namespace         = "AWS/Lambda"
  metric_name       = "Throttles"
  dimensions = {
    FunctionName = aws_lambda_function.audit.function_name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:53  workflow reconcile: alarm when an execution of workflow reconcile fails
resource "aws_cloudwatch_metric_alarm" "reconcile_failed_alarm" {
  alarm_name        = "fleet-reconcile-failed"
  alarm_description = "an execution of workflow reconcile fails (app `alarms = ops`)"
  namespace         = "AWS/States"
  metric_name       = "ExecutionsFailed"
  dimensions = {
    StateMachineArn = aws_sfn_state_machine.reconcile.arn
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:22  queue lost_ledger: alarm when dead-letter queue lost_ledger holds a message
resource "aws_cloudwatch_metric_alarm" "lost_ledger_messages_alarm" {
  alarm_name        = "fleet-lost-ledger-messages"
  alarm_description = "dead-letter queue lost_ledger holds a message (app `alarms = ops`)"
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.lost_ledger.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:27  queue failures_dlq: alarm when dead-letter queue failures_dlq holds a message
resource "aws_cloudwatch_metric_alarm" "failures_dlq_messages_alarm" {
  alarm_name        = "fleet-failures-dlq-messages"
  alarm_description = "dead-letter queue failures_dlq holds a message (app `alarms = ops`)"
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.failures_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:36  queue audit_dlq: alarm when dead-letter queue audit_dlq holds a message
resource "aws_cloudwatch_metric_alarm" "audit_dlq_messages_alarm" {
  alarm_name        = "fleet-audit-dlq-messages"
  alarm_description = "dead-letter queue audit_dlq holds a message (app `alarms = ops`)"
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.audit_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:52  queue reconcile_jobs_dlq: alarm when dead-letter queue reconcile_jobs_dlq holds a message
resource "aws_cloudwatch_metric_alarm" "reconcile_jobs_dlq_messages_alarm" {
  alarm_name        = "fleet-reconcile-jobs-dlq-messages"
  alarm_description = "dead-letter queue reconcile_jobs_dlq holds a message (app `alarms = ops`)"
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.reconcile_jobs_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

# fleet.iac:53  queue reconcile_dlq: alarm when dead-letter queue reconcile_dlq holds a message
resource "aws_cloudwatch_metric_alarm" "reconcile_dlq_messages_alarm" {
  alarm_name        = "fleet-reconcile-dlq-messages"
  alarm_description = "dead-letter queue reconcile_dlq holds a message (app `alarms = ops`)"
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.reconcile_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.ops.arn]
}
