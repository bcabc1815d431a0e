"""Numbers listed at the end of a number box's allowed range: `[NUMERIC - ALLOW 1920-2010]` with
`[SCREEN OUT IF 2009 OR 2010]`.

A screener lists the last values a box allows when it means "from this one on": the years of
birth too recent to take part, the top counts. Read as `== 2009 or == 2010` the termination would
miss nothing today, but it says a bound; it is written as one (`>= 2009`, or `<= 1921` at the
bottom of the range) so a later change to the range keeps it.
"""

from __future__ import annotations

import re

from fielder.ir.models import Survey

_EQUALS_RE = re.compile(r"(?P<q>[A-Za-z_][\w.]*) == (?P<n>-?\d+)")


def range_end_terminations(survey: Survey) -> None:
    """Rewrite each number question's run of listed values at a range end as a bound."""
    for question in survey.questions():
        limits = question.validation
        condition = question.terminate_if
        if question.type != "number" or limits is None or not condition:
            continue
        parts = condition.split(" or ")
        found = [_EQUALS_RE.fullmatch(p.strip()) for p in parts]
        if len(parts) < 2 or not all(m and m["q"] == question.id for m in found):
            continue
        values = sorted(int(m["n"]) for m in found if m)
        if values != list(range(values[0], values[0] + len(values))):
            continue
        if limits.max is not None and values[-1] == limits.max:
            question.terminate_if = f"{question.id} >= {values[0]}"
        elif limits.min is not None and values[0] == limits.min:
            question.terminate_if = f"{question.id} <= {values[-1]}"
