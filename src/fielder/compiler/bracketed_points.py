"""A row of scale points with the words of some points in brackets after their numbers:
`0 (Not at all likely)  1  2  …  10 (Extremely likely)`, `1 (Poor)  2  3  4  5 (Excellent)`.

Plain-text drafts write a horizontal scale on one line and name the end points in brackets so
the numbers stay readable. The brackets only set the words apart: the row is the same as `0 Not
at all likely  1  2 … 10 Extremely likely`, which reads as a scale with words on its ends. The
numbers must run on one by one, or the line is left as it is (a list of years, a phone number).
Codes in brackets before the words (`(0) Not at all likely  (1)  (2) … (10) Extremely likely`)
are read the same way, in square brackets too and set apart by middle dots (`[1] Not at all ·
[2] · [3] · [4] · [5] Completely`), or each in a cell of a one-row table (a Markdown table whose
only row is `| [1] Did not enjoy it | [2] | … | [10] Loved it |`). A paper form that writes each
answer's code in brackets after its words does the same across a line: `Very difficult (1) (2)
(3) (4) Very easy (5)`.
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
        elif line.kind == "table" and len(line.rows) == 1 and not line.is_option:
            row = _code_first("  ".join(cell.strip() for cell in line.rows[0]))
            if row is not None:
                line = replace(line, kind="paragraph", text=row, spaced=row, rows=())
        elif text.endswith(")") and (row := _code_after(text)) is not None and not line.is_option:
            line = replace(line, text=row, spaced=row)
        elif ("(" in text[:1] or "[" in text) and not line.is_option:
            row = _code_first(text) if text.startswith(("(", "[")) else None
            row = row if row is not None or "[" not in text else _unboxed(text)
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
_CODE_FIRST_RE = re.compile(
    r"^(?:[(\[]\s*-?\d{1,2}\s*[)\]](?:\s*[^()\[\]\d\s·•|][^()\[\]\d·•|]{0,39}?)?\s*[·•|]?\s*){3,}$"
)
_CODE_FIRST_POINT_RE = re.compile(
    r"[(\[]\s*(?P<code>-?\d{1,2})\s*[)\]]\s*(?P<words>[^()\[\]\d·•|]*)"
)


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


_CODE_AFTER_RE = re.compile(r"^(?:(?:[^()\d\s][^()\d]{0,39}?)?\s*\(\s*\d{1,2}\s*\)\s*){3,}$")
_CODE_AFTER_POINT_RE = re.compile(r"(?P<words>[^()\d]*?)\s*\(\s*(?P<code>\d{1,2})\s*\)")


def _code_after(text: str) -> str | None:
    """ "Very hard (1) (2) (3) (4) Very easy (5)" → "1 Very hard  2  3  4  5 Very easy"."""
    if not _CODE_AFTER_RE.match(text):
        return None
    points = list(_CODE_AFTER_POINT_RE.finditer(text))
    numbers = [int(p["code"]) for p in points]
    if len(points) < _MIN_POINTS or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    words = [p["words"].strip() for p in points]
    if not (words[0] and words[-1]) or all(words):
        return None  # words at every point: answers across a line, read as they are
    return "  ".join(f"{p['code']} {w}".strip() for p, w in zip(points, words, strict=True))


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
