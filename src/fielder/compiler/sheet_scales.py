"""A grid's scale written as a header row inside an agency sheet's answer column.

Agency layouts put a battery's answer scale in the cells to the right of a `Statement` (or
`Item`, `Attribute`) heading, one point a cell (`1  Disagree strongly | 2  Disagree | …`), and
list the statements under it, lettered `a`, `b`, `c` in the code column. The heading row is the
scale, written out as a `1 = …, 2 = …` key the grid rules read, and the letters only mark the
statements (they are rows, not answer codes).

A sheet may also type the question as a grid in its type column (`GRID`, `MATRIZ`) and write
the scale once in its notes cell (`SCALE: 1 Very poor / 2 Poor / … / 9 DK (DO NOT READ)`): the
same battery, its scale in a note (`noted_scale`).
"""

from __future__ import annotations

import re

_ROW_HEAD_RE = re.compile(
    r"^(?:statements?|items?|attributes?|aspects?|rows?|afirmaci[óo]n(?:es)?|[ée]nonc[ée]s?|"
    r"aussagen?|stellingen?|affermazioni)\s*:?$",
    re.I,
)
# "1  Disagree strongly", "5 - Agree strongly", "Agree strongly (5)"
_POINT_RE = re.compile(
    r"^(?:(?P<n>-?\d{1,2})\s*[-–.:)]?\s+(?P<words>\D.*)|(?P<words2>\D.*?)\s*\((?P<n2>-?\d{1,2})\))$"
)
_LETTER_RE = re.compile(r"^[a-zA-Z][.)]?$")


def scale_key(row: tuple[str, ...], label_at: int) -> str | None:
    """`1 = …, 2 = …` when the answer cell holds a statements heading and the cells after it
    each hold a scale point with its words; None otherwise."""
    if label_at >= len(row) or not _ROW_HEAD_RE.match(row[label_at].strip()):
        return None
    points = []
    for cell in row[label_at + 1 :]:
        if not cell.strip():
            continue
        match = _POINT_RE.match(cell.strip())
        if match is None:
            return None
        number = match["n"] if match["n"] is not None else match["n2"]
        words = " ".join((match["words"] or match["words2"]).split())
        points.append(f"{number} = {words}")
    return ", ".join(points) if len(points) >= 2 else None


def item_letter(code: str) -> bool:
    """Whether a code cell only letters a statement (`a`, `b)`)."""
    return bool(_LETTER_RE.match(code.strip()))


# a type cell that makes the question a battery: "GRID", "MATRIX", "MATRIZ", "GRILLE", "GRIGLIA"
_GRID_TYPE_RE = re.compile(r"\b(?:grid|matri[xz]|matrice|grille|griglia)\b", re.I)
# "SCALE: 1 Very poor / 2 Poor / …", "ESCALA: 1 Muy mal / …": the key's head word
_NOTED_KEY_RE = re.compile(
    r"^\W*(?:scale|escala|[ée]chelle|skala|scala|schaal)\s*:\s*(?P<rest>.+)$", re.I
)
# "1 Very poor", "2 = Poor", "9 NS/NC (NO LEER)": a point, a note in brackets after it dropped
_NOTED_POINT_RE = re.compile(
    r"^(?P<n>\d{1,2})\s*[-–=:.)]?\s+(?P<words>[^\W\d_][^()]*?)\s*(?:\([^()]*\))?$"
)


def grid_type(cell: str) -> bool:
    """Whether a type cell makes the question a grid."""
    return bool(_GRID_TYPE_RE.search(cell))


def noted_scale(note: str) -> list[tuple[str, str]] | None:
    """(code, label) for each point of a scale key written in a note cell, points set apart by
    " / " (a point's own slash, "NS/NC", has no spaces), up to the sentence after it
    ("… 5 Very good. ROTATE ITEMS."); None unless three points or more, the first in a run."""
    match = _NOTED_KEY_RE.match(note.strip())
    if match is None:
        return None
    rest = re.split(r"(?<=[\w)])\.\s+(?=[^\W\d_])", match["rest"].strip(), maxsplit=1)[0]
    found = [_NOTED_POINT_RE.match(part.strip(" .;")) for part in re.split(r"\s+/\s+", rest)]
    if len(found) < 3 or not all(found):
        return None
    numbers = [int(m["n"]) for m in found if m]
    if numbers[:3] != list(range(numbers[0], numbers[0] + 3)) or numbers != sorted(numbers):
        return None
    return [(m["n"], m["words"].strip()) for m in found if m]
