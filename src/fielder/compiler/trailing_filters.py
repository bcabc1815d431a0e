"""Filters written under the question they are for, in documents that name items by variables.

A build spec that names every item by its variable (`consent`, `cyc_days`) writes each item's
rules in a note under its answers: the screen-out (`If 0 → end of survey`), the skip (`If 0,
skip to pollution_concern`) and the filter (`Shown if pollution_concern ≥ 4.`, `Only if
exposure_check includes 4.`, `Cyclists only: shown when cyc_days > 0.`). Read as a note after
a question's answers, a filter waits for the next question, as it does where a form writes it
over the question it is for. Where the document writes three such filters or more under items,
each naming only items before the one it is under (a test on that item itself is the next
one's), the filters are the items' own: each is moved over its item as an `ASK IF` line.

A form builder's print names the questions by their words, in quotes, in the grey note under a
question: `Shown when “Did you complete the event?” is “No”` (or `“Maybe” or “No”`, several
such tests joined with AND), `Not shown when … is “No”`; and a jump under the answers,
`Branching: “I registered but didn't take part” → jumps to question 15`. A show note is the
filter of the question it is under (`worded_filter_lines`), each quoted question read as the
earlier question printed with those words; the jump is that question's `IF … GO TO …`.

A spec that keys the routing of each question in a `Routing:` line under its answers
(`Routing: EP2 = 1.`, `Routing: if EP4 is 0 to 6.`, `Routing: managers only (EP2 = 1).`)
writes the question's own filter there, as the jumps on its answers beside them (`Routing: 5 →
end`). Where three such notes or more each name only questions before the one they are under
(`keyed_routing_lines`), each test is moved over its question as an `ASK IF` line.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, made_line

# "Shown if …", "Only if …", "Asked when …", "Cyclists only: shown when …", "Display if …"
_FILTER_RE = re.compile(
    r"^\s*(?:[A-Za-z][\w' -]{0,40}\s+only\s*[:,–—-]\s*)?"
    r"(?:(?:only\s+)?(?:shown|show|displayed|display|asked|ask|visible)\s+(?:only\s+)?(?:if|when|to\s+those\s+where)"
    r"|only\s+(?:if|when))\s+(?P<cond>\S.*?)\s*\.?\s*$",
    re.I,
)
_MIN_NOTES = 3


def _note_text(line: Line) -> str | None:
    """The words of a note line (a set-apart paragraph, or one that is only a note)."""
    if line.is_option or line.kind != "paragraph" or line.label:
        return None
    if line.text and not line.instructions:
        return line.text
    if not line.text and len(line.instructions) == 1:
        return line.instructions[0]
    return None


def _named(condition: str, names: dict[str, int]) -> list[int]:
    """The positions of the items the condition names (by their whole names)."""
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", condition))
    return [names[word] for word in words if word in names]


def trailing_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each item's filter written under it moved over it as `ASK IF …`."""
    heads = [index for index, line in enumerate(lines) if line.label]
    if len(heads) < _MIN_NOTES:
        return lines
    names: dict[str, int] = {}
    for index in heads:
        names.setdefault(lines[index].label or "", index)
    moves: dict[int, list[tuple[int, str]]] = {}  # head index -> (note index, condition)
    for number, head in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else len(lines)
        for at in range(head + 1, end):
            if lines[at].kind == "heading":
                break
            text = _note_text(lines[at])
            match = _FILTER_RE.match(text) if text else None
            if match is None:
                continue
            named = _named(match["cond"], names)
            if named and all(position < head for position in named):
                moves.setdefault(head, []).append((at, match["cond"]))
    if sum(len(found) for found in moves.values()) < _MIN_NOTES:
        return lines
    moved = {at for found in moves.values() for at, _ in found}
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in moved:
            continue
        for _, condition in moves.get(index, []):
            note = made_line(line, f"ASK IF {condition}", instruction=True)
            out.append(note)
        out.append(line)
    return out


