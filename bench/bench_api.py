"""Requests per second of an authenticated list endpoint through the real server.

`fielder serve` (uvicorn, 1 and 2 worker processes) answering `GET /api/v1/surveys` with a
Bearer key and X-Org-Id, against a bare Starlette endpoint served by the same uvicorn (same log
level, so both write access logs) in the same run; the ratio is the figure to watch (aim >= 0.5).

Load: `wrk` (2 threads, 32 connections, BENCH_SECONDS each) when it is installed — a client in
C, so that the client is not what is measured — else (or with BENCH_CLIENT=httpx) an httpx
async client (16 in flight),
which saturates near 500 requests/s and so overstates the ratio. Besides requests/s, the
server's CPU time per request (from /proc, all its processes) is reported for both: on a
machine shared with other work it is the steadier figure.

A second, informative figure (`raw_driver_*`, marked "informative"): `bench.api_raw`, a bare
Starlette endpoint doing the list's database work on the raw driver (one key lookup and one
SELECT of the org's page), served and loaded the same way: fielder's figure against it says how
much of the gap to the bare endpoint is framework and library rather than database.

Backends: SQLite (embedded) always; PostgreSQL + Redis when they answer
(FIELDER_BENCH_DATABASE_URL, FIELDER_BENCH_REDIS_URL).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ROOT = Path(__file__).resolve().parents[1]
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = 16
WRK_CONNECTIONS = 32
PG_ADMIN_URL = os.environ.get(
    "FIELDER_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("FIELDER_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# Per process, so that two runs (or a run and the tests) never share a database.
PG_DATABASE = f"fielder_bench_api_{os.getpid()}"


async def _bare(_request: Request) -> JSONResponse:
    return JSONResponse({"data": [], "pagination": {"page": 1, "per_page": 20, "total": 0}})


bare_app = Starlette(routes=[Route("/bare", _bare)])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fielder(*args: str) -> list[str]:
    return [sys.executable, "-c", "from fielder.cli.main import app; app()", *args]


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


@contextmanager
def _server(command: list[str], env: dict[str, str], probe: str) -> Iterator[int]:
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(probe, process)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _cpu_seconds(root: int) -> float | None:
    """User + system CPU seconds of process `root` and its descendants (Linux /proc), or None."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(times.get(pid, 0.0) for pid in tree)


def _load(url: str, headers: dict[str, str], pid: int) -> tuple[float, int, float | None]:
    """(requests/s, non-200 answers, server CPU ms per request) of `url` for SECONDS."""
    before = _cpu_seconds(pid)
    if _client() == "wrk":
        rps, done, errors = _wrk(url, headers)
    else:
        rps, done, errors = asyncio.run(_httpx(url, headers))
    after = _cpu_seconds(pid)
    cpu = None if before is None or after is None or not done else (after - before) / done * 1000
    return rps, errors, cpu


def _client() -> str:
    """`wrk` when installed (BENCH_CLIENT=httpx forces the Python client), else `httpx`."""
    wanted = os.environ.get("BENCH_CLIENT", "wrk")
    return "wrk" if wanted == "wrk" and shutil.which("wrk") else "httpx"


def _wrk(url: str, headers: dict[str, str]) -> tuple[float, int, int]:
    command = ["wrk", "-t2", f"-c{WRK_CONNECTIONS}", f"-d{max(int(SECONDS), 1)}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    done = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    return rps, done - errors, errors


async def _httpx(url: str, headers: dict[str, str]) -> tuple[float, int, int]:
    done = errors = 0
    stop = time.monotonic() + SECONDS
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=10) as client:

        async def one_stream() -> None:
            nonlocal done, errors
            while time.monotonic() < stop:
                response = await client.get(url)
                if response.status_code == 200:
                    done += 1
                else:
                    errors += 1

        started = time.monotonic()
        await asyncio.gather(*(one_stream() for _ in range(CONCURRENCY)))
        elapsed = time.monotonic() - started
    return done / elapsed, done, errors


