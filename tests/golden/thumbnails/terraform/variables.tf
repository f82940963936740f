# iac app thumbnails: params, set with -var NAME=VALUE.
