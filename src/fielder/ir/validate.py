"""Semantic validation of a Survey IR document: every problem, each with a code and a place.

The models check the shape of a document; `validate` checks its meaning: ids, references
(in conditions, skips, quotas, variables, piping and carry-forward), the order of logic,
reachability and contradictions. Errors make a document invalid; warnings do not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import ValidationError

from fielder.ir.expressions import (
    KEYWORDS,
    Bool,
    Compare,
    Contains,
    Expr,
    ExpressionError,
    In,
    ListLit,
    Num,
    Ref,
    Str,
    parse,
    walk,
)
from fielder.ir.logic import spelled_code
from fielder.ir.models import CHOICE_TYPES, Question, Survey

__all__ = [
    "PIPE",
    "InvalidSurvey",
    "Problem",
    "is_valid",
    "load_survey",
    "shape_problems",
    "spelled_code",
    "validate",
]

Severity = Literal["error", "warning"]

#: Piping: `{{Q2}}` (or `{{Q10.r2}}`) in a text inserts the respondent's answer.
PIPE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}")

#: Question types answered by choosing option codes (grids choose one per row).
_CODED_TYPES = CHOICE_TYPES | {"grid"}

_SINGLE_TYPES = frozenset({"single", "dropdown", "scale"})


@dataclass(frozen=True)
class Problem:
    """One problem: `code`, `severity`, the element's id, a JSON Pointer and a message."""

    code: str
    severity: Severity
    element_id: str | None
    pointer: str
    message: str

    def to_json(self) -> dict[str, Any]:
        """The problem as a plain dict (for API error details)."""
        return asdict(self)


class InvalidSurvey(ValueError):
    """A document with errors; `problems` lists them (warnings included)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"] or problems
        lines = "\n".join(f"- {p.message}" for p in errors)
        super().__init__(f"invalid survey ({len(errors)} error(s)):\n{lines}")


# --- the checker ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where a question sits: its pointer and its position in document order."""

    pointer: str
    position: int
    block_index: int


