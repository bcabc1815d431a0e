"""An interviewer's bracketed note wrapped over two lines: `… would you vote for... [ROTATE`
over `NAMES]`.

A fixed-width script wraps its lines wherever the width runs out, also inside a `[NOTE]`. Each
half then reads as words: `[ROTATE` stays in the question's text and `NAMES]` becomes a line of
its own. The two halves are put back together as the one note they are, kept with the line
that opened it.

A depth interview's `PROBE:` line is wrapped the same way, mid-sentence (`PROBE: What evidence
carried the most` over `weight? How long…`): the lower-case piece goes back on the probe, not on
the question's words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.line_pairs import join_with_next
from fielder.compiler.lines import Line, collapse

# a note quoting a wrapped message ("MESSAGE: \"Sorry, you need…\" - TEMPLATE") runs long
_MAX_NOTE = 160


def join_wrapped_notes(lines: list[Line]) -> list[Line]:
    """The lines with each bracket left open at a line's end closed by the next line."""
    return join_with_next(lines, _joined)


_PROBE_RE = re.compile(r"^(?:PROBES?|PROMPTS?)\s*:\s*\S")


def join_wrapped_probes(lines: list[Line]) -> list[Line]:
    """The lines with a probe cut mid-sentence joined with the lower-case line carrying it on."""
    return join_with_next(lines, _probe_joined)


def _probe_joined(line: Line, following: Line) -> list[Line] | None:
    if (
        line.is_option
        or following.is_option
        or not _PROBE_RE.match(line.text)
        or line.text.rstrip().endswith((".", "?", "!", ":", ")"))
        or not following.text[:1].islower()
        or following.instructions
    ):
        return None
    text = f"{line.text.rstrip()} {following.text.strip()}"
    raw = f"{line.raw.rstrip()} {following.raw.strip()}"
    return [replace(line, text=text, raw=raw, spaced=text, end=following.end)]


def _joined(line: Line, following: Line) -> list[Line] | None:
    # ("{end the survey here with the" over "message}": a build note in braces, wrapped alike)
    left, right = max((("[", "]"), ("{", "}")), key=lambda p: line.text.rfind(p[0]))
    opened = line.text.rfind(left)
    if opened < 0 or right in line.text[opened:] or line.is_option or following.is_option:
        return None
    closed = following.text.find(right)
    if closed < 0 or left in following.text[:closed]:
        return None
    note = collapse(f"{line.text[opened + 1 :]} {following.text[:closed]}")
    if not note or len(note) > _MAX_NOTE:
        return None
    text = line.text[:opened].rstrip()
    cut = line.spaced.rfind(left) if line.spaced else -1
    spaced = line.spaced[:cut].rstrip() if cut >= 0 else text
    first = replace(line, text=text, spaced=spaced, instructions=[*line.instructions, note])
    rest = following.text[closed + 1 :].strip()
    if not rest and not following.instructions:
        return [first]
    cut = following.spaced.find(right) if following.spaced else -1
    rest_spaced = following.spaced[cut + 1 :] if cut >= 0 else rest
    return [first, replace(following, text=rest, spaced=rest_spaced)]
