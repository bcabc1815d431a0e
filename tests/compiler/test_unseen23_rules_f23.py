"""Conventions from social research, health and public-sector questionnaires (unseen23, fixer
f23): filters in boxes and margins, section bases, CHECK boxes, paper-form routing. One small
case each, in invented words."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_a_filter_line_keeps_its_test_in_capitals_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """
            W1 Did you cycle to work yesterday?
              Yes ........ 1
              No ......... 2

            FILTER: ASK IF DID NOT CYCLE (W1 = 2)

            W2 Why did you not cycle?
              Rain ....... 1
              Too far .... 2
            """
        )
    )
    assert survey["W1"].display_if is None
    assert survey["W2"].display_if == "W1 == '2'"


def test_a_block_filter_names_a_run_of_ids_with_letters() -> None:
    survey = by_id(
        compile_text(
            """
            GARD1 Do you have a garden?
              Yes ........ 1
              No ......... 2

            FILTER: ASK GARD2 TO GARD4 IF HAS A GARDEN (GARD1 = 1)

            GARD2 Do you grow vegetables?
              Yes ........ 1
              No ......... 2
            GARD3 Do you grow flowers?
              Yes ........ 1
              No ......... 2
            GARD4 Do you keep bees?
              Yes ........ 1
              No ......... 2
            GARD5 Do you visit parks?
              Yes ........ 1
              No ......... 2
            """
        )
    )
    for qid in ("GARD2", "GARD3", "GARD4"):
        assert survey[qid].display_if == "GARD1 == '1'"
    assert survey["GARD5"].display_if is None


def test_a_section_base_in_a_heading_is_anded_with_a_question_s_own_filter() -> None:
    survey = by_id(
        compile_text(
            """
            ## SECTION A — ABOUT YOU (BASE: ALL)

            **A1** How many dogs do you own?

            *Number box, 0–9.*

            **A2** Do you walk to work?

            - Yes (1)
            - No (2)

            ## SECTION B — ASKED OF ALL WHO OWN A DOG (A1 > 0)

            **B1** Do you walk your dog every day?

            - Yes (1)
            - No (2)

            **B2** How long is the walk?

            *Ask if B1 = Yes.*

            - Under an hour (1)
            - An hour or more (2)
            """,
            "q.md",
        )
    )
    assert survey["A2"].display_if is None
    assert survey["B1"].display_if == "A1 > 0"
    assert survey["B2"].display_if is not None
    assert "A1 > 0" in survey["B2"].display_if
    assert "B1 == '1'" in survey["B2"].display_if


def test_a_base_line_under_a_banner_with_its_test_wrapped_below() -> None:
    survey = by_id(
        compile_text(
            """
            T1 How do you usually travel to town?
              Bus ........ 1
              Car ........ 2
              Bicycle .... 3

            ==================================================
            SECTION R - RIDING
            BASE: ALL WHO TRAVEL BY BUS OR BICYCLE
                  (T1 = 1 OR 3)
            ==================================================

            R1 Do you feel safe on the way?
              Yes ........ 1
              No ......... 2
            """
        )
    )
    assert survey["R1"].display_if == "T1 in ['1','3']"


def test_a_base_in_words_then_the_test_after_a_comma() -> None:
    survey = by_id(
        compile_text(
            """
            # SECTION P – PETS (BASE: ALL WITH PETS UNDER 2 YEARS OLD, P1 > 0)

            P1 How many pets under two years old live with you?

            P2 Is one of them a puppy?
              Yes ........ 1
              No ......... 2
            """,
            "q.md",
        )
    )
    assert survey["P2"].display_if == "P1 > 0"


def test_a_coded_answer_starting_with_part_is_no_part_heading() -> None:
    question = by_id(
        compile_text(
            """
            H1 How do you work?
              Full time\t1
              Part time in the mornings\t2
              Not at all\t3
            """
        )
    )["H1"]
    assert [o.code for o in question.options] == ["1", "2", "3"]


def test_a_check_box_whose_others_go_to_the_question_after_next_filters_the_next() -> None:
    survey = by_id(
        compile_text(
            """
            K1 Which of these sports do you play?
               CODE ALL THAT APPLY.
              Tennis ........ 1
              Squash ........ 2
              Golf .......... 3
              None of these . 4

            CHECK K1: IF ANY RACKET SPORT (CODE 1 OR 2 AT K1) → K2
            OTHERS → K3

            K2 How often do you play?
              Weekly ........ 1
              Monthly ....... 2
            K3 Do you watch sport on television?
              Yes ........... 1
              No ............ 2
            """
        )
    )
    assert survey["K2"].display_if == "K1 contains '1' or K1 contains '2'"
    assert survey["K1"].skip_to == []


def test_a_check_box_whose_others_jump_further_is_a_skip_before_the_box() -> None:
    survey = by_id(
        compile_text(
            """
            M1a Have you visited the museum?
              Yes ........ 1
              No ......... 2
            M1b Have you visited the gallery?
              Yes ........ 1
              No ......... 2

            CHECK M1: IF ANY CODE 1 AT M1a–b → M2
            OTHERS → M4

            M2 Did you pay to get in?
              Yes ........ 1
              No ......... 2
            M3 Was it worth it?
              Yes ........ 1
              No ......... 2
            M4 Would you visit again?
              Yes ........ 1
              No ......... 2
            """
        )
    )
    rule = survey["M1b"].skip_to[0]
    assert rule.to == "M4"
    assert "M1a == '1'" in rule.if_
    assert "M1b == '1'" in rule.if_
    assert "not" in rule.if_
    assert survey["M2"].display_if is None


def test_the_same_answer_at_all_of_a_run_is_an_and() -> None:
    survey = by_id(
        compile_text(
            """
            V1a Were you burgled?
              Yes ........ 1
              No ......... 2
              Don't know ..... 8
            V1b Were you robbed?
              Yes ........ 1
              No ......... 2
              Don't know ..... 8

            CHECK V1
            IF YES (CODE 1) AT ANY OF V1a-V1b ........ -> V2
            IF NO OR DON'T KNOW AT ALL OF V1a-V1b
            (ALL CODE 2 OR 8) ..... -> GO TO SECTION X (X1)

            V2 Did you tell anyone?
              Yes ........ 1
              No ......... 2
            V3 Did you tell the police?
              Yes ........ 1
              No ......... 2

            X1 How safe do you feel?
              Safe ....... 1
              Unsafe ..... 2
            """
        )
    )
    rule = survey["V1b"].skip_to[0]
    assert rule.to == "X1"
    assert rule.if_ == "V1a in ['2','8'] and V1b in ['2','8']"


def test_either_both_and_yes_to_any_of_a_lettered_run() -> None:
    survey = by_id(
        compile_text(
            """
            S1 Do you feel safe at home?
              Yes ........ 1
              No ......... 2
            S2 Do you feel safe outside?
              Yes ........ 1
              No ......... 2

            FILTER: ASK IF CODE 2 AT EITHER S1 OR S2

            S3 What would help?
              Lighting ... 1
              Patrols .... 2

            FILTER: ASK IF CODE 1 AT BOTH S1 AND S2

            S4 Why do you feel safe?
              Neighbours . 1
              Locks ...... 2
            U5a Have you used the pool?
              Yes ........ 1
              No ......... 2
            U5b Have you used the gym?
              Yes ........ 1
              No ......... 2

            FILTER: ASK IF YES TO ANY OF U5a–U5b

            U6 How would you rate them?
              Good ....... 1
              Poor ....... 2
            """
        )
    )
    assert survey["S3"].display_if == "S1 == '2' or S2 == '2'"
    assert survey["S4"].display_if == "S1 == '1' and S2 == '1'"
    assert survey["U6"].display_if == "U5a == '1' or U5b == '1'"


_DENTIST_BASE = (
    "Please answer Questions 2 to 3 only if you visited in the last year (you ticked one of "
    "the first two boxes at Question 1). If not, please go to Question 4."
)


def test_paper_form_bases_named_by_question_numbers_and_by_place() -> None:
    survey = by_id(
        compile_text(
            f"""
            1. When did you last visit the dentist?
            ☐ In the last 6 months
            ☐ 6 to 12 months ago
            ☐ Longer ago

            {_DENTIST_BASE}

            2. Were you seen on time?
            ☐ Yes
            ☐ No

            If you ticked 'No', please answer Question 3. Otherwise, please go to Question 4.

            3. How long did you wait?
            ☐ Under 15 minutes
            ☐ Longer

            4. How do you rate your teeth?
            ☐ Good
            ☐ Poor
            """
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['1','2']"
    assert "Q2 == '2'" in (survey["Q3"].display_if or "")
    assert "Q1 in ['1','2']" in (survey["Q3"].display_if or "")
    assert survey["Q4"].display_if is None


def _word_form(tmp_path: Path) -> Path:
    document = docx.Document()

    def answers(rows: tuple[tuple[str, str, str], ...]) -> None:
        table = document.add_table(rows=len(rows), cols=3)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.cell(row, column).text = text

    document.add_paragraph("B1\tDo you own a bicycle?")
    answers((("Yes", "☐ 1", ""), ("No", "☐ 2", "→ Go to B3")))
    document.add_paragraph("B2\tHow often do you ride it?")
    answers((("Every day", "☐ 1", ""), ("Less often", "☐ 2", "")))
    document.add_paragraph("B3\tHow many miles do you walk in a week?")
    document.add_paragraph("Please write in the number of miles (0 to 500): |__|__|__|")
    document.add_paragraph("SECTION C: LONG WALKS")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = (
        "Please answer Section C only if you walk 50 miles a week or more (your answer at "
        "Question B3). If you walk fewer than 50 miles a week, please go to Section D."
    )
    document.add_paragraph("C1\tDo you walk at weekends?")
    answers((("Yes", "☐ 1", ""), ("No", "☐ 2", "")))
    path = tmp_path / "walks.docx"
    document.save(str(path))
    return path


def test_word_answer_tables_with_codes_beside_boxes_and_a_route_column(tmp_path: Path) -> None:
    survey = by_id(compile_document(read_path(_word_form(tmp_path))).survey)
    bicycle = survey["B1"]
    assert bicycle.type == "single"
    assert [(o.code, o.label) for o in bicycle.options] == [("1", "Yes"), ("2", "No")]
    assert [(r.if_, r.to) for r in bicycle.skip_to] == [("B1 == '2'", "B3")]


def test_a_shaded_box_with_a_section_base_on_a_number(tmp_path: Path) -> None:
    survey = by_id(compile_document(read_path(_word_form(tmp_path))).survey)
    assert survey["C1"].display_if == "B3 >= 50"


def test_arrows_to_a_close_screen_and_to_a_section() -> None:
    survey = by_id(
        compile_text(
            """
            F1 Do you fish?
              Yes ........ 1
              No ......... 2   -> SECTION G
            F2 Would you join a club?
              Yes ........ 1
              No ......... 2   -> CLOSE

            SECTION G - GENERAL
            G1 Do you swim?
              Yes ........ 1
              No ......... 2

            CLOSE  READ OUT: That is all. Thank you for your time today.

            ------------------------------------------------------------
            ACME / REF-77 / draft 2                          RESTRICTED
            """
        )
    )
    assert [(r.if_, r.to) for r in survey["F1"].skip_to] == [("F1 == '2'", "G1")]
    assert [(r.if_, r.to) for r in survey["F2"].skip_to] == [("F2 == '2'", "CLOSE")]
    assert survey["F2"].terminate_if is None
    assert survey["CLOSE"].type == "display"
    assert survey["CLOSE"].text == "That is all. Thank you for your time today."
    assert not survey["CLOSE"].options


def test_an_arrow_to_close_with_no_close_screen_still_ends() -> None:
    survey = by_id(
        compile_text(
            """
            E1 Are you a member?
              Yes ........ 1
              No ......... 2   -> CLOSE
            E2 How long have you been a member?
              Under a year . 1
              Longer ....... 2
            """
        )
    )
    assert survey["E1"].terminate_if == "E1 == '2'"


def test_probe_and_check_are_no_screen_labels() -> None:
    survey = by_id(
        compile_text(
            """
            J1 Overall, were you pleased or displeased with the repair?
               PROBE: Was that very or fairly ...?
              Very pleased ....... 1
              Fairly pleased ..... 2
              Displeased ......... 3
            """
        )
    )
    assert list(survey) == ["J1"]
    assert len(survey["J1"].options) == 3


def test_a_quoted_answer_denied() -> None:
    survey = by_id(
        compile_text(
            """
            L1 How often do you read the newsletter?
              Every issue ........ 1
              Sometimes .......... 2
              Never .............. 3

            FILTER: ASK IF NOT 'NEVER' AT L1

            L2 Which part do you like best?
              News ............... 1
              Puzzles ............ 2
            """
        )
    )
    assert survey["L2"].display_if == "not (L1 == '3')"


def test_age_asked_in_the_past_tense_is_a_number_and_close_the_survey_ends_it() -> None:
    survey = by_id(
        compile_text(
            """
            A1 And what was your age at your last birthday?
               RANGE: 12-99
               IF UNDER 18 (A1 < 18): CLOSE THE SURVEY.
            A2 Could I take a mobile number to text you on?
               RECORD NUMBER. ONE LINE.
            """
        )
    )
    assert survey["A1"].type == "number"
    assert survey["A1"].terminate_if == "A1 < 18"
    assert survey["A2"].type == "text"


def test_section_base_cells_and_notes_in_a_filter_column() -> None:
    survey = by_id(
        compile_text(
            """
            ## SECTION H – HOBBIES · BASE FOR THIS SECTION: ADULTS ONLY (Z1 = 2)

            | Q ID | Base / filter | Question text | Code | Response |
            |---|---|---|---|---|
            | H1 | Section base | Do you paint? | | |
            | | | | 1 | Yes |
            | | | | 2 | No |
            | H2 | Section base AND H1 = 1 | Do you sell your paintings? | | |
            | | | | 1 | Yes |
            | | | | 2 | No |
            """,
            "q.md",
        )
    )
    assert survey["H1"].display_if is None or "H1" not in survey["H1"].display_if
    assert "H1 == '1'" in (survey["H2"].display_if or "")


def test_a_version_stamp_line_is_no_part_of_the_closing_screen() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. Do you like tea?
            1. Yes
            2. No

            CLOSE: That is the end. Thank you for taking part.

            TEA W2 v3.1 – not for use before the launch.
            """
        )
    )
    assert survey["CLOSE"].text == "That is the end. Thank you for taking part."


