"""Answers the API's health and order routes, and the ledger's messages."""

import json
import os


def handler(event, context):
    return {
        "statusCode": 200,
        "body": json.dumps({"ok": True, "pool": os.environ.get("POOL_ID")}),
    }
