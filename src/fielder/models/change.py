"""The `changes` table: one per-question step of a changeset, stored as an RFC 6902 patch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, UUIDPrimaryKey, utcnow


class Change(UUIDPrimaryKey, Base):
    """A step from one IR state to the next; `before`/`after` are computed, not stored."""

    __tablename__ = "changes"
    __table_args__ = (
        # A resumed programming job rewrites the same (changeset, ordinal): never a duplicate.
        UniqueConstraint("changeset_id", "ordinal"),
        UniqueConstraint("survey_id", "seq"),
        Index("ix_changes_survey_id_created_at", "survey_id", "created_at"),
    )

    changeset_id: Mapped[str] = mapped_column(
        ForeignKey("changesets.id", ondelete="CASCADE"), index=True
    )
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    #: Position within the changeset (the API's `order`).
    ordinal: Mapped[int] = mapped_column(Integer)
    #: Position in the survey's applied history; None while only proposed (awaiting approval).
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: The question the change is about; None for survey-level settings and layout.
    element_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    resource_type: Mapped[str] = mapped_column(String(32), default="platformIr")
    #: create | update | delete
    operation: Mapped[str] = mapped_column(String(16))
    patch: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
