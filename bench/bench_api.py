"""Requests per second of an authenticated list endpoint through the real server.

`fielder serve` (uvicorn, 1 and 2 worker processes) answering `GET /api/v1/surveys` (or
`/api/v1/api-keys` when surveys are not there) with a Bearer key and X-Org-Id, against a bare
Starlette endpoint served by the same uvicorn in the same run; the ratio is the figure to watch
(aim >= 0.5). Load: an httpx async client with 16 requests in flight for BENCH_SECONDS (5) each.
"""

from __future__ import annotations

import asyncio
import json
import os
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
def _server(command: list[str], env: dict[str, str], probe: str) -> Iterator[None]:
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(probe, process)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _load(url: str, headers: dict[str, str]) -> tuple[float, int]:
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
    return done / elapsed, errors


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDER_")}
    env.update(
        {
            "FIELDER_DATA_DIR": str(data_dir),
            # The limiter runs (its cost is part of the figure) but never refuses.
            "FIELDER_RATE_LIMIT_AUTHENTICATED": "100000000/minute",
        }
    )
    return env


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


def main() -> None:
    """Measure and print the figures (requests/s with 1 and 2 workers, and the ratios)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        headers = _credentials(env)
        for workers in (1, 2):
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            serve = _fielder("serve", "--port", str(port), "--workers", str(workers))
            with _server(serve, env, f"{base}/healthz"):
                path = _endpoint(base, headers)
                api_rps, api_errors = asyncio.run(_load(f"{base}{path}", headers))
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            bare = [sys.executable, "-m", "uvicorn", "bench.bench_api:bare_app", "--port",
                    str(port), "--workers", str(workers), "--log-level", "warning"]  # fmt: skip
            with _server(bare, env, f"{base}/bare"):
                bare_rps, _ = asyncio.run(_load(f"{base}/bare", {}))
            extra = {"workers": workers, "concurrency": CONCURRENCY, "seconds": SECONDS}
            _figure(f"api_rps_{workers}w", api_rps, "requests/s", path=path, errors=api_errors,
                    **extra)  # fmt: skip
            _figure(f"bare_starlette_rps_{workers}w", bare_rps, "requests/s", **extra)
            _figure(f"api_vs_bare_ratio_{workers}w", api_rps / bare_rps, "ratio", **extra)


if __name__ == "__main__":
    main()
