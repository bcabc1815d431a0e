"""Pass: problems → `attention` on the questions they concern (first reason wins)."""

from __future__ import annotations

from fielder.compiler.diagnostics import Problem
from fielder.ir.models import Attention, Question


def mark_attention(questions: dict[str, Question], problems: list[Problem]) -> None:
    """Every question with a problem gets an attention note saying why."""
    for problem in problems:
        question = questions.get(problem.question_id)
        if question is not None and question.attention is None:
            question.attention = Attention(reason=problem.summary or problem.kind)
