"""A tracker's questionnaire marked with its changes against the last wave.

A new wave's draft keeps what was taken out, for the trend record, and says so beside it:
`[DELETED W5]` (or `[REMOVED]`, `[DROPPED]`) before or after a question, an answer or a grid
row means it is not to be programmed, and a question so marked takes its answers and notes
with it; `NEW v2 – open text box`, `AMENDED W5: …` mark a line new or changed, and the mark
is no part of its words; `Q3 (was Q4)`, `Q8 (W4)`, `Q5 (previously Q7)` note the number it had
before, which is no part of the question's words. Struck-out wording (`~~…~~`) is left out by
the readers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label, is_section
from fielder.compiler.lines import Line, join_lone_labels

_DELETED_RE = re.compile(
    r"^\s*(?:DELETED|REMOVED|DROPPED)\b(?:\s+(?:IN\s+|FROM\s+|AT\s+)?(?:W|WAVE\s*)\d{1,2}\b)?", re.I
)
# "(was Q4)", "(W4)", "(previously Q7)", "(W4: Q9)" right after the label
_FORMER_NUMBER_RE = re.compile(
    r"^\((?:(?:was|previously|formerly|old|orig(?:inally)?|prev\.?)\s+[A-Z]{1,4}[-_.]?\d{1,3}"
    r"[a-z]?|W(?:ave)?\s*\d{1,2}(?:\s*[:=]?\s*[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?)?)\)\s*",
    re.I,
)

# "NEW v2 – ", "AMENDED W5: ", "NEW: " in capitals at the start of a line
_CHANGE_MARK_RE = re.compile(
    r"^(?:NEW|ADDED|AMENDED|CHANGED|UPDATED|REVISED)(?:\s+(?:IN\s+)?(?:[vV]|W|WAVE\s*)\d{1,2}"
    r"(?:\.\d{1,2})?)?\s*[–—:-]\s+(?=\S)"
)


def _deleted(line: Line) -> bool:
    return any(_DELETED_RE.match(note) for note in line.instructions)


def _marked(line: Line) -> bool:
    return bool(_CHANGE_MARK_RE.match(line.text))


def _without_change_mark(line: Line) -> Line:
    """`NEW v2 – open text box` as `open text box`."""
    match = _CHANGE_MARK_RE.match(line.text)
    if match is None:
        return line
    text = line.text[match.end() :]
    spaced = _CHANGE_MARK_RE.sub("", line.spaced or "", count=1) or text
    return replace(line, text=text, raw=text, spaced=spaced)


def _without_former_number(line: Line) -> Line:
    """`Q3 (was Q4)  Do you …` as `Q3 Do you …`."""
    label = find_label(line) if line.text else None
    if label is None or label.style == "given":
        return line
    match = _FORMER_NUMBER_RE.match(label.rest)
    if match is None:
        return line
    cut = len(line.text) - len(label.rest)
    text = (line.text[:cut] + label.rest[match.end() :]).strip()
    spaced = line.spaced.replace(match.group().rstrip(), "", 1) if line.spaced else line.spaced
    return replace(line, text=text, spaced=spaced)


def wave_change_lines(lines: list[Line]) -> list[Line]:
    """The lines without what is marked deleted (a question with everything under it up to the
    next question or section), and without former numbers after the labels."""
    if not any(_deleted(line) or "(" in line.text or _marked(line) for line in lines):
        return lines
    out: list[Line] = []
    dropping = False
    for line in lines:
        labelled = bool(line.text) and find_label(line) is not None
        if dropping and (labelled or is_section(line)) and not _deleted(line):
            dropping = False
        if dropping:
            continue
        if _deleted(line):
            dropping = labelled  # a deleted question takes its answers and notes with it
            continue
        out.append(_without_former_number(_without_change_mark(line)))
    return join_lone_labels(out)  # "Q7 (was Q9)" alone over its new words
