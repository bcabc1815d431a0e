"""Conventions from unseen33 (FMCG product tests), second round: a bracketed `(MC)` after the
question (also before more scripting), screens named by a word of the document's own where it
names `INTRO` the same way (alone over the words, or before them after a tab), end words in a
table's end-point cells (`1 — Awful | 2 | … | 5 — Superb` over circles), a filter after a
group's few words (`Top-2 box only: ask if …`), `SHOW THIS SCREEN ONLY IF …`, `RECRUIT ONLY IF
… (CODES 2–3)` screening out the other codes, words glossed by one code (`IF ITCHY (CODE 1) →
THANK & CLOSE`), a probe's question before the routing (`WHAT ELSE? ASK IF …`), per-product
ids with an underscore (`AT B1_2 (CODES 1, 2, 4, 5)`) in filters printed under their question,
and `Only if question 2 = 1. Screen out if No.` (the filter looks forward, the screen-out not)."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_bracketed_mc_makes_a_multi_even_before_more_scripting() -> None:
    survey = by_id(
        compile_text(
            """ALL QUESTIONS SINGLE CODE UNLESS MARKED (MC).

K1. Which of these gadgets do you own? (MC)
   (1) Kettle
   (2) Toaster
   (3) None of these     EXCLUSIVE

K2. Which words fit the new kettle? (MC)  RANDOMISE 1-3
   (1) Sleek
   (2) Sturdy
   (3) Quiet
   (4) None of these     EXCLUSIVE
""",
            "kettles.txt",
        )
    )
    for qid, none in (("K1", "3"), ("K2", "4")):
        question = survey[qid]
        assert question.type == "multi"
        assert "(MC)" not in question.text
        assert [o.code for o in question.options if o.exclusive] == [none]


def test_own_screen_word_alone_where_intro_is_written_alone() -> None:
    survey = by_id(
        compile_text(
            """INTRO
Welcome, and thank you for helping us test a new range of garden tools today.

G1. Do you have a garden?
   (1) Yes
   (2) No

DEMO
Please watch the short film of the new trowel being used in a flower bed before you go on.

G2. How useful does the trowel look?
   (1) Very useful
   (2) Not useful
""",
            "trowel.txt",
        )
    )
    assert survey["DEMO"].type == "display"
    assert survey["DEMO"].text.startswith("Please watch the short film")
    assert list(survey) == ["INTRO", "G1", "DEMO", "G2"]


def test_own_screen_word_before_a_tab_where_intro_is_written_so() -> None:
    survey = by_id(
        compile_text(
            "INTRO\tHello, I am calling from Brookline Research about a new brand of kettles.\n\n"
            "K1\tDo you own a kettle?\n\t1\tYes\n\t2\tNo\n\n"
            "POSTING\tThank you. Your test kettle will arrive within a week, with a short"
            " leaflet on how to use it.\n\n"
            "K2\tHow often do you boil water?\n\t1\tDaily\n\t2\tLess often\n",
            "kettle-cati.txt",
        )
    )
    assert survey["POSTING"].type == "display"
    assert survey["POSTING"].text.startswith("Thank you. Your test kettle")


def test_worded_end_points_in_a_tables_cells() -> None:
    survey = by_id(
        compile_text(
            """**B4.** How comfortable were the boots on the walk?

| 1 — Awful | 2 | 3 | 4 | 5 — Superb |
|---|---|---|---|---|
| ○ | ○ | ○ | ○ | ○ |

**B5.** Anything else about the boots?
""",
            "boots.md",
        )
    )
    assert [(o.code, o.label) for o in survey["B4"].options] == [
        ("1", "Awful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Superb"),
    ]


def test_a_groups_words_then_the_filter_after_a_colon() -> None:
    survey = by_id(
        compile_text(
            """**H1.** How likely are you to book the hotel again?

- Very likely [1]
- Fairly likely [2]
- Not likely [3]

**H2.** What made you want to come back?

*Large text box. Keen guests only: ask if H1 = 1 or 2.*
""",
            "hotel.md",
        )
    )
    assert survey["H2"].display_if == "H1 in ['1','2']"


def test_show_this_screen_only_if() -> None:
    survey = by_id(
        compile_text(
            """S1. How stressed do you feel this week?
