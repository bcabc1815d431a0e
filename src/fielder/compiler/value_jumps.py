"""A jump on an entered value, written as a row of the answer layout: `If 0<TAB>⇒ TU09`,
`If 0 (no land) ........ 0   >>> C1`.

Under a number box, forms print the value that routes as if it were one more answer: the
value's words, a tab or dot leaders, the value again in the code column, then the GO TO
arrow. Read as a row it became answers (`If 0` coded 0, or `If 0` and `→ TU09` across); it is
a rule on the number. The line is written as `If 0 → C1`, the plain shape the routing readers
take for a jump on the question's value.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "If 0", an aside in brackets, leaders or a gap, the value again (the code column), an arrow,
# an optional GO TO and the target
_VALUE_JUMP_RE = re.compile(
    r"^\s*(?P<head>if\s+(?P<value>\d{1,6}))(?:\s*\((?P<aside>[^()]{1,40})\))?"
    r"(?:\s*[.…·_]{2,})?\s*(?:(?P=value)\s+)?"
    r"(?:→|⇒|>{2,3}|-+>|=>)\s*(?:(?:go|skip)\s+to\s+)?(?P<to>[A-Z]{0,5}\d{1,4}[a-z]?)\.?\s*$",
    re.I,
)


def value_jump_text(text: str) -> str | None:
    """`text` as `If 0 → X` when it is a value's jump laid out as an answer row, else None."""
    match = _VALUE_JUMP_RE.match(text)
    if match is None:
        return None
    plain = f"{match.group('head')} → {match.group('to')}"
    return None if plain == text.strip() else plain


def value_jump_lines(lines: list[Line]) -> list[Line]:
    """The lines with each value's jump laid out as an answer row written plainly."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "paragraph" and not line.is_option and line.text:
            plain = value_jump_text(line.spaced or line.text)
            if plain is not None:
                line = replace(line, text=plain, spaced=plain)
        out.append(line)
    return out
