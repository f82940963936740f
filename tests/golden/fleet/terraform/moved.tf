# iac app fleet: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_sns_topic_policy.ops_policy
  to   = aws_sns_topic_policy.ops
}

moved {
  from = aws_sqs_queue_policy.ledger_policy
  to   = aws_sqs_queue_policy.ledger
}

moved {
  from = aws_sqs_queue_policy.lost_ledger_policy
  to   = aws_sqs_queue_policy.lost_ledger
}

moved {
  from = aws_sqs_queue_policy.failures_policy
  to   = aws_sqs_queue_policy.failures
}

moved {
  from = aws_sqs_queue_policy.failures_dlq_policy
  to   = aws_sqs_queue_policy.failures_dlq
}

moved {
  from = aws_cloudwatch_log_group.audit_log_group
  to   = aws_cloudwatch_log_group.audit
}

moved {
  from = aws_iam_role.audit_role
  to   = aws_iam_role.audit
}

moved {
  from = aws_iam_role_policy.audit_role
  to   = aws_iam_role_policy.audit
}

moved {
  from = aws_sqs_queue_policy.audit_dlq_policy
  to   = aws_sqs_queue_policy.audit_dlq
}

moved {
  from = aws_iam_role.reconcile_role
  to   = aws_iam_role.reconcile
}

moved {
  from = aws_iam_role_policy.reconcile_role
  to   = aws_iam_role_policy.reconcile
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
  from = aws_route_table.vpc_private_route_table
  to   = aws_route_table.vpc_private
}

moved {
  from = aws_route_table_association.vpc_private_subnet1_route_table_association
  to   = aws_route_table_association.vpc_private_subnet1
}

moved {
  from = aws_route_table_association.vpc_private_subnet2_route_table_association
  to   = aws_route_table_association.vpc_private_subnet2
}

moved {
  from = aws_security_group.vpc_function_security_group
  to   = aws_security_group.vpc_function
}

moved {
  from = aws_security_group.vpc_endpoint_security_group
  to   = aws_security_group.vpc_endpoint
}

moved {
  from = aws_lambda_permission.default_event_to_audit_permission
  to   = aws_lambda_permission.default_event_to_audit
}

moved {
  from = aws_lambda_permission.shop_bus_event_to_audit_permission
  to   = aws_lambda_permission.shop_bus_event_to_audit
}

moved {
  from = aws_iam_role.reconcile_jobs_message_to_reconcile_role
  to   = aws_iam_role.reconcile_jobs_message_to_reconcile
}

moved {
  from = aws_iam_role_policy.reconcile_jobs_message_to_reconcile_role
  to   = aws_iam_role_policy.reconcile_jobs_message_to_reconcile
}

moved {
  from = aws_iam_role.instances_changed_to_reconcile_role
  to   = aws_iam_role.instances_changed_to_reconcile
}

moved {
  from = aws_iam_role_policy.instances_changed_to_reconcile_role
  to   = aws_iam_role_policy.instances_changed_to_reconcile
}
