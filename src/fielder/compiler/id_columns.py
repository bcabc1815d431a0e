"""A questionnaire sheet's id and text columns found by what they hold, whatever the headings say.

Tools and agencies head the column of question ids in their own words: "Name", "Tag", "Key",
"Field", "Screen", "Step", "Export tag", "Question name", "Question label", "Code". A column
before the question's words whose cells are short ids ("L1", "SCR_2", "visit_freq", "BQ1a") is the
id column, the way a programmer reads it; a column of answer codes holds numbers, never these.
A data dictionary's "Variable | Label | Values" holds the questions in its label column when the
labels ask (a data map's short labels, "Age", "Shops used", are no questions).
"""

from __future__ import annotations

import re

from fielder.documents.model import Block

# "L1", "SCR_2", "Q1.3", "BQ1a", "visit_freq", "supplier": an id has a digit, or is a variable's
# name in lower case (a column before the question's words, so never the type or the answers)
_ID_CELL_RE = re.compile(
    r"^(?:(?=[^\s]*\d)[A-Za-z][A-Za-z0-9]{0,11}(?:[_.-][A-Za-z0-9]{1,12}){0,3}"
    r"|[a-z][a-z0-9]*(?:_[a-z0-9]+){0,4})$"
)
_TEXT_HEADS = ("question text", "question", "wording", "text", "question wording", "item text")


def _id_like(block: Block, header: int, column: int) -> bool:
    cells = [
        row[column].text.strip()
        for row in block.rows[header + 1 :]
        if column < len(row) and row[column].text.strip()
    ]
    ids = [c for c in cells if len(c) <= 24 and _ID_CELL_RE.match(c)]
    return len(ids) >= 2 and len(ids) >= 0.8 * len(cells) and len(set(ids)) == len(ids)


def with_id_column(block: Block, header: int, columns: dict[str, int]) -> dict[str, int]:
    """The header's column roles with the id column added when its cells say so."""
    if "id" in columns:
        return columns
    heads = [c.text.strip().lower() for c in block.rows[header]]
    text_at = columns.get("text")
    for column, head in enumerate(heads):
        if text_at is not None and column > text_at:
            break
        if not head or len(head.split()) > 3 or column == columns.get("options"):
            continue
        if not _id_like(block, header, column):
            continue
        found = {role: at for role, at in columns.items() if at != column}
        if "text" not in found:
            # "Question label | Question text": the first question word was the id's heading
            later = [i for i, h in enumerate(heads) if i > column and h in _TEXT_HEADS]
            if not later:
                return columns
            found["text"] = later[0]
        found["id"] = column
        return found
    return columns


def with_label_text(block: Block, header: int, columns: dict[str, int]) -> dict[str, int]:
    """The header's column roles with a "Label" column after the id read as the question's words
    when its cells ask, the codes' column then holding the answers."""
    from fielder.compiler.classify import looks_like_question

    heads = [c.text.strip().lower().rstrip(":") for c in block.rows[header]]
    if "text" in columns or "id" not in columns or "label" not in heads:
        return columns
    at = heads.index("label")
    cells = [row[at].text for row in block.rows[header + 1 :] if at < len(row) and row[at].text]
    if at < columns["id"] or not cells or sum(map(looks_like_question, cells)) < 0.6 * len(cells):
        return columns
    found = {role: i for role, i in columns.items() if i != at}
    found["text"] = at
    if "options" not in found and "code" in found:
        found["options"] = found.pop("code")  # "1=Yes | 2=No" in the values' column
    return found
