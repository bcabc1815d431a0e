"""Speed of the IR library: evaluation, expression parsing, validation, patches.

Prints one JSON line per figure. The survey is generated: 300 questions in 10 blocks, each
with a display_if on an earlier question, some skips and terminations, grids, carry-forward
and piping; the response answers 200 of them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from fielder.ir.evaluate import Evaluator
from fielder.ir.expressions import parse_uncached
from fielder.ir.models import Survey
from fielder.ir.patch import apply_json_patch, checksum, diff
from fielder.ir.validate import validate

QUESTIONS = 300
ANSWERED = 200

_OPTIONS = [{"code": str(k), "label": f"Option {k}"} for k in range(1, 6)]
_ROWS = [{"id": f"r{k}", "label": f"Row {k}"} for k in range(1, 5)]


def _question(n: int) -> dict[str, Any]:
    """Question n (1-based): a rotation of types, logic on earlier questions."""
    qid, kind = f"Q{n}", ("single", "multi", "number", "grid", "text", "scale")[n % 6]
    question: dict[str, Any] = {
        "id": qid,
        "type": kind,
        "text": f"Question {n} about {{{{Q{max(n - 1, 1)}}}}}",
    }
    if kind in {"single", "multi", "scale", "grid"}:
        question["options"] = _OPTIONS
    if kind == "grid":
        question["rows"] = _ROWS
    if n > 6:
        question["display_if"] = (
            f"Q{n - 6} in ['1', '2', '3', '4'] or answered(Q{n - 5}) and not Q{n - 4} > 90"
        )
    if n % 25 == 0 and n < QUESTIONS - 2:
        question["skip_to"] = [{"if": f"Q{n - 1} contains '5'", "to": f"Q{n + 2}"}]
    return question


def build_survey() -> Survey:
    """The 300-question benchmark survey."""
    blocks = [
        {"id": f"B{b + 1}", "items": [_question(n) for n in range(b * 30 + 1, b * 30 + 31)]}
        for b in range(QUESTIONS // 30)
    ]
    return Survey.model_validate(
        {
            "blocks": blocks,
            "variables": [{"name": "heavy", "expression": "Q2 >= 3 and count(Q1) > 1"}],
            "quotas": [{"id": "QT1", "name": "A", "condition": "Q6 == '1'", "limit": 10}],
        }
    )


def build_answers(survey: Survey) -> dict[str, Any]:
    """Answers to the first 200 questions, each of its type's shape."""
    answers: dict[str, Any] = {}
    for question in survey.questions()[:ANSWERED]:
        answers[question.id] = {
            "single": "2",
            "scale": "3",
            "multi": ["1", "4"],
            "number": 42,
            "grid": {"r1": "1", "r2": "3"},
            "text": "some words",
        }[question.type]
    return answers


def _per_call(fn: Callable[[], object], seconds: float = 0.5) -> float:
    """Seconds per call of `fn`, the best of 3 runs of about `seconds` each."""
    fn()
    calls = max(1, int(seconds / max(_time(fn, 1), 1e-7)))
    return min(_time(fn, calls) for _ in range(3)) / calls


def _time(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return time.perf_counter() - start


def _emit(figure: str, value: float, unit: str, **extra: Any) -> None:
    print(json.dumps({"figure": figure, "value": round(value, 3), "unit": unit} | extra))


def main() -> None:
    """Measure and print the figures."""
    survey = build_survey()
    answers = build_answers(survey)
    evaluator = Evaluator(survey)
    size = {"questions": QUESTIONS, "answers": ANSWERED}
    # a fixed amount of plain Python work, to read the other figures against the machine's load
    _emit("ir_cpu_reference", _per_call(lambda: sum(range(1_000_000))) * 1e3, "ms")

    shown = _per_call(lambda: evaluator.visible_questions(answers))
    _emit("ir_visible_questions_per_question", shown / QUESTIONS * 1e6, "us", **size)
    check = _per_call(lambda: evaluator.check_response(answers, complete=True))
    _emit("ir_check_response_per_question", check / QUESTIONS * 1e6, "us", **size)
    piping = _per_call(lambda: [evaluator.pipe(q.text, answers) for q in survey.questions()])
    _emit("ir_pipe_per_question", piping / QUESTIONS * 1e6, "us", **size)
    _emit("ir_compile_survey", _per_call(lambda: Evaluator(survey)) * 1e3, "ms", **size)

    texts = [q.display_if for q in survey.questions() if q.display_if]
    parse_all = _per_call(lambda: [parse_uncached(text) for text in texts])
    _emit("ir_parse_expression", parse_all / len(texts) * 1e6, "us", expressions=len(texts))

    _emit("ir_validate_survey", _per_call(lambda: validate(survey)) * 1e3, "ms", **size)
    _emit("ir_checksum_survey", _per_call(lambda: checksum(survey)) * 1e3, "ms", **size)
    changed = survey.model_copy(deep=True)
    changed.blocks[3].items[4].text = "Changed"  # type: ignore[union-attr]
    operations = diff(survey, changed)
    _emit("ir_diff_survey", _per_call(lambda: diff(survey, changed)) * 1e3, "ms", **size)
    patch_one = _per_call(lambda: apply_json_patch(survey, operations))
    _emit("ir_apply_patch_survey", patch_one * 1e3, "ms", **size)


if __name__ == "__main__":
    main()
