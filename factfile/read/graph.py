"""The actor graph: who acts on, speaks about, is allied with or opposed to whom, with edge weights.

Edges come from three kinds of rows, each counted per pair and relation:
- events: actor 1 → actor 2, relation "acts_on" (the ACLED event type is kept in `types`);
- statements: the source's actor → every actor mentioned inside the content, relation "speaks_about";
- facts whose value is an actor: subject → value, relation from the predicate ("ally" → "allied_with",
  "opponent" → "opposed_to", otherwise the predicate itself, e.g. "leader").
The graph is a networkx MultiDiGraph: exported as GraphML or GEXF (serve/export/graph.py) and served to
the web UI's graph page.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.read.actors import live_actors
from factfile.store import schema as s

FACT_RELATIONS = {"ally": "allied_with", "allies": "allied_with", "opponent": "opposed_to", "opponents": "opposed_to"}


def _edges(session: Session, actor_id: int | None) -> Counter[tuple[int, int, str]]:
    """(source actor, target actor, relation) -> how many rows say so; only edges touching `actor_id` if given."""
    counts: Counter[tuple[int, int, str]] = Counter()

    def touching(a, b):
        return or_(a == actor_id, b == actor_id) if actor_id is not None else True

    for a, b in session.execute(
        select(s.Event.actor1_id, s.Event.actor2_id).where(
            s.Event.actor1_id.is_not(None), s.Event.actor2_id.is_not(None), touching(s.Event.actor1_id, s.Event.actor2_id)
        )
    ):
        counts[(a, b, "acts_on")] += 1

    mention = aliased(s.Mention)
    spoken = (
        select(s.Statement.source_actor_id, mention.actor_id)
        .join(
            mention,
            and_(
                mention.document_id == s.Statement.document_id,
                mention.start >= s.Statement.content_start,
                mention.end <= s.Statement.content_end,
            ),
        )
        .where(
            s.Statement.source_actor_id.is_not(None),
            mention.actor_id.is_not(None),
            mention.actor_id != s.Statement.source_actor_id,
            s.Statement.marked_wrong.is_(False),
            touching(s.Statement.source_actor_id, mention.actor_id),
        )
        .distinct()
        .add_columns(s.Statement.id)
    )
    for a, b, _statement in session.execute(spoken):
        counts[(a, b, "speaks_about")] += 1

    for a, b, predicate in session.execute(
        select(s.Fact.actor_id, s.Fact.value_actor_id, s.Fact.predicate).where(
            s.Fact.actor_id.is_not(None), s.Fact.value_actor_id.is_not(None), touching(s.Fact.actor_id, s.Fact.value_actor_id)
        )
    ):
        if a != b:
            counts[(a, b, FACT_RELATIONS.get(predicate, predicate))] += 1
    return counts


def actor_graph(session: Session, actor_id: int | None = None, max_nodes: int = 200) -> nx.MultiDiGraph:
    """Actors as nodes, relations as weighted edges; the `max_nodes` most connected actors if the graph is larger."""
    raw = _edges(session, actor_id)
    live = live_actors(session, {a for a, _, _ in raw} | {b for _, b, _ in raw})
    merged: Counter[tuple[int, int, str]] = Counter()
    for (a, b, relation), n in raw.items():
        if a in live and b in live and live[a].id != live[b].id:
            merged[(live[a].id, live[b].id, relation)] += n
    degree: defaultdict[int, int] = defaultdict(int)
    for (a, b, _), n in merged.items():
        degree[a] += n
        degree[b] += n
    keep = set(sorted(degree, key=lambda node: (-degree[node], node))[:max_nodes])
    if actor_id is not None and actor_id in degree:
        keep.add(actor_id)
    actors = {a.id: a for a in live.values()}
    graph = nx.MultiDiGraph()
    for node in sorted(keep):
        actor = actors[node]
        graph.add_node(node, label=actor.name, kind=actor.kind, weight=degree[node])
    for (a, b, relation), n in sorted(merged.items()):
        if a in keep and b in keep:
            graph.add_edge(a, b, key=relation, relation=relation, weight=n)
    return graph
