"""The `respondents` table: invitations to a survey, each with its own token and link."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Respondent(UUIDPrimaryKey, Timestamps, Base):
    """An invited respondent: email, token, status (`invited`, `opened`, `completed`)."""

    __tablename__ = "respondents"

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="invited")
    invited_at: Mapped[datetime]
    response_id: Mapped[str | None] = mapped_column(String(36), default=None)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, default=dict)
