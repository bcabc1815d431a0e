"""A draft → an IR question: options settled, grid laid out, type chosen, tags applied.

Routing is only collected here (as `Pending` items); `passes/logic.py` turns it into
expressions once every question, and so every question's type and codes, is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.act_not_done import denies_the_act
from fielder.compiler.answer_columns import in_code_order
from fielder.compiler.classify import DISPLAY_WORDS
from fielder.compiler.coded_rows import coded_rows
from fielder.compiler.consent_boxes import consent_box
from fielder.compiler.counted_codes import counted_codes
from fielder.compiler.diagnostics import Problem
from fielder.compiler.end_coded_scales import scale_from_ends
from fielder.compiler.group_names import GROUP_MARK, group_only, named_only
from fielder.compiler.instructions import (
    CURRENCY_BOUNDS_RE,
    UNIT_BOUNDS_RE,
    Directive,
    interpret,
    sentences,
    type_words,
)
from fielder.compiler.lines import collapse, split_text
from fielder.compiler.negations import denial_index
from fielder.compiler.note_keys import note_key
from fielder.compiler.numbered_headings import numbered_headings
from fielder.compiler.numbered_points import numbered_points
from fielder.compiler.options import (
    BOXES,
    SPECIFY_RE,
    RawOption,
    _tail_actions,
    inline_scale,
    leading_codes,
    parse_option_text,
    strip_routing,
    trailing_codes,
)
from fielder.compiler.parse import Draft, own_id_head
from fielder.compiler.point_ranges import spread_point_ranges
from fielder.compiler.read_out import clean_read_out
from fielder.compiler.read_out_screens import cued_screen_words
from fielder.compiler.row_letters import without_row_letters
from fielder.compiler.row_recodes import without_row_recodes
from fielder.compiler.scale_extras import with_written_scale
from fielder.compiler.scales import end_words, scale_from_text
from fielder.compiler.spelled_codes import spelled_code
from fielder.compiler.stimulus_screens import shows_stimulus, statement_lead
from fielder.compiler.types import infer_type
from fielder.compiler.written_things import names_short_thing
from fielder.ir.models import CHOICE_TYPES, Option, Question, Row, SourceSpan, Validation

_DIGIT_BOXES_RE = re.compile(r"_{1,3}(?:\|_{1,3}){1,}")
_TRAILING_EMOJI_RE = re.compile(
    r"(?<=[\w.!?])\s+[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+$"
)
_EXCLUSIVE_LABEL_RE = re.compile(
    # "Don't know" alone, not "I don't know where to start" (a reason among others)
    r"^(?:none\b|neither\b|nothing\b|no\s+one\b|nobody\b|(?:i\s+)?(?:don['’]?t|do\s+not)\s+know(?!\s+[a-z])|"
    # ("I'd rather not be contacted", "I would prefer not to say": the opt-out in the first person)
    # ("Not sure how the money is spent": a reason among others, not the unsure answer)
    r"not\s+sure(?!\s+(?:how|what|why|where|when|who|whether|if|about|of|that|it|they|this|these|"
    # ("Not sure it would work": a doubt about something, a reason among others)
    r"i|we|my|our|you|there|the|any)\b)|refused|(?:i['’]d\s+|i\s+would\s+)?(?:prefer|rather)\s+not|"
    r"can['’]?t\s+(?:remember|say)|"
    r"don['’]?t\s+remember|no\s+answer|n/?a\b|not\s+applicable|"
    # the interviewer's abbreviation alone: "DK", "DK/NA", "DK/REF"
    r"dk(?:\s*/\s*(?:na|nr|ref|rf))?\s*$|"
    r"(?:none|nothing)\s+of\s+(?:these|the\s+above)|"
    # "none" and "don't know" in other languages: "Aucune de ces applications", "Ninguna",
    # "Nessuno", "Keine davon", "Geen van deze", "Żaden z powyższych", "Nenhum", "Tidak ada";
    # "Ne sait pas", "N.S./N.C.", "No sabe", "Non so", "Weiß nicht", "Weet niet", "Nie wiem",
    # "Não sei", "Tidak tahu" (the word alone, not "Geen tijd", a reason among others)
    r"aucun(?:e|s|es)?\b|ningun[oa]s?\b|nessun[oa]?\b|keine?(?:r|s)?\s+(?:davon|der|von)\b|"
    r"geen\s+(?:van|enkele)\b|niets\b|niemand\b|żadn[aey]\b|żaden\b|nenhum(?:a|as|s)?\b|"
    r"tidak\s+ada\b|nsp\b|n\.\s?s\.(?:\s*/\s*n\.\s?c\.)?|ns\s*/\s*n[cr]\b|"
    r"(?:(?:ne\s+)?sait\s+pas|no\s+(?:sabe|s[ée])|non\s+so|wei(?:ß|ss)\s+nicht|weet\s+(?:het\s+)?niet|"
    r"nie\s+wiem|trudno\s+powiedzieć|n[ãa]o\s+(?:sei|sabe)|tidak\s+tahu)\b(?!\s+\w)|"
    # Swedish, Norwegian, Danish "Inget av detta", "Ingen av disse", "Ingen af disse"
    r"ing(?:et|en)\s+a[vf]\s+(?:detta|dessa|dette|disse|ovanstående)\b|"
    # "I haven't used any of these", "I did not buy anything"
    # ("I haven't planned meals with any tool": a few words before the "any")
    # ("I don't want any more credit": "any more" is more of it, a reason among others)
    r"i\s+(?:have\s+not|haven['’]?t|did\s+not|didn['’]?t|do\s+not|don['’]?t)(?:\s+\w+){1,4}\s+any(?:thing)?\b"
    r"(?!\s+more\b))",
    re.I,
)
_NONE_OF_THIS_RE = re.compile(
    r"no,?\s+\w|i\s+(?:do\s+not|don['’]?t|did\s+not|didn['’]?t)\s+(?:have|own|use|take)\s+(?:a|an|any)\b|"
    # "I was not offered an appointment" under "Which kinds were you offered?"
    r"i\s+(?:was|wasn['’]t|was\s+not)\s+offered\s+(?:a|an|any)\b|"
    # "I was not prevented from sleeping" under "Were you prevented by any of these?"
    r"i\s+(?:wasn['’]t|was\s+not)\s+\w+(?:ed|en)\b|"
    # "I did not report it" under "How did you report the problem?": the ask's act not done
    r"i\s+(?:did\s+not|didn['’]?t|have\s+not|haven['’]?t)\s+\w+\s+(?:it|them)\s*$|"
    # "I don't give at the moment" under "How do you give?": the ask's act not done now
    r"i\s+(?:do\s+not|don['’]?t|am\s+not|['’]m\s+not)\s+\w+(?:\s+\w+){0,3}?\s+"
    r"(?:at\s+(?:the\s+)?(?:moment|present)|any\s*more|currently|right\s+now)\s*$",
    re.I,
)
# answers that are no "none of these" of their own: not knowing, or not saying
_UNSURE_RE = re.compile(
    r"\b(?:don['’]?t\s+know|do\s+not\s+know|not\s+sure|unsure|refused|prefer\s+not|rather\s+not|"
    r"n/a|not\s+applicable|can['’]?t\s+(?:say|remember))\b",
    re.I,
)
# "(exclusive)"; a paper form's "(tick alone)", German "(nur allein ankreuzen)", Spanish
# "(respuesta única)" after one answer of a multi: no other answer with it
_EXCLUSIVE_TAG_RE = re.compile(
    r"\s+\(\s*(?:exclusive|(?:only\s+)?tick\s+(?:alone|on\s+its\s+own)|"
    # "(tick this box on its own)", "(select this answer alone)", "(mark it by itself)"
    r"(?:please\s+)?(?:only\s+)?(?:tick|mark|select|choose|cross|check)\s+(?:this|it)"
    r"(?:\s+(?:box|one|answer|option|circle))?\s+(?:alone|on\s+its\s+own|by\s+itself|only)|"
    r"nur\s+(?:allein|einzeln)\s+ankreuzen|respuesta\s+[úu]nica)\s*\)\s*$",
    re.I,
)
_SPECIAL_RE = re.compile(r"DK|REF|RF|NA|N/A|DON'?T\s+KNOW|REFUSED|NOT\s+STATED", re.I)
_MARKER_RE = re.compile(r"^\(?(?:[a-zA-Z]|\d{1,2}|[ivx]{1,4})[.)]\s+")
_NUMERIC_CELL_RE = re.compile(r"^-?\d{1,3}$")
_MARK_RE = re.compile(r"^\s*(?:\(\s?\)|\[\s?\]|[○◯☐□])\s*")
_BRACKETED_CODE_RE = re.compile(r"\(\s*-?\d{1,3}\s*\)")


@dataclass
class Pending:
    """Routing found on a question, waiting for every question to be known."""

    kind: str  # display_if | terminate_if | skip | ask_target
    condition: str | None
    default: str | None
    target: str | None = None
    codes: list[str] = field(default_factory=list)
    source: str = ""
    forward_of: str | None = None
    #: read only if the rules can: a condition that may not be one ("If you drive, …")
    quiet: bool = False


@dataclass
class Built:
    """A question and what the later passes still need to know about it."""

    question: Question
    pending: list[Pending] = field(default_factory=list)
    carry: tuple[str, bool] | None = None
    #: the only codes carried, where the note names them ("As A7, codes 1–6 only")
    carry_codes: list[str] = field(default_factory=list)
    pipe: str | None = None
    quotas: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    excerpt: str = ""
    block: int = 0
    page_break_before: bool = False


def directives_of(notes: list[str]) -> list[Directive]:
    """Every directive in a list of instruction notes."""
    found: list[Directive] = []
    for note in notes:
        if re.match(r"^\[?\s*QUOTAS?\b", note, re.I):
            found.append(Directive("quota", note, source=note))
            continue
        found.extend(_run_skips_dropped(_note_directives(note)))
    return found


def _run_skips_dropped(found: list[Directive]) -> list[Directive]:
    """ "… please answer questions 5 to 9. If you answered No, go to question 10.": the skip
    past the run only restates the run's filter (everyone else reaches 10 anyway)."""
    asked = [d.target or "" for d in found if d.kind == "ask_target"]
    if len(asked) < 2:
        return found
    last = re.fullmatch(r"(\D*)(\d+)", asked[-1])
    after = f"{last[1]}{int(last[2]) + 1}".upper() if last else ""
    return [
        d
        for d in found
        if not (d.kind == "skip" and (d.target or "").upper() in {after, after.lstrip("Q")})
    ]


