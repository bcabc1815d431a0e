"""Paper forms that number their questions `#1`, `#2` … and route with the same marks:

    #4 (ONLY IF YOU TICKED [4] AT #3) How busy is the gym between 4 and 7pm?
    [1] Yes   [2] No >> go to #9
    ______ times (0–14)   >> If 0, go to #6

When at least three questions open with `#N`, the document's `#N` inside a line names question N
(written `QN`, as the routing rules read it), a bracketed box code inside a routing note (`[4]`)
is that code, and `>>` before routing words is the author's arrow (`→`); `>>` before a rule
with its own test ("times (0–14)  >> If 0, go to #6") sets that rule on a line of its own.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_HEAD_RE = re.compile(r"^#\s?\d{1,3}[a-z]?[.):]?\s+\S")
_REF_RE = re.compile(r"(?<=[^\w#])#\s?(\d{1,3}[a-z]?)\b")
# "(ONLY IF [3] OR [4] AT #4)", "(ASK IF [1] AT #9)": a note in capitals that routes
_NOTE_RE = re.compile(r"\((?:ONLY|ASK|SHOW|IF|SKIP|GO)\b[^()]*\)")
_BOX_CODE_RE = re.compile(r"\[(\d{1,3})\]")
_ARROW_RE = re.compile(
    r"\s*>>\s*(?=(?:go|skip|jump|stop|end|if|continue|move|straight|then|finish)\b)", re.I
)


_OWN_TEST_RE = re.compile(r"\s*>>\s*(?=if\b)", re.I)


def _rewritten(text: str) -> str:
    text = _REF_RE.sub(lambda m: f"Q{m[1]}", text)
    text = _NOTE_RE.sub(lambda m: _BOX_CODE_RE.sub(r"\1", m[0]), text)
    return _ARROW_RE.sub(" → ", text)


def _numbered(lines: list[Line]) -> bool:
    """At least three questions open with `#N`, or (a sheet's `#` column) carry a bare number
    as their label, and the notes name questions as `#N`."""
    if sum(1 for line in lines if _HEAD_RE.match(line.text)) >= 3:
        return True
    labelled = sum(1 for line in lines if line.label and re.fullmatch(r"\d{1,3}", line.label))
    named = any(_REF_RE.search(f" {note}") for line in lines for note in line.instructions)
    return labelled >= 3 and named


def hash_ref_lines(lines: list[Line]) -> list[Line]:
    """The lines of a `#N`-numbered form with its references written as the rules read them."""
    if not _numbered(lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if any("#" in note or ">>" in note for note in line.instructions):
            notes = [_rewritten(f" {note}").strip() for note in line.instructions]
            line = dataclasses.replace(line, instructions=notes)
        own = _OWN_TEST_RE.search(line.text)
        if own and line.text[: own.start()].strip():
            before, rule = line.text[: own.start()].strip(), _rewritten(line.text[own.end() :])
            out.append(dataclasses.replace(line, text=before, spaced=before))
            out.append(dataclasses.replace(line, text=rule, spaced=rule, instructions=[]))
            continue
        if "#" in line.text or ">>" in line.text:
            text = _rewritten(line.text)
            if text != line.text:
                spaced = _rewritten(line.spaced or line.text)
                line = dataclasses.replace(line, text=text, spaced=spaced)
        out.append(line)
    return out
