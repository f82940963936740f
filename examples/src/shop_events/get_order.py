"""get_order handler for the shop_events example."""

import json
import os


def handler(event, context):
    print(json.dumps({"handler": "get_order", "stage": os.environ.get("STAGE", "")}))
    return {"statusCode": 200, "body": json.dumps({"ok": True})}
