"""Audit and inspection checklists: `1.3  Was the entrance clean?      Y / N / N/A`.

Checklists save a line per item by printing the answers at the end of the ask, after a gap,
as short words set apart by slashes; the line under an item often asks for more when one
answer is given (`If N, describe: ______`). The answers are cut off onto a line of their own
(as if printed under the ask), and such an "If <answer>, …" line with a box becomes a follow-up
question of its own, labelled after its item (`1.3` → `1.3a`), which the follow-up rule then
shows only to those who gave that answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, collapse

# the last run of two or more blanks (possessive, so a long run is not retried at every blank)
_GAP_RE = re.compile(r"(?<![ \t])[ \t]{2,}+(?=\S)")
_SLASH_RE = re.compile(r"\s+/\s+")
# "DD / MM / YYYY", "hh / mm": the parts of a date or time box, not answers
_MASK_RE = re.compile(r"^(?:d{1,2}|m{1,3}|y{2,4}|h{1,2}|s{1,2}|jj|aaaa|tt)$", re.I)
_FOLLOW_RE = re.compile(
    r"^if\s+(?P<answer>yes|no|y|n)\s*[,:–—-]\s*(?P<ask>[^_]*[A-Za-z][^_]*?)\s*:?\s*_{3,}[\s_]*$",
    re.I,
)
_MAX_ANSWER_WORDS = 3


def checklist_lines(lines: list[Line]) -> list[Line]:
    """The lines with slashed answers after an ask cut onto their own line, and each "If N,
    describe: ____" under a yes/no item labelled as that item's follow-up."""
    out: list[Line] = []
    for line in lines:
        out.extend(_split_answers(line))
    return _label_follow_ups(out)


def _split_answers(line: Line) -> list[Line]:
    spaced = line.spaced or line.text
    if line.kind != "paragraph" or line.is_option or "/" not in spaced:
        return [line]
    gaps = list(_GAP_RE.finditer(spaced))
    asked = spaced.rfind("? ")
    if gaps and spaced[: gaps[-1].start()].rstrip().endswith(("?", ":")):
        head, tail = spaced[: gaps[-1].start()], spaced[gaps[-1].end() :].strip()
    elif asked > 0:  # "Did anyone greet you? Y / N / N/A": one blank after the question mark
        head, tail = spaced[: asked + 1], spaced[asked + 1 :].strip()
    else:
        return [line]
    if not _short_answers(tail):
        return [line]
    ask = collapse(head)
    if not line.text.endswith(collapse(tail)) or len(ask) < 8:
        return [line]
    answers = replace(
        line, text=collapse(tail), raw=tail, spaced=tail, instructions=[], level=line.level + 1
    )
    return [replace(line, text=ask, spaced=head.rstrip()), answers]


def _short_answers(tail: str) -> bool:
    """Two to eight answers of a few words each, set apart by " / "."""
    parts = [p.strip() for p in _SLASH_RE.split(tail)]
    if not 2 <= len(parts) <= 8 or any(not p or "?" in p or "_" in p for p in parts):
        return False
    if all(_MASK_RE.match(p) for p in parts):
        return False
    return all(len(p.split()) <= _MAX_ANSWER_WORDS and len(p) <= 24 for p in parts)


def _label_follow_ups(lines: list[Line]) -> list[Line]:
    written: str | None = None  # the item's label as printed ("1.3", "Q5.")
    level = 0
    answers: set[str] = set()
    for place, line in enumerate(lines):
        label = find_label(line) if line.text and not line.is_option and not line.label else None
        if label is not None and label.style != "display":
            written, level, answers = _sub_label(line.text, label.rest), line.level, set()
            continue
        follow = _FOLLOW_RE.match(line.text)
        if follow is None:
            answers.update(p.strip().lower() for p in _SLASH_RE.split(line.text) if p.strip())
            continue
        if written is not None and follow["answer"].lower() in answers:
            text = f"{written} {line.text}"
            spaced = f"{written} {line.spaced or line.text}"
            # the box on the line itself is a note's length: one line of text, whatever it asks
            notes = [*line.instructions, "OPEN END – SINGLE LINE"]
            lines[place] = replace(line, text=text, spaced=spaced, level=level, instructions=notes)
            written, answers = None, set()
    return lines


def _sub_label(text: str, rest: str) -> str | None:
    """The label of an item's first sub-question as the document would print it ("1.3" →
    "1.3a", "Q5." → "Q5a."), or None when the item's label already ends in a letter."""
    printed = text[: len(text) - len(rest)].strip() if text.endswith(rest) else ""
    match = re.fullmatch(r"(?P<id>.*\d)(?P<end>[.):]?)", printed)
    return f"{match['id']}a{match['end']}" if match else None
