"""Marks a questionnaire written as a reviewed spec puts around its questions.

A spec kept in Markdown for review names each question's type beside its id in the heading
(`### Q12 (long_text)`, `### Q6 (grid) *(new)*`, in the IR's or a survey tool's type words),
and sets its logic apart in blockquotes (`> Show if Q11 >= 7`, `> If Q2 = 0 → skip to Q5`,
`> Validation: integer 0–40`) under the question it belongs to. The type tags become notes and
the heading a label alone (joined to the words under it); a blockquote of logic is a note set
apart by its formatting, like a coloured one in Word.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, collapse

_TYPE_WORDS = (
    r"single|multi(?:ple)?|open|text|long[_ ]text|short[_ ]text|number|numeric|integer|date|"
    r"email|drop-?down|ranking|rank|scale|rating|grid|matrix|constant[_ ]sum|display|info|"
    r"statement|descriptive|textarea|checkbox(?:es)?|radio"
)
# review marks beside a heading: what changed since the last version, not the question's words
_REVIEW_WORDS = r"new|changed|updated|edited|revised|moved|reworded|removed|draft|tbc|tbd"
_TAGGED_HEADING_RE = re.compile(
    rf"^(?P<label>[A-Z]{{1,4}}[-_]?\d{{1,3}}[a-z]?)[.:)]?\s*"
    rf"(?P<tags>(?:\(\s*(?:{_TYPE_WORDS}|{_REVIEW_WORDS})\s*\)\s*)+)$",
    re.I,
)
_TAG_RE = re.compile(r"\(\s*([^()]+?)\s*\)")
# "X1 single", "X9 open, long", "X11 scale 0-10", "INTRO read out": a heading of the id and the
# type in plain words (set small or grey beside the id), with no brackets round the type
_BARE_TYPE = (
    rf"(?i:{_TYPE_WORDS}|choice|read\s+out|long|short|required|optional)"
    r"(?:\s+\d{1,3}\s*(?:-|–|to)\s*\d{1,3})?"
)
_BARE_TAGGED_HEADING_RE = re.compile(
    r"^(?P<label>[A-Z]{1,4}[-_]?\d{1,3}[a-z]?|[A-Z]{3,12})[.:)]?\s+"
    rf"(?P<tags>{_BARE_TYPE}(?:\s*[,;/]?\s+{_BARE_TYPE}|\s*[,;/]\s*{_BARE_TYPE})*)$"
)
_QUOTED_LOGIC_RE = re.compile(
    r"^(?:if|show|display|ask|only|hide|skip|go\s+to|jump|terminate|end|validation|valid|"
    r"range|min|max|sum|total|allow|filter|base|logic|routing|condition|required|optional)\b",
    re.I,
)
QUOTE_STYLE = "Quote"
# tool type words put as the notes the instruction reader knows
_AS_NOTE = {
    "long text": "LARGE TEXT BOX",
    "textarea": "LARGE TEXT BOX",
    "short text": "SINGLE-LINE TEXT BOX",
    "scale": "RATING SCALE",
    "rating": "RATING SCALE",
    "display": "INFO",
    "descriptive": "INFO",
    "statement": "INFO",
    "checkbox": "MULTI",
    "checkboxes": "MULTI",
    "radio": "SINGLE",
    "integer": "NUMBER",
}


def split_type_tags(line: Line) -> Line:
    """ "Q12 (long_text) (new)" as a heading: the label alone, its type tags as notes."""
    match = _TAGGED_HEADING_RE.match(line.text)
    if match is None:
        return _split_bare_tags(line)
    tags = _TAG_RE.findall(match["tags"])
    kept = [
        _AS_NOTE.get(t.lower().replace("_", " "), t.replace("_", " "))
        for t in tags
        if not re.fullmatch(_REVIEW_WORDS, t, re.I)
    ]
    line.text = line.spaced = match["label"]
    line.instructions.extend(kept)
    line.kind = "paragraph" if line.kind == "heading" else line.kind
    return line


def _split_bare_tags(line: Line) -> Line:
    """ "X1 single" / "INTRO read out" as a heading: the label alone, the type words a note."""
    if line.kind != "heading":
        return line
    match = _BARE_TAGGED_HEADING_RE.match(line.text.strip())
    if match is None:
        return line
    label = match["label"]
    if not any(c.isdigit() for c in label):
        from fielder.compiler.classify import DISPLAY_WORDS

        if label not in DISPLAY_WORDS:
            return line  # "Scale 0-10", "Open text": a heading of type words, no label
    tags = collapse(match["tags"].replace(",", " ").replace(";", " ").replace("/", " "))
    words = tags.lower().split()
    if "long" in words and ("open" in words or "text" in words):
        note = "LARGE TEXT BOX"  # "open, long": a long open answer
    else:
        note = _AS_NOTE.get(tags.lower().replace("_", " "), tags)
    line.text = line.spaced = label
    line.instructions.append(note)
    line.kind = "paragraph"
    return line


def quoted_logic(line: Line) -> Line:
    """A blockquote holding logic or validation: a note set apart, not question words."""
    if line.style != QUOTE_STYLE or not _QUOTED_LOGIC_RE.match(line.text):
        return line
    line.instructions.append(line.text)
    line.text = line.spaced = ""
    return line
