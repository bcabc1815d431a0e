"""Meaning of expressions: compile an AST once into a Python closure over the answers.

Values follow a few plain rules (documented in docs/ir.md):

- a reference gives the answer (`None` when unanswered); a choice answered with a specify
  object `{"code", "text"}` gives its code; a grid row `Q10.r2` gives that row's answer;
  a variable gives the value of its expression;
- `==` between a string and a number compares the option code the number spells (`1` is
  `'1'`); `==` with a list answer (multi, ranking) is true when the list holds the value;
  `!=` is the negation of `==`; an unanswered question equals nothing;
- `<`, `>`… compare numbers (numeric text counts as a number), else two texts (so ISO dates
  order), else they are false;
- `in [..]` holds when the answer, or any code of a list answer, is in the list;
  `contains x` holds when a list answer holds x (a dict answer has key x, a text has x in it);
  `contains any/all [..]` do the same for any/all items;
- arithmetic on non-numbers gives `None`, as does division by zero;
- `and`, `or`, `not` use truthiness: unanswered, `false`, 0, '' and empty lists are false.

Evaluation never raises on any answers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any

from fielder.ir.expressions import (
    Arith,
    Bool,
    BoolOp,
    Call,
    Compare,
    Contains,
    Expr,
    In,
    ListLit,
    Neg,
    Not,
    Num,
    Ref,
    Str,
)

__all__ = ["Context", "Getter", "compile_expr", "equal", "plain", "spelled_code", "truthy"]


class Context:
    """One evaluation: the answers, plus variable values computed on demand (and cached)."""

    __slots__ = ("_cache", "_pending", "answers", "variables")

    def __init__(self, answers: Mapping[str, Any], variables: Mapping[str, Getter]) -> None:
        self.answers = answers
        self.variables = variables
        self._cache: dict[str, Any] = {}
        self._pending: set[str] = set()

    def variable(self, name: str) -> Any:
        """The value of variable `name`; `None` when it depends on itself."""
        if name in self._cache:
            return self._cache[name]
        if name in self._pending:
            return None
        self._pending.add(name)
        value = safely(self.variables[name], self)
        self._pending.discard(name)
        self._cache[name] = value
        return value


Getter = Callable[[Context], Any]

_RUNTIME_ERRORS = (TypeError, ValueError, ArithmeticError, RecursionError, KeyError, IndexError)


def safely(getter: Getter, context: Context) -> Any:
    """Run a compiled expression; an answer of an unexpected shape gives `None`, not an error."""
    try:
        return getter(context)
    except _RUNTIME_ERRORS:
        return None


# --- values ------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """An answer as the expressions see it: specify objects become their code."""
    if isinstance(value, dict) and "code" in value:
        return value["code"]
    if isinstance(value, list):
        return [
            item["code"] if isinstance(item, dict) and "code" in item else item for item in value
        ]
    return value


def truthy(value: Any) -> bool:
    """Truthiness of a value: None, false, 0, '' and empty collections are false."""
    if value is None:
        return False
    if isinstance(value, bool | int | float | str | list | dict):
        return bool(value)
    return False


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            return float(value)
    except (ValueError, OverflowError):
        return None
    return None


def spelled_code(value: object) -> str | None:
    """The option code a literal spells: `'1'` → "1", `1` → "1", `1.0` → "1"; None if none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return None


