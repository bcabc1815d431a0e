"""Routes of /api/v1/schema: the JSON Schema of the Survey IR (no key needed)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Header, Response

from fielder.ir.schema import load_schema

router = APIRouter(prefix="/schema", tags=["schema"])


@lru_cache(maxsize=1)
def _body() -> tuple[bytes, str]:
    """The response body (`{"data": schema}`) and its ETag, computed once."""
    body = json.dumps({"data": load_schema()}, ensure_ascii=False).encode("utf-8")
    return body, '"' + hashlib.sha256(body).hexdigest() + '"'


@router.get("/ir")
def get_ir_schema(if_none_match: Annotated[str | None, Header()] = None) -> Response:
    """The JSON Schema (draft 2020-12) of a `fielder/ir@1` document, as `{"data": schema}`."""
    body, etag = _body()
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
    if if_none_match is not None and etag in {tag.strip() for tag in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type="application/json", headers=headers)
