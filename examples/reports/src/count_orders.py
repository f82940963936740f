"""The sales_watch workflow's probe: what sold in the last 15 minutes?

Returns {"orders": N, "refunds": M, "refund_share": 0.0..1.0, "hour": 0..23}
(the hour in UTC), stored by the workflow at $.stats.
"""

import datetime as dt
import os

import boto3
from boto3.dynamodb.conditions import Key

sales = boto3.resource("dynamodb").Table(os.environ["SALES_TABLE"])


def handler(event, context):
    now = dt.datetime.now(dt.UTC)
    since = (now - dt.timedelta(minutes=15)).strftime("%Y-%m-%dT%H:%M:%SZ")
    items = sales.query(
        KeyConditionExpression=Key("day").eq(now.date().isoformat()) & Key("at").gte(since)
    )["Items"]
    refunds = sum(1 for i in items if i.get("kind") == "refund")
    orders = len(items) - refunds
    return {
        "orders": orders,
        "refunds": refunds,
        "refund_share": refunds / len(items) if items else 0.0,
        "hour": now.hour,
    }
