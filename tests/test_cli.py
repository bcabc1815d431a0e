"""The foundation's commands: `fielder init --json`, `fielder keys …`, `fielder serve`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fielder.cli.main import app
from fielder.config import Settings

runner = CliRunner()


def _init(settings: Settings) -> dict[str, str]:
    result = runner.invoke(app, ["init", "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    payload: dict[str, str] = json.loads(lines[0])
    return payload


def test_init_json_prints_one_line_with_working_key(settings: Settings, client: TestClient) -> None:
    payload = _init(settings)
    assert set(payload) == {"org_id", "api_key"}
    headers = {"Authorization": f"Bearer {payload['api_key']}", "X-Org-Id": payload["org_id"]}
    assert client.get("/api/v1/api-keys", headers=headers).status_code == 200


def test_keys_create_list_revoke(settings: Settings, client: TestClient) -> None:
    org_id = _init(settings)["org_id"]
    created = runner.invoke(
        app,
        ["keys", "create", "--org", org_id, "--name", "ci", "--scopes", "surveys:read", "--json"],
    )
    assert created.exit_code == 0, created.output
    key = json.loads(created.stdout)
    assert key["scopes"] == ["surveys:read"]
    listed = runner.invoke(app, ["keys", "list", "--org", org_id, "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["name"] for r in rows} == {"ci", "Default admin key"}
    assert all(key["api_key"] not in line for line in listed.stdout.splitlines())
    table = runner.invoke(app, ["keys", "list", "--org", org_id])
    assert table.exit_code == 0
    assert "ci" in table.stdout
    revoked = runner.invoke(app, ["keys", "revoke", key["id"]])
    assert revoked.exit_code == 0, revoked.output
    headers = {"Authorization": f"Bearer {key['api_key']}", "X-Org-Id": org_id}
    response = client.get("/api/v1/api-keys", headers=headers)
    assert response.json()["error"]["code"] == "key_revoked"


def test_keys_commands_refuse_bad_input(settings: Settings) -> None:
    org_id = _init(settings)["org_id"]
    unknown_org = runner.invoke(app, ["keys", "create", "--org", "nope", "--name", "x"])
    assert unknown_org.exit_code == 1
    bad_scope = runner.invoke(
        app, ["keys", "create", "--org", org_id, "--name", "x", "--scopes", "root"]
    )
    assert bad_scope.exit_code == 1
    assert runner.invoke(app, ["keys", "revoke", "no-such-key"]).exit_code == 1
    assert runner.invoke(app, ["keys", "list", "--org", "nope"]).exit_code == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the server did not become healthy")


def _fielder(*args: str) -> list[str]:
    return [sys.executable, "-c", "from fielder.cli.main import app; app()", *args]


def test_serve_first_start_prints_key_once(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "FIELDER_DATA_DIR": str(tmp_path / "data"),
        "FIELDER_DATABASE_URL": "",
        "COLUMNS": "200",
    }
    env.pop("FIELDER_REDIS_URL", None)
    for attempt in ("first", "second"):
        port = _free_port()
        process = subprocess.Popen(
            _fielder("serve", "--port", str(port)),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait_healthy(f"http://127.0.0.1:{port}", process)
        finally:
            process.send_signal(signal.SIGINT)
            output, _ = process.communicate(timeout=30)
        if attempt == "first":
            assert "fk_live_" in output
            assert f"http://127.0.0.1:{port}" in output
            assert (tmp_path / "data" / "fielder.db").exists()
        else:
            assert "fk_live_" not in output
        assert process.returncode == 0, output
