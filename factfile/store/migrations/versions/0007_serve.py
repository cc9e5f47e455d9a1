"""indexes for serving: statements by content (corroboration); covering indexes for the dossier's joins

`mentions(actor_id, document_id, start, end)` and `statements(document_id, content_start, content_end)`
answer "statements whose content mentions this actor" from the indexes alone. PostgreSQL gets a hash
index on the content, since a btree entry cannot hold a long quote.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_statements_content_text ON statements USING hash (content_text)")
    else:
        op.create_index("ix_statements_content_text", "statements", ["content_text"])
    op.create_index("ix_mentions_actor_id_document_id_start_end", "mentions", ["actor_id", "document_id", "start", "end"])
    op.create_index("ix_statements_document_id_content_start_content_end", "statements", ["document_id", "content_start", "content_end"])


def downgrade() -> None:
    op.drop_index("ix_statements_document_id_content_start_content_end", table_name="statements")
    op.drop_index("ix_mentions_actor_id_document_id_start_end", table_name="mentions")
    op.drop_index("ix_statements_content_text", table_name="statements")