_QUOTED = r"[“\"]([^”\"]{1,200})[”\"]"
# "Shown when “Did you complete the event?” is “Yes”", "Not shown when … is “No”"
_SHOWN_RE = re.compile(
    r"^\s*(?P<not>not\s+)?(?:shown|displayed|visible)\s+(?:only\s+)?(?:when|if)\s+(?P<cond>[“\"].*?)\s*\.?\s*$",
    re.I,
)
_WORDED_TEST_RE = re.compile(
    rf"^{_QUOTED}\s+(?:is|=|equals|includes|contains)\s+(?P<said>{_QUOTED}(?:\s*(?:,|or)\s*{_QUOTED})*)$",
    re.I,
)
# "Branching: “I registered but didn't take part” → jumps to question 15"
_BRANCHING_RE = re.compile(
    rf"^\s*(?:branching|jump|skip\s+logic)\s*:\s*(?P<said>{_QUOTED}(?:\s*(?:,|or)\s*{_QUOTED})*)\s*"
    r"(?:→|->)\s*(?:jumps?|goes|go|skips?)\s+(?:on\s+)?to\s+(?P<to>(?:question\s+)?\w+)\s*\.?\s*$",
    re.I,
)


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"\s*\*\s*$", "", text).split()).casefold()


def _said(text: str) -> str:
    answers = re.findall(_QUOTED, text)
    return " OR ".join(f'"{answer}"' for answer in answers)


def _worded_test(cond: str, words: dict[str, str]) -> str | None:
    """`“Did you complete the event?” is “Yes” AND “…” is “…”` with each question's id."""
    tests: list[str] = []
    for part in re.split(r"\s+AND\s+", cond.strip(), flags=re.I):
        match = _WORDED_TEST_RE.match(part.strip())
        qid = words.get(_plain(match[1])) if match else None
        if match is None or qid is None:
            return None
        said = [f'{qid} = "{answer}"' for answer in re.findall(_QUOTED, match["said"])]
        tests.append(said[0] if len(said) == 1 else "(" + " OR ".join(said) + ")")
    return " AND ".join(tests) if tests else None


