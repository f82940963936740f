"""Transcode one uploaded video into a web rendition.

The process_upload workflow runs this task with the object to process in its
environment (`run transcode { env { OBJECT_KEY = ..., BUCKET = ... } }`, ECS
container overrides): OBJECT_KEY and BUCKET come from the bucket's event, and
RENDITIONS_BUCKET and STAGE from the container's own `env`. The task reads
that one object and writes its rendition; it never lists the bucket, so a
retried run redoes only its own work.

    python -m transcoder --preset web-1080p
"""

from __future__ import annotations

import argparse
import os
import posixpath
import subprocess
import sys
import tempfile

import boto3

PRESETS = {
    "web-1080p": ["-vf", "scale=-2:1080", "-c:v", "libx264", "-crf", "23", "-c:a", "aac"],
    "web-720p": ["-vf", "scale=-2:720", "-c:v", "libx264", "-crf", "24", "-c:a", "aac"],
}


def rendition_key(key: str, preset: str) -> str:
    """`incoming/cats/clip.mov` -> `cats/clip/web-1080p.mp4`."""
    stem = posixpath.splitext(key.removeprefix("incoming/"))[0]
    return f"{stem}/{preset}.mp4"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="transcoder")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="web-1080p")
    args = parser.parse_args(argv)
    bucket = os.environ["BUCKET"]
    key = os.environ["OBJECT_KEY"]
    renditions = os.environ["RENDITIONS_BUCKET"]

    s3 = boto3.client("s3")
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "source")
        target = os.path.join(work, "rendition.mp4")
        s3.download_file(bucket, key, source)
        subprocess.run(
            ["ffmpeg", "-nostdin", "-y", "-i", source, *PRESETS[args.preset], target],
            check=True,
        )
        out_key = rendition_key(key, args.preset)
        s3.upload_file(target, renditions, out_key, ExtraArgs={"ContentType": "video/mp4"})
    print(f"s3://{bucket}/{key} -> s3://{renditions}/{out_key}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
