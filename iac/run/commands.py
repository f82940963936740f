"""The commands of `iac run`'s terminal and of its `--script` files, one per line:

    put BUCKET KEY [SIZE | TEXT]      upload SIZE bytes (a number) or the TEXT
    delete BUCKET KEY
    send QUEUE BODY                   publish TOPIC MESSAGE
    event BUS DETAIL_TYPE JSON        fire SCHEDULE
    start WORKFLOW [JSON]             invoke FUNCTION [JSON]
    request API METHOD PATH [BODY]    wait [SECONDS]
    rows TABLE    objects BUCKET    messages QUEUE    executions WORKFLOW
    help    quit

Words are split on spaces; the last part of a command (a body, a message, JSON) is
taken as written. A line starting with `#` is a comment. Each command's answer is
returned as text for the caller (the CLI) to print; a bad command raises
CommandError with a message.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..sim import App

HELP = (__doc__ or "").split("\n\n")[1]


_WORDS = {
    "put": 2, "delete": 2, "send": 1, "publish": 1, "event": 2, "fire": 1, "start": 1,
    "invoke": 1, "request": 3, "wait": 1, "rows": 1, "objects": 1, "messages": 1,
    "executions": 1,
}  # fmt: skip


class CommandError(Exception):
    pass


class Quit(Exception):
    pass


def _json(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError as err:
        raise CommandError(f"not JSON: {text} ({err})") from None


def run_command(app: App, line: str) -> str:
    line = line.strip()
    if not line or line.startswith("#"):
        return ""
    verb = line.split(None, 1)[0]
    # how many words come before the part taken as written
    args = line.split(None, _WORDS.get(verb, 0) + 1)[1:]

    def need(n: int, usage: str) -> None:
        if len(args) < n:
            raise CommandError(f"usage: {usage}")

    def rest(i: int) -> str | None:
        return args[i] if len(args) > i else None

    try:
        if verb in ("quit", "exit"):
            raise Quit
        if verb == "help":
            return HELP
        if verb == "put":
            need(2, "put BUCKET KEY [SIZE | TEXT]")
            text = rest(2)
            if text is not None and text.isdigit():
                app.put_object(args[0], args[1], size=int(text))
            else:
                app.put_object(args[0], args[1], text or "")
            return f"put {args[1]}"
        if verb == "delete":
            need(2, "delete BUCKET KEY")
            app.delete_object(args[0], args[1])
            return f"deleted {args[1]}"
        if verb == "send":
            need(2, "send QUEUE BODY")
            return f"sent {app.send(args[0], rest(1) or '')}"
        if verb == "publish":
            need(2, "publish TOPIC MESSAGE")
            app.publish(args[0], rest(1) or "")
            return "published"
        if verb == "event":
            need(3, "event BUS DETAIL_TYPE JSON")
            detail = _json(rest(2))
            app.put_event(args[0], args[1], detail)
            return "put"
        if verb == "fire":
            need(1, "fire SCHEDULE")
            app.fire(args[0])
            return "fired"
        if verb == "start":
            need(1, "start WORKFLOW [JSON]")
            given = _json(rest(1))
            return f"started {app.start(args[0], given)}"
        if verb == "invoke":
            need(1, "invoke FUNCTION [JSON]")
            given = _json(rest(1))
            outcome = app.invoke(args[0], given)
            return json.dumps(outcome.result) if outcome.ok else f"failed: {outcome.error_text}"
        if verb == "request":
            need(3, "request API METHOD PATH [BODY]")
            got = app.request(args[0], args[1].upper(), args[2], body=rest(3))
            return f"{got.status} {got.body}"
        if verb == "wait":
            app.wait(float(args[0]) if args else 30.0)
            return "idle"
        if verb == "rows":
            need(1, "rows TABLE")
            return (
                "\n".join(json.dumps(r, sort_keys=True) for r in app.rows(args[0])) or "(no rows)"
            )
        if verb == "objects":
            need(1, "objects BUCKET")
            found = app.objects(args[0])
            return "\n".join(f"{k}  {v} bytes" for k, v in found.items()) or "(no objects)"
        if verb == "messages":
            need(1, "messages QUEUE")
            return "\n".join(app.messages(args[0])) or "(no messages)"
        if verb == "executions":
            need(1, "executions WORKFLOW")
            return (
                "\n".join(f"{e.status}: {' -> '.join(e.path)}" for e in app.executions(args[0]))
                or "(no executions)"
            )
    except KeyError as err:
        raise CommandError(str(err.args[0]) if err.args else str(err)) from None
    except (Quit, CommandError):
        raise
    except Exception as err:  # noqa: BLE001 - an AWS error answering a command is its answer
        raise CommandError(f"{type(err).__name__}: {err}") from None
    raise CommandError(f"unknown command `{verb}` (try `help`)")
