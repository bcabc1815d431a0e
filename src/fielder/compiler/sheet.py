"""Questionnaires laid out as a table (spreadsheets, agency grids): columns to lines.

A header row naming the columns ("Q#", "Question text", "Response options", "Code",
"Type", "Programming instructions") marks such a table; every row below becomes a
question line (with its label), an option line (with its code) or a section line.
"""

from __future__ import annotations

import functools
import re

from fielder.compiler.answers_in_cell import answers_in_cell
from fielder.compiler.captioned_boxes import captioned_box_notes
from fielder.compiler.category_heads import category_heads
from fielder.compiler.check_boxes import check_box_routes
from fielder.compiler.codes_row import (
    codes_under,
    is_screen_name,
    points_across,
    scale_cell,
)
from fielder.compiler.entry_placeholders import entry_placeholder
from fielder.compiler.foreign_heads import english_heading
from fielder.compiler.go_to_cells import spelled_go_to
from fielder.compiler.grid_sub_rows import is_statement_row
from fielder.compiler.group_names import GROUP_MARK, named_only
from fielder.compiler.id_columns import with_id_column, with_label_text
from fielder.compiler.instructions import question_type_line
from fielder.compiler.legend_keys import expand_mark, legend_keys
from fielder.compiler.lettered_rows import lettered_rows
from fielder.compiler.lines import Line, collapse, is_caps_instruction, split_text
from fielder.compiler.market_columns import market_notes
from fielder.compiler.numbered_columns import numbered_answer_columns
from fielder.compiler.options import SPECIFY_RE, parse_option_text
from fielder.compiler.point_rows import item_points, point_row_lines
from fielder.compiler.point_spans import packed_scale, point_span
from fielder.compiler.self_coded_cells import cell_code, self_coded
from fielder.compiler.sheet_heads import expand_question_abbreviation, unit_id_heading
from fielder.compiler.sheet_logic import (
    CHECK_HEAD_RE,
    FILTER_HEAD_RE,
    ROUTE_HEAD_RE,
    constraint_note,
    expression_words,
    is_name_head,
    is_self_check,
)
from fielder.compiler.sheet_scales import grid_type, item_letter, noted_scale, scale_key
from fielder.compiler.slashed_codes import bracketed_end_points, coded_slash_parts
from fielder.compiler.source_columns import with_source_column
from fielder.compiler.styled_cell_notes import styled_note_lines
from fielder.compiler.typed_hints import (
    BOX_TYPES as _BOX_TYPES,
)
from fielder.compiler.typed_hints import (
    is_box_line,
    is_carried_list,
    is_typed_hint,
)
from fielder.compiler.workbook_rows import grid_columns_follow, workbook_rows
from fielder.documents.model import Block, Cell

_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "id": (
        "question id",
        "question no.",
        "question code",
        "item id",
        "variable name",
        "var name",
        "q#",
        "q no",
        "qno",
        "q. no",
        "question no",
        "question number",
        "qid",
        "id",
        "no.",
        "no",
        "#",
        "number",
        "ref",
        # "Q ref" (read "question ref"), "Question reference": the question's reference, its id
        "question ref",
        "question reference",
        "reference",
        "variable",
        "var",
        "q",
    ),
    "text": (
        "question text",
        "question",
        "wording",
        "text",
        "question wording",
        "item",
        # "Prompt shown in the app", "Prompt text": an app or chatbot spec's words to the user
        "prompt",
    ),
    "options": (
        "response options",
        "responses",
        "response",
        "answers",
        "answer options",
        "options",
        "answer",
        "answer list",
        "response list",
        "categories",
        "value label",
        "value labels",
        "answer label",
        "response label",
        "code label",
        "category",
        "coding categories",
        "coding",
        "precodes",
        "choices",
        "answer choices",
        "choice",
    ),
    "code": ("code", "codes", "value", "values", "punch"),
    "type": (
        "type",
        "question type",
        "item type",
        "format",
        "response type",
        # "Answer type" holding "Single" / "Open (long)": the type, not the answers
        "answer type",
        "resp. type",  # "Resp. type": the response type, shortened
        "resp type",
        "answer format",
        "response format",
        # "Kind" holding "pick one" / "tick boxes": an owner's own word for the type
        "kind",
        "question kind",
        "answer kind",
    ),
    "instructions": (
        "programming instructions",
        "instructions",
        "programming",
        "routing",
        "logic",
        "notes",
        "instruction",
        "route",
        "prog notes",
        "skip",
        "comments",
        "scripting",
        # "Scripter notes", "Programmer instructions": whose notes, then the notes
        "scripter",
        "script notes",
        "programmer",
        # "Interviewer / CAPI note": the interviewer's and the program's notes on the question
        "interviewer",
        "go to",
        "goto",
        "skip to",
        "action",  # "Action" in a CRF: what follows an answer ("No → NOT ELIGIBLE (stop)")
        "actions",
        "next",  # "Next": where to go after the item ("if c05==2 → D01")
        "next item",
        "branch",  # "Branch": where to go after answering ("7 → jump to P14")
        "validation",  # "Validation / notes": a range or a check on the answer
        # "Status" holding "TERM" on an answer's row, "Spec / mask" holding "RANGE 0-50"
        "status",
        "spec",
        "spec / mask",
        "mask",
    ),
    # "Filter" holding "S4=1" / "ALL": whom the question is asked
    "condition": (
        "show if",
        "display if",
        "ask if",
        "display logic",
        "condition",
        "shown if",
        "filter",
        # "Base / filter" holding "S1=1,2": the base is whom the question is asked
        "base",
        # "Show when" holding "X5 = Yes": a product spec's word for the same filter
        "show when",
        "shown when",
        "display when",
        "displayed when",
        "appears when",
        "ask when",
        "asked when",
        "visible when",
        # "Asked of" holding "All" / "W4 = 1-5": whom the question is put to
        "asked of",
        "ask of",
        "asked to",
        "shown to",
        "who is asked",
        # "Who sees it?" holding "only if #6 is Yes": the owner's words for the same filter
        "who sees it",
        "who sees this",
        "who gets it",
        "who gets this",
        "who answers",
        "who answers it",
    ),
}
_LABEL_WORDS = ("label", "labels")
_HEAD_PARTS_RE = re.compile(r"\s*(?:/|&|\+|\band\b)\s*")
_NOTE_ROLES = ("instructions", "more_instructions", "extra")
# "Answer code", "Response value", "Category no.": an answer's code column, named after answers
_ANSWER_CODE_HEAD_RE = re.compile(
    r"^(?:answer|response|option|choice|category|value)s?\s+(?:codes?|values?|no\.?|numbers?|punch)$"
)
# "Answer type / answers", "Type & options": one column holding the type, then the answers
_TYPED_ANSWERS_HEAD_RE = re.compile(
    r"^(?:(?:answer|response|question|input)\s+)?(?:type|format|widget)\s*(?:/|&|\+|\band\b)\s*"
    r"(?:answers?|responses?|options|choices|values|(?:answer|response)\s+options)$"
)
# a type line's words for the control the user answers with ("0–10 button row", "Text area")
_CONTROL_RE = re.compile(
    r"\b(?:buttons?|button\s+row|field|box|area|card|radio|check\s*box(?:es)?|drop-?down|slider|"
    r"toggle|picker|selector)\b",
    re.I,
)
# a text column's head that also names the answers ("Question / responses", "Question and
# answer options"): the answers sit on the rows under the question, in the same column
_ANSWERS_UNDER_RE = re.compile(r"\b(?:answers?|responses?|options|categories)\b")
_ID_RE = re.compile(r"^[A-Za-z]{0,8}[_.-]?\d{0,3}[a-z]?(?:[._]\d{1,2}[a-z]?)?$")
# "SECTION B", "Part 2", "BLOCK C" in the id column: a part's title row, not a question
# (and in the languages of the part words: "BLOQUE B", "SEZIONE 2", "TEIL C", "PARTIE 3")
_SECTION_ID_RE = re.compile(
    r"^(?:section|part|block|module|secci[oó]n|se[cç][cç]?[aã]o|bloque|bloco|blocco|sezione|"
    r"parte|partie|teil|abschnitt|m[oó]dulo|modul)\s+[A-Za-z0-9]{1,3}$",
    re.I,
)
# "LOOP | STORE LOOP – Q6 TO Q8 | … | ASK FOR EACH STORE …": a loop's (or repeat's) opening row
# in the id column is the loop's title and its condition, never a question
_FLOW_ID_RE = re.compile(r"^(?:(?:START|BEGIN|END)\s+)?(?:LOOP|REPEAT)$", re.I)


_ROLE_RES = {
    role: re.compile(
        "^(?:" + "|".join(re.escape(w) + ("" if len(w) > 3 else "$") for w in words) + ")"
    )
    for role, words in _COLUMN_WORDS.items()
}


