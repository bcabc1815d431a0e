"""Emoji set at the start or end of a question or an answer are decoration: `😕 Sorry to hear
that!`, `Savings goals 🐷`, `⭐⭐ 2 stars`, `How would you rate us? ⭐⭐⭐⭐⭐`.

In-app surveys and chat-style specs dress their wording with emoji. At either end of a line they
carry no meaning of their own and are left out; one inside a sentence (`Thanks! 💙 Every answer
…`) is part of the words, and a line that is nothing but emoji (a face scale) is kept whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# pictographs, with their variation selector, skin tones and joiners; not ☐ ○ ✓ (answer boxes)
_EMOJI = (
    "\U0001f000-\U0001faff\u2b50\u2b55\u2763\u2764\u2728\u2705\u274c\u274e\u26a0\u26a1"
    "\u26d4\u2600-\u2605\u2614\u2615\u2639\u263a\u2648-\u2653\u267b\u267f\u2693\u26bd\u26be"
    "\u26c4\u26c5\u26ea\u26f2-\u26fd\ufe0f\u200d"
)
_LEADING_RE = re.compile(rf"^[{_EMOJI}][{_EMOJI}\s]*(?=[^\s{_EMOJI}])")
# an answer's letter or bullet before them: "b. ⭐⭐ 2 stars"
_MARK_RE = re.compile(r"^(?:\(?[A-Za-z0-9]{1,2}[.)]|[-*•·])\s+")
_TRAILING_RE = re.compile(rf"(?<=[^\s{_EMOJI}])\s*[{_EMOJI}][{_EMOJI}\s]*$")


def drop_decor_emoji(lines: list[Line]) -> list[Line]:
    """The lines with emoji at either end of their words left out."""
    return [_undecorated(line) for line in lines]


def strip_emoji(text: str) -> str:
    """`text` without emoji at its ends (unchanged when nothing else is left)."""
    mark = _MARK_RE.match(text)
    head, words = (mark.group(0), text[mark.end() :]) if mark else ("", text)
    bare = _TRAILING_RE.sub("", _LEADING_RE.sub("", words))
    return head + bare if re.search(r"\w", bare) else text


def _undecorated(line: Line) -> Line:
    if not line.text or not re.search(f"[{_EMOJI}]", line.text):
        return line
    text = strip_emoji(line.text)
    if text == line.text:
        return line
    spaced = strip_emoji(line.spaced.strip()) if line.spaced else text
    return replace(line, text=text, spaced=spaced)
