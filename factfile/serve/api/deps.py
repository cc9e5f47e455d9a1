"""Request-scoped access to the store and the paging parameters every list endpoint shares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

MAX_LIMIT = 500


def get_session(request: Request) -> Iterator[Session]:
    """A read session on the app's store, closed when the response is sent."""
    with request.app.state.store.session() as session:
        yield session


@dataclass(slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


SessionDep = Annotated[Session, Depends(get_session)]
PagingDep = Annotated[Paging, Depends(paging)]
