"""The builtin engine behind the Engine interface: program, clarify, revise."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.documents import read_document
from fielder.engines.base import CannotRevise, EngineUnavailable, QuestionProduced, get_engine
from fielder.ir.models import Survey
from fielder.ir.patch import apply_json_patch

TEXT = b"""Coffee survey

S1. How old are you?
1. Under 18 TERMINATE
2. 18-34
3. 35 or older

Q1. Which brands have you bought? Select all that apply.
1. Brand A
2. Brand B
3. Brand C

Q2. Why do you drink coffee?
"""


@pytest.fixture
def survey() -> Survey:
    steps = list(get_engine("builtin").program(read_document(TEXT, "coffee.txt"), ()))
    assert isinstance(steps[-1], Survey)
    return steps[-1]


def test_program_yields_questions_then_survey() -> None:
    steps = list(get_engine("builtin").program(read_document(TEXT, "coffee.txt"), ()))
    produced = [s for s in steps if isinstance(s, QuestionProduced)]
    final = steps[-1]
    assert isinstance(final, Survey)
    assert [p.question.id for p in produced] == [q.id for q in final.questions()]
    assert len(produced) >= 3


def test_program_sample_file() -> None:
    path = Path("/work/shared/samples/customer-satisfaction.txt")
    if not path.exists():
        pytest.skip("shared sample absent")
    steps = list(get_engine("builtin").program(read_document(path.read_bytes(), path.name), ()))
    assert isinstance(steps[-1], Survey)
    assert len(steps[-1].questions()) >= 5


def test_clarify_is_lazy_iterable() -> None:
    items = list(get_engine("builtin").clarify(read_document(TEXT, "coffee.txt"), ()))
    assert all(item.id for item in items)


def test_revise_applies(survey: Survey) -> None:
    first = survey.questions()[0].id
    ops = get_engine("builtin").revise(survey, f"make {first} optional; delete Q2")
    edited = apply_json_patch(survey, ops)
    assert edited.questions()[0].required is False
    assert "Q2" not in edited.question_map()


def test_revise_not_understood_lists_commands(survey: Survey) -> None:
    with pytest.raises(CannotRevise) as caught:
        get_engine("builtin").revise(survey, "make it pop")
    assert "make Q3 multi-select" in caught.value.commands
    with pytest.raises(CannotRevise, match="no question Q99"):
        get_engine("builtin").revise(survey, "delete Q99")
    with pytest.raises(CannotRevise):
        get_engine("builtin").revise(survey, "  ")


def test_unknown_engine() -> None:
    with pytest.raises(EngineUnavailable):
        get_engine("quantum")
