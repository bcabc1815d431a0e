"""A questionnaire typed into a chat and pasted or exported with the chat's own prefixes.

A chat export writes each message as `[09/04/2025, 10:42] Jess: q1 - how old are you? …`
(WhatsApp; `09/04/2025, 10:42 - Jess: …` on Android, `[10:42] Jess: …` from Teams or Slack).
The timestamp and the sender are no part of the questionnaire. Whoever writes the numbered
questions is its author: their messages are kept without the prefix (a line with no prefix
goes on the message above it), and the other people's messages (questions back, thanks,
"👍") are the conversation about it, left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block

_STAMP_RE = re.compile(
    r"^\s*\[?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?\]?\s*(?:[-–]\s*)?(?P<name>[^\s:\[\]][^:\[\]]{0,40}?):\s+"
)
# "q1 - how old …", "Q3. Which …", "3) …": a numbered question at the start of a message
_LABEL_RE = re.compile(r"^\s*(?:[A-Za-z]{1,3}\d{1,3}[a-z]?|\d{1,3})\s*[-.):–]\s+\S")
_LOWER_LABEL_RE = re.compile(r"^\s*([a-z]{1,2})(\d{1,3})\s*[-–:.)]\s+")


def _trimmed(block: Block, width: int) -> Block:
    text = block.text[width:]
    runs, left = [], width
    for run in block.runs:
        if left >= len(run.text):
            left -= len(run.text)
            continue
        runs.append(replace(run, text=run.text[left:]) if left else run)
        left = 0
    return replace(block, text=text, runs=tuple(runs))


def chat_questionnaire(blocks: list[Block]) -> list[Block]:
    """The author's messages without their chat prefixes, when at least five lines carry a
    chat prefix and one sender writes three or more numbered questions; else the blocks."""
    stamps = [_STAMP_RE.match(b.text) if b.kind != "table" else None for b in blocks]
    if sum(s is not None for s in stamps) < 5:
        return blocks
    labels: dict[str, int] = {}
    for block, stamp in zip(blocks, stamps, strict=True):
        if stamp is not None and _LABEL_RE.match(block.text[stamp.end() :]):
            labels[stamp["name"]] = labels.get(stamp["name"], 0) + 1
    if not labels or max(labels.values()) < 3:
        return blocks
    author = max(labels, key=lambda name: labels[name])
    letters = _lower_letters(blocks, stamps, author)
    kept: list[Block] = []
    sender: str | None = None
    asked = False
    for block, stamp in zip(blocks, stamps, strict=True):
        if stamp is None:
            if sender is None or (sender == author and asked):
                kept.append(_cased(block, letters) if sender else block)
            continue
        sender = stamp["name"]
        words = block.text[stamp.end() :]
        if sender != author or not _LABEL_RE.match(words):
            continue  # the conversation about the questionnaire
        asked = True
        kept.extend(_message_blocks(_cased(_trimmed(block, stamp.end()), letters)))
    return kept


# "dog owners only - what dog food …?": a group named before the question's words
_LEAD_RE = re.compile(r"^(?P<label>\s*\S+\s+)(?P<lead>[^?]{3,60}?\bonly)\s+[-–]\s+(?=\S)", re.I)
_SENTENCE_END_RE = re.compile(r"(?<=[.!])\s+")


def _message_blocks(block: Block) -> list[Block]:
    """One typed message as a questionnaire's lines: the question (to its `?`), its answers
    one a line where they follow as `a / b / c`, and each sentence after them as a bracketed
    note (`tick all`, `under 18 = end`, `only if yes at Q15`). A message with no `?` asks
    in its first sentence."""
    text = block.text
    notes: list[str] = []
    lead = _LEAD_RE.match(text)
    if lead is not None:
        notes.append(lead["lead"])
        text = lead["label"] + text[lead.end() :]
    mark = text.find("?")
    if mark < 0:  # "tell us about … . big text box. only if …": the first sentence asks
        label = _LABEL_RE.match(text)
        end = _SENTENCE_END_RE.search(text, label.end() - 1 if label else 0)
        mark = end.start() - 1 if end is not None else len(text) - 1
    question, tail = text[: mark + 1], text[mark + 1 :].strip()
    answers: list[str] = []
    sentences = [s for s in _SENTENCE_END_RE.split(tail) if s.strip()]
    if sentences and " / " in sentences[0]:
        answers = [a.strip() for a in sentences.pop(0).rstrip(".").split(" / ") if a.strip()]
    elif sentences and sentences[0][:1].isdigit():
        answers = [sentences.pop(0)]  # "1 (rubbish) 2 3 4 5 (brilliant)": points across
    notes.extend(s.strip().rstrip(".") for s in sentences)
    made = [replace(block, text=question, runs=())]
    made.extend(replace(block, text=a, runs=(), level=0) for a in answers)
    made.extend(_note(block, n) for n in notes)
    return made


def _note(block: Block, words: str) -> Block:
    # in round brackets, as a note is written; square where the words hold brackets of their own
    text = f"[{words}]" if "(" in words else f"({words})"
    return replace(block, text=text, runs=(), level=0)


def _lower_letters(
    blocks: list[Block], stamps: list[re.Match[str] | None], author: str
) -> str | None:
    """The letters of the author's labels when they type them in lower case (`q1 -`), else None."""
    found = {
        m[1]
        for block, stamp in zip(blocks, stamps, strict=True)
        if stamp is not None
        and stamp["name"] == author
        and (m := _LOWER_LABEL_RE.match(block.text[stamp.end() :]))
    }
    return found.pop() if len(found) == 1 else None


def _cased(block: Block, letters: str | None) -> Block:
    """Lower-case labels typed on a phone (`q1 - how old …? … at q6`) written as labels are
    printed (`Q1. how old …? … at Q6`): the label opens the question, the mentions name it."""
    if letters is None:
        return block
    upper = letters.upper()
    text = _LOWER_LABEL_RE.sub(lambda m: f"{upper}{m[2]}. ", block.text, count=1)
    text = re.sub(rf"\b{letters}(\d{{1,3}})\b", rf"{upper}\1", text)
    return replace(block, text=text, runs=())
