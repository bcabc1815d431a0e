"""An earlier e-mail quoted under a questionnaire pasted into an e-mail's body.

A questionnaire sent in the body of a reply carries the thread below it: a header block
(`From: … <address>`, `Sent:`/`Date:`, `To:`, `Subject:`), the earlier message (often `> `
quoted, or opened by "On …, … wrote:") and a confidentiality footer. Once questions have begun,
such a header (or the "wrote:" line, or the sign-off: "Thanks Jo, …" to the `To:` header's
first name, the `From:` first name alone) ends the questionnaire; what follows is
correspondence, not screens (it would otherwise run on into the last screen's words). A
header before any question is the covering note's own and is left to the usual rules.
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


# "To: Jo Pettigrew <jo@…>": the first name of whoever a header names
_NAMED_HEADER_RE = re.compile(r"^\s*(?P<field>From|To)\s*:\s*(?P<first>[A-Z][a-z]{1,20})\b")
_THANKS_RE = re.compile(
    r"^\s*(?:many\s+)?(?:thanks|thank\s+you|cheers|ta|best|regards|love|speak\s+soon)\b", re.I
)


def _header_names(blocks: list[Block] | tuple[Block, ...]) -> tuple[str | None, str | None]:
    """The first names in the message's own `From:` and `To:` headers (before any question)."""
    names: dict[str, str] = {}
    for block in blocks[:8]:
        match = _NAMED_HEADER_RE.match(block.text or "")
        if match is not None:
            names.setdefault(match["field"], match["first"])
    return names.get("From"), names.get("To")


def _signs_off(text: str, sender: str | None, recipient: str | None) -> bool:
    """ "Thanks Jo, shout if anything's unclear!" to the message's recipient, or the sender's
    name alone ("Morag x", "– Morag"): the e-mail's sign-off, not the questionnaire's words."""
    words = text.strip()
    if sender and re.fullmatch(rf"[-–—~\s]*{sender}\s*(?:x+|X+)?\s*[!.,]?", words):
        return True
    return bool(
        recipient
        and _THANKS_RE.match(words)
        and re.search(rf"\b{recipient}\b", " ".join(words.split()[:4]))
    )


def thread_start(blocks: list[Block] | tuple[Block, ...]) -> int | None:
    """The index of the first block of an e-mail thread quoted after the questions, or None."""
    asked = False
    sender, recipient = _header_names(blocks)
    for index, block in enumerate(blocks):
        text = block.text if block.kind != "table" else ""
        if not asked:
            asked = bool(_QUESTION_RE.match(text))
            continue
        if _WROTE_RE.match(text) or _signs_off(text, sender, recipient):
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
