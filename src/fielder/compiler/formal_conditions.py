"""Conditions written as a programmer writes them: brackets, `NOT` / `!`, `AND` / `&&` / `∧`,
`OR` / `||` / `∨`, and set tests (`IN (1,2)`, `∈ {1,2}`, `HAS 99`, `contains 1`, `∋ 1`, `∌ 1`).

The whole text must be such an expression (ids, operators, codes, quoted labels, brackets);
prose is left to the reader in `conditions`. Each comparison is read by that reader (so it is
rendered for the tested question's type), and the tree around them is folded into the
OR-of-ANDs the IR writes, denials by De Morgan's rules.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from fielder.ir.models import Question

if TYPE_CHECKING:
    from fielder.compiler.conditions import Atom  # conditions imports this module

Groups = list[list["Atom"]]

_TOKEN_RE = re.compile(
    r"\s*(?:"
    r"(?P<quoted>['‘’\"“”][^'‘’\"“”]{1,80}['‘’\"“”])"
    r"|(?P<op>==|!=|<>|<=|>=|=|<|>|≠|≤|≥|∈|∉|∋|∌)"
    r"|(?P<join>&&|\|\||∧|∨|\bAND\b|\bOR\b)"
    r"|(?P<neg>!(?!=)|¬|\bNOT\b)"
    r"|(?P<word>\bIN\b|\bHAS\b|\bCONTAINS\b|\bINCLUDES\b)"
    r"|(?P<open>[({\[])|(?P<close>[)}\]])|(?P<comma>,)"
    r"|(?P<id>\b[A-Za-z]{1,6}_?\d{1,3}[a-z]?\b)"
    r"|(?P<value>-?\d+(?:\.\d+)?(?:\s*[-–]\s*\d+)?\b)"
    r")",
    re.I,
)
_SET_OPS = {"∈": "in", "∉": "not in", "∋": "has", "∌": "not has"}
# symbols only a programmer writes: where none is there, the plain reader reads the text
_FORMAL_MARK_RE = re.compile(
    r"&&|\|\||[∧∨∈∉∋∌¬{]|!(?!=)|\bIN\s*\(|\bCONTAINS\b|\(.*\bNOT\b|\)\s*(?:AND|OR)\b"
    # "T4 != 1 AND (T4 = 2 OR T4 = 3)": a bracket after the join (symbols already worded)
    r"|\b(?:AND|OR)\s*\(",
    re.I,
)


class _Unread(ValueError):
    """The text is not a programmer's expression."""


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if match is None or match.end() == position:
            raise _Unread(text[position:])
        kind = match.lastgroup or ""
        tokens.append((kind, match[kind].strip()))
        position = match.end()
    return tokens


