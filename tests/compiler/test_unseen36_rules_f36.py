"""Conventions from unseen36 (B2B research): a piped name of two capital words (`[HOST CLUB]`),
a condition alone that ends after its bracket (`IF K3 = 2 (NEVER).`), `Section R: ask only if …`,
radio-marked points in one table row, a lone label over its filter line, answer routing in
words (`→ skips to K9`, `— the survey ends here`), a survey tool's display rules in words
(`Appears when K1 is 0 to 6`, `Hidden if "None" is ticked at K2`), `ANY TRAIL WALKED AT H1`,
a skip to a later section written over a heading, and `Q2 TO Q4: ONLY … OTHERS GO TO Q6`."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_two_word_caps_placeholder_stays_in_the_text() -> None:
    survey = by_id(
        compile_text(
            """K1. How often does [HOST CLUB] run open days?
1 Monthly
2 Yearly
K2. Would you visit [HOST CLUB]'s garden again?
1 Yes
2 No
"""
        )
    )
    assert "[HOST CLUB]" in survey["K1"].text
    assert "[HOST CLUB]'s" in survey["K2"].text


def test_condition_alone_ending_after_its_bracket_filters_the_next() -> None:
    survey = by_id(
        compile_text(
            """K3. Do you still grow roses?
1 Yes
2 Sometimes
3 Never
IF K3 = 3 (NEVER).
K4. Why did you stop growing roses?
1 Too much work
2 Pests
"""
        )
    )
    assert survey["K4"].display_if == "K3 == '3'"
    assert survey["K3"].display_if is None


def test_section_named_then_ask_only_if() -> None:
    survey = by_id(
        compile_text(
            """A1. Which kind of shop are you?
1 Online
2 Market stall
3 High street
A2. How many staff?
1 One
2 More
SECTION R - HIGH STREET
SECTION R: ASK ONLY IF A1 = 3 (HIGH STREET). ALL OTHER SHOP TYPES GO TO A5.
A3. Do you rent the premises?
1 Yes
2 No
A4. Is there parking nearby?
1 Yes
2 No
SECTION S - ALL
A5. Anything else?
1 Yes
2 No
"""
        )
    )
    assert survey["A3"].display_if == "A1 == '3'"
    assert survey["A4"].display_if == "A1 == '3'"
    assert survey["A5"].display_if is None


def test_radio_marked_points_in_one_table_row_are_a_scale() -> None:
    html = """<html><body>
<p><b>T1.</b> How would you rate the museum café?</p>
<table><tr><td>○ 1<br>Awful</td><td>○ 2</td><td>○ 3</td><td>○ 4</td><td>○ 5</td>
<td>○ 6</td><td>○ 7<br>Superb</td></tr></table>
<p><b>T2.</b> Anything else?</p>
</body></html>"""
    survey = by_id(compile_text(html, "q.html"))
    question = survey["T1"]
    assert question.type == "scale"
    assert [o.code for o in question.options] == [str(n) for n in range(1, 8)]
    assert question.options[0].label == "Awful"
    assert question.options[-1].label == "Superb"


def test_lone_label_over_its_filter_line() -> None:
    survey = by_id(
        compile_text(
            """M1
Do you keep bees?
Yes ........ 1
No ......... 2
M2
[ASK IF M1 = 1] [MULTI]
Which flowers do your bees visit?
Clover ..... 1
Heather .... 2
Lime ....... 3
M3
How many years have you kept bees?
"""
        )
    )
    assert survey["M2"].display_if == "M1 == '1'"
    assert survey["M2"].type == "multi"
    assert survey["M1"].type == "single"


def test_answer_routing_in_words() -> None:
    survey = by_id(
        compile_text(
            """### K1. Do you own a kayak?

- ( ) Yes
- ( ) No → *skips to K3*
- ( ) Sold it — *the survey ends here; the thank-you page is shown*

### K2. Which kayak?

- ( ) Sit-on-top
- ( ) Touring

### K3. Would you hire one?

- ( ) Yes
- ( ) No → please hand this card back and do not continue
- ( ) Maybe → you have finished, thank you
""",
            "q.md",
        )
    )
    first = survey["K1"]
    assert [o.label for o in first.options] == ["Yes", "No", "Sold it"]
    assert [(s.if_, s.to) for s in first.skip_to] == [("K1 == '2'", "K3")]
    assert first.terminate_if == "K1 == '3'"
    last = survey["K3"]
    assert [o.label for o in last.options] == ["Yes", "No", "Maybe"]
    assert last.terminate_if == "K3 == '2'"


def test_survey_tool_display_rules_in_words() -> None:
    survey = by_id(
        compile_text(
            """### K1. How likely are you to come back to the fair?

0 = Not at all likely · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10 = Extremely likely

