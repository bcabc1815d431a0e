"""The request's session: committed before a successful response starts, rolled back on error."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from starlette.types import Message, Receive, Scope, Send

from fielder.app import create_app
from fielder.config import Settings
from fielder.db import session as session_module
from fielder.db.base import utcnow
from fielder.db.session import (
    ReadOnlySessionError,
    get_engine,
    get_read_session,
    get_read_sessionmaker,
    get_session,
    get_sessionmaker,
    session_scope,
)
from fielder.errors import Conflict
from fielder.models.organization import Organization
from tests.conftest import PG_URL


def _names(settings: Settings) -> list[str]:
    with session_scope(settings) as db:
        return list(db.scalars(select(Organization.name)))


def _app(settings: Settings) -> FastAPI:
    app = create_app(settings)

    @app.post("/t/orgs/{name}")
    def add(name: str, session: Annotated[Session, Depends(get_session)]) -> dict[str, str]:
        session.add(Organization(name=name))
        if name == "refused":
            raise Conflict("refused", "Refused.")
        return {"name": name}

    return app


def test_write_is_committed_before_the_response_starts(settings: Settings) -> None:
    seen_at_start: list[list[str]] = []
    inner = _app(settings)

    async def watching(scope: Scope, receive: Receive, send: Send) -> None:
        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen_at_start.append(_names(settings))
            await send(message)

        await inner(scope, receive, watch)

    with TestClient(watching) as client:
        assert client.post("/t/orgs/acme").status_code == 200
    assert seen_at_start == [["acme"]]


def test_error_rolls_back(settings: Settings) -> None:
    with TestClient(_app(settings)) as client:
        assert client.post("/t/orgs/refused").status_code == 409
    assert _names(settings) == []


def test_statement_writes_are_committed_before_the_response(settings: Settings) -> None:
    seen_at_start: list[list[str]] = []
    inner = create_app(settings)

    @inner.post("/t/bulk")
    def bulk(session: Annotated[Session, Depends(get_session)]) -> dict[str, bool]:
        session.execute(insert(Organization).values(id="o-1", name="bulk", created_at=utcnow()))
        return {"ok": True}

    async def watching(scope: Scope, receive: Receive, send: Send) -> None:
        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen_at_start.append(_names(settings))
            await send(message)

        await inner(scope, receive, watch)

    with TestClient(watching) as client:
        assert client.post("/t/bulk").status_code == 200
    assert seen_at_start == [["bulk"]]


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL: connections a server can drop")
def test_idle_pooled_connection_dropped_by_the_server_is_replaced(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = get_engine(settings)
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
    outside = create_engine(engine.url, poolclass=NullPool)  # ends the pooled connection
    with outside.connect() as other:
        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    outside.dispose()
    # Pooled but idle past the threshold: pinged at checkout, found dead, replaced.
    monkeypatch.setattr(session_module, "PING_AFTER_IDLE_SECONDS", 0.0)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT pg_backend_pid()")).scalar() != pid


def _read_app(settings: Settings, write: str) -> FastAPI:
    app = create_app(settings)

    @app.get("/t/orgs")
    def names(session: Annotated[Session, Depends(get_read_session)]) -> list[str]:
        if write == "add":
            session.add(Organization(name="sneaked"))
        elif write == "insert":
            session.execute(insert(Organization).values(id="o-1", name="x", created_at=utcnow()))
        elif write == "lock":
            session.scalars(select(Organization).with_for_update()).all()
        return list(session.scalars(select(Organization.name)))

    return app


def test_read_session_reads(settings: Settings) -> None:
    with session_scope(settings) as db:
        db.add(Organization(name="acme"))
    with TestClient(_read_app(settings, "")) as client:
        assert client.get("/t/orgs").json() == ["acme"]


@pytest.mark.parametrize("write", ["add", "insert", "lock"])
def test_read_session_refuses_to_write(settings: Settings, write: str) -> None:
    with TestClient(_read_app(settings, write), raise_server_exceptions=False) as client:
        assert client.get("/t/orgs").status_code == 500
    assert _names(settings) == []
    with get_read_sessionmaker(settings)() as session:
        session.add(Organization(name="sneaked"))
        with pytest.raises(ReadOnlySessionError):
            session.flush()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL: a read sends no BEGIN")
def test_read_session_is_autocommit_and_its_connection_comes_back_transactional(
    settings: Settings,
) -> None:
    from psycopg.pq import TransactionStatus

    engine = get_engine(settings)
    engine.dispose()  # one pooled connection, used by both sessions below
    with get_read_sessionmaker(settings)() as session:
        session.scalars(select(Organization.name)).all()
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.info.transaction_status == TransactionStatus.IDLE  # no BEGIN was sent
    with get_sessionmaker(settings)() as db:
        db.add(Organization(name="rolled back"))
        db.flush()
        assert db.connection().connection.dbapi_connection is dbapi
        db.rollback()
    assert _names(settings) == []


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL: a read gives its connection back at once")
def test_read_session_gives_its_connection_back_after_each_query(settings: Settings) -> None:
    engine = get_engine(settings)
    with session_scope(settings) as db:
        db.add(Organization(name="acme"))
    with get_read_sessionmaker(settings)() as session:
        orgs = session.scalars(select(Organization)).all()
        assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        assert [org.name for org in orgs] == ["acme"]  # loaded objects stay usable
        assert session.scalar(select(Organization.name)) == "acme"
        assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
