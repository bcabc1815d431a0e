"""Quota conditions as platforms with member lists hold them, and quota ids on the way back.

LimeSurvey's quota is a list of members (a question and one of its answer codes): members
of one question are alternatives, members of different questions must all hold. So an IR
quota condition maps when it is a single test of chosen codes (`S1 == '2'`,
`S1 in ['1', '2']`, `M1 contains any ['1', '2']`) or an AND of such tests on different
questions; anything else raises `Untranslatable` and is reported by the exporter.
"""

from __future__ import annotations

from dataclasses import dataclass

from fielder.ir import expressions as ex
from fielder.ir.models import Question
from fielder.platforms.logic import Untranslatable

#: Question types whose answer is one code (members are alternatives of that code).
SINGLE_TYPES = frozenset({"single", "dropdown", "scale"})
#: Question types whose answer is a set of codes (a member is "this code was chosen").
MULTI_TYPES = frozenset({"multi"})


@dataclass(frozen=True, slots=True)
class Members:
    """One question of a quota and the codes that count (any one of them)."""

    question: str
    codes: tuple[str, ...]


def quota_id(position: int) -> str:
    """The IR id a quota read from a platform gets: `QT1`, `QT2`… in file order."""
    return f"QT{position}"


def members_of(condition: str, questions: dict[str, Question]) -> list[Members]:
    """The member lists of an IR quota condition; raises Untranslatable when it has none.

    Codes are the IR's own (a number compared with a choice is its code: `S1 == 2`).
    """
    try:
        tree = ex.parse(condition)
    except ex.ExpressionError as exc:
        raise Untranslatable(str(exc)) from exc
    result: list[Members] = []
    for part in _conjuncts(tree):
        members = _members(part, questions)
        if any(m.question == members.question for m in result):
            raise Untranslatable(f"{members.question} is tested twice")
        result.append(members)
    return result


def condition_of(members: list[Members], questions: dict[str, Question]) -> str:
    """The canonical IR condition for member lists (the inverse of `members_of`)."""
    parts: list[str] = []
    for item in members:
        question = questions[item.question]
        codes = [ex.print_expr(ex.Str(code)) for code in item.codes]
        listed = "[" + ", ".join(codes) + "]"
        if question.type in MULTI_TYPES:
            test = f"contains {codes[0]}" if len(codes) == 1 else f"contains any {listed}"
        else:
            test = f"== {codes[0]}" if len(codes) == 1 else f"in {listed}"
        parts.append(f"{item.question} {test}")
    return ex.print_expr(ex.parse(" and ".join(parts)))


def _conjuncts(node: ex.Expr) -> list[ex.Expr]:
    if isinstance(node, ex.BoolOp) and node.op == "and":
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


def _members(node: ex.Expr, questions: dict[str, Question]) -> Members:
    if isinstance(node, ex.Compare) and node.op == "==":
        question = _question(node.left, questions)
        return Members(question.id, (_code(node.right, question),))
    if isinstance(node, ex.In) and not node.negated:
        question = _question(node.left, questions)
        if question.type not in SINGLE_TYPES:
            raise Untranslatable(f"{question.id} is not a single choice")
        return Members(question.id, _codes(node.items.items, question))
    if isinstance(node, ex.Contains) and node.mode in ("one", "any"):
        question = _question(node.left, questions)
        if question.type not in MULTI_TYPES:
            raise Untranslatable(f"{question.id} is not a multiple choice")
        if isinstance(node.right, ex.ListLit):
            return Members(question.id, _codes(node.right.items, question))
        return Members(question.id, (_code(node.right, question),))
    raise Untranslatable("only chosen codes of choice questions, joined by 'and', are members")


def _question(node: ex.Expr, questions: dict[str, Question]) -> Question:
    if not isinstance(node, ex.Ref) or node.row is not None or node.name not in questions:
        raise Untranslatable("a member is a choice question")
    question = questions[node.name]
    if question.type not in SINGLE_TYPES | MULTI_TYPES:
        raise Untranslatable(f"{question.id} is a {question.type} question, not a choice")
    return question


def _codes(items: tuple[ex.Expr, ...], question: Question) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(_code(item, question) for item in items))
    if not codes:
        raise Untranslatable("an empty list of codes")
    return codes


def _code(node: ex.Expr, question: Question) -> str:
    if isinstance(node, ex.Str):
        code = node.value
    elif isinstance(node, ex.Num) and not isinstance(node.value, bool):
        value = node.value
        code = str(int(value)) if float(value).is_integer() else str(value)
    else:
        raise Untranslatable("a member is an option code")
    if code not in {option.code for option in question.options}:
        raise Untranslatable(f"{question.id} has no option {code!r}")
    return code
