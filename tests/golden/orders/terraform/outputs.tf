# iac app shop: outputs.

# app.iac:27  output api_url
output "api_url" {
  description = "output api_url = storefront.url"
  value       = aws_apigatewayv2_api.storefront.api_endpoint
}

# app.iac:28  output orders_table
output "orders_table" {
  description = "output orders_table = orders.name"
  value       = aws_dynamodb_table.orders.name
}

# app.iac:29  output dead_letters
output "dead_letters" {
  description = "output dead_letters = incoming_orders_dlq.url"
  value       = aws_sqs_queue.incoming_orders_dlq.url
}

# app.iac:30  output replay_function
output "replay_function" {
  description = "output replay_function = replay_failed.name"
  value       = aws_lambda_function.replay_failed.function_name
}

# app.iac:31  output event_bus
output "event_bus" {
  description = "output event_bus = shop_events.arn"
  value       = aws_cloudwatch_event_bus.shop_events.arn
}
