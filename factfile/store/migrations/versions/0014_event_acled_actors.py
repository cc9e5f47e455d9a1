"""event ACLED actors: each event's parties as ACLED names them ("Military Forces of Russia",
"Protesters (India)"), beside the factfile actors it links, for the ACLED export

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("actor1_acled", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("actor2_acled", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_column("actor2_acled")
        batch_op.drop_column("actor1_acled")
