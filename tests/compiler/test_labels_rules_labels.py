"""Groups and notes that name answers by their labels, not their codes (`group_names`,
`scoped_notes`, `parse`, `read_routing`), in wordings of their own."""

from __future__ import annotations

from fielder.compiler.group_names import group_only, labels_in
from fielder.compiler.scoped_notes import read_scoped_note
from tests.compiler.conftest import by_id, compile_text

_YES_NO = "\n- (1) Yes\n- (2) No\n"

_HOMES = """
**H1** What kind of home do you live in?

- (1) Detached house
- (2) Flat or maisonette
- (3) Houseboat
- (4) Caravan or mobile home
- (5) Something else
"""


def _logic(text: str) -> dict[str, tuple[str | None, list[str]]]:
    questions = by_id(compile_text(text, "q.md"))
    return {
        qid: (q.display_if, [f"{r.if_}->{r.to}" for r in q.skip_to]) for qid, q in questions.items()
    }


def test_a_group_heading_over_the_answers_it_stands_for() -> None:
    text = f"""{_HOMES}
## MOORED HOMES ONLY

*(Houseboat, or Caravan or mobile home, at H1)*

**H2** Do you pay a mooring or pitch fee?
{_YES_NO}
*No: skip to H4.*

**H3** How much is it a month?

- (1) Under 100
- (2) 100 or more

**H4** Would you move to a house?
{_YES_NO}
## About you

**H5** Are you the owner?
{_YES_NO}"""
    logic = _logic(text)
    for qid in ("H2", "H3", "H4"):
        assert logic[qid][0] == "H1 in ['3','4']"
    assert logic["H2"][1] == ["H2 == '2'->H4"]
    assert logic["H5"][0] is None


def test_a_group_heading_whose_bracket_names_no_answer_is_not_read() -> None:
    text = f"""{_HOMES}
## MOORED HOMES ONLY

*(Narrowboat, or Caravan or mobile home, at H1)*

**H2** Do you pay a mooring or pitch fee?
{_YES_NO}"""
    assert _logic(text)["H2"][0] is None


def test_a_group_named_by_answers_of_the_question_in_brackets() -> None:
    text = f"""{_HOMES}
**H2** Do you have a garden?
{_YES_NO}
*Houseboat residents only (H1)*

**H3** Where do you moor?

- (1) Marina
- (2) Riverbank
"""
    assert _logic(text)["H3"][0] == "H1 == '3'"
    # an answer's code in brackets is no question: "Tea only (5)" is an answer
    assert group_only("Tea drinkers only (5)") == ""
    assert group_only("Tea drinkers only (question 5)") == "Tea drinkers (question 5)"
    other = text.replace("Houseboat residents", "Tent residents")
    assert _logic(other)["H3"][0] is None


def test_labels_in_reads_a_list_of_answers_and_one_word_for_the_people() -> None:
    options = [("1", "Bus"), ("2", "Train and/or tram"), ("3", "Car or van"), ("4", "Bicycle")]
    assert labels_in("Bus, Train and/or tram, or Car or van users", options) == ["1", "2", "3"]
    assert labels_in("Bicycle riders", options) == ["4"]
    assert labels_in("Bicycle riders and walkers", options) is None  # (two words left)
    assert labels_in("Motorbike users", options) is None


def test_a_plural_group_with_a_who_clause_is_a_group() -> None:
    assert (
        group_only("Retired members who did not vote only:") == "Retired members who did not vote"
    )
    assert group_only("Members who voted") == ""  # (no ONLY: no group line)
    text = """
**V1** Did you vote at the last meeting?

- (1) Yes
- (2) No, I was away
- (3) No, I am retired and did not vote

*Retired members who did not vote only:*

**V2** What would help you vote next time?

- (1) Post
- (2) Online
"""
    assert _logic(text)["V2"][0] == "V1 == '3'"


