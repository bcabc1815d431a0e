"""An answer, an arrow, and the outcome that rules the person out: `No → NOT ELIGIBLE`.

Trial case report forms print, beside each eligibility criterion, what an answer means for
the patient rather than where to go: `No → NOT ELIGIBLE. Stop here …`, `Class I → NOT
ELIGIBLE (stop).`, `Yes → INELIGIBLE`, `2 → EXCLUDED`. The answer before the arrow (its words
or its code) ends the form: a termination on that answer.
"""

from __future__ import annotations

import re

_OUTCOME_ARROW_RE = re.compile(
    r"^\s*(?P<answer>[^→>:;.]{1,40}?)\s*(?:→|->|=>)\s*(?:the\s+(?:patient|participant)\s+is\s+)?"
    r"(?:NOT\s+ELIGIBLE|INELIGIBLE|EXCLUDED|EXCLUDE|DISQUALIFIED)\b(?!\s+(?:from|for)\s+(?:this|the)\s+"
    r"(?:section|part|module|block))",
    re.I,
)


def outcome_arrow(text: str) -> str | None:
    """The answer whose choice rules the person out, or None."""
    match = _OUTCOME_ARROW_RE.match(text)
    if match is None:
        return None
    answer = match["answer"].strip()
    if re.match(r"(?i)if\b", answer):
        answer = answer[2:].strip()
    return answer or None
