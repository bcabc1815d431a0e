"""Fixtures of the llm engine tests: the replay server and settings that point at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fielder.config import Settings
from fielder.documents import read_document
from fielder.documents.model import Document
from fielder.engines.llm import LLMEngine, clarify
from tests.engines.llm.local_model import local_model  # noqa: F401
from tests.engines.llm.replay import FIXTURES, ReplayServer


@pytest.fixture(scope="session")
def _replay_server() -> Iterator[ReplayServer]:
    server = ReplayServer()
    yield server
    server.close()


@pytest.fixture
def replay(_replay_server: ReplayServer) -> ReplayServer:
    """The replay server, its script and its record emptied (and no clarify answers kept)."""
    _replay_server.play([])
    clarify.ANSWERS.items.clear()
    return _replay_server


def replay_settings(replay: ReplayServer, **changes: object) -> Settings:
    """Settings whose llm engine talks to the replay server (no SDK retries unless asked)."""
    values: dict[str, object] = {
        "data_dir": Path("/tmp"),
        "llm_base_url": replay.base_url,
        "llm_model": "recorded-model",
        "llm_api_key": "test-key",
        "llm_max_retries": 0,
        "llm_timeout_seconds": 10,
        "llm_prices": {"recorded-model": {"input": 15.0, "output": 60.0}},
    }
    values.update(changes)
    return Settings.model_validate(values)


@pytest.fixture
def llm(replay: ReplayServer) -> LLMEngine:
    """The llm engine on the replay server, for org `org-1`."""
    return LLMEngine(replay_settings(replay), "org-1")


@pytest.fixture
def prose_logic() -> Document:
    """A questionnaire whose routing is written in prose the rules cannot turn into logic."""
    path = FIXTURES / "prose-logic.txt"
    return read_document(path.read_bytes(), path.name, "text/plain")
