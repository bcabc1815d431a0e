"""The IR expression language: parse text into an AST with positions, print it back.

Grammar (lowest precedence first)::

    expr        := and_expr ("or" and_expr)*
    and_expr    := not_expr ("and" not_expr)*
    not_expr    := "not" not_expr | comparison
    comparison  := sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum
                       | ["not"] "in" list
                       | "contains" ("any" list | "all" list | sum) ]
    sum         := product (("+" | "-") product)*
    product     := unary (("*" | "/") unary)*
    unary       := "-" unary | primary
    primary     := NUMBER | STRING | "true" | "false" | list | "(" expr ")"
                 | ("answered" | "count") "(" reference ")" | reference
    reference   := IDENT ["." IDENT]
    list        := "[" [literal ("," literal)* [","]] "]"

Keywords are case-insensitive (`AND`, `True`); `=` is read as `==` and `<>` as `!=`.
The printer writes the canonical form: lower-case keywords, `==`, single-quoted strings,
one space around operators and only the parentheses the structure needs, so that
``parse(print_expr(parse(text))) == parse(text)`` (positions are not compared).
A hand-written recursive-descent parser: smaller and faster than a grammar library here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple, TypeAlias

__all__ = [
    "FUNCTIONS",
    "KEYWORDS",
    "Arith",
    "Bool",
    "BoolOp",
    "Call",
    "Compare",
    "Contains",
    "Expr",
    "ExpressionError",
    "In",
    "ListLit",
    "Neg",
    "Not",
    "Num",
    "Ref",
    "Str",
    "parse",
    "parse_uncached",
    "print_expr",
    "references",
    "walk",
]

#: Words that cannot be used as a question id or variable name in an expression.
KEYWORDS = frozenset({"or", "and", "not", "in", "contains", "any", "all", "true", "false"})

#: The functions of the language; each takes one question reference.
FUNCTIONS = frozenset({"answered", "count"})

CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]
ArithOp = Literal["+", "-", "*", "/"]


class ExpressionError(ValueError):
    """An expression that cannot be parsed; says where (1-based line and column) and what."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        self.message = message
        self.line = line
        self.col = col
        super().__init__(f"line {line}, col {col}: {message}")


# --- AST ----------------------------------------------------------------------------
# Positions (line, col: 1-based, where the node's text starts) are excluded from
# equality and hashing, so trees compare by structure.


@dataclass(frozen=True)
class Ref:
    """A reference: a question (`Q3`), a grid row (`Q10.r2`) or a variable (`heavy_user`)."""

    name: str
    row: str | None = None
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Str:
    """A string literal such as `'1'`."""

    value: str
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Num:
    """A number literal: an int when written without a fraction, else a float."""

    value: int | float
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Bool:
    """`true` or `false`."""

    value: bool
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class ListLit:
    """A list of literals: `['1', '2']`."""

    items: tuple[Str | Num | Bool, ...]
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Call:
    """`answered(Q3)` or `count(Q3)`."""

    name: str
    arg: Ref
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Not:
    """`not x`."""

    operand: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Neg:
    """`-x` (a minus before a number literal is folded into the literal)."""

    operand: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class BoolOp:
    """`left and right` / `left or right` (left-associative)."""

    op: Literal["and", "or"]
    left: Expr
    right: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Compare:
    """`left == right` and the other comparisons."""

    op: CompareOp
    left: Expr
    right: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class In:
    """`left in [..]`, or `left not in [..]` when `negated`."""

    left: Expr
    items: ListLit
    negated: bool = False
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Contains:
    """`left contains x` (mode `one`), `contains any [..]`, `contains all [..]`."""

    left: Expr
    mode: Literal["one", "any", "all"]
    right: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Arith:
    """`left + right`, `-`, `*`, `/` (left-associative)."""

    op: ArithOp
    left: Expr
    right: Expr
    line: int = field(default=1, compare=False)
    col: int = field(default=1, compare=False)


Expr: TypeAlias = (
    Ref | Str | Num | Bool | ListLit | Call | Not | Neg | BoolOp | Compare | In | Contains | Arith
)

