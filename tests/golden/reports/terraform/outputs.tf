# iac app reports: outputs.

# triggers.iac:46  output reports_url
output "reports_url" {
  description = "output reports_url = reports_api.url"
  value       = aws_apigatewayv2_api.reports_api.api_endpoint
}

# triggers.iac:47  output reports_bucket
output "reports_bucket" {
  description = "output reports_bucket = reports.name"
  value       = aws_s3_bucket.reports.bucket
}

# triggers.iac:48  output report_workflow
output "report_workflow" {
  description = "output report_workflow = build_report.arn"
  value       = aws_sfn_state_machine.build_report.arn
}
