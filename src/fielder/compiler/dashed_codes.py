"""Answers after the question on its own line, each followed by its code after a dash: "Is
(name) male or female? Male – 1 Female - 2", "Does (name) have a phone? Yes – 1 No – 2 (skip
to B07)" — a roster column of a census form read as one line."""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption, strip_routing

#: "Male – 1", "Sister/brother – 5", "No – 2 (skip to B07)"
_DASHED_RE = re.compile(
    r"\s*(?P<label>[^\s\d–-][^–\d?]{0,40}?)\s+[–-]\s+(?P<code>\d{1,2})"
    r"(?P<route>\s*\((?:skip|go)\s+to\s+[^()]{1,12}\))?(?=\s|$)",
    re.I,
)


def dashed_answers(text: str) -> tuple[str, list[RawOption]] | None:
    """The question's words and the answers after its question mark, when all that follows
    the mark is answers with their codes counting up from 1 (None otherwise)."""
    mark = text.find("?")
    if mark < 0:
        return None
    rest, found, at = text[mark + 1 :], [], 0
    for match in _DASHED_RE.finditer(rest):
        if match.start() != at:
            return None
        written = match["label"].strip()
        label, target, terminate = strip_routing(
            f"{written.rstrip(' _')} {match['route'] or ''}".strip()
        )
        option = RawOption(label, match["code"])
        option.skip_to, option.terminate = target, terminate
        option.write_in = "__" in written  # "Other Specify ________ - 4"
        found.append(option)
        at = match.end()
    codes = [int(o.code or 0) for o in found]
    if len(found) < 2 or rest[at:].strip() or codes != list(range(1, len(found) + 1)):
        return None
    return text[: mark + 1], found
