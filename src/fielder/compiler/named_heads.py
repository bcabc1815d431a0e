"""Question ids written as variable names, set apart from the words by markup.

Research builds name each item by the variable the analysis scripts use and set that name apart
from the item's words by markup: a code span or bold (`` **`consent`** I have read… ``), square
brackets (`[consent] I have read…`) or backticks and asterisks typed in plain text. Read as it
stands the name is the question's first word, and every item takes a made-up `Q…` id with the
name left in its text. Three heads or more in one markup, with distinct names, make the layout
(one alone may be a word in code or bold); the name becomes the line's label. A heading opened
the same way (`` ## `info` — Participant information ``) over a paragraph of words names that
paragraph, a screen or a question, as the other names do.

A capitalised bold word opening a paragraph ("**Note** …", "**Important** …") is a lead-in, not a
name: in bold, brackets or asterisks a name starts in lower case or holds an underscore; in code
any identifier that is not a bare number is one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line
from fielder.compiler.spec_screens import only_tells
from fielder.documents.model import Run

_NAME = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*"
_NAME_RE = re.compile(_NAME)
# a name in the lower-case or snake-case shape of a variable ("cyc_days", "phase2", "ageGroup")
_VARIABLE_RE = re.compile(
    r"[a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
)
# the same marks typed in plain text: `name`, [name], **name**, __name__
_TYPED_RE = re.compile(
    rf"^\s*(?:`(?P<code>{_NAME})`|\[(?P<bracket>{_NAME})\]|\*\*(?P<bold>{_NAME})\*\*)"
    r"(?=\s+\S)"
)
_MIN_HEADS = 3
_MAX_NAME = 32


def _has_words(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 3


def lead_name(runs: tuple[Run, ...]) -> tuple[str | None, str | None]:
    """The variable name in code or bold opening the runs, with words after it, and its
    markup ("code" or "bold"); (None, None) for any other opening."""
    visible = [run for run in runs if run.text.strip()]
    if len(visible) < 2:
        return None, None
    first = visible[0]
    name = first.text.strip()
    if len(name) > _MAX_NAME or not _NAME_RE.fullmatch(name):
        return None, None
    if not _has_words("".join(run.text for run in visible[1:])):
        return None, None
    if first.code:
        return name, "code"
    if first.bold and _VARIABLE_RE.fullmatch(name):
        return name, "bold"
    return None, None


def _typed(line: Line) -> tuple[str, str] | None:
    """A name typed between marks at the start of a plain line, and which marks."""
    match = _TYPED_RE.match(line.raw or "")
    if match is None:
        return None
    for mark in ("code", "bracket", "bold"):
        name = match[mark]
        if name is None:
            continue
        if len(name) > _MAX_NAME or (mark != "code" and not _VARIABLE_RE.fullmatch(name)):
            return None
        return name, f"typed-{mark}"
    return None


def _head(line: Line) -> tuple[str, str] | None:
    if line.is_option or line.kind not in ("paragraph", "heading", "list_item"):
        return None
    if find_label(line) is not None:
        return None  # "**Q5_used** And which …": an id the label readers take as it stands
    if line.lead_name and line.lead_mark:
        return line.lead_name, line.lead_mark
    return _typed(line)


def _strip_name(line: Line, name: str) -> Line | None:
    """The line with the name taken off its words (or out of its notes, for brackets)."""
    text = line.text.lstrip()
    for opening in (f"`{name}`", f"**{name}**", name):
        if text.startswith(opening) and _has_words(text[len(opening) :]):
            rest = text[len(opening) :].lstrip(" \t—–-:.")
            return replace(line, label=name, text=rest, spaced=rest)
    if name in (note.strip() for note in line.instructions) and _has_words(text):
        # "[consent] I have read …": the bracket was taken for a note
        notes = list(line.instructions)
        notes.remove(next(note for note in notes if note.strip() == name))
        return replace(line, label=name, instructions=notes)
    return None


def named_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each variable name set apart by markup read as the line's label, where
    the document names three items or more that way."""
    heads: dict[int, tuple[str, str]] = {}
    for index, line in enumerate(lines):
        found = _head(line)
        if found is not None:
            heads[index] = found
    if not heads:
        return lines
    counts: dict[str, list[str]] = {}
    for name, mark in heads.values():
        counts.setdefault(mark, []).append(name)
    marks = {
        mark
        for mark, names in counts.items()
        if len(names) >= _MIN_HEADS and len(set(names)) == len(names)
    }
    if not marks:
        return lines
    out: list[Line] = []
    skip: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        found = heads.get(index)
        if found is None or found[1] not in marks or line.label:
            out.append(line)
            continue
        name = found[0]
        if line.kind == "heading":
            words = _words_under(lines, index, heads)
            if words is None:
                out.append(line)
                continue
            # the heading's title and notes ("Participant information", "screen") say what
            # the named words are, as a type note says it of a question
            title = (
                line.text.lstrip()[len(name) :].strip(" \t—–-:·|")
                if line.text.lstrip().startswith(name)
                else ""
            )
            notes = [note for note in (title, *line.instructions) if note]
            under = lines[words]
            if _tells(lines, words, heads):
                notes.append("Statement")  # a screen: words that ask nothing, no answers
            out.append(
                replace(
                    under, label=name, start=line.start, instructions=[*notes, *under.instructions]
                )
            )
            skip.add(words)
            continue
        named = _strip_name(line, name)
        out.append(named if named is not None else line)
    names = {name for name, mark in heads.values() if mark in marks}
    return _notes_set_apart(out, names)


