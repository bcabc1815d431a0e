"""Answers listed one after another on one line, each with its code in brackets.

Survey drafts written in a word processor often put a short question's answers on one line
and set each code in brackets after its label: `Yes [1]; No [2]; Not sure [9]`, or
`North (1), South (2), Other (7)`. A separator only counts right after a code, so commas
inside a label (`Nothing, it is fine [9]`) stay in it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PART_RE = re.compile(r"^(?P<label>\S.*?)\s*[\[(](?P<code>\d{1,3})[\])]$")
_SPLIT_RE = re.compile(r"(?<=\d[\])])\s*[;,]\s*")
# "1 - Terrible [1]": a scale point's number before its words, the same as its code
_POINT_RE = re.compile(r"^(?P<n>-?\d{1,2})\s*[-–—=:.)]\s*(?P<words>\S.*)$")


class Listed(NamedTuple):
    label: str
    code: str


def listed_answers(text: str) -> list[Listed]:
    """The answers when the whole line is `label [code]; label [code] …`, else []."""
    parts = [p for p in _SPLIT_RE.split(text.strip()) if p]
    if len(parts) < 2:
        return []
    found: list[Listed] = []
    for part in parts:
        match = _PART_RE.match(part.strip())
        if match is None:
            return []
        label, code = match["label"].strip(), match["code"]
        point = _POINT_RE.match(label)
        if point and point["n"] == code:
            label = point["words"].strip()
        found.append(Listed(label, code))
    if len({c for _, c in found}) != len(found):
        return []
    return found
