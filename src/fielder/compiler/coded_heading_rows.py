"""A grid's column headings over a row of their codes, in a plain-text print.

A text export lays a grid out in columns of spaces: the headings across one line, their
reporting values in brackets on the line under them (`[5]   [4]   [3]`, a scale that may run
downwards), then one row per item with a box under each heading. Read line by line, the
headings were one answer and each bracketed code another. Where the headings (two spaces or
more apart) and the codes are as many, and the line after the codes is a row of boxes, each
heading takes the code under it (`Very satisfied (5)<TAB>Satisfied (4)…`, the shape the
grid readers know) and the codes' line goes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_CODES_RE = re.compile(r"^\s*(?:[\[(]\s*-?\d{1,3}\s*[\])]\s*){2,}$")
_CODE_RE = re.compile(r"[\[(]\s*(-?\d{1,3})\s*[\])]")
_GAP_RE = re.compile(r"\s{2,}|\t+")
# a grid row: the item's words, then two or more boxes
_BOX_ROW_RE = re.compile(r"^\S.*?(?:\s+(?:[☐□○◯]|\(\s*\)|\[\s*\])){2,}\s*$")


def coded_heading_lines(lines: list[Line]) -> list[Line]:
    """The lines with each grid's headings given the codes printed under them."""
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        joined = _joined(lines, index)
        if joined is None:
            out.append(line)
            continue
        out.append(replace(line, text=joined.replace("\t", "  "), spaced=joined, raw=joined))
        skip = True  # the codes' line, now on the headings
    return out


def _joined(lines: list[Line], index: int) -> str | None:
    if index + 2 >= len(lines):
        return None
    line, codes_line, row = lines[index], lines[index + 1], lines[index + 2]
    if line.kind != "paragraph" or line.is_option or line.instructions:
        return None
    headings = [h for h in _GAP_RE.split((line.spaced or line.raw).strip()) if h]
    if len(headings) < 2 or any(re.search(r"\d", h) for h in headings):
        return None
    if not _CODES_RE.match(codes_line.raw or codes_line.text):
        return None
    codes = _CODE_RE.findall(codes_line.raw or codes_line.text)
    if len(codes) != len(headings) or not _BOX_ROW_RE.match(row.raw or row.text):
        return None
    return "\t".join(f"{heading} ({code})" for heading, code in zip(headings, codes, strict=True))
