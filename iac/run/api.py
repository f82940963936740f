"""Each `api` served on 127.0.0.1: its routes from the plan, a function behind a route
called with API Gateway's HTTP API payload (version 2.0), a service integration
(a queue, a workflow, a bus) performed with the API's role, as API Gateway does."""

from __future__ import annotations

import base64
import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from ..plan import model as pm
from ..plan.values import refs_in
from . import events

if TYPE_CHECKING:
    from .app import LocalApp


class _Route:
    def __init__(self, key: str, integration: pm.Node) -> None:
        self.key = key
        method, _, path = key.partition(" ")
        self.method = method
        self.default = key == "$default"
        pattern = ""
        self.names: list[str] = []
        for part in re.split(r"(\{[^}]+\})", path):
            if part.startswith("{"):
                name = part[1:-1]
                greedy = name.endswith("+")
                self.names.append(name.rstrip("+"))
                pattern += "(.+)" if greedy else "([^/]+)"
            else:
                pattern += re.escape(part)
        self.pattern = re.compile(f"^{pattern}$")
        self.integration = integration

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if self.default:
            return {}
        if self.method not in ("ANY", method):
            return None
        found = self.pattern.match(path)
        if found is None:
            return None
        return dict(zip(self.names, found.groups(), strict=True))


def routes_of(app: LocalApp, api: pm.Node) -> list[_Route]:
    routes = []
    for node in app.plan.of_type("api_route"):
        p = node.props
        assert isinstance(p, pm.ApiRouteProps)
        if any(r.node == api.id for r in refs_in(p.api)):
            target = refs_in(p.target)
            if target:
                routes.append(_Route(p.key, app.plan.node(target[0].node)))
    # the most specific route wins, as in API Gateway: fewer parameters, then $default last
    routes.sort(key=lambda r: (r.default, len(r.names), -len(r.key)))
    return routes


def serve(app: LocalApp, api: pm.Node, port: int) -> tuple[ThreadingHTTPServer, str]:
    routes = routes_of(app, api)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # the app's log says what happened

        def _handle(self) -> None:
            path, _, query = self.path.partition("?")
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            for route in routes:
                params = route.match(self.command, path)
                if params is not None:
                    status, headers, text = call(app, api, route, self, path, query, body, params)
                    break
            else:
                status, headers, text = 404, {}, json.dumps({"message": "Not Found"})
            app.log.add("event", api.label, f"{self.command} {path} -> {status}")
            data = text.encode()
            self.send_response(status)
            headers.setdefault("Content-Type", "application/json")
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as err:
        raise OSError(f"{api.label}: port {port} on 127.0.0.1: {err.strerror or err}") from None
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def call(
    app: LocalApp, api: pm.Node, route: _Route, request: BaseHTTPRequestHandler,
    path: str, query: str, body: str, params: dict[str, str],
) -> tuple[int, dict[str, str], str]:  # fmt: skip
    p = route.integration.props
    assert isinstance(p, pm.ApiIntegrationProps)
    if p.subtype is None and p.uri is not None:
        fn = app.function_node(str(app.names.value(p.uri)))
        if fn is None:
            return 500, {}, json.dumps({"message": "Internal Server Error"})
        event = events.http_event(
            route.key, request.command, path, query, dict(request.headers.items()), body,
            params, api.id,
        )  # fmt: skip
        outcome = app.invoke(fn, event, f"{route.key}")
        if not outcome.ok:
            return 500, {}, json.dumps({"message": "Internal Server Error"})
        return _proxy_response(outcome.result)
    return _service(app, p, body)


def _proxy_response(result: Any) -> tuple[int, dict[str, str], str]:
    """Payload 2.0's response rules: a dict with statusCode is the response, else JSON."""
    if isinstance(result, dict) and "statusCode" in result:
        text = result.get("body") or ""
        if result.get("isBase64Encoded"):
            text = base64.b64decode(text).decode("utf-8", "replace")
        headers = {str(k): str(v) for k, v in (result.get("headers") or {}).items()}
        return (
            int(result["statusCode"]),
            headers,
            text if isinstance(text, str) else json.dumps(text),
        )
    return 200, {}, json.dumps(result)


def _service(
    app: LocalApp, p: pm.ApiIntegrationProps, body: str
) -> tuple[int, dict[str, str], str]:
    role = str(app.names.value(p.credentials)) if p.credentials is not None else None
    keys = app.role_keys.get(role or "", app.nobody)
    args = {
        k: (body if v == "$request.body" else app.names.value(v))
        for k, v in (p.parameters or {}).items()
    }
    try:
        if p.subtype == "SQS-SendMessage":
            out = app.client("sqs", keys).send_message(**args)
            return 200, {}, json.dumps({"MessageId": out["MessageId"]})
        if p.subtype == "StepFunctions-StartExecution":
            args.setdefault("Name", str(uuid.uuid4()))  # moto gives an execution no name itself
            out = app.client("stepfunctions", keys).start_execution(**_lower_first(args))
            return 200, {}, json.dumps({"executionArn": out["executionArn"]})
        if p.subtype == "EventBridge-PutEvents":
            out = app.client("events", keys).put_events(Entries=[args])
            return 200, {}, json.dumps({"Entries": out["Entries"]})
    except Exception as err:  # noqa: BLE001 - API Gateway answers a failed integration with 500
        app.log.add("error", f"integration {p.subtype}", str(err))
        return 500, {}, json.dumps({"message": "Internal Server Error"})
    return 500, {}, json.dumps({"message": f"integration {p.subtype} is not served locally"})


def _lower_first(args: dict[str, Any]) -> dict[str, Any]:
    return {k[0].lower() + k[1:]: v for k, v in args.items()}
