"""Column headings wrapped over several lines where the layout kept no positions.

A PDF printed by a form tool centres each heading over its column and wraps the long ones, so
"Very dissatisfied | Dissatisfied | Neither satisfied nor dissatisfied | …" comes out as
three lines of tab-separated cells: every heading's first words, then the second words of
the headings that go on, then the third. Without positions, a lower cell belongs to a heading
left unfinished: one ending in a qualifier ("Very", "Neither … nor", "Not at all", "sehr",
"Très", "Muy") or a hyphen or slash. The lower line's cells must match those headings one for
one, or nothing is joined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# Words that cannot end a scale heading: qualifiers and joining words, in the languages the
# glossary reads (English, French, German, Spanish, Italian, Dutch).
_UNFINISHED = frozenset(
    """
    very extremely somewhat fairly quite rather slightly strongly completely totally mostly
    moderately highly not neither nor either or and at all of to a the no much
    très plutôt assez pas ni ou et tout peu du de
    sehr eher ziemlich weder noch gar nicht überhaupt und oder etwas völlig
    muy algo bastante poco o y
    molto abbastanza per né e
    zeer heel erg niet noch of en helemaal enigszins
    """.split()
)


def unfinished(heading: str) -> bool:
    """True when a heading's last word needs more after it ("Very", "Neither satisfied nor")."""
    if heading.endswith(("-", "/", "–")):
        return True
    words = re.findall(r"[^\W\d_]+", heading.lower())
    return bool(words) and words[-1] in _UNFINISHED


def join_wrapped(heads: list[str], lowers: list[list[str]]) -> list[str] | None:
    """The headings with each lower line's cells joined, in order, to those left unfinished;
    None when a lower line's cells do not match the unfinished headings one for one."""
    joined = list(heads)
    for cells in lowers:
        open_heads = [i for i, head in enumerate(joined) if unfinished(head)]
        if not cells or len(open_heads) != len(cells):
            return None
        for place, cell in zip(open_heads, cells, strict=True):
            glue = "" if joined[place].endswith(("-", "/", "–")) else " "
            joined[place] = f"{joined[place]}{glue}{cell}"
    if any(unfinished(head) for head in joined):
        return None
    return joined


# "Parking<TAB>○<TAB>○<TAB>○": a grid row of marks (or bare points) under the headings
_MARKS_RE = re.compile(r"\t\s*(?:[○◯●oO☐□■▢]|\(\s*\)|\[\s*\]|\d{1,2})(?=\s*(?:\t|$))")


def _marks(spaced: str) -> int:
    label, _, rest = spaced.partition("\t")
    if not label.strip() or not rest:
        return 0
    found = _MARKS_RE.findall("\t" + rest)
    return len(found) if "".join(found).replace("\t", "").replace(" ", "") else 0


def _cells(spaced: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t+", spaced.strip()) if c.strip()]


def _heading_row(spaced: str) -> list[str] | None:
    cells = _cells(spaced)
    if not 2 <= len(cells) <= 11:
        return None
    if any(len(c.split()) > 6 or re.search(r"\d|[?:]$", c) for c in cells):
        return None
    return cells


def join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """The lines with column headings wrapped over several tab-set lines (fewer cells each
    time) over a grid's rows of marks joined into one line of headings."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        joined = _stack_at(lines, index)
        if joined is None:
            out.append(line)
            index += 1
            continue
        heads, used = joined
        out.append(replace(line, text=" ".join(heads), spaced="\t".join(heads)))
        index += 1 + used
    return out


def _stack_at(lines: list[Line], index: int) -> tuple[list[str], int] | None:
    heads = _heading_row(lines[index].spaced or "") if "\t" in (lines[index].spaced or "") else None
    if heads is None:
        return None
    lowers: list[list[str]] = []
    for below in lines[index + 1 : index + 5]:
        if lowers and _marks(below.spaced or "") == len(heads):
            stacked = join_wrapped(heads, lowers)
            return (stacked, len(lowers)) if stacked is not None else None
        cells = _heading_row(below.spaced or "")
        if cells is None and 0 < len(below.text.split()) <= 3 and "\t" not in below.spaced:
            cells = [below.text]
        if cells is None or len(cells) >= len(heads):
            return None
        lowers.append(cells)
    return None
