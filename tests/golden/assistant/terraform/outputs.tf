# iac app assistant: outputs.

# assistant.iac:104  output url
output "url" {
  value = aws_apigatewayv2_api.assistant_api.api_endpoint
}

# assistant.iac:105  output model_arn
output "model_arn" {
  value = "arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
}

# assistant.iac:106  output client_key_name
output "client_key_name" {
  value = aws_secretsmanager_secret.client_key.name
}
