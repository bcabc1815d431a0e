"""Qualtrics "Advanced Format" text files (`[[Question:MC]]`, `[[Choices]]`…) → Survey IR.

People write these by hand to import into Qualtrics, so they arrive as questionnaires. The
format is explicit, so it is read by its own tags rather than by the layout rules.
"""

from __future__ import annotations

import html
import re

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Document
from fielder.ir.models import Block, Option, PageBreak, Question, Row, Survey

_TAG_RE = re.compile(r"^\[\[(?P<tag>[A-Za-z]+)(?::(?P<arg>[^\]]*))?\]\]\s*(?P<rest>.*)$")
_HTML_RE = re.compile(r"<[^>]+>")


def is_qualtrics_txt(document: Document) -> bool:
    """True when the document is written in Qualtrics' import text format."""
    head = [b.text.strip() for b in document.blocks[:200]]
    return any(t.startswith("[[Question:") for t in head) and (
        any(t.startswith("[[AdvancedFormat]]") for t in head[:5])
        or sum(t.startswith("[[Question:") for t in head) >= 2
    )


def _plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    return collapse(html.unescape(_HTML_RE.sub(" ", text)))


def _type(arg: str) -> tuple[str, bool]:
    parts = [p.lower() for p in arg.split(":")]
    kind = parts[0] if parts else "mc"
    if kind == "mc":
        if any(p in ("multipleanswer", "multiselect", "multiple") for p in parts):
            return "multi", False
        if any(p in ("dropdown", "dropdownlist") for p in parts):
            return "dropdown", False
        return "single", False
    if kind == "matrix":
        return "grid", any(p in ("multipleanswer", "multiple") for p in parts)
    if kind == "te":
        if any(p in ("essay", "multiline") for p in parts):
            return "long_text", False
        return "text", False
    return {
        "db": "display",
        "text": "display",
        "ro": "ranking",
        "cs": "constant_sum",
        "slider": "number",
    }.get(kind, "display"), False


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.question: Question | None = None
        self.section = "text"
        self.text: list[str] = []
        self.choices: list[str] = []
        self.answers: list[str] = []
        self.position = 0
        self.ids: set[str] = set()

    def block(self, title: str | None) -> Block:
        """The block questions go to (a new one when titled)."""
        if not self.blocks or title is not None:
            self.blocks.append(Block(id=f"block{len(self.blocks) + 1}", title=title))
        return self.blocks[-1]

    def flush(self) -> None:
        """Finish the current question: text, choices, answers, type fixes."""
        question = self.question
        if question is None:
            return
        question.text = _plain(" ".join(self.text))
        labels = [_plain(c) for c in self.choices if _plain(c)]
        if question.type == "grid":
            question.rows = [Row(id=f"r{i + 1}", label=label) for i, label in enumerate(labels)]
            columns = [_plain(a) for a in self.answers if _plain(a)]
            question.options = [Option(code=str(i + 1), label=c) for i, c in enumerate(columns)]
            if not question.rows:
                question.type = "single"  # a matrix with no statements: its scale is one ask
        elif question.type in ("single", "multi", "dropdown", "ranking", "constant_sum"):
            question.options = [Option(code=str(i + 1), label=c) for i, c in enumerate(labels)]
        if (
            question.type in ("single", "multi", "dropdown", "ranking", "constant_sum", "grid")
            and not question.options
        ):
            question.type = "display" if not question.text.endswith("?") else "long_text"
            question.options, question.rows = [], []
        self.block(None).items.append(question)
        self.question = None

    def start(self, arg: str) -> None:
        """Begin a question of the tagged type."""
        self.flush()
        self.position += 1
        kind, multiple = _type(arg)
        self.question = Question(id=self.unique(f"Q{self.position}"), type=kind, multiple=multiple)
        self.section, self.text, self.choices, self.answers = "text", [], [], []

    def unique(self, ident: str) -> str:
        """An id not used yet."""
        base, n = ident, 2
        while ident in self.ids:
            ident, n = f"{base}_{n}", n + 1
        self.ids.add(ident)
        return ident

    def line(self, text: str) -> None:
        """One line of the file: a tag or content."""
        match = _TAG_RE.match(text)
        if match is None:
            self.content(text)
            return
        tag, arg, rest = match["tag"].lower(), match["arg"] or "", match["rest"]
        if tag == "question":
            self.start(arg)
        elif tag == "block":
            self.flush()
            self.block(arg.strip() or None)
        elif tag == "id" and self.question is not None:
            self.ids.discard(self.question.id)
            self.question.id = self.unique(clean_id(arg))
        elif tag in ("choices", "advancedchoices"):
            self.section = "choices"
        elif tag in ("answers", "advancedanswers"):
            self.section = "answers"
        elif tag in ("choice", "answer"):
            target = self.choices if self.section == "choices" else self.answers
            target.append(rest)
        elif tag == "pagebreak":
            self.flush()
            block = self.block(None)
            if block.items:
                block.items.append(PageBreak(type="page_break"))
        if rest and tag not in ("choice", "answer"):
            self.content(rest)

    def content(self, text: str) -> None:
        """Words for the current question: its text, a choice or an answer."""
        if self.question is None:
            return
        if self.section == "text":
            self.text.append(text)
        elif self.section == "choices":
            self.add(self.choices, text)
        else:
            self.add(self.answers, text)

    def add(self, target: list[str], text: str) -> None:
        """Append a choice (or fill the empty slot an [[Choice]] tag left)."""
        advanced = bool(target) and not target[-1]
        if advanced:
            target[-1] = text
        else:
            target.append(text)


def read_qualtrics_txt(document: Document) -> Survey:
    """The survey written in a Qualtrics Advanced/Simple Format text document."""
    reader = _Reader()
    for line in document.blocks:
        if line.kind != "page_break" and line.text.strip():
            reader.line(line.text.strip())
    reader.flush()
    blocks = [b for b in reader.blocks if b.items]
    for block in blocks:
        while block.items and isinstance(block.items[-1], PageBreak):
            block.items.pop()
    return Survey(title=document.name, blocks=blocks)
