"""indexes whose absence made reads and ingests cost more as the store grows

- `actors(merged_into_id)`: every dossier, statement list and event list looks up the actors merged
  into one; without an index that is a scan of the whole actors table. Partial (merged actors only):
  a full index would lead SQLite to find live actors (`IS NULL`) through it, scanning every actor
  when resolving a new document's names, instead of starting from the aliases' blocking keys.
- `facts(source_actor_id)`, `facts(value_actor_id)` (non-null only): merging actors, which resolving a
  document does when a lone surname joins a full name, repoints every reference to them.
- `documents(outlet_id, copy_of_id)`: the `outlets` relater recounts an outlet's documents and copies
  after each ingest; with both columns in one index that count never reads the documents' rows. It
  replaces the index on `outlet_id` alone, which SQLite would otherwise pick.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

MERGED = sa.text("merged_into_id IS NOT NULL")

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_actors_merged_into_id", "actors", ["merged_into_id"], sqlite_where=MERGED, postgresql_where=MERGED)
    for column in ("source_actor_id", "value_actor_id"):
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(f"ix_facts_{column}", "facts", [column], sqlite_where=where, postgresql_where=where)
    op.create_index("ix_documents_outlet_id_copy_of_id", "documents", ["outlet_id", "copy_of_id"])
    op.drop_index("ix_documents_outlet_id", table_name="documents")


def downgrade() -> None:
    op.create_index("ix_documents_outlet_id", "documents", ["outlet_id"])
    op.drop_index("ix_documents_outlet_id_copy_of_id", table_name="documents")
    op.drop_index("ix_facts_value_actor_id", table_name="facts")
    op.drop_index("ix_facts_source_actor_id", table_name="facts")
    op.drop_index("ix_actors_merged_into_id", table_name="actors")
