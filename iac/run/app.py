"""A program running locally: moto started, resources created, handlers warm, events
delivered from the plan's edges until `close()`.

One app runs per process (moto's backends are process-wide). Everything binds to
127.0.0.1 on free ports, and `close()` stops every thread, worker and server it
started.
"""

from __future__ import annotations

import functools
import json
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from ..plan import model as pm
from . import api, emulator, events, permissions, pollers, resources, workflows
from .containers import EcsShim, TaskSpec
from .handlers import Function, FunctionSpec, Outcome, UnsupportedRuntime
from .log import Log
from .resolve import ACCOUNT, Names
from .workflows import Execution

ASYNC_ATTEMPTS = 3  # Lambda's asynchronous invocations: the first try and two retries
_CONFIG = Config(
    retries={"max_attempts": 0, "mode": "standard"}, connect_timeout=5, read_timeout=120
)


class LocalApp:
    def __init__(
        self,
        plan: pm.Plan,
        root: Path,
        *,
        params: dict[str, Any] | None = None,
        containers: dict[str, str] | None = None,
        missing_containers: str = "succeed",
        echo: Callable[[str], None] | None = None,
        api_port: int | None = None,
    ) -> None:
        self.plan = plan
        self.root = root
        self.log = Log(echo)
        self.params = {p.name: p.default for p in plan.params} | (params or {})
        self.local_containers = dict(containers or {})
        self.missing_containers = missing_containers
        self.api_port = api_port
        self.functions: dict[str, Function] = {}  # node id -> its instances
        self.mappings: list[pollers.Mapping] = []
        self.api_urls: dict[str, str] = {}  # api label -> URL
        self._busy = 0
        self._busy_lock = threading.Condition()
        self.stop_event = threading.Event()
        self._threads: list[threading.Thread] = []
        self._servers: list[Any] = []
        self._pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="iac-deliver")
        self._clients: dict[tuple[str, str], Any] = {}
        self._client_lock = threading.Lock()
        self._session = boto3.session.Session()  # one session: its loaders read each model once
        self._closed = False

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> LocalApp:
        if emulator.listening():
            raise RuntimeError("another local app is running in this process (moto is global)")
        self.server, self.endpoint = emulator.start_server()
        try:
            emulator.reset()
            self.names = Names(self.plan, self.params, self.endpoint)
            iam = self.client("iam", permissions.Keys("setup", "setup"))  # before enforcement
            self.admin = permissions.create_admin(iam)
            self.nobody = permissions.create_nobody(iam)
            resources.create_all(self.plan, self.names, self.client, self.note)
            self.role_keys = permissions.create_users(self.plan, self.names, iam)
            emulator.enforce_permissions()
            emulator.listen(self)
            # the APIs first: a function's env may name an api's URL
            for i, node in enumerate(self.plan.of_type("http_api")):
                port = 0 if self.api_port is None else self.api_port + i
                server, url = api.serve(self, node, port)
                self._servers.append(server)
                self.names.apis[node.id] = url
                self.api_urls[node.label.split(" ", 1)[1]] = url
                self.log.add("note", node.label, f"listening on {url}")
            self._start_functions()
            pollers.start_mappings(self)
            self.ecs = self._ecs()
            self.spawn(workflows.watch_executions, self)
            for text in sorted(self.names.unresolved):
                self.note(text)
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.stop_event.set()
        emulator.listen(None)
        for m in self.mappings:
            m.wake.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._pool.shutdown(wait=True, cancel_futures=True)
        for fn in self.functions.values():
            fn.close()
        if getattr(self, "server", None) is not None:
            self.server.stop()
            emulator.reset()  # the next app (or a test using moto) starts from nothing

    def __enter__(self) -> LocalApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self._threads.append(thread)

    def note(self, text: str) -> None:
        self.log.add("note", "iac run", text)

    # ---------------------------------------------------------------- clients

    def client(self, service: str, keys: permissions.Keys | None = None) -> Any:
        keys = keys or self.admin
        with self._client_lock:  # a session makes clients one at a time; clients are shared
            return self._client(service, keys)

    def _client(self, service: str, keys: permissions.Keys) -> Any:
        cached = self._clients.get((service, keys.access_key))
        if cached is None:
            cached = self._session.client(
                service,
                endpoint_url=self.endpoint,
                region_name=self.plan.region,
                aws_access_key_id=keys.access_key,
                aws_secret_access_key=keys.secret_key,
                config=_CONFIG,
            )
            self._clients[(service, keys.access_key)] = cached
        return cached

    def keys_env(self, role_arn: str | None) -> dict[str, str]:
        """What a handler or container needs to reach moto as its role."""
        keys = self.role_keys.get(role_arn or "", self.nobody)
        return {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": keys.access_key,
            "AWS_SECRET_ACCESS_KEY": keys.secret_key,
            "AWS_REGION": self.plan.region,
            "AWS_DEFAULT_REGION": self.plan.region,
        }

    def sfn_client(self, service: str, region: str, role_arn: str | None) -> Any:
        if service == "lambda":
            return workflows.LambdaShim(self)
        if service == "ecs":
            return self.ecs
        return self.client(service, self.role_keys.get(role_arn or "", self.nobody))

    # ---------------------------------------------------------------- functions

    def _start_functions(self) -> None:
        for node in self.plan.of_type("function"):
            p = node.props
            assert isinstance(p, pm.FunctionProps)
            path = getattr(p.asset, "path", None)
            if path is None or not Path(path).exists():
                self.note(f"{node.label}: no local code to run ({path}): left out")
                continue
            code_dir = path if path.is_dir() else path.parent
            name = self.names.name(node)
            env = {k: str(self.names.value(v)) for k, v in p.env.items()}
            env |= self.keys_env(str(self.names.value(p.role)))
            env |= {
                "AWS_LAMBDA_FUNCTION_NAME": name,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(p.memory),
                "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_LOG_GROUP_NAME": str(self.names.value(p.log_group)),
                "IAC_FUNCTION_ARN": self.names.ref(node.id, "arn"),
            }
            spec = FunctionSpec(
                name, node.label, p.handler, p.runtime, code_dir, env, p.timeout, p.memory,
                p.concurrency,
            )  # fmt: skip
            fn = Function(spec, functools.partial(self.log.add, "log", node.label))
            self.functions[node.id] = fn
            self.log.add(
                "note", node.label, f"{p.runtime}, {p.memory} MB (noted), timeout {p.timeout} s"
            )
            try:
                fn.warm()
            except UnsupportedRuntime as err:
                self.note(str(err))

    def function_node(self, ref: str) -> pm.Node | None:
        """A function by its local name or ARN."""
        for node in self.plan.of_type("function"):
            if ref in (self.names.name(node), self.names.ref(node.id, "arn")):
                return node
        return None

    def invoke(self, node: pm.Node, event: Any, why: str) -> Outcome:
        self.log.add("invoke", node.label, why)
        if node.id not in self.functions:
            error = {"errorType": "Runtime.NotLocal", "errorMessage": f"{node.label} is left out"}
            self.log.add("error", node.label, error["errorMessage"])
            return Outcome(False, error=error)
        try:
            outcome = self.functions[node.id].invoke(event)
        except UnsupportedRuntime as err:
            outcome = Outcome(
                False, error={"errorType": "Runtime.Unsupported", "errorMessage": str(err)}
            )
        if outcome.ok:
            self.log.add("invoke", node.label, f"returned in {outcome.ms:.0f} ms")
        else:
            self.log.add("error", node.label, f"{outcome.error_text} ({outcome.ms:.0f} ms)")
        return outcome

    def lambda_invoke(self, function: str, payload: bytes, asynchronous: bool) -> Any:
        """A handler's `lambda.invoke`: (the answer's bytes, whether it failed), or None
        for a function this program does not have."""
        node = self.function_node(function)
        if node is None:
            return None
        try:
            event = json.loads(payload or b"{}")
        except ValueError:
            return json.dumps({"errorType": "InvalidRequestContentException"}).encode(), True
        if asynchronous:
            self.invoke_async(node, event, "invoked asynchronously")
            return b"", False
        outcome = self.invoke(node, event, "invoked by lambda.invoke")
        if outcome.ok:
            return json.dumps(outcome.result).encode(), False
        return json.dumps(outcome.error).encode(), True

    def invoke_async(self, node: pm.Node, event: Any, why: str) -> None:
        def run() -> None:
            for attempt in range(1, ASYNC_ATTEMPTS + 1):
                tag = why if attempt == 1 else f"{why}, retry {attempt - 1}"
                if self.invoke(node, event, tag).ok or self.stop_event.is_set():
                    return

        self.submit(run)

    # ---------------------------------------------------------------- busy tracking

    def submit(self, work: Callable[[], None]) -> None:
        if self.stop_event.is_set():
            return
        with self._busy_lock:
            self._busy += 1

        def run() -> None:
            try:
                work()
            except Exception as err:  # noqa: BLE001 - a delivery's failure is logged, not raised
                self.log.add("error", "iac run", f"{type(err).__name__}: {err}")
            finally:
                with self._busy_lock:
                    self._busy -= 1
                    self._busy_lock.notify_all()

        try:
            self._pool.submit(run)
        except RuntimeError:  # shutting down
            with self._busy_lock:
                self._busy -= 1

    def idle(self) -> bool:
        with self._busy_lock:
            if self._busy:
                return False
        for m in self.mappings:
            if m.active or m.pending:
                return False
            if ":sqs:" in m.source_arn and self._queue_count(m.source_arn):
                return False
        return not workflows.running_executions(self)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """True once nothing is in flight (checked twice, a beat apart)."""
        deadline = time.monotonic() + timeout
        calm = 0
        while time.monotonic() < deadline:
            calm = calm + 1 if self.idle() else 0
            if calm >= 2:
                return True
            time.sleep(0.02)
        return False

    def _queue_count(self, arn: str) -> int:
        from moto.sqs.models import sqs_backends

        queue = sqs_backends[ACCOUNT][self.plan.region].get_queue(arn.rsplit(":", 1)[1])
        return int(
            queue.approximate_number_of_messages
            + queue.approximate_number_of_messages_not_visible
            + queue.approximate_number_of_messages_delayed
        )

    # ---------------------------------------------------------------- moto's hooks

    def s3_event(self, event_name: str, bucket: Any, key: Any) -> None:
        for node in self.plan.of_type("bucket"):
            assert isinstance(node.props, pm.BucketProps)
            if self.names.name(node) != bucket.name or not node.props.eventbridge:
                continue
            event = events.s3_event(
                event_name, bucket.name, key.name, int(key.size or 0), str(key.etag).strip('"'),
                self.plan.region,
            )  # fmt: skip
            if event is not None:
                self.log.add("event", node.label, f"{event['detail-type']}: {key.name}")
                self.submit(functools.partial(self.route, event, None))

    def events_put(self, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            bus = entry.get("EventBusName") or "default"
            if bus.startswith("arn:"):
                bus = bus.rsplit("/", 1)[1]
            try:
                detail = json.loads(entry.get("Detail") or "{}")
            except ValueError:
                continue
            event = events.envelope(
                entry.get("Source", ""), entry.get("DetailType", ""), detail, self.plan.region,
                list(entry.get("Resources") or []),
            )  # fmt: skip
            self.log.add("event", f"bus {bus}", f"{event['source']} {event['detail-type']}")
            self.submit(functools.partial(self.route, event, bus))

    def route(self, event: dict[str, Any], bus: str | None) -> None:
        """Deliver an EventBridge event to every rule on its bus whose pattern matches."""
        for node in self.plan.of_type("rule"):
            p = node.props
            assert isinstance(p, pm.RuleProps)
            if p.pattern is None or not p.enabled:
                continue
            rule_bus = "default" if p.bus is None else str(self.names.value(p.bus))
            if rule_bus.startswith("arn:"):
                rule_bus = rule_bus.rsplit("/", 1)[1]
            if rule_bus != (bus or "default"):
                continue
            if events.matches(self.names.value(p.pattern), event):
                for target in p.targets:
                    self.deliver(target, event, node.label)

    def fire(self, node: pm.Node) -> None:
        """A schedule's tick: the event its rule sends its targets."""
        p = node.props
        assert isinstance(p, pm.RuleProps)
        event = events.envelope(
            "aws.events", "Scheduled Event", {}, self.plan.region, [self.names.ref(node.id, "arn")]
        )
        self.log.add("event", node.label, f"{p.schedule} fired")
        for target in p.targets:
            self.deliver(target, event, node.label)

    def deliver(self, target: pm.RuleTarget, event: dict[str, Any], why: str) -> None:
        arn = str(self.names.value(target.arn))
        role = self.names.value(target.role) if target.role is not None else None
        keys = self.role_keys.get(str(role), self.nobody) if role else self.admin
        body = json.dumps(event)
        if target.ecs is not None:
            task = str(self.names.value(target.ecs.task_definition))
            self.submit(lambda: self._run_task(task))
        elif ":lambda:" in arn:
            node = self.function_node(arn)
            if node is not None:
                self.invoke_async(node, event, why)
        elif ":states:" in arn:
            self.client("stepfunctions", keys).start_execution(
                stateMachineArn=arn,
                input=body,
                name=str(uuid.uuid4()),  # moto names none itself
            )
        elif ":sqs:" in arn:
            args: dict[str, Any] = {"QueueUrl": self.queue_url(arn), "MessageBody": body}
            if target.message_group:
                args["MessageGroupId"] = target.message_group
            self.client("sqs").send_message(**args)
        elif ":sns:" in arn:
            self.client("sns").publish(TopicArn=arn, Message=body)
        elif ":events:" in arn:
            self.client("events").put_events(Entries=[{
                "EventBusName": arn, "Source": event["source"],
                "DetailType": event["detail-type"], "Detail": json.dumps(event["detail"]),
            }])  # fmt: skip
        else:
            self.note(f"{why}: a target {arn} is not delivered locally")

    def _run_task(self, task_arn: str) -> None:
        try:
            self.ecs.run_task(taskDefinition=task_arn)
        except Exception as err:  # noqa: BLE001 - the task's failure is the log's
            self.log.add("error", "iac run", str(err))

    def queue_url(self, arn: str) -> str:
        return f"{self.endpoint}/{ACCOUNT}/{arn.rsplit(':', 1)[1]}"

    def published(self, topic_arn: str, message: str, subject: Any, attrs: Any) -> None:
        subs = [
            n
            for n in self.plan.of_type("subscription")
            if isinstance(n.props, pm.SubscriptionProps)
            and self.names.value(n.props.topic) == topic_arn
        ]
        notification = events.sns_notification(topic_arn, message, subject, attrs)
        for node in subs:
            p = node.props
            assert isinstance(p, pm.SubscriptionProps)
            if not events.filter_allows(p.filter_policy, notification["MessageAttributes"]):
                self.log.add("event", node.label, "filtered out by the filter policy")
                continue
            endpoint = str(self.names.value(p.endpoint))
            if p.protocol == "lambda":
                fn = self.function_node(endpoint)
                if fn is not None:
                    sub_arn = f"{topic_arn}:{node.id}"
                    self.invoke_async(
                        fn, events.sns_lambda_event(sub_arn, notification), node.label
                    )
            elif p.protocol == "sqs":
                args: dict[str, Any] = {"QueueUrl": self.queue_url(endpoint)}
                if p.raw:
                    args["MessageBody"] = message
                    if attrs:
                        args["MessageAttributes"] = {
                            k: {"DataType": v["Type"], "StringValue": v["Value"]}
                            for k, v in notification["MessageAttributes"].items()
                        }
                else:
                    args["MessageBody"] = json.dumps(notification)
                if endpoint.endswith(".fifo"):
                    args["MessageGroupId"] = "sns"
                self.submit(functools.partial(self._send, args))

    def _send(self, args: dict[str, Any]) -> None:
        self.client("sqs").send_message(**args)

    def queue_sent(self, queue_name: str) -> None:
        for m in self.mappings:
            if m.source_arn.endswith(f":{queue_name}"):
                m.wake.set()

    def stream_record(self, table_name: str, record: dict[str, Any]) -> None:
        for m in self.mappings:
            if ":dynamodb:" in m.source_arn and f":table/{table_name}/stream/" in m.source_arn:
                m.pending.append(events.stream_record(record, m.source_arn, self.plan.region))
                m.wake.set()

    # ---------------------------------------------------------------- containers

    def _ecs(self) -> EcsShim:
        tasks: dict[str, TaskSpec] = {}
        for node in self.plan.of_type("task_definition"):
            p = node.props
            assert isinstance(p, pm.TaskDefinitionProps)
            arn = self.names.ref(node.id, "arn")
            command = [str(self.names.value(c)) for c in p.command] if p.command else None
            tasks[arn] = TaskSpec(
                p.container, arn, str(self.names.value(p.image)), command,
                {k: str(self.names.value(v)) for k, v in p.env.items()},
                self.keys_env(str(self.names.value(p.task_role))),
            )  # fmt: skip
        unknown = set(self.local_containers) - {t.container for t in tasks.values()}
        if unknown:
            raise ValueError(f"--container {sorted(unknown)[0]}: the program has no such container")
        clusters = self.plan.of_type("cluster")
        cluster = (
            self.names.ref(clusters[0].id, "arn")
            if clusters
            else f"arn:aws:ecs:{self.plan.region}:{ACCOUNT}:cluster/default"
        )
        return EcsShim(
            tasks, self.local_containers, self.missing_containers, self.root, self.log.add, cluster
        )

    # ---------------------------------------------------------------- workflows

    def machines(self) -> list[pm.Node]:
        return self.plan.of_type("state_machine")

    def executions(self, node: pm.Node) -> list[Execution]:
        return workflows.executions(self, node)
