"""The `webhook_deliveries` table: one row per (event, webhook), written with the event itself."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class WebhookDelivery(UUIDPrimaryKey, Timestamps, Base):
    """One event to send to one webhook: the exact body, its state and its last attempt.

    `status`: pending (waiting for its next attempt at `next_attempt_at`) → sending (an attempt
    in flight since `locked_at`) → delivered | failed. `lane` is the survey id: deliveries of one
    lane go out one at a time, in `event_seq` order. `attempts` logs every attempt made.
    """

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("webhook_id", "event_id"),
        Index("ix_webhook_deliveries_lane", "webhook_id", "lane", "status", "event_seq"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        # A claim reads one webhook's pending rows in event order; the prune, finished rows by age.
        Index("ix_webhook_deliveries_claim", "webhook_id", "status", "event_seq"),
        Index("ix_webhook_deliveries_age", "status", "updated_at"),
    )

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    webhook_id: Mapped[str] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    #: The event's public id (the `webhook-id` header): the same on every attempt.
    event_id: Mapped[str] = mapped_column(String(36))
    event_name: Mapped[str] = mapped_column(String(100))
    #: The event's place in the event log (0 for a test event): orders one lane's deliveries.
    event_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    survey_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    lane: Mapped[str] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(nullable=True)
    locked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    excerpt: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    delivered_at: Mapped[datetime | None] = mapped_column(nullable=True)