def _note_directives(note: str) -> list[Directive]:
    """The directives of one note, sentence by sentence."""
    found: list[Directive] = []
    named: str | None = None
    for sentence in (part for whole in sentences(note) for part in _branch_parts(whole)):
        read = interpret(_audience_filter(_ARROW_GO_RE.sub(r"\g<head>, GO TO ", sentence)))
        for directive in read:
            # ("… If it is ticked → end the survey": a screen-out on it the same way)
            if (
                directive.kind in {"skip", "terminate_if"}
                and named
                and _IT_PICKED_RE.match(directive.value or "")
            ):
                directive.value = f'"{named}"'  # "… is exclusive. If selected → Q10"
        found.extend(read)
        quoted = _CURLY_QUOTED_RE.search(sentence)
        named = quoted[1] if quoted else named
    return found


# "Branch: Yes → Q12, No → Q13": one route per answer, set apart by commas
# ("Resolved? 2 or 3 -> Q6 / 1 -> Q8": the pairs set apart by a slash, after the question's
# topic asked in a word or two)
_BRANCH_RE = re.compile(
    r"^(?:(?:branch(?:ing)?|route|routing)\s*:|[A-Za-z]+(?:\s+[A-Za-z]+)?\?)\s*|"
    r"(?<=\S)(?:,|\s/)\s+(?=[^,/→]{1,40}?\s*(?:→|->))",
    re.I,
)
_ROUTE_PAIRS_RE = re.compile(
    r"^(?:(?:branch(?:ing)?|route|routing)\s*:\s*|[A-Za-z]+(?:\s+[A-Za-z]+)?\?\s*)?"
    r"[^,→]{1,40}?\s*(?:→|->)\s*\S"
)
# "If 0 → Q16", "IF NONE -> END": a test, then an arrow straight to where it goes
_ARROW_GO_RE = re.compile(
    r"^(?P<head>\W{0,3}(?i:if)\s[^→>,;]{1,80}?)\s*(?:→|->|=>)\s*"
    r"(?=(?:Q(?:UESTION)?\s*)?[A-Z]{0,4}\d{1,3}[a-z]?\b|(?i:end|close)\b)"
)
# "If selected → Jump to Q10" after a sentence naming an answer in quotes: that answer
_IT_PICKED_RE = re.compile(
    r"^(?:it\s+is\s+|this\s+is\s+)?(?:selected|chosen|ticked|picked|checked)$", re.I
)
_CURLY_QUOTED_RE = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")


# "detractors only: show if Q1 is 0-6", "passives: Q1 = 7 or 8": whom the question is for, named,
# then the test that picks them out
_AUDIENCE_RE = re.compile(
    r"^(?P<who>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}|(?=[^:]{0,80}:\s*(?:codes?\s|more\s|less\s|"
    r"fewer\s|at\s+least\s|\d))[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){3,7})"
    r"(?:\s+only)?\s*:\s*(?:(?P<verb>(?:show|ask|display)\s+"
    r"(?:only\s+)?if\s+)|(?=[A-Z]{1,3}\d{1,3}[a-z]?\s*(?:=|<|>|≤|≥|\bis\b))|"
    # "Any council money: code 1 or code 2 ticked at Q10": the codes, then where they were given
    # ("… with both: more than 0 at Q4 AND more than 0 at Q7": a count, then where)
    r"(?=(?i:codes?\s+|(?:more|less|fewer)\s+than\s+|at\s+least\s+)?\d{1,3}\b[^:;]{0,60}?\s(?i:at|in)\s+"
    r"(?i:question\s+)?[A-Z]{0,3}\d{1,3}[a-z]?\b(?:[^:;]{0,60}?\s(?i:at|in)\s+[A-Z]{0,3}\d{1,3}[a-z]?)?\W*$))"
    r"(?P<cond>\S.*)$"
)
_NOT_AUDIENCES = frozenset(
    {"note", "notes", "eng", "dev", "design", "logic", "prog", "pn", "todo"}
    # a routing heading word ("Screen-out: S1 = 3 → close") names an action, not a group
    | {"screen-out", "screenout", "screen", "terminate", "skip", "route", "routing", "close"}
    | {"end", "jump", "branch", "branching", "filter", "base", "validation", "check", "quota"}
)


# "Detractors only (Q13 = 0-6)", "Business cabin only (3 at question 1)": whom, then the test
# that picks them out in brackets
_AUDIENCE_BRACKET_RE = re.compile(
    r"^(?P<who>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){0,3})\s+only\s*\((?P<cond>[^()]*?(?:"
    r"[A-Z]{1,3}\d{1,3}[a-z]?\s*(?:=|<|>|≤|≥|\bis\b)|\bat\s+(?:question\s+|Q)\d)[^()]*)\)\.?$"
)


def _audience_filter(sentence: str) -> str:
    """ "passives: Q1 = 7 or 8" → "Show if Q1 = 7 or 8"; other sentences as they are."""
    bracketed = _AUDIENCE_BRACKET_RE.match(sentence.strip())
    if bracketed and bracketed["who"].split()[0].lower() not in _NOT_AUDIENCES:
        if group_only(sentence) and named_only(bracketed["cond"]):
            # "Personal injury clients only (the matter chosen at Q4)": the bracket only
            # points at the question; the group's words name the answer (read in logic)
            return f"Show if {GROUP_MARK} {group_only(sentence)}"
        return f"Show if {bracketed['cond']}"
    match = _AUDIENCE_RE.match(sentence.strip())
    if match is None or match["who"].split()[0].lower() in _NOT_AUDIENCES:
        return sentence
    return f"Show if {match['cond']}"


# "3 -> straight on to Q8", "No → carry on at Q5": the words of going on before the target
_ONWARD_RE = re.compile(
    r"(?<=→|>)\s*(?:(?:go|carry|move)\s+on|straight(?:\s+on)?|on)\s+(?:to|at)\s+"
    r"(?=(?:Q(?:UESTION)?\s*)?[A-Z]{0,4}\d{1,3}[a-z]?\b)",
    re.I,
)


