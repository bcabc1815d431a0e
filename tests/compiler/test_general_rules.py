"""General conventions of questionnaires, one small case each (written in their own words,
not taken from any sample or fixture)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text

_BEFORE = """
K1. Where did you book your trip?
1. Travel agent
2. Online
3. By phone
"""


def _options(question: object) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]  # type: ignore[attr-defined]


def test_codes_after_labels_set_two_spaces_apart() -> None:
    survey = compile_text(
        """
        K1. Which airline did you fly?
           Northwind  1
           Bluejet    2
           Skyhop     3
        """
    )
    assert _options(by_id(survey)["K1"]) == [("1", "Northwind"), ("2", "Bluejet"), ("3", "Skyhop")]


@pytest.mark.parametrize(
    "filter_line",
    ["IF CODE 2 AT K1", "IF K1=2", "If K1 = 2", "(ASK IF K1 = 2)", "IF K1 = 2:"],
)
def test_condition_alone_above_a_question_filters_it(filter_line: str) -> None:
    survey = compile_text(
        f"""{_BEFORE}
        {filter_line}
        K2. Which website did you use?
        1. Our own site
        2. A comparison site
        """
    )
    questions = by_id(survey)
    assert questions["K2"].display_if == "K1 == '2'"
    assert questions["K1"].display_if is None
    assert not questions["K1"].attention


@pytest.mark.parametrize(
    "stem",
    [
        "IF CODE 2 AT K1: Which website did you use?",
        "ASK IF K1=2: Which website did you use?",
        "(ASK IF K1 = 2) Which website did you use?",
        "Which website did you use? (ASK IF K1=2)",
        "(IF K1=2) Which website did you use?",
    ],
)
def test_condition_written_in_the_question_line(stem: str) -> None:
    survey = compile_text(
        f"""{_BEFORE}
        K2. {stem}
        1. Our own site
        2. A comparison site
        """
    )
    question = by_id(survey)["K2"]
    assert question.display_if == "K1 == '2'"
    assert question.text == "Which website did you use?"


def test_condition_with_an_action_is_not_a_bare_filter() -> None:
    survey = compile_text(
        f"""{_BEFORE}
        IF K1 = 3 GO TO K3
        K2. Which website did you use?
        1. Our own site
        2. A comparison site

        K3. How many nights did you stay?
        """
    )
    questions = by_id(survey)
    assert questions["K2"].display_if is None


def test_scale_defined_once_in_words_for_the_statements_below() -> None:
    survey = compile_text(
        """
        Part 2

        For each statement below, please use a 4-point scale where 1 means "not at all true"
        and 4 means "completely true".

        T1. The staff were friendly.
        T2. The room was clean.

        T3. Which meals did you have at the hotel? Tick all that apply.
        1. Breakfast
        2. Dinner

        T4. Anything else you would like to tell us?
        """
    )
    questions = by_id(survey)
    expected = [("1", "Not at all true"), ("2", "2"), ("3", "3"), ("4", "Completely true")]
    for qid in ("T1", "T2"):
        assert questions[qid].type == "scale"
        assert _options(questions[qid]) == expected
    assert questions["T3"].type == "multi"
    # the run of statements ended at the first question with answers of its own
    assert questions["T4"].type in ("text", "long_text")


def test_scale_definition_with_equals_signs_for_following_items() -> None:
    survey = compile_text(
        """
        F0. How many people live in your home?

        Use the following scale for the next questions: 1 = Never, 2 = Sometimes, 3 = Often.

        F1. I cook at home.
        F2. I eat out with friends.

        F3. Which supermarket do you use most?
        1. Corner shop
        2. Big chain
        """
    )
    expected = [("1", "Never"), ("2", "Sometimes"), ("3", "Often")]
    assert _options(by_id(survey)["F2"]) == expected


def test_a_question_asking_for_plural_things_is_multi() -> None:
    survey = compile_text(
        """
        D1. Which language(s) do you speak at home?
        English
        Welsh
        Polish
        """
    )
    assert by_id(survey)["D1"].type == "multi"


def test_italic_filter_after_the_label_in_markdown() -> None:
    survey = compile_text(
        """
        **H1.** Do you rent or own your home?

        - Rent
        - Own

        **H2.** *Only if H1 = 1:* How much is your monthly rent?

        Amount: ______
        """,
        "h.md",
    )
    question = by_id(survey)["H2"]
    assert question.display_if == "H1 == '1'"
    assert question.text == "How much is your monthly rent?"


def test_only_if_written_before_the_question_words() -> None:
    survey = compile_text(
        """
        H1. Do you rent or own your home?
        1. Rent
        2. Own

        H2. Only if H1 = 2: In which year did you buy it?
        """
    )
    question = by_id(survey)["H2"]
    assert question.display_if == "H1 == '2'"
    assert question.type == "number"
    assert question.text == "In which year did you buy it?"


def test_coded_answers_across_a_line_between_slashes() -> None:
    survey = compile_text(
        """
        V1. Would you vote again?
        Certainly (1) / Probably (2) / Not sure (8)
        """
    )
    expected = [("1", "Certainly"), ("2", "Probably"), ("8", "Not sure")]
    assert _options(by_id(survey)["V1"]) == expected


def test_range_beside_a_number_box() -> None:
    survey = compile_text(
        """
        N1. How many books did you read last year?
        Books: ______ (range 0-365)
        """
    )
    question = by_id(survey)["N1"]
    assert question.type == "number"
    assert question.validation is not None
    assert (question.validation.min, question.validation.max) == (0, 365)


def test_column_headings_wrapped_onto_two_lines() -> None:
    survey = compile_text(
        """
        G1. How useful did you find each session?

                         Very       Quite      Not at all
                         useful     useful     useful
        a) Keynote       1          2          3
        b) Workshop      1          2          3
        """
    )
    question = by_id(survey)["G1"]
    assert question.type == "grid"
    assert _options(question) == [
        ("1", "Very useful"),
        ("2", "Quite useful"),
        ("3", "Not at all useful"),
    ]
    assert [r.label for r in question.rows] == ["Keynote", "Workshop"]


def test_answers_across_two_lines_without_rows_are_not_merged() -> None:
    survey = compile_text(
        """
        G2. Which drinks do you like? Select all that apply.
        Tea      Coffee     Juice
        Water    Milk       Cola
        """
    )
    assert len(by_id(survey)["G2"].options) == 6


def test_ids_in_square_brackets_label_questions() -> None:
    survey = compile_text(
        """
        [M1]  Which team do you support?
              Show as a drop-down list.
                Rovers = 1
                United = 2
                None of them = 9   (only answer)

        [M2]  FILTER: M1 = 1 or 2
              Why do you support them?
              Multi-line text box.

        [M3]  Your email address, please.
              Email field, optional.
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["M1", "M2", "M3"]
    assert questions["M1"].type == "dropdown"
    assert _options(questions["M1"]) == [("1", "Rovers"), ("2", "United"), ("9", "None of them")]
    assert questions["M2"].text == "Why do you support them?"
    assert questions["M2"].display_if == "M1 in ['1','2']"
    assert questions["M2"].type == "long_text"
    assert questions["M3"].type == "email"