def _env(data_dir: Path, database_url: str | None, redis_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDER_")}
    env.update(
        {
            "FIELDER_DATA_DIR": str(data_dir),
            # The limiter runs (its cost is part of the figure) but never refuses.
            "FIELDER_RATE_LIMIT_AUTHENTICATED": "100000000/minute",
        }
    )
    if database_url:
        env["FIELDER_DATABASE_URL"] = database_url
    if redis_url:
        env["FIELDER_REDIS_URL"] = redis_url
    return env


def _postgres() -> str | None:
    """A fresh PostgreSQL database for the bench, or None when PostgreSQL does not answer."""
    from sqlalchemy import create_engine, make_url, text

    try:
        url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"'))
            connection.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
        admin.dispose()
    except Exception as error:  # no PostgreSQL here: the SQLite figures still stand
        _figure("postgres_unavailable", 0, "flag", reason=str(error)[:200])
        return None
    return url.set(database=PG_DATABASE).render_as_string(hide_password=False)


def _drop_postgres() -> None:
    from sqlalchemy import create_engine, make_url, text

    url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
    admin.dispose()


def _redis() -> str | None:
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
        client.flushdb()
    except redis.RedisError:
        return None
    return REDIS_URL


def _credentials(env: dict[str, str]) -> dict[str, str]:
    out = subprocess.run(_fielder("init", "--json"), env=env, cwd=ROOT, capture_output=True)
    out.check_returncode()
    payload = json.loads(out.stdout.decode().strip())
    return {"Authorization": f"Bearer {payload['api_key']}", "X-Org-Id": payload["org_id"]}


def _endpoint(base: str, headers: dict[str, str]) -> str:
    paths = httpx.get(f"{base}/api/v1/openapi.json", timeout=10).json()["paths"]
    path = "/api/v1/surveys" if "/api/v1/surveys" in paths else "/api/v1/api-keys"
    assert httpx.get(f"{base}{path}", headers=headers, timeout=10).status_code == 200
    return path


def _figure(name: str, value: float, unit: str, **extra: object) -> None:
    print(json.dumps({"figure": name, "value": round(value, 3), "unit": unit, **extra}))


def _run(label: str, database_url: str | None, redis_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp), database_url, redis_url)
        headers = _credentials(env)
        for workers in (1, 2):
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            serve = _fielder("serve", "--port", str(port), "--workers", str(workers))
            with _server(serve, env, f"{base}/healthz") as pid:
                path = _endpoint(base, headers)
                _load(f"{base}{path}", headers, pid)  # warm-up: imports, pools, key cache
                api_rps, api_errors, api_cpu = _load(f"{base}{path}", headers, pid)
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            # The same uvicorn settings as `fielder serve` (log level info: access logs on).
            bare = [sys.executable, "-m", "uvicorn", "bench.bench_api:bare_app", "--port",
                    str(port), "--workers", str(workers), "--log-level", "info"]  # fmt: skip
            with _server(bare, env, f"{base}/bare") as pid:
                _load(f"{base}/bare", {}, pid)
                bare_rps, _, bare_cpu = _load(f"{base}/bare", {}, pid)
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            raw = [sys.executable, "-m", "uvicorn", "bench.api_raw:app", "--port", str(port),
                   "--workers", str(workers), "--log-level", "info"]  # fmt: skip
            with _server(raw, env, f"{base}/raw") as pid:
                _load(f"{base}/raw", headers, pid)
                raw_rps, raw_errors, raw_cpu = _load(f"{base}/raw", headers, pid)
            extra = {"workers": workers, "backend": label, "client": _client(), "seconds": SECONDS}
            _figure(f"api_rps_{workers}w", api_rps, "requests/s", path=path, errors=api_errors,
                    **extra)  # fmt: skip
            _figure(f"bare_starlette_rps_{workers}w", bare_rps, "requests/s", **extra)
            _figure(f"api_vs_bare_ratio_{workers}w", api_rps / bare_rps, "ratio", **extra)
            if api_cpu and bare_cpu:
                _figure(f"api_cpu_ms_per_request_{workers}w", api_cpu, "ms", **extra)
                _figure(f"bare_cpu_ms_per_request_{workers}w", bare_cpu, "ms", **extra)
                _figure(f"api_vs_bare_cpu_ratio_{workers}w", bare_cpu / api_cpu, "ratio", **extra)
            # Informative, not the figure: the same database work on the raw driver (api_raw).
            info = {**extra, "informative": True}
            _figure(f"raw_driver_rps_{workers}w", raw_rps, "requests/s", errors=raw_errors,
                    **info)  # fmt: skip
            _figure(f"api_vs_raw_driver_ratio_{workers}w", api_rps / raw_rps, "ratio", **info)
            if api_cpu and raw_cpu:
                _figure(f"raw_driver_cpu_ms_per_request_{workers}w", raw_cpu, "ms", **info)


def main() -> None:
    """Measure and print the figures (requests/s with 1 and 2 workers, and the ratios)."""
    backends = os.environ.get("BENCH_API_BACKENDS", "sqlite,postgresql").split(",")
    if "sqlite" in backends:
        _run("sqlite", None, None)
    if "postgresql" in backends:
        database = _postgres()
        if database is not None:
            redis_url = _redis()
            try:
                _run("postgresql+redis" if redis_url else "postgresql", database, redis_url)
            finally:
                _drop_postgres()


if __name__ == "__main__":
    main()
