"""XLSForm (.xlsx for ODK, KoboToolbox, Ona, SurveyCTO): export and import.

Sheets `survey`, `choices`, `settings`. A block is a `begin_group` (a page break inside it
makes one `field-list` group per page, `<block>_p<n>`; without breaks the block group is
itself a `field-list`). Conditions are XPath with `${name}` references; option flags become
the usual ODK devices: a `<q>_<code>_specify` text question for "specify", a constraint for
"exclusive", `choice_filter` for carry-forward, `randomize=true` in `parameters`. Grids
are a field-list group of one select per row (`<q>_<row>`); constant sums a group of
decimals whose last constraint checks the total.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import xlsxwriter

from fielder.ir import expressions as ex
from fielder.ir.models import (
    Block,
    Item,
    Option,
    OptionsFrom,
    PageBreak,
    Question,
    Row,
    Survey,
    Validation,
    Variable,
)
from fielder.platforms import base, transforms
from fielder.platforms.expr_tokens import TokenCursor, tokenize
from fielder.platforms.logic import LogicRenderer, Untranslatable
from fielder.platforms.result import ImportResult, NotCarried

SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "choice_filter",
    "appearance",
    "parameters",
    "calculation",
)
EMAIL_CONSTRAINT = r"regex(., '^[^@\s]+@[^@\s]+$')"
#: Fixed workbook metadata so the same survey is always the same bytes.
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class XLSFormLogic(LogicRenderer):
    """XPath as XLSForm writes it: `${q} = '1'`, `selected(${q}, '1')`, `not(...)`."""

    NAME: ClassVar[str] = "xlsform"
    REF: ClassVar[str] = "${{{name}}}"
    ROW_REF: ClassVar[str] = "${{{name}_{row}}}"
    COMPARE: ClassVar[dict[str, str]] = LogicRenderer.COMPARE | {"==": "="}
    ARITH: ClassVar[dict[str, str]] = {"+": "+", "-": "-", "*": "*", "/": "div"}
    NOT: ClassVar[str] = "not({0})"
    FUNCTIONS: ClassVar[dict[str, str]] = {"answered": "{0} != ''", "count": "count-selected({0})"}

    def not_(self, node: ex.Not) -> str:
        """`not(x)` (XPath's not is a function)."""
        return f"not({self.render(node.operand)})"

    def operand(self, node: ex.Expr) -> str:
        """As the base, but `${q} != ''` (answered) is parenthesised too."""
        text = super().operand(node)
        return f"({text})" if isinstance(node, ex.Call) and node.name == "answered" else text

    def in_(self, node: ex.In) -> str:
        """`x in [a, b]` → `(x = a or x = b)`; negated inside `not()`."""
        if not node.items.items:
            return "false()" if not node.negated else "true()"
        left = self.operand(node.left)
        tests = [f"{left} = {self.render(item)}" for item in self.items(node.left, node.items)]
        joined = " or ".join(tests)
        return f"not({joined})" if node.negated else joined

    def contains(self, node: ex.Contains) -> str:
        """`selected(${q}, 'v')`, joined with or / and for any / all."""
        if not isinstance(node.left, ex.Ref):
            raise Untranslatable("selected() needs a question")
        ref = self.ref(node.left)
        if node.mode == "one":
            return f"selected({ref}, {self.render(self.as_code(node.right))})"
        if not isinstance(node.right, ex.ListLit) or not node.right.items:
            raise Untranslatable(f"contains {node.mode} needs a non-empty list")
        tests = [f"selected({ref}, {self.render(self.as_code(i))})" for i in node.right.items]
        joiner = " or " if node.mode == "any" else " and "
        return joiner.join(tests)

    def bool_(self, node: ex.Bool) -> str:
        """`true()` / `false()`."""
        return "true()" if node.value else "false()"


def terminate_to_display_if(survey: Survey, reporter: transforms.Reporter) -> Survey:
    """XLSForm cannot screen out: hide every later question when the condition holds."""
    questions = survey.questions()
    for index, question in enumerate(questions):
        if not question.terminate_if:
            continue
        reporter.unsupported(
            question.id, "terminate_if", "the form ends by hiding the rest; no screen-out status"
        )
        stop = transforms.conjoin(question.display_if, question.terminate_if) or ""
        for later in questions[index + 1 :]:
            later.display_if = transforms.conjoin(later.display_if, transforms.negate(stop))
        question.terminate_if = None
    return survey


@dataclass
class _Sheets:
    """The rows of the three sheets as they are written."""

    survey: list[dict[str, str]] = field(default_factory=list)
    choices: list[dict[str, str]] = field(default_factory=list)
    lists: dict[str, str] = field(default_factory=dict)  # question id → list name


class XLSFormExporter(base.Exporter):
    """IR → XLSForm workbook."""

    NAME: ClassVar[str] = "xlsform"
    FILE_EXTENSION: ClassVar[str] = "xlsx"
    MEDIA_TYPE: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    SUPPORTS_SKIP_TO: ClassVar[bool] = False
    SUPPORTS_TERMINATE: ClassVar[bool] = False
    SUPPORTS_RANDOMIZE_BLOCKS: ClassVar[bool] = False
    SUPPORTS_FIXED_OPTIONS: ClassVar[bool] = False
    SUPPORTS_ENDINGS: ClassVar[bool] = False
    PREPROCESS = (transforms.skip_to_display_if, terminate_to_display_if)
    LOGIC: ClassVar[type[LogicRenderer]] = XLSFormLogic

    sheets: _Sheets

    def generate(self, survey: Survey) -> bytes:
        """The workbook bytes (fixed metadata dates; zip entries are dated 1980 by XlsxWriter)."""
        self.sheets = _Sheets()
        for block in survey.blocks:
            self.block(block)
        for variable in survey.variables:
            calculation = self.condition(variable.name, "variable", variable.expression)
            if calculation is not None:
                self.row("calculate", variable.name, calculation=calculation)
        if len(survey.languages) > 1:
            self.unsupported(base.SURVEY, "languages", "only one label column is written")
        return self.workbook(survey)

    def row(self, kind: str, name: str, **cells: str | None) -> dict[str, str]:
        """Append one survey-sheet row (empty cells left out)."""
        row = {"type": kind, "name": name} | {k: v for k, v in cells.items() if v}
        self.sheets.survey.append(row)
        return row

    def block(self, block: Block) -> None:
        """A block group; a field-list group per page when it has page breaks."""
        pages = transforms.pages(block)
        if not pages:
            self.unsupported(block.id, "block", "a block without questions is left out")
            return
        single = len(pages) == 1
        appearance = "field-list" if single else None
        self.row("begin_group", block.id, label=block.title, appearance=appearance)
        for number, questions in enumerate(pages, start=1):
            if not single:
                self.row("begin_group", f"{block.id}_p{number}", appearance="field-list")
            for question in questions:
                self.question(question)
            if not single:
                self.row("end_group", f"{block.id}_p{number}")
        self.row("end_group", block.id)

    # --- helpers ------------------------------------------------------------------

    def common(self, question: Question) -> dict[str, str | None]:
        """Label, hint, required and relevant of a question."""
        return {
            "label": self.pipe(question.text),
            "hint": self.pipe(question.instructions) if question.instructions else None,
            "required": "yes" if question.required else None,
            "relevant": self.condition(question.id, "display_if", question.display_if),
        }

    def pipe(self, text: str) -> str:
        """IR piping `{{Q2}}` → `${Q2}` (grid rows `{{Q.r}}` → `${Q_r}`)."""
        return self.piping(text, lambda name: "${" + name.replace(".", "_") + "}")

    def choice_list(self, name: str, options: list[Option]) -> str:
        """Write a choice list once; returns its name."""
        for option in options:
            label = self.pipe(option.label)
            self.sheets.choices.append({"list_name": name, "name": option.code, "label": label})
        return name

    def constraint(self, question: Question) -> str | None:
        """The validation and exclusive options as one XPath constraint."""
        parts = list(self.validation_parts(question))
        if question.type == "multi":
            parts += [
                f"not(selected(., '{o.code}') and count-selected(.) > 1)"
                for o in question.options
                if o.exclusive
            ]
        return " and ".join(parts) or None

    def validation_parts(self, question: Question) -> Iterator[str]:
        """Constraint clauses for the validation this type can hold (the rest reported)."""
        rule = question.validation or Validation()
        held = _HELD.get(question.type, set())
        for name in rule.model_dump(exclude_none=True):
            if name not in held:
                self.unsupported(
                    question.id, f"validation.{name}", f"no {name} on a {question.type}"
                )
        if rule.min is not None and "min" in held:
            yield f". >= {_num(rule.min)}"
        if rule.max is not None and "max" in held:
            yield f". <= {_num(rule.max)}"
        if rule.min_choices is not None and "min_choices" in held:
            yield f"count-selected(.) >= {rule.min_choices}"
        if rule.max_choices is not None and "max_choices" in held:
            yield f"count-selected(.) <= {rule.max_choices}"
        if rule.max_length is not None and "max_length" in held:
            yield f"string-length(.) <= {rule.max_length}"
        if rule.pattern is not None and "pattern" in held:
            if "'" in rule.pattern:
                self.unsupported(question.id, "validation.pattern", "a pattern holding a quote")
            else:
                yield f"regex(., '{rule.pattern}')"

    # --- question renderers --------------------------------------------------------

    def display_export(self, question: Question) -> None:
        """note."""
        self.row("note", question.id, **self.common(question) | {"required": None})

    def hidden_export(self, question: Question) -> None:
        """hidden."""
        relevant = self.condition(question.id, "display_if", question.display_if)
        hint = self.pipe(question.instructions) if question.instructions else None
        text = self.pipe(question.text) or None
        self.row("hidden", question.id, label=text, hint=hint, relevant=relevant)

    def single_export(self, question: Question) -> None:
        """select_one."""
        self.select(question, "select_one", None)

    def dropdown_export(self, question: Question) -> None:
        """select_one with the minimal (drop-down) appearance."""
        self.select(question, "select_one", "minimal")

    def scale_export(self, question: Question) -> None:
        """select_one with the likert appearance."""
        self.select(question, "select_one", "likert")
        if question.scale is not None and (question.scale.min_label or question.scale.max_label):
            self.unsupported(question.id, "scale", "end labels are not carried")

    def multi_export(self, question: Question) -> None:
        """select_multiple."""
        self.select(question, "select_multiple", None)

    def ranking_export(self, question: Question) -> None:
        """rank."""
        self.select(question, "rank", None)

    def select(self, question: Question, kind: str, appearance: str | None) -> None:
        """A select row, its choice list, carry-forward filter and specify questions."""
        source = question.options_from
        filter_: str | None = None
        if source is not None and question.options:
            self.unsupported(question.id, "options", "only the carried-forward options are offered")
        if source is not None:
            list_name = self.sheets.lists.get(source.question)
            if list_name is None:
                self.unsupported(question.id, "options_from", f"{source.question} has no list yet")
                return
        else:
            list_name = self.choice_list(question.id, question.options)
        self.sheets.lists[question.id] = list_name
        if source is not None:
            test = f"selected(${{{source.question}}}, name)"
            filter_ = test if source.selected else f"not({test})"
        parameters = "randomize=true" if question.randomize_options else None
        cells = self.common(question) | {
            "constraint": self.constraint(question),
            "choice_filter": filter_,
            "appearance": appearance,
            "parameters": parameters,
        }
        self.row(f"{kind} {list_name}", question.id, **cells)
        if kind == "select_one" or kind == "select_multiple":
            self.specify(question)
        else:
            for option in question.options:
                if option.specify or option.exclusive:
                    self.unsupported(f"{question.id}.{option.code}", "specify", "ranked items")

    def specify(self, question: Question) -> None:
        """A text question per "specify" option, shown when that option is chosen."""
        for option in question.options:
            if option.specify:
                self.row(
                    "text",
                    f"{question.id}_{_code_name(option.code)}_specify",
                    label=f"{self.pipe(option.label)}: please specify",
                    required="yes",
                    relevant=f"selected(${{{question.id}}}, '{option.code}')",
                )
            if option.exclusive and question.type != "multi":
                self.unsupported(f"{question.id}.{option.code}", "exclusive", "a single answer")

    def grid_export(self, question: Question) -> None:
        """A field-list group with one select per row, named `<question>_<row>`."""
        kind = "select_multiple" if question.multiple else "select_one"
        common = self.common(question)
        self.row(
            "begin_group",
            question.id,
            label=common["label"],
            hint=common["hint"],
            relevant=common["relevant"],
            appearance="field-list",
        )
        list_name = self.choice_list(question.id, question.options)
        for row in question.rows:
            self.row(
                f"{kind} {list_name}",
                f"{question.id}_{row.id}",
                label=self.pipe(row.label),
                required=common["required"],
            )
        self.row("end_group", question.id)
        if question.randomize_options:
            self.unsupported(question.id, "randomize_options", "grid columns keep their order")
        self.option_flags_lost(question)
        self.only(question, set())

    def constant_sum_export(self, question: Question) -> None:
        """A field-list group of decimals; the last one's constraint checks the total."""
        common = self.common(question)
        self.row(
            "begin_group",
            question.id,
            label=common["label"],
            hint=common["hint"],
            relevant=common["relevant"],
            appearance="field-list",
        )
        names = [f"{question.id}_{_code_name(o.code)}" for o in question.options]
        for position, (option, name) in enumerate(zip(question.options, names, strict=True)):
            constraint = ". >= 0"
            if position == len(names) - 1 and question.total is not None:
                others = " + ".join(f"coalesce(${{{n}}}, 0)" for n in names[:-1])
                total = f"{others} + coalesce(., 0)" if others else "coalesce(., 0)"
                constraint = f". >= 0 and {total} = {_num(question.total)}"
            self.row(
                "decimal",
                name,
                label=self.pipe(option.label),
                required=common["required"],
                constraint=constraint,
            )
        self.row("end_group", question.id)
        if any(
            n != f"{question.id}_{o.code}" for n, o in zip(names, question.options, strict=True)
        ):
            self.unsupported(question.id, "options", "codes that are not names were rewritten")
        if question.randomize_options:
            self.unsupported(question.id, "randomize_options", "boxes keep their order")
        self.option_flags_lost(question)
        self.only(question, set())

    def text_export(self, question: Question) -> None:
        """text."""
        self.plain(question, "text", None)

    def long_text_export(self, question: Question) -> None:
        """text with the multiline appearance."""
        self.plain(question, "text", "multiline")

    def email_export(self, question: Question) -> None:
        """text with an e-mail constraint."""
        self.plain(question, "text", None, extra=EMAIL_CONSTRAINT)

    def date_export(self, question: Question) -> None:
        """date."""
        self.plain(question, "date", None)

    def number_export(self, question: Question) -> None:
        """integer (whole numbers) or decimal."""
        integer = question.validation is not None and question.validation.integer
        self.plain(question, "integer" if integer else "decimal", None)

    def plain(self, question: Question, kind: str, appearance: str | None, extra: str = "") -> None:
        """A row for a question without choices."""
        constraint = " and ".join(p for p in (self.constraint(question), extra) if p) or None
        self.row(
            kind,
            question.id,
            **self.common(question) | {"constraint": constraint, "appearance": appearance},
        )

    def only(self, question: Question, kept: set[str]) -> None:
        """Report validation other than `kept`."""
        for name in (question.validation or Validation()).model_dump(exclude_none=True):
            if name not in kept:
                self.unsupported(
                    question.id, f"validation.{name}", f"no {name} on a {question.type}"
                )

    def option_flags_lost(self, question: Question) -> None:
        """Report option flags this rendering has no place for."""
        for option in question.options:
            for flag in ("specify", "exclusive"):
                if getattr(option, flag):
                    self.unsupported(
                        f"{question.id}.{option.code}", flag, f"not in a {question.type}"
                    )

    # --- the workbook -------------------------------------------------------------

    def workbook(self, survey: Survey) -> bytes:
        """Write the three sheets with XlsxWriter, metadata fixed for byte-stable output."""
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        book.set_properties({"created": _EPOCH.replace(tzinfo=None), "author": "fielder"})
        _sheet(book, "survey", SURVEY_COLUMNS, self.sheets.survey)
        _sheet(book, "choices", ("list_name", "name", "label"), self.sheets.choices)
        form_id = re.sub(r"[^A-Za-z0-9_]+", "_", survey.title).strip("_").lower() or "survey"
        settings = {"form_title": survey.title, "form_id": form_id[:60]}
        if survey.languages:
            settings["default_language"] = survey.languages[0]
        _sheet(book, "settings", tuple(settings), [settings])
        book.close()
        return buffer.getvalue()


_HELD: dict[str, set[str]] = {
    "number": {"min", "max", "integer"},
    "multi": {"min_choices", "max_choices"},
    "text": {"max_length", "pattern"},
    "long_text": {"max_length", "pattern"},
    "email": {"max_length", "pattern"},
}


def _sheet(book: Any, name: str, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    sheet = book.add_worksheet(name)
    for col, title in enumerate(columns):
        sheet.write_string(0, col, title)
    for number, row in enumerate(rows, start=1):
        for col, title in enumerate(columns):
            if row.get(title):
                sheet.write_string(number, col, row[title])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _code_name(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", code)


# --- import ---------------------------------------------------------------------------

#: Zip-bomb guards: a real form is kilobytes; refuse huge or absurdly compressed members.
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 20_000

_META_TYPES = frozenset(
    {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber"}
    | {"username", "email", "audit", "start-geopoint", "background-audio", "imei"}
    | {"xml-external", "csv-external"}  # data attached to the form, not questions
    | {"caseid", "comments", "sensor_statistic", "sensor_stream"}  # SurveyCTO's
)
_XPATH_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{\s*[^{}\s]+\s*\})
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<op>!=|<=|>=|[=<>+\-*(),.])
    """,
    re.VERBOSE,
)
_XPATH_COMPARE = {"=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


@dataclass(frozen=True)
class _StrLen:
    """`string-length(${q})`: only meaningful compared with 0 (answered or not)."""

    ref: ex.Ref


class _XPathParser(TokenCursor):
    """The XPath subset XLSForms use in relevant / calculation → IR expression AST."""

    def __init__(self, text: str, types: dict[str, str], names: dict[str, str]) -> None:
        super().__init__(tokenize(_XPATH_TOKEN, text))
        self.types = types
        self.names = names

    def parse(self) -> ex.Expr:
        node = self.or_()
        if self.peek()[0] != "end":
            raise ValueError(f"unexpected {self.peek()[1]!r}")
        return _expr(node)

    def or_(self) -> Any:
        parts = [self.and_()]
        while self.accept("or"):
            parts.append(self.and_())
        return _fold(parts, "or")

    def and_(self) -> Any:
        parts = [self.comparison()]
        while self.accept("and"):
            parts.append(self.comparison())
        return _fold(parts, "and")

    def comparison(self) -> Any:
        left = self.sum_()
        kind, value = self.peek()
        if kind != "op" or value not in _XPATH_COMPARE:
            return left
        self.take()
        right = self.sum_()
        return _compare(_XPATH_COMPARE[value], left, right)

    def sum_(self) -> Any:
        node = self.product()
        while (op := self.accept("+", "-")) is not None:
            node = ex.Arith(op, _expr(node), _expr(self.product()))  # type: ignore[arg-type]
        return node

    def product(self) -> Any:
        node = self.unary()
        while (op := self.accept("*", "div")) is not None:
            node = ex.Arith("*" if op == "*" else "/", _expr(node), _expr(self.unary()))
        return node

    def unary(self) -> Any:
        if self.accept("-"):
            operand = self.unary()
            return ex.Num(-operand.value) if isinstance(operand, ex.Num) else ex.Neg(_expr(operand))
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "num":
            return ex.Num(float(value) if "." in value else int(value))
        if kind == "str":
            return ex.Str(value[1:-1])
        if kind == "ref":
            return self.reference(value[2:-1].strip())
        if kind == "op" and value == "(":
            node = self.or_()
            self.expect(")")
            return node
        if kind == "word" and self.accept("("):
            return self.function(value)
        raise ValueError(f"unexpected {value or 'end'!r}")

    def reference(self, name: str) -> ex.Ref:
        mapped = self.names.get(name, name)
        if "." in mapped:
            question, row = mapped.split(".", 1)
            return ex.Ref(question, row)
        return ex.Ref(mapped)

    def arguments(self) -> list[Any]:
        args: list[Any] = []
        while not self.accept(")"):
            args.append(self.or_())
            self.accept(",")
            if self.peek()[0] == "end":
                raise ValueError("unclosed call")
        return args

    def function(self, name: str) -> Any:
        args = self.arguments()
        refs = [a for a in args if isinstance(a, ex.Ref)]
        if name == "not" and len(args) == 1:
            return _negate(_expr(args[0]))
        if name in ("true", "false") and not args:
            return ex.Bool(name == "true")
        if name == "selected" and len(args) == 2 and refs and isinstance(args[1], ex.Str):
            if self.types.get(refs[0].name) in ("multi", "ranking") or refs[0].row is not None:
                return ex.Contains(refs[0], "one", args[1])
            return ex.Compare("==", refs[0], args[1])
        if name == "count-selected" and len(args) == 1 and refs:
            return ex.Call("count", refs[0])
        if name == "string-length" and len(args) == 1 and refs:
            return _StrLen(refs[0])
        raise ValueError(f"the IR has no {name}()")


def _expr(node: Any) -> ex.Expr:
    if isinstance(node, _StrLen):
        raise ValueError("string-length() is only read compared with 0")
    result: ex.Expr = node
    return result


def _compare(op: str, left: Any, right: Any) -> ex.Expr:
    """A comparison, reading `${q} != ''` and `string-length(${q}) > 0` as answered(q)."""
    empty = isinstance(right, ex.Str) and right.value == ""
    if isinstance(left, ex.Ref) and empty and op in ("==", "!="):
        answered = ex.Call("answered", left)
        return answered if op == "!=" else ex.Not(answered)
    if isinstance(left, _StrLen) and isinstance(right, ex.Num) and right.value == 0:
        answered = ex.Call("answered", left.ref)
        if op in (">", "!="):
            return answered
        if op in ("==", "<="):
            return ex.Not(answered)
    return ex.Compare(op, _expr(left), _expr(right))  # type: ignore[arg-type]


def _negate(node: ex.Expr) -> ex.Expr:
    if isinstance(node, ex.In) and not node.negated:
        return ex.In(node.left, node.items, negated=True)
    return ex.Not(node)


def _fold(parts: list[Any], op: str) -> Any:
    """`x = a or x = b` → `x in [a, b]`; `selected(x,a) or/and selected(x,b)` → contains any/all."""
    if len(parts) == 1:
        return parts[0]
    nodes = [_expr(p) for p in parts]
    lefts = {n.left for n in nodes if isinstance(n, ex.Compare | ex.Contains)}
    literals = [n.right for n in nodes if isinstance(n, ex.Compare | ex.Contains)]
    values = [v for v in literals if isinstance(v, ex.Str | ex.Num | ex.Bool)]
    if len(lefts) == 1 and len(values) == len(nodes) and isinstance(left := lefts.pop(), ex.Ref):
        if op == "or" and all(isinstance(n, ex.Compare) and n.op == "==" for n in nodes):
            return ex.In(left, ex.ListLit(tuple(values)))
        if all(isinstance(n, ex.Contains) and n.mode == "one" for n in nodes):
            return ex.Contains(left, "any" if op == "or" else "all", ex.ListLit(tuple(values)))
    result = nodes[0]
    for node in nodes[1:]:
        result = ex.BoolOp(op, result, node)  # type: ignore[arg-type]
    return result


@dataclass
class _Group:
    """A begin_group … end_group span of the survey sheet."""

    name: str
    label: str = ""
    hint: str = ""
    appearance: str = ""
    relevant: str = ""
    children: list[Any] = field(default_factory=list)
    #: for a begin_repeat, how often it repeats as written ("" when not said); None otherwise
    repeat: str | None = None


#: `selected(${q}, 'c')` or `${q} = 'c'`: the relevant of an answer's type-in box.
_SPECIFY_WHEN = re.compile(
    r"selected\(\s*\$\{(\w+)\}\s*,\s*'([^']*)'\s*\)|\$\{(\w+)\}\s*=\s*'([^']*)'"
)

_CONSTRAINT_PARTS: tuple[tuple[str, str], ...] = (
    (r"\. >= (-?[\d.]+)", "min"),
    (r"\. <= (-?[\d.]+)", "max"),
    (r"count-selected\(\.\) >= (\d+)", "min_choices"),
    (r"count-selected\(\.\) <= (\d+)", "max_choices"),
    (r"string-length\(\.\) <= (\d+)", "max_length"),
    (r"regex\(\., '(.*)'\)", "pattern"),
    (r"not\(selected\(\., '(.*)'\) and count-selected\(\.\) > 1\)", "exclusive"),
)


class XLSFormImporter(base.Importer):
    """XLSForm .xlsx → IR. Unknown types, metadata fields and constraints are reported."""

    NAME: ClassVar[str] = "xlsform"

    def read(self, data: bytes) -> Survey:
        """Read the survey / choices / settings sheets."""
        return self.read_sheets(_read_workbook(data))

    def import_sheets(self, sheets: dict[str, list[dict[str, str]]]) -> ImportResult:
        """`import_` for sheets already read (as `sheet_rows` gives them), by sheet name."""
        self.not_carried = []
        return ImportResult(survey=self.read_sheets(sheets), not_carried=self.report())

    def read_sheets(self, sheets: dict[str, list[dict[str, str]]]) -> Survey:
        """Read the survey / choices / settings sheets, given as rows of {column: text}."""
        if "survey" not in sheets:
            raise base.ImportFailed("the workbook has no 'survey' sheet")
        self.reported: set[tuple[str, str, str]] = set()
        settings = (sheets.get("settings") or [{}])[0]
        default = str(settings.get("default_language") or "").strip()
        self.language = self.label_language(sheets, default)
        self.lists = _choice_lists(sheets.get("choices", []), self.language)
        self.styled = any(
            _unstyled(label) != label
            for row in sheets.get("choices", [])
            if (label := _first(row, "label", self.language))
        )
        self.taken: set[str] = set()
        self.names: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.pending: list[tuple[str, str, str, Any]] = []
        self.variables: list[Variable] = []
        self.list_of: dict[str, str] = {}
        root = self.tree(sheets["survey"])
        blocks = self.blocks(root)
        language = _language_code(self.language or default)
        survey = Survey(
            title=str(settings.get("form_title") or ""),
            languages=[language] if language and language != "default" else ["en"],
            blocks=blocks,
        )
        for element_id, feature, text, apply in self.pending:
            translated = self.translate(element_id, feature, text)
            if translated is not None:
                apply(translated)
        survey.variables = self.variables
        if self.styled:
            reason = "HTML styling in labels (<span style=…>, <br>, <b>) is not kept"
            self.unsupported(base.SURVEY, "label styling", reason)
        return survey

    def unsupported(self, element_id: str, feature: str, reason: str) -> None:
        """As the base, remembered in a set: a form losing many checks stays linear."""
        key = (element_id, feature, reason)
        if key not in self.reported:
            self.reported.add(key)
            self.not_carried.append(
                NotCarried(element_id=element_id, feature=feature, reason=reason)
            )

    def label_language(self, sheets: dict[str, list[dict[str, str]]], default: str) -> str:
        """The language whose `label::<language>` column is read ("" for a plain `label`):
        the settings' default language, else a plain label, else the first language column.
        The other languages are reported: a survey holds one."""
        rows = [*sheets.get("survey", []), *sheets.get("choices", [])]
        found = dict.fromkeys(
            key.split("::", 1)[1] for row in rows for key in row if key.startswith("label::")
        )
        if default.lower() in found:
            chosen = default.lower()
        elif any("label" in row for row in rows):
            chosen = ""
        else:
            chosen = next(iter(found), "")
        others = [name for name in found if name != chosen]
        if others:
            reason = f"labels in {', '.join(others)} are not kept: a survey holds one language"
            self.unsupported(base.SURVEY, "languages", reason)
        return chosen

    def label(self, row: dict[str, str]) -> str:
        """A row's label in the language read, without HTML styling."""
        return self.plain(_first(row, "label", self.language))

    def hint(self, row: dict[str, str]) -> str:
        """A row's hint in the language read, without HTML styling."""
        return self.plain(_first(row, "hint", self.language))

    def plain(self, text: str) -> str:
        """`text` without the HTML tags ODK renders (noted once for the report)."""
        plain = _unstyled(text)
        self.styled = self.styled or plain != text
        return plain

    # --- structure ----------------------------------------------------------------

    def tree(self, rows: list[dict[str, str]]) -> _Group:
        """Nest the survey sheet's rows by begin_group / end_group."""
        root = _Group(name="")
        stack = [root]
        for row in rows:
            kind = _norm_type(row.get("type", ""))
            if kind in ("begin_group", "begin_repeat"):
                if kind == "begin_repeat":
                    self.unsupported(row.get("name", "repeat"), "repeat", "read as a plain group")
                group = _Group(
                    name=row.get("name", ""),
                    label=self.label(row),
                    hint=self.hint(row),
                    appearance=row.get("appearance", ""),
                    relevant=row.get("relevant", "") or row.get("relevance", ""),
                    repeat=row.get("repeat_count", "") if kind == "begin_repeat" else None,
                )
                stack[-1].children.append(group)
                stack.append(group)
            elif kind in ("end_group", "end_repeat"):
                if len(stack) > 1:
                    stack.pop()
            elif kind:
                stack[-1].children.append(row)
        return root

    def blocks(self, root: _Group) -> list[Block]:
        """Top-level groups are blocks; loose top-level questions gather into blocks too."""
        blocks: list[Block] = []
        loose: list[Any] = []
        taken: set[str] = set()

        def flush() -> None:
            if loose:
                group = _Group(name="main", children=list(loose), appearance="field-list")
                block = self.block(group, "main")
                if block.items:
                    block.id = base.make_identifier("main", taken)
                    blocks.append(block)
                loose.clear()

        for child in root.children:
            if isinstance(child, _Group) and not self.special_group(child):
                flush()
                blocks.append(self.block(child, base.make_identifier(child.name or "B", taken)))
            else:
                loose.append(child)
        flush()
        return blocks

    def special_group(self, group: _Group) -> bool:
        """Whether a group is one of our grids or constant sums (a question, not a block)."""
        return _grid_rows(group, self.lists) is not None or _sum_parts(group) is not None

    def block(self, group: _Group, block_id: str) -> Block:
        """A block from a group: `<block>_p<n>` field-list children become pages."""
        page_name = re.compile(re.escape(group.name) + r"_p\d+")
        items: list[Item] = []
        run: list[Any] = []  # consecutive non-page children, read together
        relevant = group.relevant or None
        for child in group.children:
            if isinstance(child, _Group) and page_name.fullmatch(child.name):
                items.extend(self.items(run, relevant))
                run = []
                if items:
                    items.append(PageBreak(type="page_break"))
                items.extend(self.items(child.children, relevant))
            else:
                run.append(child)
        items.extend(self.items(run, relevant))
        self.repeated(group, items)
        return Block(id=block_id, title=group.label or None, items=items)

    def repeated(self, group: _Group, items: list[Item]) -> None:
        """Report each question of a repeat: the IR asks a question once."""
        if group.repeat is None:
            return
        times = f" ({group.repeat} times)" if group.repeat else ""
        reason = (
            f"the form asks it once per entry of the repeat {group.name!r}{times}; "
            "here it is asked once"
        )
        for item in items:
            if isinstance(item, Question):
                self.unsupported(item.id, "repeat", reason)

    def items(self, children: list[Any], relevant: str | None) -> list[Item]:
        """Questions of a group's children (nested plain groups are flattened)."""
        found: list[Item] = []
        questions: dict[str, Question] = {}
        for child in children:
            if isinstance(child, _Group):
                found.extend(self.group_items(child, relevant))
                continue
            if self.specify_row(child, questions):
                continue
            question = self.question(child)
            if question is None:
                continue
            self.relevant(question, relevant)
            questions[question.id] = question
            found.append(question)
        return found

    def group_items(self, group: _Group, relevant: str | None) -> list[Item]:
        """A nested group: one of our grids / constant sums, or flattened."""
        both = transforms.conjoin(relevant, group.relevant or None)
        question = self.grid(group) or self.constant_sum(group)
        if question is None:
            items = self.items(group.children, both)
            self.repeated(group, items)
            return items
        self.relevant(question, both)
        return [question]

    def relevant(self, question: Question, text: str | None) -> None:
        """Queue a group's relevant for the question (translated once all names are known)."""
        if text:
            self.later(question.id, "display_if", text, _and_display(question))

    # --- rows ---------------------------------------------------------------------

    def identify(self, raw: str) -> str:
        """The IR id for a form name (renamed, and reported, when it clashes or is invalid)."""
        name = raw or "Q"
        qid = base.make_identifier(name, self.taken)
        if qid != name:
            self.unsupported(qid, "name", f"the name {name!r} was changed to {qid!r}")
        self.names.setdefault(name, qid)
        return qid

    def question(self, row: dict[str, str]) -> Question | None:
        """One survey-sheet row as an IR question (None for metadata and unknown types)."""
        words = _norm_type(row.get("type", "")).split()
        kind = words[0] if words else ""
        name = row.get("name", "")
        if kind == "calculate":
            self.calculate(row)
            return None
        if kind in _META_TYPES:
            self.unsupported(name or kind, f"type:{kind}", "device metadata is not a question")
            return None
        reader = _ROW_READERS.get(kind)
        if reader is None:
            self.unsupported(name or kind, f"type:{kind}", "the IR has no such question")
            return None
        question = Question(id=self.identify(name), type="text")
        question.text = _pipes(self.label(row))
        question.instructions = _pipes(self.hint(row)) or None
        required = row.get("required", "").strip().lower()
        question.required = required in ("yes", "true", "true()", "1")
        if required and required not in (
            "yes",
            "true",
            "true()",
            "1",
            "no",
            "false",
            "false()",
            "0",
        ):
            self.unsupported(question.id, "required", f"required when {required}")
        reader(self, row, question, words)
        self.types[question.id] = question.type
        if row.get("relevant") or row.get("relevance"):
            text = row.get("relevant") or row.get("relevance", "")
            self.later(question.id, "display_if", text, _and_display(question))
        return question

    def select(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """select_one / select_multiple / rank with their list, filter and parameters."""
        kind, list_name = words[0], (words[1] if len(words) > 1 else "")
        appearance = row.get("appearance", "").lower()
        if kind == "rank":
            question.type = "ranking"
        elif kind == "select_multiple":
            question.type = "multi"
        elif "likert" in appearance:
            question.type = "scale"
        elif "minimal" in appearance or "autocomplete" in appearance:
            question.type = "dropdown"
        else:
            question.type = "single"
        question.options = [o.model_copy() for o in self.lists.get(list_name, [])]
        self.list_of[question.id] = list_name
        if list_name not in self.lists:
            self.unsupported(question.id, "options", f"no choice list {list_name!r}")
        if len(words) > 2 and words[2] == "or_other":
            self.or_other(question)
        self.choice_filter(row, question)
        if "search(" in appearance:
            reason = f"the choices are looked up by {row.get('appearance', '')!r} in a CSV file"
            self.unsupported(question.id, "appearance", reason)
        parameters = row.get("parameters", "").replace(" ", "").lower()
        question.randomize_options = "randomize=true" in parameters
        self.constraint(row, question)

    def or_other(self, question: Question) -> None:
        """`or_other`: an "Other" answer with a type-in (the list's own `other` when it has one)."""
        for option in question.options:
            if option.code == "other":
                option.specify = True
                return
        question.options.append(Option(code="other", label="Other", specify=True))

    def choice_filter(self, row: dict[str, str], question: Question) -> None:
        """`selected(${Q}, name)` (or its `not(...)`) → carry-forward from Q."""
        text = row.get("choice_filter", "").strip()
        if not text:
            return
        match = re.fullmatch(r"(not\()?\s*selected\(\s*\$\{(\w+)\}\s*,\s*name\s*\)\s*(\))?", text)
        if match is None or bool(match.group(1)) != bool(match.group(3)):
            reason = f"the choices are filtered by {text!r}; every choice is offered here"
            self.unsupported(question.id, "choice_filter", reason)
            return
        source = self.names.get(match.group(2), match.group(2))
        question.options_from = OptionsFrom(question=source, selected=match.group(1) is None)
        if self.list_of.get(source) == self.list_of.get(question.id):
            question.options = []  # the source's own list: the options come from it

    def text(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """text (multiline → long_text; e-mail constraint → email)."""
        question.type = "long_text" if "multiline" in row.get("appearance", "") else "text"
        self.constraint(row, question)

    def number(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """integer / decimal → number."""
        question.type = "number"
        self.constraint(row, question)
        if words[0] == "integer":
            question.validation = (question.validation or Validation()).model_copy(
                update={"integer": True}
            )

    def from_file(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """select_one_from_file / _external: the list is outside the workbook; a text entry."""
        question.type = "text"
        source = words[1] if len(words) > 1 else "an external file"
        reason = f"the choices come from {source}, outside the workbook; read as a text entry"
        self.unsupported(question.id, f"type:{words[0]}", reason)

    def stand_in(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """A type the IR has no question for, kept as the nearest one (and reported)."""
        kind, what = _STAND_INS[words[0]]
        question.type = kind  # type: ignore[assignment]
        if kind == "display":
            question.required = False
        reason = f"{what}: the IR has no such question; read as a {kind} question"
        self.unsupported(question.id, f"type:{words[0]}", reason)

    def range_(self, row: dict[str, str], question: Question, words: list[str]) -> None:
        """range → number between its `start` and `end` parameters (1–10 when not given)."""
        question.type = "number"
        found = dict(re.findall(r"(start|end|step)\s*=\s*(-?[\d.]+)", row.get("parameters", "")))
        low, high = float(found.get("start", 1)), float(found.get("end", 10))
        question.validation = Validation(
            min=min(low, high), max=max(low, high), integer=float(found.get("step", 1)).is_integer()
        )
        self.constraint(row, question)

    def simple(self, kind: str) -> Any:
        """A reader for types that map one to one."""

        def read(row: dict[str, str], question: Question, words: list[str]) -> None:
            question.type = kind  # type: ignore[assignment]
            if kind in ("display", "hidden"):
                question.required = False
            self.constraint(row, question)

        return read

    def constraint(self, row: dict[str, str], question: Question) -> None:
        """Our constraint clauses back to validation and exclusive flags (others reported)."""
        text = row.get("constraint", "").strip()
        if not text:
            return
        rule = Validation()
        for part in _split_and(text):
            if part == EMAIL_CONSTRAINT and question.type == "text":
                question.type = "email"
                continue
            if not self.constraint_part(part, question, rule):
                self.unsupported(question.id, "constraint", f"the check {part!r} is not carried")
        if rule.model_dump(exclude_none=True):
            question.validation = rule

    def constraint_part(self, part: str, question: Question, rule: Validation) -> bool:
        """Apply one clause; False when it is none of ours."""
        for pattern, target in _CONSTRAINT_PARTS:
            match = re.fullmatch(pattern, part)
            if match is None:
                continue
            value = match.group(1)
            if target == "exclusive":
                for option in question.options:
                    if option.code == value:
                        option.exclusive = True
            elif target == "pattern":
                rule.pattern = value
            elif target in ("min", "max"):
                setattr(rule, target, float(value))
            else:
                setattr(rule, target, int(value))
            return True
        return False

    def specify_row(self, row: dict[str, str], questions: dict[str, Question]) -> bool:
        """A text shown only when one answer is chosen, named after its question (`<q>_other`,
        ours `<q>_<code>_specify`) or after an "Other" answer, is that answer's type-in box."""
        relevant = row.get("relevant", "").strip()
        match = _SPECIFY_WHEN.fullmatch(relevant)
        if _norm_type(row.get("type", "")) != "text" or match is None:
            return False
        name, code = match.group(1) or match.group(3), match.group(2) or match.group(4)
        question = questions.get(self.names.get(name, ""))
        option = next((o for o in question.options if o.code == code), None) if question else None
        if option is None:
            return False
        named = row.get("name", "").startswith(f"{name}_")
        if not named and not re.search(r"\b(other|specify)\b", option.label, re.IGNORECASE):
            return False
        option.specify = True
        return True

    def calculate(self, row: dict[str, str]) -> None:
        """calculate → a variable."""
        name = self.identify(row.get("name", "calc"))
        text = row.get("calculation", "")

        def add(expression: str) -> None:
            self.variables.append(Variable(name=name, expression=expression))

        self.later(name, "variable", text, add)

    # --- groups as questions ------------------------------------------------------

    def grid(self, group: _Group) -> Question | None:
        """A field-list group of selects on one list named `<group>_<row>` → grid."""
        rows = _grid_rows(group, self.lists)
        if rows is None:
            return None
        kind, list_name, members = rows
        question = Question(
            id=self.identify(group.name),
            type="grid",
            text=_pipes(group.label),
            instructions=_pipes(group.hint) or None,
            multiple=kind == "select_multiple",
            options=[o.model_copy() for o in self.lists[list_name]],
            rows=[Row(id=row_id, label=_pipes(self.label(r))) for row_id, r in members],
            required=all(r.get("required", "").lower() in ("yes", "true") for _, r in members),
        )
        self.types[question.id] = "grid"
        for row_id, row in members:
            self.names.setdefault(row.get("name", ""), f"{question.id}.{row_id}")
        return question

    def constant_sum(self, group: _Group) -> Question | None:
        """A field-list group of decimals whose last constraint checks a total."""
        parts = _sum_parts(group)
        if parts is None:
            return None
        members, total = parts
        options = [Option(code=name, label=_pipes(self.label(row))) for name, row in members]
        question = Question(
            id=self.identify(group.name),
            type="constant_sum",
            text=_pipes(group.label),
            instructions=_pipes(group.hint) or None,
            options=options,
            total=total,
            required=all(r.get("required", "").lower() in ("yes", "true") for _, r in members),
        )
        self.types[question.id] = "constant_sum"
        return question

    # --- expressions --------------------------------------------------------------

    def later(self, element_id: str, feature: str, text: str, apply: Any) -> None:
        """Queue an expression until every name is known."""
        self.pending.append((element_id, feature, text, apply))

    def translate(self, element_id: str, feature: str, text: str) -> str | None:
        """XLSForm XPath → IR expression text; None (reported) when it cannot be said."""
        try:
            node = _XPathParser(text, self.types, self.names).parse()
        except (ValueError, RecursionError) as exc:
            self.unsupported(element_id, feature, f"cannot read {text!r}: {exc}")
            return None
        return ex.print_expr(node)


def _grid_rows(
    group: _Group, lists: dict[str, list[Option]]
) -> tuple[str, str, list[tuple[str, dict[str, str]]]] | None:
    children = group.children
    if "field-list" not in group.appearance or not children:
        return None
    kinds: set[tuple[str, str]] = set()
    members: list[tuple[str, dict[str, str]]] = []
    for child in children:
        if isinstance(child, _Group):
            return None
        words = _norm_type(child.get("type", "")).split()
        name = child.get("name", "")
        prefix = f"{group.name}_"
        if len(words) != 2 or words[0] not in ("select_one", "select_multiple"):
            return None
        if not name.startswith(prefix) or not re.fullmatch(r"[A-Za-z_]\w*", name[len(prefix) :]):
            return None
        kinds.add((words[0], words[1]))
        members.append((name[len(prefix) :], child))
    if len(kinds) != 1:
        return None
    kind, list_name = kinds.pop()
    return (kind, list_name, members) if list_name in lists else None


def _sum_parts(group: _Group) -> tuple[list[tuple[str, dict[str, str]]], float] | None:
    children = group.children
    if "field-list" not in group.appearance or not children:
        return None
    members: list[tuple[str, dict[str, str]]] = []
    for child in children:
        if isinstance(child, _Group) or _norm_type(child.get("type", "")) != "decimal":
            return None
        name = child.get("name", "")
        if not name.startswith(f"{group.name}_"):
            return None
        members.append((name[len(group.name) + 1 :], child))
    total = re.search(r"coalesce\(\., 0\) = (-?[\d.]+)$", members[-1][1].get("constraint", ""))
    return (members, float(total.group(1))) if total else None


def _split_and(text: str) -> list[str]:
    """Top-level ` and ` clauses of a constraint (parentheses and quotes respected)."""
    parts, depth, quote, start = [], 0, "", 0
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and text.startswith(" and ", index):
            parts.append(text[start:index].strip())
            start = index + 5
            index += 4
        index += 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


_TYPE_ALIASES = {"string": "text", "int": "integer", "calculate_here": "calculate"}
#: Types the IR has no question for: the nearest question type, and what the form asks for.
_STAND_INS: dict[str, tuple[str, str]] = {
    "time": ("text", "a time of day"),
    "datetime": ("date", "a date and time (the time is not kept)"),
    "geopoint": ("text", "a GPS location"),
    "geotrace": ("text", "a GPS line"),
    "geoshape": ("text", "a GPS area"),
    "image": ("text", "a photo"),
    "audio": ("text", "a sound recording"),
    "video": ("text", "a video"),
    "file": ("text", "a file upload"),
    "barcode": ("text", "a barcode scan"),
    "acknowledge": ("display", "an OK to tap"),
    "trigger": ("display", "an OK to tap"),
}
_SELECT_ALIASES = (
    (re.compile(r"select all that apply (?:from )?(\S+)(.*)", re.IGNORECASE), "select_multiple"),
    (re.compile(r"select one (?:from )?(\S+)(.*)", re.IGNORECASE), "select_one"),
    (re.compile(r"select[_ ]multiple (?:from )?(\S+)(.*)", re.IGNORECASE), "select_multiple"),
)
_COLUMN_ALIASES = {
    "list name": "list_name",
    "bind:relevant": "relevant",
    "relevance": "relevant",
    "bind:constraint": "constraint",
    "bind:required": "required",
    "control:appearance": "appearance",
    "bind:calculate": "calculation",
}


def _norm_type(value: str) -> str:
    """`Select One x` / `select one from x` / `int` / `begin group` → `select_one x` /
    `integer` / `begin_group`. Only the type words are lower-cased: list names keep their case.
    """
    text = " ".join(str(value).split()) if value else ""
    for pattern, kind in _SELECT_ALIASES:
        match = pattern.fullmatch(text)
        if match:
            return f"{kind} {match.group(1)}{match.group(2)}"
    words = text.split()
    if not words:
        return ""
    head = words[0].lower()
    if head in ("select", "begin", "end") and len(words) > 1:
        head = f"{head}_{words[1].lower()}"
        words = words[1:]
    return " ".join([_TYPE_ALIASES.get(head, head), *words[1:]])


def _first(row: dict[str, str], column: str, language: str) -> str:
    """`<column>::<language>`, else the plain column, else the first language column filled."""
    if language and row.get(f"{column}::{language}"):
        return row[f"{column}::{language}"]
    if row.get(column):
        return row[column]
    for key, text in row.items():
        if key.startswith(f"{column}::") and text:
            return text
    return ""


_MARKUP = re.compile(
    r"<\s*/?\s*(span|font|b|i|u|em|strong|br|p|div|center|h[1-6])\b[^<>]*>", re.IGNORECASE
)


def _unstyled(text: str) -> str:
    """A label without the HTML tags ODK renders (`<span style=…>`, `<br>`), spaces collapsed."""
    if "<" not in text:
        return text
    plain = _MARKUP.sub(lambda m: " " if m.group(1).lower() in ("br", "p", "div") else "", text)
    return " ".join(plain.split()) if plain != text else text


def _language_code(name: str) -> str:
    """`English (en)` → `en` (XLSForm's language columns name the code in brackets)."""
    match = re.search(r"\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$", name)
    return match.group(1).lower() if match else name


def _pipes(text: str) -> str:
    """`${Q2}` in a label → IR piping `{{Q2}}`."""
    return re.sub(r"\$\{\s*([A-Za-z_]\w*)\s*\}", r"{{\1}}", text)


def _and_display(question: Question) -> Any:
    def apply(condition: str) -> None:
        question.display_if = _and(condition, question.display_if)

    return apply


def _and(condition: str, other: str | None) -> str:
    """`condition and other`, parenthesised only where the grammar needs it."""
    if not other:
        return condition
    try:
        return ex.print_expr(ex.BoolOp("and", ex.parse(condition), ex.parse(other)))
    except ex.ExpressionError:
        return transforms.conjoin(condition, other) or condition


def _choice_lists(rows: list[dict[str, str]], language: str) -> dict[str, list[Option]]:
    """The choices sheet as option lists (duplicate names made unique)."""
    lists: dict[str, list[Option]] = {}
    for row in rows:
        list_name, code = row.get("list_name", "").strip(), str(row.get("name", "")).strip()
        label = _unstyled(_first(row, "label", language)) or code
        if list_name and code:
            lists.setdefault(list_name, []).append(Option(code=code, label=label))
    for options in lists.values():
        for option, code in zip(options, base.unique_codes(o.code for o in options), strict=True):
            option.code = code
    return lists


def _read_workbook(data: bytes) -> dict[str, list[dict[str, str]]]:
    """Sheets as lists of {column: text} rows, after zip-bomb checks."""
    import openpyxl  # imported here: only XLSForm import needs it

    _check_zip(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise base.ImportFailed(f"not a readable .xlsx workbook: {exc}") from exc
    try:
        return {ws.title.strip().lower(): _rows(ws) for ws in book.worksheets}
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise base.ImportFailed(f"not a readable .xlsx workbook: {exc}") from exc
    finally:
        book.close()


def _rows(sheet: Any) -> list[dict[str, str]]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return []
    return sheet_rows(header, rows, sheet.title)


def column_names(header: Sequence[object]) -> list[str]:
    """A sheet's header cells as the column names read (lower case, aliases resolved)."""
    names = [" ".join(str(h).split()).lower() if h is not None else "" for h in header]
    return [_COLUMN_ALIASES.get(name, name) for name in names]


def sheet_rows(
    header: Sequence[object], rows: Iterable[Sequence[object]], title: str
) -> list[dict[str, str]]:
    """A sheet's rows under its header as {column: text}, empty cells and rows left out."""
    columns = column_names(header)
    result: list[dict[str, str]] = []
    for number, values in enumerate(rows):
        if number >= MAX_ROWS:
            raise base.ImportFailed(f"sheet {title!r} has more than {MAX_ROWS} rows")
        cells = (
            (c, _cell(v, c)) for c, v in zip(columns, values, strict=False) if c and v is not None
        )
        row = {c: text for c, text in cells if text}
        if row:
            result.append(row)
    return result


def type_words(value: str) -> list[str]:
    """A `type` cell's words as read: `Select One x` → `["select_one", "x"]`."""
    return _norm_type(value).split()


def _cell(value: Any, column: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    # labels and hints keep their spaces; names, types and expressions do not
    return text if column.split("::")[0] in ("label", "hint", "form_title") else text.strip()


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise base.ImportFailed("not an .xlsx workbook (not a zip archive)") from exc
    with archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if total > MAX_UNCOMPRESSED:
                raise base.ImportFailed("the workbook unpacks to more than 50 MB")
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                raise base.ImportFailed(f"{info.filename} is compressed suspiciously well")


_ROW_READERS: dict[str, Any] = {
    "select_one": XLSFormImporter.select,
    "select_multiple": XLSFormImporter.select,
    "rank": XLSFormImporter.select,
    "text": XLSFormImporter.text,
    "integer": XLSFormImporter.number,
    "decimal": XLSFormImporter.number,
    "date": lambda self, row, q, words: self.simple("date")(row, q, words),
    "note": lambda self, row, q, words: self.simple("display")(row, q, words),
    "hidden": lambda self, row, q, words: self.simple("hidden")(row, q, words),
    "range": XLSFormImporter.range_,
    "select_one_from_file": XLSFormImporter.from_file,
    "select_multiple_from_file": XLSFormImporter.from_file,
    "select_one_external": XLSFormImporter.from_file,
} | dict.fromkeys(_STAND_INS, XLSFormImporter.stand_in)
#: Every type word a survey sheet may hold (questions, groups, metadata, calculations).
TYPE_WORDS = frozenset(
    {*_ROW_READERS, *_META_TYPES, "calculate", "begin_group", "end_group", "begin_repeat"}
    | {"end_repeat"}
)

EXPORTER = XLSFormExporter
IMPORTER = XLSFormImporter