def test_a_no_answer_before_the_list_s_own_none_is_not_exclusive() -> None:
    question = by_id(
        compile_text(
            """
            **B3** What stops you swimming more? Please select all that apply.

            - Cost (1)
            - No pool near me (2)
            - Nothing stops me (3) — *exclusive*
            """,
            "q.md",
        )
    )["B3"]
    assert [o.code for o in question.options if o.exclusive] == ["3"]


def test_if_more_than_one_in_a_note_allows_no_more_answers() -> None:
    question = by_id(
        compile_text(
            """
            Q5. How pleased were you with the way the landlord dealt with your complaint?
            IF MORE THAN ONE COMPLAINT: THINK ABOUT THE LATEST.
            1. Pleased
            2. Not pleased
            """
        )
    )["Q5"]
    assert question.type == "single"


def test_not_offered_ends_a_multi_as_its_none() -> None:
    question = by_id(
        compile_text(
            """
            1. Have you been unwell this year?
            ☐ Yes
            ☐ No

            2. Which kinds of visit were you offered? Tick all that apply.
            ☐ A visit at home
            ☐ A visit at the clinic
            ☐ I was not offered a visit
            """
        )
    )["Q2"]
    assert question.type == "multi"
    assert [o.exclusive for o in question.options] == [False, False, True]


