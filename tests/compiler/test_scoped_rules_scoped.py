"""Notes that cover several questions (`scoped_notes`), in wordings of their own: a group that
skips its section with its own test, a whole-of-section note ending where the others are sent,
a bracketed test that is only one part of its clause, and a yes/no group named only in words."""

from __future__ import annotations

from fielder.compiler.scoped_notes import read_scoped_note
from tests.compiler.conftest import by_id, compile_text


def _filters(text: str) -> dict[str, str | None]:
    return {qid: q.display_if for qid, q in by_id(compile_text(text, "q.md")).items()}


_YES_NO = "\n- (1) Yes\n- (2) No\n"


def test_a_group_that_skips_its_section_with_its_own_test() -> None:
    text = f"""
**K1** How long have you lived here?

- (1) Under a year
- (2) One year or more

## Part B — Your neighbours

*Part B asks about the last year. Residents new to the street (K1 = 1) skip this part and go
straight to Part C.*

**K2** Do you know your neighbours?
{_YES_NO}
**K3** Have you been to a street party?
{_YES_NO}
## Part C — About you

**K4** Do you rent?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["K2"] == filters["K3"] == "not (K1 == '1')"
    assert filters["K4"] is None


def test_others_skipping_a_section_stay_the_others() -> None:
    # ("If not, skip this section": the others' way on, not a group of its own)
    assert read_scoped_note(["If not (K1 = 1), skip this section and go to Part C."], True) is None


def test_whole_of_a_section_ends_where_the_others_are_sent() -> None:
    text = f"""
**D1** How did you take part?

- (1) In person
- (2) Online

D. IN PERSON

WHOLE OF SECTION D: ONLY THOSE WHO CAME IN PERSON (D1 = 1). ALL OTHERS GO TO SECTION E.

**D2** Was the room comfortable?
{_YES_NO}
**D3** Was it easy to find?
{_YES_NO}
E. ABOUT YOU

**E1** Would you come again?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["D2"] == filters["D3"] == "D1 == '1'"
    assert filters["E1"] is None


def test_a_bracketed_test_joined_to_another_question_keeps_the_whole_clause() -> None:
    text = f"""
**R1** Which do you own? Select all that apply.

- (1) A car
- (2) A bicycle
- (3) A scooter

**R2** How many trips a week do you make?

Number: ____

*Cycling (R3–R4): ask only when a bicycle is ticked at R1 and 5+ trips are made (R2 ≥ 5).*

**R3** Do you cycle to work?
{_YES_NO}
**R4** Do you wear a helmet?
{_YES_NO}
**R5** Any comments?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["R3"] == filters["R4"] == "R1 contains '2' and R2 >= 5"
    assert filters["R5"] is None


def test_a_bracket_restating_the_clauses_own_question_stays_the_test() -> None:
    note = read_scoped_note(["Ask R3 to R5 only if they cycle at R1 (R1 = 2)."], False)
    assert note is not None
    assert note.cond == "R1 = 2"


def test_a_yes_no_group_named_in_words_is_its_own_answer() -> None:
    text = f"""
**Q1** Do you volunteer?
{_YES_NO}
*Questions 2 to 3 are for volunteers only. If you answered No at Q1, please go to Q4.*

**Q2** How many hours a month?
{_YES_NO}
**Q3** Would you do more?
{_YES_NO}
**Q4** Do you donate?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["Q2"] == filters["Q3"] == "Q1 == '1'"
    assert filters["Q4"] is None


def test_a_group_named_in_words_over_three_answers_stays_the_denial() -> None:
    text = """
**Q1** Do you volunteer?

- (1) Yes, often
- (2) Yes, sometimes
- (3) No

*Questions 2 to 3 are for volunteers only. If you answered No at Q1, please go to Q4.*

**Q2** Is it rewarding?

- (1) Yes
- (2) No

**Q3** Would you do more?

- (1) Yes
- (2) No

**Q4** Do you donate?

- (1) Yes
- (2) No
"""
    filters = _filters(text)
    assert filters["Q2"] == filters["Q3"] == "not (Q1 == '3')"
