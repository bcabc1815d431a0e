"""Webhook figures: deliveries per second to a local receiver, and recovery from a receiver that
answers 500 for 30 s.

- `webhook_deliveries_per_second`: N events (one transaction each, spread over 50 surveys, or
  all in one) are published, then consumers send them to a receiver process on 127.0.0.1
  answering 200 at once (keep-alive, no Nagle delay);
  the rate is measured at the receiver (first to last request). Embedded: SQLite and the job
  consumer of `fielder serve` (2 threads) in this process. Scaled: PostgreSQL + Redis and two
  `fielder worker` processes (2 threads each).
- `webhook_recovery_*`: the receiver answers 500 for its first 30 s, then 200; with the default
  retry schedule (1 s, 2 s, 4 s, 8 s, 30 s, …): every event delivered?, duplicates, and the time
  from recovery until the last event is in.

`python -m bench webhooks` prints one JSON line per figure. FIELDER_BENCH_WEBHOOK_EVENTS sets N.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

EVENTS = int(os.environ.get("FIELDER_BENCH_WEBHOOK_EVENTS", "3000"))
RECOVERY_EVENTS = int(os.environ.get("FIELDER_BENCH_WEBHOOK_RECOVERY_EVENTS", "300"))
SURVEYS = 50
OUTAGE_SECONDS = 30.0
PG_ADMIN_URL = os.environ.get(
    "FIELDER_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("FIELDER_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


def emit(figure: str, value: float, unit: str, **extra: Any) -> None:
    """Print one figure as a JSON line."""
    line = {"figure": figure, "value": round(value, 3), "unit": unit, **extra}
    print(json.dumps(line), flush=True)


# --- the receiver: its own process, so that it does not share the GIL with the senders ---------


class _ReceiverHandler(BaseHTTPRequestHandler):
    """What both receivers share: keep-alive and no Nagle delay, as any production receiver
    (uvicorn, nginx): fielder reuses connections, and headers and body written apart must not
    wait for an ACK."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ReceiverServer(ThreadingHTTPServer):
    # The default backlog of 5 drops connections opened together (1 s SYN retries).
    request_queue_size = 256
    daemon_threads = True


