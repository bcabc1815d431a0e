"""Clarifying questions: the builtin ones first (as they are found), then what the model adds.

The model reviews the compiled survey a section at a time and may raise concerns the rules
did not; each becomes a clarification of the same shape with a stable id (a hash of its kind
and the question it concerns), so asking twice gives the same ids and an answered one is not
asked again. A model that fails leaves the builtin questions standing (the stream has begun).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from fielder.compiler import Clarification, compile_document
from fielder.compiler import clarify as rules_clarify
from fielder.compiler.diagnostics import SEVERITY, answers_of
from fielder.documents.model import Document
from fielder.engines.llm import prompts
from fielder.engines.llm.answers import ClarifyAnswer, Concern, narrowed
from fielder.engines.llm.client import ModelClient, ModelError, Task
from fielder.engines.llm.program import chunks
from fielder.ir.models import Question

logger = logging.getLogger("fielder.llm")

#: Concerns kept per chunk: a model that lists everything helps nobody.
MAX_PER_CHUNK = 3


class _Remembered:
    """The model's concerns per (server, chunk asked), most recent first: Q&A is asked again
    and again for the same file, and the model need not be."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.items: OrderedDict[tuple[tuple[str, str], str], list[Concern]] = OrderedDict()

    def get(self, key: tuple[tuple[str, str], str]) -> list[Concern] | None:
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key: tuple[tuple[str, str], str], concerns: list[Concern]) -> None:
        with self.lock:
            self.items[key] = concerns
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


ANSWERS = _Remembered(256)


def concern_id(kind: str, question_id: str) -> str:
    """The stable id of a model-raised clarification: kind and location, hashed."""
    digest = hashlib.sha1(f"llm|{kind}|{question_id}".encode()).hexdigest()[:10]
    return f"qa_{digest}"


def clarify(
    client: Callable[[], ModelClient],
    document: Document,
    prior_qa: Sequence[dict[str, Any]],
    chunk_chars: int,
) -> Iterator[Clarification]:
    """The builtin clarifications, then the model's additions (none repeated, none answered)."""
    asked: list[Clarification] = []
    for item in rules_clarify(document, prior_qa=tuple(prior_qa)):
        asked.append(item)
        yield item
    answered = set(answers_of(prior_qa))
    seen = {item.id for item in asked} | answered
    taken = {(item.kind, str(item.detail.get("question_id"))) for item in asked}
    survey = compile_document(document, qa=tuple(prior_qa)).survey
    model = client()
    for block in survey.blocks:
        for chunk in chunks(block.questions(), chunk_chars):
            try:
                concerns = _ask(model, chunk, asked)
            except ModelError as error:
                logger.warning("llm clarify stopped: %s", error)
                return
            for concern in concerns:
                item = _clarification(concern, chunk)
                if item.id in seen or (concern.kind, concern.question_id) in taken:
                    continue
                seen.add(item.id)
                yield item


def _ask(client: ModelClient, chunk: list[Question], asked: list[Clarification]) -> list[Concern]:
    ids = [q.id for q in chunk]
    questions = []
    for question in chunk:
        item: dict[str, Any] = {"id": question.id, "type": question.type, "text": question.text}
        if question.options:
            item["options"] = [f"{o.code} {o.label}" for o in question.options]
        if question.source is not None and question.source.excerpt:
            item["excerpt"] = question.source.excerpt
        questions.append(item)
    already = [
        {"kind": a.kind, "question_id": a.detail.get("question_id")}
        for a in asked
        if a.detail.get("question_id") in ids
    ]
    content = json.dumps({"questions": questions, "already_asked": already})
    key = (client.server, content)
    remembered = ANSWERS.get(key)
    if remembered is not None:
        return remembered
    task = Task(
        name="clarify",
        instructions=prompts.CLARIFY,
        content=content,
        answer=ClarifyAnswer,
        check=lambda answer: [
            f"question_id {c.question_id!r} is not one of {', '.join(ids)}"
            for c in answer.concerns
            if c.question_id not in ids
        ],
        schema=narrowed(ClarifyAnswer.model_json_schema(), "question_id", ids),
    )
    concerns = client.ask(task).concerns[:MAX_PER_CHUNK]
    ANSWERS.put(key, concerns)
    return concerns


def _clarification(concern: Concern, chunk: list[Question]) -> Clarification:
    question = next(q for q in chunk if q.id == concern.question_id)
    excerpt = question.source.excerpt if question.source and question.source.excerpt else ""
    return Clarification(
        id=concern_id(concern.kind, concern.question_id),
        kind=concern.kind,
        severity=SEVERITY.get(concern.kind, "info"),
        summary=concern.summary[:300],
        excerpt=excerpt or question.text[:160],
        suggestions=[s[:200] for s in concern.suggestions if s.strip()][:3],
        detail={"question_id": concern.question_id, "source": "llm"},
    )
