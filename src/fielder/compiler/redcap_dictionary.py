"""A REDCap data dictionary, as its codebook page or its column sheet → Survey IR.

REDCap prints a project's fields as a table with fixed headings (`Variable / Field Name`,
`Field Label`, and either one `Field Attributes` cell or the dictionary's own columns
`Field Type`, `Choices, Calculations, OR Slider Labels`, `Branching Logic …`). Each row is one
field: its variable name is the question's id, its type word (`radio`, `checkbox`, `yesno`,
`text (integer, Min: 1, Max: 9)`, `descriptive`, `calc` …) the question type, its branching
logic (`[q1] = '2'`, `[q4(3)] = '1'` on a checkbox) the display rule. Fields the respondent
never sees (the record id, `@HIDDEN`, calculations, the form-status field) are not questions;
a text field shown on one "other" choice is that choice's specify box; fields sharing a matrix
group are one grid, its stem the section header over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Block as DocBlock
from fielder.documents.model import Cell, Document
from fielder.ir.models import (
    IDENTIFIER,
    Attention,
    Block,
    Option,
    Question,
    Row,
    Survey,
    Validation,
)

# the dictionary's column headings, by what they hold
_COLUMNS = (
    ("name", re.compile(r"^variable\s*/\s*field\s+name|^(?:variable|field)\s+name$", re.I)),
    ("label", re.compile(r"^field\s+label", re.I)),
    ("attrs", re.compile(r"^field\s+attributes", re.I)),
    ("type", re.compile(r"^field\s+type", re.I)),
    ("choices", re.compile(r"^choices\b", re.I)),
    ("note", re.compile(r"^field\s+note", re.I)),
    ("validation", re.compile(r"^text\s+validation\s+type", re.I)),
    ("min", re.compile(r"^text\s+validation\s+min", re.I)),
    ("max", re.compile(r"^text\s+validation\s+max", re.I)),
    ("branching", re.compile(r"^branching\s+logic", re.I)),
    ("section", re.compile(r"^section\s+header", re.I)),
    ("matrix", re.compile(r"^matrix\s+group", re.I)),
    ("annotation", re.compile(r"^field\s+annotation", re.I)),
)
_TYPES = frozenset(
    "text notes radio dropdown checkbox yesno truefalse descriptive calc slider file sql".split()
)
_SHOW_IF_RE = re.compile(r"^show\s+the\s+field\s+only\s+if\s*:?\s*", re.I)
_SECTION_RE = re.compile(r"^section\s+header\s*:\s*", re.I)
_KEYED_RE = re.compile(
    r"^(?:field\s+annotation|calculation|matrix\s+group\s+name|custom\s+alignment|"
    r"question\s+number|identifier|required|slider\s+labels?)\b[^:]*:",
    re.I,
)
_CHOICE_LINE_RE = re.compile(
    r"^(?P<code>-?[A-Za-z0-9_.]{1,12})\s+(?:\w+___\w+\s+)?(?P<label>\S.*)$"
)
_CHOICE_PAIR_RE = re.compile(r"^\s*(?P<code>-?[A-Za-z0-9_.]{1,12})\s*,\s*(?P<label>\S.*?)\s*$")
_MATRIX_RE = re.compile(r"matrix\s+group\s+name\s*:\s*(?P<name>\w+)", re.I)
_MIN_RE = re.compile(r"\bMin\s*:\s*(-?\d+(?:\.\d+)?)", re.I)
_MAX_RE = re.compile(r"\bMax\s*:\s*(-?\d+(?:\.\d+)?)", re.I)
_HIDDEN_RE = re.compile(r"@HIDDEN(?:-SURVEY)?(?![-\w])")
_NONE_TAG_RE = re.compile(r"@NONEOFTHEABOVE\s*=\s*['\"]?(?P<codes>[\w ,.-]+?)['\"]?(?:\s|$)")
_STOP_RE = re.compile(r"\bstop\s+actions?\s*:\s*(?P<codes>-?\w+(?:\s*,\s*-?\w+)*)", re.I)
_COMPARE_RE = re.compile(
    r"\[(?P<var>\w+)(?:\((?P<code>[^()\]]+)\))?\]\s*(?P<op><>|!=|>=|<=|==|=|>|<)\s*"
    r"(?P<value>'[^']*'|\"[^\"]*\"|-?\d+(?:\.\d+)?)"
)
_JOINER_RE = re.compile(r"^(?:\s+|\band\b|\bor\b|\(|\))+$", re.I)
_OTHER_RE = re.compile(r"\b(?:other|else|specify|describe)\b", re.I)
_STATUS_LABELS = frozenset({"incomplete", "unverified", "complete"})


@dataclass
class _Field:
    name: str
    label: str
    kind: str
    attrs: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)
    notes: str = ""
    branching: str = ""
    matrix: str = ""
    section: str = ""


def _header_map(row: tuple[Cell, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        heading = collapse(cell.text)
        for key, pattern in _COLUMNS:
            if key not in found and pattern.match(heading):
                found[key] = index
                break
    return found


def _dictionary_table(document: Document) -> tuple[DocBlock, int, dict[str, int]] | None:
    for block in document.blocks:
        if block.kind != "table":
            continue
        for place, row in enumerate(block.rows[:3]):
            columns = _header_map(row)
            if {"name", "label"} <= columns.keys() and ({"attrs", "type"} & columns.keys()):
                return block, place, columns
    return None


def is_redcap_dictionary(document: Document) -> bool:
    """True when the document holds a REDCap data dictionary table (codebook or columns)."""
    return _dictionary_table(document) is not None


def _cell(row: tuple[Cell, ...], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    return row[index].text.strip() if index is not None and index < len(row) else ""


def _label_and_notes(cell: Cell) -> tuple[str, str]:
    """A codebook's label cell: the label, then the field note printed in italics under it."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for run in cell.runs or ():
        for index, piece in enumerate(run.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].append((piece, run.italic))
    if not cell.runs:
        lines = [[(line, False)] for line in cell.text.split("\n")]
    label: list[str] = []
    notes: list[str] = []
    for line in lines:
        text = "".join(piece for piece, _ in line)
        italic = all(italic for piece, italic in line if piece.strip())
        (notes if italic and label else label).append(text)
    return collapse(" ".join(label)), collapse(" ".join(notes))


