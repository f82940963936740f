# iac app shop_events: outputs.

# shop_events.iac:90  output api_url
output "api_url" {
  description = "output api_url = storefront.url"
  value       = aws_apigatewayv2_api.storefront.api_endpoint
}

# shop_events.iac:91  output orders_table
output "orders_table" {
  description = "output orders_table = orders.name"
  value       = aws_dynamodb_table.orders.name
}

# shop_events.iac:92  output intake_queue
output "intake_queue" {
  description = "output intake_queue = intake.url"
  value       = aws_sqs_queue.intake.url
}
