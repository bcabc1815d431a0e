"""`NORTHMARK: 4 Avel 5 Brenn 6 Coll`: a list's answers for one group run along a line.

A master questionnaire for several countries groups a list by country: the heading in capitals
(`SENEGAL`) over one answer a line, and, where the page ran short, the next group's heading with
its answers run on after a colon. The codes carry on from the answers above, so the run is
more of the same list: it is cut into its answers, one a line, the group's name a note.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, made_line
from fielder.compiler.options import parse_option_text

_RUN_RE = re.compile(r"^(?P<group>[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{2,40}):\s+(?P<rest>\d{1,3}\s+\S.*)$")
_PAIR_RE = re.compile(r"(?:^|\s)(?P<code>\d{1,3})\s+(?P<label>.+?)(?=\s+\d{1,3}\s+\S|$)")


def grouped_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with each group's run of answers after a colon cut into answer lines."""
    out: list[Line] = []
    for line in lines:
        found = _RUN_RE.match(line.text) if line.text and not line.rows else None
        rest = found["rest"] if found else ""
        pairs = [(m["code"], m["label"].strip()) for m in _PAIR_RE.finditer(rest)]
        last = _last_code(out)
        codes = [int(code) for code, _ in pairs]
        if (
            found is None
            or len(pairs) < 2
            or last is None
            or codes != list(range(last + 1, last + 1 + len(codes)))
        ):
            out.append(line)
            continue
        out.append(made_line(line, found["group"].strip(), instruction=True))
        out.extend(made_line(line, f"{code} {label}", instruction=False) for code, label in pairs)
    return out


def _last_code(out: list[Line]) -> int | None:
    """The code of the answer line right above (notes between skipped), if it has one."""
    for line in reversed(out):
        if not line.text:
            continue
        written = parse_option_text(line.text)
        code = written[0].code if written else None
        return int(code) if code and code.isdigit() else None
    return None
