"""Chatbot flow scripts (WhatsApp, Messenger, web chat) → Survey IR.

A flow script writes one bot turn a block: a marker line with the block's name (`▶ rate_overall`,
`■ block: nps`), which is also the variable the reply is stored in; the message after `BOT:`;
the replies offered as buttons or list rows with the stored value in braces (`[btn] Yes {1}`,
`Excellent {5}`), or a typed reply described after `⌨` (`⌨ [whole number 0-10]`); and the
routing as arrows (`{1} or {2} ⇒ what_wrong`, a row's own `⇒ target`, `all other rows ⇒ …`,
`⇒ END`). `//` starts a note for the developers. A block that asks nothing is a screen; a
system block (a timeout reminder, a fallback) is no part of the flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.jump_logic import apply_jumps
from fielder.compiler.lines import collapse
from fielder.documents.model import Document
from fielder.ir.models import Block, Option, Question, Survey, Validation

_MARK_RE = re.compile(
    r"^\s*(?:[▶►▸▷⏵■◆●]|(?:block|node|step)\s*:)\s*(?:(?:block|node|step)\s*:\s*)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*$",
    re.I,
)
_BOT_RE = re.compile(r"^\s*(?:BOT|Bot|🤖)(?:\s+says)?\s*:\s*(?P<words>.*)$")
_ARROW = r"(?:⇒|=>|->|→|➜|➡)"
_NOTE_RE = re.compile(r"(?:^|(?<=\s))//.*$")
_BUTTON_RE = re.compile(r"^\s*\[(?:btn|button|list|row|reply|quick[ -]?reply|option)\]\s*", re.I)
_HEADER_RE = re.compile(r"\b(?:button\s+text|header|title)\s*:", re.I)
_JUMP_RE = re.compile(rf"{_ARROW}\s*(?P<to>\w+)\s*$")
_CODE_RE = re.compile(r"\{(?P<code>[^{}]{1,12})\}$")
_CODES_ONLY_RE = re.compile(r"(?:\{[^{}]{1,12}\}|\bor\b|\band\b|[\s,/])+")
_REST_RE = re.compile(r"^\s*(?:all\s+other|any\s+other|every\s+other|other|else|otherwise)\b", re.I)
_TYPED_RE = re.compile(r"^\s*(?:⌨️?|\[(?:typed|input|free\s*text)\])\s*\[?(?P<what>[^\]]*)\]?")
_SYSTEM_RE = re.compile(r"\bsystem\b|\bnot\s+part\s+of\b|\bfallback\b", re.I)
_RANGE_RE = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:-|–|to)\s*(-?\d+(?:[.,]\d+)?)")


@dataclass
class _Turn:
    name: str
    words: list[str] = field(default_factory=list)
    rows: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    groups: list[tuple[list[str], str]] = field(default_factory=list)
    rest: str | None = None
    typed: str | None = None
    notes: list[str] = field(default_factory=list)


def _turns(document: Document) -> list[_Turn]:
    turns: list[_Turn] = []
    for block in document.blocks:
        for raw in block.text.splitlines() or [""]:
            mark = _MARK_RE.match(raw)
            if mark:
                turns.append(_Turn(mark["name"]))
            elif turns:
                _read_line(turns[-1], raw)
    return turns


def _read_line(turn: _Turn, raw: str) -> None:
    note = re.search(r"(?:^|(?<=\s))//(.*)$", raw)
    if note:
        turn.notes.append(note[1])
    line = _NOTE_RE.sub("", raw).strip()
    if not line:
        return
    if bot := _BOT_RE.match(line):
        # the order record's fields ({{first_name}}) are no questions to pipe from: kept as
        # written in one pair of braces, the way a record placeholder reads
        turn.words.append(collapse(re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", bot["words"])))
    elif typed := _TYPED_RE.match(line):
        turn.typed = typed["what"].strip()
    elif _BUTTON_RE.match(line) and _HEADER_RE.search(line):
        return
    else:
        _read_reply(turn, line)


def _read_reply(turn: _Turn, line: str) -> None:
    """An answer row (`[btn] Label {code} ⇒ target`) or a routing line (`{1} or {2} ⇒ x`)."""
    jump = _JUMP_RE.search(line)
    head = (line[: jump.start()] if jump else line).rstrip()
    to = jump["to"] if jump else None
    if to and _CODES_ONLY_RE.fullmatch(head):
        turn.groups.append((re.findall(r"\{([^{}]+)\}", head), to))
    elif to and _REST_RE.match(head):
        turn.rest = to
    elif (code := _CODE_RE.search(head)) or _BUTTON_RE.match(head):
        label = _BUTTON_RE.sub("", head[: code.start()] if code else head)
        if label.strip():
            turn.rows.append((collapse(label), code["code"] if code else None, to))


def is_chatbot_flow(document: Document) -> bool:
    """True when three or more named blocks each send a `BOT:` message."""
    return sum(1 for turn in _turns(document) if turn.words) >= 3


def _typed(question: Question, what: str) -> None:
    span = _RANGE_RE.search(what)
    if re.search(r"\be-?mail\b", what, re.I):
        question.type = "email"
    elif re.search(r"\bdate\b", what, re.I):
        question.type = "date"
    elif re.search(r"\b(?:number|numeric|integer|digits?)\b", what, re.I):
        question.type = "number"
        if span:
            low, high = (float(s.replace(",", ".")) for s in span.groups())
            question.validation = Validation(min=low, max=high)
    else:
        limit = re.search(r"\b(\d[\d,]*)\s*(?:characters|chars)\b", what, re.I)
        short = limit is not None and int(limit[1].replace(",", "")) <= 100
        question.type = "text" if short else "long_text"


def _question(turn: _Turn) -> Question:
    question = Question(id=turn.name, type="display", text=" ".join(turn.words))
    if turn.rows:
        question.type = "single"
        question.options = [
            Option(code=code or str(n), label=label)
            for n, (label, code, _) in enumerate(turn.rows, start=1)
        ]
        _unique_codes(question)
    elif turn.typed is not None:
        _typed(question, turn.typed)
    return question


def _unique_codes(question: Question) -> None:
    """A value written twice (a copy-paste slip) takes the next free number: codes stay keys."""
    seen: set[str] = set()
    free = max((int(o.code) for o in question.options if o.code.isdigit()), default=0) + 1
    for option in question.options:
        if option.code in seen:
            option.code, free = str(free), free + 1
        seen.add(option.code)


def _targets(turn: _Turn, question: Question, following: str | None) -> dict[str, str | None]:
    """Each answer's next block: its own arrow, a group line's, the rest line's, or the next."""
    targets: dict[str, str | None] = {o.code: turn.rest or following for o in question.options}
    for codes, group_to in turn.groups:
        targets.update({c: group_to for c in codes if c in targets})
    for option, (_, _, row_to) in zip(question.options, turn.rows, strict=True):
        if row_to:
            targets[option.code] = row_to
    return targets


def _route(questions: list[Question], turns: list[_Turn]) -> None:
    ids = [q.id for q in questions]
    for index, (question, turn) in enumerate(zip(questions, turns, strict=True)):
        following = ids[index + 1] if index + 1 < len(ids) else None
        apply_jumps(questions, index, _targets(turn, question, following))


def read_chatbot_flow(document: Document) -> Survey:
    """One entry a bot turn, in the script's order; system blocks left out."""
    turns = [
        t
        for t in _turns(document)
        if t.words and not (not t.rows and t.typed is None and _SYSTEM_RE.search(" ".join(t.notes)))
    ]
    questions = [_question(t) for t in turns]
    _route(questions, turns)
    return Survey(title=document.name, blocks=[Block(id="block1", items=list(questions))])
