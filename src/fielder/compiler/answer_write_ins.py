"""A write-in line for one answer, printed under the answers: `(if yes, please explain) ____`.

Paper forms ask for details of one answer on a line of its own under the tick boxes
(`☐ Yes ☐ No` then `(if yes, please explain) ______`, `If other, please specify: ____`). The
line asks nothing of its own: it is the type-in box of the answer it names, as if printed
`☐ Yes: ______`. The answer named must be one of the boxed answers right above.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.options import BOXES
from fielder.documents.model import Block, Document, Run

_WRITE_IN_RE = re.compile(
    r"^\(?\s*if\s+(?P<answer>[^\W\d_][^,:()_]{0,30}?)\s*[,:]?\s*(?:please\s+)?"
    r"(?:explain|specify|describe|give\s+(?:details|reasons?)|list\s+them|say\s+(?:what|which|why)"
    r"|tell\s+us\s+(?:more|what|which|why))\b[^()_]{0,30}\)?\s*:?\s*_{3,}\s*$",
    re.I,
)
_MAX_ANSWER_LINES = 15


def answer_write_in_document(document: Document) -> Document:
    """The document with each answer's write-in line moved onto the boxed answer it names."""
    if not any(_WRITE_IN_RE.match(b.text) for b in document.blocks if "_" in b.text):
        return document
    out: list[Block] = []
    for block in document.blocks:
        found = _WRITE_IN_RE.match(block.text) if "_" in block.text else None
        if found and _attach(out, found["answer"].strip()):
            continue
        out.append(block)
    return replace(document, blocks=out)


def _attach(out: list[Block], answer: str) -> bool:
    """Give the boxed answer `answer` among the answer lines ending `out` a write-in blank."""
    named = re.compile(rf"[{BOXES}]\s*{re.escape(answer)}(?=\s*(?:[{BOXES}]|$))", re.I | re.M)
    for back in range(len(out) - 1, max(len(out) - 1 - _MAX_ANSWER_LINES, -1), -1):
        block = out[back]
        if block.kind == "table" or block.text.lstrip()[:1] not in BOXES:
            return False
        found = named.search(block.text)
        if found:
            text = f"{block.text[: found.end()]}: ______{block.text[found.end() :]}"
            style = block.runs[0] if block.runs else Run(text)
            out[back] = replace(block, text=text, runs=(replace(style, text=text),))
            return True
    return False
