"""Hybrid programming: the builtin compiler does the structure, the model settles only what
the compiler marked `attention` (unsure types, missing answers, prose logic it could not
parse), a section at a time, in chunks that fit the model's context.

A decision is merged only if the question and the whole survey still validate (the model is
shown the problems once to repair them); every question the model decided keeps its `source`
and gets an `attention` note saying the model decided it, so a person checks it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError

from fielder.compiler import compile_document
from fielder.documents.model import Document
from fielder.engines.base import ProgramStep, QuestionProduced
from fielder.engines.llm import prompts
from fielder.engines.llm.answers import Decision, ProgramAnswer, narrowed
from fielder.engines.llm.client import ModelClient, ModelInvalid, Task
from fielder.ir.models import CHOICE_TYPES, Attention, Option, Question, SourceSpan, Survey
from fielder.ir.validate import validate

logger = logging.getLogger("fielder.llm")

#: Decision fields copied onto the question (options are rebuilt as IR options).
_DECIDED_FIELDS = ("type", "display_if", "terminate_if")


def needs_model(question: Question) -> bool:
    """True for a question the rules were unsure of (an open attention note), except piped
    text: no decision the model can give (type, options, conditions) would settle that."""
    attention = question.attention
    if attention is None or attention.dismissed:
        return False
    return not attention.reason.startswith("Piped text")


def program(
    client: ModelClient, document: Document, qa: Sequence[dict[str, Any]], chunk_chars: int
) -> Iterator[ProgramStep]:
    """Yield each question (a section at a time, once the model settled it), then the survey."""
    survey = compile_document(document, qa=tuple(qa)).survey
    told = author_answers(qa)
    for index, block in enumerate(survey.blocks):
        known = [q.id for b in survey.blocks[: index + 1] for q in b.questions()]
        asked = [q for q in block.questions() if needs_model(q) or q.id in told]
        for chunk in chunks(asked, chunk_chars, told):
            settle(client, survey, chunk, known, told)
        position = 0
        for item in block.items:
            if isinstance(item, Question):
                yield QuestionProduced(block.id, position, item)
            position += 1
    yield survey


def author_answers(qa: Sequence[Any]) -> dict[str, list[dict[str, str]]]:
    """The author's answers to the model's own clarifying questions (`detail.source: llm`),
    by question id: the rules do not read them, so the model is told."""
    told: dict[str, list[dict[str, str]]] = {}
    for item in qa:
        if not isinstance(item, dict):
            continue
        detail = item.get("detail")
        answer = item.get("user_clarification") or item.get("userClarification")
        if not isinstance(detail, dict) or detail.get("source") != "llm":
            continue
        question_id = detail.get("question_id")
        if isinstance(question_id, str) and isinstance(answer, str) and answer.strip():
            asked = str(item.get("summary") or item.get("kind") or "")
            told.setdefault(question_id, []).append({"asked": asked, "answer": answer.strip()})
    return told


def chunks(
    questions: list[Question],
    chunk_chars: int,
    told: dict[str, list[dict[str, str]]] | None = None,
) -> Iterator[list[Question]]:
    """The questions in runs whose description stays under `chunk_chars` (one at least)."""
    run: list[Question] = []
    size = 0
    for question in questions:
        cost = len(json.dumps(describe(question, told)))
        if run and size + cost > chunk_chars:
            yield run
            run, size = [], 0
        run.append(question)
        size += cost
    if run:
        yield run


def describe(
    question: Question, told: dict[str, list[dict[str, str]]] | None = None
) -> dict[str, Any]:
    """What the model is told of one question: wording, what the rules made of it, why they
    were unsure, and what the author answered about it."""
    found: dict[str, Any] = {"id": question.id, "type": question.type, "text": question.text}
    if question.options:
        found["options"] = [{"code": o.code, "label": o.label} for o in question.options]
    if question.source is not None and question.source.excerpt:
        found["excerpt"] = question.source.excerpt
    if question.attention is not None:
        found["unsure_because"] = question.attention.reason
    if told and question.id in told:
        found["author_answered"] = told[question.id]
    return found


def settle(
    client: ModelClient,
    survey: Survey,
    chunk: list[Question],
    known: list[str],
    told: dict[str, list[dict[str, str]]] | None = None,
) -> None:
    """Ask about `chunk`, merge what validates; on a bad answer keep the rules' reading."""
    ids = [q.id for q in chunk]
    described = [describe(q, told) for q in chunk]
    content = json.dumps({"known_ids": known, "questions": described})
    task = Task(
        name="program",
        instructions=prompts.PROGRAM,
        content=content,
        answer=ProgramAnswer,
        check=lambda answer: problems_of(survey, answer.decisions, ids),
        schema=narrowed(ProgramAnswer.model_json_schema(), "question_id", ids),
    )
    try:
        answer = client.ask(task)
    except ModelInvalid as error:
        logger.warning("llm program: chunk %s kept as the rules read it: %s", ids, error)
        for question in chunk:
            _note(question, f"{_reason(question)} (The model could not settle it either.)")
        return
    merge(survey, answer.decisions, ids, client.model)


