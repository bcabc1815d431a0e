"""IR conditions ⇄ LimeSurvey ExpressionScript (the `relevance` column).

Export: a `LogicRenderer` dialect. Choice answers compare as codes in double quotes
(`Q3 == "A1"`), a multiple-choice option is its own variable (`Q3_SQ001 == "Y"`), a grid
row is `Q7_r1`, `answered(Q)` is `!is_empty(Q)`, `in` lists become or-chains.
Import: the same subset read back (plus `&&`, `||`, `!`, `.NAOK`), anything else is
reported as not carried.
"""

from __future__ import annotations

import re
from typing import ClassVar

from fielder.ir import expressions as ex
from fielder.ir.models import Question, Survey
from fielder.platforms.logic import LogicRenderer, Untranslatable
from fielder.platforms.qualtrics.read_logic import simplify

_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


def code_of(raw: str, taken: set[str], prefix: str, limit: int = 20, letter: bool = True) -> str:
    """A LimeSurvey code for `raw`: letters and digits, a letter first, unique in `taken`."""
    base = _NOT_ALNUM.sub("", raw)[:limit] or prefix
    if letter and not base[0].isalpha():
        base = (prefix + base)[:limit]
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[: limit - len(str(n))]}{n}"
    taken.add(candidate.lower())
    return candidate


def question_titles(survey: Survey) -> dict[str, str]:
    """IR question id → LimeSurvey question title (variables first, then questions)."""
    taken: set[str] = set()
    titles = {v.name: code_of(v.name, taken, "V") for v in survey.variables}
    for question in survey.questions():
        titles.setdefault(question.id, code_of(question.id, taken, "Q"))
    return titles


def answer_codes(question: Question) -> dict[str, str]:
    """IR option code → LimeSurvey answer/subquestion code (at most 5 characters for answers)."""
    taken: set[str] = {"-oth-"}
    limit = 5 if question.type in ("single", "dropdown", "scale", "ranking", "grid") else 20
    codes = {o.code: code_of(o.code, taken, "A", limit, letter=False) for o in question.options}
    other = next((o for o in question.options if o.specify), None)
    if other is not None and question.type in ("single", "dropdown", "multi"):
        codes[other.code] = "-oth-"  # LimeSurvey's one "other" answer
    return codes


def sub_name(code: str) -> str:
    """The variable suffix of a multiple-choice option (`Q3_other` for the other answer)."""
    return "other" if code == "-oth-" else code


def row_codes(question: Question) -> dict[str, str]:
    """IR grid row id → LimeSurvey subquestion code."""
    taken: set[str] = set()
    return {r.id: code_of(r.id, taken, "SQ", letter=False) for r in question.rows}


