"""statements: an index on the content's length; no framing is SQL NULL

The statements whose content holds an actor's mention are found by joining the actor's mentions to the
statements of their documents that start before the mention; the longest content bounds how far before, and an
index on the length gives it in one step, however the statements were written (read/statements.py).

A statement without framing words was stored as JSON `null` (the column had no `none_as_null`), so filters on
framing had to match SQL NULL, `null` and `[]`; it is now SQL NULL.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_statements_content_length", "statements", [sa.text("(content_end - content_start)")])
    op.execute("UPDATE statements SET framing = NULL WHERE CAST(framing AS TEXT) IN ('null', '[]')")


def downgrade() -> None:
    op.drop_index("ix_statements_content_length", table_name="statements")
