"""The payloads AWS sends, and the two matchers it applies: EventBridge event patterns
and SNS filter policies (one content-filter language)."""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from typing import Any

from .resolve import ACCOUNT


def now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    source: str, detail_type: str, detail: Any, region: str, resources: list[str]
) -> dict[str, Any]:
    """An EventBridge event as a rule's target receives it."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": detail_type,
        "source": source,
        "account": ACCOUNT,
        "time": now(),
        "region": region,
        "resources": resources,
        "detail": detail,
    }


def s3_event(
    event_name: str, bucket: str, key: str, size: int, etag: str, region: str
) -> dict[str, Any] | None:
    """An S3 notification as the EventBridge event the bucket sends (`eventbridge = true`)."""
    detail: dict[str, Any] = {"version": "0", "bucket": {"name": bucket}}
    sequencer = uuid.uuid4().hex[:16].upper()
    if event_name.startswith("s3:ObjectCreated"):
        detail_type = "Object Created"
        detail["object"] = {"key": key, "size": size, "etag": etag, "sequencer": sequencer}
        detail["reason"] = "PutObject" if "Put" in event_name else event_name.rpartition(":")[2]
    elif event_name.startswith("s3:ObjectRemoved"):
        detail_type = "Object Deleted"
        detail["object"] = {"key": key, "sequencer": sequencer}
        detail["reason"] = "DeleteObject"
        detail["deletion-type"] = "Permanently Deleted"
    else:
        return None
    detail["request-id"] = uuid.uuid4().hex[:16].upper()
    detail["requester"] = ACCOUNT
    return envelope("aws.s3", detail_type, detail, region, [f"arn:aws:s3:::{bucket}"])


def sqs_record(message: dict[str, Any], queue_arn: str, region: str) -> dict[str, Any]:
    """A received SQS message as one of an event's `Records`."""
    body = message.get("Body", "")
    attributes = dict(message.get("Attributes", {}))
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": body,
        "attributes": attributes,
        "messageAttributes": {
            k: {
                "stringValue": v.get("StringValue"),
                "binaryValue": v.get("BinaryValue"),
                "stringListValues": [],
                "binaryListValues": [],
                "dataType": v.get("DataType"),
            }
            for k, v in message.get("MessageAttributes", {}).items()
        },
        "md5OfBody": hashlib.md5(body.encode()).hexdigest(),  # noqa: S324 - SQS's own checksum
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": region,
    }


def sns_attributes(attrs: Any) -> dict[str, dict[str, str]]:
    """moto's message attributes as SNS writes them into a notification."""
    out: dict[str, dict[str, str]] = {}
    for name, value in (attrs or {}).items():
        if isinstance(value, dict):
            kind = value.get("DataType") or value.get("Type") or "String"
            text = value.get("StringValue", value.get("Value", ""))
            out[name] = {"Type": kind, "Value": str(text)}
    return out


def sns_notification(topic_arn: str, message: str, subject: Any, attrs: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Type": "Notification",
        "MessageId": str(uuid.uuid4()),
        "TopicArn": topic_arn,
        "Message": message,
        "Timestamp": now(),
        "SignatureVersion": "1",
        "MessageAttributes": sns_attributes(attrs),
    }
    if subject:
        body["Subject"] = subject
    return body


def sns_lambda_event(subscription_arn: str, notification: dict[str, Any]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "EventSource": "aws:sns",
                "EventVersion": "1.0",
                "EventSubscriptionArn": subscription_arn,
                "Sns": notification,
            }
        ]
    }


def stream_record(record: dict[str, Any], stream_arn: str, region: str) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(record, default=_epoch))
    out["awsRegion"] = region
    out["eventSourceARN"] = stream_arn
    return out


