# iac app members: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_apigatewayv2_stage.shop_stage
  to   = aws_apigatewayv2_stage.shop
}

moved {
  from = aws_lambda_permission.shop_get_health_permission
  to   = aws_lambda_permission.shop_get_health
}

moved {
  from = aws_apigatewayv2_integration.shop_get_health_integration
  to   = aws_apigatewayv2_integration.shop_get_health
}

moved {
  from = aws_lambda_permission.shop_get_orders_permission
  to   = aws_lambda_permission.shop_get_orders
}

moved {
  from = aws_apigatewayv2_integration.shop_get_orders_integration
  to   = aws_apigatewayv2_integration.shop_get_orders
}

moved {
  from = aws_apigatewayv2_integration.shop_post_quote_integration
  to   = aws_apigatewayv2_integration.shop_post_quote
}

moved {
  from = aws_apigatewayv2_integration.shop_post_ledger_integration
  to   = aws_apigatewayv2_integration.shop_post_ledger
}

moved {
  from = aws_apigatewayv2_integration.shop_post_events_integration
  to   = aws_apigatewayv2_integration.shop_post_events
}

moved {
  from = aws_lambda_permission.shop_post_partners_permission
  to   = aws_lambda_permission.shop_post_partners
}

moved {
  from = aws_apigatewayv2_integration.shop_post_partners_integration
  to   = aws_apigatewayv2_integration.shop_post_partners
}

moved {
  from = aws_apigatewayv2_integration.shop_post_internal_integration
  to   = aws_apigatewayv2_integration.shop_post_internal
}

moved {
  from = aws_cloudwatch_log_group.health_log_group
  to   = aws_cloudwatch_log_group.health
}

moved {
  from = aws_iam_role.health_role
  to   = aws_iam_role.health
}

moved {
  from = aws_iam_role_policy.health_role
  to   = aws_iam_role_policy.health
}

moved {
  from = aws_cloudwatch_log_group.price_log_group
  to   = aws_cloudwatch_log_group.price
}

moved {
  from = aws_iam_role.price_role
  to   = aws_iam_role.price
}

moved {
  from = aws_iam_role_policy.price_role
  to   = aws_iam_role_policy.price
}

moved {
  from = aws_cloudwatch_log_group.nightly_log_group
  to   = aws_cloudwatch_log_group.nightly
}

moved {
  from = aws_iam_role.nightly_role
  to   = aws_iam_role.nightly
}

moved {
  from = aws_iam_role_policy.nightly_role
  to   = aws_iam_role_policy.nightly
}

moved {
  from = aws_sqs_queue_policy.nightly_dlq_policy
  to   = aws_sqs_queue_policy.nightly_dlq
}

moved {
  from = aws_iam_role.quote_flow_role
  to   = aws_iam_role.quote_flow
}

moved {
  from = aws_iam_role_policy.quote_flow_role
  to   = aws_iam_role_policy.quote_flow
}

moved {
  from = aws_iam_role.start_report_role
  to   = aws_iam_role.start_report
}

moved {
  from = aws_iam_role_policy.start_report_role
  to   = aws_iam_role_policy.start_report
}

moved {
  from = aws_cloudwatch_log_group.post_ledger_log_group
  to   = aws_cloudwatch_log_group.post_ledger
}

moved {
  from = aws_iam_role.post_ledger_role
  to   = aws_iam_role.post_ledger
}

moved {
  from = aws_iam_role_policy.post_ledger_role
  to   = aws_iam_role_policy.post_ledger
}

moved {
  from = aws_sqs_queue_policy.post_ledger_dlq_policy
  to   = aws_sqs_queue_policy.post_ledger_dlq
}

moved {
  from = aws_cloudwatch_event_rule.nightly_cron1
  to   = aws_cloudwatch_event_rule.nightly_cron_1
}

moved {
  from = aws_cloudwatch_event_target.nightly_cron1_nightly
  to   = aws_cloudwatch_event_target.nightly_cron_1_nightly
}

moved {
  from = aws_iam_role.shop_role
  to   = aws_iam_role.shop
}

moved {
  from = aws_iam_role_policy.shop_role
  to   = aws_iam_role_policy.shop
}

moved {
  from = aws_lambda_permission.nightly_cron1_to_nightly_permission
  to   = aws_lambda_permission.nightly_cron_1_to_nightly
}

moved {
  from = aws_lambda_permission.shop_bus_event_to_post_ledger_permission
  to   = aws_lambda_permission.shop_bus_event_to_post_ledger
}
