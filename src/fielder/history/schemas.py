"""History in and out of the API (API.md §§ 6–7)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ChangesetRead(BaseModel):
    """A changeset: one mutation of the platform IR."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    survey_id: str
    type: str
    status: str
    title: str
    change_count: int
    idempotency_key: str | None
    created_at: datetime
    completed_at: datetime | None
    actor: dict[str, Any] | None


class ChangeRead(BaseModel):
    """One change, with the IR around it (`before`/`after`) unless `snapshots=false`."""

    id: str
    changeset_id: str
    survey_id: str
    resource_type: str
    operation: str
    element_id: str | None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    patch: list[dict[str, Any]]
    message: str
    order: int
    created_at: datetime


class ChangesetWithChanges(ChangesetRead):
    """A changeset with its changes in order."""

    changes: list[ChangeRead] = Field(default_factory=list)


class ChangesetEnvelope(BaseModel):
    """`{"data": changeset}`."""

    data: ChangesetWithChanges


class PlatformIR(BaseModel):
    """`GET /surveys/{id}/platform-ir`: the IR, its checksum (the ETag) and when it changed."""

    ir: dict[str, Any]
    checksum: str
    updated_at: datetime | None
    changeset_id: str | None = None
