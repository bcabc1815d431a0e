"""Question numbers kept in a spec after their question was deleted: `E09  [NOT USED - deleted
in v1.2]`, `Q14 (DELETED)`, `B7 – retired in wave 3`.

Statistics offices never re-use a question number, so a deleted question leaves its number in
the spec with a note. The line asks nothing; read as a label it would take the next question's
words. Such a line is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Document

_RETIRED_RE = re.compile(
    r"^\s*(?P<letters>[A-Za-z]{0,4})\d{1,4}[a-z]?[.:)]?\s*(?P<mark>[\[(–—-]?)\s*"
    r"(?P<word>NOT\s+USED|NO\s+LONGER\s+USED|DELETED|RETIRED|DROPPED|REMOVED|WITHDRAWN|"
    r"INTENTIONALLY\s+(?:LEFT\s+)?BLANK|RESERVED)\b[^\[\]()]{0,60}[\])]?\s*$",
    re.I,
)


def _retired(text: str) -> bool:
    found = _RETIRED_RE.match(text)
    if not found:
        return False
    # "6  Retired" is an answer (a working status): after a bare code with no bracket or dash,
    # only words no answer would be ("DELETED", "NOT USED") mark a deleted question
    if found["letters"] or found["mark"]:
        return True
    return bool(re.match(r"(?i)NOT|NO\s|DELETED|INTENTIONALLY", found["word"]))


def drop_retired_items(document: Document) -> Document:
    """The document without lines that only keep a deleted question's number."""
    kept = [b for b in document.blocks if b.kind == "table" or not _retired(b.text)]
    return document if len(kept) == len(document.blocks) else replace(document, blocks=kept)
