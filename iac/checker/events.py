"""Event edges, shorthand schedules, dead-letter queues and program-wide rules."""

from __future__ import annotations

import re
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from ..source import Span
from .base import _describe, _fmt_seconds, _show_char
from .kinds import KindRules


class EventRules(KindRules):
    def _implicit_resources(self) -> None:
        """Dead-letter queues, each placed right after the queue it serves."""
        ordered: dict[str, m.Resource] = {}
        for res in list(self.resources.values()):
            ordered[res.name] = res
            if res.kind == "queue" and res.attrs.get("max_receives") is not None:
                name = f"{res.name}_dlq"
                if self.kinds.get(name) != "queue" or name in self.resources:
                    continue
                attrs = {a.name: a.default for a in cat.KINDS["queue"].attrs}
                attrs.update(retention=14 * cat.DAY, fifo=res.attrs["fifo"])
                ordered[name] = m.Resource("queue", name, res.span, attrs, implicit=True)
        self.resources.clear()
        self.resources.update(ordered)

    # ================================================================ events

    def _on(self, st: s.OnDecl) -> None:
        source = st.source.text
        kind_name = self.kinds.get(source)
        if kind_name is None:
            guess = self._guess(source, [n for n, k in self.kinds.items() if cat.KINDS[k].events])
            self.error(
                "E105",
                f"`{source}` is not declared",
                st.source.span,
                note=f"did you mean `{guess}`?" if guess else "",
            )
            return
        self.used.add(source)
        kind = cat.KINDS[kind_name]
        event = kind.event(st.event.text)
        if event is None:
            if not kind.events:
                self.error(
                    "E111",
                    f"a {kind_name} has no events",
                    st.event.span,
                    hints=(
                        "kinds with events: "
                        + one_of(k.name for k in cat.KINDS.values() if k.events),
                    ),
                )
            else:
                self._unknown(
                    "E111",
                    "event",
                    st.event,
                    [e.name for e in kind.events],
                    context=f" on {kind_name} `{source}`",
                    extra="events",
                )
            return
        if not self._target(st.target, event.targets, f"`{kind_name}.{event.name}`"):
            return
        filters = self._filters(st, event)
        options = self._attributes(st.options, event.options, f"`{kind_name}.{event.name}`")
        if kind_name == "table" and event.name == "changed":
            table = self.resources.get(source)
            if table is not None and not table.attrs.get("stream"):
                decl = self.decls[source]
                self.error(
                    "E120",
                    f"table `{source}` has no stream, so it has no `changed` events",
                    st.event.span,
                    labels=[Label(decl.name.span, "declared here")],
                    hints=(f"add `stream = true` to table `{source}`",),
                )
                return
        if not self._fifo_delivery(st, kind_name) or not self._batching(st, kind_name, options):
            return
        self._add_edge(source, event.name, st.target.text, filters, options, st.span)

    def _eventbridge_to_fifo_topic(self, st: s.OnDecl) -> bool:
        target = self.resources.get(st.target.text)
        if target is None or target.kind != "topic" or not target.attrs.get("fifo"):
            return True
        decl = self.decls.get(target.name)
        labels = [Label(decl.name.span, f"topic `{target.name}` declared here")] if decl else []
        self.error(
            "E141",
            f"an EventBridge rule can't publish to FIFO topic `{target.name}`: "
            "it can't set the message group id a FIFO topic needs",
            st.target.span,
            labels=labels,
            hints=("deliver to a FIFO queue instead, or make the topic standard",),
        )
        return False

    def _fifo_delivery(self, st: s.OnDecl, kind_name: str) -> bool:
        """SNS delivers a FIFO topic only to FIFO queues, and a standard topic never to one;
        an EventBridge rule can't publish to a FIFO topic (CloudFormation's rule target has
        no SNS parameters to carry the message group id it needs)."""
        if kind_name in ("bucket", "bus", "schedule"):
            return self._eventbridge_to_fifo_topic(st)
        if kind_name != "topic":
            return True
        topic, target = self.resources.get(st.source.text), self.resources.get(st.target.text)
        if topic is None or target is None:
            return True
        fifo_topic = bool(topic.attrs.get("fifo"))
        fifo_queue = target.kind == "queue" and bool(target.attrs.get("fifo"))
        if fifo_topic == fifo_queue:
            return True
        decl = self.decls.get(target.name)
        labels = (
            [Label(decl.name.span, f"{target.kind} `{target.name}` declared here")]
            if decl is not None
            else []  # a dead-letter queue: made by the compiler
        )
        if fifo_topic:
            message = (
                f"FIFO topic `{topic.name}` can only deliver to FIFO queues, "
                f"and {target.kind} `{target.name}` is not one"
            )
            hint = "subscribe a queue with `fifo = true`, or make the topic standard"
        else:
            message = f"standard topic `{topic.name}` can't deliver to FIFO queue `{target.name}`"
            hint = f"set `fifo = true` on topic `{topic.name}`, or make the queue standard"
        self.error("E141", message, st.target.span, labels=labels if decl else [], hints=(hint,))
        return False

    def _batching(self, st: s.OnDecl, kind_name: str, options: dict[str, Any]) -> bool:
        """What Lambda accepts of a queue's batches: over 10 messages only with a window of
        at least 1s; from a FIFO queue, at most 10 and no window."""
        if kind_name != "queue":
            return True
        queue = self.resources.get(st.source.text)
        batch, window = options.get("batch"), options.get("window")
        if queue is None or batch is None or window is None:
            return True
        limit = cat.QUEUE_BATCH_WITHOUT_WINDOW
        spans = {i.name.text: i.span for i in st.options if isinstance(i, s.Attribute)}
        if queue.attrs.get("fifo"):
            if batch > limit:
                self.error(
                    "E142",
                    f"a FIFO queue hands Lambda at most {limit} messages at a time",
                    spans.get("batch", st.span),
                    note=f"this is {batch}",
                    hints=(f"set `batch` to {limit} or less",),
                )
                return False
            if window > 0:
                self.error(
                    "E142",
                    "Lambda takes no batching window from a FIFO queue",
                    spans.get("window", st.span),
                    hints=("remove `window`",),
                )
                return False
        elif batch > limit and window < 1:
            self.error(
                "E142",
                f"a batch of more than {limit} messages needs a batching window",
                spans.get("batch", st.span),
                note=f"this is {batch}",
                hints=(f"add `window = 1s` (or more), or set `batch` to {limit} or less",),
            )
            return False
        return True

    def _filters(self, st: s.OnDecl, event: cat.Event) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        names = [f.name for f in event.filters]
        for f in st.filters:
            if not event.free_filters and f.name.text not in names:
                if not names:
                    self.error("E134", f"`{event.name}` events take no filters", f.span)
                    continue
                self._unknown("E134", "filter", f.name, names, extra="filters")
                continue
            if f.name.text in out:
                self.error("E103", f"filter `{f.name.text}` is given twice", f.name.span)
                continue
            values: list[str] = []
            listed = isinstance(f.value, s.ListV) and event.free_filters
            items = f.value.items if isinstance(f.value, s.ListV) and listed else (f.value,)
            for v in items:
                if isinstance(v, s.Str) and v.is_plain:
                    values.append(v.plain)
                else:
                    expected = "a string or a list of strings" if event.free_filters else "a string"
                    self.error("E107", f"filter `{f.name.text}` takes {expected}", v.span)
            if values:
                out[f.name.text] = tuple(values)
        return out

    def _add_edge(
        self,
        source: str,
        event: str,
        target: str,
        filters: dict[str, tuple[str, ...]],
        options: dict[str, Any],
        span: Span,
    ) -> None:
        key = (source, event, target)
        # Rules per edge may repeat a pair with other filters; mappings, subscriptions
        # and a schedule's targets can't.
        if key in self.edge_spans and self.kinds.get(source) in (
            "queue",
            "table",
            "topic",
            "schedule",
        ):
            self.error(
                "E137",
                f"`{source}.{event} -> {target}` is declared twice",
                span,
                labels=[Label(self.edge_spans[key], "first declared here")],
            )
            return
        self.edge_spans.setdefault(key, span)
        self.edge_counts[key] = index = self.edge_counts.get(key, 0) + 1
        self.edges.append(m.Edge(source, event, target, filters, options, span, index))

    def _shorthand(self, st: s.EveryDecl | s.CronDecl) -> None:
        name = self.shorthand_names.get(id(st))  # given by the declaration pass
        if isinstance(st, s.EveryDecl):
            spec = cat.KINDS["schedule"].attr("rate")
            assert spec
            rate = self._value(st.rate, spec)
            attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
            attrs["rate"] = rate
        else:
            self._cron(st.expression.plain if st.expression.is_plain else None, st.expression.span)
            attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
            attrs["cron"] = st.expression.plain
        if name is None or self.kinds.get(name) != "schedule" or name in self.resources:
            return
        event = cat.KINDS["schedule"].event("tick")
        assert event
        if not self._target(st.target, event.targets, "`schedule.tick`"):
            return
        self._attributes(st.options, (), "a schedule")
        self.resources[name] = m.Resource("schedule", name, st.span, attrs, implicit=True)
        self._add_edge(name, "tick", st.target.text, {}, {}, st.span)

    # ================================================================ program-wide rules

    def _cycles(self) -> None:
        """Resources that refer to each other in a circle (`a`'s name holds `b.arn`, `b`'s
        env holds `a.name`): no target can create either first."""
        state: dict[str, int] = {}  # 1: on the path, 2: done
        path: list[tuple[str, Span | None]] = []
        reported: set[frozenset[str]] = set()

        def visit(name: str) -> None:
            state[name] = 1
            for dep, span in self.depends.get(name, ()):
                if state.get(dep) == 1:
                    names = [n for n, _ in path[[n for n, _ in path].index(dep) :]] + [name]
                    ring = frozenset(names)
                    if len(ring) > 1 and ring not in reported:
                        reported.add(ring)
                        self.error(
                            "E145",
                            "these resources refer to each other in a circle: "
                            + " -> ".join(f"`{n}`" for n in [*names, dep]),
                            span,
                            hints=(
                                "no target can create one of them first; pass one of the "
                                "values at run time instead (a param, or a name the code "
                                "builds)",
                            ),
                        )
                elif dep not in state:
                    path.append((name, span))
                    visit(dep)
                    path.pop()
            state[name] = 2

        for name in list(self.depends):
            if name not in state:
                path.clear()
                visit(name)

    def _cross_rules(self) -> None:
        self._cycles()
        for edge in self.edges:
            if edge.event != "message" or self.kinds.get(edge.source) != "queue":
                continue
            queue, fn = self.resources.get(edge.source), self.resources.get(edge.target)
            if queue is None or fn is None or fn.kind != "function":
                continue
            vis, timeout = queue.attrs.get("visibility_timeout"), fn.attrs.get("timeout")
            if vis is None or timeout is None or vis >= timeout:
                continue
            qdecl, fdecl = self.decls.get(queue.name), self.decls.get(fn.name)
            q_span = self.attr_span(qdecl, "visibility_timeout") if qdecl else queue.span
            f_span = self.attr_span(fdecl, "timeout") if fdecl else fn.span
            self.error(
                "E114",
                f"queue `{queue.name}` hides a message for {_fmt_seconds(vis)}, "
                f"less than the {_fmt_seconds(timeout)} function `{fn.name}` may take",
                q_span,
                note=f"visibility timeout {_fmt_seconds(vis)}",
                labels=[
                    Label(f_span, f"function `{fn.name}` times out after {_fmt_seconds(timeout)}"),
                    Label(edge.span, "the queue feeds the function here"),
                ],
                hints=(
                    f"set `visibility_timeout = {_fmt_seconds(timeout * 6)}` on `{queue.name}` "
                    "(AWS advises six times the function timeout)",
                ),
            )

    def _prefix_names(self, prefix: Any) -> None:
        """The prefix is part of every generated physical name: its characters must suit
        each service that takes one (a bucket's lower case, a state machine's no spaces)."""
        decl = self.app_decl
        if decl is None or prefix is None:
            return
        span = next(
            (
                i.value.span
                for i in decl.items
                if isinstance(i, s.Attribute) and i.name.text == "prefix"
            ),
            None,
        )
        if span is None:
            return
        parts = prefix.parts if isinstance(prefix, m.Interp) else (prefix,)
        literal = "".join(p for p in parts if isinstance(p, str))
        reported: set[str] = set()
        for res in self.resources.values():
            rule = cat.NAME_RULES.get(res.kind)
            if rule is None or res.attrs.get("name") is not None or res.kind in reported:
                continue
            bad = next((c for c in literal if not re.match(f"[{rule.chars}]", c)), None)
            if bad is None:
                continue
            reported.add(res.kind)
            shown = "a space" if bad == " " else f"`{_show_char(bad)}`"
            self.error(
                "E140",
                f"the prefix makes the name of {res.kind} `{res.name}`, and {rule.service} "
                f"can't hold {shown}",
                span,
                hints=(
                    f"{rule.service} takes {rule.chars_doc}"
                    + ("" if res.implicit else f"; or give `{res.name}` its own `name`"),
                ),
            )

    def _stream_refs(self) -> None:
        """`t.stream_arn` exists only on a table with `stream = true`."""
        for name, span in self.stream_refs:
            table = self.resources.get(name)
            if table is None or table.attrs.get("stream"):
                continue
            self.error(
                "E120",
                f"table `{name}` has no stream, so it has no `stream_arn`",
                span,
                labels=[Label(self.decls[name].name.span, "declared here")],
                hints=(f"add `stream = true` to table `{name}`",),
            )

    def _output(self, st: s.OutputDecl) -> m.Output | None:
        v = st.value
        if isinstance(v, s.Ref):
            ref = self._ref(v)
            return m.Output(st.name.text, ref, st.span) if ref else None
        if isinstance(v, s.Str):
            return m.Output(st.name.text, self._string(v), st.span)
        if isinstance(v, s.Num | s.Bool):
            text = str(v.value).lower() if isinstance(v, s.Bool) else str(v.value)
            return m.Output(st.name.text, text, st.span)
        self.error("E107", f"an output is a string or an attribute, not {_describe(v)}", v.span)
        return None

    def _warnings(self, statements: list[s.Statement]) -> None:
        if self.diags.has_errors:
            return
        network = next(
            (
                i
                for i in (self.app_decl.items if self.app_decl else ())
                if isinstance(i, s.Nested) and i.name.text == "network"
            ),
            None,
        )
        if network is not None and not any(r.kind == "container" for r in self.resources.values()):
            self.diags.warning(
                "W003",
                "the app's `network` is not used: only containers run in it",
                network.name.span,
                hints=("remove it, or declare the containers that should run there",),
            )
        for name, decl in self.param_decls.items():
            if name not in self.used and not _mentions(self.app_decl, name):
                self.diags.warning("W001", f"param `{name}` is never used", decl.name.span)
        for name, res in self.resources.items():
            if res.implicit or res.kind == "api" or name in self.used:
                continue
            declared = self.decls.get(name)
            if declared is None:
                continue
            self.diags.warning(
                "W002",
                f"{res.kind} `{name}` is not used: nothing refers to it or triggers it",
                declared.name.span,
            )


def _mentions(app: s.AppDecl | None, name: str) -> bool:
    if app is None:
        return False
    return any(
        isinstance(p, s.Ref) and p.name.text == name
        for item in app.items
        if isinstance(item, s.Attribute) and isinstance(item.value, s.Str)
        for p in item.value.parts
    ) or any(
        isinstance(item, s.Attribute)
        and isinstance(item.value, s.Ref)
        and item.value.name.text == name
        for item in app.items
    )
