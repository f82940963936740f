"""Summarise a long document taken from the summary_requests queue.

Message body (the body of POST /summaries, as it was sent):
    {"api_key": "...", "conversation_id": "...", "title": "...", "text": "..."}

The summary is stored as the next assistant turn of that conversation.
Requests with a wrong key are dropped, not retried.
"""

import hmac
import json
import os
import time

import boto3
from boto3.dynamodb.conditions import Key

bedrock = boto3.client("bedrock-runtime")
secrets = boto3.client("secretsmanager")
table = boto3.resource("dynamodb").Table(os.environ["TABLE"])

MODEL_ID = os.environ["MODEL_ID"]
WEEK = 7 * 86400
PROMPT = (
    "Summarise the document below in at most ten bullet points, "
    "then list any decisions or deadlines it mentions.\n\n<document>\n{text}\n</document>"
)


def handler(event, context):
    client_key = secrets.get_secret_value(SecretId=os.environ["CLIENT_KEY_ARN"])["SecretString"]
    for record in event["Records"]:  # batch = 1: a single record
        request = json.loads(record["body"])
        if not hmac.compare_digest(request.get("api_key", ""), client_key):
            print(f"dropping message {record['messageId']}: wrong api_key")
            continue
        summary = summarise(request["text"])
        store(request["conversation_id"], request.get("title", "document"), summary)


def summarise(text):
    response = bedrock.invoke_model(
        modelId=MODEL_ID,
        body=json.dumps(
            {
                "anthropic_version": "bedrock-2023-05-31",
                "max_tokens": 2048,
                "messages": [{"role": "user", "content": PROMPT.format(text=text)}],
            }
        ),
    )
    return json.loads(response["body"].read())["content"][0]["text"]


def store(conversation_id, title, summary):
    # Two turns, a request and its answer, so the conversation still alternates
    # user/assistant as the model expects when `ask` continues it.
    last = table.query(
        KeyConditionExpression=Key("id").eq(conversation_id), ScanIndexForward=False, Limit=1
    )["Items"]
    turn = int(last[0]["turn"]) + 1 if last else 0
    expires_at = int(time.time()) + WEEK
    with table.batch_writer() as batch:
        batch.put_item(
            Item={
                "id": conversation_id,
                "turn": turn,
                "role": "user",
                "text": f"Please summarise {title}.",
                "expires_at": expires_at,
            }
        )
        batch.put_item(
            Item={
                "id": conversation_id,
                "turn": turn + 1,
                "role": "assistant",
                "text": summary,
                "expires_at": expires_at,
            }
        )
