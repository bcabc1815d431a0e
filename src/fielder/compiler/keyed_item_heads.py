"""An item sheet's heads: a variable name in capitals with the item's type in small words.

App and lab item sheets name every item by its variable (`AVAIL`, `STRESS`, `SOC2`) on a head
line of its own, the widget beside it in lower case (`AVAIL radio`, `STRESS slider 1–7`,
`END info`), and put the item's words on a line below, sometimes after a rule line of the
app's (`show_if: …`). Read as it stands, the name is a stray capital note and the words an
unlabelled question, so every item took a made-up `Q…` id. Three heads or more with distinct
names make the layout (one alone may be anything): the name becomes the words' label, the
caption the item's type note, and rule lines between head and words follow the words (as the
item's own config lines do where they sit under it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_HEAD_RE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z0-9_]{1,15})\s+(?P<caption>[a-z][a-z0-9 ,–\-/≤<=()]{1,40})\s*$"
)
# a config line of the app's between the head and the words: `show_if: X >= 5`, `rows: …`
_RULE_RE = re.compile(r"^\s*(?:[a-z]+(?:_[a-z]+)*\s*:|on\s+[A-Z])")
_SCREEN_RE = re.compile(r"^(?:info|note|display|message|instructions?|statement)\b")
_TEXT_RE = re.compile(r"^(?:short\s+)?text\b")
_MIN_HEADS = 3


def keyed_item_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each item head's name set as the label of the words below it."""
    heads: dict[int, tuple[int, str, str]] = {}
    for index, line in enumerate(lines):
        found = _head(line, lines, index)
        if found is not None:
            heads[index] = found
    names = [name for _, name, _ in heads.values()]
    if len(heads) < _MIN_HEADS or len(set(names)) != len(names):
        return lines
    out: list[Line] = []
    skip: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        if index not in heads:
            out.append(line)
            continue
        at, name, caption = heads[index]
        words = lines[at]
        out.append(
            replace(
                words,
                label=name,
                raw=f"{name} {words.raw}",
                start=line.start,
                instructions=[_type_note(caption), *words.instructions],
            )
        )
        out.extend(lines[index + 1 : at])  # the rule lines, now under the words
        skip.update(range(index + 1, at + 1))
    return out


def _type_note(caption: str) -> str:
    if _SCREEN_RE.match(caption):
        return "TEXT SCREEN"
    if _TEXT_RE.match(caption):
        return "Type: short text"
    return f"Type: {caption}"


def _head(line: Line, lines: list[Line], index: int) -> tuple[int, str, str] | None:
    """(index of the words, name, caption) when the line is an item head."""
    if line.kind not in ("paragraph", "heading") or line.is_option or line.rows or line.label:
        return None
    match = _HEAD_RE.match(line.raw)
    if match is None:
        return None
    for at in range(index + 1, min(index + 4, len(lines))):
        following = lines[at]
        if following.kind not in ("paragraph", "heading") or following.is_option:
            return None
        if _HEAD_RE.match(following.raw):
            return None
        if _RULE_RE.match(following.raw):
            continue
        if len(following.text.split()) < 2:
            return None
        return at, match["name"], match["caption"].strip()
    return None
