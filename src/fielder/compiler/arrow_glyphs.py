"""Arrow glyphs written as one arrow: `No ☐2 ➜ Go to Q7`, `No 2 ⟶ skip to Q9`, `No ▶ Q12`.

Authors draw the arrow of an answer's routing tail with whatever their font offers (➜ ➔ ➡ ➝
⟶ ⮕ ⇨ 🡒 …). The readers of answers and routing know `→` (and `->`, `=>`, `⇒`), so every glyph
that is never anything but an arrow is read as `→` wherever it stands. The triangles and arrow
heads that also serve as bullets (▶ ► ▸ ➤ ➢) are read as `→` only inside a line, after its
words (`No 2 ▶ Go to Q7`), never at its start, where they mark a list item or a routing note.
Each glyph is one character for one, so offsets and formatting runs stay in place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Cell, Run

_ARROWS = "➜➔➡➝➞➙➛➠⟶⮕⇨⭢🡒🠒⇾⟹⭆⇒"
_ALWAYS = str.maketrans(dict.fromkeys(_ARROWS, "→"))
# a bullet-like triangle between words on one line: after a non-space and a space, before a space
_INSIDE_RE = re.compile(r"(?<=[ \t])[▶►▸➤➢](?=[ \t]+\S)")
_ANY = re.compile(f"[{_ARROWS}▶►▸➤➢]")


def plain_arrow_text(text: str) -> str:
    """`text` with its arrow glyphs written as `→` (one character for one)."""
    if not _ANY.search(text):
        return text
    text = text.translate(_ALWAYS)

    def _inside(match: re.Match[str]) -> str:
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        return "→" if before.strip() else match.group(0)

    return _INSIDE_RE.sub(_inside, text)


def _runs(runs: tuple[Run, ...], old: str, new: str) -> tuple[Run, ...]:
    if old == new or not runs:
        return runs
    if sum(len(r.text) for r in runs) != len(new) or "".join(r.text for r in runs) != old:
        return tuple(replace(r, text=r.text.translate(_ALWAYS)) for r in runs)
    out: list[Run] = []
    at = 0
    for run in runs:
        out.append(replace(run, text=new[at : at + len(run.text)]))
        at += len(run.text)
    return tuple(out)


def _cell(cell: Cell) -> Cell:
    text = plain_arrow_text(cell.text)
    if text == cell.text:
        return cell
    return replace(cell, text=text, runs=_runs(cell.runs, cell.text, text))


def plain_arrows(blocks: list[Block]) -> list[Block]:
    """The blocks with their arrow glyphs written as `→`."""
    out: list[Block] = []
    for block in blocks:
        if not _ANY.search(block.text):
            out.append(block)
            continue
        text = plain_arrow_text(block.text)
        rows = tuple(tuple(_cell(c) for c in row) for row in block.rows)
        out.append(replace(block, text=text, runs=_runs(block.runs, block.text, text), rows=rows))
    return out
