"""Answers across one line, each after its code in round brackets.

Telephone scripts (CATI, state health surveys) print a question's answers on one line as
`(1) Yes (2) No (7) Don't know (9) Refused`, wrapped over two lines when long. The codes are
written, so they need not follow one another (`(8) Never` may stand before `(7)`); each piece of
the line is one coded answer.
"""

from __future__ import annotations

import re

# "(7) Don't know": a code in round brackets at the start or after a space, then words
_MARK_RE = re.compile(r"(?:^|(?<=\s))\((\d{1,3})\)\s+(?=\S)")


def paren_codes_across(text: str) -> list[str]:
    """ "(1) Yes (2) No (9) Refused" → ["(1) Yes", "(2) No", "(9) Refused"]; [] unless the line
    opens with a bracketed code and holds two or more, each code different and followed by words."""
    marks = list(_MARK_RE.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    codes = [m[1] for m in marks]
    if len(set(codes)) != len(codes):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    parts = [text[m.start() : end].strip() for m, end in zip(marks, ends, strict=True)]
    # each answer has words of its own, and a short label (a sentence is no answer list)
    if any(len(part.split()) < 2 or len(part.split()) > 12 for part in parts):
        return []
    return parts
