"""Census forms read from a PDF's ruled tables, where a cell's lines run together.

A government household form sets a question's parts in one cell (`9a. Is this … owned …?
b. Does … own shares …? c. Do you pay cash rent …?`) and beside it, level with each part, a
data item number and its coded answers across the line (`115 1 Yes – SKIP to 11a 0 No`,
`114 01 One 02 Two 03 Three`). Read as text, the parts become one question and each answer
box one answer. Here the cell is cut at each lettered part (`4a.` → `4a.`, `4b.`, …), each
answer box is cut at its codes (each the next number, or `0` for a no, not after `to`/`than`),
and when there are as many boxes as parts, each box follows its part.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "4a.In what year…? b. Ask only if … Did …?": a part's letter after the end of the one before
_PART_RE = re.compile(r"(?<=[?.:)])\s*\b(?P<letter>[b-k])\.\s?(?=[A-Z(]|\.\s\.)")
_FIRST_PART_RE = re.compile(r"^(?P<number>\d{1,3})a\.\s?\S")
# "115 1 Yes …": a data item number, then the answers' codes and words across the line
_BOX_RE = re.compile(r"^(?P<item>\d{3})\s+(?P<answers>\d{1,2}\s+\S.*)$")
# a box to write in beside its data item number: "00 122 $ ______ .", "Year 119"
_WRITE_IN_RE = re.compile(r"^(?:\d{2}\s+)?\d{3}\s+\$\s*_{3,}|^(?:Year|Month|Amount)\s+\d{3}$")
_NOT_BEFORE_CODE = frozenset("to than at in of from and or by on under over about July".split())


def split_codes(text: str) -> list[tuple[str, str]]:
    """ "1 Yes – SKIP to 11a 0 No" → [("1", "Yes – SKIP to 11a"), ("0", "No")]; [] unless
    two or more codes follow one another (each the next number, or 0 for a no)."""
    tokens = text.split()
    if not tokens or not re.fullmatch(r"\d{1,2}", tokens[0]):
        return []
    width = len(tokens[0]) if tokens[0].startswith("0") and len(tokens[0]) == 2 else 0
    found = [(0, tokens[0])]
    for place in range(1, len(tokens)):
        token, before = tokens[place], tokens[place - 1]
        if before in _NOT_BEFORE_CODE or place - found[-1][0] < 2:
            continue
        number = int(found[-1][1]) + 1
        expected = f"{number:0{width}d}" if width else str(number)
        zero = token in ("0", "00") and all(int(c) for _, c in found)
        if token == expected or zero:
            found.append((place, token))
    if len(found) < 2:
        return []
    ends = [place for place, _ in found[1:]] + [len(tokens)]
    return [
        (code, re.sub(r"\s*[⎫⎬⎭]\s*", " ", " ".join(tokens[place + 1 : end])).strip())
        for (place, code), end in zip(found, ends, strict=True)
    ]


def packed_lines(lines: list[Line]) -> list[Line]:
    """The lines with each census cell cut into its parts and each coded box into answers."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        parts = _parts(line)
        if len(parts) < 2:
            out.extend(_box_answers(line) or [line])
            index += 1
            continue
        boxes = []
        for following in lines[index + 1 : index + 1 + len(parts)]:
            answers = _box_answers(following)
            if answers is None:
                break
            boxes.append(answers)
        if len(boxes) == len(parts):  # each box level with its part
            for part, box in zip(parts, boxes, strict=True):
                out.extend([part, *box])
            index += 1 + len(parts)
            continue
        out.extend(parts)
        index += 1
    return out


def _parts(line: Line) -> list[Line]:
    first = _FIRST_PART_RE.match(line.text)
    if first is None:
        return [line]
    cuts, expected = [], "b"
    for match in _PART_RE.finditer(line.text):
        if match["letter"] == expected:
            cuts.append(match)
            expected = chr(ord(expected) + 1)
    if not cuts:
        return [line]
    number, pieces, start = first["number"], [], 0
    for cut in cuts:
        pieces.append(line.text[start : cut.start()].strip())
        start = cut.end()
    pieces.append(line.text[start:].strip())
    texts = [pieces[0]] + [
        f"{number}{chr(ord('b') + n)}. {piece}" for n, piece in enumerate(pieces[1:])
    ]
    return [replace(line, text=t, spaced=t, raw=t, instructions=[]) for t in texts]


def _box_answers(line: Line) -> list[Line] | None:
    box = _BOX_RE.match(line.text) if line.kind == "paragraph" else None
    coded = split_codes(box["answers"]) if box else []
    if not coded and _WRITE_IN_RE.search(line.text) and line.kind == "paragraph":
        # "00 122 $ ____ ." or "Year 119": an amount or a year written in the box
        unit = "$ " if "$" in line.text else ("Year " if "Year" in line.text else "")
        return [replace(line, text=f"{unit}__________", spaced=f"{unit}__________")]
    if not coded:
        return None
    return [
        replace(line, text=f"{code} {label}", spaced=f"{code}\t{label}", raw=label, instructions=[])
        for code, label in coded
    ]
