# iac app members: outputs.

# members.iac:78  output api_url
output "api_url" {
  description = "output api_url = shop.url"
  value       = aws_apigatewayv2_api.shop.api_endpoint
}

# members.iac:79  output pool_id
output "pool_id" {
  description = "output pool_id = customers.id"
  value       = aws_cognito_user_pool.customers.id
}

# members.iac:80  output client_id
output "client_id" {
  description = "output client_id = customers.client_id"
  value       = aws_cognito_user_pool_client.customers_client.id
}

# members.iac:81  output issuer
output "issuer" {
  description = "output issuer = customers.issuer"
  value       = "https://cognito-idp.${var.region}.${data.aws_partition.current.dns_suffix}/${aws_cognito_user_pool.customers.id}"
}
