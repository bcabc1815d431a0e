"""Scripting tools' dotted answer references in conditions: `S1.r1`, `Q2.r99`, `Q3.r1-r5`.

Decipher-style specs name an answer by its question and row code joined by a dot
(`TERM IF S1.r1 OR S1.r5`, `SHOW IF NOT Q2.r99`, `SHOW IF Q3.r1-r5`); a range of row codes
names every code between. The codes are the answers' codes as written (`r1`), or their
numbers where the question stores numbers (`Q5.r3` → `3`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from fielder.ir.models import Question

# "NOT Q2.r99", "Q3.r1-r5", "S1.c2", "Q4r2" is not one (the dot is the mark)
_DOTTED_RE = re.compile(
    r"^\s*(?P<not>NOT\s+|!\s*)?(?P<id>[A-Za-z]{1,4}\d{1,3}[a-z]?)\.(?P<low>[rc]\d{1,3})"
    r"(?:\s*[-–]\s*(?P<high>[rc]?\d{1,3}))?\s*$",
    re.I,
)


def dotted_answer(
    clause: str, questions: Mapping[str, Question]
) -> tuple[str, list[str], bool] | None:
    """The question, answer codes and negation a dotted reference names, or None when the
    clause is no such reference or names codes the question does not have."""
    match = _DOTTED_RE.match(clause)
    if match is None:
        return None
    ident = next((i for i in (match["id"], match["id"].upper()) if i in questions), None)
    if ident is None:
        return None
    written = [o.code for o in questions[ident].options]
    codes = _codes(match["low"], match["high"], written)
    if not codes:
        return None
    return ident, codes, bool(match["not"])


def _codes(low: str, high: str | None, written: Collection[str]) -> list[str]:
    prefix = low[0]
    first = int(low[1:])
    last = int(high.lstrip("rcRC")) if high else first
    if last < first or last - first > 60:
        return []
    found = []
    for number in range(first, last + 1):
        for code in (f"{prefix}{number}", f"{prefix.lower()}{number}", str(number)):
            if code in written:
                found.append(code)
                break
        else:
            if not high:
                return []  # a single code the question does not have: not this convention
    return found
