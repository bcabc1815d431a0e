"""Survey platforms' own export and print shapes (round "platforms"), each in invented words:
an open-source tool's printable with group titles and filters in group descriptions, a web
tool's print with page jumps, a Word export's renamed heads and score groups, a form tool's
branch to the form's end, end words under a point row, and a data dictionary's scales and
comparisons."""

from __future__ import annotations

import io

import docx
import docx.shared

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _docx(paragraphs: list[str]) -> dict[str, Question]:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return by_id(compile_document(read_document(out.getvalue(), "export.docx")).survey)


_PRINTABLE = [
    "Allotment Holders Census",
    "There are 6 questions in this survey.",
    "Your plot",
    "1 [PL1]Do you hold a plot at the moment? *",
    "Please choose only one of the following:",
    "○ Yes (Y)",
    "○ No (N)",
    "2 [PL2]Which of these do you grow?",
    "Please choose all that apply:",
    "☐ Potatoes (SQ001)",
    "☐ Beans (SQ002)",
    "☐ Soft fruit (SQ003)",
    "3 [PL3]In what year did you take on the plot? *",
    "Only numbers may be entered in this field.",
    "Please write your answer here:",
    "Waiting list",
    "These questions are only for people who answered 'No' at PL1 (no plot yet).",
    "4 [WL1]How long have you been waiting, in months? *",
    "Only numbers may be entered in this field.",
    "Please write your answer here:",
    "5 [WL2]Would a half plot suit you?",
    "Only answer this question if the following conditions are met:",
    "° Answer was less than '12' at question '4 [WL1]' (How long have you been waiting?)",
    "Please choose only one of the following:",
    "○ Yes (A1)",
    "○ No (A2)",
    "Produce",
    "6 [PR1]How often do you pick fruit?",
    "Only answer this question if the following conditions are met:",
    '((PL2_SQ003.NAOK == "Y"))',
    "Please choose only one of the following:",
    "○ Weekly (A1)",
    "○ Rarely (A2)",
]


def test_printable_group_description_filters_every_question_of_the_group() -> None:
    questions = _docx(_PRINTABLE)
    assert questions["WL1"].display_if == "PL1 == 'N'"
    assert questions["WL2"].display_if == "(PL1 == 'N') and (WL1 < 12)"
    # the next group title ends the group's filter
    assert questions["PR1"].display_if == "PL2 contains 'SQ003'"
    assert questions["PL1"].display_if is None


def test_printable_group_filter_with_codes_in_brackets() -> None:
    lines = list(_PRINTABLE)
    at = lines.index("These questions are only for people who answered 'No' at PL1 (no plot yet).")
    lines[at] = "For members without a plot (PL1 = N) who grow beans (PL2 = SQ002)."
    questions = _docx(lines)
    assert questions["WL1"].display_if == "PL1 == 'N' and PL2 contains 'SQ002'"


def test_not_sure_before_a_clause_is_a_reason_not_the_unsure_answer() -> None:
    survey = compile_text(
        "Q1. What stops you joining? (Select all that apply)\n"
        "- Cost\n"
        "- Not sure they would welcome me\n"
        "- Nothing stops me\n"
    )
    options = by_id(survey)["Q1"].options
    assert [o.exclusive for o in options] == [False, False, True]


