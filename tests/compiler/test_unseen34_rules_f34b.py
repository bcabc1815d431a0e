"""Conventions from unseen34's leftovers (travel and leisure surveys): scales printed with only
their end words, keys and tags written beside answers, screen-outs and filters told in words
("District residents: thank and close", "→ please stop here", "If you are NOT …, please answer
this question"), and a sheet's grid given as two slashed lists."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.instruction_codes import instruction_code_lines
from fielder.compiler.lines import Line
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_counterfactual_opening_filters_no_one() -> None:
    survey = by_id(
        compile_text(
            """Q1. Do you own a bicycle?
    (1) Yes
    (2) No
Q2. If the tram had not been running, how would you have got to the market?
    (1) Walked
    (2) Taxi
""",
            "tram.txt",
        )
    )
    # a supposition, not "those who answered No at Q1"
    assert survey["Q2"].display_if is None


def test_bracketed_points_with_bare_middles_are_a_scale() -> None:
    survey = by_id(
        compile_text(
            """Q3. How pleased were you with the ferry crossing?
    (1) Not at all pleased  (2)  (3)  (4)  (5)  (6)  (7) Delighted
    [IF Q3 = 1-3 ASK Q4, OTHERS GO TO Q5]
Q4. What went wrong? [OPEN]
Q5. Will you sail again?
    (1) Yes
    (2) No
""",
            "crossing.txt",
        )
    )
    q3 = survey["Q3"]
    assert q3.type == "scale"
    assert [(o.code, o.label) for o in q3.options][:2] == [("1", "Not at all pleased"), ("2", "2")]
    assert q3.options[-1].label == "Delighted"
    assert survey["Q4"].display_if == "Q3 in ['1','2','3']"


def test_boxed_point_row_is_a_scale_among_round_marks() -> None:
    survey = by_id(
        compile_text(
            """Q1. Is this your first stay?
○ Yes
○ No
Q2. How likely are you to book the campsite again?
☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5 ☐ 6 ☐ 7 ☐ 8 ☐ 9 ☐ 10
0 = Very unlikely\t10 = Certain
""",
            "camp.txt",
        )
    )
    # squares beside round marks mean "several" for a list, never for a row of points
    assert survey["Q2"].type == "scale"


def test_scale_key_note_under_a_row_of_points_is_no_answer_list() -> None:
    row = Line(text="☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5", raw="☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5")
    key = Line(text="", raw="1 = Awful  5 = Superb", instructions=["1 = Awful  5 = Superb"])
    out = instruction_code_lines([row, key])
    assert not any(line.is_option for line in out)
    # a roster row's key with no points above is still its answers
    lone = Line(text="Sex", raw="Sex", instructions=["1 = Male 2 = Female"])
    assert [line.code for line in instruction_code_lines([lone]) if line.is_option] == ["1", "2"]


def test_close_if_who_beside_an_answer_screens_out() -> None:
    survey = by_id(
        compile_text(
            """S1\tDo you work for the harbour board?
1\tYes\tCLOSE IF WORKS FOR THE BOARD
2\tNo
S2\tWhich age band are you in?
1\tUnder 30\tTERM IF QUOTA FULL
2\t30 or over
""",
            "harbour.txt",
        )
    )
    assert survey["S1"].terminate_if == "S1 == '1'"
    assert survey["S1"].options[0].label == "Yes"
    # a quota is no screen-out
    assert survey["S2"].terminate_if is None


def test_coded_headings_over_coded_cells_lose_their_codes() -> None:
    survey = by_id(
        compile_text(
            """Q4. How happy were you with each part of the museum?

|  | 1 Very happy | 2 Quite happy | 3 Unhappy |
|---|---|---|---|
| The galleries | 1 | 2 | 3 |
| The shop | 1 | 2 | 3 |
| The café | 1 | 2 | 3 |

Q5. Anything else?
""",
            "galleries.md",
        )
    )
    q4 = survey["Q4"]
    assert q4.type == "grid"
    assert [(o.code, o.label) for o in q4.options] == [
        ("1", "Very happy"),
        ("2", "Quite happy"),
        ("3", "Unhappy"),
    ]


def test_group_named_then_thank_and_close() -> None:
    survey = by_id(
        compile_text(
            """Q1. Where do you live?
