"""A bound on a number tested against answers that are bands of it.

"Section C is for suppliers with 50 or more employees (question 3)" over answers `Fewer than
10`, `10 to 49`, `50 to 249`, `1,000 or more`: the test is on the bands (codes 3 to 5), not on
the codes themselves. Only a clean cut is read: a band the bound falls inside makes it unsure.
"""

from __future__ import annotations

import math
import re

from fielder.ir.models import Question

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
_UNIT = r"(?:\s+[A-Za-z]+){0,2}"
_BELOW_RE = re.compile(rf"^(?:fewer|less|under|below)(?:\s+than)?\s+{_NUM}{_UNIT}$", re.I)
_SPAN_RE = re.compile(rf"^{_NUM}\s*(?:to|-|–|—)\s*{_NUM}{_UNIT}$", re.I)
_OR_MORE_RE = re.compile(rf"^{_NUM}{_UNIT}\s*(?:\+|(?:or|and)\s+(?:more|over|above)){_UNIT}$", re.I)
_ABOVE_RE = re.compile(rf"^(?:more\s+than|over|above)\s+{_NUM}{_UNIT}$", re.I)


def _n(text: str) -> float:
    return float(text.replace(",", ""))


def _band(label: str) -> tuple[float, float] | None:
    """The whole numbers an answer's label covers, or None where it is no band."""
    text = label.strip().rstrip(".")
    # "Yes, 16 or over" / "No, under 16": the band after the yes or no it answers with
    text = re.sub(r"^(?:yes|no)\s*(?:,|[–—-]|:)\s*(?:aged\s+)?", "", text, flags=re.I)
    if match := _BELOW_RE.match(text):
        return -math.inf, _n(match[1]) - 1
    if match := _SPAN_RE.match(text):
        return _n(match[1]), _n(match[2])
    if match := _OR_MORE_RE.match(text):
        return _n(match[1]), math.inf
    if match := _ABOVE_RE.match(text):
        return _n(match[1]) + 1, math.inf
    return None


def band_codes(question: Question, op: str, value: float) -> list[str]:
    """Codes of the bands wholly inside `op value`; [] where the answers are not bands or the
    bound cuts through one of them."""
    tests = {
        "<": lambda n: n < value,
        ">": lambda n: n > value,
        "<=": lambda n: n <= value,
        ">=": lambda n: n >= value,
    }
    test = tests.get(op)
    bands = [(o.code, _band(o.label)) for o in question.options]
    known = [(code, band) for code, band in bands if band is not None]
    if test is None or len(known) < 2:
        return []
    found = []
    for code, (low, high) in known:
        inside = [test(low), test(high)]
        if inside[0] != inside[1]:
            return []  # "50 or more" over "10 to 99": the bound falls inside the band
        if inside[0]:
            found.append(code)
    return found
