"""Tell the rest of the shop when an order's status changes.

Triggered by the orders table's stream, up to 100 records at a time. For each
status change it publishes to order_updates (with a `status` attribute to
filter on), raises an alert when a payment fails, and announces shipments
on the event bus.
"""

import json
import os

import boto3
from boto3.dynamodb.types import TypeDeserializer

sns = boto3.client("sns")
events = boto3.client("events")
deserializer = TypeDeserializer()

UPDATES_TOPIC = os.environ["UPDATES_TOPIC"]
ALERTS_TOPIC = os.environ["ALERTS_TOPIC"]
EVENT_BUS = os.environ["EVENT_BUS"]


def handler(event, context):
    for record in event["Records"]:
        if record["eventName"] == "REMOVE":
            continue  # expired by the table's TTL: nobody needs to know
        new = plain(record["dynamodb"].get("NewImage", {}))
        old = plain(record["dynamodb"].get("OldImage", {}))
        if new.get("status") != old.get("status"):
            announce(new)


def announce(order):
    status = order["status"]
    sns.publish(
        TopicArn=UPDATES_TOPIC,
        Message=json.dumps(order, default=str),
        MessageAttributes={"status": {"DataType": "String", "StringValue": status}},
    )
    if status == "payment_failed":
        sns.publish(
            TopicArn=ALERTS_TOPIC,
            Subject=f"Payment failed for order {order['id']}",
            Message=json.dumps(order, default=str),
            MessageAttributes={"severity": {"DataType": "String", "StringValue": "high"}},
        )
    if status == "shipped":
        events.put_events(
            Entries=[
                {
                    "EventBusName": EVENT_BUS,
                    "Source": "shop.orders",
                    "DetailType": "OrderShipped",
                    "Detail": json.dumps(
                        {"id": order["id"], "customer": order["customer"]}, default=str
                    ),
                }
            ]
        )


def plain(image):
    return {name: deserializer.deserialize(value) for name, value in image.items()}