def _branch_parts(sentence: str) -> list[str]:
    """ "Branch: Yes → Q12, No → Q13" → ["Yes → Q12", "No → Q13"]; other sentences whole."""
    sentence = _ONWARD_RE.sub(" ", sentence)
    if sentence.count("→") + sentence.count("->") < 2 or not _ROUTE_PAIRS_RE.match(sentence):
        return [sentence]
    parts = [p.strip() for p in _BRANCH_RE.split(sentence) if p and p.strip()]
    if not all(("→" in p or "->" in p) for p in parts):
        return [sentence]
    return parts


def settle_options(raw: list[RawOption]) -> tuple[list[Option], list[RawOption]]:
    """Options with codes (written ones kept, missing ones numbered by position)."""
    raw = counted_codes(numbered_points(raw))
    if len(raw) == 1 and raw[0].code is None and " / " in raw[0].label:
        parts = [p.strip() for p in raw[0].label.split(" / ") if p.strip()]
        if len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts):
            raw = [RawOption(p, None, marker="•") for p in parts]
    used = {o.code for o in raw if o.code}
    # one answer with a write-in line among plain ones asks for specifics; a box after every
    # answer ("Social media : ____") is where an amount goes
    boxes_everywhere = len(raw) >= 2 and all(o.write_in for o in raw)
    for option in raw:
        option.specify = option.specify or (option.write_in and not boxes_everywhere)
    settled: list[Option] = []
    kept: list[RawOption] = []
    for index, option in enumerate(raw):
        code = option.code
        bare = re.fullmatch(r"\d{1,2}", option.label.strip())
        if not code and bare and option.label.strip() not in used and any(o.code for o in raw):
            # "☐ 0  Not at all likely / ☐ 1 / ☐ 2 …": a point written as its number alone
            # among coded points is that code
            code = option.label.strip()
            used.add(code)
        if not code:
            code = str(index + 1)
            while code in used and raw[index].code is None and any(o.code for o in raw):
                code = str(int(code) + 1)
            used.add(code)
        label = collapse(option.label) or code
        settled.append(
            Option(
                code=code,
                label=label,
                specify=option.specify,
                exclusive=option.exclusive,
                fixed=option.fixed,
            )
        )
        kept.append(option)
    return settled, kept


def _codes_said_once(options: list[Option]) -> list[Option]:
    """A table's answers with the code said again before the words dropped ("1 | 1 – Not at all
    useful": the point is `Not at all useful`)."""
    for option in options:
        again = re.match(rf"{re.escape(option.code)}\s*[-–—]\s+([^\W\d_].*)$", option.label)
        if again is not None:
            option.label = again[1]
    return options


def split_grid(raw: list[RawOption]) -> tuple[list[str], list[RawOption]] | None:
    """Lettered or bulleted statements next to a coded scale: (rows, columns) of a grid."""
    uncoded = [i for i, o in enumerate(raw) if o.code is None]
    coded = [i for i, o in enumerate(raw) if o.code is not None]
    if len(uncoded) < 2 or len(coded) < 2:
        return None
    if not (max(uncoded) < min(coded) or max(coded) < min(uncoded)):
        return None
    return [raw[i].label for i in uncoded], [raw[i] for i in coded]


def scale_over_items(raw: list[RawOption]) -> tuple[list[str], list[RawOption]] | None:
    """ "Very important / Fairly important / Not important" over lettered items a., b., c.:
    the answers across one line are the columns of a grid whose rows are the items."""
    if len(raw) < 3 or raw[0].code is not None:
        return None
    columns = [p.strip() for p in raw[0].label.split(" / ") if p.strip()]
    items = raw[1:]
    lettered = all(
        o.code is None and o.marker and o.marker.isalpha() and len(o.marker) == 1 for o in items
    )
    if len(columns) < 2 or not lettered or any(len(c.split()) > 5 for c in columns):
        return None
    return [o.label for o in items], [RawOption(c, None) for c in columns]


def headed_rows(raw: list[RawOption]) -> tuple[list[str], list[RawOption]] | None:
    """Column headings across one line ("Excellent   Good   Fair") and then one item per line:
    a grid whose rows are the items."""
    head = [o for o in raw if o.marker == "inline"]
    rest = raw[len(head) :]
    if len(head) < 2 or len(rest) < 2 or raw[: len(head)] != head:
        return None
    if any(o.code is not None or o.marker != "•" for o in rest):
        return None
    return [o.label for o in rest], [RawOption(o.label, None) for o in head]


def _beyond_scale(options: list[Option], points: list[Option]) -> bool:
    """True when every answer listed is a code past the scale's last point (98, 99)."""
    if not options or not all(p.code.isdigit() for p in points):
        return False
    top = max(int(p.code) for p in points)
    return all(o.code.isdigit() and int(o.code) > top + 1 for o in options)


def _name_points(options: list[Option], text: str) -> None:
    """Numbered columns (1 … 5) take the words the question gives them ("1 = Poor, 5 = Good")."""
    if not options or any(o.label != o.code for o in options):
        return
    words = {o.code: o.label for o in inline_scale(text)}
    ends = end_words(text)
    if ends and set(ends) <= {o.code for o in options} and not set(words) >= set(ends):
        # "on a scale from 1 (very poor) to 5 (excellent)" over printed points 1 … 5
        words = {o.code: ends.get(o.code, o.label) for o in options}
    if {o.code for o in options} <= set(words):
        for option in options:
            option.label = words[option.code]


def _items_on_a_scale(raw: list[RawOption], text: str) -> tuple[list[str], list[RawOption]] | None:
    """ "Rate the following from 1 to 5:" over lettered items: a grid of the items on 1…5."""
    ask = re.search(
        r"\b(?:rate|score|each\s+of\s+the\s+following)\b.*\bfrom\s+(-?\d{1,2})\s+to\s+(\d{1,2})\b",
        text,
        re.I,
    )
    if len(raw) < 2 or any(o.code is not None or not o.marker for o in raw):
        return None
    if ask is None:
        # "Please rate each item (1 = poor, 5 = excellent)" over a list of items.
        points = inline_scale(text) if re.search(r"\b(?:rate|each)\b", text, re.I) else []
        if len(points) < 3:
            return None
        return [o.label for o in raw], [RawOption(o.label, o.code) for o in points]
    if not all(o.marker != "•" for o in raw):
        return None
    low, high = int(ask[1]), int(ask[2])
    if not 2 <= high - low <= 11:
        return None
    return [o.label for o in raw], [RawOption(str(n), str(n)) for n in range(low, high + 1)]


def _strip_marker(text: str) -> str:
    return collapse(_MARKER_RE.sub("", text))


