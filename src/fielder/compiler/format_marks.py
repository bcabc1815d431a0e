"""Answer-format marks in brackets after a question's words: `(choose one)`, `(pick one)`,
`(choose all that apply — max. 3, please!)`, `(one tick per row)`, `(optional)`,
`(Mehrfachnennungen möglich)`, `(une seule réponse)`. Where a form puts such a mark on (nearly)
every question, the marks are its type markers, as a form tool's type lines are: notes read
for the type and limits, not words of the question. A mark here and there is left in the
words, where the writer put it as part of the question."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_MARK_RE = re.compile(
    r"\s*\((?P<note>"
    r"(?:please\s+)?(?:choose|select|pick|tick|check|mark|circle)\s+(?:one|all|any|up\s+to|"
    r"only|as\s+many|the\s+one|\d|one\s+or\s+more)\b[^()]{0,60}|"
    r"one\s+(?:tick|answer|choice|response|box)\s+(?:per|for\s+each|on\s+each|in\s+each)\s+"
    r"(?:row|line|item|statement)[^()]{0,20}|"
    r"(?:single|multiple|several|one)\s+(?:choice|answers?|responses?|selection)(?:\s+(?:only|"
    r"possible|allowed))?|"
    r"optional\b[^()]{0,80}|"
    r"mehrfachnennungen?\s+(?:sind\s+)?möglich|(?:nur\s+)?eine\s+antwort(?:\s+möglich)?|"
    r"une\s+seule\s+réponse(?:\s+possible)?|plusieurs\s+réponses\s+possibles|"
    r"(?:una\s+sola|varias)\s+respuestas?(?:\s+posibles?)?|respuesta\s+(?:única|múltiple)"
    r")\)\s*$",
    re.I,
)


def split_format_mark(text: str) -> tuple[str, str | None]:
    """The text without a trailing answer-format mark in brackets, and the mark's words."""
    match = _MARK_RE.search(text)
    if match is None or not text[: match.start()].strip():
        return text, None
    return text[: match.start()].rstrip(), match["note"].strip()


def drop_format_marks(lines: list[Line]) -> list[Line]:
    """Lines with the form's bracketed type markers moved into their notes."""
    marked = [i for i, line in enumerate(lines) if _MARK_RE.search(line.text)]
    asking = sum(1 for line in lines if "?" in line.text and not line.is_option)
    if len(marked) < 3 or len(marked) < 0.6 * asking:
        return lines
    out = list(lines)
    for index in marked:
        line = lines[index]
        text, mark = split_format_mark(line.text)
        if mark is None:
            continue
        spaced, _ = split_format_mark(line.spaced) if line.spaced else ("", None)
        out[index] = replace(
            line, text=text, spaced=spaced, instructions=[*line.instructions, mark]
        )
    return out
