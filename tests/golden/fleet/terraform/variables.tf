# iac app fleet: params, set with -var NAME=VALUE.
