"""Filter callouts set between questions: `> [!NOTE]` / `> Non-users (I01 = 3 or 4) only.`
right over `### I12 · …`.

A Markdown spec may put every routing note in a callout box (GitHub's `[!NOTE]`, `[!TIP]`,
`[!IMPORTANT]` …) and set each box just above the question it is for. A box whose words are
only a group and its test ("Non-users (I01 = 3 or 4) only.") says nothing of which question it
filters, and under the last answers of the question above it was read as that question's own.
Where the document sets three or more callouts right over a question's head (its house style),
such a box is written as an `ASK IF` note for the question under it.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, made_line

# the box's marker, kept as a note of its own by the readers ("!NOTE", "[!TIP]")
_MARKER_RE = re.compile(r"^\[?!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|INFO)\]?$", re.I)
# "Non-users (I01 = 3 or 4) only.", "Only renters (H2 = 3).": a group and its test, no more
_GROUP_TEST_RE = re.compile(
    r"^(?:only\s+)?(?P<who>[A-Za-z][\w'’ -]{1,60}?)\s*\((?P<test>[^()]*(?:=|<|>|≠|≥|≤)[^()]*)\)"
    r"(?:\s+only)?\s*\.?$",
    re.I,
)


def _is_marker(line: Line) -> bool:
    return (
        not line.text.strip()
        and len(line.instructions) == 1
        and bool(_MARKER_RE.match(line.instructions[0].strip()))
    )


def _opens_question(line: Line) -> bool:
    label = find_label(line)
    return label is not None and label.style != "display"


def _boxes(lines: list[Line]) -> list[int]:
    """The places of callout bodies (the line after a marker) set right over a question."""
    return [
        pos + 1
        for pos, line in enumerate(lines[:-2])
        if _is_marker(line) and _opens_question(lines[pos + 2])
    ]


def callout_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with a group-and-test callout over a question written as its `ASK IF`."""
    boxes = _boxes(lines)
    if len(boxes) < 3:
        return lines
    out = list(lines)
    for pos in boxes:
        body = lines[pos]
        text = body.text.strip()
        if body.instructions or not _GROUP_TEST_RE.match(text):
            continue
        out[pos] = made_line(body, f"ASK IF {text}", True)
    return out
