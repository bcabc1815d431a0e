"""Notes set apart by their style inside a question's cell.

An interviewer's tool typed as a table puts its notes to the enumerator in the question's own
cell, on paragraphs of their own in a grey (coloured) italic under the plain words: `Sex of the
head of household` / `Ask or observe.`, `How did you receive the cash?` / `Do not read out. One
answer.` Both marks together (italic and a colour the question's first paragraph does not have)
are the document's way of saying "not read out"; those paragraphs are notes, not question words.

A lettered item (`a. Rely on less preferred food`) keeps its place whatever its style: it is a
row of the grid the question asks, which the row readers take from the cell.
"""

from __future__ import annotations

import re

from fielder.documents.model import Cell, Run

_ITEM_RE = re.compile(r"^\(?[a-z][.)]\s+\S")


def _styled(run: Run) -> bool:
    return run.italic and run.color is not None and run.color.upper() not in ("#000000",)


def styled_note_lines(cell: Cell) -> list[str]:
    """The paragraphs of `cell` after its first that are wholly in a coloured italic the first
    paragraph does not share (lettered items left out); [] when the runs do not cover the text."""
    if not cell.runs or "".join(r.text for r in cell.runs) != cell.text:
        return []
    styles: list[bool | None] = []  # per character: styled, plain, or None for a newline
    for run in cell.runs:
        styles.extend(None if ch == "\n" else _styled(run) for ch in run.text)
    notes: list[str] = []
    place = 0
    for index, line in enumerate(cell.text.split("\n")):
        marks = [s for s in styles[place : place + len(line)] if s is not None]
        text = line.strip()
        place += len(line) + 1
        if index == 0:
            if not marks or any(marks):
                return []  # the question's own words must be plain for the style to mean a note
            continue
        if text and marks and all(marks) and not _ITEM_RE.match(text):
            notes.append(text)
    return notes
