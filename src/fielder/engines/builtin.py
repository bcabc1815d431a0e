"""The builtin engine: the rule-based compiler for programming and Q&A, the command table
of `commands` for revisions. Offline and deterministic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from fielder.compiler import clarify, compile_document
from fielder.documents.model import Document
from fielder.engines import commands
from fielder.engines.base import (
    CannotRevise,
    JsonPatch,
    NextQuestion,
    ProgramStep,
    QuestionProduced,
)
from fielder.engines.conversation import next_question as conversation_next
from fielder.ir.models import Question
from fielder.ir.models import Survey as IRSurvey


class BuiltinEngine:
    """Rules, no model: see `fielder.engines.commands` for the revision commands."""

    name = "builtin"

    def program(self, document: Document, qa: Sequence[dict[str, Any]]) -> Iterator[ProgramStep]:
        """Compile the document (with the Q&A answers), yielding its questions then the survey."""
        survey: IRSurvey = compile_document(document, qa=tuple(qa)).survey
        for block in survey.blocks:
            position = 0
            for item in block.items:
                if isinstance(item, Question):
                    yield QuestionProduced(block.id, position, item)
                position += 1
        yield survey

    def clarify(self, document: Document, prior_qa: Sequence[dict[str, Any]]) -> Iterable[Any]:
        """The compiler's clarifying questions, lazily (the first before the last is found)."""
        return clarify(document, prior_qa=tuple(prior_qa))

    def revise(self, survey: IRSurvey, prompt: str) -> JsonPatch:
        """JSON Patch ops for each command of `prompt`, applied in order."""
        parts = commands.split_prompt(prompt)
        if not parts:
            raise CannotRevise("The prompt is empty.", commands.describe())
        document = survey.to_json()
        ops: JsonPatch = []
        for text in parts:
            found = commands.match(text)
            if found is None:
                raise CannotRevise(f"Not understood: '{text}'.", commands.describe())
            command, match = found
            try:
                step = command.build(document, match)
            except commands.RevisionError as error:
                raise CannotRevise(str(error), commands.describe()) from error
            document = commands.apply_ops(document, step)
            ops.extend(step)
        return ops

    def next_question(
        self, survey: IRSurvey, conversation: Sequence[dict[str, Any]], context: dict[str, Any]
    ) -> NextQuestion:
        """The next question by the survey's own order and logic (`engines.conversation`)."""
        return conversation_next(survey, conversation, context)


def engine() -> BuiltinEngine:
    """The builtin engine (stateless; one per call is fine)."""
    return BuiltinEngine()
