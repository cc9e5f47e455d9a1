"""The Python API: a knowledge base opened from a path or URL, asked questions in plain Python.

    import factfile
    kb = factfile.open("factfile.db")                    # or "postgresql://user@host/db"
    kb.ingest(["corpus/", "feed.xml"])
    kb.actor("Denis Kapustin")                           # the dossier: aliases, facts, statements, events
    kb.statements(source="UNIAN", certainty="hedged").to_pandas()
    kb.events(near="Grayvoron", km=25)

Every answer comes from the read layer (`factfile.read`) the CLI, the REST API and the web pages use,
read in one snapshot of the store. Lists are `Page`s: `total` matches, `limit` items from `offset`;
iterate over them, index them, or call `.to_pandas()`; `kb.all(kb.statements, ...)` walks every page.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

from factfile.errors import NotFound
from factfile.read import actors, documents, events, sources, statements
from factfile.read.dossier import Dossier, build_dossier
from factfile.read.records import ActorOut, DocumentOut, OutletOut, Page, StatementOut, StoryOut
from factfile.store import Store

T = TypeVar("T")
PAGE = 100


class KnowledgeBase:
    """A factfile store; `factfile.open(location)` makes one (`location`: SQLite path or database URL)."""

    def __init__(self, location: str | Path | None = None):
        self.store = Store(location)

    def __repr__(self) -> str:
        return f"KnowledgeBase({self.store.url!r})"

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # writing

    def ingest(self, paths: str | Path | Iterable[str | Path], workers: int = 1):
        """Ingest files, folders, globs or URLs, as `factfile ingest` does; the run's `Summary`."""
        from factfile.pipeline import Pipeline

        if isinstance(paths, (str, Path)):
            paths = [paths]
        return Pipeline(self.store, workers=workers).ingest([str(p) for p in paths])

    # actors

    def actor(self, name: str | int, documents: int = 10) -> Dossier:
        """The dossier of the actor best matching `name` (or with id `name`); `NotFound` if none."""
        with self.store.snapshot() as session:
            return build_dossier(session, self._actor_id(session, name), max_documents=documents)

    def actors(self, q: str | None = None, kind: str | None = None, limit: int = PAGE, offset: int = 0) -> Page[ActorOut]:
        """Actors whose names contain `q`, most mentioned first."""
        with self.store.snapshot() as session:
            return _page(actors.list_actors(session, q, kind, False, limit, offset), limit, offset)

    # statements, events, documents, sources

    def statements(
        self, source: str | None = None, about: str | int | None = None, certainty: str | None = None,
        source_type: str | None = None, min_corroboration: int | None = None, document_id: int | None = None,
        include_wrong: bool = False, limit: int = PAGE, offset: int = 0, framed: bool | None = None,
    ) -> Page[StatementOut]:
        """Who said what, how sure: `source` matches the source's words or its actor's name, `about` an
        actor the content mentions, `framed` whether the reporter distances it; most recently stored first,
        with corroboration (independent outlets)."""
        with self.store.snapshot() as session:
            where = statements.StatementFilter(
                about_actor_id=self._actor_id(session, about) if about is not None else None, source=source,
                source_type=source_type, certainty=certainty, min_corroboration=min_corroboration,
                document_id=document_id, include_wrong=include_wrong, framed=framed,
            )
            return _page(statements.list_statements(session, where, limit, offset), limit, offset)

    def events(
        self, near: str | tuple[float, float] | None = None, km: float = 50.0, actor: str | int | None = None,
        start: date | str | None = None, end: date | str | None = None, limit: int = PAGE, offset: int = 0,
    ) -> Page[events.EventRow]:
        """Events by date, within `km` of `near` (a place name or (latitude, longitude)), involving `actor`,
        overlapping [`start`, `end`]; each with its place, date, certainty and sentence."""
        with self.store.snapshot() as session:
            ids = actors.actor_ids(session, self._actor_id(session, actor)) if actor is not None else None
            centre = near
            if isinstance(near, str):
                located = events.locate(session, near)
                if located is None:
                    raise NotFound(f"no place called {near!r} in the store or the gazetteer")
                centre = located[1:]
            found = events.find_events(
                session, actor_ids=ids, start=_day(start), end=_day(end), near=centre, km=km,
            )
        return Page(total=len(found), limit=limit, offset=offset, items=found[offset : offset + limit])

    def documents(self, q: str | None = None, actor: str | int | None = None, limit: int = PAGE, offset: int = 0) -> Page[DocumentOut]:
        """Documents, newest first; `q` searches the full text (ranked), `actor` keeps those mentioning it."""
        with self.store.snapshot() as session:
            actor_id = self._actor_id(session, actor) if actor is not None else None
            return _page(documents.list_documents(session, q=q, actor_id=actor_id, limit=limit, offset=offset), limit, offset)

    def outlets(self, q: str | None = None, limit: int = PAGE, offset: int = 0) -> Page[OutletOut]:
        """Outlets with their documents, copies and whether they mostly republish."""
        with self.store.snapshot() as session:
            return _page(sources.list_outlets(session, q, limit, offset), limit, offset)

    def stories(self, limit: int = PAGE, offset: int = 0) -> Page[StoryOut]:
        """Stories, largest first."""
        with self.store.snapshot() as session:
            return _page(sources.list_stories(session, limit, offset), limit, offset)

    def disputes(self, actor: str | int | None = None, event: int | None = None, story: int | None = None, limit: int = 100) -> Page:
        """Where sources disagree about an actor, an event, a story, or anywhere in the store
        (`factfile.read.disputes`): each dispute with its sides, their sources, outlets and evidence."""
        if importlib.util.find_spec("factfile.read.disputes") is None:
            raise NotImplementedError("disputes are not part of this factfile yet: factfile.read.disputes is missing")
        from factfile.read import disputes

        with self.store.snapshot() as session:
            found = disputes.disputes(session, actor=actor, event=event, story=story, limit=limit)
        return Page(total=len(found), limit=limit, offset=0, items=found)

    # watches

    def watch(self, kind: str, target: str | int, from_start: bool = False):
        """Save a watch on an actor, story, place (a name or id) or search words; a `WatchOut`."""
        from factfile.read import watches

        with self.store.transaction() as session:
            return watches.add_watch(session, kind, str(target), from_start=from_start)

    def watches(self) -> list:
        """The saved watches, each with its count of unread changes."""
        from factfile.read import watches

        with self.store.snapshot() as session:
            return watches.list_watches(session, count_unread=True)

    def new(self, watch: str | int, since: str | None = None, mark_read: bool = False):
        """What arrived for a watch (its id or what it watches) since its last read, or after the cursor
        `since`: a `ChangesOut` whose items are articles, claims, events, disputes and outlets; with
        `mark_read`, everything it lists is then marked read (what arrived meanwhile stays new)."""
        from factfile.read import watches

        with self.store.snapshot() as session:
            found = watches.changes(session, watches.find_watch(session, watch).id, since=since)
        if mark_read:
            self.mark_read(found.watch.id, found.head)
        return found

    def mark_read(self, watch: str | int, through: int | None = None):
        """Mark a watch read up to change `through` (default: everything stored now)."""
        from factfile.read import watches

        with self.store.transaction() as session:
            return watches.mark_read(session, watches.find_watch(session, watch).id, through)

    # paging

    @staticmethod
    def all(method: Callable[..., Page[T]], *args, page_size: int = 500, **kwargs) -> Iterator[T]:
        """Every item of a list method, a page at a time: `for s in kb.all(kb.statements, source="UNIAN")`."""
        offset = 0
        while True:
            page = method(*args, limit=page_size, offset=offset, **kwargs)
            yield from page.items
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return

    def _actor_id(self, session, name: str | int) -> int:
        if isinstance(name, int) or (isinstance(name, str) and name.lstrip("#").isdigit()):
            found = actors.live_actor(session, int(str(name).lstrip("#")))
            if found is None:
                raise NotFound(f"no actor with id {name}")
            return found.id
        matches = actors.find_actors(session, name, limit=1)
        if not matches:
            raise NotFound(f"no actor named {name!r}")
        return matches[0].actor.id


def _page(found: tuple[int, list], limit: int, offset: int) -> Page:
    total, items = found
    return Page(total=total, limit=limit, offset=offset, items=items)


def _day(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def open(location: str | Path | None = None) -> KnowledgeBase:  # noqa: A001  (factfile.open, like io.open)
    """Open (or create) the store at a SQLite path or database URL; the default store without one."""
    return KnowledgeBase(location)
