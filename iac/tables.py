"""Generates what ships pre-built in the package: `iac/_parser_tables.py`, the LALR
tables the parser loads, from grammar/iac.lark; `iac/_templates/`, every target's
templates compiled to Python (iac/emit/compiled.py); `iac/_records.py`, the
`__init__` of every `@record` class (iac/records.py); and `iac/_cli_table.py`, the
command lines `iac` reads without click (iac/commands.py). `python -m iac.tables
--regenerate` after a grammar or template change; `--check` says whether what ships
matches the sources (a test runs it)."""

from __future__ import annotations

import json
import re
import re._constants as re_constants
import re._parser as re_parser
import sys
from pathlib import Path
from typing import Any

from lark import Lark
from lark.grammar import Rule
from lark.lexer import PatternStr, _create_unless
from lark.parsers.lalr_analysis import Reduce, Shift

from .emit.compiled import COMPILED, render_compiled
from .emit.registry import names, target_class
from .parser import REGENERATE, TABLES, _grammar
from .resources import data_dir

_LARK_OPTIONS: dict[str, Any] = {
    "parser": "lalr",
    "lexer": "contextual",
    "propagate_positions": True,
    "maybe_placeholders": False,
}


class _Brackets:
    """Stands for the engine's bracket post-lexer when Lark builds the lexers: a
    newline is let through in every state (the engine drops it inside `( )`, `[ ]`)."""

    always_accept = ("_NL",)

    def process(self, stream: Any) -> Any:
        return stream


def render_tables(grammar: str) -> str:
    """The text of `_parser_tables.py` for `grammar`: the same in every run. Python
    literals, not JSON: the module's bytecode (compiled when the wheel is installed)
    loads in a third of the time `json.loads` took, at every start-up. What it holds
    is what JSON held (lists, never tuples)."""
    tables = json.loads(json.dumps({"grammar": grammar, **build_tables(grammar)}))
    head = f'"""The parser\'s tables, from grammar/iac.lark by `{REGENERATE}`: do not edit."""'
    return f"{head}\n\nTABLES = {_python(tables)}\n"


