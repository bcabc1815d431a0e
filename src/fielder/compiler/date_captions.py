"""The captions of a date's entry boxes on lines of their own ("Y" / "M" / "D" under a roster's
date column): the parts of a date, not notes — a lone "M" would read as "multiple answers".
A booklet's key line of words under its date boxes (`day   month   year` under `__ __ / __ __ /
__ __ __ __`) is the same caption on one line; read as answers it would make a single choice."""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_ORDERS = (("Y", "M", "D"), ("D", "M", "Y"), ("M", "D", "Y"))
# "day      month      year" set under "__ __ / __ __ / __ __ __ __": the boxes' key, one line
_PART_WORDS_RE = re.compile(
    r"^\s*(?:(?:day|month|year|dd|mm|yy|yyyy|hour|hours|minutes?)\s*/?\s*){2,4}$", re.I
)
_ENTRY_BOXES_RE = re.compile(r"^[\s_/|.:\-–☐□]*_[\s_/|.:\-–☐□]*$")


def drop_date_captions(lines: list[Line]) -> list[Line]:
    """`lines` without the runs of one-letter date captions."""
    dropped: set[int] = set()
    for index in range(len(lines) - 2):
        window = tuple(line.text.strip().upper() for line in lines[index : index + 3])
        if window in _ORDERS and all(line.kind == "paragraph" for line in lines[index : index + 3]):
            dropped.update(range(index, index + 3))
    for index in range(1, len(lines)):
        # a key line of date words straight under a line of blanks (a booklet's date boxes)
        if (
            lines[index].kind == "paragraph"
            and _PART_WORDS_RE.match(lines[index].text)
            and _ENTRY_BOXES_RE.match(lines[index - 1].text)
        ):
            dropped.add(index)
    return [line for index, line in enumerate(lines) if index not in dropped]
