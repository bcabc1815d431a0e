"""Conventions that carry over between questionnaire styles, one small case each, written in
their own words (no fixture's text): grids under headings, keys, carried answers, filters."""

from __future__ import annotations

from fielder.compiler.lines import document_lines
from fielder.compiler.parse import parse_lines
from tests.compiler.conftest import by_id, compile_text, read_text


def test_scale_ends_named_with_accented_words() -> None:
    survey = compile_text(
        """
        B1   Wie wichtig ist Ihnen ein eigener Garten?
             1 = überhaupt nicht wichtig ... 5 = äußerst wichtig
        """
    )
    question = by_id(survey)["B1"]
    assert question.type == "scale"
    assert [(o.code, o.label) for o in question.options][::4] == [
        ("1", "überhaupt nicht wichtig"),
        ("5", "äußerst wichtig"),
    ]


def test_words_and_colon_before_a_blank_ask_for_specifics() -> None:
    survey = compile_text(
        """
        S4   Welche Sportarten treiben Sie regelmäßig?
             MEHRFACHNENNUNG
             Laufen .................................. 1
             Schwimmen ............................... 2
             Andere Sportart, nämlich: _________ ..... 7
        """
    )
    question = by_id(survey)["S4"]
    assert [o.code for o in question.options if o.specify] == ["7"]
    assert question.options[-1].label == "Andere Sportart, nämlich"


def test_a_key_of_abbreviations_names_the_grid_columns() -> None:
    survey = compile_text(
        "Key used below: VS = Very satisfied (4), S = Satisfied (3), D = Dissatisfied (2), "
        "VD = Very dissatisfied (1).\n\n"
        "Q2. How satisfied were you with each part of your stay?\n"
        "VS\tS\tD\tVD\n"
        "a) The room\t☐\t☐\t☐\t☐\n"
        "b) The breakfast\t☐\t☐\t☐\t☐\n"
        "Q3. Would you stay with us again?\n☐ Yes ☐ No\n"
    )
    question = by_id(survey)["Q2"]
    assert question.type == "grid"
    assert [(o.code, o.label) for o in question.options] == [
        ("4", "Very satisfied"),
        ("3", "Satisfied"),
        ("2", "Dissatisfied"),
        ("1", "Very dissatisfied"),
    ]
    assert [r.label for r in question.rows] == ["The room", "The breakfast"]


def test_headings_in_capitals_over_coded_rows_are_columns() -> None:
    survey = compile_text(
        "1. Which of these do you own?\n"
        "OWN\tRENT\tNEITHER\n"
        "CAR\t1\t2\t3\n"
        "BICYCLE\t1\t2\t3\n"
        "2. How old are you?\n"
    )
    question = by_id(survey)["Q1"]
    assert question.type == "grid"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "OWN"),
        ("2", "RENT"),
        ("3", "NEITHER"),
    ]
    assert [r.label for r in question.rows] == ["CAR", "BICYCLE"]


def test_headings_wrapped_over_two_lines_join_by_position() -> None:
    text = (
        "K2   How often do you use each room?\n"
        "                 most         hardly\n"
        "                 days  weekly  ever\n"
        "a) Kitchen       1     2       3\n"
        "b) Cellar        1     2       3\n"
    )
    parsed = parse_lines(document_lines(read_text(text)))
    survey = compile_text(text)
    question = by_id(survey)["K2"]
    assert [o.label for o in question.options] == ["most days", "weekly", "hardly ever"]
    assert [r.label for r in question.rows] == ["Kitchen", "Cellar"]
    assert len(parsed.drafts) == 1


def test_a_printed_matrix_with_radio_marks_and_recodes() -> None:
    survey = compile_text(
        "Q4 - How much do you trust each source?\n\n"
        "\tA lot (1)\tA little (2)\tNot at all (3)\n"
        "Friends (1)\to\to\to\n"
        "Newspapers (2)\to\to\to\n\n"
        "Q5 - How old are you?\n"
    )
    question = by_id(survey)["Q4"]
    assert question.type == "grid"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "A lot"),
        ("2", "A little"),
        ("3", "Not at all"),
    ]
    assert [r.label for r in question.rows] == ["Friends", "Newspapers"]


def test_carried_answers_come_before_the_extras_written_under_them() -> None:
    survey = compile_text(
        """
        P1. Which of these bakeries have you heard of?
        [MULTI]
        Crumb Corner ..... 1
        Loaf & Ladle ..... 2
        Rye Society ...... 3
        None of these .... 9 [EXCLUSIVE]

        P2. Which one do you buy bread from most often?
        [SHOW BAKERIES SELECTED AT P1, THEN:]
        Somewhere else ...... 7
        Nowhere regularly ... 8
        """
    )
    question = by_id(survey)["P2"]
    assert [o.code for o in question.options] == ["1", "2", "3", "7", "8"]
    assert question.options_from is not None
    assert question.options_from.question == "P1"


def test_grid_headings_ending_in_their_codes_over_tick_boxes() -> None:
    html = (
        "<html><body><p>G1. Which of these words fit each airline?</p>"
        "<table><tr><th></th><th>Skyway<br>1</th><th>Blue Jet<br>2</th><th>Neither<br>9</th></tr>"
        "<tr><td>Punctual</td><td>☐</td><td>☐</td><td>☐</td></tr>"
        "<tr><td>Friendly crew</td><td>☐</td><td>☐</td><td>☐</td></tr></table>"
        "<p>G2. How old are you?</p></body></html>"
    )
    survey = compile_text(html, "grid.html")
    question = by_id(survey)["G1"]
    assert question.type == "grid"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Skyway"),
        ("2", "Blue Jet"),
        ("9", "Neither"),
    ]


def test_one_row_of_points_with_words_in_the_end_cells_is_a_scale() -> None:
    survey = compile_text(
        "<html><body><p>N1. How likely are you to renew your membership?</p>"
        "<table><tr><td>1 – Very unlikely</td><td>2</td><td>3</td><td>4</td>"
        "<td>5 – Very likely</td></tr></table></body></html>",
        "renew.html",
    )
    question = by_id(survey)["N1"]
    assert question.type == "scale"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Very unlikely"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very likely"),
    ]
