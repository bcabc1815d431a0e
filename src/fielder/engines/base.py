"""The engine interface: what the builtin rules engine and the LLM engine both do.

An engine programs a questionnaire (yielding each question as it is produced, then the
whole survey), asks the clarifying questions, turns a plain-English revision prompt into
JSON Patch ops, and picks the next question of an AI-led conversation. Engines are pure:
no HTTP, no database.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from fielder.documents.model import Document
from fielder.engines.conversation import NextQuestion
from fielder.ir.models import Question
from fielder.ir.models import Survey as IRSurvey

JsonPatch = list[dict[str, Any]]

__all__ = [
    "CannotRevise",
    "Engine",
    "EngineUnavailable",
    "NextQuestion",
    "ProgramStep",
    "QuestionProduced",
    "get_engine",
]


class CannotRevise(Exception):
    """The engine did not understand a revision prompt; `commands` says what it can do."""

    def __init__(self, reason: str, commands: Sequence[str] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.commands = list(commands)


class EngineUnavailable(Exception):
    """No engine of that name can serve (unknown name, or not configured)."""


@dataclass(frozen=True, slots=True)
class QuestionProduced:
    """Progress of `program`: one question, where it goes (block id, position in the block)."""

    block_id: str
    position: int
    question: Question


ProgramStep = QuestionProduced | IRSurvey


class Engine(Protocol):
    """What every engine does; `name` is how settings and surveys refer to it."""

    name: str

    def program(self, document: Document, qa: Sequence[dict[str, Any]]) -> Iterator[ProgramStep]:
        """Yield each question as it is produced, then the complete survey (the last item)."""
        ...

    def clarify(self, document: Document, prior_qa: Sequence[dict[str, Any]]) -> Iterable[Any]:
        """The clarifying questions (compiler `Clarification`s) not resolved by `prior_qa`."""
        ...

    def revise(self, survey: IRSurvey, prompt: str) -> JsonPatch:
        """JSON Patch ops that make the edit asked for; `CannotRevise` when not understood."""
        ...

    def next_question(
        self, survey: IRSurvey, conversation: Sequence[dict[str, Any]], context: dict[str, Any]
    ) -> NextQuestion:
        """The next question to put to a respondent in an AI-led survey."""
        ...


#: Engine name → the module that defines `engine()` returning it.
ENGINE_MODULES: dict[str, str] = {
    "builtin": "fielder.engines.builtin",
    "llm": "fielder.engines.llm",
}


def get_engine(name: str) -> Engine:
    """The engine called `name`; `EngineUnavailable` when unknown or not installed."""
    module_name = ENGINE_MODULES.get(name)
    if module_name is None:
        raise EngineUnavailable(f"Unknown engine '{name}'; known: {', '.join(ENGINE_MODULES)}.")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise EngineUnavailable(f"The '{name}' engine is not available.") from error
    engine: Engine = module.engine()
    return engine
