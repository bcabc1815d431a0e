"""Conventions from unseen31 (customer-experience surveys), first half: a phone script's
`Press 1   Yes` answer lines and `->` routing lines, spoken prompts in quotes, a 0-10 scale
wrapped before its high end, `Detractors only (Q9 = 0-6)`, "If …: play the goodbye and close",
`Score 1-2: ask Q3`, `Done? 2 -> Q4 / 1 -> Q6` with Q6 asked in parts, and "any of Q5a, Q5b or
Q5c was scored 1 or 2"."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_PHONE = """
PARCEL LINE - AFTER-DELIVERY PHONE SURVEY
  - Routing lines start with "->".

WELCOME   (recorded prompt)
    "Hello from the parcel line. A few quick questions about your delivery today,
    it takes one minute."

P1  "Are you the person who took in the parcel?"
        Press 1   Yes, it was me
        Press 2   Someone else at home
        Press 3   No
    -> If nobody at home took it in (3): play the short goodbye
       ("Sorry, this is for the person who took it in") and close.

P2  "How happy were you with the driver today? Press a number from 1 to 5."
        1 = Very unhappy   2   3   4   5 = Very happy
    -> Score 1-2 (unhappy): ask P3. Score 3-5: go on to P4.

P3  "After the tone, please say what the driver could do better, then press hash."
        (voice recording, up to 30 seconds)

P4  "Did the parcel arrive in one piece?"
        Press 1   Yes
        Press 2   Partly damaged
        Press 3   Badly damaged
    -> Damaged? 2 or 3 -> P5  /  1 -> P6

P5  "Did you report the damage to us?"
        Press 1   Yes
        Press 2   No

P5b "Was the damage sorted out?"
        Press 1   Yes
        Press 2   No

P6a "How would you rate the delivery slot?"
        1 = Very poor   2   3   4   5 = Excellent

P6b "How would you rate the tracking texts?"
        1 = Very poor   2   3   4   5 = Excellent

P7  "Which of the low scores matters most to you?"
        Press 1   The delivery slot
        Press 2   The tracking texts
    -> Ask only if any of P6a or P6b was scored 1 or 2.
       Read out only the items scored 1 or 2.

P8  "On a scale of 0 to 10, how likely are you to use the parcel line again? Key in
    your score, then press hash."
        0 = Not at all likely   1   2   3   4   5   6   7   8   9
        10 = Extremely likely

P9  "After the tone, please tell us why you gave that score."
        (voice recording, up to 30 seconds)
    -> Detractors only (P8 = 0-6).

P10 "May we pass your words on to the driver's depot?"
        Press 1   Yes
        Press 2   No
    -> Promoters only (P8 = 9 or 10).

GOODBYE   (recorded prompt)
    "That is the end of the survey. Thank you and goodbye."
"""


def _phone() -> dict:
    return by_id(compile_text(_PHONE, "parcel.txt"))


def test_keyed_answer_lines_are_coded_answers() -> None:
    survey = _phone()
    took = survey["P1"]
    assert took.type == "single"
    assert took.text == "Are you the person who took in the parcel?"
    assert [(o.code, o.label) for o in took.options] == [
        ("1", "Yes, it was me"),
        ("2", "Someone else at home"),
        ("3", "No"),
    ]


def test_arrow_lines_are_routing_notes_never_answers() -> None:
    survey = _phone()
    assert [o.code for o in survey["P4"].options] == ["1", "2", "3"]
    assert [o.code for o in survey["P10"].options] == ["1", "2"]
    # the note wrapped onto the line under it is read whole: the way out of the script
    assert survey["P1"].terminate_if == "P1 == '3'"


def test_quoted_prompts_lose_their_quotes_and_production_notes() -> None:
    survey = _phone()
    assert survey["WELCOME"].type == "display"
    assert survey["WELCOME"].text.startswith("Hello from the parcel line.")
    assert survey["GOODBYE"].text == "That is the end of the survey. Thank you and goodbye."
    assert survey["P3"].text.endswith("then press hash.")
    assert survey["P3"].type == "long_text"


def test_a_scale_wrapped_before_its_high_end() -> None:
    scale = _phone()["P8"]
    assert [(o.code, o.label) for o in scale.options][:2] == [
        ("0", "Not at all likely"),
        ("1", "1"),
    ]
    assert (scale.options[-1].code, scale.options[-1].label) == ("10", "Extremely likely")
    assert len(scale.options) == 11


def test_audiences_named_with_their_test_in_brackets() -> None:
    survey = _phone()
    assert survey["P9"].display_if == "P8 in ['0','1','2','3','4','5','6']"
    assert survey["P10"].display_if == "P8 in ['9','10']"


def test_a_score_band_asking_the_next_question() -> None:
    survey = _phone()
    assert survey["P3"].display_if == "P2 in ['1','2']"
    assert not survey["P2"].skip_to


def test_slashed_branch_pairs_and_a_question_asked_in_parts() -> None:
    survey = _phone()
    # "1 -> P6" where P6 is asked as P6a, P6b: to its first part; the other branch goes on
    assert [(r.if_, r.to) for r in survey["P4"].skip_to] == [("P4 == '1'", "P6a")]


def test_any_of_the_listed_questions_scored_low() -> None:
    assert _phone()["P7"].display_if == "P6a in ['1','2'] or P6b in ['1','2']"


_GUESTHOUSE = """
**G1.** Did you sleep at {{inn_name}} on {{stay_date}}?

