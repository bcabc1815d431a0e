"""Qualtrics DisplayLogic objects → IR condition text, and `simplify` for the result.

Logic sets are read with the usual precedence (and before or); a condition on anything
but a question's answer or an embedded field raises Untranslatable, which the importer
reports as not carried.
"""

from __future__ import annotations

import re
from typing import Any

from fielder.ir import expressions as ex
from fielder.ir.models import Option, Question
from fielder.platforms.logic import Untranslatable
from fielder.platforms.qualtrics.logic import _SINGLE, COMPARE

_LOCATOR = re.compile(
    r"^q://(?P<qid>QID\d+)/(?:(?P<kind>SelectableChoice|SelectableAnswer|ChoiceTextEntryValue)"
    r"(?:/(?P<a>\d+))?(?:/(?P<b>\d+))?)$"
)
_TEXT_OPS = {v: k for k, v in COMPARE.items()}


class FromQualtrics:
    """Reads DisplayLogic objects back into IR condition text for one imported survey."""

    def __init__(self, by_qid: dict[str, Question]) -> None:
        self.by_qid = by_qid
        self.by_id = {q.id: q for q in by_qid.values()}

    def options(self, question: Question) -> list[Option]:
        """A question's options, or the carried-forward ones of its source."""
        if question.options or question.options_from is None:
            return question.options
        source = self.by_id.get(question.options_from.question)
        return source.options if source is not None else []

    def condition_text(self, logic: Any) -> str:
        """IR text for a DisplayLogic/BranchLogic object; raises Untranslatable."""
        if not isinstance(logic, dict):
            raise Untranslatable("logic is not an object")
        sets = [logic[k] for k in sorted(logic, key=_index) if k.isdigit()]
        parts: list[str] = []
        for s, group in enumerate(sets):
            if not isinstance(group, dict):
                raise Untranslatable("a logic set is not an object")
            text = self.group_text(group)
            if s:
                parts.append("or" if group.get("Type") == "OrIf" else "and")
            parts.append(f"({text})" if len(sets) > 1 else text)
        if not parts:
            raise Untranslatable("the logic has no conditions")
        return ex.print_expr(simplify(ex.parse(" ".join(parts))))

    def group_text(self, group: dict[str, Any]) -> str:
        conditions = [group[k] for k in sorted(group, key=_index) if k.isdigit()]
        words: list[str] = []
        for c, cond in enumerate(conditions):
            if c:
                words.append("or" if cond.get("Conjuction") == "Or" else "and")
            words.append(f"({self.condition(cond)})")
        if not words:
            raise Untranslatable("a logic set has no conditions")
        return " ".join(words)

    def condition(self, cond: Any) -> str:
        if not isinstance(cond, dict):
            raise Untranslatable("a condition is not an object")
        kind, operator = cond.get("LogicType"), str(cond.get("Operator", ""))
        if kind == "EmbeddedField":
            name = str(cond.get("LeftOperand", ""))
            return _entry_text(name, operator, cond.get("RightOperand"), numeric=False)
        if kind != "Question":
            raise Untranslatable(f"{kind} conditions have no IR equivalent")
        match = _LOCATOR.match(str(cond.get("LeftOperand") or cond.get("ChoiceLocator") or ""))
        question = self.by_qid.get(match.group("qid")) if match else None
        if match is None or question is None:
            raise Untranslatable(f"condition on {cond.get('LeftOperand')!r} is not understood")
        if match.group("kind") == "ChoiceTextEntryValue":
            numeric = question.type == "number"
            return _entry_text(question.id, operator, cond.get("RightOperand"), numeric)
        return self.choice_text(question, match, operator)

    def choice_text(self, question: Question, match: re.Match[str], operator: str) -> str:
        if operator not in ("Selected", "NotSelected"):
            raise Untranslatable(f"operator {operator} has no IR equivalent")
        try:
            if match.group("kind") == "SelectableAnswer":
                row = question.rows[int(match.group("a")) - 1].id
                code = question.options[int(match.group("b")) - 1].code
                op = "==" if operator == "Selected" else "!="
                return f"{question.id}.{row} {op} {_quote(code)}"
            code = self.options(question)[int(match.group("a")) - 1].code
        except (IndexError, TypeError, ValueError) as exc:
            raise Untranslatable(f"condition names a choice {question.id} does not have") from exc
        if question.type == "multi":
            test = f"{question.id} contains {_quote(code)}"
            return test if operator == "Selected" else f"not ({test})"
        if question.type in _SINGLE:
            op = "==" if operator == "Selected" else "!="
            return f"{question.id} {op} {_quote(code)}"
        raise Untranslatable(f"choice conditions on a {question.type} question")


