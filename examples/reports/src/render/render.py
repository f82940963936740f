"""Render one region's sales for a period into the reports bucket.

Called by build_report's `for each` with one element of $.summary.regions:
    {"region": "de", "period": "2024-06", "rows": 1234, "total": 56789.5, "currency": "EUR"}
Writes reports/<period>/<region>.tsv and .html, and returns their keys.
"""

import os

import boto3
from boto3.dynamodb.conditions import Key
from sheet import html_page, tsv

s3 = boto3.client("s3")
sales = boto3.resource("dynamodb").Table(os.environ["SALES_TABLE"])
BUCKET = os.environ["REPORTS_BUCKET"]
SEPARATOR = os.environ["SEPARATOR"]


def handler(event, context):
    region, period = event["region"], event["period"]
    rows = region_sales(region, period)

    base = f"reports/{period}/{region}"
    s3.put_object(
        Bucket=BUCKET,
        Key=f"{base}.tsv",
        Body=tsv(rows, SEPARATOR).encode(),
        ContentType="text/tab-separated-values; charset=utf-8",
    )
    s3.put_object(
        Bucket=BUCKET,
        Key=f"{base}.html",
        Body=html_page(
            f"Sales {region.upper()} {period}", rows, event["total"], event["currency"]
        ).encode(),
        ContentType="text/html; charset=utf-8",
    )
    return {"region": region, "keys": [f"{base}.tsv", f"{base}.html"]}


def region_sales(region, period):
    """Every sale of the region in the period, through the by_region index."""
    rows, kwargs = (
        [],
        {
            "IndexName": "by_region",
            "KeyConditionExpression": Key("region").eq(region),
        },
    )
    while True:
        page = sales.query(**kwargs)
        rows += [i for i in page["Items"] if i["day"].startswith(period)]
        if "LastEvaluatedKey" not in page:
            return sorted(rows, key=lambda i: i["at"])
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
