"""The respondent flow's one door to the IR's evaluator (`fielder.ir.evaluate.Evaluator`).

Every answer check and logic decision is the evaluator's, never a second implementation;
this module only turns its findings into the API's error details.
"""

from __future__ import annotations

from typing import Any

from fielder.ir.evaluate import AnswerError, Evaluator
from fielder.ir.models import Quota


def answer_problems(evaluator: Evaluator, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """One detail per invalid answer: unknown question ids and answers of the wrong shape."""
    return _details(evaluator.check_response(answers, complete=False))


def completion_problems(evaluator: Evaluator, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Wrong shapes, required questions the logic shows left unanswered, answers to hidden ones."""
    return _details(evaluator.check_response(answers, complete=True))


def terminated(evaluator: Evaluator, answers: dict[str, Any]) -> bool:
    """Whether a termination condition holds."""
    return evaluator.terminated(answers) is not None


def quotas_met(evaluator: Evaluator, answers: dict[str, Any]) -> list[Quota]:
    """The quotas whose condition this response meets."""
    return evaluator.quotas_met(answers)


def _details(errors: list[AnswerError]) -> list[dict[str, Any]]:
    return [error.to_json() for error in errors]
