"""The actor graph (`factfile.read.graph`) in the web UI's format and as GraphML and GEXF exports."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

import networkx as nx

from factfile.read.graph import actor_graph
from factfile.read.session import Snapshot
from factfile.serve.export import exporters


def cytoscape_elements(graph: nx.MultiDiGraph) -> dict:
    """The graph in Cytoscape.js's `elements` format."""
    nodes = [{"data": {"id": str(n), **attrs}} for n, attrs in graph.nodes(data=True)]
    edges = [
        {"data": {"id": f"{a}-{b}-{key}", "source": str(a), "target": str(b), **attrs}}
        for a, b, key, attrs in graph.edges(keys=True, data=True)
    ]
    return {"nodes": nodes, "edges": edges}


def _write(session: Snapshot, out: TextIO, lines: Callable[[nx.MultiDiGraph], Iterable[str]]) -> int:
    graph = actor_graph(session, max_nodes=1_000_000)
    for line in lines(graph):
        out.write(line + "\n")
    return graph.number_of_nodes() + graph.number_of_edges()


@exporters.register("graphml")
def export_graphml(session: Snapshot, out: TextIO, table: str = "actors") -> int:
    """The actor graph as GraphML (Gephi, yEd, Cytoscape desktop); `table` is ignored."""
    return _write(session, out, nx.generate_graphml)


@exporters.register("gexf")
def export_gexf(session: Snapshot, out: TextIO, table: str = "actors") -> int:
    """The actor graph as GEXF (Gephi); `table` is ignored."""
    return _write(session, out, nx.generate_gexf)
