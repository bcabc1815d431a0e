"""Hybrid programming against recorded exchanges: the rules read, the model settles."""

from __future__ import annotations

import json
from typing import Any

from fielder.documents.model import Document
from fielder.engines.base import QuestionProduced
from fielder.engines.builtin import BuiltinEngine
from fielder.engines.llm import LLMEngine
from fielder.engines.llm.program import chunks
from fielder.ir.models import Question, Survey
from fielder.ir.validate import validate
from tests.engines.llm.conftest import replay_settings
from tests.engines.llm.replay import ReplayServer, recorded


def _run(engine: LLMEngine, document: Document) -> tuple[list[QuestionProduced], Survey]:
    steps = list(engine.program(document, []))
    final = steps[-1]
    assert isinstance(final, Survey)
    produced = [s for s in steps[:-1] if isinstance(s, QuestionProduced)]
    return produced, final


def test_model_settles_only_what_the_rules_flagged(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play(recorded("program-prose-logic"))
    produced, survey = _run(llm, prose_logic)
    questions = survey.question_map()
    assert questions["Q1"].terminate_if == "Q1 == '2'"
    assert questions["Q3"].display_if == "Q1 == '1' and Q2 == '1'"
    assert questions["Q5"].options[0].label == "Not at all likely"
    assert [p for p in validate(survey) if p.severity == "error"] == []
    for qid in ("Q1", "Q3", "Q5"):
        attention = questions[qid].attention
        assert attention is not None
        assert "Decided by the model (recorded-model)" in attention.reason
        source = questions[qid].source
        assert source is not None
        assert source.excerpt
    # What the rules were sure of is the builtin reading, untouched.
    builtin = list(BuiltinEngine().program(prose_logic, []))[-1]
    assert isinstance(builtin, Survey)
    for qid in ("Q2", "Q4", "Q6"):
        assert questions[qid] == builtin.question_map()[qid]
    assert [p.question.id for p in produced] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


def test_one_call_per_section_with_only_the_flagged_questions(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play(recorded("program-prose-logic"))
    _run(llm, prose_logic)
    assert len(replay.requests) == 2
    first, second = (json.loads(r["messages"][1]["content"]) for r in replay.requests)
    assert [q["id"] for q in first["questions"]] == ["Q1"]
    assert [q["id"] for q in second["questions"]] == ["Q3", "Q5"]
    # The ids known so far go along, so the model can refer to earlier questions.
    assert first["known_ids"] == ["Q1", "Q2"]
    assert second["known_ids"] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    assert "SHOPPED RECENTLY" in first["questions"][0]["unsure_because"]


def test_structured_output_is_constrained_to_the_asked_ids(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play(recorded("program-prose-logic"))
    _run(llm, prose_logic)
    request = replay.requests[1]
    assert request["model"] == "recorded-model"
    assert request["stream"] is True
    response_format = request["response_format"]
    assert response_format["type"] == "json_schema"
    schema = json.dumps(response_format["json_schema"]["schema"])
    assert '"enum": ["Q3", "Q5"]' in schema


def test_bad_answers_are_repaired_with_their_errors(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play(recorded("program-repair"))
    _, survey = _run(llm, prose_logic)
    assert len(replay.requests) == 4
    repair = replay.requests[1]["messages"]
    assert repair[-2]["role"] == "assistant"
    assert "not valid JSON" in repair[-1]["content"]
    second_repair = replay.requests[3]["messages"][-1]["content"]
    assert "Q99" in second_repair
    assert survey.question_map()["Q3"].display_if == "Q1 == '1' and Q2 == '1'"


def test_twice_invalid_keeps_the_rules_reading(replay: ReplayServer, prose_logic: Document) -> None:
    bad = {
        "content": json.dumps({"decisions": [{"question_id": "Q1", "terminate_if": "Q7 =="}]}),
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    replay.play([bad, bad, {"content": '{"decisions": []}'}])
    engine = LLMEngine(replay_settings(replay), None)
    _, survey = _run(engine, prose_logic)
    q1 = survey.question_map()["Q1"]
    assert q1.terminate_if is None
    assert q1.attention is not None
    assert "could not settle it either" in q1.attention.reason


def test_nothing_flagged_means_no_model_call(llm: LLMEngine, replay: ReplayServer) -> None:
    from fielder.documents import read_document

    text = b"Q1. Your name?\n\nQ2. Do you agree?\n1. Yes\n2. No\n"
    _, survey = _run(llm, read_document(text, "plain.txt", "text/plain"))
    assert len(survey.questions()) == 2
    assert replay.requests == []


def test_chunks_keep_each_under_the_budget() -> None:
    questions = [Question(id=f"Q{i}", type="long_text", text="x" * 300) for i in range(10)]
    runs = list(chunks(questions, 1000))
    assert [len(run) for run in runs] == [2, 2, 2, 2, 2]
    assert [q.id for run in runs for q in run] == [q.id for q in questions]
    assert [len(run) for run in chunks(questions[:1], 10)] == [1]


def test_the_authors_answers_to_the_models_questions_reach_the_model(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    concern: dict[str, Any] = {
        "id": "qa_0123456789",
        "kind": "options-missing",
        "summary": "Q4 refers to a show card whose answers are not in the questionnaire.",
        "detail": {"question_id": "Q4", "source": "llm"},
        "user_clarification": "Make it an open question",
    }
    q4 = {"decisions": [{"question_id": "Q4", "type": "text", "note": "The author said open."}]}
    section_b = json.loads(recorded("program-prose-logic")[1]["content"])
    section_b["decisions"].append(q4["decisions"][0])
    replay.play([recorded("program-prose-logic")[0], {"content": json.dumps(section_b)}])
    _, survey = _run_with(llm, prose_logic, [concern])
    sent = json.loads(replay.requests[1]["messages"][1]["content"])
    asked = {q["id"]: q for q in sent["questions"]}
    assert list(asked) == ["Q3", "Q4", "Q5"]
    assert asked["Q4"]["author_answered"] == [
        {"asked": concern["summary"], "answer": "Make it an open question"}
    ]
    assert survey.question_map()["Q4"].type == "text"


def _run_with(
    engine: LLMEngine, document: Document, qa: list[dict[str, Any]]
) -> tuple[list[QuestionProduced], Survey]:
    steps = list(engine.program(document, qa))
    final = steps[-1]
    assert isinstance(final, Survey)
    return [s for s in steps[:-1] if isinstance(s, QuestionProduced)], final


def test_piped_text_notes_are_not_the_models_business() -> None:
    from fielder.engines.llm.program import needs_model
    from fielder.ir.models import Attention

    piped = Attention(reason="Piped text kept as written; it should show the answer from Q1.")
    unsure = Attention(reason="Q3: could not turn 'ASK IF …' into logic.")
    dismissed = Attention(reason="Q3: unclear.", dismissed=True)
    assert not needs_model(Question(id="Q1", type="text", attention=piped))
    assert needs_model(Question(id="Q2", type="text", attention=unsure))
    assert not needs_model(Question(id="Q3", type="text", attention=dismissed))
    assert not needs_model(Question(id="Q4", type="text"))
