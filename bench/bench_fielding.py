"""Fielding figures: respondent sessions per second through a real server, and exports.

- `sessions_per_second` (start + 3 saves + complete) through `uvicorn --workers 1` and `2`,
  embedded (SQLite) and on PostgreSQL when reachable, with p50/p99 request latency, and the
  ratio of fielder's requests/s to a bare Starlette endpoint doing one INSERT with as many
  workers, measured in the same run. The load comes from 32 keep-alive connections of a
  minimal HTTP client (`Connection`, on uvloop when installed) on the same machine; its own
  CPU per session is printed next to the server's.
- export of N completed responses of a 40-question survey (N = FIELDER_BENCH_EXPORT_N, default
  100,000): seconds and peak RSS of a fresh process for CSV, XLSX and SAV, and PostgreSQL's own
  `COPY … TO STDOUT CSV` of the same rows for the ratio.

`python -m bench.bench_fielding [sessions|exports] [--responses N]` prints one JSON line per
figure; `python -m bench` runs it all at the default size.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.bench_api import _cpu_seconds

SESSIONS = int(os.environ.get("FIELDER_BENCH_SESSIONS", "600"))
CONCURRENCY = int(os.environ.get("FIELDER_BENCH_CONCURRENCY", "32"))
#: Server processes to measure with, each in turn ("1,2": one worker, then two).
WORKER_COUNTS = [int(n) for n in os.environ.get("FIELDER_BENCH_WORKERS", "1,2").split(",")]
#: The databases of the session figures ("postgresql": that one only).
DATABASES = os.environ.get("FIELDER_BENCH_DATABASES", "sqlite,postgresql").split(",")
EXPORT_N = int(os.environ.get("FIELDER_BENCH_EXPORT_N", "100000"))
PG_ADMIN_URL = os.environ.get(
    "FIELDER_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
QUESTIONS = 40


def emit(figure: str, value: float, unit: str, **extra: Any) -> None:
    """Print one figure as a JSON line."""
    print(
        json.dumps({"figure": figure, "value": round(value, 3), "unit": unit, **extra}), flush=True
    )


# --- the survey and its data -----------------------------------------------------------------


def forty_questions() -> dict[str, Any]:
    """A 40-question survey of mixed types (single, multi, grid, number, text)."""
    options = [{"code": str(code), "label": f"Option {code}"} for code in range(1, 6)]
    items: list[dict[str, Any]] = []
    for index in range(1, QUESTIONS + 1):
        qid = f"Q{index}"
        kind = ("single", "multi", "grid", "number", "text")[index % 5]
        item: dict[str, Any] = {"id": qid, "type": kind, "text": f"Question {index}?"}
        if kind in {"single", "multi", "grid"}:
            item["options"] = options
        if kind == "grid":
            item["rows"] = [{"id": f"r{row}", "label": f"Row {row}"} for row in range(1, 4)]
        items.append(item)
    return {"schema": "fielder/ir@1", "title": "Bench", "blocks": [{"id": "B1", "items": items}]}


def answers_for(number: int) -> dict[str, Any]:
    """Valid answers to every question of `forty_questions`, varying with `number`."""
    answers: dict[str, Any] = {}
    for index in range(1, QUESTIONS + 1):
        code = str((number + index) % 5 + 1)
        kind = ("single", "multi", "grid", "number", "text")[index % 5]
        answers[f"Q{index}"] = {
            "single": code,
            "multi": [code, str((number + index + 1) % 5 + 1)],
            "grid": {"r1": code, "r2": "1", "r3": "5"},
            "number": number % 100,
            "text": f"answer {number} to question {index}, with a comma",
        }[kind]
    return answers


def prepare(database_url: str, data_dir: Path) -> tuple[str, str]:
    """Migrate the database and publish the bench survey; gives (survey id, slug)."""
    import fielder.models  # noqa: F401  (every table, for the foreign keys)
    from fielder.config import Settings
    from fielder.db.base import utcnow
    from fielder.db.migrate import upgrade
    from fielder.db.session import dispose_engines, session_scope
    from fielder.keys import service as keys_service
    from fielder.models.survey import Survey
    from fielder.responses import publishing

    settings = Settings(database_url=database_url, data_dir=data_dir)
    upgrade(settings)
    with session_scope(settings) as session:
        org = keys_service.create_org(session, "bench")
        survey = Survey(
            org_id=org.id,
            name="Bench",
            slug=f"bench-{int(time.time() * 1000) % 10**9}",
            status="reviewing",
            target_platform="fielder",
            platform_ir=forty_questions(),
        )
        session.add(survey)
        session.flush()
        publishing.publish(session, survey)
        survey.status = "live"
        survey.live_at = utcnow()
        found = (survey.id, survey.slug)
    dispose_engines()
    return found


@contextmanager
def postgres_database(name: str) -> Iterator[str | None]:
    """A fresh PostgreSQL database for the bench (None when PostgreSQL is not reachable)."""
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.exc import OperationalError

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
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- a real server under load ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(
    app: str, env: dict[str, str], *, factory: bool, workers: int
) -> Iterator[tuple[str, int]]:
    """`uvicorn app` with `workers` processes on a free port; yields (base URL, its pid)."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning", "--no-access-log"] + (["--factory"] if factory else [])
    process = subprocess.Popen(command, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


class HTTPError(Exception):
    """A request the bench's client could not complete, or a status of 400 or more."""


class Connection:
    """A minimal HTTP/1.1 keep-alive client connection for the load generator.

    The generator runs on the same 2 cores as the servers: httpx costs about 4 ms of CPU per
    request, as much as the server it measures, so the figures would measure the client.
    This one writes a request and reads `Content-Length` or chunked bodies, nothing more.
    """

    def __init__(self, base: str) -> None:
        host, _, port = base.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port or 80)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        """(status, body) of one request; JSON `body` when not None."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        payload = b"" if body is None else json.dumps(body).encode()
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        status_line = await self.reader.readline()
        if not status_line:
            raise HTTPError("connection closed")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked, close = 0, False, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        data = await self._chunked() if chunked else await self.reader.readexactly(length)
        if close:
            await self.close()
        if status >= 400:
            raise HTTPError(f"{method} {path}: {status} {data[:200]!r}")
        return status, data

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()
        await self.reader.readline()
        return b"".join(parts)

    async def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def _run(coroutine: Any) -> Any:
    """Run the load on uvloop's event loop when it is installed (uvicorn[standard] brings it):
    the client shares the 2 cores with the server, so what it costs is taken from the server."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def _own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


