"""Question-label styles (fix-labels): hyphenated labels fold to `A_1` with their references,
Markdown bold and heading marks around a label in a plain-text file, and "(n)" questions whose
words wrap. Invented wording."""

from __future__ import annotations

from fielder.documents.readers.text import unmark_label
from tests.compiler.conftest import by_id, compile_text

_HYPHENED = """
A-1) Do you own a car?
   Yes ... 1      No ... 2 (-> A-3)

A-2) How many km did you drive last week?   |__|__| km

A-3) Which of these do you use? (Circle all mentioned)
   Bus .......... 1
   Tram ......... 2
   Bicycle ...... 3

BASE: THOSE WHO USE CODE 1 OR 2 AT A-3
A-4) How satisfied are you with public transport?
   Satisfied ... 1      Dissatisfied ... 2
"""


def test_hyphenated_labels_fold_to_underscore_ids_with_their_routing() -> None:
    questions = by_id(compile_text(_HYPHENED))
    assert list(questions) == ["A_1", "A_2", "A_3", "A_4"]
    assert [(r.if_, r.to) for r in questions["A_1"].skip_to] == [("A_1 == '2'", "A_3")]
    assert questions["A_4"].display_if is not None
    assert "A_3" in questions["A_4"].display_if


def test_ranges_scales_and_dates_keep_their_hyphens() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. On a scale of 1-5, how much do you like it? (asked 2024-05-01)
               1  2  3  4  5
            Q2. Call 020-7946-0000 if you have questions. Do you agree?
               Yes ... 1      No ... 2
            Q3. Q1-Q2 were about the product. How old are you?   |__|__| years
            """
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert "1-5" in questions["Q1"].text


def test_markdown_bold_and_heading_labels_in_a_text_file_are_labels() -> None:
    assert unmark_label("**A1)** Sex of respondent") == "A1) Sex of respondent"
    assert unmark_label("  __Q3.__ How old are you?") == "  Q3. How old are you?"
    assert unmark_label("### A1") == "A1"
    assert unmark_label("## Q3. How old are you?") == "Q3. How old are you?"
    body = "\n".join(
        f"**Q{n}.** Do you like colour number {n}?\n   Yes ... 1      No ... 2\n" for n in (1, 2, 3)
    )
    assert list(by_id(compile_text(body))) == ["Q1", "Q2", "Q3"]
    headed = "\n".join(
        f"### Q{n}\n\nDo you like colour number {n}?\n   Yes ... 1      No ... 2\n"
        for n in (1, 2, 3)
    )
    assert list(by_id(compile_text(headed))) == ["Q1", "Q2", "Q3"]


def test_comment_lines_and_bold_words_stay_as_written() -> None:
    assert unmark_label("# 3 codes in the margin are punch codes") == (
        "# 3 codes in the margin are punch codes"
    )
    assert unmark_label("**Note** read slowly") == "**Note** read slowly"
    assert unmark_label("______ years") == "______ years"


def test_wrapped_paren_question_is_a_label_but_paren_codes_stay_answers() -> None:
    questions = by_id(
        compile_text(
            """
            (1) Did you visit the museum this year?
                [ ] Yes
                [ ] No

            (2) Which of the rooms did you see?
                [ ] The map room
                [ ] The clock room

            (3) If you visited, which of the rooms did you like
                best of all?
                [ ] The map room
                [ ] The clock room
                [ ] The garden room

            (4) How many times did you visit?   ____ times
            """
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4"]
    assert len(questions["Q3"].options) == 3
    coded = by_id(
        compile_text(
            """
            1. Which of the rooms did you like best of all?
               (1) The map room with the old charts
               (2) The clock room
            2. How many times did you visit?   ____ times
            """
        )
    )
    assert list(coded) == ["Q1", "Q2"]
    assert len(coded["Q1"].options) == 2


def test_wrapped_paren_questions_after_a_lettered_screener() -> None:
    questions = by_id(
        compile_text(
            """
            S1. Do you ever eat breakfast cereal?
               Yes ... 1      No ... 2

            S2. How old are you?   |__|__| years

            (1) How likely would you be to buy a cereal like this one if it was sold in
                the shops where you usually buy food?
               Would definitely buy ..... 1
               Would probably buy ....... 2
               Would not buy ............ 3

            (2) What makes you say that?
                ______________

            (3) How much would you expect to pay for one box?
                |__|__| pounds
            """
        )
    )
    assert list(questions) == ["S1", "S2", "Q1", "Q2", "Q3"]
    assert len(questions["Q1"].options) == 3
