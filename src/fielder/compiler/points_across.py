"""A rating scale's points printed across one line, set apart by marks, words at the ends.

Forms print a short scale as its numbers in a row with a separator between them and the end
points' words after their numbers, in brackets or after a dash:
`1 (Awful) · 2 · 3 · 4 · 5 (Amazing)`, `1 — Not at all | 2 | 3 | 4 | 5 — Fully`,
`☐ (0) Not at all likely (1) (2) … (10) Extremely likely`. The points count up by one from
0 or 1; only the first and last carry words, and the numbers are set apart by a mark (`·`,
`|`, `/`, a long dash) or each in brackets, so an answer with a number in its words
("1 Yes 2 No") or a plain row of numbers is left to the readers of those layouts.
"""

from __future__ import annotations

import re

# a point: its number alone (not part of "18-24", "3.5", "10%"), maybe in brackets
_POINT_RE = re.compile(r"(?<![\w.,/-])[(\[]?(\d{1,2})[)\]]?(?![\w.,%/]|[-–]\d)")
_MARKS = "·|/•—–"
_GAP_RE = re.compile(rf"^[\s{_MARKS}:=-]*$")
# an end's words: letters, spaces, apostrophes and hyphens, in brackets or after a dash
_END_RE = re.compile(
    rf"^[\s{_MARKS}:=-]*\(?(?P<words>[^\W\d_][^\W\d_ '’-]*(?:[ '’-]+[^\W\d_]+){{0,7}})\)?"
    rf"[\s{_MARKS}]*$"
)
_LEAD_RE = re.compile(r"^[☐□▢○◯●•]\s*")


def points_across(text: str) -> list[tuple[str, str]] | None:
    """(code, label) of each point of a scale laid across the line, or None."""
    text = _LEAD_RE.sub("", text.strip())
    found = list(_POINT_RE.finditer(text))
    if not 3 <= len(found) <= 11 or not _GAP_RE.match(text[: found[0].start()]):
        return None
    numbers = [int(m[1]) for m in found]
    if numbers[0] > 1 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    bracketed = all(m[0].startswith(("(", "[")) for m in found)
    if not bracketed and not any(mark in text for mark in _MARKS):
        return None
    gaps = [text[a.end() : b.start()] for a, b in zip(found, found[1:], strict=False)]
    gaps.append(text[found[-1].end() :])
    words: list[str] = []
    for index, gap in enumerate(gaps):
        if _GAP_RE.match(gap):
            words.append("")
            continue
        end = _END_RE.match(gap) if index in (0, len(gaps) - 1) else None
        if end is None:
            return None
        words.append(end["words"].strip())
    if not words[0] and not words[-1]:
        return None
    return [(str(n), w or str(n)) for n, w in zip(numbers, words, strict=True)]
