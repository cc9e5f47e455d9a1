"""actors: blocking keys on aliases for cross-document resolution; who says each fact

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (("signature", 500), ("initials", 16), ("surname", 100), ("block", 16))


def upgrade() -> None:
    with op.batch_alter_table("aliases") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length), nullable=True))
            batch.create_index(f"ix_aliases_{name}", [name])
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("source_actor_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_facts_source_actor_id_actors", "actors", ["source_actor_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_constraint("fk_facts_source_actor_id_actors", type_="foreignkey")
        batch.drop_column("source_actor_id")
    with op.batch_alter_table("aliases") as batch:
        for name, _ in COLUMNS:
            batch.drop_index(f"ix_aliases_{name}")
            batch.drop_column(name)
