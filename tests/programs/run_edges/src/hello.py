import json
import os


def handler(event, context):
    body = {
        "name": event["pathParameters"]["name"],
        "query": event.get("queryStringParameters"),
        "route": event["routeKey"],
        "version": event["version"],
        "front": os.environ["FRONT"],
    }
    return {"statusCode": 201, "headers": {"x-local": "yes"}, "body": json.dumps(body)}
