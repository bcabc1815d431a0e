"""Answer cells that write their own code: `1 = Yes`, `0 = Not at all likely`, `99 = None`.

Vendor build specifications put one answer a cell across the question's row under numbered
columns (`Resp 1 … Resp 11`) and still write each answer's code in the cell, `code = label`.
The written code is the answer's, not the column's number: a 0-10 scale starts in column 1,
and `99 = None of these` may stand in column 6. A row counts as self-coded when two or more of
its answer cells open with `N =` and every worded cell does; a bare number among them (a
scale's middle point, `5`) is then that point.
"""

from __future__ import annotations

import re

_WRITTEN_RE = re.compile(r"^\s*(?P<code>\d{1,3})\s*=\s*(?P<label>\S.*?)\s*$", re.S)
_BARE_RE = re.compile(r"^\s*(?P<code>\d{1,3})\s*$")


def self_coded(cells: list[str]) -> bool:
    """True when the row's answer cells write their own codes (see the module's note)."""
    written = [c for c in cells if _WRITTEN_RE.match(c)]
    if len(written) < 2:
        return False
    return all(_WRITTEN_RE.match(c) or _BARE_RE.match(c) for c in cells if c.strip())


def cell_code(cell: str) -> tuple[str, str] | None:
    """(code, label) of a self-coded cell; a bare number is its own label."""
    written = _WRITTEN_RE.match(cell)
    if written is not None:
        return written["code"], written["label"]
    bare = _BARE_RE.match(cell)
    return (bare["code"], bare["code"]) if bare is not None else None
