"""Request and response bodies of /api/v1/webhooks (API.md § 10)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fielder.models.webhook import Webhook
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks.catalogue import SUBSCRIBABLE
from fielder.webhooks.urls import MAX_URL_LENGTH

DeliveryStatus = Literal["pending", "sending", "delivered", "failed"]


def _known_events(names: list[str]) -> list[str]:
    unknown = [name for name in names if name not in SUBSCRIBABLE]
    if unknown:
        known = ", ".join(sorted(SUBSCRIBABLE))
        raise ValueError(f"unknown event {', '.join(map(repr, unknown))}; known events: {known}")
    return list(dict.fromkeys(names))


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WebhookCreate(_Body):
    """`POST /webhooks`: where to send, which events (empty = all), a note for people."""

    url: str = Field(min_length=1, max_length=MAX_URL_LENGTH)
    events: list[str] = Field(default_factory=list, max_length=100)
    description: str | None = Field(default=None, max_length=500)

    _events = field_validator("events")(_known_events)


class WebhookUpdate(_Body):
    """`PATCH /webhooks/{id}`: the fields to change; `active: true` re-enables a disabled one."""

    url: str | None = Field(default=None, min_length=1, max_length=MAX_URL_LENGTH)
    events: list[str] | None = Field(default=None, max_length=100)
    description: str | None = Field(default=None, max_length=500)
    active: bool | None = None

    @field_validator("events")
    @classmethod
    def _events(cls, names: list[str] | None) -> list[str] | None:
        return None if names is None else _known_events(names)


class WebhookRead(BaseModel):
    """A webhook as the API shows it: never its secret."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    url: str
    events: list[str]
    description: str | None
    active: bool
    disabled_reason: str | None
    failure_count: int
    last_triggered_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, webhook: Webhook) -> dict[str, Any]:
        """The JSON view of a stored webhook."""
        return cls.model_validate(webhook).model_dump(mode="json")


class WebhookWithSecret(WebhookRead):
    """A webhook just created or rotated: the only times its secret is shown."""

    secret: str


class DeliveryRead(BaseModel):
    """One delivery: its event, state and its last attempt (`attempts` lists every attempt)."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    webhook_id: str
    event_id: str
    event: str = Field(validation_alias="event_name")
    survey_id: str | None
    status: DeliveryStatus
    attempt: int
    next_attempt_at: datetime | None
    status_code: int | None
    duration_ms: int | None
    error: str | None
    excerpt: str | None
    attempts: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime
    delivered_at: datetime | None

    @classmethod
    def of(cls, delivery: WebhookDelivery) -> dict[str, Any]:
        """The JSON view of a stored delivery."""
        return cls.model_validate(delivery).model_dump(mode="json")
