"""A capitals note wrapped onto the lines under it in a fixed-width script.

A plain-text CATI script keeps its instructions in capitals, often in a right-hand column, and
wraps them wherever the width runs out:

    02  No                 PASS TO SOMEONE OVER 21 AND
                           START AGAIN. IF NOBODY, THANK
                           AND CLOSE
    Q7  Which of these do you use? READ OUT. MULTI
        CODE.

Each wrapped piece would otherwise read as a line of its own (an answer `CODE.`, a loose
`AND CLOSE` note), and the instruction would be lost in halves. A piece is put back on the
line it came from when the note there is plainly unfinished: it ends on a joining word
(`AND`, `OR`, `TO` …), the piece starts with one, or the piece is the one or two last words
of the sentence (`CODE.`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, is_caps_instruction

# "… AGED 18+ AND" after a gap: the capitals of an answer's right-hand column
_TAIL_RE = re.compile(r"(?:\t|\s{2,})([A-Z][A-Z0-9 ,.;:'/&()+\-–]*)$")
_JOINING = r"(?:AND|OR|BUT|THEN|TO|OF|FOR|IF|THE|A|AN|WITH|AT|IN|ON|NOT|NO|,)"
_ENDS_JOINING_RE = re.compile(rf"(?:^|\s|,){_JOINING}\s*$")
# only words that cannot open a note of their own: "IF …", "NOT …" can
_STARTS_JOINING_RE = re.compile(r"^(?:AND|OR|BUT|THEN)\b")
# "CODE.": the last word or two of the sentence, closing it
_SENTENCE_END_RE = re.compile(r"^[A-Z]+(?:\s[A-Z]+)?[.!]$")
_LABEL_RE = re.compile(r"^(?:[A-Z]{1,4}\d{1,3}[a-z]?|\d{1,3})\b")


def join_wrapped_caps(lines: list[Line]) -> list[Line]:
    """The lines with each wrapped piece of a capitals note joined back onto its line."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        joined = _joined(previous, line) if previous is not None else None
        if joined is None:
            out.append(line)
        else:
            out[-1] = joined
    return out


def _joined(previous: Line, line: Line) -> Line | None:
    piece = line.text.strip()
    whole = _whole_note_wrapped(previous, line, piece)
    if whole is not None:
        return whole
    if (
        line.kind != "paragraph"
        or previous.kind != "paragraph"
        or line.instructions
        or line.is_option
        or not piece
        or not is_caps_instruction(piece)
        or _LABEL_RE.match(piece)
        or len(piece) > 80
    ):
        return None
    tail = _TAIL_RE.search(previous.spaced or "")
    if tail and is_caps_instruction(tail[1]) and _unfinished(tail[1], piece):
        # the answer's right-hand column goes on: its text and spacing keep the whole tag
        return replace(
            previous,
            text=f"{previous.text} {piece}",
            spaced=f"{previous.spaced} {piece}",
            end=line.end,
        )
    last = previous.instructions[-1] if previous.instructions else ""
    # only a note that ends its line can have been wrapped onto the next one
    if last and previous.raw.rstrip().endswith(last) and _unfinished(last, piece):
        notes = [*previous.instructions[:-1], f"{previous.instructions[-1]} {piece}"]
        return replace(previous, instructions=notes, end=line.end)
    return None


def _whole_note_wrapped(previous: Line, line: Line, piece: str) -> Line | None:
    """An indented line all in capitals that breaks off on a joining word ("… OR WOULD NOT
    RECOMMEND AT") and goes on at the same indent, even with a question's label ("Q4 (03/04).
    EVERYONE ELSE …"): one note, the label its object, not a question of its own."""
    before = previous.text.strip()
    if (
        line.kind != "paragraph"
        or previous.kind != "paragraph"
        or previous.label
        or line.label
        or previous.is_option
        or line.is_option
        or line.instructions
        or not 0 < previous.level == line.level
        or not _LABEL_RE.match(piece)
        or not is_caps_instruction(before)
        or not is_caps_instruction(piece)
        or not _ENDS_JOINING_RE.search(before)
    ):
        return None
    text = f"{previous.text} {piece}"
    return replace(previous, text=text, spaced=text, raw=f"{previous.raw} {line.raw}", end=line.end)


def _unfinished(note: str, piece: str) -> bool:
    note = note.rstrip()
    if note.endswith((".", "!", "?", ")", "]", ":")):
        return False
    return bool(
        _ENDS_JOINING_RE.search(note)
        or _STARTS_JOINING_RE.match(piece)
        or _SENTENCE_END_RE.match(piece)
    )
