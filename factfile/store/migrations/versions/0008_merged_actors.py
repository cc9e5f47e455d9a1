"""index actors by the actor they were merged into

Every dossier, statement list and event list looks up the actors merged into one (`merged_into_id`);
without an index that is a scan of the whole actors table, which grows with the store.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_actors_merged_into_id", "actors", ["merged_into_id"])


def downgrade() -> None:
    op.drop_index("ix_actors_merged_into_id", table_name="actors")
