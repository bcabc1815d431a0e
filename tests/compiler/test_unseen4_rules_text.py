"""General conventions met in the text questionnaires of a fourth blind batch (plain text and
Markdown), one small case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from fielder.compiler.lines import Line
from fielder.compiler.text_tables import drop_reference_tables
from tests.compiler.conftest import by_id, compile_text


def test_dutch_answer_format_lines_name_the_type_range_and_limits() -> None:
    questions = by_id(
        compile_text(
            """
            **A1.** Hoeveel fietsen heeft uw gezin?
            *Open numeriek, 0–12 fietsen*

            `[___]`

            **A2.** Welke vervoersmiddelen gebruikt u? Kies er hoogstens twee.
            *Meerdere antwoorden mogelijk, max. 2*

            1 – Fiets
            2 – Bus
            3 – Trein
            9 – Geen van deze *(exclusief)*

            **A3.** Wat vindt u van de fietspaden?
            *Open, groot tekstvak*
            """,
            "q.md",
        )
    )
    assert questions["A1"].type == "number"
    assert questions["A1"].validation is not None
    assert (questions["A1"].validation.min, questions["A1"].validation.max) == (0, 12)
    second = questions["A2"]
    assert second.type == "multi"
    assert second.validation is not None
    assert second.validation.max_choices == 2
    assert [o.code for o in second.options if o.exclusive] == ["9"]
    assert questions["A3"].type == "long_text"


def test_a_filter_between_a_questions_words_and_its_answers_is_its_own() -> None:
    questions = by_id(
        compile_text(
            """
            **B1.** Heeft u een hond?
            *Eén antwoord mogelijk*

            1 – Ja
            2 – Nee

            **B2.** Hoe oud is uw hond?
            *Eén antwoord mogelijk*
            Filter: B1 = 1

            1 – Jonger dan 2 jaar
            2 – 2 jaar of ouder

            **B3.** Waarom heeft u geen hond?
            *Open, groot tekstvak*
            Filter: alleen tonen als B1 = 2

            ---

            ## Blok C

            **B4.** Woont u in een stad?
            *Eén antwoord mogelijk*

            1 – Ja
            2 – Nee
            """,
            "q.md",
        )
    )
    assert questions["B2"].display_if == "B1 == '1'"
    assert questions["B3"].display_if == "B1 == '2'"
    assert questions["B4"].display_if is None


def test_a_bound_then_the_end_of_the_interview_screens_out_on_the_answer() -> None:
    questions = by_id(
        compile_text(
            """
            P1. ¿Cuántos años tiene?
                 ANOTAR EDAD. RANGO 10-99.
                 SI ES MENOR DE 16 AÑOS: AGRADECER Y TERMINAR.
                      |__|__| años

            P2. ¿Tiene bicicleta?
                 Sí ........................ 1
                 No ........................ 2   AGRADECER Y TERMINAR

            P3. How old is your bicycle?
                 Filter: under 1 → end of survey
                      ____ years
            """
        )
    )
    assert questions["P1"].terminate_if == "P1 < 16"
    assert questions["P2"].terminate_if == "P2 == '2'"
    assert questions["P3"].terminate_if == "P3 < 1"


def test_a_reviewed_spec_names_types_beside_ids_and_sets_logic_apart_in_quotes() -> None:
    questions = by_id(
        compile_text(
            """
            ### K1 (display)

            Welcome to the canteen survey.

            ### K2 (scale) *(changed)*

            How much do you like the canteen?

            0. 0 — Not at all
            1. 1
            2. 2
            3. 3
            4. 4 — Very much

            ### K3 (long_text)

            What should the canteen serve more often?

            > Show if K2 >= 3

            ### K4 (number)

            How many days a week do you eat there?

            > Validation: integer 0–5
            """,
            "q.md",
        )
    )
    assert questions["K1"].type == "display"
    assert questions["K2"].type == "scale"
    assert questions["K2"].text == "How much do you like the canteen?"
    assert questions["K3"].type == "long_text"
    assert questions["K3"].display_if == "K2 in ['3','4']"
    assert questions["K4"].display_if is None
    assert questions["K4"].validation is not None
    assert (questions["K4"].validation.min, questions["K4"].validation.max) == (0, 5)


def test_screens_named_in_dutch_are_screens() -> None:
    questions = by_id(
        compile_text(
            """
            **WELKOM**
            Fijn dat u meedoet aan dit korte onderzoek over de bibliotheek.

            **B1.** Hoe vaak bezoekt u de bibliotheek?

            1 – Wekelijks
            2 – Maandelijks
            3 – Zelden

            **EINDE**
            Hartelijk dank voor het invullen!
            """,
            "q.md",
        )
    )
    assert list(questions) == ["WELKOM", "B1", "EINDE"]
    assert questions["EINDE"].type == "display"


def test_answers_across_a_line_set_apart_by_bars_or_slashes_and_wrapped() -> None:
    questions = by_id(
        compile_text(
            """
            Q.1  Which snacks did you try at the fair? (Choose all that apply)
                 Roasted nuts | Candy floss | Toffee apples |
                 Churros | Something else (tell us): ________

            Q.2  How tasty were they?
                 Awful   1 | 2 | 3 | 4   Delicious

            Q.3  Will you come back next year? Tell us below.
                 Yes / No / Maybe
            """
        )
    )
    first = questions["Q1"]
    assert first.text == "Which snacks did you try at the fair? (Choose all that apply)"
    assert [o.label for o in first.options] == [
        "Roasted nuts",
        "Candy floss",
        "Toffee apples",
        "Churros",
        "Something else (tell us)",
    ]
    assert [o.code for o in first.options if o.specify] == ["5"]
    second = questions["Q2"]
    assert second.type == "scale"
    assert [(o.code, o.label) for o in second.options] == [
        ("1", "Awful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Delicious"),
    ]
    assert [o.label for o in questions["Q3"].options] == ["Yes", "No", "Maybe"]


def test_a_follow_up_opening_with_the_answer_it_follows_is_filtered_on_it() -> None:
    questions = by_id(
        compile_text(
            """
            Q.1  Do you own a bicycle?
                 Yes | No

            Q.2  If yes, how often do you ride it?
                 Daily / Weekly / Rarely

            Q.3  Is there a park near your home?
                 Yes / No / Not sure

            Q.4  If not, how far is the nearest one, in minutes?
                 ________

            Q.5  If you like, tell us more about your area.
                 ________
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q2"].text.startswith("If yes, how often")
    assert questions["Q4"].display_if == "Q3 == '2'"
    assert questions["Q5"].display_if is None


