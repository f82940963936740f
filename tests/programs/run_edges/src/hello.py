import json


def handler(event, context):
    body = {
        "name": event["pathParameters"]["name"],
        "query": event.get("queryStringParameters"),
        "route": event["routeKey"],
        "version": event["version"],
    }
    return {"statusCode": 201, "headers": {"x-local": "yes"}, "body": json.dumps(body)}
