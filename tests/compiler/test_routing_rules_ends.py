"""Screen-outs, skips and answer details in more words (fix-ends): "end the session", thanks
then a stop in two sentences, a test's colon before capitals, a cued screen's words, "(on its
own)", an answer denying the question's verb, a sheet's "Q1/1 → Q5", a closing page named as
a screen-out, quoted answers then the end, a number box's line, a place to write in, IF / ELSE
/ ENDIF blocks, "none at all", answers by their place in figures, "takes the person on to",
"code 2 — skip A4, go to A5", "write 0 and go to", a card handed back, the arrow's words past
a dash, "0 hours → …", "End – why", "We cannot interview anyone under 16". Invented wording."""

from __future__ import annotations

from fielder.compiler.act_not_done import denies_the_act
from fielder.compiler.build import directives_of
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str) -> dict[str, Question]:
    return by_id(compile_text(body))


def test_end_the_session_after_an_answer_is_a_screen_out() -> None:
    survey = _text(
        "K1\tHave you signed the consent sheet?\n1 Yes\n2 No → end the session and rebook\n"
        "K2\tHow old are you?\n______ years\n"
    )
    assert survey["K1"].terminate_if == "K1 == '2'"


def test_thank_the_participant_then_end_the_session_ends_on_the_band() -> None:
    [directive] = [
        d
        for d in directives_of(
            ["If under 21 or 30 and over, thank the participant, explain why and end the session."]
        )
        if d.kind == "terminate_if"
    ]
    assert directive.value == "under 21 or 30 and over"


def test_thanks_then_a_stop_in_the_next_sentence_is_one_screen_out() -> None:
    survey = _text(
        "1.\tDo you keep bees in the county?\n☐ Yes     ☐ No\n"
        "If you ticked No, thank you – this form is for county beekeepers. "
        "Please do not fill in the rest of the form.\n"
        "2.\tHow many hives do you keep?\n__________ hives\n"
    )
    assert survey["Q1"].terminate_if == "Q1 == '2'"


def test_an_if_test_whose_colon_leads_to_capitals_is_a_jump() -> None:
    survey = _text(
        "R1  Have you visited the depot before?\n   1  Yes\n   2  No\n"
        "IF R1 = 1: LOOK UP THE VISIT, NOTE THE DATE, THEN GO TO R4\n\n"
        "R2  Who told you about the depot?\n   1  A friend\n   2  An advert\n\n"
        "R3  How did you travel here?\n   1  Car\n   2  Bus\n\n"
        "R4  How satisfied are you today?\n   1  Very\n   2  Not very\n"
    )
    assert [(s.if_, s.to) for s in survey["R1"].skip_to] == [("R1 == '1'", "R4")]
    assert not survey["R2"].display_if


def test_a_cued_screen_has_the_words_after_the_cue() -> None:
    survey = _text(
        "INTRO     ASK ALL\n"
        "          READ OUT: Hello, we are asking a few questions about the depot today.\n\n"
        "R1  Have you visited the depot before?\n   1  Yes\n   2  No\n"
    )
    assert survey["INTRO"].type == "display"
    assert survey["INTRO"].text.startswith("Hello, we are asking")


def test_on_its_own_beside_an_answer_is_exclusive() -> None:
    survey = _text(
        "T2 Which of these pets do you keep? Please tick all that apply.\n"
        "(1) Dogs\n(2) Cats\n(3) Rabbits\n(4) None at the moment (on its own)\n"
    )
    assert [o.code for o in survey["T2"].options if o.exclusive] == ["4"]


def test_an_answer_denying_the_questions_verb_is_exclusive() -> None:
    assert denies_the_act("I don't cycle to work", "How do you cycle to work? (tick all)")
    assert not denies_the_act("I don't like the hills", "How do you cycle to work?")


def test_a_sheet_answer_route_in_its_own_notation() -> None:
    [d] = [d for d in directives_of(["If 0 → CLOSE (screen-out)"]) if d.kind == "terminate_if"]
    assert d.value == "0"
    assert not [d for d in directives_of(["If 3 → Q5 (screen-out)"]) if d.kind == "terminate_if"]


