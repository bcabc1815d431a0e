"""Readings added for the unseen37 batch (employee and education surveys), in invented words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.options import _TERMINATE_RE
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _spec_sheet() -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ("Ref", "Question / response wording", "Code", "Type", "Filter", "Routing", "Notes"),
        ("H1", "Where do you keep your boat?", None, "SINGLE", None, None, None),
        (None, "A marina berth", 1, None, None, None, None),
        (None, "A swinging mooring", 2, None, None, None, None),
        (None, "A trailer at home", 3, None, None, None, None),
        (None, "I have sold it", 4, None, None, None, None),
        ("PART K", "AFLOAT", None, None, "Section filter: ASK IF H1 = 1-2 (afloat)", None, None),
        ("K1", "What is the boat called?", None, "TEXT", None, None, None),
        ("K2", "How long is the boat, in feet?", None, "NUMBER", None, None, "RANGE 8-80"),
        ("K3", "Is the berth paid monthly?", None, "SINGLE", "ASK IF H1 = 1 (marina)", None, None),
        (None, "Yes", 1, None, None, None, None),
        (None, "No", 2, None, None, None, None),
        ("PART L", "EVERYONE", None, None, "ASK ALL", None, None),
        (
            "L1",
            "How often do you sail the boat now?",
            None,
            "SINGLE",
            "If you no longer own a boat (H1 = 4), go to L3",
            None,
            "Same filter applies to L2",
        ),
        (None, "Weekly", 1, None, None, None, None),
        (None, "Less often", 2, None, None, None, None),
        ("L2", "Who sails with you?", None, "TEXT", None, None, None),
        ("L3", "Would you join the sailing club?", None, "SINGLE", None, None, None),
        (None, "Yes", 1, None, None, None, None),
        (None, "No", 2, None, None, None, None),
    ]
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return by_id(compile_document(read_document(data.getvalue(), "boats.xlsx")).survey)


def test_a_sheets_part_row_with_a_filter_cell_filters_its_part() -> None:
    questions = _spec_sheet()
    assert "PART_K" not in questions
    assert questions["K1"].display_if == "H1 in ['1','2']"
    assert questions["K2"].display_if == "H1 in ['1','2']"
    # the question's own filter narrows the part's: it alone says both
    assert questions["K3"].display_if == "H1 == '1'"


def test_a_filter_cell_sending_others_on_is_the_questions_filter() -> None:
    questions = _spec_sheet()
    assert questions["L1"].display_if == "not (H1 == '4')"
    assert questions["L2"].display_if == "not (H1 == '4')"  # "Same filter applies to L2"
    assert questions["L3"].display_if is None
    assert not questions["H1"].skip_to


def test_a_section_named_ahead_and_an_answer_named_by_its_place() -> None:
    questions = by_id(
        compile_text(
            """
            Part A: Your allotment

            A1. How do you use plot 12?
            ○ I am its tenant
            ○ I share it with the tenant
            ○ I help out now and then

            If you are the plot's tenant, answer Part B, then Part C. Others: go to Part C.

            A2. Do you grow fruit there?
            ○ Yes
            ○ No

            Part B: Tenants only

            B1. How long have you held the plot?
            ○ Under a year
            ○ Longer

            Part C: Helpers (third circle at A1)

            C1. How often do you help?
            ○ Weekly
            ○ Monthly
            ○ Rarely

            Only answer the next question if you chose the last circle at C1

            C2. What would help you come more often?
            """,
            "q.md",
        )
    )
    assert questions["B1"].display_if == "A1 == '1'"
    assert questions["C1"].display_if == "A1 == '3'"
    assert questions["C2"].display_if in (
        "(A1 == '3') and (C1 == '3')",
        "(C1 == '3') and (A1 == '3')",
    )


def test_please_stop_here_ends_the_form() -> None:
    # "○ No → please stop here and hand the form in": a self-completion form's screen-out
    assert _TERMINATE_RE.search("please stop here and hand the form to the secretary")


def test_a_run_answered_by_some_and_who_skips_a_question() -> None:
    questions = by_id(
        compile_text(
            """
            1. Do you lead a choir section?
            ☐ Yes
            ☐ No

            Leaders only: if Yes at question 1, answer questions 2 to 3. If No, go to question 4.

            2. How many singers are in your section?
            Write a number from 2 to 30.

            3. How often do you hold section rehearsals?
            ☐ Weekly
            ☐ Monthly

            4. Which voice do you sing?
            ☐ Soprano
            ☐ Alto
            ☐ Tenor
            ☐ Bass

            Skip this question if you sing bass (question 4).

            5. Would you sing a solo?
            ☐ Yes
            ☐ No

            6. About how many hours a week do you practise at home?
            [Hours a week, 0 to 20.]
            ______ hours
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q1 == '1'"
    assert not questions["Q1"].skip_to  # the "go to question 4" only restates the filter
    assert questions["Q5"].display_if == "not (Q4 == '4')"
    assert questions["Q4"].display_if is None
    validation = questions["Q6"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 20)


