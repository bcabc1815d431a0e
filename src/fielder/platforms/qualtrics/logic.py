"""IR conditions → Qualtrics DisplayLogic objects (`read_logic` reads them back).

Qualtrics logic is two levels deep: numbered sets (`"0"`, `"1"`…, each `Type` "If",
"AndIf" or "OrIf") of numbered conditions joined by their `Conjuction` (sic). Export
pushes negation down to the conditions (De Morgan), then writes an OR of ANDs or an AND
of ORs; import reads the sets back with the usual precedence (and before or). A condition
on anything but a question's answer (GeoIP, panel data, device…) has no IR equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fielder.ir import expressions as ex
from fielder.ir.models import Option, Question, Survey
from fielder.platforms.logic import Untranslatable

#: Qualtrics operator → its negation.
NEGATE = {
    "Selected": "NotSelected",
    "NotSelected": "Selected",
    "EqualTo": "NotEqualTo",
    "NotEqualTo": "EqualTo",
    "GreaterThan": "LessThanOrEqual",
    "LessThanOrEqual": "GreaterThan",
    "LessThan": "GreaterThanOrEqual",
    "GreaterThanOrEqual": "LessThan",
    "Empty": "NotEmpty",
    "NotEmpty": "Empty",
}
#: IR comparison → Qualtrics operator for text and number answers.
COMPARE = {
    "==": "EqualTo",
    "!=": "NotEqualTo",
    ">": "GreaterThan",
    ">=": "GreaterThanOrEqual",
    "<": "LessThan",
    "<=": "LessThanOrEqual",
}
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
_SINGLE = frozenset({"single", "dropdown", "scale"})
_ENTRY = frozenset({"text", "long_text", "number", "email", "date"})
#: Most OR-of-AND sets a condition may expand to before it is refused as too large.
MAX_SETS = 32


@dataclass(frozen=True)
class Lit:
    """One Qualtrics condition: a question (or embedded field), an operator, a value."""

    qid: str
    locator: str
    operator: str
    right: str | None = None
    embedded: str | None = None

    def negated(self) -> Lit:
        """The same condition with the opposite operator."""
        return Lit(self.qid, self.locator, NEGATE[self.operator], self.right, self.embedded)


Formula = Lit | tuple[str, tuple["Formula", ...]]


def _code(node: ex.Expr) -> str:
    if isinstance(node, ex.Str):
        return node.value
    if isinstance(node, ex.Num):
        value = node.value
        return str(int(value)) if float(value).is_integer() else str(value)
    raise Untranslatable("Qualtrics compares answers with literal values only")


class ToQualtrics:
    """Builds DisplayLogic objects for one survey (question ids → QIDs, codes → choice ids)."""

    def __init__(self, survey: Survey, qids: dict[str, str]) -> None:
        self.questions = survey.question_map()
        self.qids = qids

    def display_logic(self, text: str) -> dict[str, Any]:
        """The DisplayLogic object for IR condition `text`; raises Untranslatable."""
        formula = self.formula(ex.parse(text), negate=False)
        sets, joiner, within = _two_levels(formula)
        logic: dict[str, Any] = {}
        for s, conditions in enumerate(sets):
            group: dict[str, Any] = {}
            for c, lit in enumerate(conditions):
                group[str(c)] = self.condition(lit, within if c else None)
            group["Type"] = "If" if s == 0 else joiner
            logic[str(s)] = group
        logic["Type"] = "BooleanExpression"
        logic["inPage"] = False
        return logic

    def condition(self, lit: Lit, conjunction: str | None) -> dict[str, Any]:
        """One numbered condition of a logic set."""
        if lit.embedded is not None:
            cond: dict[str, Any] = {"LogicType": "EmbeddedField", "LeftOperand": lit.embedded}
        else:
            cond = {
                "LogicType": "Question",
                "QuestionID": lit.qid,
                "QuestionIsInLoop": "no",
                "ChoiceLocator": lit.locator,
                "Operator": lit.operator,
                "QuestionIDFromLocator": lit.qid,
                "LeftOperand": lit.locator,
            }
        if lit.embedded is not None:
            cond["Operator"] = lit.operator
        if lit.right is not None:
            cond["RightOperand"] = lit.right
        cond["Type"] = "Expression"
        cond["Description"] = f"{lit.locator} {lit.operator} {lit.right or ''}".strip()
        if conjunction:
            cond["Conjuction"] = conjunction
        return cond

    # --- AST → formula in negation normal form ---------------------------------------

    def formula(self, node: ex.Expr, negate: bool) -> Formula:
        """`node` as and/or of conditions, with `not` pushed down to the operators."""
        if isinstance(node, ex.Not):
            return self.formula(node.operand, not negate)
        if isinstance(node, ex.BoolOp):
            op = node.op if not negate else ("or" if node.op == "and" else "and")
            return (op, (self.formula(node.left, negate), self.formula(node.right, negate)))
        lits = self.literals(node)
        if not lits[1]:
            raise Untranslatable("an empty list of choices")
        if negate:
            lits = ("and" if lits[0] == "or" else "or", tuple(_negate(f) for f in lits[1]))
        return lits[1][0] if len(lits[1]) == 1 else lits

    def literals(self, node: ex.Expr) -> tuple[str, tuple[Formula, ...]]:
        """A comparison as `(joiner, conditions)`: `in` and `contains any` are ORs."""
        if isinstance(node, ex.Compare):
            return "and", (self.compare(node),)
        if isinstance(node, ex.In):
            ref = self.choice_ref(node.left)
            op = "NotSelected" if node.negated else "Selected"
            joiner = "and" if node.negated else "or"
            return joiner, tuple(self.choice(ref, _code(item), op) for item in node.items.items)
        if isinstance(node, ex.Contains):
            ref = self.choice_ref(node.left, multi=True)
            if node.mode == "one":
                return "and", (self.choice(ref, _code(node.right), "Selected"),)
            if not isinstance(node.right, ex.ListLit):
                raise Untranslatable("contains any/all needs a list")
            lits = tuple(self.choice(ref, _code(i), "Selected") for i in node.right.items)
            return ("or" if node.mode == "any" else "and"), lits
        if isinstance(node, ex.Call) and node.name == "answered":
            return self.answered(node.arg)
        raise Untranslatable(f"Qualtrics display logic cannot express {ex.print_expr(node)!r}")

    def compare(self, node: ex.Compare) -> Lit:
        left, right, op = node.left, node.right, str(node.op)
        if not isinstance(left, ex.Ref):
            left, right, op = right, left, _FLIP[op]
        if not isinstance(left, ex.Ref):
            raise Untranslatable("a condition compares a question with a value")
        question = self.question(left)
        if left.row is not None:
            return self.grid_cell(question, left.row, _code(right), op)
        if question.type == "multi" and op in ("==", "!="):
            # `==` on a list answer holds when the list holds the value.
            return self.choice(question, _code(right), "Selected" if op == "==" else "NotSelected")
        if question.type in _SINGLE:
            if op not in ("==", "!="):
                raise Untranslatable(f"Qualtrics cannot order the choices of {question.id}")
            return self.choice(question, _code(right), "Selected" if op == "==" else "NotSelected")
        if question.type in _ENTRY or question.type == "hidden":
            return self.entry(question, COMPARE[op], _code(right))
        raise Untranslatable(f"Qualtrics cannot compare the answer of a {question.type} question")

    def answered(self, ref: ex.Ref) -> tuple[str, tuple[Formula, ...]]:
        question = self.question(ref)
        if question.type in _ENTRY or question.type == "hidden":
            return "and", (self.entry(question, "NotEmpty", None),)
        if (question.type in _SINGLE or question.type == "multi") and self.options(question):
            codes = [o.code for o in self.options(question)]
            return "or", tuple(self.choice(question, c, "Selected") for c in codes)
        raise Untranslatable(f"Qualtrics cannot test whether {question.id} was answered")

    # --- conditions ------------------------------------------------------------------

    def question(self, ref: ex.Ref) -> Question:
        question = self.questions.get(ref.name)
        if question is None or ref.name not in self.qids and question.type != "hidden":
            raise Untranslatable(f"{ref.name} is not a question Qualtrics can refer to")
        return question

    def choice_ref(self, node: ex.Expr, multi: bool = False) -> Question:
        if not isinstance(node, ex.Ref) or node.row is not None:
            raise Untranslatable("Qualtrics tests choices of a question, not of a value")
        question = self.question(node)
        allowed = {"multi"} if multi else _SINGLE | {"multi"}
        if question.type not in allowed:
            raise Untranslatable(f"Qualtrics cannot test choices of {question.id} that way")
        return question

    def options(self, question: Question) -> list[Option]:
        """A question's options, or those it carries forward from another question."""
        if question.options or question.options_from is None:
            return question.options
        source = self.questions.get(question.options_from.question)
        return source.options if source is not None else []

    def choice(self, question: Question, code: str, operator: str) -> Lit:
        codes = [o.code for o in self.options(question)]
        if code not in codes:
            raise Untranslatable(f"{question.id} has no option {code!r}")
        qid = self.qids[question.id]
        return Lit(qid, f"q://{qid}/SelectableChoice/{codes.index(code) + 1}", operator)

    def grid_cell(self, question: Question, row: str, code: str, op: str) -> Lit:
        rows = [r.id for r in question.rows]
        codes = [o.code for o in question.options]
        if (
            question.type != "grid"
            or row not in rows
            or code not in codes
            or op not in ("==", "!=")
        ):
            raise Untranslatable(f"Qualtrics cannot express {question.id}.{row} {op} {code!r}")
        qid = self.qids[question.id]
        locator = f"q://{qid}/SelectableAnswer/{rows.index(row) + 1}/{codes.index(code) + 1}"
        return Lit(qid, locator, "Selected" if op == "==" else "NotSelected")

    def entry(self, question: Question, operator: str, value: str | None) -> Lit:
        if question.type == "hidden":
            return Lit("", f"e://{question.id}", operator, value, embedded=question.id)
        qid = self.qids[question.id]
        return Lit(qid, f"q://{qid}/ChoiceTextEntryValue", operator, value)


