"""A section's routing gathered in a table of its own, away from the questions it routes.

Some scripts print no routing under the questions and list it instead in a table after the
section, one row per rule, the question first:

    ROUTING - PART K
    +------+---------------------------+---------------------------+
    | Q    | Condition                 | Action                    |
    +------+---------------------------+---------------------------+
    | K2   | K2 = 4 (never visits)     | Terminate                 |
    | K3   | K3 = 9                    | Skip K4, go to K6         |
    | K5   | Only if K1 = 2            | Ask K5, otherwise go to K6|
    | K7-K9| Filter: K1 = 1 (members)  | Everyone else goes to L1  |
    | L2   | IF CODE 1-2               | GO TO PART M              |
    +------+---------------------------+---------------------------+

Each row is written back where a plain questionnaire prints it: a filter (`Only if …`,
`Filter: …`, `Ask if …`, an action that asks the row's own question or says where everyone else
goes, or no action) as `ASK IF …` before each question the row names (a range `K7-K9` names
every question between), several filters of one question joined with AND; a go-to as
`IF … GO TO …` and a screen-out as `IF … SCREEN OUT` right after the question's own lines. The
table and its caption are then left out. A table is a routing table when its first column names
questions and every other heading is a routing word (condition, action, routing, filter…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id, find_label, section_word
from fielder.compiler.lines import Line, made_line

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_IDS_RE = re.compile(rf"^(?P<first>{_ID})(?:\s*(?:[-–]|to)\s*(?P<last>{_ID}))?$", re.I)
_HEAD_WORDS_RE = re.compile(
    r"^(?:condition|conditions|action|actions|routing|route|filters?|logic|skips?|go\s*to|then|"
    r"if|rule|instructions?|base)s?$",
    re.I,
)
# "Comment", "Notes": the table's words for the reader, beside the rules; not part of them
_ASIDE_WORDS_RE = re.compile(r"^(?:comments?|notes?|remarks?|reasons?|descriptions?|why)$", re.I)
# "Go to" heading a column of bare targets ("E9", "CLOSE")
_TARGET_HEAD_RE = re.compile(r"^(?:then\s+)?(?:go\s*to|skip\s+to|route\s+to|jump\s+to)$", re.I)
_CAPTION_RE = re.compile(r"\b(?:routing|filters?|logic|skips?)\b", re.I)
_TERMINATE_RE = re.compile(
    r"\b(?:screen\s*-?\s*out|terminate|disqualify|close\s+(?:the\s+)?interview|thank\s+and\s+close)",
    re.I,
)
_GO_TO_RE = re.compile(
    rf"\b(?:go|goes|skip|jump|continue|route)\s+(?:on\s+)?to\s+(?P<to>(?:section|part|module)\s+\w+|{_ID}|end|"
    # a closing screen named in capitals ("CLOSE")
    r"(?-i:[A-Z]{3,12}))\b",
    re.I,
)
# the action says who is asked: "Ask K5, otherwise go to K6", "Everyone else goes to L1"
_OTHERS_RE = re.compile(r"\b(?:otherwise|else|everyone\s+else|all\s+others|the\s+rest)\b", re.I)
_FILTER_LEAD_RE = re.compile(
    r"^(?:(?:filter|base|universe)\s*:\s*|(?:only\s+)?(?:ask|show|display)\s+(?:only\s+)?(?:if|when)\s+"
    r"|only\s+(?:if|when|for)\s+)",
    re.I,
)
_IF_LEAD_RE = re.compile(r"^if\s+", re.I)
# "(someone else pays)": words describing the condition, no test in them
_DESCRIPTION_RE = re.compile(r"\s*\((?![^()]*(?:=|<|>|≠|\d))[^()]*\)")


def _is_routing_table(rows: tuple[tuple[str, ...], ...]) -> bool:
    """A table whose first column names questions and whose other headings are routing words."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    heads = [" ".join(re.sub(r"[^\w\s]", " ", cell).split()) for cell in rows[0][1:]]
    rules = [head for head in heads if head and not _ASIDE_WORDS_RE.match(head)]
    if not rules or not all(_HEAD_WORDS_RE.match(head) for head in rules):
        return False
    return all(_IDS_RE.match(row[0]) for row in rows[1:] if row and row[0])


