# iac app publishing: outputs.
