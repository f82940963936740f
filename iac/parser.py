"""Text to syntax tree: the engine (iac/lalr.py) over the shipped tables, its errors (Lark's
errors, in Lark's cases) as diagnostics, recovery after them, and the tree builder."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import syntax as s
from .catalog import KINDS
from .diagnostics import Diagnostic, Diagnostics, Label, did_you_mean
from .lalr import Engine, TooLarge, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from .lalr import Tok as Token  # the engine's token: type, value, start_pos, end_pos
from .records import record
from .resources import data_dir
from .source import Source, Span

MAX_DEPTH = 64  # brackets and blocks; deeper nesting is an error, never a crash
MAX_ERRORS = 20
# A cap on the work (a few seconds), so no file, however large, keeps the compiler busy
# for minutes; a 10,000-resource program has about 270,000 tokens.
MAX_TOKENS = 300_000
MAX_LITERAL = 2**63 - 1  # numbers, durations (in ms) and sizes (in bytes)

WORDS = {
    "LBRACE": "`{`",
    "RBRACE": "`}`",
    "LPAR": "`(`",
    "RPAR": "`)`",
    "LSQB": "`[`",
    "RSQB": "`]`",
    "COMMA": "`,`",
    "COLON": "`:`",
    "EQUALS": "`=`",
    "DOT": "`.`",
    "ARROW": "`->`",
    "COMPARE": "a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`)",
    "PREFIX": "`prefix`",
    "SUFFIX": "`suffix`",
    "MISSING": "`missing`",
    "NAME": "a name",
    "STRING": "a string",
    "NUMBER": "a number",
    "DURATION": "a duration like `30s`",
    "SIZE": "a size like `512MB`",
    "BAD_UNIT": "a number",
    "JSONPATH": "a path like `$.detail.key`",
    "ROUTE_PATH": "a path like `/orders/{id}`",
    "METHOD": "an HTTP method (`GET`, `POST`, ...)",
    "TASK_VERB": "a step (`invoke`, `run`, `send`, `publish`, `put`)",
    "_NL": "a new line",
    "$END": "the end of the file",
}


TABLES = Path(__file__).with_name("_parser_tables.py")
REGENERATE = "python -m iac.tables --regenerate"  # after every change to grammar/iac.lark


def _grammar() -> str:
    return (data_dir("grammar") / "iac.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _engine() -> Engine:
    """The parser from the tables shipped in the package (`_parser_tables.py`): no
    grammar analysis and no Lark at start-up, nothing read from the temp folder, so a
    cold start is a warm one."""
    grammar = _grammar()
    tables = load_tables()
    if tables is None or tables["grammar"] != grammar:
        # The grammar was edited after the tables were generated (a checkout mid-change):
        # build them in memory with Lark, never cached; tests/test_parser_tables.py
        # fails until they are regenerated.
        from .tables import build_tables

        tables = build_tables(grammar)
    return Engine(tables, frozenset(_PUNCT))


def load_tables() -> dict[str, Any] | None:
    """The shipped tables."""
    try:
        from ._parser_tables import TABLES as tables  # a module: its bytecode loads fast
    except ModuleNotFoundError:  # a checkout whose tables were deleted: regenerate them
        return None
    found: dict[str, Any] = tables
    return found


def keyword_terminals() -> dict[str, str]:
    """Terminal name -> keyword text, for friendly messages."""
    return {name: text for name, text in _engine().literals.items() if name not in WORDS}


def describe(terminal: str) -> str:
    if terminal in WORDS:
        return WORDS[terminal]
    keyword = keyword_terminals().get(terminal)
    return f"`{keyword}`" if keyword else terminal.lower()


# ---------------------------------------------------------------- entry point


@record
class Parsed:
    """One file parsed as far as it goes. After a syntax error, `module` holds the
    statements that parsed without error, so the checker can still judge them;
    `lost` names what the broken statements would have declared, so a reference to
    one is not reported as undeclared (`lost_all`: a broken statement whose name
    can't be told, so no reference can be called undeclared)."""

    module: s.Module | None
    complete: bool
    lost: frozenset[str] = frozenset()
    lost_all: bool = False


def parse_source(source: Source, diags: Diagnostics) -> s.Module | None:
    """Parse one file; errors go to `diags` and the result is None."""
    parsed = parse_file(source, diags)
    return parsed.module if parsed.complete else None


def parse_file(source: Source, diags: Diagnostics) -> Parsed:
    """Parse one file, recovering after errors (see `Parsed`)."""
    text = source.text
    if not _depth_ok(source, diags):
        return Parsed(None, False, lost_all=True)
    blanked = text
    dropped: list[str] = []  # the text of each statement blanked out
    first_error = len(diags.items)
    for _ in range(MAX_ERRORS):
        # The tree is built while parsing: what the builder finds wrong counts only if
        # the whole parse succeeds (as when the tree was built after it).
        builder = _Builder(source, Diagnostics())
        try:
            module = _engine().parse(blanked, builder, MAX_TOKENS)
        except TooLarge as err:
            start = err.token.start_pos or 0
            diags.error(
                "E012",
                f"the program is too large: more than {MAX_TOKENS:,} words and symbols",
                Span(source, start, start + len(err.token)),
                hints=("split it into smaller apps",),
            )
            return Parsed(None, False, lost_all=True)
        except UnexpectedInput as err:
            before = len(diags.items)
            _report(source, err, diags)
            _drop_repeats(diags, before)
            rest = _blank_statement(blanked, _error_offset(err, blanked))
            if rest is None:  # one statement, the whole file: nothing else to parse
                empty = s.Module((), Span(source, 0, len(text)))
                return _partial(source, empty, [], [*dropped, blanked])
            dropped.append(blanked[rest[1] : rest[2]])
            blanked = rest[0]
            continue
        assert isinstance(module, s.Module)
        diags.items.extend(builder.diags.items)
        if not dropped and not builder.failed:
            return Parsed(module, True)
        return _partial(source, module, diags.items[first_error:], dropped)
    return Parsed(None, False, lost_all=True)


# The patterns of error paths are strings, compiled (by `re`, once) when an error
# needs them: a parse without errors never does, and each cost ~0.2 ms at start-up.
_DECLARES = r"\s*(?:param|workflow|app|[a-z]+)[ \t]+([A-Za-z_][A-Za-z0-9_]*)"


def _partial(
    source: Source, module: s.Module, errors: list[Diagnostic], dropped: list[str]
) -> Parsed:
    """The statements no error falls in, and the names of the ones left out."""
    starts = sorted(d.span.start for d in errors if d.span and d.span.source is source)
    kept = []
    texts = list(dropped)
    for st in module.statements:
        i = bisect.bisect_left(starts, st.span.start)
        if i < len(starts) and starts[i] < max(st.span.end, st.span.start + 1):
            texts.append(st.span.text)
        else:
            kept.append(st)
    lost: set[str] = set()
    lost_all = False
    for statement in texts:
        head = re.match(_DECLARES, statement)
        word = statement.split(maxsplit=1)[:1]
        if word and word[0] in ("on", "every", "cron", "output"):
            continue  # declares nothing another statement can refer to
        if head is None:
            lost_all = True
        else:
            lost.add(head.group(1))
    return Parsed(s.Module(tuple(kept), module.span), False, frozenset(lost), lost_all)


def _drop_repeats(diags: Diagnostics, new_from: int) -> None:
    """Reparsing after an error can meet the same problem again (an unclosed `{`)."""
    old = {(d.code, d.span and (d.span.start, d.span.end)) for d in diags.items[:new_from]}
    fresh = diags.items[new_from:]
    diags.items[new_from:] = [
        d for d in fresh if (d.code, d.span and (d.span.start, d.span.end)) not in old
    ]


# Runs of text with no bracket outside strings and comments, in one match each (fast
# on huge files), then one opening or closing bracket.
_BRACKETS = (
    r'(?:"[^"\\\n]*(?:\\.[^"\\\n]*)*"|(?:#|//)[^\n]*|[^"#/\[\](){}]+|["/])+'
    r"|([\[({])|([\])}])"
)


# Everything but the brackets that count, in the same runs: what is left is the brackets.
_NOT_BRACKETS = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|(?:#|//)[^\n]*|[^"#/\[\](){}]+|["/]'


def _depth_ok(source: Source, diags: Diagnostics) -> bool:
    text = source.text
    if sum(text.count(c) for c in "[({") <= MAX_DEPTH or not _too_deep(text):
        return True
    at = _too_deep_at(text)
    assert at is not None
    diags.error(
        "E001",
        f"nesting deeper than {MAX_DEPTH} levels",
        Span(source, at, at + 1),
        hints=("flatten the program: blocks and lists this deep are never needed",),
    )
    return False


def _too_deep(text: str) -> bool:
    """Whether brackets nest deeper than MAX_DEPTH: a walk over the brackets alone."""
    depth = 0
    for char in re.sub(_NOT_BRACKETS, "", text):
        if char in "[({":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif depth:
            depth -= 1
    return False


def _too_deep_at(text: str) -> int | None:
    """The offset of the first bracket nested deeper than MAX_DEPTH."""
    depth = 0
    for m in re.finditer(_BRACKETS, text):
        if m.group(1):
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif m.group(2):
            depth = max(0, depth - 1)
    return None


def _error_offset(err: UnexpectedInput, text: str) -> int:
    return err.pos_in_stream or 0


# A line that starts a top-level statement: a keyword or a kind, then a name.
_STATEMENT_START = r"(?m)^(?:app|param|on|every|cron|output|workflow|" + "|".join(KINDS) + r")\b"


def _blank_statement(text: str, offset: int) -> tuple[str, int, int] | None:
    """Blank the top-level statement holding `offset`, so parsing can resume after it:
    the text, and where the blanked statement began and ended."""
    starts = [m.start() for m in re.finditer(_STATEMENT_START, text)]
    begin = max((p for p in starts if p <= offset), default=0)
    end = min((p for p in starts if p > offset), default=len(text))
    if begin >= end or end >= len(text) and begin == 0:
        return None
    chunk = re.sub(r"[^\n]", " ", text[begin:end])
    return text[:begin] + chunk + text[end:], begin, end


def _report(source: Source, err: UnexpectedInput, diags: Diagnostics) -> None:
    text = source.text
    if isinstance(err, UnexpectedCharacters):
        start = err.pos_in_stream or 0
        char = text[start] if start < len(text) else ""
        span = Span(source, start, start + 1)
        if char == '"':
            end = text.find("\n", start)
            span = Span(source, start, end if end != -1 else len(text))
            diags.error("E002", "unterminated string", span, hints=('close it with `"`',))
            return
        allowed = set(err.allowed or ())
        if {"STRING", "NUMBER", "LSQB"} <= allowed:
            allowed.discard("_NL")  # the post-lexer always lets a newline through
        expected = _expected(allowed)
        diags.error(
            "E003",
            f"unexpected character `{_show(char)}`",
            span,
            hints=(f"expected {expected}",) if expected else (),
        )
        return
    assert isinstance(err, UnexpectedToken)
    if err.token.type == "$END":
        _report_eof(source, err, diags)
        return
    tok = err.token
    accepts = _accepts(err)
    start = tok.start_pos or 0
    opener = _open_before_statement(text, start)
    if opener is not None:
        line_start = text.rfind("\n", 0, start) + 1
        word = re.match(r"[a-z]+", text[line_start:])
        assert word
        diags.error(
            "E004",
            "`{` is never closed",
            Span(source, opener, opener + 1),
            labels=[Label(Span(source, line_start, line_start + word.end()), "the next statement")],
            hints=("add the missing `}` before the next statement",),
        )
        return
    if _misplaced_word(source, tok, accepts, diags):
        return
    if tok.type == "_NL" and accepts == {"CATCH"}:
        diags.error(
            "E015",
            "a `try` needs a `catch`, on the line of its closing `}`",
            Span(source, start, start),
            hints=("write `} catch ERRORS as $.error {` (no names: every error)",),
        )
        return
    span = Span(source, start, max(start + 1, tok.end_pos or start + 1))
    found = "end of line" if tok.type == "_NL" else f"`{_show(str(tok))}`"
    if tok.type == "_NL":
        span = Span(source, start, start)
    hints = list(_known_mistake(tok, accepts, text[max(0, start - 40) : start]))
    expected = _expected(accepts)
    if expected:
        hints.append(f"expected {expected}")
    diags.error("E005", f"unexpected {found}", span, hints=hints)


_STEPS = ("invoke", "run", "send", "publish", "put", "wait", "if", "parallel", "for each",
          "succeed", "fail", "set", "try")  # fmt: skip
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY")
_FIRST_WORD = r"[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\Z"


def _misplaced_word(source: Source, tok: Token, accepts: set[str], diags: Diagnostics) -> bool:
    """The first word of a line that the grammar read as a name because it is not a
    keyword there: an unknown workflow step, an `else` on its own line, an unknown HTTP
    method in an `api`. Said in those words, with the caret on the word."""
    text = source.text
    start = tok.start_pos or 0
    line_start = text.rfind("\n", 0, start) + 1
    m = re.compile(_FIRST_WORD).match(text, line_start, start)
    if m is None:
        return False
    word = m.group(1)
    span = Span(source, m.start(1), m.end(1))
    if accepts == {"EQUALS"}:  # in a workflow's steps: only `name = value` starts so
        if word == "else":
            diags.error(
                "E015",
                "`else` goes on the line of the closing `}`",
                span,
                hints=("write `} else {` (or `} else if ... {`): a line break ends the `if`",),
            )
            return True
        if word == "catch":
            diags.error(
                "E015",
                "`catch` goes on the line of the closing `}`",
                span,
                hints=("write `} catch ... {`: a line break ends the `try`",),
            )
            return True
        if word in _STATEMENT_WORDS:  # `output x y`: a statement, not a step
            return False
        guess = did_you_mean(word, [w.split()[0] for w in _STEPS])
        diags.error(
            "E014",
            f"unknown workflow step `{word}`",
            span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=(
                "a workflow holds steps: " + ", ".join(f"`{w}`" for w in _STEPS)
                + ", or an attribute (`name = value`)",
            ),
        )  # fmt: skip
        return True
    if tok.type == "ROUTE_PATH":  # `FETCH /x -> f`: a route whose method is unknown
        upper = word.upper()
        diags.error(
            "E016",
            f"unknown HTTP method `{word}`",
            span,
            note=f"methods are written in capitals: `{upper}`" if upper in METHODS else "",
            hints=("a route is `METHOD /path -> target`, the method one of "
                   + ", ".join(METHODS),),
        )  # fmt: skip
        return True
    return False


def _report_eof(source: Source, err: UnexpectedToken, diags: Diagnostics) -> None:
    text = source.text
    opener = _unclosed(text)
    if opener is not None:
        closer = {"{": "}", "(": ")", "[": "]"}[text[opener]]
        diags.error(
            "E004",
            f"`{text[opener]}` is never closed",
            Span(source, opener, opener + 1),
            note=f"the file ends before its `{closer}`",
            hints=(f"add the missing `{closer}`",),
        )
        return
    expected = _expected(_accepts(err))
    diags.error(
        "E004",
        "unexpected end of file",
        Span(source, len(text), len(text)),
        hints=(f"expected {expected}",) if expected else (),
    )


def _accepts(err: UnexpectedToken) -> set[str]:
    """The terminals the parser takes here: exact where it can tell, else a guess."""
    return set(err.accepts or err.expected)


_CLOSERS = {")": "(", "]": "[", "}": "{"}
_STATEMENT_WORDS = {"app", "param", "on", "every", "cron", "output", "workflow", *KINDS}


def _open_before_statement(text: str, offset: int) -> int | None:
    """A `{` left open before the line of `offset`, when that line starts a statement:
    the error there is a missing `}`, not the statement."""
    line_start = text.rfind("\n", 0, offset) + 1
    word = re.match(r"[a-z]+(?= +[A-Za-z_])", text[line_start:])
    if word is None or word.group() not in _STATEMENT_WORDS:
        return None
    opener = _unclosed(text[:line_start])
    return opener if opener is not None and text[opener] == "{" else None


def _unclosed(text: str) -> int | None:
    """The offset of the innermost bracket still open at the end of the text."""
    stack: list[int] = []
    for m in re.finditer(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|(?:#|//)[^\n]*|[\[({\])}]', text):
        ch = m.group()
        if ch in "[({":
            stack.append(m.start())
        elif ch in _CLOSERS and stack and text[stack[-1]] == _CLOSERS[ch]:
            stack.pop()
    return stack[-1] if stack else None


_WORD_TOKENS = {"NAME", "ALLOW", "KEY", "SORT", "INDEX", "METHOD", "TASK_VERB"}


_NUMBER_BEFORE = r"([0-9]+)[ \t]+\Z"
_UNITS = {"ms", "s", "m", "h", "d", "KB", "MB", "GB", "TB"}


def _known_mistake(tok: Token, accepts: set[str], before: str) -> Iterator[str]:
    if tok.type == "EQUALS" and "ARROW" in accepts:
        yield "events and routes point at their target with `->`, not `=`"
    elif tok.type == "COLON" and "EQUALS" in accepts:
        yield "attributes are set with `=`: `memory = 512MB`"
    elif tok.type == "ARROW" and "EQUALS" in accepts:
        yield "attributes are set with `=`; `->` points an event or a route at its target"
    elif tok.type == "NUMBER" and accepts & {"_NL", "COMMA", "RBRACE"}:
        yield "units follow the number with no space: `30s`, `512MB`"
    elif tok.type == "NAME" and str(tok) in _UNITS and (m := re.search(_NUMBER_BEFORE, before)):
        yield f"write the unit right after the number, with no space: `{m.group(1)}{tok}`"
    elif tok.type in _WORD_TOKENS and accepts & {"_NL", "COMMA"} and "EQUALS" not in accepts:
        yield "put one statement per line, or separate the items of a block with `,`"


# Groups of terminals that read better as one word.
_GROUPS = (
    (
        'a value or a test (`prefix "a"`, `not [...]`, `> 1`, `exists`, ...)',
        {"PREFIX", "MISSING", "STRING"},
        {"STRING", "NUMBER", "DURATION", "SIZE", "BAD_UNIT", "TRUE", "FALSE", "JSONPATH"}
        | {"LSQB", "LBRACE", "NAME", "LPAR", "PREFIX", "SUFFIX", "NOT", "COMPARE", "EXISTS"}
        | {"MISSING"},
    ),
    (
        "a value",
        {"STRING", "NUMBER", "LSQB"},
        {"STRING", "NUMBER", "DURATION", "SIZE", "BAD_UNIT", "TRUE", "FALSE", "JSONPATH"}
        | {"LSQB", "LBRACE", "NAME", "LPAR"},
    ),
    (
        "a step (`invoke`, `wait`, `if`, ...)",
        {"TASK_VERB", "WAIT", "IF"},
        {"TASK_VERB", "WAIT", "IF", "PARALLEL", "FOR", "SUCCEED", "FAIL", "SET", "TRY", "NAME"}
        | {"KEY", "SORT", "INDEX"},
    ),
    (
        "an attribute (`name = value`)",
        {"ALLOW", "KEY", "INDEX", "METHOD"},
        {"ALLOW", "KEY", "SORT", "INDEX", "METHOD", "NAME"},
    ),
    (
        "a statement (`KIND NAME { ... }`, `on`, `param`, ...)",
        {"APP", "PARAM", "ON", "OUTPUT"},
        {"APP", "PARAM", "ON", "EVERY", "CRON", "OUTPUT", "WORKFLOW", "NAME"},
    ),
)


def _expected(terminals: set[str] | frozenset[str]) -> str:
    rest = {t for t in terminals if t not in ("COMMENT", "WS", "LINE_CONT")}
    groups = []
    for word, marks, members in _GROUPS:
        if marks <= rest:
            groups.append(word)
            rest -= members
    words = sorted({describe(t) for t in rest}) + groups
    if not words:
        return ""
    if len(words) > 8:
        words = words[:8] + ["..."]
    return " or ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def _show(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


# ---------------------------------------------------------------- tree builder

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "$": "$", "r": "\r"}
_STRING_SPECIAL = re.compile(r"\\|\$\{")
_INTERP = r"\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*([A-Za-z_][A-Za-z0-9_]*))?\s*$"
_DURATION_MS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}
_SIZE_BYTES = {"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "TB": 1 << 40}
# Units people write, and the one the language spells.
_UNIT_ALIASES = {
    **dict.fromkeys(("sec", "secs", "second", "seconds"), "s"),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "m"),
    **dict.fromkeys(("hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("day", "days"), "d"),
    **dict.fromkeys(("msec", "msecs", "millis", "millisecond", "milliseconds"), "ms"),
    **{u.lower(): u for u in ("KB", "MB", "GB", "TB")},
    **{f"{u[0].lower()}ib": u for u in ("KB", "MB", "GB", "TB")},
}


def _whole_in_smaller_unit(number: str, unit: str) -> str | None:
    """`1.5m` -> `90s`, `0.5h` -> `30m`, `1.5GB` -> `1536MB`: the same amount as a whole
    number of the largest unit that makes it whole, if any does."""
    if len(number) > 40:  # no one means that; and Fraction would refuse 4,300 digits
        return None
    from fractions import Fraction  # a hint for `1.5m`: not for every start (2 ms)

    table = _DURATION_MS if unit in _DURATION_MS else _SIZE_BYTES
    amount = Fraction(number) * table[unit]
    for name, factor in sorted(table.items(), key=lambda e: -e[1]):
        if factor < table[unit] and (amount / factor).denominator == 1:
            return f"{amount // factor}{name}"
    return None


_PUNCT = {"LBRACE", "RBRACE", "LPAR", "RPAR", "LSQB", "RSQB", "COMMA", "COLON", "EQUALS", "DOT"}
_PUNCT |= {"ARROW"}


class _Builder:
    """The syntax tree, built while parsing: the engine calls the method named after
    each rule (or its alias) as it reduces it, with the node's offsets and the
    children Lark's tree builder would keep, punctuation left out."""

    def __init__(self, source: Source, diags: Diagnostics):
        self.source = source
        self.diags = diags
        self.failed = False

    def _tspan(self, tok: Token) -> Span:
        return Span(self.source, tok.start_pos, tok.end_pos or 0)

    def _name(self, tok: Token) -> s.Name:
        return s.Name(tok.value, Span(self.source, tok.start_pos, tok.end_pos or 0))

    def _error(self, code: str, message: str, span: Span, *hints: str) -> None:
        self.failed = True
        self.diags.error(code, message, span, hints=hints)

    # -- program
    def start(self, start: int, end: int, children: list[Any]) -> s.Module:
        return s.Module(tuple(children), Span(self.source, 0, len(self.source.text)))

    def app(self, start: int, end: int, c: list[Any]) -> s.AppDecl:
        p = c
        items = p[2].entries if len(p) > 2 else ()  # `app shop` needs no block
        return s.AppDecl(self._name(p[1]), items, Span(self.source, start, end))

    def param(self, start: int, end: int, c: list[Any]) -> s.ParamDecl:
        p = c
        default = p[3] if len(p) > 3 else None
        return s.ParamDecl(
            self._name(p[1]), self._name(p[2]), default, Span(self.source, start, end)
        )

    def resource(self, start: int, end: int, c: list[Any]) -> s.ResourceDecl:
        p = c
        items = p[2].entries if len(p) > 2 else ()
        return s.ResourceDecl(
            self._name(p[0]), self._name(p[1]), items, Span(self.source, start, end)
        )

    def on_event(self, start: int, end: int, c: list[Any]) -> s.OnDecl:
        p = c
        _, source, event, *rest = p
        filters: tuple[s.Filter, ...] = ()
        if rest and isinstance(rest[0], tuple):
            filters = rest.pop(0)
        target = rest.pop(0)
        options = rest[0].entries if rest else ()
        return s.OnDecl(
            self._name(source),
            self._name(event),
            filters,
            self._name(target),
            options,
            Span(self.source, start, end),
        )

    def filters(self, start: int, end: int, c: list[Any]) -> tuple[s.Filter, ...]:
        return tuple(c)

    def filter(self, start: int, end: int, c: list[Any]) -> s.Filter:
        name, value = c
        return s.Filter(name, value, Span(self.source, start, end))

    def filter_path(self, start: int, end: int, c: list[Any]) -> s.Name:
        return s.Name(".".join(str(t) for t in c), Span(self.source, start, end))

    def match(self, start: int, end: int, c: list[Any]) -> s.Match:
        op, *rest = c
        if op.type == "COMPARE":
            return s.Match(str(op), self.number(start, end, rest), Span(self.source, start, end))
        if op.type in ("PREFIX", "SUFFIX"):
            return s.Match(str(op), self._string(rest[0]), Span(self.source, start, end))
        return s.Match(str(op), rest[0] if rest else None, Span(self.source, start, end))

    def filter_set(self, start: int, end: int, c: list[Any]) -> s.FilterSet:
        return s.FilterSet(c[0], Span(self.source, start, end))

    def every(self, start: int, end: int, c: list[Any]) -> s.EveryDecl:
        p = c
        options = p[3].entries if len(p) > 3 else ()
        return s.EveryDecl(p[1], self._name(p[2]), options, Span(self.source, start, end))

    def cron(self, start: int, end: int, c: list[Any]) -> s.CronDecl:
        p = c
        options = p[3].entries if len(p) > 3 else ()
        return s.CronDecl(
            self._string(p[1]), self._name(p[2]), options, Span(self.source, start, end)
        )

    def output(self, start: int, end: int, c: list[Any]) -> s.OutputDecl:
        _, name, value = c
        return s.OutputDecl(self._name(name), value, Span(self.source, start, end))

    # -- blocks
    def block(self, start: int, end: int, c: list[Any]) -> s.MapV:
        items: list[Any] = []
        for item in c:
            if isinstance(item, s.BareName):
                prev = items[-1] if items else None
                same_line = prev is not None and prev.span.line == item.span.line
                if isinstance(prev, s.Allow) and same_line:
                    ops = prev.ops + (item.name,)
                    items[-1] = s.Allow(prev.target, ops, prev.span.to(item.span))
                    continue
                self._error(
                    "E006",
                    f"`{item.name.text}` on its own is not a statement",
                    item.span,
                    f"set an attribute with `{item.name.text} = value`",
                )
                continue
            items.append(item)
        return s.MapV(tuple(items), Span(self.source, start, end))

    def map(self, start: int, end: int, c: list[Any]) -> s.MapV:
        return c[0]  # type: ignore[no-any-return]

    def attribute(self, start: int, end: int, c: list[Any]) -> s.Attribute:
        name, value = c
        return s.Attribute(self._name(name), value, Span(self.source, start, end))

    def nested(self, start: int, end: int, c: list[Any]) -> s.Nested:
        name, block = c
        return s.Nested(self._name(name), block.entries, Span(self.source, start, end))

    def allow(self, start: int, end: int, c: list[Any]) -> s.Allow:
        _, target, op = c
        return s.Allow(self._name(target), (self._name(op),), Span(self.source, start, end))

    def bare_name(self, start: int, end: int, c: list[Any]) -> s.BareName:
        return s.BareName(self._name(c[0]), Span(self.source, start, end))

    def key_decl(self, start: int, end: int, c: list[Any]) -> s.KeyDecl:
        role, name, type_ = c
        return s.KeyDecl(
            str(role), self._name(name), self._name(type_), Span(self.source, start, end)
        )

    def index_decl(self, start: int, end: int, c: list[Any]) -> s.IndexDecl:
        _, name, block = c
        return s.IndexDecl(self._name(name), block.entries, Span(self.source, start, end))

    def tagged_attribute(self, start: int, end: int, c: list[Any]) -> s.Attribute:
        name, tag, block = c
        span = self._tspan(tag).to(block.span)
        value = s.Tagged(self._name(tag), block.entries, span)
        return s.Attribute(self._name(name), value, Span(self.source, start, end))

    def route(self, start: int, end: int, c: list[Any]) -> s.Route:
        method, path, target, *block = c
        options = block[0].entries if block else ()
        return s.Route(
            str(method),
            str(path),
            self._tspan(path),
            self._name(target),
            Span(self.source, start, end),
            options,
        )

    # -- workflows
    def workflow(self, start: int, end: int, c: list[Any]) -> s.WorkflowDecl:
        _, name, steps = c
        return s.WorkflowDecl(self._name(name), steps, Span(self.source, start, end))

    def steps(self, start: int, end: int, c: list[Any]) -> tuple[s.Step, ...]:
        return tuple(c)

    def task(self, start: int, end: int, c: list[Any]) -> s.Task:
        p = c
        options = p[2].entries if len(p) > 2 else ()
        return s.Task(str(p[0]), self._name(p[1]), options, Span(self.source, start, end))

    def wait(self, start: int, end: int, c: list[Any]) -> s.Wait:
        return s.Wait(c[1], Span(self.source, start, end))

    def wait_until(self, start: int, end: int, c: list[Any]) -> s.Wait:
        return s.Wait(c[2], Span(self.source, start, end), until=True)

    def set_step(self, start: int, end: int, c: list[Any]) -> s.SetStep:
        _, path, value = c
        return s.SetStep(self._path(path), value, Span(self.source, start, end))

    def try_step(self, start: int, end: int, c: list[Any]) -> s.Try:
        _, body, *catches = c
        return s.Try(body, tuple(catches), Span(self.source, start, end))

    def catch_clause(self, start: int, end: int, c: list[Any]) -> s.Catch:
        p = c[1:]
        errors: tuple[s.Name, ...] = ()
        path = None
        if p and isinstance(p[0], list):
            errors = tuple(p.pop(0))
        if p and isinstance(p[0], Token) and p[0].type == "AS":
            path = self._path(p[1])
            p = p[2:]
        return s.Catch(errors, path, p[0], Span(self.source, start, end))

    def error_names(self, start: int, end: int, c: list[Any]) -> list[s.Name]:
        return list(c)

    def error_name(self, start: int, end: int, c: list[Any]) -> s.Name:
        p = c
        if len(p) == 1 and p[0].type == "STRING":
            return s.Name(self._string(p[0]).plain, self._tspan(p[0]))
        return s.Name(".".join(str(t) for t in p), Span(self.source, start, end))

    def if_step(self, start: int, end: int, c: list[Any]) -> s.IfStep:
        p = [x for x in c if not (isinstance(x, Token) and x.type in ("IF", "ELSE"))]
        branches = []
        while len(p) >= 2:
            branches.append((p.pop(0), p.pop(0)))
        otherwise = p[0] if p else None
        return s.IfStep(tuple(branches), otherwise, Span(self.source, start, end))

    def parallel(self, start: int, end: int, c: list[Any]) -> s.Parallel:
        return s.Parallel(tuple(c[1:]), Span(self.source, start, end))

    def branch(self, start: int, end: int, c: list[Any]) -> tuple[s.Step, ...]:
        return c[1]  # type: ignore[no-any-return]

    def for_each(self, start: int, end: int, c: list[Any]) -> s.ForEach:
        _, _, path, body = c
        return s.ForEach(self._path(path), body, Span(self.source, start, end))

    def succeed(self, start: int, end: int, c: list[Any]) -> s.Succeed:
        return s.Succeed(Span(self.source, start, end))

    def fail(self, start: int, end: int, c: list[Any]) -> s.Fail:
        p = c
        cause = self._string(p[2]) if len(p) > 2 else None
        return s.Fail(self._string(p[1]), cause, Span(self.source, start, end))

    def comparison(self, start: int, end: int, c: list[Any]) -> s.Compare:
        path, op, value = c
        return s.Compare(self._path(path), str(op), value, Span(self.source, start, end))

    def exists(self, start: int, end: int, c: list[Any]) -> s.Exists:
        return s.Exists(self._path(c[1]), Span(self.source, start, end))

    def negation(self, start: int, end: int, c: list[Any]) -> s.Condition:
        *nots, operand = c
        if len(nots) > MAX_DEPTH:
            span = Span(self.source, nots[0].start_pos or 0, nots[-1].end_pos or 0)
            self._error("E001", f"more than {MAX_DEPTH} `not` in a row", span)
            return operand  # type: ignore[no-any-return]
        end = end
        for tok in reversed(nots):
            operand = s.Not(operand, Span(self.source, tok.start_pos or 0, end))
        return operand  # type: ignore[no-any-return]

    def group(self, start: int, end: int, c: list[Any]) -> s.Condition:
        return c[0]  # type: ignore[no-any-return]

    def or_cond(self, start: int, end: int, c: list[Any]) -> s.Or:
        ops = tuple(x for x in c if not isinstance(x, Token))
        return s.Or(ops, Span(self.source, start, end))

    def and_cond(self, start: int, end: int, c: list[Any]) -> s.And:
        ops = tuple(x for x in c if not isinstance(x, Token))
        return s.And(ops, Span(self.source, start, end))

    # -- values
    def string(self, start: int, end: int, c: list[Any]) -> s.Str:
        return self._string(c[0])

    def number(self, start: int, end: int, c: list[Any]) -> s.Num:
        tok = c[0]
        whole, dot, fraction = str(tok).partition(".")
        count = self._count(whole, 1, tok, "number")
        value: int | float = float(f"{count}.{fraction}") if dot else count
        return s.Num(value, self._tspan(tok))

    def duration(self, start: int, end: int, c: list[Any]) -> s.Duration:
        tok = c[0]
        text = str(tok)
        m = re.fullmatch(r"([0-9]+)([a-z]+)", text)
        assert m
        millis = self._count(m.group(1), _DURATION_MS[m.group(2)], tok, "duration")
        return s.Duration(millis, text, self._tspan(tok))

    def size(self, start: int, end: int, c: list[Any]) -> s.Size:
        tok = c[0]
        text = str(tok)
        count = self._count(text[:-2], _SIZE_BYTES[text[-2:]], tok, "size")
        return s.Size(count, text, self._tspan(tok))

    def _count(self, digits: str, unit: int, tok: Token, what: str) -> int:
        """`digits` times `unit`, or an error when it leaves the 64-bit range every
        target can hold. The length is checked first: Python refuses to convert
        strings of more than 4,300 digits, and no value that long is meaningful."""
        if len(digits) <= 19 and int(digits) * unit <= MAX_LITERAL:
            return int(digits) * unit
        limits = {
            "number": f"numbers go up to {MAX_LITERAL}",
            "duration": "durations go up to about 292 million years, in milliseconds",
            "size": "sizes go up to 8,191 PB",
        }
        self._error("E013", f"this {what} is out of range", self._tspan(tok), limits[what])
        return 0

    def bad_unit(self, start: int, end: int, c: list[Any]) -> s.BadUnit:
        tok = c[0]
        text = str(tok)
        m = re.match(r"[0-9]+(?:\.[0-9]+)?", text)
        number, unit = (m.group(), text[m.end() :]) if m else ("", text)
        span = self._tspan(tok)
        if unit in _DURATION_MS or unit in _SIZE_BYTES:  # a fraction: `1.5m`
            what = "durations" if unit in _DURATION_MS else "sizes"
            units = "ms, s, m, h or d" if unit in _DURATION_MS else "KB, MB, GB or TB"
            whole = _whole_in_smaller_unit(number, unit)
            smallest = "ms" if unit in _DURATION_MS else "KB"
            hint = (
                f"write `{whole}`"
                if whole
                else f"`{smallest}` is the smallest unit"
                if unit == smallest
                else f"{what} use {units}"
            )
            self._error("E007", f"`{text}`: {what} are whole numbers", span, hint)
        else:
            known = _UNIT_ALIASES.get(unit) or _UNIT_ALIASES.get(unit.lower())
            hint = (
                f"write `{number}{known}`"
                if known and number
                else "durations use ms, s, m, h or d (`30s`); sizes use KB, MB, GB or TB (`512MB`)"
            )
            self._error("E007", f"unknown unit `{unit}`", span, hint)
        return s.BadUnit(text, span)

    def true(self, start: int, end: int, c: list[Any]) -> s.Bool:
        return s.Bool(True, self._tspan(c[0]))

    def false(self, start: int, end: int, c: list[Any]) -> s.Bool:
        return s.Bool(False, self._tspan(c[0]))

    def jsonpath(self, start: int, end: int, c: list[Any]) -> s.JsonPath:
        return self._path(c[0])

    def reference(self, start: int, end: int, c: list[Any]) -> s.Ref:
        p = c
        attr = self._name(p[1]) if len(p) > 1 else None
        return s.Ref(self._name(p[0]), attr, Span(self.source, start, end))

    def list(self, start: int, end: int, c: list[Any]) -> s.ListV:
        return s.ListV(tuple(c), Span(self.source, start, end))

    def _path(self, tok: Token) -> s.JsonPath:
        return s.JsonPath(str(tok), self._tspan(tok))

    def _string(self, tok: Token) -> s.Str:
        raw = str(tok)
        base = (tok.start_pos or 0) + 1
        body = raw[1:-1]
        if _STRING_SPECIAL.search(body) is None:  # most strings: no escape, no `${`
            return s.Str((body,), self._tspan(tok))
        parts: list[str | s.Ref] = []
        buf: list[str] = []
        i = 0
        while True:
            found = _STRING_SPECIAL.search(body, i)  # jumps over plain text at C speed
            if found is None:
                buf.append(body[i:])
                break
            j = found.start()
            buf.append(body[i:j])
            if body[j] == "\\":
                if j + 1 >= len(body):
                    buf.append("\\")
                    break
                nxt = body[j + 1]
                if nxt in _ESCAPES:
                    buf.append(_ESCAPES[nxt])
                else:
                    span = Span(self.source, base + j, base + j + 2)
                    self._error(
                        "E008",
                        f"unknown escape `\\{_show(nxt)}`",
                        span,
                        'strings know \\" \\\\ \\n \\t and \\$',
                    )
                i = j + 2
                continue
            close = body.find("}", j + 2)
            if close == -1:
                span = Span(self.source, base + j, base + len(body))
                self._error("E009", "`${` is never closed", span, "write `\\${` for a literal")
                break
            inner = body[j + 2 : close]
            m = re.fullmatch(_INTERP, inner)
            span = Span(self.source, base + j, base + close + 1)
            if not m:
                self._error(
                    "E009",
                    "`${...}` holds a name or `name.attribute`",
                    span,
                    "write `\\${` for a literal `${`",
                )
            else:
                text = "".join(buf)
                if text:
                    parts.append(text)
                buf = []
                n_start = base + j + 2 + m.start(1)
                name = s.Name(m.group(1), Span(self.source, n_start, n_start + len(m.group(1))))
                attr = None
                if m.group(2):
                    a_start = base + j + 2 + m.start(2)
                    attr = s.Name(m.group(2), Span(self.source, a_start, a_start + len(m.group(2))))
                parts.append(s.Ref(name, attr, span))
            i = close + 1
        buf = ["".join(buf)] if "".join(buf) else []
        if buf or not parts:
            parts.append("".join(buf))
        return s.Str(tuple(parts), self._tspan(tok))
