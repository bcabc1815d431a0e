"""Conventions from unseen41–44 (questions, types, answers and details only): a sheet's "Answer
type" / "Resp. type" / "Client comments" columns, a section row with a note after a dash, "SAME
LIST AS" where the answers go, a type cell's remark ruling a type out; star lines in a plain-text
script, an `INT:` line, a capitals note wrapped onto a label, a code key beside a field name, a
label with a note beside it over the question's words, "Read each statement out."; scale keys
closed where their note ends, worded points with an off-scale code, `[n]` points across a line or a
one-row table, words before their `(n)` codes, a dash for a middle point, `Word = 1` heads, the
point's number said again under it; check boxes beside radio buttons in HTML, a drag-to-order
ranking, an e-mail box, a paragraph with no box after boxed answers; `(tell us what)`, `I'd rather
not …`, a bracketed range with its unit, a range in a box's bracket, "Write an amount from …",
`(one tick on each line)` and `>>` instruction lines."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def _sheet(path: Path, head: list[str], rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    book.save(str(path))


def test_sheet_answer_type_column_and_dashed_section_row(tmp_path: Path) -> None:
    path = tmp_path / "kiln.xlsx"
    _sheet(
        path,
        ["Ref", "Question / Answers", "Value", "Answer type", "Logic", "Client comments"],
        [
            ["K1", "Which glaze do you use most?", None, "Single", None, None],
            [None, "Celadon", 1, None, None, None],
            [None, "Tenmoku", 2, None, None, None],
            [None, "FIRING — K2 TO K3 FOR KILN OWNERS ONLY (K1 = 1); OTHERS GO TO K4", None],
            ["K2", "Which firings have you done this year?", None, "Multi", None, None],
            [None, "Raku", 1, None, None, None],
            [None, "Soda", 2, None, None, None],
            ["K3", "How many firings did you do?", None, "Number", None, "RANGE 1-40"],
            ["K4", "And which of these did you enjoy?", None, "Multi", None, None],
            [None, "SAME LIST AS K2", None, None, None, None],
            ["K5", "Which kiln brand?", None, "Single (dropdown not needed)", None, None],
            [None, "Ember", 1, None, None, None],
            [None, "Flint", 2, None, None, None],
            ["K6", "Tell us about your studio.", None, "Open (long)", None, None],
        ],
    )
    survey = by_id(compile_document(read_path(path)).survey)
    assert [o.label for o in survey["K1"].options] == ["Celadon", "Tenmoku"]
    assert survey["K2"].type == "multi"
    assert [o.label for o in survey["K2"].options] == ["Raku", "Soda"]
    assert survey["K3"].validation is not None
    assert survey["K3"].validation.max == 40
    assert [o.label for o in survey["K4"].options] == ["Raku", "Soda"]
    assert survey["K5"].type == "single"
    assert survey["K6"].type == "long_text"
    assert "FIRING" not in survey


def test_resp_type_column_names_the_type(tmp_path: Path) -> None:
    path = tmp_path / "loom.xlsx"
    _sheet(
        path,
        ["Ref", "Question / answer", "Code", "Resp. type"],
        [
            ["W1", "Which yarns do you spin?", None, "Multi"],
            [None, "Wool", 1, None],
            [None, "Flax", 2, None],
            ["W2", "Which guild are you in?", None, "Dropdown"],
            [None, "North", 1, None],
            [None, "South", 2, None],
        ],
    )
    survey = by_id(compile_document(read_path(path)).survey)
    assert (survey["W1"].type, survey["W2"].type) == ("multi", "dropdown")


def test_star_lines_of_a_plain_text_script_are_notes() -> None:
    survey = by_id(
        compile_text(
            """T1.  Are you the account holder?
       1 = Yes
       2 = No
* IF 2: ask for the holder and call back
* Minors are interviewed under another study

* T2 FOR HOLDERS ONLY (T1 = 1)
T2.  How many days did the outage last?
       * NUMERIC, RANGE 0-30

T3.  Which of these have you done?  * READ OUT. MULTI
       1 = Called the helpline
       2 = Posted online
       3 = Nothing   * EXCLUSIVE
