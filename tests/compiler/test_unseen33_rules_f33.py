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
