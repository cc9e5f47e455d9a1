"""statements.framing: the reporter's distancing words, beside the source's certainty

A statement's certainty is how sure its source sounds; its framing is the words with which the article keeps its
distance ("claimed", "allegedly", "якобы"; extract/statements/framing.py). Statements stored before have none
(NULL), as statements with no distancing word.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("statements", sa.Column("framing", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35+), as 0013 does: a batch copy of the table would drop it, and the
    # rows that cascade from statements (vectors, bands) with it
    op.drop_column("statements", "framing")
