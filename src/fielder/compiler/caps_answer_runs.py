"""Answer lists printed in capitals after their codes, as an interviewer's form prints them.

Household and census questionnaires (DHS and its descendants) print every answer in capitals
with its code first (`01 HEAD`, `2  FEMALE`, `41  NO FACILITY/BUSH/FIELD  → H05`). Read one line
at a time, `1 MALE` looks like an interviewer's note in capitals and only a list that is already
open keeps it. The evidence is the document's own: where three or more runs of two or more such
lines follow each other with their codes rising, each of those lines is an answer (its code and
words apart, its routing after the arrow kept), wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import strip_routing

# a code, a gap, then up to eight words in capitals (slashes, hyphens, apostrophes and bracketed
# capitals inside them), then an arrow and its routing if any
_CAPS_ANSWER_RE = re.compile(
    r"^(?P<code>\d{1,3})[.)]?\s+(?P<label>[A-Z][A-Z'’]*(?:[-/&,]?\s?[A-Z(][A-Z'’()]*){0,7}\)?)"
    r"(?P<route>\s*(?:→|-+>)\s*\S.*)?$"
)
# the same answer with its code after it in brackets: `YES, ALL OF THEM (1)`, `DON'T KNOW (8)`
_CAPS_AFTER_RE = re.compile(
    r"^(?P<label>[A-Z][A-Z'’]*(?:[-/&,]?\s?[A-Z(][A-Z'’()]*){0,7}\)?)\s+\((?P<code>\d{1,3})\)"
    r"(?P<route>\s*(?:→|-+>)\s*\S.*)?$"
)
# any answer written code first or code after (`1. Yes`, `2) No`, `Yes (1)`): the shape of the
# answers a capitals line closes ("1. Yes / 2. No / 8. DON'T KNOW")
_ANY_FIRST_RE = re.compile(r"^(?P<code>\d{1,3})[.)]\s+\S")
# ("1<TAB>Yes": a bare code set apart by a tab or a wide gap, as a script's answer columns)
_GAP_FIRST_RE = re.compile(r"^(?P<code>\d{1,3})(?:\t|\s{2,})\S")
_ANY_AFTER_RE = re.compile(r"^\S.*?\s\((?P<code>\d{1,3})\)\s*$")
# the document's evidence: this many runs of capitals answers
_RUNS = 3


def _answer(line: Line) -> re.Match[str] | None:
    if line.kind not in ("paragraph", "list") or line.is_option or not line.text:
        return None
    text = line.text.strip()
    return _CAPS_ANSWER_RE.match(text) or _CAPS_AFTER_RE.match(text)


def _closes_list(lines: list[Line], index: int, match: re.Match[str]) -> bool:
    """ "8. DON'T KNOW" under "1. Yes" and "2. No": a capitals answer right after two or more
    answers in the same shape (code first or code after) with codes rising to it."""
    shape = _ANY_FIRST_RE if match.re is _CAPS_ANSWER_RE else _ANY_AFTER_RE
    codes = []
    for line in reversed(lines[max(0, index - 12) : index]):
        if not line.text.strip():
            break
        before = shape.match(line.text.strip())
        if before is None and shape is _ANY_FIRST_RE and match["route"]:
            # (a routed capitals answer is read as a note otherwise; unrouted ones the list keeps)
            before = _GAP_FIRST_RE.match(line.raw.strip())
        if before is None and line.is_option and line.code:
            codes.append(int(line.code))
            continue
        if before is None:
            break
        codes.append(int(before["code"]))
    rising = all(a > b for a, b in zip(codes, codes[1:], strict=False))
    return len(codes) >= 2 and rising and int(match["code"]) > codes[0]


def caps_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer of a capitals answer run marked as an answer with its code."""
    runs: list[list[tuple[int, re.Match[str]]]] = []
    current: list[tuple[int, re.Match[str]]] = []
    for index, line in enumerate(lines):
        match = _answer(line)
        if match and (not current or int(match["code"]) > int(current[-1][1]["code"])):
            current.append((index, match))
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [(index, match)] if match else []
    if len(current) >= 2:
        runs.append(current)
    if len(runs) < _RUNS:
        runs = [
            [(index, match)]
            for index, line in enumerate(lines)
            if (match := _answer(line)) and _closes_list(lines, index, match)
        ]
    out = list(lines)
    for run in runs:
        for index, match in run:
            label = match["label"].strip()
            # ("OTHER (SPECIFY)", "SURFACE WATER (RIVER, POND)": the printed label keeps the
            # bracketed capitals the line reader set apart as a note)
            printed = match.re.match(" ".join(lines[index].raw.split()))
            # (not "NONE OF THESE   (CANNOT BE COMBINED)": a note set apart by a gap)
            apart = re.search(r"\S(?: {2,}|\t)\(", lines[index].raw)
            if printed and printed["label"].strip().startswith(label) and not apart:
                label = printed["label"].strip()
            route = (match["route"] or "").strip()
            notes = list(lines[index].instructions)
            if route and strip_routing(f"{label} {route}")[0] != label:
                # ("1 YES → ADD TO THE ROSTER AND ASK R3–R11": an arrow that goes to no
                # question nor the end is the interviewer's task, a note on the answer)
                notes.append(re.sub(r"^(?:→|-+>)\s*", "", route))
                route = ""
            written = f"{label} {route}" if route else label
            out[index] = replace(
                lines[index], text=written, code=match["code"], is_option=True, instructions=notes
            )
    return out
