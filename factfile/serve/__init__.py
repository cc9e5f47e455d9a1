"""Stage 5, serve: the REST API, the web UI and the exports, all over the same store."""
