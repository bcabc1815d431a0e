"""The `integrations` table: where an org's surveys go (hosted, file export, API connection)."""

from __future__ import annotations

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fielder.db.base import Base, Timestamps, UUIDPrimaryKey


class Integration(UUIDPrimaryKey, Timestamps, Base):
    """A destination of one org: `hosted` (fielder), `file` (an export format) or `api`."""

    __tablename__ = "integrations"
    __table_args__ = (
        # The built-in ones exist once per org; API connections have no builtin key.
        UniqueConstraint("org_id", "builtin_key", name="uq_integrations_org_id_builtin_key"),
    )

    org_id: Mapped[str] = mapped_column(String(36), index=True)
    platform: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    builtin_key: Mapped[str | None] = mapped_column(String(64), default=None)
    #: Fernet token of the credentials JSON; never returned by the API.
    credentials_encrypted: Mapped[str | None] = mapped_column(Text, default=None)
