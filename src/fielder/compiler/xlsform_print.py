"""An XLSForm's printed form view (KoboToolbox, ODK, Ona) read back into its sheets.

A form tool's print of an XLSForm keeps the form's own parts on lines of their own: a caption
line per field with its `name · type [list] [· Required]` (in a grey or monospace style), the
label on the next paragraph, one `○ Label [choice_name]` / `☐ Label [choice_name]` line per
choice, `Relevant: <XPath>` and `Constraint: <XPath>` lines, `Group: Title (grp_name)` headings
with `Relevant (whole group): …` and `end group`. Read by the layout rules, the captions and
XPath lines are stray notes and every field lost its name (the ids the gold and the data
use). Three or more captions whose type is one of XLSForm's own type words, with distinct
names, make the layout (the document's repetition, not a tool's name): the lines are written
back as `survey` / `choices` rows and read by the XLSForm importer, which already knows
`${x}`, `selected()`, group relevance, `count-selected` exclusivity and range constraints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.documents.model import Block, Document
from fielder.ir.models import Question
from fielder.platforms.xlsform import TYPE_WORDS, XLSFormImporter, type_words

# "hh_size · integer · Required", "consent · select_one yes_no",
# "notes · text (appearance: multiline)"
_HEAD_RE = re.compile(
    r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_.-]{0,40})\s+[·•|]\s+(?P<type>[a-z_]+(?:\s+[A-Za-z0-9_.-]+)?)"
    r"(?:\s*\((?P<extra>[^()]*)\))?(?:\s+[·•|]\s+(?P<flags>[^·•|]+))?\s*$"
)
_GROUP_RE = re.compile(
    r"^\s*(?P<kind>group|repeat)\s*:\s*(?P<label>.*?)\s*\((?P<name>[A-Za-z_][\w.-]*)\)\s*$", re.I
)
_END_GROUP_RE = re.compile(r"^\s*end\s+(?:group|repeat)\s*$", re.I)
# "Relevant: …", "Relevant (whole group): …", "Constraint: …", "Calculation: …"
_RULE_RE = re.compile(
    r"^\s*(?P<key>relevant|relevance|constraint|required|calculation|choice_filter)"
    r"(?:\s*\((?P<scope>[^()]*)\))?\s*:\s*(?P<rule>\S.*?)\s*$",
    re.I,
)
# "○ Don't know   [dont_know]": a choice's label and its name in brackets
_CHOICE_RE = re.compile(
    r"^\s*[○◯●◉☐☑☒□■◻▢]\s*(?P<label>\S.*?)\s*\[(?P<name>[A-Za-z0-9_.-]{1,40})\]\s*$"
)
_APPEARANCE_RE = re.compile(r"appearance\s*:\s*(?P<value>[\w -]+)", re.I)
_MIN_HEADS = 3
_SELECTS = ("select_one", "select_multiple", "rank")


def _head(text: str) -> re.Match[str] | None:
    match = _HEAD_RE.match(text)
    if match is None:
        return None
    words = type_words(match["type"])
    return match if words and words[0] in TYPE_WORDS else None


@dataclass
class PrintedForm:
    """The sheets written back from the print, and where each field's lines sit."""

    sheets: dict[str, list[dict[str, str]]]
    spans: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)


class PrintedFormImporter(XLSFormImporter):
    """The XLSForm importer for a print: a text field shown on one answer ("Specify the other
    source." under `Relevant: ${src} = 'other'`) stays its own field, as printed, rather than
    that answer's type-in box (which a workbook's own `_other` row is)."""

    def specify_row(self, row: dict[str, str], questions: dict[str, Question]) -> bool:
        return False


def printed_form(document: Document) -> PrintedForm | None:
    """The form's `survey` and `choices` rows when the document is an XLSForm's print view."""
    blocks = [b for b in document.blocks if b.kind in ("paragraph", "heading") and b.text.strip()]
    heads = [match["name"] for b in blocks if (match := _head(b.text))]
    if len(heads) < _MIN_HEADS or len(set(heads)) != len(heads):
        return None
    survey: list[dict[str, str]] = []
    choices: list[dict[str, str]] = []
    current: dict[str, str] | None = None  # the current whose lines are being read
    group: dict[str, str] | None = None  # a group heading waiting for its relevance line
    waiting = ""  # a "Relevant:" line above a caption: that current's
    owner: dict[str, str] = {}  # each choice list's first field (a shared list prints each time)
    spans: dict[str, tuple[int, int, int | None]] = {}
    since = 0  # lines read since the current's caption
    for index, block in enumerate(blocks):
        text = " ".join(block.text.split())
        head = _head(text)
        if head is not None:
            current = _field(head, waiting)
            survey.append(current)
            spans[head["name"]] = (block.start, block.end, block.page)
            waiting, group, since = "", None, 0
            continue
        since += 1
        grouped = _GROUP_RE.match(text)
        if grouped:
            kind = "begin_repeat" if grouped["kind"].lower() == "repeat" else "begin_group"
            group = {"type": kind, "name": grouped["name"], "label": grouped["label"]}
            survey.append(group)
            current = None
            continue
        if _END_GROUP_RE.match(text):
            survey.append({"type": "end_group"})
            current = group = None
            continue
        rule = _RULE_RE.match(text)
        if rule:
            key = rule["key"].lower()
            key = "relevant" if key == "relevance" else key
            if key == "relevant" and group is not None and current is None:
                group["relevant"] = rule["rule"]
            elif key == "relevant" and (current is None or _caption_next(blocks, index)):
                waiting = rule["rule"]  # above the next current's caption
            elif current is not None:
                current[key] = rule["rule"]
            continue
        choice = _CHOICE_RE.match(text)
        if choice and current is not None and current.get("list"):
            if owner.setdefault(current["list"], current["name"]) == current["name"]:
                choices.append(
                    {"list_name": current["list"], "name": choice["name"], "label": choice["label"]}
                )
            continue
        if current is not None and "label" not in current:
            current["label"] = text
            start, _, page = spans[current["name"]]
            spans[current["name"]] = (start, block.end, page)
        elif current is not None and not choice and since == 2:
            current["hint"] = text  # a grey line right under the label
    for row in survey:
        row.pop("list", None)
    if not any(row.get("label") for row in survey):
        return None
    return PrintedForm({"survey": survey, "choices": choices}, spans)


def _field(head: re.Match[str], relevant: str) -> dict[str, str]:
    words = type_words(head["type"])
    row = {"type": " ".join(words), "name": head["name"]}
    if words[0] in _SELECTS and len(words) > 1:
        row["list"] = words[1]
    flags = (head["flags"] or "").strip().lower()
    if flags.startswith("required"):
        row["required"] = "yes"
    appearance = _APPEARANCE_RE.search(head["extra"] or "")
    if appearance:
        row["appearance"] = appearance["value"].strip()
    if relevant:
        row["relevant"] = relevant
    return row


def _caption_next(blocks: list[Block], index: int) -> bool:
    """True when the next line is a current's caption (a rule line above it is that current's)."""
    return index + 1 < len(blocks) and _head(" ".join(blocks[index + 1].text.split())) is not None
