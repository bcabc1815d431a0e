"""Answer cells of a spec table that only hint at the box of a typed question.

A spec row whose Type column names an answer that is no choice (`number`, `long text`, `email`,
`date`) may still put a word in its Answers column: `| Q9 | How old is your bike? | years |
number |`, `| Q12 | Anything else? | comment box | long text |`. With no code on any line, the
words name the box (its unit or its size), they are not an answer to pick.

With no Type column, an answers cell of one line in capitals that names such a box (`OPEN –
LARGE BOX`, `NUMERIC`) is the question's type written where its answers would go.

An answers cell may also name where its list comes from instead of listing it: `As A7, codes
1–6 only`, `Pipe in the answers chosen at P2`. That line is a note (the carry-forward).
"""

from __future__ import annotations

import re

from fielder.compiler.instructions import interpret, question_type_line, type_words
from fielder.compiler.options import parse_option_text

BOX_TYPES = frozenset({"number", "text", "long_text", "email", "date", "display"})


def is_typed_hint(type_cell: str, labels: list[str]) -> bool:
    """True when the row's type is a box and its answer lines carry no code."""
    if not type_cell.strip() or not labels or len(labels) > 2:
        return False
    types = question_type_line(": " + type_cell)
    if not types or types[0] not in BOX_TYPES:
        return False
    return not any((written := parse_option_text(label)) and written[0].code for label in labels)


def is_carried_list(labels: list[str]) -> bool:
    """True for one uncoded answer line that names another question's list to show."""
    if len(labels) != 1:
        return False
    written = parse_option_text(labels[0])
    if written and written[0].code:
        return False
    return any(d.kind == "carry" for d in interpret(labels[0]))


def is_box_line(labels: list[str]) -> bool:
    """True for one uncoded answer line in capitals naming an open box ("OPEN – LARGE BOX")."""
    # ("Write the answer in full": the same said to the interviewer in sentence case)
    told = re.match(r"\s*(?:write|record|note|enter|type)\b", labels[0], re.I) if labels else None
    if (
        len(labels) != 1
        or (labels[0] != labels[0].upper() and not told)
        or not any(c.isalpha() for c in labels[0])
    ):
        return False
    written = parse_option_text(labels[0])
    if written and written[0].code:
        return False
    types = type_words(labels[0])
    return bool(types) and types[0] in BOX_TYPES
