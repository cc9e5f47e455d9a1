"""statement vectors: sentence embeddings of statement contents, to group statements into claims

Only new statements get one (computing them needs the embedding model); older statements are compared
by their words.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement_vectors",
        sa.Column("statement_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], name=op.f("fk_statement_vectors_statement_id_statements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_statement_vectors")),
    )


def downgrade() -> None:
    op.drop_table("statement_vectors")
