"""Filters written under the question they are for, in documents that name items by variables.

A build spec that names every item by its variable (`consent`, `cyc_days`) writes each item's
rules in a note under its answers: the screen-out (`If 0 → end of survey`), the skip (`If 0,
skip to pollution_concern`) and the filter (`Shown if pollution_concern ≥ 4.`, `Only if
exposure_check includes 4.`, `Cyclists only: shown when cyc_days > 0.`). Read as a note after
a question's answers, a filter waits for the next question, as it does where a form writes it
over the question it is for. Where the document writes three such filters or more under items,
each naming only items before the one it is under (a test on that item itself is the next
one's), the filters are the items' own: each is moved over its item as an `ASK IF` line.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, made_line

# "Shown if …", "Only if …", "Asked when …", "Cyclists only: shown when …", "Display if …"
_FILTER_RE = re.compile(
    r"^\s*(?:[A-Za-z][\w' -]{0,40}\s+only\s*[:,–—-]\s*)?"
    r"(?:(?:only\s+)?(?:shown|show|displayed|display|asked|ask|visible)\s+(?:only\s+)?(?:if|when|to\s+those\s+where)"
    r"|only\s+(?:if|when))\s+(?P<cond>\S.*?)\s*\.?\s*$",
    re.I,
)
_MIN_NOTES = 3


def _note_text(line: Line) -> str | None:
    """The words of a note line (a set-apart paragraph, or one that is only a note)."""
    if line.is_option or line.kind != "paragraph" or line.label:
        return None
    if line.text and not line.instructions:
        return line.text
    if not line.text and len(line.instructions) == 1:
        return line.instructions[0]
    return None


def _named(condition: str, names: dict[str, int]) -> list[int]:
    """The positions of the items the condition names (by their whole names)."""
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", condition))
    return [names[word] for word in words if word in names]


def trailing_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each item's filter written under it moved over it as `ASK IF …`."""
    heads = [index for index, line in enumerate(lines) if line.label]
    if len(heads) < _MIN_NOTES:
        return lines
    names: dict[str, int] = {}
    for index in heads:
        names.setdefault(lines[index].label or "", index)
    moves: dict[int, list[tuple[int, str]]] = {}  # head index -> (note index, condition)
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else len(lines)
        for at in range(head + 1, end):
            if lines[at].kind == "heading":
                break
            text = _note_text(lines[at])
            match = _FILTER_RE.match(text) if text else None
            if match is None:
                continue
            named = _named(match["cond"], names)
            if named and all(position < head for position in named):
                moves.setdefault(head, []).append((at, match["cond"]))
    if sum(len(found) for found in moves.values()) < _MIN_NOTES:
        return lines
    moved = {at for found in moves.values() for at, _ in found}
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in moved:
            continue
        for _, condition in moves.get(index, []):
            note = made_line(line, f"ASK IF {condition}", instruction=True)
            out.append(note)
        out.append(line)
    return out
