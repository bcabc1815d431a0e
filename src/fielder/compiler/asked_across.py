"""A question and its answers on one line: `Is this your first visit? ○ Yes ○ No`.

Comment cards and short paper forms save space by printing the ask and then its answer boxes
across the same line. Read whole, the line is taken for a list of answers and the ask is lost.
Such a line is cut in two: the question (words with a `?` or ending in `:` before the first
box) and the answers from the first box on, as if each stood on a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# the ask, then two or more boxes each followed by a few words
_ASKED_RE = re.compile(
    rf"^(?P<ask>[^{BOXES}]*?(?:\?[^{BOXES}]*|:))\s+(?P<answers>[{BOXES}]\s*[^{BOXES}\s][^{BOXES}]*"
    rf"(?:[{BOXES}]\s*[^{BOXES}\s][^{BOXES}]*)+)$"
)
_MAX_ANSWER_WORDS = 6


def split_asked_across(lines: list[Line]) -> list[Line]:
    """The lines with each `ask? ○ answer ○ answer` line cut into its question and answers."""
    out: list[Line] = []
    for line in lines:
        match = _ASKED_RE.match(line.text) if line.kind == "paragraph" else None
        if match is None or not _short_answers(match["answers"]) or len(match["ask"]) < 4:
            out.append(line)
            continue
        ask = (
            match["ask"].strip().rstrip(":").strip()
            if match["ask"].rstrip().endswith(":")
            else match["ask"].strip()
        )
        answers = match["answers"].strip()
        spaced = (
            line.spaced[line.spaced.find(answers[0]) :] if answers[0] in line.spaced else answers
        )
        out.append(replace(line, text=ask, raw=ask, spaced=ask))
        out.append(replace(line, text=answers, raw=answers, spaced=spaced, instructions=[]))
    return out


def _short_answers(answers: str) -> bool:
    """Answers of a few words each, none a question of its own."""
    parts = [p.strip() for p in re.split(rf"[{BOXES}]", answers) if p.strip()]
    return len(parts) >= 2 and all(
        len(p.split()) <= _MAX_ANSWER_WORDS and "?" not in p for p in parts
    )
