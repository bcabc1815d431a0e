"""Storyboards drawn in box characters: one box a screen, its id in the top border's left and
its type at the right (`┌─ P05 ──── SINGLE ─┐`), the respondent's words wrapped between `│`
borders, the scripter's notes on `»` lines (under a `├──┤` divider or just below the box).

The boxes are taken apart into the plain layout: the id labels the screen's first paragraph,
its type and its notes are instructions of that paragraph; wrapped lines are joined (a new
paragraph at a blank line or an answer's box); entry boxes (`[______] people`, `$[____]`), a
conjoint task's progress line (`Task 1 of 8`) and the box art are left out. Lettered parts
that each take an entry (`a) At what price …? $[____]`) are questions of their own, stored as
the screen's id and their letter (`P15a`), the screen's words before them a note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from fielder.compiler.lines import Line

_TOP_RE = re.compile(r"^\s*[┌╔]─+\s*(?P<id>[A-Za-z]{1,8}\d{0,3}[a-z]?)\s*─(?P<rest>.*)[┐╗]\s*$")
_ART = frozenset("─━═│┃║┌┐└┘├┤┬┴┼╔╗╚╝╠╣ ")
_NOTE_RE = re.compile(r"^\s*»\s*")
_ANSWER_RE = re.compile(r"^(?:\(\s?\)|\[\s?\]|[a-z]\)|[○◯●☐□])\s")
_PART_RE = re.compile(r"^(?P<letter>[a-z])\)\s+(?P<words>\S.*)$")
_ENTRY_RE = re.compile(r"[$£€]?\[_{3,}\]|\s[$£€]$")
# a note's bare test on the screen's own answer: "3, 4 → SO", "Less than 5 → SO"
_CODES_ARROW_RE = re.compile(
    r"^(?P<codes>\d{1,4}(?:\s?(?:,|or|and|-|–)\s?\d{1,4}){0,12})\s?(?P<arrow>→|->|=>|⇒)", re.I
)
_BELOW_ARROW_RE = re.compile(
    r"^(?P<cmp>less\s+than|fewer\s+than|under|below|more\s+than|over|above)\s+(?P<n>\d{1,6})"
    r"\s?(?P<arrow>→|->|=>|⇒)",
    re.I,
)
# "SO" / "S/O": the panel's standard screen-out page
_SO_RE = re.compile(r"(?<=→|>|⇒)\s?(?:SO|S/O)\b")
_BOX = r"(?:\(\s?\)|\[\s?\]|[☐○◯□])"
_BOX_ROW_RE = re.compile(rf"^(?:{_BOX}\s*\d{{1,2}}\s*){{2,9}}$")
_PROGRESS_RE = re.compile(r"^(?:task|screen|card|choice)\s+\d{1,2}\s+(?:of|/)\s+\d{1,2}\b", re.I)


@dataclass
class _Screen:
    label: str
    kind: str | None
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    entries: set[int] = field(default_factory=set)


def box_screen_lines(lines: list[Line]) -> list[Line]:
    """The lines with every box screen taken apart; unchanged without two such boxes."""
    if sum(1 for line in lines if _TOP_RE.match(line.text)) < 2:
        return lines
    out: list[Line] = []
    screen: _Screen | None = None
    joinable = False
    for line in lines:
        top = _TOP_RE.match(line.text)
        if top:
            if screen is not None:
                out.extend(_screen_lines(screen))
            pieces = [p.strip() for p in re.split(r"─+", top["rest"]) if p.strip()]
            screen, joinable = _Screen(top["id"], pieces[-1] if pieces else None), False
            continue
        inner = (line.spaced or line.text).strip()
        if inner.startswith(("│", "┃", "║")):
            inner = inner.strip("│┃║").strip()
        if _NOTE_RE.match(inner):
            note = _NOTE_RE.sub("", inner)
            if screen is not None:
                screen.notes.append(note)
            else:
                out.append(replace(line, text="", spaced="", instructions=[note]))
            joinable = False
            continue
        entry = bool(re.search(r"_{3,}", line.raw))
        spaced = _ENTRY_RE.sub(" ", inner).strip()
        inner = " ".join(spaced.split())
        if not inner or all(c in _ART for c in inner) or re.fullmatch(r"\W*\w{0,12}", inner):
            if entry and screen is not None and screen.lines:
                screen.entries.add(len(screen.lines) - 1)  # the box under a part's words
            joinable = False
            continue
        target = screen.lines if screen is not None else out
        if _PROGRESS_RE.match(inner):
            continue
        if re.search(r"\S {3,}\S", spaced):  # a row of columns: a line of its own
            target.append(replace(line, text=inner, spaced=spaced, raw=spaced))
            joinable = False
            continue
        if joinable and not _ANSWER_RE.match(inner) and target:
            joined = f"{target[-1].text} {inner}"
            target[-1] = replace(target[-1], text=joined, spaced=joined, raw=joined)
        else:
            target.append(replace(line, text=inner, spaced=inner, raw=inner))
        if entry and screen is not None:
            screen.entries.add(len(screen.lines) - 1)
        joinable = True
    if screen is not None:
        out.extend(_screen_lines(screen))
    return out


def _screen_lines(screen: _Screen) -> list[Line]:
    if not screen.lines:
        return []
    _choice_task(screen)
    parts = [i for i, line in enumerate(screen.lines) if _PART_RE.match(line.text)]
    if len(parts) >= 2 and set(parts) <= screen.entries:
        return _part_lines(screen, parts)
    kind = [screen.kind] if screen.kind else []
    notes = [n for note in screen.notes for n in _note_tests(note, screen.label)]
    first = replace(screen.lines[0], label=screen.label, instructions=kind + notes)
    return [first, *screen.lines[1:]]


def _part_lines(screen: _Screen, parts: list[int]) -> list[Line]:
    """Each lettered part a question `<id><letter>` with the screen's type and notes; the
    words before the first part a note."""
    kind = re.split(r"\s*[×x]\s*\d|\s*\(", screen.kind or "")[0].strip()
    lead = [line.text for line in screen.lines[: parts[0]]]
    out: list[Line] = []
    for index in parts:
        part = _PART_RE.match(screen.lines[index].text)
        assert part is not None
        notes = ([kind] if kind else []) + lead + [_each(n) for n in screen.notes]
        words = part["words"]
        out.append(
            replace(
                screen.lines[index],
                text=words,
                spaced=words,
                raw=words,
                label=f"{screen.label}{part['letter']}",
                instructions=notes,
            )
        )
    return out


def _note_tests(note: str, label: str) -> list[str]:
    """A note's sentences, a bare test on the screen's answer given the screen's id
    (`3, 4 → SO` → `P02=3, 4 → SCREEN OUT`)."""
    out: list[str] = []
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z0-9])", note):
        sentence = _SO_RE.sub(" SCREEN OUT", sentence)
        if match := _CODES_ARROW_RE.match(sentence):
            sentence = f"{label}={match['codes']} {sentence[match.end('codes') :].strip()}"
        elif match := _BELOW_ARROW_RE.match(sentence):
            sign = (
                "<"
                if match["cmp"].lower() in ("less than", "fewer than", "under", "below")
                else ">"
            )
            sentence = f"{label}{sign}{match['n']} {sentence[match.end('n') :].strip()}"
        out.append(sentence)
    return out


def _each(note: str) -> str:
    """`Each 0.00-200.00, two decimals.`: a range every part takes, as a range note."""
    return re.sub(r"(?i)\beach\s+(?=-?\d[\d.,]*\s?(?:-|–|to)\s?\d)", "Range ", note)


def _choice_task(screen: _Screen) -> None:
    """A choice task: columns of options described attribute by attribute (`Plan A  Plan B`
    over `Price  $6  $12`), the boxes in a row under them (`( ) 1  ( ) 2`): each box an answer
    named by its column's heading; the attribute rows are the options' descriptions."""
    for index, line in enumerate(screen.lines):
        if not _BOX_ROW_RE.match(line.text):
            continue
        codes = re.findall(rf"{_BOX}\s*(\d{{1,2}})", line.text)
        top = index
        while top > 0 and re.search(r"\S {3,}\S", screen.lines[top - 1].spaced):
            top -= 1
        heads = re.split(r"\s{3,}", screen.lines[top].spaced.strip()) if top < index else []
        if len(heads) != len(codes):
            continue
        answers = [
            replace(line, text=f"☐ {head} ... {code}", spaced=f"☐ {head} ... {code}")
            for head, code in zip(heads, codes, strict=True)
        ]
        screen.lines[top : index + 1] = answers
        return
