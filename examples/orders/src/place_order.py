"""Store the orders taken by POST /orders, queue their payment, announce them.

Triggered by the incoming_orders queue, up to 10 messages at a time. Each
message body is the JSON a customer posted:

    {"id": "o-123", "customer": "c-42", "items": [{"sku": "mug", "qty": 2}], "total": "19.90"}

Every step is idempotent, so a redelivered message does no harm.
"""

import json
import os
import time
from decimal import Decimal

import boto3

dynamodb = boto3.resource("dynamodb")
sqs = boto3.client("sqs")
events = boto3.client("events")

orders = dynamodb.Table(os.environ["ORDERS_TABLE"])
PAYMENTS_QUEUE = os.environ["PAYMENTS_QUEUE"]
EVENT_BUS = os.environ["EVENT_BUS"]
RETENTION_SECONDS = int(os.environ["RETENTION_DAYS"]) * 86400


def handler(event, context):
    failed = []
    for record in event["Records"]:
        try:
            place(record)
        except Exception as exc:  # one bad order must not hold up the others
            print(f"message {record['messageId']} failed: {exc!r}")
            failed.append(record["messageId"])
    if failed:
        # The whole batch comes back later; the orders already placed are skipped.
        raise RuntimeError(f"{len(failed)} of {len(event['Records'])} orders failed: {failed}")


def place(record):
    order = json.loads(record["body"], parse_float=Decimal)
    order_id = order.get("id") or record["messageId"]
    # The time the API accepted the order: the same on every redelivery.
    placed_at = int(record["attributes"]["SentTimestamp"]) // 1000
    if not order.get("items"):
        raise ValueError(f"order {order_id} has no items")

    try:
        orders.put_item(
            Item={
                "id": order_id,
                "placed_at": placed_at,
                "customer": order["customer"],
                "items": order["items"],
                "total": Decimal(str(order["total"])),
                "status": "pending",
                "expires_at": placed_at + RETENTION_SECONDS,
            },
            ConditionExpression="attribute_not_exists(id)",
        )
    except orders.meta.client.exceptions.ConditionalCheckFailedException:
        pass  # stored by an earlier delivery of this message

    sqs.send_message(
        QueueUrl=PAYMENTS_QUEUE,
        MessageBody=json.dumps(
            {"id": order_id, "placed_at": placed_at, "total": str(order["total"])}
        ),
        MessageGroupId=order["customer"],  # one customer's payments in order
        MessageDeduplicationId=order_id,  # and each of them once
    )

    events.put_events(
        Entries=[
            {
                "EventBusName": EVENT_BUS,
                "Source": "shop.orders",
                "DetailType": "OrderPlaced",
                "Time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(placed_at)),
                "Detail": json.dumps(
                    {
                        "id": order_id,
                        "placed_at": placed_at,
                        "customer": order["customer"],
                        "items": order["items"],
                        "total": str(order["total"]),
                    },
                    default=str,
                ),
            }
        ]
    )
