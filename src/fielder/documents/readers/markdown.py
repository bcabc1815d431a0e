"""Markdown (markdown-it-py): headings, paragraphs line by line (hard wraps joined), lists,
tables, bold/italic runs; YAML front matter is skipped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from fielder.documents.model import Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell
from fielder.documents.readers.grid_tables import as_pipe_tables
from fielder.documents.readers.text import bounded_blanks, decode_text

MEDIA_TYPE = "text/markdown"


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def _wrapped(previous: list[Run], following: str) -> bool:
    """Whether a soft line break is only the author's hard wrap of running text.

    Questionnaire lines that stand alone (a question, then an instruction) start with a
    capital, a number or a marker; wrapped prose continues in lower case or after a comma.
    """
    text = "".join(run.text for run in previous).rstrip()
    start = following.lstrip()[:1]
    if re.match(r"\(?(?:[a-z]|[ivx]{1,4})[.)]\s", following.lstrip()):
        return False  # "b) I receive…": the next lettered item, not a wrapped line
    if bool(text) and (start == "—" or _OPEN_END_RE.search(text)):
        return True  # "… 7-pt, 'Very high' to" / "'Very low.'": a sentence cut mid-way
    return bool(text) and bool(start) and (start.islower() or text.endswith(","))


# A line ending in a word or mark that needs more after it ("1 = Agree to", "Never /").
_OPEN_END_RE = re.compile(
    r"(?:\s(?:to|or|and|nor|of|the|an?|with|from|than|per|vs\.?|if|when|for|into)|\s[/—–]|\()$",
    re.I,
)


_HTML_TAGS = frozenset(
    """a abbr b big blockquote br caption center code col dd del details div dl dt em font h1 h2
    h3 h4 h5 h6 hr i img input ins kbd label li mark ol p pre q s small span strike strong sub
    summary sup table tbody td tfoot th thead tr tt u ul video audio source picture figure
    figcaption section article header footer nav aside main iframe script style link meta""".split()
)


# An HTML comment holding a routing rule; "logic: none" and the like say there is none.
_ROUTING_COMMENT_RE = re.compile(
    r"<!--\s*(?:(?:logic|routing|filter|condition|display|skip|branching)\s*:\s*)?"
    r"(?P<note>(?:show|ask|display|skip|go|only|filter|hide)\b(?:(?!-->).)*?)\s*-->",
    re.I,
)


def is_html_tag(text: str) -> bool:
    """True for real markup (`<br>`, `</span>`, `<!-- -->`), not a note such as `<ASK ALL>`."""
    match = re.match(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)", text)
    if text.startswith(("<!--", "<!", "<?")):
        return True
    return match is not None and match.group(1).lower() in _HTML_TAGS


def inline_lines(token: Token) -> list[list[Run]]:
    """An inline token's children as lines of runs (split at breaks that are not hard wraps)."""
    lines: list[list[Run]] = [[]]
    children = token.children or []
    bold = italic = struck = 0
    for index, child in enumerate(children):
        kind = child.type
        if kind in ("s_open", "s_close"):
            struck += 1 if kind == "s_open" else -1
        elif struck > 0:
            continue  # "~~old wording~~": struck-out words are deleted, not read
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "softbreak" and _wrapped(lines[-1], _next_text(children, index)):
            lines[-1].append(Run(" ", bold=bold > 0, italic=italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            lines.append([])
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                lines.append([])
            elif not is_html_tag(child.content):
                # "<only if H7 = 1>": a programmer's note in angle brackets, not markup.
                lines[-1].append(Run(child.content, bold=bold > 0, italic=italic > 0))
        elif kind == "text":
            lines[-1].append(Run(child.content, bold=bold > 0, italic=italic > 0))
        elif kind == "code_inline":
            lines[-1].append(Run(child.content, bold=bold > 0, italic=italic > 0, code=True))
        elif kind == "image":
            lines[-1].append(Run(child.content, bold=bold > 0, italic=italic > 0))
    return lines


def _next_text(children: list[Token], index: int) -> str:
    """The text that follows a line break (the first text child after it)."""
    for child in children[index + 1 :]:
        if child.type in ("text", "code_inline"):
            return child.content
        if child.type in ("softbreak", "hardbreak"):
            return ""
    return ""


def _written_numbers(tokens: Sequence[Token]) -> set[int]:
    """Items of ordered lists whose written numbers rise but skip ("1. 2. 9." — codes, as a
    questionnaire writes them): those numbers are kept. Lists numbered "1. 1. 1." or in plain
    sequence are numbered as a renderer would."""
    keep: set[int] = set()
    stack: list[list[Token]] = []
    for token in tokens:
        if token.type == "ordered_list_open":
            stack.append([])
        elif token.type == "bullet_list_open":
            stack.append([])
        elif token.type == "list_item_open" and stack:
            stack[-1].append(token)
        elif token.type in ("ordered_list_close", "bullet_list_close") and stack:
            items = stack.pop()
            numbers = [int(t.info) if t.info.isdigit() else -1 for t in items]
            rising = all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
            if items and token.type == "ordered_list_close" and rising and min(numbers) >= 0:
                keep.update(id(t) for t in items)
    return keep


@dataclass
class _ListState:
    ordered: bool
    bullet: str
    next_number: int
    delimiter: str


@dataclass
class _Walker:
    builder: DocumentBuilder = field(default_factory=DocumentBuilder)
    lists: list[_ListState] = field(default_factory=list)
    heading_level: int = 0
    #: numbering waiting for the first paragraph of the current list item
    pending_numbering: str | None = None
    table_rows: list[list[Cell]] = field(default_factory=list)
    in_table: bool = False
    #: list items whose written number is kept (see `_written_numbers`)
    written: set[int] = field(default_factory=set)
    #: how deep inside blockquotes (`> …`) the walk is: their paragraphs are styled "Quote"
    quoted: int = 0
    #: the open `<details>` toggles, innermost last: the filter each one's summary writes
    toggles: list[str | None] = field(default_factory=list)

    def walk(self, tokens: Sequence[Token]) -> None:
        self.written = _written_numbers(tokens)
        parked = 0  # how deep inside a toggle whose summary says it is parked
        for token in tokens:
            if token.type == "html_block":
                opened = token.content.lower().count("<details")
                if parked or _PARKED_SUMMARY_RE.search(token.content):
                    parked += opened - token.content.lower().count("</details")
                    continue
            if parked:
                continue  # "▸ Parked — not in this round": questions kept aside, not to build
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token)

    def _heading_open(self, token: Token) -> None:
        self.heading_level = int(token.tag[1:])

    def _heading_close(self, token: Token) -> None:
        self.heading_level = 0
        toggle_filter = next((f for f in reversed(self.toggles) if f), None)
        if toggle_filter:
            # "▸ Price follow-ups — only for users who picked X in Q2": the toggle's filter
            # is every question's inside it, so each heading in it carries the note
            self.builder.add_text("paragraph", toggle_filter)

    def _bullet_list_open(self, token: Token) -> None:
        self.lists.append(_ListState(False, token.markup or "-", 0, ""))

    def _ordered_list_open(self, token: Token) -> None:
        start = token.attrGet("start")
        number = int(start) if isinstance(start, (int, str)) and str(start).isdigit() else 1
        self.lists.append(_ListState(True, "", number, token.markup or "."))

    def _bullet_list_close(self, token: Token) -> None:
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token: Token) -> None:
        state = self.lists[-1]
        if state.ordered:
            number = token.info if id(token) in self.written else str(state.next_number)
            self.pending_numbering = f"{number}{state.delimiter}"
            state.next_number += 1
        else:
            self.pending_numbering = state.bullet

    def _table_open(self, token: Token) -> None:
        self.in_table = True
        self.table_rows = []

    def _tr_open(self, token: Token) -> None:
        self.table_rows.append([])

    def _table_close(self, token: Token) -> None:
        self.in_table = False
        self.builder.add_table(self.table_rows)

    def _hr(self, token: Token) -> None:
        return None

    def _blockquote_open(self, token: Token) -> None:
        self.quoted += 1

    def _blockquote_close(self, token: Token) -> None:
        self.quoted -= 1

    def _html_block(self, token: Token) -> None:
        choices = _SELECT_OPTION_RE.findall(token.content) if "<select" in token.content else []
        if choices:
            # a drop-down written in HTML, printed as the HTML reader prints one
            coded = all(re.fullmatch(r"\d{1,4}", value) for value, _ in choices)
            self.builder.add_text("paragraph", "[DROPDOWN]")
            for value, label in choices:
                numbering = f"{value}." if coded else "•"
                self.builder.add_text("list_item", " ".join(label.split()), numbering=numbering)
            return
        for line in token.content.splitlines():
            note = _ROUTING_COMMENT_RE.fullmatch(line.strip())
            summary = _SUMMARY_RE.fullmatch(line.strip())
            lowered = line.lower()
            self.toggles.extend([None] * lowered.count("<details"))
            for _ in range(min(lowered.count("</details"), len(self.toggles))):
                self.toggles.pop()
            if summary:
                # "<summary>Changelog</summary>": a toggle's title is shown, as a heading is
                title = summary["title"].strip()
                written = _TOGGLE_FILTER_RE.search(title)
                if written and self.toggles:
                    self.toggles[-1] = title[written.start() :].strip(" .")
                    title = title[: written.start()].strip(" —–-:·|") or title
                self.builder.add_text("heading", title, level=4)
            elif note:
                # "<!-- logic: show if 3 = Yes -->": routing kept for a bot, shown as its note
                self.builder.add_text("paragraph", f"[{note['note'].strip()}]")
            elif line.strip() and not (line.strip().startswith("<") and is_html_tag(line.strip())):
                self.builder.add_text("paragraph", line)

    def _fence(self, token: Token) -> None:
        content = [line.strip() for line in token.content.splitlines() if line.strip()]
        if (
            token.info.strip() in ("", "text", "txt")
            and _is_answer_box(content)
            and not any(_SCRIPT_STATEMENT_RE.search(line) for line in content)
        ):
            # An issue form's empty text block under a question is where the answer is typed;
            # what it holds is a placeholder. Print it as a paper form prints a box.
            email = any(_EXAMPLE_EMAIL_RE.search(line) for line in content)
            self.builder.add_text("paragraph", "__________@__________" if email else "__________")
            if not email:
                self.builder.add_text("paragraph", "__________")
            return
        self._code_block(token)

    def _code_block(self, token: Token) -> None:
        for line in token.content.splitlines():
            self.builder.add_text("paragraph", line, level=len(self.lists))

    def _inline(self, token: Token) -> None:
        if _SMALL_PRINT_RE.match(token.content) and not self.in_table:
            return  # "<sub>Template v3 · maintained by …</sub>": small print under the form
        lines = inline_lines(token)
        if self.in_table:
            # "Yes<br>No<br>Not sure": a cell's lines stay lines, as a docx cell's paragraphs do
            runs: list[Run] = []
            for index, line in enumerate(lines):
                runs.extend([Run("\n"), *line] if index else line)
            self.table_rows[-1].append(make_cell(runs))
            return
        for line in lines:
            self._add_line(line)

    def _add_line(self, runs: list[Run]) -> None:
        level = max(len(self.lists) - 1, 0)
        if self.heading_level:
            self.builder.add_runs("heading", runs, level=self.heading_level)
        elif self.pending_numbering is not None:
            numbering, self.pending_numbering = self.pending_numbering, None
            self.builder.add_runs("list_item", runs, level=level, numbering=numbering)
        else:
            style = "Quote" if self.quoted else None  # Word's name for a set-apart quotation
            self.builder.add_runs("paragraph", runs, level=level if self.lists else 0, style=style)


