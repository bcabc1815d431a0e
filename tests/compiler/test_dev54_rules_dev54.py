"""Readings widened on the unseen54–56 misses (fix-dev54), each with a positive and a negative
case, written in invented words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def _codes(question: object) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]  # type: ignore[attr-defined]


def test_heading_with_id_and_short_name_over_the_question_keeps_only_the_question() -> None:
    questions = by_id(
        compile_text(
            """
            # Walkers' survey

            ### W1 · Route choice

            Which path do you walk most often?

            [1]  Riverside
            [2]  Hill top

            ### W2 · Distance

            About how many miles do you walk in a week?

            Numeric input, 0–200 miles.
            """,
            "walk.md",
        )
    )
    assert questions["W1"].text == "Which path do you walk most often?"
    assert questions["W2"].text.startswith("About how many miles")


def test_heading_with_id_and_name_but_no_sentence_under_it_keeps_its_words() -> None:
    questions = by_id(
        compile_text(
            """
            # Walkers' survey

            ### W1 · Which path do you walk most often?

            [1]  Riverside
            [2]  Hill top
            """,
            "walk.md",
        )
    )
    assert questions["W1"].text == "Which path do you walk most often?"


def test_numbers_only_text_entry_is_a_number_with_its_range() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 How many cups of tea did you drink yesterday?
            Text entry – numbers only, 0 to 40
            Q2 What is your favourite biscuit?
            Text entry – single line
            """
        )
    )
    assert questions["Q1"].type == "number"
    assert questions["Q1"].validation is not None
    assert questions["Q1"].validation.max == 40
    assert questions["Q2"].type == "text"


def test_number_validation_and_write_in_number_of_hours_type_a_number() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 In what year did you move here?
            Text entry – single line. Validation: number between 1950 and 2024.
            Q2 For how long was the road closed?
            Please write in the number of days (from 1 to 30): ______ days
            Q3 What was the name of the contractor?
            Please write in the name of the firm: ______
            """
        )
    )
    assert questions["Q1"].type == "number"
    assert questions["Q2"].type == "number"
    assert questions["Q3"].type != "number"


def test_tool_type_line_under_a_request_is_no_part_of_its_words() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Which snacks do you buy? Please select all that apply.
            Multiple choice – multiple answers
            ☐ Crisps
            ☐ Nuts
            ☐ Fruit
            Q2 Please list the shops you visit.
            Multiple shops are fine
            """
        )
    )
    assert questions["Q1"].text == "Which snacks do you buy? Please select all that apply."
    assert questions["Q1"].type == "multi"


def test_display_condition_going_on_under_or_is_one_filter() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 How do you heat your home?
            1 Gas
            2 Oil
            3 Electric
            Display This Question: If Q1 = 1
            Or Q1 = 2
            Q2 How old is your boiler?
            1 Under 5 years
            2 5 years or more
            Q3 Any other comments?
            Or say nothing at all.
            """
        )
    )
    shown = questions["Q2"].display_if
    assert shown is not None
    assert "'1'" in shown
    assert "'2'" in shown
    assert questions["Q3"].display_if is None


def test_words_after_end_of_survey_are_not_the_last_questions() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Please enter your postcode.
            Text entry – single line.
            End of Survey
            Standard thank-you page. Redirect to the council website.
            """
        )
    )
    assert questions["Q1"].text == "Please enter your postcode."
    other = by_id(
        compile_text(
            """
            Q1 Please describe the problem you had
            with the collection of your bins.
            """
        )
    )
    assert "bins" in other["Q1"].text


def test_codes_listed_once_for_a_named_question_all_belong_to_it() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Do you rent or own?
            Rent (1)
            Own outright (2)
            Own with a mortgage (3)
            Q2 Do you have a garden?
            Yes (1)
            No (2)
            Section B – Owners
            Section B is only for owners: answers (2) or (3) at Q1. Renters (Q1 = 1) skip this \
whole section and go on to Section C.
            Q3 How long have you owned your home?
            Under 5 years (1)
            5 years or more (2)
            Q4 Do you plan to move?
            Yes (1)
            No (2)
            Section C – Everyone
            Q5 How safe do you feel at night?
            Safe (1)
            Unsafe (2)
            """
        )
    )
    assert questions["Q3"].display_if == "Q1 in ['2','3']"
    assert questions["Q4"].display_if == "Q1 in ['2','3']"
    assert questions["Q5"].display_if is None


def test_section_note_naming_whom_with_bracketed_tests_filters_the_section() -> None:
    text = """
        Q1 Are you working?
        Yes (1)
        No (2)
        Q2 How old are you?
        Age: ______
        Section B – Work
        Section B: people in work (Q1 = 1) OR anyone aged 70 or over (Q2 of 70 or more). \