def test_a_run_then_a_jump_past_it_on_a_quoted_answer() -> None:
    note = (
        "Questions 4 to 6 are for cyclists, so if you ticked “Never” at question 3, "
        "go on to question 7."
    )
    read = read_scoped_note([note], False)
    assert read is not None
    assert read.negated
    assert (read.first, read.last) == ("Q4", "Q6")
    # sent somewhere other than right after the run: not read this way
    assert read_scoped_note([note.replace("question 7", "question 9")], False) is None


_CLUB = """
**Q1** Are you a member of the Riverside Rowing Club?
{yn}
*{note}*

**Q2** How long have you been a member?

- (1) Under a year
- (2) Longer

**Q3** Do you row in the club's races?
{yn}
**Q4** How would you rate the clubhouse?

- (1) Good
- (2) Poor
"""


def test_a_group_named_by_a_yes_no_question_skips_a_run_by_numbers() -> None:
    logic = _logic(_CLUB.format(yn=_YES_NO, note="Non-members, please skip 2–3."))
    assert logic["Q2"][0] == logic["Q3"][0] == "not (Q1 == '2')"
    assert logic["Q4"][0] is None
    # a group no question asks about is not read
    logic = _logic(_CLUB.format(yn=_YES_NO, note="Non-drivers, please skip 2–3."))
    assert logic["Q2"][0] is None


def test_a_heading_whose_others_are_named_as_a_group() -> None:
    text = f"""{_HOMES}
## SECTION B — OWNERS ONLY (H1 = 1 OR 2). RENTERS GO TO SECTION C.

**B1** Do you have a mortgage?
{_YES_NO}
**B2** Is it fixed rate?
{_YES_NO}
## SECTION C — ABOUT YOU

**C1** Your age?

- (1) Under 40
- (2) 40 or over
"""
    logic = _logic(text)
    assert logic["B1"][0] == logic["B2"][0] == "H1 in ['1','2']"
    assert logic["C1"][0] is None


def test_a_sheet_row_naming_a_section_or_a_run_in_capitals() -> None:
    from fielder.compiler.sheet import _section_row

    columns = {"id": 0, "text": 1, "options": 1, "code": 2}
    assert _section_row("SECTION D: RENTERS ONLY (H1 = 3) – OTHERS GO TO SECTION E", "", columns)
    assert _section_row("B4–B6: ASK THOSE WHO RENT (H1 = 3)", "", columns)
    assert not _section_row("B4–B6: ASK THOSE WHO RENT (H1 = 3)", "4", columns)
    assert not _section_row("Section D: the renters", "", columns)


_TRIED = """
**Q1** Which of these have you tried? Select all that apply.

- Bread making [1]
- Jam making [2]
- Pickling [3]
- None of these [9]

**Q2** What stopped you from making bread?
*{note}*

- Time [1]
- Cost [2]
"""


def test_a_question_asked_of_or_hidden_from_a_group_in_words() -> None:
    asked = '(ask this one to people who did NOT tick "Bread making" at Q1)'
    assert _logic(_TRIED.format(note=asked))["Q2"][0] == "not (Q1 contains '1')"
    hidden = "Q2 is hidden from anyone who picked None of these at Q1."
    assert _logic(_TRIED.format(note=hidden))["Q2"][0] == "not (Q1 contains '9')"
    filled = "Only fill this in if you ticked Bread making at Q1."
    assert _logic(_TRIED.format(note=filled))["Q2"][0] == "Q1 contains '1'"
    # words with no test in them are no filter
    assert _logic(_TRIED.format(note="(ask this one slowly)"))["Q2"][0] is None


def test_a_run_skipped_for_a_group_that_picks_up_again_after_it() -> None:
    note = (
        "Questions 5 to 7 are skipped for tenants (answer 3 at question 1); those people pick up "
        "again at question 8."
    )
    read = read_scoped_note([note], False)
    assert read is not None
    assert read.negated
    assert (read.first, read.last) == ("Q5", "Q7")
    # a run for the group (no skip) is its filter as written
    kept = read_scoped_note([note.replace("are skipped for", "are for")], False)
    assert kept is not None
    assert not kept.negated