- 1 · Yes
- 2 · No

**G2.** Which rooms did you use? *(select all)*

- 1 · Lounge
- 2 · Garden room
- 3 · Library

**G3.** How likely are you to suggest {{inn_name}} to a neighbour?

0 = Not at all likely · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10 = Extremely likely

*Grumblers (0–6) see G4a; Neutrals (7–8) G4b; Fans (9–10) G4c.*

**G4a.** What should we fix first?

**G4b.** What would have made it perfect?

**G4c.** What did you like best?
"""


def test_double_brace_fields_stay_in_the_words() -> None:
    survey = by_id(compile_text(_GUESTHOUSE, "inn.md"))
    # kept as the field's name in single braces: no IR pipe to a question that is not there
    assert survey["G1"].text == "Did you sleep at {inn_name} on {stay_date}?"


def test_an_italic_select_all_tag_is_left_out_and_makes_a_multi() -> None:
    rooms = by_id(compile_text(_GUESTHOUSE, "inn.md"))["G2"]
    assert rooms.text == "Which rooms did you use?"
    assert rooms.type == "multi"


def test_bands_named_in_brackets_each_see_their_own_follow_up() -> None:
    survey = by_id(compile_text(_GUESTHOUSE, "inn.md"))
    assert survey["G4a"].display_if == "G3 in ['0','1','2','3','4','5','6']"
    # the bare codes are the scored question's, not the question just before each follow-up
    assert survey["G4b"].display_if == "G3 in ['7','8']"
    assert survey["G4c"].display_if == "G3 in ['9','10']"


_FERRY = """
1. Which deck did you sit on?
○ Lower deck
○ Upper deck
○ Sun deck

2. How long was the crossing delayed?
○ Not delayed
○ Under 30 minutes
○ 30 minutes to 2 hours
○ Over 2 hours
○ Cancelled

3. Were you kept up to date about the delay?
○ Yes
○ No
Only if the crossing was delayed or cancelled (2–5 at question 2).

4. Were you offered a drink while you waited?
○ Yes
○ No
Only if the wait was more than 2 hours or the crossing was cancelled (4 or 5 at question 2).

5. May our ferry team write to you?
○ Yes
○ No
Only if 1 at question 4.

6. Please give your email address.
Email: ______________________
Only if Yes at question 5.
"""


def test_codes_at_a_question_named_by_its_number_after_words_with_an_amount() -> None:
    survey = by_id(compile_text(_FERRY, "ferry.txt"))
    assert survey["Q3"].display_if == "Q2 in ['2','3','4','5']"
    # "more than 2 hours" outside the brackets names no question; the codes are question 2's
    assert survey["Q4"].display_if == "Q2 in ['4','5']"


def test_a_filter_under_the_last_question_is_its_own() -> None:
    survey = by_id(compile_text(_FERRY, "ferry.txt"))
    assert survey["Q6"].display_if == "Q5 == '1'"


_BAKERY = """
Q1.\tWhich of these went wrong with your order? Please select all that apply.
☐ Cake was late (1)
☐ Wrong icing (2)
☐ Box was damaged (3)
☐ None of these (9)
[9 is exclusive.]
Q2.\tDid you call the bakery about it?
○ Yes (1)
○ No (2)
[Any of the problems ticked at Q1 (1–3).]
Q3.\tHow likely are you to order from us again?
Not at all likely 0 1 2 3 4 5 6 7 8 9 10 Extremely likely
[Required.]
Q4.\tAnything else to tell us?
"""


def test_any_of_the_answers_ticked_at_a_multi_alone_on_a_line() -> None:
    call = by_id(compile_text(_BAKERY, "bakery.txt"))["Q2"]
    assert call.display_if == "Q1 contains '1' or Q1 contains '2' or Q1 contains '3'"


def test_a_required_flag_under_a_row_of_points_is_no_middle_anchor() -> None:
    again = by_id(compile_text(_BAKERY, "bakery.txt"))["Q3"]
    assert [o.label for o in again.options][4:7] == ["4", "5", "6"]
