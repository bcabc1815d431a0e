"""The job queue: huey on SQLite (embedded) or Redis (scale-out), with a `jobs` row per job.

- `enqueue_after_commit(session, task, *args)` writes a `jobs` row in the caller's transaction and
  hands it to huey only once that transaction commits (nothing is sent if it rolls back).
- `run_job` claims a queued row, runs the task with a heartbeat on `locked_at`, records done or
  failed (retrying with backoff up to the task's `max_attempts`).
- `sweep` puts back jobs whose worker died (heartbeat older than the lease) or whose message was
  lost (queued for longer than the lease); every consumer runs it at start and every 30 s.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

from huey import RedisHuey, SqliteHuey
from huey.api import Huey, TaskWrapper
from sqlalchemy import event, or_, select, update
from sqlalchemy.orm import Session, SessionTransaction

from fielder.config import Settings, get_settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.job import Job
from fielder.worker.tasks import SIGNALS, TASKS, Task

logger = logging.getLogger("fielder.worker")

SWEEP_SECONDS = 30.0
_PENDING = "fielder_pending_jobs"


class Queue:
    """One huey instance for one set of settings, with the single `run_job` task on it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey: Huey = _make_huey(settings)
        self.run_job: TaskWrapper = self.huey.task(name="fielder.run_job")(self._run)
        import fielder.worker.registry  # noqa: F401  (registers every domain's signals)

        self.signals = {name: self.huey.task(name=name)(fn) for name, fn in SIGNALS.items()}

    def _run(self, job_id: str) -> None:
        run_job(job_id, self.settings)

    def signal(self, name: str, *args: Any) -> None:
        """Push signal `name(*args)` to any consumer (no `jobs` row: it may be lost)."""
        self.signals[name](*args)

    def send(self, job_id: str, delay: float = 0) -> None:
        """Hand job `job_id` to huey (after `delay` seconds)."""
        if delay > 0:
            self.run_job.schedule(args=(job_id,), delay=delay)
        else:
            self.run_job(job_id)


def _make_huey(settings: Settings) -> Huey:
    if settings.redis_url:
        # A short blocking read lets consumers stop quickly (a few cheap BRPOPs a second).
        return RedisHuey(
            settings.namespace, url=settings.redis_url, results=False, read_timeout=0.25
        )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        settings.namespace, filename=str(settings.data_dir / "jobs.db"), results=False
    )


_queues: dict[tuple[str | None, str, str], Queue] = {}
_lock = threading.Lock()


def get_queue(settings: Settings | None = None) -> Queue:
    """The queue of the settings (Redis when redis_url is set, else SQLite in the data dir)."""
    settings = settings or get_settings()
    key = (settings.redis_url, settings.namespace, str(settings.data_dir.resolve()))
    with _lock:
        if key not in _queues:
            _queues[key] = Queue(settings)
        return _queues[key]


def forget_queues() -> None:
    """Drop the cached queues (tests, after their data dirs are gone)."""
    with _lock:
        _queues.clear()


def enqueue_after_commit(
    session: Session,
    task: Task,
    *args: Any,
    idempotency_key: str | None = None,
    delay: float = 0,
) -> Job:
    """Record a job for `task(*args)` in the session's transaction; send it once that commits
    (to run `delay` seconds later; keep delays under the lease, or the sweep sends it early).

    With an `idempotency_key` already used, the existing job is returned and nothing is added.
    """
    if idempotency_key is not None:
        existing = session.scalars(
            select(Job).where(Job.idempotency_key == idempotency_key)
        ).first()
        if existing is not None:
            return existing
    job = Job(name=task.name, args=list(args), state="queued", idempotency_key=idempotency_key)
    session.add(job)
    session.flush()
    settings = session.info.get("settings")
    session.info.setdefault(_PENDING, []).append((job.id, settings, delay))
    return job


