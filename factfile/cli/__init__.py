"""The `factfile` command line: the app, shared options, and one module per group of commands.

The top of the layers: commands stay thin (no SQL) and call `ingest`/`pipeline`, `batch`, `read`,
`relate` (corrections) and `serve`.

Each command module registers its commands on `app` when imported (below).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console

from factfile.cli.errors import Commands
from factfile.config import default_db_url

app = typer.Typer(
    cls=Commands,
    help="factfile: turn news articles into a sourced knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar="FACTFILE_DB", help="SQLite file or database URL [default: ~/.local/share/factfile/factfile.db]"),
]


class State:
    db: str | None = None


def open_store():
    from factfile.store import Store

    return Store(State.db or default_db_url())


@app.callback()
def main(db: DbOption = None) -> None:
    State.db = db


def _register_commands() -> None:
    """Every module of this package adds its commands to `app` when imported (`factfile.registry.load`),
    so a new module is all a new command group needs; another package's `factfile_commands` entry point
    is a function given the app."""
    from factfile import registry

    for add in registry.load("command").get_all().values():
        add(app)


_register_commands()
