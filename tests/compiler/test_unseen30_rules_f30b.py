"""Conventions from unseen30 (healthcare research): an interview guide's "all others terminate",
a hidden variable's note between questions, wrapped probes, a shared-screen product profile,
"IF … ASK" filters, "ask all except" with the test of those asked in brackets, a base over a run
of questions, "at least once", a routing callout that skips a whole part, a code column's
answers that look like labels and an "OPEN END" note over the next question (written in their
own words, not taken from any fixture)."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_continue_if_codes_then_all_others_terminate_screens_out_the_rest() -> None:
    survey = by_id(
        compile_text(
            """
            K1.  Which ferry do you usually take?
                 1 = Morning ferry
                 2 = Noon ferry
                 3 = Evening ferry
                 4 = Night ferry
                 CONTINUE IF CODES 1-2. ALL OTHERS TERMINATE.

            K2.  How long is the crossing?
                 1 = Under an hour
                 2 = An hour or more
            """
        )
    )
    assert survey["K1"].terminate_if == "K1 in ['3','4']"
    assert survey["K2"].terminate_if is None


def test_a_hidden_variable_note_between_questions_gives_no_answers() -> None:
    survey = by_id(
        compile_text(
            """
            K1.  How many lighthouses have you visited?
                 RANGE 0-40.
                 ______ lighthouses

                 HIDDEN VARIABLE KEEPERS (NOT ASKED): 1 = COAST (K0 CODES 1, 2),
                 2 = ISLAND (K0 CODE 3). USED FOR REPORTING ONLY.

            K2.  Which lighthouse did you like most?
                 1 = Northern point
                 2 = Rocky cove
            """
        )
    )
    assert survey["K1"].type == "number"
    assert survey["K1"].options == []
    assert [o.label for o in survey["K2"].options] == ["Northern point", "Rocky cove"]


def test_a_probe_wrapped_onto_a_lower_case_line_stays_a_probe() -> None:
    survey = by_id(
        compile_text(
            """
            K1.  Please tell me about the last harbour you sailed into.
                 RECORD VERBATIM.
                 PROBE: Who chose the mooring? What mattered the
                 most? How long did you stay?

            K2.  Would you sail there again?
                 1 = Yes
                 2 = No
            """
        )
    )
    assert survey["K1"].text == "Please tell me about the last harbour you sailed into."


def test_a_shared_screen_of_a_product_profile_is_a_display() -> None:
    survey = by_id(
        compile_text(
            """
            K1.  SHARE SCREEN: LANTERN Z PROFILE. ALLOW 1 MINUTE TO READ.
                 I will now show you a short description of a new storm lantern. Please
                 read it and tell me when you are done.

            K2.  What is your first impression of it?
                 RECORD VERBATIM.
            """
        )
    )
    assert survey["K1"].type == "display"
    assert survey["K2"].type == "long_text"


def test_a_profile_word_before_the_words_names_a_screen() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. Which of these do you own?
            1. Canoe
            2. Kayak

            PROFILE Please read this description. The Drift 4 is a folding kayak.

            Q2. How appealing is it?
            1. Very appealing
            2. Not appealing
            """
        )
    )
    assert survey["PROFILE"].type == "display"
    assert survey["PROFILE"].text.startswith("Please read this description.")


def test_a_condition_then_ask_filters_the_question() -> None:
    survey = by_id(
        compile_text(
            """
            K3.  How much do you enjoy sailing at night?
                 1 = Not at all
                 2 = A little
                 3 = Somewhat
                 4 = Very much

            K4.  IF K3 = 1-2 ASK:
                 What puts you off?
                 RECORD VERBATIM.

            K5.  IF K3 = 3-4 ASK:
                 Where do you usually sail at night?
                 RECORD VERBATIM.
            """
        )
    )
    assert survey["K4"].display_if == "K3 in ['1','2']"
    assert survey["K5"].display_if == "K3 in ['3','4']"