def table_layout(
    rows: tuple[tuple[str, ...], ...],
) -> tuple[str, list[Option], list[str]]:
    """What a table under a question is: ("grid", columns, statements), ("scale", points, [])
    or ("options", answers, [])."""
    rows = tuple(r for r in rows if any(c.strip() for c in r))
    if not rows:
        return "none", [], []
    ticked = _ticked_list(rows) or _boxes_across(rows)
    if ticked:
        return "options", ticked, []
    ranked = _rank_boxes(rows)
    if ranked:
        return "ranking", ranked, []
    first = rows[0]
    if len(rows) <= 3 and all(
        re.fullmatch(r"\s*(?:\(\s?\)|\[\s?\]|[○◯☐□])\s*-?\d{1,3}\s*", c) for c in first
    ):
        # "☐ 1 | ☐ 2 | … | ☐ 5" over the end words: radio buttons, each beside its point
        first = tuple(_MARK_RE.sub("", c).strip() for c in first)
        rows = (first, *rows[1:])
    worded_ends = _worded_end_points(first) if len(rows) == 1 else None
    if worded_ends:
        return "scale", worded_ends, []
    if (
        len(rows) <= 3
        and sum(bool(_NUMERIC_CELL_RE.match(c)) for c in first) >= 3
        and all(_NUMERIC_CELL_RE.match(c) or not c for c in first)
    ):
        # "( ) Very hard | ( ) | …" under the numbers: the radio marks are not words
        labels = tuple(_MARK_RE.sub("", c).strip() for c in rows[1]) if len(rows) > 1 else ()
        points = []
        for index, code in enumerate(first):
            if code:
                label = labels[index] if index < len(labels) and labels[index] else code
                # "0 = Not at all likely" under the 0: the point's number said again
                label = re.sub(rf"^{re.escape(code)}\s*[=:]\s*(?=\S)", "", label)
                points.append(Option(code=code, label=label))
        return "scale", points, []
    below = rows[1] if len(rows) > 1 else ()
    if all(_BRACKETED_CODE_RE.fullmatch(c.strip()) or not c.strip() for c in below):
        below = tuple(c.strip(" ()") for c in below)  # "(5) | (4) | …": the codes in brackets
    numbered_below = sum(bool(_NUMERIC_CELL_RE.match(c)) for c in below) >= 3 and all(
        _NUMERIC_CELL_RE.match(c) or not c for c in below
    )
    worded = [i for i, c in enumerate(first) if c.strip()]
    if (
        len(rows) == 2
        and numbered_below
        and not any(_NUMERIC_CELL_RE.match(c) for c in first)
        and worded == [i for i, c in enumerate(below) if c.strip()]
    ):
        # Words over a row of codes ("Poor | Fair | Good" over "1 | 2 | 3"): the answers.
        points = [
            Option(code=code, label=first[index] if index < len(first) and first[index] else code)
            for index, code in enumerate(below)
            if code
        ]
        return "scale", points, []
    header_codes: dict[int, str] = {}
    if len(rows) > 2 and numbered_below and not below[0].strip():
        # A row of codes right under the column headings: each heading's code.
        header_codes = {i: c for i, c in enumerate(below) if c}
        rows = (first, *rows[2:])
    headed = not any(_NUMERIC_CELL_RE.match(c) for c in first)
    listed = rows[1:] if headed else rows
    if (
        listed
        and all(len([c for c in r if c]) <= 3 for r in rows)
        # one code a row ("Not at all likely | 0", and "1 | 1" where the point has no words)
        and all(len({c for c in r if _NUMERIC_CELL_RE.match(c)}) == 1 for r in listed)
        # an empty column (a blanked tick box) is no column of the layout
        and sum(any(i < len(r) and r[i] for r in rows) for i in range(len(first))) <= 3
    ):
        answers = []
        # ("Code | Answer | Routing" with no words for a middle point: its label is its code)
        named = next((i for i, c in enumerate(first) if _ANSWER_HEAD_RE.match(c)), None)
        for row in listed:
            code = next(c for c in row if _NUMERIC_CELL_RE.match(c))
            label = next((c for c in row if c and not _NUMERIC_CELL_RE.match(c)), code)
            if headed and named is not None and named < len(row):
                label = row[named] or code
            answers.append(Option(code=code, label=label))
        return "options", answers, []
    columns: list[Option] = []
    body = rows[1:]
    numbered = numbered_headings(first) if not header_codes else None
    if numbered:
        items = [_strip_marker(collapse(split_text(r[0])[0]) or r[0]) for r in body if r and r[0]]
        return "grid", numbered, without_row_recodes(items)
    header_codes = header_codes or _codes_under_headings(first, body)
    lead_coded = _headings_lead_with_codes(first, body)
    for index, header in enumerate(first):
        if index == 0 or not (header or index in header_codes):
            continue
        # "Very Poor | | | | Excellent" over "1 | 2 | 3 | 4 | 5": a middle point with no words
        # of its own is labelled by its code
        header = header or header_codes[index]
        values = {r[index] for r in body if index < len(r)}
        only = next(iter(values)) if len(values) == 1 else ""
        code = only if _NUMERIC_CELL_RE.match(only) else str(len(columns) + 1)
        code = header_codes.get(index, code)
        braced = re.search(r"\s*[\[{]\s*(-?\d{1,3})\s*[\]}]\s*$", header)
        if braced and index not in header_codes:
            # "Never {0}", "Often [3]": a build sheet's stored value after the heading's words
            code, header = braced[1], header[: braced.start()] or braced[1]
        # "Very well (1)" over cells of "1": the heading's bracketed code is no part of its words
        # ("(2)" alone over a middle point: the code is its label)
        header = re.sub(rf"\s*\(\s*{re.escape(code)}\s*\)\s*$", "", header) or code
        if only == code and re.search(rf"[^\W\d_]\s+{re.escape(code)}$", header):
            # "Agree" over its code on the cell's next line, the code again in every row below
            header = header[: -len(code)].rstrip()
        if index in header_codes:
            header = _TRAILING_CODE_RE.sub("", header)
        header = _COLUMN_NAME_RE.sub("", header)
        if lead_coded:
            header = header.split(None, 1)[1]
        written = parse_option_text(header)
        if written and written[0].code and written[0].label and not _NUMERIC_CELL_RE.match(only):
            code, header = written[0].code, written[0].label
        spelled = None if _NUMERIC_CELL_RE.match(only) else spelled_code(header)
        if spelled:
            code, header = spelled  # "N/O (not observed)": the abbreviation is the code
        columns.append(Option(code=code, label=collapse(split_text(header)[0]) or header))
    codes = [c.code for c in columns]
    if len(set(codes)) != len(codes):
        columns = [Option(code=str(i + 1), label=c.label) for i, c in enumerate(columns)]
    statements = [_strip_marker(collapse(split_text(r[0])[0]) or r[0]) for r in body if r and r[0]]
    return "grid", columns, without_row_recodes(statements)


_ANSWER_HEAD_RE = re.compile(
    r"^\s*(?:answers?|responses?|labels?|answer\s+text|categor(?:y|ies))\s*$", re.I
)


def _headings_lead_with_codes(first: tuple[str, ...], body: tuple[tuple[str, ...], ...]) -> bool:
    """ "1 Very satisfied | 2 Fairly satisfied" over cells of "1", "2": every heading opens with
    the code printed in its column, which is no part of its words."""
    found = 0
    for index, header in enumerate(first[1:], start=1):
        if not header.strip():
            continue
        values = {r[index] for r in body if index < len(r)}
        if len(values) != 1 or not re.match(rf"{re.escape(next(iter(values)))}\s+[^\W\d_]", header):
            return False
        found += 1
    return found >= 2


# "Column A: Currently use": the column's name in the script, before the words respondents see
_COLUMN_NAME_RE = re.compile(r"^\s*(?:Column|Col\.?)\s+[A-Z0-9]{1,2}\s*[:.–—-]\s*(?=\S)", re.I)
_BRACKETED_POINT_RE = re.compile(r"^\((-?\d{1,2})\)(?=\s|$)")
_RADIO_POINT_RE = re.compile(r"^[○◯☐□◻]\s*(?=-?\d{1,2}(?:\s|$))")
_END_POINT_RE = re.compile(r"^(?P<code>-?\d{1,2})\s*(?:[-–—=:.)]\s*)?(?P<label>[^\W\d_].*)$")
# ("Not important = 1": the heading says its code after an equals sign)
_TRAILING_CODE_RE = re.compile(r"(?:\s*[=:])?\s+(-?\d{1,3})$")


def _worded_end_points(cells: tuple[str, ...]) -> list[Option] | None:
    """One row of scale points whose ends carry words ("0 – Not at all likely | 1 | … |
    10 – Extremely likely"): the points, with the ends' words."""
    # "(1) Extremely dissatisfied | (2) | … | (10) Extremely satisfied": codes in brackets
    cells = tuple(_BRACKETED_POINT_RE.sub(r"\1", c.strip()) for c in cells if c.strip())
    # "○ 1 / Very poor | ○ 2 | … | ○ 10 / Excellent": a radio mark before each point
    if len(cells) >= 4 and all(_RADIO_POINT_RE.match(c) for c in cells):
        cells = tuple(_RADIO_POINT_RE.sub("", c) for c in cells)
    if len(cells) < 4 or not all(_NUMERIC_CELL_RE.match(c) for c in cells[1:-1]):
        return None
    if len(cells) >= 5 and not any(re.search(r"\d", c) for c in (cells[0], cells[-1])):
        # "Very difficult | 1 | … | 7 | Very easy": the end words in cells of their own
        cells = (f"{cells[1]} {cells[0]}", *cells[2:-2], f"{cells[-2]} {cells[-1]}")
    ends = [_END_POINT_RE.match(cells[0]), _END_POINT_RE.match(cells[-1])]
    if not all(ends):
        return None
    points = [Option(code=m["code"], label=m["label"].strip()) for m in ends if m]
    middle = [Option(code=c, label=c) for c in cells[1:-1]]
    options = [points[0], *middle, points[1]]
    codes = [int(o.code) for o in options]
    if codes != list(range(codes[0], codes[0] + len(codes))):
        return None
    return options