# a toggle's summary saying its questions are set aside: "Parked — not in this round",
# "Cut from v2", "Do not build", "Backlog", "On hold"
_PARKED_SUMMARY_RE = re.compile(
    r"<summary>[^<]{0,40}\b(?:parked|not\s+in\s+this\s+(?:round|wave|version)|do\s+not\s+build|"
    r"don['’]t\s+build|backlog|on\s+hold|cut\s+from|removed|deleted|dropped)\b",
    re.I,
)
_SUMMARY_RE = re.compile(r"<summary>(?P<title>[^<>]{1,200})</summary>", re.I)
# a toggle's summary that says whom its questions are for: "… — only for users who picked X in
# Q2", "Show if Q1 = Yes", "Asked only of owners (Q3 = 1)"
_TOGGLE_FILTER_RE = re.compile(
    r"\b(?:only\s+(?:for|if|to|shown\s+to|asked\s+of)|show(?:n)?\s+(?:only\s+)?(?:if|to|when)|"
    r"ask(?:ed)?\s+(?:only\s+)?(?:if|of))\b",
    re.I,
)
_SELECT_OPTION_RE = re.compile(
    r"<option\b(?:[^>]*\bvalue\s*=\s*[\"']?([^\"'>\s]*))?[^>]*>(.*?)</option>", re.I | re.S
)
_SMALL_PRINT_RE = re.compile(r"^\s*<(sub|small)>(?:(?!</?\1>).)*</\1>\s*$", re.I | re.S)
_EXAMPLE_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.\w{2,}\b")


