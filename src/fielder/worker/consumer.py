"""Job consumers: a thread inside the server when embedded, or a `fielder worker` process."""

from __future__ import annotations

import logging
import threading

from huey.consumer import Consumer

from fielder.config import Settings
from fielder.worker.queue import SWEEP_SECONDS, get_queue, sweep
from fielder.worker.tasks import STOP_HOOKS, SWEEP_HOOKS

logger = logging.getLogger("fielder.worker")

#: How long `fielder worker` waits for running jobs on SIGTERM: under the 10 s that
#: `docker stop` and most supervisors give before SIGKILL.
SHUTDOWN_SECONDS = 8.0


class _ThreadConsumer(Consumer):  # type: ignore[misc]
    """A huey consumer that leaves signal handling to its host (uvicorn owns the signals)."""

    def _set_signal_handlers(self) -> None:
        pass


class Sweeper:
    """Runs `sweep` at start and every 30 s until stopped.

    A thread of each consumer rather than a huey periodic task: huey's periodic tasks have a
    one-minute granularity, travel through the queue (so they wait behind long jobs, exactly
    when workers are stuck, and depend on the queue that may have lost messages), and would be
    scheduled by every consumer anyway. The thread runs at start too, so a restarted worker
    picks up its own dead jobs at once; the sweep is one indexed query.
    """

    def __init__(self, settings: Settings, interval: float = SWEEP_SECONDS) -> None:
        self.settings = settings
        self.interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="job-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            for step in (sweep, *SWEEP_HOOKS):
                try:
                    step(self.settings)
                except Exception:  # a failed sweep (database away) is retried at the next tick
                    logger.exception("sweep %s failed", getattr(step, "__qualname__", step))
            if self._stopped.wait(self.interval):
                return


class EmbeddedWorker:
    """The job consumer running inside the server process (no Redis)."""

    def __init__(self, settings: Settings, workers: int = 2) -> None:
        import fielder.worker.registry  # noqa: F401  (registers every domain's tasks)

        huey = get_queue(settings).huey
        self.consumer = _ThreadConsumer(
            huey, workers=workers, worker_type="thread", max_delay=1.0, shutdown_timeout=10,
            check_worker_health=False, periodic=False,
        )  # fmt: skip
        self.sweeper = Sweeper(settings)

    def start(self) -> None:
        """Start the consumer threads and the sweeper."""
        self.consumer.start()
        self.sweeper.start()

    def stop(self) -> None:
        """Stop taking jobs and wait (up to 10 s) for the running ones."""
        self.sweeper.stop()
        self.consumer.stop(graceful=True)
        _run_stop_hooks(self.sweeper.settings)


def start_embedded(settings: Settings) -> EmbeddedWorker | None:
    """Start the in-server consumer when the settings call for one, else None."""
    if not settings.runs_embedded_worker:
        return None
    worker = EmbeddedWorker(settings)
    worker.start()
    return worker


def run_consumer(
    settings: Settings, workers: int = 2, shutdown_timeout: float = SHUTDOWN_SECONDS
) -> None:
    """Consume jobs in this process until SIGINT/SIGTERM (`fielder worker`).

    SIGTERM stops taking jobs and waits up to `shutdown_timeout` seconds for the running ones,
    then the process exits (status 0). A job still running then is left as it is: its heartbeat
    stops, and the sweep of any consumer puts it back on the queue once the lease has passed.
    """
    import fielder.worker.registry  # noqa: F401  (registers every domain's tasks)

    huey = get_queue(settings).huey
    consumer = Consumer(
        huey, workers=workers, worker_type="thread", max_delay=1.0, periodic=False,
        graceful_signal="TERM", shutdown_timeout=shutdown_timeout,
    )  # fmt: skip
    sweeper = Sweeper(settings)
    sweeper.start()
    try:
        consumer.run()
    finally:
        sweeper.stop()
        _run_stop_hooks(settings)


def _run_stop_hooks(settings: Settings) -> None:
    for hook in STOP_HOOKS:
        try:
            hook(settings)
        except Exception:
            logger.exception("stop hook %s failed", getattr(hook, "__qualname__", hook))