def worded_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each form builder's note naming questions by their words (`Shown when
    “…?” is “Yes”` under a question, `Branching: “…” → jumps to question 15` under its answers)
    written as the plain `ASK IF` over the question and `IF … GO TO …` under it."""
    if not any("“" in line.raw or '"' in line.raw for line in lines):
        return lines
    words: dict[str, str] = {}
    head: int | None = None
    moves: dict[int, list[str]] = {}
    rewrites: dict[int, str] = {}
    for index, line in enumerate(lines):
        label = find_label(line) if line.kind == "paragraph" and not line.is_option else None
        if label is not None:
            head = index
            words.setdefault(_plain(label.rest), label.id)
            continue
        if head is None or line.kind != "paragraph":
            continue
        shown = _SHOWN_RE.match(line.raw)
        if shown:
            test = _worded_test(shown["cond"], words)
            if test is not None:
                moves.setdefault(head, []).append(f"NOT ({test})" if shown["not"] else test)
                rewrites[index] = ""
            continue
        jump = _BRANCHING_RE.match(line.raw)
        own = find_label(lines[head])
        if jump and own is not None:
            said = re.findall(_QUOTED, jump["said"])
            test = " OR ".join(f'{own.id} = "{answer}"' for answer in said)
            to = re.sub(r"^question\s+", "Q", jump["to"], flags=re.I)
            rewrites[index] = f"IF {test} GO TO {to}"
    if not moves and not rewrites:
        return lines
    out: list[Line] = []
    for index, line in enumerate(lines):
        for test in moves.get(index, []):
            out.append(made_line(line, f"ASK IF {test}", instruction=True))
        if index in rewrites:
            if rewrites[index]:
                out.append(made_line(line, rewrites[index], instruction=True))
            continue
        out.append(line)
    return out


_ROUTING_KEY_RE = re.compile(r"^\s*routing\s*:\s*(?P<rule>\S.*?)\s*\.?\s*$", re.I)
_ID_RE = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
# "EP2 = 1", "EP4 is 0 to 6", "EP11 = 1 or 2 AND EP2 = 2": a test opening on a question
_OPEN_TEST_RE = re.compile(rf"^(?:if\s+)?(?P<test>{_ID_RE}\s*(?:=|<|>|≠|is\b|in\b).*)$", re.I)
# "managers only (EP2 = 1)": the test in the bracket after the group's name
_GROUP_TEST_RE = re.compile(
    rf"^[^()]*\bonly\s*\((?P<test>{_ID_RE}\s*(?:=|<|>|≠|is\b|in\b)[^()]*)\)$", re.I
)
# "(managers get EP13 instead)": words about the test, no test in them
_ASIDE_RE = re.compile(r"\s*\((?![^()]*(?:=|<|>|≠))[^()]*\)")


def _keyed_test(rule: str) -> str | None:
    if re.search(r"→|->", rule):
        return None  # "5 → end": a jump on the question's answers
    rule = _ASIDE_RE.sub("", rule).strip()
    match = _OPEN_TEST_RE.match(rule) or _GROUP_TEST_RE.match(rule)
    return match["test"].strip() if match else None


def keyed_routing_lines(lines: list[Line]) -> list[Line]:
    """The lines with each `Routing: <test>` note under a question's answers moved over that
    question as `ASK IF <test>`, where the document writes three or more of them so."""
    if not any(_ROUTING_KEY_RE.match(line.raw) for line in lines):
        return lines
    heads: dict[str, int] = {}
    head: int | None = None
    moves: dict[int, list[tuple[int, str]]] = {}
    jumps: dict[int, list[str]] = {}
    starts = [
        index
        for index, line in enumerate(lines)
        if line.kind == "paragraph" and not line.is_option and find_label(line) is not None
    ]
    for index, line in enumerate(lines):
        label = find_label(line) if line.kind == "paragraph" and not line.is_option else None
        if label is not None:
            head = index
            heads.setdefault(label.id, index)
            continue
        if line.kind == "heading":
            head = None
        text = _note_text(line)
        keyed = _ROUTING_KEY_RE.match(text) if text else None
        if keyed is None or head is None:
            continue
        own = find_label(lines[head])
        rule = _ASIDE_RE.sub("", keyed["rule"])
        if own is not None and _JUMP_PART_RE.match(rule):
            later = len([place for place in starts if place > head])
            jumps[index] = _keyed_jumps(rule, own.id, later > _NEAR_END)
            continue
        test = _keyed_test(keyed["rule"])
        if test is None:
            continue
        named = [heads.get(name) for name in re.findall(rf"\b{_ID_RE}\b", test)]
        if named and all(place is not None and place < head for place in named):
            moves.setdefault(head, []).append((index, test))
    if sum(len(found) for found in moves.values()) < _MIN_NOTES:
        return lines
    moved = {at for found in moves.values() for at, _ in found}
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in moved:
            continue
        for _, test in moves.get(index, []):
            out.append(made_line(line, f"ASK IF {test}", instruction=True))
        if jumps.get(index):
            out.extend(made_line(line, note, instruction=True) for note in jumps[index])
            continue
        out.append(line)
    return out


# "5 → end (…)", "3 or 4 → EP16; everyone else → END": the jumps on the question's answers
# (as `passes.logic.NEAR_CLOSE`: a route to the end from one of the last questions stays a jump)
_NEAR_END = 4
_JUMP_PART_RE = re.compile(
    rf"^(?:(?:\d{{1,3}}(?:\s*(?:,|or|and|-|–|to)\s*\d{{1,3}})*|everyone\s+else|all\s+others|others)"
    rf"\s*(?:→|->)\s*(?:{_ID_RE}|end|close)\b[^;]*(?:;\s*|$))+$",
    re.I,
)
_JUMP_RE = re.compile(
    rf"(?P<said>\d{{1,3}}(?:\s*(?:,|or|and|-|–|to)\s*\d{{1,3}})*|everyone\s+else|all\s+others|others)"
    rf"\s*(?:→|->)\s*(?P<to>{_ID_RE}|end|close)\b",
    re.I,
)


def _keyed_jumps(rule: str, qid: str, far: bool) -> list[str]:
    """`IF EP15 = 3 or 4 GO TO EP16`, `IF NOT (EP15 = 3 or 4) GO TO END` for the rule's parts;
    `5 → end` far from the end of the questions (`far`) sends the person out: a screen-out."""
    notes: list[str] = []
    named: list[str] = []
    for jump in _JUMP_RE.finditer(rule):
        said = jump["said"]
        if re.match(r"\d", said):
            named.append(said)
            test = f"{qid} = {said}"
        elif named:
            test = "NOT (" + " OR ".join(f"{qid} = {codes}" for codes in named) + ")"
        else:
            continue
        to = jump["to"].upper()
        if to in ("END", "CLOSE") and far:
            notes.append(f"IF {test} SCREEN OUT")
        else:
            notes.append(f"IF {test} GO TO {to}")
    return notes
