"""SurveyJS (survey-core 3.x) JSON: export and import.

A page per block (and per page break inside a block: `<block>_page<n>`), one element per
question. Conditions are SurveyJS expressions (`{Q1} = '2'`, `{Q3} anyof ['1']`); skips
become `visibleIf`; terminations become `complete` triggers with a matching
`completedHtmlOnCondition`; computed values are `calculatedValues`. Option flags use the
per-choice properties (`showCommentArea`, `isExclusive`) so codes survive a round trip.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bs4 import BeautifulSoup

from fielder.ir import expressions as ex
from fielder.ir.models import (
    Block,
    Ending,
    Item,
    Option,
    OptionsFrom,
    PageBreak,
    Question,
    Row,
    ScaleLabels,
    Survey,
    Validation,
    Variable,
)
from fielder.platforms import base, transforms
from fielder.platforms.expr_tokens import TokenCursor, tokenize
from fielder.platforms.fielder import parse_json
from fielder.platforms.logic import LogicRenderer

#: A number question's "whole numbers only" check, recognised again on import.
INTEGER_REGEX = "^-?\\d+$"

_RANDOM_ORDER = frozenset({"radiogroup", "dropdown", "checkbox", "ranking"})


class SurveyJSLogic(LogicRenderer):
    """SurveyJS expressions: `{name}` references, `=`, `anyof`/`allof`/`noneof`, `!`."""

    NAME: ClassVar[str] = "surveyjs"
    REF: ClassVar[str] = "{{{name}}}"
    ROW_REF: ClassVar[str] = "{{{name}.{row}}}"
    COMPARE: ClassVar[dict[str, str]] = LogicRenderer.COMPARE | {"==": "="}
    IN: ClassVar[str | None] = "{left} anyof {items}"
    NOT_IN: ClassVar[str | None] = "{left} noneof {items}"
    CONTAINS: ClassVar[str | None] = "{left} contains {right}"
    CONTAINS_ANY: ClassVar[str | None] = "{left} anyof {items}"
    CONTAINS_ALL: ClassVar[str | None] = "{left} allof {items}"
    FUNCTIONS: ClassVar[dict[str, str]] = {"answered": "{0} notempty", "count": "count({0})"}

    def operand(self, node: ex.Expr) -> str:
        """As the base, but `{Q} notempty` (a postfix operator) is parenthesised too."""
        text = super().operand(node)
        return f"({text})" if isinstance(node, ex.Call) and node.name == "answered" else text

    def not_(self, node: ex.Not) -> str:
        """SurveyJS negates with `!` (it has no `not`)."""
        return f"!({self.render(node.operand)})"


class SurveyJSExporter(base.Exporter):
    """IR → SurveyJS JSON."""

    NAME: ClassVar[str] = "surveyjs"
    FILE_EXTENSION: ClassVar[str] = "json"
    MEDIA_TYPE: ClassVar[str] = "application/json"
    SUPPORTS_SKIP_TO: ClassVar[bool] = False
    SUPPORTS_FIXED_OPTIONS: ClassVar[bool] = False
    PREPROCESS = (transforms.skip_to_display_if,)
    LOGIC: ClassVar[type[LogicRenderer]] = SurveyJSLogic

    def generate(self, survey: Survey) -> bytes:
        """The survey JSON, keys sorted, two-space indent."""
        document: dict[str, Any] = {}
        if survey.title:
            document["title"] = survey.title
        if survey.languages and survey.languages != ["en"]:
            document["locale"] = survey.languages[0]
            if len(survey.languages) > 1:
                self.unsupported(base.SURVEY, "languages", "only the first language is written")
        document["pages"] = self.pages(survey)
        self.survey_logic(survey, document)
        text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    def pages(self, survey: Survey) -> list[dict[str, Any]]:
        """One SurveyJS page per page of each block."""
        result: list[dict[str, Any]] = []
        for block in survey.blocks:
            block_pages = transforms.pages(block)
            if not block_pages:
                self.unsupported(block.id, "block", "a block without questions has no page")
            for number, questions in enumerate(block_pages, start=1):
                page: dict[str, Any] = {
                    "name": block.id if number == 1 else f"{block.id}_page{number}"
                }
                if block.title and number == 1:
                    page["title"] = block.title
                if block.randomize:
                    page["questionOrder"] = "random"
                page["elements"] = [e for q in questions if (e := self.question(q)) is not None]
                result.append(page)
        return result

    def survey_logic(self, survey: Survey, document: dict[str, Any]) -> None:
        """Computed values, termination triggers and end screens."""
        calculated = []
        for variable in survey.variables:
            expression = self.condition(variable.name, "variable", variable.expression)
            if expression is not None:
                calculated.append(
                    {"name": variable.name, "expression": expression, "includeIntoResult": True}
                )
        if calculated:
            document["calculatedValues"] = calculated
        endings = {ending.id: ending.text for ending in survey.endings}
        triggers, conditional = [], []
        for question in survey.questions():
            # the IR ends only when the question was shown: its display condition goes first
            condition = transforms.conjoin(question.display_if, question.terminate_if)
            if question.terminate_if is None:
                continue
            expression = self.condition(question.id, "terminate_if", condition)
            if expression is None:
                continue
            triggers.append({"type": "complete", "expression": expression})
            self.check_owner(survey, question)
            if "screened_out" in endings:
                conditional.append(
                    {"expression": expression, "html": _html(endings["screened_out"])}
                )
        if triggers:
            document["triggers"] = triggers
        if conditional:
            document["completedHtmlOnCondition"] = conditional
        if "screened_out" in endings and not conditional:
            self.unsupported("screened_out", "ending", "shown only when a termination fires")
        if "complete" in endings:
            document["completedHtml"] = _html(endings["complete"])
        for ending_id in sorted(set(endings) - {"complete", "screened_out"}):
            reason = (
                "SurveyJS has no quotas to show it for"
                if ending_id == "over_quota"
                else "SurveyJS shows only completion screens"
            )
            self.unsupported(ending_id, "ending", reason)

    def check_owner(self, survey: Survey, question: Question) -> None:
        """Report a termination an importer would attach to another question.

        Triggers belong to the survey, so an import attaches each to the latest question
        its condition names (or the last question).
        """
        order = {q.id: n for n, q in enumerate(survey.questions())}
        condition = transforms.conjoin(question.display_if, question.terminate_if) or ""
        names = {r.name for r in ex.references(ex.parse(condition))}
        named = [name for name in names if name in order]
        owner = max(named, key=order.__getitem__) if named else survey.questions()[-1].id
        if owner != question.id:
            reason = f"a complete trigger; read back on {owner}"
            self.unsupported(question.id, "terminate_if", reason)
            self.unsupported(owner, "terminate_if", f"may receive the termination of {question.id}")

    # --- question renderers --------------------------------------------------------

    def element(self, question: Question, kind: str) -> dict[str, Any]:
        """The properties every SurveyJS question shares."""
        element: dict[str, Any] = {"type": kind, "name": question.id}
        if question.text and kind != "html":
            element["title"] = self.pipe(question.text)
        if question.instructions:
            element["description"] = self.pipe(question.instructions)
        if question.required and question.type not in ("display", "hidden"):
            element["isRequired"] = True
        if question.randomize_options and kind not in _RANDOM_ORDER:
            self.unsupported(question.id, "randomize_options", f"a {kind} keeps its order")
        visible_if = self.condition(question.id, "display_if", question.display_if)
        if visible_if is not None:
            element["visibleIf"] = visible_if
        return element

    def pipe(self, text: str) -> str:
        """IR piping `{{Q2}}` → SurveyJS `{Q2}`.

        SurveyJS reads any `{name}` as a placeholder and has no escape: literal ones are
        reported.
        """
        if _ANY_BRACES.search(_PIPE_TEXT.sub("", text)):
            self.unsupported(self.current_id, "text", "braces SurveyJS reads as a placeholder")
        return self.piping(text, lambda name: "{" + name + "}")

    def display_export(self, question: Question) -> dict[str, Any]:
        """An information screen: an `html` element."""
        element = self.element(question, "html")
        element["html"] = _html(self.pipe(question.text))
        self.no_validation(question)
        return element

    def hidden_export(self, question: Question) -> dict[str, Any]:
        """A hidden value: a `text` question with `visible: false`."""
        element = self.element(question, "text")
        element["visible"] = False
        self.no_validation(question)
        return element

    def single_export(self, question: Question) -> dict[str, Any]:
        """radiogroup."""
        return self.choice(question, "radiogroup")

    def dropdown_export(self, question: Question) -> dict[str, Any]:
        """dropdown."""
        return self.choice(question, "dropdown")

    def multi_export(self, question: Question) -> dict[str, Any]:
        """checkbox, with an answer-count validator for choice limits."""
        element = self.choice(question, "checkbox")
        rule = question.validation
        if rule is not None and (rule.min_choices is not None or rule.max_choices is not None):
            validator: dict[str, Any] = {"type": "answercount"}
            if rule.min_choices is not None:
                validator["minCount"] = rule.min_choices
            if rule.max_choices is not None:
                validator["maxCount"] = rule.max_choices
            element["validators"] = [validator]
        return element

    def ranking_export(self, question: Question) -> dict[str, Any]:
        """ranking."""
        return self.choice(question, "ranking")

    def choice(self, question: Question, kind: str) -> dict[str, Any]:
        """A choice question: choices, carry-forward, random order."""
        element = self.element(question, kind)
        if question.options_from is not None:
            element["choicesFromQuestion"] = question.options_from.question
            mode = "selected" if question.options_from.selected else "unselected"
            element["choicesFromQuestionMode"] = mode
            element["hideIfChoicesEmpty"] = True  # as the IR: nothing carried, nothing asked
            if question.options:
                self.unsupported(
                    question.id, "options", "only the carried-forward ones are offered"
                )
        elif question.options:
            element["choices"] = [self.choice_item(question, o, kind) for o in question.options]
        if question.randomize_options:
            element["choicesOrder"] = "random"
        if kind != "checkbox":
            self.only_validation(question, set())
        else:
            self.only_validation(question, {"min_choices", "max_choices"})
        return element

    def choice_item(self, question: Question, option: Option, kind: str) -> dict[str, Any]:
        """One choice: value = the option code, text = its label."""
        item: dict[str, Any] = {"value": option.code, "text": self.pipe(option.label)}
        if option.specify:
            if kind == "ranking":
                self.unsupported(
                    f"{question.id}.{option.code}", "specify", "ranked items take no text"
                )
            else:
                item["showCommentArea"] = True
        if option.exclusive:
            if kind == "checkbox":
                item["isExclusive"] = True
            else:
                self.unsupported(
                    f"{question.id}.{option.code}",
                    "exclusive",
                    f"a {kind} has no exclusive choices",
                )
        return item

    def scale_export(self, question: Question) -> dict[str, Any]:
        """rating, with the options as rate values and the end labels as descriptions."""
        element = self.element(question, "rating")
        element["rateValues"] = [
            {"value": o.code, "text": self.pipe(o.label)} for o in question.options
        ]
        if question.scale is not None:
            if question.scale.min_label:
                element["minRateDescription"] = question.scale.min_label
            if question.scale.max_label:
                element["maxRateDescription"] = question.scale.max_label
        self.option_flags_lost(question)
        self.only_validation(question, set())
        return element

    def grid_export(self, question: Question) -> dict[str, Any]:
        """matrix (radio cells, or checkbox cells for a multiple grid)."""
        element = self.element(question, "matrix")
        element["columns"] = [
            {"value": o.code, "text": self.pipe(o.label)} for o in question.options
        ]
        element["rows"] = [{"value": r.id, "text": self.pipe(r.label)} for r in question.rows]
        if question.multiple:
            element["cellType"] = "checkbox"
        if question.required:
            element["eachRowRequired"] = True
        self.option_flags_lost(question)
        self.only_validation(question, set())
        return element

    def text_export(self, question: Question) -> dict[str, Any]:
        """text (single line), with length and pattern checks."""
        return self.text_like(question, "text", None)

    def long_text_export(self, question: Question) -> dict[str, Any]:
        """comment (multi-line text)."""
        return self.text_like(question, "comment", None)

    def email_export(self, question: Question) -> dict[str, Any]:
        """text with inputType email."""
        return self.text_like(question, "text", "email")

    def date_export(self, question: Question) -> dict[str, Any]:
        """text with inputType date."""
        return self.text_like(question, "text", "date")

    def text_like(self, question: Question, kind: str, input_type: str | None) -> dict[str, Any]:
        """A text input with maxLength and a regex validator."""
        element = self.element(question, kind)
        if input_type:
            element["inputType"] = input_type
        rule = question.validation
        if rule is not None:
            if rule.max_length is not None:
                element["maxLength"] = rule.max_length
            if rule.pattern is not None:
                element["validators"] = [{"type": "regex", "regex": rule.pattern}]
        self.only_validation(question, {"max_length", "pattern"})
        return element

    def number_export(self, question: Question) -> dict[str, Any]:
        """text with inputType number; a numeric validator for the range."""
        element = self.element(question, "text")
        element["inputType"] = "number"
        rule = question.validation
        validators: list[dict[str, Any]] = []
        if rule is not None and (rule.min is not None or rule.max is not None):
            numeric: dict[str, Any] = {"type": "numeric"}
            if rule.min is not None:
                numeric["minValue"] = _number(rule.min)
            if rule.max is not None:
                numeric["maxValue"] = _number(rule.max)
            validators.append(numeric)
        if rule is not None and rule.integer:
            validators.append({"type": "regex", "regex": INTEGER_REGEX})
        if validators:
            element["validators"] = validators
        self.only_validation(question, {"min", "max", "integer"})
        return element

    def constant_sum_export(self, question: Question) -> dict[str, Any]:
        """multipletext of number inputs, with an expression validator on the total."""
        element = self.element(question, "multipletext")
        element["items"] = [
            {"name": o.code, "title": self.pipe(o.label), "inputType": "number"}
            for o in question.options
        ]
        if question.total is not None and question.options:
            parts = ", ".join("{" + f"{question.id}.{o.code}" + "}" for o in question.options)
            element["validators"] = [
                {"type": "expression", "expression": f"sum({parts}) = {_number(question.total)}"}
            ]
        self.option_flags_lost(question)
        self.only_validation(question, set())
        return element

    # --- what a renderer cannot hold -----------------------------------------------

    def only_validation(self, question: Question, kept: set[str]) -> None:
        """Report validation fields other than `kept` that this type's element cannot hold."""
        if question.validation is None:
            return
        for name in question.validation.model_dump(exclude_none=True):
            if name not in kept:
                self.unsupported(
                    question.id, f"validation.{name}", f"no {name} check on a {question.type}"
                )

    def no_validation(self, question: Question) -> None:
        """Report any validation on an element that takes no answer."""
        self.only_validation(question, set())

    def option_flags_lost(self, question: Question) -> None:
        """Report specify / exclusive flags on options of an element that has no such choices."""
        for option in question.options:
            for flag in ("specify", "exclusive"):
                if getattr(option, flag):
                    self.unsupported(
                        f"{question.id}.{option.code}",
                        flag,
                        f"a {question.type} has no {flag} options",
                    )


