"""Column headings whose gap was lost when the page was read ("Never<TAB>Sometimes Usually<TAB>
Always" over rows of four boxes): where the headings' words, each capitalised, are exactly as
many as the boxes in a row, each word heads a column of its own."""

from __future__ import annotations


def split_joined_heads(heads: list[str], points: int) -> list[str] | None:
    """The headings split into one capitalised word a column, or None when that does not fit."""
    words = [word for head in heads for word in head.split()]
    if len(heads) >= points or len(words) != points:
        return None
    if not all(word[:1].isupper() and word[1:].islower() for word in words):
        return None  # "Very good", "Not at all": headings of several words stay as they are
    return words