Everyone else goes on to Section C.
        Q3 How do you travel to work?
        Car (1)
        Bus (2)
        Q4 How long is the journey?
        Short (1)
        Long (2)
        Section C – About you
        Q5 Do you own a car?
        Yes (1)
        No (2)
        """
    questions = by_id(compile_text(text))
    assert questions["Q3"].display_if == "Q1 == '1' or Q2 >= 70"
    assert questions["Q4"].display_if == "Q1 == '1' or Q2 >= 70"
    assert questions["Q5"].display_if is None
    plain = by_id(compile_text(text.replace("Section B: people in work", "Section B: Work")))
    assert plain["Q5"].display_if is None


def test_route_line_at_the_margin_is_the_next_questions_filter() -> None:
    questions = by_id(
        compile_text(
            """
            Q10  How many staff work at your site?
                 NUMERIC  RANGE 0-900
                 IF 0 GOTO Q13

            Q11  Do you run a staff canteen?   MC
                 1   Hot food
                 2   Cold food
                 3   None of these

            ROUTE: IF Q11 = 1
            Q12  How many hot meals are served a day?
                 NUMERIC  RANGE 0-2000

            Q13  What is your job title?
                 OPEN - SMALL BOX

            ROUTE: IF Q10 MORE THAN 50
            Q14  Does your site have a gym?
                 1   Yes
                 2   No
            """
        )
    )
    assert questions["Q12"].display_if == "Q11 contains '1'"
    assert questions["Q11"].display_if is None
    assert questions["Q14"].display_if == "Q10 > 50"
    assert questions["Q13"].display_if is None
    assert questions["Q10"].skip_to
    assert questions["Q10"].skip_to[0].to == "Q13"
    assert questions["Q11"].type == "multi"


def test_second_display_box_under_a_question_goes_to_the_next_one() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Which pets do you have? Select all that apply.
            Dog
            Cat
            Fish
            Display This Question: If Q1 = Dog
            Q2 How many walks does your dog get a day?
            Text entry – numbers only, 0 to 10
            Display This Question: If Q1 = Cat
            Q3 Is your cat an indoor cat?
            Yes
            No
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 contains '1'"
    assert questions["Q3"].display_if == "Q1 contains '2'"


def test_band_numbers_at_the_end_of_answers_are_no_codes() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 How old is your youngest child?
            Under 3
            3 to 6
            7 to 11
            12 to 17
            Q2 How did you hear about us?
            Radio 1
            Poster 2
            Friend 3
            """
        )
    )
    assert _codes(questions["Q1"])[0] == ("1", "Under 3")
    assert _codes(questions["Q2"]) == [("1", "Radio"), ("2", "Poster"), ("3", "Friend")]


def test_codes_before_boxes_with_wordless_middle_points(tmp_path: Path) -> None:
    questions = by_id(
        compile_text(
            """
            Q1. How tidy is the park?
            1 ☐ Very untidy\t2 ☐\t3 ☐\t4 ☐\t5 ☐ Very tidy
            Q2. Which gate do you use?
            1 ☐ North gate\t2 ☐ South gate
            """
        )
    )
    assert _codes(questions["Q1"]) == [
        ("1", "Very untidy"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very tidy"),
    ]
    assert _codes(questions["Q2"]) == [("1", "North gate"), ("2", "South gate")]


def test_bold_coloured_block_title_ends_the_block_filter(tmp_path: Path) -> None:
    page = tmp_path / "print.html"
    page.write_text(
        """<html><head><style>.bt { font-weight: bold; color: #2e7d32; }
        .logic { color: #1b5e20; }</style></head><body>
        <p class="bt">Block: Start</p>
        <p>Q1 Do you own a bike?</p><ul><li>Yes</li><li>No</li></ul>
        <p class="bt">Block: Bike owners</p>
        <p class="logic">Block display logic: show this block only if Q1 = Yes</p>
        <p>Q2 How often do you ride?</p><ul><li>Daily</li><li>Weekly</li></ul>
        <p>Q3 Where do you park it?</p><ul><li>Indoors</li><li>Outdoors</li></ul>
        <p class="bt">Block: Everyone</p>
        <p>Q4 How do you get to work?</p><ul><li>Walk</li><li>Drive</li></ul>
        <p>Q5 How far is it?</p><ul><li>Near</li><li>Far</li></ul>
        </body></html>""",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(page)).survey)
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q4"].display_if is None