# "Number, 0–7.", "Short text.", "Email, validated.": the item's box named on the line under it
_BOX_LINE_RE = re.compile(
    r"^(?:whole\s+number|number|numeric|integer|short\s+text|long\s+text|free\s+text|text|"
    r"e-?mail(?:\s+address)?|date|time|phone(?:\s+number)?|paragraph)\s*(?:[,.;]|$)",
    re.I,
)
_OPERATOR = r"\s*(?:==?|!=|<>|<=?|>=?|≤|≥|≠|\s(?:includes|contains|in|is)\b)"


def _notes_set_apart(lines: list[Line], names: set[str]) -> list[Line]:
    """The named items' own notes made notes: a box's type on the line under its name, and a
    line opening with a name and a test (`city = 2 → ineligible page`), which is routing."""
    tested = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(names)))}){_OPERATOR}")
    out: list[Line] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        plain = line.kind in ("paragraph", "list_item") and not line.label and line.text
        boxed = (
            previous is not None
            and previous.label in names
            and line.kind == "paragraph"
            and _BOX_LINE_RE.match(line.text) is not None
        )
        if plain and (boxed or tested.match(line.text)):
            out.append(
                replace(
                    line,
                    text="",
                    spaced="",
                    instructions=[line.text, *line.instructions],
                    is_option=False,
                )
            )
            continue
        out.append(line)
    return out


def _words_under(lines: list[Line], index: int, heads: dict[int, tuple[str, str]]) -> int | None:
    """The paragraph of words right under a named heading, if it has no name of its own."""
    at = index + 1
    if at >= len(lines) or at in heads:
        return None
    following = lines[at]
    if following.kind != "paragraph" or following.is_option or following.label:
        return None
    return at if _has_words(following.text) else None


def _tells(lines: list[Line], at: int, heads: dict[int, tuple[str, str]]) -> bool:
    """Whether the words at `at` only tell (no question, no request) and nothing under them,
    up to the next heading or named line, is an answer."""
    words = [lines[at].text]
    for index in range(at + 1, len(lines)):
        line = lines[index]
        if line.kind == "heading" or index in heads or line.label:
            break
        if line.kind != "paragraph" or line.is_option or line.code:
            return False
        words.append(line.text)
    told = " ".join(w for w in words if w).strip()
    # (two sentences or more that ask nothing: "Thank you … please speak to your GP. …" tells,
    # though "please" is in it; one sentence asking for something is a text box's caption)
    sentences = len(re.findall(r"[.!](?:\s|$)", told))
    return only_tells(told) or (
        sentences >= 2 and "?" not in told and "_" not in told and told.endswith((".", "!"))
    )
