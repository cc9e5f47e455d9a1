"""watches: a change number per stored document, and users' watches with how far each has been read

- `documents.seq`: the store's change number when the document was written (`change_counter`, raised
  under the write lock), so "added after the last read" is a comparison of numbers. Documents already
  stored get numbers in the order of their ids, the order they were written in.
- `change_counter`: one row, the last number given.
- `watches`: kind (actor, story, place, search), target, the user's words, and the last number read.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("seq", sa.BigInteger(), nullable=True))
    op.execute("UPDATE documents SET seq = id")
    op.create_index("ix_documents_seq", "documents", ["seq"], unique=True)
    counter = op.create_table(
        "change_counter",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_change_counter")),
    )
    op.execute(counter.insert().from_select(["name", "value"], sa.select(sa.literal("changes"), sa.func.coalesce(sa.func.max(sa.column("id")), 0)).select_from(sa.table("documents", sa.column("id")))))
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.BigInteger(), nullable=True),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("read_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watches")),
    )


def downgrade() -> None:
    op.drop_table("watches")
    op.drop_table("change_counter")
    op.drop_index("ix_documents_seq", table_name="documents")
    op.drop_column("documents", "seq")