# --- tokens -------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<>|<=|>=|<|>|=|\+|-|\*|/|\(|\)|\[|\]|,|\.)
    """,
    re.VERBOSE,
)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _Token(NamedTuple):
    kind: str  # num, str, ident, kw, op, end
    text: str
    line: int
    col: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, line, line_start = 0, 1, 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        col = pos - line_start + 1
        if match is None:
            if text[pos] in "'\"":
                raise ExpressionError("unterminated string", line, col)
            raise ExpressionError(f"unexpected character {text[pos]!r}", line, col)
        kind, word = match.lastgroup or "", match.group()
        if kind == "ident" and word.lower() in KEYWORDS:
            tokens.append(_Token("kw", word.lower(), line, col))
        elif kind != "ws":
            tokens.append(_Token(kind, word, line, col))
        newlines = word.count("\n")
        if newlines:
            line += newlines
            line_start = pos + word.rindex("\n") + 1
        pos = match.end()
    tokens.append(_Token("end", "", line, pos - line_start + 1))
    return tokens


def _describe(token: _Token) -> str:
    return "end of expression" if token.kind == "end" else repr(token.text)


# --- parser -------------------------------------------------------------------------

_COMPARE_OPS: dict[str, CompareOp] = {
    "==": "==",
    "=": "==",
    "!=": "!=",
    "<>": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
}


class _Parser:
    """Recursive descent over the token list; one method per grammar rule."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        if token.kind != "end":
            self.index += 1
        return token

    def at(self, kind: str, text: str | None = None) -> bool:
        token = self.tokens[self.index]
        return token.kind == kind and (text is None or token.text == text)

    def expect(self, kind: str, text: str, what: str) -> _Token:
        if not self.at(kind, text):
            self.fail(f"expected {what}, found {_describe(self.token)}")
        return self.advance()

    def fail(self, message: str, token: _Token | None = None) -> None:
        token = token or self.token
        raise ExpressionError(message, token.line, token.col)

    def parse(self) -> Expr:
        if self.at("end"):
            self.fail("empty expression")
        expr = self.or_expr()
        if not self.at("end"):
            self.fail(f"unexpected {_describe(self.token)}")
        return expr

    def or_expr(self) -> Expr:
        left = self.and_expr()
        while self.at("kw", "or"):
            self.advance()
            left = BoolOp("or", left, self.and_expr(), _line(left), _col(left))
        return left

    def and_expr(self) -> Expr:
        left = self.not_expr()
        while self.at("kw", "and"):
            self.advance()
            left = BoolOp("and", left, self.not_expr(), _line(left), _col(left))
        return left

    def not_expr(self) -> Expr:
        if self.at("kw", "not"):
            start = self.advance()
            return Not(self.not_expr(), start.line, start.col)
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.sum()
        token = self.token
        if token.kind == "op" and token.text in _COMPARE_OPS:
            self.advance()
            return Compare(_COMPARE_OPS[token.text], left, self.sum(), _line(left), _col(left))
        if self.at("kw", "in") or self.at("kw", "not"):
            negated = self.advance().text == "not"
            if negated:
                self.expect("kw", "in", "'in' after 'not'")
            return In(left, self.list_lit(), negated, _line(left), _col(left))
        if self.at("kw", "contains"):
            self.advance()
            if self.at("kw", "any") or self.at("kw", "all"):
                mode: Literal["any", "all"] = "any" if self.advance().text == "any" else "all"
                return Contains(left, mode, self.list_lit(), _line(left), _col(left))
            return Contains(left, "one", self.sum(), _line(left), _col(left))
        return left

    def sum(self) -> Expr:
        left = self.product()
        while self.at("op", "+") or self.at("op", "-"):
            op: ArithOp = "+" if self.advance().text == "+" else "-"
            left = Arith(op, left, self.product(), _line(left), _col(left))
        return left

    def product(self) -> Expr:
        left = self.unary()
        while self.at("op", "*") or self.at("op", "/"):
            op: ArithOp = "*" if self.advance().text == "*" else "/"
            left = Arith(op, left, self.unary(), _line(left), _col(left))
        return left

    def unary(self) -> Expr:
        if self.at("op", "-"):
            start = self.advance()
            operand = self.unary()
            if isinstance(operand, Num):
                return Num(-operand.value, start.line, start.col)
            return Neg(operand, start.line, start.col)
        return self.primary()

    def primary(self) -> Expr:
        token = self.token
        if token.kind in {"num", "str"} or (token.kind == "kw" and token.text in {"true", "false"}):
            return self.literal()
        if self.at("op", "["):
            return self.list_lit()
        if self.at("op", "("):
            self.advance()
            inner = self.or_expr()
            self.expect("op", ")", "')'")
            return inner
        if token.kind == "ident":
            if self.tokens[self.index + 1].text == "(":
                return self.call()
            return self.reference()
        if token.kind == "end":
            self.fail("expression ends too early")
        self.fail(f"unexpected {_describe(token)}")
        raise AssertionError("unreachable")

    def literal(self) -> Str | Num | Bool:
        token = self.advance()
        if token.kind == "num":
            return Num(self.number(token), token.line, token.col)
        if token.kind == "str":
            return Str(_ESCAPE.sub(r"\1", token.text[1:-1]), token.line, token.col)
        if token.kind == "kw" and token.text in {"true", "false"}:
            return Bool(token.text == "true", token.line, token.col)
        self.fail(f"expected a literal ('1', 18, true), found {_describe(token)}", token)
        raise AssertionError("unreachable")

    def number(self, token: _Token) -> int | float:
        if not any(c in token.text for c in ".eE"):
            return int(token.text)
        value = float(token.text)
        if math.isinf(value):
            self.fail(f"number {token.text} is too large", token)
        return value

    def list_item(self) -> Str | Num | Bool:
        if self.at("op", "-") and self.tokens[self.index + 1].kind == "num":
            start = self.advance()
            number = self.literal()
            assert isinstance(number, Num)
            return Num(-number.value, start.line, start.col)
        return self.literal()

    def list_lit(self) -> ListLit:
        start = self.expect("op", "[", "'['")
        items: list[Str | Num | Bool] = []
        while not self.at("op", "]"):
            items.append(self.list_item())
            if not self.at("op", ","):
                break
            self.advance()
        self.expect("op", "]", "']' or ','")
        return ListLit(tuple(items), start.line, start.col)

    def reference(self) -> Ref:
        token = self.token
        if token.kind != "ident":
            self.fail(f"expected a question id, found {_describe(token)}")
        self.advance()
        row: str | None = None
        if self.at("op", "."):
            self.advance()
            if self.token.kind != "ident":
                self.fail(f"expected a row id after '.', found {_describe(self.token)}")
            row = self.advance().text
        return Ref(token.text, row, token.line, token.col)

    def call(self) -> Call:
        name = self.advance()
        if name.text.lower() not in FUNCTIONS:
            self.fail(f"unknown function {name.text} (known: answered, count)", name)
        self.advance()  # "("
        arg = self.reference()
        self.expect("op", ")", "')'")
        return Call(name.text.lower(), arg, name.line, name.col)