def _codes_under_headings(
    first: tuple[str, ...], body: tuple[tuple[str, ...], ...]
) -> dict[int, str]:
    """Column headings that end in their own code ("Bean & Co" over "2" in one cell) above
    cells that hold no codes: each heading's code."""
    found = {i: _TRAILING_CODE_RE.search(h) for i, h in enumerate(first) if i and h.strip()}
    if len(found) < 2 or not all(found.values()):
        return {}
    codes = {i: m[1] for i, m in found.items() if m}
    labels = [_TRAILING_CODE_RE.sub("", first[i]).strip().lower() for i in codes]
    if len(set(codes.values())) != len(codes) or len(set(labels)) != len(labels):
        return {}
    if any(_NUMERIC_CELL_RE.match(c) for r in body for c in r[1:]):
        return {}
    return codes


_RANK_HEADING_RE = re.compile(r"^(?:rank(?:ing)?|order|position|preference)\b", re.I)
_EMPTY_BOX_RE = re.compile(r"^[\s☐□▢_\[\]]*$")


def _rank_boxes(rows: tuple[tuple[str, ...], ...]) -> list[Option]:
    """ "Rank | Item" over empty boxes beside the items: the items to put in order."""
    first = rows[0]
    if len(first) != 2 or len(rows) < 3 or not _RANK_HEADING_RE.match(first[0].strip()):
        return []
    body = rows[1:]
    if not all(len(r) == 2 and _EMPTY_BOX_RE.match(r[0]) and r[1].strip() for r in body):
        return []
    return [Option(code=str(i + 1), label=collapse(r[1])) for i, r in enumerate(body)]


def table_option_tags(rows: tuple[tuple[str, ...], ...], options: list[Option]) -> list[RawOption]:
    """Routing and tags written in a table's other cells ("GO TO Q6", "SCREEN OUT", "SPECIFY")."""
    by_code: dict[str, list[str]] = {}
    for row in rows:
        code = next((c for c in row if _NUMERIC_CELL_RE.match(c)), None)
        if code is not None:
            by_code.setdefault(code, [c for c in row if c and c != code])
    raws: list[RawOption] = []
    for option in options:
        cells = by_code.get(option.code, [])
        written, inline = split_text(option.label)  # "No phone [close]"
        label, target, terminate = strip_routing(collapse(written) or option.label)
        # "Other, say which: ______" in an answer cell: the write-in line is the box, not words
        blank = re.search(r"\s*:?\s*_{3,}\s*$", label)
        if blank and re.search(r"[^\W\d_]{2,}", label[: blank.start()]):
            label = label[: blank.start()].rstrip()
            option.specify = True
        raw = RawOption(label or option.label, option.code, skip_to=target, terminate=terminate)
        _tail_actions(raw, [*inline, *(c for c in cells if c != option.label)])
        option.label = raw.label
        option.specify = option.specify or raw.specify
        option.exclusive = option.exclusive or raw.exclusive
        option.fixed = option.fixed or raw.fixed
        raws.append(raw)
    return raws


def _is_box(cell: str) -> bool:
    return bool(cell.strip()) and all(c in BOXES or c.isspace() for c in cell)


def _ticked_list(rows: tuple[tuple[str, ...], ...]) -> list[Option]:
    """A table of answers with a tick box beside each ("☐ | Car", "Walked | ☐")."""
    labels = []
    for row in rows:
        words = [c for c in row if c.strip() and not _is_box(c)]
        if len(words) != 1 or _NUMERIC_CELL_RE.match(words[0]) or not any(map(_is_box, row)):
            return []
        labels.append(words[0])
    return [Option(code=str(i + 1), label=label) for i, label in enumerate(labels)]


def _boxes_across(rows: tuple[tuple[str, ...], ...]) -> list[Option]:
    """Answers written across one row over a row of tick boxes: one answer per column."""
    if len(rows) != 2 or len(rows[0]) < 2:
        return []
    words, boxes = rows
    if not all(c.strip() and not _is_box(c) for c in words) or not all(map(_is_box, boxes)):
        return []
    return [Option(code=str(i + 1), label=collapse(label)) for i, label in enumerate(words)]


def _apply_tags(options: list[Option], directives: list[Directive], kind: str, attr: str) -> None:
    for directive in (d for d in directives if d.kind == kind):
        if directive.value == "last" and options:
            setattr(options[-1], attr, True)
        for option in options:
            labelled = any(lab.lower() in option.label.lower() for lab in directive.labels)
            if option.code in directive.codes or labelled:
                setattr(option, attr, True)


# "…the programme? Show the card with the faces.": the interviewer's next step, said after the ask
_CUE_AFTER_ASK_RE = re.compile(
    r"(?<=\?)\s+(?P<cue>(?:Show|Hand(?:\s+over)?|Give)\s+(?:the\s+|them\s+the\s+|respondent\s+the\s+)?"
    r"(?:show\s*)?card\b[^?]*|(?:Do\s+not\s+)?Read\s+out\b[^?]*|Probe\b[^?]*)$"
)


def _text_of(draft: Draft) -> str:
    text = collapse(draft.text)
    cue = _CUE_AFTER_ASK_RE.search(text)
    if cue:
        text = text[: cue.start()].rstrip()
    text = re.sub(r"\s*[—–-]\s*$", "", text)
    if text.endswith(":") and len(text.split()) <= 6:
        text = text[:-1].rstrip()  # "Gender:": a field's name
    return text


_QUOTED_SCREEN_RE = re.compile(
    r"^[^\"“”:]{0,40}\b(?:screen|page|message|instructions?)\b[^\"“”:]{0,30}:\s*"
    r"[\"“](?P<words>[^\"“”]{10,})[\"”]\s*$",
    re.I,
)


# '(recorded prompt) "Thanks for calling…"', '"Tell us why." (voice verbatim)': a script's spoken
# words in quotes, with only bracketed notes on the production around them
_QUOTED_PROMPT_RE = re.compile(
    r'^(?P<before>(?:\([^()"“”]{1,60}\)\s*){0,2})["“](?P<words>[^"“”]{10,})["”]'
    r'(?P<after>(?:\s*\([^()"“”]{1,80}\)){0,2})\s*$'
)


_BOX_LINE_RE = re.compile(r"_{3,}")


_FORMAT_TYPES = {"number", "open", "text", "long_text", "email", "date"}


def _lone_format_answer(draft: Draft) -> None:
    """A list under a question whose one uncoded item says how to answer ("- Whole number of
    days, 1 to 60", "- Open answer, several lines", "- Email address") is the answer box's
    note, as the same words on a plain line are, not an answer to tick."""
    if len(draft.options) != 1 or draft.rows or draft.tables or draft.options[0].code:
        return
    found = interpret(draft.options[0].label)
    if any(d.kind == "type" and d.value in _FORMAT_TYPES for d in found) and not any(
        d.kind == "specify" for d in found
    ):
        draft.notes.append(draft.options.pop().label)


# an interviewer's cue alone on a line over the answers ("READ", "DO NOT READ OUT", "PROBE",
# "SHOW CARD B")
_CUE_LINE_RE = re.compile(
    r"^(?:(?:DO\s+NOT\s+)?READ(?:\s+OUT)?(?:\s+(?:LIST|ALL|ANSWERS|OPTIONS))?|PROBE(?:\s+FULLY)?|"
    r"PROMPT(?:\s+IF\s+NECESSARY)?|SHOW\s+CARD(?:\s+[A-Z0-9]{1,3})?|UNPROMPTED|PROMPTED|"
    r"SPONTANEOUS)\s*[.:]?$"
)


def _cue_lines_apart(draft: Draft) -> None:
    """ "READ" typed alone over answers that all carry their codes (`[1] Winter kit`): the
    interviewer's cue, a note, not an answer without a code."""
    options = draft.options
    lead = 0
    while (
        lead < len(options)
        and not options[lead].code
        and _CUE_LINE_RE.match(options[lead].label.strip())
    ):
        lead += 1
    rest = options[lead:]
    if lead and len(rest) >= 2 and all(o.code for o in rest):
        draft.notes.extend(o.label for o in options[:lead])
        del options[:lead]


