"""Routing misses sorted by cause (fix-cause): a section's filter spread after a grid, a
question's own ONLY / IF note with no action, a note split off the label line, a type note
beside a filter under a text box, "everyone except <group> (test)", "ONLY FOR <group>" said
first. Invented wording."""

from __future__ import annotations

from fielder.compiler.bracketed_bases import bracketed_base
from fielder.compiler.group_names import group_only
from fielder.compiler.passes.only_notes import only_test
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str) -> dict[str, Question]:
    return by_id(compile_text(body))


def test_a_group_then_its_test_in_brackets_beside_the_id_is_the_filter() -> None:
    survey = _text(
        "A5  Did the trainee finish the course?\n"
        "      [1] Yes, finished\n      [2] Left early - found a job\n"
        "      [3] Left early - lost interest\n      [4] Left early - other reason\n\n"
        "A6  (Left early only, codes 2 to 4 at A5)\n"
        "    In which week of the course did they leave?\n      ______   (week 1 to 10)\n"
    )
    assert survey["A6"].display_if == "A5 in ['2','3','4']"


def test_only_notes_find_the_test() -> None:
    assert only_test("(Dropped out only, codes 2 to 3 at K1)", "under") == "codes 2 to 3 at K1"
    assert only_test("(M4 = 1 only. Also call the office.)", "under") == "M4 = 1"
    assert only_test("Fill in only if M2 is 1 or more.", "end") == "M2 is 1 or more"
    assert only_test("Only needed if you said Yes at question 7.", "end") == (
        "you said Yes at question 7"
    )
    assert only_test("If you gave 4 or less at question 3.", "under") == (
        "you gave 4 or less at question 3"
    )
    # a bare IF only between the words and the answers; notes for the next one, or on how to
    # record, are not the question's own
    assert only_test("If you gave 4 or less at question 3.", "end") is None
    assert only_test("Only answer the next question if you said Yes at Q3.", "under") is None
    assert only_test("If none, write 0.", "under") is None


def test_a_type_note_beside_a_filter_under_a_text_box_is_that_questions() -> None:
    survey = _text(
        "Q1. How likely are you to renew your pass?\n"
        "0 Not at all likely 1 2 3 4 5 6 7 8 9 10 Extremely likely\n"
        "Q2. Why did you give that score?\n"
        "OPEN. SHOW TO EVERYONE EXCEPT FANS (9 OR 10 AT Q1)\n"
        "Q3. Would you visit us again?\n1 Yes\n2 No\n"
    )
    assert survey["Q2"].display_if == "not (Q1 in ['9','10'])"
    assert not survey["Q3"].display_if


def test_everyone_except_a_group_is_no_bracketed_base() -> None:
    assert bracketed_base("Show to everyone except fans (9 or 10 at Q1)") is None
    assert bracketed_base("Only show to fans (9 or 10 at Q1)") == "9 or 10 at Q1"


def test_only_for_a_group_said_first_names_the_group() -> None:
    assert group_only("ONLY FOR GOLD OR SILVER CARD HOLDERS") == "GOLD OR SILVER CARD HOLDERS"
    assert group_only("Only for managers (P2 = Yes)") == ""


def test_a_sections_filter_spread_after_a_grid_stays_with_the_next_question() -> None:
    # (a document printing its filters under their question: the section's spread is no such
    # filter)
    survey = by_id(compile_text(_GRID_DOC, "q.md"))
    assert survey["V7"].display_if == "V1 == '1'"


_GRID_DOC = """\
### V1 — Did you visit the park today?

1. Yes
2. No

### V2 — Did you come by car?

1. Yes
2. No

### V3 — Where did you park?

> **Logic:** only drivers (V2 = 1).

1. Main car park
2. On the street

## Visiting

> **Logic:** this whole part (V4 to V7) is shown only to visitors, i.e. V1 = 1.

### V4 — Did you book ahead?

1. Yes
2. No, we walked in

### V5 — How long did you queue?

> **Logic:** only walk-ins (V4 = 2).

1. No wait
2. A short wait

### V6 — How would you rate these?

| | Poor (1) | Good (2) |
|---|---|---|
| Paths | ○ | ○ |
| Toilets | ○ | ○ |

### V7 — Did you buy food?

1. Yes
2. No
"""
