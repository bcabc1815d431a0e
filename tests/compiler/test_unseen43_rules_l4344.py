# ruff: noqa: E501
"""Routing wordings from unseen43/44 (media, gaming, sport; client drafts), read as classes:
a filter heading naming its question (`FILTER K4: K3 = 02`), a section note for any plural group
("only for members who …") with everyone else sent on by a verb in any form ("moves on to",
"carries on at", "please turn to"), the others' clause after a dash, filter notes naming their
questions (`ask W6 if …`, `W11 and W12 — … only (…)`, `… are shown only when …`), a filter on a
question's own answer set down after it, and a heading that names its run and its test."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_filter_heading_names_its_question() -> None:
    survey = by_id(
        compile_text(
            """K3   Who came to the match with you?
       01  Nobody
       02  My children
       03  Friends

     FILTER K4: K3 = 02
K4   How many of them were under ten?
     INT: RANGE 1-9.

K5   How many matches have you seen this season?
     INT: RANGE 1-40.

     FILTER K6: ONLY IF MORE THAN ONE MATCH AT K5.
K6   Which stand do you sit in most often?
       01  North
       02  South
"""
        )
    )
    assert survey["K4"].display_if == "K3 == '02'"
    assert survey["K6"].display_if == "K5 > 1"


_BLOCKS = """## Shows

**V1.** Which of these shows did you stream this month? Tick all that apply.

- [1] Lantern Street
- [2] Iron Orchard
- [3] Neither

## Lantern Street

*This block appears only for subscribers who streamed Lantern Street at V1. Everyone else moves on to the Iron Orchard block.*

**L1.** How did you find the ending?

- [1] Satisfying
- [2] Flat

**L2.** Will you stream the next season?

- [1] Yes
- [2] No

## Iron Orchard

*Iron Orchard viewers only (V1 = 2); anyone who did not stream it carries on at the last block.*

**I1.** How did you find the ending?

- [1] Satisfying
- [2] Flat

**I2.** Will you stream the next season?

- [1] Yes
- [2] No

## Last block

**Z1.** How many hours did you stream in all this month?

*Enter whole hours, 0–300.*

*Not asked if the answer at Z1 was 0.*

**Z2.** Was that more than usual?

- [1] More
- [2] Less
"""


def test_block_note_for_any_group_and_moving_on_verbs() -> None:
    survey = by_id(compile_text(_BLOCKS, "shows.md"))
    assert survey["L1"].display_if == survey["L2"].display_if == "V1 contains '1'"
    assert survey["I1"].display_if == survey["I2"].display_if == "V1 contains '2'"
    assert survey["Z1"].display_if is None


def test_filter_on_own_answer_set_after_it_is_the_next_questions() -> None:
    survey = by_id(compile_text(_BLOCKS, "shows.md"))
    assert survey["Z2"].display_if == "not (Z1 == 0)"


def test_others_clause_after_a_dash_and_turn_to() -> None:
    survey = by_id(
        compile_text(
            """T1. How do you get the newsletter?
1 Post
2 Email
3 Both
T2 to T3 only for those who read it by email (code 2 or 3 at T1) – everyone else carries on at T4.
T2. Which device do you read it on?
1 Phone
2 Laptop
T3. Do you click the links?
1 Yes
2 No
T4. How long have you read it?
1 Under a year
2 Longer
Questions T5 to T6 are for readers who get it by post (codes 1 or 3 at T1). Email-only readers please turn to T7.
T5. Does it arrive on time?
1 Yes
2 No
T6. Is the paper good enough?
1 Yes
2 No
T7. Any other comments?
"""
        )
    )
    for qid in ("T2", "T3"):
        assert survey[qid].display_if == "T1 in ['2','3']"
    for qid in ("T5", "T6"):
        assert survey[qid].display_if == "T1 in ['1','3']"
    assert survey["T4"].display_if is None
    assert survey["T7"].display_if is None


def test_filter_notes_naming_their_questions() -> None:
    survey = by_id(
        compile_text(
            """W5 How did you travel to the gig?
1 Walked
2 Bus
3 Train
4 Car
Filter: rail and bus riders — ask W6 if W5 is "Bus" or "Train".
W6 How long was the journey?
1 Under an hour
2 Longer
W7 Did you buy a drink at the bar?
1 Yes
2 No
Filter: W8 and W9 — bar customers only (W7 = 1).
W8 How was the service?
1 Good
2 Poor
W9 How were the prices?
1 Good
2 Poor
W10 How old are you?
1 Under 25
2 25 or over
W11 Are you on the mailing list?
1 Yes
2 No
Filter: W12 only for people under 25 (W10 = 1) who are not on the list (W11 = 2).
W12 Would you join the list?
1 Yes
2 No
"""
        )
    )
    assert survey["W6"].display_if == "W5 in ['2','3']"
    assert survey["W8"].display_if == survey["W9"].display_if == "W7 == '1'"
    assert survey["W12"].display_if == "W10 == '1' and W11 == '2'"


def test_heading_that_names_its_run_and_test() -> None:
    survey = by_id(
        compile_text(
            """B1   Do you hold a season card?
       01  Yes
       02  No

##################################################################
#  B2-B3: NON-HOLDERS ONLY (B1 = 02). HOLDERS JUMP TO B4.         #
##################################################################

B2   Had you heard of the card before today?
       01  Yes
       02  No

B3   Would you buy one?
       01  Yes
       02  No

##################################################################

B4   How far did you travel today, in miles?
     INT: RANGE 1-500.
"""
        )
    )
    assert survey["B2"].display_if == survey["B3"].display_if == "B1 == '02'"
    assert survey["B4"].display_if is None