def _condition(text: str) -> tuple[str, bool]:
    """The test a condition cell holds, and whether its words make it a filter."""
    text = _DESCRIPTION_RE.sub("", text).strip().rstrip(".")
    lead = _FILTER_LEAD_RE.match(text)
    if lead:
        return text[lead.end() :].strip(), True
    return _IF_LEAD_RE.sub("", text).strip(), False


@dataclass
class _Rules:
    filters: dict[str, list[str]] = field(default_factory=dict)
    after: dict[str, list[str]] = field(default_factory=dict)


def _rule_cells(row: tuple[str, ...], heads: tuple[str, ...]) -> tuple[str, ...]:
    """The row without its comment cells, a bare target under "Go to" read as a go-to."""
    cells: list[str] = []
    for index, cell in enumerate(row):
        head = " ".join(re.sub(r"[^\w\s]", " ", heads[index]).split()) if index < len(heads) else ""
        if index and _ASIDE_WORDS_RE.match(head):
            continue
        if index and _TARGET_HEAD_RE.match(head) and re.fullmatch(r"\s*\w{2,12}\s*", cell):
            cell = f"GO TO {cell.strip()}"
        cells.append(cell)
    return tuple(cells)


def _read_row(row: tuple[str, ...], own: list[str], rules: _Rules) -> None:
    test, filter_words = _condition(row[1] if len(row) > 1 else "")
    action = " ".join(row[2:]).strip()
    if not test:
        return
    asks_own = any(re.search(rf"\bask\s+{re.escape(qid)}\b", action, re.I) for qid in own)
    if not re.search(r"\w", action) or asks_own or _OTHERS_RE.search(action):
        for qid in own:
            rules.filters.setdefault(qid, []).append(test)
        return
    if _TERMINATE_RE.search(action):
        rules.after.setdefault(own[-1], []).append(f"IF {test} SCREEN OUT")
        return
    go_to = _GO_TO_RE.search(action)
    if go_to:
        rules.after.setdefault(own[-1], []).append(f"IF {test} GO TO {go_to['to'].upper()}")
    elif filter_words:
        for qid in own:
            rules.filters.setdefault(qid, []).append(test)


def _joined(tests: list[str]) -> str:
    if len(tests) == 1:
        return tests[0]
    return " AND ".join(f"({t})" if re.search(r"\bor\b", t, re.I) else t for t in tests)


def _is_caption_heading(line: Line) -> bool:
    return line.kind == "heading" and len(line.raw) <= 60 and bool(_CAPTION_RE.search(line.raw))


def _ends_question(line: Line) -> bool:
    # ("Section 2 of 4 · Eating in": a section bar opens the next part, as a heading does)
    return (
        line.kind in ("heading", "table")
        or bool(re.fullmatch(r"[-=+_*~#]{5,}", line.raw.strip()))
        or (line.kind == "paragraph" and section_word(line.text))
    )


# A routing table printed as lines, one per question: "C2   -> asked if C1 = 2.",
# "C8 -> all respondents.  If C8 = 2 -> go to C10.", "C13 -> asked unless C12 = 6 (None of these)."
_LIST_ROW_RE = re.compile(
    rf"^(?P<first>{_ID})(?:\s*(?:[-–]|to)\s*(?P<last>{_ID}))?\s*(?:->|→|=>)\s*(?P<rule>\S.*)$", re.I
)
_LIST_ASK_RE = re.compile(
    r"^(?:(?:is\s+)?asked|ask|shown|show)\s+(?:only\s+)?(?:(?P<if>if|when)|(?P<unless>unless))\s+"
    r"(?P<test>\S.*)$",
    re.I,
)
_LIST_IF_RE = re.compile(r"^if\s+(?P<test>.+?)\s*(?:->|→|=>|,|\bthen\b)\s*(?P<action>\S.*)$", re.I)
_LIST_MIN_ROWS = 3
# a flow row's branches, the target first: "END (if 1, 2 or 3) / S2 (if 4)", "A7 (if 7-10)"
_LIST_BRANCH_RE = re.compile(rf"^(?:(?:{_ID}|END|CLOSE)\s*\([^()]*\)\s*(?:/\s*|$))+$", re.I)
_BRANCH_RE = re.compile(rf"(?P<to>{_ID}|END|CLOSE)\s*\((?:if\s+)?(?P<test>[^()]*)\)", re.I)


