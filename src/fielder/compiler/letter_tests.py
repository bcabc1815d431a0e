"""Routing that names answers by their letters says the letters are the stored codes.

A form whose answers are lettered a), b), c) is numbered by position unless it says the
letters are kept. Lab sheets and interview forms say so by how they route: "(a at E1)",
"when 9 = b", "Only if a) at 13", "E1 = a". Two such tests, or an instruction to circle or
ring the letter, are that document's word that the letters are the codes.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_ID = r"(?:[A-Z]{1,3}\d{1,3}[a-z]?|\d{1,3})"
_LETTER_TESTS_RE = re.compile(
    # "9 = b", "E1 == a", "Q4 is b"
    rf"(?<![\w.])(?:{_ID})\s*(?:==|=|\bis\b)\s*['‘]?(?P<a>[a-h])['’]?(?![\w'’])|"
    # "a at E1", "a) at 7", "(b at Q3)"
    rf"(?<![\w'’])['‘]?(?P<b>[a-h])\)?['’]?\s+at\s+(?:question\s+)?{_ID}(?![\w])"
)
_CIRCLE_LETTER_RE = re.compile(r"\b(?:circle|ring|tick|mark|record)\s+the\s+letters?\b", re.I)


def letters_named_as_codes(lines: list[Line]) -> bool:
    """True when the document's routing names answers by their letters (twice or more) or
    tells the interviewer to circle the letter."""
    tests = 0
    for line in lines:
        for text in (line.text, *line.instructions):
            if _CIRCLE_LETTER_RE.search(text):
                return True
            tests += len(_LETTER_TESTS_RE.findall(text))
    return tests >= 2
