"""copies, stories and outlets: LSH band keys, story terms, outlet and story counts

Revision ID: 0006
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "copy_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_copy_bands_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copy_bands")),
    )
    op.create_index("ix_copy_bands_key_document_id", "copy_bands", ["key", "document_id"])
    op.create_index(op.f("ix_copy_bands_document_id"), "copy_bands", ["document_id"])
    op.create_table(
        "copy_fingerprints",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.LargeBinary(), nullable=False),
        sa.Column("words_size", sa.Integer(), nullable=False),
        sa.Column("skeleton", sa.LargeBinary(), nullable=False),
        sa.Column("skeleton_size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_copy_fingerprints_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_copy_fingerprints")),
    )
    op.create_table(
        "story_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_story_terms_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_terms")),
    )
    op.create_index("ix_story_terms_term_document_id", "story_terms", ["term", "document_id"])
    op.create_index(op.f("ix_story_terms_document_id"), "story_terms", ["document_id"])
    # plain ADD COLUMN: SQLite does it in place, so the documents table (and its FTS triggers) stays
    op.add_column("outlets", sa.Column("documents", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("outlets", sa.Column("copies", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("outlets", sa.Column("republisher_share", sa.Float(), nullable=True))
    op.add_column("stories", sa.Column("size", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("first_published", sa.Date(), nullable=True))
    op.add_column("stories", sa.Column("last_published", sa.Date(), nullable=True))
    op.add_column("documents", sa.Column("copy_similarity", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("copy_similarity")
    with op.batch_alter_table("stories") as batch_op:
        batch_op.drop_column("last_published")
        batch_op.drop_column("first_published")
        batch_op.drop_column("size")
    with op.batch_alter_table("outlets") as batch_op:
        batch_op.drop_column("republisher_share")
        batch_op.drop_column("copies")
        batch_op.drop_column("documents")
    op.drop_table("story_terms")
    op.drop_table("copy_fingerprints")
    op.drop_table("copy_bands")
