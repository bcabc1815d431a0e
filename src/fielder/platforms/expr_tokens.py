"""Tokens and a cursor over them, for the small expression languages platforms write
(SurveyJS expressions, XLSForm's XPath subset); each parser keeps its own grammar."""

from __future__ import annotations

import re
from collections.abc import Callable

Token = tuple[str, str]


def tokenize(
    pattern: re.Pattern[str], text: str, fold: Callable[[str, str], str] | None = None
) -> list[Token]:
    """(kind, text) for each match of `pattern`'s named groups, spaces (group `ws`) left out,
    ending with ("end", ""); `fold(kind, value)` may rewrite a value (keywords' case)."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = pattern.match(text, position)
        if match is None:
            raise ValueError(f"unexpected {text[position]!r}")
        position = match.end()
        kind = match.lastgroup or ""
        if kind != "ws":
            tokens.append((kind, fold(kind, match.group()) if fold else match.group()))
    tokens.append(("end", ""))
    return tokens


class TokenCursor:
    """Reads a token list front to back for a recursive-descent parser."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        self.index += 1
        return self.tokens[self.index - 1]

    def accept(self, *values: str) -> str | None:
        """Take the next token if it is one of `values` (an operator or a word)."""
        kind, value = self.peek()
        if kind in ("op", "word") and value in values:
            self.index += 1
            return value
        return None

    def expect(self, value: str) -> None:
        if self.accept(value) is None:
            raise ValueError(f"expected {value!r}, found {self.peek()[1]!r}")
