"""A filter told to the respondent in brackets inside the question's words.

Paper booklets put who answers a question in brackets right after its words: `Your email
address (only if you chose email at C2)`, `(answer only if you are in paid work, A9)`. The
bracket is no part of the question: it is taken out of the words as the question's filter
note (only where it names a question, so that "(only if known)" stays in the words).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_BRACKETED_FILTER_RE = re.compile(
    r"\s*\((?P<note>(?:please\s+)?(?:only\s+(?:answer\s+|complete\s+)?if|answer\s+(?:this\s+)?only\s+if|"
    r"skip\s+(?:this\s+)?if)\b[^()]{3,120}\b(?:[A-Z]{1,3}\d{1,3}[a-z]?|question\s+\d{1,3})\b[^()]{0,20})\)"
)


def bracketed_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with a bracketed filter naming a question taken out as a note."""
    out: list[Line] = []
    for line in lines:
        match = _BRACKETED_FILTER_RE.search(line.text) if line.text and not line.is_option else None
        if match is None or not line.text[: match.start()].strip():
            out.append(line)
            continue
        text = (line.text[: match.start()] + line.text[match.end() :]).strip()
        text = re.sub(r"\s{2,}", " ", text)
        spaced = _BRACKETED_FILTER_RE.sub("", line.spaced, count=1) if line.spaced else text
        note = match["note"][:1].upper() + match["note"][1:]
        out.append(replace(line, text=text, spaced=spaced, instructions=[*line.instructions, note]))
    return out
