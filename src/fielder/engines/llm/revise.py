"""Revisions in plain words: the model answers with JSON Patch operations against the
platform IR; they must apply and leave a valid survey (the model sees the problems once to
repair them), else the revision is refused with the problems and nothing is applied."""

from __future__ import annotations

import json
from typing import Any

from fielder.engines.base import CannotRevise, JsonPatch
from fielder.engines.llm import prompts
from fielder.engines.llm.answers import ReviseAnswer
from fielder.engines.llm.client import ModelClient, ModelInvalid, Task
from fielder.ir.models import Survey
from fielder.ir.patch import PatchError, apply_json_patch
from fielder.ir.validate import validate


class PatchRefused(CannotRevise):
    """The model's patch does not apply or breaks the survey; `problems` says how."""

    def __init__(self, reason: str, problems: list[str]) -> None:
        super().__init__(reason)
        self.problems = problems


def revise(client: ModelClient, survey: Survey, prompt: str) -> JsonPatch:
    """The JSON Patch the model proposes for `prompt`, checked against `survey`."""
    task = Task(
        name="revise",
        instructions=prompts.REVISE,
        content=json.dumps({"request": prompt, "document": _shown(survey)}),
        answer=ReviseAnswer,
        check=lambda answer: patch_problems(survey, [op.to_json() for op in answer.operations]),
    )
    try:
        answer = client.ask(task)
    except ModelInvalid as error:
        raise PatchRefused(
            "The model's edit does not give a valid survey; nothing was changed.",
            error.problems,
        ) from error
    if not answer.operations:
        reason = answer.explanation.strip()[:500] or "The model made no change for this request."
        raise CannotRevise(reason)
    return [op.to_json() for op in answer.operations]


def _shown(survey: Survey) -> dict[str, Any]:
    """The survey as the model sees it: its JSON without the stored file's id (paths into
    lists are unchanged, so the model's patch applies to the real document)."""
    document = survey.to_json()
    for block in document.get("blocks", []):
        for item in block.get("items", []):
            source = item.get("source")
            if isinstance(source, dict):
                source.pop("file_id", None)
    return document


def patch_problems(survey: Survey, operations: JsonPatch) -> list[str]:
    """Why `operations` cannot be applied to `survey` (nothing when they can)."""
    try:
        edited = apply_json_patch(survey, operations)
    except PatchError as error:
        details = [str(d.get("message", d)) for d in error.details or []]
        return [error.reason, *details[:10]]
    return [
        f"{p.pointer or p.element_id}: {p.message}"
        for p in validate(edited)
        if p.severity == "error"
    ]
