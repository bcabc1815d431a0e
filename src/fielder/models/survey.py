"""The `surveys` table: one questionnaire's lifecycle, its platform IR and its counters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, JSONType, Timestamps, UUIDPrimaryKey


class Survey(UUIDPrimaryKey, Timestamps, Base):
    """A survey of one org: status, destination, the platform IR and the timing of its runs."""

    __tablename__ = "surveys"

    org_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    mode: Mapped[str] = mapped_column(String(16), default="manual")
    status: Mapped[str] = mapped_column(String(32), default="pending", index=True)
    file_id: Mapped[str | None] = mapped_column(
        ForeignKey("files.id", ondelete="SET NULL"), nullable=True
    )
    engine: Mapped[str] = mapped_column(String(32), default="builtin")
    target_platform: Mapped[str | None] = mapped_column(String(32), nullable=True)
    target_integration_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    prior_qa: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    failure_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    failed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    ai_config: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    programming_started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    programming_completed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    programming_duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    question_count: Mapped[int] = mapped_column(Integer, default=0)
    #: The survey's IR (the platform IR once a destination is set); None before programming.
    platform_ir: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    #: sha256 of the canonical JSON of `platform_ir`: the ETag of GET platform-ir.
    ir_checksum: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ir_updated_at: Mapped[datetime | None] = mapped_column(nullable=True)
    #: Bumped by every write of `platform_ir`; writers compare-and-set it so none is lost.
    ir_revision: Mapped[int] = mapped_column(Integer, default=0)
    #: Seq of the last change applied to `platform_ir` (history is numbered per survey).
    history_seq: Mapped[int] = mapped_column(Integer, default=0)
    #: Bytes of patches written since the last snapshot: when it passes the IR's size, snapshot.
    patch_bytes_since_snapshot: Mapped[int] = mapped_column(Integer, default=0)
    #: Completed responses; the responses domain increments it in SQL (`x = x + 1`).
    response_count: Mapped[int] = mapped_column(Integer, default=0)
    live_at: Mapped[datetime | None] = mapped_column(nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)

    @property
    def platform_ir_available(self) -> bool:
        """Whether a platform IR can be read: programmed and a destination chosen."""
        return self.platform_ir is not None and self.target_platform is not None
