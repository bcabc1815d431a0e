"""Reading a survey's responses for an export, oldest first, in constant memory.

A thread fetches the next batch of rows while the writer formats this one, so the database's
time and ours overlap instead of adding up; at most `_AHEAD` batches wait, so memory stays flat.
On PostgreSQL the rows come through `COPY (SELECT …) TO STDOUT (FORMAT BINARY)`: one statement
streaming as fast as the server produces rows, where a server-side cursor costs a round trip
per batch and leaves the server idle between them. Elsewhere (SQLite) a cursor reads them.
"""

from __future__ import annotations

import contextlib
import functools
import json
import queue
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, Final

from sqlalchemy import Engine, Text, cast, select

from fielder.config import Settings
from fielder.db.session import get_engine
from fielder.models.response import Response
from fielder.responses.exports import ResponseRow

#: Rows handed to the writer at a time.
EXPORT_BATCH: Final = 5_000
#: Batches fetched ahead of the writer.
_AHEAD: Final = 2

#: What the fetching thread hands over: a batch, its error, or None at the end.
Batches = queue.Queue[Any]

#: The columns read, in `ResponseRow` order; the answers as text, decoded by the C decoder
#: here (the driver's own JSON loading costs more per row).
_COLUMNS: Final = (
    "id",
    "status",
    "respondent_email",
    "respondent_token",
    "outcome",
    "started_at",
    "completed_at",
    "created_at",
)
_COPY: Final = (
    f"COPY (SELECT {', '.join(_COLUMNS)}, answers::text FROM responses WHERE survey_id = %s"
    " ORDER BY created_at, id) TO STDOUT (FORMAT BINARY)"
)
_COPY_TYPES: Final = ["text"] * 5 + ["timestamptz"] * 3 + ["text"]


def export_rows(
    settings: Settings, survey_id: str, *, batch: int = EXPORT_BATCH
) -> Iterator[ResponseRow]:
    """Every response of a survey, oldest first, streamed in batches on a connection of its
    own (the export streams after the request's session is gone)."""
    decode = json.loads
    with contextlib.closing(raw_batches(settings, survey_id, batch=batch)) as batches:
        for fetched in batches:
            for row in fetched:
                answers = decode(row[8]) if row[8] else None
                rid, status, email, token, outcome, started, completed, created = row[:8]
                yield ResponseRow(
                    rid, status, email, token, outcome, started, completed, created,
                    answers if type(answers) is dict else {},
                )  # fmt: skip


def raw_batches(
    settings: Settings, survey_id: str, *, batch: int = EXPORT_BATCH
) -> Generator[list[Sequence[Any]], None, None]:
    """The rows as fetched (the `_COLUMNS` then the answers' JSON text), batch by batch."""
    engine = get_engine(settings)
    if is_postgresql(engine):
        return copy_batches(engine, _COPY, (survey_id,), _COPY_TYPES, batch=batch)
    fetch = functools.partial(_cursor_batches, engine, survey_id, batch)
    return _fetched_ahead(fetch)


def copy_batches(
    engine: Engine,
    statement: str,
    params: Sequence[Any],
    types: Sequence[str],
    *,
    batch: int = EXPORT_BATCH,
) -> Generator[list[Sequence[Any]], None, None]:
    """The rows of a `COPY (…) TO STDOUT` statement on PostgreSQL, parsed as `types`, in
    batches fetched ahead."""
    fetch = functools.partial(_copy_batches, engine, statement, params, types, batch)
    return _fetched_ahead(fetch)


def is_postgresql(engine: Engine) -> bool:
    """Whether the export can stream through PostgreSQL's COPY."""
    return engine.dialect.name == "postgresql"


Put = Callable[[Any], bool]


def _fetched_ahead(fetch: Callable[[Put], None]) -> Generator[Any, None, None]:
    batches: Batches = queue.Queue(maxsize=_AHEAD)
    stop = threading.Event()
    fetcher = threading.Thread(target=_fetch, args=(fetch, batches, stop), daemon=True)
    fetcher.start()
    try:
        while (fetched := batches.get()) is not None:
            if isinstance(fetched, BaseException):
                raise fetched
            yield fetched
    finally:
        stop.set()
        while fetcher.is_alive():  # unblock a fetcher waiting on a full queue, then let it end
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.05)
        fetcher.join()


def _fetch(fetch: Callable[[Put], None], batches: Batches, stop: threading.Event) -> None:
    def put(rows: Any) -> bool:
        """Hand a batch over; False once the reader has stopped."""
        if stop.is_set():
            return False
        batches.put(rows)
        return True

    try:
        fetch(put)
        batches.put(None)
    except BaseException as error:  # handed to the reader, which raises it in its thread
        batches.put(error)


class _Stopped(Exception):
    """The reader went away: leaving the COPY block with an error cancels it on the server."""


def _copy_batches(
    engine: Engine,
    statement: str,
    params: Sequence[Any],
    types: Sequence[str],
    batch: int,
    put: Put,
) -> None:
    connection = engine.raw_connection()
    try:
        driver: Any = connection.driver_connection
        with contextlib.suppress(_Stopped), driver.cursor() as cursor:
            with cursor.copy(statement, params) as copy:
                copy.set_types(types)
                rows: list[Sequence[Any]] = []
                for row in copy.rows():
                    rows.append(row)
                    if len(rows) == batch:
                        if not put(rows):
                            raise _Stopped
                        rows = []
                if rows:
                    put(rows)
    finally:
        connection.close()  # back to the pool, rolled back


def copy_text(
    engine: Engine, statement: str, params: Sequence[Any], *, batch: int = EXPORT_BATCH
) -> Generator[str, None, None]:
    """The text of a `COPY (…) TO STDOUT` statement on PostgreSQL, `batch` lines at a time,
    fetched ahead (each piece whole lines: the server sends one message per row)."""
    fetch = functools.partial(_copy_text, engine, statement, params, batch)
    return _fetched_ahead(fetch)


def _copy_text(engine: Engine, statement: str, params: Sequence[Any], batch: int, put: Put) -> None:
    connection = engine.raw_connection()
    try:
        driver: Any = connection.driver_connection
        with contextlib.suppress(_Stopped), driver.cursor() as cursor:
            encoding = driver.info.encoding
            with cursor.copy(statement, params) as copy:
                blocks: list[bytes] = []
                for block in copy:
                    blocks.append(block)
                    if len(blocks) == batch:
                        if not put(b"".join(blocks).decode(encoding)):
                            raise _Stopped
                        blocks.clear()
                if blocks:
                    put(b"".join(blocks).decode(encoding))
    finally:
        connection.close()


def _cursor_batches(engine: Engine, survey_id: str, batch: int, put: Put) -> None:
    columns = [getattr(Response, name) for name in _COLUMNS]
    statement = (
        select(*columns, cast(Response.answers, Text))
        .where(Response.survey_id == survey_id)
        .order_by(Response.created_at, Response.id)
    )
    with engine.connect() as connection:
        result = connection.execution_options(yield_per=batch).execute(statement)
        with result:  # closes the cursor when stopped early too
            for partition in result.partitions():
                if not put(list(partition)):
                    return
