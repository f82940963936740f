"""Page the on-call engineer for high and critical alerts.

Subscribed to the alerts topic with a filter, so only messages whose
`severity` attribute is high or critical arrive here.
"""

import json
import os
import urllib.request

PAGER_URL = os.environ["PAGER_URL"]
STAGE = os.environ["STAGE"]


def handler(event, context):
    for record in event["Records"]:
        message = record["Sns"]
        severity = message["MessageAttributes"]["severity"]["Value"]
        page = {
            "summary": f"[{STAGE}] {message.get('Subject') or 'shop alert'}",
            "severity": severity,
            "details": message["Message"],
            "dedup_key": message["MessageId"],
        }
        request = urllib.request.Request(
            PAGER_URL,
            data=json.dumps(page).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            print(f"paged ({severity}): HTTP {response.status}")
