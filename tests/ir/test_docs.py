"""The "load, validate, evaluate" example of docs/ir.md runs and prints what it says."""

import json
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "ir.md"


def test_docs_example_runs(coffee, tmp_path, monkeypatch, capsys):
    if not DOC.exists():
        pytest.skip("docs/ir.md is not in this checkout")
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert code is not None
    (tmp_path / "survey.ir.json").write_text(json.dumps(coffee), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), str(DOC), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "['S1', 'S2', 'Q3', 'Q4', 'Q5', 'Q8'] None"
    assert printed[1] == "You bought Brand A, Lavazza"
    assert printed[2].startswith("[AnswerError(question_id='S2', code='required'")
