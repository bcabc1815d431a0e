"""A consent statement typed as a checkbox with no answers written ("I have read the notice
above and consent to … *Answer type: checkbox*"): one box to tick, "I agree".

Form tools export such a question with its statement as the title and the box's own words
left out; read as a choice without answers it became a comment box.
"""

from __future__ import annotations

import re

from fielder.ir.models import Option

_AGREEING_RE = re.compile(
    r"^\s*(?:By\s+ticking[^,]{0,40},\s*)?I\s+(?:have\s+(?:read|reviewed|understood)|"
    r"(?:hereby\s+)?(?:agree|consent|confirm|accept|acknowledge|understand|certify))\b",
    re.I,
)


def consent_box(words: list[str], text: str, options: list[Option]) -> list[Option]:
    """The one "I agree" box of a first-person consent statement typed as checkboxes with no
    answers; `options` unchanged for any other question."""
    if options or "multi" not in words or not _AGREEING_RE.match(text):
        return options
    return [Option(code="1", label="I agree")]
