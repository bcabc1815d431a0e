"""Routing written as a small decision table beside the question it routes.

Questionnaires for a web team often put the routing in a table right after (or right before) a
question, one row per case, the answers tested in the first columns and what happens in the last:

    Answer at 7 | What happens next          Question 3 | Question 5 | Ask 5a?
    1 or 2      | Go to question 9           1 or 2     | 1 or 2     | Yes
    3 or 4      | question 8                 any other  |            | No – go to question 6
    5           | Thank and close

Each column heading names the question it tests (`Answer at 7`, `Question 3`, `Q3`). A table
whose last heading asks whether a question is asked (`Ask 5a?`) is that question's filter: the
rows answered "yes", each the AND of its cells, joined with OR, written as `ASK IF …` before it.
A table whose last heading is what happens next is the tested question's routing: a row that
goes to a named question is `IF … GO TO …`, a row that closes or screens out `IF … SCREEN OUT`,
written after the question's answers; a row that goes on to the next question, or is the
catch-all `any other answer`, is the default flow. The table is then left out, and so is its
caption when that only names the routing.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, made_line

_ASKED_HEAD_RE = re.compile(
    r"^(?:ask|show|asked|shown)\s+(?:question\s+|Q\.?\s*)?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\s*\?\s*$",
    re.I,
)
_TESTED_HEAD_RE = re.compile(
    r"^(?:(?:answer|response|code)s?\s+(?:at|to|for|in)\s+)?(?:question\s+|Q\.?\s*)?"
    r"(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)$",
    re.I,
)
_NEXT_HEAD_RE = re.compile(
    r"^(?:what\s+happens\s+next|next\s+question|then|action|route|routing|go\s+to|next|outcome)$",
    re.I,
)
_ANY_RE = re.compile(r"^(?:any|all)\b|^(?:everyone|anyone|all)\s+else\b|^(?:other|others)\b", re.I)
_YES_RE = re.compile(r"^(?:yes|ask|show)\b", re.I)
_CLOSE_RE = re.compile(
    r"\b(?:screen[- ]?out|terminate|close\s+the\s+(?:survey|interview)|"
    r"thank\s+and\s+(?:close|end))",
    re.I,
)
_GO_ON_RE = re.compile(r"^(?:go\s+on|continue|carry\s+on|next\s+question)\b", re.I)
_TARGET_RE = re.compile(r"\b(?:question\s+|Q\.?\s*)(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\b", re.I)
_CAPTION_RE = re.compile(
    r"^(?:routing\s+(?:after|for|at)\s+(?:question\s+)?\w+|is\s+(?:question\s+)?\w+\s+asked\??)$",
    re.I,
)


def _question_id(raw: str, ids: dict[str, str]) -> str | None:
    """The label id a heading's question number names ("5a" → "Q5a", "Q3" → "Q3")."""
    key = raw.upper()
    if key in ids:
        return ids[key]
    return ids.get("Q" + key)


def _codes(cell: str) -> str | None:
    """The codes a cell tests as the condition reader takes them ("1, 2 or 3", "0 to 6")."""
    text = re.sub(r"\([^()]*\)", "", cell).strip()
    if not re.fullmatch(r"\d{1,3}(?:\s*(?:,|or|and|to|-|–)\s*\d{1,3})*", text, re.I):
        return None
    text = re.sub(r"\s*(?:\bto\b|–)\s*", "-", text, flags=re.I)
    return re.sub(r"\s*(?:,|\bor\b|\band\b)\s*", " OR ", text, flags=re.I)


def _row_test(row: tuple[str, ...], tested: list[str]) -> str | None:
    """The AND of a row's cells (a cell of "any answer" tests nothing); None for a catch-all."""
    tests: list[str] = []
    for qid, cell in zip(tested, row, strict=False):
        if not cell.strip() or _ANY_RE.match(cell.strip()):
            continue
        codes = _codes(cell)
        if codes is None:
            return None
        tests.append(f"({qid} = {codes})")
    if not tests:
        return None
    return " AND ".join(tests)


