"""API key request and response bodies."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from fielder.keys.scopes import Scope


class ApiKeyCreate(BaseModel):
    """POST /api/v1/api-keys: a name, optional scopes (default all) and an optional expiry."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    scopes: list[Scope] | None = Field(default=None, min_length=1)
    expires_at: datetime | None = None


class ApiKeyRead(BaseModel):
    """An API key as listed: never its secret."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    scopes: list[str]
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    """A key just created: the only time its secret is shown."""

    secret: str
