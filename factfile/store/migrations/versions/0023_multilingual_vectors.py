"""multilingual_vectors: attributed statements' vectors across languages

One source's statements of one story are grouped into claims by these vectors where their words, in two languages,
share nothing (relate/corroboration.py). Statements stored before this revision have none and are grouped by their
words as before.

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "multilingual_vectors",
        sa.Column("statement_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"], name=op.f("fk_multilingual_vectors_statement_id_statements"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_multilingual_vectors")),
    )


def downgrade() -> None:
    op.drop_table("multilingual_vectors")
