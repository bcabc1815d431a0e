"""Page numbers and footnotes printed at the foot of a page, left out.

A PDF's text carries each page's number as a line of its own right before the next page
(`1`, `- 2 -`, `Page 3`, `3 / 12`, `Página 4`, `Seite 5 von 9`); it is neither an answer nor a
question's word, so such a line just before a page break or at the end is dropped, and so is
a footer line that ends in the page's number (`Form HR-7 rev 4   Page 1 of 2`). A footnote
(`¹ Card 1: the four logos`) is marked by a raised number that the text before it carries; it is
about the document, not asked, and is dropped wherever it stands.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_PAGE_RE = re.compile(
    r"^[-–—\s]*(?:(?:page|p[áa]gina|seite|pagina|sayfa|strona)\s+)?\d{1,3}"
    r"(?:\s*(?:/|of|de|von|di|van)\s*\d{1,3})?[-–—\s]*$",
    re.I,
)

# "Form HR-7 rev 4<TAB>Page 1 of 2", "Job 123 – Confidential – Page 3": a footer ending in its page
_FOOTER_RE = re.compile(
    # "\s\s" then "\s*", not "\s{2,}\s*": the two runs backtracked quadratically over long gaps
    r"\S(?:\t|\s[-–—|·•]\s|\s\s)\s*(?:page|p[áa]gina|seite|pagina|sayfa|strona)\s+\d{1,3}"
    r"(?:\s*(?:/|of|de|von|di|van)\s*\d{1,3})?\s*$",
    re.I,
)

_FOOTNOTE_RE = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹]+\s*\S")


# "Acme Research – confidential – 2": a footer whose last number is the page's own
_NUMBERED_FOOT_RE = re.compile(r"\S\s[-–—|·•]\s(\d{1,3})$")


def _numbered_feet(lines: list[Line]) -> set[str]:
    """Footers ending in their page's number, printed at the foot of two pages or more (their
    words with the number masked)."""
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        found = _NUMBERED_FOOT_RE.search(line.text) if line.kind == "paragraph" else None
        if found and (after is None or after.kind == "page_break") and int(found[1]) == line.page:
            key = line.text[: found.start(1)]
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2}


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """The lines without the page numbers printed just before each page break."""
    kept: list[Line] = []
    feet = _numbered_feet(lines)
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        at_foot = after is None or after.kind == "page_break"
        found = _NUMBERED_FOOT_RE.search(line.text) if at_foot and feet else None
        if found and line.text[: found.start(1)] in feet:
            continue
        if at_foot and line.kind == "paragraph" and _PAGE_RE.match(line.text) and line.page:
            continue
        if at_foot and line.kind == "paragraph" and _FOOTER_RE.search(line.spaced or line.raw):
            continue
        if _FOOTNOTE_RE.match(line.text or " ".join(line.instructions)):
            continue
        kept.append(line)
    return kept
