"""A section heading that names its filter in brackets: `## B. In-store shoppers only (Q3 = 1)`,
`SECTION B: CHOCOLATE EATERS ONLY (CODE 2 AT A2)`, `Part C – online buyers (Q3 = 2 or 3)`.

Agency writers say whom a section is for in its title, in words for the reader and as a test
for the scripter in the closing brackets. The test is the filter of every question of the
section, as `Show this section only to …` written under it would be. Only brackets that name a
question by its id beside a sign or a code (`=`, `<`, `>`, `AT`, `CODE`) are taken, so a range of
the questions held (`(Q1-Q7)`) or a note (`(all)`) is no filter; a trailing "others go to …"
only restates where everyone else goes.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import section_word

_ID = r"[A-Z]{1,3}\d{1,3}[a-z]?"
_HEAD_FILTER_RE = re.compile(
    rf"\((?P<cond>[^()]*?(?:\b{_ID}\s*(?:[=<>!]|\bNOT\b|\bIN\b)|"
    rf"\b(?:AT|CODES?)\s+[^()]*\b{_ID}\b)[^()]*)\)"
    r"\s*(?P<after>[^()]*)$",
    re.I,
)
_OTHERS_RE = re.compile(
    r"^[.;:–—-]?\s*(?:(?:ALL\s+)?OTHERS|EVERYONE\s+ELSE|IF\s+NOT|OTHERWISE)\b[^()]*$", re.I
)


def heading_filter(text: str) -> str:
    """The filter a section heading writes in its closing brackets, as an `ASK IF` note; ""
    when the heading has none."""
    match = _HEAD_FILTER_RE.search(text)
    if match is None:
        return ""
    after = match["after"].strip()
    if after and not _OTHERS_RE.match(after):
        return ""
    return "ASK IF " + match["cond"].strip(" .:")


def filtered_section(text: str) -> bool:
    """True for `SECTION B - CAT OWNERS (S1 = 2).  OTHERS GO TO SECTION C`: a section's title
    with its filter, long only for the sentence that sends everyone else on."""
    match = _HEAD_FILTER_RE.search(text)
    if match is None or not heading_filter(text):
        return False
    return section_word(text[: match.end("cond") + 1])
