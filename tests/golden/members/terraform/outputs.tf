# iac app members: outputs.

# members.iac:78  output api_url
output "api_url" {
  value = aws_apigatewayv2_api.shop.api_endpoint
}

# members.iac:79  output pool_id
output "pool_id" {
  value = aws_cognito_user_pool.customers.id
}

# members.iac:80  output client_id
output "client_id" {
  value = aws_cognito_user_pool_client.customers_client.id
}

# members.iac:81  output issuer
output "issuer" {
  value = "https://cognito-idp.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}/${aws_cognito_user_pool.customers.id}"
}
