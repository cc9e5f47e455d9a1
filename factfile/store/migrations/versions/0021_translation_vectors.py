"""translation_vectors: documents' sentence vectors across languages, stored once

A document in a store of several languages is compared by its sentence vectors with later documents in other
languages (relate/copies.py); storing them (int8, about 13 KB for a 25-sentence article) spares encoding it again.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translation_vectors",
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("vectors", sa.LargeBinary(), nullable=False),
        sa.Column("scales", sa.LargeBinary(), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("translation_vectors")
