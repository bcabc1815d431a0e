"""The `jobs` table: one row per background job that matters, so none is lost if a worker dies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, UUIDPrimaryKey, utcnow


class Job(UUIDPrimaryKey, Base):
    """A job: task name, arguments, state (queued|running|done|failed), attempts and last error."""

    __tablename__ = "jobs"

    name: Mapped[str] = mapped_column(String(200), index=True)
    args: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    locked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