class _Reader:
    """Recursive descent over the tokens; leaves are (id, op, values)."""

    def __init__(
        self,
        tokens: list[tuple[str, str]],
        leaf: Callable[[str, str, list[str]], Groups],
        merge: Callable[[Groups], Groups],
    ):
        self.tokens = tokens
        self.at = 0
        self.leaf = leaf
        self.merge = merge  # alternatives on one question's codes joined into one test

    def _peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.at + offset
        return self.tokens[index] if index < len(self.tokens) else ("", "")

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        self.at += 1
        return token

    def read(self) -> Groups:
        groups = self._either()
        if self.at != len(self.tokens):
            raise _Unread("text after the condition")
        return groups

    def _either(self) -> Groups:
        groups = self._both()
        while self._peek()[0] == "join" and self._peek()[1].upper() in ("OR", "||", "∨"):
            self._take()
            groups = groups + self._both()
        return self.merge(groups)

    def _both(self) -> Groups:
        groups = self._one()
        while self._peek()[0] == "join" and self._peek()[1].upper() in ("AND", "&&", "∧"):
            self._take()
            more = self._one()
            groups = [a + b for a in groups for b in more]
        return groups

    def _one(self) -> Groups:
        kind, word = self._peek()
        if kind == "neg":
            self._take()
            return negate(self._one())
        if kind == "open" and word == "(":
            self._take()
            groups = self._either()
            if self._take() != ("close", ")"):
                raise _Unread("unclosed bracket")
            return groups
        if kind == "id":
            return self._comparison()
        raise _Unread(word)

    def _comparison(self) -> Groups:
        qid = self._take()[1]
        kind, word = self._take()
        op = word.upper()
        if kind == "neg" and self._peek()[1].upper() in ("IN", "HAS", "CONTAINS", "INCLUDES"):
            op = "NOT " + self._take()[1].upper()  # "Q2 NOT IN (1,2)"
        elif kind not in ("op", "word"):
            raise _Unread(word)
        op = _SET_OPS.get(op, op).upper()
        values = self._values()
        denied = op in ("!=", "<>", "≠", "NOT IN", "NOT HAS", "NOT CONTAINS", "NOT INCLUDES")
        base = op.removeprefix("NOT ")
        base = {"!=": "=", "<>": "=", "≠": "=", "==": "=", "IN": "=", "≤": "<=", "≥": ">="}.get(
            base, base
        )
        if base in ("CONTAINS", "INCLUDES"):
            base = "HAS"
        groups = self.merge(self.leaf(qid, base, values))
        return negate(groups) if denied else groups

    def _values(self) -> list[str]:
        if self._peek()[0] == "open":
            self._take()
            values = [self._value()]
            while self._peek()[0] == "comma":
                self._take()
                values.append(self._value())
            if self._take()[0] != "close":
                raise _Unread("unclosed list")
            return values
        values = [self._value()]
        # "Q10 HAS 98 OR 99", "Q13 = 'a' OR 'b'", "T1=1,2": more answers of the same test
        while self._peek()[0] == "comma" or (
            self._peek()[1].upper() in ("OR", "||") and self._peek(1)[0] in ("value", "quoted")
        ):
            self._take()
            values.append(self._value())
        return values

    def _value(self) -> str:
        kind, word = self._take()
        if kind not in ("value", "quoted"):
            raise _Unread(word)
        return word


def negate(groups: Groups) -> Groups:
    """The denial of an OR of ANDs as an OR of ANDs: each AND group becomes the OR of its
    denied tests, and those ORs are ANDed together."""
    result: Groups = [[]]
    for group in groups:
        denied = []
        for atom in group:
            flipped = copy.copy(atom)
            flipped.codes = list(atom.codes)
            flipped.negate = not atom.negate
            denied.append(flipped)
        result = [done + [atom] for done in result for atom in denied]
    return result


def is_formal(text: str) -> bool:
    """True when the text carries a symbol only a programmer writes."""
    return _FORMAL_MARK_RE.search(text) is not None


def formal_condition(
    text: str,
    questions: dict[str, Question],
    leaf: Callable[[str, str, list[str]], Groups],
    merge: Callable[[Groups], Groups],
) -> Groups | None:
    """The condition read as an expression tree, or None where it is not one (or a test in it
    names no known question). `leaf(id, op, values)` reads one comparison."""
    try:
        tokens = _tokens(_closed(text))
        if not any(kind == "id" and word.upper() in _upper(questions) for kind, word in tokens):
            return None
        return _Reader(tokens, leaf, merge).read()
    except (_Unread, ValueError):
        return None


def _closed(text: str) -> str:
    """The text with the closing brackets a note reader trimmed off its end put back."""
    for opener, closer in (("(", ")"), ("{", "}"), ("[", "]")):
        text += closer * max(0, text.count(opener) - text.count(closer))
    return text


def _upper(questions: dict[str, Question]) -> set[str]:
    return {qid.upper() for qid in questions}


def is_expression(text: str) -> bool:
    """True when the text is a programmer's condition: ids, operators, codes, quoted labels
    and brackets only, with at least one test of an id."""
    try:
        tokens = _tokens(text)
    except _Unread:
        return False
    kinds = [kind for kind, _ in tokens]
    return "id" in kinds and ("op" in kinds or "word" in kinds)
