"""full-text search over document titles and texts

SQLite: an external-content FTS5 table kept in sync by triggers.
PostgreSQL: a GIN index on the documents' tsvector (queried with the same expression).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_documents_fts ON documents USING gin ({PG_VECTOR})")
        return
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
