# iac app shop: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_sns_topic_policy.partner_feed_policy
  to   = aws_sns_topic_policy.partner_feed
}

moved {
  from = aws_sqs_queue_policy.partner_feed_dlq_policy
  to   = aws_sqs_queue_policy.partner_feed_dlq
}

moved {
  from = aws_sqs_queue_policy.audit_log_policy
  to   = aws_sqs_queue_policy.audit_log
}

moved {
  from = aws_sqs_queue_policy.audit_log_dlq_policy
  to   = aws_sqs_queue_policy.audit_log_dlq
}

moved {
  from = aws_s3_bucket_policy.receipts_policy
  to   = aws_s3_bucket_policy.receipts
}

moved {
  from = aws_cloudwatch_log_group.send_receipt_log_group
  to   = aws_cloudwatch_log_group.send_receipt
}

moved {
  from = aws_iam_role.send_receipt_role
  to   = aws_iam_role.send_receipt
}

moved {
  from = aws_iam_role_policy.send_receipt_role
  to   = aws_iam_role_policy.send_receipt
}

moved {
  from = aws_sqs_queue_policy.send_receipt_dlq_policy
  to   = aws_sqs_queue_policy.send_receipt_dlq
}

moved {
  from = aws_cloudwatch_log_group.reserve_stock_log_group
  to   = aws_cloudwatch_log_group.reserve_stock
}

moved {
  from = aws_iam_role.reserve_stock_role
  to   = aws_iam_role.reserve_stock
}

moved {
  from = aws_iam_role_policy.reserve_stock_role
  to   = aws_iam_role_policy.reserve_stock
}

moved {
  from = aws_iam_role.fulfil_order_role
  to   = aws_iam_role.fulfil_order
}

moved {
  from = aws_iam_role_policy.fulfil_order_role
  to   = aws_iam_role_policy.fulfil_order
}

moved {
  from = aws_sqs_queue_policy.fulfil_order_dlq_policy
  to   = aws_sqs_queue_policy.fulfil_order_dlq
}

moved {
  from = aws_apigatewayv2_stage.storefront_stage
  to   = aws_apigatewayv2_stage.storefront
}

moved {
  from = aws_apigatewayv2_integration.storefront_post_orders_integration
  to   = aws_apigatewayv2_integration.storefront_post_orders
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
  from = aws_lambda_permission.storefront_patch_orders_id_permission
  to   = aws_lambda_permission.storefront_patch_orders_id
}

moved {
  from = aws_apigatewayv2_integration.storefront_patch_orders_id_integration
  to   = aws_apigatewayv2_integration.storefront_patch_orders_id
}

moved {
  from = aws_lambda_permission.storefront_put_orders_id_address_permission
  to   = aws_lambda_permission.storefront_put_orders_id_address
}

moved {
  from = aws_apigatewayv2_integration.storefront_put_orders_id_address_integration
  to   = aws_apigatewayv2_integration.storefront_put_orders_id_address
}

moved {
  from = aws_lambda_permission.storefront_delete_orders_id_permission
  to   = aws_lambda_permission.storefront_delete_orders_id
}

moved {
  from = aws_apigatewayv2_integration.storefront_delete_orders_id_integration
  to   = aws_apigatewayv2_integration.storefront_delete_orders_id
}

moved {
  from = aws_apigatewayv2_integration.storefront_post_fulfilments_integration
  to   = aws_apigatewayv2_integration.storefront_post_fulfilments
}

moved {
  from = aws_apigatewayv2_integration.storefront_post_webhooks_carrier_integration
  to   = aws_apigatewayv2_integration.storefront_post_webhooks_carrier
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
  from = aws_cloudwatch_log_group.charge_payment_log_group
  to   = aws_cloudwatch_log_group.charge_payment
}

moved {
  from = aws_iam_role.charge_payment_role
  to   = aws_iam_role.charge_payment
}

moved {
  from = aws_iam_role_policy.charge_payment_role
  to   = aws_iam_role_policy.charge_payment
}

moved {
  from = aws_cloudwatch_log_group.order_api_log_group
  to   = aws_cloudwatch_log_group.order_api
}

moved {
  from = aws_iam_role.order_api_role
  to   = aws_iam_role.order_api
}

moved {
  from = aws_iam_role_policy.order_api_role
  to   = aws_iam_role_policy.order_api
}

moved {
  from = aws_cloudwatch_log_group.replay_failed_log_group
  to   = aws_cloudwatch_log_group.replay_failed
}

moved {
  from = aws_iam_role.replay_failed_role
  to   = aws_iam_role.replay_failed
}

moved {
  from = aws_iam_role_policy.replay_failed_role
  to   = aws_iam_role_policy.replay_failed
}

moved {
  from = aws_cloudwatch_log_group.order_changes_log_group
  to   = aws_cloudwatch_log_group.order_changes
}

moved {
  from = aws_iam_role.order_changes_role
  to   = aws_iam_role.order_changes
}

moved {
  from = aws_iam_role_policy.order_changes_role
  to   = aws_iam_role_policy.order_changes
}

moved {
  from = aws_sqs_queue_policy.customer_notices_policy
  to   = aws_sqs_queue_policy.customer_notices
}

moved {
  from = aws_sqs_queue_policy.customer_notices_dlq_policy
  to   = aws_sqs_queue_policy.customer_notices_dlq
}

moved {
  from = aws_cloudwatch_log_group.page_oncall_log_group
  to   = aws_cloudwatch_log_group.page_oncall
}

moved {
  from = aws_iam_role.page_oncall_role
  to   = aws_iam_role.page_oncall
}

moved {
  from = aws_iam_role_policy.page_oncall_role
  to   = aws_iam_role_policy.page_oncall
}

moved {
  from = aws_sqs_queue_policy.page_oncall_dlq_policy
  to   = aws_sqs_queue_policy.page_oncall_dlq
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
  from = aws_iam_role.fulfil_order_events_role
  to   = aws_iam_role.fulfil_order_events
}

moved {
  from = aws_iam_role_policy.fulfil_order_events_role
  to   = aws_iam_role_policy.fulfil_order_events
}

moved {
  from = aws_lambda_permission.shop_events_event_to_send_receipt_permission
  to   = aws_lambda_permission.shop_events_event_to_send_receipt
}

moved {
  from = aws_lambda_permission.alerts_message_to_page_oncall_permission
  to   = aws_lambda_permission.alerts_message_to_page_oncall
}
