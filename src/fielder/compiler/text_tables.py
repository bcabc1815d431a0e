"""Tables drawn with characters in a plain-text questionnaire (a quota check, a sample plan):

    QUOTA   | SPECIALTY (S2)   | TARGET
    --------+------------------+-------
    A1      | Rheumatology  1  |   6

A ruled table whose cells ask nothing is for the team running the fieldwork, not questions:
its rows (and the header over the rule) are left out, so that `A1 | …` is not read as a
question labelled A1. A table of questions (a cell ending in `?`) is kept, and so is a table
right under an ask (`Rate each item:`), which is that question's grid.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

# "--------+--------", "|------|:----:|", "====+===="
_RULE_RE = re.compile(r"^\s*\|?\s*:?[-=]{3,}:?\s*(?:[+|]\s*:?[-=]{3,}:?\s*)+\|?\s*$")


def _row(line: Line) -> bool:
    return line.kind == "paragraph" and line.text.count("|") >= 2


def _asked_above(lines: list[Line], header: int) -> bool:
    """True when the line above the table asks for answers ("How much do you agree…?",
    "Rate each item:"): the table is that question's grid, drawn in characters."""
    above = next((line for line in reversed(lines[:header]) if line.text.strip()), None)
    return above is not None and above.text.rstrip().endswith(("?", ":"))


def drop_reference_tables(lines: list[Line]) -> list[Line]:
    """The lines without the rows of ruled text tables that ask nothing."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if not _RULE_RE.match(line.text) or index == 0 or not _row(lines[index - 1]):
            continue
        end = index + 1
        while end < len(lines) and (_row(lines[end]) or _RULE_RE.match(lines[end].text)):
            end += 1
        table = range(index - 1, end)
        if any("?" in lines[place].text for place in table) or _asked_above(lines, index - 1):
            continue
        dropped.update(table)
    return [line for index, line in enumerate(lines) if index not in dropped]
