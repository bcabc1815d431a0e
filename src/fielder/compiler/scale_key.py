"""A grid's scale written once on a line of its own, then its items with boxes for the code:

    ESCALA:  Muy satisfecho 5  /  Satisfecho 4  /  …  /  NS/NR 99
    a. Cobertura de la señal ..................... |__|__|

The key (`SCALE:`, `ESCALA:`, `ÉCHELLE :`, `SKALA:`, `SCALA:`, `SCHAAL:`, `ÖLÇEK:`) lists each
point's words with its code after them; the lettered lines under it are the grid's rows, each
with the boxes the interviewer writes the code in.
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption

_KEY_RE = re.compile(
    r"^(?:SCALE|ESCALA|[ÉE]CHELLE|SKALA|SCALA|SCHAAL|[ÖO]L[ÇC]EK)\s*:\s*(?P<rest>\S.*)$", re.I
)
# "Muy satisfecho 5", "NS/NR (99)", "Bilmiyor 98 (OKUMAYINIZ)": a note after the code is dropped
_POINT_RE = re.compile(
    r"^(?P<label>[^\W\d_].*?)\s*[(\[]?(?P<code>\d{1,3})[)\]]?(?:\s*\([^()]*[^\W\d][^()]*\))?$"
)
# "a. Cobertura de la señal ........ |__|__|": an item, its leaders and its code boxes
# the boxes as runs of '_' between one or two '|' (two boxes at least): `(?:\|?_{1,3}\|?){2,}`
# split a long run of '_' every possible way (exponential); a label ends before the boxes' marks
_BOXED_ROW_RE = re.compile(
    r"^(?:\(?[a-zA-Z]{1,2}[.)]\s+)?(?P<label>.*?[^\s.…_|])\s*(?:\.{2,}|…+)?\s*"
    r"(?=\|?_\|{0,2}_)\|?_++(?:\|{1,2}+_++)*+\|?\s*$"
)


def is_key(text: str) -> bool:
    """True for a line that starts a scale key ("ESCALA: Muy satisfecho 5 / …")."""
    return _KEY_RE.match(text) is not None


def key_points(text: str) -> list[RawOption] | None:
    """The points of a scale key, words and code each, or None when it is not one."""
    match = _KEY_RE.match(text)
    if match is None:
        return None
    parts = [p.strip() for p in re.split(r"\s+[/|;]\s+|\s*[|;]\s*", match["rest"]) if p.strip()]
    points = [_POINT_RE.match(p) for p in parts]
    if len(points) < 2 or any(p is None for p in points):
        return None
    return [RawOption(p["label"].strip(), p["code"]) for p in points if p is not None]


# A key's last point ends in its code (maybe with a never-read note after it: "98 (DO NOT READ)").
_ENDS_IN_CODE_RE = re.compile(r"\d{1,3}[)\]]?(?:\s*\([^()]*\))?\s*$")


def wrapped_key(text: str, following: list[str]) -> tuple[str, int]:
    """A key wrapped over the next lines ("… / Ne katılıyorum ne" over "katılmıyorum 3 / …"):
    the whole key and how many following lines it took. A line ending in a separator goes on
    with the next point; a line ending in words goes on with that point's words."""
    taken = 0
    while taken < len(following) and taken < 4 and not boxed_row(following[taken]):
        if re.search(r"[/|;]\s*$", text):
            text = f"{text.rstrip(' /|;')} / {following[taken].strip()}"
        elif not _ENDS_IN_CODE_RE.search(text) and re.search(r"[^\W\d_]$", text):
            text = f"{text} {following[taken].strip()}"
        else:
            break
        taken += 1
    return text, taken


def boxed_row(text: str) -> str | None:
    """The item of a grid row written with code boxes after it, or None."""
    match = _BOXED_ROW_RE.match(text)
    return match["label"] if match else None
