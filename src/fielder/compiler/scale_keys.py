"""A grid's scale key written across one line over statements that end in its points.

A CATI script keys an agreement grid on one line, the end points worded and the middle ones
bare (`Scale: 1 = Strongly disagree   2   3   4   5 = Strongly agree`), then lists lettered
statements each ending in the same points (`a) Our board … ....  1   2   3   4   5`). The key
is written one point a line (`1 = Strongly disagree`, `2`, …), the way a plain grid's scale
is listed over its statements; the statements' dot leaders are left out of their words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "1 = Strongly disagree   2   3   4   5 = Strongly agree" (the words of each end after "=")
_KEY_RE = re.compile(
    r"^(?:SCALE\s*:\s*)?(?P<low>-?\d{1,2})\s*=\s*(?P<low_words>[^\d=]*?[^\W\d_][^\d=]*?)"
    r"(?P<middle>(?:\s{2,}-?\d{1,2})+)\s{2,}(?P<high>-?\d{1,2})\s*=\s*(?P<high_words>\S.*?)\s*$",
    re.I,
)
# "a) Our board understands risk ....... 1    2    3    4    5"
_ROW_RE = re.compile(
    r"^(?P<label>.*?[^\W\d_].*?)(?:\s*\.{3,}\s*|\s{2,})(?P<points>-?\d{1,2}(?:\s{2,}-?\d{1,2})+)\s*$"
)


def scale_key_lines(lines: list[Line]) -> list[Line]:
    """The lines with each across-line scale key over matching statement rows written one
    point a line, and the rows' dot leaders dropped."""
    out: list[Line] = []
    points: list[str] = []  # the key's points while its rows follow
    for index, line in enumerate(lines):
        spaced = line.spaced or line.text
        row = _ROW_RE.match(spaced) if points else None
        if row and row["points"].split() == points:
            text = f"{row['label']}  {'  '.join(points)}"
            out.append(replace(line, text=text, spaced=text))
            continue
        points = []
        key = _KEY_RE.match(spaced)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if key is None or following is None:
            out.append(line)
            continue
        keyed = [key["low"], *key["middle"].split(), key["high"]]
        over = _ROW_RE.match(following.spaced or following.text)
        if over is None or over["points"].split() != keyed or not _runs_on(keyed):
            out.append(line)
            continue
        words = {key["low"]: key["low_words"].strip(), key["high"]: key["high_words"]}
        for point in keyed:
            text = f"{point} = {words[point]}" if point in words else point
            out.append(replace(line, text=text, spaced=text, instructions=[]))
        points = keyed
    return out


def _runs_on(points: list[str]) -> bool:
    """True for points counting up by one (1 2 3 4 5, 0 1 … 10)."""
    numbers = [int(p) for p in points]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
