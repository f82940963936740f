# iac app shop: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "eu-west-1"
}

variable "stage" {
  description = "param stage: string = \"dev\""
  type        = string
  default     = "dev"
}

variable "retention_days" {
  description = "param retention_days: number = 90"
  type        = number
  default     = 90
}

variable "pager_url" {
  description = "param pager_url: string"
  type        = string
}
