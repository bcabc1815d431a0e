"""A numbered scale on one line whose end points carry their words after their numbers.

`0 Not at all likely   1   2   3 … 9   10 Extremely likely` prints every point's number and
the words of the two ends right after theirs: the points are the numbers in order, the ends
labelled by their words and the middle ones by their numbers. The ends' numbers may also follow
their words in brackets, as a list's codes do: `Not at all likely (0)   1   2 … 9   Extremely
likely (10)`.
"""

from __future__ import annotations

import re

_NUMBERED_ENDS_RE = re.compile(
    r"^(?P<first>-?\d{1,2})\s*[=:.)–-]?\s+(?P<low>[^\W\d_][^\d]{0,40}?)\s+"
    r"(?P<points>-?\d{1,2}(?:\s+-?\d{1,2}){2,10})\s*[=:.)–-]?\s+(?P<high>[^\W\d_][^\d]{0,40})$"
)

# ("Not at all likely (0)   1   2 … 9   Extremely likely (10)": each end's code after its words)
_BRACKETED_ENDS_RE = re.compile(
    r"^(?P<low>[^\W\d_][^\d()]{0,40}?)\s*\(\s*(?P<first>-?\d{1,2})\s*\)\s+"
    r"(?P<points>-?\d{1,2}(?:\s+-?\d{1,2}){2,10})\s+"
    r"(?P<high>[^\W\d_][^\d()]{0,40}?)\s*\(\s*(?P<last>-?\d{1,2})\s*\)$"
)


def numbered_ends(text: str) -> list[tuple[str, str]]:
    """The (code, label) points of `text` written as above, or none when it is not such a line
    (at least four points, each one more than the last)."""
    match = _NUMBERED_ENDS_RE.match(text.strip()) or _BRACKETED_ENDS_RE.match(text.strip())
    if match is None:
        return []
    numbers = [int(match["first"]), *(int(n) for n in match["points"].split())]
    if "last" in match.groupdict():
        numbers.append(int(match["last"]))
    if any(b - a != 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        return []
    points = [(str(n), str(n)) for n in numbers]
    points[0] = (points[0][0], match["low"].strip())
    points[-1] = (points[-1][0], match["high"].strip())
    return points
