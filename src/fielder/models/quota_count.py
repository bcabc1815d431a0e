"""The `quota_counts` table: how many completes each quota of a survey has counted."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base


class QuotaCount(Base):
    """One quota's count; raised only by a conditional UPDATE so that it never passes the limit."""

    __tablename__ = "quota_counts"

    survey_id: Mapped[str] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    quota_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
