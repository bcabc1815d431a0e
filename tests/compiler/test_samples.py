"""The compiler on the gold samples (accuracy floors) and on the real questionnaires (valid IR)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.accuracy import figures, score_file

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.validate import validate

SAMPLES = Path("/work/shared/samples")
REAL = SAMPLES / "real"
GOLD = sorted(SAMPLES.glob("*.gold.json")) if SAMPLES.exists() else []
REAL_FILES = (
    sorted(
        p
        for p in REAL.iterdir()
        if p.suffix in {".pdf", ".docx", ".md", ".txt", ".xlsx"} and p.name != "README.md"
    )
    if REAL.exists()
    else []
)


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name)
def test_gold_sample_accuracy(gold: Path) -> None:
    figs = figures(score_file(gold))
    assert figs["f1"] >= 0.95
    assert figs["type"] >= 0.9
    assert figs["options"] >= 0.85
    assert figs["logic"] >= 0.85


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name)
def test_gold_sample_compiles_to_valid_ir(gold: Path) -> None:
    document = read_path(_document_of(gold))
    survey = compile_document(document).survey
    errors = [p for p in validate(survey) if p.severity == "error"]
    assert errors == []


def _document_of(gold: Path) -> Path:
    import json

    return gold.parent / str(json.loads(gold.read_text(encoding="utf-8"))["file"])


@pytest.mark.slow
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_questionnaire_compiles_to_valid_ir(path: Path) -> None:
    result = compile_document(read_path(path))
    errors = [p for p in validate(result.survey) if p.severity == "error"]
    assert errors == [], errors[:3]


def test_samples_present_or_skipped() -> None:
    if not GOLD:
        pytest.skip("the gold samples are absent")
    assert len(GOLD) >= 6
