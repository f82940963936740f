"""Makes a 'thumbnail' of a small upload (its first bytes, for the example)."""

import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    bucket = event["detail"]["bucket"]["name"]
    key = event["detail"]["object"]["key"]
    head = s3.get_object(Bucket=bucket, Key=key, Range="bytes=0-63")["Body"].read()
    target = "thumbs/" + key.removeprefix("incoming/")
    s3.put_object(Bucket=os.environ["RENDITIONS_BUCKET"], Key=target, Body=head)
    print(f"thumbnail {target} from {len(head)} bytes")
    return {"upload": key, "rendition": target, "via": "thumbnail"}