async def _session(http: Connection, path: str, number: int, latencies: list[float]) -> None:
    answers = answers_for(number)
    keys = list(answers)

    async def call(method: str, url: str, body: Any = None) -> bytes:
        began = time.perf_counter()
        _, data = await http.request(method, url, body)
        latencies.append(time.perf_counter() - began)
        return data

    rid = json.loads(await call("POST", f"{path}/responses", {}))["data"]["id"]
    for part in (keys[:13], keys[:26], keys):
        await call("PATCH", f"{path}/responses/{rid}", {"answers": {k: answers[k] for k in part}})
    await call("POST", f"{path}/responses/{rid}/complete")


failures: list[int] = []


async def _load(base: str, path: str, sessions: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    queue = iter(range(sessions))

    async def worker() -> None:
        http = Connection(base)
        for number in queue:
            try:
                await _session(http, path, number, latencies)
            except (HTTPError, OSError, asyncio.IncompleteReadError):
                failures.append(number)
                await http.close()
        await http.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.perf_counter() - began, latencies


async def _bare_load(base: str, requests: int) -> float:
    queue = iter(range(requests))

    async def worker() -> None:
        http = Connection(base)
        for number in queue:
            await http.request("POST", "/insert", {"n": number})
        await http.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.perf_counter() - began


BARE_APP = """
import json, os, uuid
from sqlalchemy import create_engine, text
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from fielder.db.session import make_engine

engine = make_engine(os.environ["BARE_DATABASE_URL"])

def insert(request_body):
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO bare_rows (id, body) VALUES (:id, :body)"),
                           {"id": str(uuid.uuid4()), "body": request_body})

async def endpoint(request):
    from starlette.concurrency import run_in_threadpool
    body = (await request.body()).decode()
    await run_in_threadpool(insert, body)
    return JSONResponse({"ok": True}, status_code=201)

async def healthz(request):
    return JSONResponse({"status": "ok"})

app = Starlette(routes=[Route("/insert", endpoint, methods=["POST"]), Route("/healthz", healthz)])
"""


def bench_sessions(label: str, database_url: str, data_dir: Path) -> None:
    """Sessions/s and latencies on one database with each worker count, and the ratio to a
    bare Starlette one-INSERT endpoint with as many workers, measured right after."""
    from sqlalchemy import create_engine, text

    data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE bare_rows (id VARCHAR(36) PRIMARY KEY, body TEXT)"))
    engine.dispose()
    for workers in WORKER_COUNTS:
        _bench_sessions(f"{label}.{workers}w", database_url, data_dir, workers)


def _bench_sessions(label: str, database_url: str, data_dir: Path, workers: int) -> None:
    _, slug = prepare(database_url, data_dir)
    env = {
        "FIELDER_DATABASE_URL": database_url,
        "FIELDER_DATA_DIR": str(data_dir),
        "FIELDER_RATE_LIMIT_ENABLED": "false",
        "FIELDER_EMBEDDED_WORKER": "false",
    }
    with server("fielder.app:create_app", env, factory=True, workers=workers) as (base, pid):
        path = f"/api/v1/surveys/{slug}"
        _run(_load(base, path, min(40, SESSIONS)))  # warm up
        failures.clear()
        cpu_before, client_before = _cpu_seconds(pid) or 0.0, _own_cpu_seconds()
        seconds, latencies = _run(_load(base, path, SESSIONS))
        cpu = (_cpu_seconds(pid) or 0.0) - cpu_before
        client_cpu = _own_cpu_seconds() - client_before
    rate = (SESSIONS - len(failures)) / seconds
    quantiles = statistics.quantiles(latencies, n=100)
    emit(
        f"fielding.sessions_per_second.{label}",
        rate,
        "sessions/s",
        workers=workers,
        concurrency=CONCURRENCY,
        sessions=SESSIONS,
        failed_sessions=len(failures),
        server_cpu_ms_per_session=round(cpu / SESSIONS * 1000, 2),
        # The load generator's own CPU (same 2 cores): what the server could not have.
        client_cpu_ms_per_session=round(client_cpu / SESSIONS * 1000, 2),
    )
    emit(f"fielding.request_latency_p50.{label}", quantiles[49] * 1000, "ms")
    emit(f"fielding.request_latency_p99.{label}", quantiles[98] * 1000, "ms")
    bare_dir = data_dir / "bare"
    bare_dir.mkdir(parents=True, exist_ok=True)
    (bare_dir / "bare_app.py").write_text(BARE_APP)
    bare_env = {"BARE_DATABASE_URL": database_url, "PYTHONPATH": str(bare_dir)}
    requests = SESSIONS * 5
    with server("bare_app:app", bare_env, factory=False, workers=workers) as (base, pid):
        _run(_bare_load(base, 200))
        bare_cpu_before = _cpu_seconds(pid) or 0.0
        bare_seconds = _run(_bare_load(base, requests))
        bare_cpu = (_cpu_seconds(pid) or 0.0) - bare_cpu_before
    bare_rate, fielder_rate = requests / bare_seconds, requests / seconds
    emit(
        f"fielding.bare_insert_requests_per_second.{label}",
        bare_rate,
        "requests/s",
        server_cpu_ms_per_request=round(bare_cpu / requests * 1000, 3),
    )
    emit(
        f"fielding.requests_ratio_to_bare_insert.{label}",
        fielder_rate / bare_rate,
        "ratio",
        fielder_requests_per_second=round(fielder_rate, 1),
        server_cpu_ms_per_request=round(cpu / requests * 1000, 3),
        # Steadier than the rates on a shared machine: the load moves both CPU figures less.
        cpu_ratio_to_bare_insert=round(bare_cpu / cpu, 3) if cpu else None,
    )


# --- exports -----------------------------------------------------------------------------------


def fill(database_url: str, data_dir: Path, count: int) -> str:
    """`count` completed responses of the 40-question survey; gives the survey id.

    Rows go straight into the table (COPY on PostgreSQL, executemany on SQLite), not through
    the API: a million of them must take minutes, not hours.
    """
    from datetime import timedelta

    from fielder.config import Settings
    from fielder.db.base import utcnow
    from fielder.db.session import dispose_engines, session_scope
    from fielder.models.survey import Survey

    survey_id, _ = prepare(database_url, data_dir)
    settings = Settings(database_url=database_url, data_dir=data_dir)
    with session_scope(settings) as session:
        org_id = session.get(Survey, survey_id).org_id  # type: ignore[union-attr]
    dispose_engines()
    began = utcnow() - timedelta(days=1)

    def rows() -> Iterator[tuple[Any, ...]]:
        for n in range(count):
            at = began + timedelta(milliseconds=n)
            yield (
                str(uuid.UUID(int=n + 1)),
                org_id,
                survey_id,
                json.dumps(answers_for(n), separators=(",", ":")),
                "completed",
                "complete",
                at,
                f"r{n}@example.org",
            )

    columns = "id, org_id, survey_id, answers, status, outcome, created_at, respondent_email"
    if database_url.startswith("postgresql"):
        _copy_rows(database_url, columns, rows())
    else:
        _insert_rows(database_url, columns, rows())
    return survey_id


#: The columns every seeded row shares.
_FIXED = {
    "question_versions": "{}",
    "ai_conversation": "[]",
    "ai_cost_cents": 0,
    "metadata": "{}",
}


def _copy_rows(database_url: str, columns: str, rows: Iterator[tuple[Any, ...]]) -> None:
    import psycopg

    url = database_url.replace("postgresql+psycopg://", "postgresql://")
    fixed = ", ".join(_FIXED)
    statement = (
        f"COPY responses ({columns}, {fixed}, started_at, completed_at, last_saved_at, "
        "updated_at) FROM STDIN"
    )
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        with cursor.copy(statement) as copy:
            for row in rows:
                at = row[6]
                copy.write_row((*row, *_FIXED.values(), at, at, at, at))
        cursor.execute("ANALYZE responses")


def _insert_rows(database_url: str, columns: str, rows: Iterator[tuple[Any, ...]]) -> None:
    import sqlite3

    def stamp(value: Any) -> str:  # SQLAlchemy's SQLite DATETIME text, UTC
        return str(value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"))

    fixed = ", ".join(_FIXED)
    names = f"{columns}, {fixed}, started_at, completed_at, last_saved_at, updated_at"
    marks = ", ".join("?" * len(names.split(",")))
    statement = f"INSERT INTO responses ({names}) VALUES ({marks})"
    connection = sqlite3.connect(database_url.split("///", 1)[1])
    try:
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            at = stamp(row[6])
            batch.append((*row[:6], at, row[7], *_FIXED.values(), at, at, at, at))
            if len(batch) == 10_000:
                connection.executemany(statement, batch)
                batch.clear()
        connection.executemany(statement, batch)
        connection.commit()
    finally:
        connection.close()


def export_once(fmt: str, database_url: str, data_dir: str, survey_id: str) -> None:
    """(Run in a fresh process.) One export to a temp file; prints seconds, bytes and peak RSS."""
    import fielder.models  # noqa: F401  (every table, for the foreign keys)
    from fielder.config import Settings
    from fielder.db.session import session_scope
    from fielder.models.survey import Survey
    from fielder.responses import service
    from fielder.responses.export_csv import export_csv
    from fielder.responses.exports.sav import write_sav
    from fielder.responses.exports.xlsx import write_xlsx

    settings = Settings(database_url=database_url, data_dir=Path(data_dir))
    with session_scope(settings) as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        ir = service.export_ir(session, survey)
    out = Path(tempfile.mkstemp(suffix=f".{fmt}")[1])
    began, cpu_began = time.perf_counter(), time.process_time()
    if fmt == "csv":
        with out.open("wb") as file:
            for chunk in export_csv(settings, survey_id, ir):
                file.write(chunk)
    elif fmt == "xlsx":
        write_xlsx(ir, service.export_rows(settings, survey_id), out)
    else:
        write_sav(ir, service.export_rows(settings, survey_id), out)
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu_began
    size = out.stat().st_size
    out.unlink()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures = {"seconds": seconds, "cpu_seconds": cpu_seconds, "bytes": size}
    print(json.dumps({**figures, "peak_rss_mb": peak_kb / 1024}))


def copy_csv_seconds(database_url: str, survey_id: str) -> float:
    """PostgreSQL's own `COPY (…) TO STDOUT CSV` of the same rows, to /dev/null."""
    import psycopg

    began = time.perf_counter()
    with psycopg.connect(database_url) as connection, connection.cursor() as cursor:
        query = (
            "COPY (SELECT id, respondent_email, respondent_token, status, outcome, started_at, "
            "completed_at, created_at, answers FROM responses WHERE survey_id = %s "
            "ORDER BY created_at, id) TO STDOUT WITH CSV HEADER"
        )
        with cursor.copy(query, (survey_id,)) as copy, open(os.devnull, "wb") as sink:
            for block in copy:
                sink.write(block)
    return time.perf_counter() - began


def bench_exports(label: str, database_url: str, data_dir: Path, count: int) -> None:
    """Seconds and peak RSS of each export format over `count` responses."""
    survey_id = fill(database_url, data_dir, count)
    csv_seconds = None
    for fmt in ("csv", "xlsx", "sav"):
        command = [
            sys.executable,
            "-m",
            "bench.bench_fielding",
            "export-once",
            fmt,
            database_url,
            str(data_dir),
            survey_id,
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{fmt} export failed: {done.stderr[-2000:]}")
        result = json.loads(done.stdout)
        emit(
            f"fielding.export_{fmt}_seconds.{label}",
            result["seconds"],
            "s",
            responses=count,
            questions=QUESTIONS,
            bytes=result["bytes"],
            cpu_seconds=round(result["cpu_seconds"], 3),
        )
        emit(
            f"fielding.export_{fmt}_peak_rss.{label}", result["peak_rss_mb"], "MB", responses=count
        )
        if fmt == "csv":
            csv_seconds = result["seconds"]
    if database_url.startswith("postgresql") and csv_seconds is not None:
        copy_seconds = copy_csv_seconds(database_url.replace("+psycopg", ""), survey_id)
        emit(f"fielding.pg_copy_csv_seconds.{label}", copy_seconds, "s", responses=count)
        emit(f"fielding.export_csv_ratio_to_pg_copy.{label}", csv_seconds / copy_seconds, "ratio")


def run_sessions(tmp: Path) -> None:
    """The session figures, embedded and (when reachable) on PostgreSQL."""
    data_dir = tmp / "embedded"
    if "sqlite" in DATABASES:
        bench_sessions("sqlite", f"sqlite:///{data_dir / 'fielder.db'}", data_dir)
    if "postgresql" not in DATABASES:
        return
    with postgres_database("fielder_bench_fielding") as pg_url:
        if pg_url is not None:
            bench_sessions("postgresql", pg_url, tmp / "pg")


def run_exports(tmp: Path, count: int) -> None:
    """The export figures on PostgreSQL (on SQLite when PostgreSQL is not reachable)."""
    export_dir = tmp / "export"
    with postgres_database("fielder_bench_export") as pg_url:
        if pg_url is None:
            url = f"sqlite:///{export_dir / 'fielder.db'}"
            bench_exports("sqlite", url, export_dir, count)
        else:
            bench_exports("postgresql", pg_url, export_dir, count)


def main(argv: list[str] | None = None) -> None:
    """Every fielding figure (`python -m bench`), or the part named on the command line:

    python -m bench.bench_fielding [sessions|exports|all] [--responses N]
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.bench_fielding")
    parser.add_argument("part", nargs="?", default="all", choices=("all", "sessions", "exports"))
    parser.add_argument("--responses", type=int, default=EXPORT_N, help="responses to export")
    args = parser.parse_args(argv or [])
    with tempfile.TemporaryDirectory(prefix="fielder-bench-") as name:
        tmp = Path(name)
        if args.part in {"all", "sessions"}:
            run_sessions(tmp)
        if args.part in {"all", "exports"}:
            run_exports(tmp, args.responses)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "export-once":
        export_once(*sys.argv[2:6])
    else:
        main(sys.argv[1:])
