"""A CAPI specification whose rules name fields by their program names, not their numbers.

A Blaise (or CSPro, Survey Solutions) specification heads each field with its question number
and its variable name (`F02 MORTGAGE`), and writes its universes and routing in the program's
terms: `Universe: TENURE IN [3, 4] AND RENTAMT > 0`, `Universe: 1 IN UTIL` (a code in a set),
`After: IF MEALSOUT = 0 THEN GOTO FOODSHOP`. The numbers are what the survey's ids are, so the
names are read as the numbers their heads pair them with. The evidence is the document's own:
three or more heads `number NAME` with distinct names. A head that writes one name twice
(`FEND FEND`: the screen's number is its name) is that screen's label. Numeric types with a
Pascal range (`INTEGER [1..99999]`) give the box its bounds, in any document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, made_line

_HEAD_RE = re.compile(r"^(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?)\s+(?P<name>[A-Z][A-Z0-9_]{2,})$")
_TWIN_RE = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]{2,})\s+(?P=name)$")
_HEADS = 3
# "End of Module F. The diary form follows …": the spec's own closing line, after the last field
_PART_END_RE = re.compile(
    r"^end\s+of\s+(?:the\s+)?(?:module|section|part|block|instrument|questionnaire)\b", re.I
)
# "Universe: TENURE = 2", "Filter: …", "Asked of: …": whom the field is for
_UNIVERSE_RE = re.compile(r"^(?:universe|filter|asked\s+of)\s*:\s*(?P<test>\S.*)$", re.I)
# "Universe: ALL HOUSEHOLDS", "Universe: EVERYONE": no test
_EVERYONE_RE = re.compile(r"^(?:ALL\b|EVERYONE\b|EVERYBODY\b)", re.I)
# "After: IF X = 0 THEN GOTO Y", "IF X IN [2, 8] THEN GOTO Y": a jump after the field
_JUMP_RE = re.compile(
    r"^(?:after\s*:\s*)?IF\s+(?P<test>.+?)\s+THEN\s+GO\s*TO\s+(?P<to>[A-Z][A-Z0-9_]*)\s*\.?$", re.I
)
# "1 IN UTIL": a code held in a set (a multiple answer)
_HELD_RE = re.compile(r"\b(?P<code>\d{1,3})\s+IN\s+(?P<name>[A-Z][A-Z0-9_]*)\b")
# "INTEGER [1..99999]": a number's bounds, written as a Pascal range
_RANGE_RE = re.compile(
    r"\b(?:INTEGER|REAL|NUMERIC|NUMBER)\s*\[\s*(?P<low>-?\d{1,9})\s*\.\.\s*(?P<high>-?\d{1,9})\s*\]",
    re.I,
)


def _names(lines: list[Line]) -> tuple[dict[str, str], set[str]]:
    heads: dict[str, str] = {}
    twins: set[str] = set()
    for line in lines:
        text = " ".join(line.raw.split())
        if (head := _HEAD_RE.match(text)) and head["name"] != head["id"]:
            heads.setdefault(head["name"], head["id"])
        elif twin := _TWIN_RE.match(text):
            twins.add(twin["name"])
    if len(heads) < _HEADS:
        return {}, set()
    return {**heads, **{name: name for name in twins}}, twins


def _as_ids(test: str, names: dict[str, str]) -> str | None:
    """The test with each field name written as its number; None when it names none."""
    test = _HELD_RE.sub(
        lambda m: f"{names[m['name']]} = {m['code']}" if m["name"] in names else m[0], test
    )
    named = False

    def number(match: re.Match[str]) -> str:
        nonlocal named
        if match[0] in names:
            named = True
            return names[match[0]]
        return match[0]

    written = re.sub(r"\b[A-Z][A-Z0-9_]{2,}\b", number, test)
    held = re.search(r"\b[A-Z]{1,4}\d{1,3}[a-z]?\s*=", written) is not None
    return written if named or held else None


def _ranged(line: Line) -> Line:
    match = _RANGE_RE.search(line.raw)
    if match is None or int(match["low"]) > int(match["high"]):
        return line
    notes = [n for n in line.instructions if not re.fullmatch(r"\s*-?\d+\s*\.\.\s*-?\d+\s*", n)]
    return replace(line, instructions=[*notes, "NUMERIC", f"RANGE {match['low']}-{match['high']}"])


def field_name_lines(lines: list[Line]) -> list[Line]:
    """The lines with universes and jumps by field name written with the fields' numbers."""
    lines = [_ranged(line) for line in lines]
    names, twins = _names(lines)
    if not names:
        return lines
    out: list[Line] = []
    for line in lines:
        text = " ".join(line.raw.split())
        if (twin := _TWIN_RE.match(text)) and twin["name"] in twins:
            # ("FEND FEND": the screen's number and name are one word)
            out.append(replace(line, text="", spaced="", label=twin["name"], instructions=[]))
            continue
        if _PART_END_RE.match(text):
            out.append(made_line(line, text, instruction=True))
            continue
        universe = _UNIVERSE_RE.match(text)
        if universe and not _EVERYONE_RE.match(universe["test"]):
            test = _as_ids(universe["test"], names)
            if test is not None:
                out.append(made_line(line, f"ASK IF {test}", instruction=True))
                continue
        jump = _JUMP_RE.match(text)
        if jump and jump["to"] in names:
            test = _as_ids(jump["test"], names)
            if test is not None:
                out.append(made_line(line, f"IF {test} GO TO {names[jump['to']]}", True))
                continue
        out.append(line)
    return out
