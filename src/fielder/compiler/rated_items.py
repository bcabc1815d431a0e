"""Statements printed each over a scale row of its own, as appendices and paper booklets set them.

    1. I forgot about work.
    Not at all true   1   2   3   4   5   6   7   Completely true
                              Somewhat true

Each numbered statement is a scale question (its row may name other ends than the last one's),
whatever labels the rest of the document uses; a short line set apart under the row is the
anchor of its middle point. Section numbers in headings (`B.1 Recovery`, `A.2 Sleep`) over such
numbered items are titles, not questions.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES, RawOption

# "Never 1 2 3 4 5 6 7 Every day": end words around three or more points (words at one end only
# too: "1 2 3 4 5 Excellent").
_SCALE_ROW_RE = re.compile(
    r"^(?P<low>[^\d\t]*?)[\s\t]*(?P<points>(?:\b\d{1,2}\b[\s\t]+){2,}\b\d{1,2}\b)[\s\t]*(?P<high>[^\d\t]*)$"
)
_BOX_RE = re.compile(rf"[{BOXES}]")
# "B.1 Recovery", "A.2: Sleep": a letter, a dot and a number (appendix and section outlines)
_SECTION_NUMBER_RE = re.compile(r"^[A-Z]\.\d{1,2}\b")


def scale_row(text: str) -> tuple[str, list[str], str] | None:
    """The low end words, the points and the high end words of a row of scale points, or None
    when the points do not count on by one or no end has words."""
    match = _SCALE_ROW_RE.match(_BOX_RE.sub(" ", text).strip())  # "Never ☐1 ☐2 … Always" too
    if match is None:
        return None
    points = match["points"].split()
    values = [int(p) for p in points]
    if any(b != a + 1 for a, b in zip(values, values[1:], strict=False)) or values[0] > 1:
        return None
    low, high = match["low"].strip(" :–-"), match["high"].strip(" :–-")
    if not (_worded(low) or _worded(high)):
        return None
    return low, points, high


def _worded(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 2


def _next_content(lines: list[Line], index: int) -> int | None:
    for place in range(index + 1, len(lines)):
        line = lines[place]
        if line.kind != "page_break" and (line.text or not line.instructions):
            return place
    return None


def rated_item(lines: list[Line], index: int) -> bool:
    """Whether the numbered statement at `index` has a scale row of its own right under it."""
    place = _next_content(lines, index)
    if place is None:
        return False
    text = lines[place].text
    return scale_row(text) is not None or _bare_points(text)


def _bare_points(text: str) -> bool:
    """ "1   2   3   4   5": points alone, counting on by one from 0 or 1 (their words given once
    for the whole block)."""
    tokens = _BOX_RE.sub(" ", text).split()
    if len(tokens) < 3 or not all(t.isdigit() and len(t) <= 2 for t in tokens):
        return False
    values = [int(t) for t in tokens]
    return values[0] <= 1 and all(b == a + 1 for a, b in zip(values, values[1:], strict=False))


def section_number(line: Line) -> bool:
    """Whether a heading is a numbered section title (`B.1 Recovery experiences`) rather than a
    question: it does not ask, and its number is a letter and a dot before a number."""
    text = line.text.strip()
    return (
        line.kind == "heading"
        and _SECTION_NUMBER_RE.match(text) is not None
        and not text.endswith("?")
        and len(text.split()) <= 10
    )


def midpoint_anchor(row: Line, below: Line | None) -> str | None:
    """The words of a short line set apart right under an odd row of points (`Somewhat true`
    under the 4 of 1–7): the middle point's anchor; None when there is no such line."""
    parts = scale_row(row.text)
    if parts is None or below is None or below.text or len(below.instructions) != 1:
        return None
    words = below.instructions[0].strip()
    if len(parts[1]) % 2 == 0 or not _worded(words) or len(words.split()) > 5:
        return None
    if re.search(r"\d|[?:]|\b[A-Z]{3,}\b", words):
        return None  # a note or a routing instruction, not an anchor
    if re.fullmatch(r"(?:answer\s+)?(?:not\s+)?(?:required|optional|mandatory)\.?", words, re.I):
        return None  # "Required.": the builder's flag on the question, not the middle point
    return words


def label_midpoint(options: list[RawOption], row: Line | None, below: Line) -> bool:
    """Name the middle point of the scale just read after the anchor printed under it; True
    when `below` was that anchor."""
    anchor = midpoint_anchor(row, below) if row is not None else None
    parts = scale_row(row.text) if row is not None and anchor else None
    if parts is None:
        return False
    middle = parts[1][len(parts[1]) // 2]
    for option in options:
        if option.code == middle and option.label == middle:
            option.label = anchor or middle
            return True
    return False


def battery_row(lines: list[Line], index: int) -> tuple[str, list[RawOption], int] | None:
    """Under a question asking about each item, a numbered item over its own scale row is a row
    of that question's grid: the item's words, the scale's points and the row's place."""
    text = re.sub(r"^\s*\d{1,3}[.)]\s*", "", lines[index].text).strip()
    place = _next_content(lines, index)
    parts = (
        scale_row(lines[place].text) if place is not None and text != lines[index].text else None
    )
    if parts is None or place is None:
        return None
    low, points, high = parts
    options = [RawOption(point, point) for point in points]
    options[0].label, options[-1].label = low or points[0], high or points[-1]
    return text, options, place
