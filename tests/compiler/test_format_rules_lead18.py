"""Session 18's lead rules, one small case each in invented words: a list whose one item says
how to answer is the answer box's note; "more than one" counts answers only when it is about
answering; a group in words said twice with its NOT in the bracket; a heading's "(ONLY IF …,
Q8 = 3)" is its section's filter."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_a_lone_bullet_saying_how_to_answer_is_no_answer_to_tick() -> None:
    survey = by_id(
        compile_text(
            "\n\n".join(
                [
                    "**H1.** How many nights did you stay at the lodge?",
                    "- Whole number of nights, 1 to 30",
                    "**H2.** What would you tell the warden?",
                    "- Open answer, several lines",
                    "**H3.** Where should we send the voucher?",
                    "- Email address",
                    "**H4.** Did you book the sauna?",
                    "- Yes",
                ]
            ),
            "lodge.md",
        )
    )
    assert survey["H1"].type == "number"
    assert not survey["H1"].options
    assert survey["H1"].validation is not None
    assert survey["H1"].validation.max == 30
    assert survey["H2"].type == "long_text"
    assert survey["H3"].type == "email"
    # one answer that names no format stays an answer
    assert [o.label for o in survey["H4"].options] == ["Yes"]


def test_more_than_one_about_the_respondent_is_no_multi() -> None:
    survey = by_id(
        compile_text(
            "\n".join(
                [
                    "K1. Which pier did you fish from? If you fished from more than one pier, "
                    "think of the last.",
                    "1 North pier",
                    "2 South pier",
                    "",
                    "K2. Was there a wait of more than one hour for bait?",
                    "1 Yes",
                    "2 No",
                    "",
                    "K3. Which days suit you for the follow-up? You can choose more than one day.",
                    "1 Monday",
                    "2 Tuesday",
                    "3 Wednesday",
                    "",
                ]
            )
        )
    )
    assert survey["K1"].type == "single"
    assert survey["K2"].type == "single"
    assert survey["K3"].type == "multi"


_LODGE = "\n".join(
    [
        "L1. Who booked the stay?",
        "1 Myself",
        "2 My employer",
        "3 A travel agent",
        "",
        "L2. How was the booking?",
        "1 Easy",
        "4 Hard",
        "",
        "{note}",
        "L3. Did you get a refund?",
        "1 Yes",
        "2 No",
        "",
    ]
)


def test_and_not_a_group_with_its_not_in_the_bracket_is_negated_once() -> None:
    note = "[ASK IF L2 = 4 AND NOT BOOKED BY AN AGENT OR EMPLOYER (L1 NOT = 3)]"
    survey = by_id(compile_text(_LODGE.format(note=note)))
    assert survey["L3"].display_if == "L2 == '4' and not (L1 == '3')"


def test_and_not_with_a_plain_bracket_keeps_its_own_reading() -> None:
    note = "[ASK IF L2 = 4 AND NOT L1 = 3]"
    survey = by_id(compile_text(_LODGE.format(note=note)))
    assert survey["L3"].display_if == "L2 == '4' and not (L1 == '3')"


def test_a_heading_whose_bracket_says_whom_then_the_test_filters_its_section() -> None:
    for heading in (
        "SECTION D - REFUNDS [ONLY IF THE STAY WAS CANCELLED, L2 = 4]",
        "SECTION D - REFUNDS (ONLY IF THE STAY WAS CANCELLED, L2 = 4)",
    ):
        text = _LODGE.format(note=f"-----------------\n{heading}\n-----------------")
        text += "L4. Was the refund on time?\n1 Yes\n2 No\n"
        survey = by_id(compile_text(text))
        assert survey["L3"].display_if == "L2 == '4'", heading
        assert survey["L4"].display_if == "L2 == '4'", heading
        assert survey["L2"].display_if is None


def test_a_group_under_a_questions_words_stays_that_questions_filter() -> None:
    text = "\n".join(
        [
            "1. What was the main purpose of your stay?",
            "☐ Leisure",
            "☐ Business",
            "2. Are you a member of the rewards club?",
            "☐ Yes",
            "☐ No",
            "3. Would you like details of the club?",
            "[For guests who are not members (No at question 2).]",
            "☐ Yes",
            "☐ No",
            "4. Would your firm like a corporate account?",
            "[Business guests only (question 1).]",
            "☐ Yes",
            "☐ No",
            "5. Anything else to tell us?",
            "____________",
        ]
    )
    survey = by_id(compile_text(text))
    assert survey["Q3"].display_if == "Q2 == '2'"
    assert survey["Q4"].display_if == "Q1 == '2'"
