"""The flow's SQLite writers take turns: across threads of a process and across processes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fielder.config import Settings
from fielder.db.session import get_engine
from fielder.responses import writers


def _sqlite(settings: Settings) -> None:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL writers need no turns")


def test_threads_take_turns(settings: Settings) -> None:
    _sqlite(settings)
    engine = get_engine(settings)
    marks: list[str] = []

    def writer(name: str) -> None:
        with engine.connect() as connection, writers.one_at_a_time(connection):
            marks.append(f"{name} in")
            time.sleep(0.05)
            marks.append(f"{name} out")

    threads = [threading.Thread(target=writer, args=(str(n),)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pairs = [marks[i : i + 2] for i in range(0, len(marks), 2)]
    assert all(first.split()[0] == last.split()[0] for first, last in pairs), marks


HOLDER = """
import sys, time
from sqlalchemy import create_engine
from fielder.responses import writers
engine = create_engine(sys.argv[1])
with engine.connect() as connection, writers.one_at_a_time(connection):
    print("holding", flush=True)
    time.sleep(0.5)
    open(sys.argv[2], "w").close()  # the last thing done while holding the turn
"""


def test_another_process_waits_for_the_turn(settings: Settings, tmp_path: Path) -> None:
    _sqlite(settings)
    done = tmp_path / "holder-done"
    command = [sys.executable, "-c", HOLDER, settings.database_url, str(done)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with get_engine(settings).connect() as connection:
            with writers.one_at_a_time(connection):
                assert done.exists()  # the turn came only once the other process let it go
        assert holder.wait(timeout=30) == 0
