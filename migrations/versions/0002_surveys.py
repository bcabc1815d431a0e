"""Surveys, files and their history: changesets, changes, snapshots, idempotency records.

Revision ID: 0002_surveys
Revises: 0001_foundation
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_surveys"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIME = sa.DateTime(timezone=True)


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(36), nullable=False)


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _files() -> None:
    op.create_table(
        "files",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("mime_type", sa.String(128), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("storage_key", sa.String(255), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        _fk("files", "org_id", "organizations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_files")),
    )
    op.create_index(op.f("ix_files_org_id"), "files", ["org_id"])
    op.create_index(op.f("ix_files_survey_id"), "files", ["survey_id"])


def _surveys() -> None:
    op.create_table(
        "surveys",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("file_id", sa.String(36), nullable=True),
        sa.Column("engine", sa.String(32), nullable=False),
        sa.Column("target_platform", sa.String(32), nullable=True),
        sa.Column("target_integration_id", sa.String(36), nullable=True),
        sa.Column("prior_qa", JSON, nullable=False),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column("failed_at", TIME, nullable=True),
        sa.Column("settings", JSON, nullable=False),
        sa.Column("ai_config", JSON, nullable=True),
        sa.Column("programming_started_at", TIME, nullable=True),
        sa.Column("programming_completed_at", TIME, nullable=True),
        sa.Column("programming_duration_ms", sa.Integer(), nullable=True),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("platform_ir", JSON, nullable=True),
        sa.Column("ir_checksum", sa.String(64), nullable=True),
        sa.Column("ir_updated_at", TIME, nullable=True),
        sa.Column("ir_revision", sa.Integer(), nullable=False),
        sa.Column("history_seq", sa.Integer(), nullable=False),
        sa.Column("patch_bytes_since_snapshot", sa.Integer(), nullable=False),
        sa.Column("response_count", sa.Integer(), nullable=False),
        sa.Column("live_at", TIME, nullable=True),
        sa.Column("closed_at", TIME, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        _fk("surveys", "org_id", "organizations"),
        _fk("surveys", "file_id", "files", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("slug", name=op.f("uq_surveys_slug")),
    )
    op.create_index(op.f("ix_surveys_org_id"), "surveys", ["org_id"])
    op.create_index(op.f("ix_surveys_status"), "surveys", ["status"])


def _changesets() -> None:
    op.create_table(
        "changesets",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=True),
        sa.Column("actor", JSON, nullable=True),
        sa.Column("prompt", sa.Text(), nullable=True),
        sa.Column("base_revision", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("completed_at", TIME, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        _fk("changesets", "org_id", "organizations"),
        _fk("changesets", "survey_id", "surveys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changesets")),
    )
    op.create_index(op.f("ix_changesets_org_id"), "changesets", ["org_id"])
    op.create_index(op.f("ix_changesets_survey_id"), "changesets", ["survey_id"])


def _changes() -> None:
    op.create_table(
        "changes",
        _id(),
        sa.Column("changeset_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("element_id", sa.String(64), nullable=True),
        sa.Column("resource_type", sa.String(32), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("patch", JSON, nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        _fk("changes", "changeset_id", "changesets"),
        _fk("changes", "survey_id", "surveys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
        sa.UniqueConstraint("changeset_id", "ordinal", name=op.f("uq_changes_changeset_id")),
        sa.UniqueConstraint("survey_id", "seq", name=op.f("uq_changes_survey_id")),
    )
    op.create_index(op.f("ix_changes_changeset_id"), "changes", ["changeset_id"])
    op.create_index("ix_changes_survey_id_created_at", "changes", ["survey_id", "created_at"])


def _snapshots_and_idempotency() -> None:
    op.create_table(
        "snapshots",
        _id(),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("document", JSON, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        _fk("snapshots", "survey_id", "surveys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshots")),
        sa.UniqueConstraint("survey_id", "seq", name=op.f("uq_snapshots_survey_id")),
    )
    op.create_table(
        "idempotency_records",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("body", JSON, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        _fk("idempotency_records", "org_id", "organizations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_records")),
        sa.UniqueConstraint("org_id", "key", name=op.f("uq_idempotency_records_org_id")),
    )


def upgrade() -> None:
    """Create the tables of surveys, files and history."""
    _files()
    _surveys()
    _changesets()
    _changes()
    _snapshots_and_idempotency()


def downgrade() -> None:
    """Drop them, dependents first."""
    for table in ("idempotency_records", "snapshots", "changes", "changesets", "surveys", "files"):
        op.drop_table(table)
