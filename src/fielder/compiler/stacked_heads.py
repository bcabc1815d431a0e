"""A grid's column headings typed in a plain-text file: words stacked over the codes, and the
items with each column's code repeated after them.

                     Very  Rather Rather Very
                     good  good   bad    bad   DK
                     (1)   (2)    (3)    (4)   (5)
    QA1.1  The situation of the economy     1     2      3      4     5

The heading words stand in the columns of the codes under them, so each word belongs to the
code it starts above. The headings become one legend line (`(1) Very good  (2) Rather good …`),
and the codes repeated after each item (which only show where to circle) are dropped; an item
wrapped before its codes is joined to the line that carries them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, collapse

_CODES_RE = re.compile(r"^\(?(\d{1,2})\)?(?:\s+\(?\d{1,2}\)?){2,11}$")
_TOKEN_RE = re.compile(r"\S+")
# "… economy     1     2      3      4     5": the codes set apart by two spaces or more
_TRAILING_CODES_RE = re.compile(r"(?:^|\s{2,})(\d{1,2}(?:\s+\d{1,2}){2,11})\s*$")
_LEGEND_RE = re.compile(r"^\(\d{1,2}\)\s+[^\W\d]")
_LABEL_RE = re.compile(r"^[A-Z]{1,4}\d{1,3}[a-z]?[._]\d{1,2}[a-z]?\b")


def _consecutive(codes: list[int]) -> bool:
    return codes[0] in (0, 1) and codes == list(range(codes[0], codes[0] + len(codes)))


def _code_row(line: Line) -> list[tuple[int, str]] | None:
    text = line.raw.strip()
    if line.kind != "paragraph" or not _CODES_RE.match(text):
        return None
    found = [(m.start(), m.group(0).strip("()")) for m in _TOKEN_RE.finditer(text)]
    return found if _consecutive([int(c) for _, c in found]) else None


def _legend(heads: list[Line], codes: list[tuple[int, str]]) -> str | None:
    """The codes with the words standing over each, or None when a word stands over none."""
    words: dict[str, list[str]] = {code: [] for _, code in codes}
    for head in heads:
        for match in _TOKEN_RE.finditer(head.raw.strip()):
            column = [code for start, code in codes if abs(start - match.start()) <= 1]
            if not column:
                return None
            words[column[0]].append(match.group(0))
    if not all(words.values()):
        return None
    return "  ".join(f"({code}) {' '.join(words[code])}" for _, code in codes)


def _stacked(lines: list[Line], index: int) -> tuple[int, Line] | None:
    codes = _code_row(lines[index])
    if codes is None:
        return None
    heads: list[Line] = []
    for line in reversed(lines[max(0, index - 3) : index]):
        if line.kind != "paragraph" or not line.text or line.instructions:
            break
        if line.level != lines[index].level or re.search(r"[.?!:]$|\d", line.text):
            break
        heads.insert(0, line)
    legend = _legend(heads, codes) if heads else None
    if legend is None:
        return None
    return len(heads), replace(lines[index], text=legend, spaced=legend, raw=legend)


def _without_codes(line: Line) -> Line:
    match = _TRAILING_CODES_RE.search(line.spaced or line.raw)
    if match is None or not _consecutive([int(c) for c in match[1].split()]):
        return line
    text = re.sub(r"\s*" + r"\s+".join(match[1].split()) + r"\s*$", "", line.text)
    spaced = (line.spaced or line.raw)[: match.start()]
    return replace(line, text=text, spaced=spaced)


def stacked_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with stacked column headings made a legend and item rows' codes dropped."""
    lines = list(lines)
    out: list[Line] = []
    in_grid = False
    for index, line in enumerate(lines):
        stacked = _stacked(lines, index)
        if stacked is not None:
            del out[len(out) - stacked[0] :]
            out.append(stacked[1])
            in_grid = True
            continue
        if in_grid and _LABEL_RE.match(line.text):
            stripped = _without_codes(line)
            following = lines[index + 1] if index + 1 < len(lines) else None
            if stripped is line and following is not None and not _LABEL_RE.match(following.text):
                # an item wrapped before its codes: the next line ends with them
                joined = _without_codes(following)
                if joined is not following:
                    # the raw words: a placeholder opening the line ("(OUR REGION)") is no note
                    rest = collapse(_TRAILING_CODES_RE.sub("", following.raw))
                    stripped = replace(line, text=f"{line.text} {rest}")
                    out.append(stripped)
                    lines[index + 1] = replace(following, text="", spaced="", kind="skipped")
                    continue
            out.append(stripped)
            continue
        if line.kind == "skipped":
            continue
        if _LEGEND_RE.match(line.text):
            in_grid = True  # "(1) Totally agree  (2) Tend to agree …": a legend written out
        elif line.text:
            in_grid = False
        out.append(line)
    return out