def _python(value: Any) -> str:
    """`value` as a Python literal, one value a line (as JSON with `indent=0`): a grammar
    change reads as a diff of the lines it changed."""
    if isinstance(value, dict):
        return "{\n" + "".join(f"{k!r}: {_python(v)},\n" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[\n" + "".join(f"{_python(v)},\n" for v in value) + "]"
    assert value is None or isinstance(value, str | int), value
    return repr(value)


def build_tables(grammar: str) -> dict[str, Any]:
    """What iac/parser.py's driver needs, taken from the parser Lark builds for `grammar`
    (LALR(1), contextual lexer): the terminals in the order Lark's lexer tries them, one
    lexer per distinct set of terminals a state accepts (what it tries, which keywords
    it reads out of a `NAME`, what an error says it allowed), the rules with what the
    tree builder keeps of each, and the action table, numbered canonically."""
    lark = Lark(grammar, postlex=_Brackets(), **_LARK_OPTIONS)
    root = lark.parser.lexer.lexer.root_lexer  # the contextual lexer, behind the post-lexer
    order = [t.name for t in root.terminals]  # Lark sorts them by priority, width, name
    rank = {name: i for i, name in enumerate(order)}
    by_name = {t.name: t for t in root.terminals}
    regexps = {t.name: t.pattern.to_regexp() for t in root.terminals}
    first = {name: _first_chars(r) for name, r in regexps.items()}
    ignore = sorted(root.ignore_types)

    def scanner_of(terminals: list[str]) -> tuple[list[str], dict[str, dict[str, str]]]:
        defs = sorted((by_name[n] for n in terminals), key=lambda t: rank[t.name])
        kept, callbacks = _create_unless(defs, 0, re, False)  # type: ignore[no-untyped-call]
        unless = {
            name: {t.pattern.value: t.name for t in cb.scanner.terminals}
            for name, cb in sorted(callbacks.items())
        }
        return [t.name for t in kept], unless

    root_scan, root_unless = scanner_of(order)
    rules, states, start, end = _canonical_table(lark.parser.parser.parser.parse_table)
    lexers: list[dict[str, Any]] = []
    lexer_ids: dict[str, int] = {}
    state_lexer = []
    for actions in states:
        accepts = set(actions) | set(ignore) | set(_Brackets.always_accept)
        terminals = sorted((n for n in accepts if n in rank), key=rank.__getitem__)
        key = " ".join(terminals)
        if key not in lexer_ids:
            scan, unless = scanner_of(terminals)
            # Terminals this lexer tries that the root lexer folds into `NAME`: where
            # one of them could match, the root lexer's answer is not this lexer's.
            extra = [n for n in scan if n not in root_scan]
            fast = [
                n
                for n in root_scan
                if n in scan
                and not any(rank[k] < rank[n] and _may_meet(first[k], first[n]) for k in extra)
            ]
            allowed = sorted(set(scan) - set(ignore)) or ["<END-OF-FILE>"]
            lexer_ids[key] = len(lexers)
            lexers.append({"scan": scan, "unless": unless, "allowed": allowed, "fast": fast})
        state_lexer.append(lexer_ids[key])
    return {
        # name, regular expression, and the keyword's text for a literal one
        "terminals": [[n, regexps[n], _literal(by_name[n])] for n in order],
        "ignore": ignore,
        "skip": _skip_pattern(order, regexps, first, ignore),
        "root": {"scan": root_scan, "unless": root_unless},
        "try_order": _try_order(root_scan, order, first),
        "lexers": lexers,
        "state_lexer": state_lexer,
        "rules": rules,
        "states": states,
        "start": start,
        "end": end,
    }


def _literal(terminal: Any) -> str | None:
    return terminal.pattern.value if isinstance(terminal.pattern, PatternStr) else None


def _canonical_table(table: Any) -> tuple[list[Any], list[dict[str, int]], int, int]:
    """Lark numbers states in the order of sets of objects hashed by address, so two runs
    give two numberings of one automaton. Renumber: rules by their text, states in
    breadth-first order from the start state, edges taken by symbol name. An action is
    one number: a shift to state `n` is `n`, a reduction by rule `r` is `-1 - r`.

    A rule is `[origin, callback, kind, symbols]`: the kind says what the tree builder
    makes of it (`inline`: its children go into the parent's, for `_rule`s; `expand`:
    its one child stands for it, for a `?rule`'s alternative; `node`: the builder's
    method `callback` makes it), a symbol is `[name, how]`, `how` 0 kept, 1 dropped
    (a filtered terminal such as `_NL`), 2 spliced (an inlined `_rule`)."""
    lark_rules = sorted(
        {arg for actions in table.states.values() for action, arg in actions.values()
         if action is Reduce},
        key=lambda r: (str(r), r.alias or ""),
    )  # fmt: skip
    rule_ids = {rule: i for i, rule in enumerate(lark_rules)}
    least = _least_children(lark_rules)
    rules = [_rule_entry(rule, least) for rule in lark_rules]
    start = table.start_states["start"]
    order: dict[int, int] = {}
    queue = [start]
    for state in queue:
        if state in order:
            continue
        order[state] = len(order)
        for _, (action, arg) in sorted(table.states[state].items()):
            if action is Shift:
                queue.append(arg)
    assert len(order) == len(table.states), "every LALR state is reachable from the start"
    states = []
    for old, _ in sorted(order.items(), key=lambda e: e[1]):
        actions = {}
        for symbol, (action, arg) in sorted(table.states[old].items()):
            actions[symbol] = order[arg] if action is Shift else -1 - rule_ids[arg]
        states.append(actions)
    return rules, states, order[start], order[table.end_states["start"]]


def _how(sym: Any) -> int:
    if sym.is_term:
        return 1 if sym.filter_out else 0
    return 2 if sym.name.startswith("_") else 0


def _least_children(rules: list[Rule]) -> dict[str, int]:
    """The fewest children each inlined `_rule` gives its parent in Lark's tree."""
    least = {r.origin.name: 1 << 30 for r in rules if r.origin.name.startswith("_")}
    changed = True
    while changed:
        changed = False
        for rule in rules:
            name = rule.origin.name
            if name in least:
                n = sum(least[s.name] if _how(s) == 2 else 1 - _how(s) for s in rule.expansion)
                if n < least[name]:
                    least[name] = n
                    changed = True
    return least


def _rule_entry(rule: Rule, least: dict[str, int]) -> list[Any]:
    symbols: list[tuple[str, int]] = [(str(sym.name), _how(sym)) for sym in rule.expansion]
    origin = rule.origin.name
    assert rule.expansion or origin == "start", "only `start` may be empty"
    if origin.startswith("_"):
        kind = "inline"
    elif rule.options.expand1 and not rule.alias:
        # Lark's tree builder puts a lone child in the rule's place: tell it here.
        kept = sum(least[n] if how == 2 else 1 - how for n, how in symbols)
        spliced = any(how == 2 for _, how in symbols)
        assert kept != 1 or not spliced, f"{rule}: a `?rule` whose size the parse decides"
        kind = "expand" if kept == 1 else "node"
    else:
        kind = "node"
    assert not rule.options.keep_all_tokens, f"{rule}: `!rule` is not supported"
    return [str(origin), str(rule.alias or origin), kind, symbols]


def _first_chars(regexp: str) -> frozenset[str] | None:
    """The characters a match of `regexp` can start with (ASCII), or None for "any"."""
    found, _ = _first(list(re_parser.parse(regexp)))
    return found


def _first(items: list[Any]) -> tuple[frozenset[str] | None, bool]:
    """The first characters of a sequence of parsed items, and whether it can be empty."""
    chars: set[str] = set()
    for op, av in items:
        if op is re_constants.LITERAL:
            return frozenset(chars | {chr(av)}), False
        if op is re_constants.IN:
            if any(o is not re_constants.LITERAL and o is not re_constants.RANGE for o, _ in av):
                return None, False
            for o, a in av:
                low, high = (a, a) if o is re_constants.LITERAL else a
                chars |= {chr(c) for c in range(low, high + 1)}
            return frozenset(chars), False
        if op is re_constants.SUBPATTERN:
            sub, empty = _first(list(av[-1]))
        elif op is re_constants.BRANCH:
            subs = [_first(list(b)) for b in av[1]]
            if any(f is None for f, _ in subs):
                return None, False
            sub = frozenset().union(*(f for f, _ in subs if f is not None))
            empty = any(e for _, e in subs)
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT):
            sub, empty = _first(list(av[2]))
            empty = empty or av[0] == 0
        elif op in (re_constants.ASSERT, re_constants.ASSERT_NOT, re_constants.AT):
            continue  # zero width
        else:
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _may_meet(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or bool(a & b)


# The terminals most programs are made of, tried first where that changes no answer.
_COMMON = ("NAME", "_NL", "LBRACE", "RBRACE", "EQUALS", "COLON", "DOT", "ARROW", "STRING")


def _try_order(scan: list[str], order: list[str], first: dict[str, Any]) -> list[str]:
    """The root lexer's terminals in an order for its one expression that gives the same
    first match as Lark's order (two terminals that can start with the same character
    keep their order) but tries common ones early: an alternative costs a try."""
    placed: list[str] = []

    def place(name: str) -> None:
        if name in placed:
            return
        for earlier in order[: order.index(name)]:
            if earlier in scan and _may_meet(first[earlier], first[name]):
                place(earlier)
        placed.append(name)

    for name in [*(n for n in _COMMON if n in scan), *scan]:
        place(name)
    return placed


def _skip_pattern(
    order: list[str], regexps: dict[str, str], first: dict[str, Any], ignore: list[str]
) -> str:
    """A regular expression for the blanks the driver may skip before a token without
    asking the lexer of the state: an ignored terminal that is a run of characters
    (`WS`), where every lexer tries it before any other terminal that could start with
    one of them. Comments and the like come as ignored tokens (a repeated group of
    alternatives would cost every token more than they do)."""
    parts = []
    for name in ignore:
        chars = first[name]
        items = list(re_parser.parse(regexps[name]))
        while len(items) == 1 and items[0][0] is re_constants.SUBPATTERN:
            items = list(items[0][1][-1])
        run = (
            len(items) == 1
            and items[0][0] is re_constants.MAX_REPEAT
            and items[0][1][1] is re_constants.MAXREPEAT
            and len(items[0][1][2]) == 1
            and items[0][1][2][0][0] is re_constants.IN
        )
        if chars is None or not run:
            continue
        before = [first[n] for n in order[: order.index(name)]]
        if any(_may_meet(f, chars) for f in before):
            continue
        parts.append(re.escape("".join(sorted(chars))))
    return f"[{''.join(parts)}]*+" if parts else ""


def render_templates() -> dict[Path, str]:
    """Every compiled template file, by path under `iac/_templates/`."""
    files = {COMPILED / "README.txt": _COMPILED_README}
    for name in names():
        for file, text in render_compiled(target_class(name), data_dir("targets") / name).items():
            files[COMPILED / name / file] = text
    return files


_COMPILED_README = "Generated by `python -m iac.tables --regenerate` from targets/: do not edit.\n"


RECORDS = Path(__file__).with_name("_records.py")


def render_records() -> str:
    """The text of `_records.py`: every record of the modules that define them."""
    import importlib

    from . import records

    for module in records.MODULES:
        importlib.import_module(module)
    return records.render_generated(records.REGISTRY)


CLI_TABLE = Path(__file__).with_name("_cli_table.py")


def render_cli_table() -> str:
    """The text of `_cli_table.py`: the command lines iac/commands.py reads without
    click, from iac/cli.py's declarations (`iac.cli.table`)."""
    import pprint

    from .cli import table

    return (
        '"""Generated by `python -m iac.tables --regenerate` from iac/cli.py: what\n'
        "iac/commands.py's `main` reads without click. Per command: its arguments (name,\n"
        "nargs) and each spelling of each option: (name, kind, what it accepts: None for\n"
        'a string, the choices, or the least integer; its value when not given). Do not edit."""\n'
        "\n# ruff: noqa\n\n"
        f"TABLE = {pprint.pformat(table(), width=99)}\n"
    )


def stale_templates() -> list[Path]:
    """Compiled template files that differ from what the sources give, are missing,
    or are left over from a template that is gone."""
    fresh = render_templates()
    shipped = {p for p in COMPILED.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    stale = [p for p, text in fresh.items() if not p.is_file() or p.read_text("utf-8") != text]
    return sorted(stale + sorted(shipped - set(fresh)))


def main(argv: list[str]) -> int:
    """`--regenerate` writes the tables and the compiled templates; `--check` says
    whether they match the grammar and the templates."""
    text = render_tables(_grammar())
    if argv == ["--regenerate"]:
        TABLES.write_text(text, encoding="utf-8")
        print(f"wrote {TABLES}")
        for path in stale_templates():
            path.unlink(missing_ok=True)
        for path, body in render_templates().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        print(f"wrote {COMPILED}")
        RECORDS.write_text(render_records(), encoding="utf-8")
        print(f"wrote {RECORDS}")
        CLI_TABLE.write_text(render_cli_table(), encoding="utf-8")
        print(f"wrote {CLI_TABLE}")
        return 0
    if argv == ["--check"]:
        status = 0
        if not (TABLES.is_file() and TABLES.read_text(encoding="utf-8") == text):
            print(f"{TABLES} does not match grammar/iac.lark: run `{REGENERATE}`", file=sys.stderr)
            status = 1
        for path in stale_templates():
            print(f"{path} does not match targets/: run `{REGENERATE}`", file=sys.stderr)
            status = 1
        if not (RECORDS.is_file() and RECORDS.read_text(encoding="utf-8") == render_records()):
            print(f"{RECORDS} does not match the records: run `{REGENERATE}`", file=sys.stderr)
            status = 1
        if not (CLI_TABLE.is_file() and CLI_TABLE.read_text("utf-8") == render_cli_table()):
            print(f"{CLI_TABLE} does not match iac/cli.py: run `{REGENERATE}`", file=sys.stderr)
            status = 1
        return status
    print("usage: python -m iac.tables --regenerate | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
