"""The statement a question asks about, on its own line under it: "How strongly do you agree
with the following statement?" over **"Prices here are fair."** — the statement is part of the
question's words (a respondent cannot answer without it), not a note for the programmer."""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

#: a stem that points at a statement written below it
_POINTS_AT_STATEMENT_RE = re.compile(
    r"\b(?:following|this|the|below)\s+(?:statement|sentence|claim|quote)\b"
    r"|\bstatement\s+(?:below|that follows)\b",
    re.I,
)
_QUOTED_RE = re.compile(r"^[\"“'‘«„].{8,}[\"”'’»]\W*$")


def statement_under(stem: str, line: Line) -> bool:
    """True when `line` is the one statement the stem points at: quoted, or set in bold."""
    if not _POINTS_AT_STATEMENT_RE.search(stem) or line.kind != "paragraph" or line.is_option:
        return False
    text = line.text.strip()
    if len(text.split()) < 3 or text.endswith(":"):
        return False
    return _QUOTED_RE.match(text) is not None or (line.bold and text.endswith((".", "!", "?")))
