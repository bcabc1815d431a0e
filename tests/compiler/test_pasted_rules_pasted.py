"""Questionnaires pasted from everyday tools (an e-mail thread, a chat export, a slide outline,
a sideways sheet, a build sheet's logic lists), one small case each in their own words, and a
near miss each rule must leave alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text, read_text


def _codes(question: Question) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]


_THREAD = """
From: Ann Lee <ann@example.org>
To: Sam Cole <sam@example.org>
Subject: RE: garden survey

Hi Sam, final version:

please change Q2 so it's only asked of people who said yes at Q1

Ann

> From: Sam Cole <sam@example.org>
> Subject: RE: garden survey
>
> Looks fine. Should Q3 be for members only?
>
> > From: Ann Lee
> > Subject: garden survey
> >
> > Q1. Do you have a garden?
> > (1) Yes
> > (2) No
> >
> > Q2. How big is your garden?
> > (1) Small
> > (2) Large
> >
> > Q3. Which of these do you grow? Tick all that apply.
> > (1) Flowers
> > (2) Vegetables
> > (3) Fruit
"""


def test_survey_quoted_two_levels_deep_is_read_without_the_thread() -> None:
    questions = by_id(compile_text(_THREAD))
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert questions["Q1"].text == "Do you have a garden?"
    assert _codes(questions["Q3"]) == [("1", "Flowers"), ("2", "Vegetables"), ("3", "Fruit")]
    # the newer reply's explicit instruction gives Q2 its filter; Sam's question does nothing
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if is None


def test_quote_marks_without_an_email_header_are_left_alone() -> None:
    from fielder.compiler.email_thread import quoted_questionnaire

    blocks = list(
        read_text(
            """
            > Q1. Do you have a garden?
            > (1) Yes
            > (2) No
            > Q2. How big is it?
            > (1) Small
            > Q3. Do you grow food?
            """
        ).blocks
    )
    assert quoted_questionnaire(blocks) == blocks


_CHAT = """
Chat export

[01/02/2025, 09:00] Kim (Bakery): here's the survey
[01/02/2025, 09:01] Kim (Bakery): q1 - how often do you visit? daily / weekly / rarely. tick one
[01/02/2025, 09:02] Raj: 👍 one answer?
[01/02/2025, 09:03] Kim (Bakery): q2 - what do you usually buy? bread / cakes / coffee. tick all
[01/02/2025, 09:04] Kim (Bakery): q3 - how old are you? under 18 = end
[01/02/2025, 09:05] Kim (Bakery): q4 - what's your email so we can send a voucher?
[01/02/2025, 09:06] Raj: thanks!
"""


def test_chat_export_keeps_the_authors_questions_without_stamps() -> None:
    questions = by_id(compile_text(_CHAT))
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4"]
    assert questions["Q1"].text == "how often do you visit?"
    assert _codes(questions["Q1"]) == [("1", "daily"), ("2", "weekly"), ("3", "rarely")]
    assert questions["Q2"].type == "multi"
    assert questions["Q3"].type == "number"
    assert questions["Q3"].terminate_if == "Q3 < 18"
    assert questions["Q4"].type == "email"


def test_a_few_stamped_lines_are_not_a_chat_export() -> None:
    from fielder.compiler.chat_export import chat_questionnaire

    blocks = list(
        read_text(
            """
            [10:00] Kim: Q1. How often do you visit?
            [10:01] Kim: Q2. What do you buy?
            [10:02] Kim: Q3. How old are you?
            [10:03] Raj: thanks
            """
        ).blocks
    )
    assert chat_questionnaire(blocks) == blocks


_SLIDES = """
# Trip survey

## Slide 1 - Title

Spring trip

## Slide 2 - Q1

**Is your child coming on the trip?**

- 1 · Yes
- 2 · Not sure yet
- 3 · No

## Slide 3 - Q2

**Please describe any medical needs.**

*(large text box)*

*Speaker notes: only for "Yes" at Q1, not the "Not sure yet" parents.*

## Slide 4 - Q3

**How many will come to the evening?**

*(number box, 0-4)*

*Speaker notes: if 0 → skip Q4 and go to Q5.*

## Slide 5 - Q4

**Which time suits you?**

- 1 · 5pm
- 2 · 6pm

## Slide 6 - Q5

**Any questions?**

