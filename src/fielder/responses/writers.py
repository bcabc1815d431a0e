"""One respondent-flow writer at a time on SQLite, across threads and server processes.

SQLite has one write lock for the whole database, and a writer that finds it taken polls for
it with growing sleeps (up to 100 ms each) until `busy_timeout`. Under load, dozens of
threadpool threads polling for one lock wait far longer than the writes themselves take (a
p99 of seconds, and 503s past the timeout). Queued instead on a lock of the process, then on
an advisory file lock next to the database (which the kernel hands to the next process as
soon as it is released), the flow's writers get the turn as soon as a commit ends.
PostgreSQL locks rows: no queue there. SQLite's own locking still guards every write: these
locks only order the flow's writers.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

try:
    import fcntl
except ImportError:  # not POSIX: the lock of the process only
    fcntl = None  # type: ignore[assignment]

_turn = threading.Lock()
#: An open lock file per SQLite database path (the last few used).
_files: dict[str, int] = {}
_OPEN_FILES = 4


@contextmanager
def one_at_a_time(connection: Connection) -> Iterator[None]:
    """Hold the SQLite writer turn for the block (nothing on PostgreSQL)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    with _turn:
        descriptor = _lock_file(connection.engine.url.database)
        if descriptor is None:
            yield
            return
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)


def _lock_file(database: str | None) -> int | None:
    """(Under `_turn`.) The lock file of a database file; None for an in-memory one."""
    if fcntl is None or not database or database == ":memory:":
        return None
    descriptor = _files.get(database)
    if descriptor is None:
        if len(_files) >= _OPEN_FILES:  # a process rarely serves more than one database
            os.close(_files.pop(next(iter(_files))))
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(f"{database}-writer.lock", flags, 0o600)
        _files[database] = descriptor
    return descriptor
