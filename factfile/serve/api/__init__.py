"""The REST API under `/api`: one router per module, request bodies in `models.py`; `serve/app.py` mounts them."""
