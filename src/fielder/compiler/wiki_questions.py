"""Wiki-page questionnaires (GitLab, Confluence, Notion markdown): a heading that is only the
question's id (`### OS4`) names the paragraph under it; an answer's code is written after a
middle dot (`- Day 1 only · 2`); a grid's row of column codes may be named in its first cell
(`**code** | 1 | 2 | 9`); a bold id of capitals opens a question (`**WTP** Would you …?`); a
scale is one line of points in inline code with words at the ends
(`` `0` Not likely · `1` · … · `10` Very likely ``), written out one point a line."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.export_sentences import display_sentence
from fielder.compiler.lines import Line

# "Display this question unless: …", "Show this question only if …", "Ask if: …", "Show if …"
_DISPLAY_HEAD_RE = re.compile(
    r"^(?:(?:display|show)\s+this\s+question\s+(?:only\s+)?(?:if|when|unless)|"
    r"(?:ask|show|display)\s+(?:only\s+)?(?:if|when)|filter)\b\s*:?",
    re.I,
)
_ID_RE = re.compile(r"[A-Za-z]{1,6}\d{1,3}[A-Za-z]{0,2}")
_DOT_CODE_RE = re.compile(r"(?<!\s)\s+[·•]\s*(\d{1,3})\s*$")
# "**WTP** Would you pay …?": a bold id of capitals, no digits, opening a question
_BOLD_ID_RE = re.compile(r"^(?P<id>[A-Z][A-Z0-9]{1,7})\s+(?P<rest>[A-Z][a-z][^?]*\?.*)$")
_NOT_IDS = frozenset(
    "NOTE NOTES ASK READ SHOW IF BASE ALL PLEASE IMPORTANT INTERVIEWER PROBE SAY HAND "
    "CODE RECORD TICK SELECT ENTER ONLY AND OR THE NEW FAQ TIP".split()
)
_CODE_WORD_RE = re.compile(r"^\W*(?:codes?|values?|stored(?:\s+as)?|punch(?:es)?)\W*$", re.I)
_POINT_RE = re.compile(r"^\s*(-?\d{1,2})(?:\s+([^\W\d_].*?))?\s*$")
_LEAD_WORDS_RE = re.compile(r"^\s*(?P<words>[^\W\d_][^\d·]*?)\s+(?P<number>-?\d{1,2})\s*$")


def wiki_question_lines(lines: list[Line]) -> list[Line]:
    """The lines with id headings made labels and dotted codes and point rows read."""
    out: list[Line] = []
    pending: str | None = None
    pending_notes: list[str] = []
    for line in lines:
        if line.kind == "heading" and _ID_RE.fullmatch(line.text.strip()):
            # "#### R3 {SINGLE} {SHOW IF R2 = 1}": the heading's tags are the question's notes
            pending, pending_notes = line.text.strip(), line.instructions
            continue
        if pending is not None and _display_note(line):
            # "EV4" over "Display this question only if: …" over the words: the tool's logic box
            # stands between the id and the question it filters, so the id waits for the words
            out.append(line)
            continue
        if pending is not None and line.kind == "paragraph" and line.text and not line.label:
            line = replace(line, label=pending, instructions=[*pending_notes, *line.instructions])
        pending = None
        line = _bold_id(line)
        out.extend(_points(line) or [_dotted(_code_row(line))])
    return out


def _display_note(line: Line) -> bool:
    """A filter line of its own ("Display this question only if: …", "Show if: X15 = 1",
    "ASK IF Q3 = 2"), as a tool prints it above the question it filters."""
    if line.kind != "paragraph" or line.is_option or line.label:
        return False
    if not line.text:
        return bool(line.instructions)
    if "?" in line.text:
        return False
    return display_sentence(line.text) is not None or bool(_DISPLAY_HEAD_RE.match(line.text))


def _dotted(line: Line) -> Line:
    if line.code or line.kind != "list_item":
        return line
    match = _DOT_CODE_RE.search(line.text)
    if match is None:
        return line
    text = line.text[: match.start()].rstrip()
    return replace(line, text=text, spaced=text, code=match[1], is_option=True)


def _points(line: Line) -> list[Line] | None:
    """`0 Not likely · 1 · 2 · … · 10 Very likely` (inline code already unwrapped): three or
    more pieces apart by middle dots, each opening with the next whole number."""
    pieces = line.text.split(" · ")
    if len(pieces) < 3:
        return None
    # "Not at all likely 0 · 1 · … · 10 Extremely likely": the low end's words before its number
    lead = _LEAD_WORDS_RE.match(pieces[0])
    if lead:
        pieces[0] = f"{lead['number']} {lead['words']}"
    points = [_POINT_RE.match(p) for p in pieces]
    if not all(points):
        return None
    numbers = [int(p[1]) for p in points if p]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    return [
        replace(line, text=p[2] or p[1], spaced=p[2] or p[1], code=p[1], is_option=True)
        for p in points
        if p
    ]


def _code_row(line: Line) -> Line:
    """A grid table's row of column codes named in its first cell (`**code** | 1 | 2 | 9`):
    the name left out, as a row of codes under the headings is read without one."""
    if line.kind != "table":
        return line
    rows = list(line.rows)
    for index, row in enumerate(rows[:3]):
        if (
            len(row) >= 3
            and _CODE_WORD_RE.match(row[0])
            and all(re.fullmatch(r"\s*\d{1,3}\s*", c) for c in row[1:] if c.strip())
        ):
            rows[index] = ("", *row[1:])
            return replace(line, rows=tuple(rows))
    return line


def _bold_id(line: Line) -> Line:
    """A bold id of capitals before a question (`**IMP** How important …?`) labels it."""
    if line.kind != "paragraph" or not line.bold or line.label or line.code:
        return line
    match = _BOLD_ID_RE.match(line.text)
    if match is None or match["id"] in _NOT_IDS:
        return line
    return replace(line, text=match["rest"], spaced=match["rest"], label=match["id"], bold=False)
