# iac app assistant: params, set with -var NAME=VALUE.

variable "stage" {
  type    = string
  default = "dev"
}

variable "max_tokens" {
  type    = number
  default = 1024
}
