"""Clarifying questions: stable ids, streamed, answers applied by compile_document(qa=...)."""

from __future__ import annotations

import inspect

from fielder.compiler import Clarification, clarify, compile_document
from tests.compiler.conftest import by_id, read_text

BROKEN = """
Q1. Do you own a car?
(1) Yes
(2) No
IF CODE 2 GO TO Q30

Q2. Which of the following brands have you bought?
(1) Alpha
(2) Beta
(3) Gamma

Q3. How many cars does your household own?
[NUMERIC. RANGE 0-10]
"""


def _items(text: str, qa: list[dict[str, str]] | None = None) -> list[Clarification]:
    return list(clarify(read_text(text), prior_qa=qa or []))


def test_clarify_is_a_generator_of_clarifications() -> None:
    stream = clarify(read_text(BROKEN))
    assert inspect.isgenerator(stream)
    first = next(stream)
    assert isinstance(first, Clarification)
    assert first.id.startswith("qa_")


def test_missing_skip_target_is_a_blocker_with_suggestions() -> None:
    items = _items(BROKEN)
    missing = [i for i in items if i.kind == "reference-missing"]
    assert len(missing) == 1
    item = missing[0]
    assert item.severity == "blocker"
    assert item.detail == {"question_id": "Q1"}
    assert "Q30" in item.summary
    assert "Skip to the end of the survey" in item.suggestions


def test_same_file_gives_same_ids() -> None:
    assert [i.id for i in _items(BROKEN)] == [i.id for i in _items(BROKEN)]


def test_answered_skip_target_is_applied_and_not_asked_again() -> None:
    item = next(i for i in _items(BROKEN) if i.kind == "reference-missing")
    qa = [{"id": item.id, "user_clarification": "Skip to the end of the survey"}]
    assert item.id not in {i.id for i in _items(BROKEN, qa)}
    result = compile_document(read_text(BROKEN), qa=qa)
    q1 = by_id(result.survey)["Q1"]
    assert [(r.if_, r.to) for r in q1.skip_to] == [("Q1 == '2'", "end")]


def test_unanswered_missing_target_leaves_no_invalid_skip_but_attention() -> None:
    q1 = by_id(compile_document(read_text(BROKEN)).survey)["Q1"]
    assert q1.skip_to == []
    assert q1.attention is not None
    assert "Q30" in q1.attention.reason


def test_type_ambiguous_answer_sets_the_type() -> None:
    item = next(i for i in _items(BROKEN) if i.kind == "type-ambiguous")
    assert item.detail == {"question_id": "Q2"}
    before = by_id(compile_document(read_text(BROKEN)).survey)["Q2"]
    assert before.type == "single"
    qa = [{"id": item.id, "userClarification": "multi"}]
    after = by_id(compile_document(read_text(BROKEN), qa=qa).survey)["Q2"]
    assert after.type == "multi"


def test_backward_skip_is_reference_forward() -> None:
    text = """
    Q1. Age?
    [NUMERIC]
    Q2. Do you smoke?
    (1) Yes
    (2) No  --> GO TO Q1
    Q3. Anything else?
    """
    items = _items(text)
    assert [i.kind for i in items if i.detail["question_id"] == "Q2"] == ["reference-forward"]
    q2 = by_id(compile_document(read_text(text)).survey)["Q2"]
    assert q2.skip_to == []


def test_unparsed_logic_is_reported() -> None:
    text = """
    Q1. Do you drive?
    (1) Yes
    (2) No
    ASK IF RESPONDENT LIVES IN A CITY
    Q2. How often do you drive?
    (1) Daily
    (2) Weekly
    """
    items = _items(text)
    assert any(i.kind == "logic-unparsed" for i in items)


def test_duplicate_codes_are_reported_and_renumbered() -> None:
    text = """
    Q1. Which colour do you like best?
    (1) Red
    (2) Blue
    (2) Green
    """
    items = _items(text)
    assert [i.kind for i in items] == ["codes-duplicate"]
    q1 = by_id(compile_document(read_text(text)).survey)["Q1"]
    assert [o.code for o in q1.options] == ["1", "2", "3"]
    assert q1.attention is not None


def test_clean_questionnaire_has_nothing_to_ask() -> None:
    text = """
    Q1. Do you own a car? [SINGLE]
    (1) Yes
    (2) No  --> SKIP TO Q3
    Q2. How many cars do you own?
    [NUMERIC. RANGE 1-10]
    Q3. Any comments?
    [OPEN END]
    """
    assert _items(text) == []


def test_terminate_without_an_answer_is_asked_and_the_answer_applied() -> None:
    text = """
    Q1. Do you work in market research?
    (1) Yes
    (2) No
    [TERMINATE]
    Q2. How old are you?
    [NUMERIC]
    """
    items = _items(text)
    item = next(i for i in items if i.kind == "terminate-unclear")
    assert "Terminate if Yes" in item.suggestions
    qa = [{"id": item.id, "user_clarification": "Terminate if Yes"}]
    q1 = by_id(compile_document(read_text(text), qa=qa).survey)["Q1"]
    assert q1.terminate_if == "Q1 == '1'"
    assert item.id not in {i.id for i in _items(text, qa)}
