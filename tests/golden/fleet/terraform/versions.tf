terraform {
  # 1.11: ephemeral values and write-only arguments keep a generated secret out of the state.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 has the ephemeral random password and `secret_string_wo`; 6 is admitted.
      version = ">= 5.100, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region
}
