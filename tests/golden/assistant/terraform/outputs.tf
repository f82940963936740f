# iac app assistant: outputs.

# assistant.iac:104  output url
output "url" {
  description = "output url = assistant_api.url"
  value       = aws_apigatewayv2_api.assistant_api.api_endpoint
}

# assistant.iac:105  output model_arn
output "model_arn" {
  description = "output model_arn = claude.arn"
  value       = "arn:${data.aws_partition.current.partition}:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
}

# assistant.iac:106  output client_key_name
output "client_key_name" {
  description = "output client_key_name = client_key.name"
  value       = aws_secretsmanager_secret.client_key.name
}
