"""The captions of a date's entry boxes on lines of their own ("Y" / "M" / "D" under a roster's
date column): the parts of a date, not notes — a lone "M" would read as "multiple answers"."""

from __future__ import annotations

from fielder.compiler.lines import Line

_ORDERS = (("Y", "M", "D"), ("D", "M", "Y"), ("M", "D", "Y"))


def drop_date_captions(lines: list[Line]) -> list[Line]:
    """`lines` without the runs of one-letter date captions."""
    dropped: set[int] = set()
    for index in range(len(lines) - 2):
        window = tuple(line.text.strip().upper() for line in lines[index : index + 3])
        if window in _ORDERS and all(line.kind == "paragraph" for line in lines[index : index + 3]):
            dropped.update(range(index, index + 3))
    return [line for index, line in enumerate(lines) if index not in dropped]
