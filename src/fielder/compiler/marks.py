"""Round and square answer marks told apart.

Web survey printouts draw a radio button (◯, or a typed `( )`) before each answer of a
one-answer question and a check box (☐, or `[ ]`) before each answer of a question that takes
several. Paper forms often use
squares for every question, so the shapes only mean something where a document uses both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.instructions import type_words

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

_ROUND = frozenset("◯○⚪")
_SQUARE = frozenset("☐□❑❒◻⬜▢")
# "☐ 0 ☐ 1 ☐ 2 … ☐ 10": a row of boxed points across one line is a rating, whatever the box
_POINT_ROW_RE = re.compile(r"^(?:[☐□❑❒◻⬜▢]\s*\d{1,2}\s*){5,}$")


def _shapes(draft: Draft) -> set[str]:
    """The shapes of the marks that open the draft's answer lines."""
    shapes: set[str] = set()
    for line in draft.lines[1:]:
        raw = line.raw.lstrip()
        if _POINT_ROW_RE.match(raw.strip()):
            shapes.add("points")
            continue
        # typed marks too: "( ) Yes" is a radio button, "[ ] Docker" (a task list) a check box
        if raw[:1] in _ROUND or re.match(r"\(\s?\)", raw):
            shapes.add("round")
        elif raw[:1] in _SQUARE or re.match(r"(?:[-*+]\s+)?\[\s?\]", raw):
            shapes.add("square")
    return shapes


def contrast_marks(drafts: list[Draft]) -> None:
    """Where both shapes are used, a question whose answers all have squares takes several."""
    shapes = [_shapes(d) for d in drafts]
    if not any(s == {"round"} for s in shapes) or not any(s == {"square"} for s in shapes):
        return
    for draft, shape in zip(drafts, shapes, strict=True):
        named = [t for n in [*draft.notes, *draft.pre_notes] for t in type_words(n)]
        if shape == {"square"} and draft.options and not named:
            draft.notes.append("MULTI")