def test_a_condition_then_ask_under_the_answers_is_the_next_questions_filter() -> None:
    survey = by_id(
        compile_text(
            """
            S1. What kind of boat do you sail?
            [1] Dinghy
            [2] Yacht
            [3] Catamaran
            Q1. How often do you sail?
            [1] Weekly
            [2] Monthly
            IF BOAT = CATAMARAN (S1 CODE 3) ASK.
            Q2. How many hulls does your boat have?
            [1] Two
            [2] Three
            """
        )
    )
    assert survey["Q1"].display_if is None
    assert survey["Q2"].display_if == "S1 == '3'"


def test_ask_all_except_a_group_with_its_negated_test_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """
            K1.  Which best describes your club?
                 1 = Rowing club
                 2 = Sailing club
                 3 = Angling club

            K2.  ASK ALL EXCEPT ANGLERs (K1 NOT = 3).
                 Would your club host a regatta?
                 1 = Yes
                 2 = No
            """
        )
    )
    assert survey["K2"].text == "Would your club host a regatta?"
    assert survey["K2"].display_if == "not (K1 == '3')"


def test_a_base_line_naming_a_run_of_questions_ends_after_the_last() -> None:
    survey = by_id(
        compile_text(
            """
            S3. Which of these do you fish for? Select all that apply.
            [1] Trout
            [2] Salmon
            [3] Pike
            BASE: ALL PIKE ANGLERS (S3 CODE 3) – Q1 TO Q2
            Q1. Which lure do you use most?
            [1] Spoon
            [2] Spinner
            Q2. How heavy was your biggest pike, in kilos?
            ______ kg
            Q3. How often do you fish?
            [1] Weekly
            [2] Monthly
            """
        )
    )
    assert survey["Q1"].display_if == "S3 contains '3'"
    assert survey["Q2"].display_if == "S3 contains '3'"
    assert survey["Q3"].display_if is None


def test_at_least_once_is_a_count_of_one() -> None:
    survey = by_id(
        compile_text(
            """
            **Q1.** How many times did you visit the boatyard last year?

            *Number box, 0 to 30.*

            **Q2.** How was the service at the boatyard?

            *Only if the visitor came at least once at Q1.*

            - ( ) Good
            - ( ) Poor
            """,
            "boats.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 >= 1"


def test_a_routing_callout_skipping_a_whole_part_ends_at_the_last_question_named() -> None:
    survey = by_id(
        compile_text(
            """
            ## Part 1

            **Q1.** Which of these have you used? Tick all that apply.

            - [ ] Slipway
            - [ ] Crane
            - [ ] None of these

            ## Part 2

            > **Routing:** skip this whole part if "None of these" at Q1. All others see Q2 to Q3.

            **Q2.** How easy was it to book?

            - ( ) Easy
            - ( ) Hard

            **Q3.** Would you use it again?

            - ( ) Yes
            - ( ) No

            **Q4.** How long have you been a member?

            - ( ) Under a year
            - ( ) A year or more
            """,
            "club.md",
        )
    )
    assert survey["Q2"].display_if == "not (Q1 contains '3')"
    assert survey["Q3"].display_if == "not (Q1 contains '3')"
    assert survey["Q4"].display_if is None


def test_answers_in_a_code_column_that_look_like_labels_stay_apart(tmp_path: Path) -> None:
    document = docx.Document()
    rows = [
        ["No.", "Question", "Response", "Code", "Routing"],
        ["R1", "Which engine parts were replaced?", "Piston", "1", "MULTI CODE"],
        ["", "", "XK4", "2", ""],
        ["", "", "VT SERIES", "3", ""],
        ["", "", "None", "4", ""],
        ["R2", "Was the boat relaunched?", "Yes", "1", ""],
        ["", "", "No", "2", ""],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = tmp_path / "record.docx"
    document.save(str(path))
    survey = by_id(compile_document(read_path(path)).survey)
    assert [o.label for o in survey["R1"].options] == ["Piston", "XK4", "VT SERIES", "None"]


def test_an_open_end_note_between_a_coded_list_and_the_next_label_is_the_next_type() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. How did you hear about the regatta?
            [1] From a friend
            [2] Online
            OPEN END. OPTIONAL.
            Q2. Is there anything else you would like to tell the organisers
            _______________________________________________
            """
        )
    )
    assert survey["Q1"].type == "single"
    assert survey["Q2"].type == "long_text"
