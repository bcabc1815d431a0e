"""The `llm` engine: any OpenAI-compatible chat model behind the engine interface.

Programming is hybrid (the builtin compiler reads the structure, the model settles what the
compiler marked `attention`), clarify adds the model's concerns to the builtin ones, revise
turns a prompt into a checked JSON Patch, and next question lets the model lead an AI-led
conversation within the survey's logic. See docs/llm.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from fielder.config import Settings, get_settings
from fielder.documents.model import Document
from fielder.engines.base import EngineUnavailable, JsonPatch, NextQuestion, ProgramStep
from fielder.engines.llm import clarify, converse, program, revise
from fielder.engines.llm.client import ModelBusy, ModelClient, ModelError, ModelInvalid, Slots
from fielder.engines.llm.converse import PricedNextQuestion
from fielder.engines.llm.revise import PatchRefused
from fielder.ir.models import Survey as IRSurvey

__all__ = [
    "LLMEngine",
    "ModelBusy",
    "ModelError",
    "ModelInvalid",
    "PatchRefused",
    "PricedNextQuestion",
    "Slots",
    "engine",
]


class LLMEngine:
    """The configured model, on behalf of one org (None: no concurrency cap, e.g. the CLI)."""

    name = "llm"

    def __init__(
        self, settings: Settings, org_id: str | None = None, slots: Slots | None = None
    ) -> None:
        if not settings.llm_model:
            raise EngineUnavailable(
                "The 'llm' engine is not configured: set FIELDER_LLM_MODEL (and "
                "FIELDER_LLM_BASE_URL for a server other than OpenAI's)."
            )
        self.settings = settings
        self.org_id = org_id
        self.slots = slots

    def for_org(self, org_id: str | None) -> LLMEngine:
        """The same engine, its model calls counted against `org_id`'s concurrency cap."""
        return LLMEngine(self.settings, org_id, self.slots)

    def client(self) -> ModelClient:
        """A fresh client (its usage counts one engine operation)."""
        return ModelClient(self.settings, self.org_id, self.slots)

    def program(self, document: Document, qa: Sequence[dict[str, Any]]) -> Iterator[ProgramStep]:
        """The builtin reading, with the model's decisions on what it was unsure of."""
        return program.program(self.client(), document, qa, self.settings.llm_chunk_chars)

    def clarify(self, document: Document, prior_qa: Sequence[dict[str, Any]]) -> Iterable[Any]:
        """The builtin clarifying questions, then the model's additions."""
        return clarify.clarify(self.client, document, prior_qa, self.settings.llm_chunk_chars)

    def revise(self, survey: IRSurvey, prompt: str) -> JsonPatch:
        """A JSON Patch for `prompt` that applies and validates; `CannotRevise` otherwise."""
        return revise.revise(self.client(), survey, prompt)

    def next_question(
        self, survey: IRSurvey, conversation: Sequence[dict[str, Any]], context: dict[str, Any]
    ) -> NextQuestion:
        """The model's next question (a `PricedNextQuestion` when the model was asked)."""
        return converse.next_question(self.client(), survey, conversation, context)


def engine() -> LLMEngine:
    """The llm engine on the process settings; `EngineUnavailable` when no model is set."""
    return LLMEngine(get_settings())
