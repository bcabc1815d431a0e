"""Heading rows of answer tables read as plain lines, left out.

A PDF (or a text file) prints each answer list as a small table whose first row names its
columns — `Response | Code | Skip / Instruction`, `Answer  Value  Routing` — and the reader
gives that row as a line of its own, cells set apart by tabs or wide gaps. The row names the
columns; it is no answer, nor the column headings of a grid. A line made only of such headings,
at least one naming the answers (response, answer, label, category, option) and one the codes
(code, value, punch), with the coded answer rows right under it, is dropped.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_ANSWER_WORD = (
    r"(?:(?:answer|response)\s+(?:options?|texts?|labels?|categor(?:y|ies))|"
    r"responses?|answers?|labels?|categor(?:y|ies)|options?|descriptions?)"
)
_CODE_WORD = r"(?:(?:data\s+|answer\s+|response\s+)?(?:codes?|values?)|punch(?:es)?|code\s+no\.?)"
_OTHER_WORD = (
    r"(?:skips?(?:\s+to)?|routing|route|go\s*to|instructions?|notes?|actions?|filters?|logic|"
    r"interviewer\s+instructions?)"
)
_PART_SPLIT_RE = re.compile(r"\s*(?:/|&|\band\b|\+)\s*", re.I)
_ANSWER_RE = re.compile(rf"^{_ANSWER_WORD}$", re.I)
_CODE_RE = re.compile(rf"^{_CODE_WORD}$", re.I)
_OTHER_RE = re.compile(rf"^{_OTHER_WORD}$", re.I)
_CELL_SPLIT_RE = re.compile(r"\t+|\s{2,}|\s+\|\s+")
#: an answer row: its words, then the code as a cell of its own
_CODED_ROW_RE = re.compile(r"^[^\t]*\S(?:\t+|\s{2,})\d{1,3}(?:\t|\s{2,}|$)")


def _cells(raw: str) -> list[str]:
    return [
        cell.strip(" :|") for cell in _CELL_SPLIT_RE.split(raw.strip(" |")) if cell.strip(" :|")
    ]


def _kinds(cell: str) -> set[str] | None:
    """What the heading cell names ("answer", "code", "other"), or None if it is no heading."""
    kinds: set[str] = set()
    for part in _PART_SPLIT_RE.split(cell.strip().rstrip(".")):
        if not part:
            continue
        if _ANSWER_RE.match(part):
            kinds.add("answer")
        elif _CODE_RE.match(part):
            kinds.add("code")
        elif _OTHER_RE.match(part):
            kinds.add("other")
        else:
            return None
    return kinds or None


def is_answer_head(raw: str) -> bool:
    """True for a line of answer-table column headings (`Response<TAB>Code<TAB>Skip`)."""
    cells = _cells(raw)
    if len(cells) < 2:
        return False
    named: set[str] = set()
    for cell in cells:
        kinds = _kinds(cell)
        if kinds is None:
            return False
        named |= kinds
    return {"answer", "code"} <= named


def drop_answer_heads(lines: list[Line]) -> list[Line]:
    """The lines without answer tables' heading rows printed above their coded rows."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if line.kind == "paragraph" and is_answer_head(line.raw):
            after = next((o for o in lines[index + 1 :] if o.raw.strip()), None)
            if after is not None and after.kind == "paragraph" and _CODED_ROW_RE.match(after.raw):
                continue
        kept.append(line)
    return kept