# "If B4 = 0 Then GoTo B6", "goto C2", "skip to Q9 if Q8 = 1": a script's routing statement in
# a code block is the spec's logic, never a placeholder in an answer box
_SCRIPT_STATEMENT_RE = re.compile(
    r"\b(?:go\s*to|skip\s+to|jump\s+to|terminate|then)\b.*\b[A-Za-z]{1,4}\d{1,3}[a-z]?\b|"
    r"^\s*if\b.*(?:=|<|>)",
    re.I,
)


def _is_answer_box(content: list[str]) -> bool:
    """True for a fenced block that holds nothing or one short placeholder line."""
    return len(content) <= 1 and all(len(line.split()) <= 8 for line in content)


# "|__|__|__| euro": digit boxes, not "__" bold markers (escaped so they stay as typed)
_DIGIT_BOXES_RE = re.compile(r"(?:\|_{1,4}){2,}\|")


def read_markdown(data: bytes, name: str) -> Document:
    """Read a Markdown file into blocks (each line of a paragraph is its own block)."""
    source = bounded_blanks(decode_text(data))
    walker = _Walker()
    front = _FRONT_MATTER.match(source)
    if front:
        source = source[front.end() :]
        walker.builder.notes.append("YAML front matter was skipped")
    source = _DIGIT_BOXES_RE.sub(lambda m: m[0].replace("_", "\\_"), source)
    tokens = _parser().parse(as_pipe_tables(_without_pandoc_marks(source)))
    walker.walk(tokens)
    return walker.builder.build(name, MEDIA_TYPE)


# pandoc's fenced divs (`::: {.note}` … `:::`) and heading attributes (`# Title {#sec-a}`, `{-}`)
_DIV_FENCE_RE = re.compile(r"^:{3,}\s*(?:\{[^{}]*\}|[\w-]+)?\s*$")
_HEADING_ATTRS_RE = re.compile(r"^(#{1,6}\s.*?)\s+\{[#.-][^{}]*\}\s*$")


def _without_pandoc_marks(source: str) -> str:
    """Markdown without pandoc's div fences and heading attributes, which are layout."""
    if ":::" not in source and "{" not in source:
        return source
    lines = []
    for line in source.split("\n"):
        if _DIV_FENCE_RE.match(line):
            lines.append("")
            continue
        attrs = _HEADING_ATTRS_RE.match(line) if line[:1] == "#" and line.endswith("}") else None
        lines.append(attrs[1] if attrs else line)
    return "\n".join(lines)
