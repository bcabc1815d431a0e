"""Tick-box answers set in two columns that are read down the left column first.

A typeset form flows a long list of boxes into two columns (`☐ Life sciences  ☐ Social
sciences` over `☐ Physical sciences  ☐ Humanities` over `☐ Engineering`): read line by line
the list comes out of order. The catch-all answer (`Other (please specify)`, `None of these`)
is written last; when reading line by line leaves it in the middle and reading down the
columns puts it last, the answers are written out one a line in column order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "☐ Physical sciences<TAB>☐ Humanities and the arts": two boxed answers a tab apart
_TWO_RE = re.compile(r"^\s*(?P<left>☐[^☐\t]+?)\s*\t\s*(?P<right>☐[^☐\t]+?)\s*$")
_ONE_RE = re.compile(r"^\s*☐[^☐\t]+$")
_CATCH_ALL_RE = re.compile(
    r"^☐\s*(?:other|none|nothing|something\s+else|anything\s+else|don['’]?t\s+know|"
    r"not\s+sure|prefer\s+not)\b|specify|_{3,}",
    re.I,
)


def _cells(line: Line) -> tuple[str, str] | None:
    match = _TWO_RE.match(line.spaced or line.raw)
    return (match["left"].strip(), match["right"].strip()) if match else None


def _reading(rows: list[tuple[str, str]], last: str | None) -> str | None:
    """ "down" when reading down the columns puts the catch-all answers last and reading
    line by line does not, "across" for the other way round, None when both (or neither) do."""
    across = [cell for row in rows for cell in row] + ([last] if last else [])
    down = [left for left, _ in rows] + ([last] if last else []) + [right for _, right in rows]

    def settled(cells: list[str]) -> bool:
        flags = [bool(_CATCH_ALL_RE.search(c)) for c in cells]
        return flags[-1] and flags == sorted(flags)  # catch-alls only at the end

    if settled(down) != settled(across):
        return "down" if settled(down) else "across"
    return None


def _runs(lines: list[Line]) -> list[tuple[int, int, str | None]]:
    """Each run of two-column box lines: its first line, its end, its lone last answer."""
    runs: list[tuple[int, int, str | None]] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _cells(lines[end]) is not None:
            end += 1
        if end - index >= 2:
            lone = end < len(lines) and _ONE_RE.match(lines[end].spaced or lines[end].raw)
            runs.append((index, end, lines[end].text.strip() if lone else None))
        index = max(end, index + 1)
    return runs


def box_column_lines(lines: list[Line]) -> list[Line]:
    """The lines with two-column box answers written out one a line, in column order, when
    the document's lists are set down the columns (one list shows it, none shows otherwise)."""
    runs = _runs(lines)
    readings = {
        _reading([c for line in lines[a:b] if (c := _cells(line))], last) for a, b, last in runs
    }
    if "down" not in readings or "across" in readings:
        return lines
    out: list[Line] = []
    done = 0
    for start, end, last in runs:
        rows = [c for line in lines[start:end] if (c := _cells(line))]
        order = [left for left, _ in rows] + ([last] if last else []) + [r for _, r in rows]
        out.extend(lines[done:start])
        out.extend(replace(lines[start], text=c, raw=c, spaced=c) for c in order)
        done = end + (1 if last else 0)
    return out + lines[done:]
