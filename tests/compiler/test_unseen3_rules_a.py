"""General conventions met in a third blind batch of questionnaires (first half), one small case
each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_a_version_history_row_is_not_a_question() -> None:
    survey = compile_text(
        """
        Change record
           1.0   03 Mar 2026   First draft
           1.1   2026-03-09    Ferry module added
           2.0   14/04/2026    Signed off

        1.1     Did you travel by ferry this year?
                    1  Yes
                    2  No

        1.2     How many crossings did you make?
                    _ _  Number of crossings
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1_1", "Q1_2"]
    assert questions["Q1_1"].text == "Did you travel by ferry this year?"
