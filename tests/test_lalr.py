"""The parser's engine (iac/lalr.py) against Lark itself: on the examples, the test
programs and thousands of mutations of them, the engine builds the tree Lark's LALR
parser builds (same nodes, children and positions) and fails where Lark fails, with
the same error, position, token and expected terminals."""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from iac import lalr, parser
from iac.tables import _LARK_OPTIONS

REPO = Path(__file__).resolve().parent.parent


class _Brackets:
    """The bracket post-lexer the engine folds in, as it was written for Lark."""

    always_accept = ("_NL",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        stack: list[str] = []
        for tok in stream:
            if tok.type in ("LPAR", "LSQB", "LBRACE"):
                stack.append(tok.type)
            elif tok.type in ("RPAR", "RSQB", "RBRACE"):
                if stack:
                    stack.pop()
            elif tok.type == "_NL" and stack and stack[-1] != "LBRACE":
                continue
            yield tok


@lru_cache(maxsize=1)
def _lark() -> Lark:
    return Lark(parser._grammar(), postlex=_Brackets(), **_LARK_OPTIONS)


def _from_lark(node: Any) -> Any:
    if isinstance(node, Token):
        return (node.type, str(node), node.start_pos, node.end_pos)
    assert isinstance(node, Tree)
    meta = node.meta
    where = (0, 0) if meta.empty else (meta.start_pos, meta.end_pos)
    kids = [_from_lark(c) for c in node.children if not (isinstance(c, Token) and c.type in _PUNCT)]
    return (node.data, *where, kids)


_PUNCT = frozenset(parser._PUNCT)


def _from_engine(node: Any) -> Any:
    if isinstance(node, lalr.Tok):
        return (node.type, node.value, node.start_pos, node.end_pos)
    return node


@lru_cache(maxsize=1)
def _tree_builder() -> object:
    """A builder whose every method makes Lark's tree, as tuples."""

    def make(name: str) -> lalr.Callback:
        return lambda self, start, end, kids: (name, start, end, [_from_engine(k) for k in kids])

    methods = {name: make(name) for _, _, _, name, _ in parser._engine().rules}
    return type("TreeBuilder", (), methods)()


def _error(err: UnexpectedInput) -> tuple[Any, ...]:
    if isinstance(err, UnexpectedCharacters):
        return ("chars", err.pos_in_stream, frozenset(err.allowed))
    assert isinstance(err, UnexpectedToken)
    tok = err.token
    return (
        "token",
        (tok.type, str(tok), tok.start_pos, tok.end_pos),
        frozenset(err.expected),
        frozenset(err.accepts or ()),
    )


def _outcome_lark(text: str) -> Any:
    try:
        return _from_lark(_lark().parse(text))
    except UnexpectedInput as err:
        return _error(err)


def _outcome_engine(text: str) -> Any:
    try:
        return parser._engine().parse(text, _tree_builder(), 10**9)
    except lalr.UnexpectedCharacters as err:
        return ("chars", err.pos_in_stream, err.allowed)
    except lalr.UnexpectedToken as err:
        tok = err.token
        return (
            "token",
            (tok.type, tok.value, tok.start_pos, tok.end_pos),
            err.expected,
            frozenset(err.accepts),
        )


def _programs() -> list[str]:
    files = sorted([*REPO.glob("examples/**/*.iac"), *REPO.glob("tests/**/*.iac")])
    return [f.read_text(encoding="utf-8") for f in files]


_PIECES = (
    "{", "}", "(", ")", "[", "]", ",", ":", "=", ".", "->", "\n", " ", "\r\n", "\t", "\f",
    "key", "sort", "index", "set", "missing", "invoke", "send", "GET", "/x", "//c", "#c",
    "\\\n", '"', '"s"', "5m", "1.5h", "3xyz", "12", "$.a", "if", "else", "try", "catch",
    "not", "and", "or", "order", "app", "apple", "workflow", "on", "every", "cron",
    "output", "param", "queue", "^", "é", "wait", "until", "exists", "prefix", "==", "<",
    "true", "allow", "as", "for", "each",
)  # fmt: skip


def _mutations(seed: int, count: int) -> Iterator[str]:
    rng = random.Random(seed)
    programs = _programs()
    for _ in range(count):
        chars = list(rng.choice(programs))
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(chars))
            roll = rng.random()
            if roll < 0.4:
                del chars[at : at + rng.randint(1, 6)]
            elif roll < 0.8:
                chars[at:at] = rng.choice(_PIECES)
            else:
                other = rng.randint(0, len(chars))
                chars[at:at] = chars[other : other + rng.randint(1, 30)]
        yield "".join(chars)


def test_the_engine_builds_larks_tree_for_every_program() -> None:
    programs = _programs()
    assert len(programs) > 100
    for text in programs:
        assert _outcome_engine(text) == _outcome_lark(text)


@pytest.mark.parametrize("seed", range(4))
def test_the_engine_fails_where_lark_fails_with_the_same_error(seed: int) -> None:
    failures = 0
    for text in _mutations(seed, 400):
        expected = _outcome_lark(text)
        assert _outcome_engine(text) == expected, text
        failures += expected[0] in ("chars", "token")
    assert failures > 100  # the mutations do reach the error paths


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "workflow w {\n  order = 1\n  if $.a > 1 order\n}\n",  # `or` read out of `order`
        "api a {\n  GET // not a comment here\n}\n",  # `/` is a route path after a method
        "queue q // a comment\n",
        "queue q { x = [1,\n 2] }\n",
        "queue q { x = 1 } \\\n",
        "allow",
        "queue q \\x",
    ],
)
def test_corner_cases_match_lark(text: str) -> None:
    assert _outcome_engine(text) == _outcome_lark(text)
