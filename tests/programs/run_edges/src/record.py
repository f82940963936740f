"""Every handler of the edges program: stores the event it got, under its own name."""

import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["SEEN"])


def handler(event, context):
    name = os.environ["AWS_LAMBDA_FUNCTION_NAME"].removeprefix("edges-")
    table.put_item(Item={"id": name, "event": json.dumps(event, default=str)})
