"""Render IR expressions in a platform's own condition syntax.

`LogicRenderer` walks the AST of `fielder.ir.expressions` and writes each node from a
table of templates (class attributes); a platform subclasses it and overrides only the
entries (or node methods) where its syntax differs, as sqlglot's dialects do. A node the
platform cannot express raises `Untranslatable`, which the exporter reports as not carried.

The renderer applies the IR's one coercion rule itself: a number compared with a choice
answer compares as the option code it spells (`S1 == 2` → `S1 == '2'`).
"""

from __future__ import annotations

from typing import ClassVar

from fielder.ir import expressions as ex
from fielder.ir.models import CHOICE_TYPES, Survey

_ATOMS = (ex.Ref, ex.Str, ex.Num, ex.Bool, ex.ListLit, ex.Call)


class Untranslatable(ValueError):
    """An expression (or part of one) the platform's syntax cannot say."""


class LogicRenderer:
    """Base renderer: a table of templates, one method per AST node type."""

    NAME: ClassVar[str] = "generic"
    REF: ClassVar[str] = "{name}"
    ROW_REF: ClassVar[str] = "{name}.{row}"
    COMPARE: ClassVar[dict[str, str]] = {
        "==": "==",
        "!=": "!=",
        "<": "<",
        "<=": "<=",
        ">": ">",
        ">=": ">=",
    }
    ARITH: ClassVar[dict[str, str]] = {"+": "+", "-": "-", "*": "*", "/": "/"}
    AND: ClassVar[str] = "{0} and {1}"
    OR: ClassVar[str] = "{0} or {1}"
    NOT: ClassVar[str] = "not {0}"
    NEG: ClassVar[str] = "-{0}"
    TRUE: ClassVar[str] = "true"
    FALSE: ClassVar[str] = "false"
    LIST: ClassVar[str] = "[{0}]"
    LIST_SEP: ClassVar[str] = ", "
    IN: ClassVar[str | None] = "{left} in {items}"
    NOT_IN: ClassVar[str | None] = "{left} not in {items}"
    CONTAINS: ClassVar[str | None] = "{left} contains {right}"
    CONTAINS_ANY: ClassVar[str | None] = "{left} contains any {items}"
    CONTAINS_ALL: ClassVar[str | None] = "{left} contains all {items}"
    FUNCTIONS: ClassVar[dict[str, str]] = {"answered": "answered({0})", "count": "count({0})"}

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.questions = survey.question_map()
        self.types = {qid: q.type for qid, q in self.questions.items()}
        self.variables = {v.name for v in survey.variables}

    # --- entry points -------------------------------------------------------------

    def render_text(self, text: str) -> str:
        """Parse IR expression text and render it; raises ExpressionError or Untranslatable."""
        return self.render(ex.parse(text))

    def render(self, node: ex.Expr) -> str:
        """Render one AST node (dispatch on its class name: `ref`, `compare`, `in_`…)."""
        method = getattr(self, _METHODS[type(node)])
        result: str = method(node)
        return result

    # --- helpers ------------------------------------------------------------------

    def operand(self, node: ex.Expr) -> str:
        """A sub-expression, parenthesised unless it is an atom."""
        text = self.render(node)
        return text if isinstance(node, _ATOMS) else f"({text})"

    def is_choice(self, node: ex.Expr) -> bool:
        """Whether `node` is a reference whose answer is an option code."""
        if not isinstance(node, ex.Ref):
            return False
        kind = self.types.get(node.name)
        if node.row is not None:
            return kind == "grid"
        return kind in CHOICE_TYPES and kind not in ("constant_sum", "ranking")

    def as_code(self, node: ex.Expr) -> ex.Expr:
        """A number literal as the option code it spells; anything else unchanged."""
        if isinstance(node, ex.Num):
            value = node.value
            text = str(int(value)) if float(value).is_integer() else str(value)
            return ex.Str(text)
        return node

    def coerced(self, left: ex.Expr, right: ex.Expr) -> tuple[ex.Expr, ex.Expr]:
        """Apply the choice-code coercion to a pair of compared operands."""
        if self.is_choice(left):
            right = self.as_code(right)
        if self.is_choice(right):
            left = self.as_code(left)
        return left, right

    def items(self, left: ex.Expr, items: ex.ListLit) -> list[ex.Expr]:
        """A list's items, coerced to codes when compared with a choice answer."""
        if self.is_choice(left) or self.types.get(getattr(left, "name", "")) == "multi":
            return [self.as_code(item) for item in items.items]
        return list(items.items)

    def string(self, value: str) -> str:
        """A string literal in single quotes (double when the text holds a single quote)."""
        if "'" not in value:
            return f"'{value}'"
        if '"' not in value:
            return f'"{value}"'
        raise Untranslatable(f"{self.NAME} cannot quote a text holding both quote marks")

    def number(self, value: float) -> str:
        """A number literal (integers without a fraction)."""
        return str(int(value)) if float(value).is_integer() else repr(float(value))

    def template(self, template: str | None, what: str, **parts: str) -> str:
        """Fill `template`, or raise Untranslatable when the platform has none for `what`."""
        if template is None:
            raise Untranslatable(f"{self.NAME} has no {what}")
        return template.format(**parts)

    # --- nodes --------------------------------------------------------------------

    def ref(self, node: ex.Ref) -> str:
        """A question, grid row or variable reference."""
        if node.row is None:
            return self.REF.format(name=node.name)
        return self.ROW_REF.format(name=node.name, row=node.row)

    def str_(self, node: ex.Str) -> str:
        """A string literal."""
        return self.string(node.value)

    def num(self, node: ex.Num) -> str:
        """A number literal."""
        return self.number(node.value)

    def bool_(self, node: ex.Bool) -> str:
        """`true` / `false`."""
        return self.TRUE if node.value else self.FALSE

    def list_(self, node: ex.ListLit) -> str:
        """A list literal."""
        return self.LIST.format(self.LIST_SEP.join(self.render(i) for i in node.items))

    def call(self, node: ex.Call) -> str:
        """`answered(Q)` / `count(Q)`."""
        template = self.FUNCTIONS.get(node.name)
        if template is None:
            raise Untranslatable(f"{self.NAME} has no {node.name}()")
        return template.format(self.ref(node.arg))

    def not_(self, node: ex.Not) -> str:
        """Negation."""
        return self.NOT.format(self.operand(node.operand))

    def neg(self, node: ex.Neg) -> str:
        """Arithmetic minus."""
        return self.NEG.format(self.operand(node.operand))

    def bool_op(self, node: ex.BoolOp) -> str:
        """`and` / `or`."""
        template = self.AND if node.op == "and" else self.OR
        return template.format(self.operand(node.left), self.operand(node.right))

    def is_list(self, node: ex.Expr) -> bool:
        """Whether `node` refers to an answer that is a list of codes (multi, ranking, a row
        of a multiple grid)."""
        if not isinstance(node, ex.Ref):
            return False
        question = self.questions.get(node.name)
        if question is None:
            return False
        if node.row is not None:
            return question.type == "grid" and question.multiple
        return question.type in ("multi", "ranking")

    def compare(self, node: ex.Compare) -> str:
        """`==`, `!=`, `<`…, with choice-code coercion.

        In the IR `==` with a list answer holds when the list holds the value: such
        comparisons are written as `contains` (negated for `!=`).
        """
        if node.op in ("==", "!=") and (self.is_list(node.left) or self.is_list(node.right)):
            ref, value = (
                (node.left, node.right) if self.is_list(node.left) else (node.right, node.left)
            )
            held = ex.Contains(ref, "one", value)
            return self.render(ex.Not(held) if node.op == "!=" else held)
        left, right = self.coerced(node.left, node.right)
        return f"{self.operand(left)} {self.COMPARE[node.op]} {self.operand(right)}"

    def arith(self, node: ex.Arith) -> str:
        """`+ - * /`."""
        return f"{self.operand(node.left)} {self.ARITH[node.op]} {self.operand(node.right)}"

    def in_(self, node: ex.In) -> str:
        """`x in [..]` / `x not in [..]`."""
        items = self.list_(ex.ListLit(tuple(self.items(node.left, node.items))))  # type: ignore[arg-type]
        template = self.NOT_IN if node.negated else self.IN
        what = "not in" if node.negated else "in"
        return self.template(template, what, left=self.operand(node.left), items=items)

    def contains(self, node: ex.Contains) -> str:
        """`x contains y`, `contains any [..]`, `contains all [..]`."""
        left = self.operand(node.left)
        if node.mode == "one":
            right = self.operand(self.as_code(node.right))
            return self.template(self.CONTAINS, "contains", left=left, right=right)
        if not isinstance(node.right, ex.ListLit):
            raise Untranslatable(f"contains {node.mode} needs a list")
        coded = tuple(self.as_code(item) for item in node.right.items)
        items = self.list_(ex.ListLit(coded))  # type: ignore[arg-type]
        template = self.CONTAINS_ANY if node.mode == "any" else self.CONTAINS_ALL
        return self.template(template, f"contains {node.mode}", left=left, items=items)


_METHODS: dict[type, str] = {
    ex.Ref: "ref",
    ex.Str: "str_",
    ex.Num: "num",
    ex.Bool: "bool_",
    ex.ListLit: "list_",
    ex.Call: "call",
    ex.Not: "not_",
    ex.Neg: "neg",
    ex.BoolOp: "bool_op",
    ex.Compare: "compare",
    ex.Arith: "arith",
    ex.In: "in_",
    ex.Contains: "contains",
}