○ In Kelby parish
○ Elsewhere in Wales
○ Outside Wales
Kelby parish residents: thank and close — the survey is for day visitors only.
Q2. How did you arrive?
○ Car
○ Bus
""",
            "kelby.txt",
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '1'"


def test_answer_routing_and_answer_filter_lines_are_no_answers() -> None:
    survey = by_id(
        compile_text(
            """Q6. Did the weather spoil your day?
☐ Yes
☐ No
If No → jump to Q8.
Q7. How did it spoil it?
____
Q8. Would you visit the gardens in winter?
☐ Yes
☐ No
Only for "Yes" at Q8.
Q9. Which month would suit you?
☐ December
☐ January
""",
            "gardens.txt",
        )
    )
    assert [o.label for o in survey["Q6"].options] == ["Yes", "No"]
    assert [s.if_ for s in survey["Q6"].skip_to] == ["Q6 == '2'"]
    assert [o.label for o in survey["Q8"].options] == ["Yes", "No"]
    assert survey["Q9"].display_if == "Q8 == '1'"


def test_filter_set_apart_before_a_type_word() -> None:
    survey = by_id(
        compile_text(
            """**D1.** Shall we send you the winners' list?

- 1 — Yes
- 2 — No

**D2.** Which address should we send it to?

> ASK IF D1 = 1. Email.

## CLOSE

Thanks.
""",
            "draw.md",
        )
    )
    assert survey["D2"].display_if == "D1 == '1'"
    assert survey["D2"].type == "email"


def test_negated_description_of_a_yes_no_ask_routes_its_no() -> None:
    survey = by_id(
        compile_text(
            """**P1.** Do you hold a fishing licence?

- 1 — Yes
- 2 — No

> IF NOT A LICENCE HOLDER GO TO P3.

**P2.** How long have you held it?

- 1 — Under a year
- 2 — Longer

**P3.** How often do you fish?

- 1 — Weekly
- 2 — Less often
""",
            "angling.md",
        )
    )
    assert [(s.if_, s.to) for s in survey["P1"].skip_to] == [("P1 == '2'", "P3")]


def test_please_stop_here_after_an_answer_screens_out() -> None:
    survey = by_id(
        compile_text(
            """1. How old are you?
☐ Under 12   → please stop here and give the form back
☐ 12–17
☐ 18 or over
2. Which ride did you like best?
☐ The wheel
☐ The coaster
""",
            "fair.txt",
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '1'"
    assert survey["Q1"].options[0].label == "Under 12"


def test_respondent_filter_names_an_answer_far_back() -> None:
    lines = [
        "1. What brings you to the island today?",
        "☐ Commuting to work",
        "☐ Visiting family (relatives or friends)",
        "☐ Sightseeing",
    ]
    for n in range(2, 16):
        lines += [f"{n}. How did you rate stop number {n}?", "☐ Good", "☐ Bad"]
    lines += [
        "16. How likely are you to come back?",
        "If you are NOT visiting family today, please answer this question.",
        "☐ Likely",
        "☐ Unlikely",
    ]
    survey = by_id(compile_text("\n".join(lines) + "\n", "island.txt"))
    assert survey["Q16"].display_if == "not (Q1 == '2')"


def _grid_book() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Questionnaire"
    sheet.append(["Q No", "Question / answer", "Code", "Type", "Routing", "Notes"])
    sheet.append(["Q1", "Which rooms did you use?", None, "MULTI", None, None])
    sheet.append([None, "Library", 1, None, None, None])
    sheet.append([None, "Gym", 2, None, None, None])
    sheet.append([None, "Pool", 3, None, None, None])
    sheet.append(["Q2", "Please rate each room you used.", None, "GRID", None, None])
    sheet.append([None, "ROWS: Library / Gym / Pool", None, None, None, None])
    sheet.append([None, "COLUMNS: Great (1) / Fine (2) / Bad (3)", None, None, None, None])
    sheet.append(["Q3", "Any comments?", None, "OPEN", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_sheet_grid_as_two_slashed_lists() -> None:
    survey = by_id(compile_document(read_document(_grid_book(), "rooms.xlsx")).survey)
    grid = survey["Q2"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Library", "Gym", "Pool"]
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Great"),
        ("2", "Fine"),
        ("3", "Bad"),
    ]


def test_fieldwork_line_is_no_screen() -> None:
    survey = by_id(
        compile_text(
            """FIELDWORK: weekends only, 10:00-16:00.
Q1. Did you enjoy the walk?
    (1) Yes
    (2) No
""",
            "walk.txt",
        )
    )
    assert list(survey) == ["Q1"]
