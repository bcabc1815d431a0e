"""The words over a battery of one-line items ("Here is a list of qualities … Please choose up
to five!" above "Mentioned  Not mentioned" and "Q7  Good manners  1  2"): the battery's lead-in.

Each item is a question of its own, answered on the column words; the paragraphs between the
last item of one battery and the column words of the next introduce the next battery. Read as
notes of the item above them they gave it the next battery's type words ("choose up to five"),
so they are a screen of their own, shown before the battery's first item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

#: at most this many paragraphs between a battery's items and the next one's column words
_LONGEST_LEAD_IN = 6
#: "2 Occasionally", "Quite secure 2": an answer of the question above, written with its code
_CODED_ANSWER_RE = re.compile(r"^-?\d{1,3}[.)]?\s|\s-?\d{1,3}$")


def column_words(line: Line) -> list[str] | None:
    """The short words a line spreads over columns ("Very<TAB>Quite<TAB>Not at all"), or None."""
    cells = [c.strip() for c in (line.spaced or "").split("\t") if c.strip()]
    if len(cells) < 2 or line.kind != "paragraph" or find_label(line) is not None:
        return None
    if any(re.search(r"\d", c) or len(c.split()) > 4 or len(c) > 40 for c in cells):
        return None
    return cells


def stacked_words(upper: Line, lower: Line) -> list[str] | None:
    """Column words wrapped onto two lines ("Very  Quite" over "often  often"), read top to
    bottom; None unless both lines hold as many columns."""
    top, bottom = column_words(upper), column_words(lower)
    if top is None or bottom is None or len(top) != len(bottom):
        return None
    return [f"{a} {b}" for a, b in zip(top, bottom, strict=True)]


def lead_in_end(lines: list[Line], index: int, header_at: Callable[[int], bool]) -> int | None:
    """Where the column words close the lead-in that starts at `index` (None when the lines
    from `index` are no such lead-in: a label, an answer or a heading comes first)."""
    worded = False
    for position in range(index, min(len(lines), index + _LONGEST_LEAD_IN + 1)):
        line = lines[position]
        if line.kind == "page_break":
            continue
        if position > index and header_at(position):
            return position if worded else None
        upper = position > index and position + 1 < len(lines) and column_words(line)
        if upper and header_at(position + 1):
            return position if worded else None  # the upper line of two-line column words
        if line.kind != "paragraph" or line.is_option or find_label(line) is not None:
            return None
        if _CODED_ANSWER_RE.search(line.text):
            return None
        worded = worded or len(line.text.split()) >= 6
    return None