def _header_words(cell: str) -> str:
    """ "QuestionText", "Question_Text": an import template's column name as plain words."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", cell.strip())
    words = collapse(spaced).lower().rstrip(":")
    if len(words) > 40:
        # "Question text (exactly as the respondent should see it)": a template's column name
        # with a note on how to fill it in; the name is the words before the bracket
        words = re.sub(r"\s*\([^()]*\)\s*$", "", words).rstrip(":")
    return words


def _columns(header: tuple[str, ...]) -> dict[str, int]:
    """The role of each column a header row names ("text", "options", "code", …) by index."""
    return dict(_column_roles(header))


@functools.lru_cache(maxsize=1024)
def _column_roles(header: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    # cached: every table's first rows are tried as a header by several layouts
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = unit_id_heading(expand_question_abbreviation(english_heading(_header_words(cell))))
        if not name or len(name) > 40:
            continue
        exact = [role for role, words in _COLUMN_WORDS.items() if name in words]
        if exact and exact[0] != "text" and exact[0] not in found:
            found[exact[0]] = index  # "Answer format" is the type, not the answers
            continue
        if _TYPED_ANSWERS_HEAD_RE.match(name) and "options" not in found:
            # the answers' column also opens each cell with the type ("Radio", "Checkboxes")
            found["options"] = index
            found.setdefault("type", index)
            continue
        if name == "item" and "id" not in found:
            found["id"] = index  # "Item" before a "Question" column numbers the questions
            continue
        if _ANSWER_CODE_HEAD_RE.match(name) and "code" not in found:
            found["code"] = index  # "Answer code" beside "Answer label": the codes, not the words
            continue
        if re.fullmatch(r"(?:[\w'’]+\s+){1,2}(?:comments|notes|remarks)", name) and not any(
            p.match(name) for p in _ROLE_RES.values()
        ):
            # "Client comments", "Agency notes": whoever wrote them, notes on the question
            name = "notes"
        if not any(p.match(name) for p in _ROLE_RES.values()):
            # "Guidance / routing", "Help & skip": a note column named twice, its second name
            # one a column's role is known by
            name = next(
                (p for p in _HEAD_PARTS_RE.split(name)[1:] if _ROLE_RES["instructions"].match(p)),
                name,
            )
        if not any(p.match(name) for p in _ROLE_RES.values()):
            # "Show logic", "Relevant", "Jump logic", "Constraint", a "name" beside the id:
            # a logic column or the rows' variable names, whatever the heading's exact words
            if is_name_head(name) and "id" in found:
                found.setdefault("name", index)
                continue
            name = (
                "show if"
                if FILTER_HEAD_RE.search(name) and "condition" not in found
                else "routing"
                if ROUTE_HEAD_RE.search(name) or CHECK_HEAD_RE.search(name)
                else name
            )
        for role, pattern in _ROLE_RES.items():
            if pattern.match(name) and role == "instructions" and role in found:
                # "Routing" and "Notes" columns; "Routing | Status | Spec": a third as well
                extra = "more_instructions" if "more_instructions" not in found else "extra"
                found.setdefault(extra, index)
                break
            if role not in found and pattern.match(name):
                found[role] = index
                break
    labels = [i for i, c in enumerate(header) if c.strip().lower().rstrip(":") in _LABEL_WORDS]
    if "options" not in found and "code" in found and labels:
        found["options"] = labels[0]  # "Value | Label": a codebook's answer words beside the code
    text_head = english_heading(_header_words(header[found["text"]])) if "text" in found else ""
    if "options" not in found and "code" in found and _ANSWERS_UNDER_RE.search(text_head):
        # "Question / answers | Code", "Question / responses": answers under the question
        found["options"] = found["text"]
    if "options" not in found and "code" in found:
        found["options"] = found.pop("code")  # "Codes" alone: "1=Yes; 2=No" in one cell
    ident = found.get("id")
    if "text" not in found and ident is not None and header[ident].strip().lower() == "item":
        found["text"] = found.pop("id")  # "Item" alone holds the items' wording
    found = with_source_column(header, found)  # a translation workbook's source column
    return tuple(found.items())


def _header_index(block: Block) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(block.rows[:15]):
        columns = with_label_text(block, index, _columns(tuple(c.text for c in row)))
        if "text" in columns and ("options" in columns or "id" in columns or "type" in columns):
            return index, with_id_column(block, index, columns)
    return None


_LONE_ID_RE = re.compile(r"^(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?(?:[._]\d{1,2})?|\d{1,3}[a-z]?)[.:)]?$")


def _id_rows(block: Block) -> int:
    """Rows whose first cell is only a question label and another cell reads as a question."""
    return sum(_is_id_row(row) for row in block.rows)


def _is_id_row(row: tuple[Cell, ...]) -> bool:
    return (
        len(row) >= 2
        and bool(_LONE_ID_RE.match(row[0].text.strip()))
        and any(len(c.text.split()) >= 3 and _asks(c.text) for c in row[1:])
    )


def _asks(text: str) -> bool:
    """A cell that reads as a question, not an answer ("1 | Harbour Building Society")."""
    from fielder.compiler.classify import looks_like_question

    return looks_like_question(text) or len(text.split()) >= 12


def is_sheet_table(block: Block) -> bool:
    """True for a table laid out as a whole questionnaire: a header row naming its columns,
    or a first column holding the question labels."""
    if _header_index(block) is not None:
        return True
    # "Code | Answer | Instruction" over "3 | Does not fit at all": a headed answer list, its
    # first column the answers' codes (an answer may open like a question: "Does not …")
    headed = bool(block.rows) and _CODE_HEAD_RE.match(block.rows[0][0].text.strip())
    return not headed and (_id_rows(block) >= 2 or _one_question_table(block))


def _one_question_table(block: Block) -> bool:
    """A print view's table per question: "3) | Which …?" over rows whose first cell is empty
    (the answers, one a row)."""
    rows = block.rows
    return bool(rows) and _is_id_row(rows[0]) and all(not row[0].text.strip() for row in rows[1:])


# ("Precode": the code column's name in Forsta/Confirmit and DP specs)
_CODE_HEAD_RE = re.compile(r"^(?:codes?|code\s+no\.?|value|punch|pre-?codes?)$", re.I)


_NOTES_SHEET_WORDS = (
    # "Enumerator notes", "Interviewer instructions": whose notes they are may come first
    r"(?:read\s*_?me|(?:[a-z]+[\s_]+)?(?:instructions?|notes|guide)|help|about|(?:change\s*)?log|"
    r"version(?:s|\s+history|\s+log)?|"
    # a form tool's "settings" sheet: the form's title, id, version and language
    r"(?:form\s+)?settings|"
    # "Brand list": the brands with their codes, for coding open answers, after the questions
    r"(?:brand|product)\s+lists?|"
    r"quotas?|quota\s+plan|sample\s+plan|legend|key|abbreviations|glossary|"
    # a translation workbook's "Query log": translators' questions and the answers they got
    r"(?:translation\s+)?quer(?:y|ies)(?:\s+log)?|"
    # the change log and notes in the questionnaire's own language ("Änderungen",
    # "Wijzigingen", "Historique", "Cambios", "Hinweise")
    r"[äa]nderungen|[äa]nderungshistorie|versionshistorie|hinweise|wijzigingen|versies|"
    r"historique|modifications|cambios|versiones|modifiche|"
    # … and named with the word for a record of them ("Control de cambios", "Controle de
    # alterações", "Suivi des modifications", "Registro modifiche", "Änderungsprotokoll")
    r"(?:control|registro|historial)\s+de\s+(?:cambios|versiones)|"
    r"(?:controle|hist[óo]rico)\s+de\s+(?:altera[çc][õo]es|vers[õo]es)|altera[çc][õo]es|"
    r"suivi\s+des\s+(?:modifications|versions)|(?:registro|storico)\s+(?:delle\s+)?"
    r"(?:modifiche|versioni)|[äa]nderungsprotokoll)"
)
# "Quotas and log", "Notes & legend": two such sheets' contents kept on one sheet
_NOTES_SHEET_RE = re.compile(
    rf"{_NOTES_SHEET_WORDS}(?:\s*(?:,|&|\+|/|\band\b)\s*{_NOTES_SHEET_WORDS})*", re.I
)


def is_notes_sheet(block: Block) -> bool:
    """A workbook sheet named "README" or "Instructions": notes on using the file; a "Quotas"
    sheet between the questionnaire's sheets is the fieldwork plan, a "Legend" the meaning of
    the type codes, a "Brand list" the coding frame of open mentions: not questions."""
    return bool(block.style and _NOTES_SHEET_RE.fullmatch(block.style.strip()))


def _row_names(rows: tuple[tuple[Cell, ...], ...], columns: dict[str, int]) -> dict[str, str]:
    """Each row's variable name to its id, where the sheet has both columns."""
    at, ident = columns.get("name"), columns.get("id")
    if at is None or ident is None:
        return {}
    found: dict[str, str] = {}
    for row in rows:
        if max(at, ident) < len(row):
            name, label = row[at].text.strip(), row[ident].text.strip()
            if name and label and " " not in name and " " not in label:
                found.setdefault(name, label)
    return found


def _logic_words(cell: str, names: dict[str, str]) -> str:
    """A logic cell in a form tool's expressions read in the condition reader's words: a check
    on the answer itself becomes its bounds (or nothing), a test names the rows' ids."""
    if is_self_check(cell):
        return constraint_note(cell)
    return expression_words(cell, names)


def _cell(row: tuple[str, ...], columns: dict[str, int], role: str) -> str:
    index = columns.get(role)
    if index is None or index >= len(row):
        return ""
    return row[index]


