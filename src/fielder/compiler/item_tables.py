"""A stem over a table of numbered items that carry the questionnaire's own numbering.

Clinical and school forms print a battery as a table: the stem ("Over the past month, how
often …?") above it, the items numbered 1., 2., … 6. down its first column with the answer
columns across, and then go on with question 7. The table is one grid whose id is its first
item's number (the stem takes that number), and the numbering goes on after its last item.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label, looks_like_question
from fielder.compiler.lines import Line

_ITEM_RE = re.compile(r"^(\d{1,3})[.)]\s+\S")
#: at most this many heading rows over the numbered items
HEAD_ROWS = 2
MIN_ITEMS = 3


def item_numbers(rows: tuple[tuple[str, ...], ...]) -> tuple[int, int] | None:
    """The first and last number of a table whose first column numbers its items in a run
    (1., 2., 3. … under at most two heading rows), or None."""
    numbers: list[int] = []
    for place, row in enumerate(rows):
        found = _ITEM_RE.match(row[0].strip()) if row else None
        if found is None:
            if numbers or place >= HEAD_ROWS:
                return None
            continue
        numbers.append(int(found[1]))
    if len(numbers) < MIN_ITEMS or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    return numbers[0], numbers[-1]


def numbered_item_lines(lines: list[Line]) -> list[Line]:
    """The lines with the stem over each numbered item table labelled by its first item."""
    out = list(lines)
    for index, line in enumerate(lines):
        span = item_numbers(line.rows) if line.kind == "table" else None
        if span is None or not _numbering_goes_on(lines, index, span[1]):
            continue
        stem = _stem_before(lines, index)
        if stem is not None:
            text = f"{span[0]}. {lines[stem].text}"
            out[stem] = replace(lines[stem], text=text, spaced=text)
    return out


def _numbering_goes_on(lines: list[Line], index: int, last: int) -> bool:
    """Whether the next numbered question after the table is the number after its last item."""
    for line in lines[index + 1 :]:
        label = find_label(line) if line.text else None
        if label is not None and label.style == "bare":
            return re.fullmatch(rf"Q{last + 1}[a-z]?", label.id) is not None
    return False


def _stem_before(lines: list[Line], index: int) -> int | None:
    """The place of the unlabelled request right over the table (instruction lines between
    are passed over), or None."""
    for place in range(index - 1, max(index - 4, -1), -1):
        line = lines[place]
        if line.whole_instruction or not (line.text or line.instructions):
            continue
        if line.kind != "paragraph" or line.is_option or find_label(line) is not None:
            return None
        text = line.text.rstrip()
        asks = text.endswith(("?", ":")) or looks_like_question(text)
        return place if asks and len(text.split()) >= 4 else None
    return None
