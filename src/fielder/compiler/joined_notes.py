"""Notes printed one under the other that a reader joined into one paragraph.

A paper form sets its notes in the same grey italics line after line (`Boxes 4 and 5 should be
ticked on their own. → If you have none, please go to question 9.` over `Please answer question
4 only if you have …`); read back from a PDF they come as one paragraph, and the last sentence,
the next question's filter, stays a note of the question above. A sentence that opens the next
question's filter is split off onto a line of its own, so it waits for that question.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, made_line

# "Please answer question 4 only if …", "Only answer question 8 if …", "Question 12 is only
# for …": a sentence naming the question it filters, after the end of another sentence; and a
# routing arrow after a note on ticking ("Boxes 4 and 5 … on their own. → If …")
_FILTER_SENTENCE_RE = re.compile(
    r"(?<=[.!])\s+(?=(?:please\s+)?(?:only\s+)?answer\s+(?:question|q\.?)\s*\d{1,3}[a-z]?\s+"
    r"(?:only\s+)?(?:if|when)\b|(?:question|q\.?)\s*\d{1,3}[a-z]?\s+is\s+only\s+for\b|"
    # "→ If you have none, please go to question 9.": the routing of the answers above
    r"(?:→|->)\s*if\b)",
    re.I,
)


def split_joined_notes(lines: list[Line]) -> list[Line]:
    """The lines with each filter sentence inside a longer note set on a line of its own."""
    out: list[Line] = []
    for line in lines:
        if line.text or len(line.instructions) != 1 or line.kind != "paragraph":
            out.append(line)
            continue
        parts = [p.strip() for p in _FILTER_SENTENCE_RE.split(line.instructions[0]) if p.strip()]
        if len(parts) == 1:
            out.append(line)
            continue
        out.extend(made_line(line, part, instruction=True) for part in parts)
    return out
