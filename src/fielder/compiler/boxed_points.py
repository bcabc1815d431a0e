"""A grid's row with a tick box beside each point's number: `a. The staff were kind  1 ☐  2 ☐  3 ☐`.

Paper forms print the box to cross next to the number it codes. Read as boxes across a line, the
item's words become the first answer and the row a scale of its own. The boxes add nothing the
numbers do not say, so the row is read without them, as the plain `a. item   1   2   3` row of a
grid under its column words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# a lettered item, then three or more numbers each with its box (before or after it)
_ROW_RE = re.compile(
    rf"^(?P<item>\(?[a-z][.)]\s+[^{BOXES}\d][^{BOXES}]*?)"
    rf"(?P<points>(?:(?:\t|\s{{2,}}|\s)(?:\d{{1,2}}\s*[{BOXES}]|[{BOXES}]\s*\d{{1,2}})){{3,}})\s*$"
)


def boxed_point_lines(lines: list[Line]) -> list[Line]:
    """The lines with the boxes beside a lettered row's point numbers left out."""
    return [_unboxed(line) for line in lines]


def _unboxed(line: Line) -> Line:
    found = _ROW_RE.match((line.spaced or line.text).strip())
    if found is None:
        return line
    numbers = re.findall(r"\d{1,2}", found["points"])
    if [int(n) for n in numbers] != list(range(int(numbers[0]), int(numbers[0]) + len(numbers))):
        return line
    spaced = "   ".join([found["item"].strip(), *numbers])
    return replace(line, text=" ".join(spaced.split()), spaced=spaced)
