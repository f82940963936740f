import json
import os

import boto3
from botocore.exceptions import ClientError

client = boto3.client("lambda")


def handler(event, context):
    got = client.invoke(FunctionName=os.environ["GREET"], Payload=json.dumps({"name": "bo"}))
    greeting = json.loads(got["Payload"].read())
    try:
        client.invoke(FunctionName=os.environ["SLOW"], Payload=b"{}")
        denied = None
    except ClientError as err:
        denied = err.response["Error"]["Code"]
    return {"greeting": greeting, "denied": denied}
