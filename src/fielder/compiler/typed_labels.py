"""A label line that names the answer type, the question's words on the line under it:
`**Q4 – Multi select** (pick all that apply)` over `Which of these apps …?`.

Research teams' screeners and specs head each question with its label and the kind of answer
it takes (`Single select`, `Multi select`, `Open end`, `Email`, `Numeric`), then write the
question below. Read as they stand, the type words become the question's text and the real
question a second line of it. The two lines are joined as `Q4. Which of these apps …?` with
the type words kept as the question's instruction.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.line_pairs import join_with_next
from fielder.compiler.lines import Line

_TYPED_LABEL_RE = re.compile(
    r"^(?P<label>[A-Z]{1,4}[-_.]?\d{1,3}[a-z]{0,2})\s*(?:[.:)]|\s[-–—·|])\s*"
    r"(?P<kind>[^?()]{2,40}?)\s*(?P<extra>\([^()?]{2,40}\))?\s*$"
)
# "Field 3 · policy · Single choice": a form builder's export heads each field with its place,
# its field id (the name to use, lower case or with underscores) and its kind, parted by dots
_FIELD_HEAD_RE = re.compile(
    r"^[A-Z][a-z]{2,12}\s+\d{1,3}\s*[·•|]\s*(?P<label>[a-z][a-z0-9_]{0,40})\s*[·•|]\s*"
    r"(?P<kind>[^?()·•|]{2,40}?)\s*(?P<extra>\([^()?]{1,40}\))?\s*$"
)
# every word of the label's rest names a kind of answer ("Date of visit" is a field's name)
_TYPE_WORDS = frozenset(
    """single multi multiple select selection choice answer response open end ended open-end
    open-ended text email e-mail number numeric grid matrix scale rating rank ranking dropdown
    drop-down date likert slider checkbox checkboxes radio nps essay verbatim question
    articulation short long free field entry input box single-select multi-select code punch
    one line opinion""".split()
)
_ANSWERING = frozenset({"question", "one", "line", "field", "box", "entry", "input", "code"})
_MAX_KIND_WORDS = 4


def typed_label_lines(lines: list[Line]) -> list[Line]:
    """The lines with each `Q1 – Single select` label line joined to the question under it."""
    return join_with_next(lines, _joined)


def _names_a_kind(kind: str) -> bool:
    words = kind.lower().replace("–", " ").split()
    return (
        0 < len(words) <= _MAX_KIND_WORDS
        and all(w in _TYPE_WORDS for w in words)
        and not all(w in _ANSWERING for w in words)
    )


def _joined(line: Line, following: Line) -> list[Line] | None:
    if line.kind == "heading" and not line.label:
        return _field_head(line, following)
    if line.kind != "paragraph" or line.is_option or line.label:
        return None
    match = _TYPED_LABEL_RE.match(line.text)
    if match is None or not _names_a_kind(match["kind"]):
        return None
    if (
        following.kind != "paragraph"
        or following.is_option
        or len(re.findall(r"[^\W\d_]+", following.text)) < 3
        or "___" in following.text
        or find_label(following) is not None
    ):
        return None
    notes = [match["kind"].strip(" -–—:")]
    if match["extra"]:
        notes.append(match["extra"].strip("() "))
    text = f"{match['label']}. {following.text}"
    return [
        replace(
            line,
            text=text,
            raw=text,
            spaced=f"{match['label']}. {following.spaced or following.text}",
            instructions=[*line.instructions, *notes, *following.instructions],
            end=following.end,
        )
    ]


def _field_head(line: Line, following: Line) -> list[Line] | None:
    """`#### Field 3 · policy · Single choice` over the words: the field id is the label."""
    match = _FIELD_HEAD_RE.match(line.text)
    if match is None or not _names_a_kind(match["kind"]):
        return None
    if following.kind != "paragraph" or following.is_option or not following.text:
        return None
    notes = [match["kind"].strip()]
    if match["extra"]:
        notes.append(match["extra"].strip("() "))
    return [
        replace(
            following,
            label=match["label"],
            start=line.start,
            instructions=[*line.instructions, *notes, *following.instructions],
        )
    ]