def _code(value: str) -> str | None:
    value = value.strip()
    if re.fullmatch(r"-?\d+\.0+", value):
        return str(int(float(value)))
    # "01" … "12" typed as text in the code column: the written code keeps its zero
    return value or None


def sheet_lines(block: Block) -> list[Line]:
    """The rows of a questionnaire table as lines: before the header, plain text lines."""
    header = _header_index(block)
    if header is None:
        return _id_column_lines(block)
    start, columns = header
    across = [
        index
        for index, cell in enumerate(block.rows[start])
        if re.fullmatch(
            r"(?:option|answer|ans|choice|response|item)\.?\s*#?\s*\d{1,2}", cell.text.strip(), re.I
        )
    ]
    if not across and "options" not in columns:
        # "R1 | R2 | … | R11": answer columns numbered under a short prefix
        across = numbered_answer_columns([c.text for c in block.rows[start]], columns["text"])
    typed_at = columns["options"] if columns.get("type", -1) == columns.get("options") else None
    width = max(len(r) for r in block.rows)
    if typed_at is not None:
        columns = {
            **columns,
            "type": width,
        }  # each row's type line, split off into a cell of its own
    lines: list[Line] = []
    for row_cells in block.rows[:start]:
        text = collapse(" ".join(c.text for c in row_cells))
        if text:
            lines.append(Line(text=text, raw=text, start=block.start, page=block.page))
    previous = ""
    in_rows = False
    parent_notes = ""  # the notes of the last question row, which may name its grid rows
    in_example = False
    lettered = False  # statements lettered a, b, c under a scale header row
    notes_at = {columns[r] for r in _NOTE_ROLES if r in columns}
    heads = [c.text for c in block.rows[start]] + [""] * 64
    # "T = TERMINATE, Q = CHECK QUOTA" above the headings: the marks of the logic column
    keys = legend_keys([" ".join(c.text for c in r) for r in block.rows[:start]])
    body = workbook_rows(block.rows[start + 1 :], columns, notes_at)
    # the logic columns, and each row's variable name beside its id ("No. | name | …"): the
    # names a form tool's expressions use for the questions
    logic_at = {columns[r] for r in ("condition", *_NOTE_ROLES) if r in columns}
    names = _row_names(body, columns)
    # "UK | IE | DE …" tick columns: the markets a question is asked in, a filter on the country
    markets = market_notes(block.rows[start], body, columns)
    skip_to = 0  # rows already read as part of a run above
    for place, row_cells in enumerate(body):
        if place < skip_to:
            continue
        raw = tuple(c.text for c in row_cells)
        if typed_at is not None:
            raw = _type_line_apart(raw, typed_at, width)
        row = tuple(collapse(c) for c in raw)
        row = tuple(
            _note_lines(raw[i]) if i in notes_at and i < len(raw) else c for i, c in enumerate(row)
        )
        if logic_at:
            row = tuple(_logic_words(c, names) if i in logic_at else c for i, c in enumerate(row))
            raw = tuple(_logic_words(c, names) if i in logic_at else c for i, c in enumerate(raw))
        if keys:  # the key's marks first: a keyed "X" under "Routing" is no bare go-to target
            row = tuple(expand_mark(c, keys) if i in notes_at else c for i, c in enumerate(row))
            raw = tuple(expand_mark(c, keys) if i in notes_at else c for i, c in enumerate(raw))
        row = tuple(spelled_go_to(c, heads[i]) if i in notes_at else c for i, c in enumerate(row))
        ident = _cell(row, columns, "id")
        run = [] if ident or "options" not in columns else _point_run(body, place, columns)
        if run:
            # "a. Cereals | 0 1 2 … 7" rows under the question: a grid's rows and points
            lines.extend(point_row_lines(run, row_cells[0].start) or [])
            skip_to = place + len(run)
            continue
        if ident and ident == previous:
            # One row per answer with the question repeated on each: only the answer is new.
            blank = {columns[r] for r in ("id", "text") if r in columns}
            row = tuple("" if i in blank else c for i, c in enumerate(row))
            raw = tuple("" if i in blank else c for i, c in enumerate(raw))
        row_notes = [_cell(row, columns, r) for r in ("type", *_NOTE_ROLES)]
        statement = is_statement_row(ident, previous, row_notes, parent_notes)
        if ident and previous and (_sub_row(ident, previous, row_notes[0]) or statement):
            # "Q5_1 | row | My pet enjoys…" under the grid Q5: a statement of Q5, not a question.
            if not in_rows:
                lines.append(Line(text="Rows:", raw="Rows:", start=row_cells[0].start))
            in_rows = True
            words = _cell(row, columns, "text") or _cell(row, columns, "options")
            lines.append(Line(text=words, raw=words, is_option=True, start=row_cells[0].start))
            continue
        if ident:
            in_example = is_template_example(row, columns)
        if in_example:
            continue  # the template's worked example, and the answers on the rows under it
        if in_rows and not ident and grid_columns_follow(row_cells, columns):
            # "Q8_c | 1 | Strongly disagree" after the grid's statements: its answer columns
            lines.append(Line(text="Columns:", raw="Columns:", start=row_cells[0].start))
        in_rows = False
        previous = ident or previous
        parent_notes = " ".join(row_notes) if ident else parent_notes
        if _PAGE_BREAK_RE.match(_cell(row, columns, "type")):
            # a survey tool's "Page break" row: a new page, its words the page's title
            lines.append(Line(text="", raw="", kind="page_break", start=row_cells[0].start))
            title = _cell(row, columns, "text")
            if title:
                lines.append(Line(text=title, raw=title, kind="heading", start=row_cells[0].start))
            continue
        key = scale_key(row, columns["options"]) if "options" in columns else None
        if key is not None:
            # "Statement | 1  Disagree strongly | 2  Disagree …": the battery's scale
            lines.append(Line(text="", raw=key, instructions=[key], start=row_cells[0].start))
            lettered = True
            continue
        lettered = lettered and not ident
        if lettered and "code" in columns and item_letter(_cell(row, columns, "code")):
            row = tuple("" if i == columns["code"] else c for i, c in enumerate(row))
            raw = tuple("" if i == columns["code"] else c for i, c in enumerate(raw))
        key_points = None if ident else scale_cell(_cell(row, columns, "text"))
        if key_points:
            # the grid's scale in one cell; the lettered items under it are its rows
            lines.append(Line(text="Columns:", raw="Columns:"))
            lines.extend(Line(text=w, raw=w, code=c, is_option=True) for c, w in key_points)
            lines.append(Line(text="Rows:", raw="Rows:"))
            continue
        across_points = None if ident else points_across(list(row[columns["text"] :]))
        if across_points:
            # "0 Not at all likely | 1 | … | 10 Extremely likely" under the question's row
            lines.extend(Line(text=w, raw=w, code=c, is_option=True) for c, w in across_points)
            continue
        at = columns.get("text")
        styled = styled_note_lines(row_cells[at]) if at is not None and at < len(row_cells) else []
        row, cell_notes = _caps_lines_apart(row, raw, columns, styled)
        if styled and at is not None:
            # (the grid's lettered items are read from the cell without its styled notes)
            kept_raw = "\n".join(p for p in raw[at].split("\n") if p.strip() not in styled)
            raw = tuple(kept_raw if i == at else c for i, c in enumerate(raw))
        grid = _item_grid(raw, columns)
        if grid is not None:
            row = tuple(grid[0] if i == columns["text"] else c for i, c in enumerate(row))
        row_items = (
            lettered_rows(
                _cell(raw, columns, "text"),
                _cell(raw, columns, "options"),
                _answers_below(body, place, columns),
            )
            if grid is None and columns.get("options") != columns.get("text")
            else None
        )
        if row_items is not None:  # "How satisfied …? a. The staff b. The wait": a grid's rows
            row = tuple(row_items[0] if i == columns["text"] else c for i, c in enumerate(row))
        in_cell = (
            answers_in_cell(_cell(raw, columns, "text"))
            if ident and "options" not in columns and "text" in columns
            else None
        )
        if in_cell is not None:
            # "Question and answers": the words on the first line, the answers under them
            row = tuple(in_cell[0] if i == columns["text"] else c for i, c in enumerate(row))
        found = [_row_line(row, columns)]
        if found[0] is not None:
            found[0].instructions.extend(cell_notes)
            if place in markets and found[0].label:
                found[0].instructions.insert(0, markets[place])
        if in_cell is not None and found[0] is not None and found[0].label:
            answers = tuple(in_cell[1] if i == columns["text"] else c for i, c in enumerate(raw))
            found.extend(_cell_options(answers, {**columns, "options": columns["text"]}))
        if grid is not None and found[0] is not None and found[0].label:
            found.extend(grid[1])
        else:
            own = columns.get("options") != columns.get("text")  # answers on rows of their own
            found.extend(_cell_options(raw, columns) if found[0] and found[0].label and own else [])
            if row_items is not None and found[0] is not None and found[0].label:
                found[1:1] = row_items[1]
        if found[0] is not None and found[0].label and across:
            # "Option 1 | Option 2 | …": the answers across the question's row.
            cells = [row[i] for i in across if i < len(row) and row[i]]
            coded = self_coded(cells)
            found.extend(
                _across_answer(row[i], block.rows[start][i].text, coded)
                for i in across
                if i < len(row) and row[i]
            )
        noted = _noted_grid_scale(row, columns) if found[0] and found[0].label else None
        if noted:
            # "Q10 | Rate each … | | GRID | | SCALE: 1 Very poor / 2 Poor / …": the battery's
            # scale written in its note; the lettered items under it are its rows
            found.append(Line(text="Columns:", raw="Columns:"))
            found.extend(Line(text=w, raw=w, code=c, is_option=True) for c, w in noted)
            found.append(Line(text="Rows:", raw="Rows:"))
            lettered = True
        _move_option_tag(found, _cell(row, columns, "instructions"))
        _own_row_filter(found)
        if found[0] is not None and found[0].label:
            _route_level_answers(found, row_cells, columns)
        for line in found:
            if line is not None:
                line.start, line.end, line.page = row_cells[0].start, row_cells[-1].end, block.page
                lines.append(line)
    return lines


