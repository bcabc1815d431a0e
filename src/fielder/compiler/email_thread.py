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
from dataclasses import replace

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


# "> > Q6. …": the quote marks an e-mail client puts before each line of an earlier message
_QUOTE_RE = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
_LEADING_SPACE_RE = re.compile(r"^[ \t]*")


def _depth(text: str) -> tuple[int, int]:
    """How many `>` quote a line, and how many characters the marks take."""
    match = _QUOTE_RE.match(text)
    return (match.group(1).count(">"), match.end()) if match else (0, 0)


def _trimmed(block: Block, width: int) -> Block:
    """The block without its first `width` characters (its quote marks), runs trimmed alike."""
    text = block.text[width:]
    runs, left = [], width
    for run in block.runs:
        if left >= len(run.text):
            left -= len(run.text)
            continue
        runs.append(replace(run, text=run.text[left:]) if left else run)
        left = 0
    indent = len(_LEADING_SPACE_RE.match(text).group(0))  # type: ignore[union-attr]
    return replace(block, text=text, runs=tuple(runs), level=1 if indent >= 2 else 0)


def quoted_questionnaire(blocks: list[Block]) -> list[Block]:
    """A questionnaire pasted into an e-mail and quoted (`> > Q1. …`) under the replies: the
    blocks at the quote depth that holds the questions, without their marks and without the
    quoted mail's own headers. The other depths are the correspondence about it (the replies
    above, inline comments), not screens. A document with no e-mail header (no `From:` with an
    address, no "… wrote:" line) or whose questions sit unquoted is left as it is. A newer
    reply's explicit instruction to filter a quoted question ("change Q6 so it's only asked of
    members who said they have children at Q5") is written under that question as its note."""
    depths = [_depth(b.text) if b.kind != "table" else (0, 0) for b in blocks]
    if sum(d > 0 for d, _ in depths) < 5:
        return blocks
    texts = [b.text[w:] for b, (_, w) in zip(blocks, depths, strict=True)]
    if not any(_FROM_RE.match(t) or _WROTE_RE.match(t) for t in texts):
        return blocks
    counts: dict[int, int] = {}
    for text, (depth, _) in zip(texts, depths, strict=True):
        if _QUESTION_RE.match(text):
            counts[depth] = counts.get(depth, 0) + 1
    if not counts:
        return blocks
    best = max(counts, key=lambda d: (counts[d], d))
    if best == 0 or counts[best] < 3:
        return blocks
    changes = {
        m["q"].upper(): m["who"]
        for text, (depth, _) in zip(texts, depths, strict=True)
        if depth < best and (m := _CHANGE_RE.match(text))
    }
    kept: list[Block] = []
    asked = False
    for block, text, (depth, width) in zip(blocks, texts, depths, strict=True):
        if depth != best:
            continue
        asked = asked or bool(_QUESTION_RE.match(text))
        if not asked and (_FROM_RE.match(text) or _HEADER_RE.match(text) or _WROTE_RE.match(text)):
            continue
        kept.append(_trimmed(block, width))
        label = re.match(r"\s*([A-Za-z]{0,3}\d{1,3}[a-z]?)[.):]?\s", kept[-1].text)
        who = changes.pop(label[1].upper(), None) if label else None
        if who is not None:
            kept.append(replace(kept[-1], text=f"(only asked of {who})", runs=(), level=1))
    return kept


# "** change Q6 so it's only asked of members who said they have children at Q5 **": a reply's
# instruction to give a quoted question a filter (a question put back, "could Q6 be for parents
# only?", is a suggestion, not an instruction)
_CHANGE_RE = re.compile(
    r"^\W*(?:please\s+)?(?:change|make|set)\s+(?P<q>[A-Za-z]{0,3}\d{1,3}[a-z]?)\s+so\s+(?:that\s+)?"
    r"(?:it['’]s|it\s+is|it\s+gets|it['’]ll\s+be)\s+only\s+(?:asked|shown|displayed)\s+(?:of|to|for)\s+"
    r"(?P<who>[^*.!?]{3,120}?)\W*$",
    re.I,
)
