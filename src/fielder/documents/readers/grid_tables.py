"""Tables drawn with characters in plain text: pandoc grid tables (`+----+----+` rules, `|`
cells, `+====+` under the header) and box-drawn tables (`┌──┬──┐`, `│`, `├──┼──┤`, `╞══╪══╡`).

A drawn table's rows lie between rule lines and each cell wraps over several text lines; the
columns are where the rule's junctions stand. Reading it line by line gives a paragraph per
wrapped fragment with the bars in it, so the whole table is read into rows of cells: a cell's
lines are joined where the words wrap, and kept apart where a new answer (`2. No`) or a new
sentence starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_JUNCTIONS = frozenset("+┌┬┐├┼┤└┴┘╞╪╡╒╤╕╘╧╛╟╫╢╔╦╗╠╬╣╚╩╝")
_FILL = frozenset("-=:─═━ ")
_HEADER_FILL = frozenset("=═")
_BARS = frozenset("|│║┃")
_SENTENCE_ENDS = (".", "?", "!", ":", ";")
# pandoc's subscript: "☐~07~" prints the code 07 small under the box
_SUBSCRIPT_RE = re.compile(r"~([^~\s]{1,12})~")
# a box's first line with a short label cell before an inner bar ("FILTER 3 | …"), and a line
# of the same box whose label cell is empty ("| or more …")
_INNER_BAR_RE = re.compile(r"^[^|│]{1,24}\s[|│]\s+\S")
_BLANK_LABEL_RE = re.compile(r"^[|│]\s+(?=\S)")


@dataclass(frozen=True)
class GridTable:
    """A drawn table found in a run of lines: its rows of cell texts, and where it lies."""

    first: int
    last: int  # index of the closing rule line
    rows: list[list[str]]
    header_rows: int
    #: each row's cells as their text lines, before joining
    pieces: list[list[list[str]]]

    def box_lines(self) -> list[str] | None:
        """A one-column box's lines (a framed note: `| FILTER: … |`), a line ending in a colon
        or followed by one going on in lower case joined to the next; None for a table of two
        columns or more."""
        if any(len(row) != 1 for row in self.pieces):
            return None
        lines: list[str] = []
        pieces = [p for row in self.pieces for p in row[0]]
        # "| FILTER 3 | C5 only if … |" over "|          | or more … |": a label column the
        # rule does not show; a line whose label cell is blank goes on with the words beside it
        labelled = bool(pieces) and _INNER_BAR_RE.match(pieces[0]) is not None
        for piece in pieces:
            if labelled and lines and _BLANK_LABEL_RE.match(piece):
                piece = _BLANK_LABEL_RE.sub("", piece)
            if lines and (lines[-1].endswith(":") or piece[:1].islower()):
                lines[-1] = f"{lines[-1]} {piece}"
            else:
                lines.append(piece)
        return lines


def is_rule(line: str) -> bool:
    """A drawn table's rule: junctions at both ends, dashes or equals signs between."""
    stripped = line.strip()
    return (
        len(stripped) >= 3
        and stripped[0] in _JUNCTIONS
        and stripped[-1] in _JUNCTIONS
        and any(c in "-=─═━" for c in stripped)
        and all(c in _JUNCTIONS or c in _FILL for c in stripped)
    )


def find_grid_tables(lines: list[str]) -> list[GridTable]:
    """Every drawn table in the lines, in order."""
    tables: list[GridTable] = []
    index = 0
    while index < len(lines):
        table = _table_at(lines, index) if is_rule(lines[index]) else None
        if table is None:
            index += 1
            continue
        tables.append(table)
        index = table.last + 1
    return tables