"""
        )
    )
    assert survey["T1"].type == "single"
    assert [o.code for o in survey["T1"].options] == ["1", "2"]
    assert survey["T2"].text == "How many days did the outage last?"
    assert survey["T2"].type == "number"
    assert survey["T3"].text == "Which of these have you done?"
    assert survey["T3"].type == "multi"
    assert [o.label for o in survey["T3"].options][-1] == "Nothing"
    assert "T2_2" not in survey


def test_worded_points_then_an_off_scale_code_keep_only_those() -> None:
    survey = by_id(
        compile_text(
            """R1. How would you rate the guide on each of these?
  a) Punctuality
  b) Knowledge
Columns:  1 = Great   2 = Fine   3 = Poor   9 = Not sure
"""
        )
    )
    assert [o.code for o in survey["R1"].options] == ["1", "2", "3", "9"]


def test_interviewer_line_with_a_scale_key_is_a_note_and_keys_end_with_their_note() -> None:
    survey = by_id(
        compile_text(
            """P4  How tasty was the pie?
     INT: SHOW CARD. 1 = Awful, 5 = Superb.
       1  Awful
       2
       3
       4
       5  Superb
P5. How fresh was the bread?
1 2 3 4 5
[1 = Stale\t5 = Fresh]
[If you gave 2 or less, answer P6.]
P6. Why?
"""
        )
    )
    assert [o.code for o in survey["P4"].options] == ["1", "2", "3", "4", "5"]
    assert survey["P4"].type == "scale"
    assert survey["P5"].options[-1].label == "Fresh"


def test_capitals_note_wrapped_onto_a_label_and_a_code_key_are_not_questions() -> None:
    survey = by_id(
        compile_text(
            """SHIFT:  D day / N night / W weekend      NURSE ID: ____

Q1   Which ward were you on?
       01  Ward A
       02  Ward B
Q2   Would you come back?
       01  Yes
       02  No

     FILTER Q3: WARD B AT Q1 (02), OR WOULD NOT COME BACK AT
     Q2 (02). EVERYONE ELSE GOES ON TO Q4.
Q3   What went wrong?
Q4   How old are you?
"""
        )
    )
    assert set(survey) == {"Q1", "Q2", "Q3", "Q4"}


def test_label_with_a_note_beside_it_over_the_question_words() -> None:
    survey = by_id(
        compile_text(
            """B1  Did the pupil finish the course?
      [1] Yes
      [2] No
B2  (Finished only, code 1 at B1)
    In which month did they finish?
      ______   (month 1 to 12)
B3  Tutor: ask B3 only if the answer at B1 was "No".
    What stopped them?
      ______________________________________________
B4  Read each item out. How often did they attend?
      [1] Always
      [2] Sometimes
"""
        )
    )
    assert survey["B2"].text == "In which month did they finish?"
    assert survey["B2"].validation is not None
    assert (survey["B2"].validation.min, survey["B2"].validation.max) == (1, 12)
    assert survey["B3"].text == "What stopped them?"
    assert survey["B4"].text == "How often did they attend?"


def test_double_chevron_lines_are_notes_not_answers() -> None:
    survey = by_id(
        compile_text(
            """C1  Where do they sleep now?
      [1] At home
      [2] With friends
C2  Why are they not at home?
    >> only if not at home (C1 = [2])
      [1] Family conflict
      [2] Moved away
C3  How many nights away in total?
    >> skip if none of these was ticked at C2
      ______   (1 to 30)
"""
        )
    )
    assert [o.label for o in survey["C2"].options] == ["Family conflict", "Moved away"]
    assert survey["C3"].type == "number"
    assert survey["C3"].validation is not None
    assert survey["C3"].validation.max == 30


def test_bracketed_points_across_a_line_a_one_row_table_and_codes_after_words() -> None:
    survey = by_id(
        compile_text(
            """**M1.** How much did you like the show?

| [1] Hated it | [2] | [3] | [4] | [5] Loved it |
|---|---|---|---|---|

**M2.** How far do you trust the host?

[1] Not at all · [2] · [3] · [4] Completely

**M3.** How easy is the app?

Very hard (1) (2) (3) (4) Very easy (5)

**M4.** How many of the last four shows did you see?

