# iac app shop: params, set with -var NAME=VALUE.

variable "stage" {
  type    = string
  default = "dev"
}

variable "retention_days" {
  type    = number
  default = 90
}

variable "pager_url" {
  type = string
}
