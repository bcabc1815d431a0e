"""XLSForm workbooks uploaded as questionnaires: compiled through the XLSForm importer, with what
it cannot carry as attention, clarifications and diagnostics. The forms are invented here."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from fielder.cli.program import app
from fielder.compiler import clarify, compile_document
from fielder.compiler.compile import CompileResult
from fielder.compiler.xlsform_book import is_xlsform
from fielder.documents import read_path
from fielder.engines.builtin import BuiltinEngine
from fielder.ir.models import Survey
from tests.compiler.conftest import by_id

Rows = list[list[str | None]]

MARKET_SURVEY: Rows = [
    ["type", "name", "label", "hint", "relevant", "constraint", "required", "appearance"],
    ["start", "start", None, None, None, None, None, None],
    ["note", "welcome", "Thank you for stopping at our stall.", None, None, None, None, None],
    ["select_one stall", "stall", "Which stall are you at?", None, None, None, "yes", "minimal"],
    ["select_one yn", "regular", "Do you shop here every week?", None, None, None, "yes", None],
    ["begin_group", "weekly", "Weekly shoppers", None, "${regular} = 'yes'", None, None, None],
    [
        "select_multiple goods",
        "goods",
        "What do you usually buy?",
        "Tick all that apply.",
        None,
        "not(selected(., 'nothing') and count-selected(.) > 1)",
        None,
        None,
    ],
    [
        "text",
        "goods_other",
        "What else do you buy?",
        None,
        "selected(${goods}, 'other')",
        None,
        None,
        None,
    ],
    [
        "integer",
        "spend",
        "How much did you spend today?",
        None,
        "selected(${goods}, 'fish')",
        ". >= 0 and . <= 900",
        None,
        None,
    ],
    ["end_group", "weekly", None, None, None, None, None, None],
    ["calculate", "spend_double", None, None, None, None, None, None],
    ["text", "comment", "Anything we should change?", None, None, None, None, "multiline"],
]
MARKET_CHOICES: Rows = [
    ["list_name", "name", "label"],
    ["stall", "north", "North gate"],
    ["stall", "south", "South gate"],
    ["yn", "yes", "Yes"],
    ["yn", "no", "No"],
    ["goods", "fish", "Fish"],
    ["goods", "greens", "Greens"],
    ["goods", "other", "Something else"],
    ["goods", "nothing", "Nothing in particular"],
]


def _workbook(tmp_path: Path, sheets: dict[str, Rows], name: str = "form.xlsx") -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(str(path))
    return path


def _compile(tmp_path: Path, sheets: dict[str, Rows]) -> CompileResult:
    return compile_document(read_path(_workbook(tmp_path, sheets)))


def test_a_form_is_read_by_its_own_columns(tmp_path: Path) -> None:
    result = _compile(tmp_path, {"survey": MARKET_SURVEY, "choices": MARKET_CHOICES})
    questions = by_id(result.survey)
    assert list(questions) == ["welcome", "stall", "regular", "goods", "spend", "comment"]
    assert [questions[q].type for q in questions] == [
        "display",
        "dropdown",
        "single",
        "multi",
        "number",
        "long_text",
    ]
    goods = questions["goods"]
    assert goods.display_if == "regular == 'yes'"
    assert goods.instructions == "Tick all that apply."
    assert [(o.code, o.specify, o.exclusive) for o in goods.options] == [
        ("fish", False, False),
        ("greens", False, False),
        ("other", True, False),
        ("nothing", False, True),
    ]
    spend = questions["spend"]
    assert spend.display_if is not None
    assert "goods contains 'fish'" in spend.display_if
    assert "regular == 'yes'" in spend.display_if
    assert spend.validation is not None
    assert (spend.validation.min, spend.validation.max) == (0, 900)
    assert questions["stall"].required
    assert not questions["comment"].required
    assert "Read as an XLSForm: its survey, choices and settings sheets." in result.diagnostics


def test_each_question_points_at_its_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"survey": MARKET_SURVEY, "choices": MARKET_CHOICES})
    document = read_path(path)
    survey = compile_document(document, file_id="file_9").survey
    spend = by_id(survey)["spend"]
    assert spend.source is not None
    assert spend.source.file_id == "file_9"
    assert spend.source.page == 1
    written = document.text[spend.source.start : spend.source.end]
    assert written.startswith("integer")
    assert "How much did you spend today?" in written


def test_metadata_and_calculations_are_notes_not_questions(tmp_path: Path) -> None:
    result = _compile(tmp_path, {"survey": MARKET_SURVEY, "choices": MARKET_CHOICES})
    notes = " ".join(result.diagnostics)
    assert "start: device metadata is not a question" in notes
    assert "spend_double" in notes
    assert not result.clarifications


def test_the_settings_language_picks_the_label_column(tmp_path: Path) -> None:
    survey_rows: Rows = [
        ["type", "name", "label::Français (fr)", "label::English (en)", "hint::English (en)"],
        ["select_one yn", "pets", "Avez-vous un animal ?", "Do you keep a pet?", "Any animal."],
    ]
    choices: Rows = [
        ["list_name", "name", "label::Français (fr)", "label::English (en)"],
        ["yn", "1", "Oui", "Yes"],
        ["yn", "2", "Non", "No"],
    ]
    settings: Rows = [["form_title", "default_language"], ["Pets", "English (en)"]]
    result = _compile(tmp_path, {"survey": survey_rows, "choices": choices, "settings": settings})
    pets = by_id(result.survey)["pets"]
    assert pets.text == "Do you keep a pet?"
    assert pets.instructions == "Any animal."
    assert [o.label for o in pets.options] == ["Yes", "No"]
    assert result.survey.languages == ["en"]
    assert result.survey.title == "Pets"
    assert any("français (fr) are not kept" in note for note in result.diagnostics)


def test_without_a_default_language_the_first_label_column_is_read(tmp_path: Path) -> None:
    survey_rows: Rows = [
        ["type", "name", "label::Kiswahili (sw)", "label::English (en)"],
        ["text", "town", "Mji wako ni upi?", "Which town do you live in?"],
    ]
    result = _compile(tmp_path, {"survey": survey_rows})
    assert by_id(result.survey)["town"].text == "Mji wako ni upi?"
    assert result.survey.languages == ["sw"]


def test_what_the_ir_cannot_hold_is_flagged_on_the_question(tmp_path: Path) -> None:
    survey_rows: Rows = [
        ["type", "name", "label", "choice_filter", "parameters", "repeat_count", "appearance"],
        ["select_one region", "region", "Which region?", None, None, None],
        ["select_one district", "district", "Which district?", "region=${region}", None, None],
        ["select_one_from_file schools.csv", "school", "Which school?", None, None, None],
        ["range", "mood", "How do you feel today?", None, "start=0 end=5 step=1", None],
        ["geopoint", "spot", "Record where you are.", None, None, None],
        ["select_one crop", "crop", "Main crop?", None, None, None, "search('crops')"],
        ["begin_repeat", "child", "Children", None, None, "3"],
        ["text", "child_name", "Child's first name", None, None, None],
        ["end_repeat", "child", None, None, None, None],
    ]
    choices: Rows = [
        ["list_name", "name", "label", "region"],
        ["region", "n", "North", None],
        ["region", "s", "South", None],
        ["district", "n1", "Hills", "n"],
        ["district", "s1", "Coast", "s"],
        ["crop", "name", "key", None],
    ]
    result = _compile(tmp_path, {"survey": survey_rows, "choices": choices})
    questions = by_id(result.survey)
    assert list(questions) == [
        "region",
        "district",
        "school",
        "mood",
        "spot",
        "crop",
        "child_name",
    ]
    reasons = {qid: q.attention.reason for qid, q in questions.items() if q.attention}
    assert "filtered by 'region=${region}'" in reasons["district"]
    assert "schools.csv" in reasons["school"]
    assert questions["school"].type == "text"
    assert questions["mood"].type == "number"
    assert questions["mood"].validation is not None
    assert (questions["mood"].validation.min, questions["mood"].validation.max) == (0, 5)
    assert "GPS location" in reasons["spot"]
    assert "search('crops')" in reasons["crop"]
    assert questions["spot"].type == "text"
    assert "once per entry of the repeat 'child' (3 times)" in reasons["child_name"]
    assert {c.detail["question_id"] for c in result.clarifications} == {
        "district",
        "school",
        "spot",
        "crop",
        "child_name",
    }


def test_an_answered_clarification_clears_its_attention(tmp_path: Path) -> None:
    survey_rows: Rows = [
        ["type", "name", "label"],
        ["begin repeat", "visit", "Visits"],
        ["date", "visit_date", "Date of the visit"],
        ["end repeat", "visit", None],
    ]
    document = read_path(_workbook(tmp_path, {"survey": survey_rows}))
    first = compile_document(document)
    assert by_id(first.survey)["visit_date"].attention is not None
    answered = [first.clarifications[0].model_dump() | {"user_clarification": "Keep it as read"}]
    second = compile_document(document, qa=answered)
    assert by_id(second.survey)["visit_date"].attention is None
    assert not second.clarifications
    assert [c.id for c in clarify(document)] == [first.clarifications[0].id]


def test_or_other_adds_a_specify_answer_once(tmp_path: Path) -> None:
    survey_rows: Rows = [
        ["type", "name", "label"],
        ["select_one fuel or_other", "fuel", "What do you cook with?"],
        ["select_multiple light or_other", "light", "What lights your home?"],
    ]
    choices: Rows = [
        ["list_name", "name", "label"],
        ["fuel", "wood", "Wood"],
        ["fuel", "gas", "Gas"],
        ["light", "solar", "Solar lamp"],
        ["light", "other", "Another source"],
    ]
    questions = by_id(_compile(tmp_path, {"survey": survey_rows, "choices": choices}).survey)
    assert [(o.code, o.label, o.specify) for o in questions["fuel"].options][-1] == (
        "other",
        "Other",
        True,
    )
    light = questions["light"].options
    assert [(o.code, o.label, o.specify) for o in light] == [
        ("solar", "Solar lamp", False),
        ("other", "Another source", True),
    ]


def test_the_programming_engine_gets_the_form_too(tmp_path: Path) -> None:
    document = read_path(_workbook(tmp_path, {"survey": MARKET_SURVEY, "choices": MARKET_CHOICES}))
    steps = list(BuiltinEngine().program(document, []))
    survey = steps[-1]
    assert isinstance(survey, Survey)
    assert by_id(survey)["goods"].options[2].specify


def test_an_agency_sheet_named_survey_keeps_the_layout_rules(tmp_path: Path) -> None:
    agency: Rows = [
        ["Name", "Type", "Label", "Choices", "Mandatory"],
        ["Q1", "radio", "Do you own a bicycle?", "Yes|No", "Y"],
        ["Q2", "checkbox", "Which kinds do you ride?", "Road|Mountain|Folding", "N"],
        ["Q3", "textarea", "Why did you choose us?", None, "N"],
    ]
    named_survey = read_path(_workbook(tmp_path, {"Survey": agency}, "a.xlsx"))
    named_other = read_path(_workbook(tmp_path, {"Questionnaire": agency}, "b.xlsx"))
    assert not is_xlsform(named_survey)
    result = compile_document(named_survey)
    assert not any("XLSForm" in note for note in result.diagnostics)
    generic = compile_document(named_other).survey
    assert [(q.id, q.type) for q in result.survey.questions()] == [
        (q.id, q.type) for q in generic.questions()
    ]


def test_selects_without_a_choices_sheet_are_not_taken_for_a_form(tmp_path: Path) -> None:
    rows: Rows = [
        ["type", "name", "label"],
        ["select_one yn", "q1", "Is this a form?"],
        ["text", "q2", "Say why."],
    ]
    assert not is_xlsform(read_path(_workbook(tmp_path, {"survey": rows})))
    assert is_xlsform(
        read_path(
            _workbook(tmp_path, {"survey": rows, "choices": [["list_name", "name", "label"]]})
        )
    )


def test_two_checks_lost_on_one_question_make_one_clarification(tmp_path: Path) -> None:
    rows: Rows = [
        ["type", "name", "label", "constraint"],
        ["date", "sown", "When did you sow?", ". >= ${planted} and . <= today()"],
        ["date", "planted", "When did you plant?", None],
    ]
    result = _compile(tmp_path, {"survey": rows})
    assert len(result.clarifications) == 1
    summary = result.clarifications[0].summary
    assert "${planted}" in summary
    assert "today()" in summary
    assert by_id(result.survey)["sown"].attention is not None


def test_fielder_program_reads_a_form(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"survey": MARKET_SURVEY, "choices": MARKET_CHOICES})
    result = CliRunner().invoke(app, ["program", str(path)])
    assert result.exit_code == 0, result.output
    survey = Survey.model_validate_json(result.stdout)
    assert [q.id for q in survey.questions()][:3] == ["welcome", "stall", "regular"]


def test_html_styling_in_labels_is_left_out_and_noted(tmp_path: Path) -> None:
    rows: Rows = [
        ["type", "name", "label"],
        [
            "select_one yn",
            "boil",
            "<span style='color:red'>Important:</span> do you boil<br/>drinking water?",
        ],
    ]
    choices: Rows = [["list_name", "name", "label"], ["yn", "y", "<b>Yes</b>"], ["yn", "n", "No"]]
    result = _compile(tmp_path, {"survey": rows, "choices": choices})
    boil = by_id(result.survey)["boil"]
    assert boil.text == "Important: do you boil drinking water?"
    assert [o.label for o in boil.options] == ["Yes", "No"]
    assert any("HTML styling" in note for note in result.diagnostics)
    assert boil.attention is None


def test_a_sheet_wider_than_the_reader_keeps_is_noted(tmp_path: Path) -> None:
    languages = [f"label::Language {n} (l{n})" for n in range(70)]
    rows: Rows = [
        ["type", "name", *languages],
        ["text", "town", *[f"Town? ({n})" for n in range(70)]],
    ]
    result = _compile(tmp_path, {"survey": rows})
    assert by_id(result.survey)["town"].text == "Town? (0)"
    assert any("more than 60 columns" in note for note in result.diagnostics)
