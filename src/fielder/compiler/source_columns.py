"""Translation workbooks: the source-language column is the questions' and answers' words.

A translation workbook heads its wording columns with language tags ("Source text (en-GB)",
"es-ES", "it-IT", "pt-PT"): one column per language, the source first or named as the source.
No heading says "question" or "answers", so the sheet reader found neither. With two or more
columns tagged by a locale (a document-level shape, not a word list), the source column is the
question text and the answers under it (the "Code" column keeps the codes); the other language
columns are translations and stay unread.
"""

from __future__ import annotations

import re

# "es-ES", "pt_BR", "(en-GB)", "fr-CA": a locale tag, alone or in brackets at a heading's end
_LOCALE_RE = re.compile(r"(?:^|\()\s*([a-z]{2,3})[-_]([a-z]{2})\s*\)?\s*$", re.IGNORECASE)
# "Source text", "Master (en)", "Original wording": the column the others translate
_SOURCE_RE = re.compile(r"\b(?:source|master|original)\b", re.IGNORECASE)


def _locale(cell: str) -> str | None:
    found = _LOCALE_RE.search(cell.strip())
    return found[1].lower() if found else None


def source_column(header: tuple[str, ...], found: dict[str, int]) -> int | None:
    """The index of the source-language column when the header tags ≥2 columns with locales
    and no column was read as the question text; None otherwise."""
    if "text" in found:
        return None
    tagged = [i for i, cell in enumerate(header) if _locale(cell)]
    if len(tagged) < 2:
        return None
    named = [i for i in tagged if _SOURCE_RE.search(header[i])]
    if named:
        return named[0]
    english = [i for i in tagged if _locale(header[i]) == "en"]
    return english[0] if english else tagged[0]


def with_source_column(header: tuple[str, ...], found: dict[str, int]) -> dict[str, int]:
    """`found` with the source column as the text and answers column, the codes kept apart."""
    index = source_column(header, found)
    if index is None:
        return found
    out = dict(found)
    if out.get("options") is not None and out.get("options") != index and "code" not in out:
        # "Code" alone was taken as the answers' column; it holds the codes here
        out["code"] = out.pop("options")
    out["text"] = index
    out["options"] = index
    return out
