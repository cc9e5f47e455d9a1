"""statement bands: LSH keys of statement contents, so corroboration compares only similar statements

Filled for the statements already stored, a batch at a time (relate/claims.py computes the keys).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 20_000


def upgrade() -> None:
    op.create_table(
        "statement_bands",
        sa.Column("key", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column("statement_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], name=op.f("fk_statement_bands_statement_id_statements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "statement_id", name=op.f("pk_statement_bands")),
        sqlite_with_rowid=False,
    )
    _index_stored_statements(op.get_bind())


def _index_stored_statements(connection: sa.Connection) -> None:
    from factfile.relate.claims import keys_of

    statements = sa.table("statements", sa.column("id", sa.Integer), sa.column("content_text", sa.Text))
    bands = sa.table("statement_bands", sa.column("key", sa.BigInteger), sa.column("statement_id", sa.Integer))
    last = 0
    while True:
        batch = connection.execute(
            sa.select(statements.c.id, statements.c.content_text).where(statements.c.id > last).order_by(statements.c.id).limit(BATCH)
        ).all()
        if not batch:
            return
        keys = keys_of([content or "" for _, content in batch])
        rows = [{"key": key, "statement_id": statement_id} for (statement_id, _), own in zip(batch, keys, strict=True) for key in set(own)]
        if rows:
            connection.execute(bands.insert(), rows)
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_table("statement_bands")
