"""Conventions from unseen28: tick boxes in their own table column, consent statements answered
in per-row cells, eligibility rules written once over a run of questions, number screen-outs
after a box's range, capitals answer lists that keep their bracketed words, a key line naming a
point row's ends, and filters whose clauses name their own questions."""

from __future__ import annotations

from docx import Document as make_docx

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text
from tests.documents.docx_build import docx_bytes


def test_a_column_of_tick_boxes_is_no_part_of_the_answers() -> None:
    survey = by_id(
        compile_text(
            """<html><body>
            <p><b>K1.</b> Which kinds of bread did you bake?</p>
            <table>
            <tr><td>☐</td><td>Rye loaf</td><td>1</td></tr>
            <tr><td>☐</td><td>Soda bread</td><td>2</td></tr>
            <tr><td>☐</td><td>Flatbread</td><td>3</td></tr>
            </table>
            <p><b>K2.</b> May we contact you again?</p>
            <table>
            <tr><td>☐</td><td>Yes</td><td>1</td><td></td></tr>
            <tr><td>☐</td><td>No</td><td>2</td><td>→ THANK THE PERSON AND END</td></tr>
            </table>
            <p><b>K3.</b> Which oven do you use?</p>
            <table>
            <tr><td>☐</td><td>Gas</td><td>1</td></tr>
            <tr><td>☐</td><td>Electric</td><td>2</td></tr>
            </table>
            </body></html>""",
            "bakers.html",
        )
    )
    assert [(o.code, o.label) for o in survey["K1"].options] == [
        ("1", "Rye loaf"),
        ("2", "Soda bread"),
        ("3", "Flatbread"),
    ]
    assert survey["K2"].type == "single"
    assert survey["K2"].terminate_if == "K2 == '2'"


def _consent_form() -> bytes:
    document = make_docx()
    document.add_paragraph(
        "If you tick No for any of P1 to P2, please stop here and hand the form back."
    )
    table = document.add_table(rows=4, cols=4)
    rows = [
        ("", "Statement", "Yes", "No"),
        ("P1", "I have read the leaflet about the allotment study and had the chance to ask."),
        ("P2", "I agree to my plot being photographed for the study by one of the volunteers."),
        (
            "P3",
            "I agree to being sent the allotment society newsletter by post each season.",
        ),
    ]
    rows = [rows[0], *((*row, "☐ Yes (1)", "☐ No (2)") for row in rows[1:])]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("Q1\tHow many plots do you rent?")
    document.add_paragraph("Plots: ______")
    return docx_bytes(document)


def test_consent_rows_each_answer_with_the_boxed_answers_in_their_cells() -> None:
    survey = by_id(compile_document(read_document(_consent_form(), "plots.docx")).survey)
    for qid in ("P1", "P2", "P3"):
        assert survey[qid].type == "single"
        assert [(o.code, o.label) for o in survey[qid].options] == [("1", "Yes"), ("2", "No")]
    assert survey["P1"].terminate_if == "P1 == '2'"
    assert survey["P2"].terminate_if == "P2 == '2'"
    assert survey["P3"].terminate_if is None


def test_a_screen_out_written_once_over_a_run_goes_on_each_question() -> None:
    survey = by_id(
        compile_text(
            """
            ALL OF AB1 TO AB2 MUST BE 'YES'. IF ANY OF THEM IS 'NO' → NOT ELIGIBLE, END.

            AB1\tDo you own a rowing boat?
            Yes\t1
            No\t2

            AB2\tDo you row at least once a month?
            Yes\t1
            No\t2

            IF THE ANSWER TO ANY OF XB1 TO XB2 IS 'YES' → NOT ELIGIBLE, END.

            XB1\tHave you capsized in the past year?
            Yes\t1
            No\t2

            XB2\tDo you race for a club?
            Yes\t1
            No\t2
            """,
            "rowing.txt",
        )
    )
    assert survey["AB1"].terminate_if == "AB1 == '2'"
    assert survey["AB2"].terminate_if == "AB2 == '2'"
    assert survey["XB1"].terminate_if == "XB1 == '1'"
    assert survey["XB2"].terminate_if == "XB2 == '1'"


