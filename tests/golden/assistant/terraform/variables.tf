# iac app assistant: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "us-west-2"
}

variable "stage" {
  description = "param stage: string = \"dev\""
  type        = string
  default     = "dev"
}

variable "max_tokens" {
  description = "param max_tokens: number = 1024"
  type        = number
  default     = 1024
}