def send_pending(session: Session) -> None:
    """After a commit: hand the session's new jobs to the queue (the sweep catches any failure)."""
    if session.in_nested_transaction():  # a SAVEPOINT released: the rows are not committed yet
        return
    for job_id, settings, delay in session.info.pop(_PENDING, []):
        try:
            get_queue(settings).send(job_id, delay=delay)
        except Exception:  # the row is committed: the sweep will send it later
            logger.exception("could not enqueue job %s; the sweep will retry", job_id)


def drop_pending(session: Session, previous_transaction: SessionTransaction) -> None:
    """After a rollback of the whole transaction: forget its jobs (a savepoint keeps them)."""
    if previous_transaction.parent is None:
        session.info.pop(_PENDING, None)


event.listen(Session, "after_commit", send_pending)
event.listen(Session, "after_soft_rollback", drop_pending)


def _claim(session: Session, job_id: str) -> Job | None:
    now = utcnow()
    claimed = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == "queued")
        .values(state="running", attempts=Job.attempts + 1, locked_at=now, updated_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.get(Job, job_id)


def run_job(job_id: str, settings: Settings | None = None) -> str:
    """Run job `job_id` if it is queued; give its state afterwards ("skipped" if not claimed)."""
    import fielder.worker.registry  # noqa: F401  (registers every domain's tasks)

    settings = settings or get_settings()
    with session_scope(settings) as session:
        job = _claim(session, job_id)
        if job is None:
            return "skipped"
        name, args, attempts = job.name, list(job.args), job.attempts
    task = TASKS.get(name)
    if task is None:
        return _finish(settings, job_id, "failed", f"unknown task {name!r}")
    beat = _Heartbeat(settings, job_id)
    beat.start()
    try:
        task.fn(*args)
    except Exception as exc:
        logger.exception("job %s (%s) failed on attempt %s", job_id, name, attempts)
        return _after_failure(settings, task, job_id, attempts, f"{type(exc).__name__}: {exc}")
    finally:
        beat.stop()
    return _finish(settings, job_id, "done", None)


def _after_failure(settings: Settings, task: Task, job_id: str, attempts: int, error: str) -> str:
    if attempts >= task.max_attempts:
        return _finish(settings, job_id, "failed", error)
    _finish(settings, job_id, "queued", error)
    get_queue(settings).send(job_id, delay=task.backoff(attempts))
    return "queued"


def _finish(settings: Settings, job_id: str, state: str, error: str | None) -> str:
    with session_scope(settings) as session:
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(state=state, error=error, locked_at=None, updated_at=utcnow())
        )
    return state


class _Heartbeat:
    """Refreshes a running job's `locked_at` so the sweep knows its worker is alive."""

    def __init__(self, settings: Settings, job_id: str) -> None:
        self.settings = settings
        self.job_id = job_id
        self.interval = max(settings.job_lease_seconds / 3, 0.2)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _beat(self) -> None:
        while not self._stopped.wait(self.interval):
            with session_scope(self.settings) as session:
                session.execute(
                    update(Job)
                    .where(Job.id == self.job_id, Job.state == "running")
                    .values(locked_at=utcnow())
                )


def sweep(settings: Settings | None = None) -> list[str]:
    """Put back stale jobs (dead worker, or lost message) and send them again; give their ids."""
    settings = settings or get_settings()
    cutoff = utcnow() - timedelta(seconds=settings.job_lease_seconds)
    is_stale = or_(
        (Job.state == "running") & (Job.locked_at < cutoff),
        (Job.state == "queued") & (Job.updated_at < cutoff),
    )
    with session_scope(settings) as session:
        stale = list(session.scalars(select(Job.id).where(is_stale)))
        if stale:
            session.execute(
                update(Job)
                .where(Job.id.in_(stale), is_stale)
                .values(state="queued", locked_at=None, updated_at=utcnow())
            )
    queue = get_queue(settings)
    for job_id in stale:
        logger.warning("re-enqueueing stale job %s", job_id)
        queue.send(job_id)
    return stale
