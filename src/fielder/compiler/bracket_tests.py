"""Routing in the bracketed test notation of CATI scripting languages (ODIN, Nfield, Quancept):
`*IF [S1,2] *END`, `*IF [Q1,2,3] *GOTO Q9`, `*ASK IF NOT [Q2,98]`, `*ASK IF [Q3,1-3]`.

`[Q,c1,c2]` is "any of these codes given at Q" (a range `c1-c4` too), `*END` ends the interview
(a screen-out), `*GOTO` jumps, `*ASK IF` puts a filter on the question it stands in. The bracket
would otherwise be taken for a note and the test lost, so each such line is rewritten as the plain
routing note the readers know ("TERMINATE IF S1 = 2", "IF Q1 = 2,3 GO TO Q9", "ASK IF Q3 = 1-3").
Only whole lines opening with the script's star keyword are taken, so a bracket in prose is left.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, made_line

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_TEST = rf"\[\s*(?P<q>{_ID})\s*,\s*(?P<codes>\d{{1,3}}(?:\s*[-,]\s*\d{{1,3}})*)\s*\]"
_IF_RE = re.compile(
    rf"^\*\s*IF\s+(?P<not>NOT\s+)?{_TEST}\s*\*\s*(?:(?P<end>END|TERM(?:INATE)?|STOP|CLOSE)\b|"
    rf"(?:GO\s*TO|GOTO|SKIP\s*TO|JUMP)\s+(?P<to>[A-Za-z]\w{{0,15}}))\s*\.?$",
    re.I,
)
_ASK_RE = re.compile(rf"^\*\s*ASK\s+IF\s+(?P<not>NOT\s+)?{_TEST}\s*\.?$", re.I)


def _test(match: re.Match[str]) -> str:
    codes = re.sub(r"\s+", "", match["codes"])
    equals = "NOT = " if match["not"] else "= "
    return f"{match['q']} {equals}{codes}"


def plain_routing(raw: str) -> str | None:
    """The plain routing note a bracketed script test stands for, or None."""
    text = " ".join(raw.split())
    if match := _ASK_RE.match(text):
        return f"ASK IF {_test(match)}"
    if match := _IF_RE.match(text):
        if match["end"]:
            return f"TERMINATE IF {_test(match)}"
        return f"IF {_test(match)} GO TO {match['to']}"
    return None


def is_forward_test(line: Line) -> bool:
    """A `*ASK IF [..]` line (as written, or as rewritten here): the filter of the question it
    stands in."""
    raw = " ".join(line.raw.split())
    return bool(_ASK_RE.match(raw) or (not line.text and raw.startswith("ASK IF ")))


def bracket_test_lines(lines: list[Line]) -> list[Line]:
    """The lines with each bracketed script test written as a plain routing note."""
    out = []
    for line in lines:
        note = plain_routing(line.raw) if line.raw.lstrip().startswith("*") else None
        out.append(made_line(line, note, True) if note else line)
    return out
