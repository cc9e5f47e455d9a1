"""Errors turned into HTTP answers, in one place.

The read and write layers raise `FactfileError`s that say what went wrong and carry their own HTTP status
(`factfile/errors.py`); endpoints do not catch them. The server answers `{"detail": ...}` with the error's
status. Anything else is a bug: the server logs it and answers a generic 500 (`security.py`). The
command line's counterpart is `factfile/cli/errors.py`.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from factfile.errors import FactfileError


async def _answer(request: Request, error: FactfileError) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=error.status)


def install(app: FastAPI) -> None:
    app.add_exception_handler(FactfileError, _answer)