def _serve(port: int, fail_seconds: float) -> None:
    lock = threading.Lock()
    stats: dict[str, Any] = {"requests": 0, "ok_ids": [], "first_at": None, "last_ok_at": None}

    class Handler(_ReceiverHandler):
        def do_GET(self) -> None:
            with lock:
                ok_ids = stats["ok_ids"]
                body = json.dumps({"requests": stats["requests"], "ok": len(ok_ids),
                                   "unique_ok": len(set(ok_ids)), "first_at": stats["first_at"],
                                   "last_ok_at": stats["last_ok_at"]}).encode()  # fmt: skip
            self.reply(200, body)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            now = time.time()
            with lock:
                stats["requests"] += 1
                stats["first_at"] = stats["first_at"] or now
                failing = now < stats["first_at"] + fail_seconds
                if not failing:
                    stats["ok_ids"].append(self.headers["webhook-id"])
                    stats["last_ok_at"] = now
            self.reply(500 if failing else 200, b"ok")

    _ReceiverServer(("127.0.0.1", port), Handler).serve_forever()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def receiver(fail_seconds: float = 0.0) -> Iterator[str]:
    """A receiver process on 127.0.0.1; yields its base URL (GET / gives its counts)."""
    port = _free_port()
    process = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(port, fail_seconds), daemon=True
    )
    process.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(base, timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield base
    finally:
        process.kill()
        process.join(timeout=10)


def counts(base: str) -> dict[str, Any]:
    """The receiver's counts."""
    answer: dict[str, Any] = httpx.get(base, timeout=10).json()
    return answer


# --- fielder set-up -------------------------------------------------------------------------------


def configure(env: dict[str, str]) -> Any:
    """Point this process's settings at `env` (the job functions read the environment)."""
    from fielder.config import get_settings
    from fielder.db.migrate import upgrade

    os.environ.update(env)
    get_settings.cache_clear()
    settings = get_settings()
    upgrade(settings)
    return settings


def make_subscription(settings: Any, url: str) -> str:
    """An org with one webhook to `url` for every event; gives the org id."""
    from fielder.db.session import session_scope
    from fielder.keys import service as keys
    from fielder.webhooks import service
    from fielder.webhooks.schemas import WebhookCreate

    with session_scope(settings) as session:
        org = keys.create_org(session, "Bench")
        service.create(session, settings, org.id, WebhookCreate(url=url))
        return str(org.id)


def publish_many(settings: Any, org_id: str, count: int, surveys_count: int = SURVEYS) -> float:
    """Publish `count` events, one transaction each, over `surveys_count` surveys; gives
    seconds."""
    from fielder.db.session import session_scope
    from fielder.kit import events
    from fielder.webhooks.catalogue import BY_NAME

    surveys = [str(uuid.uuid4()) for _ in range(surveys_count)]
    data = BY_NAME["response.completed"].example
    started = time.perf_counter()
    for number in range(count):
        with session_scope(settings) as session:
            events.publish(session, org_id=org_id, name="response.completed", data=data,
                           survey_id=surveys[number % surveys_count])  # fmt: skip
    return time.perf_counter() - started


def wait_delivered(base: str, count: int, timeout: float) -> dict[str, Any]:
    """The receiver's counts once `count` distinct events were answered 200 (or at timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        seen = counts(base)
        if seen["unique_ok"] >= count or time.monotonic() > deadline:
            return seen
        time.sleep(0.1)


def base_env(data_dir: Path) -> dict[str, str]:
    """Settings shared by every run: a private receiver is allowed, a namespace of its own."""
    return {
        "FIELDER_DATA_DIR": str(data_dir),
        "FIELDER_WEBHOOK_ALLOW_PRIVATE": "true",
        "FIELDER_NAMESPACE": f"bench-webhooks-{uuid.uuid4().hex[:8]}",
        "FIELDER_RATE_LIMIT_ENABLED": "false",
    }


# --- the runs -------------------------------------------------------------------------------------


def embedded(
    count: int, fail_seconds: float, surveys: int = SURVEYS
) -> tuple[dict[str, Any], float]:
    """SQLite and the server's embedded consumer in this process; (receiver counts, t0)."""
    from fielder.db.session import dispose_engines
    from fielder.worker.consumer import EmbeddedWorker

    with tempfile.TemporaryDirectory() as folder, receiver(fail_seconds) as base:
        env = base_env(Path(folder)) | {"FIELDER_DATABASE_URL": f"sqlite:///{folder}/f.db"}
        env.pop("FIELDER_REDIS_URL", None)
        os.environ.pop("FIELDER_REDIS_URL", None)
        settings = configure(env)
        org_id = make_subscription(settings, f"{base}/hook")
        publish_many(settings, org_id, count, surveys)
        started = time.time()
        worker = EmbeddedWorker(settings)
        worker.start()
        try:
            seen = wait_delivered(base, count, timeout=600)
        finally:
            worker.stop()
            dispose_engines()
        return seen, started


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """A fresh PostgreSQL database (None when PostgreSQL does not answer)."""
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.exc import OperationalError

    name = f"fielder_bench_webhooks_{os.getpid()}"
    url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        admin.dispose()
        yield None
        return
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        from fielder.db.session import dispose_engines

        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def redis_available() -> bool:
    """True when the bench's Redis answers."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        return False
    return True


def scaled(count: int, database_url: str) -> tuple[dict[str, Any], float]:
    """PostgreSQL + Redis and two `fielder worker` processes; (receiver counts, t0)."""
    with tempfile.TemporaryDirectory() as folder, receiver() as base:
        env = base_env(Path(folder)) | {
            "FIELDER_DATABASE_URL": database_url,
            "FIELDER_REDIS_URL": REDIS_URL,
            "FIELDER_EMBEDDED_WORKER": "false",
        }
        settings = configure(env)
        org_id = make_subscription(settings, f"{base}/hook")
        publish_many(settings, org_id, count)
        fielder = str(Path(sys.executable).parent / "fielder")
        started = time.time()
        workers = [
            subprocess.Popen([fielder, "worker", "--workers", "2"], env=os.environ | env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(2)
        ]  # fmt: skip
        try:
            return wait_delivered(base, count, timeout=600), started
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=30)


def _rate(seen: dict[str, Any]) -> float:
    span = (seen["last_ok_at"] or 0) - (seen["first_at"] or 0)
    return (seen["unique_ok"] - 1) / span if span > 0 else 0.0


def main() -> None:
    """Measure and print the figures."""
    seen, _ = embedded(EVENTS, 0)
    emit("webhook_deliveries_per_second", _rate(seen), "deliveries/s", mode="embedded",
         database="sqlite", consumers="1 process x 2 threads", events=EVENTS,
         delivered=seen["unique_ok"], surveys=SURVEYS)  # fmt: skip
    # One survey is one lane: its deliveries go one at a time, each after the previous reply.
    seen, _ = embedded(EVENTS, 0, surveys=1)
    emit("webhook_deliveries_per_second", _rate(seen), "deliveries/s", mode="embedded",
         database="sqlite", consumers="1 process x 2 threads", events=EVENTS,
         delivered=seen["unique_ok"], surveys=1)  # fmt: skip
    with postgres_database() as database_url:
        if database_url is None or not redis_available():
            emit("webhook_deliveries_per_second", 0, "deliveries/s", mode="redis",
                 skipped="PostgreSQL or Redis not reachable")  # fmt: skip
        else:
            seen, _ = scaled(EVENTS, database_url)
            emit("webhook_deliveries_per_second", _rate(seen), "deliveries/s", mode="redis",
                 database="postgresql", consumers="2 fielder worker x 2 threads", events=EVENTS,
                 delivered=seen["unique_ok"], surveys=SURVEYS)  # fmt: skip
    seen, _ = embedded(RECOVERY_EVENTS, OUTAGE_SECONDS)
    recovered_at = seen["first_at"] + OUTAGE_SECONDS
    common = {"mode": "embedded", "events": RECOVERY_EVENTS, "outage_seconds": OUTAGE_SECONDS,
              "retry_schedule": "default [1,2,4,8,30,120,600,3600] s, +-20% jitter"}  # fmt: skip
    emit("webhook_recovery_delivered", seen["unique_ok"], "events", **common)
    emit("webhook_recovery_duplicates", seen["ok"] - seen["unique_ok"], "deliveries", **common)
    emit("webhook_recovery_failed_attempts", seen["requests"] - seen["ok"], "requests", **common)
    emit("webhook_recovery_drain_seconds", seen["last_ok_at"] - recovered_at, "s", **common)


# --- wake-up latency: the time from an event's commit to its delivery ---------------------------
#
# `python -m bench.bench_webhooks latency [embedded|scaled] [seconds] [burners]`: events are
# published for `seconds` (about 10 a second, from two threads) while `burners` processes keep
# the CPU busy. Every event goes to a webhook of its own that gets no other event, so a lost
# wake-up is not rescued by a later one: it shows as the sweep's delay (5–35 s). Three paths:
# `plain` (the event's own transaction), `savepoint` (a SAVEPOINT released after the publish in
# the same transaction, as the public start route does) and `retry` (the receiver answers 500
# once: the delay is to the retried attempt's 200, schedule 0.05 s).

LATENCY_PATHS = ("plain", "savepoint", "retry")


def _serve_latency(port: int) -> None:
    lock = threading.Lock()
    first_ok: dict[str, float] = {}
    seen: set[str] = set()

    class Handler(_ReceiverHandler):
        def do_GET(self) -> None:
            with lock:
                body = json.dumps(first_ok).encode()
            self.reply(200, body)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            now, event_id = time.time(), self.headers["webhook-id"]
            with lock:
                failing = self.path.endswith("/retry") and event_id not in seen
                seen.add(event_id)
                if not failing:
                    first_ok.setdefault(event_id, now)
            self.reply(500 if failing else 200, b"ok")

    _ReceiverServer(("127.0.0.1", port), Handler).serve_forever()


def _burn() -> None:
    while True:
        pass


def _publish_one(settings: Any, org_id: str, path: str) -> float:
    """Publish one event on `path`; give the time its transaction committed."""
    from fielder.db.session import session_scope
    from fielder.kit import events
    from fielder.webhooks.catalogue import BY_NAME

    data = BY_NAME["response.started"].example
    with session_scope(settings) as session:
        events.publish(session, org_id=org_id, name="response.started", data=data,
                       survey_id=str(uuid.uuid4()))  # fmt: skip
        if path == "savepoint":
            with session.begin_nested():
                pass
    return time.time()


def _latency_run(settings: Any, base: str, seconds: float) -> dict[str, list[float]]:
    """Publish for `seconds`, wait for stragglers; the delays (s) by path (inf: never came)."""
    from fielder.db.session import session_scope
    from fielder.models.event import Event

    count = int(seconds * 10)
    orgs = [(make_subscription(settings, f"{base}/hook/{LATENCY_PATHS[n % 3]}"),
             LATENCY_PATHS[n % 3]) for n in range(count)]  # fmt: skip
    committed: dict[str, tuple[str, float]] = {}
    lock = threading.Lock()

    def publisher(share: list[tuple[str, str]]) -> None:
        for org_id, path in share:
            at = _publish_one(settings, org_id, path)
            with lock:
                committed[org_id] = (path, at)
            time.sleep(0.2)

    threads = [threading.Thread(target=publisher, args=(orgs[n::2],)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    deadline = time.monotonic() + 45
    with session_scope(settings) as session:
        event_of = dict(session.query(Event.org_id, Event.public_id).all())
    while True:
        first_ok = counts(base)
        if all(event_of[org] in first_ok for org in committed) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    delays: dict[str, list[float]] = {path: [] for path in LATENCY_PATHS}
    for org_id, (path, at) in committed.items():
        delays[path].append(first_ok.get(event_of[org_id], float("inf")) - at)
    return delays


def _emit_latency(mode: str, delays: dict[str, list[float]], burners: int) -> None:
    for path, values in delays.items():
        values.sort()

        def at(q: float, values: list[float] = values) -> float:
            return values[min(int(q * len(values)), len(values) - 1)]

        emit("webhook_wake_latency_p50", at(0.5), "s", mode=mode, path=path, events=len(values),
             p90=round(at(0.9), 3), p99=round(at(0.99), 3), max=round(values[-1], 3),
             over_2s=[round(v, 2) for v in values if v > 2], burners=burners,
             load=round(os.getloadavg()[0], 1))  # fmt: skip


@contextmanager
def _latency_receiver() -> Iterator[str]:
    port = _free_port()
    process = multiprocessing.get_context("spawn").Process(
        target=_serve_latency, args=(port,), daemon=True
    )
    process.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(base, timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield base
    finally:
        process.kill()
        process.join(timeout=10)


def latency(mode: str = "embedded", seconds: float = 60, burners: int = 2) -> None:
    """Measure and print the wake-up latency figures of one mode."""
    from fielder.db.session import dispose_engines
    from fielder.worker.consumer import EmbeddedWorker

    spawn = multiprocessing.get_context("spawn")
    burning = [spawn.Process(target=_burn, daemon=True) for _ in range(burners)]
    for process in burning:
        process.start()
    fast = {"FIELDER_WEBHOOK_RETRY_SCHEDULE": "[0.05, 0.1]"}
    try:
        with tempfile.TemporaryDirectory() as folder, _latency_receiver() as base:
            env = base_env(Path(folder)) | fast
            if mode == "embedded":
                env["FIELDER_DATABASE_URL"] = f"sqlite:///{folder}/f.db"
                os.environ.pop("FIELDER_REDIS_URL", None)
                settings = configure(env)
                worker = EmbeddedWorker(settings)
                worker.start()
                try:
                    delays = _latency_run(settings, base, seconds)
                finally:
                    worker.stop()
                    dispose_engines()
                _emit_latency(mode, delays, burners)
                return
            with postgres_database() as database_url:
                assert database_url is not None, "PostgreSQL does not answer"
                assert redis_available(), "Redis does not answer"
                env |= {"FIELDER_DATABASE_URL": database_url, "FIELDER_REDIS_URL": REDIS_URL,
                        "FIELDER_EMBEDDED_WORKER": "false"}  # fmt: skip
                settings = configure(env)
                fielder = str(Path(sys.executable).parent / "fielder")
                workers = [
                    subprocess.Popen([fielder, "worker", "--workers", "2"], env=os.environ | env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    for _ in range(2)
                ]  # fmt: skip
                try:
                    time.sleep(3)  # the workers' start-up
                    delays = _latency_run(settings, base, seconds)
                finally:
                    for worker_process in workers:
                        worker_process.terminate()
                    for worker_process in workers:
                        worker_process.wait(timeout=30)
                _emit_latency(mode, delays, burners)
    finally:
        for process in burning:
            process.kill()


def startup_latency(rounds: int = 30, burners: int = 2) -> None:
    """As the tests do: start the embedded consumer, publish one event at once (a webhook of
    its own), time its delivery, stop the consumer; `rounds` times (SQLite)."""
    from fielder.db.session import dispose_engines
    from fielder.worker.consumer import EmbeddedWorker

    spawn = multiprocessing.get_context("spawn")
    burning = [spawn.Process(target=_burn, daemon=True) for _ in range(burners)]
    for process in burning:
        process.start()
    delays: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as folder, _latency_receiver() as base:
            for _ in range(rounds):
                env = base_env(Path(folder)) | {"FIELDER_DATABASE_URL": f"sqlite:///{folder}/f.db"}
                os.environ.pop("FIELDER_REDIS_URL", None)
                dispose_engines()  # the session factory carries the settings (namespace)
                settings = configure(env)
                org_id = make_subscription(settings, f"{base}/hook/plain")
                worker = EmbeddedWorker(settings)
                worker.start()
                try:
                    at = _publish_one(settings, org_id, "plain")
                    event_id = _event_of(settings, org_id)
                    deadline = time.monotonic() + 45
                    while event_id not in (got := counts(base)) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    delays.append(got.get(event_id, float("inf")) - at)
                finally:
                    worker.stop()
    finally:
        for process in burning:
            process.kill()
        dispose_engines()
    _emit_latency("embedded-startup", {"plain": delays}, burners)


def _event_of(settings: Any, org_id: str) -> str:
    from sqlalchemy import select

    from fielder.db.session import session_scope
    from fielder.models.event import Event

    with session_scope(settings) as session:
        return str(session.scalar(select(Event.public_id).where(Event.org_id == org_id)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["startup"]:
        arguments = sys.argv[2:]
        startup_latency(
            int(arguments[0]) if arguments else 30, int(arguments[1]) if len(arguments) > 1 else 2
        )
    elif sys.argv[1:2] == ["latency"]:
        arguments = sys.argv[2:]
        latency(
            arguments[0] if arguments else "embedded",
            float(arguments[1]) if len(arguments) > 1 else 60,
            int(arguments[2]) if len(arguments) > 2 else 2,
        )
    else:
        main()
