"""Enumerator boxes printed above the question they are for.

Some printed interview forms put every instruction for a question in a marked box above its
label (`► MULTIPLE ANSWERS POSSIBLE`, `► ENUMERATOR: OBSERVE, DO NOT ASK`, `► Ask only if B3 =
1`) and only the routing of its answers below them (`► If 5, go to C3.`). Read in order, a box
above a label is a note of the question before it, so the multi-choice note lands on the wrong
question. The evidence is the document's own: one glyph opens three or more boxes, and two or
more of them stand right above a label. Then each box right above a label, unless it is an
answer's routing ("If 2: …", "If under 18 …"), is moved under that label, where it is the
question's own note.
"""

from __future__ import annotations

import re
from collections import Counter

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

# a box's opening glyph: an arrow head or a solid mark, not a bullet of an answer list
_GLYPH_RE = re.compile(r"^\s*([►▶▸■◆➤])\s*\S")
# an answer's routing, written after the answers it tests
_ROUTE_RE = re.compile(r"^\s*\W?\s*(?:IF|WHEN)\b", re.I)
# a box that routes or tests ("◆ P2 < 18 ?  yes → END", "(A6 = 2)", "… picked at P3 ?"): read
# where it stands by the routing readers; only plain instruction boxes move
_ROUTING_BOX_RE = re.compile(
    r"→|->|\b[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:[<>=≥≤]|\?)|\?\s*$|\b(?:go|skip|jump)\s+to\b|"
    # "► CONTRACTORS [6]: STOP HERE AND HAND THIS FORM BACK": a screen-out of the answers above
    r"\b(?:stop\s+here|terminate|end\s+(?:the\s+)?(?:interview|survey))\b",
    re.I,
)


def _glyph(line: Line) -> str | None:
    found = _GLYPH_RE.match(line.raw or line.text)
    return found[1] if found else None


def box_above_lines(lines: list[Line]) -> list[Line]:
    """The lines with each box right above a label moved under that label's line."""
    glyphs = Counter(g for g in map(_glyph, lines) if g)
    if not glyphs:
        return lines
    glyph, count = glyphs.most_common(1)[0]
    if count < 3:
        return lines
    above = [
        i
        for i in range(len(lines) - 1)
        if _glyph(lines[i]) == glyph and find_label(lines[i + 1]) is not None
    ]
    if len(above) < 2:
        return lines
    out = list(lines)
    for i in reversed(above):
        box = out[i]
        text = box.raw or box.text
        if _ROUTE_RE.match(re.sub(r"^\s*\W\s*", "", text)) or _ROUTING_BOX_RE.search(text):
            continue  # "► If 2: end the interview": the answers' routing above stays theirs
        out[i], out[i + 1] = out[i + 1], box
    return out
