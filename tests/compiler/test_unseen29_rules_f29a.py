"""Conventions from unseen29 (product teams' questionnaires): filters written under the question
they belong to, a spreadsheet's `Branch` column, `Number (USD)` types, `Yes → K3, No → K5`
branch lists, acronym answers in capitals, "Same filter as …", answers listed with slashes,
"plan = A or B (K1)", whole-section logic notes, drop-down and rank-box item marks."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_filters_written_under_their_question_stay_with_it() -> None:
    survey = by_id(
        compile_text(
            """K1. How many kayaks does your club own?
[NUMBER, 0-500]
K2. How do you store them?
1 Racks
2 Trailer
3 Shed
[Show if K1 = 1 or more.]
K3. How do you rate the storage?
1 Poor
2 Fair
3 Good
[Show if K2 = 3.]
K4. What would you improve?
[Only ask if K3 = 1 or 2.]
K5. Any other remarks?
""",
            "kayaks.txt",
        )
    )
    # each note names the question just before the one it follows: it is that question's own
    assert survey["K2"].display_if == "K1 >= 1"
    assert survey["K3"].display_if == "K2 == '3'"
    assert survey["K4"].display_if == "K3 in ['1','2']"
    assert survey["K5"].display_if is None


def _branch_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Question / answer text", "Value", "Type", "Show if", "Branch", "Notes"])
    sheet.append(["H1", "Do you own a bicycle?", None, "Single", None, "2 → jump to H4", None])
    sheet.append([None, "Yes", 1])
    sheet.append([None, "No", 2])
    sheet.append(["H2", "What would you pay for a new one?", None, "Number (EUR)", None, None])
    sheet.append(["H3", "How often do you ride it?", None, "Single", "H2 > 100", None, None])
    sheet.append([None, "Daily", 1])
    sheet.append([None, "Weekly", 2])
    sheet.append(["H4", "Where do you live?", None, "Long text", None, None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_branch_column_routes_and_number_type_keeps_its_unit_aside() -> None:
    survey = by_id(compile_document(read_document(_branch_sheet(), "bikes.xlsx")).survey)
    assert [(s.if_, s.to) for s in survey["H1"].skip_to] == [("H1 == '2'", "H4")]
    assert survey["H2"].type == "number"
    assert survey["H3"].display_if == "H2 > 100"


def test_branch_list_of_answer_arrows_is_one_route_each() -> None:
    survey = by_id(
        compile_text(
            """M1. Did you visit the fair?
1 Yes
2 No
[Branch: Yes → M2, No → M4]
M2. Which day?
1 Friday
2 Saturday
M3. How crowded was it?
1 Very
2 Not very
M4. Your postcode?
""",
            "fair.txt",
        )
    )
    assert [(s.if_, s.to) for s in survey["M1"].skip_to] == [("M1 == '2'", "M4")]


def test_acronym_answer_numbered_next_is_an_answer() -> None:
    survey = by_id(
        compile_text(
            """R1. Which parts were slow to set up?
1 Importing the catalogue
2 VAT / EORI
3 Shipping rules
""",
            "shop.txt",
        )
    )
    assert [o.label for o in survey["R1"].options] == [
        "Importing the catalogue",
        "VAT / EORI",
        "Shipping rules",
    ]


def test_same_filter_as_copies_the_named_questions_filter() -> None:
    survey = by_id(
        compile_text(
            """T1. Do you keep bees?
1 Yes
2 No
T2. How many hives?
[ASK IF T1 = 1]
T3. Which breed?
1 Buckfast
2 Carniolan
[Same filter as T2.]
T4. Your age?
""",
            "bees.txt",
        )
    )
    assert survey["T2"].display_if == "T1 == '1'"
    assert survey["T3"].display_if == "T1 == '1'"


def test_answers_listed_with_slashes_route_together() -> None:
    survey = by_id(
        compile_text(
            """W1. Have you tried the new planner?
○ Yes, every week
○ Yes, once
○ No, not yet
○ I have never heard of it
[LOGIC: No, not yet / I have never heard of it → Jump to W3]
W2. How useful was it?
○ Very
○ Not very
W3. Your role?
○ Teacher
○ Student
""",
            "planner.txt",
        )
    )
    assert [(s.if_, s.to) for s in survey["W1"].skip_to] == [("W1 in ['3','4']", "W3")]


def test_topic_word_then_answers_then_the_question_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """P1. Which membership do you hold?
○ Bronze
○ Silver
○ Gold
[Show if tier = Bronze or Silver (P1)]
P2. Would you upgrade?
○ Yes
○ No
""",
            "gym.txt",
        )
    )
    assert survey["P2"].display_if == "P1 in ['1','2']"


def test_whole_section_logic_note_filters_each_question_in_it() -> None:
    survey = by_id(
        compile_text(
            """# Garden

G1. Do you have a garden?
○ Yes
○ No

# Without a garden

[LOGIC: this whole section is only for G1 = No]

G2. Would you like an allotment?
○ Yes
○ No

G3. How far would you travel to one?
○ Under 1 km
○ Further
""",
            "garden.md",
        )
    )
    assert survey["G2"].display_if == "G1 == '2'"
    assert survey["G3"].display_if == "G1 == '2'"


def test_drop_down_marks_rank_boxes_and_anything_else_exclusive() -> None:
    survey = by_id(
        compile_text(
            """1. Which region are you in?
▾ North
▾ South
▾ East
2. Rank these ideas from 1 (best) to 3.
___ Longer opening hours
___ Cheaper parking
___ More benches
3. Where do you hear about events? Tick all that apply.
☐ Posters
☐ Radio
☐ Nowhere at all
["Nowhere at all" can't be ticked with anything else.]
""",
            "town.txt",
        )
    )
    assert [o.label for o in survey["Q1"].options] == ["North", "South", "East"]
    assert [o.label for o in survey["Q2"].options] == [
        "Longer opening hours",
        "Cheaper parking",
        "More benches",
    ]
    assert [o.code for o in survey["Q3"].options if o.exclusive] == ["3"]
