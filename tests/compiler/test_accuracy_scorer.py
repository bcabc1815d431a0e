"""The accuracy scorer reads a condition by meaning: what it names, held or denied."""

from __future__ import annotations

from bench.accuracy import refs


def test_a_not_turns_only_what_it_encloses() -> None:
    written_apart = refs("A == '1' and not (B == '2')")
    assert written_apart == refs("A == '1' and B != '2'")
    assert ("A", "is", "1") in written_apart


def test_contains_any_names_each_code() -> None:
    assert refs("M contains any ['x', 'y']") == refs("(M contains 'x' or M contains 'y')")


def test_a_number_test_under_not_is_turned() -> None:
    assert refs("not (N > 3)") == refs("N <= 3")
    assert refs("N > 3") != refs("N <= 3")


def test_codes_and_numbers_stay_apart() -> None:
    assert refs("Q == '3'") != refs("Q == 3")


def test_text_the_parser_refuses_is_read_by_its_comparisons() -> None:
    assert refs("Q1 == '2' ((") == frozenset({("Q1", "is", "2")})


def test_a_rankings_count_is_no_gold_detail() -> None:
    # the gold format defines validation for number, multi and constant_sum only
    from bench.accuracy import details_of

    ranked = {"type": "ranking", "options": [], "validation": {"max": 3}}
    assert details_of(ranked) == details_of({"type": "ranking", "options": []})
    capped = {"type": "multi", "options": [], "validation": {"max": 3}}
    assert details_of(capped) != details_of({"type": "multi", "options": []})
