"""Conventions from agency trackers and CATI scripts (unseen18, fixer f18), one small case each,
in invented words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.build import directives_of
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_curly_tags_on_an_id_heading_are_the_question_s_notes() -> None:
    survey = by_id(
        compile_text(
            "#### K1 {MULTI}\n"
            "Which of these pets do you keep?\n\n"
            "- 1 - Dog\n"
            "- 2 - Cat\n"
            "- 3 - Rabbit\n\n"
            "#### K2 {DROPDOWN} {SHOW IF K1 = 1}\n"
            "What breed is your dog?\n\n"
            "- 1 - Collie\n"
            "- 2 - Beagle\n\n"
            "#### K3 {NUMBER 0–40}\n"
            "How many years have you kept pets?\n",
            "q.md",
        )
    )
    assert survey["K1"].type == "multi"
    assert survey["K2"].type == "dropdown"
    assert survey["K2"].display_if == "K1 contains '1'"
    assert survey["K3"].validation is not None
    assert survey["K3"].validation.max == 40


def test_point_row_with_the_low_end_words_before_its_number() -> None:
    survey = by_id(
        compile_text(
            "#### M4 {SINGLE}\n"
            "How keen are you on the new timetable?\n\n"
            "Not keen at all **1** · **2** · **3** · **4** · **5** Very keen\n",
            "q.md",
        )
    )
    question = survey["M4"]
    assert question.type == "scale"
    labels = [(o.code, o.label) for o in question.options]
    assert labels[0] == ("1", "Not keen at all")
    assert labels[-1] == ("5", "Very keen")


def test_arrow_route_cells_name_a_question_with_a_remark_or_a_section_s_first() -> None:
    survey = by_id(
        compile_text(
            "## Part A\n\n"
            "#### A1\n"
            "Do you cycle to work?\n\n"
            "| Code | Answer | Route |\n"
            "|---|---|---|\n"
            "| 1 | Yes | |\n"
            "| 2 | No | ➜ Part B (B1) |\n\n"
            "#### A2\n"
            "How far do you ride?\n\n"
            "| Code | Answer | Route |\n"
            "|---|---|---|\n"
            "| 1 | Under 5 km | ➜ B2 (skip the rest of Part B) |\n"
            "| 2 | 5 km or more | |\n\n"
            "## Part B\n\n"
            "#### B1\n"
            "Do you own a car?\n\n"
            "| Code | Answer | Route |\n"
            "|---|---|---|\n"
            "| 1 | Yes | |\n"
            "| 2 | No | |\n\n"
            "#### B2\n"
            "Do you own a scooter?\n\n"
            "| Code | Answer | Route |\n"
            "|---|---|---|\n"
            "| 1 | Yes | |\n"
            "| 2 | No | |\n",
            "q.md",
        )
    )
    assert [(s.if_, s.to) for s in survey["A1"].skip_to] == [("A1 == '2'", "B1")]
    assert [(s.if_, s.to) for s in survey["A2"].skip_to] == [("A2 == '1'", "B2")]


def test_codes_named_in_an_exclusivity_sentence_are_not_a_named_list() -> None:
    survey = by_id(
        compile_text(
            "Q1. Which of these did you do last weekend? MULTI CODE\n"
            "   1 Went swimming\n"
            "   2 Visited family\n"
            "   3 Stayed at home\n"
            "   4 None of these\n"
            "Codes 3 and 4 are exclusive.\n\n"
            "Q2. Did you enjoy it?\n"
            "   1 Yes\n"
            "   2 No\n"
        )
    )
    assert [o.code for o in survey["Q1"].options if o.exclusive] == ["3", "4"]


def test_ask_section_naming_its_questions_filters_each_of_them() -> None:
    survey = by_id(
        compile_text(
            "S1  Do you have a garden?\n"
            "       01  Yes\n"
            "       02  No\n\n"
            "SECTION G: GARDEN\n"
            "ASK SECTION G (G1-G2) IF S1 = 01. ALL OTHERS SKIP TO SECTION H (H1).\n\n"
            "G1  How big is your garden?\n"
            "       01  Small\n"
            "       02  Large\n\n"
            "G2  Do you grow vegetables?\n"
            "       01  Yes\n"
            "       02  No\n\n"
            "SECTION H: HOME\n\n"
            "H1  How many rooms does your home have?\n"
            "       RECORD NUMBER: ____\n"
        )
    )
    assert survey["G1"].display_if == "S1 == '01'"
    assert survey["G2"].display_if == "S1 == '01'"
    assert survey["H1"].display_if is None


def test_most_then_next_read_out_is_a_ranking() -> None:
    survey = by_id(
        compile_text(
            "Q4   Which of these snacks do you like best? And which next? READ OUT.\n"
            "       01  Crisps\n"
            "       02  Nuts\n"
            "       03  Fruit\n"
        )
    )
    assert survey["Q4"].type == "ranking"


def test_capitals_with_a_quoted_word_after_the_question_are_a_note() -> None:
    survey = by_id(
        compile_text(
            'Q9  What is your house number? TYPE IN. IF NONE, TYPE "NA".\n\n'
            "Q10 Do you rent?\n"
            "       01  Yes\n"
            "       02  No\n"
        )
    )
    assert survey["Q9"].text == "What is your house number?"


def test_a_capitals_tag_wrapped_under_its_answer_is_read_whole() -> None:
    survey = by_id(
        compile_text(
            "QR1  Are you a resident of this town?\n"
            "       01  Yes                        CONTINUE\n"
            "       02  No                         ASK FOR A RESIDENT AND\n"
            "                                      START AGAIN. IF NONE, THANK\n"
            "                                      AND CLOSE\n\n"
            "QR2  Which of these do you use? READ OUT. MULTI\n"
            "     CODE.\n"
            "       01  Library\n"
            "       02  Pool\n"
        )
    )
    assert [o.label for o in survey["QR1"].options] == ["Yes", "No"]
    assert survey["QR1"].terminate_if == "QR1 == '02'"
    assert [o.label for o in survey["QR2"].options] == ["Library", "Pool"]
    assert survey["QR2"].type == "multi"


def test_an_ask_line_after_a_wrapped_note_is_not_joined_to_it() -> None:
    survey = by_id(
        compile_text(
            "QR1  Do you drive?\n"
            "       01  Yes\n"
            "       02  No                         DO NOT READ OUT\n"
            "     IF NO AT QR1 (02): THANK AND CLOSE.\n\n"
            "QR2  How often?\n"
            "       01  Daily\n"
            "       02  Weekly\n"
        )
    )
    assert [o.label for o in survey["QR1"].options] == ["Yes", "No"]
    assert survey["QR1"].terminate_if == "QR1 == '02'"


def test_a_share_box_after_each_item_is_no_part_of_its_words() -> None:
    survey = by_id(
        compile_text(
            "Q5. Of your last ten journeys, what share went by each of these? Your answers "
            "should add up to 100%.\n"
            "Constant sum – total must be 100.\n"
            "(1) Bus ___ %\n"
            "(2) Tram ___ %\n"
            "(3) Walking ___ %\n\n"
            "Q6. Any comments?\n"
        )
    )
    question = survey["Q5"]
    assert [o.label for o in question.options] == ["Bus", "Tram", "Walking"]
    assert not any(o.specify for o in question.options)


def test_a_box_after_every_answer_is_an_amount_not_a_specify() -> None:
    survey = by_id(
        compile_text(
            "Q7. Please share 100 points between these. Your points must add up to 100.\n"
            "1 Flavour ______\n"
            "2 Price ______\n"
            "3 Packaging ______\n\n"
            "Q8. Any comments?\n"
        )
    )
    assert not any(o.specify for o in survey["Q7"].options)
    assert [o.label for o in survey["Q7"].options] == ["Flavour", "Price", "Packaging"]


def test_end_survey_arrow_with_its_kind_in_brackets_ends_the_interview() -> None:
    survey = by_id(
        compile_text(
            "S1. Do you work in advertising?\n"
            "(1) Yes → end survey (screen-out)\n"
            "(2) No\n"
            "(3) Rather not say → end survey\n\n"
            "S2. Do you own a bicycle?\n"
            "(1) Yes\n"
            "(2) No\n"
        )
    )
    assert [o.label for o in survey["S1"].options] == ["Yes", "No", "Rather not say"]
    assert survey["S1"].terminate_if == "S1 in ['1','3']"


def test_a_loop_over_answers_filters_each_looped_question() -> None:
    survey = by_id(
        compile_text(
            "P1. Which of these parks have you visited? MULTI CODE\n"
            "   1 Elm Park\n"
            "   2 River Park\n"
            "   3 Hill Park\n"
            "   9 None of these\n\n"
            "[LOOP: ASK P2 TO P3 FOR EACH PARK VISITED AT P1 (CODES 1–3)]\n\n"
            "P2. How clean is [PARK]?\n"
            "   1 Clean\n"
            "   2 Dirty\n\n"
            "P3. How safe is [PARK]?\n"
            "   1 Safe\n"
            "   2 Unsafe\n\n"
            "P4. Any other comments?\n"
        )
    )
    condition = "P1 contains '1' or P1 contains '2' or P1 contains '3'"
    assert survey["P2"].display_if == condition
    assert survey["P3"].display_if == condition
    assert survey["P4"].display_if is None


def test_a_looped_item_in_capitals_inside_the_sentence_is_piped() -> None:
    survey = by_id(
        compile_text("Q2. Have you ever flown with [AIRLINE] before?\n   1 Yes\n   2 No\n")
    )
    assert survey["Q2"].text == "Have you ever flown with [AIRLINE] before?"


def test_condition_then_spaced_dash_then_skip_is_one_skip() -> None:
    found = directives_of(["IF B2 = 4 OR 5 – SKIP TO SECTION F"])
    assert [(d.kind, d.target) for d in found] == [("skip", "SECTION F")]


def test_a_prefixed_filter_after_the_answers_is_the_next_question_s() -> None:
    survey = by_id(
        compile_text(
            "Q1. Would you try the new menu?\n"
            "[1] Yes\n"
            "[2] Maybe\n"
            "[3] No\n"
            "PROG: ASK IF Q1 = 1–2.\n"
            "Q2. Which dish would you order first?\n"
            "_____\n"
            "PROG: ASK IF Q1 = 3.\n"
            "Q3. Why not?\n"
        )
    )
    assert survey["Q1"].display_if is None
    assert survey["Q2"].display_if == "Q1 in ['1','2']"
    assert survey["Q3"].display_if == "Q1 == '3'"


def test_not_before_a_list_of_codes_denies_the_whole_list() -> None:
    survey = by_id(
        compile_text(
            "S1. Which of these do you sell? MULTI CODE. TERMINATE IF NOT CODE 1 OR 2.\n"
            "   1 Bread\n"
            "   2 Cakes\n"
            "   3 Coffee\n\n"
            "S2. How many staff do you have?\n"
        )
    )
    assert survey["S1"].terminate_if == "not (S1 contains '1' or S1 contains '2')"


def test_square_bracketed_points_between_end_words_are_a_scale_row() -> None:
    survey = by_id(
        compile_text(
            "Q3. How useful was the workshop?\n"
            "Not useful at all [1] [2] [3] [4] [5] Very useful\n\n"
            "Q4. Any comments?\n"
        )
    )
    question = survey["Q3"]
    assert question.text == "How useful was the workshop?"
    assert question.type == "scale"
    assert [o.label for o in question.options] == [
        "Not useful at all",
        "2",
        "3",
        "4",
        "Very useful",
    ]


def test_a_base_bar_sending_the_others_to_a_later_section_filters_the_section() -> None:
    survey = by_id(
        compile_text(
            "Q1. Which of these do you own? MULTI CODE\n"
            "   1 A car\n"
            "   2 A van\n"
            "   3 Neither\n\n"
            "SECTION B – VANS\n"
            "BASE: VAN OWNERS (CODE 2 AT Q1). ALL OTHERS GO TO SECTION C (Q4).\n"
            "Q2. How old is your van?\n"
            "   1 Under 5 years\n"
            "   2 5 years or more\n"
            "Q3. Is the van for work?\n"
            "   1 Yes\n"
            "   2 No\n"
            "SECTION C – ABOUT YOU\n"
            "Q4. How old are you?\n"
        )
    )
    assert survey["Q2"].display_if == "Q1 contains '2'"
    assert survey["Q3"].display_if == "Q1 contains '2'"
    assert survey["Q4"].display_if is None


def test_close_with_its_reason_in_a_routing_cell_screens_out() -> None:
    survey = by_id(
        compile_text(
            "Q1. Are you a tenant of the association?\n\n"
            "| Code | Response | Routing |\n"
            "|---|---|---|\n"
            "| 1 | Yes | CONTINUE |\n"
            "| 2 | No | CLOSE – NOT A TENANT |\n\n"
            "Q2. How long have you lived here?\n",
            "q.md",
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '2'"


def test_a_grid_headed_by_numbers_takes_the_key_printed_above_it() -> None:
    survey = by_id(
        compile_text(
            "Q6. How often do you do each of these?\n\n"
            "1 = Never\n\n"
            "2 = Sometimes\n\n"
            "3 = Often\n\n"
            "| | 1 | 2 | 3 |\n"
            "|---|---|---|---|\n"
            "| Cook at home | ○ | ○ | ○ |\n"
            "| Eat out | ○ | ○ | ○ |\n"
            "| Order a takeaway | ○ | ○ | ○ |\n",
            "q.md",
        )
    )
    question = survey["Q6"]
    assert question.type == "grid"
    assert [o.label for o in question.options] == ["Never", "Sometimes", "Often"]


def _scripter_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q No.", "Question / answer text", "Code", "Routing", "Scripter notes"])
    sheet.append(["A1", "How old are you?", None, None, "NUMERIC, ALLOW 16–90"])
    sheet.append(["A2", "Which bakery do you use most?", None, None, "SINGLE; DROPDOWN"])
    sheet.append([None, "Crumb & Co", 1, None, None])
    sheet.append([None, "The Loaf", 2, None, None])
    sheet.append(["A3", "Do you have children?", None, "IF 1 ASK A4, OTHERWISE SKIP TO A5", None])
    sheet.append([None, "Yes", 1, "CONTINUE TO A4", None])
    sheet.append([None, "No", 2, None, None])
    sheet.append(["A4", "How many?", None, None, "NUMERIC, ALLOW 1–9"])
    sheet.append(["A5", "Any comments?", None, None, "OPEN"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_scripter_notes_column_holds_the_notes_and_continue_to_next_is_no_skip() -> None:
    survey = by_id(compile_document(read_document(_scripter_sheet(), "q.xlsx")).survey)
    assert survey["A1"].validation is not None
    assert survey["A1"].validation.min == 16
    assert survey["A2"].type == "dropdown"
    assert survey["A3"].skip_to == []
    assert survey["A4"].display_if == "A3 == '1'"
