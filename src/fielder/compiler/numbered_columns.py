"""Answer columns named by a letter and a number: `R1 | R2 | … | R11` over the answers.

Item specifications put one answer a cell across the question's row, under headings that
number the columns with a short prefix (`R1`, `Resp1`, `Cat 1`, `A1`) rather than spelling
out "Option 1". A run of three or more header cells with one prefix, numbered 1, 2, 3 …
without a gap, beside the question's text column, are those answer columns.
"""

from __future__ import annotations

import re

_NUMBERED_RE = re.compile(r"^(?P<prefix>[A-Za-z]{1,6})\.?\s*#?\s*(?P<n>\d{1,2})$")
_MIN_RUN = 3


def numbered_answer_columns(header: list[str], text_at: int) -> list[int]:
    """Indices of the header's run of numbered answer columns after the text column."""
    run: list[int] = []
    prefix = ""
    for index, cell in enumerate(header):
        match = _NUMBERED_RE.match(cell.strip())
        if index <= text_at or match is None:
            if len(run) >= _MIN_RUN:
                return run
            run, prefix = [], ""
            continue
        number = int(match["n"])
        if run and match["prefix"].lower() == prefix and number == len(run) + 1:
            run.append(index)
        elif number == 1:
            run, prefix = [index], match["prefix"].lower()
        else:
            run, prefix = [], ""
    return run if len(run) >= _MIN_RUN else []