# "Only if you ticked 2 at Q4", "(Only answer this if …)": a filter in the respondent's words
_ROW_FILTER_RE = re.compile(
    r"^\(?\s*(?P<filter>(?:only|answer\s+(?:this\s+)?only)\s+(?:if|when)\b[^?()]{4,100}?)[.\s]*\)?$",
    re.I,
)


def _own_row_filter(found: list[Line | None]) -> None:
    """A filter written last in the row's answers ("Only if you ticked 2 at Q4" under the
    answer list) is the row's own question's: the table's row bounds the question, so the
    note cannot open the next one, as it would under answers in running text."""
    head = found[0] if found else None
    last = found[-1] if len(found) > 1 else None
    if head is None or not head.label or last is None:
        return
    match = _ROW_FILTER_RE.match(last.text.strip())
    if match is None:
        return
    condition = re.sub(
        r"^\S+\s+(?:this\s+)?(?:only\s+)?(?:if|when)\s+", "", match["filter"], flags=re.I
    )
    head.instructions.append(f"ASK IF {condition.strip()}")
    found.pop()


def _answers_below(body: tuple[tuple[Cell, ...], ...], place: int, columns: dict[str, int]) -> bool:
    """True when the row after this one is an answer of its own: no id, a code."""
    if place + 1 >= len(body) or "code" not in columns:
        return False
    following = tuple(c.text.strip() for c in body[place + 1])
    return not _cell(following, columns, "id") and bool(_code(_cell(following, columns, "code")))


def _type_line_apart(raw: tuple[str, ...], at: int, width: int) -> tuple[str, ...]:
    """ "Radio / Yes / No" in a "Type / answers" column: the first line is the type when it
    names one ("Checkboxes, max 2", "Number field, 1–5000", "0–10 button row"), the rest the
    answers; the type goes to a cell of its own past the row's last."""
    cell = raw[at] if at < len(raw) else ""
    parts = [p for p in cell.split("\n") if p.strip()]
    padded = raw + ("",) * (width - len(raw))
    if not parts:
        return (*padded, "")
    named = question_type_line(": " + parts[0])
    # "Email" over "Phone" and "Post": a box's type word over more lines is an answer
    boxed = bool(named) and named[0] in _BOX_TYPES and len(parts) > 1
    if (named and not boxed) or _CONTROL_RE.search(parts[0]):
        rest = "\n".join(parts[1:])
        return (*(rest if i == at else c for i, c in enumerate(padded)), parts[0])
    return (*padded, "")


def _noted_grid_scale(
    row: tuple[str, ...], columns: dict[str, int]
) -> list[tuple[str, str]] | None:
    """The scale key in a note cell of a row whose type cell makes it a grid, or None."""
    if not grid_type(_cell(row, columns, "type")):
        return None
    for role in _NOTE_ROLES:
        points = noted_scale(_cell(row, columns, role))
        if points:
            return points
    return None


def _point_run(
    body: tuple[tuple[Cell, ...], ...], place: int, columns: dict[str, int]
) -> list[tuple[str, str]]:
    """The lettered item rows from `place` on that share one row of points (point_rows)."""
    run: list[tuple[str, str]] = []
    for row_cells in body[place : place + 40]:
        row = tuple(collapse(c.text) for c in row_cells)
        found = (
            None
            if _cell(row, columns, "id")
            else item_points(_cell(row, columns, "text"), _cell(row, columns, "options"))
        )
        if found is None:
            break
        run.append(found)
    return run if point_row_lines(run, 0) else []


_BRACKET_CODE_RE = re.compile(r"^\[(?P<code>\d{1,4})\]\s*(?P<label>\S.*)$")


_EXAMPLE_CELL_RE = re.compile(r"^(?:examples?|example (?:only|row|question)|sample row)\.?$", re.I)
_EXAMPLE_NOTE_RE = re.compile(
    r"\(\s*(?:example|sample)\b[^)]*\)|\bdelete\s+(?:this|these|the\s+example)\s+rows?\b", re.I
)


def is_template_example(row: tuple[str, ...], columns: dict[str, int]) -> bool:
    """An agency template's worked example left in by whoever filled it in: a question row
    marked "Example" / "Example only" in a cell of its own, or whose text says "(EXAMPLE –
    DELETE THIS ROW)". It shows how to fill the template in; it is not a question."""
    if any(_EXAMPLE_CELL_RE.match(cell.strip()) for cell in row):
        return True
    return bool(_EXAMPLE_NOTE_RE.search(_cell(row, columns, "text")))


def _across_answer(cell: str, head: str, coded: bool = False) -> Line:
    """An answer in an "Ans 3" column: coded by the column's number, unless the cell starts
    with its own code ("[97] Something else", or "0 = Not at all likely" in a row whose cells
    write their codes, where a bare "5" is the point 5)."""
    own = _BRACKET_CODE_RE.match(cell)
    if own is not None:
        return Line(text=own["label"], raw=cell, code=own["code"], is_option=True)
    if coded:
        point = cell_code(cell)
        if point is not None:
            return Line(text=point[1], raw=cell, code=point[0], is_option=True)
    bare = re.fullmatch(r"\s*\[(\d{1,3})\]\s*", cell)
    if bare is not None:
        return Line(text=bare[1], raw=cell, code=bare[1], is_option=True)  # a scale's middle point
    number = re.search(r"\d{1,2}", head)
    code = number[0] if number else None
    written = re.match(r"^(?P<code>\d{1,2})\s*[–—-]\s*(?P<label>\S.*)$", cell)
    if written is not None and written["code"] == code:
        cell = written["label"]  # "1 – Very poor" in "Ans 1": the point's number, then its words
    return Line(text=cell, raw=cell, code=code, is_option=True)


