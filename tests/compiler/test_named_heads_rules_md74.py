"""Variable names as ids, filters under their own item, runs named under an answer, starred
asides and questions opening with the answer they are for (round md74), in invented wording."""

from __future__ import annotations

import textwrap

from tests.compiler.conftest import by_id, compile_text

_BUILD = """
# Sleep and screens study

## `welcome` — Study information (screen)

Thank you for looking at this study about sleep. It takes ten minutes. You can stop at any time.

**`agree`** I agree to take part in this study.

- `1` = Yes
- `0` = No

> If `0` → end of survey.

**`screen_use`** Which devices do you use in bed? Please select all that apply.

- `1` = Phone
- `2` = Tablet
- `3` = Laptop
- `4` = None of these

**`bed_hours`** How many hours a night do you usually sleep?

Number, 0–16.

**`tired`** How tired do you feel in the morning?

- `1` = Not at all
- `2` = A little
- `3` = Very

> Shown if `bed_hours` < 7.

**`nap_app`** Which app do you use for naps?

Short text.

> Only if `screen_use` includes 1.

**`mood`** How is your mood most days?

- `1` = Good
- `2` = Mixed
- `3` = Poor

> Shown when `tired` = 3.

**`contact`** Please give an email address for a follow-up.

Email, checked on entry.

> Shown if `agree` = 1.

## `thanks` — Last page

Thank you for your time. The study team will write to volunteers in spring. Goodbye.
"""


def test_code_span_names_are_ids_and_headings_name_screens() -> None:
    questions = by_id(compile_text(textwrap.dedent(_BUILD), "sleep.md"))
    assert list(questions) == [
        "welcome",
        "agree",
        "screen_use",
        "bed_hours",
        "tired",
        "nap_app",
        "mood",
        "contact",
        "thanks",
    ]
    assert questions["welcome"].type == "display"
    assert questions["thanks"].type == "display"
    assert questions["agree"].text == "I agree to take part in this study."
    assert questions["agree"].terminate_if == "agree == '0'"
    assert questions["contact"].type == "email"
    assert questions["contact"].text == "Please give an email address for a follow-up."


def test_filters_under_items_are_their_own() -> None:
    questions = by_id(compile_text(textwrap.dedent(_BUILD), "sleep.md"))
    assert questions["tired"].display_if == "bed_hours < 7"
    assert questions["nap_app"].display_if == "screen_use contains '1'"
    assert questions["mood"].display_if == "tired == '3'"
    assert questions["contact"].display_if == "agree == '1'"


def test_bold_names_read_without_code_spans_and_bracketed_names_in_plain_text() -> None:
    bold = """
    **visits** How often do you visit the library?

    - 1 = Weekly
    - 2 = Monthly

    **borrow_type** What do you borrow most?

    - 1 = Novels
    - 2 = Films

    **wifi_use** Do you use the free wifi?

    - 1 = Yes
    - 2 = No
    """
    questions = by_id(compile_text(textwrap.dedent(bold), "library.md"))
    assert list(questions) == ["visits", "borrow_type", "wifi_use"]
    assert questions["wifi_use"].text == "Do you use the free wifi?"
    bracketed = """
    [visits] How often do you visit the library?
      1 Weekly
      2 Monthly

    [borrow_type] What do you borrow most?
      1 Novels
      2 Films

    [wifi_use] Do you use the free wifi?
      1 Yes
      2 No
    """
    questions = by_id(compile_text(bracketed, "library.txt"))
    assert list(questions) == ["visits", "borrow_type", "wifi_use"]


def test_capitalised_bold_lead_ins_and_two_names_stay_as_they_are() -> None:
    lead_ins = """
    **Note** Please answer every question.

    1. How often do you visit the library?
       - Weekly
       - Monthly

    **Important** Your answers are private.

    2. What do you borrow most?
       - Novels
       - Films

    **Reminder** There are no wrong answers.
    """
    questions = by_id(compile_text(textwrap.dedent(lead_ins), "library.md"))
    assert "Note" not in questions
    assert "Important" not in questions
    two = """
    **visits** How often do you visit the library?

    - 1 = Weekly
    - 2 = Monthly

    **borrow_type** What do you borrow most?

    - 1 = Novels
    - 2 = Films
    """
    questions = by_id(compile_text(textwrap.dedent(two), "library.md"))
    assert "visits" not in questions


def test_a_run_named_under_an_answer_filters_each_question_of_it() -> None:
    form = """
    1) Would you like our newsletter?
       [ ] Yes, sign me up
       [ ] No thanks
       (If yes fill in 2 and 3. If not, that's all - thanks!)

    2) Your name
       ______________________

    3) Your email
       ______________________@______________

    4) Which days would you come in?
       [ ] Mondays
       [ ] Late opening on Thursdays
       [ ] None of these

    5) If you ticked Thursdays - what would you come in for?
       [ ] Study space
       [ ] Events
    """
    questions = by_id(compile_text(form, "form.txt"))
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q1 == '1'"
    assert questions["Q4"].display_if is None
    assert questions["Q5"].display_if is not None
    assert "Q4" in questions["Q5"].display_if
    assert questions["Q5"].text == "If you ticked Thursdays - what would you come in for?"


def test_a_starred_aside_after_the_question_is_a_note() -> None:
    form = """
    1) What did you buy today? (tick all that apply)
       [ ] Bread
       [ ] Soup
       [ ] Juice

    2) How was the soup?   *only if you had soup*
       [ ] Good
       [ ] Bad

    3) Rate us *out of five*
       [ ] 1
       [ ] 5
    """
    questions = by_id(compile_text(form, "form.txt"))
    assert questions["Q2"].text == "How was the soup?"
    assert questions["Q2"].display_if == "Q1 contains '2'"