def test_a_statement_wrapped_onto_a_line_of_its_own() -> None:
    question = by_id(
        compile_text(
            """
            N3   Do you use the buses?
                    Yes ................... 1
                    No .................... 2

            N4   I am going to read out some statements about the buses.
                 For each one, please tell me how much you agree or disagree.
                 SCALE (SAME FOR EVERY STATEMENT):
                    Agree ................. 1
                    Disagree .............. 2
                 STATEMENTS:
                    a) The buses run on time
                    b) The drivers are friendly to people who live in this
                       village
            """
        )
    )["N4"]
    assert question.type == "grid"
    assert [r.label for r in question.rows] == [
        "The buses run on time",
        "The drivers are friendly to people who live in this village",
    ]


def test_an_arrow_to_the_close_screen_from_a_screener_screens_out() -> None:
    survey = by_id(
        compile_text(
            """
            S1 Do you own a boat?
              Yes ........ 1
              No ......... 2   -> CLOSE
            B1 How long is it?
              Short ...... 1
              Long ....... 2
            B2 Where is it moored?
              River ...... 1
              Sea ........ 2
            B3 Do you sail it?
              Yes ........ 1
              No ......... 2
            B4 Do you race it?
              Yes ........ 1
              No ......... 2
            B5 Would you sell it?
              Yes ........ 1
              No ......... 2

            CLOSE  READ OUT: That is all. Thank you for your time today.
            """
        )
    )
    assert survey["S1"].terminate_if == "S1 == '2'"
    assert survey["S1"].skip_to == []


def test_a_last_line_under_a_write_in_blank_is_no_footer() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. What is your postcode?
            ______________________________

            THANKS: That is the end of the survey. Thank you!
            """
        )
    )
    assert survey["THANKS"].type == "display"