def _html(text: str) -> str:
    """Plain text as HTML (escaped, line breaks kept)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# --- import ---------------------------------------------------------------------------

_EXPR_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<var>\{[^{}]*\})
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<>|<=|>=|&&|\|\||[=<>+\-*/%!()\[\],])
    """,
    re.VERBOSE,
)
_WORD_COMPARE = {
    "equal": "==",
    "notequal": "!=",
    "less": "<",
    "lessorequal": "<=",
    "greater": ">",
    "greaterorequal": ">=",
}
_SYMBOL_COMPARE = {
    "=": "==",
    "==": "==",
    "!=": "!=",
    "<>": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
}
_MULTI_KINDS = frozenset({"multi", "ranking"})


def _fold_keyword(kind: str, value: str) -> str:
    return value.lower() if kind == "word" and value.lower() in _KEYWORDS else value


class _ExprParser(TokenCursor):
    """SurveyJS expression text → IR expression AST (what the IR cannot say raises)."""

    def __init__(self, text: str, names: dict[str, str], types: dict[str, str]) -> None:
        super().__init__(tokenize(_EXPR_TOKEN, text, _fold_keyword))
        self.names = names
        self.types = types

    def parse(self) -> ex.Expr:
        node = self.or_()
        if self.peek()[0] != "end":
            raise ValueError(f"unexpected {self.peek()[1]!r}")
        return node

    def or_(self) -> ex.Expr:
        node = self.and_()
        while self.accept("or", "||"):
            node = ex.BoolOp("or", node, self.and_())
        return node

    def and_(self) -> ex.Expr:
        node = self.not_()
        while self.accept("and", "&&"):
            node = ex.BoolOp("and", node, self.not_())
        return node

    def not_(self) -> ex.Expr:
        if self.accept("!", "not"):
            return ex.Not(self.not_())
        return self.comparison()

    def comparison(self) -> ex.Expr:
        left = self.sum_()
        kind, value = self.peek()
        if kind == "op" and value in _SYMBOL_COMPARE:
            self.take()
            return ex.Compare(_SYMBOL_COMPARE[value], left, self.sum_())  # type: ignore[arg-type]
        if kind != "word":
            return left
        if value in _WORD_COMPARE:
            self.take()
            return ex.Compare(_WORD_COMPARE[value], left, self.sum_())  # type: ignore[arg-type]
        if value in ("empty", "notempty"):
            self.take()
            answered = ex.Call("answered", self.as_ref(left))
            return answered if value == "notempty" else ex.Not(answered)
        if value in ("contains", "notcontains"):
            self.take()
            found = ex.Contains(left, "one", self.sum_())
            return found if value == "contains" else ex.Not(found)
        if value in ("anyof", "allof", "noneof"):
            self.take()
            return self.set_test(left, value, self.list_())
        return left

    def set_test(self, left: ex.Expr, word: str, items: ex.ListLit) -> ex.Expr:
        multi = isinstance(left, ex.Ref) and self.types.get(left.name) in _MULTI_KINDS
        multi = multi or (isinstance(left, ex.Ref) and left.row is not None)
        if word == "allof":
            return ex.Contains(left, "all", items)
        if multi:
            found = ex.Contains(left, "any", items)
            return found if word == "anyof" else ex.Not(found)
        return ex.In(left, items, negated=word == "noneof")

    def sum_(self) -> ex.Expr:
        node = self.product()
        while (op := self.accept("+", "-")) is not None:
            node = ex.Arith(op, node, self.product())  # type: ignore[arg-type]
        return node

    def product(self) -> ex.Expr:
        node = self.unary()
        while (op := self.accept("*", "/")) is not None:
            node = ex.Arith(op, node, self.unary())  # type: ignore[arg-type]
        return node

    def unary(self) -> ex.Expr:
        if self.accept("-"):
            operand = self.unary()
            if isinstance(operand, ex.Num):
                return ex.Num(-operand.value)
            return ex.Neg(operand)
        return self.primary()

    def primary(self) -> ex.Expr:
        kind, value = self.take()
        if kind == "num":
            return ex.Num(float(value) if "." in value else int(value))
        if kind == "str":
            return ex.Str(value[1:-1])
        if kind == "var":
            return self.reference(value[1:-1].strip())
        if kind == "op" and value == "(":
            node = self.or_()
            self.expect(")")
            return node
        if kind == "op" and value == "[":
            self.index -= 1
            return self.list_()
        if kind == "word" and value in ("true", "false"):
            return ex.Bool(value == "true")
        if kind == "word" and self.accept("("):
            return self.function(value)
        raise ValueError(f"unexpected {value or 'end'!r}")

    def function(self, name: str) -> ex.Expr:
        if name.lower() != "count":
            raise ValueError(f"the IR has no function {name}()")
        kind, value = self.take()
        if kind != "var":
            raise ValueError("count() takes one question")
        self.expect(")")
        return ex.Call("count", self.as_ref(self.reference(value[1:-1].strip())))

    def reference(self, path: str) -> ex.Ref:
        parts = path.split(".")
        if len(parts) > 2 or parts[0] in ("row", "panel", "item", "composite"):
            raise ValueError(f"the IR cannot refer to {{{path}}}")
        name = self.names.get(parts[0], parts[0])
        return ex.Ref(name, parts[1] if len(parts) == 2 else None)

    def as_ref(self, node: ex.Expr) -> ex.Ref:
        if not isinstance(node, ex.Ref):
            raise ValueError("empty/notempty needs a question")
        return node

    def list_(self) -> ex.ListLit:
        self.expect("[")
        items: list[ex.Str | ex.Num | ex.Bool] = []
        while not self.accept("]"):
            item = self.unary()
            if not isinstance(item, (ex.Str, ex.Num, ex.Bool)):
                raise ValueError("a list holds literals only")
            items.append(item)
            self.accept(",")
            if self.peek()[0] == "end":
                raise ValueError("unclosed list")
        return ex.ListLit(tuple(items))


