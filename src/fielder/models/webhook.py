"""The `webhooks` table: an org's subscriptions, each a URL, the events it wants and its secret."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Webhook(UUIDPrimaryKey, Timestamps, Base):
    """A subscription: `events` empty means every event; `secret` signs each delivery.

    The secret is kept readable (every worker must sign with it); it is shown to users only when
    created or rotated. `failure_count` counts deliveries in a row that failed every attempt.
    """

    __tablename__ = "webhooks"

    org_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(String(500), nullable=True)
    events: Mapped[list[str]] = mapped_column(JSONType, default=list)
    secret: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: None while active; `gone` (the receiver answered 410) or `failing` when disabled by us.
    disabled_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    failure_count: Mapped[int] = mapped_column(Integer, default=0)
    last_triggered_at: Mapped[datetime | None] = mapped_column(nullable=True)