_ORDERED = frozenset({"GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual"})


def _negate(formula: Formula) -> Formula:
    if isinstance(formula, Lit):
        if formula.operator in _ORDERED:
            # An unanswered question fails every ordering, so its negation must include it.
            empty = Lit(formula.qid, formula.locator, "Empty", None, formula.embedded)
            return ("or", (formula.negated(), empty))
        return formula.negated()
    op, parts = formula
    return ("and" if op == "or" else "or", tuple(_negate(p) for p in parts))


def _flatten(formula: Formula, op: str) -> list[Formula]:
    if isinstance(formula, Lit) or formula[0] != op:
        return [formula]
    return [leaf for part in formula[1] for leaf in _flatten(part, op)]


def _dnf(formula: Formula) -> list[list[Lit]]:
    if isinstance(formula, Lit):
        return [[formula]]
    op, parts = formula
    if op == "or":
        return [conj for part in parts for conj in _dnf(part)]
    result: list[list[Lit]] = [[]]
    for part in parts:
        result = [a + b for a in result for b in _dnf(part)]
        if len(result) > MAX_SETS:
            raise Untranslatable("the condition is too large for Qualtrics logic sets")
    return result


def _two_levels(formula: Formula) -> tuple[list[list[Lit]], str, str]:
    """Sets of conditions, how sets join (`OrIf`/`AndIf`), how conditions join inside."""
    if isinstance(formula, Lit):
        return [[formula]], "OrIf", "And"
    top = _flatten(formula, formula[0])
    if all(isinstance(leaf, Lit) for leaf in top):
        return [[leaf for leaf in top if isinstance(leaf, Lit)]], "OrIf", formula[0].title()
    inner = "and" if formula[0] == "or" else "or"
    groups = [_flatten(part, inner) for part in top]
    if all(isinstance(leaf, Lit) for group in groups for leaf in group):
        sets = [[leaf for leaf in group if isinstance(leaf, Lit)] for group in groups]
        if formula[0] == "or":
            return sets, "OrIf", "And"
        return sets, "AndIf", "Or"
    return _dnf(formula), "OrIf", "And"
