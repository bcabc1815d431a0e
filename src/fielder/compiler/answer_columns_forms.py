"""A fill-in form laid out as `No. | Question | Your answer`: each question a row, its answer
in the cell beside it.

Forms built for filling in on screen (Word content controls) or on paper keep the answer
column apart: tick boxes across or down the cell (`☐ Yes    ☐ No`), a box to type in with
its unit (`[Click here to enter text.] cm`), a date picker, a drop-down ("Choose an item."
with its items, which the reader writes out as `(drop-down: A / B)`) and, under the boxes,
a box for the details of one answer (`If yes, please give details: ____`). Each row is
written out as the plain form would print it: the numbered question, its notes, its answers
one a line, the details box put on the answer it names.
"""

from __future__ import annotations

import re

from fielder.compiler.content_controls import TEXT_BOX
from fielder.compiler.lines import Line, collapse, line_from_block
from fielder.compiler.options import BOXES
from fielder.documents.model import Block, Cell, Run

_NUMBER_RE = re.compile(r"^(?:[A-Z]{1,4}[-_.]?)?\d{1,3}[a-z]?[.):]?$")
_NUMBER_HEAD_RE = re.compile(r"^(?:no\.?|nr\.?|n[°º]|#|q\.?|item|number)$", re.I)
_PLACEHOLDER_RE = re.compile(
    r"Click (?:or tap )?(?:here )?to enter (?:a )?(?:text|date)\.?|Choose an item\.?", re.I
)
_DATE_RE = re.compile(r"Click (?:or tap )?(?:here )?to enter a date\.?", re.I)
_LISTED_RE = re.compile(r"\(\s*drop[- ]?down\s*:\s*(?P<items>[^()]+)\)", re.I)
_BLANK_RE = re.compile(r"_{3,}")
# "If yes, please give details:", "If yes, what happens?": the details of one answer
_DETAILS_RE = re.compile(r"^\(?\s*if\s+(?P<answer>[^\W\d_][^,:?()]{0,30}?)\s*[,:]\s*\S", re.I)


def _answer_like(text: str) -> bool:
    return bool(
        any(box in text for box in BOXES) or _PLACEHOLDER_RE.search(text) or _BLANK_RE.search(text)
    )


def _header(block: Block) -> int | None:
    """The index of the answer column, when the first row names the number, the question and
    the answer columns (and nothing else)."""
    if not block.rows:
        return None
    heads = [collapse(c.text) for c in block.rows[0]]
    if len(heads) != 3 or not _NUMBER_HEAD_RE.match(heads[0]) or not all(heads[1:]):
        return None
    if any(_answer_like(h) or len(h.split()) > 4 for h in heads[1:]):
        return None
    return 2


def is_answer_column_form(block: Block) -> bool:
    """True for a `No. | Question | Your answer` table whose numbered rows mostly hold their
    answers (boxes, content controls, blanks) in the third cell, two or more holding tick
    boxes or content controls."""
    if _header(block) is None:
        return False
    numbered = [r for r in block.rows[1:] if len(r) == 3 and _NUMBER_RE.match(r[0].text.strip())]
    answered = [r for r in numbered if r[1].text.strip() and _answer_like(r[2].text)]
    controls = [
        r
        for r in answered
        if _PLACEHOLDER_RE.search(r[2].text) or any(b in r[2].text for b in BOXES)
    ]
    return len(numbered) >= 3 and len(answered) * 3 >= len(numbered) * 2 and len(controls) >= 2


def _cell_paragraphs(cell: Cell) -> list[tuple[Run, ...]]:
    """A cell's paragraphs, each with its own runs."""
    paragraphs: list[list[Run]] = [[]]
    for run in cell.runs or (Run(cell.text),):
        pieces = run.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Run(piece, run.bold, run.italic, run.underline, run.caps,
                                          run.color, run.highlight))  # fmt: skip
    return [tuple(p) for p in paragraphs if "".join(r.text for r in p).strip()]


def _paragraph_line(runs: tuple[Run, ...], block: Block, cell: Cell) -> Line:
    text = "".join(r.text for r in runs)
    paragraph = Block(
        kind="paragraph", text=text, runs=runs, start=cell.start, end=cell.end, page=block.page
    )
    return line_from_block(paragraph)


def _plain(text: str, block: Block, cell: Cell, **extra: object) -> Line:
    line = Line(text=collapse(text), raw=text, spaced=text, start=cell.start, end=cell.end)
    line.page = block.page
    for name, value in extra.items():
        setattr(line, name, value)
    return line


def _answer_lines(question: Line, block: Block, cell: Cell) -> list[Line]:
    """The answer cell as lines: boxes as printed, controls as boxes, drop-down items as
    answers, a details box on the answer it names."""
    lines: list[Line] = []
    for runs in _cell_paragraphs(cell):
        text = "".join(r.text for r in runs).strip()
        listed = _LISTED_RE.search(text)
        if listed:
            question.instructions.append("DROPDOWN")
            items = [p.strip() for p in listed["items"].split(" / ") if p.strip()]
            # no tick mark: a round one would tell the boxes of the other rows apart as multi
            lines.extend(
                _plain(item, block, cell, code=str(index), is_option=True)
                for index, item in enumerate(items, 1)
            )
            continue
        details = _DETAILS_RE.match(text)
        if details and (_PLACEHOLDER_RE.search(text) or _BLANK_RE.search(text)):
            if _give_write_in(lines, details["answer"].strip()):
                continue
        if _DATE_RE.search(text):
            question.instructions.append("DATE")
        if _PLACEHOLDER_RE.search(text):
            text = collapse(_PLACEHOLDER_RE.sub(f" {TEXT_BOX} ", text))
            lines.append(_plain(text, block, cell))
            continue
        lines.append(_paragraph_line(runs, block, cell))
    return lines


def _give_write_in(lines: list[Line], answer: str) -> bool:
    """Put a type-in box on the boxed answer `answer` among the answer lines already read."""
    named = re.compile(rf"[{BOXES}]\s*{re.escape(answer)}(?=\s*(?:[{BOXES}]|$))", re.I)
    for line in reversed(lines):
        found = named.search(line.spaced or line.text)
        if found:
            spaced = line.spaced or line.text
            line.spaced = f"{spaced[: found.end()]}: {TEXT_BOX}{spaced[found.end() :]}"
            line.text = collapse(line.spaced)
            line.raw = line.spaced
            return True
    return False


def answer_column_lines(block: Block) -> list[Line]:
    """The form's rows as lines: the numbered question, its notes, its answers."""
    lines: list[Line] = []
    for row in block.rows[1:]:
        number = row[0].text.strip() if row else ""
        paragraphs = _cell_paragraphs(row[1]) if len(row) == 3 else []
        if not _NUMBER_RE.match(number) or not paragraphs:
            words = collapse(" ".join(c.text for c in row))
            if words:
                lines.append(_plain(words, block, row[0]))
            continue
        question = _paragraph_line(paragraphs[0], block, row[1])
        question.label = number.rstrip(".):")
        lines.append(question)
        lines.extend(_paragraph_line(p, block, row[1]) for p in paragraphs[1:])
        lines.extend(_answer_lines(question, block, row[2]))
    return lines
