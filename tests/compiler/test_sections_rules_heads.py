"""Conditions carried by section headings and groups named only by an answer (`group_names`,
`section_bases`, `scoped_notes`, `parse`), in wordings of their own."""

from __future__ import annotations

from fielder.compiler.group_names import group_only, names_group
from fielder.compiler.scoped_notes import read_scoped_note
from fielder.compiler.sheet import _section_row
from tests.compiler.conftest import by_id, compile_text

_YES_NO = "\n- (1) Yes\n- (2) No\n"


def _filters(text: str) -> dict[str, str | None]:
    return {qid: q.display_if for qid, q in by_id(compile_text(text, "q.md")).items()}


_PLOTS = """
**G1** How do you use the gardens?

- (1) Visitor
- (2) Allotment holder (you rent a plot)
- (3) Volunteer gardener
- (4) Staff
"""


def test_a_heading_naming_a_group_by_an_earlier_answer() -> None:
    text = f"""{_PLOTS}
## Allotment holders only

**G2** Is your plot well drained?
{_YES_NO}
**G3** Would you rent a second plot?
{_YES_NO}
## Volunteer gardeners only

**G4** How many hours a month do you give?
{_YES_NO}
## About you

**G5** Do you live nearby?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["G2"] == filters["G3"] == "G1 == '2'"
    assert filters["G4"] == "G1 == '3'"
    assert filters["G5"] is None


def test_a_heading_whose_group_no_answer_names_filters_nothing() -> None:
    text = f"""{_PLOTS}
## Beekeepers only

**G2** Do you keep more than one hive?
{_YES_NO}
**G3** Have you lost a colony this year?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["G2"] is None
    assert filters["G3"] is None


def test_what_is_no_group() -> None:
    assert group_only("Allotment holders only") == "Allotment holders"
    assert group_only("For volunteer gardeners only.") == "volunteer gardeners"
    assert group_only("SINGLE CODE ONLY") == ""
    assert group_only("Numbers only") == ""
    assert group_only("DISPLAY ONLY") == ""
    assert group_only("Q4 = 1 only") == ""
    assert not names_group("none")
    assert not names_group("If not")
    assert names_group("Weekend visitors from out of town")


def test_a_note_naming_a_group_over_one_question() -> None:
    text = f"""{_PLOTS}
**G2** Do you come by bus?
{_YES_NO}
*Volunteer gardeners only*

**G3** Which days do you help?
{_YES_NO}
*Tick one box only*

**G4** Would you come to an open day?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["G3"] == "G1 == '3'"
    assert filters["G4"] is None


def test_a_group_in_words_that_skips_ahead() -> None:
    text = f"""
**V1** How did you hear about the fair?

- (1) From a friend
- (2) I visit from out of town at weekends
- (3) I live locally

**V2** Was it easy to find?
{_YES_NO}
Weekend visitors from out of town, please skip to V5.

**V3** Which car park did you use?
{_YES_NO}
**V4** Was parking easy?
{_YES_NO}
**V5** Would you come again?
{_YES_NO}
**V6** How many stalls did you visit?

Number: ____

If none, skip to V8.

**V7** Did you buy anything?
{_YES_NO}
**V8** Any comments?

Comment: ____"""
    filters = _filters(text)
    assert filters["V3"] == filters["V4"] == "not (V1 == '2')"
    assert filters["V5"] is None
    assert filters["V7"] is None


def test_a_section_skipped_by_those_who_do_not_use_several_answers() -> None:
    text = f"""
**B1** Which of these do you use? Select all that apply.

- (1) Website
- (2) iOS app
- (3) Android app
- (4) Phone line

## Section C — The app

If you don't use the app (iOS or Android), skip ahead to D1.

**C1** Is the app fast enough?
{_YES_NO}
**C2** Have you had a crash this month?
{_YES_NO}
## Section D — Support

**D1** Have you called us this year?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["C1"] == filters["C2"] == "B1 contains '2' or B1 contains '3'"
    assert filters["D1"] is None


def test_section_headings_with_their_test() -> None:
    text = f"""
**M1** Which best describes you?

- (1) Full member
- (2) Trial member
- (3) Family member
- (4) Staff

**M2** Do you use the pool?
{_YES_NO}
## PART B – CLASSES (MEMBERS ONLY: M1 = 1 OR 3)

**B1** Do you book classes online?
{_YES_NO}
**B2** Are classes full too often?
{_YES_NO}
## PART C – FEES (not for staff: M1 ≠ 4)

**C1** Are the fees fair?
{_YES_NO}
**C2** Would you pay monthly?
{_YES_NO}
## PART D – THE POOL – only if you answered Yes at question M2

**D1** Is the water warm enough?
{_YES_NO}
**D2** Are lanes too busy?
{_YES_NO}
## Part E – Lockers (only if you answered Yes at M2)

**E1** Is there always a free locker?
{_YES_NO}
**E2** Do the locks work?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["B1"] == filters["B2"] == "M1 in ['1','3']"
    assert filters["C1"] == filters["C2"] == "not (M1 == '4')"
    assert filters["D1"] == filters["D2"] == "M2 == '1'"
    assert filters["E1"] == filters["E2"] == "M2 == '1'"


def test_those_sent_past_a_section_under_its_heading() -> None:
    text = f"""
**P1** Do you have a pet?
{_YES_NO}
## Section B – Your pet

If you have no pet (P1 = No), please go to Section C.

**B1** Is your pet insured?
{_YES_NO}
**B2** Do you use a groomer?
{_YES_NO}
## Section C – About you

**C1** Do you own your home?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["B1"] == filters["B2"] == "P1 == '1'"
    assert filters["C1"] is None


def test_a_run_skipped_with_a_word_for_it() -> None:
    note = read_scoped_note(["K4 and K5: skip both if you have never flown (K1 = 3)."], False)
    assert note is not None
    assert note.negated
    assert note.listed


def test_a_note_wrapped_over_two_paragraphs_is_one_note() -> None:
    text = f"""
**T1** How do you usually get to work?

- (1) Drive
- (2) Cycle
- (3) Walk

**T2** How long does it take?

Minutes: ____

Questions T3 to T5 are only for people who

cycle to work (T1 = 2).

**T3** Is there somewhere safe to lock your bike?
{_YES_NO}
**T4** Are there showers?
{_YES_NO}
**T5** Do you cycle in winter?
{_YES_NO}
**T6** Do you work full time?
{_YES_NO}"""
    filters = _filters(text)
    assert filters["T3"] == filters["T4"] == filters["T5"] == "T1 == '2'"
    assert filters["T6"] is None


def test_a_sheet_row_naming_its_section_with_a_note_in_plain_words() -> None:
    columns = {"id": 0, "text": 1, "options": 1, "code": 2}
    row = "FLEET SECTION – F4 to F6 are for fleet buyers (F1 = 2); everyone else continues at F7"
    assert _section_row(row, "", columns)
    assert not _section_row("Yes – but only at weekends", "", columns)
