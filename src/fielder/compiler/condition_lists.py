"""A form builder's conditions listed together after the fields, each naming what it acts on.

Some form builders export their logic as one list at the end of the form, in the order the
rules were made, instead of under the questions: `IF How old are you? is less than 18 THEN End
survey → Screen out`, `IF claim_amount is greater than 1000 AND claim_type is equal to Illness
THEN Show field → vet_direct`, `IF policy is equal to Yes THEN Hide page → Page 4 · Leaving`. A
rule names its questions by their field id or by their words. Each rule is moved to where the
parser reads such notes: a screen-out or a jump under the question it tests, a show rule before
each field it shows, and a hide rule (a show rule negated) before each field or every field of
the page it hides.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_RULE_RE = re.compile(
    r"^(?:\d{1,3}[.)]\s*)?IF\s+(?P<cond>.+?)\s+THEN\s+(?P<action>End\s+(?:survey|form)|"
    r"Skip\s+to\s+(?:page|field|question)|Jump\s+to\s+(?:page|field|question)|"
    r"(?:Show|Hide)\s+(?:fields?|questions?|page))\s*(?:→|->|:)\s*(?P<target>.+?)\s*$",
)
_TERM_SPLIT_RE = re.compile(r"\s+(AND|OR)\s+")
# the builders' comparisons, longest first, with the parser's operator
_TESTS = (
    (r"is\s+less\s+than\s+or\s+equal\s+to", "<="),
    (r"is\s+greater\s+than\s+or\s+equal\s+to", ">="),
    (r"is\s+less\s+than|is\s+lower\s+than", "<"),
    (r"is\s+greater\s+than|is\s+higher\s+than", ">"),
    (r"is\s+not\s+equal\s+to|is\s+not|does\s+not\s+contain|does\s+not\s+include", "NOT ="),
    (r"is\s+equal\s+to|contains|includes|is", "="),
)
_TEST_RE = re.compile(
    r"^(?P<subject>.+?)\s+(?P<how>" + "|".join(pattern for pattern, _ in _TESTS) + r")\s+"
    r"(?P<value>\S.*)$"
)
_SCREEN_OUT_RE = re.compile(r"screen\s*out|disqualif|not\s+eligible", re.I)


def condition_list_lines(lines: list[Line]) -> list[Line]:
    """The lines with a form's listed conditions moved beside the questions they act on."""
    rules = [(i, _RULE_RE.match(_words(line))) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in rules if m is not None]
    if not found:
        return lines
    starts = {line.label: i for i, line in enumerate(lines) if line.label}
    if not starts:
        return lines
    before: dict[int, list[Line]] = {}
    after: dict[int, list[Line]] = {}
    used: set[int] = set()
    for index, match in found:
        placed = _place(lines, starts, match)
        if placed is None:
            continue
        used.add(index)
        for where, at, note in placed:
            kept = _note(lines[index], note)  # the rule's own place in the document
            (before if where == "before" else after).setdefault(at, []).append(kept)
    out: list[Line] = []
    ends = _question_ends(lines, starts)
    for index, line in enumerate(lines):
        if index in used:
            continue
        out.extend(before.get(index, []))
        out.append(line)
        for start, end in ends.items():
            if end == index:
                out.extend(after.get(start, []))
    return out


def _place(
    lines: list[Line], starts: dict[str, int], match: re.Match[str]
) -> list[tuple[str, int, str]] | None:
    """Where the rule's notes go: ("before" | "after", a question's start line, the note)."""
    terms = _TERM_SPLIT_RE.split(match["cond"])
    read: list[str] = []
    tested: list[int] = []
    for number, term in enumerate(terms[::2]):
        test = _TEST_RE.match(term.strip())
        start = _named(lines, starts, test["subject"]) if test else None
        if test is None or start is None:
            return None
        operator = next(op for pattern, op in _TESTS if re.fullmatch(pattern, test["how"]))
        tag = lines[start].label
        joiner = f"{terms[number * 2 - 1]} " if number else ""
        read.append(f"{joiner}{tag} {operator} {_value(test['value'])}")
        tested.append(start)
    cond = " ".join(read)
    action = match["action"].lower()
    target = match["target"]
    if action.startswith("end"):
        if not _SCREEN_OUT_RE.search(target):
            return None
        return [("after", tested[-1], f"TERMINATE IF {cond}")]
    if action.startswith(("skip", "jump")):
        first = _page_start(lines, target) if "page" in action else None
        if first is None:
            first = _named(lines, starts, target)
        if first is None:
            return None
        return [("after", tested[-1], f"IF {cond} SKIP TO {lines[first].label}")]
    if action.endswith("page"):
        shown = _page_questions(lines, target)
    else:
        names = [n.strip(" `") for n in re.split(r"\s*,\s*", target)]
        found = [_named(lines, starts, n) for n in names]
        shown = [f for f in found if f is not None]
    if not shown:
        return None
    note = f"ASK IF {cond}" if action.startswith("show") else f"ASK IF NOT ({cond})"
    return [("before", start, note) for start in shown]


def _named(lines: list[Line], starts: dict[str, int], name: str) -> int | None:
    """The start line of the question a rule names by its field id or by its words."""
    name = name.strip().strip("`*_ ")
    if name in starts:
        return starts[name]
    wanted = _plain(name)
    if len(wanted) < 8:
        return None
    return next((i for i in starts.values() if _plain(lines[i].text).startswith(wanted)), None)


def _page_start(lines: list[Line], target: str) -> int | None:
    pages = _page_questions(lines, target)
    return pages[0] if pages else None


def _page_questions(lines: list[Line], target: str) -> list[int]:
    """The questions under the heading the rule names (`Page 4 · Leaving` or just `Page 4`)."""
    head = re.match(r"\s*(?P<page>(?:Page|Section|Step)\s+\d{1,3})\b", target, re.I)
    if head is None:
        return []
    wanted = _plain(head["page"])
    found: list[int] = []
    inside = False
    for index, line in enumerate(lines):
        if line.kind == "heading" and re.match(r"(?:Page|Section|Step)\s+\d", line.text, re.I):
            inside = re.match(rf"{re.escape(wanted)}\b", _plain(line.text)) is not None
        elif inside and line.label:
            found.append(index)
    return found


def _question_ends(lines: list[Line], starts: dict[str, int]) -> dict[int, int]:
    """Each question's start line with its last line (before the next question or heading)."""
    ordered = sorted(starts.values())
    ends: dict[int, int] = {}
    for number, start in enumerate(ordered):
        stop = ordered[number + 1] if number + 1 < len(ordered) else len(lines)
        end = start
        for index in range(start + 1, stop):
            if lines[index].kind == "heading" or lines[index].kind == "page_break":
                break
            end = index
        ends[start] = end
    return ends


def _value(value: str) -> str:
    value = value.strip().strip("*_ ")
    if re.fullmatch(r"-?\d+(?:\.\d+)?", value) or re.search(r"['‘’\"“”]", value):
        return value
    return f"'{value}'"


def _words(line: Line) -> str:
    # the raw words: a value in italics ("→ *Page 4 · Leaving*") may have been read as a note
    return (line.raw or line.text or " ".join(line.instructions)).strip()


def _note(line: Line, note: str) -> Line:
    return Line(
        text="", raw=note, instructions=[note], start=line.start, end=line.end, page=line.page
    )


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
