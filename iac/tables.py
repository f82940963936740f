"""Generates `iac/_parser_tables.json`, the LALR tables the parser loads, from
grammar/iac.lark: `python -m iac.tables --regenerate` after a grammar change;
`--check` says whether the shipped tables match the grammar (a test runs it)."""

from __future__ import annotations

import json
import sys
from typing import Any

from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from .parser import _LARK_OPTIONS, REGENERATE, TABLES, _Brackets, _digest, _grammar


def render_tables(grammar: str) -> str:
    """The text of `_parser_tables.json` for `grammar`: the same in every run."""
    parser = Lark(grammar, postlex=_Brackets(), **_LARK_OPTIONS)
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"].pop("postlex")  # an object of ours, passed again at load time
    data["parser"]["parser"] = _canonical_table(data["parser"]["parser"])
    tables = {"grammar_sha256": _digest(grammar), "data": data, "memo": memo}
    # One value a line: a grammar change reads as a diff of the lines it changed.
    return json.dumps(tables, indent=0, ensure_ascii=True) + "\n"


def _canonical_table(table: dict[str, Any]) -> dict[str, Any]:
    """Lark numbers tokens and states in the order of sets of objects hashed by
    address, so two runs give two numberings of one automaton. Renumber: tokens by
    name, states in breadth-first order from the start state, edges taken by token
    name. The same grammar then gives the same text in every run."""
    names: dict[int, str] = table["tokens"]
    token_ids = {name: i for i, name in enumerate(sorted(names.values()))}
    states: dict[int, dict[int, tuple[int, Any]]] = table["states"]
    order: dict[int, int] = {}
    queue = [table["start_states"][k] for k in sorted(table["start_states"])]
    for state in queue:
        if state in order:
            continue
        order[state] = len(order)
        edges = sorted(states[state].items(), key=lambda e: names[e[0]])
        queue.extend(arg for _, (action, arg) in edges if action == 0)  # 0: shift
    assert len(order) == len(states), "every LALR state is reachable from the start"
    new_states = {}
    for old, new in sorted(order.items(), key=lambda e: e[1]):
        actions = {}
        for tok, (action, arg) in sorted(states[old].items(), key=lambda e: names[e[0]]):
            actions[token_ids[names[tok]]] = (action, order[arg] if action == 0 else arg)
        new_states[new] = actions
    return {
        "tokens": {i: name for name, i in token_ids.items()},
        "states": new_states,
        "start_states": {k: order[v] for k, v in sorted(table["start_states"].items())},
        "end_states": {k: order[v] for k, v in sorted(table["end_states"].items())},
    }


def main(argv: list[str]) -> int:
    """`--regenerate` writes the tables; `--check` says whether they match the grammar."""
    text = render_tables(_grammar())
    if argv == ["--regenerate"]:
        TABLES.write_text(text, encoding="utf-8")
        print(f"wrote {TABLES}")
        return 0
    if argv == ["--check"]:
        if TABLES.is_file() and TABLES.read_text(encoding="utf-8") == text:
            return 0
        print(f"{TABLES} does not match grammar/iac.lark: run `{REGENERATE}`", file=sys.stderr)
        return 1
    print("usage: python -m iac.tables --regenerate | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
