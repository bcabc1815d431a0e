"""Routing drawn as flowchart text after a question's answers:

    P1 ─┬─ 1, 2 → P2                        ◆ P6 = 1–3 ?   yes → P7   no → P8
        └─ 3 → END ✖ (screen-out)           ◆ Any online way (2, 3 or 4) picked at P3 ?
    P8 ─ Yes → P8a / No → P9                    yes → P4
    P16 ─ 4 → P18                               no  → P9

A branch line (`Q ─ answers → target`, more branches after `/` or on `├─` / `└─` lines below)
routes on the question it names; a decision (`◆ test ? yes → A  no → B`, the branches on the
same line or the lines below) routes on its test, "no" on the test's negation. Each branch is
written as the plain routing note it stands for (`IF P1 = 3 SCREEN OUT`, `IF P8 = "No" GO TO
P9`); `END ✖` or "screen-out" is a screen-out, a bare `END` / `CLOSE` the closing screen. A
branch that only goes on to the next question is the default flow (see
`decision_tables.kept_routes`). `◆ Ask P13 only if …` is that question's filter.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.decision_tables import kept_routes
from fielder.compiler.lines import Line, made_line

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_ARROW = r"(?:→|->|=>)"
_TREE_HEAD_RE = re.compile(rf"^(?P<q>{_ID})\s*─+[┬┐]?─*\s*(?P<rest>\S.*{_ARROW}.*)$")
_TREE_BRANCH_RE = re.compile(rf"^[├└│]\s*─*\s*(?P<rest>\S.*{_ARROW}.*)$")
_DIAMOND_RE = re.compile(r"^◆\s*(?P<test>[^?]+?)\s*\?\s*(?P<rest>.*)$")
_DIAMOND_ASK_RE = re.compile(r"^◆\s*(?P<ask>(?:ask|show)\b.*)$", re.I)
_YES_NO_RE = re.compile(
    rf"\b(?P<way>yes|no)\s*{_ARROW}\s*(?P<to>[^\t]+?)(?=\s+(?:yes|no)\s*{_ARROW}|$)", re.I
)
_BRANCH_RE = re.compile(rf"^(?P<answer>[^→]+?)\s*{_ARROW}\s*(?P<to>.+)$")
_SCREEN_OUT_RE = re.compile(r"✖|\bscreen[- ]?out\b|\bterminate\b", re.I)
_TARGET_RE = re.compile(rf"^(?P<to>{_ID}|END|CLOSE)\b", re.I)
# "Any online way (2, 3 or 4) picked at P3", "NO online way (2, 3 or 4) was picked at P3"
_PICKED_RE = re.compile(
    rf"^(?P<no>no\s+)?(?:any\s+|an?\s+|some\s+)?[^()]*\((?P<codes>[\d,\s]+(?:or|and)?[\d\s]*)\)\s+"
    rf"(?:was\s+|were\s+)?(?:picked|chosen|selected|ticked|mentioned)\s+(?:at|in)\s+(?P<q>{_ID})$",
    re.I,
)


def _test(text: str) -> str:
    """A decision's test in the words the condition reader takes."""
    text = " ".join(text.split())
    picked = _PICKED_RE.match(text)
    if picked is None:
        return text
    codes = re.sub(r"\s*(?:,|\bor\b|\band\b)\s*", " OR ", picked["codes"].strip(), flags=re.I)
    test = f"{picked['q']} = {' '.join(codes.split())}"
    return f"NOT ({test})" if picked["no"] else test


def _action(test: str, target: str) -> tuple[str, str] | None:
    if _SCREEN_OUT_RE.search(target):
        return f"IF {test} SCREEN OUT", ""
    found = _TARGET_RE.match(target.strip())
    if found is None:
        return None
    to = found["to"]
    return f"IF {test} GO TO {to}", to


def _answer_test(question: str, answer: str) -> str:
    answer = answer.strip()
    if re.fullmatch(r"[\d,\s–-]+(?:or\s+\d+)?", answer):
        return f"{question} = {answer}"
    return f'{question} = "{answer}"'  # an answer named by its words


def _branches(text: str, tree: str | None, diamond: str | None) -> list[tuple[str, str]]:
    raw = text.strip()
    found: list[tuple[str, str]] = []
    if tree is not None:
        for part in re.split(r"\s+/\s+", raw):
            branch = _BRANCH_RE.match(part.strip())
            action = branch and _action(_answer_test(tree, branch["answer"]), branch["to"])
            if action:
                found.append(action)
    if diamond is not None:
        for way in _YES_NO_RE.finditer(raw.replace("\t", "  ")):
            test = diamond if way["way"].lower() == "yes" else f"NOT ({diamond})"
            action = _action(test, way["to"])
            if action:
                found.append(action)
    return found


_ASK_RE = re.compile(rf"^(?:ask|show)\s+(?P<q>{_ID})\s+(?:only\s+)?if\s+(?P<test>.+)$", re.I)


def flow_line_lines(lines: list[Line]) -> list[Line]:
    """The lines with flowchart routing written as the plain notes it stands for."""
    if not any(re.match(r"^\s*(?:◆|[├└]|" + _ID + r"\s*─)", line.raw) for line in lines):
        return lines
    order = [label.id for label in map(find_label, lines) if label is not None]
    out: list[Line] = []
    current: str | None = None
    tree: str | None = None
    diamond: str | None = None
    group: list[tuple[str, str]] = []
    anchor: Line | None = None
    asks: dict[str, list[str]] = {}

    def flush() -> None:
        # one decision's branches together, so that a pair over two lines is seen whole
        if anchor is not None and current is not None and group:
            here = order.index(current)
            following, after_next = [*order[here + 1 : here + 3], None, None][:2]
            if diamond is not None and [to for _, to in group] == [following, after_next]:
                # "yes → the next question, no → the one after": who is asked the next one
                asks.setdefault(following or "", []).append(f"ASK IF {diamond}")
            else:
                out.extend(
                    made_line(anchor, n, True) for n in kept_routes(group, following, after_next)
                )
        group.clear()

    for line in lines:
        raw = " ".join(line.raw.split())
        head = _TREE_HEAD_RE.match(raw)
        decision = _DIAMOND_RE.match(raw)
        branch = _TREE_BRANCH_RE.match(raw)
        more = branch or re.match(rf"^(?:yes|no)\s*{_ARROW}", raw, re.I)
        if head or decision or not more:
            flush()
            tree = diamond = None
        label = find_label(line)
        if label is not None:
            current = label.id
            out.extend(made_line(line, ask, True) for ask in asks.pop(label.id, []))
            out.append(line)
            continue
        asked = _DIAMOND_ASK_RE.match(raw)
        ask = _ASK_RE.match(asked["ask"]) if asked and decision is None else None
        if ask:
            asks.setdefault(ask["q"], []).append(f"ASK IF {_test(ask['test'])}")
            continue
        rest = raw
        if head:
            tree, rest = head["q"], head["rest"]
        elif decision:
            diamond, rest = _test(decision["test"]), decision["rest"]
        elif branch:
            rest = branch["rest"]
        if (tree is None and diamond is None) or current is None:
            out.append(line)
            continue
        anchor = line
        group.extend(_branches(rest, tree, diamond))
    flush()
    return out