def test_a_note_after_the_code_tags_the_answer() -> None:
    survey = compile_text(
        """
        M4. Which of these do you own? Tick all that apply.
          Bicycle = 1
          Car = 2
          Neither = 3   (only answer)
        """
    )
    options = by_id(survey)["M4"].options
    assert [o.label for o in options] == ["Bicycle", "Car", "Neither"]
    assert options[2].exclusive


def test_screen_name_with_a_note_beside_it() -> None:
    survey = compile_text(
        """
        WELCOME  [first page]
        Hello, and thanks for helping us plan the new playground.

        P1. How old is your youngest child?

        DEBRIEF  [last page]
        Thanks again. You can close this window now.
        """
    )
    questions = by_id(survey)
    assert questions["WELCOME"].type == "display"
    assert questions["DEBRIEF"].type == "display"
    assert questions["DEBRIEF"].text.startswith("Thanks again.")


def test_outline_numbered_statements_under_a_scale_key_form_a_grid() -> None:
    survey = compile_text(
        """
        Q4. How true is each statement for you?

            Answer scale (the same for each):
              1 = Not true
              2 = Partly true
              3 = Very true

            4.1  I sleep well.
            4.2  I wake up tired. (R)

        Q5. How often do you feel each of these?

            Scale: Hardly ever (1) - Sometimes (2) - Most days (3)

            5.1  Calm
            5.2  Rushed
        """
    )
    questions = by_id(survey)
    q4, q5 = questions["Q4"], questions["Q5"]
    assert q4.type == "grid"
    assert q4.text == "How true is each statement for you?"
    assert [r.label for r in q4.rows] == ["I sleep well.", "I wake up tired."]
    assert _options(q4) == [("1", "Not true"), ("2", "Partly true"), ("3", "Very true")]
    assert q5.type == "grid"
    assert _options(q5) == [("1", "Hardly ever"), ("2", "Sometimes"), ("3", "Most days")]
    assert [r.label for r in q5.rows] == ["Calm", "Rushed"]