### K2. Which stalls did you visit? Select all that apply.

- [ ] Cheese
- [ ] Bread
- [ ] None of these *(on its own only)*

### K3. What put you off?

> *Appears when K1 is 0 to 4.*

[ multi-line text box ]

### K4. Which stall was best?

> *Hidden if "None of these" is ticked at K2.*

- ( ) Cheese
- ( ) Bread

### K5. How long did you stay?

- ( ) Under an hour
- ( ) Longer

## Food

> *This part appears only for visitors who ticked "Bread" at K2.*

### K6. Was the bread fresh?

- ( ) Yes
- ( ) No

## Last

### K7. When did you last visit?

> *Not shown to visitors of under an hour (K5 = "Under an hour"). Month and year picker.*

[ date: MM / YYYY ]

### K8. May we contact you?

- ( ) Yes
- ( ) No
""",
            "q.md",
        )
    )
    assert survey["K3"].display_if == "K1 in ['0','1','2','3','4']"
    assert survey["K4"].display_if == "not (K2 contains '3')"
    assert survey["K6"].display_if == "K2 contains '2'"
    assert survey["K7"].display_if == "not (K5 == '1')"


def test_any_answer_used_at_a_multi() -> None:
    survey = by_id(
        compile_text(
            """H1. Which trails have you walked?   MULTI
1 Ridge
2 Valley
3 Coast
99 None of these   EXCLUSIVE
ASK IF ANY TRAIL WALKED AT H1.
H2. Which trail did you like most?
1 Ridge
2 Valley
3 Coast
ASK IF WALKS ANY TRAIL AT H1
H3. How often do you walk?
1 Weekly
2 Monthly
"""
        )
    )
    expected = "H1 contains '1' or H1 contains '2' or H1 contains '3'"
    assert survey["H2"].display_if == expected


def test_skip_to_a_later_section_over_a_heading() -> None:
    survey = by_id(
        compile_text(
            """SECTION A - YOU
A1. How many dogs do you walk a day?
__________ dogs   NUMERIC
A2. Do you walk in the rain?
1 Yes
2 No
PROGRAMMER: IF A1 < 3 DOGS SKIP TO SECTION C
SECTION B - BUSY WALKERS
B1. Do you use a van?
1 Yes
2 No
B2. Do you use leads for each dog?
1 Yes
2 No
SECTION C - ALL
C1. Any comments?
1 Yes
2 No
"""
        )
    )
    assert survey["B1"].display_if == "not (A1 < 3)"
    assert survey["B2"].display_if == "not (A1 < 3)"
    assert survey["C1"].display_if is None
    assert not survey["A1"].skip_to
    assert not survey["A2"].skip_to


def test_skip_section_named_with_where_it_goes() -> None:
    survey = by_id(
        compile_text(
            """A1. How many people live with you?
   [1] Nobody
   [2] One or two
   [3] More
SECTION B - HOUSEHOLD
[SKIP SECTION B IF A1 = 1 (NOBODY) - GO TO C1]
B1. Do you share meals?
   [1] Yes
   [2] No
SECTION C - ALL
C1. Anything else?
   [1] Yes
   [2] No
"""
        )
    )
    assert survey["B1"].display_if == "not (A1 == '1')"
    assert survey["C1"].display_if is None


def test_double_chevron_terminate_and_one_word_type_after_a_gap() -> None:
    survey = by_id(
        compile_text(
            """S1. How many rooms does the hotel have?
   [1] Under 20
   [2] 20 or more                >> TERMINATE (too large)
S2. Which of these booking sites do you list on?   MULTI
   [1] Roomly
   [2] Staybay
"""
        )
    )
    assert survey["S1"].options[1].label == "20 or more"
    assert survey["S1"].terminate_if == "S1 == '2'"
    assert survey["S2"].type == "multi"


def test_answer_left_out_in_brackets_and_others_sent_past_the_run() -> None:
    survey = by_id(
        compile_text(
            """Q1. Do you run a bakery or a café?
(1) Bakery
(2) Café
(3) Neither
[Q2 TO Q3: ONLY BAKERIES AND CAFES (Q1 CODE 1 OR 2). OTHERS GO TO Q5.]
Q2. Which oven brand do you use most?
(1) Hotbox
(2) Crustly
(98) Don't know
Q3. How many ovens do you have?
RECORD NUMBER 1-50.
ASK IF BRAND NAMED AT Q2 (NOT DON'T KNOW).
Q4. How reliable is that brand?
(1) Very
(2) Not very
Q5. Anything else?
(1) Yes
(2) No
"""
        )
    )
    assert survey["Q3"].display_if == "Q1 in ['1','2']"
    assert survey["Q4"].display_if == "(not (Q2 == '98')) and (Q1 in ['1','2'])"
    assert survey["Q5"].display_if is None
