"""Uncoded group headings among the coded answers of a census-style coding cell.

DHS and MICS questionnaires group long answer lists under headings in the same capitals:
`PIPED WATER` over `PIPED INTO DWELLING ... 11` / `PIPED TO YARD ... 12`, `OBSERVED` over the
places seen. The heading has no code of its own while every answer around it has one: it is
no answer to pick, only the name of the group below it.
"""

from __future__ import annotations

from fielder.compiler.options import SPECIFY_RE, parse_option_text


def _coded(label: str) -> bool:
    written = parse_option_text(label)
    return bool(written and written[0].code and written[0].label)


def category_heads(labels: list[str]) -> set[int]:
    """The places of the uncoded heading lines: each followed by a coded answer, in a cell
    whose other lines are all coded (three at least)."""
    coded = [_coded(label) for label in labels]
    heads = {
        index
        for index, label in enumerate(labels)
        if not coded[index]
        and index + 1 < len(labels)
        and coded[index + 1]
        and label.strip()
        and not SPECIFY_RE.search(label)
        and "_" not in label
    }
    others = [c for i, c in enumerate(coded) if i not in heads]
    if not heads or len(others) < 3 or not all(others):
        return set()
    return heads
