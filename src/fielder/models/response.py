"""The `responses` table: one respondent's answers to one survey."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Response(UUIDPrimaryKey, Timestamps, Base):
    """A response: its answers, the question versions seen, status and outcome."""

    __tablename__ = "responses"
    __table_args__ = (
        # One response per invitation token (NULLs, anonymous responses, are distinct).
        UniqueConstraint("survey_id", "respondent_token", name="uq_responses_survey_id_token"),
        Index("ix_responses_survey_id_updated_at", "survey_id", "updated_at"),
        # Lists (newest first) and exports (oldest first) read a survey in this order.
        Index("ix_responses_survey_id_created_at_id", "survey_id", "created_at", "id"),
        Index("ix_responses_survey_id_status", "survey_id", "status"),
        Index("ix_responses_status_last_saved_at", "status", "last_saved_at"),
    )

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    publication_id: Mapped[str | None] = mapped_column(
        ForeignKey("publications.id", ondelete="SET NULL"), default=None
    )
    source_id: Mapped[str | None] = mapped_column(String(36), default=None)
    respondent_token: Mapped[str | None] = mapped_column(String(64), default=None)
    respondent_email: Mapped[str | None] = mapped_column(String(320), default=None)
    answers: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    question_versions: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    ai_conversation: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    ai_cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    # `metadata` is taken by SQLAlchemy's declarative base: the attribute is `meta`.
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    #: The last start or save: what the abandon job measures idleness from.
    last_saved_at: Mapped[datetime]
