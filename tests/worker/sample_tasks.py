"""Tasks used by the queue tests (imported by the test process and by worker subprocesses)."""

from __future__ import annotations

import time
from pathlib import Path

from fielder.worker.tasks import task


@task("tests.record")
def record(path: str, text: str) -> None:
    """Append a line to a file."""
    with Path(path).open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")


@task("tests.fail_always", max_attempts=2, retry_delay=0.1)
def fail_always(text: str) -> None:
    """Always raise."""
    raise RuntimeError(f"broken: {text}")


@task("tests.slow_first_time")
def slow_first_time(path: str, marker: str) -> None:
    """First run: leave a marker and hang (to be killed); a later run records and returns."""
    if not Path(marker).exists():
        Path(marker).write_text("started", encoding="utf-8")
        time.sleep(120)
    record(path, "finished")
