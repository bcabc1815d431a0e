"""Word's content controls as printed in a form ("Click or tap here to enter text.",
"Click or tap to enter a date.", "Choose an item."): grey placeholders standing for an answer
box, a date box or a drop-down, never words of the questionnaire.

A field written "Full name<TAB>Click or tap here to enter text." (or as a table row of the two)
becomes the field's title and its box; "Choose an item." takes its answers from a note right
after it ("(drop-down: Full / Day ticket / Student)").
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, collapse
from fielder.documents.model import Block

_TEXT_RE = re.compile(r"Click (?:or tap )?here to enter (?:a )?text\.?", re.I)
_DATE_RE = re.compile(r"Click (?:or tap )?(?:here )?to enter a date\.?", re.I)
_ITEM_RE = re.compile(r"Choose an item\.?", re.I)
_ANY_RE = re.compile(f"{_TEXT_RE.pattern}|{_DATE_RE.pattern}|{_ITEM_RE.pattern}", re.I)
_LISTED_RE = re.compile(r"^\(?\s*(?:drop[- ]?down|choices|items?)\s*:\s*(?P<items>.+?)\)?$", re.I)

TEXT_BOX = "__________"


def has_placeholder(text: str) -> bool:
    """True for text holding one of Word's content-control placeholders."""
    return bool(_ANY_RE.search(text))


def _line(text: str, block: Block, instructions: list[str] | None = None) -> Line:
    return Line(
        text=collapse(text),
        raw=text,
        spaced=text,
        instructions=instructions or [],
        start=block.start,
        end=block.end,
        page=block.page,
    )


def field_lines(text: str, block: Block, listed: str | None = None) -> list[Line] | None:
    """ "Title<TAB>placeholder" as a field with its box, a placeholder alone as a long box;
    "☐ Other (please state): placeholder" inside a line of answers loses the placeholder."""
    found = _ANY_RE.search(text)
    if found is None:
        return None
    title = text[: found.start()].strip()
    if re.search(r"[☐○□◯]", title):
        return [_line(_ANY_RE.sub("", text).rstrip(" :"), block)]  # beside an "Other" answer
    if _ITEM_RE.fullmatch(found.group(0)) and listed and title:
        items = [p.strip() for p in re.split(r"\s+/\s+", listed) if p.strip()]
        # "Ticket type:" over its items, each with the mark of a single answer
        lines = [_line(f"{title.rstrip(' :')}:", block, instructions=["DROPDOWN"])]
        lines.extend(_line(f"○ {item}", block) for item in items)
        return lines
    if title:
        # "Full name: ____": a short field with its box, a question of its own
        kind = ["DATE"] if _DATE_RE.fullmatch(found.group(0)) else []
        return [_line(f"{title.rstrip(' :')}: {TEXT_BOX}", block, instructions=kind)]
    return [_line(TEXT_BOX, block), _line(TEXT_BOX, block)]  # a box of its own: several lines


def listed_items(block: Block | None) -> str | None:
    """ "(drop-down: A / B / C)": the items of the drop-down printed just above."""
    if block is None or block.kind == "table":
        return None
    match = _LISTED_RE.match(block.text.strip())
    return match["items"] if match else None


def is_field_table(block: Block) -> bool:
    """A table of form fields: each row a title and a placeholder box."""
    rows = [r for r in block.rows if any(c.text.strip() for c in r)]
    return len(rows) >= 2 and all(
        len([c for c in r if c.text.strip()]) == 2 and has_placeholder(r[-1].text) for r in rows
    )


def field_table_lines(block: Block) -> list[Line]:
    lines: list[Line] = []
    for row in block.rows:
        cells = [c.text.strip() for c in row if c.text.strip()]
        if len(cells) == 2:
            lines.extend(field_lines(f"{cells[0]}\t{cells[1]}", block) or [])
    return lines