def _epoch(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return int(value.timestamp())
    return str(value)


def http_event(
    route_key: str, method: str, path: str, query: str, headers: dict[str, str],
    body: str, params: dict[str, str], api_id: str,
) -> dict[str, Any]:  # fmt: skip
    """API Gateway's HTTP API payload, version 2.0."""
    now_dt = datetime.datetime.now(datetime.UTC)
    queries: dict[str, str] = {}
    for part in query.split("&") if query else []:
        key, _, value = part.partition("=")
        queries[key] = f"{queries[key]},{value}" if key in queries else value
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": query,
        "headers": {k.lower(): v for k, v in headers.items()},
        "requestContext": {
            "accountId": ACCOUNT,
            "apiId": api_id,
            "domainName": headers.get("Host", "127.0.0.1"),
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": headers.get("User-Agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": route_key,
            "stage": "$default",
            "time": now_dt.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now_dt.timestamp() * 1000),
        },
        "body": body,
        "isBase64Encoded": False,
    }
    if queries:
        event["queryStringParameters"] = queries
    if params:
        event["pathParameters"] = params
    return event


# ---------------------------------------------------------------- content filtering


def matches(pattern: dict[str, Any], event: Any) -> bool:
    """EventBridge's pattern matching: every field of the pattern must match."""
    if not isinstance(event, dict):
        return False
    for key, want in pattern.items():
        present = key in event
        value = event.get(key)
        if isinstance(want, dict):
            if not present or not matches(want, value):
                return False
        elif isinstance(want, list):
            if not _any_matcher(want, value, present):
                return False
        elif value != want:
            return False
    return True


def _any_matcher(matchers: list[Any], value: Any, present: bool) -> bool:
    values = value if isinstance(value, list) else [value]
    for matcher in matchers:
        if isinstance(matcher, dict) and "exists" in matcher:
            if bool(matcher["exists"]) == (present and value is not None):
                return True
            continue
        if not present:
            continue
        if any(_one(matcher, v) for v in values):
            return True
    return False


def _one(matcher: Any, value: Any) -> bool:
    if not isinstance(matcher, dict):
        return bool(matcher == value)
    if "prefix" in matcher:
        want = matcher["prefix"]
        if isinstance(want, dict):  # {"prefix": {"equals-ignore-case": ...}}
            text = str(want.get("equals-ignore-case", ""))
            return isinstance(value, str) and value.lower().startswith(text.lower())
        return isinstance(value, str) and value.startswith(str(want))
    if "suffix" in matcher:
        return isinstance(value, str) and value.endswith(str(matcher["suffix"]))
    if "equals-ignore-case" in matcher:
        return (
            isinstance(value, str) and value.lower() == str(matcher["equals-ignore-case"]).lower()
        )
    if "anything-but" in matcher:
        but = matcher["anything-but"]
        if isinstance(but, dict):
            return not _one(but, value)
        return value not in (but if isinstance(but, list) else [but])
    if "numeric" in matcher:
        return _numeric(matcher["numeric"], value)
    if "wildcard" in matcher:
        import fnmatch

        return isinstance(value, str) and fnmatch.fnmatchcase(value, str(matcher["wildcard"]))
    return False


def _numeric(spec: list[Any], value: Any) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    ops = {
        "=": lambda a, b: a == b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
    }
    for i in range(0, len(spec) - 1, 2):
        if not ops[spec[i]](number, float(spec[i + 1])):
            return False
    return True


def filter_allows(policy: dict[str, Any] | None, attrs: dict[str, dict[str, str]]) -> bool:
    """An SNS filter policy (on message attributes) against one message."""
    if not policy:
        return True
    values: dict[str, Any] = {}
    for name, attr in attrs.items():
        text = attr.get("Value", "")
        if attr.get("Type", "").startswith("Number"):
            try:
                values[name] = float(text)
            except ValueError:
                values[name] = text
        elif attr.get("Type", "").startswith("String.Array"):
            try:
                values[name] = json.loads(text)
            except ValueError:
                values[name] = text
        else:
            values[name] = text
    return matches(policy, values)
