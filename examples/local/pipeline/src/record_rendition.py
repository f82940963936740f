"""Writes a row per announced rendition."""

import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["LOG_TABLE"])


def handler(event, context):
    for record in event["Records"]:
        message = json.loads(record["Sns"]["Message"])
        if "detail" in message:  # the transcode path passes the bucket event on
            upload, via = message["detail"]["object"]["key"], "transcode"
        else:
            upload, via = message["upload"], message["via"]
        table.put_item(Item={"upload": upload, "via": via})
