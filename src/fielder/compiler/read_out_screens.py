"""An information screen whose words stand after the interviewer's cue: `READ OUT: Thanks …`.

A script names a screen (`INTRO`, `CLOSE`), puts its filter beside the name (`ASK ALL`) and
opens the words to be said with the cue on the next line. The cue and its colon made the line
a note, so the screen kept only its last wrapped line, or no words at all. On a screen with no
words before it, a note that is the cue followed by sentence-case words is the screen's text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

# "READ OUT: Thanks for coming in today …", "SAY: That's everything …"
_CUED_WORDS_RE = re.compile(
    r"^(?:INTERVIEWER\s*:\s*)?(?:READ(?:\s+OUT)?|SAY|READ\s+ALOUD)\s*:\s+"
    r"(?P<words>[\"“‘']?[A-Z][a-z’']*\b(?=(?:\S*\s+){3})(?=.*[a-z]{2,}\s+[a-z]{2,}).*)$"
)


def cued_screen_words(draft: Draft, is_screen: bool) -> None:
    """Move the cued words of a wordless screen from its notes to its text."""
    if not is_screen or draft.options or draft.rows or draft.text_parts[:1] not in ([], [""]):
        return
    for place, note in enumerate(draft.notes):
        found = _CUED_WORDS_RE.match(note.strip())
        if found:
            del draft.notes[place]
            draft.text_parts[:1] = [found["words"].strip()]
            return
