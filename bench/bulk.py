"""Bulk loader for synthetic stores: 100k documents in about 80 CPU-minutes instead of many hours.

`relate.write.save` with the relaters costs 50-120 ms a document on a quiet machine (ORM flushes,
one actor lookup, copy search and story search per document). This loader fills the same tables with
the same rows, in multi-row INSERTs, several hundred documents per transaction, while `WORKERS`
processes make the documents, their copy sketches and story terms (about 25 ms of CPU a document
there, 20 ms here). Documents are related as follows:

- actors: each chain is matched by the `actors` relater's own rule (`_best_match` over a `Pool`),
  holding every alias of the store in memory instead of fetching candidates per document; aliases
  get the same blocking keys, counts and reasons, so later real ingests find them;
- copies: a synthetic copy points at the root original it was made from (by construction), and
  every document's MinHash bands and signatures are indexed (`relate.copies.index`), so a later
  ingest searches them exactly as it would after a real ingest;
- stories: each document's story terms are the `stories` relater's `profile`; the story is the one
  of its original for a copy, else the one of the same real article in the same 10-day window;
- outlets: recounted with `relate.outlets.refresh` after each group;
- statements: their content band keys are the rows `relate.claims.index` would store, staged and merged
  into `statement_bands` in key order once the documents are loaded (`BulkLoader.merge_bands`); no claim
  vectors: the store's `vectors_from` mark (store/schema.StoreMark) is then moved past them, so later
  ingests compare them by their words, as the statements of a store from before vectors.

Every measured ingest (bench/ingest.py) goes through `relate.write.save` and the real relaters.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

import synth
from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, bindparam, func, insert, select, update

from factfile.extract.names import clean_name, name_key
from factfile.relate import claims, copies, outlets, stories
from factfile.relate.actors import KIND_OF_LABEL, Candidate, NameKeys, Pool, _best_match, _names
from factfile.store import schema as s
from factfile.store.writer import _outlet_id

GROUP = 1000  # documents per transaction
CACHE_KB = 4_000_000  # SQLite page cache of the loading connection: the indexes being filled stay in memory
# Statement band keys made while loading, appended here and merged into `statement_bands` at the end.
STAGED_BANDS = Table("bulk_statement_bands", MetaData(), Column("key", BigInteger), Column("statement_id", Integer))
WORKERS = 3  # processes making documents while this one writes
STORY_DAYS = stories.STORY_WINDOW.days

keys_of = lru_cache(maxsize=500_000)(NameKeys.of)  # names repeat across documents
_pool: list = []
_vocabulary: dict = {}


def prepare(span: tuple[int, int]) -> list[tuple]:
    """Worker: synthetic documents in `span` with their copy sketches and story terms (the CPU-heavy part)."""
    if not _pool:
        _pool.extend(synth.real_analyses())
        _vocabulary.update(synth.words_by_length(_pool))
    made = []
    for number in range(span[0], span[0] + span[1]):
        doc = synth.synthesise(_pool, number, _vocabulary)
        article = doc.analysis.article
        made.append((doc, copies.sketch(article.text, article.language), stories.profile(article.text, article.language, article.title)))
    return made


class BulkLoader:
    def __init__(self, store):
        self.store = store
        with store.session() as session:
            self.next = {table: (session.scalar(select(func.max(table.id))) or 0) + 1 for table in (s.Document, s.Actor, s.Statement, s.Event, s.Place, s.Story)}
            self.actors = Pool([
                Candidate(actor_id, kind, name, keys_of(name, kind), mentions or 0)
                for actor_id, kind, name, mentions in session.execute(
                    select(s.Alias.actor_id, s.Actor.kind, s.Alias.name, s.Alias.mentions).join(s.Actor, s.Actor.id == s.Alias.actor_id)
                )
            ])
            self.aliases = {(a, k): m for a, k, m in session.execute(select(s.Alias.actor_id, s.Alias.key, s.Alias.mentions))}
            self.places = {
                (g, None if g is not None else n): i for i, g, n in session.execute(select(s.Place.id, s.Place.geonames_id, s.Place.name))
            }
            self.document_of = {int(o.split(":")[1]): i for i, o in session.execute(select(s.Document.id, s.Document.origin))}
            self.root_of = dict(session.execute(select(s.Document.id, func.coalesce(s.Document.copy_of_id, s.Document.id))).all())
            self.story_of_document = dict(session.execute(select(s.Document.id, s.Document.story_id)).all())
            self.stories = {
                story_id: [label, size, first, last]
                for story_id, label, size, first, last in session.execute(
                    select(s.Story.id, s.Story.label, s.Story.size, s.Story.first_published, s.Story.last_published)
                )
            }
            self.story_by_key = self._story_keys(session)
        self.outlets: dict[str | None, int | None] = {}

    def _story_keys(self, session) -> dict[tuple[int, int], int]:
        """(real article, window) -> story, for the documents already stored (to resume a build)."""
        size, keys = len(synth.real_analyses()), {}
        for origin, published, story_id in session.execute(select(s.Document.origin, s.Document.published, s.Document.story_id)):
            source = synth.source_of(int(origin.split(":")[1]), size)
            if source is not None:
                keys[(source, published.toordinal() // STORY_DAYS)] = story_id
        return keys

    def _id(self, table) -> int:
        value = self.next[table]
        self.next[table] += 1
        return value

    def load(self, start: int, count: int) -> None:
        with self.store.transaction() as session:
            STAGED_BANDS.create(session.connection(), checkfirst=True)
        spans = [(first, min(GROUP // WORKERS, start + count - first)) for first in range(start, start + count, GROUP // WORKERS)]
        with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn")) as worker:
            for prepared in worker.map(prepare, spans):
                self._write(prepared)
        self.merge_bands()

    def merge_bands(self) -> None:
        """Move the staged band keys into `statement_bands` in key order, and drop the staging table.

        Inserted document by document, a statement's keys land on random pages of a table holding
        millions of rows, so every transaction rewrote most of it and the build slowed down as the
        store grew; appended to a plain table and merged once in key order, each page of
        `statement_bands` is written about once."""
        staged = select(STAGED_BANDS.c.key, STAGED_BANDS.c.statement_id).order_by(STAGED_BANDS.c.key, STAGED_BANDS.c.statement_id)
        with self.store.transaction() as session:
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KB}")
            connection.execute(insert(s.StatementBand).from_select(["key", "statement_id"], staged))
            STAGED_BANDS.drop(connection)
            first = select(func.coalesce(func.max(s.Statement.id), 0) + 1).scalar_subquery()
            connection.execute(update(s.StoreMark).where(s.StoreMark.name == "vectors_from").values(value=first))

    def _write(self, prepared: list[tuple]) -> None:
        rows: dict[object, list[dict]] = defaultdict(list)
        sketches, counted, touched_stories = {}, {}, set()
        with self.store.transaction() as session:
            session.connection().exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KB}")
            for doc, sketched, terms in prepared:
                article = doc.analysis.article
                if article.domain not in self.outlets:
                    self.outlets[article.domain] = _outlet_id(session, article.domain, article.site)
                document_id = self._id(s.Document)
                self.document_of[doc.number] = document_id
                document = self._document(doc, document_id, self.outlets[article.domain])
                story_id = self._story(doc, document_id, article)
                document["story_id"] = story_id
                touched_stories.add(story_id)
                rows[s.Document].append(document)
                sketches[document_id] = sketched
                rows[s.StoryTerm].extend({"document_id": document_id, "term": t[:100], "weight": w} for t, w in terms.items())
                self._records(doc.analysis, document_id, self._link_actors(doc.analysis, document_id, counted), rows)
            connection = session.connection()
            if actors := counted.pop("actors", None):
                connection.execute(insert(s.Actor), actors)
            for table in (s.Story, s.Document, s.Place, s.Mention, s.Statement, s.Fact, s.TimeExpression, s.Event, s.Quantity, s.StoryTerm):
                if table is s.Story:
                    self._write_stories(connection, touched_stories)
                elif rows[table]:
                    connection.execute(insert(table), rows[table])
            if rows["parents"]:  # nested statements may come before the one they are nested in
                table = s.Statement.__table__
                connection.execute(update(table).where(table.c.id == bindparam("child")).values(parent_id=bindparam("parent")), rows["parents"])
            self._write_aliases(connection, counted)
            if bands := claims.band_rows((row["id"], row["content_text"]) for row in rows[s.Statement]):
                connection.execute(STAGED_BANDS.insert(), bands)
            copies.index(session, sketches)
            outlets.refresh(session, {o for o in self.outlets.values() if o is not None})

    def _document(self, doc, document_id: int, outlet_id: int | None) -> dict:
        article = doc.analysis.article
        row = dict(
            id=document_id, content_hash=article.content_hash, origin=article.origin, url=article.url, title=article.title,
            author=article.author, published=article.published, site=article.site, outlet_id=outlet_id, language=article.language,
            declared_source=article.declared_source, text=article.text, warnings=article.warnings or None,
            copy_of_id=None, copy_reason=None, copy_similarity=None,
        )
        self.root_of[document_id] = document_id
        if doc.copy_of is not None:
            root = self.root_of[self.document_of[doc.copy_of]]
            self.root_of[document_id] = root
            row.update(copy_of_id=root, copy_reason="first stored; containment 1.00", copy_similarity=1.0)
        return row

    def _story(self, doc, document_id: int, article) -> int:
        """The story of its original for a copy, else of the same real article within the window."""
        if doc.copy_of is not None:
            story_id = self.story_of_document[self.root_of[document_id]]
        else:
            key = (doc.source, article.published.toordinal() // STORY_DAYS)
            story_id = self.story_by_key.get(key)
            if story_id is None:
                story_id = self.story_by_key[key] = self._id(s.Story)
                self.stories[story_id] = [(article.title or "")[:500] or None, 0, None, None]
        self.story_of_document[document_id] = story_id
        story = self.stories[story_id]
        story[1] += 1
        story[2] = min(filter(None, (story[2], article.published)))
        story[3] = max(filter(None, (story[3], article.published)))
        return story_id

    def _write_stories(self, connection, touched: set[int]) -> None:
        known = set(connection.execute(select(s.Story.id).where(s.Story.id.in_(touched))).scalars())
        values = [dict(id=i, label=self.stories[i][0], size=self.stories[i][1], first_published=self.stories[i][2], last_published=self.stories[i][3]) for i in touched]
        if fresh := [v for v in values if v["id"] not in known]:
            connection.execute(insert(s.Story), fresh)
        if old := [dict(v, story=v["id"]) for v in values if v["id"] in known]:
            table = s.Story.__table__
            connection.execute(
                update(table).where(table.c.id == bindparam("story")).values(
                    size=bindparam("size"), first_published=bindparam("first_published"), last_published=bindparam("last_published")
                ),
                [{k: v[k] for k in ("story", "size", "first_published", "last_published")} for v in old],
            )

    def _link_actors(self, analysis, document_id: int, counted: dict) -> dict[int, int]:
        """chain -> actor, by the actors relater's matching rule; new actors and alias counts collected."""
        actor_of_chain = {}
        for chain in analysis.chains:
            kind = KIND_OF_LABEL.get(chain.label, "other")
            names = _names(chain)
            keys = [keys_of(n, kind) for n in names]
            match = _best_match(keys, kind, self.actors)
            if match is None:
                actor_id = self._id(s.Actor)
                counted.setdefault("actors", []).append(dict(id=actor_id, name=chain.name[:500], kind=kind, label=chain.label))
                for name, name_keys in zip(names, keys, strict=True):
                    self.actors.add(Candidate(actor_id, kind, name, name_keys, len(chain.mentions)))
                reason = "its own name"
            else:
                actor_id, reason = match.actor_id, match.reason
            actor_of_chain[chain.id] = actor_id
            for index in chain.mentions:
                if analysis.mentions[index].role != "description":
                    text = clean_name(analysis.mentions[index].span.text)
                    counted.setdefault((actor_id, name_key(text)), [text, 0, kind, f"{reason} (document {document_id})"])[1] += 1
            for alias in names:
                counted.setdefault((actor_id, name_key(alias)), [alias, 0, kind, f"{reason} (document {document_id})"])
        return actor_of_chain

    def _write_aliases(self, connection, counted: dict) -> None:
        new, more = [], []
        for (actor_id, key), (name, count, kind, reason) in counted.items():
            if not key:
                continue
            if (actor_id, key) in self.aliases:
                self.aliases[(actor_id, key)] += count
                if count:
                    more.append({"actor": actor_id, "k": key, "n": self.aliases[(actor_id, key)]})
                continue
            self.aliases[(actor_id, key)] = count
            keys = keys_of(name, kind)
            if not any(c.actor_id == actor_id and c.keys.key == key for c in self.actors.index.get(("key", key), ())):
                self.actors.add(Candidate(actor_id, kind, name, keys, count))
            new.append(dict(
                actor_id=actor_id, name=name[:500], key=key[:500], mentions=count, reason=reason,
                signature=keys.signature[:500], initials=keys.initials, surname=keys.surname, block=keys.block,
            ))
        if new:
            connection.execute(insert(s.Alias), new)
        if more:
            table = s.Alias.__table__
            connection.execute(
                update(table).where(table.c.actor_id == bindparam("actor"), table.c.key == bindparam("k")).values(mentions=bindparam("n")),
                more,
            )

    def _place(self, place, rows) -> int:
        key = (place.geonames_id, None if place.geonames_id is not None else place.name)
        if key not in self.places:
            self.places[key] = place_id = self._id(s.Place)
            rows[s.Place].append(dict(
                id=place_id, geonames_id=place.geonames_id, name=place.name, latitude=place.latitude, longitude=place.longitude,
                country_code=place.country_code, admin1=place.admin1, admin2=place.admin2, feature_code=place.feature_code,
            ))
        return self.places[key]

    def _records(self, analysis, document_id: int, actor_of_chain: dict[int, int], rows) -> None:
        """The rows `relate.write.save` writes for the analysis' records."""
        actor = actor_of_chain.get
        place_ids = [self._place(p, rows) for p in analysis.places]
        place_of_mention = {p.mention: place_ids[i] for i, p in enumerate(analysis.places) if p.mention is not None}
        rows[s.Mention].extend(
            dict(document_id=document_id, start=m.span.start, end=m.span.end, text=m.span.text[:500], label=m.label, role=m.role,
                 chain=m.chain, sent_start=m.sentence.start, sent_end=m.sentence.end,
                 actor_id=actor(m.chain) if m.chain is not None else None, place_id=place_of_mention.get(i))
            for i, m in enumerate(analysis.mentions)
        )
        statement_ids = [self._id(s.Statement) for _ in analysis.statements]
        statement = {i: v for i, v in enumerate(statement_ids)}.get
        for i, st in enumerate(analysis.statements):
            source, cue = st.source, st.cue
            rows[s.Statement].append(dict(
                id=statement_ids[i], document_id=document_id, source_type=st.source_type, direct=st.direct, certainty=st.certainty,
                source_text=source.text if source else None, source_start=source.start if source else None,
                source_end=source.end if source else None, cue_text=cue.text[:500] if cue else None,
                cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
                source_actor_id=actor(st.source_chain) if st.source_chain is not None else None,
                content_text=st.content.text, content_start=st.content.start, content_end=st.content.end,
                hedges=st.hedges or None, marked_wrong=False,
            ))
            if st.parent is not None:
                rows["parents"].append({"child": statement_ids[i], "parent": statement_ids[st.parent]})
        rows[s.Fact].extend(
            dict(document_id=document_id, actor_id=actor(f.subject_chain), predicate=f.predicate, value=f.value,
                 value_actor_id=actor(f.value_chain) if f.value_chain is not None else None, start=f.span.start, end=f.span.end,
                 sent_start=f.sentence.start, sent_end=f.sentence.end, statement_id=statement(f.statement),
                 source_actor_id=actor(f.source_chain) if f.source_chain is not None else None)
            for f in analysis.facts
        )
        rows[s.TimeExpression].extend(
            dict(document_id=document_id, text=t.span.text[:255], start=t.span.start, end=t.span.end, date_start=t.start,
                 date_end=t.end, precision=t.precision)
            for t in analysis.times
        )
        event_ids = [self._id(s.Event) for _ in analysis.events]
        for e, event_id in zip(analysis.events, event_ids, strict=True):
            time = analysis.times[e.time] if e.time is not None else None
            rows[s.Event].append(dict(
                id=event_id, document_id=document_id, event_type=e.event_type, sub_type=e.sub_type, trigger_text=e.trigger.text[:255],
                start=e.trigger.start, end=e.trigger.end, sent_start=e.sentence.start, sent_end=e.sentence.end,
                actor1_id=actor(e.actor1_chain) if e.actor1_chain is not None else None,
                actor2_id=actor(e.actor2_chain) if e.actor2_chain is not None else None,
                place_id=place_ids[e.place] if e.place is not None else None,
                date_start=time.start if time else None, date_end=time.end if time else None,
                date_precision=time.precision if time else None, fatalities=e.fatalities,
                statement_id=statement(e.statement), certainty=e.certainty,
            ))
        rows[s.Quantity].extend(
            dict(document_id=document_id, text=q.span.text[:255], start=q.span.start, end=q.span.end, sent_start=q.sentence.start,
                 sent_end=q.sentence.end, value=q.value, value_max=q.value_max, approximate=q.approximate, counts=q.counts,
                 actor_id=actor(q.chain) if q.chain is not None else None,
                 event_id=event_ids[q.event] if q.event is not None else None, statement_id=statement(q.statement))
            for q in analysis.quantities
        )
