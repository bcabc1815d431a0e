"""General conventions met in the third blind batch (second half), one small case each
(written in their own words, not taken from any fixture)."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.answers_listed import listed_answers
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_answers_listed_on_one_line_with_codes_in_brackets() -> None:
    survey = compile_text(
        """
        K1. Which shift do you usually work?
        Early [1]; Late [2]; Nights, mostly weekends [3]; It varies [8]

        K2. How tired do you feel at the end of a shift?
        1 - Not at all [1]; 2 [2]; 3 [3]; 4 - Exhausted [4]
        """
    )
    questions = by_id(survey)
    assert [(o.code, o.label) for o in questions["K1"].options] == [
        ("1", "Early"),
        ("2", "Late"),
        ("3", "Nights, mostly weekends"),
        ("8", "It varies"),
    ]
    assert [(o.code, o.label) for o in questions["K2"].options] == [
        ("1", "Not at all"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Exhausted"),
    ]


def test_listed_answers_need_a_code_after_every_answer() -> None:
    assert listed_answers("Tea (1), Coffee (2)") == [("Tea", "1"), ("Coffee", "2")]
    assert listed_answers("Tea (1), Coffee") == []
    assert listed_answers("Tea [1]; Coffee [1]") == []  # the same code twice is not a list


def test_italian_scripting_words() -> None:
    survey = compile_text(
        """
        **B1.** Quanti anni ha?
        _NUMERICA – CONSENTIRE 16-90 – SE MENO DI 21 ANNI CHIUDERE L'INTERVISTA_

        **B2.** Usa la bicicletta in città?

        - Sì (1)
        - No (2) → _PASSARE A B5_

        **B3.** Per quali motivi la usa? _PIÙ RISPOSTE POSSIBILI_

        - Lavoro (1)
        - Svago (2)
        - Nessuno di questi (9) _(ESCLUSIVA)_

        **B4.** Dove la parcheggia?
        _MENU A TENDINA_

        - Cortile (1)
        - Strada (2)

        **B5.** _MOSTRARE SOLO SE B2 = 1 O 2_
        Che cosa migliorerebbe?

        - Più piste (1)
        - Più rastrelliere (2)

        **CHIUSURA**
        Grazie per il suo tempo! Le sue risposte restano anonime.
        """,
        "bici.md",
    )
    questions = by_id(survey)
    assert questions["B1"].type == "number"
    assert questions["B1"].validation is not None
    assert (questions["B1"].validation.min, questions["B1"].validation.max) == (16, 90)
    assert questions["B1"].terminate_if == "B1 < 21"
    assert [(s.if_, s.to) for s in questions["B2"].skip_to] == [("B2 == '2'", "B5")]
    assert questions["B3"].type == "multi"
    assert [o.code for o in questions["B3"].options if o.exclusive] == ["9"]
    assert questions["B4"].type == "dropdown"
    assert questions["B5"].display_if == "B2 in ['1','2']"
    assert questions["CHIUSURA"].type == "display"


def test_french_routing_after_the_answers_belongs_to_that_question() -> None:
    survey = compile_text(
        """
        Q1. Avez-vous un jardin ?
        UNE SEULE RÉPONSE
        Oui\t1
        Non\t2
        SI Q1 = 2, FIN DE L'ENTRETIEN

        Q2. Quelles plantes y cultivez-vous ?
        PLUSIEURS RÉPONSES POSSIBLES
        Légumes\t1
        Fleurs\t2
        Aucune\t9
        SI Q2 = 9, ALLER À Q4

        Q3. Combien d'heures par semaine y passez-vous ?
        NUMÉRIQUE : DE 0 À 80

        Q4. Classez ces outils du plus utile au moins utile.
        CLASSEMENT – ROTATION
        Bêche\t1
        Râteau\t2
        Sécateur\t3

        Q5. Quel est votre département ?
        MENU DÉROULANT
        Ain\t1
        Aisne\t2

        Q6. Quel est votre code postal ?
        NOTER EN CLAIR – 5 CHIFFRES

        FIN\tMerci pour votre temps.
        """
    )
    questions = by_id(survey)
    assert questions["Q1"].terminate_if == "Q1 == '2'"
    assert questions["Q2"].terminate_if is None
    assert [(s.if_, s.to) for s in questions["Q2"].skip_to] == [("Q2 contains '9'", "Q4")]
    assert questions["Q3"].display_if is None
    assert questions["Q3"].type == "number"
    assert questions["Q3"].validation is not None
    assert (questions["Q3"].validation.min, questions["Q3"].validation.max) == (0, 80)
    assert questions["Q4"].type == "ranking"
    assert questions["Q5"].type == "dropdown"
    assert questions["Q6"].type == "text"
    assert questions["FIN"].type == "display"


def test_a_lone_labels_note_stays_with_its_question() -> None:
    survey = compile_text(
        """
        **M1.** Do you own a car?

        - Yes (1)
        - No (2)

        **M2.** _ASK IF M1 = 1_
        What make is it?

        `[ text box ]`
        """,
        "cars.md",
    )
    assert by_id(survey)["M2"].display_if == "M1 == '1'"


def test_a_write_in_box_with_an_at_sign_is_an_email_field() -> None:
    survey = compile_text(
        """
        **W1.** Where can we send the results?

        `__________@__________`

        **W2.** Any other comments?

        `[ large text box ]`
        """,
        "mail.md",
    )
    assert by_id(survey)["W1"].type == "email"


def test_a_form_printout_with_starred_titles_placeholders_and_descriptions() -> None:
    survey = compile_text(
        """
        Choir auditions 2027

        Your name *
        Your answer

        Phone number *
        Your answer

        How many years have you sung in a choir? *
        Please enter a whole number between 0 and 60.
        Your answer

        Voice part
        ◯ Soprano
        ◯ Alto
        ◯ Tenor
        ◯ Bass
        """
    )
    questions = list(survey.questions())
    assert [q.text for q in questions] == [
        "Your name",
        "Phone number",
        "How many years have you sung in a choir?",
        "Voice part",
    ]
    assert questions[0].type == "text"
    assert questions[2].type == "number"
    assert questions[2].validation is not None
    assert (questions[2].validation.min, questions[2].validation.max) == (0, 60)
    assert [o.label for o in questions[3].options] == ["Soprano", "Alto", "Tenor", "Bass"]


def test_round_and_square_marks_in_one_printout_tell_single_from_multi() -> None:
    survey = compile_text(
        """
        Which team do you support?
        ○ Rovers
        ○ United

        Which matches did you watch this season?
        ☐ The derby
        ☐ The cup final
        ☐ The away friendly

        This content is neither created nor endorsed by Google.
        """
    )
    questions = list(survey.questions())
    assert [q.type for q in questions] == ["single", "multi"]
    assert [o.label for o in questions[1].options] == [
        "The derby",
        "The cup final",
        "The away friendly",
    ]


def test_squares_alone_say_nothing_about_single_or_multi() -> None:
    survey = compile_text(
        """
        Which team do you support?
        ☐ Rovers
        ☐ United
        """
    )
    assert next(iter(survey.questions())).type == "single"


_RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}
{\colortbl;\red0\green0\blue0;\red0\green0\blue200;}
{\header\pard Staff canteen survey \'96 draft\par}
\pard\b C1.\b0  Do you eat in the canteen?\par
Yes [1]; No [2]  {\cf2 (No -> go to C3)}\par
\par
\b C2.\b0  How many times did you eat there last week?\par
{\cf2 Number 0\'9614}\par
\par
\b C3.\b0  Would you like a salad bar?\par
Yes [1]; No [2]\par
}"""


