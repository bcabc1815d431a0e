"""Numbers written the continental way in scripting notes: `20.000`, `10,00`.

German, Dutch (and most continental) notes put a dot between thousands and a comma before the
decimals: `Bereich 500 – 20.000 kWh` is 500 to 20000, `10,00 – 450,00 €` is 10 to 450. The
instruction reader takes numbers in the English way, so a note in such a language has them
rewritten first (as glossary phrases, after its own words are put into English).
"""

from __future__ import annotations

LOCAL_NUMBERS: tuple[tuple[str, str], ...] = (
    # "1.500.000", "20.000": dots between groups of three digits (not a date's "11.03.2025",
    # whose groups are two digits, nor a version "1.4")
    (r"(\d{1,3})\.(\d{3})\.(\d{3})(?![\d.])", r"\1\2\3"),
    (r"(\d{1,3})\.(\d{3})(?![\d.])", r"\1\2"),
    # "450,00": a comma then two decimals (codes "1,2" or "10,11,12" are lists, not amounts)
    (r"(\d+),(\d{2})(?![\d,])", r"\1.\2"),
)
