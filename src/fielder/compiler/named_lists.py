"""Answer lists kept on a sheet of their own and named where a question uses them.

A spec workbook keeps long lists (stores, clubs, regions) on a `Lists` tab, one row per answer
under a `List name | Code | Label` header, and the questionnaire sheet names the list in the
answer cell: `LIST: CLUBS`, `[See list REGIONS]`. The named cell stands for the list's rows, so
it is written out there, one row per answer with its code, as if the spec had typed it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Cell

# "LIST: CLUBS", "[LIST CLUBS]", "See list: Regions", "Use code list STORES",
# "List: see tab 'Regions' (codes 01-12)", "See tab 'Districts'"
_NAMED_RE = re.compile(
    r"^\s*\[?\s*(?:(?:CODE\s*)?LIST\s*[:=\-–]?\s*|(?=SEE|USE))"
    r"(?:(?:SEE|USE)\s+(?:THE\s+)?(?:(?:CODE\s*)?LIST|TAB|SHEET|WORKSHEET)\s*[:=]?\s*)?"
    r"['‘’\"“”]?(?P<name>[A-Za-z][\w\-]{1,40})['‘’\"“”]?\s*(?:LIST|TAB|SHEET)?\s*"
    r"(?:\((?:CODES?\s+)?[\w\s\-–]{1,20}\))?\s*\]?\.?\s*$",
    re.I,
)
_LIST_HEAD_RE = re.compile(r"^(?:list|list\s*name|list\s*id|list_name|code\s*list)$", re.I)
_CODE_HEAD_RE = re.compile(r"^(?:code|value|answer\s*code)$", re.I)
_LABEL_HEAD_RE = re.compile(r"^(?:label|answer|answer\s*label|text|description)$", re.I)


def _singular(name: str) -> str:
    """A list's name folded to one form, so that a tab "Regions" is the list "Region"."""
    return name[:-1] if name.endswith("S") and not name.endswith("SS") else name


def _heads(row: tuple[Cell, ...]) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row]


def _column(heads: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, head in enumerate(heads) if pattern.match(head)), None)


def _lists(block: Block) -> dict[str, list[tuple[str, str]]]:
    """A `List name | Code | Label` table's answers by list name (in capitals)."""
    if block.kind != "table" or len(block.rows) < 2:
        return {}
    heads = _heads(block.rows[0])
    name_at = _column(heads, _LIST_HEAD_RE)
    code_at = _column(heads, _CODE_HEAD_RE)
    label_at = _column(heads, _LABEL_HEAD_RE)
    if name_at is None and code_at is not None and len(heads) == 2 and block.rows[1:]:
        # "Code | Region" on a tab of its own: one list, named by its label column's head
        label_at = 1 - code_at
        name = heads[label_at]
        answers = [(c[code_at], c[label_at]) for c in map(_heads, block.rows[1:]) if all(c)]
        return {_singular(name.upper()): answers} if re.fullmatch(r"[A-Za-z]{3,30}", name) else {}
    if name_at is None or code_at is None or label_at is None:
        return {}
    found: dict[str, list[tuple[str, str]]] = {}
    for row in block.rows[1:]:
        cells = _heads(row)
        if len(cells) <= max(name_at, code_at, label_at):
            continue
        name, code, label = cells[name_at], cells[code_at], cells[label_at]
        if name and code and label:
            found.setdefault(_singular(name.upper()), []).append((code, label))
    return found


def _code_column(block: Block, before: int) -> int | None:
    """The sheet's code column: the header cell above `before` that says "Code"."""
    for row in block.rows[:before]:
        at = _column(_heads(row), _CODE_HEAD_RE)
        if at is not None:
            return at
    return None


def _written_out(block: Block, lists: dict[str, list[tuple[str, str]]]) -> Block:
    rows: list[tuple[Cell, ...]] = []
    changed = False
    for index, row in enumerate(block.rows):
        named = next(
            (
                (at, _singular(match["name"].upper()))
                for at, cell in enumerate(row)
                if (match := _NAMED_RE.match(cell.text))
                and _singular(match["name"].upper()) in lists
            ),
            None,
        )
        code_at = _code_column(block, index) if named else None
        if named is None or code_at is None or code_at == named[0] or row[code_at].text.strip():
            rows.append(row)
            continue
        at, name = named
        changed = True
        for place, (code, label) in enumerate(lists[name]):
            # the first answer keeps the question's own cells; the others are answer rows
            base = row if place == 0 else tuple(replace(c, text="") for c in row)
            cells = list(base)
            cells[at] = replace(row[at], text=label)
            cells[code_at] = replace(row[code_at], text=code)
            rows.append(tuple(cells))
    if not changed:
        return block
    text = "\n".join("\t".join(cell.text for cell in row) for row in rows)
    return replace(block, rows=tuple(rows), text=text)


def write_out_named_lists(blocks: list[Block]) -> list[Block]:
    """The blocks with every answer cell that names a list of another table written out as
    that list's answers; the blocks as they were when no table holds named lists."""
    lists: dict[str, list[tuple[str, str]]] = {}
    for block in blocks:
        for name, answers in _lists(block).items():
            lists.setdefault(name, answers)
    if not lists:
        return blocks
    return [_written_out(b, lists) if b.kind == "table" else b for b in blocks]