def test_rtf_keeps_bold_and_coloured_notes() -> None:
    document = read_document(_RTF.encode("latin-1"), "canteen.rtf")
    texts = [b.text for b in document.blocks]
    assert "Staff canteen survey – draft" not in texts  # the page header is not body text
    first = document.blocks[0]
    assert first.runs[0].text == "C1."
    assert first.runs[0].bold
    note = next(b for b in document.blocks if b.text == "Number 0–14")
    assert note.runs[0].color == "#0000C8"
    questions = by_id(compile_document(document).survey)
    assert [(s.if_, s.to) for s in questions["C1"].skip_to] == [("C1 == '2'", "C3")]
    assert questions["C2"].type == "number"
    assert questions["C2"].validation is not None
    assert (questions["C2"].validation.min, questions["C2"].validation.max) == (0, 14)


def test_an_issue_form_in_markdown() -> None:
    survey = compile_text(
        """
        ### 1. Which editor do you use most?

        ( ) Vim
        ( ) Emacs
        ( ) Something else

        ### 2. Which languages do you write in?

        - [ ] Python
        - [ ] Rust
        - [ ] Go

        ### 3. Where do you host your code?

        <select>
          <option>GitHub</option>
          <option>GitLab</option>
          <option>Our own server</option>
        </select>

        ### 4. What should we fix first?

        ```text
        (write as much as you like)
        ```

        ### 5. May we write to you about your answers? Leave an address.

        ```text
        name@example.net
        ```

        <sub>Form v2 · kept by the tooling team</sub>
        """,
        "form.md",
    )
    questions = by_id(survey)
    assert [q.type for q in questions.values()] == [
        "single",
        "multi",
        "dropdown",
        "long_text",
        "email",
    ]
    assert [o.label for o in questions["Q3"].options] == ["GitHub", "GitLab", "Our own server"]
    assert questions["Q5"].text == "May we write to you about your answers? Leave an address."


