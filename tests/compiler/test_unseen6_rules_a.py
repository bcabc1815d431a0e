"""General conventions met in the document files of a sixth blind batch (an RTF rater form,
a clinic intake page of HTML tables, a folded comment card and a federal paper form in PDF),
one small case each, in their own words."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import make_pdf, text_ops


def _rtf(*parts: str) -> bytes:
    body = "\n".join(parts)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "\n}\n").encode("ascii")


def _rtf_paragraph(text: str, bold: bool = False) -> str:
    weight = "\\b" if bold else ""
    return f"\\pard {{{weight}\\fs20 {text}}}\\par"


def _rtf_row(*cells: str) -> str:
    edges = "".join(f"\\cellx{1500 * (n + 1)}" for n in range(len(cells)))
    return f"\\trowd{edges}" + "".join(f"\\pard\\intbl {c}\\cell " for c in cells) + "\\row"


def test_rtf_bold_survives_a_table_and_a_spelled_out_code_column() -> None:
    data = _rtf(
        _rtf_row("Volunteer", "Sam Ortiz"),
        _rtf_row("Site", "Riverside depot"),
        _rtf_row("Shift", "Saturday"),
        "\\pard\\par",
        _rtf_paragraph("Your shifts", bold=True),
        _rtf_paragraph("How often was each of these true on your shift?", bold=True),
        _rtf_row("Item", "1 - Never", "2 - Sometimes", "3 - Always", "N/A (not applicable)"),
        _rtf_row("The tools were ready", "\\u9744?", "\\u9744?", "\\u9744?", "\\u9744?"),
        _rtf_row("The briefing was clear", "\\u9744?", "\\u9744?", "\\u9744?", "\\u9744?"),
        "\\pard\\par",
        _rtf_paragraph("Anything else about your shifts?", bold=True),
    )
    document = read_document(data, "shifts.rtf")
    heading = next(b for b in document.blocks if b.text == "Your shifts")
    assert heading.runs[0].bold  # the formatting is still found after the table's cells
    questions = compile_document(document).survey.questions()
    grid = questions[0]
    assert grid.text == "How often was each of these true on your shift?"
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Never"),
        ("2", "Sometimes"),
        ("3", "Always"),
        ("N/A", "not applicable"),
    ]
    assert questions[1].text == "Anything else about your shifts?"


_FORM_PAGE = """<html><body><h1>Riverside Rowing Club – Membership Form</h1>
<table>
<tr><td colspan="2">1. About you</td></tr>
<tr><th>First and last name</th><td>____________________</td></tr>
<tr><th>Birthday</th><td>___ / ___ / _____ (DD/MM/YYYY)</td></tr>
<tr><th>Contact number</th><td>( ____ ) ____ ____</td></tr>
<tr><th>Membership type</th><td>☐ Junior &nbsp; ☐ Adult &nbsp; ☐ Family</td></tr>
</table>
<table>
<tr><td colspan="2">2. Rowing experience</td></tr>
<tr><th>Have you rowed competitively before?</th><td>☐ Yes &nbsp; ☐ No</td></tr>
<tr><td colspan="2">(if yes, please give details) ______________________</td></tr>
<tr><th>Which boats have you rowed in? (tick all that apply)</th>
<td>☐ Single scull<br>☐ Double<br>☐ Eight<br>☐ None of these</td></tr>
<tr><th>How many hours a week could you train?</th><td>______ hours a week</td></tr>
<tr><th>What do you hope to get from the club?</th><td></td></tr>
</table>
<table>
<tr><td colspan="3">3. Injuries in the last year (include minor strains)</td></tr>
<tr><th>Injury</th><th>When</th><th>Still affects you?</th></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
</table>
<table>
<tr><td colspan="4">4. Fitness</td></tr>
<tr><td colspan="4">How often in the last month have you done each of these?</td></tr>
<tr><th></th><th>Never<br>0</th><th>Sometimes<br>1</th><th>Often<br>2</th></tr>
<tr><td>Run for 20 minutes</td><td>☐</td><td>☐</td><td>☐</td></tr>
<tr><td>Swum 200 metres</td><td>☐</td><td>☐</td><td>☐</td></tr>
</table>
<table>
<tr><td colspan="2">Declaration</td></tr>
<tr><td colspan="2">I agree to follow the club's safety rules.</td></tr>
<tr><th>Member's signature</th><td>______________ Date: __ / __ / ____</td></tr>
</table>
<table><tr><td colspan="2"><b>FOR OFFICE USE ONLY</b></td></tr>
<tr><td>Paid ☐</td><td>Card no: _____</td></tr></table>
</body></html>"""


def test_a_form_laid_out_in_label_and_answer_cell_tables() -> None:
    survey = compile_document(read_document(_FORM_PAGE.encode("utf-8"), "join.html")).survey
    questions = survey.questions()
    assert [(q.text, q.type) for q in questions] == [
        ("First and last name", "text"),
        ("Birthday", "date"),
        ("Contact number", "text"),
        ("Membership type", "single"),
        ("Have you rowed competitively before?", "single"),
        ("Which boats have you rowed in? (tick all that apply)", "multi"),
        ("How many hours a week could you train?", "number"),
        ("What do you hope to get from the club?", "long_text"),
        ("Injuries in the last year (include minor strains)", "long_text"),
        ("How often in the last month have you done each of these?", "grid"),
    ]
    rowed, boats, fitness = questions[4], questions[5], questions[9]
    assert [(o.label, o.specify) for o in rowed.options] == [("Yes", True), ("No", False)]
    assert [o.label for o in boats.options if o.exclusive] == ["None of these"]
    assert [(o.code, o.label) for o in fitness.options] == [
        ("0", "Never"),
        ("1", "Sometimes"),
        ("2", "Often"),
    ]
    assert [r.label for r in fitness.rows] == ["Run for 20 minutes", "Swum 200 metres"]


def test_a_write_in_line_under_the_boxes_belongs_to_the_answer_it_names() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Do you have a season ticket?
            ☐ Yes   ☐ No
            (if yes, please say which one) ____________
            Q2. How did you travel here?
            ☐ Car
            ☐ Bus
            ☐ Other
            If other, please specify: ____________
            Q3. Any comments?
            """
        )
    )
    assert [(o.label, o.specify) for o in questions["Q1"].options] == [
        ("Yes", True),
        ("No", False),
    ]
    assert [o.label for o in questions["Q2"].options if o.specify] == ["Other"]
    assert list(questions) == ["Q1", "Q2", "Q3"]


