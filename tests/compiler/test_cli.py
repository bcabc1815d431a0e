"""`fielder program` and `fielder clarify` through Typer's CliRunner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from fielder.cli.program import app
from fielder.ir.models import Survey
from fielder.ir.validate import validate

QUESTIONNAIRE = """
Q1. Do you own a car?
(1) Yes
(2) No  --> SKIP TO Q9

Q2. How many cars does your household own?
[NUMERIC. RANGE 1-10]
"""

runner = CliRunner()


def test_program_prints_valid_ir(write_file: Callable[..., Path]) -> None:
    path = write_file(QUESTIONNAIRE)
    result = runner.invoke(app, ["program", str(path)])
    assert result.exit_code == 0, result.output
    survey = Survey.model_validate(json.loads(result.stdout))
    assert [q.id for q in survey.questions()] == ["Q1", "Q2"]
    assert [p for p in validate(survey) if p.severity == "error"] == []


def test_program_writes_output_file(write_file: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["program", str(write_file(QUESTIONNAIRE)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["schema"] == "fielder/ir@1"


def test_clarify_prints_json_lines_and_qa_resolves_them(
    write_file: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_file(QUESTIONNAIRE)
    result = runner.invoke(app, ["clarify", str(path)])
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["kind"] for i in items] == ["reference-missing"]
    answers = tmp_path / "qa.json"
    answers.write_text(json.dumps([{**items[0], "user_clarification": "Skip to Q2"}]))
    again = runner.invoke(app, ["clarify", str(path), "--qa", str(answers)])
    assert again.exit_code == 0
    assert again.stdout == ""
    programmed = runner.invoke(app, ["program", str(path), "--qa", str(answers)])
    survey = Survey.model_validate(json.loads(programmed.stdout))
    assert survey.questions()[0].skip_to[0].to == "Q2"


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["program", str(tmp_path / "nope.docx")])
    assert result.exit_code == 2
    assert "not a file" in result.output


def test_unsupported_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    result = runner.invoke(app, ["program", str(path)])
    assert result.exit_code == 2
    assert "error:" in result.output


def test_bad_answers_file_is_an_error(write_file: Callable[..., Path], tmp_path: Path) -> None:
    bad = tmp_path / "qa.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["clarify", str(write_file(QUESTIONNAIRE)), "--qa", str(bad)])
    assert result.exit_code == 2


def test_unknown_engine_and_platform_are_errors(write_file: Callable[..., Path]) -> None:
    path = write_file(QUESTIONNAIRE)
    assert runner.invoke(app, ["program", str(path), "--engine", "nope"]).exit_code == 2
    assert runner.invoke(app, ["program", str(path), "--to", "nope"]).exit_code == 2
