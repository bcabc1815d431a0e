"""Routing as web-form tools print it and screen-outs worded as denials (fix l1), each written
with invented words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

# A survey tool's design printout: logic notes in italics under the question, marked with an
# arrow and their kind ("↳ Question logic:"), and pages with a builder's condition ("⚙").
_PRINTOUT = """
**1. How old is your bicycle? \\***

- ○ Under 1 year
- ○ 1–5 years
- ○ Over 5 years

*↳ Question logic: If "Under 1 year" → Disqualify respondent*

**2. Which of these do you carry on rides?**
**(Select all that apply.) \\***

- ☐ Pump
- ☐ Lock
- ☐ Spare tube

**3. How far do you ride each week?**

- ○ A short way
- ○ A long way

*↳ Page logic: After this page, if Q3 is "A short way" → Skip to page 3 (Repairs)*

## PAGE 2: Long rides

*⚙ Page 2 is shown if Q2 includes "Lock"*

**4. Where do you lock up?**

**5. How many locks do you own?**

*↳ Question logic: If the answer is less than 1 → Skip to page 3 (Repairs)*

**6. Which lock is your favourite?**

*↳ Display logic: Q6 is shown if Q3 is "A long way"*

## PAGE 3: Repairs

**7. How would you rate your local repair shop from 0 (awful) to 10 (superb)?**

0 1 2 3 4 5 6 7 8 9 10

**8. What could the shop do better?**

*↳ Display logic: Q8 is shown if Q7 is between 0 and 4*
"""


def test_printout_question_logic_disqualifies() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert q["Q1"].terminate_if == "Q1 == '1'"


def test_printout_page_logic_skips_to_the_page_named() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert [(r.if_, r.to) for r in q["Q3"].skip_to] == [("Q3 == '1'", "Q7")]
    assert [(r.if_, r.to) for r in q["Q5"].skip_to] == [("Q5 < 1", "Q7")]


def test_printout_page_shown_if_filters_its_questions() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert q["Q4"].display_if == "Q2 contains '2'"
    assert q["Q7"].display_if is None


def test_printout_question_shown_if_names_itself_first() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert q["Q6"].display_if == "(Q2 contains '2') and (Q3 == '2')"


def test_between_two_numbers_is_the_span() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert q["Q8"].display_if == "Q7 in ['0','1','2','3','4']"


def test_starred_marking_note_ends_the_title() -> None:
    q = by_id(compile_text(_PRINTOUT, "q.md"))
    assert q["Q2"].text.endswith("(Select all that apply.)")
    assert [o.label for o in q["Q2"].options] == ["Pump", "Lock", "Spare tube"]


def test_denied_screen_out_on_a_single_keeps_the_negation() -> None:
    q = by_id(
        compile_text(
            "P1. Which pasta shape do you buy most?\n"
            "[CONTINUE IF P1 = 1 OR 2; OTHERWISE TERMINATE]\n"
            "1. Penne\n2. Fusilli\n3. Farfalle\n4. Orzo\n\n"
            "P2. Which sauce do you use? PROG: SINGLE CODE. SCREEN OUT IF NOT CODE 1 OR 2.\n"
            "1. Tomato\n2. Pesto\n3. Cream\n\n"
            "P3. How often do you cook pasta?\n"
        )
    )
    assert q["P1"].terminate_if == "not (P1 in ['1','2'])"
    assert q["P2"].terminate_if == "not (P2 in ['1','2'])"


def test_screen_out_naming_the_other_codes_lists_them() -> None:
    q = by_id(
        compile_text(
            "P1. Please pick 'Fusilli' to show you are reading.\n"
            "[TERMINATE IF ANY CODE OTHER THAN 2]\n"
            "1. Penne\n2. Fusilli\n3. Farfalle\n\n"
            "P2. How often do you cook pasta?\n"
        )
    )
    assert q["P1"].terminate_if == "P1 in ['1','3']"


_CLUB_FORM = """
**1) Do you want to hear about our repair fund?**

- [ ] Yes please
- [ ] No thanks

**2) Where do you buy your spare chains?**

- [ ] A bike shop
- [ ] Online
- [ ] The club's parts bin

**3) Would you use a parts bin at the clubhouse?**

*(only show this if they did NOT pick the parts bin at the question before)*

- [ ] Yes
- [ ] No

**4) Shall we send you the mechanic's contact details?**

- [ ] Yes
- [ ] No

**5) Your email address**

*(email field – only show if they said Yes to the repair fund OR Yes to the mechanic's details)*
"""


def test_only_show_this_if_they_did_not_pick() -> None:
    q = by_id(compile_text(_CLUB_FORM, "q.md"))
    assert q["Q3"].display_if == "not (Q2 == '3')"


def test_answers_said_to_topics_name_their_questions() -> None:
    q = by_id(compile_text(_CLUB_FORM, "q.md"))
    assert q["Q5"].type == "email"
    assert q["Q5"].display_if == "Q1 == '1' or Q4 == '1'"


def test_worded_run_filter_is_about_the_question_before_the_run() -> None:
    q = by_id(
        compile_text(
            """
            **1) Do you grow vegetables?**

            - [ ] Yes, in a garden
            - [ ] Yes, on an allotment
            - [ ] No

            *Please answer questions 2 to 3 only if you grow vegetables (one of the 'Yes' answers
            above). Everyone else, please carry on at question 4.*

            **2) Do you grow tomatoes?**

            - [ ] Yes
            - [ ] No

            **3) Do you save your own seeds?**

            - [ ] Yes
            - [ ] No

            **4) How did you hear about us?**
            """,
            "q.md",
        )
    )
    assert q["Q2"].display_if == "Q1 in ['1','2']"
    assert q["Q3"].display_if == "Q1 in ['1','2']"
