"""A question's spec written on one line of parts set apart by middle dots, the answer type
first, as wiki pages and specs print it under the question's words:

    Numeric · 13–99 · G4 < 16 ⇒ TERM
    Multi · Show if: G1 >= 2
    Single · mask: titles picked at B1 · Route: B2 ∋ 98 → B4

Every part is a note for the programmer, never an answer. `Show if: …` is the question's
filter, written as `ASK IF …` before its label; `Route: X → Y` is a skip (`→ Block C (C1)`: the
question in brackets); `X ⇒ TERM` a screen-out; a bare range (`13–99`, `whole hours 0–100`) the
number's allowed range. The other parts (the type, `randomise`, `mask: …`) are read as notes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.instructions import type_words
from fielder.compiler.lines import Line

_PART_SPLIT_RE = re.compile(r"\s+·\s+")
# ("Long answer · optional": a form tool's answer box named first, then its settings)
_TYPE_HEAD_RE = re.compile(
    r"^(?:info(?:rmation)?\s+screen|text\s+screen|open(?:\s+text)?|(?:long|short)\s+(?:answer|text)|"
    r"paragraph(?:\s+text)?)\b",
    re.I,
)
_SHOW_IF_RE = re.compile(r"^(?:show|ask|display)\s+(?:only\s+)?if\s*:?\s*(?P<cond>\S.*)$", re.I)
_ROUTE_RE = re.compile(r"^(?:route|routing|skip)\s*:\s*(?P<route>\S.*)$", re.I)
_TARGET_IN_BRACKETS_RE = re.compile(r"→\s*[^→()]*\((?P<id>[A-Za-z]{1,4}\d{1,3}[a-z]?)\)\s*$")
_TERM_RE = re.compile(r"^(?P<cond>\S.*?)\s*(?:⇒|=>|→|->)\s*(?:TERM|TERMINATE|SCREEN[- ]?OUT)\b.*$")
_RANGE_RE = re.compile(r"^(?:[a-z]+\s+){0,3}(?P<low>-?\d{1,6})\s*[–—-]\s*(?P<high>\d{1,6})$", re.I)


def _is_spec(parts: list[str]) -> bool:
    head = parts[0]
    return bool(type_words(head) or _TYPE_HEAD_RE.match(head)) and len(head.split()) <= 4


def _note(anchor: Line, notes: list[str]) -> Line:
    return replace(
        anchor,
        text="",
        spaced="",
        raw=" · ".join(notes),
        instructions=notes,
        kind="paragraph",
        numbering=None,
        label=None,
        code=None,
        is_option=False,
    )


def _part_note(part: str) -> str:
    route = _ROUTE_RE.match(part)
    if route:
        text = route["route"]
        bracketed = _TARGET_IN_BRACKETS_RE.search(text)
        if bracketed:
            text = text[: text.index("→")] + f"→ {bracketed['id']}"
        return f"IF {text}"
    term = _TERM_RE.match(part)
    if term:
        return f"IF {term['cond']} TERMINATE"
    limits = _RANGE_RE.match(part)
    if limits:
        return f"RANGE {limits['low']}-{limits['high']}"
    return part


def spec_line_lines(lines: list[Line]) -> list[Line]:
    """The lines with each dotted spec line under a question read part by part."""
    out: list[Line] = []
    label_at: int | None = None
    for line in lines:
        if find_label(line) is not None:
            label_at = len(out)
            out.append(line)
            continue
        parts = _PART_SPLIT_RE.split(" ".join(line.raw.split()))
        if line.kind != "paragraph" or label_at is None or len(parts) < 2 or not _is_spec(parts):
            out.append(line)
            continue
        notes: list[str] = []
        for part in parts:
            shown = _SHOW_IF_RE.match(part)
            if shown:
                out.insert(label_at, _note(line, [f"ASK IF {shown['cond']}"]))
                label_at += 1
            else:
                notes.append(_part_note(part))
        out.append(_note(line, notes))
    return out
