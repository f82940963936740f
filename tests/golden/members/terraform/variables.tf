# iac app members: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "us-east-1"
}

variable "stage" {
  description = "param stage: string = \"dev\""
  type        = string
  default     = "dev"
}

variable "webhook_token" {
  description = "param webhook_token: secret"
  type        = string
  sensitive   = true
}