def test_range_in_brackets_beside_a_number_box() -> None:
    survey = compile_text(
        """
        N2. How many cups of coffee do you drink a day?
            Cups: ____ (0-12)
        """
    )
    validation = by_id(survey)["N2"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 12)


def test_write_in_answer_among_plain_answers_and_a_final_no_answer() -> None:
    survey = compile_text(
        """
        W1. Which pets live with you? (select all that apply)
            Dog
            Cat
            Another animal: ____________
            No pets

        W2. Which of these do you feed them? (select all that apply)
            Dry food
            Wet food
        """
    )
    options = by_id(survey)["W1"].options
    assert [o.label for o in options] == ["Dog", "Cat", "Another animal", "No pets"]
    assert options[2].specify
    assert options[3].exclusive


def test_lines_marked_with_a_tool_sign_are_builder_notes() -> None:
    survey = compile_text(
        """
        **E1** How would you rate the event overall?

        - Good
        - Poor

        **E2** What should we change?

        ⚙ Display if E1 = 2. Multi-line text.

        **E3** Any other comments?
        """,
        "e.md",
    )
    question = by_id(survey)["E2"]
    assert question.text == "What should we change?"
    assert question.display_if == "E1 == '2'"
    assert question.type == "long_text"


def test_answer_inviting_words_in_a_table_ask_for_specifics() -> None:
    survey = compile_text(
        """
        **C1** How did you travel here? Select all that apply.

        | Code | Answer |
        |---|---|
        | 1 | Train |
        | 2 | Bus |
        | 7 | Some other way (please tell us) |

        **C2** How long did it take?
        """,
        "c.md",
    )
    options = by_id(survey)["C1"].options
    assert [o.code for o in options if o.specify] == ["7"]


def test_a_filter_written_for_a_whole_section() -> None:
    survey = compile_text(
        """
        Section 1 - Travel
        S1. Did you travel abroad this year?
        1. Yes
        2. No

        Section 2 - Abroad
        Show this section only to people who answered 'Yes' to question S1.
        S2. Which country did you visit most recently?
        S3. How many nights did you stay?

        Section 3 - Everyone
        S4. How many nights did you spend away from home in total?
        """
    )
    questions = by_id(survey)
    assert questions["S2"].display_if == "S1 == '1'"
    assert questions["S3"].display_if == "S1 == '1'"
    assert questions["S4"].display_if is None


def test_neither_nor_in_a_screen_out() -> None:
    survey = compile_text(
        """
        S1. Which of these do you drink? Select all that apply.
        Tea ..... 1
        Coffee ..... 2
        Neither ..... 3
        TERMINATE IF NEITHER CODE 1 NOR CODE 2 IS SELECTED

        S2. How many cups a day?
        """
    )
    assert by_id(survey)["S1"].terminate_if == "not (S1 contains '1') and not (S1 contains '2')"


def test_show_only_those_selected_is_a_carry_forward_with_its_named_type() -> None:
    survey = compile_text(
        """
        F1. Which of these fruits do you eat? Select all that apply.
        1 Apples
        2 Pears
        3 Plums
        9 None of these EXCLUSIVE

        F2. Please put them in order of preference.
        RANKING. SHOW ONLY THOSE SELECTED AT F1.

        F3. Which ONE is your favourite?
        SINGLE CODE. SHOW ONLY THOSE SELECTED AT F1.
        """
    )
    questions = by_id(survey)
    assert questions["F2"].type == "ranking"
    assert questions["F3"].type == "single"
    assert questions["F3"].display_if is None
    assert [o.code for o in questions["F3"].options] == ["1", "2", "3"]
    assert questions["F3"].options_from is not None


def test_printed_date_boxes_field_labels_and_ranges_beside_them() -> None:
    survey = compile_text(
        """
        1. When did your membership start?
        Date:   /   /
        DD    MM    YYYY

        2. How far do you travel to the gym?
        km (0–80):

        3. Please give us your phone number.
        Phone:

        Thank you for completing this form.
        """
    )
    questions = by_id(survey)
    assert questions["Q1"].type == "date"
    assert questions["Q2"].type == "number"
    assert questions["Q2"].validation is not None
    assert (questions["Q2"].validation.min, questions["Q2"].validation.max) == (0, 80)
    assert questions["Q3"].text == "Please give us your phone number."


