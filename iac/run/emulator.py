"""moto, embedded: its server on 127.0.0.1 and the few places iac hooks into it.

moto emulates the AWS APIs; iac delivers the events and runs the code. The hooks are
all here, each as narrow as moto allows and each saying why:

- Step Functions runs on moto's own interpreter (`execute_state_machine`). Its tasks
  get their AWS clients from one function, `boto_client_for`; iac supplies that
  function, so a `lambda:invoke` runs the handler, an `ecs:runTask` runs the
  container's local command, and every other call reaches moto signed with the
  workflow role's keys (moto passes the execution's role ARN), so the workflow's own
  permissions are enforced too.
- moto authorizes an action against the resource its response class names through
  `_determine_resource`; only SQS, IAM and STS (and S3, in its own way) name one, so
  iac gives DynamoDB, SNS, Secrets Manager, EventBridge and Step Functions the same
  method. Without it a grant scoped to one table would deny every table.
- Events: after moto has stored an object, a stream record, a publish or a put of
  events, iac is told (it delivers them from the plan's edges, outside moto's
  request thread). Sends to a queue wake the queue's poller.
"""

from __future__ import annotations

import copy
import html
import json
import logging
import re
import threading
import uuid
import zlib
from collections.abc import Callable
from typing import Any, Protocol

from moto.core import config as moto_config
from moto.moto_server.threaded_moto_server import ThreadedMotoServer

from .resolve import ACCOUNT


class Listener(Protocol):
    """What the running app hears from moto."""

    def s3_event(self, event_name: str, bucket: Any, key: Any) -> None: ...
    def stream_record(self, table_name: str, record: dict[str, Any]) -> None: ...
    def published(self, topic_arn: str, message: str, subject: Any, attrs: Any) -> None: ...
    def events_put(self, entries: list[dict[str, Any]]) -> None: ...
    def queue_sent(self, queue_name: str) -> None: ...
    def sfn_client(self, service: str, region: str, role_arn: str | None) -> Any: ...
    def lambda_invoke(self, function: str, payload: bytes, asynchronous: bool) -> Any: ...


_listener: Listener | None = None
_lock = threading.Lock()
_patched = False


def listen(listener: Listener | None) -> None:
    """Route moto's hooks to `listener` (one running app per process: moto is global)."""
    global _listener
    _listener = listener


def listening() -> bool:
    return _listener is not None


def start_server() -> tuple[ThreadedMotoServer, str]:
    """moto's server on 127.0.0.1 and a free port, with iac's hooks in place."""
    _patch()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the app's log says what happened
    moto_config.default_user_config["stepfunctions"]["execute_state_machine"] = True
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def reset() -> None:
    """Every backend empty and authorization off, for the next app in this process."""
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin
    from moto.moto_api._internal.models import moto_api_backend

    moto_api_backend.reset()
    settings.INITIAL_NO_AUTH_ACTION_COUNT = float("inf")
    ActionAuthenticatorMixin.request_count = 0


def enforce_permissions() -> None:
    """From now on every request is signed by an IAM user and checked against its policy."""
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin

    ActionAuthenticatorMixin.request_count = 0
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0


# ---------------------------------------------------------------- the hooks


def _patch() -> None:
    global _patched
    with _lock:
        if _patched:
            return
        _patched = True
        _patch_resources()
        _patch_events()
        _patch_stepfunctions()
        _patch_lambda()


def _arn(service: str, resource: str, region: str) -> str:
    return f"arn:aws:{service}:{region}:{ACCOUNT}:{resource}"


def _patch_resources() -> None:
    from moto.dynamodb.responses import DynamoHandler
    from moto.events.responses import EventsHandler
    from moto.secretsmanager.responses import SecretsManagerResponse
    from moto.sns.responses import SNSResponse
    from moto.stepfunctions.responses import StepFunctionResponse

    def table(self: Any) -> str:
        name = _param(self, "TableName")
        if not name:
            items = _param(self, "RequestItems") or _param(self, "TransactItems")
            if isinstance(items, dict) and len(items) == 1:
                name = next(iter(items))
        if not name:
            return "*"
        if name.startswith("arn:"):
            return str(name)
        index = _param(self, "IndexName")
        suffix = f"/index/{index}" if index else ""
        return _arn("dynamodb", f"table/{name}{suffix}", self.region)

    def topic(self: Any) -> str:
        return str(_param(self, "TopicArn") or _param(self, "TargetArn") or "*")

    def secret(self: Any) -> str:
        secret_id = _param(self, "SecretId")
        if not secret_id:
            return "*"
        if str(secret_id).startswith("arn:"):
            return str(secret_id)
        try:
            return str(self.backend.describe_secret(secret_id).arn)
        except Exception:  # noqa: BLE001 - an unknown secret: moto answers the error itself
            return "*"

    def bus(self: Any) -> str:
        entries = _param(self, "Entries")
        names = {e.get("EventBusName") or "default" for e in entries or []}
        name = names.pop() if len(names) == 1 else (_param(self, "EventBusName") or "default")
        if str(name).startswith("arn:"):
            return str(name)
        return _arn("events", f"event-bus/{name}", self.region)

    def machine(self: Any) -> str:
        arn = _param(self, "stateMachineArn") or _param(self, "executionArn")
        if not arn:
            return "*"
        if ":execution:" in str(arn):
            parts = str(arn).split(":")
            return ":".join(parts[:5]) + ":stateMachine:" + parts[6]
        return str(arn)

    for handler in (DynamoHandler, EventsHandler, SecretsManagerResponse, StepFunctionResponse):
        _json_access_denied(handler)
    _requote_signed_query()
    DynamoHandler._determine_resource = table  # type: ignore[attr-defined]
    SNSResponse._determine_resource = topic  # type: ignore[attr-defined]
    SecretsManagerResponse._determine_resource = secret  # type: ignore[attr-defined]
    EventsHandler._determine_resource = bus  # type: ignore[attr-defined]
    StepFunctionResponse._determine_resource = machine  # type: ignore[attr-defined]


