"""Conventions from unseen33 (product-test paper forms): tick boxes that print their code before
the words with one space (`☐ 5 Very appealing`), and respondent-worded filters after an arrow
(`→ Only if you ticked 1 or 2 at Q7.`, `→ Answer Q2 only if you ticked 4 or 5 at Q1.`)."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_boxed_answers_with_codes_before_their_words() -> None:
    survey = by_id(
        compile_text(
            """Q1. How tempting is the new kettle?
☐ 4 Very tempting
☐ 3 Fairly tempting
☐ 2 Hardly tempting
☐ 1 Not tempting
Q2. Which gadgets do you own? Tick all that apply.
☐ 1 Toaster
☐ 2 Blender
☐ 3 Juicer
☐ 4 None of these
""",
            "kettle.txt",
        )
    )
    q1 = survey["Q1"]
    assert [(o.code, o.label) for o in q1.options] == [
        ("4", "Very tempting"),
        ("3", "Fairly tempting"),
        ("2", "Hardly tempting"),
        ("1", "Not tempting"),
    ]
    assert [o.code for o in survey["Q2"].options] == ["1", "2", "3", "4"]
    assert survey["Q2"].options[0].label == "Toaster"


def test_boxed_counts_keep_their_numbers_as_words() -> None:
    survey = by_id(
        compile_text(
            """Q1. How many lodgers live with you?
☐ 1 lodger
☐ 2 lodgers
☐ 3 lodgers
""",
            "lodgers.txt",
        )
    )
    # the same thing counted: the numbers are the answers' words, not codes
    assert [o.label for o in survey["Q1"].options] == ["1 lodger", "2 lodgers", "3 lodgers"]


def test_arrowed_respondent_filters_under_their_question() -> None:
    survey = by_id(
        compile_text(
            """Q1. How tempting is the new kettle?
1 Very tempting
2 Fairly tempting
3 Not tempting
Q2. What tempts you?
*→ Answer Q2 only if you ticked 1 or 2 at Q1.*

Q3. What puts you off?
Q4. How often would you boil it?
*→ Only if you ticked 1 at Q1.*

1 Daily
2 Weekly
3 Rarely
Q5. Anything else?
""",
            "kettle.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['1','2']"
    assert survey["Q3"].display_if is None
    assert survey["Q4"].display_if == "Q1 == '1'"


def test_please_stop_here_is_a_screen_out() -> None:
    survey = by_id(
        compile_text(
            """A1. Which pets do you keep? Tick all that apply.

1 Rabbit

2 Hamster

3 Parrot

*If you ticked neither 1 nor 2, please stop here and give the form back.*

A2. How old are you? (number)

*If you are 70 or older, please stop here.*

A3. What do you feed them?
""",
            "pets.md",
        )
    )
    assert survey["A1"].terminate_if == "not (A1 contains '1') and not (A1 contains '2')"
    assert survey["A2"].terminate_if == "A2 >= 70"


def test_banner_with_its_section_filter_on_the_same_line() -> None:
    survey = by_id(
        compile_text(
            """D1\tWhich mugs did you use?
\t1\tBoth mugs
\t2\tOnly the blue mug
\t3\tNeither

--- BLUE MUG ---   ASK MB1-MB2 IF D1 = 1 OR 2

MB1\tHow warm did the blue mug keep the tea?
\t1\tVery warm
\t2\tFairly warm
\t3\tNot warm

MB2\tWould you use it again?
\t1\tYes
\t2\tNo
""",
            "mugs.txt",
        )
    )
    assert survey["MB1"].display_if == "D1 in ['1','2']"
    assert survey["MB2"].display_if == "D1 in ['1','2']"


def test_caps_aside_after_the_question_and_routing_with_a_reason() -> None:
    survey = by_id(
        compile_text(
            """H1\tHow old is your parrot? IF MORE THAN ONE PARROT: the bird in the trial.
\t1\tUnder 1 year\t\t-> THANK & CLOSE (CHICK)
\t2\t1 to 5 years
\t3\tOver 5 years

H2\tHow often do you buy seed?
\t1\tWeekly
\t2\tMonthly
\t3\tLess often
\tRECRUIT ONLY IF BUYS AT LEAST MONTHLY - CODE 3 = THANK & CLOSE.

H3\tWhat is the parrot's name?
""",
            "parrots.txt",
        )
    )
    h1 = survey["H1"]
    assert h1.text == "How old is your parrot?"
    assert h1.type == "single"
    assert h1.options[0].label == "Under 1 year"
    assert h1.terminate_if == "H1 == '1'"
    assert survey["H2"].terminate_if == "H2 == '3'"


def test_screen_outs_written_as_codes_answers_and_any_of() -> None:
    survey = by_id(
        compile_text(
            """K1. Do you chew gum?
1 Yes, daily
2 Yes, weekly
3 No
[Screen out codes 1 and 2.]
K2. Which of these upset your stomach? (MULTI)
1 Beans
2 Onions
3 Garlic
4 None of these
[IF SENSITIVE TO ANY OF THEM → THANK & CLOSE (any of 1–3).]
K3. Have you joined a tasting in the last month?
1 Yes
2 No
[Yes → thank & close; they may try again later.]
K4. Have you tasted tea for us before?
1 Yes
2 No
K5. Your e-mail address, please.
[ASK IF K4 = No (first timers).]
K6. Any other remarks?
""",
            "gum.txt",
        )
    )
    assert survey["K1"].terminate_if == "K1 in ['1','2']"
    assert survey["K2"].terminate_if == ("K2 contains '1' or K2 contains '2' or K2 contains '3'")
    assert survey["K3"].terminate_if == "K3 == '1'"
    assert survey["K5"].display_if == "K4 == '2'"