class ExpressionScript(LogicRenderer):
    """Renders IR conditions as LimeSurvey ExpressionScript."""

    NAME: ClassVar[str] = "limesurvey"
    AND: ClassVar[str] = "{0} and {1}"
    OR: ClassVar[str] = "{0} or {1}"
    NOT: ClassVar[str] = "!{0}"
    TRUE: ClassVar[str] = "1"
    FALSE: ClassVar[str] = "0"

    def __init__(self, survey: Survey) -> None:
        super().__init__(survey)
        self.titles = question_titles(survey)
        self.questions = survey.question_map()

    def string(self, value: str) -> str:
        """Double-quoted, as LimeSurvey writes them."""
        if '"' in value:
            raise Untranslatable("LimeSurvey strings cannot hold a double quote")
        return f'"{value}"'

    def code(self, node: ex.Expr, question: Question | None) -> str:
        """A literal compared with a choice answer, as the LimeSurvey code it stands for."""
        value = self.as_code(node)
        if question is not None and isinstance(value, ex.Str):
            return self.string(answer_codes(question).get(value.value, value.value))
        return self.render(value)

    def ref(self, node: ex.Ref) -> str:
        """Question title, `Q_SQ` for a grid row."""
        if node.name not in self.titles:
            raise Untranslatable(f"{node.name} is not a question or variable")
        title = self.titles[node.name]
        if node.row is None:
            return title
        question = self.questions[node.name]
        return f"{title}_{row_codes(question).get(node.row, node.row)}"

    def compare(self, node: ex.Compare) -> str:
        """Choice answers compare as their (mapped) codes."""
        left, right = node.left, node.right
        question = self.choice_question(left) or self.choice_question(right)
        if question is None:
            return super().compare(node)
        lhs = self.operand(left) if isinstance(left, ex.Ref) else self.code(left, question)
        rhs = self.operand(right) if isinstance(right, ex.Ref) else self.code(right, question)
        return f"{lhs} {self.COMPARE[node.op]} {rhs}"

    def choice_question(self, node: ex.Expr) -> Question | None:
        if not self.is_choice(node) or not isinstance(node, ex.Ref):
            return None
        question = self.questions[node.name]
        return question if question.type != "multi" else None

    def in_(self, node: ex.In) -> str:
        """`Q in [a, b]` → `(Q == "a" or Q == "b")`."""
        op, joiner = ("!=", " and ") if node.negated else ("==", " or ")
        left = self.operand(node.left)
        question = self.choice_question(node.left)
        parts = [f"{left} {op} {self.code(item, question)}" for item in node.items.items]
        if not parts:
            return self.TRUE if node.negated else self.FALSE
        return "(" + joiner.join(parts) + ")"

    def contains(self, node: ex.Contains) -> str:
        """A multiple-choice option is its own `Q_SQ` variable holding "Y" when chosen."""
        question = self.multi(node.left)
        if node.mode == "one":
            values = [node.right]
        elif isinstance(node.right, ex.ListLit):
            values = list(node.right.items)
        else:
            raise Untranslatable("contains any/all needs a list")
        parts = [f'{self.option(question, value)} == "Y"' for value in values]
        joiner = " and " if node.mode == "all" else " or "
        return "(" + joiner.join(parts) + ")" if len(parts) > 1 else parts[0]

    def multi(self, node: ex.Expr) -> Question:
        if not isinstance(node, ex.Ref) or node.row is not None:
            raise Untranslatable("contains needs a multiple-choice question")
        question = self.questions.get(node.name)
        if question is None or question.type != "multi":
            raise Untranslatable(f"{node.name} is not a multiple-choice question")
        return question

    def option(self, question: Question, value: ex.Expr) -> str:
        code = self.as_code(value)
        if not isinstance(code, ex.Str):
            raise Untranslatable("an option is named by its code")
        mapped = answer_codes(question).get(code.value)
        if mapped is None:
            raise Untranslatable(f"{question.id} has no option {code.value!r}")
        return f"{self.titles[question.id]}_{sub_name(mapped)}"

    def not_(self, node: ex.Not) -> str:
        """`not answered(Q)` is `is_empty(Q)`."""
        operand = node.operand
        if isinstance(operand, ex.Call) and operand.name == "answered":
            question = self.questions.get(operand.arg.name)
            if question is not None and (question.type != "multi" or operand.arg.row):
                return f"is_empty({self.ref(operand.arg)})"
        return super().not_(node)

    def call(self, node: ex.Call) -> str:
        """`answered(Q)` → `!is_empty(Q)`; `count(Q)` of a multiple choice → countif."""
        question = self.questions.get(node.arg.name)
        if question is not None and question.type == "multi" and node.arg.row is None:
            if not question.options:
                raise Untranslatable(f"{question.id} has no options to test")
            options = [self.option(question, ex.Str(o.code)) for o in question.options]
            if node.name == "count":
                return 'countif("Y", ' + ", ".join(options) + ")"
            return "(" + " or ".join(f'{o} == "Y"' for o in options) + ")"
        if node.name == "answered":
            return f"!is_empty({self.ref(node.arg)})"
        raise Untranslatable(f"LimeSurvey has no count() of a {getattr(question, 'type', '?')}")


# --- import ---------------------------------------------------------------------------

_TOKEN = re.compile(
    r'\s+|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.]*'
    r"|&&|\|\||==|!=|<=|>=|[-+*/()<>!,]|\S"
)
_COUNTIF = re.compile(r'countif\(\s*"Y"\s*,\s*([A-Za-z0-9_,\s]+)\)')
_WORDS = {"&&": "and", "||": "or", "!": "not", "and": "and", "or": "or", "AND": "and", "OR": "or"}


