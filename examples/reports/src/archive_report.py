"""Move reports older than 13 months from reports/ to archive/.

Triggered through the archive_jobs queue, by build_report and by a schedule
every six hours. What a message says does not matter: each batch is one sweep.
Archived copies go to the cheaper Glacier Instant Retrieval storage class.
"""

import datetime as dt
import os

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["REPORTS_BUCKET"]


def handler(event, context):
    cutoff = dt.date.today().replace(day=1) - dt.timedelta(days=396)  # about 13 months
    oldest_kept = cutoff.strftime("%Y-%m")
    moved = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="reports/"):
        for obj in page.get("Contents", []):
            period = obj["Key"].split("/")[1]  # reports/<period>/<region>.<ext>
            if period >= oldest_kept:
                continue
            target = "archive/" + obj["Key"].removeprefix("reports/")
            s3.copy_object(
                Bucket=BUCKET,
                Key=target,
                CopySource={"Bucket": BUCKET, "Key": obj["Key"]},
                StorageClass="GLACIER_IR",
            )
            s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
            moved += 1
    print(f"archived {moved} object(s) older than {oldest_kept}")
