# iac app publishing: addresses iac 1.0 spelled otherwise (`aws_iam_role.x_role`). A
# state applied before moves to the new addresses instead of replacing the resources (a
# replaced log group loses its history). Once every state of the app has been applied
# with these blocks, set `"terraform_addresses": 2` in the program's lock (`iac.lock`,
# or `NAME.iac.lock` beside a file program): `iac compile` then leaves this file out, as
# it does for a program compiled first by this version.

moved {
  from = aws_cloudwatch_log_group.ask_editor_log_group
  to   = aws_cloudwatch_log_group.ask_editor
}

moved {
  from = aws_iam_role.ask_editor_role
  to   = aws_iam_role.ask_editor
}

moved {
  from = aws_iam_role_policy.ask_editor_role
  to   = aws_iam_role_policy.ask_editor
}

moved {
  from = aws_cloudwatch_log_group.editor_answers_log_group
  to   = aws_cloudwatch_log_group.editor_answers
}

moved {
  from = aws_iam_role.editor_answers_role
  to   = aws_iam_role.editor_answers
}

moved {
  from = aws_iam_role_policy.editor_answers_role
  to   = aws_iam_role_policy.editor_answers
}

moved {
  from = aws_apigatewayv2_stage.editorial_stage
  to   = aws_apigatewayv2_stage.editorial
}

moved {
  from = aws_apigatewayv2_integration.editorial_post_articles_integration
  to   = aws_apigatewayv2_integration.editorial_post_articles
}

moved {
  from = aws_lambda_permission.editorial_post_answers_permission
  to   = aws_lambda_permission.editorial_post_answers
}

moved {
  from = aws_apigatewayv2_integration.editorial_post_answers_integration
  to   = aws_apigatewayv2_integration.editorial_post_answers
}

moved {
  from = aws_iam_role.publish_article_role
  to   = aws_iam_role.publish_article
}

moved {
  from = aws_iam_role_policy.publish_article_role
  to   = aws_iam_role_policy.publish_article
}

moved {
  from = aws_iam_role.editorial_role
  to   = aws_iam_role.editorial
}

moved {
  from = aws_iam_role_policy.editorial_role
  to   = aws_iam_role_policy.editorial
}
