"""A CAPI spec's `IF … THEN` written over the questions it asks, down to its `ENDIF`.

    IF HG3 >= 16 THEN                 IF E6 = 1 THEN
    HG4   What is …?                  E7    Is …?
          1  Single                         1  Permanent
    ENDIF                             ELSE GO TO E8

A programmer reads every question between the IF and its close as asked only when the open
IFs hold: each gets them (joined with AND where IFs nest) as an `ASK IF` note on its label's line,
and the IF lines are dropped. `ELSE GO TO <the next question>` closes the block too: the others
going on is what the filter already says. The pseudo-code reader (`pseudo_code`) takes blocks
of statements (`ASK A2`); these hold the questions themselves. A block is read only where every
IF holds an expression and every IF is closed; otherwise the lines are left as they were.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.formal_conditions import is_expression
from fielder.compiler.lines import Line
from fielder.compiler.pseudo_code import _ELSE_RE, _ENDIF_RE, _OPEN_RE, _as_formal, _joined

_ELSE_GOTO_RE = re.compile(r"^ELSE\s+(?:GO\s?TO|SKIP\s+TO)\s+(?P<to>[A-Za-z]\w{0,9})\s*\.?$", re.I)


# "IF (QB05 = 6)" alone on its line, closed by an ENDIF further down (no THEN)
_BRACKETED_OPEN_RE = re.compile(r"^IF\s*\((?P<cond>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$", re.I)


def _opened(line: Line) -> str | None:
    """The condition of an `IF … THEN` line alone (no statement after THEN), or of an `IF (…)`
    line alone, as an expression."""
    text = line.text.strip()
    match = None
    if line.kind != "table":
        match = _OPEN_RE.match(text) or _BRACKETED_OPEN_RE.match(text)
    if not match or line.text.rstrip().endswith(":"):
        return None  # "IF K1 = 2:" is the pseudo-code reader's, or a filter line
    condition = _as_formal(match["cond"])
    return condition if is_expression(condition) else None


def _question(line: Line) -> str | None:
    label = find_label(line)
    return label.id if label and label.style != "bare" else None


def _next_label(lines: list[Line], start: int) -> str | None:
    return next((q for line in lines[start:] if (q := _question(line))), None)


def _read(lines: list[Line]) -> tuple[dict[int, list[str]], set[int]] | None:
    """The conditions over each question's line and the IF lines to drop, or None where the
    blocks do not nest and close or hold no question."""
    stack: list[str] = []
    filters: dict[int, list[str]] = {}
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if (condition := _opened(line)) is not None:
            stack.append(condition)
        elif stack and _ENDIF_RE.match(text):
            stack.pop()
        elif stack and _ELSE_RE.match(text):
            # (a plain ELSE: the questions down to ENDIF are asked when the IF does not hold)
            if stack[-1].startswith("NOT ("):
                return None
            stack[-1] = f"NOT ({stack[-1]})"
        elif stack and (other := _ELSE_GOTO_RE.match(text)):
            if other["to"].upper() != (_next_label(lines, index + 1) or "").upper():
                return None  # the others jump further on: a skip, not this reader's
            stack.pop()
        else:
            if stack and _question(line):
                filters[index] = list(stack)
            continue
        dropped.add(index)
    if stack or not filters:
        return None
    return filters, dropped


def wrapped_block_lines(lines: list[Line]) -> list[Line]:
    """The lines with each question inside `IF … THEN … ENDIF` given the IFs as its filter."""
    read = _read(lines)
    if read is None:
        return lines
    filters, dropped = read
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in filters:
            # on the question's own line: a section's note read later goes before it
            test = f"ASK IF {_joined(filters[index])}"
            line = replace(line, instructions=[test, *line.instructions])
        if index not in dropped:
            out.append(line)
    return out
