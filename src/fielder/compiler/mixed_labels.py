"""Scripts labelled two ways: a lettered screener ("S1.", "S2.") then a main part numbered
"1.", "2." … (often by Word's automatic numbering, so the numbers are not in the text).

A document whose lettered labels decide the labelling mode would otherwise read the main
part's numbers as answers. Both series are questions when the lettered labels are not a
"Q" series and the bare numbers that read as questions run 1, 2, 3 … once through the file.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label, looks_like_question, wrapped_paren_label
from fielder.compiler.lines import Line

_BARE_NUMBER_RE = re.compile(r"Q(\d+)")


def bare_numbers_too(lines: list[Line]) -> bool:
    """True when bare numbered questions follow a lettered (non-Q) screener series."""
    lettered: set[str] = set()
    numbers: list[int] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        label = find_label(line) or wrapped_paren_label(line, following)
        if label is None or line.is_option:
            continue
        if label.style == "prefixed":
            lettered.add(re.sub(r"\d.*", "", label.id))
        elif label.style == "bare" and _asks(label.rest):
            head = _BARE_NUMBER_RE.fullmatch(label.id)
            if head:
                numbers.append(int(head[1]))
    if not lettered or "Q" in lettered or len(numbers) < 3 or numbers[0] != 1:
        return False
    return all(0 < after - before <= 2 for before, after in zip(numbers, numbers[1:], strict=False))


def _asks(text: str) -> bool:
    return looks_like_question(text) or len(text.split()) >= 6
