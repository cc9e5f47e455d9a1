"""The read layer: every question the CLI, the REST API, the web pages, the exports and the Python API
ask of the store, answered in one place.

Each function takes a session opened by `Store.snapshot()` (`read.session`), so the queries of one
request or command all see the store as of one moment. Modules by subject: `actors` (names, merges,
aliases, corrections), `documents` (full text, annotations, copies), `statements`, `events` (and places),
`sources` (outlets, stories), `dossier`, `graph`, `search`, `stats`, `tables` (whole tables for exports).
SQL lives here and in the store; callers above never write it.
"""
