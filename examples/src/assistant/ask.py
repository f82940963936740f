"""POST /ask: answer a question with Claude, remembering the conversation.

Request:  {"question": "...", "conversation_id": "optional, to continue one"}
Header:   x-api-key: the client key from Secrets Manager
Response: {"conversation_id": "...", "answer": "..."}
"""

import hmac
import json
import os
import time
import uuid

import boto3
from boto3.dynamodb.conditions import Key

bedrock = boto3.client("bedrock-runtime")
secrets = boto3.client("secretsmanager")
table = boto3.resource("dynamodb").Table(os.environ["TABLE"])

MODEL_ID = os.environ["MODEL_ID"]
MAX_TOKENS = int(os.environ["MAX_TOKENS"])
SYSTEM_PROMPT = os.environ["SYSTEM_PROMPT"]
WEEK = 7 * 86400

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

    body = json.loads(event.get("body") or "{}")
    question = (body.get("question") or "").strip()
    if not question:
        return reply(400, {"error": "a question is required"})
    conversation_id = body.get("conversation_id") or str(uuid.uuid4())

    history = table.query(KeyConditionExpression=Key("id").eq(conversation_id))["Items"]
    messages = [{"role": t["role"], "content": t["text"]} for t in history]
    messages.append({"role": "user", "content": question})

    response = bedrock.invoke_model(
        modelId=MODEL_ID,
        body=json.dumps(
            {
                "anthropic_version": "bedrock-2023-05-31",
                "max_tokens": MAX_TOKENS,
                "system": SYSTEM_PROMPT,
                "messages": messages,
            }
        ),
    )
    answer = json.loads(response["body"].read())["content"][0]["text"]

    expires_at = int(time.time()) + WEEK
    turn = int(history[-1]["turn"]) + 1 if history else 0
    with table.batch_writer() as batch:
        batch.put_item(Item=turn_item(conversation_id, turn, "user", question, expires_at))
        batch.put_item(Item=turn_item(conversation_id, turn + 1, "assistant", answer, expires_at))

    return reply(200, {"conversation_id": conversation_id, "answer": answer})


def turn_item(conversation_id, turn, role, text, expires_at):
    return {
        "id": conversation_id,
        "turn": turn,
        "role": role,
        "text": text,
        "expires_at": expires_at,
    }


def reply(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body),
    }
