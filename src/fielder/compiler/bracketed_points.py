"""A row of scale points with the words of some points in brackets after their numbers:
`0 (Not at all likely)  1  2  …  10 (Extremely likely)`, `1 (Poor)  2  3  4  5 (Excellent)`.

Plain-text drafts write a horizontal scale on one line and name the end points in brackets so
the numbers stay readable. The brackets only set the words apart: the row is the same as `0 Not
at all likely  1  2 … 10 Extremely likely`, which reads as a scale with words on its ends. The
numbers must run on one by one, or the line is left as it is (a list of years, a phone number).
Codes in brackets before the words (`(0) Not at all likely  (1)  (2) … (10) Extremely likely`)
are read the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_POINT_RE = re.compile(r"(?P<code>-?\d{1,2})(?:\s*\((?P<words>[^()\d]{1,40})\))?")
_ROW_RE = re.compile(
    r"^(?:-?\d{1,2}(?:\s*\([^()\d]{1,40}\))?\s+){2,}-?\d{1,2}(?:\s*\([^()\d]{1,40}\))?$"
)
_MIN_POINTS = 3
_BOXED_ROW_RE = re.compile(
    r"^(?P<low>[^\[\]\d]{0,60}?)\s*(?P<points>(?:\[\s*-?\d{1,2}\s*\]\s*){3,})(?P<high>[^\[\]\d]{0,60})$"
)


def bracketed_point_lines(lines: list[Line]) -> list[Line]:
    """The lines with each row of points whose words are in brackets written without them."""
    out = []
    for line in lines:
        text = line.text.strip()
        if "(" in text and (text[:1].isdigit() or text[:1] == "-"):
            row = _unbracketed(text)
            if row is not None:
                line = replace(line, text=row, spaced=row)
        elif text.startswith("(") and not line.is_option:
            row = _code_first(text)
            if row is not None:
                line = replace(line, text=row, spaced=row)
        elif "[" in text and not line.is_option:
            row = _unboxed(text)
            if row is not None:
                line = replace(line, text=row, spaced=row)
        out.append(line)
    return out


def _unbracketed(text: str) -> str | None:
    if not _ROW_RE.match(text):
        return None
    points = list(_POINT_RE.finditer(text))
    numbers = [int(p["code"]) for p in points]
    if len(points) < _MIN_POINTS or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    if not any(p["words"] for p in points):
        return None
    return "  ".join(
        f"{p['code']} {p['words'].strip()}" if p["words"] else p["code"] for p in points
    )


# "(0) Not at all likely (1) (2) … (10) Extremely likely": each code in brackets before its
# words, as answers with "(1) Yes" codes are written; the words only at some points
_CODE_FIRST_RE = re.compile(r"^(?:\(\s*-?\d{1,2}\s*\)(?:\s*[^()\d\s][^()\d]{0,39}?)?\s*){3,}$")
_CODE_FIRST_POINT_RE = re.compile(r"\(\s*(?P<code>-?\d{1,2})\s*\)\s*(?P<words>[^()\d]*)")


def _code_first(text: str) -> str | None:
    if not _CODE_FIRST_RE.match(text):
        return None
    points = list(_CODE_FIRST_POINT_RE.finditer(text))
    numbers = [int(p["code"]) for p in points]
    if len(points) < _MIN_POINTS or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    if not any(p["words"].strip() for p in points) or all(p["words"].strip() for p in points):
        return None  # words at every point: "(1) Yes" answers across a line, read as they are
    return "  ".join(f"{p['code']} {p['words'].strip()}".strip() for p in points)


def _unboxed(text: str) -> str | None:
    """ "Poor [1] [2] [3] [4] [5] Excellent" → "Poor 1  2  3  4  5 Excellent"."""
    match = _BOXED_ROW_RE.match(text)
    if match is None:
        return None
    numbers = [int(n) for n in re.findall(r"-?\d{1,2}", match["points"])]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    row = "  ".join(str(n) for n in numbers)
    return " ".join(part for part in (match["low"].strip(), row, match["high"].strip()) if part)
