"""Tests written in a program's syntax, rewritten as the plain tests the condition reader knows.

Researchers keep routing in the syntax of the tool that runs or analyses the study: Stata's
`inlist(c01,1,2)` and `inrange(age,18,64)`, JavaScript's `SUB1.includes(2)` (an answer among
a multi's choices), each negated with `!`. The function and its arguments become a test of
the question named first: `c01 = 1,2`, `age = 18-64`, `SUB1 = 2`, `SUB1 != 2`. (`==`, `!=`,
`&&` and `||` are read by the condition reader itself.)
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_][A-Za-z0-9_]{0,30}"
_VALUES = r"-?\d{1,4}(?:\s*,\s*-?\d{1,4}){0,20}"
_INLIST_RE = re.compile(
    rf"(?P<neg>!\s*)?\binlist\s*\(\s*(?P<q>{_NAME})\s*,\s*(?P<v>{_VALUES})\s*\)"
)
_INRANGE_RE = re.compile(
    rf"(?P<neg>!\s*)?\binrange\s*\(\s*(?P<q>{_NAME})\s*,\s*(?P<a>-?\d{{1,4}})\s*,\s*(?P<b>-?\d{{1,4}})\s*\)"
)
_INCLUDES_RE = re.compile(
    rf"(?P<neg>!\s*)?\b(?P<q>{_NAME})\s*\.\s*(?:includes|contains|has)\s*\(\s*(?P<v>{_VALUES})\s*\)"
)


def program_tests(text: str) -> str:
    """The text with each program-syntax test written as `Q = codes` (or `!=`)."""
    if "(" not in text:
        return text

    def listed(match: re.Match[str]) -> str:
        values = ",".join(v.strip() for v in match["v"].split(","))
        return f"{match['q']} {'!=' if match['neg'] else '='} {values}"

    def ranged(match: re.Match[str]) -> str:
        return f"{match['q']} {'!=' if match['neg'] else '='} {match['a']}-{match['b']}"

    text = _INLIST_RE.sub(listed, text)
    text = _INRANGE_RE.sub(ranged, text)
    return _INCLUDES_RE.sub(listed, text)
