"""SMS / chat survey flow specs → Survey IR.

A flow spec gives each message a heading with its id (`### MSG2 – Visit rating`), the words sent
as a quote under it (`> How would you rate your visit? Reply 1-5 (1 = very poor, 5 =
excellent)`), and what happens to the reply after it: a `Reply | Next` table or a line such as
`Valid replies: 1–5 → MSG6`. The answers are told inside the message (`Reply YES or NO`, `Reply 1
for Check-up, 2 for Cleaning`); "how to reply" sentences are not the question's words. Messages
that ask nothing (opener, thank-you) are screens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Block as DocBlock
from fielder.documents.model import Document
from fielder.ir.models import Block, Option, Question, SkipRule, Survey, Validation

_HEADING_RE = re.compile(
    r"^(?P<id>[A-Z][A-Za-z]{0,6}\d{1,3}[a-z]?)\s*(?:[–—:.]|-\s)\s*(?P<title>.*)$"
)
# a sentence telling how to answer: "Reply YES or NO", "Text back 1-5", "Reply with a number."
_HOW_RE = re.compile(
    r"^(?:please\s+)?(?:reply|text(?:\s+back)?|respond|answer\s+with|send)\b"
    r"(?!\s+(?:to|with\s+the\s+best))",
    re.I,
)
_OPT_OUT_RE = re.compile(r"\b(?:STOP|UNSUBSCRIBE|QUIT|OPT[- ]?OUT)\b")
_WORD_CODES_RE = re.compile(r"\b([A-Z]{1,5})\s*(?:,|/|\bor\b)\s*(?=[A-Z]{1,5}\b)")
# "Reply 1 for Check-up, 2 for Cleaning, or 3 for …", "Text A = yes, B = no"
_CHOICE_RE = re.compile(
    r"(?:^|,\s*|\bor\s+|(?i:reply|text|send)\s+)(\d{1,2}|[A-Z]{1,5})\s+(?:for|=)\s+([^,]+?)"
    r"(?=,|\s+or\s+\d|$)"
)
_SPAN_RE = re.compile(r"\b(-?\d{1,2})\s*(?:-|–|to)\s*(\d{1,3})\b")
_ENDS_RE = re.compile(r"\((-?\d{1,2})\s*=\s*([^,()]+?)\s*,\s*(\d{1,3})\s*=\s*([^,()]+?)\)")
_ARROW_RE = re.compile(r"(?:→|->|=>)\s*([A-Z][A-Za-z]{0,6}\d{1,3}[a-z]?)\s*$")


@dataclass
class _Message:
    id: str
    title: str
    words: list[str] = field(default_factory=list)
    after: list[DocBlock] = field(default_factory=list)


def _messages(document: Document) -> list[_Message]:
    messages: list[_Message] = []
    current: _Message | None = None
    for block in document.blocks:
        if block.kind == "heading":
            match = _HEADING_RE.match(block.text.strip())
            current = _Message(clean_id(match["id"]), match["title"]) if match else None
            if current is not None:
                messages.append(current)
        elif current is not None and block.style == "Quote" and not current.after:
            current.words.append(collapse(block.text))
        elif current is not None:
            current.after.append(block)
    return [m for m in messages if m.words]


def is_sms_flow(document: Document) -> bool:
    """True when three or more id headings each carry a quoted message and some message
    tells the reader how to reply."""
    messages = _messages(document)
    return len(messages) >= 3 and any(
        _HOW_RE.match(s) for m in messages for s in _sentences(" ".join(m.words))
    )


def _sentences(words: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", words) if s]


def _options(how: str) -> list[Option]:
    choices = [(c, collapse(label).rstrip(".")) for c, label in _CHOICE_RE.findall(how)]
    if len(choices) >= 2:
        return [Option(code=c, label=label) for c, label in choices]
    words = _WORD_CODES_RE.findall(how)
    if words:
        last = re.search(r"\b([A-Z]{1,5})\b[.!]?\s*$", how)
        codes = [*words, last[1]] if last else words
        return [Option(code=c, label=c) for c in codes if not _OPT_OUT_RE.fullmatch(c)]
    return []


def _scale(how: str) -> list[Option] | None:
    span = _SPAN_RE.search(how)
    if span is None:
        return None
    low, high = int(span[1]), int(span[2])
    if not 2 <= high - low <= 10:
        return None
    ends = _ENDS_RE.search(how)
    named = {int(ends[1]): ends[2].strip(), int(ends[3]): ends[4].strip()} if ends else {}
    return [Option(code=str(n), label=named.get(n, str(n))) for n in range(low, high + 1)]


def _typed(question: Question, how: str, after: str) -> None:
    both = f"{question.text} {how} {after}"
    if options := _options(how):
        question.type, question.options = "single", options
    elif re.search(r"\bnumber\b", how, re.I) and not re.search(r"\bphone\b", both, re.I):
        question.type = "number"
        span = _SPAN_RE.search(after)
        if span:
            question.validation = Validation(min=float(span[1]), max=float(span[2]))
    elif (points := _scale(how)) is not None:
        question.type, question.options = "scale", points
    elif re.search(r"\be-?mail\b|@", both, re.I):
        question.type = "email"
    elif re.search(r"\bown\s+words\b|\bfree\s+text\b|\bmulti-?part\b", both, re.I):
        question.type = "long_text"
    elif how or question.text.endswith("?"):
        question.type = "text"


def _question(message: _Message) -> Question:
    sentences = _sentences(" ".join(message.words))
    how = [s for s in sentences if _HOW_RE.match(s)]
    kept = [s for s in sentences if s not in how]
    asking = [s for s in how if not _OPT_OUT_RE.search(s)]
    question = Question(id=message.id, type="display", text=" ".join(kept) or " ".join(sentences))
    after = " ".join(b.text for b in message.after)
    if asking or re.search(r"\?|\bplease\s+reply\b", question.text, re.I):
        _typed(question, " ".join(asking), after)
    return question


def _route(question: Question, message: _Message, following: str | None) -> None:
    """A `Reply | Next` row that goes anywhere but the next message is a skip."""
    codes = {o.code.upper(): o.code for o in question.options}
    for block in message.after:
        for row in block.rows[1:] if block.kind == "table" else ():
            cells = [c.text.strip().strip("`") for c in row]
            if len(cells) < 2 or cells[0].upper() not in codes:
                continue
            target = clean_id(cells[-1])
            if target != following and re.fullmatch(r"[A-Za-z]\w*", target):
                rule = {"if": f"{question.id} == '{codes[cells[0].upper()]}'", "to": target}
                question.skip_to.append(SkipRule.model_validate(rule))


def read_sms_flow(document: Document) -> Survey:
    """The survey a flow spec sends: one entry per message heading with a quoted message."""
    messages = _messages(document)
    ids = [m.id for m in messages]
    questions = [_question(m) for m in messages]
    for index, (question, message) in enumerate(zip(questions, messages, strict=True)):
        _route(question, message, ids[index + 1] if index + 1 < len(ids) else None)
    return Survey(title=document.name, blocks=[Block(id="block1", items=list(questions))])
