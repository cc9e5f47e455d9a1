"""index mentions by (actor, document) for dossiers of much-mentioned actors

An actor's documents ranked by mentions (the dossier's "Mentions by document") and its document count
are then read from the index alone instead of one table row per mention.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mentions_actor_id_document_id", "mentions", ["actor_id", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_mentions_actor_id_document_id", table_name="mentions")
