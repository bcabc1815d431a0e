"""An earlier e-mail quoted under a questionnaire pasted into an e-mail's body.

A questionnaire sent in the body of a reply carries the thread below it: a header block
(`From: … <address>`, `Sent:`/`Date:`, `To:`, `Subject:`), the earlier message (often `> `
quoted, or opened by "On …, … wrote:") and a confidentiality footer. Once questions have begun,
such a header (or the "wrote:" line) ends the questionnaire; what follows is correspondence, not screens (it would otherwise run on into
the last screen's words). A header before any question is the covering note's own and is left to
the usual rules.
"""

from __future__ import annotations

import re

from fielder.documents.model import Block

_FROM_RE = re.compile(r"^\s*(?:From|Von|De|Van|Da)\s*:\s*\S.*(?:<[^<>@\s]+@[^<>\s]+>|@\S+\.\w+)")
_HEADER_RE = re.compile(r"^\s*(?:Sent|Date|Subject|To|Cc|Gesendet|Betreff|Envoyé|Objet)\s*:", re.I)
# "> On Sun, 3 Mar 2024 at 18:02, Jo wrote:": a reply's attribution line over the quoted mail
_WROTE_RE = re.compile(
    r"^\s*>?\s*(?:On|Am|Le|El|Op|Il)\s.{4,120}\b(?:wrote|schrieb|a\s+écrit|escribió|schreef|ha\s+scritto)\s*:\s*$"
)
# "1. Are you …", "Q3 How …", "S2) …": a numbered question has begun above the header
_QUESTION_RE = re.compile(r"^\s*(?:[A-Z]{0,3}\d{1,3}[a-z]?[.):]|Q\d{1,3}[a-z]?)\s+\S")


def thread_start(blocks: list[Block] | tuple[Block, ...]) -> int | None:
    """The index of the first block of an e-mail thread quoted after the questions, or None."""
    asked = False
    for index, block in enumerate(blocks):
        text = block.text if block.kind != "table" else ""
        if not asked:
            asked = bool(_QUESTION_RE.match(text))
            continue
        if _WROTE_RE.match(text):
            return index
        if not _FROM_RE.match(text):
            continue
        after = [b.text for b in blocks[index + 1 : index + 4] if b.kind != "table"]
        if sum(bool(_HEADER_RE.match(t)) for t in after) >= 2:
            # the rule of dashes or underscores drawn above the header goes with it
            while index and re.fullmatch(r"\s*[-_=–—]{10,}\s*", blocks[index - 1].text or ""):
                index -= 1
            return index
    return None
