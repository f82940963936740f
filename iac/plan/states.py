"""Workflow steps -> Amazon States Language, with plan values where ARNs go.

State names come from the statement (`Invoke thumbnail`, `Wait 30s`), so a
step added above never renames the states below it; a name used twice gets
` 2`, ` 3` in reading order: depth first, in source order, so a step nested in
an `if` or `parallel` is numbered before the steps that follow its block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import catalog as cat
from .. import model as m
from .values import Param, Pseudo, Ref, Sub

# A state's next hop: a state name, or None for the end of the machine/branch.
Next = str | None
# Resolves a step's target to the plan values a task needs (arns, urls, network).
Resolver = Callable[[str, str], dict[str, Any]]

RETRY_INTERVAL = 2
RETRY_BACKOFF = 2.0

OPS = {
    "number": {"==": "NumericEquals", "<": "NumericLessThan", "<=": "NumericLessThanEquals",
               ">": "NumericGreaterThan", ">=": "NumericGreaterThanEquals"},
    "string": {"==": "StringEquals", "<": "StringLessThan", "<=": "StringLessThanEquals",
               ">": "StringGreaterThan", ">=": "StringGreaterThanEquals"},
    "bool": {"==": "BooleanEquals"},
}  # fmt: skip


class StatesCompiler:
    def __init__(self, resolve: Resolver) -> None:
        self.resolve = resolve
        self.names: set[str] = set()
        self.counts: dict[str, int] = {}
        # Each step's state name (and the `Keep result` state after it), by identity.
        self.named: dict[int, str] = {}
        self.kept: dict[int, str] = {}
        # The catchers of the `try` blocks around the state being built, innermost
        # first: every Task, Parallel and Map state there gets them.
        self.catch: list[dict[str, Any]] = []

    # ---------------------------------------------------------------- naming

    def name(self, base: str) -> str:
        base = base[:72]
        n = self.counts.get(base, 0)
        name = base if n == 0 else f"{base} {n + 1}"
        while name in self.names:  # a statement whose own name ends in a number
            n += 1
            name = f"{base} {n + 1}"
        self.counts[base] = n + 1
        self.names.add(name)
        return name

    # ---------------------------------------------------------------- sequences

    def machine(self, steps: Sequence[m.Step], comment: str) -> dict[str, Any]:
        states: dict[str, Any] = {}
        self.name_all(steps)
        start = self.sequence(steps, None, states)
        return {"Comment": comment, "StartAt": start, "States": reading_order(start, states)}

    def sequence(self, steps: Sequence[m.Step], after: Next, states: dict[str, Any]) -> str:
        """Add the states of `steps` (ending at `after`) and return the first one's name."""
        # Names were given in reading order by `name_all`; wire bottom-up.
        named = [(st, self.named[id(st)]) for st in steps]
        nxt = after
        for step, name in reversed(named):
            nxt = self.step(step, name, nxt, states)
        if nxt is None:
            # An empty sequence still needs a state to start at.
            name = self.name("Done")
            states[name] = {"Type": "Pass", "End": True}
            return name
        return nxt

    def name_all(self, steps: Sequence[m.Step]) -> None:
        """Name every state in reading order: depth first, in source order."""
        for step in steps:
            self.named[id(step)] = self.state_name(step)
            if isinstance(step, m.Task) and _keeps_result(step):
                self.kept[id(step)] = self.name(f"Keep result of {step.target}")
            if isinstance(step, m.Set) and _set_keeps(step):
                self.kept[id(step)] = self.name(f"Keep {step.path}")
            if isinstance(step, m.Try):
                self.name_all(step.body)
                for catch in step.catches:
                    self.name_all(catch.body)
            if isinstance(step, m.IfStep):
                for _cond, body in step.branches:
                    self.name_all(body)
                self.name_all(step.otherwise or ())
            elif isinstance(step, m.Parallel):
                for body in step.branches:
                    self.name_all(body)
            elif isinstance(step, m.ForEach):
                self.name_all(step.body)

    def state_name(self, step: m.Step) -> str:
        if isinstance(step, m.Task):
            return self.name(f"{step.verb.capitalize()} {step.target}")
        if isinstance(step, m.Wait):
            return self.name(f"Wait {step.text}")
        if isinstance(step, m.IfStep):
            return self.name(f"If {condition_text(step.branches[0][0])}")
        if isinstance(step, m.Parallel):
            return self.name("Parallel")
        if isinstance(step, m.ForEach):
            return self.name(f"For each {step.path}")
        if isinstance(step, m.Succeed):
            return self.name("Succeed")
        if isinstance(step, m.Fail):
            return self.name(f"Fail {step.error}")
        if isinstance(step, m.Set):
            return self.name(f"Set {step.path}")
        if isinstance(step, m.Try):
            return ""  # not a state: its steps are, with its catchers
        raise TypeError(step)

    @staticmethod
    def _chain(state: dict[str, Any], nxt: Next) -> dict[str, Any]:
        if nxt is None:
            state["End"] = True
        else:
            state["Next"] = nxt
        return state

    # ---------------------------------------------------------------- steps

    def step(self, step: m.Step, name: str, nxt: Next, states: dict[str, Any]) -> str:
        """Add the states of one step (going on to `nxt`); return the one it starts at."""
        if isinstance(step, m.Try):
            return self.try_block(step, nxt, states)
        if isinstance(step, m.Task):
            self.task(step, name, nxt, states)
        elif isinstance(step, m.Set):
            self.set_step(step, name, nxt, states)
        elif isinstance(step, m.Wait):
            state: dict[str, Any] = {"Type": "Wait"}
            if step.seconds is not None:
                state["Seconds"] = step.seconds
            elif step.timestamp is not None:
                state["Timestamp"] = step.timestamp
            elif step.until:
                state["TimestampPath"] = step.path
            else:
                state["SecondsPath"] = step.path
            states[name] = self._chain(state, nxt)
        elif isinstance(step, m.IfStep):
            choices = []
            for cond, body in step.branches:
                rule = condition(cond)
                rule["Next"] = self.sequence(body, nxt, states) if body else self._skip(nxt, states)
                choices.append(rule)
            state = {"Type": "Choice", "Choices": choices}
            if step.otherwise:
                state["Default"] = self.sequence(step.otherwise, nxt, states)
            else:
                state["Default"] = self._skip(nxt, states)
            states[name] = state
        elif isinstance(step, m.Parallel):
            branches = []
            # A branch's states can't go to a state outside it: the Parallel state
            # itself takes the catchers of the `try` around it.
            outer, self.catch = self.catch, []
            for body in step.branches:
                sub: dict[str, Any] = {}
                start = self.sequence(body, None, sub)
                branches.append({"StartAt": start, "States": reading_order(start, sub)})
            self.catch = outer
            state = {"Type": "Parallel", "Branches": branches}
            states[name] = self._chain(self._catching(state), nxt)
        elif isinstance(step, m.ForEach):
            outer, self.catch = self.catch, []
            sub = {}
            start = self.sequence(step.body, None, sub)
            self.catch = outer
            states[name] = self._chain(
                {
                    "Type": "Map",
                    "ItemsPath": step.path,
                    "ItemProcessor": {
                        "ProcessorConfig": {"Mode": "INLINE"},
                        "StartAt": start,
                        "States": reading_order(start, sub),
                    },
                    "ResultPath": None,
                    **self._catchers(),
                },
                nxt,
            )
        elif isinstance(step, m.Succeed):
            states[name] = {"Type": "Succeed"}
        elif isinstance(step, m.Fail):
            catcher = self._catcher_of(step.error)
            if catcher is not None:
                # A `fail` inside a `try` whose `catch` names its error: the error goes
                # where Step Functions would put it, and on to the handler.
                states[name] = {
                    "Type": "Pass",
                    "Result": {"Error": step.error, "Cause": step.cause or ""},
                    "ResultPath": catcher["ResultPath"],
                    "Next": catcher["Next"],
                }
                return name
            state = {"Type": "Fail", "Error": step.error}
            if step.cause is not None:
                state["Cause"] = step.cause
            states[name] = state
        return name

    # ---------------------------------------------------------------- errors

    def try_block(self, step: m.Try, nxt: Next, states: dict[str, Any]) -> str:
        """`try`: every state in its body that can fail (Task, Parallel, Map) gets a
        Catch to each handler; the handlers go on where the `try` does."""
        catchers = []
        for catch in step.catches:
            handler = self.sequence(catch.body, nxt, states) if catch.body else None
            catchers.append(
                {
                    "ErrorEquals": list(catch.errors),
                    "ResultPath": catch.path,
                    "Next": handler if handler is not None else self._skip(nxt, states),
                }
            )
        outer = self.catch
        self.catch = catchers + outer
        start = self.sequence(step.body, nxt, states)
        self.catch = outer
        return start

    def _catchers(self) -> dict[str, Any]:
        return {"Catch": [dict(c) for c in self.catch]} if self.catch else {}

    def _catching(self, state: dict[str, Any]) -> dict[str, Any]:
        state.update(self._catchers())
        return state

    def _catcher_of(self, error: str) -> dict[str, Any] | None:
        for catcher in self.catch:
            if error in catcher["ErrorEquals"] or "States.ALL" in catcher["ErrorEquals"]:
                return catcher
        return None

    # ---------------------------------------------------------------- data

    def set_step(self, step: m.Set, name: str, nxt: Next, states: dict[str, Any]) -> None:
        value = step.value
        state: dict[str, Any] = {"Type": "Pass"}
        if isinstance(value, m.StatePath) and value.path.startswith("$$"):
            # A Pass state's result is an object when it reads paths: the value goes
            # under `value`, and a second Pass state puts it in place.
            keep = self.kept[id(step)]
            state["Parameters"] = {"value.$": value.path}
            state["ResultPath"] = step.path
            states[name] = self._chain(state, keep)
            states[keep] = self._chain(
                {"Type": "Pass", "InputPath": f"{step.path}.value", "ResultPath": step.path},
                nxt,
            )
            return
        if isinstance(value, m.StatePath):
            state["InputPath"] = value.path
        elif isinstance(value, m.DataMap) and _has_paths(value):
            state["Parameters"] = payload(value)
        else:
            state["Result"] = payload(value)
        state["ResultPath"] = step.path
        states[name] = self._chain(state, nxt)

    def _skip(self, nxt: Next, states: dict[str, Any]) -> str:
        """An empty branch goes straight on; at the very end it needs a state of its own."""
        if nxt is not None:
            return nxt
        name = self.name("Done")
        states[name] = {"Type": "Pass", "End": True}
        return name

    def task(self, step: m.Task, name: str, nxt: Next, states: dict[str, Any]) -> None:
        kind = step.kind
        target = self.resolve(kind, step.target)
        options = step.options
        shaped = payload(options.input) if options.input is not None else None
        state: dict[str, Any] = {"Type": "Task"}
        if kind == "function" and options.callback:
            state["Resource"] = "arn:aws:states:::lambda:invoke.waitForTaskToken"
            body: dict[str, Any] = (
                {cat.CALLBACK_INPUT_KEY: shaped}
                if shaped is not None
                else {f"{cat.CALLBACK_INPUT_KEY}.$": "$"}
            )
            body[f"{cat.CALLBACK_TOKEN_KEY}.$"] = "$$.Task.Token"
            state["Parameters"] = {"FunctionName": target["arn"], "Payload": body}
        elif kind == "function":
            state["Resource"] = "arn:aws:states:::lambda:invoke"
            state["Parameters"] = {"FunctionName": target["arn"], **_field("Payload", shaped)}
        elif kind == "model":
            state["Resource"] = "arn:aws:states:::bedrock:invokeModel"
            state["Parameters"] = {"ModelId": target["arn"], **_field("Body", shaped)}
        elif kind == "container":
            state["Resource"] = "arn:aws:states:::ecs:runTask.sync"
            state["Parameters"] = {
                "LaunchType": "FARGATE",
                "Cluster": target["cluster"],
                "TaskDefinition": target["task_definition"],
                "NetworkConfiguration": {
                    "AwsvpcConfiguration": {
                        "Subnets": target["subnets"],
                        "SecurityGroups": target["security_groups"],
                        "AssignPublicIp": target["public_ip"],
                    }
                },
            }
            if options.env:
                state["Parameters"]["Overrides"] = {
                    "ContainerOverrides": [
                        {
                            "Name": target["container"],
                            "Environment": [_env_entry(k, v) for k, v in options.env],
                        }
                    ]
                }
        elif kind == "queue":
            state["Resource"] = "arn:aws:states:::sqs:sendMessage"
            state["Parameters"] = {"QueueUrl": target["url"], **_field("MessageBody", shaped)}
            if target.get("message_group"):
                state["Parameters"]["MessageGroupId"] = target["message_group"]
        elif kind == "topic":
            state["Resource"] = "arn:aws:states:::sns:publish"
            state["Parameters"] = {"TopicArn": target["arn"], **_field("Message", shaped)}
            if target.get("message_group"):
                state["Parameters"]["MessageGroupId"] = target["message_group"]
        else:
            state["Resource"] = "arn:aws:states:::events:putEvents"
            state["Parameters"] = {
                "Entries": [
                    {
                        "EventBusName": target["name"],
                        "Source": target["source"],
                        "DetailType": target["detail_type"],
                        **_field("Detail", shaped),
                    }
                ]
            }
        if options.timeout is not None:
            state["TimeoutSeconds"] = options.timeout
        if options.heartbeat is not None:
            state["HeartbeatSeconds"] = options.heartbeat
        if options.retry:
            state["Retry"] = [
                {
                    "ErrorEquals": ["States.ALL"],
                    "IntervalSeconds": RETRY_INTERVAL,
                    "MaxAttempts": options.retry,
                    "BackoffRate": RETRY_BACKOFF,
                }
            ]
        result = options.result
        # The part of a function's or a model's answer that is the result.
        answer = {"function": "Payload", "model": "Body"}.get(kind)
        if answer is not None and not options.callback:
            if result is not None:
                # Keep the whole input and put the answer itself at the path.
                state["ResultSelector"] = {f"{answer}.$": f"$.{answer}"}
                state["ResultPath"] = result
                keep = self.kept[id(step)]
                states[name] = self._chain(self._catching(state), keep)
                states[keep] = self._chain(
                    {
                        "Type": "Pass",
                        "InputPath": f"{result}.{answer}",
                        "ResultPath": result,
                    },
                    nxt,
                )
                return
            state["OutputPath"] = f"$.{answer}"
        elif kind == "function":
            # A callback's answer is the output SendTaskSuccess sent.
            if result is not None:
                state["ResultPath"] = result
        else:
            state["ResultPath"] = result
        states[name] = self._chain(self._catching(state), nxt)


