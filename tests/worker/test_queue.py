"""The job queue: after-commit enqueueing, a real consumer, retries, and recovery by the sweep."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.job import Job
from fielder.worker.queue import enqueue_after_commit, sweep
from tests.worker.sample_tasks import fail_always, record, slow_first_time


def _wait_state(settings: Settings, job_id: str, states: set[str], seconds: float = 60) -> Job:
    deadline = time.monotonic() + seconds
    while True:
        with session_scope(settings) as session:
            job = session.get(Job, job_id)
            assert job is not None
            if job.state in states or time.monotonic() > deadline:
                return job
        time.sleep(0.1)


def test_consumer_runs_a_committed_job(
    client: TestClient, settings: Settings, session: Session, tmp_path: Path
) -> None:
    out = tmp_path / "out.txt"
    job = enqueue_after_commit(session, record, str(out), "hello")
    session.commit()
    done = _wait_state(settings, job.id, {"done", "failed"})
    assert done.state == "done"
    assert done.attempts == 1
    assert out.read_text() == "hello\n"


def test_rolled_back_job_never_runs(
    client: TestClient, settings: Settings, session: Session, tmp_path: Path
) -> None:
    out = tmp_path / "out.txt"
    lost = enqueue_after_commit(session, record, str(out), "rolled back")
    lost_id = lost.id
    session.rollback()
    kept = enqueue_after_commit(session, record, str(out), "committed")
    session.commit()
    assert _wait_state(settings, kept.id, {"done", "failed"}).state == "done"
    assert session.get(Job, lost_id) is None
    assert out.read_text() == "committed\n"


def test_idempotency_key_gives_the_same_job(session: Session, tmp_path: Path) -> None:
    first = enqueue_after_commit(session, record, str(tmp_path / "x"), "a", idempotency_key="k1")
    again = enqueue_after_commit(session, record, str(tmp_path / "x"), "a", idempotency_key="k1")
    assert first.id == again.id
    session.rollback()


def test_failing_job_is_retried_then_failed(
    client: TestClient, settings: Settings, session: Session
) -> None:
    job = enqueue_after_commit(session, fail_always, "x")
    session.commit()
    failed = _wait_state(settings, job.id, {"failed"})
    assert failed.state == "failed"
    assert failed.attempts == 2
    assert failed.error == "RuntimeError: broken: x"


def _worker_process(env: dict[str, str]) -> subprocess.Popen[bytes]:
    code = (
        "import tests.worker.sample_tasks\n"
        "from fielder.config import get_settings\n"
        "from fielder.worker.consumer import run_consumer\n"
        "run_consumer(get_settings(), workers=1)\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_job_of_a_killed_worker_is_run_again(
    settings: Settings, session: Session, tmp_path: Path
) -> None:
    out, marker = tmp_path / "out.txt", tmp_path / "marker"
    env = {**os.environ, "FIELDER_JOB_LEASE_SECONDS": "1", "FIELDER_EMBEDDED_WORKER": "false"}
    job = enqueue_after_commit(session, slow_first_time, str(out), str(marker))
    session.commit()
    first = _worker_process(env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the first worker never started the job"
        assert _wait_state(settings, job.id, {"running"}).state == "running"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    time.sleep(1.5)  # let the dead worker's heartbeat age past the 1 s lease
    second = _worker_process(env)
    try:
        finished = _wait_state(settings, job.id, {"done", "failed"})
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert finished.state == "done"
    assert finished.attempts == 2
    assert out.read_text() == "finished\n"


def test_sweep_leaves_fresh_jobs_alone(settings: Settings, session: Session) -> None:
    job = enqueue_after_commit(session, fail_always, "never sent")
    session.info.pop("fielder_pending_jobs")  # as if the process died right after the commit
    session.commit()
    assert sweep(settings) == []
    stale = settings.model_copy(update={"job_lease_seconds": 0.001})
    time.sleep(0.01)
    assert sweep(stale) == [job.id]
