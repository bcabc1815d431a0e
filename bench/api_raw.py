"""The raw-driver reference of `bench_api`: a bare Starlette endpoint doing a list's database work.

`GET /raw` with the same `Authorization: Bearer` and `X-Org-Id` headers as `GET /api/v1/surveys`:
the key looked up by its sha256 (one SELECT, no cache), refused unless live and of that org,
then one SELECT of the org's first page of surveys (newest first, 20), answered in the API's
page shape. No framework between the request and the driver (sqlite3 on the event loop, psycopg's
asyncio connections on PostgreSQL) and no rate-limit count: what is left of fielder's CPU per
request above this figure is framework and library, not database.

Served with `python -m uvicorn bench.api_raw:app`; the database is the one of the environment's
FIELDER_DATABASE_URL (or FIELDER_DATA_DIR's SQLite file), as `fielder serve` reads it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PER_PAGE = 20
KEY_SQL = "SELECT org_id, revoked_at, expires_at FROM api_keys WHERE hash = {p}"
PAGE_SQL = (
    "SELECT id, org_id, name, slug, mode, status, file_id, engine, target_platform,"
    " target_integration_id, prior_qa, failure_reason, failed_at, settings, ai_config,"
    " programming_started_at, programming_completed_at, programming_duration_ms, question_count,"
    " platform_ir IS NOT NULL AND target_platform IS NOT NULL, response_count, live_at,"
    " closed_at, created_at, updated_at"
    " FROM surveys WHERE org_id = {p} ORDER BY created_at DESC, id LIMIT {p} OFFSET {p}"
)
COLUMNS = PAGE_SQL.split(" FROM ")[0].removeprefix("SELECT ").split(", ")
COLUMNS[COLUMNS.index("platform_ir IS NOT NULL AND target_platform IS NOT NULL")] = (
    "platform_ir_available"
)
POOL_SIZE = 8


def _database_url() -> str:
    url = os.environ.get("FIELDER_DATABASE_URL", "")
    if url:
        return url.replace("postgresql+psycopg://", "postgresql://", 1)
    return "sqlite:///" + str(Path(os.environ["FIELDER_DATA_DIR"]) / "fielder.db")


class _SQLite:
    """One sqlite3 connection per server process; queries run on the event loop (local)."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path, check_same_thread=False)

    async def fetch(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql.format(p="?"), args).fetchall()


class _Postgres:
    """A few psycopg asyncio connections in autocommit, taken from a queue."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.idle: asyncio.Queue[Any] | None = None

    async def fetch(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        import psycopg

        if self.idle is None:
            self.idle = asyncio.Queue()
            for _ in range(POOL_SIZE):
                connection = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
                self.idle.put_nowait(connection)
        connection = await self.idle.get()
        try:
            cursor = await connection.execute(sql.format(p="%s"), args)  # type: ignore[arg-type]
            return list(await cursor.fetchall())
        finally:
            self.idle.put_nowait(connection)


_url = _database_url()
_db = _SQLite(_url.removeprefix("sqlite:///")) if _url.startswith("sqlite") else _Postgres(_url)


def _refuse(status: int, code: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": code, "details": []}}, status)


def _live(revoked_at: Any, expires_at: Any) -> bool:
    if revoked_at is not None:
        return False
    if expires_at is None:
        return True
    when = expires_at if isinstance(expires_at, datetime) else datetime.fromisoformat(expires_at)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)) > datetime.now(UTC)


JSON_COLUMNS = {"prior_qa", "settings", "ai_config"}


def _json(name: str, value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if name in JSON_COLUMNS and isinstance(value, str):  # SQLite keeps JSON as text
        return json.loads(value)
    return value


async def surveys_page(request: Request) -> JSONResponse:
    """The org's first page of surveys after one key lookup (see the module docstring)."""
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret:
        return _refuse(401, "unauthenticated")
    digest = hashlib.sha256(secret.strip().encode()).hexdigest()
    keys = await _db.fetch(KEY_SQL, (digest,))
    if not keys or not _live(keys[0][1], keys[0][2]):
        return _refuse(401, "invalid_key")
    org_id = keys[0][0]
    if request.headers.get("x-org-id", "").strip() != org_id:
        return _refuse(403, "org_mismatch")
    rows = await _db.fetch(PAGE_SQL, (org_id, PER_PAGE, 0))
    data = [
        {name: _json(name, value) for name, value in zip(COLUMNS, row, strict=True)} for row in rows
    ]
    total = len(data)  # the bench's org has no surveys: a page that is not full is the list
    pagination = {"page": 1, "per_page": PER_PAGE, "total": total, "total_pages": int(total > 0)}
    return JSONResponse({"data": data, "pagination": pagination})


app = Starlette(routes=[Route("/raw", surveys_page)])
