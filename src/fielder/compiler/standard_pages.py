"""A survey tool's own closing page, printed after the questions and marked as the standard one.

A print of an online survey ends with the page the tool shows on submission, captioned as the
tool's (`Thank You` / `Thank you! Your response has been recorded.` with a note `Standard
thank-you page`, `Default end screen`). The survey's author did not write it, so it is platform
furniture like a `Submit` button, not an information screen of the questionnaire.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_STANDARD_RE = re.compile(
    r"^[\[(]?(?:the\s+)?(?:standard|default|system|built-in|platform)\s+"
    r"(?:thank[- ]?you|end(?:ing)?|completion|closing|exit|final)\s+"
    r"(?:page|screen|message)[\])]?\.?$",
    re.I,
)
_THANKS_HEADING_RE = re.compile(
    r"^(?:thank\s+you|thanks|end(?:\s+of\s+survey)?|finished)\W*$", re.I
)


# "END – show standard thank-you page and close": the script's last line naming the standard
# page it ends on, an instruction to the scripter rather than a screen of its own
_END_SHOWS_STANDARD_RE = re.compile(
    r"^END\s*[-–—:]\s*(?:show\s+|go\s+to\s+)?(?:the\s+)?(?:standard|default)\s+"
    r"(?:thank[- ]?you|end(?:ing)?|completion|closing)\s+(?:page|screen|message)\b",
    re.I,
)


def drop_standard_pages(lines: list[Line]) -> list[Line]:
    """The lines without a closing page noted as the tool's standard one (and its heading)."""
    out: list[Line] = []
    for line in lines:
        if _END_SHOWS_STANDARD_RE.match(line.text):
            continue
        if any(_STANDARD_RE.match(n.strip()) for n in line.instructions):
            if out and out[-1].kind == "heading" and _THANKS_HEADING_RE.match(out[-1].text):
                out.pop()
            continue
        out.append(line)
    return out
