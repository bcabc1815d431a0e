"""General conventions met in the text questionnaires of a fourth blind batch (plain text and
Markdown), one small case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_dutch_answer_format_lines_name_the_type_range_and_limits() -> None:
    questions = by_id(
        compile_text(
            """
            **A1.** Hoeveel fietsen heeft uw gezin?
            *Open numeriek, 0–12 fietsen*

            `[___]`

            **A2.** Welke vervoersmiddelen gebruikt u? Kies er hoogstens twee.
            *Meerdere antwoorden mogelijk, max. 2*

            1 – Fiets
            2 – Bus
            3 – Trein
            9 – Geen van deze *(exclusief)*

            **A3.** Wat vindt u van de fietspaden?
            *Open, groot tekstvak*
            """,
            "q.md",
        )
    )
    assert questions["A1"].type == "number"
    assert questions["A1"].validation is not None
    assert (questions["A1"].validation.min, questions["A1"].validation.max) == (0, 12)
    second = questions["A2"]
    assert second.type == "multi"
    assert second.validation is not None
    assert second.validation.max_choices == 2
    assert [o.code for o in second.options if o.exclusive] == ["9"]
    assert questions["A3"].type == "long_text"
