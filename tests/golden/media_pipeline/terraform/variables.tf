# iac app media: params, set with -var NAME=VALUE.

variable "region" {
  description = "The AWS region to deploy to (the app's region unless set)"
  type        = string
  default     = "eu-central-1"
}

variable "stage" {
  description = "param stage: string = \"dev\""
  type        = string
  default     = "dev"
}

variable "transcoder_tag" {
  description = "param transcoder_tag: string = \"1.8.0\""
  type        = string
  default     = "1.8.0"
}
