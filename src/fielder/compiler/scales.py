"""Scales written in words: "on a scale of 1 to 10, where 1 is …", "a 5-point scale where 1
means … and 5 means …", "from 1 (poor) to 5 (excellent)"."""

from __future__ import annotations

import re

from fielder.ir.models import Option

_SCALE_TEXT_RE = re.compile(
    r"\bscale\s+(?:of|from)\s+(-?\d{1,2})\s*(?:to|-|–|through)\s*(\d{1,2})\b", re.I
)


def scale_from_text(text: str, words: list[str]) -> list[Option]:
    """The points of a scale written only in the question ("on a scale of 1 to 10, where 1 is…")."""
    # A score box under "on a scale from 1 to 10" is still the scale ("WRITE IN SCORE").
    if set(words) & {"text", "long_text", "open", "grid"}:
        return []
    match = _SCALE_TEXT_RE.search(text)
    ends = _FROM_TO_RE.search(text)
    points = _POINT_SCALE_RE.search(text)
    if ends:
        # "from 1 (poor) to 5 (excellent)"
        low, high = int(ends[1]), int(ends[3])
        if not 2 <= high - low <= 11:
            return []
        options = [Option(code=str(n), label=str(n)) for n in range(low, high + 1)]
        for option, words_at in ((options[0], ends[2]), (options[-1], ends[4])):
            option.label = words_at.strip()[:1].upper() + words_at.strip()[1:]
        return options
    if match is None and points is not None:
        size = int(points[1])
        low = 0 if re.search(r"\b0\s*(?:is|=|means)", text) else 1
        return _points_with_ends(text, low, low + size - 1)
    if match is None:
        return []
    return _points_with_ends(text, int(match[1]), int(match[2]))


_FROM_TO_RE = re.compile(
    r"\bfrom\s+(-?\d{1,2})\s*\(([^()]{2,40})\)\s*(?:to|-|–)\s*(\d{1,2})\s*\(([^()]{2,40})\)", re.I
)
# "where 1 is not at all confident and 5 is very confident" (also "means", "=")
_WHERE_ENDS_RE = re.compile(
    r"\bwhere\s+(-?\d{1,2})\s+(?:is|means|=)\s+([^,;()?]{2,40}?)\s*,?\s+and\s+(-?\d{1,2})\s+"
    r"(?:is|means|=)\s+([^,;()?.]{2,40}?)\s*(?=[,;?.]|$)",
    re.I,
)


def end_words(text: str) -> dict[str, str]:
    """The words printed at a scale's ends in "from 1 (very poor) to 5 (excellent)" or "where 1
    is … and 5 is …", as written."""
    ends = _FROM_TO_RE.search(text) or _WHERE_ENDS_RE.search(text)
    if not ends:
        return {}
    # "where 0 means 'Not at all likely'": the quotes set the words off, they are not words
    return {ends[1]: _unquoted(ends[2]), ends[3]: _unquoted(ends[4])}


def _unquoted(words: str) -> str:
    words = words.strip()
    if len(words) > 2 and words[0] in "'\"“‘" and words[-1] in "'\"”’":
        return words[1:-1].strip()
    return words


_POINT_SCALE_RE = re.compile(r"\b(\d{1,2})[- ]point\s+(?:rating\s+|response\s+)?scale\b", re.I)


def _points_with_ends(text: str, low: int, high: int) -> list[Option]:
    """Points low…high with the words the text gives their ends ("where 1 is very poor")."""
    if not 2 <= high - low <= 11:
        return []
    options = [Option(code=str(n), label=str(n)) for n in range(low, high + 1)]
    for option in (options[0], options[-1]):
        end = re.search(
            rf"\b{option.code}\s*(?:is|=|means|being|represents)\s*['\"“‘]?([^'\"”’,;)]+?)['\"”’]?"
            # ("10 = Extremely likely - show all 11 points]": a note after a spaced dash)
            r"(?:,|;|\)|\]|\s+[-–—]\s|\s+and\b|\s+to\b|\.?\s*$)",
            text,
        )
        if end:
            label = end[1].strip().rstrip(".!?")
            option.label = label[:1].upper() + label[1:]
    return options
