"""Stage 5, serve: the CLI, exports, and (later) the REST API and web UI, all over the same store."""
