"""Sub-parts of a numbered question: "3.2 (a) How many …?" then "(b) Of these, how many …?".

An academic or statistical form splits a question into lettered parts that each ask something
(`3.2 (a) How many datasets …?` over its box, `(b) Of these, how many …?` over another). Each
part is a question of its own, numbered by the question and its letter (`3.2a`, `3.2b`), as
the lettered parts of other forms are (`Q3_2a`, `Q3_2b`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_FIRST_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})?)[.)]?\s+\(a\)\s+(?P<rest>[^?]{3,}\?.*)$")
_NEXT_RE = re.compile(r"^\((?P<letter>[b-h])\)\s+(?P<rest>[^?]{3,}\?.*)$")
_NUMBERED_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})?[.)]?\s")


def _renamed(line: Line, label: str, rest: str) -> Line:
    text = f"{label}\t{rest}"
    return replace(line, text=f"{label} {rest}", raw=text, spaced=text)


def sub_part_lines(lines: list[Line]) -> list[Line]:
    """The lines with each lettered part of a numbered question numbered on its own."""
    out = list(lines)
    for index, line in enumerate(lines):
        first = _FIRST_RE.match(line.text.strip())
        if first is None:
            continue
        parts = [(index, "a", first["rest"])]
        for later in range(index + 1, min(index + 12, len(lines))):
            text = lines[later].text.strip()
            if _NUMBERED_RE.match(text):
                break
            part = _NEXT_RE.match(text)
            if part and part["letter"] == chr(ord(parts[-1][1]) + 1):
                parts.append((later, part["letter"], part["rest"]))
        if len(parts) < 2:
            continue
        for place, letter, rest in parts:
            out[place] = _renamed(lines[place], first["number"] + letter, rest)
    return out
