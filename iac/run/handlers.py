"""Handlers run as Lambda runs them: a warm worker process per instance, with the
function's environment, its timeout enforced and its log lines captured.

Python handlers run in `worker.py` under the interpreter that runs iac; Node.js
handlers in `worker.js` under `node`, when it is on PATH. A request is one JSON line
on the worker's stdin; the answer comes back on a pipe of its own, so whatever the
handler prints is only its log. An instance serves one invocation at a time; more
arrive in parallel up to the function's reserved concurrency (or MAX_INSTANCES).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).parent
MAX_INSTANCES = 4  # per function: enough for parallel events, few enough for a laptop
_BOOT = "import runpy, sys; runpy.run_path(sys.argv[1], run_name='__main__')"
# The line a worker prints after each invocation, once its log lines are out: the
# invocation ends when the parent has read them all (its answer travels faster).
MARK = "\x00iac-invocation-end "


@dataclass
class Outcome:
    """One invocation: its result, or Lambda's error object."""

    ok: bool
    result: Any = None
    error: dict[str, str] | None = None
    ms: float = 0.0

    @property
    def error_text(self) -> str:
        if self.error is None:
            return ""
        return f"{self.error.get('errorType')}: {self.error.get('errorMessage')}"


@dataclass
class FunctionSpec:
    name: str  # the physical name
    label: str  # `function resize`, for the log
    handler: str
    runtime: str
    code_dir: Path
    env: dict[str, str]
    timeout: float  # seconds
    memory: int
    concurrency: int | None


class UnsupportedRuntime(Exception):
    pass


def command_for(spec: FunctionSpec) -> list[str]:
    if spec.runtime.startswith("python"):
        return [sys.executable, "-c", _BOOT, str(HERE / "worker.py")]
    if spec.runtime.startswith("nodejs"):
        node = shutil.which("node")
        if node is None:
            raise UnsupportedRuntime(f"{spec.label} runs on {spec.runtime}: `node` is not on PATH")
        return [node, str(HERE / "worker.js")]
    raise UnsupportedRuntime(f"{spec.label}: runtime {spec.runtime} does not run locally")


class Worker:
    """One warm instance of a function."""

    def __init__(self, spec: FunctionSpec, log: Callable[[str], None]) -> None:
        read, write = os.pipe()
        env = {
            **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")},
            **spec.env,
            "IAC_RESULT_FD": str(write),
            "IAC_HANDLER": spec.handler,
            "IAC_CODE_DIR": str(spec.code_dir),
            "PYTHONPATH": str(spec.code_dir),
            "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = subprocess.Popen(
            command_for(spec),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(write,),
            cwd=spec.code_dir,
            env=env,
            text=True,
            bufsize=1,
            # a terminal's Ctrl-C is for `iac run`, which then stops its workers itself;
            # a worker whose parent dies reads the end of its stdin and exits
            start_new_session=True,
        )
        os.close(write)
        self.answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.ended: dict[str, threading.Event] = {}  # request id -> its log is all read
        self._results = os.fdopen(read, "r")
        threading.Thread(target=self._read_answers, daemon=True).start()
        assert self.process.stdout is not None
        threading.Thread(target=self._pump, args=(self.process.stdout, log), daemon=True).start()
        self.ready: dict[str, Any] | None = None

    def _read_answers(self) -> None:
        for line in self._results:
            try:
                self.answers.put(json.loads(line))
            except ValueError:
                continue
        self.answers.put(None)

    def _pump(self, stream: IO[str], log: Callable[[str], None]) -> None:
        for line in stream:
            before, marked, invocation = line.partition(MARK)
            if before or not marked:  # a handler's last line may lack its newline
                log(before.rstrip("\n"))
            if marked:
                self.ended.setdefault(invocation.strip(), threading.Event()).set()

    def wait_ready(self, timeout: float) -> dict[str, Any] | None:
        if self.ready is None:
            try:
                self.ready = self.answers.get(timeout=timeout)
            except queue.Empty:
                return None
        return self.ready

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


@dataclass
class Function:
    """A function's instances: invoke it, and it runs on a free one."""

    spec: FunctionSpec
    log: Callable[[str], None]
    _idle: list[Worker] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.Semaphore = field(init=False)
    _closed: bool = False

    def __post_init__(self) -> None:
        self._slots = threading.Semaphore(
            min(self.spec.concurrency or MAX_INSTANCES, MAX_INSTANCES)
        )

    def warm(self) -> None:
        """Start one instance now, so the first event does not wait for the interpreter."""
        worker = Worker(self.spec, self.log)
        with self._lock:
            self._idle.append(worker)

    def invoke(self, event: Any) -> Outcome:
        start = time.perf_counter()
        with self._slots:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None or not worker.alive():
                if worker is not None:
                    worker.kill()
                worker = Worker(self.spec, self.log)
            outcome = self._run(worker, event, start)
            if worker.alive() and not self._closed:
                with self._lock:
                    self._idle.append(worker)
            else:
                worker.kill()
        outcome.ms = (time.perf_counter() - start) * 1000
        return outcome

    def _run(self, worker: Worker, event: Any, start: float) -> Outcome:
        timeout = self.spec.timeout
        ready = worker.wait_ready(timeout=30.0)  # an interpreter's start is not the timeout
        if ready is None or not ready.get("ready"):
            worker.kill()
            error = (ready or {}).get("error") or {
                "errorType": "Runtime.ExitError",
                "errorMessage": "the handler's process ended before it was ready",
            }
            return Outcome(False, error=error)
        begun = time.time()
        request = {"id": str(uuid.uuid4()), "deadline": begun + timeout, "event": event}
        ended = worker.ended.setdefault(request["id"], threading.Event())
        try:
            assert worker.process.stdin is not None
            worker.process.stdin.write(json.dumps(request) + "\n")
            worker.process.stdin.flush()
        except (OSError, TypeError, ValueError) as err:
            worker.kill()
            return Outcome(
                False, error={"errorType": "Runtime.ExitError", "errorMessage": str(err)}
            )
        try:
            answer = worker.answers.get(timeout=timeout)
        except queue.Empty:
            worker.kill()  # Lambda ends the instance too: the next event gets a fresh one
            message = f"Task timed out after {timeout:.2f} seconds"
            return Outcome(False, error={"errorType": "Sandbox.Timedout", "errorMessage": message})
        if answer is None:
            worker.kill()
            code = worker.process.poll()
            message = f"the handler's process exited (status {code})"
            return Outcome(False, error={"errorType": "Runtime.ExitError", "errorMessage": message})
        ended.wait(2.0)  # the handler's log lines, read before the invocation returns
        worker.ended.pop(request["id"], None)
        if answer.get("ok"):
            return Outcome(True, result=answer.get("result"))
        return Outcome(False, error=answer.get("error"))

    def close(self) -> None:
        self._closed = True
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()
