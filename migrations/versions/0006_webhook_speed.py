"""Webhook deliveries: an index for claiming a webhook's due rows in event order, and one for
pruning finished rows by age.

Revision ID: 0006_webhook_speed
Revises: 0005_webhooks
"""

from __future__ import annotations

from alembic import op

revision = "0006_webhook_speed"
down_revision = "0005_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the claim and prune indexes."""
    op.create_index(
        "ix_webhook_deliveries_claim",
        "webhook_deliveries",
        ["webhook_id", "status", "event_seq"],
    )
    op.create_index("ix_webhook_deliveries_age", "webhook_deliveries", ["status", "updated_at"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_webhook_deliveries_age", table_name="webhook_deliveries")
    op.drop_index("ix_webhook_deliveries_claim", table_name="webhook_deliveries")
