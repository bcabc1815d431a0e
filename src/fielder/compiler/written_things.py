"""A write-in told what to write: `WRITE IN CITY AND COUNTRY` is a line of text, not a comment.

"WRITE IN" alone reads as an open answer, which the type rules make a comment box. When the
instruction names the thing to write, and that thing is a name, a place or a code (the same
words that make a question's own wording a short text), the box holds a line of text.
"""

from __future__ import annotations

import re

from fielder.compiler.types import _LONG_TEXT_RE, _SHORT_TEXT_RE

_WRITE_WHAT_RE = re.compile(
    r"^(?:PLEASE\s+)?(?:WRITE|TYPE|RECORD|ENTER)(?:\s+IN)?\s+(?:THE\s+|FULL\s+)?"
    r"(?P<what>[A-Za-z][A-Za-z ,/&-]{1,40}?)\s*\.?$",
    re.I,
)


def names_short_thing(notes: list[str]) -> bool:
    """True when a note tells the interviewer to write in a name, place or code."""
    sentences = [s for note in notes for s in re.split(r"(?<=[.!])\s+", note.strip()) if s]
    for sentence in sentences:
        # ("RECORD PARTY NAME VERBATIM": a name is written as given, and stays a name)
        words = _NAME_VERBATIM_RE.sub(r"\1", sentence.strip())
        found = _WRITE_WHAT_RE.match(words)
        if (
            found
            and _SHORT_TEXT_RE.search(found["what"])
            and not _LONG_TEXT_RE.search(found["what"])
            and not re.search(r"\b(?:VERBATIM|FULLY|ANSWER|RESPONSE|COMMENTS?)\b", words, re.I)
        ):
            return True
    return False


_NAME_VERBATIM_RE = re.compile(r"\b(NAMES?)\s+(?:VERBATIM|IN\s+FULL|EXACTLY)\b", re.I)
