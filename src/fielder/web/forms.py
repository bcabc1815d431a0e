"""The respondent page's pages, randomisation and form parsing (no logic of its own: every
show/hide, termination and answer check is the IR's `Evaluator`, through `fielder.responses`)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData

from fielder.ir.answers import is_unanswered
from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Option, PageBreak, Question, Survey

#: Types that are never rendered on the page.
UNRENDERED = frozenset({"hidden"})
#: Types that take no answer.
NO_ANSWER = frozenset({"display", "hidden"})


def pages(survey: Survey) -> list[list[Question]]:
    """The survey's pages: split at page breaks when it has any, else one page per block."""
    has_breaks = any(isinstance(i, PageBreak) for b in survey.blocks for i in b.items)
    result: list[list[Question]] = []
    current: list[Question] = []
    for block in survey.blocks:
        if not has_breaks and current:
            result.append(current)
            current = []
        for item in block.items:
            if isinstance(item, PageBreak):
                if current:
                    result.append(current)
                current = []
            elif item.type not in UNRENDERED:
                current.append(item)
    if current:
        result.append(current)
    return result


def _rng(seed: str, salt: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def ordered_page(survey: Survey, page: list[Question], seed: str) -> list[Question]:
    """The page's questions, shuffled per respondent inside blocks that say `randomize`."""
    randomized = {q.id for b in survey.blocks if b.randomize for q in b.questions()}
    movable = [q for q in page if q.id in randomized]
    if len(movable) < 2:
        return page
    shuffled = movable[:]
    _rng(seed, "page:" + movable[0].id).shuffle(shuffled)
    moved = iter(shuffled)
    return [next(moved) if q.id in randomized else q for q in page]


def ordered_options(question: Question, options: list[Option], seed: str) -> list[Option]:
    """Options shuffled per respondent when the question says so; `fixed` ones stay put."""
    if not question.randomize_options:
        return options
    free = [o for o in options if not o.fixed]
    _rng(seed, "options:" + question.id).shuffle(free)
    moved = iter(free)
    return [o if o.fixed else next(moved) for o in options]


@dataclass
class Parsed:
    """Answers read from a form post, and a message per question that could not be read."""

    answers: dict[str, Any]
    errors: dict[str, str]


def _number(text: str) -> float | int | None:
    try:
        value = float(text.replace(",", ".").strip())
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _choice(form: FormData, question: Question, code: str) -> Any:
    option = next((o for o in question.options if o.code == code), None)
    if option is not None and option.specify:
        return {"code": code, "text": str(form.get(f"{question.id}__text__{code}", "")).strip()}
    return code


def read_question(
    form: FormData, question: Question, options: list[Option]
) -> tuple[Any, str | None]:
    """One question's answer from the form (None when unanswered) and a reading error."""
    qid, kind = question.id, question.type
    if kind in ("single", "dropdown", "scale"):
        code = str(form.get(qid, "") or "")
        return (_choice(form, question, code) if code else None), None
    if kind == "multi":
        codes = [str(c) for c in form.getlist(qid) if c]
        return ([_choice(form, question, c) for c in codes] or None), None
    if kind == "grid":
        value: dict[str, Any] = {}
        for row in question.rows:
            if question.multiple:
                chosen = [str(c) for c in form.getlist(f"{qid}__{row.id}") if c]
                if chosen:
                    value[row.id] = chosen
            else:
                code = str(form.get(f"{qid}__{row.id}", "") or "")
                if code:
                    value[row.id] = code
        return (value or None), None
    if kind == "number":
        text = str(form.get(qid, "") or "").strip()
        if not text:
            return None, None
        number = _number(text)
        return (number, None) if number is not None else (None, "not_a_number")
    if kind == "ranking":
        ranks: dict[str, int] = {}
        for option in options:
            text = str(form.get(f"{qid}__{option.code}", "") or "")
            if text.isdigit():
                ranks[option.code] = int(text)
        if not ranks:
            return None, None
        if len(ranks) != len(options) or len(set(ranks.values())) != len(ranks):
            return None, "ranking"
        return sorted(ranks, key=lambda code: ranks[code]), None
    if kind == "constant_sum":
        amounts: dict[str, Any] = {}
        for option in options:
            text = str(form.get(f"{qid}__{option.code}", "") or "").strip()
            if text:
                number = _number(text)
                if number is None:
                    return None, "not_a_number"
                amounts[option.code] = number
        return (amounts or None), None
    if kind in ("text", "long_text", "email", "date"):
        text = str(form.get(qid, "") or "").strip()
        return (text or None), None
    return None, None


def read_page(
    form: FormData, evaluator: Evaluator, page: list[Question], answers: Mapping[str, Any]
) -> Parsed:
    """The page's answers merged into `answers`; answers of the page left blank are removed."""
    merged = dict(answers)
    errors: dict[str, str] = {}
    for question in page:
        if question.type in NO_ANSWER:
            continue
        options = evaluator.options_for(question, merged)
        value, error = read_question(form, question, options)
        if error:
            errors[question.id] = error
        if value is None:
            merged.pop(question.id, None)
        else:
            merged[question.id] = value
    return Parsed(merged, errors)


def without_hidden(evaluator: Evaluator, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers minus those of questions the logic now hides (completion refuses them)."""
    for _ in range(4):  # hiding one answer may hide others: settle in a few rounds
        shown = {q.id for q in evaluator.visible_questions(answers)}
        kept = {
            k: v
            for k, v in answers.items()
            if k in shown
            or evaluator.questions.get(k) is None
            or evaluator.questions[k].type == "hidden"
        }
        if kept == answers:
            break
        answers = kept
    return answers


def page_errors(
    evaluator: Evaluator, page: list[Question], answers: Mapping[str, Any], reading: dict[str, str]
) -> dict[str, str]:
    """Per question of the page: why its answer cannot be taken (message keys or texts)."""
    shown = set(evaluator.visible_ids(answers))
    errors: dict[str, str] = {}
    for question in page:
        if question.id not in shown or question.type in NO_ANSWER:
            continue
        if question.id in reading:
            errors[question.id] = reading[question.id]
            continue
        value = answers.get(question.id)
        if is_unanswered(value):
            if question.required:
                errors[question.id] = "required"
            continue
        problems = evaluator.check_answer(question, value)
        if problems:
            errors[question.id] = problems[0]
    return errors
