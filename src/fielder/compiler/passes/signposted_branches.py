"""A signpost naming both branches: "If Yes, answer A4 and A5. If No, go to A6."

Self-completion booklets tell the respondent both ways on from a question: the questions
that one answer leads to, and where the other answer jumps. Read clause by clause, the first
branch filters only the first question it names and the second stays a skip. When a
question's one-code skip jumps over questions of which at least one is already filtered on
the question's other answers, the jump says no more than those filters: every question it
jumps over takes that filter, and the skip is dropped.
"""

from __future__ import annotations

import re

from fielder.ir.models import Question

_EQUALS_RE = re.compile(r"^(?P<q>\w+) == '(?P<code>[^']+)'$")
_IN_RE = re.compile(r"^(?P<q>\w+) in \[(?P<codes>[^\]]+)\]$")


def fold_signposted_branches(questions: list[Question]) -> None:
    """Drop a skip whose jumped-over questions are filtered on the other answers."""
    order = {q.id: i for i, q in enumerate(questions)}
    for here, question in enumerate(questions):
        if len(question.skip_to) != 1 or question.display_if or not question.options:
            continue
        rule = question.skip_to[0]
        skipped = _codes(rule.if_, question.id)
        there = order.get(rule.to)
        if not skipped or there is None or there <= here + 1:
            continue
        between = questions[here + 1 : there]
        others = {o.code for o in question.options} - skipped
        filters = [q.display_if for q in between if q.display_if]
        filter_codes = [_codes(f, question.id) for f in filters]
        if not filters or any(codes != others for codes in filter_codes):
            continue
        condition = next(f for f in filters if f)
        for target in between:
            target.display_if = target.display_if or condition
        question.skip_to = []


def _codes(expression: str | None, qid: str) -> set[str]:
    """The codes a plain test of the question names (`Q == '1'`, `Q in ['1','2']`)."""
    if not expression:
        return set()
    equals = _EQUALS_RE.match(expression)
    if equals and equals["q"] == qid:
        return {equals["code"]}
    listed = _IN_RE.match(expression)
    if listed and listed["q"] == qid:
        return {c.strip(" '") for c in listed["codes"].split(",")}
    return set()
