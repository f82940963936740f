"""Asks the editor to review an article: the callback step of publish_article.

The workflow waits (`callback = true`) until someone answers with the task
token. This function receives `{"input": {...}, "task_token": "..."}` and
mails the editor a link to ANSWER_URL that carries the token; it returns at
once, and the workflow goes on waiting.
"""

import json
import os
import urllib.parse

ANSWER_URL = os.environ["ANSWER_URL"]


def handler(event, context):
    article = event["input"]
    token = urllib.parse.quote(event["task_token"], safe="")
    link = f"{ANSWER_URL}?token={token}"
    # A real app sends this with SES or a chat webhook; the log shows the mail.
    print(
        json.dumps(
            {
                "to": "editors@example.com",
                "subject": f"Review: {article['title']}",
                "body": f"{article['summary']}\n\nApprove or reject: {link}",
                "run": article["run"],
            }
        )
    )
    return {"asked": True}