def _keeps_result(step: m.Task) -> bool:
    """An `invoke` with `result = $.path` adds a Pass state that places the result."""
    return (
        step.kind in ("function", "model")
        and not step.options.callback
        and step.options.result is not None
    )


def _set_keeps(step: m.Set) -> bool:
    """`set $.x = $$.Path` adds a Pass state that places the value."""
    return isinstance(step.value, m.StatePath) and step.value.path.startswith("$$")


def _has_paths(value: m.Data) -> bool:
    if isinstance(value, m.StatePath):
        return True
    if isinstance(value, m.DataMap):
        return any(_has_paths(v) for _, v in value.entries)
    if isinstance(value, tuple):
        return any(_has_paths(v) for v in value)
    return False


def payload(value: m.Data) -> Any:
    """A value as a States Language payload template: a key read from a path ends in `.$`."""
    if isinstance(value, m.DataMap):
        out: dict[str, Any] = {}
        for key, v in value.entries:
            if isinstance(v, m.StatePath):
                out[f"{key}.$"] = v.path
            else:
                out[key] = payload(v)
        return out
    if isinstance(value, tuple):
        return [payload(v) for v in value]
    if isinstance(value, m.StatePath):
        return value.path
    return value


def _field(name: str, shaped: Any) -> dict[str, Any]:
    """A task's input field: the shaped input, or the whole state."""
    return {f"{name}.$": "$"} if shaped is None else {name: shaped}


