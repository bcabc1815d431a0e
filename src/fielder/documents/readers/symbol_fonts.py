"""Characters set in a symbol font, read as the symbols a reader of the page sees.

Word draws list bullets and tick boxes with the Wingdings and Symbol fonts: its "Save as Web
Page" HTML writes the box before each answer as `<span style='font-family:Wingdings'>&#168;
</span>`, which is "¨" in any other font. Each such character becomes the Unicode symbol it
stands for (a box, a circle, a bullet), so the answers keep their box and lose the stray letter.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

# Wingdings code points as Word uses them for bullets and answer boxes
WINGDINGS = {
    "¨": "☐",  # 0xA8 white square: Word's answer box
    "o": "☐",  # 0x6F white square
    "q": "❑",  # 0x71 shadowed white square
    "p": "□",  # 0x70 white square (bold)
    "þ": "☑",  # 0xFE box with a tick
    "ý": "☒",  # 0xFD box with a cross
    "¡": "○",  # 0xA1 white circle
    "¤": "◯",  # 0xA4 large circle
    "l": "●",  # 0x6C black circle (bullet)
    "n": "■",  # 0x6E black square (bullet)
    "§": "▪",  # 0xA7 small black square (bullet)
    "Ø": "➢",  # 0xD8 arrowhead (bullet)
    "ü": "✓",  # 0xFC tick
    "à": "→",  # 0xE0 arrow (Word's AutoCorrect for "-->")
    "è": "→",  # 0xE8 heavy arrow (Word's AutoCorrect for "==>")
}
SYMBOL = {"·": "•", "o": "○", "®": "→"}  # (0xAE: the Symbol font's right arrow)
_FONT_RE = re.compile(r"font-family\s*:\s*['\"]?(wingdings|symbol)\b", re.I)


def map_symbol_fonts(soup: BeautifulSoup) -> None:
    """Rewrite, in place, the text of every element set in Wingdings or Symbol."""
    for tag in soup.find_all(style=_FONT_RE):
        if not isinstance(tag, Tag):
            continue
        match = _FONT_RE.search(str(tag.get("style", "")))
        table = WINGDINGS if match and match.group(1).lower() == "wingdings" else SYMBOL
        for child in list(tag.children):
            if isinstance(child, NavigableString) and child.strip():
                mapped = "".join(table.get(c, c) for c in str(child))
                child.replace_with(NavigableString(mapped))
