"""factfile: a sourced knowledge base from news articles.

The pipeline's stages are the sub-packages, in order: ingest → extract → relate → store → serve.
"""

__version__ = "0.1.0"
