"""Write a receipt for every placed order to the receipts bucket.

Triggered by the OrderPlaced rule on the shop's bus; the event's `detail` is
what place_order put there.
"""

import os

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ["RECEIPTS_BUCKET"]
ORDER_STATUS_URL = os.environ["ORDER_STATUS_URL"]


def handler(event, context):
    order = event["detail"]
    lines = [f"Receipt for order {order['id']}", ""]
    for item in order["items"]:
        lines.append(f"  {item['qty']} x {item['sku']}")
    lines += ["", f"Total: {order['total']}", f"Track it: {ORDER_STATUS_URL}/{order['id']}"]

    key = f"{order['customer']}/{order['id']}.txt"
    s3.put_object(
        Bucket=BUCKET,
        Key=key,
        Body="\n".join(lines).encode(),
        ContentType="text/plain; charset=utf-8",
    )
    return {"receipt": f"s3://{BUCKET}/{key}"}
