"""Routing words no rule read become a `logic-unparsed` clarifying question, not silence."""

from __future__ import annotations

from fielder.compiler.lines import Line
from fielder.compiler.options import RawOption
from fielder.compiler.parse import Draft
from fielder.compiler.passes.unread_routing import unread_routing
from fielder.ir.models import Question, SkipRule

YES_NO = [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}]


def _question(qid: str, **extra: object) -> Question:
    return Question.model_validate(
        {"id": qid, "type": "single", "text": f"Words of {qid}?", "options": YES_NO, **extra}
    )


def _draft(
    qid: str, *lines: str, pre: tuple[str, ...] = (), options: list[RawOption] | None = None
) -> Draft:
    text = f"Words of {qid}?"
    raw = [f"{qid}. {text}", *lines]
    return Draft(
        label=None,
        text_parts=[text],
        pre_notes=list(pre),
        lines=[Line(text=line, raw=line) for line in raw],
        options=options or [],
    )


def test_a_filter_no_rule_read_is_asked_about() -> None:
    pairs = [
        (_question("K1"), _draft("K1")),
        (_question("K2"), _draft("K2", "Only answer if your kettle at question 1 hums loudly.")),
    ]
    problems = unread_routing(pairs, {})
    assert [(p.kind, p.question_id) for p in problems] == [("logic-unparsed", "K2")]
    assert "hums loudly" in problems[0].excerpt
    assert problems[0].suggestions == ["Ignore this instruction"]


def test_a_route_after_an_answer_is_asked_about() -> None:
    stop = RawOption(label="Under 9", instructions=["→ please stop here and return the card"])
    pairs = [(_question("K1"), _draft("K1", options=[stop, RawOption(label="9 or over")]))]
    problems = unread_routing(pairs, {})
    assert [p.question_id for p in problems] == ["K1"]
    assert problems[0].excerpt.startswith("Under 9")


def test_words_read_where_they_point_are_not_asked_about_again() -> None:
    # "ASK IF K1 = 1" under K1 was read as K2's filter: K1 is named in logic elsewhere
    pairs = [
        (_question("K1"), _draft("K1", "ASK IF K1 = 1")),
        (_question("K2", display_if="K1 == '1'"), _draft("K2")),
    ]
    assert unread_routing(pairs, {}) == []


def test_a_question_with_logic_of_its_own_is_left_alone() -> None:
    routed = _question("K1", skip_to=[SkipRule.model_validate({"if": "K1 == '2'", "to": "K3"})])
    pairs = [(routed, _draft("K1", "IF NO (K1 = 2) GO TO K3 UNLESS THE MOON IS FULL"))]
    assert unread_routing(pairs, {}) == []


def test_notes_that_are_not_routing_are_left_alone() -> None:
    pairs = [
        (_question("K1"), _draft("K1", "QUOTA: 50% code 1 at K1, not a screen-out")),
        (_question("K2"), _draft("K2", "IF NONE, CODE 000. IF ASKED, SAY IT IS ANONYMOUS.")),
        (_question("K3"), _draft("K3", "SHOW ONLY ITEMS SELECTED AT K1")),
        (_question("K4"), _draft("K4", "DO NOT READ OUT. ONE ANSWER ONLY.")),
        (_question("K5"), _draft("K5", "Soft check: if more than 40, ask to confirm (K5).")),
    ]
    assert unread_routing(pairs, {}) == []


def test_the_next_questions_opening_note_is_its_own() -> None:
    note = "Only answer if you ticked Yes at question 1."
    pairs = [
        (_question("Q1"), _draft("Q1", note)),
        (_question("Q2"), _draft("Q2", pre=(note,))),
    ]
    assert [p.question_id for p in unread_routing(pairs, {})] == ["Q2"]


def test_an_answered_item_is_applied_or_dropped() -> None:
    def pairs() -> list[tuple[Question, Draft]]:
        return [
            (_question("K1"), _draft("K1")),
            (_question("K2"), _draft("K2", "Only answer if your kettle at question 1 hums.")),
        ]

    asked = pairs()
    item = unread_routing(asked, {})[0]
    applied = pairs()
    assert unread_routing(applied, {item.id: "K1 == '1'"}) == []
    assert applied[1][0].display_if == "K1 == '1'"
    ignored = pairs()
    assert unread_routing(ignored, {item.id: "Ignore this instruction"}) == []
    assert ignored[1][0].display_if is None


def test_a_compiled_file_flags_the_unread_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fielder.compiler.compile import compile_document
    from fielder.documents import read_path

    path = tmp_path / "kettles.txt"
    path.write_text(
        "Q1. Do you own a kettle?\n1. Yes\n2. No\n\n"
        "Q2. How loud is it?\nOnly answer if your kettle at question 1 hums loudly.\n"
        "1. Quiet\n2. Loud\n",
        encoding="utf-8",
    )
    result = compile_document(read_path(path))
    q2 = next(q for q in result.survey.questions() if q.id == "Q2")
    assert q2.display_if is None
    assert q2.attention is not None
    assert any(
        c.kind == "logic-unparsed" and c.detail["question_id"] == "Q2"
        for c in result.clarifications
    )
