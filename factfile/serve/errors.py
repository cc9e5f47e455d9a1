"""Errors turned into what a user sees, in one place for each front end.

The read and write layers raise `FactfileError`s that say what went wrong and carry their own exit code
and HTTP status (`factfile/errors.py`); commands and endpoints do not catch them. The CLI prints one
line on stderr and exits with the error's code; the server answers `{"detail": ...}` with its status.
Anything else is a bug: the server logs it and answers a generic 500 (`security.py`), the CLI lets the
traceback through.
"""

from __future__ import annotations

import typer
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
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


async def _answer(request: Request, error: FactfileError) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=error.status)


def install(app: FastAPI) -> None:
    app.add_exception_handler(FactfileError, _answer)
