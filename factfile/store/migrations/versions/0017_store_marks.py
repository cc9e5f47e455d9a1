"""store marks: where the writer's claim-vector rule starts

A store with statements and no vector at all was filled before the writer gave vectors to statements that
have peers (relate/claim_vectors.py): its statements are compared by their words, and the writer does not
embed them as peers of new ones (about 1.4 s a new document at 10,000 synthetic documents, bench/ingest.py).
A store holding vectors keeps the rule for all its statements.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_marks",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_marks")),
    )
    op.execute(
        "INSERT INTO store_marks (name, value) SELECT 'vectors_from', "
        "CASE WHEN EXISTS (SELECT 1 FROM statement_vectors) THEN 0 ELSE COALESCE(MAX(id), 0) + 1 END FROM statements"
    )


def downgrade() -> None:
    op.drop_table("store_marks")
