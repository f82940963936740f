"""Every 5 minutes: today's sales so far, per region, as dashboard/today.json."""

import datetime as dt
import json
import os
from collections import Counter

import boto3
from boto3.dynamodb.conditions import Key

s3 = boto3.client("s3")
sales = boto3.resource("dynamodb").Table(os.environ["SALES_TABLE"])
BUCKET = os.environ["REPORTS_BUCKET"]


def handler(event, context):
    today = dt.datetime.now(dt.UTC).date().isoformat()
    items, kwargs = [], {"KeyConditionExpression": Key("day").eq(today)}
    while True:
        page = sales.query(**kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    by_region = Counter()
    for item in items:
        by_region[item["region"]] += float(item["amount"])
    dashboard = {
        "day": today,
        "updated": event.get("time"),  # the scheduled event's time
        "orders": len(items),
        "by_region": {r: round(v, 2) for r, v in sorted(by_region.items())},
    }
    s3.put_object(
        Bucket=BUCKET,
        Key="dashboard/today.json",
        Body=json.dumps(dashboard).encode(),
        ContentType="application/json",
        CacheControl="max-age=60",
    )
