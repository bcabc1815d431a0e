"""Interviewer words printed inside a face-to-face question's own paragraph.

A source questionnaire writes the show card before the words (`B4  CARD 5 How much …`) and
probes after them (`… trade union? IF YES, PROBE: Is that currently or previously?`,
`RECORD VERBATIM. PROBE FULLY: What else?`, `… are you… READ OUT…`). None of it is read to
the respondent as the question, so it is moved to the line's notes.

A line of its own addressed to the interviewer or the scripter (`INT: SHOW SCREEN. 1 = Very
poor, 5 = Very good.`, `PROG: keep the order`) is a note as a whole, even where its words are
not all capitals: the scale it names is the answers listed under it, not answers of its own.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

# "CARD 5", "SHOWCARD B", "SHOW CARD 12", "KARTE 3", "CARTE 4", "TARJETA 2", "LISTE 5"
_CARD_RE = re.compile(
    r"^(?P<card>(?:SHOW\s*)?CARD|SHOWCARD|KARTE|LISTE|CARTE|TARJETA|CARTELLINO|KAART)\s+"
    r"[A-Z]?\d{0,3}[A-Z]?\b\.?\s+(?=\S)"
)
# "IF YES, PROBE: …", "PROBE FULLY: …", "RECORD VERBATIM. PROBE: …" after the question's words
_PROBE_RE = re.compile(
    r"(?<=[?.…:])\s+(?P<tail>(?:[A-Z][A-Z ,'’/-]*[A-Z][.:]\s+)*(?:IF\s+[A-Z ]{2,20},\s*)?"
    r"(?:PROBE|PROMPT|NACHFRAGEN|RELANCER)\b.*)$"
)
# "… are you… READ OUT…": capitals after the words, ending in an ellipsis or a stop
_TRAILING_CAPS_RE = re.compile(
    r"(?<=[?.…:])\s+(?P<tail>[A-Z]{2,}(?:\s+[A-Z]{2,})+\s*(?:…|\.{1,3}))$"
)


# "Read each statement out. How often …?": the interviewer's cue, a sentence before the question
_READ_OUT_FIRST_RE = re.compile(
    r"^(?P<note>Read\s+(?:out\s+)?(?:each|every|all|the)\b[^.?!]{0,40}?\.)\s+(?=[A-Z][^.!]*\?$)"
)
# "WRITE IN MINUTES (000–600)": a count written in its unit is a number, not a text to specify
_WRITE_IN_UNITS_RE = re.compile(
    r"\bWRITE[- ]IN\s+(?=(?:NUMBER\s+OF\s+)?(?:MINUTES|HOURS|DAYS|WEEKS|MONTHS|YEARS|TIMES)\b)"
)


# "INT:", "INTERVIEWER:", "PROG:" opening a line: whom the whole line is for
_ADDRESSED_RE = re.compile(r"^(?:INT|INTERVIEWER|PROG|PROGRAMMER|SCRIPTER|PN|CATI|CAPI)\s*:\s+\S")


def interviewer_text_lines(lines: list[Line]) -> list[Line]:
    """Lines with show cards and probes in a labelled question's paragraph moved to its notes."""
    for line in lines:
        line.instructions = [_WRITE_IN_UNITS_RE.sub("RECORD ", n) for n in line.instructions]
        if line.kind != "paragraph" or not line.text:
            continue
        if _ADDRESSED_RE.match(line.text) and not (line.label or line.is_option or line.code):
            line.instructions = [*line.instructions, line.text]
            line.text = line.spaced = ""
            continue
        label = find_label(line)
        if label is None or label.style == "display":
            continue
        rest = label.rest
        head = line.text[: len(line.text) - len(rest)] if line.text.endswith(rest) else None
        if head is None:
            continue
        notes: list[str] = []
        told = _READ_OUT_FIRST_RE.match(rest)
        if told:
            notes.append(told["note"])
            rest = rest[told.end() :]
        card = _CARD_RE.match(rest)
        if card:
            notes.append(rest[: card.end()].strip())
            rest = rest[card.end() :]
        for pattern in (_PROBE_RE, _TRAILING_CAPS_RE):
            tail = pattern.search(rest)
            if tail:
                notes.append(tail["tail"].strip())
                rest = rest[: tail.start()].rstrip()
        if notes:
            line.text = line.spaced = head + rest
            line.instructions.extend(notes)
    return lines
