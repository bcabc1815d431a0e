"""XLSForm workbooks (ODK, KoboToolbox, Ona, SurveyCTO) compiled through the XLSForm importer.

An XLSForm states every question exactly (type, name, label, relevant, choices), so reading
it by the layout rules can only lose things. The xlsx reader keeps each sheet as a table block
named after it, so the form's rows are on the Document already: the importer reads them, and
each question points back at its row's cells. What the importer could not carry becomes an
attention note and a clarification on the question, or a diagnostic for the whole form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fielder.compiler.diagnostics import Problem, answers_of
from fielder.compiler.xlsform_notes import note_screen_outs, notes_column
from fielder.compiler.xlsform_print import PrintedFormImporter, printed_form
from fielder.documents.model import Block, Cell, Document
from fielder.documents.readers.xlsx import MAX_COLUMNS
from fielder.ir.models import Attention, Question, SourceSpan, Survey
from fielder.ir.validate import validate
from fielder.platforms.base import ImportFailed
from fielder.platforms.result import NotCarried
from fielder.platforms.xlsform import (
    TYPE_WORDS,
    XLSFormImporter,
    column_names,
    sheet_rows,
    type_words,
)

KIND = "xlsform-not-carried"
#: Share of filled `type` cells that must be XLSForm types: an agency sheet named "survey"
#: with a "type" column of its own words ("Single", "Open end") stays with the layout rules.
_KNOWN_SHARE = 0.8
_SELECTS = ("select_one", "select_multiple", "rank")


@dataclass
class FormRead:
    """The survey read from an XLSForm, what needs a person's eye, and notes on the form."""

    survey: Survey
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _tables(document: Document) -> dict[str, Block]:
    """The workbook's sheets by lower-case name (the xlsx reader names each table block)."""
    if "sheet" not in document.media_type:  # spreadsheets only: their tables are sheets
        return {}
    return {
        block.style.strip().lower(): block
        for block in document.blocks
        if block.kind == "table" and block.style and block.rows
    }


def _header(block: Block) -> list[str]:
    return column_names([cell.text for cell in block.rows[0]])


def is_xlsform(document: Document) -> bool:
    """A `survey` sheet with `type`, `name` and label columns whose types are XLSForm's, and a
    `choices` sheet with `list_name` when it has selects."""
    tables = _tables(document)
    survey = tables.get("survey")
    if survey is None:
        return False
    header = _header(survey)
    has_label = any(name == "label" or name.startswith("label::") for name in header)
    if "type" not in header or "name" not in header or not has_label:
        return False
    column = header.index("type")
    kinds = [
        words[0]
        for row in survey.rows[1:]
        if column < len(row) and (words := type_words(row[column].text))
    ]
    known = sum(1 for kind in kinds if kind in TYPE_WORDS)
    if not kinds or known < _KNOWN_SHARE * len(kinds):
        return False
    if not any(kind in _SELECTS for kind in kinds):
        return True
    choices = tables.get("choices")
    return choices is not None and "list_name" in _header(choices)


def read_xlsform(
    document: Document, qa: Iterable[Any] = (), file_id: str | None = None
) -> FormRead | None:
    """The survey when the document is an XLSForm workbook, else None (answered problems left
    out; a form the importer refuses is a diagnostic and an empty survey)."""
    if not is_xlsform(document):
        return _read_printed(document, qa, file_id)
    tables = _tables(document)
    sheets = {
        name: sheet_rows([c.text for c in block.rows[0]], _texts(block.rows[1:]), name)
        for name, block in tables.items()
    }
    importer = XLSFormImporter()
    try:
        result = importer.import_sheets(sheets)
    except ImportFailed as error:
        return FormRead(Survey(title=document.name), notes=[f"XLSForm not read: {error}"])
    survey = result.survey
    if not survey.title:
        survey.title = document.name
    rows = _rows_by_name(tables["survey"])
    questions = survey.question_map()
    for raw, qid in importer.names.items():
        question, row = questions.get(qid), rows.get(raw)
        if question is not None and row is not None:
            question.source = _span(row, tables["survey"].page, file_id, question)
    # "SCREEN OUT: if 'no', thank … and close" in a spec-only notes column the tool never reads
    column = notes_column(_header(tables["survey"]))
    if column is not None:
        said = {
            qid: row[column].text
            for raw, qid in importer.names.items()
            if (row := rows.get(raw)) is not None and column < len(row) and row[column].text
        }
        note_screen_outs(said, questions)
    form = FormRead(survey, notes=["Read as an XLSForm: its survey, choices and settings sheets."])
    form.notes.extend(_cut_sheets(tables))
    _problems(form, result.not_carried, questions, qa)
    return form


