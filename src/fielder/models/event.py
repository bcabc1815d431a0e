"""The `events` table: every event published, in order; SSE clients resume by Last-Event-ID."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, new_id, utcnow


class Event(Base):
    """One event: the integer `id` orders events (the SSE id); `public_id` is the uuid users see."""

    __tablename__ = "events"

    # BigInteger on PostgreSQL, INTEGER on SQLite so that it is the rowid (autoincrementing).
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    public_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    org_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(100))
    survey_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    channels: Mapped[list[str]] = mapped_column(JSONType, default=list)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
