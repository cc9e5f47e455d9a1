"""FollowTheMoney export: actors as Person/Organization entities linked to the articles that name them.

Each stored article becomes an `Article`; each live person or organisation actor becomes a `Person` or
`Organization` with its aliases and descriptions; each (actor, article) pair becomes a `Documentation`
link (role "mentioned", summary = the first sentence naming it) and each name the article used for the
actor a `Mention`. Places and nationality groups are not exported: FollowTheMoney models them as
addresses and countries, not as parties. One entity per line (FtM JSON), readable by `ftm` tools and Aleph.
"""

from __future__ import annotations

import json
from typing import TextIO

from followthemoney import model

from factfile.read import tables
from factfile.read.session import Snapshot
from factfile.serve.export import exporters

SCHEMA_OF_KIND = {"person": "Person", "organization": "Organization"}


def _id(kind: str, *parts: int | str) -> str:
    return "factfile-" + kind + "-" + "-".join(str(p) for p in parts)


@exporters.register("ftm")
def export_ftm(session: Snapshot, out: TextIO, table: str = "documents") -> int:
    """Write actors, articles and the links between them; `table` is ignored (FtM is one graph)."""
    count = 0

    def write(entity) -> None:
        nonlocal count
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
        count += 1

    actors = tables.live_actors_of_kinds(session, SCHEMA_OF_KIND)
    aliases: dict[int, list[str]] = {}
    for actor_id, name in tables.alias_names(session):
        if actor_id in actors:
            aliases.setdefault(actor_id, []).append(name)
    descriptions: dict[int, list[str]] = {}
    for actor_id, value in tables.descriptions(session):
        if actor_id in actors:
            descriptions.setdefault(actor_id, []).append(value)
    for actor in actors.values():
        entity = model.make_entity(SCHEMA_OF_KIND[actor.kind])
        entity.id = _id("actor", actor.id)
        entity.add("name", actor.name)
        entity.add("alias", [a for a in aliases.get(actor.id, []) if a != actor.name])
        entity.add("description", descriptions.get(actor.id, [])[:20])
        write(entity)

    for document_id, title, url, published, author, publisher in tables.document_headers(session):
        entity = model.make_entity("Article")
        entity.id = _id("doc", document_id)
        entity.add("title", title or f"document {document_id}")
        entity.add("sourceUrl", url, quiet=True)
        entity.add("publishedAt", published.isoformat() if published else None)
        entity.add("author", author)
        entity.add("publisher", publisher)
        write(entity)

    for actor_id, document_id, sentence in tables.first_mentions(session, list(actors)):
        link = model.make_entity("Documentation")
        link.id = _id("documentation", actor_id, document_id)
        link.add("entity", _id("actor", actor_id))
        link.add("document", _id("doc", document_id))
        link.add("role", "mentioned")
        link.add("summary", " ".join((sentence or "").split())[:1000])
        write(link)

    for number, (actor_id, document_id, text) in enumerate(tables.mention_names(session, list(actors))):
        mention = model.make_entity("Mention")
        mention.id = _id("mention", actor_id, document_id, number)
        mention.add("name", text)
        mention.add("resolved", _id("actor", actor_id))
        mention.add("document", _id("doc", document_id))
        mention.add("detectedSchema", SCHEMA_OF_KIND[actors[actor_id].kind])
        write(mention)
    return count
