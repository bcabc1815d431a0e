"""A form print's field titles, read by the answer caption printed under each of them.

An online form's print puts a grey caption naming the answer box right under a field's title
("Short answer text", "Long answer text", "Month, day, year", "Dropdown", "Response
validation: Number · Between · 1 and 200"). A title that asks ("How many…?") starts a
question anyway; one that does not ("Your first name (optional)", "If you feel able to, please
tell us what happened.", "Email address (only if …)") was read as a stray line, a forward
filter or a note. Where the document prints three or more titles over such a caption (its own
repetition of the shape), a line of words right over a caption is a field's title.
"""

from __future__ import annotations

import re

from fielder.compiler.instructions import FORM_TYPE_LINE_RE
from fielder.compiler.lines import Line

# a form's caption for the answer box, beyond the builder's type names (FORM_TYPE_LINE_RE)
_CAPTION_RE = re.compile(
    r"(?:(?:short|long)\s+answer\s+text|(?:day|month|year)(?:\s*,\s*(?:day|month|year)){2}|"
    r"(?:hours?\s*:\s*minutes?|time)|response\s+validation\s*:.*)\.?",
    re.I,
)
_MIN_TITLES = 3


def caption(line: Line) -> bool:
    """True for a line that is only a form's caption for an answer box."""
    if line.text or len(line.instructions) != 1:
        return False
    words = line.instructions[0].strip()
    return bool(FORM_TYPE_LINE_RE.fullmatch(words) or _CAPTION_RE.fullmatch(words))


def _title_over_caption(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if line.kind != "paragraph" or line.is_option or line.label or not line.text:
        return False
    if line.text[:1] in "○◯●☐□▢◻[(" or line.instructions and not line.text:
        return False
    return index + 1 < len(lines) and caption(lines[index + 1])


def captioned_titles(lines: list[Line]) -> frozenset[int]:
    """The indexes of the lines that are field titles over a caption (none below three)."""
    found = frozenset(i for i in range(len(lines)) if _title_over_caption(lines, i))
    return found if len(found) >= _MIN_TITLES else frozenset()
