"""The task registry: `@task` marks a function as a job that runs in the background.

    @task()
    def program_survey(survey_id: str) -> None: ...

    enqueue_after_commit(session, program_survey, survey.id, idempotency_key=f"program:{id}")

Task functions take JSON-serialisable arguments, open their own session (`session_scope()`), and
must be idempotent: a job whose worker died is run again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TaskFunction = Callable[..., Any]


@dataclass(frozen=True)
class Task:
    """A registered job function with its retry policy; calling it runs the function now."""

    name: str
    fn: TaskFunction
    max_attempts: int = 3
    retry_delay: float = 5.0

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before attempt `attempt + 1` (doubling, at most 10 minutes)."""
        return float(min(self.retry_delay * 2 ** max(attempt - 1, 0), 600.0))


TASKS: dict[str, Task] = {}


def task(
    name: str | None = None, *, max_attempts: int = 3, retry_delay: float = 5.0
) -> Callable[[TaskFunction], Task]:
    """Register a function as a background job (name defaults to module.function)."""

    def register(fn: TaskFunction) -> Task:
        registered = Task(
            name=name or f"{fn.__module__}.{fn.__qualname__}",
            fn=fn,
            max_attempts=max_attempts,
            retry_delay=retry_delay,
        )
        TASKS[registered.name] = registered
        return registered

    return register


#: Functions run with every job sweep (at consumer start and every 30 s): fn(settings).
SWEEP_HOOKS: list[Callable[[Any], object]] = []


def on_sweep(fn: Callable[[Any], object]) -> Callable[[Any], object]:
    """Register fn(settings) to run with every sweep (a domain's own stale-work recovery)."""
    if fn not in SWEEP_HOOKS:
        SWEEP_HOOKS.append(fn)
    return fn


#: Messages without a `jobs` row: name → fn(*args), run by whichever consumer takes them. One
#: queue push each, but not durable: only for nudges whose loss a sweep hook repairs.
SIGNALS: dict[str, TaskFunction] = {}


def signal(name: str) -> Callable[[TaskFunction], TaskFunction]:
    """Register fn(*args) as a signal (send it with `get_queue(settings).signal(name, *args)`)."""

    def register(fn: TaskFunction) -> TaskFunction:
        SIGNALS[name] = fn
        return fn

    return register


#: Functions run when a consumer stops, before its process may exit: fn(settings).
STOP_HOOKS: list[Callable[[Any], object]] = []


def on_stop(fn: Callable[[Any], object]) -> Callable[[Any], object]:
    """Register fn(settings) to run when a consumer stops (a domain's own threads)."""
    if fn not in STOP_HOOKS:
        STOP_HOOKS.append(fn)
    return fn