def test_spanish_scripting_notes() -> None:
    survey = compile_text(
        """
        **C1.** ¿Cuántos años tiene?

        *ANOTAR EDAD EN AÑOS (18–90). SI MENOR DE 21 AÑOS, FINALIZAR ENCUESTA.*

        **C2.** ¿Qué periódicos lee? Puede marcar varios.

        *RESPUESTA MÚLTIPLE. MÁXIMO 2 RESPUESTAS.*

        1. El Diario
        2. La Gaceta
        8. Otro (especificar)
        9. Ninguno *(EXCLUSIVA)*

        *FILTRO: SOLO SI C2 = 1 Ó 2.*

        **C3.** ¿Con qué frecuencia lo lee?

        1. A diario
        2. Semanalmente → *PASAR A C5*

        **C4.** ¿Por qué?

        *TEXTO CORTO.*

        **C5.** ¿Algo más?
        """,
        "c.md",
    )
    questions = by_id(survey)
    c1, c2, c3 = questions["C1"], questions["C2"], questions["C3"]
    assert c1.type == "number"
    assert c1.terminate_if == "C1 < 21"
    assert c2.type == "multi"
    assert c2.validation is not None
    assert c2.validation.max_choices == 2
    assert [o.code for o in c2.options] == ["1", "2", "8", "9"]
    assert [o.code for o in c2.options if o.specify] == ["8"]
    assert [o.code for o in c2.options if o.exclusive] == ["9"]
    assert c3.display_if == "C2 contains '1' or C2 contains '2'"
    assert [(s.if_, s.to) for s in c3.skip_to] == [("C3 == '2'", "C5")]
    assert questions["C4"].type == "text"


