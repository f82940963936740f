import os

import boto3
from botocore.exceptions import ClientError

secrets = boto3.client("secretsmanager")


def handler(event, context):
    value = secrets.get_secret_value(SecretId=os.environ["KEY"])["SecretString"]
    try:
        secrets.get_secret_value(SecretId=os.environ["OTHER"])
        denied = None
    except ClientError as err:
        denied = err.response["Error"]["Code"]
    return {"value": value, "denied": denied}
