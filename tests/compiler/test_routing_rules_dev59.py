"""Routing readings widened on the unseen59 misses (fix-dev59), each written in invented words
rather than taken from the fixture."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from tests.compiler.conftest import by_id, compile_text


def _kinds(text: str) -> list[tuple[str, object]]:
    return [(d.kind, d.value) for d in interpret(text)]


def test_section_note_whose_test_restates_its_answer_after_a_comma() -> None:
    questions = by_id(
        compile_text(
            """
            T1. How did you travel here today?
            By bus\t1
            By car\t2
            On foot\t3
            PART B – BUS TRIP
            [ASK PART B (T2–T3) ONLY IF T1 = 1, BY BUS. ALL OTHERS GO TO PART C.]
            T2. How long did you wait for the bus?
            Under 5 minutes\t1
            5 minutes or more\t2
            T3. Was the bus clean?
            Yes\t1
            No\t2
            PART C – ABOUT YOU
            T4. How old are you?
            Under 30\t1
            30 or over\t2
            """,
            "trip.txt",
        )
    )
    assert questions["T2"].display_if == "T1 == '1'"
    assert questions["T3"].display_if == "T1 == '1'"
    assert questions["T4"].display_if is None


def test_section_note_with_i_e_before_the_test_is_one_sentence() -> None:
    note = (
        "Part B (M2 to M3) is only shown to rowers, i.e. members who chose (2) at M1. "
        "Everyone else moves on to Part C."
    )
    questions = by_id(
        compile_text(
            f"""
            M1 Which club do you belong to?
            (1) Chess
            (2) Rowing
            (3) Drama
            Part B – Boats
            {note}
            M2 How often do you row?
            (1) Weekly
            (2) Monthly
            M3 Do you own a boat?
            (1) Yes
            (2) No
            Part C – Overall
            M4 How happy are you with the club?
            (1) Happy
            (2) Unhappy
            """,
            "club.txt",
        )
    )
    assert questions["M2"].display_if == "M1 == '2'"
    assert questions["M3"].display_if == "M1 == '2'"
    assert questions["M4"].display_if is None


def test_plural_group_only_under_a_heading_covers_its_part_and_joins_a_question_filter() -> None:
    questions = by_id(
        compile_text(
            """
            H1 What is your role?
            (1) Teacher
            (2) Parent
            Part D – For teachers
            Teachers only (H1 = 1).
            H2 How many pupils are in your class?
            (1) Under 20
            (2) 20 or more
            Only if H2 is (2).
            H3 Do you have a classroom assistant?
            (1) Yes
            (2) No
            """,
            "school.txt",
        )
    )
    assert questions["H2"].display_if == "H1 == '1'"
    assert "H1 == '1'" in (questions["H3"].display_if or "")
    assert "H2 == '2'" in (questions["H3"].display_if or "")


def test_question_named_as_not_asked_of_a_group_with_its_test() -> None:
    questions = by_id(
        compile_text(
            """
            V1 Who are you?
            (1) A visitor
            (2) A member of staff
            V2 How did you find us?
            (1) Online
            (2) Word of mouth
            [V3 is not asked of staff (V1 = 2).]
            V3 Would you come again?
            (1) Yes
            (2) No
            """,
            "visit.txt",
        )
    )
    assert questions["V3"].display_if == "not (V1 == '2')"
    assert questions["V2"].display_if is None


def test_screen_outs_in_words_after_the_answer() -> None:
    assert _kinds("Screen-out: No → end of survey (not eligible).") == [("terminate_if", "No")]
    assert _kinds("Yes → end of survey. ‘Not sure’ continues.") == [("terminate_if", "Yes")]
    assert _kinds("If No, please do not fill in the rest of this form.") == [("terminate_if", "No")]
    assert _kinds("3 → close (students have a survey of their own).") == [
        ("terminate_if", "CODE 3")
    ]
    # a jump to a closing screen is no screen-out
    assert _kinds("No → skip to CLOSE.") != [("terminate_if", "No")]


def test_answer_tagged_form_closes_ends_the_survey() -> None:
    questions = by_id(
        compile_text(
            """
            B1 How long have you lived here?
            (1) Under a year → form closes
            (2) A year or more
            B2 Do you rent or own?
            (1) Rent
            (2) Own
            """,
            "home.txt",
        )
    )
    assert questions["B1"].terminate_if == "B1 == '1'"


def test_display_this_question_unless_is_the_negated_filter() -> None:
    questions = by_id(
        compile_text(
            """
            G1
            Do you garden?
            1\tYes
            2\tNo
            Display this question unless: G1 = “No”.
            G2
            What do you grow?
            1\tFlowers
            2\tVegetables
            Display this question only if: G2 = “Vegetables”.
            G3
            Do you sell them?
            1\tYes
            2\tNo
            Skip To: End of Survey If G3 = No
            """,
            "garden.txt",
        )
    )
    assert questions["G2"].display_if == "not (G1 == '2')"
