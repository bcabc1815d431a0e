"""Question heads whose id is set off from the words by a glyph: "C1 ▸ Which of these…",
"Q4 › How often…", "INTRO ▸ Hey there!". The glyph (read as "→" by the arrow reader) is the
author's separator, not a jump, when the document heads at least three questions the same way:
each such line becomes "C1. Which of these…", which every label reader knows.

A jump written with the same arrow ("Q5 → Q9", "S3 → terminate", "C2 → go to C8") is left
alone: the words after the glyph must open a sentence, not a target or a routing verb.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_HEAD_RE = re.compile(
    r"^(?P<id>[A-Z]{1,4}\d{1,3}[a-z]{0,2}|[A-Z]{3,12})\s*(?:→|▸|►|▶|›|»|⟶|➜|➔)\s*"
    r"(?P<rest>[\"'“‘¿¡(]?[A-Z{].*)$"
)
_ROUTING_RE = re.compile(
    r"^(?:go|goes|skip|jump|end|ends|terminate|close|screen|stop|continue|next|ask|"
    r"thank|[A-Z]{1,4}\d{1,3}[a-z]?\b)",
    re.I,
)


def _head(line: Line) -> re.Match[str] | None:
    if line.kind not in ("heading", "paragraph") or line.is_option:
        return None
    match = _HEAD_RE.match(line.text.strip())
    if match is None or _ROUTING_RE.match(match["rest"]) or len(match["rest"].split()) < 2:
        return None
    return match


def glyph_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with glyph-separated question heads written as "ID. words"."""
    heads = {i: m for i, line in enumerate(lines) if (m := _head(line)) is not None}
    if sum(1 for m in heads.values() if re.search(r"\d", m["id"])) < 3:
        return lines
    out = list(lines)
    for index, match in heads.items():
        text = f"{match['id']}. {match['rest']}"
        out[index] = dataclasses.replace(lines[index], text=text, spaced=text)
    return out