def _entry_text(name: str, operator: str, right: Any, numeric: bool) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise Untranslatable(f"{name!r} is not a name the IR can refer to")
    if operator == "NotEmpty":
        return f"answered({name})"
    if operator == "Empty":
        return f"not answered({name})"
    if operator not in _TEXT_OPS:
        raise Untranslatable(f"operator {operator} has no IR equivalent")
    value = str(right if right is not None else "")
    is_number = numeric and re.fullmatch(r"-?\d+(\.\d+)?", value) is not None
    literal = value if is_number else _quote(value)
    return f"{name} {_TEXT_OPS[operator]} {literal}"


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _index(key: str) -> int:
    return int(key) if key.isdigit() else -1


def simplify(node: ex.Expr) -> ex.Expr:
    """Fold runs of choice tests on one question back into `in`, `not in`, `contains any/all`.

    Qualtrics spells `S1 in ['1', '2']` as two conditions; reading them back this way keeps
    the IR text close to what was written.
    """
    if isinstance(node, ex.Not):
        return ex.Not(simplify(node.operand))
    if not isinstance(node, ex.BoolOp):
        return node
    parts = [simplify(p) for p in _chain(node, node.op)]
    folded: list[ex.Expr] = []
    for part in parts:
        merged = _merge(folded[-1], part, node.op) if folded else None
        if merged is None:
            folded.append(part)
        else:
            folded[-1] = merged
    result = folded[0]
    for part in folded[1:]:
        result = ex.BoolOp(node.op, result, part)
    return result


def _chain(node: ex.Expr, op: str) -> list[ex.Expr]:
    if isinstance(node, ex.BoolOp) and node.op == op:
        return _chain(node.left, op) + _chain(node.right, op)
    return [node]


def _choice_test(node: ex.Expr) -> tuple[str, ex.Ref, tuple[ex.Str | ex.Num | ex.Bool, ...]] | None:
    """`(kind, ref, values)` for `==`/`!=`/`in`/`not in`/`contains` tests on a plain question."""
    if isinstance(node, ex.Compare) and isinstance(node.left, ex.Ref) and node.left.row is None:
        if isinstance(node.right, ex.Str) and node.op in ("==", "!="):
            return ("in" if node.op == "==" else "not in", node.left, (node.right,))
    if isinstance(node, ex.In) and isinstance(node.left, ex.Ref):
        return ("not in" if node.negated else "in", node.left, node.items.items)
    if isinstance(node, ex.Contains) and isinstance(node.left, ex.Ref):
        if node.mode == "one" and isinstance(node.right, ex.Str):
            return ("contains", node.left, (node.right,))
        if isinstance(node.right, ex.ListLit):
            return (f"contains {node.mode}", node.left, node.right.items)
    return None


_FOLDS = {
    ("or", "in"): "in",
    ("and", "not in"): "not in",
    ("or", "contains"): "contains any",
    ("or", "contains any"): "contains any",
    ("and", "contains"): "contains all",
    ("and", "contains all"): "contains all",
}


def _merge(left: ex.Expr, right: ex.Expr, op: str) -> ex.Expr | None:
    a, b = _choice_test(left), _choice_test(right)
    if a is None or b is None or a[1] != b[1]:
        return None
    kind_a, kind_b = _FOLDS.get((op, a[0])), _FOLDS.get((op, b[0]))
    if kind_a is None or kind_a != kind_b:
        return None
    items = ex.ListLit(a[2] + b[2])
    if kind_a in ("in", "not in"):
        return ex.In(a[1], items, negated=kind_a == "not in")
    return ex.Contains(a[1], "any" if kind_a == "contains any" else "all", items)