def _asked_filter(rows: tuple[tuple[str, ...], ...], tested: list[str]) -> str | None:
    groups: list[str] = []
    for row in rows[1:]:
        if not _YES_RE.match(row[-1].strip()):
            continue
        test = _row_test(row[:-1], tested)
        if test is None:
            return None
        groups.append(test)
    # the condition reader joins bracketed tests left to right, so one row of several tests
    # can be read before rows of one test each, and no more
    groups.sort(key=lambda group: " AND " not in group)
    if not groups or sum(" AND " in group for group in groups) > 1:
        return None
    return " OR ".join(groups)


def _routes(
    rows: tuple[tuple[str, ...], ...], qid: str, order: list[str], ids: dict[str, str]
) -> list[str]:
    here = order.index(qid)
    following, after_next = (order[here + 1 : here + 3] + [None, None])[:2]
    notes: list[tuple[str, str]] = []
    for row in rows[1:]:
        test = _row_test(row[:1], [qid])
        outcome = row[-1].strip()
        if test is None or _GO_ON_RE.match(outcome):
            continue  # the default flow, or the catch-all row
        if _CLOSE_RE.search(outcome):
            notes.append((f"IF {test} SCREEN OUT", ""))
            continue
        target = _TARGET_RE.search(outcome)
        to = _question_id(target["q"], ids) if target else None
        if to is not None:
            notes.append((f"IF {test} GO TO {to}", to))
    return kept_routes(notes, following, after_next)


def kept_routes(
    notes: list[tuple[str, str]], following: str | None, after_next: str | None
) -> list[str]:
    """The routing notes (each with where it goes, "" for none) that say more than the default
    flow: going on to the next question is no routing, unless another branch goes to the
    question after it; then the pair says who is asked the next one (`passes/branch_pairs`)."""
    split = any(to == after_next for _, to in notes)
    return [note for note, to in notes if to != following or split]


def decision_table_lines(lines: list[Line]) -> list[Line]:
    """The lines with each decision table written as the routing notes it stands for."""
    if not any(line.kind == "table" for line in lines):
        return lines
    ids: dict[str, str] = {}
    for line in lines:
        label = find_label(line)
        if label is not None:
            ids.setdefault(label.id.upper(), label.id)
    before: dict[str, list[str]] = {}
    replaced: dict[int, list[str]] = {}
    for place, line in enumerate(lines):
        rows = line.rows
        if line.kind != "table" or len(rows) < 2 or len(rows[0]) < 2:
            continue
        heads = [" ".join(cell.split()) for cell in rows[0]]
        tested = [_question_id(m["q"], ids) for m in map(_TESTED_HEAD_RE.match, heads[:-1]) if m]
        if len(tested) != len(heads) - 1 or None in tested:
            continue
        tested_ids = [t for t in tested if t]
        asked = _ASKED_HEAD_RE.match(heads[-1])
        if asked:
            target = _question_id(asked["q"], ids)
            condition = _asked_filter(rows, tested_ids)
            if target is None or condition is None:
                continue
            before.setdefault(target, []).append(f"ASK IF {condition}")
            replaced[place] = []
        elif _NEXT_HEAD_RE.match(heads[-1]) and len(tested_ids) == 1:
            replaced[place] = _routes(rows, tested_ids[0], list(ids.values()), ids)
    if not replaced:
        return lines
    out: list[Line] = []
    for place, line in enumerate(lines):
        if place + 1 in replaced and _CAPTION_RE.match(" ".join(line.raw.split())):
            continue
        if place in replaced:
            out.extend(made_line(line, text, False) for text in replaced[place])
            continue
        label = find_label(line)
        if label is not None and label.id in before:
            out.extend(made_line(line, text, False) for text in before.pop(label.id))
        out.append(line)
    return out
