"""List helpers: page-numbered lists and opaque-cursor lists, in the API's list shapes.

paginate(session, select(...).order_by(...), params, to_schema)
    -> {"data": [...], "pagination": {"page", "per_page", "total", "total_pages"}}
paginate(session, LIST, params, to_schema, {"org_id": org_id})
    where LIST = PagedSelect(select(...).where(Model.org_id == bindparam("org_id"))...),
    built once: the page and count statements are derived once, not on every request
    (building a statement costs more than running it on a small table).
cursor_page(session, select(...), params, to_schema, key=(Model.created_at, Model.id))
    -> {"data": [...], "next_cursor": "..." | None}
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from sqlalchemy import ColumnElement, Connection, Integer, Select, bindparam, func, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session

from fielder.errors import BadRequest

T = TypeVar("T")
Key = Sequence[InstrumentedAttribute[Any] | ColumnElement[Any]]


@dataclass
class PageParams:
    """`?page=1&per_page=20` (per_page at most 100); use as `Annotated[PageParams, Depends()]`."""

    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1
    per_page: Annotated[int, Query(ge=1, le=100)] = 20


@dataclass
class CursorParams:
    """`?cursor=&limit=` (limit 1–100, default 25); use as `Annotated[CursorParams, Depends()]`."""

    cursor: Annotated[str | None, Query(max_length=2000)] = None
    limit: Annotated[int, Query(ge=1, le=100)] = 25


#: `?page=` and `?per_page=` as an endpoint's own query parameters (a busy list endpoint takes
#: them so, rather than through the `Page` dependency: one dependency fewer to solve).
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
PerPage = Annotated[int, Query(ge=1, le=100)]


async def page_params(page: PageNumber = 1, per_page: PerPage = 20) -> PageParams:
    """`?page=&per_page=` as PageParams; async so FastAPI builds it without a thread hop."""
    return PageParams(page=page, per_page=per_page)


#: The page parameters of a list endpoint: `params: Page`.
Page = Annotated[PageParams, Depends(page_params)]


_LIMIT = bindparam("pagination_limit", type_=Integer)
_OFFSET = bindparam("pagination_offset", type_=Integer)


class PagedSelect(Generic[T]):
    """An ordered select and the statements `paginate` runs for it, derived once.

    Build it at import time with `bindparam`s for the per-request values, and pass those values
    to `paginate`: then no statement is built (nor its cache key computed) per request.
    """

    def __init__(self, stmt: Select[T]) -> None:
        self.stmt = stmt

    @functools.cached_property
    def rows(self) -> Select[T]:
        """The page's rows."""
        return self.stmt.limit(_LIMIT).offset(_OFFSET)

    @functools.cached_property
    def counted(self) -> Select[Any] | None:
        """The page's rows, each with the total as a window count; None when that would not
        count the rows (DISTINCT, GROUP BY, LIMIT)."""
        if not _plain(self.stmt):
            return None
        total = func.count().over().label("pagination_total")
        return self.stmt.add_columns(total).limit(_LIMIT).offset(_OFFSET)

    @functools.cached_property
    def count(self) -> Select[Any]:
        """The number of rows of the whole list."""
        return select(func.count()).select_from(self.stmt.order_by(None).subquery())


def paginate(
    session: Session | Connection,
    stmt: Select[T] | PagedSelect[T],
    params: PageParams,
    to_schema: Callable[[Any], Any],
    values: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One page of `stmt` (which should be ordered), each row passed through `to_schema`.

    `values` are the bound parameters of a PagedSelect's `bindparam`s. On a Session each item
    is the row's first element (an ORM object); on a Connection it is the whole `Row` (with a
    `pagination_total` column on PostgreSQL), read without the ORM Session's costs.
    """
    paged = stmt if isinstance(stmt, PagedSelect) else PagedSelect(stmt)
    offset = (params.page - 1) * params.per_page
    bound = {**(values or {}), "pagination_limit": params.per_page, "pagination_offset": offset}
    orm = isinstance(session, Session)
    dialect = session.get_bind().dialect if isinstance(session, Session) else session.dialect
    if dialect.name != "sqlite" and paged.counted is not None:
        # One query: the total rides along each row as a window count (taken before LIMIT).
        # Not on SQLite: its window functions cost more than a second, local, query.
        rows = session.execute(paged.counted, bound).all()
        items: list[Any] = [row[0] for row in rows] if orm else list(rows)
        total = int(rows[0][-1]) if rows else None
        if total is None and params.page == 1:
            total = 0
    else:
        found = session.scalars(paged.rows, bound) if orm else session.execute(paged.rows, bound)
        items = list(found)
        # A page that is not full is the last one: the total is known without counting.
        full = len(items) == params.per_page
        total = offset + len(items) if not full and (items or params.page == 1) else None
    if total is None:  # past the last page (or a grouped query): count apart
        total = session.scalar(paged.count, bound) or 0
    return {
        "data": [to_schema(item) for item in items],
        "pagination": {
            "page": params.page,
            "per_page": params.per_page,
            "total": total,
            "total_pages": math.ceil(total / params.per_page) if total else 0,
        },
    }


def _plain(stmt: Select[Any]) -> bool:
    """True when a window count over `stmt` counts its rows (no DISTINCT, GROUP BY or LIMIT)."""
    return not (
        stmt._distinct
        or stmt._group_by_clauses
        or stmt._limit_clause is not None
        or stmt._offset_clause is not None
    )


def cursor_page(
    session: Session,
    stmt: Select[T],
    params: CursorParams,
    to_schema: Callable[[T], Any],
    *,
    key: Key,
    descending: bool = False,
) -> dict[str, Any]:
    """A keyset page of `stmt` ordered by the `key` columns (unique together, e.g. time + id).

    The cursor is opaque: base64 of the last row's key values. A bad cursor is 400 `invalid_cursor`.
    """
    columns = list(key)
    if params.cursor:
        values = decode_cursor(params.cursor, len(columns))
        after = (
            tuple_(*columns) < tuple_(*values) if descending else tuple_(*columns) > tuple_(*values)
        )
        stmt = stmt.where(after)
    order = [c.desc() for c in columns] if descending else list(columns)
    rows = list(session.scalars(stmt.order_by(None).order_by(*order).limit(params.limit + 1)))
    has_more = len(rows) > params.limit
    rows = rows[: params.limit]
    next_cursor = None
    if has_more and rows:
        next_cursor = encode_cursor([_attr(rows[-1], c) for c in columns])
    return {"data": [to_schema(row) for row in rows], "next_cursor": next_cursor}


def _attr(row: Any, column: Any) -> Any:
    return getattr(row, column.key)


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque url-safe cursor for key values (str, int, float, datetime)."""
    tagged = [{"t": v.isoformat()} if isinstance(v, datetime) else {"v": v} for v in values]
    raw = json.dumps(tagged, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The key values of a cursor made by `encode_cursor`, or 400 `invalid_cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tagged = json.loads(raw)
        if not isinstance(tagged, list) or len(tagged) != size:
            raise ValueError("wrong size")
        return [datetime.fromisoformat(item["t"]) if "t" in item else item["v"] for item in tagged]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise BadRequest("invalid_cursor", "The cursor is not valid.") from exc
