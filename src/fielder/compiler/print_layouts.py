"""Layouts of printed forms whose lines a PDF's text breaks apart, put back together.

- Tick boxes across a line that wraps onto the next (`☐ Under 25 ☐ 25–34 ☐ 35–44` /
  `☐ 55–64 ☐ 65 or over`) are one row of answers.
- End words set apart above a row of numbered boxes (`Not at all likely    Extremely likely`
  over `☐0 ☐1 … ☐10`) name its ends: `Not at all likely ☐0 … ☐10 Extremely likely`.
- A row of bare boxes with a row of numbers under it (`☐ ☐ … ☐` / `0 1 … 10`) and the end words
  between or under them is the same numbered row: `I had a very poor experience ☐0 … ☐10 I had a
  very good experience`.
- A short row of bare tick boxes standing alone (`☐ ☐ ☐ ☐` under "What year were you born?"),
  with no boxes on the lines around it and no numbers under it, takes a digit a box (`NUMERIC`).
- Column words that the text ran together (`Excellent Good | Fair | Poor` over rows of four
  boxes) are split before a capital until there is one per column.
- Fill-in lines after the last numbered question (`Full name ______`, `Email address ______`
  in a prize-draw form) are fields that go on with the numbering.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_BOXES = "☐□▢◻○◯"
_ACROSS_RE = re.compile(rf"^\s*[{_BOXES}]\s*\S.*[{_BOXES}]\s*\S")
_POINTS_RE = re.compile(rf"^\s*(?:[{_BOXES}]\s*-?\d{{1,2}}\s*){{3,}}$")
_ENDS_RE = re.compile(r"^(?P<low>[^\t\d]{2,40}?)\t+(?P<high>[^\t\d]{2,40})$")
_ROW_MARKS_RE = re.compile(rf"^[^\t{_BOXES}]+(?P<marks>(?:\t[{_BOXES}])+)\s*$")
_NUMBER_HEAD_RE = re.compile(r"^\s*-?\d{1,2}(?:\t+-?\d{1,2}){2,10}\s*$")
_LETTERED_ROW_RE = re.compile(rf"^\s*[a-z][.)]\s+(?P<row>[^\t]+(?:\t[{_BOXES}■])+\s*)$")
_BARE_BOXES_RE = re.compile(rf"^\s*(?:[{_BOXES}]\s*){{3,}}$")
_NUMBER_ROW_RE = re.compile(r"^\s*-?\d{1,2}(?:\s+-?\d{1,2}){2,11}\s*$")
# tick boxes only (rings in a row are points to pick), two to eight: a year, a count
_TICKS = "☐□▢◻"
_DIGIT_TICKS_RE = re.compile(rf"^\s*(?:[{_TICKS}]\s*){{2,8}}$")
_ANY_NUMBERS_RE = re.compile(r"^\s*-?\d{1,2}(?:\s+-?\d{1,2})+\s*$")
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,3})[.)]\s+\S")
_RETURN_RE = re.compile(
    r"^(?:(?:please\s+)?(?:send|return|post|mail)\b.{0,40}\bto\s*:?\s*$|FREEPOST\b)", re.I
)
_FIELD_RE = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?:[ /-][A-Za-z]+){0,3})\s*:?\s*_{5,}\s*$")


def print_layout_lines(lines: list[Line]) -> list[Line]:
    """The lines with the printed layouts above put back together."""
    out: list[Line] = []
    for line in _boxes_over_numbers(lines):
        previous = out[-1] if out else None
        if previous is not None and _continues_across(previous, line):
            joined = f"{previous.spaced or previous.text}   {line.spaced or line.text}"
            out[-1] = replace(previous, text=" ".join(joined.split()), spaced=joined)
            continue
        if previous is not None and _POINTS_RE.match(line.text) and _ends_above(previous):
            ends = _ENDS_RE.match(_words(previous))
            assert ends is not None
            text = f"{ends['low'].strip()} {line.text.strip()} {ends['high'].strip()}"
            out[-1] = replace(line, text=text, spaced=text)
            continue
        if (
            previous is not None
            and _NUMBER_HEAD_RE.match(previous.spaced or "")
            and _ends_above(line)
        ):
            # end words printed under the ends of a row of column numbers: read before it
            words = _words(line)
            out[-1:] = [replace(line, text=words, spaced=words, instructions=[]), previous]
            continue
        if previous is not None:
            out[-1] = _split_heads(previous, line)
        lettered = _LETTERED_ROW_RE.match(line.spaced or "")
        if lettered:
            # "a. Prices are fair  □ □ □": a grid's statement lettered in order; the letter is
            # its place, not its words
            line = replace(line, spaced=lettered["row"], text=" ".join(lettered["row"].split()))
        out.append(line)
    return _trailing_fields(out)


def _boxes_over_numbers(lines: list[Line]) -> list[Line]:
    """Bare boxes, their numbers on the next line, the end words between or under them: one
    numbered row with its end words around it."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _lone_boxes(lines, index) and "NUMERIC" not in line.instructions:
            out.append(replace(line, instructions=[*line.instructions, "NUMERIC"]))
            index += 1
            continue
        row = _numbered_boxes(lines, index)
        if row is None:
            out.append(line)
            index += 1
            continue
        points, ends, used = row
        text = f"{ends[0]} {points} {ends[1]}" if ends else points
        out.append(replace(line, text=text, raw=text, spaced=text, kind="paragraph"))
        index += used
    return out


