# iac app reports: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "us-east-1"
}

variable "currency" {
  description = "param currency: string = \"EUR\""
  type        = string
  default     = "EUR"
}
