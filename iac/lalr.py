"""The parser's engine: a lexer and an LALR(1) driver over the tables Lark generates from
grammar/iac.lark (`iac/_parser_tables.py`, see iac/tables.py), doing what Lark's
contextual lexer, LALR parser and tree builder do, minus the trees.

- Lexing: one regular expression of every terminal, in the order Lark's lexer tries
  them, finds the next token; each state's lexer (the terminals that state accepts)
  keeps or renames it (`key` is `KEY` where a key fits, a name elsewhere). Where that
  lexer could read the text otherwise (the generator says where), it is asked with its
  own expression, built the first time it is needed.
- Parsing: a shift pushes the token; a reduction calls the rule's callback with the
  children Lark's tree builder would keep (`_NL` and punctuation dropped, `_rule`s
  spliced in, a `?rule`'s lone child passed up) and the span Lark would give the node.
- Errors are Lark's, in the same cases with the same fields (`UnexpectedToken`,
  `UnexpectedCharacters`, without importing Lark), for iac/parser.py to word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# A rule's callback: a builder's method, called with (builder, start offset, end offset,
# children); it returns the node.
Callback = Callable[[Any, int, int, list[Any]], Any]


class Tok:
    """A token: its terminal, its text and its offsets."""

    __slots__ = ("type", "value", "start_pos", "end_pos")

    def __init__(self, type_: str, value: str, start: int, end: int | None) -> None:
        self.type = type_
        self.value = value
        self.start_pos = start
        self.end_pos = end

    def __str__(self) -> str:
        return self.value

    def __len__(self) -> int:
        return len(self.value)

    def __repr__(self) -> str:
        return f"Tok({self.type!r}, {self.value!r}, {self.start_pos})"


class UnexpectedInput(Exception):
    pos_in_stream: int | None


class UnexpectedCharacters(UnexpectedInput):
    """No terminal the state accepts, nor any other, matches at `pos_in_stream`."""

    def __init__(self, pos: int, allowed: frozenset[str]) -> None:
        super().__init__(f"unexpected character at {pos}")
        self.pos_in_stream = pos
        self.allowed = allowed


class UnexpectedToken(UnexpectedInput):
    """`token` does not fit. `expected`: Lark's guess; `accepts`: the terminals the
    parser takes at this point, found by trying each (Lark's `accepts`)."""

    def __init__(self, token: Tok, expected: frozenset[str], engine: Engine, stack: list[int]):
        super().__init__(f"unexpected {token.type} at {token.start_pos}")
        self.token = token
        self.pos_in_stream = token.start_pos
        self.expected = expected
        self._engine = engine
        self._stack = stack

    @property
    def accepts(self) -> set[str]:
        return {t for t in self._engine.table[self._stack[-1]] if t.isupper() and self._feeds(t)}

    def _feeds(self, terminal: str) -> bool:
        """Whether `terminal` would be shifted here, after the reductions it makes."""
        table, rules = self._engine.table, self._engine.rules
        stack = list(self._stack)
        while True:
            action = table[stack[-1]].get(terminal)
            if action is None:
                return False
            if action >= 0:
                return True
            size, origin = rules[-1 - action][:2]
            if size:
                del stack[-size:]
            stack.append(table[stack[-1]][origin])
            if terminal == "$END" and stack[-1] == self._engine.end:
                return True  # the end of a whole program


class TooLarge(Exception):
    def __init__(self, token: Tok):
        super().__init__("too many tokens")
        self.token = token


class _Lexer:
    """One state's lexer: what the fast path may keep, keyword maps, the error's set."""

    __slots__ = ("fast", "unless", "allowed", "scan", "_regex", "_terminals")

    def __init__(
        self, entry: dict[str, Any], terminals: dict[str, str], ignore: frozenset[str]
    ) -> None:
        unless: dict[str, dict[str, str]] = entry["unless"]
        self.unless = unless
        # terminal -> itself, or the keyword map a `NAME` goes through in this state
        # ("" for ignored text).
        self.fast: dict[str, str | dict[str, str]] = {
            name: "" if name in ignore else unless.get(name) or name for name in entry["fast"]
        }
        self.allowed = frozenset(entry["allowed"])
        self.scan: list[str] = entry["scan"]
        self._terminals = terminals
        self._regex: re.Pattern[str] | None = None

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """This state's own lexer, as Lark builds it: first terminal that matches."""
        if self._regex is None:
            self._regex = re.compile("|".join(f"(?P<{n}>{self._terminals[n]})" for n in self.scan))
        return self._regex.match(text, pos)


class Engine:
    """The tables, loaded once; `parse` runs them over one text."""

    def __init__(self, tables: dict[str, Any], drop: frozenset[str]) -> None:
        """`drop`: terminals no callback reads (punctuation), left out of children."""
        terminals = {name: regexp for name, regexp, _ in tables["terminals"]}
        self.literals: dict[str, str] = {n: lit for n, _, lit in tables["terminals"] if lit}
        self.ignore = frozenset(tables["ignore"])
        root = tables["root"]
        alternatives = "|".join(f"(?P<{n}>{terminals[n]})" for n in tables["try_order"])
        skip = tables["skip"]
        # Blanks first, possessively: the root expression never backtracks into them.
        self._skip = re.compile(skip)
        self._master = re.compile(f"{skip}(?:{alternatives})")
        self._root_unless: dict[str, dict[str, str]] = root["unless"]
        lexers = [_Lexer(entry, terminals, self.ignore) for entry in tables["lexers"]]
        self.lexers = [lexers[i] for i in tables["state_lexer"]]
        self._fasts = [lexer.fast for lexer in self.lexers]
        self._resolved: dict[type, list[tuple[int, str, int, Callback | None, Any]]] = {}
        self.table: list[dict[str, int]] = tables["states"]
        self.start: int = tables["start"]
        self.end: int = tables["end"]
        dropped = drop | {"_NL"}
        self.roles = {name: _KEEP for name in terminals}
        self.roles.update(dict.fromkeys(dropped & set(terminals), _DROP))
        self.roles.update(dict.fromkeys(("LPAR", "LSQB", "LBRACE"), _OPEN))
        self.roles.update(dict.fromkeys(("RPAR", "RSQB", "RBRACE"), _CLOSE))
        self.roles["_NL"] = _NEWLINE
        # (size, origin, how, callback name, kept children or the expanded child's index)
        self.rules: list[tuple[int, str, int, str, Any]] = []
        for origin, callback, kind, symbols in tables["rules"]:
            keep = [
                (i, how == 2)
                for i, (name, how) in enumerate(symbols)
                if how != 1 and name not in dropped
            ]
            if kind == "expand":
                assert len(keep) == 1 and not keep[0][1], f"{origin}: its lone child is dropped"
                self.rules.append((len(symbols), origin, _EXPAND, callback, keep[0][0]))
                continue
            base = _NODE if kind == "node" else _INLINE
            if any(spliced for _, spliced in keep):
                self.rules.append((len(symbols), origin, base + _SPLICE, callback, tuple(keep)))
            elif len(keep) == len(symbols):
                self.rules.append((len(symbols), origin, base + _ALL, callback, None))
            else:
                picks = tuple(i for i, _ in keep)
                self.rules.append((len(symbols), origin, base + _PICK, callback, picks))

    def parse(self, text: str, builder: object, max_tokens: int) -> Any:
        """The value of the start rule's callback for `text`: each node rule calls the
        builder's method named after the rule (or its alias). Newlines inside `( )` and
        `[ ]` never reach the parser (they separate items only in `{ }`); past
        `max_tokens` tokens, TooLarge."""
        # One loop, locals only: this runs once per token and once per reduction.
        table = self.table
        fasts = self._fasts
        roles = self.roles
        master = self._master.match
        rules = self._resolved.get(type(builder)) or self._resolve(type(builder))
        state = self.start
        states = [state]
        values: list[Any] = []
        starts: list[int] = []  # where each symbol on the stack starts
        brackets: list[str] = []
        count = 0
        pos = 0
        length = len(text)
        last_start = last_end = -1  # the last token shifted: a reduced node ends there
        typ = ""
        while True:
            # -- the next token, by the lexer of `state`
            m = master(text, pos)
            if m is not None:
                name = m.lastgroup
                assert name is not None
                start, pos = m.span(name)
                kind_of = fasts[state].get(name)
                if kind_of is None:
                    start, pos, typ_, value = self._slow(text, start, state, states, m)
                    if typ_ is None:
                        continue  # ignored text, as this state's lexer reads it
                    typ = typ_
                elif kind_of.__class__ is str:
                    if not kind_of:
                        continue  # ignored text
                    typ = kind_of
                    value = None
                else:
                    value = text[start:pos]
                    typ = kind_of.get(value, name)
            else:
                start = self._skip.match(text, pos).end()  # type: ignore[union-attr]
                if start >= length:
                    break
                start, pos, typ_, value = self._slow(text, start, state, states, None)
                if typ_ is None:
                    continue
                typ = typ_
            # -- the post-lexer: the token cap, and newlines inside ( ) and [ ]
            if count >= max_tokens:
                raise TooLarge(Tok(typ, text[start:pos], start, pos))
            count += 1
            role = roles[typ]
            if role:
                if role == _OPEN:
                    brackets.append(typ)
                elif role == _CLOSE:
                    if brackets:
                        brackets.pop()
                elif role == _NEWLINE and brackets and brackets[-1] != "LBRACE":
                    continue
                tok = None  # no callback reads it: its place on the stack is enough
            else:
                tok = Tok(typ, text[start:pos] if value is None else value, start, pos)
            # -- the parser: reduce as the token says, then shift it
            while True:
                action = table[state].get(typ)
                if action is None:
                    tok = tok or Tok(typ, text[start:pos], start, pos)
                    expected = frozenset(s for s in table[state] if s.isupper())
                    raise UnexpectedToken(tok, expected, self, list(states))
                if action >= 0:
                    state = action
                    states.append(state)
                    values.append(tok)
                    starts.append(start)
                    break
                rule = rules[-1 - action]
                if rule[0] != 1:
                    state = _reduce(rule, table, states, values, starts, last_end, builder)
                    continue
                # most reductions replace the top of the stack: done here, without a call
                _, origin, how, callback, _ = rule
                if how == _EXPAND or how == _INLINE + _SPLICE:
                    pass  # the lone child stands for the rule, or is the list to splice
                elif how == _INLINE + _ALL:
                    values[-1] = [values[-1]]
                elif how == _INLINE + _PICK:
                    values[-1] = []
                else:
                    values[-1] = _node(how, callback, builder, starts[-1], last_end, values[-1])  # type: ignore[arg-type]
                state = table[states[-2]][origin]
                states[-1] = state
            last_start, last_end = start, pos
        # -- the end of the text
        if last_start < 0:
            end_tok = Tok("$END", "", 0, None)
        else:
            end_tok = Tok("$END", "", last_start, last_end)
        end_state = self.end
        while True:
            action = table[state].get("$END")
            if action is None:
                expected = frozenset(s for s in table[state] if s.isupper())
                raise UnexpectedToken(end_tok, expected, self, list(states))
            assert action < 0, "the end of the text is never shifted"
            state = _reduce(rules[-1 - action], table, states, values, starts, last_end, builder)
            if state == end_state:
                return values[-1]

    def _resolve(self, builder: type) -> list[tuple[int, str, int, Callback | None, Any]]:
        """The rules with their callbacks, the methods of `builder` (a class)."""
        rules = [
            (size, origin, how, getattr(builder, name) if _NODE <= how < _EXPAND else None, keep)
            for size, origin, how, name, keep in self.rules
        ]
        self._resolved[builder] = rules
        return rules

    def _slow(
        self, text: str, pos: int, state: int, states: list[int], root: re.Match[str] | None
    ) -> tuple[int, int, str | None, str | None]:
        """The token at `pos` by the state's own lexer, where the root expression's
        answer may not be its answer: (start, end, type or None if ignored, text)."""
        lexer = self.lexers[state]
        m = lexer.match(text, pos)
        if m is None:
            if root is None:
                raise UnexpectedCharacters(pos, lexer.allowed)
            # Lark's contextual lexer: the token the root lexer reads there, unexpected.
            name = root.lastgroup
            assert name is not None
            value = root.group(name)
            typ = self._root_unless.get(name, {}).get(value, name)
            token = Tok(typ, value, pos, pos + len(value))
            raise UnexpectedToken(token, lexer.allowed, self, list(states))
        name = m.lastgroup
        assert name is not None
        value = m.group(name)
        if name in self.ignore:
            return pos, m.end(), None, None
        return pos, m.end(), lexer.unless.get(name, {}).get(value, name), value


# What the post-lexer does with a token.
_KEEP, _DROP, _OPEN, _CLOSE, _NEWLINE = 0, 1, 2, 3, 4
# What a reduction makes: a node (the callback's), a list for the parent to splice in
# (a `_rule`), or the lone child (a `?rule`); plus how the children are picked.
_ALL, _PICK, _SPLICE = 0, 1, 2
_INLINE, _NODE, _EXPAND = 0, 3, 6


def _node(how: int, callback: Callback, builder: object, start: int, end: int, kid: Any) -> Any:
    """A one-symbol rule's node."""
    if how == _NODE + _ALL:
        return callback(builder, start, end, [kid])
    if how == _NODE + _PICK:
        return callback(builder, start, end, [])
    return callback(builder, start, end, list(kid))


def _reduce(
    rule: tuple[int, str, int, Callback | None, Any],
    table: list[dict[str, int]],
    states: list[int],
    values: list[Any],
    starts: list[int],
    end: int,
    builder: object,
) -> int:
    """Reduce by `rule`, the handle ending at offset `end`: the state after the goto."""
    size, origin, how, callback, keep = rule
    if size == 1:  # most reductions: the top of the stack is replaced
        kid = values[-1]
        if how == _EXPAND:
            value = kid
        elif how >= _NODE:
            if how == _NODE + _ALL:
                children = [kid]
            elif how == _NODE + _PICK:
                children = []
            else:
                children = list(kid)
            value = callback(builder, starts[-1], end, children)  # type: ignore[misc]
        elif how == _INLINE + _ALL:
            value = [kid]
        elif how == _INLINE + _PICK:
            value = []
        else:
            value = kid
        values[-1] = value
        state = table[states[-2]][origin]
        states[-1] = state
        return state
    if size:
        kids = values[-size:]
        del values[-size:]
        del states[-size:]
        start = starts[-size]
        del starts[1 - size :]
    else:  # the empty program: Lark's empty position
        kids = []
        start = end = 0
        starts.append(0)
    if how == _EXPAND:
        value = kids[keep]
    else:
        pick = how % 3
        if pick == _ALL:
            children = kids
        elif pick == _PICK:
            children = [kids[i] for i in keep]
        else:
            # The first spliced list is extended in place, as Lark's tree builder does:
            # a left-recursive `_rule` (`start`'s statements, a block's items) then
            # grows one list instead of copying it at every item (quadratic).
            acc: list[Any] | None = None
            for i, spliced in keep:
                if spliced:
                    if acc is None:
                        acc = kids[i]
                    else:
                        acc.extend(kids[i])
                elif acc is None:
                    acc = [kids[i]]
                else:
                    acc.append(kids[i])
            children = acc if acc is not None else []
        value = callback(builder, start, end, children) if how >= _NODE else children  # type: ignore[misc]
    state = table[states[-1]][origin]
    states.append(state)
    values.append(value)
    return state
