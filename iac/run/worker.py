"""The Python handler worker: one process per function instance, as Lambda keeps one.

Started by `handlers.py` with the function's environment and its code folder first on
`sys.path`. It reads one JSON request per line on stdin and writes each answer as one
JSON line to the file descriptor in `IAC_RESULT_FD`; the handler's own prints and log
lines go to stdout and stderr, which the parent captures as the function's log.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback
from typing import Any

MARK = "\x00iac-invocation-end "  # handlers.MARK


class Context:
    """The parts of Lambda's context object handlers read."""

    def __init__(self, request_id: str, deadline: float) -> None:
        self.aws_request_id = request_id
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = "$LATEST"
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.invoked_function_arn = os.environ.get("IAC_FUNCTION_ARN", "")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = "local"
        self._deadline = deadline

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.time()) * 1000))


def main() -> None:
    out = os.fdopen(int(os.environ["IAC_RESULT_FD"]), "w", buffering=1)
    module_name, _, function_name = os.environ["IAC_HANDLER"].rpartition(".")
    try:
        handler = getattr(importlib.import_module(module_name), function_name)
    except Exception as err:  # noqa: BLE001 - reported like Lambda's Runtime.ImportModuleError
        traceback.print_exc()
        error = {"errorType": "Runtime.ImportModuleError", "errorMessage": str(err)}
        out.write(json.dumps({"ready": False, "error": error}) + "\n")
        return
    out.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        context = Context(request["id"], request["deadline"])
        answer: dict[str, Any]
        try:
            result = handler(request["event"], context)
            answer = {"ok": True, "result": result}
        except Exception as err:  # noqa: BLE001 - the handler's error is the invocation's
            # as Lambda logs it: the error, then the handler's frames (not this worker's)
            print(f"[ERROR] {type(err).__name__}: {err}", file=sys.stderr)
            frames = traceback.extract_tb(err.__traceback__)[1:]
            print("".join(traceback.format_list(frames)).rstrip(), file=sys.stderr)
            answer = {
                "ok": False,
                "error": {"errorType": type(err).__name__, "errorMessage": str(err)},
            }
        sys.stderr.flush()
        print(f"{MARK}{request['id']}", flush=True)  # after the handler's own lines
        try:
            out.write(json.dumps(answer, default=str) + "\n")
        except (TypeError, ValueError) as err:
            error = {"errorType": "Runtime.MarshalError", "errorMessage": str(err)}
            out.write(json.dumps({"ok": False, "error": error}) + "\n")


if __name__ == "__main__":
    main()