None of them (0) – thank you, you can stop here

1 or 2 (1)

3 or 4 (2)
""",
            "show.md",
        )
    )
    for ident, size in (("M1", 5), ("M2", 4), ("M3", 5)):
        assert survey[ident].type == "scale"
        assert [o.code for o in survey[ident].options] == [str(n) for n in range(1, size + 1)]
    assert [o.label for o in survey["M3"].options][::4] == ["Very hard", "Very easy"]
    assert [o.code for o in survey["M4"].options] == ["0", "1", "2"]
    assert survey["M4"].options[0].label == "None of them"


def test_dash_for_a_middle_point_and_equals_codes_in_grid_heads() -> None:
    survey = by_id(
        compile_text(
            """D1. How pleased are you with the mill, from 1 to 4?
1 = Not pleased
2 = –
3 = –
4 = Delighted
"""
        )
    )
    assert [o.label for o in survey["D1"].options] == ["Not pleased", "2", "3", "Delighted"]
    assert survey["D1"].type == "scale"
    grid = by_id(
        compile_text(
            """**G1.** How much does each matter when you pick a mill?

| | Not at all = 1 | A little = 2 | A lot = 3 |
|---|---|---|---|
| Price | | | |
| Distance | | | |
""",
            "mill.md",
        )
    )
    assert [(o.code, o.label) for o in grid["G1"].options] == [
        ("1", "Not at all"),
        ("2", "A little"),
        ("3", "A lot"),
    ]


def test_html_check_boxes_beside_radios_ranking_email_and_unboxed_paragraph() -> None:
    page = """<html><body>
<p><b>H1</b> Do you cycle to work?</p>
<ul><li><input type="radio" name="h1"> Yes</li><li><input type="radio" name="h1"> No</li></ul>
<p class="rule">Shown when H1 is "Yes".</p>
<p><b>H2</b> What slowed you down this week?</p>
<ul><li><input type="checkbox"> Roadworks</li><li><input type="checkbox"> Rain</li>
<li><input type="checkbox"> Nothing slowed me</li></ul>
<p><b>H3</b> Drag these into order of importance, most important first.</p>
<ol><li>Safety</li><li>Speed</li><li>Scenery</li></ol>
<p><b>H4</b> Leave your email address for the draw.</p>
<input type="email" name="h4">
<p class="help">Optional.</p>
<p>Thanks for your time.</p>
</body></html>"""
    survey = by_id(compile_text(page, "ride.html"))
    assert [o.label for o in survey["H1"].options] == ["Yes", "No"]
    assert survey["H2"].type == "multi"
    assert survey["H3"].type == "ranking"
    assert survey["H4"].type == "email"


def test_write_in_asks_opt_outs_and_ranges_beside_boxes() -> None:
    survey = by_id(
        compile_text(
            """1. Which stalls should we add? Choose as many as you like.
☐ Cheese 1
☐ Pies 2
☐ Something else (tell us what) 3
☐ I'd rather not say 4
2. How much do you spend each visit?
£ ______ a visit (whole pounds, 1 to 300)
3. What is the most you would pay for a hamper?
______
Write an amount from £20 to £400.
4. How fair is each price? (one tick on each line)
"""
        )
    )
    stalls = survey["Q1"]
    assert stalls.type == "multi"
    assert [o.specify for o in stalls.options] == [False, False, True, False]
    assert stalls.options[-1].exclusive
    assert survey["Q2"].type == "number"
    assert survey["Q2"].validation is not None
    assert survey["Q2"].validation.max == 300
    assert survey["Q3"].validation is not None
    assert survey["Q3"].validation.max == 400
    assert survey["Q4"].text == "How fair is each price? (one tick on each line)"


def test_point_words_under_numbers_repeat_their_number() -> None:
    survey = by_id(
        compile_text(
            """**N1.** How likely are you to visit the lighthouse again?

| 0 | 1 | 2 | 3 | 4 |
|---|---|---|---|---|
| 0 = Never | | | | 4 = Surely |
""",
            "light.md",
        )
    )
    labels = [o.label for o in survey["N1"].options]
    assert (labels[0], labels[-1]) == ("Never", "Surely")
