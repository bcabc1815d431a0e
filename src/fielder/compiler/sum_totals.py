"""A constant sum whose total is not written: 100 is assumed, and the writer is asked.

Shares are nearly always of 100 (per cent, points), and the IR cannot hold a constant sum
without its total. Where the words made the question a constant sum but named no total (a
note lost in a wrapped line, a draft still being written), the question keeps its type with a
total of 100 and a clarifying question says so, rather than leaving an invalid survey.
"""

from __future__ import annotations

from fielder.compiler.diagnostics import Problem
from fielder.ir.models import Question

_USUAL_TOTAL = 100.0


def unstated_total(question: Question) -> list[Problem]:
    """The problem of a constant sum with no total (the total set to 100), or none."""
    if question.type != "constant_sum" or question.total is not None:
        return []
    question.total = _USUAL_TOTAL
    return [
        Problem(
            "type-ambiguous",
            question.id,
            f"{question.id} is a constant sum with no total written; 100 is assumed.",
            question.text[:160],
            ["constant_sum", "multi", "number"],
        )
    ]
