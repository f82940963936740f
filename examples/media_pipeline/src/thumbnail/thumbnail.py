"""Thumbnail step of the process_upload workflow (objects of 10MB or less).

The workflow sends only what this step needs, `{"bucket": ..., "key": ...}`
(its `input = { ... }`). The return value, where the thumbnails are, goes to
`$.thumbnail` in the workflow's state, beside the bucket's event, for the
`publish media_ready` step.

Vendor Pillow into this directory before compiling:
    pip install pillow --platform manylinux2014_x86_64 --only-binary=:all: \
        --python-version 3.12 --target examples/media_pipeline/src/thumbnail
"""

import io
import os
import posixpath

import boto3
from PIL import Image, ImageOps

s3 = boto3.client("s3")
RENDITIONS_BUCKET = os.environ["RENDITIONS_BUCKET"]
SIZES = (160, 480)


def handler(event, context):
    bucket = event["bucket"]
    key = event["key"]
    stem = posixpath.splitext(key.removeprefix("incoming/"))[0]

    original = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    written = []
    with Image.open(io.BytesIO(original)) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        for size in SIZES:
            thumb = image.copy()
            thumb.thumbnail((size, size))
            out = io.BytesIO()
            thumb.save(out, "WEBP", quality=80)
            thumb_key = f"{stem}/thumb-{size}.webp"
            s3.put_object(
                Bucket=RENDITIONS_BUCKET,
                Key=thumb_key,
                Body=out.getvalue(),
                ContentType="image/webp",
            )
            written.append(f"s3://{RENDITIONS_BUCKET}/{thumb_key}")
    return {"source": f"s3://{bucket}/{key}", "renditions": written}
