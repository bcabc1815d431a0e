"""Form-builder printouts: the label in a left column, its field on the right.

Online form tools (Jotform-like prints) set each field's label in a left column and the
field itself beside it: a blank box, tick boxes, radio buttons or a row of points. Read line
by line, the label and its field come out as one line apart by a tab (`Full Name *<TAB>____`,
`You visited as a… *<TAB>◯ Visitor<TAB>◯ Press`), and the label is taken for an answer's
words or lost. Such a line is cut in two: the label, then the field as a line of its own, as
a form printed label-over-field reads. A spinner's arrows (`▲▼`) beside a blank mark a number
box.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, collapse
from fielder.compiler.options import BOXES

# the label (no box, no blank, no tab), a tab, then the field: a blank, boxes or a row of points
_SIDE_RE = re.compile(rf"^(?P<label>[^\t{BOXES}_]{{2,120}}?)\t+(?P<field>(?P<blank>_{{3,}})?.*)$")
# "☐ Friday<TAB>☐ Saturday", "Not likely<TAB>1<TAB>2<TAB>3 … Very likely": choices to pick
_CHOICES_RE = re.compile(
    rf"^(?:[{BOXES}]\s*[^\W\d_]|[^\t\d{BOXES}_]{{1,30}}\t\d{{1,2}}(?:\t\d{{1,2}}){{2,}}\t)"
)
# a label that asks or is marked required: "…? *", "as a… *", "Name *", "Gender:"
_ASKING_RE = re.compile(r"(?:[?:…]|\s\*)\s*\*?$")
_REQUIRED_RE = re.compile(r"\s\*$")
_SPINNER_RE = re.compile(r"(_{3,})\s*(?:▲\s*▼|⇵|↕|⬍)\s*$")
_MAX_LABEL_WORDS = 14


def split_side_labels(lines: list[Line]) -> list[Line]:
    """The lines with each `label<TAB>field` line cut into its label and its field."""
    out: list[Line] = []
    for line in lines:
        match = _SIDE_RE.match(line.spaced) if line.kind == "paragraph" and line.spaced else None
        if match is None or not _is_label(match["label"]) or not _is_field(match):
            out.append(line)
            continue
        label = match["label"].strip()
        field = _SPINNER_RE.sub(r"\1 (number)", match["field"].strip())
        out.append(replace(line, text=label, raw=label, spaced=label))
        out.append(replace(line, text=collapse(field), raw=field, spaced=field, instructions=[]))
    return out


def _is_field(match: re.Match[str]) -> bool:
    """A blank to write on; or choices beside a label that asks (a grid's row also has boxes
    or points beside its words, but its words do not ask)."""
    if match["blank"]:
        return True
    return bool(_CHOICES_RE.match(match["field"])) and bool(_ASKING_RE.search(match["label"]))


def _is_label(label: str) -> bool:
    """A field's label: a few words, the required mark, a question or a name ending open."""
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS or re.match(r"^\(?\d{1,3}[.)]?$", words[0]):
        return False  # "1\t☐ Yes": a coded answer, not a label
    if _REQUIRED_RE.search(label):
        return True
    # a statement ending in a full stop is a grid's row, not a field's name
    return len(words) <= 8 and not label.rstrip().endswith(".")