def _code(value: Any) -> Any:
    """Numbers compare with text as the code they spell: 1 and 1.0 are '1'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return spelled_code(value)
    return value


def _scalar_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, str) or isinstance(b, str):
        return bool(_code(a) == _code(b))
    return bool(a == b)


def equal(a: Any, b: Any) -> bool:
    """`a == b` in the language (list answers hold the value)."""
    if isinstance(a, list) and not isinstance(b, list):
        return any(_scalar_equal(item, b) for item in a)
    if isinstance(b, list) and not isinstance(a, list):
        return any(_scalar_equal(a, item) for item in b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_scalar_equal(x, y) for x, y in zip(a, b, strict=True))
    return _scalar_equal(a, b)


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _ordered(op: str, a: Any, b: Any) -> bool:
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return _ORDER[op](x, y)
    if isinstance(a, str) and isinstance(b, str):
        return _ORDER[op](a, b)
    return False


def _member(value: Any, items: list[Any]) -> bool:
    if isinstance(value, list):
        return any(_member(item, items) for item in value)
    return any(_scalar_equal(value, item) for item in items)


def _holds(container: Any, item: Any) -> bool:
    if isinstance(container, list):
        return any(_scalar_equal(element, item) for element in container)
    if isinstance(container, dict):
        return any(_scalar_equal(key, item) for key in container)
    if isinstance(container, str) and isinstance(item, str | int | float):
        return str(_code(item)) in container
    return False


def _arith(op: str, a: Any, b: Any) -> float | None:
    x, y = _number(a), _number(b)
    if x is None or y is None:
        return None
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    return None if y == 0 else x / y


def _answered(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _count(value: Any) -> int:
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        return sum(1 for item in value.values() if _answered(item))
    return 1 if _answered(value) else 0


# --- compiler -----------------------------------------------------------------------------


def _reference(ref: Ref, questions: frozenset[str], variables: frozenset[str]) -> Getter:
    name, row = ref.name, ref.row
    if row is not None:

        def get_row(ctx: Context) -> Any:
            answer = ctx.answers.get(name)
            return plain(answer.get(row)) if isinstance(answer, dict) else None

        return get_row
    if name not in questions and name in variables:
        return lambda ctx: ctx.variable(name)
    return lambda ctx: plain(ctx.answers.get(name))


def _raw_reference(ref: Ref) -> Getter:
    name, row = ref.name, ref.row
    if row is None:
        return lambda ctx: ctx.answers.get(name)
    return lambda ctx: (
        ctx.answers[name].get(row) if isinstance(ctx.answers.get(name), dict) else None
    )


def compile_expr(node: Expr, questions: frozenset[str], variables: frozenset[str]) -> Getter:
    """A closure computing `node` over a `Context`; `questions`/`variables` resolve references."""

    def sub(child: Expr) -> Getter:
        return compile_expr(child, questions, variables)

    if isinstance(node, Str | Num | Bool):
        constant = node.value
        return lambda ctx: constant
    if isinstance(node, ListLit):
        values = [item.value for item in node.items]
        return lambda ctx: values
    if isinstance(node, Ref):
        return _reference(node, questions, variables)
    if isinstance(node, Call):
        raw = _raw_reference(node.arg)
        if node.name == "answered":
            return lambda ctx: _answered(raw(ctx))
        return lambda ctx: _count(raw(ctx))
    if isinstance(node, Not):
        inner = sub(node.operand)
        return lambda ctx: not truthy(inner(ctx))
    if isinstance(node, Neg):
        inner = sub(node.operand)
        return lambda ctx: _arith("-", 0, inner(ctx))
    return _compile_binary(node, sub)


def _compile_binary(node: Expr, sub: Callable[[Expr], Getter]) -> Getter:
    if isinstance(node, BoolOp):
        left, right = sub(node.left), sub(node.right)
        if node.op == "and":
            return lambda ctx: truthy(left(ctx)) and truthy(right(ctx))
        return lambda ctx: truthy(left(ctx)) or truthy(right(ctx))
    if isinstance(node, Compare):
        return _compile_compare(node, sub)
    if isinstance(node, In):
        left, items = sub(node.left), [item.value for item in node.items.items]
        if node.negated:
            return lambda ctx: not _member(left(ctx), items)
        return lambda ctx: _member(left(ctx), items)
    if isinstance(node, Contains):
        left, right = sub(node.left), sub(node.right)
        if node.mode == "any":
            return lambda ctx: any(_holds(left(ctx), item) for item in right(ctx))
        if node.mode == "all":
            return lambda ctx: all(_holds(left(ctx), item) for item in right(ctx))
        return lambda ctx: _holds(left(ctx), right(ctx))
    if isinstance(node, Arith):
        left, right, op = sub(node.left), sub(node.right), node.op
        return lambda ctx: _arith(op, left(ctx), right(ctx))
    raise TypeError(f"not an expression node: {node!r}")


def _compile_compare(node: Compare, sub: Callable[[Expr], Getter]) -> Getter:
    left, right, op = sub(node.left), sub(node.right), node.op
    if op == "==":
        return lambda ctx: equal(left(ctx), right(ctx))
    if op == "!=":
        return lambda ctx: not equal(left(ctx), right(ctx))
    return lambda ctx: _ordered(op, left(ctx), right(ctx))