def to_ir_text(expression: str) -> str:
    """ExpressionScript → IR expression text (before references are resolved).

    Raises Untranslatable for functions or syntax the IR has no equivalent for.
    """
    out: list[str] = []
    tokens = [t for t in _TOKEN.findall(expression) if not t.isspace()]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in _WORDS:
            out.append(_WORDS[token])
        elif token == "is_empty" and nxt == "(":
            out.append("not answered")
        elif token == "count" and nxt == "(":
            out.append("count")
        elif re.match(r"[A-Za-z_]", token):
            if nxt == "(":
                raise Untranslatable(f"function {token}() has no IR equivalent")
            out.append(re.sub(r"\.NAOK$", "", token))
        else:
            out.append(token)
        i += 1
    text = " ".join(out).replace("not not answered", "answered")
    return text


class ReadExpression:
    """Resolves LimeSurvey variable names in an imported condition to IR references."""

    def __init__(
        self, questions: dict[str, Question], variables: frozenset[str] = frozenset()
    ) -> None:
        self.questions = questions
        self.variables = variables

    def read(self, expression: str) -> str | None:
        """IR text for a relevance equation (None when always true); raises Untranslatable."""
        expression = expression.strip()
        if expression in ("", "1", "true"):
            return None
        expression = _COUNTIF.sub(self.countif, expression)
        try:
            tree = ex.parse(to_ir_text(expression))
        except ex.ExpressionError as exc:
            raise Untranslatable(f"not understood: {exc.message}") from exc
        return ex.print_expr(simplify(self.resolve(tree)))

    def countif(self, match: re.Match[str]) -> str:
        """`countif("Y", Q3_a, Q3_b…)` over every option of Q3 is `count(Q3)`."""
        names = [n.strip() for n in match.group(1).split(",")]
        title = names[0].partition("_")[0]
        question = self.questions.get(title)
        if question is None or question.type != "multi":
            return match.group(0)
        if sorted(names) != sorted(f"{title}_{sub_name(o.code)}" for o in question.options):
            return match.group(0)
        return f"count({title})"

    def resolve(self, node: ex.Expr) -> ex.Expr:
        """Turn `Q_SQ == "Y"` into `Q contains 'SQ'` and `Q_row` into `Q.row`."""
        if isinstance(node, ex.Compare):
            chosen = self.option_test(node)
            if chosen is not None:
                return chosen
            return ex.Compare(node.op, self.resolve(node.left), self.resolve(node.right))
        if isinstance(node, ex.BoolOp):
            return ex.BoolOp(node.op, self.resolve(node.left), self.resolve(node.right))
        if isinstance(node, ex.Not):
            return ex.Not(self.resolve(node.operand))
        if isinstance(node, ex.Arith):
            return ex.Arith(node.op, self.resolve(node.left), self.resolve(node.right))
        if isinstance(node, ex.Neg):
            return ex.Neg(self.resolve(node.operand))
        if isinstance(node, ex.Call):
            ref = self.resolve(node.arg)
            if not isinstance(ref, ex.Ref):
                raise Untranslatable("answered() of an option")
            return ex.Call(node.name, ref)
        if isinstance(node, ex.Ref):
            return self.reference(node)
        return node

    def reference(self, node: ex.Ref) -> ex.Ref:
        if node.name in self.questions or node.name in self.variables:
            return node
        title, _, sub = node.name.partition("_")
        question = self.questions.get(title)
        if question is not None and question.type == "grid" and sub:
            return ex.Ref(title, sub)
        raise Untranslatable(f"{node.name} is not a question of this survey")

    def option_test(self, node: ex.Compare) -> ex.Expr | None:
        if not isinstance(node.left, ex.Ref) or not isinstance(node.right, ex.Str):
            return None
        title, _, sub = node.left.name.partition("_")
        question = self.questions.get(title)
        if node.left.name in self.questions or question is None or question.type != "multi":
            return None
        codes = {o.code for o in question.options}
        if sub == "other" and "-oth-" in codes:
            sub = "-oth-"
        if sub not in codes or node.op not in ("==", "!="):
            raise Untranslatable(f"{node.left.name} is not an option of {title}")
        chosen = (node.right.value == "Y") == (node.op == "==")
        test = ex.Contains(ex.Ref(title), "one", ex.Str(sub))
        return test if chosen else ex.Not(test)
