"""A grid's statements lettered inside the question cell of a spec table, its scale beside them.

`| A4 | How satisfied were you with …? a. The staff b. The wait | Very satisfied (5) … | GRID |`:
the lettered lines under the question are the grid's rows, the coded answers in the answers
cell its columns. The question is the words before the first letter.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, collapse
from fielder.compiler.options import parse_option_text

_ITEM_RE = re.compile(r"^\(?[a-z][.)]\s+(?P<item>\S.*)$")


def lettered_rows(
    question_cell: str, answers_cell: str, answers_below: bool = False
) -> tuple[str, list[Line]] | None:
    """(the question's words, the rows as "Rows:" and one line each) when the question cell
    letters two or more items after its words and the answers cell codes its answers (or,
    `answers_below`, the coded answers stand on the rows under the question's own)."""
    parts = [p.strip() for p in question_cell.split("\n") if p.strip()]
    items = [_ITEM_RE.match(p) for p in parts]
    first = next((i for i, m in enumerate(items) if m), None)
    if first is None or first == 0 or not all(items[first:]) or len(parts) - first < 2:
        return None
    answers = [a for a in answers_cell.split("\n") if a.strip()]
    coded = [o for a in answers for o in parse_option_text(a)[:1] if o.code]
    if not (answers_below and not answers) and (len(coded) < 2 or len(coded) < len(answers) - 1):
        return None
    rows = [Line(text="Rows:", raw="Rows:")]
    rows.extend(Line(text=collapse(m["item"]), raw=m[0]) for m in items[first:] if m)
    rows.append(Line(text="Columns:", raw="Columns:"))
    return collapse(" ".join(parts[:first])), rows
