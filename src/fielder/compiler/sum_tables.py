"""A two-column table of items, each beside a box to write a number in, over a `Total` row.

Paper forms lay out a constant-sum question (spread 10 tokens, 100 points, 100%) as a small
table: the items down the left, an empty box (`[ ]`, `____`, nothing) beside each, and a last
row `Total | 10` (or `100%`) that says what the numbers must add up to. Read as a table it
looks like a grid with one column; it is a list of items, and the total row is the sum's
rule. The table is written out as one answer line an item and, where it has a total row, the
instruction that row stands for.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# an empty box to write a number in: "[ ]", "[    ]", "____", "|__|__|", or nothing at all
_ENTRY_RE = re.compile(r"^\s*(?:\[\s*\]|\(\s*\)|[_|\s]*|\.{3,})\s*(?:%|points?|tokens?)?\s*$", re.I)
_TOTAL_RE = re.compile(r"^\s*total\s*:?\s*$", re.I)
_AMOUNT_RE = re.compile(r"^\s*(?:=\s*)?(\d{1,4})\s*(?:%|points?|tokens?)?\s*$", re.I)
# without a total row, the ask before the table must say the numbers share out a total
_SUM_ASK_RE = re.compile(
    r"\badd\s+up\s+to\b|\btotal\s+(?:of\s+)?\d|\b\d+\s+(?:points|tokens|coins|chips)\b|"
    r"\b(?:allocate|distribute|share\s+out|spread)\b",
    re.I,
)


def _sum_table(line: Line, before: Line | None) -> tuple[list[str], str | None] | None:
    """The items and the written total (or None) of a constant-sum table, or None."""
    rows = [tuple(c.strip() for c in row) for row in line.rows if any(c.strip() for c in row)]
    if line.kind != "table" or len(rows) < 2 or any(len(row) != 2 for row in rows):
        return None
    total = None
    if _TOTAL_RE.match(rows[-1][0]):
        amount = _AMOUNT_RE.match(rows[-1][1])
        if amount is None:
            return None
        total, rows = amount[1], rows[:-1]
    items = [row[0] for row in rows]
    if len(items) < 2 or not all(re.search(r"[^\W\d_]", item) for item in items):
        return None
    if not all(_ENTRY_RE.match(row[1]) for row in rows):
        return None
    if total is None and not (before is not None and _SUM_ASK_RE.search(before.text)):
        return None
    return items, total


def sum_table_lines(lines: list[Line]) -> list[Line]:
    """The lines with each constant-sum table written out as its items (and its total)."""
    out: list[Line] = []
    for line in lines:
        before = next((ln for ln in reversed(out) if ln.text.strip()), None)
        found = _sum_table(line, before)
        if found is None:
            out.append(line)
            continue
        items, total = found
        if total is not None:
            note = f"CONSTANT SUM – MUST ADD UP TO {total}"
            out.append(
                replace(
                    line,
                    kind="paragraph",
                    rows=(),
                    text="",
                    raw=note,
                    spaced="",
                    instructions=[note],
                )
            )
        for item in items:
            text = f"☐ {item}"
            out.append(
                replace(
                    line,
                    kind="paragraph",
                    rows=(),
                    text=text,
                    raw=item,
                    spaced=text,
                    instructions=[],
                )
            )
    return out
