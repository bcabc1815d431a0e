"""Engines and sessions: an engine per database URL; sync sessions for endpoints, jobs, the CLI."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
from fastapi import Request
from sqlalchemy import DateTime, Dialect, Engine, Result, create_engine, event
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from fielder.config import Settings, get_settings

COMMIT_STATE_KEY = "fielder_db_session"
DISCARD_STATE_KEY = "fielder_db_discard"
#: Session.info key of a read session (`get_read_session`).
READ_ONLY = "fielder_read_only"
_RELEASE_EACH_READ = "fielder_release_each_read"
_engines: dict[str, Engine] = {}
_makers: dict[str, sessionmaker[Session]] = {}
_read_makers: dict[str, sessionmaker[Session]] = {}
_lock = threading.Lock()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Set on every new connection: these pragmas are per connection in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class _UTCSQLiteDateTime(sqlite.DATETIME):
    """SQLite keeps no time zone: `DateTime(timezone=True)` values are stored as UTC and come
    back timezone-aware (UTC), as they do on PostgreSQL."""

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        process = super().bind_processor(dialect)
        if not self.timezone or process is None:
            return process
        inner = process

        def to_utc(value: Any) -> Any:
            if isinstance(value, datetime) and value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
            return inner(value)

        return to_utc

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        process = super().result_processor(dialect, coltype)
        if not self.timezone or process is None:
            return process
        inner = process

        def as_utc(value: Any) -> Any:
            result = inner(value)
            if isinstance(result, datetime) and result.tzinfo is None:
                result = result.replace(tzinfo=UTC)
            return result

        return as_utc


def make_engine(url: str) -> Engine:
    """A new engine for `url`: SQLite with WAL and foreign keys, or PostgreSQL via psycopg 3."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # A pool as large as the threadpool's usual concurrency: a connection opened past the
        # pool is closed after one use, and opening one (with its pragmas) costs more than a query.
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 5},
            pool_size=20,
            max_overflow=20,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Every DateTime(timezone=True) column of every model: aware UTC, as on PostgreSQL.
        engine.dialect.colspecs = {**engine.dialect.colspecs, DateTime: _UTCSQLiteDateTime}
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # As for SQLite: a pool as large as the threadpool's usual concurrency (a connection past
    # the pool is closed after one use; a new PostgreSQL connection is a new server process).
    engine = create_engine(url, pool_size=20, max_overflow=10)
    # Not pool_pre_ping: a ping on every checkout is one more round trip on every request.
    event.listen(engine, "checkin", _note_checkin)
    dialect = engine.dialect

    def ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        _ping_if_idle(dialect, dbapi_connection, record)

    event.listen(engine, "checkout", ping_if_idle)
    return engine


#: A pooled connection idle longer than this is pinged before use (a restarted server, a
#: dropped connection). One in steady use is not: the first error on a dead connection
#: invalidates the whole pool, so at most one request per process meets it.
PING_AFTER_IDLE_SECONDS = 5.0
_CHECKED_IN = "fielder_checked_in"


def _note_checkin(dbapi_connection: Any, record: Any) -> None:
    record.info[_CHECKED_IN] = time.monotonic()
    if dbapi_connection is not None and dbapi_connection.autocommit:
        dbapi_connection.autocommit = False  # a read session's (the pool has reset it: idle)


def _ping_if_idle(dialect: Dialect, dbapi_connection: Any, record: Any) -> None:
    last = record.info.get(_CHECKED_IN)
    if last is not None and time.monotonic() - last < PING_AFTER_IDLE_SECONDS:
        return
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as exc:  # any failure: this connection is gone, the pool takes a new one
        raise DisconnectionError(str(exc)) from exc
    if not alive:
        raise DisconnectionError("the database did not answer the ping")


def get_engine(settings: Settings | None = None) -> Engine:
    """The shared engine of the settings' database (created on first use)."""
    url = (settings or get_settings()).database_url
    with _lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
            _makers[url] = sessionmaker(
                _engines[url], expire_on_commit=False, info={"settings": settings}
            )
            sqlite = _engines[url].dialect.name == "sqlite"
            _read_makers[url] = sessionmaker(
                _engines[url],
                class_=Session if sqlite else ReadSession,  # pysqlite opens none for reads
                expire_on_commit=False,
                info={"settings": settings, READ_ONLY: True, _RELEASE_EACH_READ: not sqlite},
            )
        return _engines[url]


class ReadSession(Session):
    """The session of `get_read_session` on PostgreSQL: its connection reads in autocommit,
    so that a read sends no BEGIN and no COMMIT (two round trips of three). Each statement
    sees the data committed as of its start, as in a READ COMMITTED transaction.

    Autocommit is switched on the driver's connection as the session takes it, and off as
    the pool takes it back (`_note_checkin`): cheaper than SQLAlchemy's isolation_level
    execution option, which sets and resets the connection's characteristics through events.
    """


def _autocommit_reads(_session: Session, _transaction: object, connection: Any) -> None:
    dbapi_connection = connection.connection.dbapi_connection
    if dbapi_connection is not None and not dbapi_connection.autocommit:
        dbapi_connection.autocommit = True  # idle: psycopg sends nothing


event.listen(ReadSession, "after_begin", _autocommit_reads)


