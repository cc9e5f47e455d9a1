"""index of quantities by event (non-null only)

An event's disputes compare the counts its reports give (`relate.contradictions.for_event` reads the
quantities of every report of one happening); without an index each lookup scanned every quantity of
the store (about 100 ms at 10,000 documents, three times for the busiest actor's page). Partial, as the
indexes of migration 0008: most quantities belong to no event, and `event_id IN (...)` implies non-null.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

LINKED = sa.text("event_id IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_quantities_event_id", "quantities", ["event_id"], sqlite_where=LINKED, postgresql_where=LINKED)


def downgrade() -> None:
    op.drop_index("ix_quantities_event_id", table_name="quantities")