def _read_branches(clause: str, qid: str, rules: _Rules) -> None:
    """`END (if 1, 2 or 3) / S2 (if 4)` on the row of S1: where each group of answers goes
    (`otherwise`, `all`: the default flow)."""
    for branch in _BRANCH_RE.finditer(clause):
        test = branch["test"].strip()
        if not test or re.fullmatch(
            r"(?:otherwise|all|else|everyone(?:\s+else)?|others)", test, re.I
        ):
            continue
        if re.match(r"\d", test):
            test = f"{qid} = {test}"
        else:
            # "under 18 or over 64": each term a test on the row's question
            test = re.sub(r"(^|\bor\s+|\band\s+)(?=\w)", rf"\g<1>{qid} ", test, flags=re.I)
            test = re.sub(
                r"\b(?:under|younger\s+than|less\s+than)\s+(?=\d)", "< ", test, flags=re.I
            )
            test = re.sub(r"\b(?:over|older\s+than|more\s+than)\s+(?=\d)", "> ", test, flags=re.I)
        to = branch["to"].upper()
        if to in ("END", "CLOSE"):
            rules.after.setdefault(qid, []).append(f"IF {test} SCREEN OUT")
        else:
            rules.after.setdefault(qid, []).append(f"IF {test} GO TO {to}")


def _list_clauses(rule: str) -> list[str]:
    """A row's sentences ("all respondents.  If C8 = 2 -> go to C10.")."""
    return [part.strip() for part in re.split(r"(?<=[.;])\s+(?=[A-Za-z])", rule) if part.strip()]


def _read_list_row(rule: str, own: list[str], rules: _Rules) -> None:
    for clause in _list_clauses(rule):
        clause = clause.rstrip(".;").strip()
        if _LIST_BRANCH_RE.match(clause):
            _read_branches(clause, own[-1], rules)
            continue
        clause = _DESCRIPTION_RE.sub("", clause).strip()
        ask = _LIST_ASK_RE.match(clause)
        if ask:
            test = ask["test"]
            if ask["unless"]:
                test = f"NOT ({test})"
            for qid in own:
                rules.filters.setdefault(qid, []).append(test)
            continue
        jump = _LIST_IF_RE.match(clause)
        if jump is None:
            continue  # "all respondents", "SOFT CHECK: …", "no filter of its own (see C8)"
        if _TERMINATE_RE.search(jump["action"]):
            rules.after.setdefault(own[-1], []).append(f"IF {jump['test']} SCREEN OUT")
            continue
        go_to = _GO_TO_RE.search(jump["action"])
        if go_to:
            rules.after.setdefault(own[-1], []).append(
                f"IF {jump['test']} GO TO {go_to['to'].upper()}"
            )


def _list_blocks(lines: list[Line]) -> list[tuple[int, list[int]]]:
    """Each caption naming routing or the flow (`ROUTING TABLE - MODULE C`, `Flow of the
    interview`) with the `ID -> …` rows under it (at least three)."""
    blocks: list[tuple[int, list[int]]] = []
    for caption, line in enumerate(lines):
        if not (line.kind in ("paragraph", "heading") and _is_caption_line(line)):
            continue
        place = caption + 1
        # the rule under the caption and a sentence on how to read the rows
        while (
            place < len(lines)
            and place <= caption + 3
            and _LIST_ROW_RE.match(lines[place].raw.strip()) is None
        ):
            place += 1
        rows: list[int] = []
        while place < len(lines) and _LIST_ROW_RE.match(lines[place].raw.strip()):
            rows.append(place)
            place += 1
        if len(rows) >= _LIST_MIN_ROWS:
            blocks.append((caption, rows))
    return blocks


