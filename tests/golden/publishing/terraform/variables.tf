# iac app publishing: params, set with -var NAME=VALUE.
