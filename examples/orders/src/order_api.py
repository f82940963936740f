"""GET, PATCH, PUT and DELETE behind /orders/{id} (API Gateway HTTP API proxy)."""

import json
import os
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Key

orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])

WAREHOUSE_STATUSES = {"shipped", "delivered"}
CANCELLABLE = {"pending", "paid", "reserved"}


def handler(event, context):
    # Works with both payload formats (2.0 and 1.0) of the Lambda proxy integration.
    method = event.get("requestContext", {}).get("http", {}).get("method") or event["httpMethod"]
    path = event.get("rawPath") or event.get("path", "")
    order_id = event["pathParameters"]["id"]

    order = latest(order_id)
    if order is None:
        return reply(404, {"error": f"no order {order_id}"})

    if method == "GET":
        return reply(200, order)

    body = json.loads(event.get("body") or "{}")
    if method == "PATCH":
        status = body.get("status")
        if status not in WAREHOUSE_STATUSES:
            return reply(400, {"error": f"status must be one of {sorted(WAREHOUSE_STATUSES)}"})
        return reply(200, update(order, "status", status))
    if method == "PUT" and path.endswith("/address"):
        return reply(200, update(order, "address", body))
    if method == "DELETE":
        if order["status"] not in CANCELLABLE:
            return reply(409, {"error": f"an order that is {order['status']} can't be cancelled"})
        return reply(200, update(order, "status", "cancelled"))
    return reply(405, {"error": f"{method} not allowed"})


def latest(order_id):
    result = orders.query(
        KeyConditionExpression=Key("id").eq(order_id), ScanIndexForward=False, Limit=1
    )
    return result["Items"][0] if result["Items"] else None


def update(order, field, value):
    result = orders.update_item(
        Key={"id": order["id"], "placed_at": order["placed_at"]},
        UpdateExpression="SET #f = :v",
        ExpressionAttributeNames={"#f": field},
        ExpressionAttributeValues={":v": value},
        ReturnValues="ALL_NEW",
    )
    return result["Attributes"]


def reply(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body, default=lambda v: float(v) if isinstance(v, Decimal) else str(v)),
    }