def _choices(lines: list[str]) -> list[tuple[str, str]]:
    pairs = [_CHOICE_PAIR_RE.match(piece) for piece in " | ".join(lines).split("|")]
    if lines and all(pairs):
        return [(m["code"], m["label"]) for m in pairs if m]
    found = [_CHOICE_LINE_RE.match(line) for line in lines]
    return [(m["code"], collapse(m["label"])) for m in found if m]


def _codebook_field(row: tuple[Cell, ...], columns: dict[str, int]) -> _Field | None:
    name_lines = _cell(row, columns, "name").split("\n")
    attr_lines = [line.strip() for line in _cell(row, columns, "attrs").split("\n") if line.strip()]
    if not name_lines[0].strip() or not attr_lines:
        return None
    label_cell = row[columns["label"]]
    label, notes = _label_and_notes(label_cell)
    kind = attr_lines[0].split(" ")[0].split(",")[0].lower()
    rest = [line for line in attr_lines[1:] if not _KEYED_RE.match(line)]
    matrix = _MATRIX_RE.search(" ".join(attr_lines))
    branching = [line for line in name_lines[1:] if line.strip()]
    if branching:
        branching[0] = _SHOW_IF_RE.sub("", branching[0])
    return _Field(
        name=name_lines[0].split()[0],
        label=label,
        kind=kind,
        attrs=" ".join(attr_lines),
        choices=_choices(rest),
        notes=notes,
        branching=collapse(" ".join(branching)),
        matrix=matrix["name"] if matrix else "",
    )


def _column_field(row: tuple[Cell, ...], columns: dict[str, int]) -> _Field | None:
    name, kind = _cell(row, columns, "name"), _cell(row, columns, "type").lower()
    if not name or not kind:
        return None
    validation = _cell(row, columns, "validation")
    low, high = _cell(row, columns, "min"), _cell(row, columns, "max")
    bounds = ", ".join(
        [validation] + [f"{k}: {v}" for k, v in (("Min", low), ("Max", high)) if v]
    ).strip(", ")
    choices = _cell(row, columns, "choices")
    return _Field(
        name=name.split()[0],
        label=collapse(_cell(row, columns, "label")),
        kind=kind.split()[0],
        attrs=f"{kind} ({bounds}) {_cell(row, columns, 'annotation')}",
        choices=_choices(choices.split("\n")) if choices and kind != "calc" else [],
        notes=_cell(row, columns, "note"),
        branching=collapse(_cell(row, columns, "branching")),
        matrix=_cell(row, columns, "matrix"),
        section=collapse(_cell(row, columns, "section")),
    )


def _fields(document: Document) -> list[_Field]:
    found = _dictionary_table(document)
    if found is None:
        return []
    table, place, columns = found
    read = _codebook_field if "attrs" in columns else _column_field
    fields: list[_Field] = []
    section = ""
    for row in table.rows[place + 1 :]:
        first = next((c.text.strip() for c in row if c.text.strip()), "")
        if _SECTION_RE.match(first):
            section = collapse(_SECTION_RE.sub("", first))
            continue
        one = read(row, columns)
        if one is None or one.kind not in _TYPES:
            continue
        if _SECTION_RE.match(one.label):  # "Section Header: Form Status Complete?"
            one.label = ""
        one.section = one.section or section
        section = ""
        fields.append(one)
    return fields


