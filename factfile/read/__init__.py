"""The read layer: what the CLI, the API and the web pages show, computed once for all three."""