def _read_printed(document: Document, qa: Iterable[Any], file_id: str | None) -> FormRead | None:
    """An XLSForm's printed form view (`xlsform_print`): its fields read back as the form."""
    printed = printed_form(document)
    if printed is None:
        return None
    importer = PrintedFormImporter()
    try:
        result = importer.import_sheets(printed.sheets)
    except ImportFailed:
        return None  # not the form it looked like: the layout rules read it
    survey = result.survey
    survey.title = next((b.text.strip() for b in document.blocks if b.text.strip()), document.name)
    questions = survey.question_map()
    for raw, qid in importer.names.items():
        question, span = questions.get(qid), printed.spans.get(raw)
        if question is not None and span is not None:
            start, end, page = span
            excerpt = question.text[:200] or None
            question.source = SourceSpan(
                file_id=file_id, page=page, start=start, end=end, excerpt=excerpt
            )
    if not _valid_logic(survey, questions):
        return None
    form = FormRead(survey, notes=["Read as an XLSForm's printed form view."])
    _problems(form, result.not_carried, questions, qa)
    return form


_LOGIC_FIELDS = ("display_if", "terminate_if", "skip_to", "validation")


def _valid_logic(survey: Survey, questions: dict[str, Question]) -> bool:
    """A print cut short (a choice line missing under a relevance naming it): the logic the IR
    refuses is left out with an attention note; False when other errors remain."""
    for problem in (p for p in validate(survey) if p.severity == "error"):
        question = questions.get(problem.element_id or "")
        field = (problem.pointer or "").rsplit("/", 1)[-1]
        if question is None or field not in _LOGIC_FIELDS:
            return False
        setattr(question, field, [] if field == "skip_to" else None)
        question.attention = Attention(reason=f"{field} not kept: {problem.message}")
    return not any(p.severity == "error" for p in validate(survey))


def _problems(
    form: FormRead, not_carried: list[NotCarried], questions: dict[str, Question], qa: Iterable[Any]
) -> None:
    """What the importer could not carry: a clarification on its question, else a note."""
    problems: dict[str, Problem] = {}
    for item in not_carried:
        target = _question_of(item, questions)
        if target is None:
            form.notes.append(f"XLSForm {item.element_id}: {item.reason} ({item.feature}).")
            continue
        problem = _problem(item, target)
        if problem.id in problems:  # one question, one feature: one clarification
            problems[problem.id].summary += f" Also: {item.reason}."
        else:
            problems[problem.id] = problem
    answers = answers_of(qa)
    form.problems = [p for p in problems.values() if p.id not in answers]
    for problem in form.problems:
        target = questions[problem.question_id]
        if target.attention is None:
            target.attention = Attention(reason=problem.summary)


def _cut_sheets(tables: dict[str, Block]) -> list[str]:
    """A note for each sheet whose header fills every column the reader keeps: columns after
    those (more languages, or `relevant` placed far right) were not read."""
    return [
        f"XLSForm sheet '{name}' has more than {MAX_COLUMNS} columns; only the first "
        f"{MAX_COLUMNS} were read (check its conditions and labels)."
        for name, block in tables.items()
        if len(block.rows[0]) >= MAX_COLUMNS and block.rows[0][-1].text
    ]


def _texts(rows: Iterable[tuple[Cell, ...]]) -> Iterable[list[str]]:
    return ([cell.text for cell in row] for row in rows)


def _rows_by_name(block: Block) -> dict[str, tuple[Cell, ...]]:
    """The survey sheet's rows by their `name` cell (the first row of a name wins)."""
    column = _header(block).index("name")
    found: dict[str, tuple[Cell, ...]] = {}
    for row in block.rows[1:]:
        if column < len(row) and row[column].text.strip():
            found.setdefault(row[column].text.strip(), row)
    return found


def _span(
    row: tuple[Cell, ...], page: int | None, file_id: str | None, question: Question
) -> SourceSpan:
    """The row's cells in the document text; the excerpt is the label read."""
    filled = [cell for cell in row if cell.text]
    return SourceSpan(
        file_id=file_id,
        page=page,
        start=filled[0].start,
        end=max(filled[-1].end, filled[0].start),
        excerpt=(question.text or filled[0].text)[:200] or None,
    )


def _question_of(item: NotCarried, questions: dict[str, Question]) -> Question | None:
    """The question a report line is about (`q`, or `q.code` for one of its answers)."""
    return questions.get(item.element_id) or questions.get(item.element_id.split(".")[0])


def _problem(item: NotCarried, question: Question) -> Problem:
    return Problem(
        KIND,
        question.id,
        f"{question.id}: {item.reason} (XLSForm {item.feature}).",
        item.feature,
        ["Keep it as read"],
    )