def _line(node: Expr) -> int:
    return node.line


def _col(node: Expr) -> int:
    return node.col


def parse_uncached(text: str) -> Expr:
    """`parse` without its cache (for measuring the parser)."""
    return _Parser(text).parse()


# Trees are immutable, so one tree per distinct text can be shared by every caller.
_parse_cached = lru_cache(maxsize=8192)(parse_uncached)


def parse(text: str) -> Expr:
    """Parse expression text into its AST; raise `ExpressionError` (line, col) if invalid."""
    if not isinstance(text, str):
        raise ExpressionError("expression must be text")
    return _parse_cached(text)


# --- printer ------------------------------------------------------------------------

_OR, _AND, _NOT, _CMP, _SUM, _PRODUCT, _UNARY, _ATOM = range(1, 9)


def _precedence(node: Expr) -> int:
    if isinstance(node, BoolOp):
        return _OR if node.op == "or" else _AND
    if isinstance(node, Not):
        return _NOT
    if isinstance(node, Compare | In | Contains):
        return _CMP
    if isinstance(node, Arith):
        return _SUM if node.op in {"+", "-"} else _PRODUCT
    if isinstance(node, Neg) or (isinstance(node, Num) and node.value < 0):
        return _UNARY
    return _ATOM


def _wrap(node: Expr, minimum: int) -> str:
    """Print `node`, in parentheses if it binds less tightly than `minimum`."""
    text = print_expr(node)
    return f"({text})" if _precedence(node) < minimum else text


def _print_literal(node: Str | Num | Bool) -> str:
    if isinstance(node, Str):
        return "'" + node.value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(node, Bool):
        return "true" if node.value else "false"
    return repr(node.value) if isinstance(node.value, float) else str(node.value)


def print_expr(expr: Expr) -> str:
    """The canonical text of an AST (parses back to an equal AST)."""
    if isinstance(expr, Str | Num | Bool):
        return _print_literal(expr)
    if isinstance(expr, Ref):
        return expr.name if expr.row is None else f"{expr.name}.{expr.row}"
    if isinstance(expr, ListLit):
        return "[" + ", ".join(_print_literal(item) for item in expr.items) + "]"
    if isinstance(expr, Call):
        return f"{expr.name}({print_expr(expr.arg)})"
    if isinstance(expr, Not):
        return "not " + _wrap(expr.operand, _NOT)
    if isinstance(expr, Neg):
        return "-" + _wrap(expr.operand, _UNARY)
    if isinstance(expr, BoolOp | Arith):
        mine = _precedence(expr)
        return f"{_wrap(expr.left, mine)} {expr.op} {_wrap(expr.right, mine + 1)}"
    if isinstance(expr, Compare):
        return f"{_wrap(expr.left, _SUM)} {expr.op} {_wrap(expr.right, _SUM)}"
    if isinstance(expr, In):
        word = "not in" if expr.negated else "in"
        return f"{_wrap(expr.left, _SUM)} {word} {print_expr(expr.items)}"
    if isinstance(expr, Contains):
        word = "contains" if expr.mode == "one" else f"contains {expr.mode}"
        return f"{_wrap(expr.left, _SUM)} {word} {_wrap(expr.right, _SUM)}"
    raise TypeError(f"not an expression node: {expr!r}")


# --- walking ------------------------------------------------------------------------


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of the tree, parents before children, left to right."""
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_children(node)))


def _children(node: Expr) -> tuple[Expr, ...]:
    if isinstance(node, BoolOp | Compare | Arith | Contains):
        return (node.left, node.right)
    if isinstance(node, In):
        return (node.left, node.items)
    if isinstance(node, Not | Neg):
        return (node.operand,)
    if isinstance(node, Call):
        return (node.arg,)
    if isinstance(node, ListLit):
        return node.items
    return ()


def references(expr: Expr) -> set[Ref]:
    """The questions, grid rows and variables an expression refers to (`Ref(name, row)`)."""
    return {node for node in walk(expr) if isinstance(node, Ref)}