def _own_id_dropped(notes: list[str], qid: str) -> list[str]:
    """ "Q6 only if they used a space (code 6 not ticked at Q5)" over Q6: the note names the
    question it stands over, then its filter; read as the filter alone."""
    own = own_id_head(qid)
    return [own.sub(r"\1", note) for note in notes]


# "Multiple choice", "multiple response": a choice that may or may not allow several answers
_MULTIPLE_WORDS_RE = re.compile(r"\bmultiple\s+(?:choice|response|answers?)\b", re.I)


def build_question(draft: Draft, qid: str, previous: str | None, default_single: bool) -> Built:
    """Turn one draft into a question plus its pending routing."""
    _lone_format_answer(draft)
    _cue_lines_apart(draft)
    # "INTRO  ASK ALL / READ OUT: Thanks for …": the screen's words after the cue
    cued_screen_words(
        draft,
        bool(draft.label and (draft.label.id in DISPLAY_WORDS or draft.label.style == "display")),
    )
    own_notes = draft.notes[: draft.closing_at] if draft.closing_at >= 0 else draft.notes
    text = _text_of(draft)
    prompt = _QUOTED_PROMPT_RE.match(text)
    notes = [*_own_id_dropped(draft.pre_notes, qid), *_own_id_dropped(own_notes, qid)]
    if prompt:
        text = prompt["words"].strip()
        notes += re.findall(r"\(([^()]+)\)", prompt["before"] + prompt["after"])
    directives = directives_of(notes)
    words = [d.value for d in directives if d.kind == "type" and d.value]
    if "open" in words and not draft.options and names_short_thing(notes):
        # "WRITE IN CITY AND COUNTRY": a place to write on one line, not a comment
        words = ["text" if w == "open" else w for w in words]
    words += (
        type_words(text)
        if re.search(r"select all|tick all|all that apply|drop[- ]?down", text, re.I)
        else []
    )
    if not words and any(
        d.kind == "max_choices" and str(d.value).isdigit() and int(str(d.value)) >= 2
        for d in directives
    ):
        words = ["multi"]  # "(READ OUT. MAXIMUM 2 ANSWERS)" alone: up to two answers is a multi
    if not words and any(
        _MULTIPLE_WORDS_RE.search(note)
        and any(d.kind == "exclusive" and d.codes for d in directives_of([note]))
        for note in notes
    ):
        # "Multiple choice; 4 is exclusive": a "multiple choice" that sets one answer apart to
        # be given alone lets the others be given together
        words = ["multi"]
    if (
        not words
        and not draft.options
        and any(_BOX_LINE_RE.search(h) for h in draft.hints)
        and any(d.kind == "range" and d.numbers for d in directives)
    ):
        words = ["number"]  # "[0 - 2000]" over "______ Mbps": a box with a range holds a number
    if (
        not words
        and not draft.options
        and not draft.rows
        and any(
            d.kind == "range"
            and d.numbers
            and (
                UNIT_BOUNDS_RE.match(d.source.upper()) or CURRENCY_BOUNDS_RE.match(d.source.upper())
            )
            for d in directives
        )
    ):
        # "Hectares (0 – 9999)", "£ per week, 0 to 200." under the question: an amount to write in
        words = ["number"]
    screen = _QUOTED_SCREEN_RE.match(text)
    if screen and not draft.options:
        # "Instructions screen (no response): "On the next page …"": the screen's words are
        # the quotation; what comes before the colon describes it for the build
        text, words = screen["words"].strip(), ["display", *words]
    rows: list[str] = without_row_letters(list(draft.rows))
    raw_options = spread_point_ranges(in_code_order(trailing_codes(leading_codes(draft.options))))
    split = (
        None
        if rows
        else (
            split_grid(raw_options)
            or scale_over_items(raw_options)
            or headed_rows(raw_options)
            or coded_rows(raw_options)
        )
    )
    if split is None and not rows:
        split = _items_on_a_scale(raw_options, text)
    if split is not None:
        rows, raw_options = split
    options, raws = settle_options(raw_options)
    options = consent_box(words, text, options) if not rows else options
    has_grid = False
    explicit = {"number", "text", "long_text", "open", "date", "email", "display"} & set(words)
    unclear_table = False
    for table in draft.tables if not explicit else []:
        layout, found, statements = table_layout(table)
        if layout == "grid" and statements and found:
            _keyed_columns(found, options or note_key(draft.notes))
            options, rows, has_grid = found, statements, True
            _name_points(options, _noted(text, draft.notes, draft.pre_notes))
        elif layout in ("scale", "options", "ranking") and not options:
            options = _codes_said_once(found)
            if layout == "options":
                raws = table_option_tags(table, options)
        elif layout == "scale" and found and _beyond_scale(options, found):
            # a one-row 0-10 table, then "Don't know 98", "Refused 99" listed under it: the
            # table's points (with its end words) come first
            raws = [*(RawOption(o.label, o.code) for o in found), *raws]
            options = [*found, *options]
        elif not options:
            unclear_table = True
    if rows and (draft.columns or options):
        options = settle_options(draft.columns)[0] if draft.columns else options
        has_grid = True
    if not options and not has_grid and not draft.tables:
        options = (
            # ("[0 = Not at all likely, 10 = Extremely likely]": the ends named in a note)
            scale_from_text(_noted(text, draft.notes), words)
            or inline_scale(_noted(text, draft.notes))
            or _typed_range(draft.notes, words)
        )
    elif options and not has_grid and with_written_scale(text, words, options):
        # "on a scale of 0 to 10 …" over "99  (UNSURE)": the points, then the no-score code
        points = with_written_scale(text, words, options) or []
        added = points[: len(points) - len(options)]
        options, raws = points, [*(RawOption(o.label, o.code) for o in added), *raws]
    elif options and not has_grid:
        _name_points(options, _noted(text, draft.notes, draft.pre_notes))
        filled = scale_from_ends(options, words)
        if filled is not None and len(raws) == 2:
            # the end points keep their own routing; the points between carry none
            middle = [RawOption(o.label, o.code) for o in filled[1:-1]]
            options, raws = filled, [raws[0], *middle, raws[1]]
    if "grid" in words and not rows and options and all(o.code is None for o in raw_options):
        scale = inline_scale(_noted(text, draft.notes, draft.pre_notes))
        if scale:
            rows, options, has_grid = [o.label for o in options], scale, True
    if rows and not options and not draft.columns:
        options = inline_scale(_noted(text, draft.notes, draft.pre_notes))
        has_grid = bool(options)
    if (
        options
        and (draft.hints or {"number", "text", "long_text", "open"} & set(words))
        and all(
            _EXCLUSIVE_LABEL_RE.match(o.label) or _SPECIAL_RE.fullmatch(o.label) for o in options
        )
    ):
        # "DK = 998" under a number box: a missing-value code, not a list of answers.
        options, raws = [], []
    lead = None if options or rows or draft.label is None else statement_lead(text)
    if lead is not None:
        text = lead[1]  # "Consent statement (read aloud): Hello, …": the screen's words
    is_display = bool(
        draft.label and (draft.label.id in DISPLAY_WORDS or draft.label.style == "display")
    ) or shows_stimulus(
        [*draft.notes, *([lead[0]] if lead else [])],
        text,
        words,
        bool(options or rows or draft.hints or draft.tables),
        draft.label is not None,
    )
    if is_display and len(options) == 1 and not rows and "?" not in text:
        # One coded line under an information screen (a legend of missing codes) is no choice.
        options, raws = [], []
    if not options and "constant_sum" in words:
        options = _boxed_items(draft.hints)  # "_____ % Commuting" lines: the items to share
    # Digit boxes ("MINUTES [__|__]") are the answer's box even when read as a capital note.
    digit_boxes = [n for n in draft.notes if _DIGIT_BOXES_RE.search(n)]
    decision = infer_type(
        words,
        text,
        options,
        [*draft.hints, *digit_boxes],
        has_grid=has_grid,
        is_display_label=is_display,
        default_single=default_single,
        labelled=draft.label is not None and draft.label.style != "display" and not is_display,
    )
    question = Question(id=qid, type=decision.type, text=text)
    built = Built(question=question, block=draft.block, page_break_before=draft.page_break_before)
    built.words = words
    if decision.unsure:
        built.problems.append(_type_problem(qid, decision.type, decision.unsure, text))
    if decision.type == "display":
        # A board in a box under the screen's words (a concept, a stimulus) is shown with them.
        boards = [_board_text(t) for t in draft.tables]
        question.text = " ".join([text, *(b for b in boards if b)]).strip()
        built.pending.extend(_routing(directives, qid, previous))
        return built
    _fill_choices(question, options, rows, decision.multiple_per_row, directives)
    boxes = [*draft.hints, *(n for n in draft.notes if len(n) <= 40)]
    _fill_limits(question, [*directives, *_hint_ranges(boxes, question)], text)
    built.pending.extend(_option_routing(raws, qid, question))
    built.pending.extend(_routing(directives, qid, previous))
    if not question.options and not any(d.kind == "carry" for d in directives):
        directives = [*directives, *_carry_in_text(text)]
    for directive in directives:
        if directive.kind == "carry":
            source, selected = _carry_source(directive), directive.labels != ["no"]
            if built.carry is not None and built.carry[0] == source:
                selected = selected or built.carry[1]  # "SHOW ONLY … CHOSEN AT A7" and "As A7"
            built.carry = (source, selected)
            built.carry_codes = directive.codes or built.carry_codes
        elif directive.kind == "pipe":
            built.pipe = directive.value or "?"
        elif directive.kind == "quota" and directive.value:
            built.quotas.append(directive.value)
        elif directive.kind == "optional":
            question.required = False
        elif directive.kind == "terminate_option":
            built.problems.append(_terminate_problem(question, directive.source))
    if unclear_table and question.type != "grid":
        built.problems.append(
            Problem(
                "grid-shape",
                qid,
                f"{qid} has a table whose rows and columns are unclear.",
                text[:160],
                ["single", "multi", "grid"],
            )
        )
    return built


