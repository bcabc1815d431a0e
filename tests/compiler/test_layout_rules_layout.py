"""Non-routing layout rules, in invented wording: a product spec table whose columns are
"Prompt", "Type / answers" and "Shown when"; plain-text forms' notes among the answers (a double
dash, a ">>" note, a bare filter test); a dash between points written across a line; a box with
a range; "(on its own)" after an answer; "RECORD PHONE NUMBER"."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition
from fielder.compiler.options import parse_option_text
from fielder.compiler.sheet import sheet_lines
from fielder.ir import Option, Question
from tests.compiler.conftest import by_id, compile_text, read_text

_KIOSK = """<html><body>
<h2>Kiosk feedback spec</h2>
<table>
<tr><th>Ref</th><th>Prompt on the kiosk screen</th><th>Answer type / answers</th>
<th>Shown when</th></tr>
<tr><td>K1</td><td>How was your visit to the museum today?</td>
<td>1–5 button row<ul><li>1 – Awful</li><li>2</li><li>3</li><li>4</li>
<li>5 – Wonderful</li></ul></td><td>Every visitor</td></tr>
<tr><td>K2</td><td>Which galleries did you see? Pick all you visited.</td>
<td>Checkboxes, shuffled<ul><li>Fossils</li><li>Clocks</li><li>Textiles</li></ul></td>
<td>—</td></tr>
<tr><td>K3</td><td>Did you eat at the café?</td>
<td>Radio<ul><li>Yes</li><li>No</li></ul></td><td>K1 = 4 or 5</td></tr>
<tr><td>K4</td><td>How many children came with you?</td><td>Number field, 0–12</td>
<td>—</td></tr>
<tr><td>K5</td><td>Which of these do you use to hear about events?</td>
<td><ul><li>Email</li><li>Posters</li><li>Radio adverts</li></ul></td><td>—</td></tr>
</table>
</body></html>
"""


def test_a_spec_table_reads_its_prompt_type_and_answers_columns() -> None:
    survey = by_id(compile_text(_KIOSK, "q.html"))
    assert survey["K1"].text == "How was your visit to the museum today?"
    assert survey["K1"].type == "scale"
    assert [o.code for o in survey["K1"].options] == ["1", "2", "3", "4", "5"]
    assert survey["K2"].type == "multi"
    assert [o.label for o in survey["K2"].options] == ["Fossils", "Clocks", "Textiles"]
    assert survey["K3"].type == "single"
    assert [o.label for o in survey["K3"].options] == ["Yes", "No"]
    assert survey["K4"].type == "number"
    assert not survey["K4"].options


def test_a_shown_when_column_is_the_questions_filter() -> None:
    survey = by_id(compile_text(_KIOSK, "q.html"))
    assert survey["K3"].display_if == "K1 in ['4','5']"
    assert survey["K2"].display_if is None


def test_a_first_answer_that_names_no_control_stays_an_answer() -> None:
    # "Email" over more answers is one of them, not the type of the question
    table = read_text(_KIOSK, "q.html").blocks[1]
    lines = sheet_lines(table)
    at = next(i for i, line in enumerate(lines) if line.label == "K5")
    assert [line.text for line in lines[at + 1 :]] == ["Email", "Posters", "Radio adverts"]
    assert not lines[at].instructions


_FORM = """SITE VISIT FORM

A1. What kind of visit was this?
      1 = Routine check
      2 = Emergency call-out
      3 = Training only      >> STOP: use the training log instead

A2. Time spent on site, in hours.
      [0 - 16]
      ______ hours

    -- A3 is only for long visits: answer it if A2 is over 6 hours.

A3. What kept you on site? Tick all that apply.
      1 = Parts missing
      2 = Access problems
      3 = Weather

A4. Was a permit needed from the landlord?
      Only where A1 = 1 AND the building is shared (A3 not 2).
      1 = Yes
      2 = No

