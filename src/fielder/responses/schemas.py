"""Request and response bodies of the responses API (API.md § 9)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from fielder.models.response import Response

ResponseStatus = Literal["in_progress", "completed", "abandoned"]
Outcome = Literal["complete", "screened_out", "over_quota"]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ResponseStart(_Body):
    """`POST /surveys/{slug}/responses`: who is answering, and what the client knows."""

    respondent_token: str | None = Field(
        default=None, min_length=1, max_length=64, alias="respondentToken"
    )
    respondent_email: str | None = Field(default=None, max_length=320, alias="respondentEmail")
    metadata: dict[str, Any] | None = None


class ResponseSave(_Body):
    """`PATCH /surveys/{slug}/responses/{id}`: the whole state; fields left out are kept."""

    answers: dict[str, Any] | None = None
    question_versions: dict[str, int] | None = Field(default=None, alias="questionVersions")
    ai_conversation: list[Any] | None = Field(default=None, alias="aiConversation")
    metadata: dict[str, Any] | None = None


class NextRequest(_Body):
    """`POST /surveys/{slug}/next`: the conversation so far and optional context."""

    conversation: list[dict[str, Any]] = Field(default_factory=list)
    context: dict[str, Any] | None = None
    response_id: str | None = None


class ExportRequest(_Body):
    """`POST /surveys/{id}/responses/export`."""

    format: Literal["json", "csv", "xlsx", "sav"] = "json"
    bom: bool = False


class ResponseRead(BaseModel):
    """A response as the API shows it."""

    id: str
    survey_id: str
    respondent_token: str | None
    respondent_email: str | None
    answers: dict[str, Any]
    question_versions: dict[str, Any]
    ai_conversation: list[Any]
    ai_cost_cents: int
    metadata: dict[str, Any]
    status: ResponseStatus
    outcome: Outcome | None
    started_at: datetime
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Response) -> ResponseRead:
        """The API view of a stored response."""
        return cls(
            id=row.id,
            survey_id=row.survey_id,
            respondent_token=row.respondent_token,
            respondent_email=row.respondent_email,
            answers=row.answers or {},
            question_versions=row.question_versions or {},
            ai_conversation=row.ai_conversation or [],
            ai_cost_cents=row.ai_cost_cents,
            metadata=row.meta or {},
            status=row.status,
            outcome=row.outcome,
            started_at=row.started_at,
            completed_at=row.completed_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


class ResponseEnvelope(BaseModel):
    """`{"data": <response>}`."""

    data: ResponseRead


class RespondentCreate(_Body):
    """`POST /surveys/{id}/respondents`."""

    email: str = Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")
    metadata: dict[str, Any] | None = None
