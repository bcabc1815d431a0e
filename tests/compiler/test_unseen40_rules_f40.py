"""Conventions from unseen40 (social research and CAPI modules): code spans drawn as boxes in an
HTML export, `RANGE 0..110`, a roster's `[NAME2]` fill, observed items under their own id,
`FILTER: PERSON n` boxes over a run, "IF X: reason. END THE INTERVIEW", a section heading's
bracketed test on a capitals variable, `GO TO` such a variable, a filter box naming its questions
last, a narrower test joined to a section's, a FILTER banner under a section heading, derived
variables' definition lines and plural units before a range."""

from __future__ import annotations

from fielder.compiler.passes.logic import _join
from tests.compiler.conftest import by_id, compile_text


def test_boxed_code_span_stands_apart_from_its_words() -> None:
    page = """<html><head><style>.cd { display: inline-block; width: 2em; }</style></head><body>
<p><b>W1</b> Do you keep bees at home?</p>
<ul><li><span class="cd">1</span>Yes</li><li><span class="cd">2</span>No</li></ul>
<p><b>W2</b> How many hives do you keep?</p>
</body></html>"""
    survey = by_id(compile_text(page, "hives.html"))
    assert [(o.code, o.label) for o in survey["W1"].options] == [("1", "Yes"), ("2", "No")]


def test_two_dot_range_and_roster_fill() -> None:
    survey = by_id(
        compile_text(
            """H1. How many rooms does the cottage have?
RANGE 1..9.
H2. What is the first name of the second guest?
H3. Is [GUEST2] staying more than one night?
1 Yes
2 No
H4. What was [GUEST2]'s age last birthday?
RANGE 0..99.
"""
        )
    )
    assert survey["H1"].validation is not None
    assert (survey["H1"].validation.min, survey["H1"].validation.max) == (1, 9)
    assert survey["H3"].text == "Is [GUEST2] staying more than one night?"
    assert survey["H4"].type == "number"
    assert survey["H4"].validation is not None
    assert survey["H4"].validation.max == 99


def test_item_under_its_own_id_coded_from_observation_stays() -> None:
    survey = by_id(
        compile_text(
            """M1. Which market stall do you run?
1 Fruit
2 Bread
M2. Condition of the awning
CODE FROM OBSERVATION. DO NOT ASK.
1 Good
2 Torn
M3
ASK IF TORN (M2 = 2). CODE FROM OBSERVATION.
Colour of the awning
1 Red
2 Blue
"""
        )
    )
    assert survey["M2"].type == "single"
    assert [o.label for o in survey["M2"].options] == ["Good", "Torn"]
    assert survey["M3"].display_if == "M2 == '2'"


def test_filter_box_with_a_title_over_a_run() -> None:
    survey = by_id(
        compile_text(
            """K1. How many boats are moored at the jetty?
K2. What is the name of the first boat?
FILTER: BOAT 2 ASK KNAME2 TO KLEN2 IF TWO OR MORE BOATS (K1 >= 2).
KNAME2. What is the name of the second boat?
KLEN2. How long is [KNAME2] in metres?
K9. Is the jetty lit at night?
1 Yes
2 No
"""
        )
    )
    assert survey["KNAME2"].display_if == "K1 >= 2"
    assert survey["KLEN2"].display_if == "K1 >= 2"
    assert survey["K9"].display_if is None


def test_if_reason_then_end_the_interview() -> None:
    survey = by_id(
        compile_text(
            """P1. How old is the pony in years?
IF P1 IS UNDER 4: THE PONY MUST BE FULLY GROWN. END THE INTERVIEW AND THANK THE OWNER.
P2. Which saddle do you use?
1 English
2 Western
"""
        )
    )
    assert survey["P1"].terminate_if == "P1 < 4"


def test_section_heading_test_on_a_capitals_variable_and_go_to_it() -> None:
    survey = by_id(
        compile_text(
            """## SECTION R — ROWING
R1. Did you row last week?
1 Yes
2 No
ROUTING: IF R1 = 1 GO TO CREW
R2. Did you coach last week?
1 Yes
2 No
CREW. Which boat do you mostly row in?
1 Single scull
2 Eight
3 None
ROUTING: IF ROWING (CREW = 1,2) GO TO SECTION S, ELSE GO TO T
## SECTION S — BOAT USE (ROWING: CREW = 1,2)
S1. How many outings a week?
S2. Do you own the boat?
1 Yes
2 No
ASK OWNERS (S2 = 1)
S3. Where is it stored?
## SECTION T — OTHER
T1. Any other comments?
""",
            "rowing.md",
        )
    )
    assert [(s.if_, s.to) for s in survey["R1"].skip_to] == [("R1 == '1'", "CREW")]
    assert survey["CREW"].skip_to == []
    assert survey["S1"].display_if == "CREW in ['1','2']"
    assert survey["S3"].display_if == "(S2 == '1') and (CREW in ['1','2'])"
    assert survey["T1"].display_if is None


def test_narrower_test_takes_the_place_of_the_wider_joined_one() -> None:
    joined = _join("(F3 == '2') and (DEPT in ['1','2'])", "DEPT == '1'", "and")
    assert joined == "(F3 == '2') and (DEPT == '1')"
    assert _join("F3 == '2'", "DEPT == '1'", "and") == "(F3 == '2') and (DEPT == '1')"


def test_filter_box_naming_its_questions_last() -> None:
    survey = by_id(
        compile_text(
            """G1. Are you a member or a visitor?
1 Member
2 Visitor
G2. How often do you come?
FILTER: MEMBERS ONLY (G1 = 1) — G3 AND G4
G3. How long have you been a member?
G4. Would you renew?
1 Yes
2 No
G5. Any comments?
"""
        )
    )
    assert survey["G3"].display_if == "G1 == '1'"
    assert survey["G4"].display_if == "G1 == '1'"
    assert survey["G5"].display_if is None


def test_filter_banner_under_a_section_heading_filters_the_section() -> None:
    survey = by_id(
        compile_text(
            """## Section A — About you
### A1
How old are you?
## Section B — Driving
> **FILTER: ASK IF AGE 17+ (A1 >= 17).** Younger people go to Section C.
### B1
Do you hold a licence?
| Code | Answer |
|---|---|
| 1 | Yes |
| 2 | No |
### B2
How many miles a week do you drive?
*Miles 0–900.*
## Section C — Cycling
### C1
Do you cycle?
| Code | Answer |
|---|---|
| 1 | Yes |
| 2 | No |

`dvDriver` = 1 / 2 from B1 (derived, not asked).
""",
            "drive.md",
        )
    )
    assert survey["B1"].display_if == "A1 >= 17"
    assert survey["B2"].display_if == "A1 >= 17"
    assert survey["C1"].display_if is None
    assert [o.label for o in survey["C1"].options] == ["Yes", "No"]
    assert survey["B2"].validation is not None
    assert (survey["B2"].validation.min, survey["B2"].validation.max) == (0, 900)
