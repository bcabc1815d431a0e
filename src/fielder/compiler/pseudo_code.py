"""Routing written as pseudo-code, one statement a line, put in the scripting words the
instruction reader knows.

Programming specs write their logic as a small program in a box or a code block:

    IF A1 IN (1,2) THEN            if Q2 contains 6:          BASE Q7..Q8 := Q2 ∈ {2,3}
      ASK A2, A3, A4                   goto Q9                SHOW Q12 IF Q1 ∈ {1,2,3}
      IF A4 <= 4 THEN ASK A4a      elif not Q2 contains 1:    IF Q9 == 0 THEN GOTO Q11
    ELSE                               goto Q7
      GOTO B1                      if Q1 == 5:
    ENDIF                              terminate()

The block is run as a programmer reads it: the conditions of the open IFs hold together
(`and`), an ELSE or ELIF holds where the branches before it do not, and each action takes the
conditions it stands under. `ASK` / `SHOW` filter the questions named (a range `C1-C3`,
`Q7..Q8` covers the labels between), and every filter on one question is joined into one
`ASK IF …` line before its label. `GOTO` and `TERMINATE` route the question the block is
written after, in its place. A `GOTO` on the other branch of an `ASK` is how the asked
questions are left out, which their filter already says, so it is dropped. Comments
(`/* … */`, `# …`, `// …`) are left out. A block whose conditions are not all expressions
(ids, operators, codes, quoted labels) is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from fielder.compiler.formal_conditions import is_expression
from fielder.compiler.lines import Line

_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)|(?:^|\s)#\s.*$|(?:^|\s)//.*$")
_THEN = r"(?:\s+THEN\b|\s*:(?!=))"
_OPEN_RE = re.compile(rf"^IF\s*(?P<cond>\S.*?){_THEN}\s*$", re.I)
_ONE_LINE_RE = re.compile(
    rf"^IF\s*(?P<cond>\S.*?){_THEN}\s*(?P<then>\S.*?)"
    r"(?:\s+ELSE\s+(?P<other>\S.*?))?(?:\s+END\s?IF)?\s*;?$",
    re.I,
)
_ELIF_RE = re.compile(rf"^(?:ELIF|ELSE\s?IF)\s*(?P<cond>\S.*?){_THEN}\s*$", re.I)
_ELSE_RE = re.compile(r"^ELSE\s*:?$", re.I)
_ENDIF_RE = re.compile(r"^END\s?IF\s*;?$", re.I)
_ID = r"[A-Za-z]{1,6}_?\d{1,3}[a-z]?"
_IDS = rf"{_ID}(?:\s*(?:,|\.\.|-|–|\bTO\b|\bAND\b)\s*{_ID})*"
_ASK_RE = re.compile(rf"^(?:ASK|SHOW|DISPLAY)\s+(?P<ids>{_IDS})\s*;?$", re.I)
_ASK_IF_RE = re.compile(
    rf"^(?:ASK|SHOW|DISPLAY)\s+(?P<ids>{_IDS})\s+(?:ONLY\s+)?IF\s+(?P<cond>\S.*?)\s*;?$", re.I
)
_BASE_RE = re.compile(rf"^BASE\s+(?:FOR\s+)?(?P<ids>{_IDS})\s*:=\s*(?P<cond>\S.*?)\s*;?$", re.I)
_GOTO_RE = re.compile(
    r"^(?:GO\s?TO|SKIP\s+TO|JUMP\s+TO)\s*\(?\s*(?P<to>[\w ]{1,30}?)\s*\)?\s*;?$", re.I
)
_TERMINATE_RE = re.compile(r"^(?:TERMINATE|TERM|SCREEN\s?OUT)\s*(?:\(\s*\))?\s*;?$", re.I)
_CONDITIONAL_RE = re.compile(r"^(?:IF\b|ELIF\b|BASE\b|(?:ASK|SHOW|DISPLAY)\s.*\bIF\b)", re.I)
_CONTINUE_RE = re.compile(r"^(?:CONTINUE|PASS)\s*(?:\(\s*\))?\s*;?$", re.I)


@dataclass
class _Action:
    kind: str  # ask | goto | terminate
    conditions: list[str]
    ids: list[str] = field(default_factory=list)
    target: str = ""
    #: the branch of its IF it stands in, and that IF: a GOTO beside an ASK is dropped
    branch: tuple[int, int] = (0, 0)


def _statement(text: str) -> str:
    return re.sub(r"\s+", " ", _COMMENT_RE.sub(" ", text)).strip()


def _is_code(text: str) -> bool:
    """True for a line of the program: a statement whose conditions are expressions."""
    if not text:
        return False
    for pattern in (_ONE_LINE_RE, _OPEN_RE, _ELIF_RE, _ASK_IF_RE, _BASE_RE):
        match = pattern.match(text)
        if match:
            return is_expression(_as_formal(match["cond"])) and (
                pattern is not _ONE_LINE_RE or _action(match["then"]) is not None
            )
    return any(p.match(text) for p in (_ELSE_RE, _ENDIF_RE, _ASK_RE, _GOTO_RE, _TERMINATE_RE))


def _action(text: str) -> tuple[str, str] | None:
    text = text.strip()
    for kind, pattern in (("ask", _ASK_RE), ("goto", _GOTO_RE), ("terminate", _TERMINATE_RE)):
        match = pattern.match(text)
        if match:
            return kind, (match.groupdict().get("ids") or match.groupdict().get("to") or "")
    return ("continue", "") if _CONTINUE_RE.match(text) else None


def _as_formal(condition: str) -> str:
    """Set braces as brackets (a brace is a note to the line reader) and `==` as `=`."""
    return condition.replace("{", "(").replace("}", ")").strip()


class _Program:
    """The block run statement by statement with a stack of open IFs."""

    def __init__(self) -> None:
        # each open IF: (its number, the conditions of its branches so far, python-style)
        self.stack: list[tuple[int, list[str], bool]] = []
        self.actions: list[_Action] = []
        self.count = 0

    def _holding(self) -> list[str]:
        held: list[str] = []
        for _, branches, _ in self.stack:
            *before, current = branches
            denied = [f"NOT ({c})" for c in before]
            held.extend(denied + ([current] if current else []))
        return held

    def _branch(self) -> tuple[int, int]:
        return (self.stack[-1][0], len(self.stack[-1][1])) if self.stack else (0, 0)

    def _do(self, kind: str, value: str, extra: list[str] | None = None) -> None:
        conditions = self._holding() + (extra or [])
        if kind == "ask":
            self.actions.append(_Action("ask", conditions, ids=[value], branch=self._branch()))
        elif kind == "goto":
            self.actions.append(_Action("goto", conditions, target=value, branch=self._branch()))
        elif kind == "terminate":
            self.actions.append(_Action("terminate", conditions, branch=self._branch()))

    def _open(self, condition: str, python: bool) -> None:
        self.count += 1
        self.stack.append((self.count, [_as_formal(condition)], python))

    def _close_python(self) -> None:
        while self.stack and self.stack[-1][2]:
            self.stack.pop()

    def run(self, text: str) -> None:
        one = _ONE_LINE_RE.match(text)
        if one and _action(one["then"]) and (one["other"] is None or _action(one["other"])):
            self._close_python()
            self._open(one["cond"], python=False)
            self._do(*_action(one["then"]))  # type: ignore[misc]
            if one["other"]:
                self.stack[-1][1].append("")
                self._do(*_action(one["other"]))  # type: ignore[misc]
            self.stack.pop()
            return
        if match := _ELIF_RE.match(text):
            if not self.stack:
                raise ValueError("ELIF outside an IF")
            self.stack[-1][1].append(_as_formal(match["cond"]))
        elif _ELSE_RE.match(text):
            if not self.stack:
                raise ValueError("ELSE outside an IF")
            self.stack[-1][1].append("")
        elif _ENDIF_RE.match(text):
            if not self.stack:
                raise ValueError("ENDIF outside an IF")
            self.stack.pop()
        elif match := _OPEN_RE.match(text):
            self._close_python()
            self._open(match["cond"], python=text.rstrip().endswith(":"))
        elif match := _ASK_IF_RE.match(text):
            self._do("ask", match["ids"], [_as_formal(match["cond"])])
        elif match := _BASE_RE.match(text):
            self._do("ask", match["ids"], [_as_formal(match["cond"])])
        elif found := _action(text):
            self._do(*found)


def _joined(conditions: list[str]) -> str:
    if len(conditions) == 1:
        return conditions[0]
    return " AND ".join(f"({c})" for c in conditions)


_LABEL_RE = re.compile(rf"^[\s*_>|]*(?P<id>{_ID})(?=[.):\t]|\s|\*|$)")


def _label_of(line: Line) -> str | None:
    if line.kind == "table":
        return None
    match = _LABEL_RE.match(line.raw)
    return match["id"] if match else None


def _covered(ids: str, labels: list[tuple[int, str]]) -> list[int] | None:
    """The line indexes of the questions an id list names (`A2, A3`, `C1-C3`, `Q7..Q8`)."""
    places: list[int] = []
    for part in re.split(r"\s*(?:,|\bAND\b)\s*", ids.strip(), flags=re.I):
        ends = [e for e in re.split(r"\s*(?:\.\.|-|–|\bTO\b)\s*", part, flags=re.I) if e]
        found = [next((i for i, (_, lab) in enumerate(labels) if lab == e), None) for e in ends]
        if any(f is None for f in found):
            return None
        first, last = found[0], found[-1]
        assert first is not None
        assert last is not None
        if last < first:
            return None
        places.extend(labels[k][0] for k in range(first, last + 1))
    return places


def _note(line: Line, statement: str) -> Line:
    return replace(
        line,
        text="",
        raw=statement,
        spaced="",
        instructions=[statement],
        kind="paragraph",
        numbering=None,
        bold=False,
        rows=(),
        label=None,
        code=None,
        is_option=False,
    )


def _blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs of program lines (comment lines inside or right before a run belong to it)."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start = index
        while index < len(lines) and lines[index].kind != "table" and lines[index].raw.strip():
            text = _statement(lines[index].raw)
            if text and not _is_code(text):
                break
            index += 1
        # the run must hold a condition, not only comments or a bare "GO TO Q5"
        if any(_CONDITIONAL_RE.match(_statement(lines[k].raw)) for k in range(start, index)):
            runs.append((start, index))
        index = max(index, start + 1)
    return runs


def pseudo_code_lines(lines: list[Line]) -> list[Line]:
    """The lines with each pseudo-code block put in the instruction reader's words."""
    runs = _blocks(lines)
    if not runs:
        return lines
    labels = [(i, lab) for i, line in enumerate(lines) if (lab := _label_of(line))]
    filters: dict[int, list[str]] = {}
    in_place: dict[int, tuple[int, list[str]]] = {}
    for start, end in runs:
        program = _Program()
        try:
            for line in lines[start:end]:
                if text := _statement(line.raw):
                    program.run(text)
        except ValueError:
            continue
        if not program.actions:
            continue  # "IF K1 = 2:" alone over a question: a filter line, no program
        later = [(i, lab) for i, lab in labels if i >= end]
        asked_branches = {a.branch[0] for a in program.actions if a.kind == "ask"}
        statements: list[str] = []
        asks: list[tuple[list[int], list[str]]] = []
        for action in program.actions:
            if action.kind == "ask":
                places = _covered(action.ids[0], later)
                if places is None:
                    break
                asks.append((places, action.conditions))
            elif action.kind == "goto":
                if action.branch[0] in asked_branches and action.branch[0]:
                    continue  # the asked questions' filter already leaves them out
                statements.append(_routed(action, f"GO TO {action.target}"))
            else:
                statements.append(_routed(action, "TERMINATE"))
        else:
            for places, conditions in asks:
                for place in places:
                    filters.setdefault(place, []).extend(conditions)
            in_place[start] = (end, statements)
    out: list[Line] = []
    index = 0
    while index < len(lines):
        if index in in_place:
            end, statements = in_place[index]
            out.extend(_note(lines[index], s) for s in statements)
            index = end
            continue
        if filters.get(index):
            out.append(_note(lines[index], f"ASK IF {_joined(filters[index])}"))
        out.append(lines[index])
        index += 1
    return out


def _routed(action: _Action, what: str) -> str:
    return f"IF {_joined(action.conditions)} THEN {what}" if action.conditions else what