def _is_asked(one: _Field, index: int) -> bool:
    """Fields a respondent never sees: the record id (the first field), hidden ones,
    calculations and the form-status field REDCap adds to every instrument."""
    if index == 0 and one.kind == "text" and not one.branching:
        return False
    if one.kind in ("calc", "file") or _HIDDEN_RE.search(one.attrs):
        return False
    labels = {label.lower() for _, label in one.choices}
    return not (one.name.endswith("_complete") and labels and labels <= _STATUS_LABELS)


def _typed(one: _Field) -> Question:
    qid = one.name if re.match(IDENTIFIER, one.name) else clean_id(one.name)
    question = Question(id=qid, type="text", text=one.label or one.name)
    options = [Option(code=code, label=label) for code, label in one.choices]
    low, high = _MIN_RE.search(one.attrs), _MAX_RE.search(one.attrs)
    kind, attrs = one.kind, one.attrs.lower()
    if kind == "descriptive":
        question.type = "display"
    elif kind in ("yesno", "truefalse"):
        words = ("Yes", "No") if kind == "yesno" else ("True", "False")
        question.type = "single"
        question.options = options or [
            Option(code="1", label=words[0]),
            Option(code="0", label=words[1]),
        ]
    elif kind in ("radio", "dropdown", "checkbox", "sql"):
        question.type = (
            "single" if kind == "radio" else "multi" if kind == "checkbox" else "dropdown"
        )
        question.options = options
        if kind != "checkbox" and _is_point_row(one.choices):
            question.type = "scale"
    elif kind == "notes":
        question.type = "long_text"
    elif kind == "slider":
        question.type = "number"
        question.validation = Validation(
            min=float(low[1]) if low else 0.0, max=float(high[1]) if high else 100.0
        )
    elif re.search(r"\b(?:integer|number)", attrs):
        question.type = "number"
        if low or high:
            question.validation = Validation(
                min=float(low[1]) if low else None, max=float(high[1]) if high else None
            )
    elif "email" in attrs:
        question.type = "email"
    elif re.search(r"\b(?:date|datetime)_", attrs):
        question.type = "date"
    none = _NONE_TAG_RE.search(one.attrs)
    codes = {c.strip() for c in none["codes"].split(",")} if none else set()
    for option in question.options:
        option.exclusive = option.code in codes
    return question


def _is_point_row(choices: list[tuple[str, str]]) -> bool:
    """`0, No pain | 1, 1 | … | 10, Worst pain imaginable`: five or more consecutive numeric
    codes whose middle answers are only their numbers (words at the ends) are a scale."""
    codes = [code for code, _ in choices]
    if len(codes) < 5 or not all(re.fullmatch(r"-?\d{1,3}", c) for c in codes):
        return False
    numbers = [int(c) for c in codes]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False
    return all(label.strip() == code for code, label in choices[1:-1])


def _condition(text: str, questions: dict[str, Question]) -> str | None:
    """REDCap branching logic as an EXPR: `[q] = '1' or [q] = '2'` → `q in ['1','2']`,
    `[q(3)] = '1'` on a checkbox → `q contains '3'`, `= '0'` → its negation."""
    parts: list[str] = []
    tests: list[tuple[str, str, str]] = []
    last = 0
    for match in _COMPARE_RE.finditer(text):
        between = text[last : match.start()]
        if between.strip() and not _JOINER_RE.match(between):
            return None
        parts.append(between.lower())
        test = _compare(match, questions)
        if test is None:
            return None
        parts.append(test)
        tests.append((match["var"], match["op"], match["value"].strip("'\"")))
        last = match.end()
    if not tests or (text[last:].strip() and not _JOINER_RE.match(text[last:])):
        return None
    parts.append(text[last:].lower())
    return _as_list(tests, text) or collapse("".join(parts))


def _as_list(tests: list[tuple[str, str, str]], text: str) -> str | None:
    """`[q] = '1' or [q] = '2'`: one question's codes in a list."""
    names = {var for var, _, _ in tests}
    if len(tests) < 2 or len(names) != 1 or re.search(r"\band\b|\[\w+\(", text, re.I):
        return None
    if any(op not in ("=", "==") for _, op, _ in tests):
        return None
    codes = ",".join(f"'{value}'" for _, _, value in tests)
    return f"{names.pop()} in [{codes}]"


