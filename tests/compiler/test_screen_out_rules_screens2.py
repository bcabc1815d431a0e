"""Screen-outs and jumps in more of the ways people write them (invented wording)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text

_ENDINGS = """G1. Who looks after the garden?
    1 = Me
    2 = A gardener we pay
    3 = Nobody
If the garden is looked after by nobody, note the address and bring the interview
to a close.

G2. Which of these describes you?
    1 = Owner
    2 = Tenant
    3 = Visitor
People just passing are not part of this study: if the third answer is chosen, the page
thanks them and finishes.

G3. Who chose the plants?
    1 = The owner
    2 = The tenant
    3 = Someone else
Where neither the owner nor the tenant chose them, thank them and stop the interview.

G4. What do you grow most?
    1 = Vegetables
    2 = Flowers
    3 = Nothing at the moment
Anyone who grows nothing (3) is thanked and leaves the survey here.

G5. Which tools do you own?
    1 = Spade
    2 = Rake
    3 = Hoe
If the spade is rusty, tell us at the end of the survey.

G6. What happened to your garden waste last week?
    1 = Collected on the day
    2 = Left in the bin
    3 = Not sure
Where the waste was left in the bin we need a photo of it for the
council, so show the upload page and end the survey there.

G7. How often do you water?
    1 = Daily
    2 = Weekly
"""


def test_endings_in_more_words() -> None:
    questions = by_id(compile_text(_ENDINGS, "garden.txt"))
    assert questions["G1"].terminate_if == "G1 == '3'"  # the answer by its words, up to a comma
    assert questions["G2"].terminate_if == "G2 == '3'"  # by its place in the list
    assert questions["G3"].terminate_if == "G3 == '3'"  # neither of two answers
    assert questions["G4"].terminate_if == "G4 == '3'"  # by its code in brackets
    # "at the end of the survey" ends nothing
    assert not questions["G5"].terminate_if
    # a sentence wrapped onto a second line is read whole
    assert questions["G6"].terminate_if == "G6 == '2'"


_JUMPS = """H1. How many times did the plumber come?
RECORD NUMBER 1-10
IF ONLY ONE VISIT, GO TO H4

H2. Was each visit on time?
    1 = Yes
    2 = No

H3. Why was that?
    1 = Traffic
    2 = Other

H4. How many rooms have radiators?
RECORD NUMBER 0-20
IF MOST ROOMS, GO TO H7

H5. Any cold rooms?
    1 = Yes
    2 = No

H6. Which?
    1 = Hall
    2 = Loft

H7. Thanks.
    1 = OK
    2 = Not OK
"""


def test_jump_on_a_count_in_words() -> None:
    questions = by_id(compile_text(_JUMPS, "plumber.txt"))
    assert [(r.if_, r.to) for r in questions["H1"].skip_to] == [("H1 == 1", "H4")]
    # no count named: not read
    assert not questions["H4"].skip_to


_AHEAD = """# Boat club

**B1** How long have you sailed?

- [1] Under a year
- [2] Longer
- [3] I have never sailed → *skip ahead to B4*

**B2** Which boat?

- [1] Dinghy
- [2] Yacht

**B3** Where?

- [1] Sea
- [2] Lake

**B4** Anything else?

- [1] Yes
- [2] No
"""


def test_skip_ahead_on_an_answer() -> None:
    questions = by_id(compile_text(_AHEAD, "boats.md"))
    assert [(r.if_, r.to) for r in questions["B1"].skip_to] == [("B1 == '3'", "B4")]
    assert questions["B1"].options[2].label == "I have never sailed"


_STOP = """J1. What was the visit for?
      1 = Service
      2 = Repair
      3 = Quote only     >> STOP: use the quote form instead

J2. Was the engineer on time?
      1 = Yes
      2 = No
"""


def test_arrow_stop_on_an_answer() -> None:
    questions = by_id(compile_text(_STOP, "visit.txt"))
    assert questions["J1"].terminate_if == "J1 == '3'"
    assert questions["J1"].options[2].label == "Quote only"


def _spec(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Question / answer text", "Code", "Format", "Filter / routing", "Notes"])
    closing = "Non-owners (code 2): thank and close"
    sheet.append(["P1", "Do you own a pet?", None, "SINGLE", closing, None])
    sheet.append([None, "Yes", 1, None, None, None])
    sheet.append([None, "No", 2, None, None, None])
    sheet.append(["P2", "Which pet?", None, "SINGLE", "TERMINATE IF P2 = 3", None])
    sheet.append([None, "Dog", 1, None, None, None])
    sheet.append([None, "Cat", 2, None, None, None])
    sheet.append([None, "Fish", 3, None, None, None])
    sheet.append(["P3", "How old is it?", None, "SINGLE", "P2 = 1 or 2", None])
    sheet.append([None, "Young", 1, None, None, None])
    sheet.append([None, "Old", 2, None, None, None])
    book.save(path)
    return path


def test_screen_out_in_a_filter_column(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_spec(tmp_path / "pets.xlsx"))).survey)
    assert questions["P1"].terminate_if == "P1 == '2'"
    assert not questions["P1"].display_if
    assert questions["P2"].terminate_if == "P2 == '3'"
    assert not questions["P2"].display_if
    # a test alone is still whom the question is for
    assert questions["P3"].display_if == "P2 in ['1','2']"
