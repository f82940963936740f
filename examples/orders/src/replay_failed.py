"""Move messages from incoming_orders' dead-letter queue back onto the queue.

Run by hand once the cause of the failures is fixed. Pass {"limit": 50} to
replay only some; the default is everything (up to the time limit).
"""

import os

import boto3

sqs = boto3.client("sqs")
DLQ_URL = os.environ["DLQ_URL"]
QUEUE_URL = os.environ["QUEUE_URL"]


def handler(event, context):
    limit = int((event or {}).get("limit", 1_000_000))
    moved = 0
    while moved < limit and context.get_remaining_time_in_millis() > 10_000:
        batch = sqs.receive_message(
            QueueUrl=DLQ_URL,
            MaxNumberOfMessages=min(10, limit - moved),
            WaitTimeSeconds=1,
        ).get("Messages", [])
        if not batch:
            break
        for message in batch:
            # Send first, then delete: at worst a message is replayed twice,
            # and place_order is idempotent.
            sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=message["Body"])
            sqs.delete_message(QueueUrl=DLQ_URL, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    print(f"replayed {moved} message(s)")
    return {"replayed": moved}
