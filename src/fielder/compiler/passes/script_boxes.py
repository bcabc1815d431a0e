"""Routing boxes written in a survey tool's own script, where questions are named by their
shortcuts between double question marks (AskiaScript): `Screen out · Condition: ??Flown?? Has
{2}`, `Display this question · Condition: ??Cabin?? Has {3 To 4}`, `Go to NPS · Condition:
??Delayed?? HasNone {1}`, `??Age?? < 18`, `??EmailOpt?? = 1`.

The condition readers take ids with a number, so a question named by a word alone (`Flown`,
`BagDrop`) is read here: `Has {a; b}` is any of those codes (a range `a To b` too), `HasNone`
none of them, `HasAll` all of them, and a comparison tests the number given. Each test is
rendered for the type of the question it names. The action is the box's: a screen-out on the
question the box is under, a filter on it, or a jump from it. A box whose parts do not all
read is left for the flag of unread routing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fielder.compiler.parse import Draft
from fielder.ir.models import Question, SkipRule

_NAME = r"\?\?(?P<q>[A-Za-z]\w{0,31})\?\?"
_BOX_RE = re.compile(
    r"(?:^|[·•|])\s*(?P<action>screen\s*out|terminate|display\s+this\s+question|ask\s+this\s+question|"
    r"go\s*to\s+(?P<to>[A-Za-z]\w{0,31}))\s*[·•|]\s*condition\s*:\s*(?P<test>.+)$",
    re.I,
)
_SET_RE = re.compile(rf"^{_NAME}\s+(?P<fn>has(?:none|all)?)\s*\{{(?P<codes>[^{{}}]*)\}}\s*$", re.I)
_CMP_RE = re.compile(rf"^{_NAME}\s*(?P<op><=|>=|<>|=|<|>)\s*(?P<value>-?\d+(?:\.\d+)?)\s*$")
_CHOICE = frozenset({"single", "scale", "dropdown", "multi", "ranking"})


def _codes(text: str) -> list[str] | None:
    codes: list[str] = []
    for part in text.split(";"):
        part = part.strip()
        span = re.fullmatch(r"(-?\d{1,3})\s+to\s+(-?\d{1,3})", part, re.I)
        if span and int(span[1]) <= int(span[2]):
            codes.extend(str(n) for n in range(int(span[1]), int(span[2]) + 1))
        elif re.fullmatch(r"-?\d{1,3}", part):
            codes.append(part)
        else:
            return None
    return codes or None


def _quoted(codes: list[str]) -> str:
    return "[" + ",".join(f"'{c}'" for c in codes) + "]"


def box_test(test: str, questions: dict[str, Question]) -> str | None:
    """The IR expression of one script test, rendered for the named question's type."""
    test = test.strip()
    if match := _SET_RE.match(test):
        question, codes = questions.get(match["q"]), _codes(match["codes"])
        if question is None or codes is None or question.type not in _CHOICE:
            return None
        multi = question.type in ("multi", "ranking")
        fn = match["fn"].lower()
        if multi:
            parts = [f"{question.id} contains '{c}'" for c in codes]
            joined = " and ".join(parts) if fn == "hasall" else " or ".join(parts)
        else:
            if fn == "hasall" and len(codes) > 1:
                return None
            joined = (
                f"{question.id} == '{codes[0]}'"
                if len(codes) == 1
                else f"{question.id} in {_quoted(codes)}"
            )
        return f"not ({joined})" if fn == "hasnone" else joined
    if match := _CMP_RE.match(test):
        question = questions.get(match["q"])
        if question is None:
            return None
        op = {"=": "==", "<>": "!="}.get(match["op"], match["op"])
        if question.type == "number":
            return f"{question.id} {op} {match['value']}"
        if question.type in _CHOICE and op in ("==", "!=") and question.type not in ("multi",):
            return f"{question.id} {op} '{match['value']}'"
    return None


def script_boxes(pairs: Sequence[tuple[Question, Draft]]) -> None:
    """Set each question's logic from the script boxes among its notes (questions already
    holding that kind of logic are left as they are)."""
    questions = {question.id: question for question, _ in pairs}
    order = {qid: index for index, qid in enumerate(questions)}
    for question, draft in pairs:
        for note in [*draft.pre_notes, *draft.notes]:
            box = _BOX_RE.search(" ".join(note.split()))
            if box is None:
                continue
            test = box_test(box["test"], questions)
            named = _SET_RE.match(box["test"].strip()) or _CMP_RE.match(box["test"].strip())
            if test is None or named is None:
                continue
            if order.get(named["q"], len(order)) > order[question.id]:
                continue  # a test of a later question is no test here
            action = box["action"].lower()
            if box["to"]:
                if box["to"] in questions and order[box["to"]] > order[question.id]:
                    if not any(rule.to == box["to"] for rule in question.skip_to):
                        question.skip_to.append(SkipRule(**{"if": test, "to": box["to"]}))
            elif action.startswith(("screen", "term")):
                question.terminate_if = question.terminate_if or test
            elif named["q"] != question.id and not question.display_if:
                question.display_if = test
