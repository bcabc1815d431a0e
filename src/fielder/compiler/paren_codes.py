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
    # each answer has words of its own, and a short label (a sentence is no answer list); a
    # scale's points running one by one may be bare between its worded ends ("(1) Very poor  (2)
    # (3)  (4)  (5) Excellent")
    bare = _points_in_turn(codes) and all(len(p.split()) >= 2 for p in (parts[0], parts[-1]))
    if any(len(part.split()) < (1 if bare else 2) or len(part.split()) > 12 for part in parts):
        return []
    return parts


def _points_in_turn(codes: list[str]) -> bool:
    """Five or more codes counting up one by one from 0 or 1."""
    numbers = [int(c) for c in codes]
    return (
        len(numbers) >= 5
        and numbers[0] in (0, 1)
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    )


# "Female (2)": an answer's words, then its code in round brackets, ending the piece; a piece
# opening with a joiner ("/ Agree (4)", "- Rarely (2)") or holding a lead ("Scale: Never (1)")
# is a scale written another way
_CODE_AFTER_RE = re.compile(r"^(?P<label>[^\W\d_][^:]*?)\s*\((?P<code>\d{1,3})\)$")
# the gap after a bracketed code, before the next answer's words
_AFTER_CODE_GAP_RE = re.compile(
    r"(?<=\(\d\))\s+(?=\S)|(?<=\(\d\d\))\s+(?=\S)|(?<=\(\d{3}\))\s+(?=\S)"
)


def paren_codes_after_across(text: str) -> list[str]:
    """ "Male (1)     Female (2)     Prefer not to say (9)" → ["Male (1)", "Female (2)",
    "Prefer not to say (9)"]: the same line with each code after its answer's words (a gender
    or yes/no question set across the page). [] unless every piece ends in its own code."""
    parts = [p.strip() for p in _AFTER_CODE_GAP_RE.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return []
    found = [_CODE_AFTER_RE.match(part) for part in parts]
    if not all(found):
        return []
    codes = [m["code"] for m in found if m]
    if len(set(codes)) != len(codes):
        return []
    # short answers, not a sentence that happens to quote codes
    if any(len(m["label"].split()) > 8 for m in found if m):
        return []
    return parts
