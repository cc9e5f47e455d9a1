"""Analyses as JSON, so they can sit in a Parquet column between the Spark job and the bulk load.

Encoding walks the record dataclasses; decoding follows their type hints, so fields other stages add
to `records.py` travel without changes here.
"""

from __future__ import annotations

import dataclasses
import json
import types
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from factfile.records import Analysis


def encode(value: Any) -> Any:
    """Plain JSON values for a record (dataclasses become objects, dates ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.metadata.get("transient")}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(kind: Any, data: Any) -> Any:
    """The value of type `kind` that `encode` turned into `data`."""
    if data is None or kind is Any:
        return data
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return decode(next((a for a in options if _fits(a, data)), options[0]), data)
    if origin is Literal:
        return data
    if origin in (list, set, frozenset, tuple):
        args = get_args(kind)
        items = [decode(args[0] if args else Any, v) for v in data]
        return items if origin is list else origin(items)
    if origin is dict:
        key_kind, value_kind = get_args(kind) or (str, Any)
        return {decode(key_kind, k): decode(value_kind, v) for k, v in data.items()}
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: decode(hints[name], value) for name, value in data.items() if name in hints})
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is float:
        return float(data)
    if kind is int and isinstance(data, str):
        return int(data)
    return data


def _fits(kind: Any, data: Any) -> bool:
    origin = get_origin(kind) or kind
    if dataclasses.is_dataclass(origin) or origin is dict:
        return isinstance(data, dict)
    if origin in (list, set, frozenset, tuple):
        return isinstance(data, list)
    if origin in (date, datetime):
        return isinstance(data, str)
    if origin is Literal:
        return data in get_args(kind)
    if origin is float:
        return isinstance(data, int | float)
    return isinstance(origin, type) and isinstance(data, origin)


@cache
def _hints(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)


def dumps(analysis: Analysis) -> str:
    return json.dumps(encode(analysis), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Analysis:
    return decode(Analysis, json.loads(text))
