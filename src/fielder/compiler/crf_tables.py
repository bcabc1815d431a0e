"""Clinical case report forms: each section a table of `field code | field label | entry`.

A CRF prints a short field code in the first column (`VS2`, `AE1`, `DA4`), the field's label
in the second and the entry in the third: tick boxes with their data codes in square brackets
(`☐ Yes [1]   ☐ No [0]`), digit boxes with a unit and a range (`|__|__|__| mmHg   (60–250)`),
date masks (`__ __ / __ __ __ / __ __ __ __  (DD/MMM/YYYY)`) or a line to write on, and in
italics the completion notes (`If No → skip to Section C`). Each such row is rewritten as the
paragraphs a plain questionnaire would have: the labelled field, one answer a paragraph, the
entry box, the italic notes. A field whose label opens with a condition on an answer (`If No,
please explain`) is asked only when the field above was given that answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.answer_cell_tables import answer_cell_document
from fielder.compiler.detail_tables import detail_table_document
from fielder.compiler.number_row_scales import number_row_document
from fielder.compiler.routed_answer_tables import routed_answer_document
from fielder.documents.model import Block, Cell, Document, Run

_CODE_RE = re.compile(r"^[A-Z]{1,5}\d{1,3}[a-z]?$")
_ENTRY_RE = re.compile(r"[☐□▢]|_{2,}|\|__|\[\d{1,3}\]")
# "☐ Yes [1]": a tick box, the answer's words and its data code in square brackets
_BOXED_RE = re.compile(r"[☐□▢■☑☒]\s*(?P<label>[^☐□▢■☑☒\[\]]+?)\s*\[(?P<code>\w{1,4})\]")
_BOX_RANGE_RE = re.compile(
    r"(?:_|\|)[^()]*\(\s*(?P<low>-?\d+(?:\.\d+)?)\s*[-–—]\s*(?P<high>-?\d+(?:\.\d+)?)\s*\)\s*$"
)
_RANGE_RE = re.compile(r"\(\s*-?\d+(?:\.\d+)?\s*[-–—]\s*-?\d+(?:\.\d+)?\s*\)")
# the form's own furniture: who signs it off, monitors it or enters it
_SIGN_OFF_RE = re.compile(
    r"\b(?:sign[- ]?off|signature|monitor\s+(?:use|initials)|"
    r"for\s+(?:office|data\s+entry)\s+use)\b",
    re.I,
)
# "If No, please explain", "If yes, specify": a field asked after one answer of the field above
_IF_ANSWER_RE = re.compile(r"^(?:If|Si|Wenn|Falls|Se)\s+(?P<answer>[^,:]{1,30})[,:]\s*\S", re.I)


def crf_document(document: Document) -> Document:
    """The document with each CRF field table written out as paragraphs (and each details
    table of label and empty answer cells, `detail_tables`, and answer table routing from one
    answer, `routed_answer_tables`, and numbers over boxes, `number_row_scales`)."""
    document = routed_answer_document(detail_table_document(document))
    document = answer_cell_document(number_row_document(document))
    if not any(_is_field_table(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        if block.kind == "table" and _is_field_table(block):
            blocks.extend(_field_blocks(block))
        elif not _SIGN_OFF_RE.search(block.text):
            blocks.append(block)
    return replace(document, blocks=blocks)


def _is_field_table(block: Block) -> bool:
    """Rows of three cells (no header row), each a field code, a label and an entry, most
    entries printed as boxes to fill (tick boxes, digit boxes, lines, date masks)."""
    rows = block.rows
    coded = [
        r for r in rows if len(r) == 3 and _CODE_RE.match(r[0].text.strip()) and r[1].text.strip()
    ]
    boxed = [r for r in coded if _ENTRY_RE.search(r[2].text)]
    return len(rows) >= 2 and len(coded) == len(rows) and 2 * len(boxed) >= len(rows)


def _field_blocks(block: Block) -> list[Block]:
    out: list[Block] = []
    previous: str | None = None
    for row in block.rows:
        code, label = row[0].text.strip(), " ".join(row[1].text.split())
        if not _CODE_RE.match(code) or not label:
            out.append(_paragraph(block, " ".join(c.text for c in row)))
            continue
        condition = _IF_ANSWER_RE.match(label)
        if condition and previous:
            out.append(_paragraph(block, f"ASK IF {previous} = {condition['answer']}", note=True))
        out.append(_paragraph(block, f"{code}. {label}"))
        out.extend(_entry_blocks(block, row[2]))
        previous = code
    return out


def _entry_blocks(block: Block, cell: Cell) -> list[Block]:
    """The entry cell: its boxed answers one a paragraph, its box, its italic notes apart."""
    plain = "".join(r.text for r in cell.runs if not r.italic) if cell.runs else cell.text
    notes = " ".join(r.text for r in cell.runs if r.italic).strip()
    out: list[Block] = []
    answers = list(_BOXED_RE.finditer(plain))
    if answers:
        out.extend(_paragraph(block, f"☐ {a['label'].strip()} [{a['code']}]") for a in answers)
        plain = _BOXED_RE.sub(" ", plain)
    rest = " ".join(plain.split())
    ranged = _BOX_RANGE_RE.search(" ".join(cell.text.split()))
    if ranged and not answers:
        # "|__|__|__| mmHg   (60–250)", "___ . _ °C  (34.0–42.0)": a number box and its range
        out.append(_paragraph(block, f"NUMERIC, RANGE {ranged['low']}-{ranged['high']}", note=True))
        rest, notes = _RANGE_RE.sub("", rest).strip(), _RANGE_RE.sub("", notes).strip()
    if not answers and not notes and re.search(r"If\s+\w+.*?(?:→|go\s+to|skip\s+to)", rest, re.I):
        rest, notes = "", rest
    if rest:
        out.append(_paragraph(block, rest))
    for sentence in re.split(r"(?<=[.!])\s+(?=If\b|Si\b|Wenn\b|Se\b)", notes):
        if sentence.strip():
            out.append(_paragraph(block, sentence.strip(), note=True))
    return out


def _paragraph(block: Block, text: str, note: bool = False) -> Block:
    """A paragraph at the table's place; a note is set in italics, as the form prints it."""
    return Block(
        kind="paragraph",
        text=text,
        runs=(Run(text=text, italic=note),),
        page=block.page,
        start=block.start,
        end=block.end,
    )
