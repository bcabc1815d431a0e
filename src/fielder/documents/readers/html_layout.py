"""Layout tables: HTML e-mails and old-style pages lay their content out in tables.

A table marked `role="presentation"` (or `role="none"`) holds no data: it only places text, as
e-mail templates do with every block of the message. Read as a grid, a whole questionnaire
became one table. Such a table is read as the text it places: a row whose cells hold only
inline text (a number badge beside its question, two end words side by side) is one line, its
cells apart by tabs; a cell holding blocks (paragraphs, forms, nested tables) is read as
those blocks.
"""

from __future__ import annotations

from bs4.element import Tag

_LAYOUT_ROLES = {"presentation", "none"}
_BLOCK_TAGS = [
    "p", "div", "table", "form", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br",
    "blockquote", "section", "fieldset", "select", "textarea", "pre", "dl",
]  # fmt: skip


def is_layout_table(table: Tag) -> bool:
    """True for a table that only lays content out (`role="presentation"`)."""
    return str(table.get("role", "")).strip().lower() in _LAYOUT_ROLES


def layout_rows(table: Tag) -> list[list[Tag]]:
    """The table's own rows (not those of tables nested in its cells), each as its cells."""
    rows: list[list[Tag]] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            rows.append(tr.find_all(["td", "th"], recursive=False))
    return rows


def inline_row(cells: list[Tag]) -> bool:
    """True when no cell of the row holds a block: the row reads as one line."""
    return all(cell.find(_BLOCK_TAGS) is None for cell in cells)
