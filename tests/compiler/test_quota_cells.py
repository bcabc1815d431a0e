"""Quota notes read into IR quotas: a cell names answers the question has, or nothing."""

from __future__ import annotations

from tests.compiler.conftest import compile_text


def test_age_band_cells_name_the_answers_whose_words_are_the_band() -> None:
    survey = compile_text(
        "S1. How old are you? [QUOTA: 18-34 n=200; 35-54 n=150; 70-79 n=5]\n"
        "1 Under 18 [TERMINATE]\n2 18-34\n3 35-54\n4 55+\n"
    )
    assert [(q.condition, q.limit) for q in survey.quotas] == [
        ("S1 in ['2']", 200),
        ("S1 in ['3']", 150),
    ]


def test_code_cells_name_codes_only_where_the_question_has_them() -> None:
    survey = compile_text(
        "S2. Which region do you live in? [QUOTA: 1 n=50; 2-3 n=60; 9 n=10]\n"
        "1 Northfold\n2 Southmere\n3 Westerby\n"
    )
    assert [q.condition for q in survey.quotas] == ["S2 in ['1']", "S2 in ['2','3']"]
