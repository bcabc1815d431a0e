"""Build specs that write each item as its wording, a dash, then how to program it.

Researchers hand a survey to whoever builds it as a list of items like
`"Do you rent your home?" — Yes/No. Skip logic: if No, terminate.` or
`Gender — Multiple Choice: Male / Female / Prefer not to say.`: the words before the dash are
what the respondent reads (quoted, or a short field name), the words after are the answer
format, the answers (`A / B / C` after the format's colon, or `Yes/No`) and the routing. Each
such line is split into the ask, one answer line per listed answer, and a programmer's note
holding the rest, which the usual rules then read (types, scales, `if No, terminate`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.spec_blocks import spec_block_lines

# The answer formats a build spec names right after its dash, in the builders' own words.
_FORMAT = (
    r"text\s+entry|(?:open|free)[\s-]*(?:ended|text|answer|response)?|short\s+(?:answer|text)|"
    r"long\s+(?:answer|text)|paragraph|essay|multiple[\s-]+choice|single[\s-]+(?:choice|answer|"
    r"select|response|\d+[\s-]*(?:pt|point)\s+item)|multi(?:ple)?[\s-]*(?:select|answer|"
    r"response)s?|check\s*box(?:es)?|drop[\s-]*down|yes\s*/\s*no|slider|matrix|likert|"
    r"\d+[\s-]*(?:pt|point)\b|numeric|number|date|rank(?:ing)?|"
    r"(?:strongly|very|not\s+at\s+all|extremely|completely)\s+\w+\s+to\s"
)
_SPEC_RE = re.compile(
    rf"^(?P<ask>.{{2,}}?)\s+[—–]\s+(?P<spec>(?:{_FORMAT}).*)$"
    # '"This price is fair." 1 = "Agree" to 7 = "Disagree"': quoted words, then the scale
    rf"|^(?P<quoted>[\"“][^\"“”]{{3,}}[\"”])\s+(?P<key>(?:\d{{1,2}}\s*=|{_FORMAT}).*)$",
    re.I,
)
# "Multiple Choice: A / B / C" or "Multiple Choice, single answer: A / B": the answers
_LISTED_RE = re.compile(r"^(?P<format>[^:]{2,60}):\s*(?P<answers>.+?\s/\s.+?)\.?$")
# '1 = "Strongly agree" to 7 = "Strongly disagree"': a scale's points, named at its ends
_SCALE_ENDS_RE = re.compile(
    r"\b(?P<low>[01])\s*=\s*[\"“](?P<first>[^\"”]+?)[.,]?[\"”]\s+to\s+"
    r"(?P<high>\d{1,2})\s*=\s*[\"“](?P<last>[^\"”]+?)[.,]?[\"”]"
)
_NOTE_ITEM_RE = re.compile(r"^(?:note|nb|n\.b\.|nota|hinweis|remarque)\b", re.I)
_POINTS_RE = re.compile(r"\b(\d{1,2})[\s-]*(?:pt|point)s?\b", re.I)
_SECTION_LEAD_RE = re.compile(r"^(?:all|each|every|both|the\s+(?:following|items))\b", re.I)
# "strongly disagree–strongly agree", "Strongly agree to strongly disagree."
_PLAIN_ENDS_RE = re.compile(
    r"(?P<first>(?:strongly|very|not\s+at\s+all|extremely|completely)\s+[a-z]+)\s*(?:to|–|—|-)\s*"
    r"(?P<last>(?:strongly|very|not\s+at\s+all|extremely|completely)\s+[a-z]+)",
    re.I,
)
_SCALE_WORD_RE = re.compile(r"\b(?:scale|likert|rating|item|slider|skala|escala|échelle)\b", re.I)
_YES_NO_RE = re.compile(r"^yes\s*/\s*no\b[.,;]?\s*", re.I)
# a dash and a first word left at a line's end: the format goes on on the next line
_CUT_RE = re.compile(r"\s[—–]\s+\w+$")


def spec_lines(lines: list[Line]) -> list[Line]:
    """The lines with every `wording — format: answers. routing` item split into its ask, its
    answers (a line each) and a note for the rest."""
    out: list[Line] = []
    section = _Scale()  # "All 7-pt Likert, strongly disagree–strongly agree:" for the items below
    in_note = False
    heads: set[int] = set()  # the items split here (by identity)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind == "heading":
            section = _Scale()
        elif line.kind == "paragraph" and not line.level and _section_scale(line.text, section):
            out.append(replace(line, text="", spaced="", instructions=[line.text]))
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _cut_format(line, following):
            line = replace(line, text=f"{line.text} {following.text}", end=following.end)
            index += 1  # "— Multiple" / "Choice: Never / Rarely": one item wrapped
        noted = line.kind == "list_item" and line.level and _NOTE_ITEM_RE.match(line.text)
        if noted or (in_note and line.kind == "paragraph" and line.level):
            # "- Note the reverse polarity …" under an item, and its wrapped lines: a note
            notes = [*line.instructions, line.text]
            line = replace(
                line, text="", spaced="", kind="paragraph", numbering=None, instructions=notes
            )
            in_note = True
        else:
            in_note = False
        split = _split(line, section) or _scaled(line, section)
        if split:
            heads.add(id(split[0]))
        out.extend(split or [line])
        index += 1
    # blocks described in bullets, in a document written as spec items
    return _count_on(spec_block_lines(out) if heads else out, heads)


def _count_on(lines: list[Line], heads: set[int]) -> list[Line]:
    """A list of spec items that starts again at 1 under a new heading is counted on from the
    list before it (`1. Age` under "Demographics" after items 1–22), as the parser does for
    lists of questions: a short field name with its format split off asks nothing itself."""
    segments = list(itertools.accumulate(line.kind == "heading" for line in lines))
    split_in = {segment for line, segment in zip(lines, segments, strict=True) if id(line) in heads}
    out: list[Line] = []
    last, offset = 0, 0
    for line, segment in zip(lines, segments, strict=True):
        number = _item_number(line)
        if number == 1 and last >= 1 and segment in split_in:
            offset = last
        elif number == 1:
            offset = 0
        if number:
            last = number + offset
            if offset:
                line = replace(line, numbering=f"{last}.")
        out.append(line)
    return out


def _item_number(line: Line) -> int:
    numbered = re.fullmatch(r"(\d{1,3})[.)]", line.numbering or "")
    return int(numbered[1]) if numbered and line.kind == "list_item" and not line.level else 0


class _Scale:
    """A scale named once for a section: its points and its end words, as far as known."""

    def __init__(self) -> None:
        self.points = 0
        self.ends: tuple[str, str] | None = None

    def note(self, points: int = 0, ends: tuple[str, str] | None = None) -> str:
        """The scale as the usual note (`(7-point scale: 1 = "Agree", 7 = "Disagree")`), which
        the rules read as the question's points; empty when the points or ends are unknown."""
        points, ends = points or self.points, ends or self.ends
        if ends is None or not 3 <= points <= 11:
            return ""
        return f'({points}-point scale: 1 = "{ends[0]}", {points} = "{ends[1]}")'


