"""What the compiler was unsure of: problems, and the clarifying questions made from them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["blocker", "warning", "info"]

SEVERITY: dict[str, Severity] = {
    "reference-missing": "blocker",
    "reference-forward": "blocker",
    "logic-unparsed": "warning",
    "terminate-unclear": "warning",
    "codes-duplicate": "blocker",
    "options-missing": "warning",
    "type-ambiguous": "info",
    "scale-direction": "info",
    "grid-shape": "warning",
    "codes-unknown": "warning",
}


class Clarification(BaseModel):
    """A clarifying question for the person who wrote the questionnaire."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    kind: str
    severity: Severity = "warning"
    summary: str = ""
    excerpt: str = ""
    suggestions: list[str] = Field(default_factory=list)
    detail: dict[str, Any] = Field(default_factory=dict)
    user_clarification: str | None = Field(default=None, alias="userClarification")


@dataclass
class Problem:
    """Something the compiler could not settle on its own, on one question."""

    kind: str
    question_id: str
    summary: str
    excerpt: str = ""
    suggestions: list[str] = field(default_factory=list)
    #: the question's id in the IR where it differs from the one the problem was found on
    #: (`A_1` for a label printed `A-1`); the problem's id stays the first, so answers still apply
    shown_id: str = ""

    @property
    def id(self) -> str:
        """A stable id: the same file gives the same ids."""
        key = f"{self.kind}|{self.question_id}|{self.excerpt}"
        return "qa_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

    def clarification(self) -> Clarification:
        """The problem as a clarifying question."""
        return Clarification(
            id=self.id,
            kind=self.kind,
            severity=SEVERITY.get(self.kind, "warning"),
            summary=self.summary,
            excerpt=self.excerpt,
            suggestions=list(self.suggestions),
            detail={"question_id": self.shown_id or self.question_id},
        )


def answers_of(qa: Any) -> dict[str, str]:
    """Answered items of a prior Q&A list (dicts or Clarifications) by id."""
    found: dict[str, str] = {}
    for item in qa or ():
        if isinstance(item, Clarification):
            data: dict[str, Any] = item.model_dump()
        elif isinstance(item, dict):
            data = item
        else:
            continue
        answer = data.get("user_clarification") or data.get("userClarification")
        if data.get("id") and isinstance(answer, str) and answer.strip():
            found[str(data["id"])] = answer.strip()
    return found
