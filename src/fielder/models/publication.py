"""The `publications` table: the snapshot of a survey's platform IR that respondents answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Publication(UUIDPrimaryKey, Timestamps, Base):
    """One publishing of a survey: the IR as it was, under the slug it had; the newest is live."""

    __tablename__ = "publications"
    __table_args__ = (Index("ix_publications_survey_id_version", "survey_id", "version"),)

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(64), index=True)
    #: 1 for the first publishing of the survey, then + 1 each time it is published again.
    version: Mapped[int] = mapped_column(Integer)
    ir: Mapped[dict[str, Any]] = mapped_column(JSONType)
    checksum: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime]
    unpublished_at: Mapped[datetime | None] = mapped_column(default=None)