_KEYWORDS = frozenset(
    {"and", "or", "not", "true", "false", "empty", "notempty", "contains", "notcontains"}
    | {"anyof", "allof", "noneof"}
    | set(_WORD_COMPARE)
)


def _text(value: Any) -> str:
    """A localizable SurveyJS string: plain, or `{"default": ..., "de": ...}`."""
    if isinstance(value, dict):
        for key in ("default", "en"):
            if isinstance(value.get(key), str):
                return str(value[key])
        first = next((v for v in value.values() if isinstance(v, str)), "")
        return str(first)
    if value is None:
        return ""
    return str(value)


def _html_text(value: Any) -> str:
    """The readable text of an HTML fragment (line breaks kept)."""
    markup = re.sub(r"<br\s*/?>", "\n", _text(value), flags=re.IGNORECASE)
    return BeautifulSoup(markup, "html.parser").get_text()


_PIPE_TEXT = re.compile(r"\{\{\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?\s*\}\}")
# survey-core takes any `{…}` for a placeholder, names or not (`{1,3}` too).
_ANY_BRACES = re.compile(r"\{[^{}]+\}")
_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)?)\s*\}")


def _pipe_names(text: str, names: dict[str, str]) -> str:
    """SurveyJS `{Q2}` placeholders naming a question or value → IR piping `{{Q2}}`."""

    def replace(match: re.Match[str]) -> str:
        name = names.get(match.group(1))
        return "{{" + name + match.group(2) + "}}" if name else match.group(0)

    return _PLACEHOLDER.sub(replace, text)


