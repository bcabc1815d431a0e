"""`fielder worker`: SIGTERM ends it cleanly, and the job it was running is not lost.

On Redis when the suite runs with FIELDER_TEST_REDIS_URL (scale-out mode); else the worker
consumes the SQLite queue of the data dir, which works across processes too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.job import Job
from fielder.worker.queue import enqueue_after_commit
from tests.worker.sample_tasks import slow_first_time

ROOT = Path(__file__).resolve().parents[2]


def _job(settings: Settings, job_id: str) -> Job:
    with session_scope(settings) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def _wait(settings: Settings, job_id: str, states: set[str], seconds: float = 60) -> Job:
    deadline = time.monotonic() + seconds
    job = _job(settings, job_id)
    while job.state not in states and time.monotonic() < deadline:
        time.sleep(0.1)
        job = _job(settings, job_id)
    return job


def _fielder_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    # The real command line (`fielder worker`), with the test tasks registered first.
    code = "import tests.worker.sample_tasks\nfrom fielder.cli.main import app\napp()\n"
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-c", code, "worker", "--workers", "1"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _stop(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


@pytest.mark.slow
def test_sigterm_exits_cleanly_and_the_sweep_runs_the_job_again(
    settings: Settings, session: Session, tmp_path: Path
) -> None:
    out, marker, log = tmp_path / "out.txt", tmp_path / "marker", tmp_path / "worker.log"
    # A 1 s lease so that the sweep takes the job back soon after its worker has gone.
    env = {**os.environ, "FIELDER_JOB_LEASE_SECONDS": "1", "FIELDER_EMBEDDED_WORKER": "false"}
    job = enqueue_after_commit(session, slow_first_time, str(out), str(marker))
    session.commit()

    first = _fielder_worker(env, log)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.1)
        assert marker.exists(), log.read_text(errors="replace")
        assert _wait(settings, job.id, {"running"}).state == "running"
        started = time.monotonic()
        status = _stop(first)
        stopped_in = time.monotonic() - started
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    # Clean: exit status 0 after the shutdown wait (8 s), not killed, and no traceback.
    assert status == 0, log.read_text(errors="replace")
    assert stopped_in < 30
    assert "Traceback" not in log.read_text(errors="replace")
    left = _job(settings, job.id)
    assert (left.state, left.attempts) == ("running", 1)  # left for the sweep, not dropped

    time.sleep(1.5)  # past the 1 s lease since the last heartbeat
    second = _fielder_worker(env, log)  # its sweep, at start, puts the job back on the queue
    try:
        finished = _wait(settings, job.id, {"done", "failed"})
    finally:
        assert _stop(second) == 0
    assert (finished.state, finished.attempts) == ("done", 2)
    assert out.read_text() == "finished\n"
