"""Conventions met in the real questionnaires, second round, one small case each, written in
their own invented words."""

from __future__ import annotations

from fielder.compiler.placeholders import is_placeholder
from tests.compiler.conftest import by_id, compile_text


def test_a_bracketed_name_inside_a_sentence_is_piped_text_not_a_note() -> None:
    questions = by_id(
        compile_text(
            "Q1. How likely are you to suggest [bakery] to a neighbour?\n"
            "Very likely\nNot likely\n\n"
            "Q2. I would buy [Bakery Name]'s bread again. [SINGLE]\n"
            "Yes\nNo\n\n"
            "Q3. Which [MARCA] rolls did you try? [READ OUT]\n"
            "Rye\nSpelt\n"
        )
    )
    assert questions["Q1"].text == "How likely are you to suggest [bakery] to a neighbour?"
    assert questions["Q2"].text == "I would buy [Bakery Name]'s bread again."
    assert questions["Q3"].text == "Which [MARCA] rolls did you try?"


def test_brackets_before_after_or_apart_from_the_sentence_stay_notes() -> None:
    assert not is_placeholder("[show card]", "", " Which of these?")
    assert not is_placeholder("[rotate]", "Which of these?", "")
    assert not is_placeholder("[VERIFIED]", "either ", " wording")
    assert not is_placeholder("[first page]", "GREETING  ", "")
    assert not is_placeholder("[read out]", "How often do you ", " walk?")
    assert is_placeholder("[shop]", "Did you visit ", "?")


def test_a_scale_named_by_its_ends_alone_asks_how_many_points() -> None:
    questions = by_id(
        compile_text(
            '1. "I enjoy long walks." — Strongly disagree to strongly agree.\n'
            '2. "Parks are clean." — 5-pt, "Very clean" to "Very dirty."\n'
            '3. "How likely are you to come back?" — 7-pt likelihood scale.\n',
            "q.md",
        )
    )
    attention = questions["Q1"].attention
    assert attention is not None
    assert "no number of points" in attention.reason
    assert questions["Q2"].type == "scale"
    assert questions["Q2"].attention is None
    # the points without their words: a scale of numbers (whose ends then ask for words)
    assert [o.label for o in questions["Q3"].options] == [str(n) for n in range(1, 8)]


_DESCRIBED_SPEC = """
# Garden club build spec

## Part 1 — Agreement
- Source: `club_terms.docx` (paste the full text into a Text/Graphic question).
- Question type: Multiple Choice, single answer.
  - "I accept the terms"
  - "I do not accept the terms"
- Skip logic: if "I do not accept," End of Survey.

## Part 2 — Visits
1. "Did you visit the rose beds?" — Yes/No.
2. "Did you visit the pond?" — Yes/No.
3. "How many times did you come?" — Text Entry, numeric.
- Piped text: `[garden]` = "Elm Park" throughout.

## Part 3 — Farewell
- Source: `goodbye.md`.
- Show it as a closing Text/Graphic block, nothing after it.
"""


def test_blocks_described_in_bullets_become_their_question_and_screen() -> None:
    survey = compile_text(_DESCRIBED_SPEC, "spec.md")
    questions = list(survey.questions())
    agreement = questions[0]
    assert agreement.type == "single"
    assert [o.label for o in agreement.options] == [
        "I accept the terms",
        "I do not accept the terms",
    ]
    assert agreement.terminate_if == f"{agreement.id} == '2'"
    # the numbered items after it count on from it
    assert [q.id for q in questions[1:4]] == ["Q2", "Q3", "Q4"]
    # a 'Piped text:' bullet beside the items is a note, not an answer of the item above
    assert questions[3].type == "number"
    assert questions[-1].type == "display"
    assert questions[-1].id == "FAREWELL"


def test_identification_fields_naming_sample_units_and_codes_are_numbers() -> None:
    questions = by_id(
        compile_text(
            "SECTION A: IDENTIFICATION\n\n"
            "A1. Region\n\nA2. Village\n\nA3. Dwelling Number\n\n"
            "A4. Enumerator Code\n\nA5. Enumerator Name\n\nA6. Mobile phone number\n\n"
            "SECTION B: ABOUT YOU\n\n"
            "B1. Voucher code\n\nB2. How many rooms does your home have? ____\n"
        )
    )
    assert [questions[f"A{n}"].type for n in range(1, 7)] == [
        "number", "number", "number", "number", "text", "text",
    ]  # fmt: skip
    assert questions["B1"].type == "text"  # outside the cover section a code may hold letters


def test_a_footnote_saying_who_was_asked_filters_the_question_it_names() -> None:
    questions = by_id(
        compile_text(
            "Q1. Which pets do you keep? (Select all that apply)\nCat\nDog\nFish\n\n"
            "Q2. Which cat foods do you buy? (Select all that apply)\nDry\nWet\n\n"
            "Q3. Which brand do you like best?\nNorth\nSouth\n\n"
            "1 Question 2 (cat foods) was only asked to respondents that selected the relevant\n"
            "answers for Question 1 (pets).\n"
            "2 Question 3 was only shown to those who selected more than one answer for Q2.\n"
        )
    )
    assert questions["Q2"].display_if == "answered(Q1)"
    assert questions["Q2"].attention is not None  # which answers is not said
    assert questions["Q3"].display_if == "count(Q2) > 1"