def _table_at(lines: list[str], first: int) -> GridTable | None:
    top = lines[first].rstrip()
    bounds = [i for i, c in enumerate(top) if c in _JUNCTIONS]
    if len(bounds) < 2:
        return None
    rows: list[list[str]] = []
    pieces: list[list[list[str]]] = []
    pending: list[list[str]] = []
    cuts: list[list[str]] = []  # the pending row's text lines, cut into cells
    header_rows = 0
    index = first + 1
    while index < len(lines):
        line = lines[index].rstrip()
        if is_rule(line):
            if pending and _keyed_lines(cuts):
                for cut in cuts:
                    rows.append(cut)
                    pieces.append([[piece] if piece else [] for piece in cut])
            elif pending:
                rows.append([_join(cell) for cell in pending])
                pieces.append(pending)
            pending, cuts = [], []
            if any(c in _HEADER_FILL for c in line) and not header_rows:
                header_rows = len(rows)
            index += 1
            if index >= len(lines) or not _is_content(lines[index], bounds):
                break
            continue
        if not _is_content(line, bounds):
            return None  # not closed by a rule: not a drawn table
        cut = _cut(line, bounds)
        cuts.append(cut)
        pending = pending or [[] for _ in cut]
        for cell, piece in zip(pending, cut, strict=False):
            if piece:
                cell.append(piece)
        index += 1
    if not any(cell for row in rows for cell in row):
        return None  # an empty drawn box is the space to write in, left as drawn
    return GridTable(first, index - 1, rows, header_rows, pieces)


def _keyed_lines(cuts: list[list[str]]) -> bool:
    """Lines between two rules that are rows of their own, not one row wrapped: a table ruled
    only above and below its body (`+----+` … `+----+`) with every line opening on a short key
    of its own in the first cell (`| K2 | … |` / `| K3-K5 | … |`), where a wrapped row leaves
    that cell empty or goes on with the words of a sentence."""
    if len(cuts) < 2:
        return False
    keys = [cut[0] if cut else "" for cut in cuts]
    return all(
        key and len(key) <= 12 and " " not in key and any(c.isdigit() for c in key) for key in keys
    ) and len(set(keys)) == len(keys)


def _is_content(line: str, bounds: list[int]) -> bool:
    line = line.rstrip()
    return (
        len(line) > bounds[0]
        and line[bounds[0]] in _BARS
        and line.lstrip()[:1] in _BARS
        and line[-1] in _BARS
    )


def _cut(line: str, bounds: list[int]) -> list[str]:
    """The cell pieces of one text line, cut where the rule's junctions stand."""
    return [line[start + 1 : end].strip() for start, end in zip(bounds, bounds[1:], strict=False)]


def _join(pieces: list[str]) -> str:
    """A cell's wrapped lines as its text: fragments joined by spaces, with a line break before
    a coded answer or after a finished sentence."""
    out: list[str] = []
    for piece in pieces:
        if out and not out[-1].endswith(_SENTENCE_ENDS) and not _opens_answer(piece):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return "\n".join(out)


def _opens_answer(piece: str) -> bool:
    """`2. No`, `B. Maize`, `16) Other`, `☐ Yes`: a new answer, never a wrapped word."""
    if piece[:1] in "☐□○◯" or piece.startswith("[ ]"):
        return True
    head, _, rest = piece.partition(" ")
    if not rest or len(head) < 2 or head[-1] not in ".)":
        return False
    code = head[:-1]
    return code.isdigit() and len(code) <= 3 or (len(code) == 1 and code.isalpha())


def as_pipe_tables(source: str) -> str:
    """Markdown with its grid tables written as pipe tables (which a Markdown parser reads);
    a cell's lines are kept apart by `<br>`, pandoc's `~sub~` codes written plain."""
    lines = source.split("\n")
    tables = find_grid_tables(lines)
    if not tables:
        return source
    out: list[str] = []
    index = 0
    for table in tables:
        out.extend(lines[index : table.first])
        out.extend(["", *_pipe_rows(table), ""])
        index = table.last + 1
    out.extend(lines[index:])
    return "\n".join(out)


def _pipe_rows(table: GridTable) -> list[str]:
    rows = [[_pipe_cell(cell) for cell in row] for row in table.rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    head = max(table.header_rows, 1)
    header = [" ".join(filter(None, column)) for column in zip(*rows[:head], strict=True)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in rows[head:])
    return lines


def _pipe_cell(text: str) -> str:
    plain = _SUBSCRIPT_RE.sub(r"\1", text)
    return plain.replace("|", "\\|").replace("\n", "<br>")
