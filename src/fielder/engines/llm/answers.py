"""The shapes the model must answer in, one per task; their JSON Schemas constrain its output.

Kept small and flat (small models follow small schemas), and narrowed per call: where the
answer names a question, the schema lists the ids it may name (`narrowed`). No length limits:
llama.cpp turns each into a grammar rule per character and gives up on long ones; texts are
cut to size where they are used instead.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from fielder.ir.models import QuestionType


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore")


class DecidedOption(_Answer):
    """An answer option the model settled."""

    code: str = Field(min_length=1)
    label: str
    exclusive: bool = False


class Decision(_Answer):
    """What the model decided for one question the rules were unsure of."""

    question_id: str
    type: QuestionType | None = None
    options: list[DecidedOption] | None = None
    display_if: str | None = None
    terminate_if: str | None = None
    note: str = ""


class ProgramAnswer(_Answer):
    """`program`: decisions for the questions asked about (none for those it cannot settle)."""

    decisions: list[Decision] = Field(default_factory=list)


ClarifyKind = Literal[
    "type-ambiguous",
    "options-missing",
    "logic-unparsed",
    "scale-direction",
    "grid-shape",
    "terminate-unclear",
    "wording-unclear",
]


class Concern(_Answer):
    """`clarify`: one more question for the questionnaire's author."""

    kind: ClarifyKind
    question_id: str
    summary: str = Field(min_length=1)
    suggestions: list[str] = Field(default_factory=list)


class ClarifyAnswer(_Answer):
    """`clarify`: the concerns the rules did not raise."""

    concerns: list[Concern] = Field(default_factory=list)


class PatchOperation(_Answer):
    """One RFC 6902 operation."""

    op: Literal["add", "remove", "replace", "move", "copy", "test"]
    path: str
    value: Any = None
    from_: str | None = Field(default=None, alias="from")

    def to_json(self) -> dict[str, Any]:
        """The operation as RFC 6902 JSON (no `value` where the op takes none)."""
        found: dict[str, Any] = {"op": self.op, "path": self.path}
        if self.op in {"add", "replace", "test"}:
            found["value"] = self.value
        if self.op in {"move", "copy"}:
            found["from"] = self.from_
        return found


class ReviseAnswer(_Answer):
    """`revise`: the JSON Patch that makes the edit (empty when the request makes no sense)."""

    operations: list[PatchOperation] = Field(default_factory=list)
    explanation: str = ""


class ConverseAnswer(_Answer):
    """`next_question`: the next open question, worded for a conversation, or done."""

    done: bool = False
    question_id: str | None = None
    question: str = ""
    probe: bool = False


def narrowed(schema: dict[str, Any], property_name: str, allowed: list[str]) -> dict[str, Any]:
    """A copy of `schema` in which every property `property_name` takes only `allowed`."""
    found = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict) and property_name in properties:
                nullable = "anyOf" in properties[property_name]
                enum: dict[str, Any] = {"type": "string", "enum": allowed}
                properties[property_name] = (
                    {"anyOf": [enum, {"type": "null"}]} if nullable else enum
                )
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(found)
    return found
