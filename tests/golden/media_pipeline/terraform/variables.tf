# iac app media: params, set with -var NAME=VALUE.

variable "stage" {
  type    = string
  default = "dev"
}

variable "transcoder_tag" {
  type    = string
  default = "1.8.0"
}
