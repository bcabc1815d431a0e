"""Fielding: publications, responses, respondents, quota counts, integrations, sources.

Revision ID: 0003_responses
Revises: 0002_surveys
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fielder.db.base import JSONType

revision = "0003_responses"
down_revision = "0002_surveys"
branch_labels = None
depends_on = None


def _time(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _stamps() -> list[sa.Column[object]]:
    return [_time("created_at"), _time("updated_at")]


def _id() -> sa.Column[object]:
    return sa.Column("id", sa.String(36), nullable=False)


def upgrade() -> None:
    """Create the fielding tables."""
    op.create_table(
        "publications",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("ir", JSONType, nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        _time("published_at"),
        _time("unpublished_at", nullable=True),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name="fk_publications_survey_id_surveys",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_publications"),
    )
    op.create_index("ix_publications_org_id", "publications", ["org_id"])
    op.create_index("ix_publications_slug", "publications", ["slug"])
    op.create_index("ix_publications_survey_id_version", "publications", ["survey_id", "version"])

    op.create_table(
        "responses",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("publication_id", sa.String(36), nullable=True),
        sa.Column("source_id", sa.String(36), nullable=True),
        sa.Column("respondent_token", sa.String(64), nullable=True),
        sa.Column("respondent_email", sa.String(320), nullable=True),
        sa.Column("answers", JSONType, nullable=False),
        sa.Column("question_versions", JSONType, nullable=False),
        sa.Column("ai_conversation", JSONType, nullable=False),
        sa.Column("ai_cost_cents", sa.Integer(), nullable=False),
        sa.Column("metadata", JSONType, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        _time("started_at"),
        _time("completed_at", nullable=True),
        _time("last_saved_at"),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name="fk_responses_survey_id_surveys", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["publication_id"],
            ["publications.id"],
            name="fk_responses_publication_id_publications",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_responses"),
        sa.UniqueConstraint("survey_id", "respondent_token", name="uq_responses_survey_id_token"),
    )
    op.create_index("ix_responses_org_id", "responses", ["org_id"])
    op.create_index("ix_responses_survey_id_updated_at", "responses", ["survey_id", "updated_at"])
    op.create_index("ix_responses_survey_id_status", "responses", ["survey_id", "status"])
    op.create_index("ix_responses_status_last_saved_at", "responses", ["status", "last_saved_at"])

    op.create_table(
        "respondents",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _time("invited_at"),
        sa.Column("response_id", sa.String(36), nullable=True),
        sa.Column("metadata", JSONType, nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name="fk_respondents_survey_id_surveys",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_respondents"),
        sa.UniqueConstraint("token", name="uq_respondents_token"),
    )
    op.create_index("ix_respondents_org_id", "respondents", ["org_id"])
    op.create_index("ix_respondents_survey_id", "respondents", ["survey_id"])

    op.create_table(
        "quota_counts",
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("quota_id", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name="fk_quota_counts_survey_id_surveys",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("survey_id", "quota_id", name="pk_quota_counts"),
    )

    op.create_table(
        "integrations",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("builtin_key", sa.String(64), nullable=True),
        sa.Column("credentials_encrypted", sa.Text(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name="pk_integrations"),
        sa.UniqueConstraint("org_id", "builtin_key", name="uq_integrations_org_id_builtin_key"),
    )
    op.create_index("ix_integrations_org_id", "integrations", ["org_id"])

    op.create_table(
        "sources",
        _id(),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("integration_id", sa.String(36), nullable=False),
        sa.Column("survey_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("params", JSONType, nullable=False),
        sa.Column("response_count", sa.Integer(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["integration_id"],
            ["integrations.id"],
            name="fk_sources_integration_id_integrations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name="fk_sources_survey_id_surveys", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
    )
    op.create_index("ix_sources_org_id", "sources", ["org_id"])
    op.create_index("ix_sources_integration_id", "sources", ["integration_id"])
    op.create_index("ix_sources_survey_id", "sources", ["survey_id"])


def downgrade() -> None:
    """Drop the fielding tables."""
    for table in (
        "sources",
        "integrations",
        "quota_counts",
        "respondents",
        "responses",
        "publications",
    ):
        op.drop_table(table)
