"""The `organizations` table: the tenant every object belongs to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String, true
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, UUIDPrimaryKey, utcnow


class Organization(UUIDPrimaryKey, Base):
    """An org: owns keys, surveys and everything made under them."""

    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: False keeps every questionnaire and conversation of this org away from any LLM.
    llm_enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
