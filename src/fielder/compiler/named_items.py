"""Items named by a variable in capitals with no number, in a spec whose other items are numbered.

A CAPI specification sets each item's variable in a left column, a wide gap before its words
(`HG1       What is the first name …?`); the items that open a block are often named without a
number (`HHSIZE    Including yourself, how many people …?`, `HHINTRO   INTERVIEWER: READ OUT`
over the screen's words). Such a name starts an item only where the document already writes
numbered labels in that very form, and only before a question (or, for a screen's name, before
the interviewer's cue alone, its words on the lines under it).
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

# "HG1       What is …?": a numbered variable, a tab or wide gap, then words
_NUMBERED_RE = re.compile(r"^[A-Z]{1,6}_?\d{1,3}[a-z]?(?:\t|\s{2,})\s*[A-Z\"'‘“^][a-z^]")
_NAMED_RE = re.compile(r"^(?P<id>[A-Z][A-Z_]{2,11})(?:\t|\s{2,})\s*(?P<rest>\S.*)$")
# the interviewer's cue alone beside a screen's name, its words on the next line
_CUE_RE = re.compile(r"^(?:INTERVIEWER\s*:\s*)?READ\s+OUT\s*:?\.?$")


def numbered_columns(lines: list[Line]) -> bool:
    """True where at least three items are labelled by a numbered variable set before a gap."""
    found = 0
    for line in lines:
        if line.kind == "paragraph" and not line.is_option and _NUMBERED_RE.match(line.spaced):
            found += 1
            if found >= 3:
                return True
    return False


def named_item(line: Line, columns: bool) -> tuple[str, str, bool] | None:
    """The variable's name, the item's words and whether it is a screen, where a capital name
    before a gap opens the line in a document of numbered columns."""
    if not columns or line.kind != "paragraph" or line.is_option:
        return None
    match = _NAMED_RE.match(line.spaced or "")
    if match is None or not _own_name(match["id"]):
        return None
    rest = " ".join(match["rest"].split())
    if _CUE_RE.match(rest) and _screen(match["id"]):
        return match["id"], "", True
    if "?" in rest and re.match(r"[A-Z\"'‘“][a-z]", rest):
        return match["id"], rest, False
    return None


def _own_name(word: str) -> bool:
    from fielder.compiler.classify import _INSTRUCTION_START_RE, _NOT_LABELS

    return word not in _NOT_LABELS and not _INSTRUCTION_START_RE.match(word)


def _screen(word: str) -> bool:
    from fielder.compiler.classify import DISPLAY_WORDS, screen_id

    return word in DISPLAY_WORDS or screen_id(word) is not None
