"""First step of build_report: gather a month's sales, per region.

Input: the workflow's input, {"period": "2024-06"} or a scheduled event.
Output (stored by the workflow at $.summary):

    {"period": "2024-06", "rows": 5120, "status": "complete", "partial": false,
     "data_age": 3600, "regions": [{"region": "de", "period": "2024-06",
     "rows": 1234, "total": 56789.5, "currency": "EUR"}, ...]}
"""

import datetime as dt
import os
from collections import defaultdict

import boto3
from boto3.dynamodb.conditions import Key

sales = boto3.resource("dynamodb").Table(os.environ["SALES_TABLE"])
CURRENCY = os.environ["CURRENCY"]


def handler(event, context):
    yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    period = event.get("period") or yesterday.strftime("%Y-%m")
    days = days_of(period, last=yesterday)

    totals = defaultdict(float)
    counts = defaultdict(int)
    newest = ""
    empty_days = []
    for day in days:
        items = query_day(day)
        if not items:
            empty_days.append(day.isoformat())
        for item in items:
            totals[item["region"]] += float(item["amount"])
            counts[item["region"]] += 1
            newest = max(newest, item["at"])

    rows = sum(counts.values())
    data_age = age_in_seconds(newest) if newest else None
    return {
        "period": period,
        "rows": rows,
        # The last day still empty means the nightly export has not finished.
        "status": "incomplete" if days and days[-1].isoformat() in empty_days else "complete",
        "partial": bool(empty_days),
        "data_age": data_age if data_age is not None else 0,
        "regions": [
            {
                "region": r,
                "period": period,
                "rows": counts[r],
                "total": round(totals[r], 2),
                "currency": CURRENCY,
            }
            for r in sorted(counts)
        ],
    }


def days_of(period, last):
    year, month = map(int, period.split("-"))
    day = dt.date(year, month, 1)
    days = []
    while day.month == month and day <= last:
        days.append(day)
        day += dt.timedelta(days=1)
    return days


def query_day(day):
    items, kwargs = [], {"KeyConditionExpression": Key("day").eq(day.isoformat())}
    while True:
        page = sales.query(**kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def age_in_seconds(at):
    # `at` is "2024-06-30T14:03:11Z#o-123": the time, then the order id.
    when = dt.datetime.strptime(at.split("#")[0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return int((dt.datetime.now(dt.UTC) - when).total_seconds())
