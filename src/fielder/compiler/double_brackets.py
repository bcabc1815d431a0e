"""Notes to the form's builder in doubled brackets: `((if 4, skip to question 9))`,
`2a. ((only knitters - 1 or 2 at Q2)) What's your favourite…?`, `GBP ____ ((between 10 and 60))`.

Authors who type in plain text set their notes apart with a doubled bracket (the respondent's
own words use single brackets). When a document has at least two such notes, each `((…))` is a
note wherever it stands (before the words, after them, or on a line of its own), a note begun on
one line and closed on a later one is one note, and a note before a question's words that names
who is asked ("only knitters", "3 or 4 at Q6 only", "skip 5a if …") is read as that question's
filter.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line, collapse

_NOTE_RE = re.compile(r"\(\((?P<note>[^()]*(?:\([^()]*\)[^()]*)*)\)\)")
_OPEN_RE = re.compile(r"\(\((?![^()]*\)\))")


def _joined(lines: list[Line]) -> list[Line]:
    """Lines with a note begun on one line and closed on a later one joined onto the first."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opened = _OPEN_RE.search(line.text)
        if opened and "))" not in line.text[opened.end() :]:
            parts = [line.text]
            end = index
            for later in range(index + 1, min(index + 4, len(lines))):
                parts.append(lines[later].text)
                if "))" in lines[later].text:
                    end = later
                    break
            if end > index:
                text = collapse(" ".join(parts))
                out.append(dataclasses.replace(line, text=text, spaced=text))
                index = end + 1
                continue
        out.append(line)
        index += 1
    return out


# "skip 5a if they said X": the question is skipped for those, asked of the others
_SKIP_SELF_RE = re.compile(
    r"^skip\s+(?:this|[A-Za-z]{0,3}\d{1,3}[a-z]?)\s+(?:if|for|when)\s+", re.I
)
# "only knitters - 1 or 2 at Q2", "3 or 4 at Q6 only", "10a only for the Yes people"
_ONLY_RE = re.compile(r"\bonly\b", re.I)


# "1 or 2 at Q2", "3 or 4 at Q6": the codes, then the question they were given at
_CODES_AT_RE = re.compile(
    r"\b(?P<codes>\d{1,3}(?:\s*(?:,|\bor\b|/)\s*\d{1,3})*)\s+at\s+(?P<q>[A-Z]{1,3}\d{1,3}[a-z]?)\b"
)


def _filter_note(note: str) -> str:
    """A note before the question's words, written as the filter the rules read."""
    skip = _SKIP_SELF_RE.match(note)
    if skip:
        return f"ASK IF NOT ({note[skip.end() :].strip()})"
    coded = _CODES_AT_RE.search(note)
    if coded and _ONLY_RE.search(note) and not re.search(r"\b(?:not|except|unless)\b", note, re.I):
        codes = re.sub(r"\s*(?:,|\bor\b|/)\s*", " OR ", coded["codes"])
        return f"ASK IF {coded['q']} = {codes}"
    return note


def double_bracket_lines(lines: list[Line]) -> list[Line]:
    """The lines with each doubled-bracket note taken out as an instruction."""
    if sum(len(_NOTE_RE.findall(line.text)) for line in lines) < 2:
        return lines
    out: list[Line] = []
    for line in _joined(lines):
        notes = [m["note"].strip() for m in _NOTE_RE.finditer(line.text)]
        if not notes:
            out.append(line)
            continue
        first = _NOTE_RE.search(line.text)
        assert first is not None
        before = line.text[: first.start()].strip()
        if before and re.fullmatch(r"[A-Za-z]{0,4}\d{1,3}[a-z]{0,2}[.):]?", before):
            # "2a. ((note)) words": the note opens the question; as a filter, it is read first
            notes = [_filter_note(notes[0]), *notes[1:]]
        text = collapse(_NOTE_RE.sub(" ", line.text))
        spaced = _NOTE_RE.sub(" ", line.spaced or line.text).rstrip()
        out.append(
            dataclasses.replace(
                line, text=text, spaced=spaced, instructions=[*line.instructions, *notes]
            )
        )
    return out
