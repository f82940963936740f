# iac app fleet: outputs.

# fleet.iac:47  output audit_url
output "audit_url" {
  value = aws_lambda_function_url.audit_url.function_url
}
