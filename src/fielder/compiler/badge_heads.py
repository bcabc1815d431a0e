"""A question head whose words after the id are the same on several questions of one document
("PW1  Multiple choice – single answer", "PW6  Multiple choice – single answer", "K3  Pick one ·
Mandatory") with the question's own words on the line under it: the repeated phrase is the tool's
or the author's badge (its type, label or settings), never the question's words.

No list of badge words is needed: the evidence is the document's own repetition. Where three or
more heads carry a repeated phrase and they are at least half of all heads of that shape (id,
short phrase, words on the next line), the shape is the document's house style, and a head of the
same shape whose phrase happens to be used once ("PW4  Slider / scale 0–10") is read the same way.
The phrase becomes a note on the question (the type rules read its words), the words under it the
question's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fielder.compiler.lines import Line

# "PW1 Multiple choice", "Q3b: Pick one", "B-12 · Grid", "K7 | Required": an id, then the phrase
_HEAD_RE = re.compile(
    r"^(?P<id>[A-Z]{1,4}[-_]?\d{1,3}[a-z]?)(?:\s*[.:)]|\s+[-–—·•|:])?\s+(?P<tail>\S.*?)\s*$"
)
# "Pick several", "Multi-select", "Checkbox list": the badge allows more than one answer
# ("Multiple choice" alone names a list of answers, one or many: no hint)
_MANY_RE = re.compile(
    r"\b(?:several|multiple|many|checkbox(?:es)?|multi)\b(?!\s*(?:numbers?|values?|lines?))", re.I
)
_ONE_RE = re.compile(r"\b(?:single|one|only)\b|\bmultiple[- ]choice\b(?!\s*[-–—·:,]\s*\w)", re.I)
_MAX_TAIL_WORDS = 9
_MAX_TAIL_CHARS = 70


@dataclass
class _Head:
    index: int  # the head line
    words: int  # the line holding the question's words
    ident: str
    tail: str


def _key(tail: str) -> str:
    return re.sub(r"\s+", " ", tail).strip().casefold()


# "Text entry – number" / "Text entry – essay", "TYPE: SINGLE" / "TYPE: NUMERIC RANGE 1-9": the
# badge's kind before a separator, its detail after it
_KIND_RE = re.compile(r"^(?P<kind>[^\W\d_][^:·•–—|,(/]{1,30}?)\s*(?:[:·•–—|,(/]|\s-\s)")


def _keys(tail: str) -> list[str]:
    kind = _KIND_RE.match(tail)
    return [_key(tail), *(["kind:" + _key(kind["kind"])] if kind else [])]


def _tail_of(line: Line) -> tuple[str, str] | None:
    """The id and the phrase after it of a head line, if it is one."""
    if line.is_option or line.code or line.kind not in ("paragraph", "heading"):
        return None
    if line.label:
        ident, tail = line.label, line.text.strip()
    else:
        match = _HEAD_RE.match(line.text.strip())
        if match is None:
            return None
        ident, tail = match["id"], match["tail"]
    if not tail or len(tail) > _MAX_TAIL_CHARS or len(tail.split()) > _MAX_TAIL_WORDS:
        return None
    # a question, a sentence or a sentence running on is the question's own words
    if "?" in tail or tail.endswith((",", ";", "…", "...")) or re.search(r"[.!]\s*$", tail):
        return None
    if not re.search(r"[^\W\d_]", tail):
        return None  # "Q3  1 2 3 4 5": answers across the line, not a phrase
    return ident, tail


def _hint(tail: str) -> list[str]:
    """The badge's type in the note the type rules read, where its words allow many answers."""
    plain = re.sub(r"\bmultiple[- ]choice\b", " ", tail, flags=re.I)
    return ["MULTI CODE"] if _MANY_RE.search(plain) and not _ONE_RE.search(plain) else []


def _words_line(line: Line) -> bool:
    """The question's own words: a paragraph of three or more words, no answer, no label."""
    if line.kind != "paragraph" or line.is_option or line.code or line.label:
        return False
    text = line.text.strip()
    if len(text.split()) < 3 or _HEAD_RE.match(text) or not text[:1].isupper():
        return False
    return True


def _note_only(line: Line) -> bool:
    return line.kind == "paragraph" and not line.text.strip() and bool(line.instructions)


def _heads(lines: list[Line]) -> list[_Head]:
    heads: list[_Head] = []
    for index, line in enumerate(lines):
        found = _tail_of(line)
        if found is None:
            continue
        after = index + 1
        # "Display this question if …" or a setting between the head and the words
        while after < len(lines) and after - index <= 2 and _note_only(lines[after]):
            after += 1
        if after < len(lines) and _words_line(lines[after]):
            heads.append(_Head(index, after, found[0], found[1]))
    return heads


def badge_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each badge head's phrase made a note and its id put on the words."""
    heads = _heads(lines)
    counts: dict[str, int] = {}
    for head in heads:
        for key in _keys(head.tail):
            counts[key] = counts.get(key, 0) + 1
    repeated = [h for h in heads if any(counts[key] >= 2 for key in _keys(h.tail))]
    if len(repeated) < 3 or 2 * len(repeated) < len(heads):
        return lines
    by_index = {h.index: h for h in heads}
    out: list[Line] = []
    index = 0
    while index < len(lines):
        at = by_index.get(index)
        if at is None:
            out.append(lines[index])
            index += 1
            continue
        line, words = lines[index], lines[at.words]
        # the notes between the head and the words are the question's own
        between = [note for k in range(index + 1, at.words) for note in lines[k].instructions]
        notes = [*line.instructions, at.tail, *_hint(at.tail), *between, *words.instructions]
        out.append(replace(words, label=at.ident, instructions=notes, start=line.start))
        index = at.words + 1
    return out
