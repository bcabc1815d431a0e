"""A section heading that says whom the section is for, with the test in brackets:
`SECTION B: CAR OWNERS ONLY (Q3 = 1)`, `SECTION A - DOG OWNERS ONLY (S1 = 1)`,
`SECTION C – ENGINEER VISIT: ONLY THOSE WHO HAD A VISIT (Q9 = 1). OTHERS -> SECTION D`.

The bracket is the filter of every question in the section. A closing "others go to Section
C" only restates where everyone else goes (recorded once, as the filter), so it is dropped.

Three readings of a heading live here, tried in turn by `section_filter`: a test closing a
SECTION heading (`heading_base`), a test in the heading's closing brackets (`heading_filter`),
and a base written in the heading (`heading_base_note`: "(BASE: ALL WITH CHILDREN, HH2 > 0)",
"— ASKED OF ALL …"). They came from separate fix rounds; each keeps the files it was made for.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import section_word
from fielder.compiler.group_sections import group_only_filter

_SECTION_HEAD_RE = re.compile(r"^(?:SECTION|PART|MODULE|BLOCK)\b", re.I)
# "OTHERS GO TO SECTION C", "OTHERS -> SECTION D", "ALL OTHERS SKIP TO PART 3"
_OTHERS_RE = re.compile(
    r"[.;]?\s*(?:ALL\s+)?(?:OTHERS|EVERYONE\s+ELSE)\b\s*(?:-+>|→|(?:GO|SKIP|MOVE|JUMP)\s+(?:ON\s+)?TO)"
    r".*$"
    # ("… (A3 = 1 OR 2). TENANTS GO TO SECTION D.": the others named as a group of their own)
    r"|[.;]\s*[^\W\d][\w'’ -]{2,30}?\s+(?:GO|SKIP|MOVE|JUMP)\s+(?:ON\s+)?TO\s+"
    r"(?:SECTION|PART|MODULE|BLOCK)\s+\w{1,3}\W*$",
    re.I,
)
# a test on a question: "(Q3 = 1)", "(CODE 2 AT A2)", "(S1 = 2 OR 3)"; not "(Q5-Q9)" nor "(ASK ALL)"
# (a paper form's "(box 5 at question 1)": the box ticked at a question named by its number)
# ("(WORKING: ECON = 1,2)": a CAPI variable named in capitals without a number, before its sign)
_REF = (
    r"(?:\b[A-Z]{1,4}\d{1,3}[a-z]?\b|\bQUESTION\s+\d{1,3}[a-z]?\b|"
    r"(?-i:\b[A-Z]{3,8}\b)(?=\s*(?:[=<>]|!=)))"
)
_SIGN = r"(?:[=<>≠]|\bCODES?\b|\bBOX(?:ES)?\s+\d)"
# (in square brackets too: "SECTION C - COURT [ONLY IF THE CASE WENT TO COURT, Q8 = 3]")
_TEST_RE = re.compile(
    rf"[(\[](?P<cond>[^()\[\]]*?{_REF}[^()\[\]]*?{_SIGN}[^()\[\]]*|"
    rf"[^()\[\]]*?{_SIGN}[^()\[\]]*?{_REF}[^()\[\]]*)[)\]]",
    re.I,
)


def heading_base(text: str, heading: bool) -> str | None:
    """The filter a section heading writes ("ASK IF Q3 = 1"), or None. A heading styled as
    one needs no SECTION word when it says ONLY ("B. In-store shoppers only (Q3 = 1)")."""
    title = _OTHERS_RE.sub("", text).strip()
    if not (_SECTION_HEAD_RE.match(title) or (heading and re.search(r"\bONLY\b", title, re.I))):
        return None
    tests = list(_TEST_RE.finditer(title))
    if len(tests) != 1 or title[tests[0].end() :].strip(" .:;"):
        return None  # the test closes the heading; one inside its words is something else
    # ("(not for technical staff: Q2 ≠ 1)": whom, in words, before the test itself)
    cond = _WHOM_FIRST_RE.sub("", tests[0]["cond"].strip())
    return "ASK IF " + cond


# ("ONLY IF THE CASE WENT TO COURT, Q8 = 3": the same in words, then a comma and the test)
_WHOM_FIRST_RE = re.compile(
    rf"^(?:[^:()]{{2,60}}:\s*(?=[^:]*{_REF}\s*(?:[=<>≠]|!=))|"
    rf"[^:()=<>≠,]{{2,60}},\s*(?={_REF}\s*(?:[=<>≠]|!=|\bNOT\b)))",
    re.I,
)


def heading_title(text: str) -> str:
    """The heading without its "others go to …" sentence."""
    return _OTHERS_RE.sub("", text).strip(" .;")


# A heading whose test is named by a sign or a code (`## B. In-store shoppers only (Q3 = 1)`,
# `SECTION B - CAT OWNERS (S1 = 2).  OTHERS GO TO SECTION C`), read after `heading_base` above
_ID = r"[A-Z]{1,3}\d{1,3}[a-z]?"
_HEAD_FILTER_RE = re.compile(
    rf"\((?P<cond>[^()]*?(?:\b{_ID}\s*(?:[=<>!]|\bNOT\b|\bIN\b)|"
    rf"\b(?:AT|CODES?)\s+[^()]*\b{_ID}\b)[^()]*)\)"
    r"\s*(?P<after>[^()]*)$",
    re.I,
)
_OTHERS_AFTER_RE = re.compile(
    r"^[.;:–—-]?\s*(?:(?:ALL\s+)?OTHERS|EVERYONE\s+ELSE|IF\s+NOT|OTHERWISE)\b[^()]*$", re.I
)


def heading_filter(text: str) -> str:
    """The filter a section heading writes in its closing brackets, as an `ASK IF` note; ""
    when the heading has none."""
    match = _HEAD_FILTER_RE.search(text)
    if match is None:
        return ""
    after = match["after"].strip()
    if after and not _OTHERS_AFTER_RE.match(after):
        return ""
    return "ASK IF " + match["cond"].strip(" .:")


def filtered_section(text: str) -> bool:
    """True for `SECTION B - CAT OWNERS (S1 = 2).  OTHERS GO TO SECTION C`: a section's title
    with its filter, long only for the sentence that sends everyone else on."""
    match = _HEAD_FILTER_RE.search(text)
    if match is None or not heading_filter(text):
        return False
    return section_word(text[: match.end("cond") + 1])


# where everyone else goes, closing a base: no part of the base
OTHERS_GO_ON_RE = re.compile(
    # ("All other partner types go to Q8": the others named by what they are)
    r"[.;]\s*(?:IF\s+NOT|OTHERWISE|EVERYONE\s+ELSE|ALL\s+OTHERS?\b|OTHERS|"
    # "If you moved in less than a year ago, please go to Section G."
    r"IF\s+(?:YOU|THEY)\b[^.]*\b(?:GO|SKIP|MOVE|CARRY\s+ON)\s+(?:ON\s+)?(?:TO|AT)\b)[^.]*\.?\s*$"
    # "If you care for fewer than 20 hours a week, please go to Section D.": the others in words
    r"|[.;]\s*IF\b[^.]*\b(?:GO|SKIP|MOVE)\s+(?:ON\s+)?TO\s+(?:SECTION|PART|QUESTION)\b[^.]*\.?\s*$"
    # "Members already retired (Q1 = 3) skip this whole section and start at Section C.": the
    # others, named by what they are, sent past the section
    r"|[.;]\s*[A-Z][^.]*\b(?:SKIPS?\s+(?:THIS|THE)\s+(?:WHOLE\s+|ENTIRE\s+)?(?:SECTION|PART|BLOCK|MODULE)"
    r"|(?:GO|GOES|MOVE|MOVES|CARRY|CARRIES)\s+ON\s+TO\s+(?:SECTION|PART|BLOCK|MODULE))\b[^.]*\.?\s*$",
    re.I,
)
# "SECTION C – CHILDCARE (BASE: ALL WITH CHILDREN …, HH2 > 0)", "SECTION D — ASKED OF ALL WITH
# CHILDREN UNDER 16 (HH4 > 0)", "… · BASE FOR THIS SECTION: YEARS 9 TO 13 ONLY (SCR2 = 3–7)":
# a heading that says whom its section is for
_HEADING_BASE_RE = re.compile(
    r"(?:\bBASE(?:\s+FOR\s+(?:THIS\s+|THE\s+)?(?:WHOLE\s+|ENTIRE\s+)?SECTION)?\s*:|[—–-]\s*ASKED\s+(?:ONLY\s+)?(?:OF|TO)\b)\s*"
    r"(?P<cond>.+)$",
    re.I,
)


def heading_base_note(heading: str) -> str:
    """The base written in a section's heading, as a `BASE:` note ("" when it has none)."""
    match = _HEADING_BASE_RE.search(heading)
    if match is None:
        return ""
    # "… (D3 = 1). EVERYONE ELSE SKIPS TO SECTION W": where the others go is no part of the base
    cond = OTHERS_GO_ON_RE.sub("", match["cond"]).strip(" .")
    if cond.count(")") > cond.count("("):
        cond = cond[: cond.rindex(")")]  # "(BASE: ALL …, HH2 > 0)": the heading's own bracket
    return f"BASE: {cond.strip(' .')}"