def _lone_boxes(lines: list[Line], index: int) -> bool:
    """Bare tick boxes with no boxes on the lines around them and no numbers under them."""
    if not _DIGIT_TICKS_RE.match(lines[index].text):
        return False
    before = next((line.text for line in reversed(lines[:index]) if line.text), "")
    after = [line.text for line in lines[index + 1 :] if line.text][:2]
    # the numbers may come under the end words ("Very dirty  Very clean" / "1 2 3 4 5")
    return not (
        re.search(f"[{_TICKS}]", before + "".join(after[:1]))
        or any(_ANY_NUMBERS_RE.match(text) for text in after)
    )


def _numbered_boxes(
    lines: list[Line], index: int
) -> tuple[str, tuple[str, str] | None, int] | None:
    """The points of the boxes at `index` with their numbers, their end words if printed, and
    how many lines they take."""
    boxes = lines[index].text
    if not _BARE_BOXES_RE.match(boxes) or lines[index].instructions:
        return None
    count = sum(boxes.count(mark) for mark in _BOXES)
    # end words a reader took for a note (set apart, in italics) are still the row's ends
    following = [_words(line) for line in lines[index + 1 : index + 4]]
    for at, text in enumerate(following[:2]):
        numbers = text.split()
        if not _NUMBER_ROW_RE.match(text) or len(numbers) != count:
            continue
        points = " ".join(f"☐{number}" for number in numbers)
        if at == 1:
            ends = _end_words(following[0])
            return (points, ends, 3) if ends else None
        ends = _end_words(following[1]) if len(following) > 1 else None
        return (points, ends, 3) if ends else (points, None, 2)
    return None


def _end_words(text: str) -> tuple[str, str] | None:
    """ "Very poor<TAB>Very good", or run together by the text ("Not at all likely Extremely
    likely"): split where the only capital inside starts the second end, or where the first
    word comes again."""
    if not text or re.search(rf"[\d?{_BOXES}]", text) or len(text) > 90:
        return None
    parts = [p.strip() for p in text.split("\t") if p.strip()]
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) != 1:
        return None
    words = text.split()
    starts = [i for i, word in enumerate(words) if i and word[:1].isupper()]
    again = [i for i in starts if words[i] == words[0]]
    cut = starts[0] if len(starts) == 1 else again[0] if len(again) == 1 else None
    if cut is None or not words[0][:1].isupper():
        return None
    return " ".join(words[:cut]), " ".join(words[cut:])


def _words(line: Line) -> str:
    return (line.spaced or line.text or "\t".join(line.instructions)).strip()


def _continues_across(previous: Line, line: Line) -> bool:
    """A second row of boxes across, going on from a first one (the same kind of answers)."""
    return (
        bool(_ACROSS_RE.match(previous.text))
        and bool(re.match(rf"^\s*[{_BOXES}]", line.text))
        and not _POINTS_RE.match(previous.text)
        and "→" not in previous.text
        and "\t" not in (line.spaced or "")
    )


def _ends_above(line: Line) -> bool:
    return bool(_ENDS_RE.match(_words(line))) and not re.search(rf"[{_BOXES}]", _words(line))


def _split_heads(head: Line, row: Line) -> Line:
    """Column words over a row of marks, split before a capital until one per column."""
    marks = _ROW_MARKS_RE.match(row.spaced or "")
    cells = [c.strip() for c in (head.spaced or "").split("\t") if c.strip()]
    if marks is None or len(cells) < 2 or re.search(rf"[{_BOXES}\d]", head.spaced or ""):
        return head
    wanted = marks["marks"].count("\t")
    while len(cells) < wanted:
        joined = next((i for i, c in enumerate(cells) if re.search(r"\S\s+[A-Z]", c)), None)
        if joined is None:
            return head
        first, second = re.split(r"(?<=\S)\s+(?=[A-Z])", cells[joined], maxsplit=1)
        cells[joined : joined + 1] = [first, second]
    spaced = "\t".join(cells)
    return replace(head, spaced=spaced, text=" ".join(cells))


def _trailing_fields(lines: list[Line]) -> list[Line]:
    """Fill-in lines after the last numbered question, numbered on from it."""
    numbered = ((i, _NUMBERED_RE.match(line.text)) for i, line in enumerate(lines))
    numbers = [(i, int(m["n"])) for i, m in numbered if m]
    if len(numbers) < 3:
        return lines
    last_index, number = numbers[-1]
    fields = [i for i in range(last_index + 1, len(lines)) if _FIELD_RE.match(lines[i].text)]
    if len(fields) < 2:
        return lines
    out = list(lines)
    for index in fields:
        number += 1
        label = _FIELD_RE.match(lines[index].text)
        assert label is not None
        words = f"{number}. {label['label']}"
        out[index] = replace(lines[index], text=words, spaced=words)
    # "Send your completed survey to:", "FREEPOST …": the return address closes the form
    end = next((i for i in range(fields[-1] + 1, len(out)) if _RETURN_RE.search(out[i].text)), None)
    return out if end is None else out[:end]