def test_a_text_box_under_an_information_screen_is_part_of_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("STIMULUS  Please look at the advert below.")
    document.add_table(rows=1, cols=1).cell(
        0, 0
    ).text = "Sunny Farm Yoghurt\nNow with real fruit pieces and half the sugar."
    document.add_paragraph("AD2  How likely are you to buy it?")
    for label in ("Very likely", "Not likely"):
        document.add_paragraph(label, style="List Number")
    document.save(str(tmp_path / "ad.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "ad.docx")).survey)
    assert questions["STIMULUS"].type == "display"
    assert questions["STIMULUS"].text == (
        "Please look at the advert below. Sunny Farm Yoghurt "
        "Now with real fruit pieces and half the sugar."
    )


def test_brackets_after_an_amount_stay_in_the_answer() -> None:
    survey = compile_text(
        """
        A1. How much did you spend?
        $0 (USD)
        $1-$99
        $100 or more (USD)

        A2. How much will you spend next year?
        """
    )
    assert [o.label for o in by_id(survey)["A1"].options][0] == "$0 (USD)"


def test_a_score_written_in_under_a_scale_question_is_the_scale() -> None:
    survey = compile_text(
        """
        R1. On a scale from 0 to 5, where 0 is useless and 5 is essential, how useful is the app?
            WRITE IN SCORE: ____

        R2. How many times did you open the app yesterday?
            WRITE IN NUMBER: ____
        """
    )
    questions = by_id(survey)
    assert questions["R1"].type == "scale"
    assert [o.code for o in questions["R1"].options] == ["0", "1", "2", "3", "4", "5"]
    assert questions["R2"].type == "number"


def test_tick_boxes_inside_a_questionnaire_table_are_not_part_of_the_answers(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for column, word in enumerate(("No.", "Question", "Response")):
        table.cell(0, column).text = word
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Which shops do you visit? (tick all that apply)"
    table.cell(1, 2).text = "☐ Baker\n☐ Butcher\n☐ Neither"
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "How often do you shop there?"
    table.cell(2, 2).text = "☐ Daily\n☐ Weekly"
    document.save(str(tmp_path / "shops.docx"))
    question = by_id(compile_document(read_path(tmp_path / "shops.docx")).survey)["Q1"]
    assert [o.label for o in question.options] == ["Baker", "Butcher", "Neither"]
    assert question.options[2].exclusive


def test_french_scripting_notes() -> None:
    survey = compile_text(
        """
        Q1. Quel âge avez-vous ?
        [NUMÉRIQUE. SI MOINS DE 18 ANS, FIN DU QUESTIONNAIRE]

        Q2. Quels journaux lisez-vous ? [PLUSIEURS RÉPONSES POSSIBLES]
        1. Le Matin
        2. Le Soir
        3. Autre (préciser)
        4. Aucun [EXCLUSIF]

        [FILTRE : UNIQUEMENT SI Q2 = 1 OU 2]
        Q3. À quelle fréquence le lisez-vous ?
        1. Tous les jours
        2. Rarement [PASSER À Q5]

        Q4. Pourquoi ?

        Q5. Merci. Avez-vous des remarques ?
        """
    )
    questions = by_id(survey)
    assert questions["Q1"].type == "number"
    assert questions["Q1"].terminate_if == "Q1 < 18"
    q2 = questions["Q2"]
    assert q2.type == "multi"
    assert [o.code for o in q2.options if o.specify] == ["3"]
    assert [o.code for o in q2.options if o.exclusive] == ["4"]
    assert questions["Q3"].display_if == "Q2 contains '1' or Q2 contains '2'"
    assert [(s.if_, s.to) for s in questions["Q3"].skip_to] == [("Q3 == '2'", "Q5")]


def test_german_scripting_notes() -> None:
    survey = compile_text(
        """
        F1. Welche Verkehrsmittel nutzen Sie? (MEHRFACHNENNUNG MÖGLICH)
        1 Auto
        2 Bus
        3 Sonstiges (bitte angeben)

        FILTER: NUR WENN F1 = 1 ODER 2
        F2. Wie zufrieden sind Sie damit?
        1 Sehr zufrieden
        2 Unzufrieden (WEITER MIT F4)

        F3. Warum?

        F4. Vielen Dank. Noch etwas?
        """
    )
    questions = by_id(survey)
    assert questions["F1"].type == "multi"
    assert [o.code for o in questions["F1"].options if o.specify] == ["3"]
    assert questions["F2"].display_if == "F1 contains '1' or F1 contains '2'"
    assert [(s.if_, s.to) for s in questions["F2"].skip_to] == [("F2 == '2'", "F4")]


def test_other_with_a_colon_closing_a_list_is_a_write_in_answer() -> None:
    survey = compile_text(
        """
        1. Which instruments do you play?
        Check all that apply.
        Piano
        Guitar
        Other:

        2. How long have you played?
        Mark only one oval.
        Under a year
        Longer
        """
    )
    options = by_id(survey)["Q1"].options
    assert [(o.label, o.specify) for o in options][-1] == ("Other", True)


def test_routing_after_a_brace_and_a_filter_with_equals_before_the_question_words() -> None:
    survey = compile_text(
        """
        J1 Do you have a car?
           Yes, my own ...... 1
           Yes, shared ...... 2   } GO TO J3
           No ............... 3

        J2 Would you like one?
           Yes ... 1
           No .... 2

        J3 IF J1 = 1 OR 2: How many miles a week do you drive?
           RECORD MILES: ____

        J4 Which ONE car brand would you buy? SHOW ONLY CODES MENTIONED AT J5.

        J5 Which car brands do you know?
           Alpha ... 1
           Beta .... 2
        """
    )
    questions = by_id(survey)
    assert [(s.if_, s.to) for s in questions["J1"].skip_to] == [("J1 == '2'", "J3")]
    assert questions["J3"].display_if == "J1 in ['1','2']"
    assert questions["J3"].text == "How many miles a week do you drive?"


def test_carried_answers_settle_the_no_answers_note() -> None:
    survey = compile_text(
        """
        B1 Which of these brands do you know? CODE ALL THAT APPLY.
           Alpha ... 1
           Beta .... 2

        B2 Which ONE do you prefer? SINGLE CODE. SHOW ONLY CODES MENTIONED AT B1.
        """
    )
    question = by_id(survey)["B2"]
    assert [o.code for o in question.options] == ["1", "2"]
    assert question.attention is None


def test_one_coded_line_under_an_information_screen_is_not_an_answer() -> None:
    survey = compile_text(
        """
        INTRO. Good evening. We are asking people in your town about local shops.
        Missing codes (do not read): -1 Don't know

        Q1. Do you shop locally?
        1. Yes
        2. No
        """
    )
    intro = by_id(survey)["INTRO"]
    assert intro.type == "display"
    assert intro.options == []


def test_tables_with_codes_in_a_row_of_their_own(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("T1. How do you rate each room? ONE CODE PER ROW.")
    grid = document.add_table(rows=4, cols=4)
    headings = zip(("", "Good", "Bad", "Unsure"), ("", "1", "2", "8"), strict=True)
    for column, (word, code) in enumerate(headings):
        grid.cell(0, column).text = word
        grid.cell(1, column).text = code
    grid.cell(2, 0).text = "Kitchen"
    grid.cell(3, 0).text = "Bathroom"
    document.add_paragraph("T2. How tidy is your home?")
    scale = document.add_table(rows=2, cols=3)
    for column, word in enumerate(("Messy", "Average", "Spotless")):
        scale.cell(0, column).text = word
        scale.cell(1, column).text = str(column + 1)
    document.save(str(tmp_path / "rooms.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "rooms.docx")).survey)
    assert [(o.code, o.label) for o in questions["T1"].options] == [
        ("1", "Good"),
        ("2", "Bad"),
        ("8", "Unsure"),
    ]
    assert [r.label for r in questions["T1"].rows] == ["Kitchen", "Bathroom"]
    assert questions["T2"].type == "single"
    assert [(o.code, o.label) for o in questions["T2"].options] == [
        ("1", "Messy"),
        ("2", "Average"),
        ("3", "Spotless"),
    ]


def test_answers_listed_after_an_options_heading_on_one_line() -> None:
    survey = compile_text(
        """
        1. Do you cycle to work?
        Answer options: Yes, No
        If "No", skip to question 3.

        2. How far is it?
        Options: Under 2 km; 2 to 5 km; Over 5 km

        3. Would a bike shed help?
        Responses: 1 = Yes | 2 = No | 9 = Not sure
        """
    )
    questions = by_id(survey)
    assert [o.label for o in questions["Q1"].options] == ["Yes", "No"]
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert [o.label for o in questions["Q2"].options] == ["Under 2 km", "2 to 5 km", "Over 5 km"]
    assert [(o.code, o.label) for o in questions["Q3"].options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("9", "Not sure"),
    ]


def test_statements_labelled_in_one_series_are_questions() -> None:
    survey = compile_text(
        """
        Please use a 5-point scale where 1 means "not at all" and 5 means "a lot".

        M1. I enjoy my commute.
        M2. My commute tires me out.
        M3. I use my commute to read.
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["M1", "M2", "M3"]
    assert all(q.type == "scale" for q in questions.values())


def test_shorthand_tags_and_a_mark_after_a_code() -> None:
    survey = compile_text(
        """
        Q1 [M] Which pets have you owned?
           Dog 1
           Rabbit 2
           None 99 [X]

        Q2 [NUM 0-30] How many years have you owned a pet?
        """
    )
    questions = by_id(survey)
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Dog"),
        ("2", "Rabbit"),
        ("99", "None"),
    ]
    validation = questions["Q2"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 30)


def test_survey_tool_word_export_marks_and_codes() -> None:
    survey = compile_text(
        """
        Q1 How do you get to school?
        o Walk  (1)
        o Bus  (2)

        Q2 Which clubs do you belong to? (Select all that apply)
        ▢ Chess  (1)
        ▢ Drama  (2)
        ▢ Another club  (3) ______________________

        Display This Question:
        If Q2 = Drama

        Q3 How many plays have you been in?
        """
    )
    questions = by_id(survey)
    assert [(o.code, o.label) for o in questions["Q1"].options] == [("1", "Walk"), ("2", "Bus")]
    q2 = questions["Q2"].options
    expected = [("1", "Chess"), ("2", "Drama"), ("3", "Another club")]
    assert [(o.code, o.label) for o in q2] == expected
    assert q2[2].specify
    assert questions["Q3"].display_if == "Q2 contains '2'"


def test_a_range_with_spaces_around_the_dash_is_an_answer_not_a_code() -> None:
    survey = compile_text(
        """
        1. How long have you lived here?
        Under a year
        1 - 2 years
        3 - 5 years
        More than 5 years

        2. Do you plan to move?
        Yes
        No
        """
    )
    labels = [o.label for o in by_id(survey)["Q1"].options]
    assert labels == ["Under a year", "1 - 2 years", "3 - 5 years", "More than 5 years"]


def test_a_code_before_a_label_that_starts_with_a_number() -> None:
    survey = compile_text(
        """
        1. When did you last see a dentist?
        1 - Within 6 months
        2 - 6 to 12 months ago
        3 - 2 or more years ago

        2. Do you have a regular dentist?
        Yes
        No
        """
    )
    options = by_id(survey)["Q1"].options
    assert [(o.code, o.label) for o in options][1:] == [
        ("2", "6 to 12 months ago"),
        ("3", "2 or more years ago"),
    ]
