"""Two small conventions of forms laid out in tables or written for paper.

- A table whose rows are each a question's label cell beside its words (`Q4 | How far do you
  agree …`) is those labelled questions, as if typed `Q4. How far …` on lines of their own.
- An ask to number the answers in order (`Please number them from 1 to 5, where 1 is …`,
  `in order of preference`) makes a ranking, whatever boxes the answers are printed with.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_LABEL_CELL_RE = re.compile(r"^[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?[.:)]?$")
_RANK_ASK_RE = re.compile(
    r"\bnumber\s+(?:them|these|each(?:\s+\w+)?|the\s+\w+)\s+(?:from\s+)?1\s+to\s+\d{1,2}\b|"
    r"\bin\s+order\s+of\s+(?:preference|importance)\b",
    re.I,
)


def label_cell_lines(lines: list[Line]) -> list[Line]:
    """The lines with label-cell tables unrolled and ranking asks noted."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "table" and _label_rows(line.rows):
            for label, words in line.rows:
                text = f"{label.strip().rstrip('.:)')}. {' '.join(words.split())}"
                out.append(replace(line, kind="paragraph", rows=(), text=text, spaced=text))
            continue
        if _RANK_ASK_RE.search(line.text) and "RANKING" not in line.instructions:
            line = replace(line, instructions=[*line.instructions, "RANKING"])
        out.append(line)
    return out


def _label_rows(rows: tuple[tuple[str, ...], ...]) -> bool:
    return bool(rows) and all(
        len(row) == 2 and _LABEL_CELL_RE.match(row[0].strip()) and len(row[1].split()) >= 3
        for row in rows
    )
