"""Reserve the stock for an order, all items or none.

Called by the fulfil_order workflow with the OrderPlaced event as input. It
returns {"backordered": false} when everything is reserved, or
{"backordered": true, "missing": [...]} when some item is short. One
DynamoDB transaction decrements every item and marks the order reserved, so
a retry can never reserve twice.
"""

import os

import boto3

dynamodb = boto3.client("dynamodb")
STOCK_TABLE = os.environ["STOCK_TABLE"]
ORDERS_TABLE = os.environ["ORDERS_TABLE"]


def handler(event, context):
    order = event["detail"]
    items = order["items"]
    decrements = [
        {
            "Update": {
                "TableName": STOCK_TABLE,
                "Key": {"sku": {"S": item["sku"]}},
                "UpdateExpression": "SET available = available - :qty",
                "ConditionExpression": "available >= :qty",
                "ExpressionAttributeValues": {":qty": {"N": str(item["qty"])}},
            }
        }
        for item in items
    ]
    mark_reserved = {
        "Update": {
            "TableName": ORDERS_TABLE,
            "Key": {"id": {"S": order["id"]}, "placed_at": {"N": str(order["placed_at"])}},
            "UpdateExpression": "SET #s = :reserved",
            "ConditionExpression": "#s <> :reserved",
            "ExpressionAttributeNames": {"#s": "status"},
            "ExpressionAttributeValues": {":reserved": {"S": "reserved"}},
        }
    }
    try:
        dynamodb.transact_write_items(TransactItems=[*decrements, mark_reserved])
    except dynamodb.exceptions.TransactionCanceledException as err:
        reasons = [r.get("Code") for r in err.response["CancellationReasons"]]
        if reasons[-1] == "ConditionalCheckFailed":
            return {"backordered": False}  # reserved by an earlier attempt
        missing = [
            item["sku"]
            for item, reason in zip(items, reasons, strict=False)
            if reason == "ConditionalCheckFailed"
        ]
        return {"backordered": True, "missing": missing}
    return {"backordered": False}
