"""A grid's statements each followed by its recode value in brackets: `Branch counter (1)`,
`Mobile app (2)` … — a survey tool's export prints a matrix row's variable value after its
words, as it prints a choice's. The value is the row's code for the data, not words shown to
the respondent; a label that only some rows carry in brackets (`Cash machine (ATM)`) stays."""

from __future__ import annotations

import re

_RECODE_RE = re.compile(r"^(?P<words>\S.*?)\s+\((?P<code>\d{1,3})\)$")


def without_row_recodes(statements: list[str]) -> list[str]:
    """The statements without their bracketed recodes, when every one carries a different one."""
    found = [_RECODE_RE.match(s.strip()) for s in statements]
    if len(statements) < 2 or not all(found):
        return statements
    codes = [m["code"] for m in found if m]
    if len(set(codes)) != len(codes):
        return statements
    return [m["words"] for m in found if m]
