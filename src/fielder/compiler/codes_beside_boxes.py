"""Postal forms that print a small office code just after each tick box: `Very satisfied ☐ 1`.

Self-completion paper questionnaires (councils, health services, national statistics offices)
set the answer's words first, then its box, then the data-entry code in a tiny font beside the
box, sometimes with a routing arrow after it (`No ☐ 2  → Go to Q8`), and sometimes two answers
to a line in two columns (`Clean streets ☐ 3   Job prospects ☐ 11`). The number after the box
is the answer's code, not an answer of its own.
"""

from __future__ import annotations

import re

_PAIR_RE = re.compile(
    # (a label of at most 200 characters: unbounded, a long line without a box is quadratic)
    # (its colon kept: "Prefer to self-describe: ☐ 3" leaves a line to write on)
    r"(?P<label>[^\s☐□▢❑](?:[^☐□▢❑]{0,200}?[^\s☐□▢❑])?)\s*[☐□▢❑]\s*(?P<code>\d{1,3})\b"
    r"(?P<route>\s*(?:→|->|=>|➔)\s*[^☐□▢❑\t]*?)?(?=\s*$|\t|\s{2,})"
)


def codes_beside_boxes(text: str) -> list[tuple[str, str, str]] | None:
    """(label, code, routing) for each `label ☐ code` answer on the line, or None when the
    whole line is not written that way."""
    stripped = text.strip()
    if not re.search(r"[☐□▢❑]\s*\d", stripped):
        return None
    found = list(_PAIR_RE.finditer(stripped))
    if not found:
        return None
    covered = "".join(stripped[m.start() : m.end()] for m in found)
    rest = re.sub(r"\s", "", stripped)
    if re.sub(r"\s", "", covered) != rest:
        return None
    if any(re.fullmatch(r"\d{1,3}", m["label"].strip()) for m in found):
        return None  # "1 ☐ 2 ☐": numbered boxes of a scale, read elsewhere
    return [(m["label"].strip(), m["code"], (m["route"] or "").strip()) for m in found]
