"""Multi-market trackers: one tick column per market, read as a filter on the country question.

A tracker run in several countries lists its markets as columns of the questionnaire sheet
(`UK | IE | DE | … | CA`) and ticks (`x`) the markets each question is asked in. A question
ticked in some markets only is asked of the people in those markets: a filter on the
questionnaire's own country question, whose answers are the markets in the columns' order.
The evidence is the sheet's: three or more short capital headings whose cells hold only ticks,
and a question ticked in every market whose coded answers are as many as the markets (one more
for an "Other"). Ticks are written as they are (the codes ticked, not a negation); a question
ticked everywhere has no filter.
"""

from __future__ import annotations

import re

from fielder.documents.model import Cell

_MARKET_HEAD_RE = re.compile(r"^[A-Z]{2,3}$")
_TICK_RE = re.compile(r"^(?:x|✓|✔|•|y)$", re.I)


def _text(row: tuple[Cell, ...], at: int | None) -> str:
    return row[at].text.strip() if at is not None and at < len(row) else ""


def _tick_columns(head: tuple[Cell, ...], roles: set[int]) -> list[int]:
    marked = [
        i for i, c in enumerate(head) if i not in roles and _MARKET_HEAD_RE.match(c.text.strip())
    ]
    # the run of neighbouring market headings, three or more
    runs: list[list[int]] = []
    for index in marked:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    best = max(runs, key=len, default=[])
    return best if len(best) >= 3 else []


def market_notes(
    head: tuple[Cell, ...], body: tuple[tuple[Cell, ...], ...], columns: dict[str, int]
) -> dict[int, str]:
    """For each body row of a question asked in some markets only, its filter note
    (`ASK IF M1 = 1, 2, 3 OR 4`), by the row's place in `body`; empty when the sheet has no
    tick columns or no country question to read them on."""
    ident_at, code_at = columns.get("id"), columns.get("code")
    if ident_at is None or code_at is None:
        return {}
    ticks = _tick_columns(head, set(columns.values()))
    if not ticks:
        return {}
    cells = [_text(row, i) for row in body for i in ticks]
    if any(c and not _TICK_RE.match(c) for c in cells) or sum(map(bool, cells)) < 3:
        return {}
    country, codes = "", []
    ticked: dict[int, list[int]] = {}
    for place, row in enumerate(body):
        ident = _text(row, ident_at)
        if not ident:
            continue
        ticked[place] = [j for j, i in enumerate(ticks) if _TICK_RE.match(_text(row, i))]
        if not country and len(ticked[place]) == len(ticks):
            answers = []
            for below in body[place + 1 :]:
                if _text(below, ident_at) or not re.fullmatch(r"\d{1,3}", _text(below, code_at)):
                    break
                answers.append(_text(below, code_at))
            if len(answers) in (len(ticks), len(ticks) + 1):
                country, codes = ident, answers[: len(ticks)]
    if not country:
        return {}
    notes: dict[int, str] = {}
    for place, markets in ticked.items():
        if not markets or len(markets) == len(ticks):
            continue  # asked everywhere (or the row is no question of the markets)
        listed = [codes[j] for j in markets]
        words = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " OR " + listed[-1]
        notes[place] = f"ASK IF {country} = {words}"
    return notes
