"""documents: an index on the language

Translations are looked for only in a store holding documents in more than one language (relate/copies.py); the
index answers "is any document in another language?" in two look-ups however large the store.

Revision ID: 0020
Revises: 0019
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_language", "documents", ["language"])


def downgrade() -> None:
    op.drop_index("ix_documents_language", table_name="documents")