def _env_entry(key: str, value: m.Data) -> dict[str, Any]:
    """A container override. ECS takes strings only, so a path's value is formatted as
    one (`States.Format` writes a number or a bool as its text, a string as itself)."""
    if isinstance(value, m.StatePath):
        return {"Name": key, "Value.$": f"States.Format('{{}}', {value.path})"}
    return {"Name": key, "Value": payload(value)}


# The placeholder of a literal `${`: plan placeholders end in an attribute's name
# (`OrdersArn`) or are `ValueN`, so none is spelled like it.
DOLLAR_BRACE = "DollarBrace"


def placeholders(definition: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The definition with `${Name}` placeholders where plan values were, and the values.

    Targets that substitute values into a definition (CloudFormation's
    `DefinitionSubstitutions`) share these names, so their templates agree. A literal
    `${` (a `fail` message, a string a condition compares, a state named after one)
    would be read as a placeholder: it is written `${DollarBrace}` and substituted
    by the text `${`, which substitution (one pass) leaves as it is.
    """
    subs: dict[str, Any] = {}

    def literal(text: str) -> str:
        if "${" not in text:
            return text
        subs[DOLLAR_BRACE] = "${"
        return text.replace("${", "${" + DOLLAR_BRACE + "}")

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return literal(value)
        if isinstance(value, dict):
            return {literal(k): swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, Ref):
            key = value.node + value.attr.title().replace("_", "")
            subs[key] = value
            return "${" + key + "}"
        if isinstance(value, Sub | Param | Pseudo):
            key = f"Value{len(subs) + 1}"
            subs[key] = value
            return "${" + key + "}"
        return value

    return swap(definition), dict(sorted(subs.items()))


def reading_order(start: str, states: dict[str, Any]) -> dict[str, Any]:
    """States breadth first from the start, the order a reader follows them."""
    seen = [start]
    i = 0
    while i < len(seen):
        state = states[seen[i]]
        hops = [c["Next"] for c in state.get("Choices", [])]
        hops += [state[k] for k in ("Default", "Next") if k in state]
        hops += [c["Next"] for c in state.get("Catch", [])]
        seen.extend(h for h in hops if h not in seen)
        i += 1
    seen.extend(name for name in states if name not in seen)
    return {name: states[name] for name in seen}


# ---------------------------------------------------------------- conditions


def condition(cond: m.Condition) -> dict[str, Any]:
    if isinstance(cond, m.And):
        return {"And": [condition(c) for c in cond.operands]}
    if isinstance(cond, m.Or):
        return {"Or": [condition(c) for c in cond.operands]}
    if isinstance(cond, m.Not):
        return {"Not": condition(cond.operand)}
    if isinstance(cond, m.Exists):
        return {"Variable": cond.path, "IsPresent": True}
    if cond.op == "!=":
        return {"Not": {"Variable": cond.path, OPS[cond.type]["=="]: cond.value}}
    return {"Variable": cond.path, OPS[cond.type][cond.op]: cond.value}


def condition_text(cond: m.Condition) -> str:
    """A short readable form of a condition for a Choice state's name."""
    text = " ".join(cond.span.text.split())
    return text if len(text) <= 60 else text[:57] + "..."
