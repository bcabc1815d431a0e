"""Programming figures, through the API (in-process app, its embedded job consumer).

- `programming_seconds`: a 100-question questionnaire from `start-programming` to
  `reviewing`, embedded (SQLite, in-process queue) and on PostgreSQL + Redis when reachable.
- a 200-question survey after FIELDER_BENCH_EDITS (default 2,000; 10,000 for the issue) edits:
  `history_bytes_per_edit` (changes + snapshots, compared with the edit's own patch size),
  `patch_latency_first_ms` / `patch_latency_last_ms` (median of the first and last 100), and
  `revert_oldest_seconds` (reverting the first edit's changeset, through the API: it restores
  the IR before that edit, so it rewrites every question edited since, up to all 200), and the
  CPU time of this process for the PATCHes and the revert (steadier on a shared machine).

`python -m bench.bench_programming` prints one JSON line per figure.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, make_url, select, text
from starlette.testclient import TestClient

# 10,000 is the figure of issue 5; 2,000 by default keeps `make bench` to minutes on a small box.
EDITS = int(os.environ.get("FIELDER_BENCH_EDITS", "2000"))
PG_ADMIN_URL = os.environ.get(
    "FIELDER_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("FIELDER_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
WINDOW = 100
# Per process, so that two runs (or a run and the tests) never share a database.
PG_DATABASE = f"fielder_bench_programming_{os.getpid()}"


def emit(figure: str, value: float, unit: str, **extra: Any) -> None:
    """Print one figure as a JSON line."""
    line = {"figure": figure, "value": round(value, 4), "unit": unit, **extra}
    print(json.dumps(line), flush=True)


def questionnaire(count: int) -> bytes:
    """A plain-text questionnaire of `count` single-choice questions."""
    lines = ["Bench tracker", ""]
    for number in range(1, count + 1):
        lines += [f"Q{number}. How much do you like thing {number}?", "1. A lot", "2. A little"]
        lines += ["3. Not at all", ""]
    return "\n".join(lines).encode()


def survey_ir(count: int) -> dict[str, Any]:
    """A `count`-question IR document."""
    options = [{"code": str(code), "label": f"Option {code}"} for code in range(1, 6)]
    items = [
        {"id": f"Q{n}", "type": "single", "text": f"Question {n}?", "options": options}
        for n in range(1, count + 1)
    ]
    return {"schema": "fielder/ir@1", "title": "Bench", "blocks": [{"id": "B1", "items": items}]}


@contextmanager
def server(database_url: str | None, redis_url: str | None) -> Iterator[tuple[TestClient, Any]]:
    """An app on a fresh database (SQLite in a temp dir unless `database_url`) and an org."""
    from fielder.app import create_app
    from fielder.config import Settings, get_settings
    from fielder.db.migrate import upgrade
    from fielder.db.session import dispose_engines, session_scope
    from fielder.keys import service as keys
    from fielder.keys.scopes import ALL_SCOPES

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            database_url=database_url or "",
            redis_url=redis_url,
            rate_limit_enabled=False,
            embedded_worker=True,  # with Redis too: the app consumes its own jobs here
            namespace=f"bench-{uuid.uuid4().hex[:8]}",
        )
        # Jobs read the process's settings (the environment), as `fielder worker` does.
        saved = dict(os.environ)
        os.environ.update(
            FIELDER_DATA_DIR=folder,
            FIELDER_DATABASE_URL=settings.database_url,
            FIELDER_REDIS_URL=redis_url or "",
            FIELDER_RATE_LIMIT_ENABLED="false",
            FIELDER_EMBEDDED_WORKER="true",
            FIELDER_NAMESPACE=settings.namespace,
        )
        get_settings.cache_clear()
        upgrade(settings)
        with session_scope(settings) as session:
            org = keys.create_org(session, "Bench")
            made = keys.create_key(session, org.id, "bench", list(ALL_SCOPES))
            headers = {"Authorization": f"Bearer {made.secret}", "X-Org-Id": org.id}
        try:
            with TestClient(create_app(settings)) as client:
                yield client, headers
        finally:
            dispose_engines()
            os.environ.clear()
            os.environ.update(saved)
            get_settings.cache_clear()


def program_100(client: TestClient, headers: dict[str, str]) -> float:
    """Seconds from start-programming to reviewing for a 100-question questionnaire."""
    files = {"file": ("tracker.txt", questionnaire(100), "text/plain")}
    survey = client.post("/api/v1/surveys", files=files, headers=headers).json()["data"]
    url = f"/api/v1/surveys/{survey['id']}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=headers)
    started = time.perf_counter()
    client.post(f"{url}/start-programming", json={}, headers=headers)
    while time.perf_counter() - started < 300:
        status = client.get(url, headers=headers).json()["data"]
        if status["status"] in {"reviewing", "pending"}:
            break
        time.sleep(0.02)
    else:
        raise RuntimeError("programming did not finish within 300 s")
    elapsed = time.perf_counter() - started
    if status["status"] != "reviewing":
        raise RuntimeError(f"programming failed: {status['failure_reason']}")
    return elapsed


def _history_bytes(survey_id: str) -> tuple[int, int]:
    from fielder.db.session import session_scope
    from fielder.models.change import Change
    from fielder.models.snapshot import Snapshot

    with session_scope() as session:
        patches = session.scalars(select(Change.patch).where(Change.survey_id == survey_id))
        change_bytes = sum(len(json.dumps(p, separators=(",", ":"))) for p in patches)
        snapshots = session.scalars(
            select(Snapshot.document).where(Snapshot.survey_id == survey_id)
        )
        snapshot_bytes = sum(len(json.dumps(d, separators=(",", ":"))) for d in snapshots)
        count = (
            session.scalar(
                select(func.count()).select_from(Snapshot).where(Snapshot.survey_id == survey_id)
            )
            or 0
        )
    return change_bytes + snapshot_bytes, int(count)


def edits(client: TestClient, headers: dict[str, str], label: str) -> None:
    """The 200-question survey, EDITS single-question PATCHes, history size and reverts."""
    created = client.post(
        "/api/v1/surveys", json={"name": "Edits", "ir": survey_ir(200)}, headers=headers
    ).json()["data"]
    url = f"/api/v1/surveys/{created['id']}"
    patch_headers = headers | {"Content-Type": "application/json-patch+json"}
    base_bytes, _ = _history_bytes(created["id"])
    latencies: list[float] = []
    cpu: list[float] = []
    edit_bytes = 0
    first_changeset = None
    for number in range(EDITS):
        op = {
            "op": "replace",
            "path": f"/blocks/0/items/{number % 200}/text",
            "value": f"Question {number % 200 + 1}, edit {number}?",
        }
        edit_bytes += len(json.dumps([op], separators=(",", ":")))
        started, started_cpu = time.perf_counter(), time.process_time()
        answer = client.patch(f"{url}/platform-ir", json=[op], headers=patch_headers)
        latencies.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if answer.status_code != 200:
            raise RuntimeError(answer.text)
        first_changeset = first_changeset or answer.json()["changeset_id"]
    total, snapshots = _history_bytes(created["id"])
    per_edit = (total - base_bytes) / EDITS
    emit(
        "history_bytes_per_edit", per_edit, "bytes", backend=label, edits=EDITS,
        edit_patch_bytes=round(edit_bytes / EDITS, 1), snapshots=snapshots,
        survey_ir_bytes=len(json.dumps(survey_ir(200), separators=(",", ":"))),
    )  # fmt: skip
    first = statistics.median(latencies[:WINDOW]) * 1000
    last = statistics.median(latencies[-WINDOW:]) * 1000
    emit("patch_latency_first_ms", first, "ms", backend=label, window=WINDOW)
    emit("patch_latency_last_ms", last, "ms", backend=label, window=WINDOW, edits=EDITS)
    # CPU time of this process (client and app) per PATCH: steadier than wall time on a busy box.
    emit("patch_cpu_first_ms", statistics.median(cpu[:WINDOW]) * 1000, "ms", backend=label)
    emit("patch_cpu_last_ms", statistics.median(cpu[-WINDOW:]) * 1000, "ms", backend=label,
         edits=EDITS)  # fmt: skip
    started, started_cpu = time.perf_counter(), time.process_time()
    answer = client.post(f"/api/v1/changesets/{first_changeset}/revert", headers=headers)
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    if answer.status_code != 201:
        raise RuntimeError(answer.text)
    changes = answer.json()["data"].get("change_count")
    emit("revert_oldest_seconds", elapsed, "s", backend=label, edits=EDITS, changes=changes)
    emit("revert_oldest_cpu_seconds", elapsed_cpu, "s", backend=label, edits=EDITS)


def _postgres() -> str | None:
    """A fresh PostgreSQL database for the bench, or None when PostgreSQL does not answer."""
    try:
        url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"'))
            connection.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
        admin.dispose()
    except Exception as error:  # no PostgreSQL here: the embedded figures still stand
        emit("postgres_unavailable", 0, "flag", reason=str(error)[:200])
        return None
    return url.set(database=PG_DATABASE).render_as_string(hide_password=False)


def _drop_postgres() -> None:
    url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
    admin.dispose()


def _redis() -> str | None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        return None
    return REDIS_URL


def main() -> None:
    """Run the figures, embedded and (when reachable) on PostgreSQL + Redis
    (FIELDER_BENCH_BACKENDS: `embedded,postgresql` by default)."""
    backends = os.environ.get("FIELDER_BENCH_BACKENDS", "embedded,postgresql").split(",")
    if "embedded" in backends:
        with server(None, None) as (client, headers):
            emit("programming_seconds", program_100(client, headers), "s", questions=100,
                 backend="embedded")  # fmt: skip
            edits(client, headers, "embedded")
    if "postgresql" not in backends:
        return
    database = _postgres()
    if database is None:
        return
    try:
        with server(database, _redis()) as (client, headers):
            emit("programming_seconds", program_100(client, headers), "s", questions=100,
                 backend="postgresql+redis")  # fmt: skip
            edits(client, headers, "postgresql+redis")
    finally:
        _drop_postgres()


if __name__ == "__main__":
    main()
