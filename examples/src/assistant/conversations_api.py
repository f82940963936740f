"""ANY /conversations/{proxy+}: read a conversation, or forget it.

GET    /conversations/{id}   every turn, oldest first
DELETE /conversations/{id}   delete every turn now (instead of after a week)
"""

import hmac
import json
import os

import boto3
from boto3.dynamodb.conditions import Key

secrets = boto3.client("secretsmanager")
table = boto3.resource("dynamodb").Table(os.environ["TABLE"])

_client_key = None


def client_key():
    global _client_key
    if _client_key is None:
        _client_key = secrets.get_secret_value(SecretId=os.environ["CLIENT_KEY_ARN"])[
            "SecretString"
        ]
    return _client_key


def handler(event, context):
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    if not hmac.compare_digest(headers.get("x-api-key", ""), client_key()):
        return reply(401, {"error": "missing or wrong x-api-key"})

    method = event.get("requestContext", {}).get("http", {}).get("method") or event["httpMethod"]
    conversation_id = event["pathParameters"]["proxy"].strip("/")
    turns = table.query(KeyConditionExpression=Key("id").eq(conversation_id))["Items"]
    if not turns:
        return reply(404, {"error": f"no conversation {conversation_id}"})

    if method == "GET":
        return reply(
            200,
            {
                "id": conversation_id,
                "turns": [{"role": t["role"], "text": t["text"]} for t in turns],
            },
        )
    if method == "DELETE":
        with table.batch_writer() as batch:
            for t in turns:
                batch.delete_item(Key={"id": t["id"], "turn": t["turn"]})
        return reply(204, None)
    return reply(405, {"error": f"{method} not allowed"})


def reply(status, body):
    response = {"statusCode": status, "headers": {"content-type": "application/json"}}
    if body is not None:
        response["body"] = json.dumps(body)
    return response
