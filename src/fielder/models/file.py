"""The `files` table: an uploaded questionnaire's metadata; the bytes live in kit.storage."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, Timestamps, UUIDPrimaryKey


class File(UUIDPrimaryKey, Timestamps, Base):
    """An uploaded file of one org: name, type, size, sha256 and its storage key."""

    __tablename__ = "files"

    org_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(255))
    #: The survey the file was uploaded for; plain id (no FK) as surveys point at files too.
    survey_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