class _Checker:
    """Collects the problems of one survey; one method per family of checks."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.problems: list[Problem] = []
        self.places: dict[str, _Place] = {}
        self.questions = survey.question_map()
        self.variables = {v.name for v in survey.variables}
        self.block_ids = [block.id for block in survey.blocks]
        self.ending_ids = {ending.id for ending in survey.endings}

    def add(self, code: str, element: str | None, pointer: str, message: str) -> None:
        self.problems.append(Problem(code, "error", element, pointer, message))

    def warn(self, code: str, element: str | None, pointer: str, message: str) -> None:
        self.problems.append(Problem(code, "warning", element, pointer, message))

    def run(self) -> list[Problem]:
        self.check_ids()
        for question, place in self.iter_questions():
            self.check_question(question, place)
        self.check_reachability()
        self.check_survey_expressions()
        self.check_survey_piping()
        return self.problems

    # ids ------------------------------------------------------------------------------

    def iter_questions(self) -> Iterator[tuple[Question, _Place]]:
        position = 0
        for b, block in enumerate(self.survey.blocks):
            for i, item in enumerate(block.items):
                if isinstance(item, Question):
                    yield item, _Place(f"/blocks/{b}/items/{i}", position, b)
                    position += 1

    def check_ids(self) -> None:
        seen: dict[str, str] = {}
        for b, block in enumerate(self.survey.blocks):
            self.claim(seen, block.id, f"/blocks/{b}/id", "block")
        for question, place in self.iter_questions():
            self.claim(seen, question.id, f"{place.pointer}/id", "question")
            self.places.setdefault(question.id, place)
        for v, variable in enumerate(self.survey.variables):
            self.claim(seen, variable.name, f"/variables/{v}/name", "variable")
        self.unique([q.id for q in self.survey.quotas], "/quotas/{}/id", "quota")
        self.unique([e.id for e in self.survey.endings], "/endings/{}/id", "ending")

    def claim(self, seen: dict[str, str], name: str, pointer: str, kind: str) -> None:
        """Questions, blocks and variables share one namespace (skips and references use it)."""
        if name.lower() in KEYWORDS:
            self.add("reserved_id", name, pointer, f"{name}: {kind} id {name} is a reserved word")
        if name in seen:
            message = f"{name}: duplicate id {name} ({kind}; already used by a {seen[name]})"
            self.add("duplicate_id", name, pointer, message)
        else:
            seen[name] = kind

    def unique(self, names: list[str], pointer: str, kind: str) -> None:
        seen: set[str] = set()
        for index, name in enumerate(names):
            if name in seen:
                message = f"{name}: duplicate {kind} id {name}"
                self.add("duplicate_id", name, pointer.format(index), message)
            seen.add(name)

    # one question ---------------------------------------------------------------------

    def check_question(self, question: Question, place: _Place) -> None:
        self.check_options(question, place.pointer)
        self.check_shape(question, place.pointer)
        self.check_validation(question, place.pointer)
        self.check_options_from(question, place)
        self.check_piping(question, place)
        for field_name in ("display_if", "terminate_if"):
            text = getattr(question, field_name)
            if text is not None:
                self.check_condition(question, place, field_name, text)
        for k, rule in enumerate(question.skip_to):
            self.check_condition(question, place, f"skip_to/{k}/if", rule.if_)
            self.check_skip_target(question, place, k, rule.to)

    def check_options(self, question: Question, pointer: str) -> None:
        codes: set[str] = set()
        for k, option in enumerate(question.options):
            at = f"{pointer}/options/{k}"
            if option.code in codes:
                message = f"{question.id}: duplicate option code {option.code}"
                self.add("duplicate_option_code", question.id, f"{at}/code", message)
            codes.add(option.code)
            if option.exclusive and question.type in _SINGLE_TYPES:
                kind = question.type
                message = f"{question.id}: option {option.code} is exclusive in a {kind} question"
                self.warn("exclusive_in_single", question.id, f"{at}/exclusive", message)
            if option.fixed and not question.randomize_options:
                message = (
                    f"{question.id}: option {option.code} is fixed but options are not randomized"
                )
                self.warn("fixed_without_randomize", question.id, f"{at}/fixed", message)
        rows: set[str] = set()
        for k, row in enumerate(question.rows):
            if row.id.lower() in KEYWORDS:
                message = f"{question.id}: row id {row.id} is a reserved word"
                self.add("reserved_id", question.id, f"{pointer}/rows/{k}/id", message)
            if row.id in rows:
                message = f"{question.id}: duplicate row id {row.id}"
                self.add("duplicate_row_id", question.id, f"{pointer}/rows/{k}/id", message)
            rows.add(row.id)

    def check_shape(self, question: Question, pointer: str) -> None:
        qid, kind = question.id, question.type
        if kind == "grid" and not question.rows:
            self.add("grid_without_rows", qid, f"{pointer}/rows", f"{qid}: grid has no rows")
        if kind in _CODED_TYPES and not question.options and question.options_from is None:
            message = f"{qid}: {kind} question has no options and no options_from"
            self.add("no_options", qid, f"{pointer}/options", message)
        if kind == "constant_sum" and question.total is None:
            message = f"{qid}: constant_sum question has no total"
            self.add("missing_total", qid, f"{pointer}/total", message)

    def check_validation(self, question: Question, pointer: str) -> None:
        rules = question.validation
        if rules is None:
            return
        at = f"{pointer}/validation"
        if rules.min is not None and rules.max is not None and rules.min > rules.max:
            message = (
                f"{question.id}: validation min {rules.min:g} is greater than max {rules.max:g}"
            )
            self.add("min_greater_than_max", question.id, f"{at}/min", message)
        low, high = rules.min_choices, rules.max_choices
        if low is not None and high is not None and low > high:
            message = f"{question.id}: min_choices {low} is greater than max_choices {high}"
            self.add("min_greater_than_max", question.id, f"{at}/min_choices", message)
        if rules.pattern is not None:
            try:
                re.compile(rules.pattern)
            except re.error as error:
                message = (
                    f"{question.id}: validation pattern is not a valid regular expression ({error})"
                )
                self.add("invalid_pattern", question.id, f"{at}/pattern", message)

    def check_options_from(self, question: Question, place: _Place) -> None:
        source = question.options_from
        if source is None:
            return
        at, qid = f"{place.pointer}/options_from/question", question.id
        target = self.questions.get(source.question)
        if target is None:
            message = f"{qid}: options_from refers to unknown question {source.question}"
            self.add("unknown_reference", qid, at, message)
        elif target.type not in _CODED_TYPES:
            message = f"{qid}: options_from refers to {source.question}, a {target.type} question"
            self.add("invalid_options_from", qid, at, message)
        elif self.places[source.question].position >= place.position:
            message = f"{qid}: options_from refers to {source.question}, which comes later"
            self.add("forward_reference", qid, at, message)

    def check_piping(self, question: Question, place: _Place) -> None:
        texts = [("text", question.text), ("instructions", question.instructions or "")]
        texts += [(f"options/{k}/label", o.label) for k, o in enumerate(question.options)]
        texts += [(f"rows/{k}/label", r.label) for k, r in enumerate(question.rows)]
        for field_name, text in texts:
            for match in PIPE.finditer(text):
                at = f"{place.pointer}/{field_name}"
                self.check_pipe(question.id, at, field_name, match, place.position)

    def check_survey_piping(self) -> None:
        """Endings are shown after every question: their pipes only need to exist."""
        for k, ending in enumerate(self.survey.endings):
            for match in PIPE.finditer(ending.text):
                self.check_pipe(ending.id, f"/endings/{k}/text", "text", match, None)

    def check_pipe(
        self, element: str, at: str, field_name: str, match: re.Match[str], position: int | None
    ) -> None:
        name, row = match.group(1), match.group(2)
        if name in self.variables and row is None:
            return
        if name not in self.questions:
            message = f"{element}: {field_name} pipes unknown question {name}"
            self.add("unknown_reference", element, at, message)
            return
        if row is not None and row not in {r.id for r in self.questions[name].rows}:
            message = f"{element}: {field_name} pipes unknown row {name}.{row}"
            self.add("unknown_reference", element, at, message)
        if position is not None and self.places[name].position >= position:
            message = f"{element}: {field_name} pipes {name}, which is not answered yet"
            self.warn("forward_piping", element, at, message)

    # expressions ----------------------------------------------------------------------

    def parsed(self, element: str, pointer: str, label: str, text: str) -> Expr | None:
        try:
            return parse(text)
        except ExpressionError as error:
            self.add("syntax_error", element, pointer, f"{element}: {label}: {error}")
            return None

    def check_condition(
        self, question: Question, place: _Place, field_name: str, text: str
    ) -> None:
        pointer = f"{place.pointer}/{field_name}"
        label = re.sub(r"skip_to/(\d+)/if", r"skip_to[\1] condition", field_name)
        tree = self.parsed(question.id, pointer, label, text)
        if tree is None:
            return
        # display_if is decided before the question is asked; the others after it is answered
        limit = place.position if field_name == "display_if" else place.position + 1
        self.check_expression(question.id, pointer, label, tree, limit)

    def check_survey_expressions(self) -> None:
        for k, quota in enumerate(self.survey.quotas):
            pointer = f"/quotas/{k}/condition"
            tree = self.parsed(quota.id, pointer, "condition", quota.condition)
            if tree is not None:
                self.check_expression(quota.id, pointer, "condition", tree, None)
        for k, variable in enumerate(self.survey.variables):
            pointer = f"/variables/{k}/expression"
            tree = self.parsed(variable.name, pointer, "expression", variable.expression)
            if tree is not None:
                self.check_expression(variable.name, pointer, "expression", tree, None)

    def check_expression(
        self, element: str, pointer: str, label: str, tree: Expr, limit: int | None
    ) -> None:
        """References must exist (and come before `limit`); option codes compared must exist."""
        for node in walk(tree):
            if isinstance(node, Ref):
                self.check_ref(element, pointer, label, node, limit)
            elif isinstance(node, Compare | In | Contains):
                self.check_codes(element, pointer, label, node)

    def check_ref(
        self, element: str, pointer: str, label: str, ref: Ref, limit: int | None
    ) -> None:
        where = f"(line {ref.line}, col {ref.col})"
        if ref.name in self.variables and ref.row is None:
            return
        target = self.questions.get(ref.name)
        if target is None:
            message = f"{element}: {label} refers to unknown question {ref.name} {where}"
            self.add("unknown_reference", element, pointer, message)
            return
        if ref.row is not None and ref.row not in {row.id for row in target.rows}:
            message = f"{element}: {label} refers to unknown row {ref.name}.{ref.row} {where}"
            self.add("unknown_reference", element, pointer, message)
        if limit is not None and self.places[ref.name].position >= limit:
            message = f"{element}: {label} refers to {ref.name}, which comes later {where}"
            self.add("forward_reference", element, pointer, message)

    def check_codes(
        self, element: str, pointer: str, label: str, node: Compare | In | Contains
    ) -> None:
        if isinstance(node, Compare) and node.op not in {"==", "!="}:
            return
        right = node.items if isinstance(node, In) else node.right
        sides: list[tuple[Expr, Expr]] = [(node.left, right)]
        if isinstance(node, Compare):
            sides.append((node.right, node.left))
        for ref, other in sides:
            codes = self.codes_of(ref)
            if codes is None:
                continue
            for literal in _literals(other):
                code = spelled_code(literal.value)
                if code is not None and code not in codes:
                    where = f"(line {literal.line}, col {literal.col})"
                    what = f"unknown option code {code} of {_name(ref)}"
                    message = f"{element}: {label} uses {what} {where}"
                    self.add("unknown_option", element, pointer, message)

    def codes_of(self, node: Expr) -> set[str] | None:
        """The option codes a reference can take, or None when it is not a choice answer."""
        if not isinstance(node, Ref) or node.name not in self.questions:
            return None
        question = self.questions[node.name]
        if question.type not in _CODED_TYPES or (question.type == "grid") != (node.row is not None):
            return None
        if question.options_from is not None and not question.options:
            source = self.questions.get(question.options_from.question)
            if source is None or source.options_from is not None:
                return None
            question = source
        return {option.code for option in question.options}

    # skips and reachability -------------------------------------------------------------

    def target_position(self, target: str) -> int | None:
        """The position the respondent lands on for a skip target (end = past the last)."""
        if target in self.places:
            return self.places[target].position
        if target in self.block_ids:
            index = self.block_ids.index(target)
            before = sum(len(b.questions()) for b in self.survey.blocks[:index])
            return before
        if target == "end" or target in self.ending_ids:
            return len(self.survey.questions())
        return None

    def check_skip_target(self, question: Question, place: _Place, k: int, target: str) -> None:
        at, qid = f"{place.pointer}/skip_to/{k}/to", question.id
        landing = self.target_position(target)
        if landing is None:
            message = f"{qid}: skip_to refers to unknown target {target}"
            self.add("unknown_skip_target", qid, at, message)
        elif landing <= place.position:
            message = f"{qid}: skip_to goes back to {target}, which makes a cycle"
            self.add("skip_cycle", qid, at, message)

    def check_reachability(self) -> None:
        ordered = list(self.iter_questions())
        reachable = {0} if ordered else set()
        for position, (question, _) in enumerate(ordered):
            if position not in reachable:
                continue
            if not _always(question):
                reachable.add(position + 1)
            for rule in question.skip_to:
                landing = self.target_position(rule.to)
                if landing is not None and landing > position:
                    reachable.add(landing)
        for position, (question, place) in enumerate(ordered):
            if position not in reachable and self.places.get(question.id) == place:
                message = f"{question.id}: unreachable; every path skips or ends before it"
                self.add("unreachable", question.id, place.pointer, message)


def _always(question: Question) -> bool:
    """True when the question always leaves the normal order (skip or terminate on `true`)."""
    conditions = [rule.if_ for rule in question.skip_to] + [question.terminate_if or ""]
    for text in conditions:
        try:
            tree = parse(text) if text else None
        except ExpressionError:
            continue
        if isinstance(tree, Bool) and tree.value:
            return True
    return False


def _literals(node: Expr) -> list[Str | Num]:
    if isinstance(node, Str | Num):
        return [node]
    if isinstance(node, ListLit):
        return [item for item in node.items if isinstance(item, Str | Num)]
    return []


def _name(ref: Expr) -> str:
    assert isinstance(ref, Ref)
    return ref.name if ref.row is None else f"{ref.name}.{ref.row}"


# --- public API --------------------------------------------------------------------------


def validate(survey: Survey) -> list[Problem]:
    """Every semantic problem of `survey` (errors and warnings), in document order of checks."""
    return _Checker(survey).run()


def is_valid(survey: Survey) -> bool:
    """True when `survey` has no errors (warnings allowed)."""
    return not any(p.severity == "error" for p in validate(survey))


def load_survey(data: str | bytes | dict[str, Any]) -> Survey:
    """Parse and check a document (JSON text or dict); raise `InvalidSurvey` listing its errors."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidSurvey(
                [Problem("invalid_json", "error", None, "", f"not JSON: {error}")]
            ) from None
    if not isinstance(data, dict):
        raise InvalidSurvey(
            [Problem("invalid_shape", "error", None, "", "a survey must be a JSON object")]
        )
    try:
        survey = Survey.model_validate(data)
    except ValidationError as error:
        raise InvalidSurvey(shape_problems(error, data)) from None
    problems = validate(survey)
    if any(p.severity == "error" for p in problems):
        raise InvalidSurvey(problems)
    return survey


def shape_problems(error: ValidationError, data: Any) -> list[Problem]:
    """The problems of a pydantic `ValidationError` raised for `data`, as `Problem`s."""
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        path = _clean_loc(detail["loc"])
        pointer = "".join(f"/{part}" for part in path)
        element = _element_id(data, path)
        prefix = f"{element}: " if element else ""
        message = f"{prefix}{pointer or '/'}: {detail['msg']}"
        problems.append(Problem("invalid_shape", "error", element, pointer, message))
    return problems


def _clean_loc(loc: tuple[int | str, ...]) -> list[int | str]:
    """Drop pydantic's union tags (`question`, `page_break`) from an error location."""
    path: list[int | str] = []
    for part in loc:
        if part in {"question", "page_break"} and len(path) >= 2 and path[-2] == "items":
            continue
        path.append(part)
    return path


def _element_id(data: Any, path: list[int | str]) -> str | None:
    """The `id` of the innermost object on `path` that has one."""
    found: str | None = None
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        found = node["id"]
    return found
