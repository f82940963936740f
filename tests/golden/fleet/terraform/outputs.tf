# iac app fleet: outputs.

# fleet.iac:48  output audit_url
output "audit_url" {
  description = "output audit_url = audit.url"
  value       = aws_lambda_function_url.audit_url.function_url
}
