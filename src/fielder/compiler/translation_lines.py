"""A form printed in two languages: the italic line under each question is its translation.

Bilingual paper forms print each question in the first language and, right under it in italics,
the same question in the second (`3. How long have you lived here?` over `¿Cuánto tiempo lleva
viviendo aquí?`). The italic line is neither the question's words nor an instruction to read:
where most labelled questions carry such a line, those lines are left out.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, is_caps_instruction

MIN_PAIRS = 3
#: the share of labelled questions that must carry a translation line
SHARE = 0.6
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def drop_translation_lines(lines: list[Line]) -> list[Line]:
    """The lines without the translations printed under each question, where the form has them."""
    labelled = 0
    translations: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        label = find_label(line) if line.text else None
        if label is None:
            continue
        labelled += 1
        below = lines[index + 1]
        if below.kind == "paragraph" and below.whole_instruction:
            if _translates(label.rest, " ".join(below.instructions)):
                translations.add(index + 1)
    if len(translations) < MIN_PAIRS or len(translations) < SHARE * labelled:
        return lines
    return [line for index, line in enumerate(lines) if index not in translations]


def _translates(text: str, note: str) -> bool:
    """A line about as long as the question, ending as it ends, sharing few of its words."""
    text, note = text.strip(), note.strip()
    if not text or not note or is_caps_instruction(note) or note[:1] in "([":
        return False
    if not 0.6 <= len(note) / len(text) <= 1.8 or text[-1:] != note[-1:]:
        return False
    ours = {w.lower() for w in _WORD_RE.findall(text)}
    theirs = {w.lower() for w in _WORD_RE.findall(note)}
    return bool(theirs) and len(ours & theirs) <= len(theirs) // 2