def _piped(line: str) -> list[str]:
    """ "Poor (1) | Fair (2) | Good (3)": answers across one line of a cell, set apart by bars
    (or by slashes, each answer closing on its bracketed code: `slashed_codes`)."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) >= 2 and all(p and len(p.split()) <= 6 for p in parts):
        return parts
    return coded_slash_parts(line) or [line]


def _note_lines(cell: str) -> str:
    """A routing cell written one instruction per line ("SINGLE" / "IF Q1=2 THANK AND CLOSE"):
    the lines as separate sentences, unless a line runs on into the next."""
    joined: list[str] = []
    for line in (collapse(part) for part in cell.split("\n") if part.strip()):
        ends_open = (
            bool(re.search(r"(?:\b(?:AND|OR|TO|IF|THEN)|[,=&–-])$", joined[-1], re.I))
            if joined
            else False
        )
        goes_on = bool(re.match(r"(?:AND|OR|THEN|ELSE|OTHERWISE)\b|[,&]", line, re.I))
        if joined and (ends_open or goes_on):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "; ".join(joined)


_ROW_TYPE_RE = re.compile(
    r"^(?:rows?|statements?|items?|sub-?(?:items?|questions?|var\w*)?)$", re.I
)


def _sub_row(ident: str, parent: str, kind: str) -> bool:
    """A sub-variable (`Q5_1`, `Q5.a`) of the question above, marked in the type column as a row."""
    below = re.fullmatch(re.escape(parent) + r"[_.-]?(?:[rR]?\d{1,2}|[a-z])", ident)
    return below is not None and bool(_ROW_TYPE_RE.match(kind.strip()))


# a group's tag in capitals on a paragraph of its own: "MEMBERS ONLY", "FOR DRIVERS ONLY"
_ONLY_BADGE_RE = re.compile(r"^(?:FOR\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}\s+ONLY[.:!]?$")


def _caps_lines_apart(
    row: tuple[str, ...], raw: tuple[str, ...], columns: dict[str, int], styled: list[str]
) -> tuple[tuple[str, ...], list[str]]:
    """A question cell whose later paragraphs are all capitals ("CIRCLE ALL MENTIONED. PROBE:
    ANY OTHERS?"), or set in a note's grey italic (`styled_cell_notes`): those are the
    interviewer's notes, not the question's words."""
    index = columns.get("text")
    if index is None or index >= len(raw):
        return row, []
    parts = [p.strip() for p in raw[index].split("\n") if p.strip()]
    notes = [
        p for p in parts[1:] if is_caps_instruction(p) or _CAPS_HEAD_RE.match(p) or p in styled
    ]
    if len(parts) > 1 and _ONLY_BADGE_RE.match(parts[0]) and re.search(r"[a-z]{3}", parts[1]):
        notes.insert(0, parts[0])  # "PARENTS ONLY" over the question's words: its filter
    if not notes:
        return row, []
    kept = collapse(" ".join(p for p in parts if p not in notes))
    return tuple(kept if i == index else c for i, c in enumerate(row)), notes


_ITEM_RE = re.compile(r"^\(?[a-z][.)]\s+(?P<item>\S.*)$")
# "SOFT CHECK IF MORE THAN 70: 'Can I just check …'": a note headed in capitals, with its words
_CAPS_HEAD_RE = re.compile(r"^[A-Z]{2,}(?: [A-Z0-9<>=≥≤]{1,12}){1,8}:\s")


def _item_grid(raw: tuple[str, ...], columns: dict[str, int]) -> tuple[str, list[Line]] | None:
    """ "Does your household have: a) Electricity b) A radio" beside "YES NO / ELECTRICITY 1 2 /
    RADIO 1 2": a grid whose columns head the codes and whose rows are the items (the
    respondent's words in the question cell where they are listed there)."""
    text_index, options_index = columns.get("text"), columns.get("options")
    if text_index is None or options_index is None or options_index >= len(raw):
        return None
    coding = [p.strip() for p in raw[options_index].split("\n") if p.strip()]
    if len(coding) < 3:
        return None
    # the columns set apart by tabs or by runs of spaces ("YES  NO" / "RADIO<TAB>1    2")
    heads = [c.strip() for c in re.split(r"\t|\s{2,}", coding[0]) if c.strip()]
    if len(heads) < 2 or any(re.search(r"\d", h) or len(h.split()) > 4 for h in heads):
        return None
    coded = [[c.strip() for c in re.split(r"\t|\s{2,}", line) if c.strip()] for line in coding[1:]]
    if not all(
        len(c) == len(heads) + 1 and all(re.fullmatch(r"\d{1,3}", v) for v in c[1:]) for c in coded
    ):
        return None
    words = [p.strip() for p in raw[text_index].split("\n") if p.strip()]
    items = [m["item"] for m in map(_ITEM_RE.match, words) if m]
    labels = items if len(items) == len(coded) else [c[0] for c in coded]
    question = collapse(" ".join(w for w in words if not _ITEM_RE.match(w) or not items))
    lines = [Line(text=" ".join(heads), raw=coding[0], spaced="\t".join(heads))]
    for label, cells in zip(labels, coded, strict=True):
        spaced = "\t".join([label, *cells[1:]])
        lines.append(Line(text=collapse(spaced), raw=spaced, spaced=spaced))
    return question, lines


_OPTION_TAG_RE = re.compile(
    r"^(?:TERMINATE|SCREEN\s*OUT|CLOSE|EXCLUSIVE|SPECIFY|ANCHOR|FIX(?:ED)?|"
    r"(?:GO|SKIP|JUMP)\s+TO\s+\S+|"
    # "→ D1" in a routing column: an arrow and where it goes, no condition of its own
    r"(?:→|->|=>|➜|➔)\s*\w+)\W*$",
    re.I,
)


def _move_option_tag(found: list[Line | None], note: str) -> None:
    """On a question's row that also holds its first answer, a bare answer tag ("Terminate",
    "Go to Q7", "→ Q9") in the instruction column belongs to that answer, not to the question."""
    if len(found) != 2 or found[0] is None or found[1] is None or not _OPTION_TAG_RE.match(note):
        return
    if note in found[0].instructions:
        found[0].instructions.remove(note)
        found[1].instructions.append(note)


_ARROW_RE = re.compile(r"^(?:→|->|=>|>>|GO\s+TO|SKIP\s+TO)\s*\S+$", re.I)


def _route_level_answers(
    found: list[Line | None], cells: tuple[Cell, ...] | list[Cell], columns: dict[str, int]
) -> None:
    """A skip column whose arrows sit level with particular answers ("→ 105" beside the
    sixth code): each arrow belongs to the answer on its line, not to the whole question."""
    index_of = {role: columns.get(role) for role in ("instructions", "options")}
    if None in index_of.values() or max(i or 0 for i in index_of.values()) >= len(cells):
        return
    skip, answers = cells[index_of["instructions"] or 0], cells[index_of["options"] or 0]
    parts = [p.strip() for p in skip.text.split("\n")]
    if not skip.line_places or not answers.line_places or not all(map(_ARROW_RE.match, parts)):
        return
    options = found[1:]
    if len(options) != len(answers.line_places):
        return
    by_place = dict(zip(answers.line_places, options, strict=True))
    targets = [by_place.get(place) for place in skip.line_places]
    if any(t is None or not t.is_option for t in targets):
        return
    question = found[0]
    assert question is not None
    question.instructions = [n for n in question.instructions if collapse(skip.text) != n]
    for part, option in zip(parts, targets, strict=True):
        assert option is not None
        option.instructions.append(part)


def _answer_headings(block: Block) -> list[tuple[str, str | None]]:
    """ "Question | YES (1) | NO (2)" over rows of labelled questions whose cells under those
    headings are empty boxes: each row is its own question, answered with the headings."""
    if len(block.rows) < 3:
        return []
    header = [collapse(c.text) for c in block.rows[0]]
    labelled = [r for r in block.rows[1:] if r and _LONE_ID_RE.match(r[0].text.strip())]
    if len(labelled) < 2 or _LONE_ID_RE.match(header[0]):
        return []
    columns = [
        i
        for i, head in enumerate(header)
        if i
        and head
        and (
            all(i < len(r) and not re.sub(r"[\s☐□▢_\[\]]", "", r[i].text) for r in labelled)
            or _same_boxed_answer(i, labelled) is not None
        )
    ]
    heads = [header[i] for i in columns]
    if len(heads) < 2 or any(len(h.split()) > 4 or "?" in h for h in heads):
        return []
    found: list[tuple[str, str | None]] = []
    for index, head in zip(columns, heads, strict=True):
        # "☐ Yes (1)" in every row's cell: the answer and its code as the cells print them
        written = parse_option_text(_same_boxed_answer(index, labelled) or head)
        coded = written[0] if written and written[0].code and written[0].label else None
        found.append((coded.label, coded.code) if coded else (head, None))
    return found


def _same_boxed_answer(index: int, rows: list[tuple[Cell, ...]]) -> str | None:
    """The answer every row prints in its cell under one heading, after a tick box
    ("☐ Yes (1)" on each consent statement's row), without the box; or None."""
    texts = {collapse(r[index].text) if index < len(r) else "" for r in rows}
    if len(texts) != 1:
        return None
    text = texts.pop()
    box = re.match(r"^[☐□▢]\s*(?P<answer>\S.{0,40})$", text)
    return box["answer"] if box else None


def _id_column_lines(block: Block) -> list[Line]:
    """A table with labels in its first column: label rows are questions, the rest answers."""
    lines: list[Line] = []
    answers_across = _answer_headings(block)
    rows = block.rows[1:] if answers_across else block.rows
    coded_rows: set[int] = set()
    for number, cells in enumerate(rows):
        if number in coded_rows:
            continue
        texts = [collapse(c.text) for c in cells]
        first, rest = texts[0], [t for t in texts[1:] if t]
        below = [collapse(c.text) for c in rows[number + 1]] if number + 1 < len(rows) else None
        coded = codes_under(texts, below) if _LONE_ID_RE.match(first) and len(rest) >= 3 else None
        if coded:
            # "D1 | Are you…? | Male | Female" over "| code → | 1 | 2": the answers and codes
            kept, inline = split_text(texts[1])
            label = first.rstrip(".:)")
            lines.append(Line(text=collapse(kept), raw=texts[1], instructions=inline, label=label))
            lines.extend(Line(text=a, raw=a, code=c, is_option=True) for a, c in coded)
            coded_rows.add(number + 1)
            continue
        if not rest:
            if first:
                lines.append(Line(text=first, raw=first, start=cells[0].start, page=block.page))
            continue
        if _LONE_ID_RE.match(first) or is_screen_name(first):
            cell_lines = [
                t.strip() for t in next(c.text for c in cells[1:] if c.text.strip()).split("\n")
            ]
            cell_lines = [t for t in cell_lines if t]
            kept, inline = split_text(cell_lines[0] if len(cell_lines) > 1 else rest[0])
            raw_rest = [c.text for c in cells[1:] if c.text.strip()][1:]
            answers = [r for r in raw_rest if _answer_cell(r)]
            if len(cell_lines) > 1:
                # The question and its answers in one cell, one per paragraph.
                answers.insert(0, "\n".join(cell_lines[1:]))
            lines.append(
                Line(
                    text=collapse(kept),
                    raw=cell_lines[0] if len(cell_lines) > 1 else rest[0],
                    instructions=inline + [collapse(r) for r in raw_rest if r not in answers],
                    label=first.rstrip(".:)"),
                    start=cells[0].start,
                    page=block.page,
                )
            )
            for answer in (a for cell in answers for a in _answer_lines(cell)):
                answer.start, answer.page = cells[0].start, block.page
                lines.append(answer)
            for label, code in answers_across:
                # the answers named in the headings, for this row's question
                lines.append(
                    Line(text=label, raw=label, code=code, is_option=True, start=cells[0].start)
                )
            continue
        codes = [t for t in rest if re.fullmatch(r"\d{1,3}", t)]
        words = [t for t in ([first] if first else []) + rest if not re.fullmatch(r"\d{1,3}", t)]
        label = words[0] if words else (codes[0] if codes else "")
        kept, inline = split_text(label)
        lines.append(
            Line(
                text=collapse(kept),
                raw=label,
                instructions=inline + words[1:],
                code=codes[0] if codes else None,
                is_option=True,
                start=cells[0].start,
                page=block.page,
            )
        )
    return lines


def _answer_cell(text: str) -> bool:
    """A cell holding the answers (one per line: "1. Daily", "5 Excellent") or an answer box."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    if len(parts) == 1 and re.search(r"_{3,}", parts[0]):
        return True
    coded = sum(1 for p in parts if parse_option_text(p))
    return len(parts) >= 2 and coded >= len(parts) - 1


def _answer_lines(text: str) -> list[Line]:
    found = []
    for part in (p.strip() for p in text.split("\n") if p.strip()):
        kept, inline = split_text(part)
        found.append(
            Line(
                text=collapse(kept),
                raw=part,
                spaced=kept.strip(),
                instructions=inline,
                is_option=False,
            )
        )
    return found


_PACKED_RE = re.compile(r"(?:^|[;,|]\s*)\d{1,3}\s*[=:.)-]\s*\w")


_PAGE_BREAK_RE = re.compile(r"^\s*(?:page\s*break|new\s+page)\s*$", re.I)
_LIMIT_RE = re.compile(r"^(?P<end>min|max)(?:imum)?\s*[:=]?\s*(?P<n>-?\d+(?:\.\d+)?)$", re.I)


def number_limits(labels: list[str]) -> str | None:
    """A number question's answers cell "min 1" / "max 40": its range, as an instruction."""
    found = [_LIMIT_RE.match(label) for label in labels]
    if not labels or not all(found):
        return None
    ends = {m["end"].lower(): m["n"] for m in found if m}
    if "min" in ends and "max" in ends:
        return f"RANGE {ends['min']} TO {ends['max']}"
    return f"MINIMUM {ends['min']}" if "min" in ends else None


def _cell_options(raw: tuple[str, ...], columns: dict[str, int]) -> list[Line | None]:
    """Options written one per line inside the question's own row (codes likewise)."""
    from fielder.compiler.classify import is_date_box

    barred = _bar_answers(_cell(raw, columns, "options"))
    if barred is not None:
        return barred
    both = _grid_spec(_cell(raw, columns, "options"))
    if both is not None:
        return both
    labels = [t.strip() for t in _cell(raw, columns, "options").split("\n") if t.strip()]
    labels = [t for t in labels if not re.fullmatch(r"[—–-]+|n/?a", t, re.I)]  # "—": none
    limits = number_limits(labels)
    if limits is not None:
        return [Line(text="", raw=limits, instructions=[limits])]
    if (
        is_typed_hint(_cell(raw, columns, "type"), labels)
        or is_carried_list(labels)
        or is_box_line(labels)
    ):
        return [Line(text="", raw=label, instructions=[label]) for label in labels]
    if len(labels) == 1 and _names_other_list(labels[0]):
        # "Use the codes from C1" where the answers go: a note reusing that question's list
        return [Line(text="", raw=labels[0], instructions=[collapse(labels[0])])]
    listed = [p.strip() for p in re.split(r"\s*;\s*", labels[0])] if len(labels) == 1 else []
    slashed = [p.strip() for p in labels[0].split(" / ")] if len(labels) == 1 else []
    if len(listed) >= 2 and all(p and len(p.split()) <= 8 for p in listed):
        labels = listed  # "Weekly; Monthly; Rarely"
    elif (
        len(slashed) >= 2
        and all(p and len(p.split()) <= 6 for p in slashed)
        # "Date: __ / __ / ____": boxes to fill in, no answers
        and all(re.search(r"[^\W_]", p) for p in slashed[1:])
        and not _BAR_HEAD_RE.match(labels[0])
    ):
        labels = slashed  # "Yes / No / It's expired": an owner's answers in one cell
    elif len(labels) == 1 and len(_PACKED_RE.findall(labels[0])) >= 2:
        labels = [
            p.strip()
            for p in re.split(r"\s*[;|]\s*|,\s*(?=\d{1,3}\s*[=:.)-])", labels[0])
            if p.strip()
        ]
    labels = [part for label in labels for part in _piped(label)]
    codes = [t.strip() for t in _cell(raw, columns, "code").split("\n") if t.strip()]
    if len(codes) != len(labels):
        codes = []
    ends = bracketed_end_points(labels) if not codes else None
    if ends:
        # "0 (Not at all likely) / 1 / … / 10 (Extremely likely)": the scale's points, the
        # bracketed words its end labels
        return [Line(text=w, raw=w, code=c, is_option=True) for c, w in ends]
    found: list[Line | None] = []
    heads = category_heads(labels) if not codes else set()
    for index, label in enumerate(labels):
        if index in heads:  # "PIPED WATER" over its coded kinds: a group's name, no answer
            found.append(Line(text="", raw=label))
            continue
        if not codes and _SLASHED_HEAD_RE.match(label):
            # "ROWS: Noise / Light / Heat" on a line of the cell: the whole list, read as the same
            # line typed in a document
            found.append(Line(text=collapse(label), raw=label))
            continue
        head = _BAR_HEAD_RE.match(label)
        if head:  # "Rows: Focused work" … "Columns: Poorly": a grid's two lists in one cell
            word = "Rows:" if head["head"].lower().startswith("row") else "Columns:"
            found.append(Line(text=word, raw=word))
            label = head["rest"].strip()
            if not label:
                continue
        span = point_span(labels, index) if not codes else []
        packed = packed_scale(label) if not codes and len(labels) == 1 else []
        if span or packed:
            # "1 – 9 (numbers only)" between the ends; "0 = Poor … 10 = Good" on one line
            points = packed or [(n, n) for n in span]
            found.extend(Line(text=w, raw=label, code=c, is_option=True) for c, w in points)
            continue
        entry = entry_placeholder(label) if not codes else None
        boxes = captioned_box_notes(label) if not codes else None
        if entry is not None or boxes is not None:
            notes = [entry] if entry is not None else boxes or []
            found.append(Line(text="", raw=label, instructions=notes))
            continue
        kept, inline = split_text(label)
        written = [] if codes else parse_option_text(kept)
        coded = bool(written and written[0].code and written[0].label)
        if (
            len(labels) == 1
            and len(written) >= 2
            and all(o.code and o.label and o.marker for o in written)
        ):
            # "☐ Yes [1]   ☐ No [0]": the cell's boxed answers across one line, each coded
            found.extend(
                Line(text=o.label, raw=label, code=o.code, is_option=True) for o in written
            )
            continue
        if (re.search(r"_{3,}|\[_+(?:\|_+)+\]", label) or is_date_box(label)) and not (
            codes or coded
        ):
            # "Number of people: ____ (1-20)", "MINUTES [__|__]": the answer box, not an answer
            # ("OTHER (SPECIFY) ____ 96", with its code, is an answer).
            box = re.search(r"\[_+(?:\|_+)+\]", label)
            text = f"{kept} {box.group(0)}" if box and box.group(0) not in kept else kept
            found.append(Line(text=collapse(text), raw=label, instructions=inline))
            continue
        code = _code(codes[index]) if codes else None
        if code is None and coded:
            kept, code = written[0].label, written[0].code
            if written[0].specify and not SPECIFY_RE.search(kept):
                # "6 other type, namely: ______": the write-in line after the answer, dropped
                # with it from the label, still asks for the specifics
                inline = [*inline, "SPECIFY"]
            if written[0].skip_to and not any(re.search(r"\bTO\b|→", n, re.I) for n in inline):
                # "No (2)   → Q14": the jump written after the answer's code stays its route
                inline = [*inline, f"GO TO {written[0].skip_to}"]
        if code is None and re.fullmatch(r"-?\d{1,3}", kept.strip()):
            code = kept.strip()  # a scale point listed with its number and no words
        kept = _without_own_code(kept, code)
        caps = kept.strip() and kept == kept.upper() and any(c.isalpha() for c in kept)
        if caps and "(SPECIFY)" in label and "(SPECIFY)" not in kept:
            # "OTHER (SPECIFY)" among answers written in capitals: the bracket is part of the
            # answer's wording (it still asks for specifics)
            kept = f"{kept.rstrip()} (SPECIFY)"
        if caps:
            # "FEMALE CHILD (UNDER 15)" among answers in capitals: a bracket of capitals that is
            # no tag for the build is part of the answer's words
            kept, inline = _caps_brackets_kept(label, kept, inline)
        found.append(
            Line(text=collapse(kept), raw=label, instructions=inline, code=code, is_option=True)
        )
    return found


_TAG_WORDS_RE = re.compile(
    r"^(?:EXCLUSIVE|SPECIFY|ANCHOR|FIX|TERMINATE|CLOSE|SCREEN|RANDOMI|ROTATE|SPONTANEOUS|VOL|"
    r"SINGLE|MULTI|OPEN|DO\s+NOT|DON'T|READ|PROBE|SHOW|GO\s+TO|SKIP|ASK|RECORD|CIRCLE|CODE)",
    re.I,
)


def _caps_brackets_kept(label: str, kept: str, inline: list[str]) -> tuple[str, list[str]]:
    """The answer's own bracketed capitals put back after its words; tags stay notes."""
    notes = []
    for note in inline:
        if f"({note})" in label and not _TAG_WORDS_RE.match(note) and f"({note})" not in kept:
            kept = f"{kept.rstrip()} ({note})"
        else:
            notes.append(note)
    return kept, notes


_BAR_HEAD_RE = re.compile(r"^(?P<head>ROWS?|COLS?|COLUMNS?)\s*:\s*(?P<rest>.*)$", re.I)
_ROW_HEAD_RE = re.compile(r"^\s*(?:ROWS?|STATEMENTS?|ITEMS?)\s*:\s*(?=\S)(?![^;|]*[;|])", re.I)
_COL_HEAD_RE = re.compile(r"^\s*(?:COL(?:UMN)?S?)\s*:\s*(?=\S)(?![^;|]*[;|])", re.I)
_SLASHED_HEAD_RE = re.compile(r"^\s*(?:ROWS?|COLS?|COLUMNS?)\s*:\s*[^/]+(?:\s/\s[^/]+){2,}$", re.I)
_BAR_CODE_RE = re.compile(r"^[A-Za-z]?\d{1,3}$")
_BOUNDS_RE = re.compile(r"^min\s*=\s*(-?\d+)\s*[;,]\s*max\s*=\s*(-?\d+)$", re.I)


# "Rows: Plant quality; Prices || Columns: Poor / Fair / Good": a grid's two lists in one line
_GRID_SPEC_RE = re.compile(
    r"^\s*(?:rows?|statements?|items?)\s*:\s*(?P<rows>[^|]+?)\s*(?:\|\|?|//)\s*"
    r"(?:cols?|columns?|scale)\s*:\s*(?P<cols>[^|]+?)\s*$",
    re.I,
)


def _grid_spec(cell: str) -> list[Line | None] | None:
    """The rows and columns of a grid written on one line, each list split by `;` or ` / `."""
    match = _GRID_SPEC_RE.match(cell.replace("\n", " "))
    if match is None:
        return None
    found: list[Line | None] = []
    for word, part in (("Rows:", match["rows"]), ("Columns:", match["cols"])):
        items = [p.strip() for p in re.split(r"\s*;\s*|\s+/\s+|\s*,\s*", part) if p.strip()]
        if len(items) < 2:
            return None
        found.append(Line(text=word, raw=word))
        found.extend(Line(text=item, raw=item, is_option=True) for item in items)
    return found


def _bar_answers(cell: str) -> list[Line | None] | None:
    """An import template's answers packed with bare bars: "Yes|No|Not sure" (codes by
    position), "1|Poor|2||3||5|Excellent" (code and label in turn, an empty label being the
    number itself), "ROWS: a|b" and "COLS: …" lines of a grid, "min=0; max=14" a number's range."""
    bounds = _BOUNDS_RE.match(cell.strip())
    if bounds:
        note = f"RANGE {bounds[1]}-{bounds[2]}"
        return [Line(text="", raw=cell, instructions=[note])]
    if "|" not in cell or " | " in cell or re.search(r"(?:^|\|)\s*\d{1,3}\s*[=:]|__", cell):
        return None  # spaced bars, "1=Yes|2=No" and boxes ("[__|__]") are read elsewhere
    found: list[Line | None] = []
    for part in (p.strip() for p in cell.split("\n") if p.strip()):
        head = _BAR_HEAD_RE.match(part)
        if head:
            word = "Rows:" if head["head"].lower().startswith("row") else "Columns:"
            found.append(Line(text=word, raw=word))
            part = head["rest"]
        pieces = [p.strip() for p in part.split("|")]
        paired = len(pieces) % 2 == 0 and all(_BAR_CODE_RE.match(c) for c in pieces[::2])
        if paired and any(pieces[1::2]):
            for code, label in zip(pieces[::2], pieces[1::2], strict=True):
                words = label or code
                found.append(Line(text=words, raw=words, code=code, is_option=True))
        elif all(pieces):
            found.extend(Line(text=p, raw=p, is_option=True) for p in pieces)
        else:
            return None
    return found


def _without_own_code(label: str, code: str | None) -> str:
    """ "0 - Not at all likely" beside the value 0: the end word's number repeats the code."""
    if not code or not code.strip():
        return label
    return re.sub(rf"^{re.escape(code.strip())}\s*[-–=:.]\s+(?=\S)", "", label)


_SECTION_BASE_RE = re.compile(r"^\s*(?:the\s+)?section\s+base\b\s*(?:and\b\s*|[.;]\s*|$)", re.I)
# a filter / route column's cells that are notes in their own right, not whom the question is for
_NOT_A_FILTER_RE = re.compile(
    r"\s*(?:ask\s+all|read\s+out|range|allow|exclusive|specify|end\s+interview|end\s+survey|"
    r"terminate|screen\s*out|code\s+(?:one|all)|multi|single|"
    # "END — under-16s get the parent version" beside an answer: that answer's screen-out
    r"(?:end|close|stop)(?=\s*(?:[—–(]|-\s|$)))\b",
    re.I,
)


# a cell that ends the survey for some ("CLOSE IF …", "thank and close", "TERMINATE IF …")
_ENDS_CELL_RE = re.compile(
    r"^\s*(?:close|terminate|screen\s*out|end\s+(?:the\s+)?(?:interview|survey))\s+if\b"
    r"|\bthank\s+(?:them\s+)?(?:and|&)\s+(?:close|end|terminate)\b",
    re.I,
)
# a filter cell that sends the others past the question: "If … (A1 = 4-6), go to E5"
_FILTER_SKIP_RE = re.compile(
    r"^\s*if\b[^()]*\((?P<test>[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|<>|≠|!=)[^()]+)\)\s*,?\s*"
    r"(?:please\s+)?(?:go|skip|jump)\s+(?:on\s+)?to\s+\w+\s*\.?\s*$",
    re.I,
)


# a filter cell that names whom the question is hidden from: "Skip if …", "Not shown if …"
_SKIP_IF_CELL_RE = re.compile(
    r"^\s*(?:skip(?:ped)?|hide|hidden|omit|not\s+(?:asked|shown|displayed)|do\s+not\s+(?:ask|show)|"
    r"don['’]t\s+(?:ask|show))\s+(?:this\s+)?(?:if|when)\s+(?P<test>\S.{2,160})$",
    re.I,
)


def _shown_when(condition: str) -> str:
    """A "ShowIf" column's bare condition ("Q8 <= 6") read as the instruction it stands for."""
    if re.fullmatch(r"\s*(?:(?:ask\s+)?all|[—–-]+|n/?a|none)\s*", condition, re.I):
        return ""  # "ALL": asked of everyone; "–": no filter
    # "Section base AND SLP2 = 1 or 2": the section's base is every question's already
    condition = _SECTION_BASE_RE.sub("", condition)
    passed = _FILTER_SKIP_RE.match(condition)
    if passed:
        # "If you are not employed (A1 = 4-6), go to E5" as whom a question is for: the others
        return f"ASK IF NOT ({passed['test'].strip()})"
    if not condition or re.match(r"(?:ask|show|display)?\s*if\b", condition, re.I):
        return condition
    skipped = _SKIP_IF_CELL_RE.match(condition)
    if skipped and not re.search(r"→|->|=>|\b(?:go|skip|jump)\s+to\b", condition, re.I):
        # "Skip if they chose None at Q6" in a "who sees it" column: everyone else sees it
        return f"ASK IF NOT ({skipped['test'].strip(' .')})"
    if _NOT_A_FILTER_RE.match(condition):
        return condition  # "ASK ALL. RANGE 50–110", "READ OUT TO ALL", "EXCLUSIVE": notes
    if _ENDS_CELL_RE.search(condition):
        # "CLOSE IF A2 = 4", "Former clients (code 4): thank and close": a screen-out written
        # in the filter column, on the question's own answers; not whom the question is for
        return condition
    if re.search(r"→|->|=>|\b(?:go|skip|jump)\s+to\b", condition, re.I):
        return condition  # "2 → END" in a "Show if / routing" column: routing, not a filter
    return f"ASK IF {condition}"


# "q9==4", "Q3 = 1, 2 or 3": a logic cell holding a test of a question and nothing else
_BARE_TEST_RE = re.compile(
    r"^\s*[A-Za-z]{1,6}\d{1,3}[a-z]?(?:_\d{1,2})?\s*(?:==?|!=|<>|<=|>=|<|>|≠|≥|≤)\s*"
    r"[\w'\"‘’“”]+(?:\s*(?:,|\bor\b)\s*[\w'\"‘’“”]+)*\s*"
    # "Q2 ≠ 7 (branch users only)": who that is, in words, after the test
    r"(?:\([a-z][^()]{0,60}\))?\s*$",
    re.I,
)
# "q0 == 2: end survey (screen out)": a test, a colon, then what happens
_TEST_THEN_RE = re.compile(
    r"^\s*(?P<test>[A-Za-z]{1,6}\d{1,3}[a-z]?(?:_\d{1,2})?\s*(?:==?|!=|<=|>=|<|>)\s*[^:]{1,40}?)"
    r"\s*:\s*(?P<then>\S.*)$",
    re.I,
)


_NOT_ASKED_RE = re.compile(
    r"^\s*not\s+(?:asked|shown|displayed)\s+(?:if|when)\s+(?P<test>.+)$", re.I
)


_INSTEAD_TAIL_RE = re.compile(
    r"\s*[–—-]\s*(?:asked|shown|used)\s+instead\s+of\s+[A-Za-z]{0,4}\d{1,3}[a-z]?\s*\.?\s*$", re.I
)


def _logic_cell(cell: str) -> str:
    """A logic column's cell in a data dictionary: a bare test is whom the question is asked
    ("q9==4" → ASK IF q9==4); a test then a colon is a rule ("q0 == 2: end survey" →
    IF q0 == 2, end survey)."""
    # "IT and PT only (S1 = 3 or 4) – asked instead of Q9": the filter; the tail only says which
    # question the group gets in place of another (that one carries its own filter)
    cell = _INSTEAD_TAIL_RE.sub("", cell)
    unless = _NOT_ASKED_RE.match(cell)
    if unless and _BARE_TEST_RE.match(unless["test"]):
        return f"ASK IF NOT ({unless['test'].strip()})"  # "not asked if q12 = 3"
    if _BARE_TEST_RE.match(cell):
        return f"ASK IF {cell.strip()}"
    rule = _TEST_THEN_RE.match(cell)
    if rule:
        return f"IF {rule['test'].strip()}, {rule['then']}"
    named = _GROUP_CELL_RE.match(cell)
    if (
        named
        and named_only(named["ref"])
        and re.search(r"[a-z]{3}s$", named["group"], re.I)
        # (a noun phrase of people: "dog owners", "new members"; not "prices in pounds")
        and len(named["group"].split()) <= 3
        and not re.search(r"\b(?:IN|OF|PER|TO|BY|FOR|FROM|WITH|AT|ON|AS)\b", named["group"], re.I)
    ):
        # "Cat owners (P01)": whom the question is for, named by answers of the question in
        # brackets (read in logic, `group_names`)
        return f"ASK IF {GROUP_MARK} {named['group'].strip()} ({named['ref'].strip()})"
    return cell


# a logic cell that is only a group of people and the question that sorts them
_GROUP_CELL_RE = re.compile(
    r"^\W*(?P<group>[^\W\d][\w'’ -]{2,50}?)\s*\((?P<ref>[^()=<>]{1,40})\)\W*$"
)


def _mostly_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


_NAMED_PART_RE = re.compile(
    r"^\W*(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{1,2}\s*[:.–—-]\s*\S"
    # ("Q13–Q14: ASK THOSE WITH A DISABILITY (Q12 = 1)": a banner over the run it names)
    r"|^\W*[A-Z]{1,3}\d{1,3}[a-z]?\s*(?:–|—|-|TO)\s*[A-Z]{1,3}\d{1,3}[a-z]?\s*:\s*\S"
)


def _section_row(words: str, code: str, columns: dict[str, int]) -> bool:
    """ "SCREENER", "HAUPTTEIL" alone in a "Question / answers" column, with no id and no code
    where the answers have codes: the name of the part that starts there, not an answer."""
    shared = "code" in columns and columns.get("options") == columns.get("text")
    # "SPENDING — M1 TO M5 FOR ADULTS ONLY": the part's name, then a note on it after a dash,
    # typed in capitals as well (a unit such as "18s" may stay lower case)
    head, _, note = words.partition(" — ") if " — " in words else words.partition(" – ")
    # ("FULLY MANAGED SECTION – L8 to L11 are for …": a head naming itself a section may have
    # its note in sentence case)
    if (
        note
        and not _mostly_caps(note)
        and not re.search(r"\b(?:SECTION|PART|BLOCK|MODULE)\b", head)
    ):
        return False
    if (
        shared
        and not code.strip()
        and _NAMED_PART_RE.match(words)
        and _mostly_caps(re.sub(r"\([^()]*\)", " ", words))
    ):
        # "SECTION C: PARTIES ONLY (Q1 = 1) – OTHERS GO TO SECTION D": a part named by its
        # letter, in capitals, whatever its note says
        return True
    words = head
    return (
        shared
        and not code.strip()
        and len(words.split()) <= 4
        and not re.search(r"\d", words)
        and words.upper() == words
        and sum(c.isalpha() for c in words) >= 4
    )


def _type_cell(cell: str) -> str:
    """ "Single (dropdown not needed)": a remark that rules a type out names no type; a form
    tool's `select_multiple coping` / `select_one yn` (the type and its list's name) is a multi
    or a single."""
    tool = re.match(r"^\s*select[_ ](one|multiple)(?:\s+\w+)?\s*$", cell, re.I)
    if tool:
        return "Multi" if tool[1].lower() == "multiple" else "Single"
    return re.sub(r"\s*\([^()]*\b(?:not|no|never)\b[^()]*\)", "", cell).strip()


def _names_other_list(text: str) -> bool:
    from fielder.compiler.parse import _SAME_AS_RE

    match = _SAME_AS_RE.search(text)
    return match is not None and len(text.split()) <= 8


def _row_line(row: tuple[str, ...], columns: dict[str, int]) -> Line | None:
    ident, text = _cell(row, columns, "id"), _cell(row, columns, "text")
    option, code = _cell(row, columns, "options"), _cell(row, columns, "code")
    notes = [
        n
        for n in (
            _type_cell(_cell(row, columns, "type")),
            _logic_cell(_cell(row, columns, "instructions")),
            _cell(row, columns, "more_instructions"),
            _cell(row, columns, "extra"),
            _shown_when(_cell(row, columns, "condition")),
        )
        if n
    ]
    routes = check_box_routes(ident) if ident and not text else None
    if routes:
        # a routing box across the table ("CHECK B2: … (B2 = 0) → GO TO B5"): its skips
        return Line(text="", raw=ident, instructions=routes)
    if ident and not _ID_RE.match(ident) and not text:
        # a section's row may carry the section's base in the routing column
        return Line(text=ident, raw=ident, kind="heading", instructions=notes)
    if (
        ident
        and text
        and " " in ident.strip()
        and not _ID_RE.match(ident)
        and (is_caps_instruction(text))
    ):
        # "VICTIM FORM | ASKED ONCE … FILTER FOR V1–V11: … ALL OTHERS GO TO B12.": a block's
        # name in the id column over its note in capitals, the title of what follows
        return Line(text=ident, raw=ident, kind="heading", instructions=[text, *notes])
    if ident and text and (_SECTION_ID_RE.match(ident) or _FLOW_ID_RE.match(ident)):
        # "SECTION B | IN EMPLOYMENT | … | Section filter: ASK IF …": the part's title row
        title = f"{ident} {text}"
        return Line(text=title, raw=title, kind="heading", instructions=notes)
    if ident and text:
        kept, inline = split_text(text)
        return Line(text=collapse(kept), raw=text, instructions=inline + notes, label=ident)
    if ident and not text:
        return Line(text="", raw=" ".join(notes), instructions=notes or [ident], label=None)
    if option and _section_row(option, code, columns):
        # "SPENDING — note": the part's name is the heading, the note after the dash its note
        title, _, note = option.partition(" — ") if " — " in option else option.partition(" – ")
        return Line(text=title, raw=option, kind="heading", instructions=[note] if note else [])
    if option:
        if not code.strip() and _names_other_list(option):
            # "SAME LIST AS Q8" where the answers go: a note that reuses that list
            return Line(text="", raw=option, instructions=[collapse(option), *notes])
        if not code.strip() and _SLASHED_HEAD_RE.match(option):
            # "ROWS: Restaurant / Café / Bar", "COLUMNS: Good (1) / Poor (2)": a grid's whole list
            # in one cell, read as the same line typed in a document
            return Line(text=collapse(option), raw=option, instructions=notes)
        if not code.strip():
            # "ROWS: Courtesy": a grid's statement under its head word, one a row, no code
            option = _ROW_HEAD_RE.sub("", option)
        else:
            # "COL: Excellent | 1" under "ROW: …" rows: a grid's coded point under its head word
            option = _COL_HEAD_RE.sub("", option)
        kept, inline = split_text(option)
        kept = _without_own_code(kept, code)
        return Line(
            text=collapse(kept),
            raw=option,
            instructions=inline + notes,
            code=_code(code),
            is_option=True,
        )
    if text:
        kept, inline = split_text(text)
        return Line(text=collapse(kept), raw=text, instructions=inline + notes)
    if re.fullmatch(r"-?\d{1,3}(?:\.0+)?", code):
        # A scale point listed with a value and no words of its own.
        return Line(text="", raw=code, instructions=notes, code=_code(code), is_option=True)
    if notes:
        return Line(text="", raw=" ".join(notes), instructions=notes)
    return None
