"""Answers written in a question table's instructions column, as census rosters print them.

A roster sheet gives each question one row (`R3 | Is [NAME] male or female? | 1 = Male
2 = Female | Person 01 | Person 02 …`): the answers are `code = label` pairs in the
instructions cell, after any filter (`ONLY IF R4 < 18.`) and before the routing (`→ IF 2 OR 8,
GO TO R9`). Long lists are printed once in code boxes under the roster (`BOX A – RELATIONSHIP`
over `01 | Head`, `02 | Spouse` …) and the row says `CODE FROM BOX A`. Both become the
question's answer lines; the boxes are not questions, nor is the table's heading row
(`Col. | Question | Instructions / codes | Person 01 …`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.hidden_items import HIDDEN_RE
from fielder.compiler.lines import Line

# "1 = Male", "8 = Don't know": a code, an equals sign, the words up to the next code
# (set apart by spaces only: "1=POOR, 5=EXCELLENT" in a type note names a scale's ends)
_PAIR_RE = re.compile(
    # (not "question 2 = Yes" nor "Q2 = 1": a test on a question inside a filter's words)
    r"(?<![\w.])(?<!question\s)(?<!Question\s)(?<!QUESTION\s)"
    r"(?P<code>\d{1,3})\s*=\s*(?P<label>[^=→]*?[^\s=→.,])\.?(?=\s+\d{1,3}\s*=|\s*→|\s*$)"
)
_ROUTE_RE = re.compile(
    r"→\s*(?:IF\s+(?P<codes>\d{1,3}(?:\s*(?:,|OR|AND)\s*\d{1,3})*)\s*,?\s*)?"
    r"(?:GO\s*TO|SKIP\s+TO)\s+(?P<to>[A-Za-z]{0,4}\d{1,3}[a-z]?)\b\.?",
    re.I,
)
_REFERENCE_RE = re.compile(
    r"\b(?:CODES?\s+(?:FROM|IN|AS\s+IN|USING)\s+|USE\s+(?:CODES?\s+(?:IN|FROM)\s+)?|SEE\s+)"
    r"(?:CODE\s+)?(?:BOX|LIST)\s+(?P<key>[A-Z0-9]{1,2})\b\.?",
    re.I,
)
_BOX_HEAD_RE = re.compile(r"^(?:CODE\s+)?(?:BOX|LIST)\s+(?P<key>[A-Z0-9]{1,2})\b(?!\s*=)", re.I)
_HEADING_CELL_RE = re.compile(r"^(?:questions?|question\s+text)$", re.I)


def _code_of(line: Line) -> str | None:
    if line.code and re.fullmatch(r"\d{1,3}", line.code):
        return line.code
    if line.label and re.fullmatch(r"\d{1,3}", line.label) and line.text:
        return line.label
    return None


def _code_boxes(lines: list[Line]) -> dict[str, tuple[list[tuple[str, str]], range]]:
    """Each code box: its key, its answers and the lines it takes up."""
    boxes: dict[str, tuple[list[tuple[str, str]], range]] = {}
    for index, line in enumerate(lines):
        head = _BOX_HEAD_RE.match(line.text) if not line.is_option else None
        if head is None:
            continue
        answers: list[tuple[str, str]] = []
        end = index + 1
        while end < len(lines) and (code := _code_of(lines[end])) is not None:
            answers.append((code, lines[end].text))
            end += 1
        if len(answers) >= 2:
            boxes.setdefault(head["key"].upper(), (answers, range(index, end)))
    return boxes


def _inline_pairs(note: str) -> tuple[str, list[tuple[str, str]], list[str], str | None] | None:
    """An instruction holding `code = label` pairs: what is left, the pairs, the codes routed
    and where to (None when there are fewer than two pairs in one unbroken run)."""
    matches = list(_PAIR_RE.finditer(note))
    if len(matches) < 2:
        return None
    for before, after in zip(matches, matches[1:], strict=False):
        if note[before.end() : after.start()].strip():
            return None
    tail = note[matches[-1].end() :].strip()
    route = _ROUTE_RE.match(tail) if tail else None
    if tail and (route is None or tail[route.end() :].strip()):
        return None
    routed = re.findall(r"\d{1,3}", route["codes"] or "") if route else []
    left = note[: matches[0].start()].strip()
    pairs = [(m["code"], m["label"].strip()) for m in matches]
    if any(label.count("(") != label.count(")") for _, label in pairs):
        return None  # "Yes) whose … (question": the pairs cut across brackets, no answer list
    return left, pairs, routed, route["to"] if route else None


def _answer(line: Line, code: str, label: str, target: str | None) -> Line:
    text = f"{label} (GO TO {target})" if target else label
    return Line(text=text, raw=text, code=code, is_option=True, start=line.start, page=line.page)


def _is_heading_row(line: Line) -> bool:
    """`Col. | Question | Instructions / codes | Person 01`: a question table's heading row."""
    return len(line.text) <= 12 and any(
        _HEADING_CELL_RE.match(note.strip()) for note in line.instructions
    )


def _ends_of_row(pairs: list[tuple[str, str]], above: Line | None) -> bool:
    """`0 = Not at all likely  10 = Extremely likely` under a row of points `☐ 0 ☐ 1 … ☐ 10`: the
    key names the row's ends, it is not the answer list."""
    if above is None or above.is_option:
        return False
    points = re.findall(r"(?<![\w.])\d{1,2}(?![\w.])", above.text)
    return len(points) >= 5 and all(code in points for code, _ in pairs)


def instruction_code_lines(lines: list[Line]) -> list[Line]:
    """The lines with answers in the instructions column written out as answer lines."""
    boxes = _code_boxes(lines)
    used: set[str] = set()
    out: list[Line] = []
    for index, line in enumerate(lines):
        if _is_heading_row(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and following.is_option:
            out.append(line)  # its answers are written out already
            continue
        answers: list[Line] = []
        notes: list[str] = []
        for note in line.instructions:
            reference = _REFERENCE_RE.search(note)
            inline = _inline_pairs(note) if not answers else None
            if inline and HIDDEN_RE.search(inline[0]):
                # "DUMMY (HIDDEN – NOT ASKED): AGEGRP  1 = 25-39  2 = 40-60": the codes of a
                # variable nobody is asked, not the answers of the question above
                inline = None
            if reference and reference["key"].upper() in boxes and not answers:
                key = reference["key"].upper()
                used.add(key)
                answers = [_answer(line, c, t, None) for c, t in boxes[key][0]]
                note = (note[: reference.start()] + note[reference.end() :]).strip()
            elif inline and not _ends_of_row(inline[1], out[-1] if out else None):
                note, pairs, routed, target = inline
                answers = [_answer(line, c, t, target if c in routed else None) for c, t in pairs]
                if target and not routed:
                    note = f"{note} GO TO {target}".strip()
            if note:
                notes.append(note)
        out.append(replace(line, instructions=notes) if answers else line)
        out.extend(answers)
    dropped = {i for key in used for i in boxes[key][1]}
    if not dropped:
        return out
    kept_ids = {id(line) for i, line in enumerate(lines) if i in dropped}
    return [line for line in out if id(line) not in kept_ids]
