# iac app shop_events: params, set with -var NAME=VALUE.

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

variable "alert_level" {
  description = "param alert_level: string = \"high\""
  type        = string
  default     = "high"
}