def _box(x: float, y: float) -> str:
    return f"{x} {y} 9 9 re S\n"


def test_a_folded_card_read_panel_by_panel_with_drawn_tick_boxes() -> None:
    fold = "[3 3] 0 d 297 60 m 297 800 l S [] 0 d\n"
    left = [
        text_ops(40, 780, "How was the exhibition?", bold=True),
        _box(40, 758) + text_ops(55, 760, "Great"),
        _box(110, 758) + text_ops(125, 760, "Fine"),
        _box(170, 758) + text_ops(185, 760, "Poor"),
        text_ops(40, 730, "How did we do on...", bold=True),
        text_ops(150, 710, "Bad") + text_ops(200, 710, "OK") + text_ops(245, 710, "Good"),
        text_ops(40, 690, "Signs") + _box(152, 688) + _box(202, 688) + _box(250, 688),
        text_ops(40, 670, "Staff") + _box(152, 668) + _box(202, 668) + _box(250, 668),
    ]
    right = [
        text_ops(320, 780, "Would you come again? (tick one)", bold=True),
        _box(320, 758) + text_ops(335, 760, "Yes"),
        _box(380, 758) + text_ops(395, 760, "No"),
        text_ops(320, 730, "What should we add next year?", bold=True),
        text_ops(320, 710, "____________________________"),
        text_ops(320, 690, "Visitor no. ______________"),
    ]
    data = make_pdf([fold + "".join(left) + "".join(right)])
    questions = compile_document(read_document(data, "card.pdf")).survey.questions()
    assert [(q.text, q.type) for q in questions] == [
        ("How was the exhibition?", "single"),
        ("How did we do on...", "grid"),
        ("Would you come again? (tick one)", "single"),
        ("What should we add next year?", "text"),
        ("Visitor no.", "text"),
    ]
    assert [o.label for o in questions[0].options] == ["Great", "Fine", "Poor"]
    assert [o.label for o in questions[1].options] == ["Bad", "OK", "Good"]
    assert [r.label for r in questions[1].rows] == ["Signs", "Staff"]
    assert [o.label for o in questions[2].options] == ["Yes", "No"]


def test_tell_us_who_asks_for_a_name_on_one_line() -> None:
    questions = compile_text(
        """
        Did someone on the desk help you today? Tell us who and we will pass it on.
        ______________________________
        Anything else you would like to tell us?
        ______________________________
        ______________________________
        """
    ).questions()
    assert [q.type for q in questions] == ["text", "long_text"]


def test_a_box_then_the_answer_code_set_apart_from_its_words() -> None:
    questions = by_id(
        compile_text(
            "Q1. How often do you cycle?\n"
            "☐ 1\tMost days\n"
            "☐ 2\tNow and then\n"
            "☐ 3\tNever\t→ Go to Q3\n"
            "Q2. How far do you usually ride?\n"
            "☐ 1\tLess than 5 km\n"
            "☐ 2\t5 km or more\n"
            "Q3. Do you own a car?\n"
            "☐ 1  Yes\n"
            "☐ 2  No\n"
        )
    )
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Most days"),
        ("2", "Now and then"),
        ("3", "Never"),
    ]
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '3'", "Q3")]
    assert [o.label for o in questions["Q2"].options] == ["Less than 5 km", "5 km or more"]
    assert [(o.code, o.label) for o in questions["Q3"].options] == [("1", "Yes"), ("2", "No")]


def test_a_row_of_boxes_under_the_points_of_a_scale() -> None:
    questions = compile_text(
        "Q1. Using a number from 0 to 6, where 0 is very untidy and 6 is spotless, how tidy "
        "was the campsite?\n"
        "0\t1\t2\t3\t4\t5\t6\n"
        "☐\t☐\t☐\t☐\t☐\t☐\t☐\n"
        "0\t6\n"
        "Very untidy\tSpotless\n"
        "Q2. Would you camp here again?\n"
        "☐ Yes   ☐ No\n"
    ).questions()
    scale = questions[0]
    assert scale.type == "scale"
    assert [o.code for o in scale.options] == ["0", "1", "2", "3", "4", "5", "6"]
    assert (scale.options[0].label, scale.options[-1].label) == ("Very untidy", "Spotless")
