"""A save or complete that returned 2xx survives `kill -9` of the server (SQLite WAL,
synchronous=NORMAL; PostgreSQL commit): run saves and completes through a real server process,
kill it mid-load, restart it and check every acknowledged save and complete."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from fielder.config import Settings
from tests.conftest import OrgContext
from tests.responses.conftest import Live, live, make_live

__all__ = ["live", "make_live"]

pytestmark = pytest.mark.slow

CLIENTS = 6
ACKED_BEFORE_KILL = 150


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _server(settings: Settings, port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "FIELDER_DATABASE_URL": settings.database_url,
        "FIELDER_DATA_DIR": str(settings.data_dir),
        "FIELDER_RATE_LIMIT_ENABLED": "false",
        "FIELDER_EMBEDDED_WORKER": "false",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "fielder.app:create_app"]
    command += ["--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=env)
    try:
        # Generous: on a loaded machine importing the app alone can take tens of seconds.
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _respondent(
    base: str, acked: dict[str, int], completed: set[str], stop: threading.Event
) -> None:
    """Start a response, save it again and again noting each acknowledged version, complete
    it every `SAVES_PER_RESPONSE` saves (noting each acknowledged complete), start another."""
    with httpx.Client(base_url=base, timeout=10) as http:
        try:
            while not stop.is_set():
                rid = http.post("/responses", json={}).json()["data"]["id"]
                for version in range(1, SAVES_PER_RESPONSE + 1):
                    answers = {"S1": "2", "S2": "1", "Q4": version}
                    reply = http.patch(f"/responses/{rid}", json={"answers": answers})
                    if reply.status_code == 200:
                        acked[rid] = version
                    if stop.is_set():
                        return
                if http.post(f"/responses/{rid}/complete").status_code == 200:
                    completed.add(rid)
        except (httpx.HTTPError, ValueError, KeyError):
            return  # the server was killed under us: what was acknowledged is what counts


SAVES_PER_RESPONSE = 8


def test_acknowledged_saves_and_completes_survive_kill_9(
    settings: Settings, live: Live, org: OrgContext
) -> None:
    port = _free_port()
    acked: dict[str, int] = {}
    completed: set[str] = set()
    stop = threading.Event()
    with _server(settings, port) as process:
        base = f"http://127.0.0.1:{port}{live.public}"
        threads = [
            threading.Thread(target=_respondent, args=(base, acked, completed, stop))
            for _ in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while (sum(acked.values()) < ACKED_BEFORE_KILL or not completed) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    snapshot, completes = dict(acked), set(completed)
    assert sum(snapshot.values()) >= ACKED_BEFORE_KILL
    assert completes
    with _server(settings, port):
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            for rid, version in snapshot.items():
                reply = http.get(f"{live.team}/responses/{rid}", headers=org.headers)
                assert reply.status_code == 200, reply.text
                data = reply.json()["data"]
                assert data["answers"]["Q4"] >= version
                if rid in completes:
                    assert data["status"] == "completed"
