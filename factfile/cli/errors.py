"""Errors turned into what a command-line user sees, in one place.

The read and write layers raise `FactfileError`s that say what went wrong and carry their own exit code
(`factfile/errors.py`); commands do not catch them. The CLI prints one line on stderr and exits with the
error's code. Anything else is a bug: the CLI lets the traceback through.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from factfile.errors import FactfileError


def cli_exit(error: FactfileError, console: Console) -> typer.Exit:
    console.print(f"[red]error:[/] {escape(str(error))}")
    return typer.Exit(error.exit_code)


class Commands(TyperGroup):
    """The command group: every command, and every group under it, runs inside this one handler."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactfileError as error:
            raise cli_exit(error, Console(stderr=True, highlight=False, soft_wrap=True)) from None
