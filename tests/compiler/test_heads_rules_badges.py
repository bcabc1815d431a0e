"""A phrase repeated after the ids of several question heads in one document, with the
question's words on the next line, is a badge (the tool's type, label or settings), never the
question's words; heads of the same shape whose phrase is used once are read the same way. An id
heading over a tool's display-logic box waits for the words under the box; "K1 is “Fish” →
end of survey" names an answer; "Display this question unless: …" over a question is its
filter. Invented wording."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_a_repeated_phrase_after_the_id_is_a_badge() -> None:
    text = (
        "Garden survey\n\n"
        "H1  Pick one · Mandatory\n"
        "Do you have a garden at home?\n"
        "1 Yes\n2 No\n\n"
        "H2  Pick one · Mandatory\n"
        "Which best describes its size?\n"
        "1 Small\n2 Medium\n3 Large\n\n"
        "H3  Pick several\n"
        "Which of these do you grow there? Tick all that apply.\n"
        "1 Flowers\n2 Vegetables\n3 Fruit trees\n\n"
        "H4  Pick one · Mandatory\n"
        "Would you join a garden club?\n"
        "1 Yes\n2 No\n"
    )
    survey = by_id(compile_text(text))
    assert list(survey) == ["H1", "H2", "H3", "H4"]
    assert survey["H1"].text == "Do you have a garden at home?"
    assert survey["H2"].text == "Which best describes its size?"
    assert survey["H3"].text == "Which of these do you grow there? Tick all that apply."
    assert survey["H3"].type == "multi"
    assert survey["H4"].text == "Would you join a garden club?"


def test_heads_sharing_a_badge_kind_read_a_one_off_badge_too() -> None:
    # "Answer – …" repeated with a different detail each time; "Open box" is used once
    text = (
        "T1  Answer – one only\n"
        "How often do you take the ferry?\n"
        "1 Daily\n2 Weekly\n3 Rarely\n\n"
        "T2  Answer – one only\n"
        "Was your last crossing on time?\n"
        "1 Yes\n2 No\n\n"
        "T3  Answer – whole number\n"
        "How many minutes late was it?\n\n"
        "T4  Open box\n"
        "What could the ferry company do better?\n"
    )
    survey = by_id(compile_text(text))
    assert survey["T1"].text == "How often do you take the ferry?"
    assert survey["T3"].text == "How many minutes late was it?"
    assert survey["T3"].type == "number"
    assert survey["T4"].text == "What could the ferry company do better?"


def test_a_badge_head_over_a_display_note_keeps_the_note_as_its_filter() -> None:
    text = (
        "B1  Choose one\n"
        "Do you cycle to work?\n"
        "1 Yes\n2 No\n\n"
        "B2  Choose one\n"
        "[ASK IF B1 = 1]\n"
        "How far is your ride?\n"
        "1 Under 5 km\n2 5 km or more\n\n"
        "B3  Choose one\n"
        "Do you have a safe place to lock your bike?\n"
        "1 Yes\n2 No\n"
    )
    survey = by_id(compile_text(text))
    assert survey["B2"].text == "How far is your ride?"
    assert survey["B2"].display_if is not None
    assert "B1" in str(survey["B2"].display_if)


def test_a_badge_alone_names_several_answers() -> None:
    text = (
        "F1  Pick one\nWhich fruit do you eat most?\n1 Apples\n2 Pears\n3 Plums\n\n"
        "F2  Pick several\nWhich fruit did you buy this week?\n1 Apples\n2 Pears\n3 Plums\n\n"
        "F3  Pick one\nWhere do you buy fruit?\n1 Market\n2 Shop\n\n"
        "F4  Pick one\nHow fresh is it usually?\n1 Very\n2 Not very\n"
    )
    survey = by_id(compile_text(text))
    assert survey["F2"].text == "Which fruit did you buy this week?"
    assert survey["F2"].type == "multi"
    assert survey["F1"].type == "single"


def test_a_title_shared_by_several_headings_is_kept_as_a_note() -> None:
    text = (
        "# Library survey\n\n"
        "### L1 — Tick one\nHow often do you visit the library?\n\n- Weekly\n- Rarely\n\n"
        "### L2 — Tick one\nDo you borrow e-books?\n\n- Yes\n- No\n\n"
        "### L3 — Tick any\nWhich services do you use?\n\n- Wi-Fi\n- Printing\n- Study rooms\n\n"
        "### L4 — Tick one\nWould you recommend the library?\n\n- Yes\n- No\n"
    )
    survey = by_id(compile_text(text, "q.md"))
    assert survey["L3"].text == "Which services do you use?"
    assert survey["L3"].type == "multi"
    assert survey["L1"].type == "single"


def test_a_phrase_used_once_or_twice_is_left_to_the_question() -> None:
    # only two heads share a phrase: no house style, the words stay as written
    text = (
        "Q1  Your home\n"
        "How many bedrooms does it have?\n\n"
        "Q2  Your home\n"
        "How many people live there?\n\n"
        "Q3  Your street\n"
        "Is there street lighting?\n1 Yes\n2 No\n"
    )
    survey = by_id(compile_text(text))
    assert survey["Q3"].text.startswith("Your street")


def test_an_id_heading_waits_over_a_display_logic_box() -> None:
    text = (
        "<html><body>"
        "<h4>M1</h4><p>Do you own a dog?</p>"
        "<table><tr><th>Code</th><th>Answer</th></tr><tr><td>1</td><td>Yes</td></tr>"
        "<tr><td>2</td><td>No</td></tr></table>"
        "<h4>M2</h4><div>Display this question only if: M1 “Yes” is selected</div>"
        "<p>How often do you walk your dog?</p>"
        "<table><tr><th>Code</th><th>Answer</th></tr><tr><td>1</td><td>Daily</td></tr>"
        "<tr><td>2</td><td>Less often</td></tr></table>"
        "<h4>M3</h4><p>Do you own a cat?</p>"
        "<table><tr><th>Code</th><th>Answer</th></tr><tr><td>1</td><td>Yes</td></tr>"
        "<tr><td>2</td><td>No</td></tr></table>"
        "</body></html>"
    )
    survey = by_id(compile_text(text, "q.html"))
    assert list(survey) == ["M1", "M2", "M3"]
    assert survey["M2"].text == "How often do you walk your dog?"
    assert survey["M2"].display_if is not None


def test_an_answer_named_in_quotes_after_is_ends_the_survey() -> None:
    text = (
        "K1. Which pet do you own?\n1 Dog\n2 Cat\n3 Fish\n4 No pet\n"
        "Screen-out: K1 is “Fish” or “No pet” → end of survey\n\n"
        "K2. How old is your pet?\n"
    )
    survey = by_id(compile_text(text))
    assert survey["K1"].terminate_if is not None
    assert "'3'" in str(survey["K1"].terminate_if)
    assert "'4'" in str(survey["K1"].terminate_if)


def test_display_this_question_lines_filter_the_question_under_them() -> None:
    # a tool's logic boxes in a plain document: each filters the question under it, "unless"
    # negates, and "3 (No garden)" is code 3 with its words beside it
    text = (
        "K4. Do you have a garden?\n1 Yes, a large one\n2 Yes, a small one\n3 No garden\n\n"
        "Display this question unless: K4 = 3 (No garden)\n"
        "K5. What do you grow in it?\n\n"
        "Display this question only if: K4 = 1 (Yes, a large one)\n"
        "K6. Do you have a lawn?\n1 Yes\n2 No\n"
    )
    survey = by_id(compile_text(text))
    assert str(survey["K5"].display_if) == "not (K4 == '3')"
    assert str(survey["K6"].display_if) == "K4 == '1'"
