# iac app assistant: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_apigatewayv2_stage.assistant_api_stage
  to   = aws_apigatewayv2_stage.assistant_api
}

moved {
  from = aws_lambda_permission.assistant_api_post_ask_permission
  to   = aws_lambda_permission.assistant_api_post_ask
}

moved {
  from = aws_apigatewayv2_integration.assistant_api_post_ask_integration
  to   = aws_apigatewayv2_integration.assistant_api_post_ask
}

moved {
  from = aws_apigatewayv2_integration.assistant_api_post_summaries_integration
  to   = aws_apigatewayv2_integration.assistant_api_post_summaries
}

moved {
  from = aws_lambda_permission.assistant_api_any_conversations_proxy_permission
  to   = aws_lambda_permission.assistant_api_any_conversations_proxy
}

moved {
  from = aws_apigatewayv2_integration.assistant_api_any_conversations_proxy_integration
  to   = aws_apigatewayv2_integration.assistant_api_any_conversations_proxy
}

moved {
  from = aws_cloudwatch_log_group.ask_log_group
  to   = aws_cloudwatch_log_group.ask
}

moved {
  from = aws_iam_role.ask_role
  to   = aws_iam_role.ask
}

moved {
  from = aws_iam_role_policy.ask_role
  to   = aws_iam_role_policy.ask
}

moved {
  from = aws_cloudwatch_log_group.summarise_log_group
  to   = aws_cloudwatch_log_group.summarise
}

moved {
  from = aws_iam_role.summarise_role
  to   = aws_iam_role.summarise
}

moved {
  from = aws_iam_role_policy.summarise_role
  to   = aws_iam_role_policy.summarise
}

moved {
  from = aws_cloudwatch_log_group.conversations_api_log_group
  to   = aws_cloudwatch_log_group.conversations_api
}

moved {
  from = aws_iam_role.conversations_api_role
  to   = aws_iam_role.conversations_api
}

moved {
  from = aws_iam_role_policy.conversations_api_role
  to   = aws_iam_role_policy.conversations_api
}

moved {
  from = aws_iam_role.assistant_api_role
  to   = aws_iam_role.assistant_api
}

moved {
  from = aws_iam_role_policy.assistant_api_role
  to   = aws_iam_role_policy.assistant_api
}
