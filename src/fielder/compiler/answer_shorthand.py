"""Fieldwork shorthand for the usual non-answers ("DK", "REF", "N/A"), read as the answer.

Programmers' notes name a question's answers in the trade's shorthand: "No / DK → skip to
Q10", "Yes / DK", "REF = close". The question lists them in words ("Don't know", "Refused",
"Not applicable"); a part of a slashed list that is one of these abbreviations stands for the
answer whose label is the usual wording, only where the question has exactly one such answer.
"""

from __future__ import annotations

import re

from fielder.ir.models import Question

# the abbreviation, then the words its answer's label starts with (apostrophes folded)
_SHORTHAND: dict[str, re.Pattern[str]] = {
    "DK": re.compile(r"^(?:I\s+)?(?:DON'?T|DO\s+NOT)\s+KNOW\b|^NOT\s+SURE\b", re.I),
    "DNK": re.compile(r"^(?:I\s+)?(?:DON'?T|DO\s+NOT)\s+KNOW\b", re.I),
    "REF": re.compile(r"^(?:REFUSED|PREFER\s+NOT\s+TO\s+(?:SAY|ANSWER))\b", re.I),
    "NA": re.compile(r"^NOT\s+APPLICABLE\b|^DOES\s+NOT\s+APPLY\b", re.I),
    "N/A": re.compile(r"^NOT\s+APPLICABLE\b|^DOES\s+NOT\s+APPLY\b", re.I),
}


def shorthand_label(part: str, question: Question) -> str | None:
    """The label of the one answer of `question` that `part` ("DK", "Ref.") abbreviates, or
    None."""
    pattern = _SHORTHAND.get(part.strip(" .").upper())
    if pattern is None:
        return None
    found = [
        o.label
        for o in question.options
        if pattern.search(o.label.translate(str.maketrans("‘’", "''")).strip())
    ]
    return found[0] if len(found) == 1 else None
