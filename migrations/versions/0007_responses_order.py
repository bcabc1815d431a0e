"""Responses: an index in the order the team reads and exports a survey's responses
(newest first in lists, oldest first in exports), so that neither sorts a million rows.

Revision ID: 0007_responses_order
Revises: 0006_webhook_speed
"""

from __future__ import annotations

from alembic import op

revision = "0007_responses_order"
down_revision = "0006_webhook_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the (survey_id, created_at, id) index."""
    op.create_index(
        "ix_responses_survey_id_created_at_id", "responses", ["survey_id", "created_at", "id"]
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_responses_survey_id_created_at_id", table_name="responses")
