"""Follow-ups by band of a score: whom each open question after a 0–10 rating is for.

Written three ways: one line per follow-up, a group's name over the question with its test in
brackets (`DETRACTORS (Q11 = 0–6)`); one line naming each band's question
(`DETRACTORS (RN9 = 0-6) ASK RN10a.  PASSIVES (RN9 = 7-8) ASK RN10b.`); or bands of the rating
just above, each with the question it leads to (`NPS FOLLOW-UP BY BAND: 0–6 ASK R5a; 9–10 ASK
R5b; 7–8 GO TO R6.`). Each becomes `ASK IF <test>` over the question it names; a band sent on
(`7–8 GO TO R6`) is the normal flow past the follow-ups, no routing of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_TEST = rf"{_ID}\s*(?:=|≠|!=|<=|>=|<|>)\s*[^()]{{1,30}}?"
# "DETRACTORS (Q11 = 0–6)" alone on its line, over the question it is for
_GROUP_RE = re.compile(
    # (not "ASK OWNERS (S2 = 1)", "IF … (…)": filters the parser reads as they are; nor "NOT FOR
    # DRIVE-THRU VISITS (A2 = 3)": the group left out, not the one asked; nor "TERMINATE IF NOT
    # (S4 = 1 OR S4 = 2)": a screen-out on a condition, no group's name)
    r"^\W*(?!(?i:ASK|IF|ONLY|SHOW|HIDE|FILTER|BASE|FOR|SKIP|DISPLAY|NOT|EXCEPT|UNLESS)\b)"
    rf"(?![^()]*\b(?i:IF|UNLESS|WHEN)\b)[A-Z][A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){{0,3}}\s*\(\s*(?P<test>{_TEST})\s*\)\s*:?$"
)
# "PASSIVES (RN9 = 7-8) ASK RN10b": a group, its test, the question it is asked
_NAMED_RE = re.compile(
    rf"(?:[A-Z][A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){{0,3}}\s*)?\(\s*(?P<test>{_TEST})\s*\)\s*"
    rf"ASK\s+(?P<to>{_ID})\b"
)
# "0–6 ASK R5a", "7–8 GO TO R6": a band of the rating just above and where it leads
_BAND_RE = re.compile(
    rf"(?P<band>\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)\s+(?:(?P<ask>ASK)|GO\s+TO)\s+(?P<to>{_ID})\b"
)
# the words left once the pieces are read: a heading ("NPS FOLLOW-UP BY BAND:"), arrows, stops
_FILLER_RE = re.compile(r"^(?:[A-Z][A-Z -]{2,40}:)?[\s>.;,:]*$")


def _pieces(text: str, above: str | None) -> list[tuple[str, str]] | None:
    """(question id, test) for each follow-up the line names, or None if it says more."""
    named = [(m["to"], m["test"]) for m in _NAMED_RE.finditer(text)]
    rest = _NAMED_RE.sub(" ", text)
    bands = list(_BAND_RE.finditer(rest))
    if bands and above is not None:
        named += [(m["to"], f"{above} = {m['band']}") for m in bands if m["ask"]]
        rest = _BAND_RE.sub(" ", rest)
    if not named or not _FILLER_RE.match(rest.strip()):
        return None
    return named


def _grouped(note: str) -> str:
    """A note naming a group and its test as the filter it is; other notes as they are."""
    group = _GROUP_RE.match(" ".join(note.split()))
    return f"ASK IF {group['test']}" if group else note


def band_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each band's follow-up filter written over the question it is for."""
    labels = [find_label(line) for line in lines]
    ids = {label.id.upper(): label.id for label in labels if label is not None}
    where = {label.id: i for i, label in enumerate(labels) if label is not None}
    before: dict[str, list[str]] = {}
    out: list[Line] = []
    above: str | None = None
    for index, line in enumerate(lines):
        label = labels[index]
        if label is not None:
            above = label.id
            # (on the question's own line: its filter, whichever way the document sets others)
            tests = before.pop(label.id, [])
            # ("DETRACTORS (Q14 = 0–6)" in a sheet's Routing cell of the question's own row: the
            # same group, read as the question's filter)
            own = [_grouped(note) for note in line.instructions]
            if tests or own != line.instructions:
                line = replace(line, instructions=[*tests, *own])
            out.append(line)
            continue
        text = " ".join((line.raw or "").split())
        group = _GROUP_RE.match(text) if not (line.code or line.is_option) else None
        following = labels[index + 1] if index + 1 < len(lines) else None
        if group and following is not None:
            # the group's test goes on the question's own line, right under it
            before.setdefault(following.id, []).append(f"ASK IF {group['test']}")
            continue
        pieces = _pieces(text, above) if line.kind == "paragraph" else None
        if pieces and all(where.get(ids.get(to.upper(), ""), -1) > index for to, _ in pieces):
            for to, test in pieces:
                before.setdefault(ids[to.upper()], []).append(f"ASK IF {test}")
            continue
        out.append(line)
    return out
