"""Bodies of the integrations routes (API.md § 8)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from fielder.models.integration import Integration


class IntegrationRead(BaseModel):
    """An integration; credentials are never shown."""

    id: str
    platform: str
    name: str
    kind: Literal["hosted", "file", "api"]
    created_at: datetime

    @classmethod
    def of(cls, row: Integration) -> IntegrationRead:
        """The API view of a stored integration."""
        return cls(
            id=row.id,
            platform=row.platform,
            name=row.name,
            kind=row.kind,
            created_at=row.created_at,
        )


class IntegrationCreate(BaseModel):
    """`POST /integrations`: an API connection to a platform."""

    model_config = ConfigDict(extra="forbid")

    platform: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    credentials: dict[str, Any]


class SourceCreate(BaseModel):
    """`POST /integrations/{id}/surveys/{survey_id}/sources`."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    params: dict[str, Any] | None = None


class SourceRead(BaseModel):
    """A distribution link of a survey."""

    id: str
    name: str
    survey_id: str
    url: str | None
    params: dict[str, Any]
    response_count: int
    created_at: datetime


class PlatformSurvey(BaseModel):
    """A survey as one integration sees it."""

    id: str
    survey_id: str
    name: str
    status: str
    url: str | None
    response_count: int
    last_pushed_at: datetime | None
