"""Answers packed into one line with slashes, each closing on its code in brackets.

A spec sheet's answer cell (or the `Columns:` line of a grid under it) often lists every answer
on one line: `Always (1) / Usually (2) / Not sure – handled by our finance team (9)`. The codes in
brackets at the end of every part are the marker, so a long answer (one with a dash or many
words) does not stop the split the way it must for uncoded `Yes / No / Not sure` lists.

A scale written the same way keeps its end words in brackets after the end numbers:
`0 (Not at all likely) / 1 / 2 / … / 10 (Extremely likely)`. The numbers are the codes and the
bracketed words the end labels (not a note to drop); the points between keep their numbers.
"""

from __future__ import annotations

import re

# a part that closes on its code in brackets: "Usually (2)", "Not sure – finance (9)"
_CODED_PART_RE = re.compile(r"^\S.*?\s[(\[]\s*-?\d{1,3}\s*[)\]]$")
# a point of a number scale, bare or with its words in brackets: "0 (Not at all likely)", "5"
_POINT_RE = re.compile(r"^(?P<n>-?\d{1,2})(?:\s*\((?P<words>[^()\d][^()]{0,60})\))?$")


def coded_slash_parts(line: str) -> list[str] | None:
    """The parts of `line` when it is two or more answers set apart by ` / `, each closing on
    its own bracketed code; None for any other line."""
    parts = [p.strip() for p in line.split(" / ")]
    if len(parts) < 2 or not all(_CODED_PART_RE.match(p) for p in parts):
        return None
    if any(len(p.split()) > 16 for p in parts):
        return None  # a sentence with a slash in it, not a list of answers
    return parts


def bracketed_end_points(labels: list[str]) -> list[tuple[str, str]] | None:
    """(code, label) for every point when `labels` are the consecutive points of a number scale
    with words in brackets on some of them (the ends) and bare numbers on the rest; None
    otherwise."""
    if len(labels) < 3:
        return None
    matches = [_POINT_RE.match(label.strip()) for label in labels]
    if not all(matches):
        return None
    numbers = [int(m["n"]) for m in matches if m]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    if not any(m and m["words"] for m in matches):
        return None  # bare numbers alone: no scale's words to read
    return [
        (m["n"], m["words"].strip() if m["words"] else m["n"]) for m in matches if m is not None
    ]
