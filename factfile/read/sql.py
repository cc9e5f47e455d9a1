"""SQL pieces every reader shares."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from factfile.store import schema as s

OUTLET_NAME = func.coalesce(s.Outlet.name, s.Outlet.domain, s.Document.site)


def sentence_of(model) -> object:
    """SQL expression for the evidence sentence of a row with `sent_start`/`sent_end` offsets."""
    return func.substr(s.Document.text, model.sent_start + 1, model.sent_end - model.sent_start)


def page(session: Session, query: Select, limit: int | None, offset: int, count: Select | None = None) -> tuple[int, list]:
    """The total number of matches (from `count`, a cheaper query with the same filters, if given) and one page."""
    counted = (count if count is not None else query).order_by(None).subquery()
    total = session.scalar(select(func.count()).select_from(counted)) or 0
    return total, list(session.execute(query.limit(limit).offset(offset)))
