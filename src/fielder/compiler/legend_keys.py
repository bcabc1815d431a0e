"""A spec sheet's key of one-letter routing marks: `T = TERMINATE, Q = CHECK QUOTA` written in
the rows above the column headings, then a bare `T` beside an answer in the logic column.

A programmer reads the mark by the sheet's own key: the answer's `T` is `TERMINATE`, and a
cell that starts with the mark before a condition (`T if less than 2`) is `TERMINATE if less
than 2`. Only marks the sheet defines are expanded, and only in its instruction columns, so a
lone letter elsewhere (a row code `a`, a grade `C`) keeps its meaning.

Such a sheet screens out by marking the answers that end the interview, so a denial written in
the question's row instead (`IF NOT CODE 1 → TERMINATE`) stands for the mark on every other
answer: it is written as `TERMINATE IF ANY CODE OTHER THAN 1`, which the logic pass lists as
those answers (`passes/screened_codes`).
"""

from __future__ import annotations

import re

# "T = TERMINATE", "Q = CHECK QUOTA", "SO=Screen out": a short capital mark, then its words
_PAIR_RE = re.compile(
    r"(?<![\w=])(?P<key>[A-Z]{1,3})\s*=\s*(?P<words>[A-Za-z][A-Za-z&/ -]{2,30}?)\s*(?=[,;|.)]|$)"
)


# "IF NOT CODE 1 → TERMINATE": a screen-out on every answer but the ones named
_DENIED_END_RE = re.compile(
    r"^IF\s+NOT\s+CODES?\s+(?P<codes>\d{1,3}(?:\s*(?:,|OR)\s*\d{1,3}){0,8})\s*(?:→|->|,|:)?\s*"
    r"(?:THEN\s+)?(?:TERMINATE|SCREEN[\s-]*OUT)\.?$",
    re.I,
)
_ENDS_RE = re.compile(r"\b(?:TERMINATE|SCREEN[\s-]*OUT)\b")


def legend_keys(rows: list[str]) -> dict[str, str]:
    """The marks a sheet's key rows define ({"T": "TERMINATE"}); empty without a key."""
    keys: dict[str, str] = {}
    for row in rows:
        for match in _PAIR_RE.finditer(row):
            words = match["words"].strip()
            if not re.search(r"[A-Za-z]{4}", words):
                continue  # "A = 1": a code, not a meaning
            keys.setdefault(match["key"], words.upper())
    # a key is a list of marks: one pair alone ("Version = 2") is a field, not a key
    return keys if len(keys) >= 2 else {}


def expand_mark(cell: str, keys: dict[str, str]) -> str:
    """An instruction cell that is a defined mark (`T`) or starts with one before a condition
    (`T if any code other than 2`), written out in the key's words."""
    if not keys:
        return cell
    stripped = cell.strip()
    denied = _DENIED_END_RE.match(stripped)
    if denied and any(_ENDS_RE.search(words) for words in keys.values()):
        return f"TERMINATE IF ANY CODE OTHER THAN {denied['codes']}"
    if stripped in keys:
        return keys[stripped]
    match = re.match(
        r"^(?P<key>[A-Z]{1,3})(?P<rest>\s+(?:IF|WHEN|UNLESS)\b.*)$", stripped, re.I | re.S
    )
    if match and match["key"] in keys:
        return keys[match["key"]] + match["rest"]
    return cell
