"""Sections of a questionnaire document that are about the survey, not in it.

Build specs and drafts carry sections for the builder and the team beside the questions: the
survey flow or table of contents (`Survey Flow`, `Contents`, `Outline` — a list of the blocks,
each named like a question), the embedded-data or export fields to set up, the items still
open for a decision, and notes about the document itself (`What this document is not`). Such a
section runs from its heading to the next heading of the same or a higher level; its lines are
left out so that its numbered entries are not read as questions. Guidance for the
interviewers opened by a paragraph (`General interview provisions:`) runs to the next heading,
page break or labelled question.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_SIDE_HEADING_RE = re.compile(
    r"^(?:"
    # the flow or the contents: a list of blocks, not the blocks
    r"(?:survey|questionnaire|interview)\s+(?:flow|outline|structure|map|overview)|flow|outline|"
    r"(?:table\s+of\s+)?contents|sommario|indice|inhaltsverzeichnis|índice|sommaire|"
    r"table\s+des\s+matières|"
    # fields the platform sets, never asked
    r"embedded\s+data|(?:export|data|hidden)\s+(?:fields|variables)|variables\s+to\s+set|"
    # the team's open points
    r"(?:open|outstanding|pending|unresolved)\s+(?:items|issues|points|decisions)|"
    r"items\s+still\s+(?:needing|open|to)|to[\s-]?do|decisions?\s+(?:needed|pending)|"
    # the document about itself
    r"what\s+this\s+(?:document|spec|file)\s+is(?:\s+not)?|about\s+this\s+(?:document|spec|file)|"
    r"notes?\s+(?:for|to)\s+(?:the\s+)?(?:programmers?|builders?|developers?|reviewers?)"
    r")\b",
    re.I,
)
# "3.", "Part 2 —", "Section A:" before a heading's words
_HEADING_NUMBER_RE = re.compile(
    r"^(?:(?:part|section|block)\s+\w+\s*[—–:.-]\s*|\d+(?:\.\d+)*[.)]?\s+)", re.I
)


# a paragraph opening the interviewers' own guidance: to the next heading or page break
_GUIDANCE_RE = re.compile(
    # ("Interviewer instructions are in CAPITALS.": a remark on the layout, opening nothing)
    r"^(?:general\s+)?(?:interview(?:er)?s?['’]?|fieldwork)\s+(?:provisions|instructions|"
    r"guidelines|rules)\b(?!\s+(?:are|is|appear)\b)|^(?:general\s+)?instructions?\s+(?:for|to)\s+(?:the\s+)?"
    r"(?:interviewers?|enumerators?|fieldworkers?)\b",
    re.I,
)


# "✅ Sign-off checklist" over a to-do list: the team's tasks for the document, never asked
_CHECKLIST_RE = re.compile(
    r"^(?:(?:sign[- ]?off|approvals?|review|launch|go[- ]live|qa)\s+(?:checklist|tasks)|"
    r"sign[- ]?offs?|approvals?|checklist|"
    # a wiki draft's reviewers' remarks ("Open comments from review"), never asked
    r"(?:open\s+)?(?:review(?:er)?s?['’]?\s+(?:comments|remarks|notes)|"
    r"(?:comments|remarks)\s+(?:from|on)\s+(?:the\s+)?(?:review|draft)))\s*:?$",
    re.I,
)


def is_side_heading(text: str) -> bool:
    """True for a heading that opens a section about the survey rather than of it."""
    return bool(_SIDE_HEADING_RE.match(_HEADING_NUMBER_RE.sub("", text.strip())))


def drop_side_sections(lines: list[Line]) -> list[Line]:
    """The lines without the side sections (each from its heading to the next heading of the
    same or a higher level)."""
    kept: list[Line] = []
    side_level: int | None = None
    guidance = tasks = False
    for line in lines:
        if _CHECKLIST_RE.match(re.sub(r"^[^\w(]+", "", line.text)) and line.kind != "list_item":
            tasks = True  # its items follow
            continue
        if tasks and (line.kind == "list_item" or line.text.startswith(("☐", "☑", "☒"))):
            continue
        tasks = False
        if line.kind in ("heading", "page_break") or find_label(line) is not None:
            guidance = False  # ends at a heading, a page's end or the first question
        elif line.kind == "paragraph" and _GUIDANCE_RE.match(line.text):
            guidance = True
        if guidance:
            continue
        if line.kind == "heading":
            if side_level is not None and line.level <= side_level:
                side_level = None
            if side_level is None and is_side_heading(line.text):
                side_level = line.level
                continue
        if side_level is None:
            kept.append(line)
    return kept
