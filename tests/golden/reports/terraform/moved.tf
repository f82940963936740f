# iac app reports: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_s3_bucket_policy.reports_policy
  to   = aws_s3_bucket_policy.reports
}

moved {
  from = aws_cloudwatch_log_group.collect_sales_log_group
  to   = aws_cloudwatch_log_group.collect_sales
}

moved {
  from = aws_iam_role.collect_sales_role
  to   = aws_iam_role.collect_sales
}

moved {
  from = aws_iam_role_policy.collect_sales_role
  to   = aws_iam_role_policy.collect_sales
}

moved {
  from = aws_cloudwatch_log_group.render_region_log_group
  to   = aws_cloudwatch_log_group.render_region
}

moved {
  from = aws_iam_role.render_region_role
  to   = aws_iam_role.render_region
}

moved {
  from = aws_iam_role_policy.render_region_role
  to   = aws_iam_role_policy.render_region
}

moved {
  from = aws_cloudwatch_log_group.count_orders_log_group
  to   = aws_cloudwatch_log_group.count_orders
}

moved {
  from = aws_iam_role.count_orders_role
  to   = aws_iam_role.count_orders
}

moved {
  from = aws_iam_role_policy.count_orders_role
  to   = aws_iam_role_policy.count_orders
}

moved {
  from = aws_sqs_queue_policy.archive_jobs_policy
  to   = aws_sqs_queue_policy.archive_jobs
}

moved {
  from = aws_sqs_queue_policy.archive_jobs_dlq_policy
  to   = aws_sqs_queue_policy.archive_jobs_dlq
}

moved {
  from = aws_cloudwatch_log_group.archive_report_log_group
  to   = aws_cloudwatch_log_group.archive_report
}

moved {
  from = aws_iam_role.archive_report_role
  to   = aws_iam_role.archive_report
}

moved {
  from = aws_iam_role_policy.archive_report_role
  to   = aws_iam_role_policy.archive_report
}

moved {
  from = aws_cloudwatch_log_group.refresh_dashboard_log_group
  to   = aws_cloudwatch_log_group.refresh_dashboard
}

moved {
  from = aws_iam_role.refresh_dashboard_role
  to   = aws_iam_role.refresh_dashboard
}

moved {
  from = aws_iam_role_policy.refresh_dashboard_role
  to   = aws_iam_role_policy.refresh_dashboard
}

moved {
  from = aws_sqs_queue_policy.refresh_dashboard_dlq_policy
  to   = aws_sqs_queue_policy.refresh_dashboard_dlq
}

moved {
  from = aws_cloudwatch_log_group.compact_exports_log_group
  to   = aws_cloudwatch_log_group.compact_exports
}

moved {
  from = aws_iam_role.compact_exports_role
  to   = aws_iam_role.compact_exports
}

moved {
  from = aws_iam_role_policy.compact_exports_role
  to   = aws_iam_role_policy.compact_exports
}

moved {
  from = aws_sqs_queue_policy.compact_exports_dlq_policy
  to   = aws_sqs_queue_policy.compact_exports_dlq
}

moved {
  from = aws_apigatewayv2_stage.reports_api_stage
  to   = aws_apigatewayv2_stage.reports_api
}

moved {
  from = aws_apigatewayv2_integration.reports_api_post_reports_integration
  to   = aws_apigatewayv2_integration.reports_api_post_reports
}

moved {
  from = aws_apigatewayv2_integration.reports_api_post_archive_integration
  to   = aws_apigatewayv2_integration.reports_api_post_archive
}

moved {
  from = aws_internet_gateway.vpc_internet_gateway
  to   = aws_internet_gateway.vpc
}

moved {
  from = aws_internet_gateway_attachment.vpc_gateway_attachment
  to   = aws_internet_gateway_attachment.vpc
}

moved {
  from = aws_route_table.vpc_public_route_table
  to   = aws_route_table.vpc_public
}

moved {
  from = aws_route.vpc_public_route
  to   = aws_route.vpc_public
}

moved {
  from = aws_route_table_association.vpc_public_subnet1_route_table_association
  to   = aws_route_table_association.vpc_public_subnet1
}

moved {
  from = aws_route_table_association.vpc_public_subnet2_route_table_association
  to   = aws_route_table_association.vpc_public_subnet2
}

moved {
  from = aws_security_group.vpc_task_security_group
  to   = aws_security_group.vpc_task
}

