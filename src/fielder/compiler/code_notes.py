"""Notes about one answer by its code, written under an answer table in plain words.

Trackers and agency scripts put what an answer does in a note under the list rather than
beside the answer: `Code 6: thank and close (screen-out).`, `Code 7 opens a text box.`,
`Codes 8 and 9 are single answers.`, `Code 3 – go to Question 9.` Each such sentence is
rewritten into the scripting shorthand the instruction rules read (`TERMINATE IF CODE 6`,
`CODE 7 SPECIFY`, `CODE 8, 9 EXCLUSIVE`, `IF CODE 3 GO TO Q9`), so a text box opened by one
answer is not read as the question's own answer type.
"""

from __future__ import annotations

import re

from fielder.compiler.glossary import to_english
from fielder.compiler.instructions import expand_codes, sentences

_CODE_NOTE_RE = re.compile(
    r"^(?:if\s+|those\s+(?:who\s+)?(?:answer|choose|select|pick|cod)\w*\s+(?:with\s+)?)?"
    r"(?:answer\s+|response\s+)?(?:codes?|c[óo]digos?|codices?|kodes?)\s+"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|&|/|-|–|to|and|or|y|o|et|ou|und|oder|en|of|e)\s*\d{1,3})*)"
    r"\s*(?:[:=–—-]|\bis\b|\bare\b|\bmeans\b)?\s*(?P<action>\S.*)$",
    re.I,
)
_TERMINATE_RE = re.compile(
    r"\b(?:thank\s+and\s+(?:close|end|terminate)|terminate|screen[\s-]?out|close\s+(?:the\s+)?"
    r"interview|ends?\s+(?:the\s+)?(?:interview|survey)|disqualif\w*|close)\b",
    re.I,
)
_SPECIFY_RE = re.compile(
    r"\b(?:text\s*box|text\s+field|write[\s-]?in|specify|open\s+(?:text|answer|box|end))\b", re.I
)
_EXCLUSIVE_RE = re.compile(r"\b(?:exclusive|single\s+answers?(?:\s+only)?|only\s+answer)\b", re.I)
# ("Code 2 goes to Q12.", "Codes 2 and 8 go to END.", "Code 2 goes to ENCERRAMENTO.": the verb in
# any person, the target a question or a screen named in capitals)
_SKIP_RE = re.compile(
    r"\b(?:go(?:es)?|skips?|jumps?)\s+(?:straight\s+)?to\s+(?:question\s+|q\.?\s*)?"
    # (a screen's name ends the sentence: "go to SECTION D" names a section, not a screen)
    r"(?P<target>[A-Z]{0,4}\d{1,3}[a-z]?\b|"
    r"(?!(?:SECTION|PART|MODULE|BLOCK|PAGE)\b)(?-i:[A-Z][A-Z_]{2,20})(?=\s*\.?\s*$))",
    re.I,
)


def rewrite_code_notes(note: str) -> str:
    """The note with each sentence about an answer code put in scripting shorthand."""
    parts = sentences(note)
    rewritten = [_rewrite(part) for part in parts]
    if rewritten == parts:
        return note
    return ". ".join(rewritten)


def _rewrite(sentence: str) -> str:
    match = _CODE_NOTE_RE.match(to_english(sentence).strip())
    if match is None:
        return sentence
    codes = ", ".join(expand_codes(match["codes"]))  # "Codes 1-3" names 1, 2 and 3
    action = match["action"]
    skip = _SKIP_RE.search(action)
    if skip:
        target = skip["target"]
        return f"IF CODE {codes} GO TO {'Q' + target if target.isdigit() else target.upper()}"
    if _TERMINATE_RE.search(action):
        return f"TERMINATE IF CODE {codes}"
    if _SPECIFY_RE.search(action):
        return f"CODE {codes} SPECIFY"
    if _EXCLUSIVE_RE.search(action):
        return f"CODE {codes} EXCLUSIVE"
    return sentence
