"""A question's own filter written as a short note with ONLY or IF and no verb of routing.

`read_routing` reads a note as routing when it has a condition, an action and an answer. Many
authors leave the action out, because the note sits on the question it is for:
"(Left early only, codes 2 to 4 at A5)", "(P1 = 1 only. …)", "Complete only if A3 is 1 or more.",
"Only needed if you said Yes at question 19.", "If you gave 6 or less at question 14." (under the
question's words, over its answers). Each is the test of the question it is written on; this
module finds the test's words, `read_routing` reads and places them.
"""

from __future__ import annotations

import re

# "<group> only, <test>" / "<group> only – <test>"
_GROUP_THEN_TEST_RE = re.compile(
    r"^\W*[A-Za-z][\w'’ -]{0,40}?\s+ONLY\s*[,;:–—-]\s*(?P<c>[^.;]{3,120}?)[\W]*$", re.I
)
# "(P1 = 1 only." / "Yes at B4 only": the test, then ONLY
_TEST_THEN_ONLY_RE = re.compile(
    r"^\W*(?P<c>[^().;]{0,60}?(?:[=<>≥≤]|\bAT\b|\bCODES?\s+\d)[^().;]{0,60}?)\s+ONLY\b(?:[.)]|$)",
    re.I,
)
# "Complete only if …", "Only needed if …", "Answer only when …"
_ONLY_IF_RE = re.compile(
    r"^\W*(?:[A-Za-z]+\s+){0,2}?ONLY(?:\s+[A-Za-z]+)?\s+(?:IF|WHEN|WHERE)\s+"
    r"(?P<c>[^.;]{3,160}?)\W*$",
    re.I,
)
# a bare "If <test>." sentence: read only where answers follow (the question's own words)
_BARE_IF_RE = re.compile(r"^\W*(?:IF|WHEN)\s+(?P<c>[^.;:,]{3,160}?)\s*\.?\s*$", re.I)
# (a note for the next question, or one saying how to record: not whom to ask)
_NOT_OWN_RE = re.compile(
    r"\b(?:NEXT|FOLLOWING|WRITE|RECORD|ENTER|CODE\s+AS|LEAVE|SKIP|GO|OTHERWISE|ELSE|SECTION|"
    r"PART|ROWS?|ANSWERS?\s+(?:SHOWN|LISTED)|STATEMENTS?)\b",
    re.I,
)

# a remark in brackets closing the sentence, in small letters, naming no question or code
_ASIDE_RE = re.compile(r"\s*\((?=[a-z])(?![^()]*(?:\d|\b[A-Z]{1,3}\d))[^()]{12,80}\)\W*$")

# a form builder's answer format, then its settings ("Short answer, response validation: …")
_FORMAT_RE = re.compile(
    r"^\W*(?:short\s+answer|long\s+answer|paragraph|drop-?\s?down|check\s?boxes|"
    r"multiple\s+choice(?:\s+grid)?|linear\s+scale|number|numeric|date|time|text\s+box)\b",
    re.I,
)


def _answer_format(sentence: str) -> bool:
    """A sentence that only names the answer's format ("Short answer, number between 0 and
    60", "Paragraph", "Dropdown"): the tool's type, asked of no one."""
    from fielder.compiler.instructions import type_words

    if re.search(r"\b(?:IF|WHEN|ONLY|UNLESS)\b", sentence, re.I):
        return False
    return bool(type_words(sentence) or _FORMAT_RE.match(sentence))


def only_test(words: str, place: str) -> str | None:
    """The test of a question's own ONLY / IF note, or None. `place` is where the note stands
    (`read_routing`): a bare IF sentence counts only between the words and the answers."""
    parts = re.split(r"(?<=[a-z0-9)’'\"”])\.\s+(?=[A-Z])", words.strip())
    first = parts[0]
    if len(parts) > 1 and _answer_format(first):
        # "Short answer, number between 0 and 60. Only shows if …": a form builder's type
        # line first, the question's filter in the sentence after it
        first = parts[1]
    # ("… ticked at Q12 (will need a separate section for this in Forms)": the author's aside
    # in brackets, in small letters, is no part of the test)
    first = _ASIDE_RE.sub("", first)
    if _NOT_OWN_RE.search(first):
        return None
    for pattern in (_GROUP_THEN_TEST_RE, _TEST_THEN_ONLY_RE, _ONLY_IF_RE):
        found = pattern.match(first)
        if found:
            return found["c"].strip()
    found = _BARE_IF_RE.match(first) if place == "under" else None
    return found["c"].strip() if found else None