@dataclass
class _Pending:
    """An expression waiting for every name to be known: where it goes, and its text."""

    element_id: str
    feature: str
    text: str
    apply: Any


@dataclass
class _State:
    """What the importer has read so far."""

    names: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    types: dict[str, str] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)
    variables: list[Variable] = field(default_factory=list)


class SurveyJSImporter(base.Importer):
    """SurveyJS JSON → IR. Unknown element types and properties are reported, not fatal."""

    NAME: ClassVar[str] = "surveyjs"

    def read(self, data: bytes) -> Survey:
        """Parse a SurveyJS survey JSON document."""
        document = parse_json(data)
        if not isinstance(document, dict):
            raise base.ImportFailed("a SurveyJS survey is a JSON object")
        state = _State()
        blocks = self.blocks(_pages(document), state)
        survey = Survey(
            title=_text(document.get("title")),
            languages=[str(document["locale"])] if document.get("locale") else ["en"],
            blocks=blocks,
        )
        self.resolve(survey, state)
        survey.variables = self.variables(document, state) + state.variables
        self.piping(survey, state.names | {v.name: v.name for v in survey.variables})
        self.endings(document, survey, state)
        return survey

    # --- structure ----------------------------------------------------------------

    def blocks(self, pages: list[dict[str, Any]], state: _State) -> list[Block]:
        """One block per page; `<block>_page<n>` pages continue their block after a break."""
        blocks: list[Block] = []
        for number, page in enumerate(pages, start=1):
            raw_name = str(page.get("name") or f"page{number}")
            continued = re.fullmatch(r"(.+)_page\d+", raw_name)
            items = self.elements(_list(page.get("elements")), state, page.get("visibleIf"))
            if continued and blocks and blocks[-1].id == continued.group(1):
                blocks[-1].items.append(PageBreak(type="page_break"))
                blocks[-1].items.extend(items)
                continue
            block_id = base.make_identifier(raw_name, {b.id for b in blocks}, prefix="P")
            title = _text(page.get("title")) or None
            randomize = page.get("questionOrder", page.get("questionsOrder")) == "random"
            blocks.append(Block(id=block_id, title=title, randomize=randomize, items=list(items)))
        return blocks

    def elements(self, elements: list[Any], state: _State, visible_if: Any) -> list[Item]:
        """The questions of a page or panel (panels are flattened, their conditions kept)."""
        items: list[Item] = []
        for element in elements:
            if not isinstance(element, dict):
                self.unsupported(base.SURVEY, "element", "an element that is not an object")
                continue
            kind = str(element.get("type", "")).lower()
            if kind == "panel":
                inner = element.get("visibleIf")
                both = transforms.conjoin(_opt_str(visible_if), _opt_str(inner))
                items.extend(self.elements(_list(element.get("elements")), state, both))
                continue
            question = self.question(element, kind, state)
            if question is not None:
                if visible_if:
                    self.later(
                        state, question.id, "display_if", str(visible_if), _and_display(question)
                    )
                items.append(question)
        return items

    def question(self, element: dict[str, Any], kind: str, state: _State) -> Question | None:
        """One SurveyJS element as an IR question (None, reported, when the IR has no such type)."""
        raw_name = str(element.get("name") or kind or "Q")
        reader = _READERS.get(kind)
        if kind == "expression":
            self.expression_question(element, raw_name, state)
            return None
        if reader is None:
            self.unsupported(raw_name, f"type:{kind}", f"the IR has no SurveyJS {kind!r} question")
            return None
        if raw_name in state.names:
            self.unsupported(raw_name, "name", "a second question with this name was renamed")
        qid = base.make_identifier(raw_name, state.taken)
        state.names.setdefault(raw_name, qid)
        question = Question(id=qid, type="text")
        question.text = _text(element.get("title"))
        question.instructions = _text(element.get("description")) or None
        question.required = bool(element.get("isRequired", False))
        reader(self, element, question)
        for key in sorted(set(element) - _READ_PROPERTIES.get(kind, set()) - _COMMON_PROPERTIES):
            self.unsupported(qid, f"property:{key}", "the IR has no such setting")
        state.types[qid] = question.type
        if element.get("visibleIf"):
            self.later(state, qid, "display_if", str(element["visibleIf"]), _and_display(question))
        for feature in ("enableIf", "requiredIf", "defaultValueExpression", "setValueExpression"):
            if element.get(feature):
                self.unsupported(qid, feature, "the IR has no such condition")
        return question

    def expression_question(self, element: dict[str, Any], raw_name: str, state: _State) -> None:
        """An `expression` question shows a computed value: it becomes an IR variable."""
        name = base.make_identifier(raw_name, state.taken)
        state.names.setdefault(raw_name, name)
        self.unsupported(name, "type:expression", "became a computed variable (not shown)")
        text = str(element.get("expression") or "")

        def add(expression: str) -> None:
            state.variables.append(Variable(name=name, expression=expression))

        self.later(state, name, "variable", text, add)

    # --- question types -----------------------------------------------------------

    def read_choice(self, element: dict[str, Any], question: Question, kind: str) -> None:
        """Choices, special items, carry-forward and order of a select question."""
        question.type = kind  # type: ignore[assignment]
        question.options = self.options(element, question.id)
        source = element.get("choicesFromQuestion")
        if source:
            mode = element.get("choicesFromQuestionMode", "all")
            if mode == "all":
                self.unsupported(question.id, "options_from", "copies all options, not a selection")
            else:
                question.options_from = OptionsFrom(
                    question=str(source), selected=mode != "unselected"
                )
        order = element.get("choicesOrder", element.get("choicesorder"))
        question.randomize_options = order == "random"
        if order in ("asc", "desc"):
            self.unsupported(
                question.id, "choicesOrder", f"options sorted {order} are kept as written"
            )
        for feature in ("choicesVisibleIf", "choicesEnableIf", "choicesByUrl", "showSelectAllItem"):
            if element.get(feature):
                self.unsupported(question.id, feature, "the IR has no such option rule")
        self.validators(element, question)

    def options(self, element: dict[str, Any], qid: str) -> list[Option]:
        """Choices plus the Other / None / Refuse / Don't know items SurveyJS adds itself."""
        options: list[Option] = []
        for choice in _list(element.get("choices")):
            if isinstance(choice, dict):
                value = choice.get("value")
                code = str(value if value is not None else _text(choice.get("text")))
                label = _text(choice.get("text")) or code
                specify = bool(choice.get("showCommentArea"))
                exclusive = bool(choice.get("isExclusive"))
                options.append(Option(code=code, label=label, specify=specify, exclusive=exclusive))
            elif choice is not None:
                options.append(Option(code=str(choice), label=str(choice)))
        for flag, legacy, code, text_key, default, specify in _SPECIAL_ITEMS:
            if element.get(flag) or element.get(legacy):
                label = _text(element.get(text_key)) or default
                options.append(
                    Option(code=code, label=label, specify=specify, exclusive=not specify)
                )
        codes = base.unique_codes(o.code for o in options)
        for option, code in zip(options, codes, strict=True):
            if option.code != code:
                self.unsupported(
                    f"{qid}.{option.code}", "code", f"a repeated choice value became {code}"
                )
                option.code = code
        return options

    def read_rating(self, element: dict[str, Any], question: Question) -> None:
        """rating → scale (explicit rate values, or rateMin..rateMax by rateStep)."""
        question.type = "scale"
        values = _list(element.get("rateValues"))
        if values:
            question.options = [
                Option(code=str(v.get("value")), label=_text(v.get("text")) or str(v.get("value")))
                if isinstance(v, dict)
                else Option(code=str(v), label=str(v))
                for v in values
            ]
        else:
            low, high, step = (_int(element.get(k), d) for k, d in _RATE_RANGE)
            if element.get("rateCount") and "rateMax" not in element:
                high = low + (_int(element.get("rateCount"), 5) - 1) * step
            codes = (
                range(low, high + 1, max(step, 1)) if high - low <= 1000 else range(low, low + 1)
            )
            question.options = [Option(code=str(n), label=str(n)) for n in codes]
        low_label = _text(element.get("minRateDescription", element.get("mininumRateDescription")))
        high_label = _text(element.get("maxRateDescription", element.get("maximumRateDescription")))
        if low_label or high_label:
            question.scale = ScaleLabels(min_label=low_label or None, max_label=high_label or None)
        if element.get("rateType") in ("stars", "smileys"):
            self.unsupported(question.id, "rateType", f"{element['rateType']} are shown as numbers")

    def read_matrix(self, element: dict[str, Any], question: Question) -> None:
        """matrix → grid (checkbox cells → multiple)."""
        question.type = "grid"
        question.multiple = element.get("cellType") == "checkbox"
        question.options = self.options({"choices": element.get("columns")}, question.id)
        taken: set[str] = set()
        question.rows = []
        for row in _list(element.get("rows")):
            value, label = (
                (row.get("value"), row.get("text")) if isinstance(row, dict) else (row, row)
            )
            row_id = base.make_identifier(str(value), taken, prefix="r")
            question.rows.append(_row(row_id, _text(label) or str(value)))
        question.required = question.required or bool(element.get("eachRowRequired"))

    def read_text(self, element: dict[str, Any], question: Question) -> None:
        """text → text / number / date / email / hidden (by inputType and visibility)."""
        input_type = str(element.get("inputType", "text")).lower()
        kind = {"number": "number", "range": "number", "date": "date", "email": "email"}
        question.type = kind.get(input_type, "text")  # type: ignore[assignment]
        if input_type not in kind and input_type not in ("text", "tel", "url"):
            self.unsupported(question.id, "inputType", f"a {input_type} input is read as text")
        if element.get("visible") is False:
            question.type = "hidden"
            question.required = False
        self.validators(element, question)

    def read_comment(self, element: dict[str, Any], question: Question) -> None:
        """comment → long_text."""
        question.type = "long_text"
        self.validators(element, question)

    def read_html(self, element: dict[str, Any], question: Question) -> None:
        """html → display."""
        question.type = "display"
        question.required = False
        # Not stripped: what fielder exported comes back exactly (spaces are the author's).
        question.text = _html_text(element.get("html")) or question.text

    def read_boolean(self, element: dict[str, Any], question: Question) -> None:
        """boolean → single with Yes / No (values true / false)."""
        question.type = "single"
        yes = _text(element.get("labelTrue")) or "Yes"
        no = _text(element.get("labelFalse")) or "No"
        question.options = [Option(code="true", label=yes), Option(code="false", label=no)]
        self.unsupported(
            question.id, "type:boolean", "read as a single choice with codes true/false"
        )

    def read_multipletext(self, element: dict[str, Any], question: Question) -> None:
        """multipletext of numbers with a sum check → constant_sum; otherwise reported."""
        question.type = "constant_sum"
        items = [i for i in _list(element.get("items")) if isinstance(i, dict)]
        question.options = [
            Option(code=str(i.get("name")), label=_text(i.get("title")) or str(i.get("name")))
            for i in items
        ]
        if any(i.get("inputType") != "number" for i in items):
            self.unsupported(question.id, "type:multipletext", "text boxes read as a constant sum")
        for validator in _list(element.get("validators")):
            total = re.fullmatch(
                r"\s*sum\(.*\)\s*=+\s*(-?\d+(?:\.\d+)?)\s*", str(_get(validator, "expression"))
            )
            if total:
                question.total = float(total.group(1))
        if question.total is None:
            self.unsupported(question.id, "total", "no total found for the text boxes")

    def validators(self, element: dict[str, Any], question: Question) -> None:
        """SurveyJS validators and limit properties → IR validation (the rest reported)."""
        rule = Validation()
        for key, target in (
            ("minSelectedChoices", "min_choices"),
            ("maxSelectedChoices", "max_choices"),
        ):
            if element.get(key):
                setattr(rule, target, _int(element[key], 0))
        if isinstance(element.get("maxLength"), int) and element["maxLength"] > 0:
            rule.max_length = element["maxLength"]
        for validator in _list(element.get("validators")):
            self.validator(validator, question, rule)
        if rule.model_dump(exclude_none=True):
            question.validation = rule

    def validator(self, validator: Any, question: Question, rule: Validation) -> None:
        """One validator into `rule`."""
        kind = str(_get(validator, "type")).lower()
        if kind == "answercount":
            rule.min_choices = _opt_int(_get(validator, "minCount"))
            rule.max_choices = _opt_int(_get(validator, "maxCount"))
        elif kind == "numeric":
            rule.min = _opt_float(_get(validator, "minValue"))
            rule.max = _opt_float(_get(validator, "maxValue"))
        elif (
            kind == "regex"
            and _get(validator, "regex") == INTEGER_REGEX
            and question.type == "number"
        ):
            rule.integer = True
        elif kind == "regex" and _get(validator, "regex"):
            rule.pattern = str(_get(validator, "regex"))
        elif kind == "text" and _get(validator, "maxLength"):
            rule.max_length = _opt_int(_get(validator, "maxLength"))
        elif kind == "email" and question.type == "text":
            question.type = "email"
        else:
            self.unsupported(question.id, f"validator:{kind}", "the IR has no such check")

    # --- expressions --------------------------------------------------------------

    def later(self, state: _State, element_id: str, feature: str, text: str, apply: Any) -> None:
        """Queue an expression until every question's IR id and type are known."""
        state.pending.append(_Pending(element_id, feature, text, apply))

    def translate(self, state: _State, element_id: str, feature: str, text: str) -> str | None:
        """SurveyJS expression → IR expression text; None (reported) when it cannot be said."""
        try:
            node = _ExprParser(text, state.names, state.types).parse()
        except (ValueError, RecursionError) as exc:
            self.unsupported(element_id, feature, f"cannot read {text!r}: {exc}")
            return None
        return ex.print_expr(node)

    def piping(self, survey: Survey, names: dict[str, str]) -> None:
        """Placeholders of known names in every text become IR piping."""
        for question in survey.questions():
            question.text = _pipe_names(question.text, names)
            if question.instructions:
                question.instructions = _pipe_names(question.instructions, names)
            for option in question.options:
                option.label = _pipe_names(option.label, names)
            for row in question.rows:
                row.label = _pipe_names(row.label, names)

    def resolve(self, survey: Survey, state: _State) -> None:
        """Translate every queued expression now that names and types are known."""
        for pending in state.pending:
            translated = self.translate(state, pending.element_id, pending.feature, pending.text)
            if translated is not None:
                pending.apply(translated)

    def variables(self, document: dict[str, Any], state: _State) -> list[Variable]:
        """calculatedValues → variables."""
        found: list[Variable] = []
        for item in _list(document.get("calculatedValues")):
            raw = str(_get(item, "name") or "value")
            name = base.make_identifier(raw, state.taken, prefix="V")
            expression = self.translate(
                state, name, "variable", str(_get(item, "expression") or "")
            )
            if expression is not None:
                found.append(Variable(name=name, expression=expression))
        return found

    def endings(self, document: dict[str, Any], survey: Survey, state: _State) -> None:
        """completedHtml, complete triggers (→ terminate_if) and conditional end screens."""
        if document.get("completedHtml"):
            survey.endings.append(Ending(id="complete", text=_html_text(document["completedHtml"])))
        order = {q.id: n for n, q in enumerate(survey.questions())}
        questions = survey.question_map()
        terminations: set[str] = set()
        for trigger in _list(document.get("triggers")):
            kind = str(_get(trigger, "type")).lower()
            text = str(_get(trigger, "expression") or "")
            if kind != "complete":
                self.unsupported(base.SURVEY, f"trigger:{kind}", "the IR has no such trigger")
                continue
            condition = self.translate(state, base.SURVEY, "trigger:complete", text)
            if condition is None or not questions:
                continue
            refs = [r.name for r in ex.references(ex.parse(condition)) if r.name in order]
            owner = max(refs, key=order.__getitem__) if refs else survey.questions()[-1].id
            question = questions[owner]
            condition = _without_display(condition, question.display_if)
            question.terminate_if = transforms.disjoin(question.terminate_if, condition)
            terminations.add(text.strip())
        for item in _list(document.get("completedHtmlOnCondition")):
            text = str(_get(item, "expression") or "").strip()
            if text in terminations and not any(e.id == "screened_out" for e in survey.endings):
                survey.endings.append(
                    Ending(id="screened_out", text=_html_text(_get(item, "html")))
                )
            elif text not in terminations:
                self.unsupported(base.SURVEY, "completedHtmlOnCondition", f"end screen when {text}")