_DENIED = re.compile(r"<Code>(AccessDenied\w*)</Code><Message>(.*?)</Message>", re.S)


def _json_access_denied(handler: Any, status_code: int = 400) -> None:
    """moto renders a refused action as XML for every service; a JSON-protocol service
    (DynamoDB, EventBridge, ...) answers AccessDeniedException as JSON, which is what
    an SDK parses into the error code a handler checks."""
    original = handler.call_action

    def call_action(self: Any) -> Any:
        status, headers, body = original(self)
        text = body.decode() if isinstance(body, bytes) else str(body)
        found = _DENIED.search(text) if status == 403 else None
        if found is None:
            return status, headers, body
        headers = dict(headers)
        headers["Content-Type"] = "application/x-amz-json-1.1"
        text = json.dumps(
            {"__type": "AccessDeniedException", "message": html.unescape(found.group(2))}
        )
        if "x-amz-crc32" in headers:  # DynamoDB's checksum of the body SDKs verify
            headers["x-amz-crc32"] = str(zlib.crc32(text.encode()))
        headers["x-amzn-ErrorType"] = "AccessDeniedException"
        return status_code, headers, text

    handler.call_action = call_action


def _requote_signed_query() -> None:
    """moto checks a signature against the URL as werkzeug rebuilt it, with `%2F` in
    the query decoded to `/`; the SDK signed the encoded form. Encoding the query as
    SigV4 does (`prefix=incoming%2F`) before the check makes the two agree again."""
    from urllib.parse import quote, unquote

    from moto.iam.access_control import IAMRequestBase

    original = IAMRequestBase._create_aws_request

    def create(self: Any) -> Any:
        path, sep, query = self._path.partition("?")
        if sep:
            pairs = []
            for pair in query.split("&"):
                key, eq, value = pair.partition("=")
                pairs.append(
                    quote(unquote(key), safe="-_.~") + eq + quote(unquote(value), safe="-_.~")
                )
            self._path = path + "?" + "&".join(pairs)
        return original(self)

    IAMRequestBase._create_aws_request = create  # type: ignore[method-assign]


def _param(response: Any, name: str) -> Any:
    """A request parameter, read before moto's action method has parsed the body."""
    try:
        value = response._get_param(name)
    except Exception:  # noqa: BLE001 - a body moto's parser has not met yet
        value = None
    if value is None:
        try:
            body = json.loads(response.body or "{}")
            value = body.get(name) if isinstance(body, dict) else None
        except (TypeError, ValueError):
            value = None
    return value


