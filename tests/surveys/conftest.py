"""Fixtures of the surveys tests: a small valid IR and a helper to create surveys."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

SMALL_IR: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Coffee habits",
    "blocks": [
        {
            "id": "B1",
            "items": [
                {
                    "id": "Q1",
                    "type": "single",
                    "text": "Do you drink coffee?",
                    "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}],
                },
                {"id": "Q2", "type": "text", "text": "Why?", "display_if": "Q1 == '1'"},
            ],
        }
    ],
}


@pytest.fixture
def small_ir() -> dict[str, Any]:
    """A fresh copy of a two-question valid IR."""
    return copy.deepcopy(SMALL_IR)


@pytest.fixture
def create(client: TestClient, org: Any) -> Callable[..., dict[str, Any]]:
    """POST /surveys with JSON; returns the created survey object (asserts 201)."""

    def _create(headers: dict[str, str] | None = None, **body: Any) -> dict[str, Any]:
        body.setdefault("name", "Coffee habits")
        answer = client.post("/api/v1/surveys", json=body, headers=headers or org.headers)
        assert answer.status_code == 201, answer.text
        survey: dict[str, Any] = answer.json()["data"]
        return survey

    return _create
