"""A group named by denying the answers its bracket points at: "you did not come in to collect a
prescription (the first two boxes at question 1)".

The bracket names the answers the words after the denial describe ("To collect a prescription
for myself", "… for someone else"), not the group's own answers: the group is everyone else.
Where the words are the answers' own ("you did not go (No at Q3)", "not renewing (code 2 at Q4)"
when code 2 reads "Not renewing"), the bracket is the group's answer as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fielder.ir.models import Question

_DENIAL_RE = re.compile(
    r"\b(?:did\s*n[o']t|do\s*n[o']t|does\s*n[o']t|have\s*n[o']t|not)\s+(?P<rest>.+)$", re.I
)
_NEGATIVE_RE = re.compile(r"\b(?:not|no|never|n't|none)\b", re.I)
_STOP = {"the", "a", "an", "to", "for", "of", "in", "on", "at", "and", "or", "you", "your", "today"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def denied_bracket(
    outside: str,
    inner: str,
    question: Question | None,
    codes_of: Callable[[str], list[str]],
) -> str:
    """The test on everyone but the answers `inner` names, when `outside` denies words that are
    those answers' own (two words or more of each one's label, no label itself a denial); ""
    otherwise."""
    denial = _DENIAL_RE.search(outside)
    if denial is None or question is None or not question.options:
        return ""
    codes = codes_of(inner)
    labels = [o.label for o in question.options if o.code in codes]
    if not labels or any(_NEGATIVE_RE.search(label) for label in labels):
        return ""
    said = _words(denial["rest"])
    if not all(len(said & _words(label)) >= 2 for label in labels):
        return ""
    return f"NOT CODE {' OR '.join(codes)} AT {question.id}"
