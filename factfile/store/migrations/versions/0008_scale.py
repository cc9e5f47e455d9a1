"""schema changes for issue 8 (scale): none needed

The dossier's queries on much-mentioned actors use the (actor, document, start, end) mention index
that 0007 creates.

Revision ID: 0008
Revises: 0007
"""

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
