"""Routing boxes of interview forms: `CHECK B2: NO CHILDREN (B2 = 0) → GO TO B5 / ONE OR MORE
→ CONTINUE WITH B3`.

DHS-style paper questionnaires put a shaded "CHECK" box between questions. Each branch names a
case, often with its condition in brackets, and where to go; the branches that go on to the next
question add nothing. A branch with a written condition and a `GO TO` / `SKIP TO` is the skip
`IF <condition> GO TO <target>`, on the question the condition names.
"""

from __future__ import annotations

import re

_CHECK_RE = re.compile(
    r"^\s*(?:FILTER\s+)?CHECK\b(?:\s+(?:BOX|POINT))?\s*[A-Z]{0,4}\d{0,3}[a-z]?\s*:", re.I
)
_BRANCH_RE = re.compile(
    r"\(\s*(?P<cond>[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|==|<>|!=|<=|>=|<|>|≤|≥)\s*[^()]{1,30}?)\s*\)"
    r"\s*(?:→|->|=>|>>|➔|⇒)?\s*(?:GO\s+TO|SKIP\s+TO|SKIP|GO)\s+(?:Q(?:UESTION)?\.?\s*)?"
    r"(?P<to>[A-Za-z]{0,4}\d{1,3}[a-z]?|END)\b",
    re.I,
)


def check_box_routes(text: str) -> list[str] | None:
    """The box's skips as `IF … GO TO …` notes, or None when the text is no check box."""
    if not _CHECK_RE.match(text):
        return None
    routes = [f"IF {m['cond'].strip()} GO TO {m['to']}" for m in _BRANCH_RE.finditer(text)]
    return routes or None