moved {
  from = aws_iam_role.vpc_flow_log_role
  to   = aws_iam_role.vpc_flow_log
}

moved {
  from = aws_iam_role_policy.vpc_flow_log_role
  to   = aws_iam_role_policy.vpc_flow_log
}

moved {
  from = aws_flow_log.vpc_flow_log
  to   = aws_flow_log.vpc
}

moved {
  from = aws_cloudwatch_log_group.warehouse_export_log_group
  to   = aws_cloudwatch_log_group.warehouse_export
}

moved {
  from = aws_iam_role.warehouse_export_execution_role
  to   = aws_iam_role.warehouse_export_execution
}

moved {
  from = aws_iam_role_policy.warehouse_export_execution_role
  to   = aws_iam_role_policy.warehouse_export_execution
}

moved {
  from = aws_iam_role.warehouse_export_task_role
  to   = aws_iam_role.warehouse_export_task
}

moved {
  from = aws_iam_role_policy.warehouse_export_task_role
  to   = aws_iam_role_policy.warehouse_export_task
}

moved {
  from = aws_sqs_queue_policy.warehouse_export_dlq_policy
  to   = aws_sqs_queue_policy.warehouse_export_dlq
}

moved {
  from = aws_iam_role.build_report_role
  to   = aws_iam_role.build_report
}

moved {
  from = aws_iam_role_policy.build_report_role
  to   = aws_iam_role_policy.build_report
}

moved {
  from = aws_sqs_queue_policy.build_report_dlq_policy
  to   = aws_sqs_queue_policy.build_report_dlq
}

moved {
  from = aws_iam_role.sales_watch_role
  to   = aws_iam_role.sales_watch
}

moved {
  from = aws_iam_role_policy.sales_watch_role
  to   = aws_iam_role_policy.sales_watch
}

moved {
  from = aws_sqs_queue_policy.sales_watch_dlq_policy
  to   = aws_sqs_queue_policy.sales_watch_dlq
}

moved {
  from = aws_cloudwatch_event_rule.refresh_dashboard_every5m
  to   = aws_cloudwatch_event_rule.refresh_dashboard_every_5m
}

moved {
  from = aws_cloudwatch_event_target.refresh_dashboard_every5m_refresh_dashboard
  to   = aws_cloudwatch_event_target.refresh_dashboard_every_5m_refresh_dashboard
}

moved {
  from = aws_cloudwatch_event_rule.sales_watch_every15m
  to   = aws_cloudwatch_event_rule.sales_watch_every_15m
}

moved {
  from = aws_cloudwatch_event_target.sales_watch_every15m_sales_watch
  to   = aws_cloudwatch_event_target.sales_watch_every_15m_sales_watch
}

moved {
  from = aws_cloudwatch_event_rule.compact_exports_cron1
  to   = aws_cloudwatch_event_rule.compact_exports_cron_1
}

moved {
  from = aws_cloudwatch_event_target.compact_exports_cron1_compact_exports
  to   = aws_cloudwatch_event_target.compact_exports_cron_1_compact_exports
}

moved {
  from = aws_iam_role.reports_api_role
  to   = aws_iam_role.reports_api
}

moved {
  from = aws_iam_role_policy.reports_api_role
  to   = aws_iam_role_policy.reports_api
}

moved {
  from = aws_iam_role.build_report_events_role
  to   = aws_iam_role.build_report_events
}

moved {
  from = aws_iam_role_policy.build_report_events_role
  to   = aws_iam_role_policy.build_report_events
}

moved {
  from = aws_iam_role.warehouse_export_events_role
  to   = aws_iam_role.warehouse_export_events
}

moved {
  from = aws_iam_role_policy.warehouse_export_events_role
  to   = aws_iam_role_policy.warehouse_export_events
}

moved {
  from = aws_lambda_permission.refresh_dashboard_every5m_to_refresh_dashboard_permission
  to   = aws_lambda_permission.refresh_dashboard_every_5m_to_refresh_dashboard
}

moved {
  from = aws_iam_role.sales_watch_events_role
  to   = aws_iam_role.sales_watch_events
}

moved {
  from = aws_iam_role_policy.sales_watch_events_role
  to   = aws_iam_role_policy.sales_watch_events
}

moved {
  from = aws_lambda_permission.compact_exports_cron1_to_compact_exports_permission
  to   = aws_lambda_permission.compact_exports_cron_1_to_compact_exports
}
