"""Delete every rendition of an upload that was deleted.

Called by the forget_upload workflow with the bucket's "Object Deleted"
event; returns {"count": N} so the workflow knows whether to announce it.
"""

import os
import posixpath

import boto3

s3 = boto3.client("s3")
RENDITIONS_BUCKET = os.environ["RENDITIONS_BUCKET"]


def handler(event, context):
    key = event["detail"]["object"]["key"]
    stem = posixpath.splitext(key.removeprefix("incoming/"))[0]

    count = 0
    pages = s3.get_paginator("list_objects_v2").paginate(
        Bucket=RENDITIONS_BUCKET, Prefix=f"{stem}/"
    )
    for page in pages:
        objects = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if objects:
            s3.delete_objects(Bucket=RENDITIONS_BUCKET, Delete={"Objects": objects, "Quiet": True})
            count += len(objects)
    return {"count": count, "source": key}