1 Very
2 A little
3 Not at all

HELP. If you need to talk, our helpline is open every day from nine until five.
[SHOW THIS SCREEN ONLY IF S1 = 1]

S2. How many hours did you sleep last night?
""",
            "stress.txt",
        )
    )
    assert survey["HELP"].display_if == "S1 == '1'"


def test_recruit_only_if_screens_out_the_other_codes() -> None:
    survey = by_id(
        compile_text(
            """R1. Which brand of trainers do you wear most?
1 Fleetfoot
2 Runwell
3 Stridex
97 Other brand
RECRUIT ONLY IF WEARS RUNWELL OR STRIDEX (CODES 2–3) — OTHERWISE THANK & CLOSE

R2. How often do you run?
1 Daily
2 Weekly
3 Monthly
4 Less often
RECRUIT ONLY IF RUNS AT LEAST MONTHLY (CODES 1–3)

R3. Do you own running spikes?
1 Yes
2 No
RECRUIT ONLY IF OWNS THEM (CODE 1). CODE 2: THANK & CLOSE.
""",
            "trainers.txt",
        )
    )
    assert survey["R1"].terminate_if == "R1 in ['1','97']"
    assert survey["R2"].terminate_if == "R2 == '4'"
    assert survey["R3"].terminate_if == "R3 == '2'"


def test_words_glossed_by_one_code_then_close() -> None:
    survey = by_id(
        compile_text(
            """P1. Does anyone at home react badly to wool?
1 Yes
2 No
IF ITCHY OR ALLERGIC (CODE 1) → THANK & CLOSE
P2. Which yarn do you knit with most?
1 Cotton
2 Acrylic
3 Alpaca
4 Silk
5 Bamboo
CLOSE IF HARDLY KNITS THE COMMON YARNS (CODES 4–5)
""",
            "yarn.txt",
        )
    )
    assert survey["P1"].terminate_if == "P1 == '1'"
    assert survey["P2"].terminate_if == "P2 in ['4','5']"


def test_probe_question_then_routing_in_one_note() -> None:
    survey = by_id(
        compile_text(
            """T1. Overall, how much did you enjoy the tea?
1 A lot
2 A little
3 Not at all
T2. What did you enjoy about it?
OPEN. PROBE: ANYTHING ELSE? ASK IF ENJOYED (CODES 1–2 AT T1)
""",
            "tea.txt",
        )
    )
    assert survey["T2"].display_if == "T1 in ['1','2']"


def test_per_product_filter_printed_under_its_question() -> None:
    survey = by_id(
        compile_text(
            """B1_1. How salty was this soup?
1 Far too salty
2 A bit too salty
3 Just right
4 A bit bland
5 Far too bland
B1_2. Did the saltiness taste natural?
1 Yes
2 No
IF TOO SALTY OR NOT SALTY ENOUGH AT B1_1 (CODES 1, 2, 4, 5)
B1_3. Would you eat it again?
1 Yes
2 No
B1_4. Why would you eat it again?
OPEN. ASK IF YES AT B1_3 (CODE 1)
B1_5. How thick was it?
1 Too thick
2 Right
3 Too thin
B1_6. Why was it too thick?
OPEN. ASK IF TOO THICK AT B1_5 (CODE 1)
""",
            "soup.txt",
        )
    )
    assert survey["B1_2"].display_if == "B1_1 in ['1','2','4','5']"
    assert survey["B1_3"].display_if is None


def test_only_if_then_a_screen_out_of_the_question_above() -> None:
    survey = by_id(
        compile_text(
            """**1.** Do you have a dog?

- Yes [1]
- No [2]

**2.** Would you walk a dog for us twice a week?

- Yes [1]
- No [2]

*Only if question 1 = 1. Screen out if No.*

**3.** Do you have a car?

- Yes [1]
- No [2]

**4.** Please give us an email address for the rota.

*Email. Only if question 1 = 1.*
""",
            "dogs.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q2"].terminate_if == "Q2 == '2'"
    assert survey["Q3"].display_if is None
    assert survey["Q3"].terminate_if is None
    assert survey["Q4"].display_if == "Q1 == '1'"
