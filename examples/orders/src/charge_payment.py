"""Charge an order's payment with the provider and record the outcome.

Triggered by the payments FIFO queue. A declined card is an answer, not an
error: the order is marked payment_failed (order_changes raises the alert).
Provider outages raise, so SQS delivers the message again later.
"""

import json
import os
import urllib.error
import urllib.request
from decimal import Decimal

import boto3

secrets = boto3.client("secretsmanager")
orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])

PROVIDER_URL = os.environ["PROVIDER_URL"]
AMOUNT_FORMAT = os.environ["AMOUNT_FORMAT"]

_api_key = None


def api_key():
    # Read once per container, not once per message.
    global _api_key
    if _api_key is None:
        secret = secrets.get_secret_value(SecretId=os.environ["PAYMENT_KEY_ARN"])
        _api_key = secret["SecretString"]
    return _api_key


def handler(event, context):
    # A FIFO batch is processed in order; raising returns the rest of it to the queue.
    for record in event["Records"]:
        payment = json.loads(record["body"])
        key = {"id": payment["id"], "placed_at": payment["placed_at"]}
        order = orders.get_item(Key=key, ConsistentRead=True).get("Item")
        if order is None or order["status"] != "pending":
            print(f"order {payment['id']} is no longer pending; not charging it")
            continue
        status = "paid" if charge(payment) else "payment_failed"
        orders.update_item(
            Key=key,
            UpdateExpression="SET #s = :s",
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":s": status},
        )
        print(f"order {payment['id']}: {AMOUNT_FORMAT % Decimal(payment['total'])} {status}")


def charge(payment):
    request = urllib.request.Request(
        PROVIDER_URL,
        data=json.dumps({"amount": payment["total"], "reference": payment["id"]}).encode(),
        headers={
            "Authorization": f"Bearer {api_key()}",
            "Content-Type": "application/json",
            "Idempotency-Key": payment["id"],  # a retried charge is charged once
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response).get("status") == "succeeded"
    except urllib.error.HTTPError as err:
        if err.code == 402:  # declined
            return False
        raise
