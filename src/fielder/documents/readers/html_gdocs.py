"""What a Google Docs "Download as HTML" page keeps only in its style sheet and classes.

Google Docs writes every list level as a flat `<ol class="lst-kix_<id>-<level>" start="n">`
(never nested), and draws its numbers with CSS counters: the level lives in the class name's
last number, the number's style and the text after it in a `li:before` rule. Comments are
`[a]` anchors in the text and their words in `<div>`s at the end of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4.element import Tag

_LIST_CLASS = re.compile(r"^lst-kix_[\w]+-(\d)$")
# .lst-kix_abc-1>li:before{content:"" counter(lst-ctn-kix_abc-1,lower-latin) ") "}
_COUNTER_RULE = re.compile(
    r"\.(lst-kix_[\w]+-\d)\s*>\s*li:before\s*\{[^}]*?content\s*:\s*\"[^\"]*\"\s*"
    r"counter\([\w-]+,\s*([a-z-]+)\)\s*\"([^\"]*)\""
)
_CSS_FORMATS = {
    "decimal": "decimal", "lower-latin": "lowerLetter", "lower-alpha": "lowerLetter",
    "upper-latin": "upperLetter", "upper-alpha": "upperLetter", "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman", "decimal-leading-zero": "decimalZero",
}  # fmt: skip
_COMMENT_ID = re.compile(r"^#?cmnt(?:_ref)?\d+$")


@dataclass(frozen=True, slots=True)
class ListStyle:
    """One Google Docs list level: its depth, number format and the text after the number."""

    level: int
    fmt: str
    suffix: str


def counter_styles(css: str) -> dict[str, tuple[str, str]]:
    """The `li:before` counter rules of a page: list class → (Word numFmt, text after)."""
    return {
        name: (_CSS_FORMATS.get(kind, "decimal"), suffix.strip() or ".")
        for name, kind, suffix in _COUNTER_RULE.findall(css)
    }


def list_style(tag: Tag, counters: dict[str, tuple[str, str]]) -> ListStyle | None:
    """The level and numbering of a Google Docs list element, or None for any other list."""
    for name in tag.get("class") or []:
        match = _LIST_CLASS.match(name)
        if match:
            fmt, suffix = counters.get(name, ("decimal" if tag.name == "ol" else "bullet", "."))
            return ListStyle(int(match[1]), fmt, suffix)
    return None


def is_comment(tag: Tag) -> bool:
    """A comment's `[a]` anchor in the text, or the block at the end holding its words."""
    name = tag.name.lower()
    if name == "a":
        return any(_COMMENT_ID.match(str(tag.get(key, ""))) for key in ("id", "href"))
    if name == "sup":
        anchor = tag.find("a")
        return isinstance(anchor, Tag) and is_comment(anchor)
    if name == "div":
        anchor = tag.find("a")
        return (
            isinstance(anchor, Tag)
            and re.fullmatch(r"cmnt\d+", str(anchor.get("id", ""))) is not None
            and tag.get_text().lstrip().startswith(anchor.get_text().strip())
        )
    return False
