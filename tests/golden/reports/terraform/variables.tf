# iac app reports: params, set with -var NAME=VALUE.

variable "currency" {
  type    = string
  default = "EUR"
}
