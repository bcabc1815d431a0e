"""`○ No [2] → skip Q16`: an answer that skips a question goes on to the one after it.

Authors write a jump by the question it leaves out as often as by where it lands: "→ skip
Q16", "-> skip question 9", "→ skips Q4". Unlike "skip to Q16" the question named is the one
NOT asked, so the answer goes to the question that follows it in the document. The line is
rewritten to the plain route (`→ GO TO Q17`) once every question's label is known.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_SKIP_ONE_RE = re.compile(
    r"(?P<arrow>\s*(?:→|(?<!-)-+>|=>)\s*)skips?\s+(?!to\b)(?:question\s+)?"
    r"(?P<id>[A-Za-z]{0,3}\d{1,3}[a-z]?)\s*\.?\s*$",
    re.I,
)


def skipped_question_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer's "→ skip Qn" written as a route to the question after Qn."""
    if not any(_SKIP_ONE_RE.search(line.text) for line in lines if line.text):
        return lines
    order = [label.id for line in lines if (label := find_label(line)) is not None]
    after = {order[i].upper(): order[i + 1] for i in range(len(order) - 1)}
    out = []
    for line in lines:
        found = _SKIP_ONE_RE.search(line.text) if line.text else None
        wanted = found["id"].upper() if found else ""
        if found and not wanted[:1].isalpha() and f"Q{wanted}" in after:
            wanted = f"Q{wanted}"  # "skip question 9" in a form whose questions are Q1, Q2 …
        target = after.get(wanted)
        if found is None or target is None or find_label(line) is not None:
            out.append(line)
            continue
        text = f"{line.text[: found.start()]} → GO TO {target}"
        spaced = line.spaced or line.text
        moved = _SKIP_ONE_RE.search(spaced)
        spaced = f"{spaced[: moved.start()]} → GO TO {target}" if moved else text
        out.append(replace(line, text=text, spaced=spaced))
    return out
