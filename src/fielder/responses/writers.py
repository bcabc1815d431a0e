"""One respondent-flow writer at a time per process on SQLite.

SQLite has one write lock for the whole database, and a writer that finds it taken polls for
it with growing sleeps (up to 100 ms each) until `busy_timeout`. Under load, dozens of
threadpool threads polling for one lock wait far longer than the writes themselves take (a
p99 of seconds, and 503s past the timeout); queueing them on a lock of the process instead
hands the turn over as soon as a commit ends. PostgreSQL locks rows: no queue there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

_turn = threading.Lock()


@contextmanager
def one_at_a_time(connection: Connection) -> Iterator[None]:
    """Hold this process's SQLite writer turn for the block (nothing on PostgreSQL)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    with _turn:
        yield