def problems_of(survey: Survey, decisions: list[Decision], allowed: list[str]) -> list[str]:
    """Why `decisions` cannot be merged into `survey` (nothing when they can)."""
    problems = [
        f"question_id {d.question_id!r} was not asked about (use one of {', '.join(allowed)})"
        for d in decisions
        if d.question_id not in allowed
    ]
    if problems:
        return problems
    trial = survey.model_copy(deep=True)
    try:
        decided = merge(trial, decisions, allowed, "trial")
    except ValidationError as error:
        return [f"{e['loc']}: {e['msg']}" for e in error.errors()]
    return [
        f"{problem.element_id}: {problem.message}"
        for problem in validate(trial)
        if problem.severity == "error" and problem.element_id in decided
    ]


def merge(survey: Survey, decisions: list[Decision], allowed: list[str], model: str) -> set[str]:
    """Apply each decision that changes something to its question, in place; the ids of the
    questions changed."""
    decided: set[str] = set()
    for block in survey.blocks:
        for index, item in enumerate(block.items):
            if not isinstance(item, Question) or item.id not in allowed:
                continue
            for decision in decisions:
                changes = _changes(item, decision) if decision.question_id == item.id else {}
                if changes:
                    block.items[index] = item = _decided(item, changes, decision.note, model)
                    decided.add(item.id)
    return decided


def _changes(question: Question, decision: Decision) -> dict[str, Any]:
    """The fields `decision` sets to something other than what `question` has."""
    changes: dict[str, Any] = {}
    for name in _DECIDED_FIELDS:
        value = getattr(decision, name)
        if value not in (None, "") and value != getattr(question, name):
            changes[name] = value
    if decision.options:
        options = [
            Option(code=o.code, label=o.label, exclusive=o.exclusive) for o in decision.options
        ]
        if options != question.options:
            changes["options"] = [option.model_dump() for option in options]
    return changes


def _decided(question: Question, changes: dict[str, Any], note: str, model: str) -> Question:
    data = question.model_dump(by_alias=True) | changes
    if data["type"] not in CHOICE_TYPES and data["type"] != "grid":
        data["options"] = []
    merged = Question.model_validate(data)
    what = note.strip()[:300].rstrip(".") or f"set {', '.join(sorted(changes))}"
    merged.attention = Attention(reason=f"Decided by the model ({model}): {what}. Check it.")
    if merged.source is None:
        merged.source = SourceSpan(excerpt=question.text[:160] or None)
    return merged


def _reason(question: Question) -> str:
    return question.attention.reason if question.attention is not None else ""


def _note(question: Question, reason: str) -> None:
    question.attention = Attention(reason=reason.strip())
