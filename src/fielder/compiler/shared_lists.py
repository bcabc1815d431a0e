"""One answer list for several questions asked in turn, a column of codes each: "Q152. Which
is most important? (Code under 'first choice')", "Q153. And the next most important?", then
"Q152  Q153" over "First choice  Second choice" over "1. Economic growth  1  1" … — each
question is answered from the whole list, so the list is written out under each of them."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_LABEL = r"[A-Z]{0,3}\d{1,4}[a-z]?"
_LABELS_RE = re.compile(rf"^{_LABEL}(?:\s+{_LABEL})+$")
#: how far above the labels' line the questions it names may start
_REACH = 8


def _item(text: str, columns: int) -> tuple[str, str] | None:
    """ "1. Economic growth  1  1": the item's code and words, its code repeated per column."""
    match = re.match(rf"^(\d{{1,2}})[.)]\s+(\S.*?)((?:\s+\d{{1,2}}){{{columns}}})$", text)
    if match is None or set(match[3].split()) != {match[1]}:
        return None
    return match[1], match[2]


def _items(lines: list[Line], start: int, columns: int) -> tuple[list[tuple[str, str]], int]:
    """The list's items from `start` (a wrapped item's words joined), and where it ends."""
    found: list[tuple[str, str]] = []
    index = start
    while index < len(lines):
        item = _item(lines[index].text, columns)
        if item is not None:
            found.append(item)
        elif found and lines[index].text[:1].islower() and lines[index].kind == "paragraph":
            found[-1] = (found[-1][0], f"{found[-1][1]} {lines[index].text}")
        else:
            break
        index += 1
    return found, index


def shared_list_lines(lines: list[Line]) -> list[Line]:
    """`lines` with each list shared by several questions written out under each of them."""
    index = 0
    while index < len(lines):
        labels = lines[index].text.split() if _LABELS_RE.match(lines[index].text) else []
        first = index + 2 if labels else index
        items, end = _items(lines, first, len(labels)) if labels else ([], index)
        starts = [_question_at(lines, index, label) for label in labels]
        if len(items) < 2 or any(s is None for s in starts):
            index += 1
            continue
        answers = [
            replace(
                lines[first],
                text=f"{c} {w}",
                raw=f"{c} {w}",
                spaced=f"{c}\t{w}",
                instructions=[],
                kind="paragraph",
            )
            for c, w in items
        ]
        ends = [*(s for s in starts[1:] if s is not None), index]
        rebuilt = lines[: starts[0]]
        for start, stop in zip(starts, ends, strict=True):
            rebuilt += [*lines[start:stop], *answers] if start is not None else []
        lines = [*rebuilt, *lines[end:]]
        index = len(rebuilt)
    return lines


def _question_at(lines: list[Line], before: int, label: str) -> int | None:
    """Where the question labelled `label` starts, a few lines above `before`."""
    for index in range(before - 1, max(-1, before - _REACH - 1), -1):
        if re.match(rf"^{re.escape(label)}[.:]?\s+\S", lines[index].text):
            return index
    return None