def test_do_not_ask_and_whom_for_in_brackets() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which team do you play for?
            1 Firsts
            2 Seconds
            3 Veterans

            DO NOT ASK Q2 IF VETERANS (Q1=3).

            Q2. Would you like to try for the firsts?
            1 Yes
            2 No

            Captains only (Q1 = 1):

            Q3. How many matches did you captain?
            1 One or two
            2 More
            """
        )
    )
    assert questions["Q2"].display_if == "not (Q1 == '3')"
    assert questions["Q3"].display_if == "Q1 == '1'"


def test_only_for_under_a_heading_with_the_others_sent_on_filters_the_section() -> None:
    questions = by_id(
        compile_text(
            """
            ## Part A

            **A1.** How many dogs do you walk?

            *Write a number, 1–5.*

            ## Part B: Second dog

            > Only for walkers with two or more dogs (A1 is 2 or more). Everyone else, go to Part C.

            **B1.** Does your second dog have any health needs?

            - Yes, a special diet [1]
            - Yes, medication [2]
            - No [3]

            **B2.** How well does the walk suit those needs?

            *Only answer if you said Yes at B1.*

            - Well [1]
            - Not well [2]

            ## Part C

            **C1.** Anything else?
            """,
            "q.md",
        )
    )
    assert questions["B1"].display_if == "A1 >= 2"
    assert questions["B2"].display_if == "(A1 >= 2) and (B1 in ['1','2'])"
    assert questions["C1"].display_if is None


def test_answers_of_a_block_repeated_per_child() -> None:
    questions = by_id(
        compile_text(
            """
            ## Eldest child

            **B1.** Which class is this child in?

            - Class 1 [1]
            - Class 2 [2]
            - Class 3 [3]
            - Class 4 [4]

            ## Second child

            **C1.** Which class is your second child in?

            - Class 1 [1]
            - Class 2 [2]
            - Class 3 [3]
            - Class 4 [4]

            ## The school

            **E1.** *Skip this question if you have no children in Class 1–2.* Is the reading good?

            - Good [1]
            - Poor [2]

            **E2.** *Class 4 parents only.* How do you rate the swimming lessons?

            - Good [1]
            - Poor [2]
            """,
            "q.md",
        )
    )
    assert questions["E1"].text.startswith("Is the reading good")
    assert questions["E1"].display_if == "B1 in ['1','2'] or C1 in ['1','2']"
    assert questions["E2"].display_if == "B1 == '4' or C1 == '4'"


def test_display_if_lines_set_over_the_next_question() -> None:
    # a survey builder's route boxes printed above the question they are for, one naming
    # the question right before (it is never that question's own filter)
    questions = by_id(
        compile_text(
            """
            <html><body>
            <p><b>Q1</b> Do you cycle to school?</p>
            <ul><li>1 Yes</li><li>2 No</li></ul>
            <p>Display if Q1 = 1 (cyclists only)</p>
            <p><b>Q2</b> Where do you lock your bike?</p>
            <ul><li>1 Bike shed</li><li>2 Railings</li></ul>
            <p>Display if Q2 = 2</p>
            <p><b>Q3</b> Has it ever been stolen?</p>
            <ul><li>1 Yes</li><li>2 No</li></ul>
            </body></html>
            """,
            "q.html",
        )
    )
    assert questions["Q1"].display_if is None
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q2 == '2'"


def test_any_answer_at_a_numbered_question_and_none_under_a_count() -> None:
    questions = by_id(
        compile_text(
            """
            1. Which clubs have you joined this term? Tick all that apply.
            ☐ Chess
            ☐ Drama
            ☐ Robotics
            ☐ None of these

            Only answer if you ticked at least one club at question 1.

            2. How many club sessions did you miss?
            [Write a number from 0 to 9. If none, go to question 4.]
            ______ sessions

            3. Why did you miss them?
            ☐ Illness
            ☐ Homework

            4. What is the main reason you might give up a club?
            ______________________________________________________________
            """
        )
    )
    assert questions["Q2"].display_if == ("Q1 contains '1' or Q1 contains '2' or Q1 contains '3'")
    assert [(s.if_, s.to) for s in questions["Q2"].skip_to or []] == [("Q2 == 0", "Q4")]
    assert questions["Q4"].type == "long_text"  # a reason, written out on the line


def test_interviewer_answers_in_capitals_and_a_guidance_remark() -> None:
    questions = by_id(
        compile_text(
            """
            NOTES FOR THE FIELD TEAM
            Interviewer instructions are in CAPITALS. Do not read codes.

            INTRO.
            Good evening, I am calling from the allotment society about your plot.

            Q1. Has your rent gone up this year?
                [1] Gone up
                [2] Stayed the same
                [8] DON'T KNOW

            Q2. Which crop do you grow? IF THE TENANT HAD MORE THAN ONE PLOT, ASK ABOUT THE BIG ONE.
                [1] Potatoes
                [2] Onions
                [3] Another crop
            """
        )
    )
    assert "INTRO" in questions
    assert [o.code for o in questions["Q1"].options] == ["1", "2", "8"]
    assert questions["Q2"].type == "single"


def test_a_write_in_blank_after_a_bracketed_code() -> None:
    questions = by_id(
        compile_text(
            """
            **A1.** Which instrument do you play?

            - Violin [1]
            - Cello [2]
            - Another instrument (please specify) [3] ________
            """,
            "q.md",
        )
    )
    options = questions["A1"].options
    assert [(o.code, o.label) for o in options][-1] == ("3", "Another instrument (please specify)")
    assert options[-1].specify
