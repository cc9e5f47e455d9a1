"""The actor graph: who acts on, speaks about, is allied with or opposed to whom, with edge weights.

Edges come from three kinds of rows, each counted per pair and relation:
- events: actor 1 → actor 2, relation "acts_on" (the ACLED event type is kept in `types`);
- statements: the source's actor → every actor mentioned inside the content, relation "speaks_about";
- facts whose value is an actor: subject → value, relation from the predicate ("ally" → "allied_with",
  "opponent" → "opposed_to", otherwise the predicate itself, e.g. "leader").
Exported as GraphML or GEXF (networkx), and served to the web UI's graph page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TextIO

import networkx as nx
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.serve.export import exporters
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


def _live(session: Session, ids: set[int]) -> dict[int, s.Actor]:
    """Each actor id mapped to the actor it now is (following merges)."""
    actors = {a.id: a for a in session.scalars(select(s.Actor).where(s.Actor.id.in_(ids)))}
    pending = {a.merged_into_id for a in actors.values() if a.merged_into_id and a.merged_into_id not in actors}
    while pending:
        for actor in session.scalars(select(s.Actor).where(s.Actor.id.in_(pending))):
            actors[actor.id] = actor
        pending = {a.merged_into_id for a in actors.values() if a.merged_into_id and a.merged_into_id not in actors}
    live: dict[int, s.Actor] = {}
    for actor_id in ids:
        actor, seen = actors.get(actor_id), set()
        while actor is not None and actor.merged_into_id and actor.id not in seen:
            seen.add(actor.id)
            actor = actors.get(actor.merged_into_id)
        if actor is not None:
            live[actor_id] = actor
    return live


def actor_graph(session: Session, actor_id: int | None = None, max_nodes: int = 200) -> nx.MultiDiGraph:
    """Actors as nodes, relations as weighted edges; the `max_nodes` most connected actors if the graph is larger."""
    raw = _edges(session, actor_id)
    live = _live(session, {a for a, _, _ in raw} | {b for _, b, _ in raw})
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


def cytoscape_elements(graph: nx.MultiDiGraph) -> dict:
    """The graph in Cytoscape.js's `elements` format."""
    nodes = [{"data": {"id": str(n), **attrs}} for n, attrs in graph.nodes(data=True)]
    edges = [
        {"data": {"id": f"{a}-{b}-{key}", "source": str(a), "target": str(b), **attrs}}
        for a, b, key, attrs in graph.edges(keys=True, data=True)
    ]
    return {"nodes": nodes, "edges": edges}


@exporters.register("graphml")
def export_graphml(session: Session, out: TextIO, table: str = "actors") -> int:
    """The actor graph as GraphML (Gephi, yEd, Cytoscape desktop); `table` is ignored."""
    graph = actor_graph(session, max_nodes=1_000_000)
    for line in nx.generate_graphml(graph):
        out.write(line + "\n")
    return graph.number_of_nodes() + graph.number_of_edges()


@exporters.register("gexf")
def export_gexf(session: Session, out: TextIO, table: str = "actors") -> int:
    """The actor graph as GEXF (Gephi); `table` is ignored."""
    graph = actor_graph(session, max_nodes=1_000_000)
    for line in nx.generate_gexf(graph):
        out.write(line + "\n")
    return graph.number_of_nodes() + graph.number_of_edges()
