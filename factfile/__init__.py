"""factfile: a sourced knowledge base from news articles.

The pipeline's stages are the sub-packages, in order: ingest → extract → relate → store; `read`
answers questions of the store for `serve` (REST API, web pages, exports), for `cli` (the `factfile`
command, on top of everything) and for Python:

    import factfile
    kb = factfile.open("factfile.db")
    kb.statements(source="UNIAN").to_pandas()
"""

from __future__ import annotations

__version__ = "0.1.0"


def open(location=None):  # noqa: A001  (factfile.open, like io.open)
    """The knowledge base at a SQLite path or database URL (`factfile.kb.KnowledgeBase`)."""
    from factfile.kb import KnowledgeBase

    return KnowledgeBase(location)
