"""One question's jump written in words no dedicated rule reads (`passes/read_routing`): a jump
stated alone is a `skip_to` on the question; a jump over the next question written beside the
branch that goes on is that question's `display_if`."""

from __future__ import annotations

import re

from fielder.ir.models import Survey
from tests.compiler.conftest import by_id, compile_text


def _compile(text: str) -> Survey:
    """A form written one paragraph a line, answers as `○ Label (code)`."""
    lines = []
    for line in text.strip().splitlines():
        answer = re.match(r"^(\d+) ([A-Za-z ]+)$", line)
        lines.append(f"○ {answer[2]} ({answer[1]})" if answer else line)
    return compile_text("\n\n".join(lines) + "\n", "q.md")


def test_jump_with_its_test_asked_before_the_verb_is_a_skip() -> None:
    survey = _compile(
        """1. How many times did the plumber call last winter?
Number of calls (0 to 20): ____
Not once (0)? Go to question 4.
2. Was the plumber on time?
1 Yes
2 No
3. Would you book the plumber again?
1 Yes
2 No
4. What is your postcode area?
1 North
2 South
"""
    )
    questions = by_id(survey)
    [rule] = questions["Q1"].skip_to
    assert (rule.if_, rule.to) == ("Q1 == 0", "Q4")
    assert questions["Q2"].display_if is None


def test_jump_over_one_question_stated_alone_stays_a_skip() -> None:
    survey = _compile(
        """Q1. How many bikes does your household own?
______ bikes   (0-30)
>> If none (0 entered), skip Q2 and continue at Q3.
Q2. Where do you keep them?
1 Indoors
2 Outdoors
Q3. How far is your workplace?
1 Under 5 km
2 5 km or more
"""
    )
    questions = by_id(survey)
    [rule] = questions["Q1"].skip_to
    assert (rule.if_, rule.to) == ("Q1 == 0", "Q3")
    assert questions["Q2"].display_if is None


def test_both_branches_written_filter_the_skipped_question() -> None:
    survey = _compile(
        """1. Have you always lived at this address?
1 Yes
2 No
If No: how many times have you moved? Otherwise go to question 3.
2. How many times have you moved house?
Write a number: ____
3. Do you rent or own your home?
1 Rent
2 Own
"""
    )
    questions = by_id(survey)
    assert questions["Q1"].skip_to == []
    assert questions["Q2"].display_if == "Q1 == '2'"


def test_score_split_written_both_ways_filters_the_next_question() -> None:
    survey = _compile(
        """1. How would you rate the library overall?
0 Very poor 1 2 3 4 5 6 7 8 9 10 Excellent
Scored 5 or less? Please say why at question 2. Scored 6 or more: go to question 3.
2. What should the library do better?
______________________
3. How often do you visit?
1 Weekly
2 Less often
"""
    )
    questions = by_id(survey)
    assert questions["Q1"].skip_to == []
    assert questions["Q2"].display_if == "Q1 in ['0','1','2','3','4','5']"


def test_route_to_the_next_question_or_a_test_it_cannot_read_is_no_jump() -> None:
    survey = _compile(
        """1. Do you own a car?
1 Yes
2 No
Whatever you answered, go to question 2.
2. Do you cycle to work?
1 Yes
2 No
Now please go to question 4.
3. How far do you cycle?
1 Under 5 km
2 5 km or more
4. How old are you?
1 Under 40
2 40 or over
"""
    )
    questions = by_id(survey)
    assert questions["Q1"].skip_to == []
    assert questions["Q2"].skip_to == []
    assert questions["Q3"].display_if is None


def test_otherwise_jump_is_not_the_if_branch_jump() -> None:
    survey = compile_text(
        """1. Have you moved house in the last five years?
1 Yes
2 No
If Yes: how many times have you moved? Otherwise go to question 3.
2. How many times have you moved house?
Write a number: ____
3. Do you rent or own your home?
1 Rent
2 Own
"""
    )
    questions = by_id(survey)
    assert questions["Q1"].skip_to == []
    assert questions["Q2"].display_if == "Q1 == '1'"


_ROUTING_TABLE = """P1  Do you expect your sales to grow or shrink next year?

| Code | Answer | Routing |
|---|---|---|
| 1 | Grow | Go to P3 |
| 2 | Stay the same | Go to P3 |
| 3 | Shrink | Ask P2 |

P2  Why do you expect your sales to shrink?

Open text.

P3  How many staff do you employ?

| Code | Answer | Routing |
|---|---|---|
| 1 | Under 10 | |
| 2 | 10 or more | |
"""


def test_ask_in_a_routing_cell_beside_go_to_folds_into_the_next_filter() -> None:
    questions = by_id(compile_text(_ROUTING_TABLE, "q.md"))
    assert questions["P1"].skip_to == []
    assert questions["P2"].display_if == "P1 == '3'"


def test_go_to_cells_alone_stay_skips() -> None:
    questions = by_id(compile_text(_ROUTING_TABLE.replace("| Ask P2 |", "| |"), "q.md"))
    assert [(rule.if_, rule.to) for rule in questions["P1"].skip_to] == [("P1 in ['1','2']", "P3")]
    assert questions["P2"].display_if is None