def _routing_lists(
    lines: list[Line],
    blocks: list[tuple[int, list[int]]],
    labels: dict[str, int],
    order: list[str],
    rules: _Rules,
) -> set[int]:
    """Read every routing table printed as lines (`C2 -> asked if C1 = 2.`, `S1 → END (if 1, 2
    or 3) / S2 (if 4)`) whose rows all name questions of the document; the places read."""
    dropped: set[int] = set()
    for caption, rows in blocks:
        read: list[tuple[list[str], str]] = []
        for place in rows:
            match = _LIST_ROW_RE.match(lines[place].raw.strip())
            assert match is not None
            first = clean_id(match["first"])
            last = clean_id(match["last"] or match["first"])
            if first not in labels or last not in labels:
                break
            read.append((order[order.index(first) : order.index(last) + 1], match["rule"]))
        if len(read) < len(rows):
            continue
        for own, rule in read:
            if own:
                _read_list_row(rule, own, rules)
        start = caption - 1 if caption and _is_rule(lines[caption - 1]) else caption
        if lines[caption].kind == "heading":
            start = caption + 1  # the heading stays: it closes the section above it
        dropped.update(range(start, rows[-1] + 1))
    return dropped


def _is_caption_line(line: Line) -> bool:
    return len(line.raw) <= 60 and bool(re.search(r"\b(?:routing|flow)\b", line.raw, re.I))


def _is_rule(line: Line) -> bool:
    return bool(re.fullmatch(r"[-=+_*~#]{5,}", line.raw.strip()))


def routing_table_lines(lines: list[Line]) -> list[Line]:
    """The lines with each routing table's rows written back at the questions they route."""
    tables = [
        i for i, line in enumerate(lines) if line.kind == "table" and _is_routing_table(line.rows)
    ]
    blocks = _list_blocks(lines)
    if not tables and not blocks:
        return lines
    rows = {place for _, places in blocks for place in places}
    labels: dict[str, int] = {}
    order: list[str] = []
    for place, line in enumerate(lines):
        if place in rows:
            continue
        label = find_label(line)
        if label is not None and label.id not in labels:
            labels[label.id] = place
            order.append(label.id)
    rules = _Rules()
    listed = _routing_lists(lines, blocks, labels, order, rules) if blocks else set()
    if not tables and not listed:
        return lines
    dropped: set[int] = set(tables) | listed
    for table in tables:
        above = table - 1
        if above >= 0 and len(lines[above].raw) <= 60 and _CAPTION_RE.search(lines[above].raw):
            dropped.add(above)
        elif (
            above >= 1
            and _is_caption_heading(lines[above - 1])
            and lines[above].kind == "paragraph"
        ):
            # "APPENDIX A – ROUTING TABLE" over a paragraph on how to read the table
            dropped.update((above - 1, above))
        for row in lines[table].rows[1:]:
            match = _IDS_RE.match(row[0].strip()) if row else None
            if match is None:
                continue
            first, last = clean_id(match["first"]), clean_id(match["last"] or match["first"])
            if first not in labels or last not in labels:
                continue
            own = order[order.index(first) : order.index(last) + 1]
            if own:
                _read_row(_rule_cells(row, lines[table].rows[0]), own, rules)
    before: dict[int, list[Line]] = {}
    after: dict[int, list[Line]] = {}
    for qid, tests in rules.filters.items():
        place = labels[qid]
        before.setdefault(place, []).append(
            made_line(lines[place], f"ASK IF {_joined(tests)}", False)
        )
    for qid, notes in rules.after.items():
        place = labels[qid]
        end = place
        for index in range(place + 1, len(lines)):
            if find_label(lines[index]) is not None or _ends_question(lines[index]):
                break
            if index not in dropped:
                end = index
        after.setdefault(end, []).extend(made_line(lines[end], note, False) for note in notes)
    out: list[Line] = []
    for place, line in enumerate(lines):
        out.extend(before.get(place, []))
        if place not in dropped:
            out.append(line)
        out.extend(after.get(place, []))
    return out