def test_a_page_title_numbered_like_the_question_under_it_is_not_a_question() -> None:
    survey = compile_text(
        """
        # 1. Getting here

        These first questions are about your journey.

        1. How did you travel to the museum today?
        ○ By bus
        ○ By car
        ○ On foot

        2. Which of these did you visit? (Select all that apply)
        ☐ The dinosaur hall
        ☐ The café
        ☐ I didn't visit any of these
        ☐ Other (please specify)
        """,
        "museum.md",
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2"]
    assert questions["Q1"].text == "How did you travel to the museum today?"
    assert [o.label for o in questions["Q2"].options if o.exclusive] == [
        "I didn't visit any of these"
    ]


_RTF_MATRIX = r"""{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}
{\colortbl;\red0\green0\blue0;\red200\green0\blue0;\red128\green128\blue128;}
\b WELCOME\b0  {\cf3 (start screen)}\par
Thanks for joining the tasting panel. It takes about two minutes of your time today.\par
\par
\b T1.\b0  How much do you agree with each of these?\par
{\cf2 GRID \'96 one answer per row. Columns:}\par
Disagree [1]; Not sure [2]; Agree [3]\par
{\cf2 Rows:}\par
The bread tasted fresh.\par
The crust was crisp enough for me, even after it had cooled down completely.\par
\par
Change log: v2 moved T1 up (AB)\par
}"""


def test_a_rows_note_set_apart_by_colour_and_long_statements() -> None:
    document = read_document(_RTF_MATRIX.encode("latin-1"), "panel.rtf")
    questions = by_id(compile_document(document).survey)
    assert questions["WELCOME"].text.startswith("Thanks for joining")
    grid = questions["T1"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == [
        "The bread tasted fresh.",
        "The crust was crisp enough for me, even after it had cooled down completely.",
    ]
    assert [o.label for o in grid.options] == ["Disagree", "Not sure", "Agree"]


def test_a_point_row_with_radio_marks_and_a_bot_note() -> None:
    survey = compile_text(
        """
        ### 1. Did you try the beta?

        ( ) Yes
        ( ) No

        ### 2. How stable was it?

        > _bot: only shown if you answered "Yes" to question 1_

        | 1 | 2 | 3 | 4 |
        |:-:|:-:|:-:|:-:|
        | ( ) Crashed a lot | ( ) | ( ) | ( ) Rock solid |
        """,
        "beta.md",
    )
    stable = by_id(survey)["Q2"]
    assert stable.display_if == "Q1 == '1'"
    assert [(o.code, o.label) for o in stable.options] == [
        ("1", "Crashed a lot"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Rock solid"),
    ]


def test_go_straight_to_a_numbered_section_of_a_form() -> None:
    survey = compile_text(
        """
        Section 1 of 3
        About you

        Do you own a bike? *
        If you answered No, please go straight to Section 3.
        ◯ Yes
        ◯ No

        Section 2 of 3
        Your bike

        What colour is it?
        ◯ Red
        ◯ Blue

        Section 3 of 3
        Last bits

        How did you hear about us?
        ◯ A friend
        ◯ A poster
        """
    )
    first, _, last = list(survey.questions())
    assert [(s.if_, s.to) for s in first.skip_to] == [(f"{first.id} == '2'", last.id)]


def test_name_the_verb_does_not_make_a_one_line_box() -> None:
    survey = compile_text(
        """
        **F1.** Which podcasts do you follow? Please name up to five.

        ```text
        ```

        **F2.** What is the name of your street?

        ```text
        ```
        """,
        "pods.md",
    )
    questions = by_id(survey)
    assert questions["F1"].type == "long_text"
    assert questions["F2"].type == "text"
