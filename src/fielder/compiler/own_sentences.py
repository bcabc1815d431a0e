"""Lines that go on a question's own paragraph when the writer wrapped it by hand.

E-mailed drafts and plain-text questionnaires are hard-wrapped: `Q6. What were the main reasons
… Please` over `choose up to 2 reasons.`, or the ask over `Please select all that apply.`. The
format keeps respondent sentences of the question's paragraph in its text, so two kinds of line
right under the question's words (before any note, answer or box) are more of its text:

- the rest of a sentence left unfinished (the words above end in a letter or a comma, the line
  starts in lower case), even when it reads like an answer-format note (`choose up to 2 …`);
- a polite sentence to the respondent (`Please select all that apply.`, `Please give your
  answer to the nearest pound.`), written in ordinary case with no note in it, set in under
  the label line by the same hanging indent as the wrapped words (at the margin, or as a
  paragraph of its own in Markdown or a PDF, it is a separate instruction);
- any other sentence to the respondent set in by that indent when a coded answer follows it
  straight away (`A6  What share … these?` over `Your answers must add up to 100%.` over
  `1  Heating`): a lone uncoded line before a coded list is no answer (statements over a
  scale come several together, so the first of them is never followed by a code).

A web form's printout wraps a long title onto a second line the same way: `2. Which of these
have you used …?` over `(Select all that apply.) *`. The required star closes the title, so
a bracketed marking note that carries it is the end of the question's words (`titled_tail`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.classify import is_instruction
from fielder.compiler.lines import Line
from fielder.compiler.marking_notes import is_marking_note
from fielder.compiler.options import parse_option_line

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

_UNFINISHED_RE = re.compile(r"(?:[^\W\d_]|,)$")
_GOES_ON_RE = re.compile(r"^[a-z][a-z'’]*\b")
# an ordinary sentence: a capital, then lower-case words to a full stop (no note, no question)
_SENTENCE_RE = re.compile(r"^[A-Z][a-z'’]*\s[^?!:;\[\]<>{}_]{4,160}[.!]$")
_CAPS_WORDS_RE = re.compile(r"\b[A-Z]{2,}\s+[A-Z]{2,}\b")
_PLEASE_RE = re.compile(r"^Please\s+[a-z][^?!:;\[\]<>{}]{4,140}[.!]$")


def own_sentence(draft: Draft, line: Line, following: Line | None = None) -> bool:
    """True when `line` goes on the question's own words (see the module's note)."""
    if draft.label is None or not draft.text or draft.mode != "text":
        return False
    if draft.options or draft.tables or draft.hints or draft.notes or draft.rows:
        return False
    if line.instructions or line.is_option or line.kind not in ("paragraph", "list_item"):
        return False
    text = line.text.strip()
    if _UNFINISHED_RE.search(draft.text) and _GOES_ON_RE.match(text):
        return True
    # a sentence of its own is the paragraph's only where the writer's hanging indent says so:
    # set in under the label line (a blank line or a new paragraph at the margin ends the ask)
    hanging = draft.lines[0].kind == "paragraph" and line.level > draft.lines[0].level
    if not (hanging and draft.text.endswith(("?", "."))):
        return False
    if _PLEASE_RE.match(text):
        return True
    if following is None or not _SENTENCE_RE.match(text) or len(text.split()) < 4:
        return False
    if is_instruction(line) or _CAPS_WORDS_RE.search(text):
        return False  # "Show as a drop-down list.", "Constant sum. MUST ADD TO 100.": notes
    answers = parse_option_line(following)
    return bool(answers) and answers[0].code is not None


_STARRED_NOTE_RE = re.compile(r"^(?P<note>\([^()]{3,60}\))\s*\*$")


def titled_tail(draft: Draft, line: Line) -> str | None:
    """The marking note that ends a wrapped title with its required star, without the star
    (`(Select all that apply.) *` right under the label line); None for any other line."""
    if draft.label is None or len(draft.lines) != 2 or draft.options or draft.notes:
        return None
    if line.instructions or line.is_option or line.bold != draft.lines[0].bold:
        return None
    starred = _STARRED_NOTE_RE.match(line.text.strip())
    return starred["note"] if starred and is_marking_note(starred["note"]) else None
