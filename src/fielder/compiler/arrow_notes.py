"""A routing note marked by an arrow in front: `→ If ‘No’, skip to Q12`, `► If Yes, go to CLOSE`.

Writers point at a routing sentence with an arrow, in the text and in their coloured or
italic scripting notes alike. The arrow only marks the sentence as routing; the rules read the
sentence after it (`If ‘No’, skip to Q12`). Lines of text lose the arrow when they are split
(`lines.split_text`); this does the same for the notes taken from runs.

A plain-text script may mark every routing line so (`Routing lines start with "->"`), whatever
the sentence: `-> Only if Q7 is 3 or more.`, `-> Detractors only (Q13 = 0-6).`, `-> Resolved?
2 or 3 -> Q6 / 1 -> Q8`. Such a line is a note, never an answer or more of the question's words,
and its sentence wrapped onto the lines indented under it is joined back (`arrow_line_notes`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import _ARROW_IF_RE, Line, collapse
from fielder.compiler.options import parse_option_line

# an arrow at the start of a line's written words, then the sentence it marks
# (">> only if …": a double chevron marks a script's instruction lines the same way)
_ARROW_LINE_RE = re.compile(r"^\s*(?:->|→|=>|⇒|►|▶|>>)\s*(?P<note>\S.*)$")
# "-> Q5", "→ Go to Q12", "=> SECTION D": a route on its own, the answer above's (options.py)
_BARE_ROUTE_RE = re.compile(
    # ("→ Submit form", "→ End survey": a form builder's way out after an answer)
    # ("→ skip if none at B4" is a condition's sentence, not a route alone)
    r"^(?:(?:go|skip|jump|continue|proceed|move)\b(?!\s+(?:if|unless|when|only)\b)|(?:section|part|module|block)\s+\w{1,3}\s*$|"
    r"(?:submit|end|finish|close|terminate)\b[\w ]{0,20}$|"
    r"[A-Za-z]{0,3}\d{1,4}[a-z]?\W*$|(?-i:[A-Z_]+)\W*$)",
    re.I,
)
_ANSWER_START_RE = re.compile(r"^(?:[\[(]\s*\d{1,3}\s*[\])]|\d{1,3}\s*[=.)]\s|[☐□○]|_{3,})")
#: a wrapped routing sentence runs on over at most this many lines
_MAX_WRAPPED = 3


def arrow_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with an arrow in front of an `If …` note taken off."""
    out = []
    for line in lines:
        if any(_ARROW_IF_RE.match(note) for note in line.instructions):
            notes = [_ARROW_IF_RE.sub("", note) for note in line.instructions]
            line = replace(line, instructions=notes)
        out.append(line)
    return out


def _arrow_note(line: Line) -> str | None:
    """The sentence after the arrow that opens a line of text, or None."""
    if line.kind != "paragraph" or line.is_option or line.instructions:
        return None
    match = _ARROW_LINE_RE.match(line.raw)
    if match is None or not re.search(r"[^\W\d_]{2}", match["note"]):
        return None
    return None if _BARE_ROUTE_RE.match(match["note"]) else match["note"]


def arrow_line_notes(lines: list[Line]) -> list[Line]:
    """The lines with each line opened by an arrow and a sentence made a whole note, its
    wrapped words (the lines indented deeper under it) joined to it."""
    out: list[Line] = []
    place = 0
    while place < len(lines):
        line = lines[place]
        note = _arrow_note(line)
        place += 1
        if note is None:
            out.append(line)
            continue
        words = [note]
        while (
            place < len(lines)
            and len(words) <= _MAX_WRAPPED
            and lines[place].kind == "paragraph"
            and lines[place].level > line.level
            and lines[place].text
            and not lines[place].is_option
            and not _ARROW_LINE_RE.match(lines[place].raw)
            # "[1] Health" under "-> only if …": the answers start, not more of the note
            and not _ANSWER_START_RE.match(lines[place].text)
            and not (line.raw.lstrip().startswith(">>") and parse_option_line(lines[place]))
        ):
            words.append(lines[place].raw)
            place += 1
        out.append(replace(line, text="", spaced="", instructions=[collapse(" ".join(words))]))
    return out
