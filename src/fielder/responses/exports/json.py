"""JSON export: the first 10,000 responses as one array, streamed object by object."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

MEDIA_TYPE: Final = "application/json"
#: API.md § 9: the JSON export holds at most this many responses.
JSON_EXPORT_LIMIT: Final = 10_000


def iter_json(
    items: Iterable[Any],
    to_json: Callable[[Any], dict[str, Any]],
    *,
    limit: int = JSON_EXPORT_LIMIT,
) -> Iterator[bytes]:
    """A JSON array of `to_json(item)` for the first `limit` items, as byte chunks."""
    yield b"["
    for index, item in enumerate(items):
        if index >= limit:
            break
        prefix = b"," if index else b""
        yield prefix + json.dumps(to_json(item), ensure_ascii=False, default=str).encode("utf-8")
    yield b"]"
