"""The builtin next-question engine: questions in order, logic honoured, one short probe."""

from __future__ import annotations

from typing import Any

from fielder.engines.conversation import PROBE_TEXT, next_question
from fielder.ir.models import Survey

SURVEY = Survey.model_validate(
    {
        "title": "Coffee",
        "blocks": [
            {
                "id": "B1",
                "items": [
                    {
                        "id": "S1",
                        "type": "single",
                        "text": "Do you drink coffee?",
                        "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}],
                        "terminate_if": "S1 == '2'",
                    },
                    {"id": "H1", "type": "hidden", "text": "panel id"},
                    {
                        "id": "Q2",
                        "type": "multi",
                        "text": "Which brands?",
                        "options": [
                            {"code": "1", "label": "Alpha"},
                            {"code": "2", "label": "Beta"},
                        ],
                    },
                    {
                        "id": "Q3",
                        "type": "single",
                        "text": "Why Beta?",
                        "display_if": "Q2 contains '2'",
                        "options": [{"code": "1", "label": "Taste"}],
                    },
                    {"id": "Q4", "type": "text", "text": "What do you like about {{Q2}}?"},
                ],
            }
        ],
        "endings": [{"id": "screened_out", "text": "Thanks, that is all we need."}],
    }
)


def _ask(turns: list[dict[str, Any]], context: dict[str, Any] | None = None) -> Any:
    return next_question(SURVEY, turns, context or {})


def _reply(qid: str, answer: Any) -> list[dict[str, Any]]:
    return [
        {"role": "assistant", "question_id": qid, "text": "…"},
        {"role": "respondent", "question_id": qid, "answer": answer},
    ]


def test_first_question_with_its_options() -> None:
    first = _ask([])
    assert (first.question_id, first.type, first.done) == ("S1", "single", False)
    assert first.options == [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}]


def test_termination_ends_with_the_screen_out_text() -> None:
    done = _ask(_reply("S1", "2"))
    assert done.done is True
    assert done.ending == "screened_out"
    assert done.question == "Thanks, that is all we need."


def test_hidden_questions_never_asked_and_logic_skips() -> None:
    turns = _reply("S1", "1") + _reply("Q2", ["1"])
    nxt = _ask(turns)
    assert nxt.question_id == "Q4"  # Q3 is hidden by its display_if, H1 is a hidden field
    assert nxt.question == "What do you like about Alpha?"


def test_display_if_shows_when_met() -> None:
    assert _ask(_reply("S1", "1") + _reply("Q2", ["2"])).question_id == "Q3"


def test_one_probe_after_a_very_short_open_answer() -> None:
    turns = _reply("S1", "1") + _reply("Q2", ["1"]) + _reply("Q4", "nice")
    probe = _ask(turns)
    assert (probe.probe, probe.question_id, probe.question) == (True, "Q4", PROBE_TEXT)
    turns += [
        {"role": "assistant", "question_id": "Q4", "text": PROBE_TEXT, "probe": True},
        {"role": "respondent", "question_id": "Q4", "answer": "ok", "probe": True},
    ]
    done = _ask(turns)
    assert done.done is True
    assert done.ending == "complete"


def test_no_probe_after_a_full_answer() -> None:
    turns = _reply("S1", "1") + _reply("Q2", ["1"]) + _reply("Q4", "the taste and the price")
    assert _ask(turns).done is True


def test_answers_from_context_count_as_answered() -> None:
    nxt = _ask([], {"answers": {"S1": "1", "Q2": ["2"]}})
    assert nxt.question_id == "Q3"
