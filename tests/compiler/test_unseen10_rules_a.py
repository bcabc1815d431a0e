"""General conventions met in the document files of a tenth blind batch (a REDCap codebook page,
a census roster sheet, a Vietnamese printed form, a LaTeX-style PDF), one small case each, in
their own invented words."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id

_CODEBOOK = """<html><head><style>.fn { font-style: italic; color: #666; }</style></head><body>
<table>
<tr><th>#</th><th>Variable / Field Name</th><th>Field Label</th><th>Field Attributes</th></tr>
<tr><th colspan="4">Instrument: Intake (intake)</th></tr>
<tr><td>1</td><td>participant_id</td><td>Participant ID</td><td>text</td></tr>
<tr><td>2</td><td>clinic</td><td>Clinic</td><td>radio<div>Field Annotation: @HIDDEN</div>
  <table><tr><td>1</td><td>East</td></tr><tr><td>2</td><td>West</td></tr></table></td></tr>
<tr><td>3</td><td>welcome</td><td>Welcome to the garden study.</td><td>descriptive</td></tr>
<tr><td>4</td><td>agree</td>
  <td>I agree to join the garden study.<div class="fn">Stop Actions: 0</div></td>
  <td>yesno<table><tr><td>1</td><td>Yes</td></tr><tr><td>0</td><td>No</td></tr></table></td></tr>
<tr><td></td><td colspan="3">Section Header: Your garden</td></tr>
<tr><td>5</td><td>plot_m2</td><td>How big is your plot?<div class="fn">Square metres</div></td>
  <td>text (integer, Min: 1, Max: 900), Required</td></tr>
<tr><td>6</td><td>grows</td><td>What do you grow?</td><td>checkbox
  <div>Field Annotation: @NONEOFTHEABOVE='98'</div><table>
  <tr><td>1</td><td>grows___1</td><td>Beans</td></tr>
  <tr><td>2</td><td>grows___2</td><td>Herbs</td></tr>
  <tr><td>7</td><td>grows___7</td><td>Another crop</td></tr>
  <tr><td>98</td><td>grows___98</td><td>Nothing yet</td></tr></table></td></tr>
<tr><td>7</td><td>grows_oth<div>Show the field ONLY if:<br>[grows(7)] = '1'</div></td>
  <td>Which other crop?</td><td>text</td></tr>
<tr><td>8</td><td>harvest<div>Show the field ONLY if:<br>[grows(98)] = '0'</div></td>
  <td>How many harvests a year?</td><td>text (integer, Min: 0, Max: 12)</td></tr>
<tr><td>9</td>
  <td>water<div>Show the field ONLY if:<br>[plot_m2] &gt; 10 and [agree] = '1'</div></td>
  <td>How do you water it?</td><td>dropdown<table><tr><td>1</td><td>Hose</td></tr>
  <tr><td>2</td><td>Can</td></tr><tr><td>3</td><td>Rain only</td></tr></table></td></tr>
<tr><td>10</td>
  <td>hose_len<div>Show the field ONLY if:<br>[water] = '1' or [water] = '2'</div></td>
  <td>How long a walk to the tap, in minutes?</td>
  <td>slider (Labels: Near | | Far) Min: 0, Max: 30</td></tr>
<tr><td></td><td colspan="3">Section Header: How often do you do these?</td></tr>
<tr><td>11</td><td>job_1</td><td>Weeding</td><td>radio (Matrix) Matrix group name: <i>chores</i>
  <table><tr><td>1</td><td>Weekly</td></tr><tr><td>2</td><td>Monthly</td></tr></table></td></tr>
<tr><td>12</td><td>job_2</td><td>Pruning</td><td>radio (Matrix) Matrix group name: <i>chores</i>
  <table><tr><td>1</td><td>Weekly</td></tr><tr><td>2</td><td>Monthly</td></tr></table></td></tr>
<tr><td>13</td><td>plot_score</td><td>Score</td><td>calc<br>Calculation: [plot_m2]*2</td></tr>
<tr><td>14</td><td>tips</td><td>Any tips for other gardeners?</td><td>notes</td></tr>
<tr><td>15</td><td>reach_me</td><td>Your email, if we may write to you.</td>
  <td>text (email)</td></tr>
<tr><td>16</td><td>intake_complete</td><td>Section Header: Form Status<br>Complete?</td>
  <td>dropdown<table><tr><td>0</td><td>Incomplete</td></tr><tr><td>1</td><td>Unverified</td></tr>
  <tr><td>2</td><td>Complete</td></tr></table></td></tr>
</table></body></html>"""


def test_redcap_codebook_fields_become_questions_by_their_type_words() -> None:
    survey = compile_document(read_document(_CODEBOOK.encode(), "book.html")).survey
    questions = by_id(survey)
    assert list(questions) == [
        "welcome", "agree", "plot_m2", "grows", "harvest", "water", "hose_len", "chores",
        "tips", "reach_me",
    ]  # fmt: skip
    assert questions["welcome"].type == "display"
    assert questions["agree"].text == "I agree to join the garden study."
    assert questions["agree"].terminate_if == "agree == '0'"
    plot = questions["plot_m2"]
    assert (plot.type, plot.text) == ("number", "How big is your plot?")
    assert plot.validation is not None
    assert (plot.validation.min, plot.validation.max) == (1, 900)
    grows = questions["grows"]
    assert grows.type == "multi"
    assert [(o.code, o.label) for o in grows.options][-1] == ("98", "Nothing yet")
    assert [o.code for o in grows.options if o.exclusive] == ["98"]
    assert [o.code for o in grows.options if o.specify] == ["7"]
    assert questions["harvest"].display_if == "not (grows contains '98')"
    assert questions["water"].type == "dropdown"
    assert questions["water"].display_if == "plot_m2 > 10 and agree == '1'"
    assert questions["hose_len"].type == "number"
    assert questions["hose_len"].display_if == "water in ['1','2']"
    chores = questions["chores"]
    assert (chores.type, chores.text) == ("grid", "How often do you do these?")
    assert [r.label for r in chores.rows] == ["Weeding", "Pruning"]
    assert [o.label for o in chores.options] == ["Weekly", "Monthly"]
    assert questions["tips"].type == "long_text"
    assert questions["reach_me"].type == "email"


def test_redcap_dictionary_columns_read_like_the_codebook() -> None:
    page = """<table>
    <tr><th>Variable / Field Name</th><th>Form Name</th><th>Section Header</th>
    <th>Field Type</th><th>Field Label</th><th>Choices, Calculations, OR Slider Labels</th>
    <th>Field Note</th><th>Text Validation Type OR Show Slider Number</th>
    <th>Text Validation Min</th><th>Text Validation Max</th>
    <th>Branching Logic (Show field only if...)</th></tr>
    <tr><td>rec</td><td>f</td><td></td><td>text</td><td>Record</td><td></td><td></td><td></td>
    <td></td><td></td><td></td></tr>
    <tr><td>pets</td><td>f</td><td>Home</td><td>radio</td><td>Do you keep pets?</td>
    <td>1, Yes | 2, No</td><td></td><td></td><td></td><td></td><td></td></tr>
    <tr><td>pet_n</td><td>f</td><td></td><td>text</td><td>How many pets?</td><td></td>
    <td></td><td>integer</td><td>1</td><td>20</td><td>[pets] = '1'</td></tr>
    </table>"""
    questions = by_id(compile_document(read_document(page.encode(), "dict.html")).survey)
    assert list(questions) == ["pets", "pet_n"]
    assert [(o.code, o.label) for o in questions["pets"].options] == [("1", "Yes"), ("2", "No")]
    pet_n = questions["pet_n"]
    assert (pet_n.type, pet_n.display_if) == ("number", "pets == '1'")
    assert pet_n.validation is not None
    assert pet_n.validation.max == 20


def test_html_table_inside_a_cell_keeps_its_rows_as_lines() -> None:
    page = "<table><tr><td>Colour</td><td><table><tr><td>1</td><td>Red</td></tr>"
    page += "<tr><td>2</td><td>Blue</td></tr></table></td></tr></table>"
    table = next(b for b in read_document(page.encode(), "t.html").blocks if b.kind == "table")
    assert table.rows[0][1].text == "1 Red\n2 Blue"


def _roster_book() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Roster"
    rows = [
        ["FARM CENSUS TRIAL · PART C: WORKERS (ONE COLUMN PER WORKER)"],
        ["Col.", "Question", "Instructions / codes", "Worker 1", "Worker 2"],
        ["C1", "What is the name of each worker?", "WRITE FULL NAME. ONE PER COLUMN."],
        ["C2", "How old was [NAME] at [his/her] last birthday?", "AGE IN COMPLETED YEARS, 14–90."],
        ["C3", "Does [NAME] drive the tractor?", "ONLY IF C2 ≥ 16.   1 = Yes    2 = No    "
         "9 = Not stated   → IF 2 OR 9, GO TO C5"],
        ["C4", "Which fuel does [NAME] buy?", "CODE FROM BOX A."],
        ["C5", "Is [NAME] paid in cash?", "1 = Yes    2 = No"],
        ["CODE BOXES"],
        ["BOX A – FUEL (C4)"],
        ["1", "Diesel"],
        ["2", "Petrol"],
        ["3", "Electric"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    notes = book.create_sheet("Supervisor notes")
    notes.append(["Topic", "Note"])
    notes.append(["Workers", "Anyone paid for farm work in the last season."])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_roster_answers_in_the_instructions_column_and_code_boxes_under_it() -> None:
    document = read_document(_roster_book(), "roster.xlsx")
    questions = by_id(compile_document(document).survey)
    assert list(questions) == ["C1", "C2", "C3", "C4", "C5"]
    assert questions["C1"].type == "text"
    age = questions["C2"]
    assert age.text == "How old was [NAME] at [his/her] last birthday?"
    assert age.type == "number"
    assert age.validation is not None
    assert (age.validation.min, age.validation.max) == (14, 90)
    tractor = questions["C3"]
    assert [(o.code, o.label) for o in tractor.options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("9", "Not stated"),
    ]
    assert tractor.display_if == "C2 >= 16"
    assert [(s.if_, s.to) for s in tractor.skip_to] == [("C3 in ['2','9']", "C5")]
    assert [(o.code, o.label) for o in questions["C4"].options] == [
        ("1", "Diesel"),
        ("2", "Petrol"),
        ("3", "Electric"),
    ]
    assert [o.label for o in questions["C5"].options] == ["Yes", "No"]


def test_codes_written_before_the_boxes_of_answers_across_a_line() -> None:
    survey = compile_document(
        read_document(
            "K1. How did you travel here?\n1. ☐ Bus\t2. ☐ Train\t7. ☐ Walked\n".encode(), "k.txt"
        )
    ).survey
    question = by_id(survey)["K1"]
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Bus"),
        ("2", "Train"),
        ("7", "Walked"),
    ]


def test_vietnamese_form_routing_multi_write_in_and_dotted_number_line() -> None:
    text = (
        "B1.\tBạn có nuôi chó không?\n"
        "1. ☐ Có\t2. ☐ Không\n"
        "Nếu trả lời “Không”, chuyển sang câu B3.\n"
        "B2.\tSố năm nuôi: ......... năm\n"
        "B3.\tBạn mua thức ăn ở đâu? (có thể chọn nhiều đáp án)\n"
        "1. ☐ Chợ\t2. ☐ Siêu thị\n"
        "3. ☐ Khác (ghi rõ): ..............................\n"
    )
    questions = by_id(compile_document(read_document(text.encode(), "vi.txt")).survey)
    assert [(s.if_, s.to) for s in questions["B1"].skip_to] == [("B1 == '2'", "B3")]
    assert (questions["B2"].type, questions["B2"].text) == ("number", "Số năm nuôi")
    shops = questions["B3"]
    assert shops.type == "multi"
    assert [o.code for o in shops.options if o.specify] == ["3"]


def test_two_column_boxes_read_down_the_columns_when_the_catch_all_shows_it() -> None:
    text = (
        "# 1 Your garden\n"
        "1.1\tWhich tools do you own? Tick all that apply.\n"
        "☐ Spade\t☐ Rake\n"
        "☐ Hoe\t☐ Something else (please specify): ______\n"
        "☐ Shears\n"
        "1.2\tWhere do you keep them?\n"
        "☐ Shed\t☐ Porch\n"
        "☐ Garage\t☐ Other\n"
        "1.3\tDid you buy seeds this year?\n"
        "☐ Yes\t☐ No\n"
        "If No, please go to Section 2.\n"
        "1.4\t(a) How many packets did you buy?\n"
        "______ packets\n"
        "(b) Of these, how many were sown?\n"
        "______ packets\n"
        "# 2 About you\n"
        "2.1\tWhich allotment site do you use¹?\n"
        "☐ North\t☐ South\n"
        "¹ Sites are listed in the members' handbook.\n"
    )
    page = text.replace("\n", "\n\n")  # one paragraph a line in Markdown
    questions = by_id(compile_document(read_document(page.encode(), "g.md")).survey)
    assert [o.label for o in questions["Q1_1"].options] == [
        "Spade",
        "Hoe",
        "Shears",
        "Rake",
        "Something else (please specify)",
    ]
    assert [o.label for o in questions["Q1_2"].options] == ["Shed", "Garage", "Porch", "Other"]
    assert [(s.if_, s.to) for s in questions["Q1_3"].skip_to] == [("Q1_3 == '2'", "Q2_1")]
    assert questions["Q1_4a"].text == "How many packets did you buy?"
    assert questions["Q1_4b"].text == "Of these, how many were sown?"
    assert questions["Q2_1"].text == "Which allotment site do you use?"


def test_a_key_printed_once_names_the_columns_of_the_circle_tables_after_it() -> None:
    page = """<p>E1. How do you rate the canteen?</p>
    <table><tr><td>Key (for E1 and E2): 1 = Poor 2 = Fair 3 = Good 4 = Very good</td><td></td></tr>
    <tr><td>Item</td><td>Circle one</td></tr>
    <tr><td>a. The food is warm.</td><td>1 2 3 4</td></tr>
    <tr><td>b. The tables are clean.</td><td>1 2 3 4</td></tr></table>
    <p>E2. How do you rate the library?</p>
    <table><tr><td>Item</td><td>Circle one</td></tr>
    <tr><td>a. It is quiet.</td><td>1 2 3 4</td></tr>
    <tr><td>b. It opens early.</td><td>1 2 3 4</td></tr></table>"""
    questions = by_id(compile_document(read_document(page.encode(), "k.html")).survey)
    for qid, rows in (("E1", ["The food is warm.", "The tables are clean."]),
                      ("E2", ["It is quiet.", "It opens early."])):  # fmt: skip
        grid = questions[qid]
        assert grid.type == "grid"
        assert [r.label for r in grid.rows] == rows
        assert [(o.code, o.label) for o in grid.options] == [
            ("1", "Poor"),
            ("2", "Fair"),
            ("3", "Good"),
            ("4", "Very good"),
        ]
