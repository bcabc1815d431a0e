"""Markdown footnotes on answers, and answers' codes in curly braces.

A Markdown build sheet keeps an answer's routing out of the respondent's words as a footnote
(`- No {2}[^inel]` with `[^inel]: Goes to the "not eligible" page (end of survey).` at the end,
one footnote often shared by several answers) and writes each answer's stored value in curly
braces (`Yes {1}`). Read as they stand, the footnote's mark is a stray note, its text a line
of the last question, and the braced value a note. Each mark is replaced by its footnote's
routing as the answer's tags (the end of the survey as TERMINATE, a jump as GO TO, "Exclusive"
as EXCLUSIVE), the footnote lines are dropped, and a braced value is the answer's code.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_DEFINITION_RE = re.compile(r"^\s*\[\^(?P<name>[\w-]{1,30})\]\s*:\s*(?P<text>\S.*)$")
_MARK_RE = re.compile(r"^\^(?P<name>[\w-]{1,30})$")
_ENDS_RE = re.compile(
    r"\b(?:ends?\s+(?:the\s+)?(?:survey|questionnaire|study)|end\s+of\s+(?:the\s+)?(?:survey|"
    r"questionnaire)|screens?\s+(?:them\s+|the\s+respondent\s+)?out|screen[\s-]?out|terminates?)\b",
    re.I,
)
_JUMP_RE = re.compile(
    r"\b(?i:goes|go|jumps?|skips?|moves?|continues?|routes?)\s+(?i:straight\s+|directly\s+|on\s+)*"
    r"(?i:to|at)\s+(?i:question\s+)?(?P<to>[A-Z][A-Za-z]{0,8}\d{0,3}[a-z]?)\b"
)
_EXCLUSIVE_RE = re.compile(r"^\s*exclusive\b", re.I)
_BRACED_CODE_RE = re.compile(r"\{\s*(?P<code>-?\d{1,4})\s*\}\s*(?:\[\^[\w-]{1,30}\])?\s*$")


def footnote_route_lines(lines: list[Line]) -> list[Line]:
    """The lines with answers' footnote marks read as tags and braced codes as codes."""
    notes = {
        match["name"]: match["text"]
        for line in lines
        if (match := _DEFINITION_RE.match(line.raw or ""))
    }
    braced = sum(1 for line in lines if _braced(line))
    if not notes and braced < 2 and not any(_braced_across(line) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if _DEFINITION_RE.match(line.raw or "") and notes:
            continue
        tags: list[str] = []
        kept: list[str] = []
        for note in line.instructions:
            mark = _MARK_RE.match(note)
            if mark and mark["name"] in notes:
                tags.extend(_tags(notes[mark["name"]]))
            else:
                kept.append(note)
        across = _braced_across(line)
        if across:
            # "Very bad {0} · {1} · … · Very good {10}": a scale's points across one line
            out.extend(
                replace(line, text=label, spaced=label, code=code, is_option=True, instructions=[])
                for code, label in across
            )
            continue
        code = _braced(line) if braced >= 2 else None
        if code is not None:
            kept = [n for n in kept if n.strip() != code]
            line = replace(line, code=code, is_option=True)
        if tags or len(kept) != len(line.instructions):
            line = replace(line, instructions=[*kept, *tags])
        out.append(line)
    return out


_ACROSS_PART_RE = re.compile(r"^(?P<label>[^{}]*?)\s*\{\s*(?P<code>-?\d{1,4})\s*\}$")


def _braced_across(line: Line) -> list[tuple[str, str]]:
    """(code, label) of each braced answer across the line (three or more), else []."""
    if line.kind not in ("list_item", "paragraph") or line.label or (line.raw or "").count("{") < 3:
        return []
    parts = [p.strip() for p in re.split(r"\s+[·•|/]\s+|\t|\s{3,}", line.raw) if p.strip()]
    found = [_ACROSS_PART_RE.match(part) for part in parts]
    if len(parts) < 3 or not all(found):
        return []
    return [(m["code"], m["label"] or m["code"]) for m in found if m]


def _braced(line: Line) -> str | None:
    if line.kind not in ("list_item", "paragraph") or not line.text or line.label:
        return None
    match = _BRACED_CODE_RE.search(line.raw or "")
    if match is None or line.raw.strip().startswith("{"):
        return None
    return match["code"]


def _tags(text: str) -> list[str]:
    """The routing tags a footnote's words stand for."""
    tags = ["EXCLUSIVE"] if _EXCLUSIVE_RE.match(text) else []
    if _ENDS_RE.search(text):
        return [*tags, "TERMINATE"]
    jump = _JUMP_RE.search(text)
    if jump:
        return [*tags, f"GO TO {jump['to']}"]
    return tags or [text]