def get_sessionmaker(settings: Settings | None = None) -> sessionmaker[Session]:
    """The session factory bound to the settings' engine."""
    url = (settings or get_settings()).database_url
    get_engine(settings)
    return _makers[url]


def get_read_sessionmaker(settings: Settings | None = None) -> sessionmaker[Session]:
    """The factory of read sessions (see `get_read_session`)."""
    url = (settings or get_settings()).database_url
    get_engine(settings)
    return _read_makers[url]


def dispose_engines() -> None:
    """Close every pooled connection (tests and shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _makers.clear()
        _read_makers.clear()


@contextmanager
def session_scope(settings: Settings | None = None) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back on an exception (jobs, CLI)."""
    session = get_sessionmaker(settings)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


async def get_session(request: Request) -> Session:
    """FastAPI dependency: a session of the app's database for the request.

    `CommitBeforeResponse` (installed by `create_app`) commits it as a successful response
    starts and ends it once the response is sent: committed, or rolled back when the request
    raised (`discard_session`). A plain async dependency, not a `yield` one: no exit stack and
    no thread hop to open it (a Session connects only on its first query).
    """
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    session = get_sessionmaker(settings)()
    setattr(request.state, COMMIT_STATE_KEY, session)
    return session


async def get_read_session(request: Request) -> Session:
    """FastAPI dependency: a session for an endpoint that only reads.

    On PostgreSQL it reads in autocommit: no BEGIN and no COMMIT round trips, and it ends on
    the event loop without a thread hop. It refuses to write (`ReadOnlySessionError` on a
    flush with changes, an INSERT/UPDATE/DELETE or a SELECT … FOR UPDATE): an endpoint that
    writes takes `get_session`.
    """
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    session = get_read_sessionmaker(settings)()
    setattr(request.state, COMMIT_STATE_KEY, session)
    return session


class ReadOnlySessionError(RuntimeError):
    """A read session (`get_read_session`) was asked to write: a programming error."""


def discard_session(state: Any) -> None:
    """Mark the request's session (if any) for rollback: the request ended in an exception."""
    if isinstance(state, dict):
        state[DISCARD_STATE_KEY] = True


async def end_session(session: Session, *, commit: bool) -> None:
    """Commit (or roll back) and close a request's session; shielded from cancellation."""
    with anyio.CancelScope(shield=True):
        await _end(session, commit=commit)


async def _end(session: Session, *, commit: bool) -> None:
    if not session.in_transaction():
        session.close()  # never connected, or already committed: nothing to wait for
        return
    if session.info.get(READ_ONLY) or (
        not has_writes(session) and session.get_bind().dialect.name == "sqlite"
    ):
        # No transaction on the server to end (autocommit; pysqlite opens none for reads):
        # closing is a call into the driver, not a round trip, so no thread hop.
        session.close()
        return
    await run_in_threadpool(_finish, session, commit)


def _finish(session: Session, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


def _mark_written(session: Session, _context: object) -> None:
    session.info[_WROTE] = True


def _forget_writes(session: Session) -> None:
    session.info.pop(_WROTE, None)


def _mark_statement(state: ORMExecuteState) -> None:
    # session.execute(insert/update/delete(...)) writes without a flush.
    if state.is_insert or state.is_update or state.is_delete:
        if state.session.info.get(READ_ONLY):
            raise ReadOnlySessionError("A read session cannot run INSERT, UPDATE or DELETE.")
        state.session.info[_WROTE] = True
    elif state.is_select and state.session.info.get(READ_ONLY) and _locks(state.statement):
        # In autocommit the lock would end with the statement.
        raise ReadOnlySessionError("A read session cannot lock rows (FOR UPDATE/SHARE).")


def _locks(statement: Any) -> bool:
    return getattr(statement, "_for_update_arg", None) is not None


def _release_after_read(state: ORMExecuteState) -> Result[Any] | None:
    """A read session on PostgreSQL gives its connection back to the pool after each query.

    In autocommit there is no transaction to keep, and the connection would otherwise stay
    checked out until the response is sent: under load that is every request in flight, past
    the pool's size, and each connection past it is a new PostgreSQL connection (a server
    process) opened and closed.
    """
    session = state.session
    if not session.info.get(_RELEASE_EACH_READ) or not state.is_select:
        return None
    options = state.execution_options
    if state.is_relationship_load or options.get("yield_per") or options.get("stream_results"):
        return None  # loaded while another result is read, or streamed: keep the connection
    result = state.invoke_statement().freeze()
    session.commit()  # autocommit: nothing is sent; the connection goes back to the pool
    return result()


def _refuse_read_only_flush(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise ReadOnlySessionError("A read session cannot flush changes; use get_session.")


_WROTE = "fielder_wrote"
event.listen(Session, "before_flush", _refuse_read_only_flush)
event.listen(Session, "after_flush", _mark_written)
event.listen(Session, "do_orm_execute", _mark_statement)
event.listen(Session, "do_orm_execute", _release_after_read)
event.listen(Session, "after_commit", _forget_writes)
event.listen(Session, "after_soft_rollback", lambda session, _previous: _forget_writes(session))


def has_writes(session: Session) -> bool:
    """True when the session has changes to commit (a read-only request skips the thread hop)."""
    if not session.in_transaction():
        return False
    return bool(session.info.get(_WROTE) or session.new or session.dirty or session.deleted)
