# iac app shop_events: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_apigatewayv2_stage.storefront_stage
  to   = aws_apigatewayv2_stage.storefront
}

moved {
  from = aws_lambda_permission.storefront_get_orders_id_permission
  to   = aws_lambda_permission.storefront_get_orders_id
}

moved {
  from = aws_apigatewayv2_integration.storefront_get_orders_id_integration
  to   = aws_apigatewayv2_integration.storefront_get_orders_id
}

moved {
  from = aws_apigatewayv2_integration.storefront_post_orders_integration
  to   = aws_apigatewayv2_integration.storefront_post_orders
}

moved {
  from = aws_apigatewayv2_integration.storefront_post_events_integration
  to   = aws_apigatewayv2_integration.storefront_post_events
}

moved {
  from = aws_lambda_permission.storefront_any_admin_proxy_permission
  to   = aws_lambda_permission.storefront_any_admin_proxy
}

moved {
  from = aws_apigatewayv2_integration.storefront_any_admin_proxy_integration
  to   = aws_apigatewayv2_integration.storefront_any_admin_proxy
}

moved {
  from = aws_cloudwatch_log_group.place_order_log_group
  to   = aws_cloudwatch_log_group.place_order
}

moved {
  from = aws_iam_role.place_order_role
  to   = aws_iam_role.place_order
}

moved {
  from = aws_iam_role_policy.place_order_role
  to   = aws_iam_role_policy.place_order
}

moved {
  from = aws_cloudwatch_log_group.get_order_log_group
  to   = aws_cloudwatch_log_group.get_order
}

moved {
  from = aws_iam_role.get_order_role
  to   = aws_iam_role.get_order
}

moved {
  from = aws_iam_role_policy.get_order_role
  to   = aws_iam_role_policy.get_order
}

moved {
  from = aws_sqs_queue_policy.get_order_dlq_policy
  to   = aws_sqs_queue_policy.get_order_dlq
}

moved {
  from = aws_cloudwatch_log_group.project_order_log_group
  to   = aws_cloudwatch_log_group.project_order
}

moved {
  from = aws_iam_role.project_order_role
  to   = aws_iam_role.project_order
}

moved {
  from = aws_iam_role_policy.project_order_role
  to   = aws_iam_role_policy.project_order
}

moved {
  from = aws_sqs_queue_policy.project_order_dlq_policy
  to   = aws_sqs_queue_policy.project_order_dlq
}

moved {
  from = aws_sqs_queue_policy.shipping_notices_policy
  to   = aws_sqs_queue_policy.shipping_notices
}

moved {
  from = aws_sqs_queue_policy.shipping_notices_dlq_policy
  to   = aws_sqs_queue_policy.shipping_notices_dlq
}

moved {
  from = aws_sns_topic_policy.alerts_policy
  to   = aws_sns_topic_policy.alerts
}

moved {
  from = aws_sqs_queue_policy.alerts_dlq_policy
  to   = aws_sqs_queue_policy.alerts_dlq
}

moved {
  from = aws_cloudwatch_log_group.pager_log_group
  to   = aws_cloudwatch_log_group.pager
}

moved {
  from = aws_iam_role.pager_role
  to   = aws_iam_role.pager
}

moved {
  from = aws_iam_role_policy.pager_role
  to   = aws_iam_role_policy.pager
}

moved {
  from = aws_sqs_queue_policy.pager_dlq_policy
  to   = aws_sqs_queue_policy.pager_dlq
}

moved {
  from = aws_sqs_queue_policy.alert_archive_policy
  to   = aws_sqs_queue_policy.alert_archive
}

moved {
  from = aws_sqs_queue_policy.alert_archive_dlq_policy
  to   = aws_sqs_queue_policy.alert_archive_dlq
}

moved {
  from = aws_cloudwatch_event_rule.project_order_cron1
  to   = aws_cloudwatch_event_rule.project_order_cron_1
}

moved {
  from = aws_cloudwatch_event_target.project_order_cron1_project_order
  to   = aws_cloudwatch_event_target.project_order_cron_1_project_order
}

moved {
  from = aws_iam_role.storefront_role
  to   = aws_iam_role.storefront
}

moved {
  from = aws_iam_role_policy.storefront_role
  to   = aws_iam_role_policy.storefront
}

moved {
  from = aws_lambda_permission.shop_bus_event_to_project_order_permission
  to   = aws_lambda_permission.shop_bus_event_to_project_order
}

moved {
  from = aws_lambda_permission.alerts_message_to_pager_permission
  to   = aws_lambda_permission.alerts_message_to_pager
}

moved {
  from = aws_lambda_permission.hourly_report_to_get_order_permission
  to   = aws_lambda_permission.hourly_report_to_get_order
}

moved {
  from = aws_lambda_permission.project_order_cron1_to_project_order_permission
  to   = aws_lambda_permission.project_order_cron_1_to_project_order
}
