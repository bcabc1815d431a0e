"""A form's field label printed level with the middle of its table, read after the table.

Online-form printouts set each field's label in a left column beside its answers. A rating
table is tall, so its label ("Please rate the following *", bold, with the required mark the
form's other labels carry) sits level with the table's middle and is read after it; the
sentence above the table is the section's description. The label is the question's text and
the sentence a note, when the label has nothing of its own (the next line is another field).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.classify import find_label, looks_like_question

if TYPE_CHECKING:
    from fielder.compiler.lines import Line
    from fielder.compiler.parse import Draft

_REQUIRED_RE = re.compile(r"\s\*$")


def label_beside_table(draft: Draft, line: Line, following: Line | None) -> bool:
    """Make a required-marked label read after its table the table's question text."""
    text = line.text.strip()
    if (
        not draft.tables
        or draft.options
        or draft.rows
        or draft.label is not None
        or not line.bold
        or not _REQUIRED_RE.search(text)
        or not looks_like_question(text)
        or not draft.text.endswith(".")
        or "?" in draft.text
    ):
        return False
    # nothing of its own follows: the next line is another field's label (or the end)
    if following is not None and following.kind == "table":
        return False
    if following is not None and not (
        find_label(following) or following.bold or following.kind == "heading"
    ):
        return False
    draft.notes.insert(0, draft.text)
    draft.text_parts = [_REQUIRED_RE.sub("", text)]
    return True
