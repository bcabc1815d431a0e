"""The `snapshots` table: a survey's whole platform IR at some history seq, now and then."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, UUIDPrimaryKey, utcnow


class Snapshot(UUIDPrimaryKey, Base):
    """The IR after change `seq`; states between snapshots are replayed from patches."""

    __tablename__ = "snapshots"
    __table_args__ = (UniqueConstraint("survey_id", "seq"),)

    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    #: None when the survey had no IR at that point (before its first programming).
    document: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
