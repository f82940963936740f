# iac app members: params, set with -var NAME=VALUE.

variable "stage" {
  type    = string
  default = "dev"
}

variable "webhook_token" {
  type      = string
  sensitive = true
}
