# iac app fleet: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "us-east-1"
}