def test_end_words_on_the_line_under_a_point_row() -> None:
    survey = compile_text(
        "1. How tidy was the pavilion?\n"
        "○ 1\t○ 2\t○ 3\t○ 4\t○ 5\t○ Did not visit\n"
        "Very untidy\tSpotless\n"
        "2. Would you come again?\n"
        "○ Yes\n"
        "○ No\n"
    )
    options = by_id(survey)["Q1"].options
    assert [(o.code, o.label) for o in options] == [
        ("1", "Very untidy"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Spotless"),
        ("6", "Did not visit"),
    ]


def test_end_words_under_dotted_numbers() -> None:
    survey = compile_text(
        "**1. How likely are you to book again?**\n\n"
        "0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10\n"
        "Never … Certainly\n\n"
        "**2. Anything else?**\n"
    )
    options = by_id(survey)["Q1"].options
    assert (options[0].label, options[-1].label) == ("Never", "Certainly")


_PAGES = [
    "# 1. Your stall",
    "* 1. What kind of stallholder are you?",
    "○ Food",
    "○ Crafts",
    "○ Charity table",
    "Question logic: If “Charity table” → skip to page 3 (Charity tables)",
    "* 2. How many market days did you trade?",
    "○ One",
    "○ More than one",
    "Question logic: If “One” → skip to page 4 (Last words)",
    "# 2. Trading",
    "3. How were your takings?",
    "○ Up",
    "○ Down",
    "Page logic (page 2): after this page → skip to page 4 (Last words).",
    "# 3. Charity tables",
    "4. Which cause do you raise money for?",
    "# 4. Last words",
    "5. Any other comments?",
]


def _pages() -> dict[str, Question]:
    """The print as a Word file: page bars as headings, logic notes in grey italics."""
    document = docx.Document()
    for text in _PAGES:
        if text.startswith("# "):
            document.add_heading(text[2:], level=1)
        elif "logic" in text:
            run = document.add_paragraph().add_run(text)
            run.italic = True
            run.font.color.rgb = docx.shared.RGBColor(0x70, 0x70, 0x70)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return by_id(compile_document(read_document(out.getvalue(), "print.docx")).survey)


def test_page_jumps_go_to_the_first_question_of_the_named_page() -> None:
    questions = _pages()
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '3'", "Q4")]
    assert [(s.if_, s.to) for s in questions["Q2"].skip_to] == [("Q2 == '1'", "Q5")]


def test_a_page_jumped_over_is_seen_only_by_those_sent_there() -> None:
    questions = _pages()
    assert questions["Q4"].display_if == "Q1 == '3'"
    assert questions["Q5"].display_if is None


_EXPORT = [
    "Start of Block: Default Question Block",
    "Q1 Which ward were you treated on?",
    "o Ash ward  (1)",
    "o Birch ward  (2)",
    "Q2 Which of these did staff explain? Tick all that apply.",
    "▢ Medicines  (1)",
    "▢ Discharge plan  (2)",
    "▢ Diet  (4)",
    "Display This Question:",
    "If Which of these did staff explain? Tick all that apply. Diet Is Selected",
    "Q3 Was the diet advice easy to follow?",
    "o Yes  (1)",
    "o No  (2)",
    "End of Block: Default Question Block",
    "Start of Block: Score",
    "Display This Question:",
    "If Q1 = Ash ward",
    "Rating How likely are you to recommend the ward, from 0 to 10?",
    "o 0  (0)",
    "o 1  (1)",
    "o 2  (2)",
    "o 3  (3)",
    "o 4  (4)",
    "o 5  (5)",
    "o 6  (6)",
    "o 7  (7)",
    "o 8  (8)",
    "o 9  (9)",
    "o 10  (10)",
    "Display This Question:",
    "If Rating NPS Group Is Passive",
    "Q5 What would have made it a higher score?",
    "________________________________",
    "End of Block: Score",
]


def test_export_names_a_question_by_all_its_printed_words() -> None:
    questions = _docx(_EXPORT)
    assert questions["Q3"].display_if == "Q2 contains '4'"


def test_export_renamed_head_under_a_display_condition_and_score_groups() -> None:
    questions = _docx(_EXPORT)
    assert "Rating" in questions
    assert questions["Rating"].display_if == "Q1 == '1'"
    assert questions["Q5"].display_if == "Rating in ['7','8']"


def test_branch_to_the_end_of_the_form_ends_the_survey() -> None:
    survey = compile_text(
        "**1. Are you a season ticket holder?** \\*\n*Choice*\n\n"
        "- Yes\n- No **→ End of the form**\n\n"
        "**2. Which stand do you sit in?**\n*Choice*\n\n- North\n- South\n",
        "form.md",
    )
    assert by_id(survey)["Q1"].terminate_if == "Q1 == '2'"


def _dictionary(rows: str) -> dict[str, Question]:
    page = (
        "<table><tr><th>Variable / Field Name</th><th>Form Name</th><th>Section Header</th>"
        "<th>Field Type</th><th>Field Label</th><th>Choices, Calculations, OR Slider Labels</th>"
        "<th>Field Note</th><th>Text Validation Type OR Show Slider Number</th>"
        "<th>Text Validation Min</th><th>Text Validation Max</th>"
        "<th>Branching Logic (Show field only if...)</th></tr>"
        "<tr><td>rec</td><td>f</td><td></td><td>text</td><td>Record</td><td></td><td></td>"
        "<td></td><td></td><td></td><td></td></tr>" + rows + "</table>"
    )
    return by_id(compile_document(read_document(page.encode(), "dict.html")).survey)


def test_dictionary_point_row_and_comparison_on_a_coded_choice() -> None:
    cells = "<td></td><td></td><td></td><td></td>"
    questions = _dictionary(
        "<tr><td>tired</td><td>f</td><td></td><td>radio</td><td>How tired are you today?</td>"
        "<td>1, Not at all | 2, 2 | 3, 3 | 4, 4 | 5, Exhausted</td>" + cells + "<td></td></tr>"
        "<tr><td>tired_why</td><td>f</td><td></td><td>notes</td><td>Why so tired?</td><td></td>"
        + cells
        + "<td>[tired] > 3</td></tr>"
    )
    assert questions["tired"].type == "scale"
    assert questions["tired_why"].display_if == "tired in ['4','5']"