def _keyed_columns(columns: list[Option], key: list[Option]) -> None:
    """A grid whose columns are headed only by numbers, under a key printed above the table
    ("1 = Never" … "5 = Always"): each column takes the key's words for its number."""
    words = {o.code: o.label for o in key if o.label and o.label != o.code}
    if columns and all(c.label == c.code and c.code in words for c in columns):
        for column in columns:
            column.label = words[column.code]


_CARRY_TEXT_RE = re.compile(
    r"\b(?:of|from|among)\s+(?:the\s+|those\s+|these\s+)?(?:\w+\s+){0,2}(?:that\s+|which\s+)?you\s+"
    r"(?:have\s+)?(?:mentioned|selected|chose|chosen|ticked|picked|named|said)\s+(?:at|in)\s+"
    r"(?:question\s+)?(?P<q>[A-Z]{0,4}\d{1,3}[a-z]?)\b",
    re.I,
)


def _carry_in_text(text: str) -> list[Directive]:
    """ "Of the brands you mentioned at Q2, which…" with no list under it: Q2's answers."""
    match = _CARRY_TEXT_RE.search(text)
    if match is None:
        return []
    ident = match["q"].upper()
    ident = ident if not ident.isdigit() else "Q" + ident
    return [Directive("carry", ident, source=match.group(0), labels=["yes"])]


def _noted(text: str, *notes: list[str]) -> str:
    """The question's words and its notes as one text for the scale points named in them, each
    note closed by a semicolon: a key ("1 = Very poor  10 = Excellent") ends where its note does,
    not in the words of the note after it."""
    return "; ".join([text, *(note for group in notes for note in group)])


def _typed_range(notes: list[str], words: list[str]) -> list[Option]:
    """ "Rating (1-5)", "Linear scale 0 to 10": a scale's points named with its type."""
    if "scale" not in words:
        return []
    for note in notes:
        match = re.search(r"(-?\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})", note)
        if match and 2 <= int(match[2]) - int(match[1]) <= 11:
            low, high = int(match[1]), int(match[2])
            return [Option(code=str(n), label=str(n)) for n in range(low, high + 1)]
    return []


def _terminate_problem(question: Question, source: str) -> Problem:
    suggestions = [f"Terminate if {o.label}" for o in question.options[:8]]
    return Problem(
        "terminate-unclear",
        question.id,
        f"{question.id} says to terminate but names no answer.",
        source,
        [*suggestions, "Ignore this instruction"],
    )


def _type_problem(qid: str, chosen: str, reason: str, text: str) -> Problem:
    if chosen == "single":
        suggestions = ["single", "multi"]
    elif chosen == "display":
        suggestions = ["display", "long_text", "text"]
    elif chosen == "dropdown":
        suggestions = ["dropdown", "single"]
    else:
        suggestions = [chosen, "text", "number", "single", "multi"]
    return Problem("type-ambiguous", qid, f"{qid}: {reason}", text[:160], suggestions)


def _carry_source(directive: Directive) -> str:
    return directive.value or ""


_SUM_BOX_RE = re.compile(r"^_{3,}\s*%?\s+(?=\S)")
_SUM_TOTAL_RE = re.compile(r"^total\s*:?\s*(?:100\s*%?|_{3,}\s*%?)?$", re.I)


def _boxed_items(hints: list[str]) -> list[Option]:
    """The items of a sum written as boxes with their words ("_____ % Holidays"), numbered."""
    labels = [_SUM_BOX_RE.sub("", hint).strip() for hint in hints if _SUM_BOX_RE.match(hint)]
    if len(labels) < 2 or len(labels) != len(hints):
        return []
    return [Option(code=str(i + 1), label=label) for i, label in enumerate(labels)]


def _sum_items(options: list[Option]) -> list[Option]:
    """ "_____ % Item" as "Item", without the printed "Total: 100%" line under the items."""
    for option in options:
        option.label = _SUM_BOX_RE.sub("", option.label)
    kept = [o for o in options if not _SUM_TOTAL_RE.match(o.label.strip())]
    return kept if kept else options


def _fill_choices(
    question: Question,
    options: list[Option],
    rows: list[str],
    multiple: bool,
    directives: list[Directive],
) -> None:
    if question.type not in CHOICE_TYPES and question.type != "grid":
        return
    clean_read_out(options)
    for option in options:
        # "No idea 🤷": an emoji after an answer's words decorates it
        option.label = _TRAILING_EMOJI_RE.sub("", option.label) or option.label
        # "None of these (exclusive)" in a code | answer table's cell: the build's own tag
        tagged = _EXCLUSIVE_TAG_RE.search(option.label)
        if tagged and tagged.start():
            option.label, option.exclusive = option.label[: tagged.start()], True
    if question.type == "constant_sum":
        options = _sum_items(options)
    question.options = options
    if question.type == "grid":
        # "a. Party name  |__|__|": the boxes to write the row's code in are no part of it
        rows = [re.sub(r"\|_{1,3}(?:\|_{1,3})*\|$", "", r.rstrip()).rstrip() for r in rows]
        # "Where it was left ( )": the brackets a note was taken out of are no wording
        rows = [re.sub(r"\s*\(\s*\)", "", r).strip() or r for r in rows]
        question.rows = [Row(id=f"r{i + 1}", label=label) for i, label in enumerate(rows)]
        question.multiple = multiple
    _apply_tags(options, directives, "exclusive", "exclusive")
    _apply_tags(options, directives, "specify", "specify")
    _apply_tags(options, directives, "anchor", "fixed")
    if question.type == "multi" or (question.type == "grid" and question.multiple):
        for option in options:
            if _EXCLUSIVE_LABEL_RE.match(option.label):
                option.exclusive = True
        for index, option in enumerate(options):
            # "No pets", "No, I have none", "I do not have a long-term condition" at the end
            # of a multi: it says "none of this" alone.
            after = options[index + 1 :]
            # ("No suitable place nearby" over "Nothing stops me": the list's own "none" comes
            # after it, so this "No …" is one answer among the others)
            later_none = any(not _UNSURE_RE.search(o.label) for o in after)
            if _NONE_OF_THIS_RE.match(option.label) and all(o.exclusive for o in after):
                option.exclusive = question.type == "multi" and not later_none
            elif (
                question.type == "multi"
                and not later_none
                and all(o.exclusive for o in after)
                and denies_the_act(option.label, question.text)
            ):
                option.exclusive = True  # "I don't travel along it" under "How do you travel …?"
        denial = denial_index([o.label for o in options])
        if denial is not None and question.type == "multi":
            options[denial].exclusive = True  # "No" beside "Yes, for …" answers
    else:
        for option in options:
            option.exclusive = False
    for option in options:
        if SPECIFY_RE.search(option.label):
            option.specify = True  # "Other (please specify)", "Something else (please tell us)"
    if any(d.kind == "randomize" for d in directives):
        question.randomize_options = True
        for option in options if question.type != "grid" else []:
            if option.exclusive or option.specify or _EXCLUSIVE_LABEL_RE.match(option.label):
                option.fixed = True


