"""A scale key printed once, above the questions that only print its numbers:

    Questions 5 to 9 use this scale. Circle one number for each statement:
    1 = Strongly against 2 = Against 3 = Undecided 4 = For 5 = Strongly for
    5.  The canteen food is good value.
        1        2        3        4        5

A person circling a number reads its words from the key, so a programmer gives each bare point
the key's words. The key stays in force for later questions that print the same bare numbers
("(Use the same scale as questions 5 to 9.)"); a question with words of its own keeps them.
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption, inline_scale

# "1 = Never 2 = Sometimes …", "1 = Never, 2 = Sometimes, …": a key line opens with its first point
_KEY_LINE_RE = re.compile(r"^\s*\d{1,2}\s*=\s*[^\W\d_]")


def key_line(text: str) -> list[RawOption] | None:
    """The points of a line that is only a scale key (three or more, each with words)."""
    if not _KEY_LINE_RE.match(text):
        return None
    points = inline_scale(text)
    if len(points) < 3 or any(p.label == p.code or not p.label for p in points):
        return None
    return [RawOption(p.label, p.code) for p in points]


def named_points(options: list[RawOption], key: list[RawOption] | None) -> bool:
    """Give bare numbered points ("1  2  3  4  5") the words of the key printed above them
    when they are exactly the key's codes; True when they were named."""
    if not key or len(options) != len(key):
        return False
    if any(o.code is None or o.label.strip() != o.code for o in options):
        return False
    if [o.code for o in options] != [k.code for k in key]:
        return False
    for option, point in zip(options, key, strict=True):
        option.label = point.label
    return True
