"""Conventions that carry over between questionnaire styles, one small case each, written in
their own words (no fixture's text): grids under headings, keys, carried answers, filters."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.compiler.lines import document_lines
from fielder.compiler.parse import parse_lines
from fielder.documents import read_path
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


def test_numbered_rows_of_a_ruled_table_answered_in_its_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("C1. What is your date of birth?")
    table = document.add_table(rows=4, cols=4)
    cells = [
        ("", "Item", "Agree (1)", "Disagree (2)"),
        ("C2", "Do you hold a current driving licence?", "", ""),
        ("C3", "Have you driven abroad in the last year?", "", ""),
        ("C4", "Would you drive a hired van?", "", ""),
    ]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("IF ANY AGREE TO C2–C4, ANSWER C5. OTHERWISE GO TO C6.")
    document.add_paragraph("C5. Which vehicle did you drive most recently?")
    document.add_paragraph("C6. What is your height in centimetres?")
    document.save(str(tmp_path / "drivers.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "drivers.docx")).survey)
    for qid in ("C2", "C3", "C4"):
        assert questions[qid].type == "single"
        assert [(o.code, o.label) for o in questions[qid].options] == [
            ("1", "Agree"),
            ("2", "Disagree"),
        ]
    assert questions["C5"].display_if == "C2 == '1' or C3 == '1' or C4 == '1'"
    assert questions["C6"].type == "number"


def test_measures_in_units_and_a_number_asked_for_are_numbers() -> None:
    survey = compile_text(
        """
        1. How far is your commute in kilometres?
        2. How many pets live with you? Please enter a number from 0 to 12.
        3. Please write the telephone number of your landlord.
        """
    )
    questions = by_id(survey)
    assert questions["Q1"].type == "number"
    assert questions["Q2"].type == "number"
    assert questions["Q2"].validation is not None
    assert (questions["Q2"].validation.min, questions["Q2"].validation.max) == (0, 12)
    assert questions["Q3"].type == "text"


def test_this_question_note_under_a_question_filters_it_and_keeps_quoted_or() -> None:
    survey = compile_text(
        """
        Q1. How do you usually travel to the library?
        ☐ On foot
        ☐ By bus or tram
        ☐ By car

        Q2. Which stop do you get on at?
        [Only answer this question if you ticked 'By bus or tram' at Q1.]

        Q3. Any other comments on the opening hours or the town library?
        """
    )
    questions = by_id(survey)
    assert questions["Q2"].display_if == "Q1 == '2'"
    assert questions["Q3"].display_if is None
    assert questions["Q3"].type == "long_text"


def test_an_answer_with_a_comma_named_in_a_condition() -> None:
    survey = compile_text(
        """
        Q1. Will you come to the open day?
        1  Yes, with family
        2  Yes, alone
        3  No
        ASK IF Q1 = Yes, with family
        Q2. How many people will come with you?
        """
    )
    assert by_id(survey)["Q2"].display_if == "Q1 == '1'"


def test_a_paper_form_scale_date_boxes_and_repeated_answer_before_routing() -> None:
    survey = compile_text(
        "1 Did you use the car park?\n1\tYes\n2\tNo\t→ If No, Go to Question 3\n"
        "2 Using any number from 1 to 7, how easy was parking?\n"
        "1\t2\t3\t4\t5\t6\t7\n1\t7\nVery hard\tVery easy\n"
        "3 On what date did you visit?\nMonth / Day / Year: ___ / ___ / _____\n"
        "4 Which days do you usually visit? Please choose one or more.\n"
        "1\tWeekdays\n2\tSaturdays\n3\tSundays\n"
    )
    questions = by_id(survey)
    assert [o.label for o in questions["Q1"].options] == ["Yes", "No"]
    assert [(r.if_, r.to) for r in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert questions["Q2"].type == "scale"
    assert [o.label for o in questions["Q2"].options][::6] == ["Very hard", "Very easy"]
    assert questions["Q3"].type == "date"
    assert questions["Q4"].type == "multi"


def test_write_in_boxes_after_every_answer_are_amounts_not_specifics() -> None:
    survey = compile_text(
        """
        Q3 - How many minutes a day do you spend on each? Your answers must add up to 100.

        Reading : _______  (1)
        Walking : _______  (2)
        """
    )
    assert not any(o.specify for o in by_id(survey)["Q3"].options)


def test_census_table_item_grid_caps_notes_and_letter_codes(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    cells = [
        ("NO.", "QUESTIONS AND FILTERS", "CODING CATEGORIES", "SKIP"),
        (
            "301",
            "Does anyone in this household own:\na) A bicycle\nb) A boat",
            "YES\tNO\nBICYCLE\t1\t2\nBOAT\t1\t2",
            "",
        ),
        (
            "302",
            "Which crops did the household grow last season?\nRECORD ALL MENTIONED.",
            "MAIZE\tA\nCASSAVA\tB\nOTHER (SPECIFY) ______\tX",
            "",
        ),
        ("303", "How many goats does the household own?", "GOATS . . . [__|__]", ""),
    ]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(tmp_path / "census.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "census.docx")).survey)
    assert questions["Q301"].type == "grid"
    assert [r.label for r in questions["Q301"].rows] == ["A bicycle", "A boat"]
    assert [(o.code, o.label) for o in questions["Q301"].options] == [("1", "YES"), ("2", "NO")]
    assert questions["Q302"].text == "Which crops did the household grow last season?"
    assert questions["Q302"].type == "multi"
    assert [(o.code, o.label) for o in questions["Q302"].options] == [
        ("A", "MAIZE"),
        ("B", "CASSAVA"),
        ("X", "OTHER (SPECIFY)"),
    ]


def test_single_line_and_time_of_day_notes_make_a_one_line_box() -> None:
    survey = compile_text(
        """
        T1. Which street did you park on?
        (single line, 40 characters)
        T2. When did you arrive?
        [TIME (HH:MM)]
        """
    )
    questions = by_id(survey)
    assert questions["T1"].type == "text"
    assert questions["T2"].type == "text"


def test_numbered_lists_that_start_again_under_each_heading_are_counted_on() -> None:
    survey = compile_text(
        """
        # Visitor study

        ## Part A

        1. How did you hear about the exhibition today?
           - Poster
           - Friend
        2. How long did you spend in the galleries in minutes?

        ## Part B

        1. Which room did you enjoy the most of all?
           - North hall
           - South hall
        2. Would you come back for the next exhibition?
           - Yes
           - No
        """,
        "visitors.md",
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4"]
    assert questions["Q3"].text == "Which room did you enjoy the most of all?"
    assert [o.label for o in questions["Q4"].options] == ["Yes", "No"]


def test_a_spec_written_as_keys_and_values() -> None:
    survey = compile_text(
        """
        # Supplier survey

        ### Part 1 — Size
        * **Question:** "How many people does your firm employ?"
        * **Options:**
          * `1-9`
          * `10-49`
          * `50 or more`

        ### Part 2 — Comments
        * **Domanda:** "C'è altro che vuoi dirci sul servizio?"
        * **Tipo:** Testo libero
        """,
        "spec.md",
    )
    questions = list(survey.questions())
    assert [q.text for q in questions] == [
        "How many people does your firm employ?",
        "C'è altro che vuoi dirci sul servizio?",
    ]
    assert [o.label for o in questions[0].options] == ["1-9", "10-49", "50 or more"]
    assert questions[1].type == "long_text"


def test_chinese_answers_are_not_capitals_and_a_chinese_skip_routes() -> None:
    survey = compile_text(
        """
        **1. 您平时喝哪些饮料 (multi-select)**
        - 咖啡 / 奶茶 / 果汁 / TV广告饮品

        **2. 您喝咖啡的频率** *(选「从不」跳至 Q4)*
        - 每天 / 每周 / 从不

        **3. 您最喜欢哪家咖啡店**
        - 甲店 / 乙店

        **4. 您的年龄段**
        - 18–25岁 / 26岁以上
        """,
        "drinks.md",
    )
    questions = by_id(survey)
    assert [o.label for o in questions["Q1"].options] == ["咖啡", "奶茶", "果汁", "TV广告饮品"]
    assert [(r.if_, r.to) for r in questions["Q2"].skip_to] == [("Q2 == '3'", "Q4")]


def test_a_condition_in_brackets_after_the_ask_filters_the_question() -> None:
    survey = compile_text(
        """
        Q1. Do you cycle to work?
        (1) Yes
        (2) No
        Q2. What stops you from cycling? (open, conditional on Q1 = 2)
        Q3. How far do you ride each day in km (only if Q1 = 1)
        """
    )
    questions = by_id(survey)
    assert questions["Q2"].text == "What stops you from cycling?"
    assert questions["Q2"].display_if == "Q1 == '2'"
    assert questions["Q3"].text == "How far do you ride each day in km"
    assert questions["Q3"].display_if == "Q1 == '1'"


def test_a_question_named_likert_with_defined_columns_and_a_heading_over_its_rows() -> None:
    survey = compile_text(
        """
        ## Likert type question: How much does each of these get in your way?

        Please consider the following definitions:

        - Big obstacle: Something that often stops you.
        - Small obstacle: Something that sometimes slows you down.
        - Not applicable: This does not apply to you.

        ### Possible obstacles

        - Cost of equipment
        - Safe routes
        - Weather

        ## About you

        ### How old are you?

        - Under 30
        - 30 or over
        """,
        "obstacles.md",
    )
    questions = list(survey.questions())
    assert [q.type for q in questions] == ["grid", "single"]
    assert questions[0].text == "How much does each of these get in your way?"
    assert [o.label for o in questions[0].options] == [
        "Big obstacle",
        "Small obstacle",
        "Not applicable",
    ]
    assert [r.label for r in questions[0].rows] == ["Cost of equipment", "Safe routes", "Weather"]
