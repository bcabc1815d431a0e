"""Surveys in and out of the API (API.md § 4)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

Mode = Literal["manual", "ai"]
EngineName = Literal["builtin", "llm"]


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every time we store is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class AiConfig(BaseModel):
    """How an AI-led survey (`mode: "ai"`) should converse."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    goal: str | None = None
    target_questions: int | None = Field(
        default=None,
        ge=1,
        le=200,
        validation_alias=AliasChoices("target_questions", "targetQuestions"),
    )
    tone: str | None = None


class SurveyCreate(BaseModel):
    """JSON body of `POST /surveys`: a survey without a file, empty or from a complete IR."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str = Field(min_length=1, max_length=200)
    slug: str | None = None
    mode: Mode = "manual"
    engine: EngineName | None = None
    ir: dict[str, Any] | None = None
    settings: dict[str, Any] | None = None
    ai_config: AiConfig | None = Field(
        default=None, validation_alias=AliasChoices("ai_config", "aiConfig")
    )

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name may not be blank")
        return value.strip()


class SurveyUpdate(BaseModel):
    """JSON body of `PATCH /surveys/{id}`: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str | None = Field(default=None, min_length=1, max_length=200)
    slug: str | None = None
    status: str | None = None
    settings: dict[str, Any] | None = None
    ai_config: AiConfig | None = Field(
        default=None, validation_alias=AliasChoices("ai_config", "aiConfig")
    )


class SurveyRead(BaseModel):
    """The Survey object of API.md § 4."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    org_id: str
    name: str
    slug: str
    mode: str
    status: str
    file_id: str | None
    engine: str
    target_platform: str | None
    target_integration_id: str | None
    prior_qa: list[Any]
    failure_reason: str | None
    failed_at: datetime | None
    settings: dict[str, Any]
    ai_config: dict[str, Any] | None
    programming_started_at: datetime | None
    programming_completed_at: datetime | None
    programming_duration_ms: int | None
    question_count: int
    platform_ir_available: bool
    response_count: int
    live_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @field_validator(
        "failed_at",
        "programming_started_at",
        "programming_completed_at",
        "live_at",
        "closed_at",
        "created_at",
        "updated_at",
    )
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware(value)


class SurveyEnvelope(BaseModel):
    """`{"data": survey}`."""

    data: SurveyRead


class SurveyCreated(SurveyEnvelope):
    """`POST /surveys` answer: the survey and, for an upload, the stored file's id."""

    survey_id: str
    file_id: str | None


class DestinationUpdate(BaseModel):
    """`PUT /surveys/{id}/destination`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    platform: str = Field(min_length=1, max_length=32)
    integration_id: str | None = Field(
        default=None,
        max_length=36,
        validation_alias=AliasChoices("integration_id", "integrationId"),
    )


class StartProgramming(BaseModel):
    """`POST /surveys/{id}/start-programming`: Q&A answers to use, and whether to re-run."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    qa: list[dict[str, Any]] | None = None
    force: bool = False


class StartProgrammingResult(BaseModel):
    """`202 {ok, already_running, status}`."""

    ok: bool = True
    already_running: bool
    status: str
