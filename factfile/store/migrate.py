"""Bring a store's schema to the current version (Alembic), or make a new revision for developers."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection) -> None:
    """Every branch to its head: revisions written side by side on one base each apply, in any order."""
    command.upgrade(alembic_config(connection), "heads")


if __name__ == "__main__":  # python -m factfile.store.migrate "message"  (autogenerates a revision)
    import sys

    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        upgrade(conn)
        command.revision(alembic_config(conn), message=sys.argv[1], autogenerate=True)
