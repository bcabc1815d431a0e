"""Conventions from unseen38 (consumer services and retail): a web export's id set apart by a
right margin, its "Display logic:" boxes over their questions and its box names ("Paragraph
box.", "Short text, one line."), quoted answers before an arrow, radio points over end words,
italic bracketed tests after a label, a "(2)" column heading, a box's range after its words,
runs named in one routing note, "<name> block" titles, bracketed arrow tags, follow-ups by band
of a score, "ANYONE ELSE: THANK AND CLOSE" and a colon before a jump."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_PAGE = """<html><head><style>
.id { font-weight: bold; margin-right: 0.5em; }
.rule { background: #eef; }
</style></head><body>
<div><p><span class="id">W1</span>Are you visiting the museum today?</p>
<ul><li><input type="radio"> Yes, right now</li><li><input type="radio"> No, just planning</li></ul>
<p class="rule">Logic: "No, just planning" → close the window (survey ends).</p></div>
<div><p><span class="id">W2</span>Which rooms did you see? Select all that apply.</p>
<ul><li><input type="checkbox"> Fossils</li><li><input type="checkbox"> Ships</li>
<li><input type="checkbox"> Clocks</li></ul></div>
<div><p class="rule">Display logic: show only if W2 includes "Ships".</p>
<p><span class="id">W3</span>Which ship did you like most?</p><p>Short text, one line.</p></div>
<div><p class="rule">Display logic: show only if W2 includes "Clocks".</p>
<p><span class="id">W4</span>Please describe the clock room.</p><p>Paragraph box.</p></div>
<div><p><span class="id">W5</span>How likely are you to come again?</p>
<table><tr><td><input type="radio"> 1</td><td><input type="radio"> 2</td>
<td><input type="radio"> 3</td>
<td><input type="radio"> 4</td><td><input type="radio"> 5</td></tr>
<tr><td>Not likely</td><td></td><td></td><td></td><td>Very likely</td></tr></table></div>
<div><p><span class="id">W6</span>Have you been a member before?</p>
<ul><li><input type="radio"> Yes</li><li><input type="radio"> No, never</li></ul>
<p class="rule">Skip logic: "No, never" → skip to W8.</p></div>
<div><p><span class="id">W7</span>How many years were you a member?</p></div>
<div><p><span class="id">W8</span>Anything else to tell us?</p><p>Paragraph box.</p></div>
</body></html>
"""


def test_web_export_ids_logic_boxes_and_box_names() -> None:
    survey = by_id(compile_text(_PAGE, "museum.html"))
    # the margin after the id parts it from the words
    assert survey["W1"].text == "Are you visiting the museum today?"
    assert survey["W1"].terminate_if == "W1 == '2'"
    # the display logic box over W3 is W3's, naming the answer by its words
    assert survey["W3"].display_if == "W2 contains '2'"
    assert survey["W3"].type == "text"
    assert survey["W4"].display_if == "W2 contains '3'"
    assert survey["W4"].type == "long_text"
    assert survey["W4"].text == "Please describe the clock room."
    assert survey["W2"].display_if is None
    assert survey["W5"].type == "scale"
    assert [(o.code, o.label) for o in survey["W5"].options] == [
        ("1", "Not likely"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very likely"),
    ]
    assert [(s.if_, s.to) for s in survey["W6"].skip_to] == [("W6 == '2'", "W8")]


_NOTES = """# Ferry feedback

**F1** Which crossing did you take?

| Code | Answer |
|---|---|
| 1 | Morning |
| 2 | Midday |
| 3 | Evening |

**F2** *(F1 = 1 or 2 only)* Was the café open?

| Code | Answer |
|---|---|
| 1 | Yes |
| 2 | No |

**F3** How likely are you to recommend the ferry?

0 = Not at all likely · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10 = Extremely likely

**F4** *(critics, F3 = 0–6)* What went wrong?

> Large text box.

**F5** *(not asked if F2 = 2)* How was the coffee?

| | Awful (1) | (2) | (3) | Great (4) |
|---|---|---|---|---|
| Taste | | | | |
| Price | | | | |

**F6** What would you pay for a return ticket?

> € ____ per trip. Whole euros, 0–90.
"""


def test_italic_bracketed_tests_code_headings_and_box_range() -> None:
    survey = by_id(compile_text(_NOTES, "ferry.md"))
    assert survey["F2"].text == "Was the café open?"
    assert survey["F2"].display_if == "F1 in ['1','2']"
    assert survey["F4"].display_if == "F3 in ['0','1','2','3','4','5','6']"
    assert survey["F5"].display_if == "not (F2 == '2')"
    assert [o.label for o in survey["F5"].options] == ["Awful", "2", "3", "Great"]
    assert survey["F6"].validation is not None
    assert (survey["F6"].validation.min, survey["F6"].validation.max) == (0, 90)


_SPEC = """M1. Which sports have you played this year? Select all that apply.
□ Tennis (1)
□ Golf (2)
□ Rowing (3)
□ None of these (4) [EXCLUSIVE – CLOSE]
SPORT ROUTING: TENNIS BLOCK (T1–T2) IF M1 CODE 1. GOLF BLOCK (G1–G2) IF M1 CODE 2.
Tennis block
T1. Where do you play tennis?
□ A club (1)
□ A public court (2)
T2. Do you play in a league?
□ Yes (1)
□ No (2) [→ H1]
Golf / putting block
G1. How often do you play golf?
□ Weekly (1)
□ Monthly (2)
G2. Do you own your clubs?
□ Yes (1)
□ No (2)
H1. How old are you?
Age in years, 16–90.
"""


def test_named_runs_block_titles_and_bracketed_tags() -> None:
    survey = by_id(compile_text(_SPEC, "sport.txt"))
    assert survey["M1"].terminate_if == "M1 contains '4'"
    assert survey["T1"].display_if == "M1 contains '1'"
    assert survey["T2"].display_if == "M1 contains '1'"
    assert [(s.if_, s.to) for s in survey["T2"].skip_to] == [("T2 == '2'", "H1")]
    assert survey["G1"].display_if == "M1 contains '2'"
    # the block's title is not an answer of the question above it
    assert [o.label for o in survey["T2"].options] == ["Yes", "No"]
    assert survey["G2"].display_if == "M1 contains '2'"
    assert survey["H1"].display_if is None
    assert survey["H1"].validation is not None
    assert (survey["H1"].validation.min, survey["H1"].validation.max) == (16, 90)


def test_follow_ups_by_band_named_on_one_line() -> None:
    survey = by_id(
        compile_text(
            """V1  How likely are you to recommend the bakery?
     Not at all likely [0]  [1]  [2]  [3]  [4]  [5]  [6]  [7]  [8]  [9]  [10] Extremely likely
     >> CRITICS (V1 = 0-6) ASK V2a.  FANS (V1 = 9-10) ASK V2b.

V2a  What should we bake better?
        OPEN - TEXT BOX, SEVERAL LINES

V2b  What do you like best?
        OPEN - TEXT BOX, SEVERAL LINES

V3  Which loaf do you buy most?
        White ................. [1]
        Brown ................. [2]
"""
        )
    )
    assert survey["V2a"].display_if == "V1 in ['0','1','2','3','4','5','6']"
    assert survey["V2b"].display_if == "V1 in ['9','10']"
    assert survey["V3"].display_if is None


def test_follow_ups_by_band_of_the_rating_above_and_group_lines() -> None:
    survey = by_id(
        compile_text(
            """K1. How likely are you to recommend the gym?
0 – Not at all likely 1 2 3 4 5 6 7 8 9 10 – Extremely likely
FOLLOW-UP BY BAND: 0–6 ASK K2a; 9–10 ASK K2b; 7–8 GO TO K3.
K2a. What let you down? Large text box.
K2b. What did we do well? Large text box.
K3. How many visits a week do you make? Number, 0–14.
CRITICS (K1 = 0–6)
K4. Would you try another gym?
1 Yes
2 No
"""
        )
    )
    assert survey["K2a"].display_if == "K1 in ['0','1','2','3','4','5','6']"
    assert survey["K2b"].display_if == "K1 in ['9','10']"
    assert survey["K3"].display_if is None
    assert not survey["K1"].skip_to
    assert survey["K4"].display_if == "K1 in ['0','1','2','3','4','5','6']"


def test_anyone_else_closes_and_a_colon_before_a_jump() -> None:
    survey = by_id(
        compile_text(
            """H1  Do you hold a season ticket?
        Yes, for this season .......... [1]
        Yes, for last season .......... [2]
        No ............................ [3]
     >> CONTINUE IF H1 = 1 OR 2. ANYONE ELSE: THANK AND CLOSE.

H2  Where do you sit?
        North stand ................... [1]
        South stand ................... [2]
        East stand .................... [3]
     >> H2 = 1 OR 3: SKIP TO H4

H3  Why the south stand?
        The view ...................... [1]
        The price ..................... [2]

H4  How many games did you see?
        NUMERIC, ALLOW 0-40
"""
        )
    )
    # "anyone else" names the other answers, as "ALL OTHERS TERMINATE" does (unseen30): listed
    assert survey["H1"].terminate_if == "H1 == '3'"
    assert [(s.if_, s.to) for s in survey["H2"].skip_to] == [("H2 in ['1','3']", "H4")]
    assert survey["H3"].display_if is None
