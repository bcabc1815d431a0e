"""Parallel edits of one survey on a real server: each lands or is refused (409/412);
none is lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

WRITERS = 6
EDITS_EACH = 4


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_parallel_patches_never_lose_one(
    live_server: str, org: Any, small_ir: dict[str, Any]
) -> None:
    created = httpx.post(
        f"{live_server}/api/v1/surveys", json={"name": "P", "ir": small_ir}, headers=org.headers
    ).json()["data"]
    url = f"{live_server}/api/v1/surveys/{created['id']}/platform-ir"
    headers = org.headers | {"Content-Type": "application/json-patch+json"}

    def edit(code: str) -> tuple[str, int]:
        option = {"code": code, "label": f"Option {code}"}
        ops = [{"op": "add", "path": "/blocks/0/items/0/options/-", "value": option}]
        with httpx.Client(timeout=30) as client:
            return code, client.patch(url, json=ops, headers=headers).status_code

    codes = [str(100 + n) for n in range(WRITERS * EDITS_EACH)]
    with ThreadPoolExecutor(WRITERS) as pool:
        results = list(pool.map(edit, codes))
    assert {status for _, status in results} <= {200, 409, 412}, results
    landed = {code for code, status in results if status == 200}
    assert landed, "no edit landed"
    final = httpx.get(url, headers=org.headers).json()["ir"]
    question = final["blocks"][0]["items"][0]
    assert {o["code"] for o in question["options"]} - {"1", "2"} == landed
    assert question["version"] == 1 + len(landed)
    history = httpx.get(
        f"{live_server}/api/v1/surveys/{created['id']}/history?limit=100", headers=org.headers
    ).json()["data"]
    assert sum(1 for c in history if c["type"] == "manual") == len(landed)
