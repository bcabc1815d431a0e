"""Trend references printed in a master questionnaire's right margin.

Barometer-style master questionnaires note, beside or under each question, where it was asked
before (`EP102.3 QA1a TREND`, `EB98.1 QB5 TREND MODIFIED`) or that it is new (`NEW`). The notes
are for the coordinating team, never shown to the respondent; read as lines they would start
questions of their own (`EP102.3` looks like a label). They are left out.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_WAVE = r"[A-Z]{1,5}\d{1,3}(?:\.\d{1,2})?[a-z]?"
# "EP102.3 QA1a TREND", "TREND MODIFIED", "EB96.3 QD1b TREND MODIFIED", "NEW"
_TREND_RE = re.compile(
    rf"^(?:{_WAVE}\s+){{0,3}}(?:TREND(?:\s+(?:MODIFIED|ADAPTED|CHANGED))?|"
    r"(?:MODIFIED|ADAPTED)\s+TREND)\s*$"
)
_NEW_RE = re.compile(r"^(?:NEW|NEW\s+QUESTION|NEW\s+ITEM)\s*$")
#: how far right (indent level) a bare `NEW` must stand to be a margin note
MARGIN_LEVEL = 4


def is_trend_note(line: Line) -> bool:
    """True for a margin note naming a question's trend source, or a bare NEW in the margin."""
    if line.kind != "paragraph" or line.instructions or not line.text:
        return False
    text = line.text.strip()
    return bool(_TREND_RE.match(text)) or (line.level >= MARGIN_LEVEL and bool(_NEW_RE.match(text)))


def drop_trend_notes(lines: list[Line]) -> list[Line]:
    """The lines without the trend references in the margin."""
    return [line for line in lines if not is_trend_note(line)]
