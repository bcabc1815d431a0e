"""The `sources` table: distribution links of a survey (`?src=<id>`), each with its count."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Source(UUIDPrimaryKey, Timestamps, Base):
    """A named link to a survey through one integration; responses by it carry its id."""

    __tablename__ = "sources"

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    integration_id: Mapped[str] = mapped_column(
        ForeignKey("integrations.id", ondelete="CASCADE"), index=True
    )
    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    response_count: Mapped[int] = mapped_column(Integer, default=0)
