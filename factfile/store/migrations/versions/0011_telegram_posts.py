"""telegram posts: each post's channel, message id, time, thread and forward; statements that report a post

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("document_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("channel_key", sa.String(255), nullable=False),
        sa.Column("channel", sa.String(255), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply_to_message_id", sa.Integer(), nullable=True),
        sa.Column("forwarded_from", sa.String(255), nullable=True),
        sa.Column("forwarded_from_key", sa.String(255), nullable=True),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.Column("media", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_posts_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_posts")),
    )
    op.create_index("ix_posts_channel_key_message_id", "posts", ["channel_key", "message_id"])
    op.create_index("ix_posts_text_hash", "posts", ["text_hash"])
    op.create_table(
        "post_quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("post_document_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], name=op.f("fk_post_quotes_statement_id_statements"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["post_document_id"], ["documents.id"], name=op.f("fk_post_quotes_post_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_quotes")),
    )
    op.create_index(op.f("ix_post_quotes_statement_id"), "post_quotes", ["statement_id"])
    op.create_index(op.f("ix_post_quotes_post_document_id"), "post_quotes", ["post_document_id"])


def downgrade() -> None:
    op.drop_table("post_quotes")
    op.drop_table("posts")