def _without_display(condition: str, display_if: str | None) -> str:
    """`(display) and (rest)` → `rest` when `display` is the question's own display_if
    (exports put it there: the IR ends only when the question was shown)."""
    tree = ex.parse(condition)
    if display_if and isinstance(tree, ex.BoolOp) and tree.op == "and":
        try:
            shown = ex.parse(display_if)
        except ex.ExpressionError:
            return condition
        if tree.left == shown:
            return ex.print_expr(tree.right)
    return condition


def _pages(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The pages of a document (root `elements`/`questions` make one page)."""
    pages = [p for p in _list(document.get("pages")) if isinstance(p, dict)]
    root = _list(document.get("elements")) or _list(document.get("questions"))
    if root:
        pages.insert(0, {"name": "page1", "elements": root})
    return pages


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _opt_str(value: Any) -> str | None:
    return str(value) if value else None


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _opt_int(value: Any) -> int | None:
    number = _int(value, -1)
    return number if number >= 0 else None


def _opt_float(value: Any) -> float | None:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _row(row_id: str, label: str) -> Row:
    return Row(id=row_id, label=label)


def _and_display(question: Question) -> Any:
    def apply(condition: str) -> None:
        question.display_if = transforms.conjoin(condition, question.display_if)

    return apply


#: Properties every element reader handles (or that only style the page).
_COMMON_PROPERTIES = frozenset(
    {"type", "name", "title", "description", "isRequired", "visibleIf", "enableIf", "requiredIf"}
    | {"defaultValueExpression", "setValueExpression", "startWithNewLine", "width", "minWidth"}
    | {"maxWidth", "titleLocation", "descriptionLocation", "hideNumber", "showNumber", "indent"}
    | {"colCount", "validators", "visible", "placeholder", "placeHolder", "autocomplete"}
    | {"errorLocation", "requiredErrorText", "otherPlaceholder", "otherPlaceHolder", "state"}
)
_CHOICE_PROPERTIES = frozenset(
    {
        "choices",
        "choicesFromQuestion",
        "choicesFromQuestionMode",
        "choicesOrder",
        "hideIfChoicesEmpty",
    }
    | {"choicesVisibleIf", "choicesEnableIf", "choicesByUrl", "showSelectAllItem", "hasOther"}
    | {"showOtherItem", "showNoneItem", "hasNone", "noneText", "otherText", "showRefuseItem"}
    | {"refuseText", "showDontKnowItem", "dontKnowText", "minSelectedChoices", "maxSelectedChoices"}
)
_READ_PROPERTIES: dict[str, frozenset[str]] = {
    "radiogroup": _CHOICE_PROPERTIES,
    "dropdown": _CHOICE_PROPERTIES,
    "checkbox": _CHOICE_PROPERTIES,
    "tagbox": _CHOICE_PROPERTIES,
    "ranking": _CHOICE_PROPERTIES,
    "rating": frozenset({"rateValues", "rateMin", "rateMax", "rateStep", "rateCount", "rateType"})
    | {"minRateDescription", "maxRateDescription", "mininumRateDescription"}
    | {"maximumRateDescription"},
    "matrix": frozenset({"columns", "rows", "cellType", "eachRowRequired", "isAllRowRequired"}),
    "text": frozenset({"inputType", "maxLength"}),
    "comment": frozenset({"maxLength", "rows", "autoGrow", "allowResize"}),
    "html": frozenset({"html"}),
    "boolean": frozenset({"labelTrue", "labelFalse"}),
    "multipletext": frozenset({"items"}),
}

_RATE_RANGE = (("rateMin", 1), ("rateMax", 5), ("rateStep", 1))

#: (flag, legacy flag, option code, text property, default label, specify?)
_SPECIAL_ITEMS = (
    ("showNoneItem", "hasNone", "none", "noneText", "None", False),
    ("showRefuseItem", "hasRefuse", "refused", "refuseText", "Refuse to answer", False),
    ("showDontKnowItem", "hasDontKnow", "dontknow", "dontKnowText", "Don't know", False),
    ("showOtherItem", "hasOther", "other", "otherText", "Other (describe)", True),
)

_READERS: dict[str, Any] = {
    "radiogroup": lambda self, e, q: self.read_choice(e, q, "single"),
    "dropdown": lambda self, e, q: self.read_choice(e, q, "dropdown"),
    "checkbox": lambda self, e, q: self.read_choice(e, q, "multi"),
    "tagbox": lambda self, e, q: self.read_choice(e, q, "multi"),
    "ranking": lambda self, e, q: self.read_choice(e, q, "ranking"),
    "rating": SurveyJSImporter.read_rating,
    "matrix": SurveyJSImporter.read_matrix,
    "text": SurveyJSImporter.read_text,
    "comment": SurveyJSImporter.read_comment,
    "html": SurveyJSImporter.read_html,
    "boolean": SurveyJSImporter.read_boolean,
    "multipletext": SurveyJSImporter.read_multipletext,
}


EXPORTER = SurveyJSExporter
IMPORTER = SurveyJSImporter