def test_answers_in_quotes_then_the_end_of_survey() -> None:
    [d] = directives_of(
        ["Screen-out: M2 is “Renting”, “Living with family” or “Other” → end of survey"]
    )
    assert d.kind == "terminate_if"
    # (another reader may already have written "is" as "=")
    assert d.value.startswith(("M2 is “Renting”", "M2 = “Renting”"))


def test_a_number_line_under_an_open_sentence_is_its_type_and_range() -> None:
    survey = by_id(
        compile_text(
            "**M3** How many parcels came today? Count each box on its own.\n\n> Number, 1–40.\n\n"
            "**M4** Were any damaged?\n\n- `1` Yes\n- `2` No\n",
            "q.md",
        )
    )
    assert survey["M3"].type == "number"
    assert survey["M3"].validation is not None
    assert survey["M3"].validation.max == 40


def test_write_in_a_place_is_a_line_of_text() -> None:
    survey = _text(
        "Q7.\tWhere were you born?\nWRITE IN TOWN AND COUNTRY\n______________________\n"
        "Q8.\tAre you a member?\nYes ......... 1\nNo .......... 2\n"
    )
    assert survey["Q7"].type == "text"


def test_if_else_endif_blocks_filter_the_questions_inside() -> None:
    survey = _text(
        "QA1  How would you rate the ferry out of 10?\n      0   Awful\n      1\n      2\n"
        "      3   Great\n\n"
        "IF (QA1 = 0-1)\n   QA2  What went wrong?\n        OPEN\nELSE\n"
        "   QA3  What went well?\n        OPEN\nENDIF\n\n"
        "QA4  Will you sail again?\n      1   Yes\n      2   No\n"
    )
    assert survey["QA2"].display_if == "QA1 in ['0','1']"
    assert survey["QA3"].display_if == "not (QA1 in ['0','1'])"
    assert not survey["QA4"].display_if


def test_record_in_pence_is_a_number() -> None:
    assert ("type", "number") in [(d.kind, d.value) for d in directives_of(["RECORD IN PENCE"])]


def test_none_at_all_under_a_count_and_a_place_in_figures() -> None:
    survey = _text(
        "1. How many nights did you camp last year?\n______ nights (0 to 60)\n"
        "If none at all, skip to question 3.\n\n"
        "2. Where did you camp?\n☐ A site\n☐ The wild\n\n"
        "3. Do you own a tent?\n☐ Yes\n☐ No\n☐ Not sure\n"
        "Branching: the 2nd or 3rd choice takes the person on to question 5.\n\n"
        "4. How old is it?\n______ years\n\n5. Any comments?\n______\n"
    )
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == 0", "Q3")]
    assert [(s.if_, s.to) for s in survey["Q3"].skip_to] == [("Q3 in ['2','3']", "Q5")]


def test_codes_then_a_dash_then_the_jump_and_a_count_in_its_unit() -> None:
    [d] = directives_of(["Routing: code 3 — skip B4, go to B5."])
    assert (d.kind, d.value, d.target) == ("skip", "CODE 3", "B5")
    [d] = directives_of(["LOGIC: 0 visits → skip B2, continue at B3."])
    assert (d.kind, d.value, d.target) == ("skip", "0", "B3")
    [d] = directives_of(["If nobody works here, write 0 and go to B9."])
    assert (d.kind, d.value, d.target) == ("skip", "0", "B9")


def test_an_answers_end_told_after_an_arrow_in_several_ways() -> None:
    survey = _text(
        "Q1. Did you ride the tram today?\n□ 1 Yes\n"
        "□ 2 No → please hand the card back to the driver\n"
        "Q2. Did you find a seat?\n□ 1 Yes\n□ 2 No\n"
    )
    assert survey["Q1"].terminate_if == "Q1 == '2'"
    [d] = [
        d
        for d in directives_of(["If 5000 or more: End – over the grant limit."])
        if d.kind == "terminate_if"
    ]
    assert d.value == "5000 or more"


def test_we_cannot_interview_a_band_then_thanks_and_the_end_of_the_call() -> None:
    survey = _text(
        "S1. Can I check you are 18 or over?\n1  Yes, 18 or over\n2  No, under 18\n"
        "[We cannot interview anyone under 18. Thank them and end the call politely.]\n"
        "S2. Which area do you live in?\n1  North\n2  South\n"
    )
    assert survey["S1"].terminate_if == "S1 == '2'"