A5. Did the landlord's agent meet you?
      Shared buildings:
      A1 = 2 and A4 = 1
      1 = Yes
      2 = No

A6. Water pressure reading, in bar.
      [0 - 20]
      ______ bar

A7. Anything else the office should know about this address?
      [free text, several lines - optional]
"""


def test_a_note_after_a_double_chevron_leaves_the_answer_words() -> None:
    survey = by_id(compile_text(_FORM))
    assert [o.label for o in survey["A1"].options][-1] == "Training only"


def test_a_double_dash_line_is_a_note_not_an_answer() -> None:
    survey = by_id(compile_text(_FORM))
    assert survey["A2"].type == "number"
    assert not survey["A2"].options


def test_a_box_with_a_range_note_is_a_number() -> None:
    survey = by_id(compile_text(_FORM))
    assert survey["A6"].type == "number"
    assert survey["A6"].validation is not None
    assert survey["A6"].validation.max == 20


def test_an_only_where_line_under_the_question_is_no_part_of_its_words() -> None:
    survey = by_id(compile_text(_FORM))
    assert survey["A4"].text == "Was a permit needed from the landlord?"


def test_a_bare_test_line_among_the_answers_is_no_answer() -> None:
    survey = by_id(compile_text(_FORM))
    assert [o.label for o in survey["A5"].options] == ["Yes", "No"]


def test_an_anything_else_box_about_an_address_is_a_comment() -> None:
    survey = by_id(compile_text(_FORM))
    assert survey["A7"].type == "long_text"


def test_dashes_between_points_across_a_line_only_part_them() -> None:
    found = parse_option_text("[1] Dreadful – [2] – [3] – [4] – [5] Superb")
    assert [(o.code, o.label) for o in found] == [
        ("1", "Dreadful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Superb"),
    ]


def test_a_dash_inside_an_answer_is_kept() -> None:
    found = parse_option_text("[1] Pre-school [2] After-school club")
    assert [o.label for o in found] == ["Pre-school", "After-school club"]


_MD = """**B1** Which of these snacks do you buy? Select all that apply.

- [1] Crisps
- [2] Nuts
- [3] Fruit
- [4] None of these (on its own)

> [4] can't be combined with other answers.

**B2** What is the best number to reach you on? RECORD PHONE NUMBER

**B3** How many snacks do you buy in a week? RECORD NUMBER
"""


def test_a_note_naming_an_answer_by_its_code_is_no_answer() -> None:
    survey = by_id(compile_text(_MD, "q.md"))
    assert [o.label for o in survey["B1"].options] == ["Crisps", "Nuts", "Fruit", "None of these"]
    assert survey["B1"].options[-1].exclusive


def test_record_phone_number_is_a_line_of_text() -> None:
    survey = by_id(compile_text(_MD, "q.md"))
    assert survey["B2"].type == "text"
    assert survey["B3"].type == "number"


def test_an_apostrophe_inside_a_quoted_answer_does_not_end_it() -> None:
    ask = Question(
        id="P2",
        type="multi",
        text="Why are you leaving?",
        options=[
            Option(code="1", label="Prices went up"),
            Option(code="2", label="We need more storage"),
            Option(code="3", label="We're closing the office"),
        ],
    )
    found = parse_condition("P2 includes “We're closing the office”", {"P2": ask}, "P3")
    assert found[0][0].codes == ["3"]
    found = parse_condition("P2 = 'Prices went up'", {"P2": ask}, "P3")
    assert found[0][0].codes == ["1"]


def test_a_chevron_before_a_bare_target_is_still_a_skip() -> None:
    found = parse_option_text("2 = No        >> D4")
    assert (found[0].label, found[0].skip_to) == ("No", "D4")
    found = parse_option_text("5 = Moved away   >> STOP: send the paper form back")
    assert found[0].label == "Moved away"
    assert found[0].terminate  # ">> STOP: …" ends the survey for that answer
