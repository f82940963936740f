import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["SEEN"])


def handler(event, context):
    failures = []
    for record in event["Records"]:
        body = json.loads(record["body"])
        if body.get("bad"):
            failures.append({"itemIdentifier": record["messageId"]})
        else:
            table.put_item(Item={"id": "job-" + body["n"]})
    return {"batchItemFailures": failures}
