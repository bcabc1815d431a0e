"""Questions written as keyed fields, one a paragraph, as plain-text specs and exports print them:

    QUESTION: L1
    TYPE: SINGLE
    TEXT: How often do you visit the library?
    ANSWERS:
    1 At least once a week
    2 Never

Each run of fields is the one-row sheet it stands for (`Question ID | Type | Text | Answers` over
the values), so the sheet readers name the fields by the same words as a sheet's columns. A card
starts at a field naming the id and needs the question's words; the lines under the answers'
field are its answers.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.documents.model import Block, Cell, Document

_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z .#/-]{0,24}?)\s*:\s*(?P<value>.*)$")


def _role(key: str) -> str | None:
    from fielder.compiler.sheet import _columns

    roles = _columns((key,))
    if roles.get("id") == 0 or key.strip().lower() in ("question", "question no", "question #"):
        return "id"  # ("QUESTION: L1": the field names the question by its id)
    return next(iter(roles), None)


def _field(block: Block) -> tuple[str, str, str] | None:
    """(key, value, role) of a keyed paragraph whose key names a sheet column."""
    if block.kind not in ("paragraph", "list_item"):
        return None
    match = _FIELD_RE.match(block.text.strip())
    if match is None:
        return None
    role = _role(match["key"])
    if role == "id" and not re.fullmatch(r"[A-Za-z0-9_.-]{1,16}", match["value"].strip()):
        return None  # "Question: How often …?": the words, not an id
    return (match["key"], match["value"].strip(), role) if role else None


def _card(blocks: list[Block], at: int) -> tuple[Block, int] | None:
    """The card starting at `blocks[at]` and the index after it, or None."""
    first = _field(blocks[at])
    if first is None or first[2] != "id":
        return None
    rows: list[list[str]] = [["Question ID", first[1]]]  # ("QUESTION: L1" is the id's field)
    roles = ["id"]
    index = at + 1
    while index < len(blocks):
        field = _field(blocks[index])
        text = blocks[index].text.strip()
        if field is not None and field[2] != "id":
            rows.append([field[0], field[1]])
            roles.append(field[2])
        elif field is None and roles[-1] == "options" and text and blocks[index].kind != "table":
            rows[-1][1] = f"{rows[-1][1]}\n{text}".strip()  # an answer under "ANSWERS:"
        else:
            break
        index += 1
    if "text" not in roles or len(rows) < 2:
        return None
    start, end = blocks[at].start, blocks[index - 1].end
    header = tuple(Cell(key, start=start, end=end) for key, _ in rows)
    values = tuple(Cell(value, start=start, end=end) for _, value in rows)
    card = Block(kind="table", rows=(header, values), page=blocks[at].page, start=start, end=end)
    return card, index


def keyed_card_document(document: Document) -> Document:
    """The document with each run of keyed fields turned into its spec card."""
    blocks = list(document.blocks)
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        card = _card(blocks, index)
        if card is None:
            out.append(blocks[index])
            index += 1
            continue
        out.append(card[0])
        index = card[1]
    if len(out) == len(blocks):
        return document
    return dataclasses.replace(document, blocks=out)
