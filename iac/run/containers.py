"""Container steps: the task's command run locally when one is given, else reported.

`iac run --container transcode="python -m transcoder"` runs that command (in the
program's folder) with the task's environment, its overrides and the task role's
keys; its output is the container's log and its exit status the step's. Without
one, the step is reported (image, command, environment) and succeeds, or fails
when the run was started with `missing_containers="fail"`. No Docker is needed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ContainerFailed(Exception):
    """The step's error: Step Functions marks the task failed with it."""


@dataclass(frozen=True)
class TaskSpec:
    container: str  # the program's name for it: `transcode`
    arn: str
    image: str
    command: list[str] | None
    env: dict[str, str]
    keys_env: dict[str, str]  # endpoint, region and the task role's keys


class EcsShim:
    """The `ecs` client Step Functions' interpreter gets: run_task runs the task here."""

    def __init__(
        self,
        tasks: dict[str, TaskSpec],
        local: dict[str, str],
        missing: str,
        root: Path,
        log: Callable[[str, str, str], None],
        cluster_arn: str,
    ) -> None:
        self.tasks, self.local, self.missing, self.root = tasks, local, missing, root
        self.log, self.cluster_arn = log, cluster_arn
        self._done: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def run_task(self, **params: Any) -> dict[str, Any]:
        arn = str(params.get("taskDefinition") or params.get("TaskDefinition") or "")
        spec = self.tasks.get(arn) or next(
            (t for t in self.tasks.values() if arn and t.arn.startswith(arn)), None
        )
        if spec is None:
            raise ContainerFailed(f"no task definition {arn} in this program")
        env = dict(spec.env)
        overrides = params.get("overrides") or params.get("Overrides") or {}
        for item in overrides.get("containerOverrides", overrides.get("ContainerOverrides", [])):
            for pair in item.get("environment", item.get("Environment", [])):
                env[str(pair.get("name", pair.get("Name")))] = str(
                    pair.get("value", pair.get("Value"))
                )
        who = f"container {spec.container}"
        code = self._run(spec, env, who)
        task = {
            "taskArn": f"{self.cluster_arn.replace(':cluster/', ':task/')}/{uuid.uuid4().hex}",
            "clusterArn": self.cluster_arn,
            "taskDefinitionArn": spec.arn,
            "lastStatus": "STOPPED",
            "desiredStatus": "STOPPED",
            "stopCode": "EssentialContainerExited",
            "containers": [{"name": spec.container, "exitCode": code, "lastStatus": "STOPPED"}],
        }
        if code != 0:
            raise ContainerFailed(f"{who} exited with status {code}")
        with self._lock:
            self._done[str(task["taskArn"])] = task
        return self._answer([task])

    @staticmethod
    def _answer(tasks: list[dict[str, Any]]) -> dict[str, Any]:
        """An ECS answer as moto's interpreter reads it: it looks at `tasks[0].lastStatus`
        (the SDK's spelling) and passes on `Tasks[0]` (Step Functions' own spelling)."""

        def pascal(value: Any) -> Any:
            if isinstance(value, dict):
                return {k[0].upper() + k[1:]: pascal(v) for k, v in value.items()}
            if isinstance(value, list):
                return [pascal(v) for v in value]
            return value

        return {"tasks": tasks, "Tasks": pascal(tasks), "failures": [], "Failures": []}

    def _run(self, spec: TaskSpec, env: dict[str, str], who: str) -> int:
        command = self.local.get(spec.container)
        shown = " ".join(env_pair for env_pair in (f"{k}={v}" for k, v in sorted(env.items())))
        if command is None:
            self.log(
                "container",
                who,
                f"reached (image {spec.image}, command {spec.command or '(image default)'}, "
                f"env {shown or '(none)'}); no local command given (--container "
                f"{spec.container}=CMD): {'failed' if self.missing == 'fail' else 'succeeded'}",
            )
            if self.missing == "fail":
                raise ContainerFailed(f"{who} has no local command")
            return 0
        self.log("container", who, f"runs `{command}`")
        full_env = {**os.environ, **spec.keys_env, **env}
        process = subprocess.Popen(
            shlex.split(command),
            cwd=self.root,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # Ctrl-C is for `iac run` (see handlers.py)
        )
        assert process.stdout is not None
        for line in process.stdout:
            self.log("log", who, line.rstrip("\n"))
        code = process.wait()
        self.log("container", who, f"exited with status {code}")
        return code

    def describe_tasks(self, **params: Any) -> dict[str, Any]:
        with self._lock:
            found = [self._done[t] for t in params.get("tasks", []) if t in self._done]
        return self._answer(found)

    def stop_task(self, **params: Any) -> dict[str, Any]:
        return {"task": {"taskArn": params.get("task"), "lastStatus": "STOPPED"}}
