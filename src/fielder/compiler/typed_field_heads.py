"""A form builder's field heads: the field's number and its type caption, the words below.

Form builders export each field as a card whose head line holds the field's number (or the
screen's name) with the field's type as a small caption beside it (`3. CHECKBOXES`,
`7. Star rating`, `END  Ending screen`), and the question's words on the line under it. Read
as it stands, the number over a caption looks like a numbered section band and the words
below like an unlabelled question. The head and the words are joined as `3. What's been…?`,
with the caption kept as the field's type note (a screen's caption as `TEXT SCREEN`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.instructions import FORM_TYPE_LINE_RE
from fielder.compiler.lines import Line

# captions the answer-type vocabulary does not hold: a rating's stars, a matrix and its mode
_MORE_TYPES = (
    r"star\s+rating|matrix(?:\s*\([^()]{1,30}\))?|statement|"
    r"(?:welcome|ending|end|closing|thank[- ]you)\s+(?:screen|page)"
)
_CAPTION_RE = re.compile(rf"(?:{FORM_TYPE_LINE_RE.pattern}|{_MORE_TYPES})", re.I)
_HEAD_RE = re.compile(
    r"^\s*(?:(?P<n>\d{1,3})[.)]?|(?P<name>[A-Z][A-Z0-9_]{1,15}))\s+(?P<rest>.+?)\s*$"
)
_SCREEN_RE = re.compile(r"\b(?:screen|page)$|^statement$", re.I)


def typed_field_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each field head joined to the words under it (two numbered heads or
    more, numbered upwards, make the layout; one alone may be anything)."""
    heads = {i: head for i, line in enumerate(lines) if (head := _head(line, lines, i))}
    numbers = [int(head[0]) for head in heads.values() if head[0].isdigit()]
    if len(numbers) < 2 or numbers != sorted(numbers):
        return lines
    out: list[Line] = []
    skip: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        if index not in heads:
            out.append(line)
            continue
        label, caption = heads[index]
        words = lines[index + 1]
        text = f"{label}. {words.text}" if label.isdigit() else f"{label} {words.text}"
        note = "TEXT SCREEN" if _SCREEN_RE.search(caption) else caption
        out.append(
            replace(
                words,
                text=text,
                spaced=text,
                raw=f"{label} {words.raw}",
                start=line.start,
                instructions=[note, *words.instructions],
            )
        )
        skip.add(index + 1)
    return out


def _head(line: Line, lines: list[Line], index: int) -> tuple[str, str] | None:
    """(label, caption) when the line is a field head over a line of words."""
    if line.kind not in ("paragraph", "heading") or line.is_option or line.rows:
        return None
    head = _caption_of(line.raw)
    following = lines[index + 1] if index + 1 < len(lines) else None
    if head is None or following is None or following.kind not in ("paragraph", "heading"):
        return None
    if not following.text or following.is_option or _caption_of(following.raw):
        return None
    return head


def _caption_of(raw: str) -> tuple[str, str] | None:
    """(label, caption) of `3. CHECKBOXES`, `END Ending screen`; None for other words."""
    match = _HEAD_RE.match(raw)
    if match is None or not _CAPTION_RE.fullmatch(match["rest"]):
        return None
    return match["n"] or match["name"], match["rest"]
