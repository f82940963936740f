"""Every night at 03:00 UTC: merge the part files the weekly export wrote.

warehouse_export writes exports/<date>/part-00000.jsonl, part-00001.jsonl, ...
This joins each date's parts into exports/<date>.jsonl and deletes the parts.
"""

import os
from collections import defaultdict

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["REPORTS_BUCKET"]


def handler(event, context):
    parts = defaultdict(list)
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="exports/"):
        for obj in page.get("Contents", []):
            folder, _, name = obj["Key"].removeprefix("exports/").partition("/")
            if name.startswith("part-"):
                parts[folder].append(obj["Key"])

    for folder, keys in sorted(parts.items()):
        keys.sort()
        merged = b"".join(s3.get_object(Bucket=BUCKET, Key=k)["Body"].read() for k in keys)
        s3.put_object(Bucket=BUCKET, Key=f"exports/{folder}.jsonl", Body=merged)
        for start in range(0, len(keys), 1000):  # delete_objects takes 1000 keys at most
            s3.delete_objects(
                Bucket=BUCKET,
                Delete={"Objects": [{"Key": k} for k in keys[start : start + 1000]], "Quiet": True},
            )
        print(f"exports/{folder}.jsonl: {len(keys)} parts, {len(merged)} bytes")