def _section_scale(text: str, section: _Scale) -> bool:
    """ "All 7-pt Likert, strongly disagree–strongly agree:": remember the section's scale."""
    if not (_SECTION_LEAD_RE.match(text) and text.rstrip().endswith(":")):
        return False
    points = _POINTS_RE.search(text)
    if points is None:
        return False
    section.points = int(points[1])
    section.ends = _ends(text[points.end() :].rstrip(" :"))
    return True


def _ends(text: str) -> tuple[str, str] | None:
    """'"Very high" to "Very low."', "strongly disagree–strongly agree": a scale's end words."""
    quoted = re.search(r"[\"“]([^\"”]+?)[.,]?[\"”]\s+to\s+[\"“]([^\"”]+?)[.,]?[\"”]", text)
    if quoted:
        return (quoted[1], quoted[2])
    plain = _PLAIN_ENDS_RE.search(text)
    if plain:
        return (plain["first"].capitalize(), plain["last"].capitalize())
    return None


def _scaled(line: Line, section: _Scale) -> list[Line] | None:
    """A listed statement with no answers of its own, under a section's scale."""
    if line.kind != "list_item" or line.level or not line.text or not section.ends:
        return None
    notes = [*line.instructions, section.note()]
    return _with_answers(line, line.text.strip('"“” '), notes, [])


def _cut_format(line: Line, following: Line) -> bool:
    """ "… — Multiple" over "Choice: Never / Rarely": a format's name wrapped to the next line."""
    cut = _CUT_RE.search(line.text)
    if cut is None or following.kind != "paragraph":
        return False
    return bool(_SPEC_RE.match(f"{line.text} {following.text}")) and not _SPEC_RE.match(line.text)


def _split(line: Line, section: _Scale) -> list[Line] | None:
    match = _SPEC_RE.match(line.text)
    if match is None or not (
        line.kind == "list_item" or match["quoted"] or match["ask"][0] in '"“'
    ):
        return None  # a paragraph "Part B – Numbers" is a title; items are listed or quoted
    ask = re.sub(r'^["“](.+)["”]$', r"\1", (match["ask"] or match["quoted"]).strip())
    spec = (match["spec"] or match["key"]).strip()
    answers: list[str] = []
    scale = ""
    yes_no = _YES_NO_RE.match(spec)
    listed = _LISTED_RE.match(spec.split(". ")[0] if ". " in spec else spec)
    if yes_no:
        answers, spec = ["Yes", "No"], spec[yes_no.end() :]
    elif ends := _SCALE_ENDS_RE.search(spec):
        low, high = int(ends["low"]), int(ends["high"])
        if low == 1:
            scale = section.note(high, (ends["first"], ends["last"]))
    elif listed:
        answers = [a.strip() for a in listed["answers"].split(" / ") if a.strip()]
        spec = f"{listed['format']}{spec[listed.end() :]}"
    elif ends_named := _ends(spec):
        # '7-pt, "Very high" to "Very low."' or "Strongly agree to strongly disagree."
        points = _POINTS_RE.search(spec)
        scale = section.note(int(points[1]) if points else 0, ends_named)
    elif (points := _POINTS_RE.search(spec)) and _SCALE_WORD_RE.search(spec):
        # "7-pt likelihood scale": the points without their words, read as numbers
        scale = f"Rating scale {_points_range(int(points[1]))}"
    notes = [*line.instructions, *([spec.strip()] if spec.strip() else [])]
    notes += [scale] if scale else []
    return _with_answers(line, ask, notes, answers)


def _with_answers(line: Line, ask: str, notes: list[str], answers: list[str]) -> list[Line]:
    head = replace(line, text=ask, spaced=ask, instructions=notes)
    level = line.level + 1
    options = [
        Line(text=a, raw=a, spaced=a, kind="list_item", numbering="-", level=level,
             start=line.start, end=line.end, page=line.page)
        for a in answers
    ]  # fmt: skip
    return [head, *options]


def _points_range(points: int) -> str:
    """ "1-7" for seven points; "0-10" for eleven (the usual 0 to 10 rating)."""
    return "0-10" if points == 11 else f"1-{points}"
