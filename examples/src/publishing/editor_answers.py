"""The editor's answer: POST /answers with the task token from the mail.

`allow publish_article: callback` lets this function call SendTaskSuccess and
SendTaskFailure for that workflow only. An approval becomes the callback
step's result (`$.review`); a rejection fails the step with the error
`Rejected`, which the workflow's `catch Rejected` sends to the rejected queue.
"""

import json

import boto3

sfn = boto3.client("stepfunctions")


def handler(event, context):
    answer = json.loads(event.get("body") or "{}")
    token = answer["task_token"]
    if answer.get("approved"):
        sfn.send_task_success(
            taskToken=token,
            output=json.dumps({"approved": True, "note": answer.get("note", "")}),
        )
    else:
        sfn.send_task_failure(
            taskToken=token, error="Rejected", cause=answer.get("note", "no reason given")
        )
    return {"statusCode": 204}
