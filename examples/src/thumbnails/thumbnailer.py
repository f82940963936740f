"""Make (or remove) the thumbnail of an image in the uploads bucket.

Receives either one EventBridge S3 event (single uploads) or an SQS batch
whose message bodies are such events (bulk imports through bulk_jobs).

This directory is the function's code. Vendor Pillow into it for arm64
before compiling:

    pip install pillow --platform manylinux2014_aarch64 --only-binary=:all: \
        --python-version 3.12 --target examples/src/thumbnails
"""

import io
import json
import os
import posixpath

import boto3

s3 = boto3.client("s3")
THUMBS_BUCKET = os.environ["THUMBS_BUCKET"]
THUMB_SIZE = int(os.environ["THUMB_SIZE"])


def handler(event, context):
    if "Records" in event:  # a batch from the bulk_jobs queue
        for record in event["Records"]:
            handle(json.loads(record["body"]))
    else:
        handle(event)


def handle(event):
    bucket = event["detail"]["bucket"]["name"]
    key = event["detail"]["object"]["key"]
    stem, ext = posixpath.splitext(key)
    if ext.lower() not in (".jpg", ".jpeg", ".png"):
        return  # bulk imports carry other files too
    thumb_key = f"{stem}.thumb.jpg"

    if event["detail-type"] == "Object Deleted":
        s3.delete_object(Bucket=THUMBS_BUCKET, Key=thumb_key)
        return

    from layout import square_thumbnail  # imports Pillow: only needed here

    original = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    thumb = square_thumbnail(io.BytesIO(original), THUMB_SIZE)
    s3.put_object(
        Bucket=THUMBS_BUCKET,
        Key=thumb_key,
        Body=thumb,
        ContentType="image/jpeg",
        CacheControl="public, max-age=86400",
    )
    print(f"s3://{bucket}/{key} -> s3://{THUMBS_BUCKET}/{thumb_key}")