def test_answers_named_then_the_question_they_were_picked_at() -> None:
    questions = by_id(
        compile_text(
            """
            Q.1  How was the weather on your trip?
                 Sunny / Cloudy / Rainy / Stormy

            Q.2  What did you do indoors?
                 (Only answer this if you picked Rainy or Stormy at Q.1)
                 ________
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 in ['3','4']"


def test_a_number_box_then_its_scripting_in_capitals_and_a_box_before_a_code() -> None:
    questions = by_id(
        compile_text(
            """
            S1.  How many hives do you keep?
                   ______ hives          ALLOW 0-400.   TERM IF <2 OR >300

            S2.  Which honey do you sell most?
                   Clover ..................................... 1     CONTINUE
                   Heather .................................... 2     CONTINUE
                   Another honey (please specify) _____________ 97    TERMINATE

            S3.  Where do you sell it?
                   Markets .................................... 1
                   Otro lugar, ¿cuál? _________ ............... 96
            """
        )
    )
    first = questions["S1"]
    assert first.type == "number"
    assert first.validation is not None
    assert (first.validation.min, first.validation.max) == (0, 400)
    assert first.terminate_if == "S1 < 2 or S1 > 300"
    second = questions["S2"]
    last = second.options[-1]
    assert (last.code, last.label) == ("97", "Another honey (please specify)")
    assert second.terminate_if == "S2 == '97'"
    assert [o.code for o in second.options if o.specify] == ["97"]
    assert [o.code for o in questions["S3"].options if o.specify] == ["96"]


def test_a_ruled_text_table_that_asks_nothing_and_page_footers_are_left_out() -> None:
    questions = by_id(
        compile_text(
            """
            INTRO
            Hello, my name is ______ and I am calling about the regional bus survey. It takes
            five minutes. May I ask you a few questions?

            B1.  Which bus line do you use most?
                   Line 4 ............................. 1
                   Line 9 ............................. 2

            B2.  How many trips a week do you make by bus?
                   ______ trips      ALLOW 0-40.

            B3.  Do you have a season ticket?
                   Yes ................................ 1
                   No ................................. 2

            SAMPLE PLAN

               CELL  | LINE (B1) | TARGET
               ------+-----------+-------
               C1    | Line 4  1 |   50
               C2    | Line 9  2 |   50

            CLOSE
            Thank you. A summary of the results will be posted at every stop within
            30 days of the end of the survey, together with the new timetable.

                                       - page 1 of 1 -
            """
        )
    )
    assert list(questions) == ["INTRO", "B1", "B2", "B3", "CLOSE"]
    assert questions["INTRO"].type == "display"
    assert questions["CLOSE"].type == "display"
    assert questions["CLOSE"].text.endswith("together with the new timetable.")


def test_spanish_shorthand_and_accented_capitals_after_a_code_are_the_scripts_tags() -> None:
    questions = by_id(
        compile_text(
            """
            P1.  ¿Qué frutas compró esta semana?        RM – LEER – ROTAR
                      Manzanas ........................... 1
                      Peras .............................. 2
                      Ninguna ............................ 98  ESPONTÁNEA – EXCLUSIVA
                      NS/NR .............................. 99  EXCLUSIVA

            P2.  ¿Por qué compró esas frutas?
                 ESPONTÁNEA – ANOTAR TEXTUAL. PROFUNDIZAR: ¿Algo más?
                 ______________________________________________

            P3.  ¿Compra fruta en el mercado?        RU
                      Sí ................................. 1
                      No ................................. 2
            """
        )
    )
    assert list(questions) == ["P1", "P2", "P3"]
    first = questions["P1"]
    assert first.type == "multi"
    assert [o.code for o in first.options] == ["1", "2", "98", "99"]
    assert [o.code for o in first.options if o.exclusive] == ["98", "99"]
    assert questions["P3"].text == "¿Compra fruta en el mercado?"


def test_a_scale_key_written_once_over_lettered_items_with_code_boxes_is_a_grid() -> None:
    questions = by_id(
        compile_text(
            """
            P1.  Le voy a leer algunos aspectos del parque. Para cada uno, dígame si está
                 satisfecho o insatisfecho.        RU POR FILA – LEER

                 ESCALA:  Satisfecho 3  /  Regular 2  /
                          Insatisfecho 1  /  NS/NR 99

                 a. Limpieza ......................... |__|__|
                 b. Seguridad ........................ |__|__|

            P2.  ¿En qué ciudad vive usted?
                 ENCUESTADOR: SELECCIONAR EN LA LISTA DESPLEGABLE
                      Medellín ........................... 05
                      Bogotá D.C. ........................ 11
                      Otra ............................... 96

            P3.  ¿Cuántos años tiene?
                      |__|__| años
            """
        )
    )
    assert list(questions) == ["P1", "P2", "P3"]
    grid = questions["P1"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("3", "Satisfecho"),
        ("2", "Regular"),
        ("1", "Insatisfecho"),
        ("99", "NS/NR"),
    ]
    assert [r.label for r in grid.rows] == ["Limpieza", "Seguridad"]
    cities = questions["P2"]
    assert cities.type == "dropdown"
    assert [(o.code, o.label) for o in cities.options][1] == ("11", "Bogotá D.C.")


def test_a_ruled_text_table_right_under_an_ask_is_kept() -> None:
    lines = [
        Line(text="Q4. How much do you agree with each statement?", raw=""),
        Line(text="STATEMENT | AGREE | DISAGREE", raw=""),
        Line(text="----------+-------+---------", raw=""),
        Line(text="a) Buses are clean | 1 | 2", raw=""),
        Line(text="QUOTA PLAN", raw=""),
        Line(text="CELL | LINE | TARGET", raw=""),
        Line(text="-----+------+-------", raw=""),
        Line(text="A1 | 4 | 40 |", raw=""),
    ]
    kept = [line.text for line in drop_reference_tables(lines)]
    assert kept == [line.text for line in lines[:5]]


def test_follow_ups_open_with_the_answer_in_other_languages_too() -> None:
    questions = by_id(
        compile_text(
            """
            Q.1  Avez-vous un jardin ?
                 Oui | Non

            Q.2  Si oui, quelle est sa surface, en mètres carrés ?
                 ________

            Q.3  Heeft u een balkon?
                 Ja | Nee

            Q.4  Zo nee, zou u er een willen?
                 Ja | Nee | Weet niet
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q4"].display_if == "Q3 == '2'"