# "SECTION C SNAGGING – only if you reported defects at question 10": after the title's dash,
# the test in words naming its question
# (or in the title's closing bracket: "Section C – Travel (only if you answered Yes at question 8)")
_ONLY_IF_TAIL_RE = re.compile(
    # ("SECTION B: ONLY IF Q2 = 4": the colon set right after the section's name)
    r"(?:\s[—–:-]\s*|(?<=\w):\s*|\s\((?=[^()]*\)\W*$))"
    r"(?:(?:please\s+)?(?:ask(?:ed)?|answer(?:ed)?|complete)\s+)?"
    r"only\s+(?:if|when)\s+"
    rf"(?P<cond>[^.;()]*?(?:{_REF}|\bQUESTION\s+\d{{1,3}})[^.;()]*?)\s*\)?\s*\.?$",
    re.I,
)


# "SECTION B – WHOLE SECTION: ASK IF Q2 = 1", "Section D – ask if D1 = 2": a heading closed by
# the filter of its whole section, in a programmer's words
_ASK_IF_TAIL_RE = re.compile(
    r"\s[—–-]\s*(?:(?:THIS\s+|THE\s+)?(?:WHOLE\s+|ENTIRE\s+)?SECTION\s*[:–—-]\s*)?"
    r"(?:ASK|SHOW|DISPLAY)\s+(?:ONLY\s+)?IF\s+"
    rf"(?P<cond>[^.;()]*?{_REF}[^.;()]*?)\s*\.?$",
    re.I,
)