def _after(owner: Any, name: str, then: Callable[..., None]) -> None:
    """Call `then(result, *args, **kwargs)` after moto's method `owner.name` returns."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if _listener is not None:
            then(result, *args, **kwargs)
        return result

    wrapper.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(owner, name, wrapper)


def _patch_events() -> None:
    from moto.dynamodb.models.table import StreamShard
    from moto.events.models import EventsBackend
    from moto.s3 import notifications
    from moto.sns.models import SNSBackend
    from moto.sqs.models import SQSBackend

    def s3(_r: Any, _account: str, event_name: Any, bucket: Any, key: Any) -> None:
        assert _listener is not None
        _listener.s3_event(str(getattr(event_name, "value", event_name)), bucket, key)

    def stream(_r: Any, shard: Any, _old: Any, _new: Any) -> None:
        assert _listener is not None
        if shard.items:
            _listener.stream_record(shard.table.name, dict(shard.items[-1].to_json()))

    def publish(_r: Any, _backend: Any, message: str, arn: Any, *a: Any, **kw: Any) -> None:
        assert _listener is not None
        subject = kw.get("subject", a[1] if len(a) > 1 else None)
        attrs = kw.get("message_attributes", a[2] if len(a) > 2 else None)
        if arn:
            _listener.published(str(arn), message, subject, attrs)

    def put_events(_r: Any, _backend: Any, entries: list[dict[str, Any]]) -> None:
        assert _listener is not None
        _listener.events_put(entries)

    def sent(_r: Any, _backend: Any, queue_name: str, *a: Any, **kw: Any) -> None:
        assert _listener is not None
        _listener.queue_sent(queue_name)

    _after(notifications, "send_event", s3)
    _after(StreamShard, "add", stream)
    _after(SNSBackend, "publish", publish)
    _after(EventsBackend, "put_events", put_events)
    _after(SQSBackend, "send_message", sent)
    _after(SQSBackend, "send_message_batch", sent)
    _after(SQSBackend, "change_message_visibility", sent)


def _patch_lambda() -> None:
    """A handler's `lambda.invoke` of another function of the program runs that function
    here (moto would start it in Docker); the caller's `allow f: invoke` is checked
    against the function's ARN, which moto's Lambda response does not name itself."""
    from urllib.parse import unquote

    from moto.awslambda.models import LambdaBackend
    from moto.awslambda.responses import LambdaResponse

    original = LambdaBackend.invoke

    def invoke(
        self: Any, function_name: str, qualifier: Any, body: Any, headers: Any, out: Any
    ) -> Any:
        if _listener is not None:
            payload = body if isinstance(body, bytes) else str(body or "").encode()
            asynchronous = headers.get("X-Amz-Invocation-Type") == "Event"
            answer = _listener.lambda_invoke(function_name, payload, asynchronous)
            if answer is not None:
                data, failed = answer
                if failed:
                    out["x-amz-function-error"] = "Unhandled"
                return data
        return original(self, function_name, qualifier, body, headers, out)

    def function(self: Any) -> str:
        parts = self.path.split("/")
        if len(parts) > 3 and parts[2] == "functions":
            name = unquote(parts[3])
            if name.startswith("arn:"):
                return name
            return _arn("lambda", f"function:{name}", self.region)
        return "*"

    from moto.iam.access_control import IAMRequest

    class LambdaIAMRequest(IAMRequest):
        """moto asks IAM about `lambda:Invoke`; the IAM action is `lambda:InvokeFunction`."""

        def __init__(self, **kwargs: Any) -> None:
            action = kwargs.pop("action")
            super().__init__(**kwargs, action={"Invoke": "InvokeFunction"}.get(action, action))

    def authorize(self: Any, resource: str = "*") -> None:
        self._authenticate_and_authorize_action(LambdaIAMRequest, resource)

    LambdaBackend.invoke = invoke  # type: ignore[method-assign,assignment]
    LambdaResponse._determine_resource = function  # type: ignore[attr-defined]
    LambdaResponse._authenticate_and_authorize_normal_action = authorize  # type: ignore[method-assign]
    _json_access_denied(LambdaResponse, 403)


def _patch_stepfunctions() -> None:
    import importlib

    modules = [
        "moto.stepfunctions.parser.asl.component.state.exec.state_task.lambda_eval_utils",
        *(
            "moto.stepfunctions.parser.asl.component.state.exec.state_task.service."
            f"state_task_service_{name}"
            for name in ("ecs", "sqs", "sns", "events", "dynamodb", "sfn", "aws_sdk")
        ),
    ]

    def client_for(region: str, service: str, state_credentials: Any = None) -> Any:
        role = getattr(state_credentials, "role_arn", None)
        if _listener is None:
            raise RuntimeError("no local app is running")
        return _listener.sfn_client(service, region, role)

    for name in modules:
        module = importlib.import_module(name)
        module.boto_client_for = client_for  # type: ignore[attr-defined]

    # moto snapshots the state machine for each new execution with `copy.deepcopy`,
    # which also copies the executions still running (their locks cannot be copied)
    # and the whole backend: a second upload during the first one's run would fail.
    # The snapshot needs the definition and settings only.
    from moto.stepfunctions.models import StateMachine

    def snapshot(self: Any, memo: dict[int, Any]) -> Any:
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        for key, value in self.__dict__.items():
            if key == "executions":
                value = []
            elif key not in ("backend", "versions", "aliases", "latest_version"):
                value = copy.deepcopy(value, memo)
            setattr(clone, key, value)
        return clone

    StateMachine.__deepcopy__ = snapshot  # type: ignore[attr-defined]

    # AWS names an execution started without a name; moto names it "None", so the
    # second such start (a handler's, say) would be ExecutionAlreadyExists.
    from moto.stepfunctions.parser.models import StepFunctionsParserBackend

    start = StepFunctionsParserBackend.start_execution

    def start_execution(
        self: Any, state_machine_arn: str, name: Any = None, *a: Any, **kw: Any
    ) -> Any:
        return start(self, state_machine_arn, name or str(uuid.uuid4()), *a, **kw)

    StepFunctionsParserBackend.start_execution = start_execution  # type: ignore[method-assign]
