"""Page-numbered and cursor lists over real tables (events rows: time, id and org)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.errors import BadRequest
from fielder.kit.pagination import (
    CursorParams,
    PagedSelect,
    PageParams,
    cursor_page,
    decode_cursor,
    encode_cursor,
    paginate,
)
from fielder.models.event import Event


@pytest.fixture
def events(session: Session) -> list[Event]:
    start = utcnow()
    # Pairs share a time: the id breaks the tie.
    times = [start + timedelta(seconds=i // 2) for i in range(7)]
    rows = [
        Event(org_id="o", name=f"e{i}", channels=[], data={}, created_at=at)
        for i, at in enumerate(times)
    ]
    session.add_all(rows)
    session.commit()
    return rows


def _name(row: Event) -> str:
    return row.name


def test_paginate_pages(session: Session, events: list[Event]) -> None:
    stmt = select(Event).order_by(Event.id)
    first = paginate(session, stmt, PageParams(page=1, per_page=3), _name)
    assert first == {
        "data": ["e0", "e1", "e2"],
        "pagination": {"page": 1, "per_page": 3, "total": 7, "total_pages": 3},
    }
    last = paginate(session, stmt, PageParams(page=3, per_page=3), _name)
    assert last["data"] == ["e6"]
    # A page that is not full gives the total without a count.
    assert last["pagination"] == {"page": 3, "per_page": 3, "total": 7, "total_pages": 3}
    whole = paginate(session, stmt, PageParams(page=1, per_page=10), _name)
    assert whole["pagination"] == {"page": 1, "per_page": 10, "total": 7, "total_pages": 1}
    beyond = paginate(session, stmt, PageParams(page=9, per_page=3), _name)
    assert beyond["data"] == []
    empty = paginate(session, stmt.where(Event.org_id == "x"), PageParams(), _name)
    assert empty["pagination"] == {"page": 1, "per_page": 20, "total": 0, "total_pages": 0}


def test_paged_select_is_built_once_and_bound_per_call(
    session: Session, events: list[Event]
) -> None:
    by_org = PagedSelect(select(Event).where(Event.org_id == bindparam("org")).order_by(Event.id))
    first = paginate(session, by_org, PageParams(page=1, per_page=3), _name, {"org": "o"})
    assert first["data"] == ["e0", "e1", "e2"]
    assert first["pagination"] == {"page": 1, "per_page": 3, "total": 7, "total_pages": 3}
    # The same statements, other values: nothing of the previous call leaks into this one.
    beyond = paginate(session, by_org, PageParams(page=4, per_page=3), _name, {"org": "o"})
    assert beyond == {
        "data": [],
        "pagination": {"page": 4, "per_page": 3, "total": 7, "total_pages": 3},
    }
    other = paginate(session, by_org, PageParams(), _name, {"org": "x"})
    assert other["data"] == []
    assert other["pagination"]["total"] == 0


@pytest.mark.parametrize("descending", [False, True])
def test_cursor_pages_walk_everything_once(
    session: Session, events: list[Event], descending: bool
) -> None:
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        page: dict[str, Any] = cursor_page(
            session,
            select(Event),
            CursorParams(cursor=cursor, limit=3),
            _name,
            key=(Event.created_at, Event.id),
            descending=descending,
        )
        seen += page["data"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    expected = [f"e{i}" for i in range(7)]
    assert seen == (expected[::-1] if descending else expected)
    assert pages == 3


def test_cursor_round_trip() -> None:
    now = utcnow()
    assert decode_cursor(encode_cursor([now, "abc", 3]), 3) == [now, "abc", 3]


@pytest.mark.parametrize("bad", ["!!!", "bm90IGpzb24", encode_cursor(["a"]), "W3sieCI6MX1d"])
def test_bad_cursor_is_400(bad: str) -> None:
    with pytest.raises(BadRequest) as error:
        decode_cursor(bad, 2)
    assert error.value.code == "invalid_cursor"