def _compare(match: re.Match[str], questions: dict[str, Question]) -> str | None:
    var, op, value = match["var"], match["op"], match["value"].strip("'\"")
    question = questions.get(var)
    if question is None:
        return None
    negated = op in ("<>", "!=")
    if match["code"] is not None:
        picked = (value == "1") != negated
        test = f"{var} contains '{match['code'].strip()}'"
        return test if picked else f"not ({test})"
    if question.type == "number" and re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return f"{var} {'==' if op in ('=', '==') else '!=' if negated else op} {value}"
    if op in ("=", "==") or negated:
        return f"{var} {'!=' if negated else '=='} '{value}'"
    return _coded_range(question, op, value)


def _coded_range(question: Question, op: str, value: str) -> str | None:
    """`[satisf] >= 4` on a radio: the codes the comparison keeps, as a list."""
    if not question.options or not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return None
    keep = {
        ">": lambda n: n > float(value),
        ">=": lambda n: n >= float(value),
        "<": lambda n: n < float(value),
        "<=": lambda n: n <= float(value),
    }.get(op)
    if keep is None or not all(re.fullmatch(r"-?\d+", o.code) for o in question.options):
        return None
    codes = [o.code for o in question.options if keep(float(o.code))]
    if not codes:
        return None
    return f"{question.id} in [{','.join(repr(c) for c in codes)}]"


def _specify_of(one: _Field, questions: dict[str, Question]) -> Option | None:
    """A text field shown on one "other" answer of an earlier choice is that answer's box."""
    if one.kind not in ("text", "notes"):
        return None
    match = _COMPARE_RE.fullmatch(one.branching.strip())
    if match is None or match["var"] not in questions:
        return None
    code = match["code"] or match["value"].strip("'\"")
    if match["code"] is not None and match["value"].strip("'\"") != "1":
        return None
    option = next((o for o in questions[match["var"]].options if o.code == code.strip()), None)
    if option is None or not (_OTHER_RE.search(option.label) or _OTHER_RE.search(one.label)):
        return None
    return option


# "Screen out if under 18 – end survey": a number field's bound that ends the survey
_BOUND_OUT_RE = re.compile(
    r"\b(?:screen[\s-]*out|terminate|end\s+(?:the\s+)?survey|exclude)\s+if\s+(?:aged?\s+)?"
    r"(?P<word>under|below|less\s+than|younger\s+than|over|above|more\s+than|older\s+than)\s+"
    r"(?P<n>\d{1,6})\b",
    re.I,
)
_BOUND_OPS = {"under": "<", "below": "<", "less": "<", "younger": "<"}


def _stop(question: Question, one: _Field) -> None:
    stop = _STOP_RE.search(f"{one.notes} {one.attrs}")
    bound = _BOUND_OUT_RE.search(f"{one.notes} {one.attrs}")
    if stop is None and bound and question.type == "number":
        op = _BOUND_OPS.get(bound["word"].split()[0].lower(), ">")
        question.terminate_if = f"{question.id} {op} {bound['n']}"
        return
    if stop is None or not question.options:
        return
    codes = [c.strip() for c in stop["codes"].split(",")]
    if question.type == "multi":
        question.terminate_if = " or ".join(f"{question.id} contains '{c}'" for c in codes)
    elif len(codes) == 1:
        question.terminate_if = f"{question.id} == '{codes[0]}'"
    else:
        question.terminate_if = f"{question.id} in [{','.join(repr(c) for c in codes)}]"


def read_redcap_dictionary(document: Document) -> Survey:
    """The survey a REDCap dictionary describes: one question per field the respondent sees."""
    questions: dict[str, Question] = {}
    blocks: list[Block] = []
    grid: Question | None = None
    for index, one in enumerate(_fields(document)):
        if not _is_asked(one, index):
            continue
        option = _specify_of(one, questions)
        if option is not None:
            option.specify = True
            continue
        if one.section or not blocks:
            blocks.append(Block(id=f"block{len(blocks) + 1}", title=one.section or None))
        if grid is not None and one.matrix and clean_id(one.matrix) == grid.id:
            grid.rows.append(Row(id=f"r{len(grid.rows) + 1}", label=one.label))
            continue
        question = _typed(one)
        grid = None
        if one.matrix:
            grid = Question(
                id=clean_id(one.matrix),
                type="grid",
                text=one.section or one.matrix,
                options=question.options,
                rows=[Row(id="r1", label=one.label)],
                multiple=question.type == "multi",
            )
            question = grid
        _stop(question, one)
        if one.branching:
            question.display_if = _condition(one.branching, questions)
            if question.display_if is None:
                question.attention = Attention(
                    reason=f"{question.id}: branching logic '{one.branching}' could not be read."
                )
        questions[question.id] = question
        blocks[-1].items.append(question)
    return Survey(title=document.name, blocks=[b for b in blocks if b.items])