*(large text box)*
"""


def test_slide_titles_label_the_slides_questions() -> None:
    questions = by_id(compile_text(_SLIDES, "deck.md"))
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert questions["Q2"].text == "Please describe any medical needs."
    assert questions["Q2"].type == "long_text"
    # the answer, then another denied beside it: the answer alone
    assert questions["Q2"].display_if == "Q1 == '1'"
    # "skip Q4 and go to Q5": the jump is to the second
    assert [(s.if_, s.to) for s in questions["Q3"].skip_to] == [("Q3 == 0", "Q5")]


def test_slide_titles_without_a_label_are_left_alone() -> None:
    questions = by_id(
        compile_text(
            """
            ## Slide 1 - Welcome

            **Is your child coming on the trip?**

            - Yes
            - No

            ## Slide 2 - Thanks

            Thank you!
            """,
            "deck.md",
        )
    )
    assert "Q1" in questions
    assert "Q2" not in questions


def _sheet(tmp_path: Path, rows: list[list[str]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "sideways.xlsx")
    return by_id(compile_document(read_path(tmp_path / "sideways.xlsx")).survey)


def test_sideways_sheet_under_a_title_with_show_only_if_row(tmp_path: Path) -> None:
    questions = _sheet(
        tmp_path,
        [
            ["Member survey, one column per question"],
            ["Question ID", "M1", "M2", "M3"],
            ["Question", "What is your plan?", "How do you travel?", "Where do you park?"],
            ["Type", "Single", "Single", "Single"],
            [
                "Answers",
                "1 = Desk\n2 = Office\n3 = Not a member",
                "1 = Walk\n2 = Car",
                "1 = Street\n2 = Garage",
            ],
            ["Show only if", "", "", "M2 = 2"],
            ["Skip / end", "3 = end (not a member)", "", ""],
        ],
    )
    assert list(questions) == ["M1", "M2", "M3"]
    assert questions["M3"].display_if == "M2 == '2'"
    assert questions["M1"].terminate_if == "M1 == '3'"


def test_a_title_over_an_ordinary_sheet_is_not_turned(tmp_path: Path) -> None:
    questions = _sheet(
        tmp_path,
        [
            ["Member survey"],
            ["ID", "Question", "Type", "Answers"],
            ["M1", "What is your plan?", "Single", "1 = Desk\n2 = Office"],
            ["M2", "How do you travel?", "Single", "1 = Walk\n2 = Car"],
        ],
    )
    assert list(questions) == ["M1", "M2"]


_BUILD_SHEET = """
<html><body>
<h3><span>T1</span> How often do you use the app?</h3>
<table><tr><th>Code</th><th>Answer</th></tr>
<tr><td>1</td><td>Daily</td></tr><tr><td>2</td><td>Weekly</td></tr>
<tr><td>3</td><td>I don't use it any more</td></tr></table>
<p>Logic summary</p><ul><li>Display: always shown</li>
<li>End survey if: "I don't use it any more"</li></ul>
<h3><span>T2</span> How useful is the app?</h3>
<table><tr><th>Code</th><th>Answer</th></tr>
<tr><td>1</td><td>1 - Not useful</td></tr><tr><td>2</td><td>2</td></tr>
<tr><td>3</td><td>3 - Very useful</td></tr></table>
<p>Logic summary</p><ul><li>Display: always shown</li><li>Skip: none</li></ul>
<h3><span>T3</span> Which features do you use?</h3>
<table><tr><th>Code</th><th>Answer</th></tr>
<tr><td>1</td><td>Budgets</td></tr><tr><td>2</td><td>Reminders</td></tr></table>
<p>Logic summary</p><ul><li>Display if: T2 is "3 - Very useful"</li><li>Skip: none</li></ul>
</body></html>
"""


def test_logic_summary_lists_are_notes_not_answers(tmp_path: Path) -> None:
    page = tmp_path / "build.html"
    page.write_text(_BUILD_SHEET, encoding="utf-8")
    questions = by_id(compile_document(read_path(page)).survey)
    assert _codes(questions["T1"]) == [
        ("1", "Daily"),
        ("2", "Weekly"),
        ("3", "I don't use it any more"),
    ]
    assert questions["T1"].terminate_if == "T1 == '3'"
    # the code said again before the words is dropped
    assert _codes(questions["T2"]) == [("1", "Not useful"), ("2", "2"), ("3", "Very useful")]
    assert _codes(questions["T3"]) == [("1", "Budgets"), ("2", "Reminders")]


def test_a_single_list_under_a_logic_word_is_left_alone() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which logic puzzles do you like?
            - Sudoku
            - Kakuro
            """,
            "q.md",
        )
    )
    assert _codes(questions["Q1"]) == [("1", "Sudoku"), ("2", "Kakuro")]


def test_arrow_to_a_lower_case_end_with_why_is_a_screen_out() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which age group are you in?
            (1) Under 18  -> end, juniors get their own survey
            (2) 18-34
            (3) 35 or over
            Q2. Any comments?
            """
        )
    )
    assert _codes(questions["Q1"])[0] == ("1", "Under 18")
    assert questions["Q1"].terminate_if == "Q1 == '1'"


def test_arrow_to_an_end_screen_in_capitals_is_not_read_as_a_lower_case_end() -> None:
    from fielder.compiler.options import strip_routing

    assert strip_routing("Under 18  -> endorsed")[2] is False


def test_what_is_your_email_provider_is_not_an_email() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. What's your email provider?
            (1) Gmail
            (2) Outlook
            """
        )
    )
    assert questions["Q1"].type == "single"