def test_a_number_screen_out_after_the_box_and_its_range() -> None:
    survey = by_id(
        compile_text(
            """
            K1\tHow many goats do you keep?
            GOATS: ______ (ALLOW 1–40) IF UNDER 3 OR OVER 30 → NOT ELIGIBLE, END.

            K2\tHow many weeks ago were they last sheared?
            WEEKS: ______ (0–60). IF MORE THAN 20 → NOT ELIGIBLE, END.

            K3\tIs the herd registered?
            Yes\t1
            No\t2\t→ END CALL. OFFER TO CALL BACK.
            """,
            "goats.txt",
        )
    )
    assert survey["K1"].terminate_if == "K1 < 3 or K1 > 30"
    assert survey["K2"].validation is not None
    assert (survey["K2"].validation.min, survey["K2"].validation.max) == (0, 60)
    assert survey["K2"].terminate_if == "K2 > 20"
    assert survey["K3"].terminate_if == "K3 == '2'"


def test_end_of_survey_and_not_needing_the_rest_are_screen_outs() -> None:
    survey = by_id(
        compile_text(
            """
            **Q1** Do you keep bees in the county?

            - ☐ Yes (1)
            - ☐ No (2) → *Thank you. You do not need to fill in the rest of the form.*

            **Q2** How many hives do you have?

            - ☐ One (1)
            - ☐ Two or more (2) → END OF SURVEY
            """,
            "bees.md",
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '2'"
    assert survey["Q2"].terminate_if == "Q2 == '2'"


def test_capitals_answers_keep_their_bracketed_words_and_wrapped_routing() -> None:
    survey = by_id(
        compile_text(
            """
            HB1     May we start the section on heating?

                    YES ..................................... 1
                    NO ...................................... 2   -> END INTERVIEW,
                                                                  RECORD OUTCOME 7

            HB2     What is the main fuel used for heating?

                    MAINS GAS ............................... 11
                    BOTTLED GAS (LPG, PROPANE) .............. 12
                    WOOD .................................... 21
                    OTHER (SPECIFY) ......................... 96

            HB3     How long does the boiler take to warm the house?
                    RECORD THE TIME IN MINUTES.

                    MINUTES  [__|__|__]                RANGE 1-300

            HB4     Does your home have:

                                                       YES   NO
                    a) A chimney?                        1    2
                    b) A wood store?                     1    2
            """,
            "heating.txt",
        )
    )
    assert [o.label for o in survey["HB1"].options] == ["YES", "NO"]
    assert survey["HB1"].terminate_if == "HB1 == '2'"
    labels = [o.label for o in survey["HB2"].options]
    assert labels == ["MAINS GAS", "BOTTLED GAS (LPG, PROPANE)", "WOOD", "OTHER (SPECIFY)"]
    assert survey["HB2"].options[-1].specify
    assert survey["HB3"].type == "number"
    assert survey["HB4"].type == "grid"
    assert [r.label for r in survey["HB4"].rows] == ["A chimney?", "A wood store?"]


def test_a_key_line_names_the_ends_of_a_row_of_points() -> None:
    survey = by_id(
        compile_text(
            """
            1. Overall, how was your visit to the museum? Please circle a number.

            0\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10
            0 = A very dull visit\t10 = A very good visit

            2. Which rooms did you see? Tick ALL that apply.

            1 ☐ The fossil hall
            2 ☐ The map room
            3 ☐ I was not allowed into any room
            """,
            "museum.txt",
        )
    )
    visit = survey["Q1"]
    assert visit.type == "scale"
    assert visit.options[0].label == "A very dull visit"
    assert visit.options[-1].label == "A very good visit"
    assert survey["Q2"].options[-1].exclusive


def test_a_filter_clause_with_a_coded_answer_keeps_its_other_clause() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. Which kinds of fruit did you buy? Tick all that apply.
            - ☐ Apples (1)
            - ☐ Pears (2)

            Q2. How many children live in your home?

            _____ children

            Ask only if Q2 is 4 or more AND Q1 includes Pears (2)

            Q3. Did the fruit last the week?
            - ☐ Yes (1)
            - ☐ No (2)
            """,
            "fruit.md",
        )
    )
    assert survey["Q3"].display_if == "Q2 >= 4 and Q1 contains '2'"


def test_an_age_named_in_words_is_the_age_question_however_far_back() -> None:
    fillers = "\n\n".join(
        f"Q{n}. How many cups of tea did you drink on day {n}?\n\n_____ cups" for n in range(2, 16)
    )
    survey = by_id(
        compile_text(
            f"""
Q1. How old are you? Please write your age in years.

_____ years

{fillers}

Q16. Do you take sugar?
- ☐ Yes (1)
- ☐ No (2)

Please answer Q17 only if you are aged 70 or over AND you do not take sugar (you ticked No at Q16).

Q17. Would you like a leaflet on healthy drinks?
- ☐ Yes (1)
- ☐ No (2)
""",
            "tea.md",
        )
    )
    assert survey["Q17"].display_if == "Q1 >= 70 and Q16 == '2'"
