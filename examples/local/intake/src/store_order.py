"""Stores an order; fails on its first two deliveries, and always on a poison order."""

import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])


def handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        attempt = int(record["attributes"]["ApproximateReceiveCount"])
        if order.get("poison"):
            raise ValueError(f"order {order['id']} cannot be stored")
        if attempt < 3:
            raise ConnectionError(f"the warehouse did not answer (delivery {attempt})")
        table.put_item(Item={"id": order["id"], "deliveries": attempt})
        print(f"stored {order['id']} on delivery {attempt}")
