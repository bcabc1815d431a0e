"""The `changesets` table: one mutation of a survey's platform IR, made of ordered changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Changeset(UUIDPrimaryKey, Timestamps, Base):
    """A programming run, manual edit, AI revision, revert or platform pull of one survey."""

    __tablename__ = "changesets"

    org_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    #: initial_programming | ai_prompt | revert | manual | platform_pull
    type: Mapped[str] = mapped_column(String(32))
    #: in_progress | awaiting_approval | complete | error | discarded
    status: Mapped[str] = mapped_column(String(32), default="in_progress")
    title: Mapped[str] = mapped_column(String(300))
    change_count: Mapped[int] = mapped_column(Integer, default=0)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: Who asked: {"type": "api_key", "id": …} or {"type": "system"}.
    actor: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    #: The revision prompt of an `ai_prompt` changeset.
    prompt: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The survey's `ir_revision` a proposal was computed against.
    base_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(nullable=True)
