"""Organizations: a switch that turns the LLM engine off for one org.

Revision ID: 0004_org_llm
Revises: 0003_responses
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_org_llm"
down_revision = "0003_responses"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `organizations.llm_enabled` (true by default: the engine setting decides)."""
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(
            sa.Column("llm_enabled", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    """Drop `organizations.llm_enabled`."""
    with op.batch_alter_table("organizations") as batch:
        batch.drop_column("llm_enabled")
