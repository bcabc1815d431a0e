"""A star rating printed as a row of stars: `☆ ☆ ☆ ☆ ☆`, perhaps over the points' numbers.

Form builders print a rating question as its stars, one a point, and PDFs of such forms keep
the stars as a line of their own (often in a large, heading-like size). The stars are the
points 1 to n: a line of numbers for them under the stars says so already, and the stars are
left out; alone, they are written as that line of numbers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_STARS_RE = re.compile(r"^(?:[☆★✩✭⭐]\s*){3,11}$")


def star_row_lines(lines: list[Line]) -> list[Line]:
    """The lines with each row of stars read as its points."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if not _STARS_RE.match(line.text.strip()):
            out.append(line)
            continue
        count = len(re.findall(r"[☆★✩✭⭐]", line.text))
        numbers = [str(n) for n in range(1, count + 1)]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and following.text.split() == numbers:
            continue  # the numbers are printed under the stars
        # (set apart as a plain form prints points across a line)
        points = " ".join(numbers)
        out.append(
            replace(
                line, text=points, raw=points, spaced="   ".join(numbers), kind="paragraph", level=0
            )
        )
    return out