def _fill_limits(question: Question, directives: list[Directive], text: str) -> None:
    validation = Validation()
    for directive in directives:
        if directive.kind == "range" and directive.numbers and question.type == "number":
            low, high = directive.numbers
            validation.min = None if low != low else low
            validation.max = None if high != high else high
        elif directive.kind in ("min_choices", "max_choices") and question.type == "number":
            # "min 0 · max 240" under a number box bounds the number, it counts no answers
            bound = "min" if directive.kind == "min_choices" else "max"
            setattr(validation, bound, float(directive.value or "nan"))
        elif (
            directive.kind == "max_choices"
            and directive.value
            and question.type in ("multi", "ranking", "grid")
        ):
            validation.max_choices = int(directive.value)
        elif (
            directive.kind == "min_choices"
            and directive.value
            and question.type in ("multi", "ranking")
        ):
            validation.min_choices = int(directive.value)
        elif directive.kind == "total" and directive.value and question.type == "constant_sum":
            question.total = float(directive.value)
    if question.type == "multi" and validation.max_choices is None:
        words = {"two": 2, "three": 3, "four": 4, "five": 5}
        most = re.search(r"\bup\s+to\s+(\d+|two|three|four|five)\b", text, re.I)
        if most:
            value = most[1].lower()
            validation.max_choices = int(value) if value.isdigit() else words[value]
    if question.type == "number" and validation.min is None and validation.max is None:
        # "Please enter a number between 0 and 16", "(0–20)": the range asked for in the text
        asked = _TEXT_RANGE_RE.search(text)
        if asked:
            least = asked["low"] or asked["low2"] or asked["low3"]
            top = asked["high"] or asked["high2"] or asked["high3"]
            validation.min, validation.max = float(least), float(top)
    if question.type == "constant_sum" and question.total is None:
        points = re.search(
            r"\b(\d+)\s+(?:points|percent|%)|\badd\s+up\s+to\s+(\d+)|\btotal\s+(\d+)\b", text, re.I
        )
        if points:
            question.total = float(next(g for g in points.groups() if g))
    bottom, ceiling = validation.min, validation.max
    if bottom is not None and ceiling is not None and bottom > ceiling:
        # "£5,000 to £1,500": two numbers out of order (a cut or a typo) bound nothing
        validation.min = validation.max = None
    if validation.model_dump(exclude_none=True):
        question.validation = validation


_TEXT_RANGE_RE = re.compile(
    r"\bbetween\s+(?P<low>-?\d+(?:\.\d+)?)\s+and\s+(?P<high>-?\d+(?:\.\d+)?)\b|"
    r"\bnumber\s+from\s+(?P<low3>-?\d+(?:\.\d+)?)\s+(?:to|-|–)\s+(?P<high3>-?\d+(?:\.\d+)?)\b|"
    r"\((?P<low2>-?\d+(?:\.\d+)?)\s*[-–]\s*(?P<high2>-?\d+(?:\.\d+)?)\)",
    re.I,
)
# "0 to 20"; German "0 bis 20", French "0 à 20", Spanish/Portuguese "0 a 20", "0 até 20"
_BARE_RANGE_RE = re.compile(
    r"\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|to|bis|[àa]|até)\s*(-?\d+(?:\.\d+)?)\s*", re.I
)


def _board_text(table: tuple[tuple[str, ...], ...]) -> str:
    """The words of a table that is a text box (one column of prose), else ""."""
    cells = [collapse(c) for row in table for c in row if c.strip()]
    if not cells or any(len([c for c in row if c.strip()]) > 1 for row in table):
        return ""
    if sum(len(c.split()) for c in cells) < 6:
        return ""
    return " ".join(cells)


def _hint_ranges(hints: list[str], question: Question) -> list[Directive]:
    """A range written beside a number's answer box ("____ (range 0-2000)", "___ (0 to 120)")."""
    if question.type != "number":
        return []
    found = []
    for hint in hints:
        alone = _BARE_RANGE_RE.fullmatch(hint)
        if alone:
            # "1-10" alone in a sheet's notes cell beside a numeric question: its range
            found.append(
                Directive("range", numbers=(float(alone[1]), float(alone[2])), source=hint)
            )
            continue
        inner = re.search(r"\(([^()]*\d[^()]*)\)", hint)
        # "£ ____ per month. Whole pounds, 0–150.": the range closing the box's own words
        tail = re.search(r"[,:]\s*(\d{1,6})\s*(?:[-–—]|to)\s*(\d{1,6})\s*\.?\s*$", hint)
        if tail and not inner and "_" in hint:
            found.append(Directive("range", numbers=(float(tail[1]), float(tail[2])), source=hint))
            continue
        # "(week 1 to 12)": the unit's word before the range; "(0 to 48 – write 0 if you have
        # no guaranteed hours)": a remark after a spaced dash
        within = re.sub(r"\s+[–—-]\s+[^\W\d_].*$", "", inner[1]) if inner else ""
        bare = (
            _BARE_RANGE_RE.fullmatch(re.sub(r"^\s*[^\W\d_]+\s+(?=\d)", "", within))
            if inner
            else None
        )
        if bare:
            # "Age: ____ (18-80)": the allowed range beside the box.
            found.append(Directive("range", numbers=(float(bare[1]), float(bare[2])), source=hint))
            continue
        for directive in directives_of([inner[1]] if inner else []):
            if directive.kind == "range" and directive.numbers:
                found.append(directive)
    return found


def _option_routing(raws: list[RawOption], qid: str, question: Question) -> list[Pending]:
    found: list[Pending] = []
    codes = [o.code for o in question.options]
    terminate = [codes[i] for i, o in enumerate(raws) if o.terminate and i < len(codes)]
    if terminate:
        found.append(Pending("terminate_if", None, qid, codes=terminate, source="TERMINATE"))
    for word in sorted({o.to_end for o in raws if o.to_end}):
        to_end = [codes[i] for i, o in enumerate(raws) if o.to_end == word and i < len(codes)]
        if not to_end:
            continue
        # the logic pass keeps "→ END" a screen-out unless a screen is named END (or CLOSE)
        found.append(Pending("skip", None, qid, target=word, codes=to_end, source=f"→ {word}"))
    targets: dict[str, list[str]] = {}
    continued: dict[str, bool] = {}
    for index, option in enumerate(raws):
        if option.skip_to and index < len(codes):
            targets.setdefault(option.skip_to, []).append(codes[index])
            # "CONTINUE TO Q14" on an answer: said as going on, not as a jump (the logic pass
            # drops it when Q14 is the next question)
            said = any(_CONTINUE_RE.match(note) for note in option.instructions)
            continued[option.skip_to] = continued.get(option.skip_to, True) and said
    for target, skip_codes in targets.items():
        verb = "CONTINUE TO" if continued[target] else "GO TO"
        found.append(
            Pending("skip", None, qid, target=target, codes=skip_codes, source=f"{verb} {target}")
        )
    return found


_CONTINUE_RE = re.compile(r"^\W*CONTINUE\s+(?:TO|WITH|AT)\b", re.I)


def _routing(directives: list[Directive], qid: str, previous: str | None) -> list[Pending]:
    found: list[Pending] = []
    for d in directives:
        if d.kind == "display_if":
            default = previous
            found.append(Pending("display_if", d.value, default, source=d.source))
        elif d.kind == "terminate_if":
            found.append(Pending("terminate_if", d.value, qid, source=d.source))
        elif d.kind in ("skip", "skip_unless"):
            found.append(Pending(d.kind, d.value, qid, target=d.target, source=d.source))
        elif d.kind == "ask_target":
            found.append(Pending("ask_target", d.value, previous, target=d.target, source=d.source))
    return found


def source_span(draft: Draft, file_id: str | None) -> SourceSpan:
    """Where in the document the draft's words are."""
    first, last = draft.lines[0], draft.lines[-1]
    excerpt = collapse(" ".join(line.raw for line in draft.lines[:3]))[:200]
    return SourceSpan(
        file_id=file_id,
        page=first.page,
        start=first.start,
        end=max(last.end, first.start),
        excerpt=excerpt or None,
    )
