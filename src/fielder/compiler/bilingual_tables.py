"""Bilingual questionnaires laid out as one table per question: the first language on the
left, the answer codes in the middle, the second language on the right (`Q1. … | | Q1. …`,
`Yes | 1 | Oui`). The right column is a translation of the left one, so the questionnaire is
read in its first language: each such table becomes its left column's paragraphs, each with
its code after a tab (`Yes<TAB>1`), as a one-language script prints them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import DISPLAY_WORDS
from fielder.documents.model import Block, Document, Run

# "Q1.", "S2)", "INTRO", "LANG.": the label both languages print in the first row
_LABEL_RE = re.compile(r"^\s*([A-Z]{1,4}\d{1,3}[a-z]?|[A-Z]{3,})\b[.:)]?")


def one_language_document(document: Document) -> Document:
    """The document with each bilingual question table cut to its first language."""
    if not any(_bilingual(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        bilingual = block.kind == "table" and _bilingual(block)
        blocks.extend(_first_language(block) if bilingual else [block])
    return replace(document, blocks=blocks)


def _bilingual(block: Block) -> bool:
    """Three columns whose first row prints the same label left and right, the middle empty."""
    if not block.rows or any(len(row) != 3 for row in block.rows):
        return False
    left, middle, right = (cell.text for cell in block.rows[0])
    ours, theirs = _LABEL_RE.match(left), _LABEL_RE.match(right)
    # "CLOSE | | FIN": a screen's name in each language
    screens = {left.strip().upper(), right.strip().upper()} <= DISPLAY_WORDS
    same = bool(ours and theirs and ours[1] == theirs[1])
    return (same or screens) and not middle.strip()


# "No → TERMINATE", "Never → GO TO Q4", "Don't know – EXCLUSIVE": routing and tags after the
# words, which a one-language script prints after the code
_TAIL_RE = re.compile(r"\s*(?:(?:→|-+>)\s*\S.*|\s[–—-]\s+[A-Z]{3,}(?:\s+[A-Z]{2,})*)$")
_NOTE_HEAD_RE = re.compile(r"^(?:[A-Z][A-Z'’]*\s+){0,4}[A-Z]{2,}\s*:\s+(?=\S)")
_CODE_RE = re.compile(r"^(?:\d{1,3}|[A-Za-z])$")


def _first_language(block: Block) -> list[Block]:
    out: list[Block] = []
    for left, middle, _ in block.rows:
        code, words = middle.text.strip(), left.text.strip()
        texts = [words]
        if code and _CODE_RE.match(code):
            # "a. Residential streets" beside "a", "0 – Not at all likely" beside "0"
            words = re.sub(rf"^{re.escape(code)}\s*[.)–—-]\s*", "", words)
            # "DO NOT READ: Prefer not to say": the interviewer's note is not the answer's words
            words = _NOTE_HEAD_RE.sub("", words)
            tail = _TAIL_RE.search(words)
            route = tail[0].strip() if tail else ""
            words = words[: tail.start()] if tail else words
            texts = ["\t".join(p for p in (words, code, route) if p)]
            if re.fullmatch(r"[A-Za-z]", code):
                texts = [f"{code}. {words}"]
        elif code:
            texts = [words, code]  # a box to write in ("|__|__|__| km") under its instruction
        for text in texts:
            if text.strip():
                out.append(_paragraph(text, block, left.start, left.end))
    return out


def _paragraph(text: str, block: Block, start: int, end: int) -> Block:
    return Block(
        kind="paragraph", text=text, runs=(Run(text),), page=block.page, start=start, end=end
    )
