"""A scale printed as numbered tick boxes between its end words:
`Not likely  1 ☐  2 ☐  3 ☐  4 ☐  5 ☐  Very likely` (or `☐1 ☐2 … ☐7`). Each number is a
point's code; the end words name the first and last points."""

from __future__ import annotations

import re

_BOX = "☐□▢○◯◻⬜"
# the words before the first point, checked for a letter by a look-ahead and taken by possessive
# runs: the plain `[^\d☐]*[A-Za-z][^\d☐]*?` backtracked quadratically on a long line of words
_SCALE_RE = re.compile(
    rf"^(?P<low>(?=[^\d{_BOX}]*[A-Za-zÀ-ÿ])(?:\s*+[^\d{_BOX}\s]++)*+)\s*+"
    rf"(?P<points>(?:(?:\d{{1,2}}\s*[{_BOX}]|[{_BOX}]\s*\d{{1,2}})\s*+){{3,}})"
    rf"(?P<high>[^\d{_BOX}]*+)$"
)


def numbered_box_scale(text: str) -> list[tuple[str, str]] | None:
    """(code, label) for each point of a numbered-box scale line, or None."""
    match = _SCALE_RE.match(text.strip())
    if match is None:
        return None
    codes = re.findall(r"\d{1,2}", match["points"])
    numbers = [int(c) for c in codes]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    points = [(code, code) for code in codes]
    points[0] = (codes[0], match["low"].strip())
    if match["high"].strip():
        points[-1] = (codes[-1], match["high"].strip())
    return points
