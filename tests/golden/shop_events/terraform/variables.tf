# iac app shop_events: params, set with -var NAME=VALUE.

variable "stage" {
  type    = string
  default = "dev"
}

variable "alert_level" {
  type    = string
  default = "high"
}