def only_if_tail(text: str) -> str:
    """The `ASK IF` a heading's "– only if …" or "– whole section: ask if …" tail writes (""
    when it has none)."""
    match = _ONLY_IF_TAIL_RE.search(text) or _ASK_IF_TAIL_RE.search(text)
    return f"ASK IF {match['cond'].strip()}" if match else ""


def section_filter(text: str, notes: list[str], headed: str | None) -> str:
    """The filter a section's heading writes, as the note parse gives each of its questions:
    the test closing it (`heading_base`, already read as `headed`), else the test in its
    closing brackets, else a base written in it or in its notes ("" when none)."""
    return (
        headed
        or heading_filter(text)
        or only_if_tail(text)
        or heading_base_note(" ".join([text, *notes]))
        or next((n for n in map(_noted_filter, notes) if n), "")
        # "Section for current members only (MEM1 = 1). …": whom in words, the test bracketed
        or next((n for n in map(group_only_filter, notes) if n), "")
    )


# a section row's filter cell: "Section filter: ASK IF A1 = 1-3 (employed)", "ASK IF C1 = 2"
# (the heading's own "(ONLY IF …)", as the line reader words it: "Only answer the next question
# if …"; under a section heading it is the section's)
_NOTED_FILTER_RE = re.compile(
    r"^\s*(?:(?:section|block|part)\s+filter\s*:\s*)?(?:(?P<ask>(?:ask|show|display)\s+if\b.+)|"
    r"only\s+(?:answer\s+the\s+next\s+question\s+)?if\s+(?P<only>.+))$",
    re.I,
)


# "(WORKING: ECON = 1,2)" taken out of a heading's capitals: whom in a word, then the test alone
# ("(TENANTS ONLY: T2 = 1 OR 2)": the codes joined by a word)
_NOTED_TEST_RE = re.compile(
    r"^(?:[A-Z][A-Z ]{1,30}:\s*)?(?P<test>[A-Z]{1,8}\d{0,3}[a-z]?\s*(?:[=<>]|!=)=?\s*\d[\d ,–-]*"
    r"(?:(?i:OR|AND|TO)\s+\d[\d ,–-]*)*)$"
)


def _noted_filter(note: str) -> str:
    """A heading's own note that is an `ASK IF` filter, as that note ("" for any other), or a
    bare test on a question ("WORKING: ECON = 1,2"), as its `ASK IF`."""
    match = _NOTED_FILTER_RE.match(note)
    if match:
        return match["ask"].strip(" .") if match["ask"] else f"ASK IF {match['only'].strip(' .')}"
    test = _NOTED_TEST_RE.match(note.strip(" ."))
    return f"ASK IF {test['test'].strip()}" if test else ""


# "SECTIONS A TO C: ASK ALL WITH A CLAIM IN LAST 12 MONTHS (S3 = 1)": one filter over a run of
# sections, written once above the first; each section's own heading follows it
_SPAN_RE = re.compile(
    r"^[\[(]?\s*SECTIONS\s+(?P<first>[A-Z]|\d{1,2})\s*(?:TO|THROUGH|-|–|AND|&)\s*"
    r"(?P<last>[A-Z]|\d{1,2})\s*[:.,–—-]\s*(?P<note>.+)$",
    re.I,
)
_SECTION_NAME_RE = re.compile(
    r"^\W*(?:SECTION|PART|MODULE|BLOCK)\s+(?P<name>[A-Z]|\d{1,2})\b", re.I
)


def section_span(text: str) -> tuple[str, str, str] | None:
    """(first, last, filter) for a note filtering a run of sections by a test in brackets."""
    match = _SPAN_RE.match(text.strip())
    if match is None:
        return None
    tests = list(_TEST_RE.finditer(_OTHERS_RE.sub("", match["note"])))
    if len(tests) != 1:
        return None
    return match["first"].upper(), match["last"].upper(), "ASK IF " + tests[0]["cond"].strip()


def _order(name: str) -> int:
    return int(name) if name.isdigit() else ord(name.upper()) - ord("A") + 1


def in_span(heading: str, first: str, last: str) -> bool | None:
    """Whether a section heading names a section of the run (None: it names no letter or number)."""
    match = _SECTION_NAME_RE.match(heading)
    if match is None or first.isdigit() != match["name"].isdigit():
        return None
    return _order(first) <= _order(match["name"]) <= _order(last)
