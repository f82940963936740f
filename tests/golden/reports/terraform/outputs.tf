# iac app reports: outputs.

# triggers.iac:46  output reports_url
output "reports_url" {
  value = aws_apigatewayv2_api.reports_api.api_endpoint
}

# triggers.iac:47  output reports_bucket
output "reports_bucket" {
  value = aws_s3_bucket.reports.bucket
}

# triggers.iac:48  output report_workflow
output "report_workflow" {
  value = aws_sfn_state_machine.build_report.arn
}
