"""Routing read more widely (dev51): "ROUTE:" notes over a question, a note column headed
"Help / routing", a coloured part heading ending its part's filter, whoever answered named by a
noun ("the member ticked …"), a run "only shown to <group> in <answer> at question n", "NOT
shown" negating a run, a note naming the next question by id after the answers, pointer arrows
("No ► Q9", "If 0 ► Q9"), platform logic without block markers, a group then its test after a
colon, a group "who …" opening the going-on branch of a jump, a group left out ("NOT FOR VAN
DRIVERS (Q1 = 3)"). Invented wording, one positive and one negative case each."""

from __future__ import annotations

from fielder.compiler.sheet import _columns
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_TXT_HEAD = (
    "Q1  Which pass do you hold?\n"
    "      Annual                                  1\n"
    "      Monthly                                 2\n"
    "      Day ticket                              3\n\n"
)


def _txt(rest: str) -> dict[str, Question]:
    return by_id(compile_text(_TXT_HEAD + rest, "q.txt"))


def test_a_route_note_over_a_question_is_its_filter() -> None:
    survey = _txt(
        "ROUTE: IF Q1 = 2\n"
        "Q2  How often do you renew it?\n"
        "      Every month                             1\n"
        "      Less often                              2\n\n"
        "Q3  Any comments?\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    assert survey["Q2"].display_if == "Q1 == '2'"
    assert survey["Q3"].display_if is None


def test_a_route_word_inside_an_answer_is_no_note() -> None:
    survey = _txt(
        "Q2  Which bus route do you use most?\n"
        "      Route 7                                 1\n"
        "      Route 9                                 2\n\n"
        "Q3  Any comments?\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    assert survey["Q3"].display_if is None
    assert [o.label for o in survey["Q2"].options] == ["Route 7", "Route 9"]


def test_a_note_column_named_twice_is_read_by_its_routing_name() -> None:
    assert _columns(("No.", "Question", "Answers", "Help / routing")).get("instructions") == 3
    assert "instructions" not in _columns(("No.", "Question", "Answers", "Help / colour"))


def _md_head(rest: str) -> dict[str, Question]:
    head = "**Q1.** How do you feel today?\n\n- Calm\n- Tense\n- Low\n\n"
    return by_id(compile_text(head + rest, "q.md"))


def test_whoever_answered_named_by_a_noun() -> None:
    survey = _md_head(
        "**Q2.** What is making you feel that way?\n\n"
        "*Only if the member ticked Tense or Low at question 1.*\n\n- Work\n- Home\n\n"
        "**Q3.** Anything else?\n\n- Yes\n- No\n"
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3']"
    assert survey["Q3"].display_if is None


def test_a_run_shown_to_a_group_in_its_answers() -> None:
    survey = _md_head(
        "Questions 2 and 3 are only shown to members in Tense or Low at question 1. "
        "Everyone else goes on to question 4.\n\n"
        "**Q2.** Why?\n\n- Work\n- Home\n\n**Q3.** Since when?\n\n- Today\n- Longer\n\n"
        "**Q4.** Anything else?\n\n- Yes\n- No\n"
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3']"
    assert survey["Q3"].display_if == "Q1 in ['2','3']"
    assert survey["Q4"].display_if is None


def test_a_run_not_shown_to_a_group_is_negated() -> None:
    survey = _md_head(
        "{Q2 and Q3 are NOT shown to calm members (Q1 = 1). Everyone else sees them.}\n\n"
        "**Q2.** Why?\n\n- Work\n- Home\n\n**Q3.** Since when?\n\n- Today\n- Longer\n\n"
        "**Q4.** Anything else?\n\n- Yes\n- No\n"
    )
    assert survey["Q2"].display_if == "not (Q1 == '1')"
    assert survey["Q4"].display_if is None


def test_a_note_naming_the_next_question_after_the_answers_is_that_questions() -> None:
    survey = _txt(
        "{Q2 only if Q1 = 3}\n"
        "Q2  How many day tickets a month?\n"
        "      One                                     1\n"
        "      More                                    2\n\n"
        "Q3  Any comments?\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    assert survey["Q2"].display_if == "Q1 == '3'"
    assert survey["Q1"].display_if is None


def test_pointer_arrows_route_an_answer_and_a_count() -> None:
    survey = by_id(
        compile_text(
            "Q1 How many trips did you make last week? Number, 0–20.\n"
            "______ trips\n"
            "If 0 ► Q4\n\n"
            "Q2 Did any run late?\n1) Yes\n2) No ► Q4\n\n"
            "Q3 How late?\n1) A little\n2) A lot\n\n"
            "Q4 Any comments?\n1) Yes\n2) No\n",
            "q.txt",
        )
    )
    assert [s.to for s in survey["Q1"].skip_to] == ["Q4"]
    assert [s.to for s in survey["Q2"].skip_to] == ["Q4"]
    assert survey["Q2"].display_if is None


def test_a_pointer_before_words_is_no_route() -> None:
    survey = by_id(
        compile_text(
            "Q1 Did any run late?\n1) Yes ► see the timetable\n2) No\n\n"
            "Q2 Any comments?\n1) Yes\n2) No\n",
            "q.txt",
        )
    )
    assert not survey["Q1"].skip_to


def test_a_group_then_its_test_after_a_colon() -> None:
    survey = _md_head(
        "**Q2.** Why?\n\n> Anyone not calm: code 2 or code 3 ticked at Q1.\n\n- Work\n- Home\n\n"
        "**Q3.** Anything else?\n\n> Note: see the guide.\n\n- Yes\n- No\n"
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3']"
    assert survey["Q3"].display_if is None


def test_a_group_left_out_is_not_the_group_asked() -> None:
    survey = _txt(
        "Q2  Did the driver help you? NOT FOR DAY TICKET HOLDERS (Q1 = 3)\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    assert survey["Q2"].display_if != "Q1 == '3'"


def test_a_group_named_with_its_test_is_the_group_asked() -> None:
    survey = _txt(
        "DAY TICKET HOLDERS (Q1 = 3)\n"
        "Q2  Did the driver help you?\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    assert survey["Q2"].display_if == "Q1 == '3'"
