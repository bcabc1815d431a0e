"""Programmer instructions → directives: type words, routing, termination, order, limits.

`interpret(note)` reads one instruction ("MULTI CODE. RANDOMIZE 1-5. CODE 6 EXCLUSIVE",
"ASK IF S2=1", "IF 99 GO TO Q9", "RANGE 0-120") into `Directive`s. Conditions stay text
here; `passes/logic.py` turns them into expressions once every question is known.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from fielder.compiler.arrow_conditions import spelled_if
from fielder.compiler.bracketed_bases import bracketed_base
from fielder.compiler.branch_lines import branch_sentences
from fielder.compiler.glossary import to_english
from fielder.compiler.group_filters import group_filter
from fielder.compiler.group_names import GROUP_MARK, group_only
from fielder.compiler.logic_symbols import plain_symbols
from fielder.compiler.named_routes import named_route
from fielder.compiler.options import _TERMINATE_RE
from fielder.compiler.outcome_arrows import outcome_arrow
from fielder.compiler.routing_tails import skip_verbs
from fielder.compiler.thanked_stops import joined_stops
from fielder.compiler.value_boxes import value_box


@dataclass
class Directive:
    """One thing an instruction asks for."""

    kind: str
    value: str | None = None
    target: str | None = None
    codes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    numbers: tuple[float, float] | None = None
    source: str = ""


# "max. 3" / "min. 1": an abbreviation's dot before its number ends no sentence
# "96 = text box · 99 exclusive": a spaced middle dot or bullet parts two notes in one cell
_SPLIT_RE = re.compile(
    # ("… AT B2, I.E. B2 NOT = 99", "(J. Hale)": an abbreviation's stop ends no sentence)
    r"(?<!\b[Mm]ax)(?<!\b[Mm]in)(?<!\bMAX)(?<!\bMIN)(?<!\b[Ii]\.[Ee])(?<!\b[Ee]\.[Gg])(?<!\([A-Z])"
    # ("… = Yes. 📝 Prefill is piping only": a callout's emoji opens its next sentence)
    r"\.\s+(?=[A-Z0-9(\[\'‘\"“\u2600-\u27bf\U0001f300-\U0001faff])|;\s*|\s+[·•]\s+|"
    # "PROBE: WHAT ELSE? ASK IF LIKED …": a probe's question, then the routing
    r"\?\s+(?=(?i:ASK|SHOW|DISPLAY|IF|SKIP|GO\s+TO)\b)"
)
_BOX_THEN_IF_RE = re.compile(r"(?<=[)\]_])\s+(?=IF\s)")
# (a spaced hyphen too before "CODE 4 = THANK & CLOSE": a typed script's dash before its codes)
_CAPS_DASH_RE = re.compile(
    r"(?<=[A-ZÀ-Þ0-9)])\s+[–—]\s+(?=[A-ZÀ-Þ(])|(?<=[A-ZÀ-Þ])\s+-\s+(?=CODES?\s+\d)"
)
_QUOTED_RE = re.compile(r"['‘’\"“”]([^'‘’\"“”]{2,60})['‘’\"“”]")
_CODES_RE = re.compile(r"\b(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\b")
# a module-prefixed id ("M3Q1", "S2_Q4a") first, then the usual "Q12", "B.4", "3.2"
_ID_TOKEN = (
    r"(?:[A-Z]{1,2}\d{1,2}[-_.]?Q\d{1,3}[a-z]{0,2}|[A-Z]{0,4}[.-]?\d{1,3}[a-z]?(?:[._]\d{1,2})?)"
)
# The verb of a routing instruction ("GO TO QUESTION", "SKIP TO") and where it may lead.
_GO_TO = (
    # "skip them straight to Q8": the respondent named as the verb's object
    r"(?:(?:GO|SKIP|JUMP|PROCEED|CONTINUE|ROUTE)\s*(?:(?:THEM|HIM|HER|THE\s+RESPONDENTS?)\s+)?"
    r"(?:STRAIGHT\s+|DIRECTLY\s+|RIGHT\s+)?"
    # "go on to question 15", "turn to Part 3", "carry on from Q9": other verbs of moving on
    r"(?:ON\s+)?(?:TO|WITH|AT)?|(?:TURN|MOVE\s+ON|CARRY\s+ON)\s+(?:STRAIGHT\s+)?(?:TO|WITH|AT|FROM))"
    r"\s+(?:QUESTION\s+)?"
)
# "GO TO CLOSE": the closing screen named in capitals is a target as the end is (the logic
# pass sends it to the end when there is no such screen)
# a form builder's field name in lower case with an underscore ("SKIP TO anything_else") too
_TARGET = (
    rf"{_ID_TOKEN}|END(?:\s+OF\s+\w+)?|(?-i:CLOSE|CLOSING|OUTRO)\b"
    r"|(?-i:[a-z][a-z0-9]*(?:_[a-z0-9]+)+)"
    # "IF D1 = 1 GO TO ECON": a CAPI variable named in capitals without a number, last in the
    # sentence (the logic pass keeps it only when a question has that id)
    # ("SKIP TO ENCERRAMENTO": a closing screen's longer name in the questionnaire's language)
    r"|(?-i:(?!(?:SECTION|PART|MODULE|BLOCK|PAGE|NEXT|QUESTION|THE|END)\b)[A-Z]{3,15})(?=\s*\.?\s*$)"
)
# "please go straight to the last page", "the last section, 'About you'" (the logic pass finds it)
_LAST_PART = r"(?:THE\s+)?(?:LAST|FINAL)\s+(?:SECTION|PART|PAGE)"
_YOU_GAVE_RE = re.compile(
    r"^(IF|WHEN)\s+YOU\s+(?:TICKED|TICK|CHOSE|CHOOSE|ANSWERED|SAID|PICKED|SELECTED|MARKED|"
    r"CIRCLED)\s+(?=\S)",
    re.I,
)
# "– if you ticked 'Another policy' at question 5" beside a question: the answer given at an
# earlier question, with no action after it, is whom the question is for
_BARE_YOU_GAVE_RE = re.compile(
    r"^[–—-]?\s*(?:ONLY\s+)?IF\s+(?:YOU\s+(?:TICKED|CHOSE|ANSWERED|SAID|PICKED|SELECTED|MARKED|"
    # ("If Yes at question 17.": the answer alone, no words of choosing)
    r"CIRCLED)\b[^,;:→]*\b(?:AT|IN|TO)|(?![^,;:→]*\b(?:GO|GOES|SKIP|JUMP|MOVE|CONTINUE|PROCEED|"
    r"CARRY|TURN|ASK|STOP|END|CLOSE)\b)[A-Za-z'’ ]{1,40}\b(?:AT|IN))\s+"
    r"(?:QUESTION\s+\d{1,3}[a-z]?|[A-Z]{1,4}\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)
# "For Fernhill only – the third box at question 5": whom, then the answer that says it
_ONLY_THEN_ANSWER_RE = re.compile(
    r"^(?:FOR\s+)?[\w'’ -]{2,40}?\s+ONLY\s*[–—:-]\s*"
    # (never "– leave blank if …": that says who does not answer)
    r"(?P<cond>(?![^–—:]*\b(?:IF|UNLESS|BLANK|SKIP|NOT)\b)[^–—:]*\b(?:AT|IN)\s+"
    r"(?:QUESTION\s+\d{1,3}[a-z]?|[A-Z]{1,4}\d{1,3}[a-z]?))\s*\.?$",
    re.I,
)
_NEXT_PART_RE = re.compile(
    r"(\b(?:GO|SKIP|JUMP|PROCEED|CONTINUE)\s+(?:STRAIGHT\s+)?(?:ON\s+)?TO\s+)THE\s+NEXT\s+"
    r"(SECTION|PART|MODULE|BLOCK)\b",
    re.I,
)
_OPEN_RE = re.compile(
    r"\bOPEN(?:[- ]?END(?:ED)?)?\b|TEXT\s*BOX|VERBATIM|TYPE[- ]IN\b|WRITE[- ]IN\b|COMMENT\s*BOX|"
    r"\bTEXT\s+(?:ENTRY|FIELD)\b|ESSAY|FREE\s+TEXT|TEXTBOX|\bOE\b|"
    # a form tool's box names: "Short text, one line.", "Paragraph box."
    r"^\s*SHORT\s+TEXT\b|^\s*PARAGRAPH\s+(?:BOX|TEXT|FIELD)\b|"
    # "Write the answer in full", "Record the reply word for word": an interviewer writing down
    # what is said
    r"\b(?:WRITE|RECORD|NOTE)\s+(?:DOWN\s+)?(?:THE\s+|THEIR\s+|HIS\s+|HER\s+)?"
    r"(?:ANSWER|RESPONSE|REPLY)\s+(?:DOWN\s+)?(?:IN\s+FULL|WORD\s+FOR\s+WORD|AS\s+(?:GIVEN|SAID))\b",
    re.I,
)
# ("the answer in full": all that is said, a comment box's worth)
_LONG_RE = re.compile(
    r"LARGE|MULTI-?\s?LINE|ESSAY|PARAGRAPH|LONG|COMMENT|BIG|"
    # ("TYPE IN FULL POSTCODE", "type in full and read back" are one line each)
    r"\b(?:ANSWER|RESPONSE|REPLY)\s+(?:DOWN\s+)?IN\s+FULL\b",
    re.I,
)
# "RECORD VERBATIM – 5 DIGITS": an entry of a fixed length (a postcode) is one line.
_SHORT_RE = re.compile(
    r"SINGLE[- ]LINE|SHORT|ONE[- ]LINE|SMALL|\bLINE\b|\b\d{1,2}\s+(?:DIGITS|CHARACTERS)\b", re.I
)
_TYPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "constant_sum",
        re.compile(
            r"CONSTANT\s+SUM|MUST\s+(?:ADD|SUM|TOTAL)|ADD\s+UP\s+TO|SUM\s+TO\b|ALLOCATE\s+\d+|\bPOINTS\b.*\bTOTAL|"
            # "TOTAL MUST COME TO 100%" under a list of shares (a CATI script's sum check)
            r"\bTOTAL\s+(?:MUST|SHOULD)\s+(?:COME\s+TO|EQUAL|BE)\s+100\b",
            re.I,
        ),
    ),
    ("ranking", re.compile(r"\bRANK(?:ING)?\b", re.I)),
    ("dropdown", re.compile(r"DROP[- ]?DOWN|PULL[- ]?DOWN|SELECT\s+BOX|COMBO\s*BOX", re.I)),
    (
        "grid",
        re.compile(
            r"\bGRID\b|\bMATRIX\b|\bPER\s+ROW\b|\bEACH\s+ROW\b|STATEMENTS\s+AS\s+ROWS", re.I
        ),
    ),
    # "RECORD MONTH AND YEAR": a date without its day
    # a date's format in the questionnaire's language: "gg/mm/aaaa", "JJ-MM-AAAA", "TT.MM.JJJJ"
    (
        "date",
        re.compile(
            r"\bDATE\b|MM/DD|DD/MM|YYYY|\bMONTH\s+AND\s+YEAR\b|"
            r"\b(?:DD|GG|JJ|TT)[/.-]MM[/.-](?:AAAA|JJJJ|RRRR|AA|JJ)\b",
            re.I,
        ),
    ),
    # "your phone number or email": either one, in a box of text, not an address to check
    (
        "email",
        re.compile(
            # ("Script: e-mail the product safety team on any answer": the verb, no address)
            # ("put the code in the thank-you email": a message the tool sends, not a field)
            r"(?<!phone\sor\s)(?<!number\sor\s)(?<!thank-you\s)(?<!thank\syou\s)"
            r"(?<!confirmation\s)(?<!reminder\s)(?<!welcome\s)(?<!follow-up\s)"
            r"\bE-?MAIL\b(?!\s*(?:or|/)\s*(?:tele)?phone)"
            r"(?!\s+(?:the|them|us|him|her|it)\b)",
            re.I,
        ),
    ),
    (
        "display",
        re.compile(
            # ("(row display only)": a rule on showing one row of a grid, not a screen)
            r"\bINFO(?:RMATION)?\s+SCREEN\b|\bNO\s+ANSWER\s+NEEDED\b|(?<!ROW\s)\bDISPLAY\s+ONLY\b|"
            r"\bTEXT\s+SCREEN\b|\bINFO\b|"
            r"^NO\s+(?:RESPONSE|ANSWER)$|"
            # "Type: DISPLAY (no answer)": a CAPI spec's field type, read after the key
            r"^DISPLAY\s*(?:\(\s*no\s+answer\s*\))?$",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\bNUMERIC|\bNUMBER\s+(?:BOX|ENTRY|FIELD)|\bENTER\s+(?:A\s+)?NUMBER\b|\bINTEGER\b|\bWHOLE\s+(?:NUMBER|HOURS|DOLLARS|YEARS)|\bENTER\s+(?:AGE|YEAR|AMOUNT)\b|\bRECORD\s+(?:EXACT\s+)?(?:NUMBER|AGE|AMOUNT)\b|\bRECORD\s+(?:IN\s+)?(?:YEARS|MONTHS|WEEKS|DAYS|HOURS|MINUTES)\b|\bENTER\s+NUMBER\b"
            # "RECORD 0-100": a number to write down within its range
            r"|\bRECORD\s+\d{1,4}\s*[-–]\s*\d{1,6}\b"
            # "RECORD KG (0-50)": the unit, then the range in brackets
            r"|\bRECORD\s+[A-Z]{1,12}\s*\(\s*\d{1,4}\s*[-–]\s*\d{1,6}\s*\)",
            re.I,
        ),
    ),
    (
        "multi",
        re.compile(
            r"\bMULTI(?!PLE\s+CHOICE)(?:PLE)?"
            r"(?:[- ]?(?:CODE|RESPONSE|ANSWER|SELECT|PUNCH|MENTION))?\b|"
            r"SELECT\s+ALL|ALL\s+THAT\s+APPLY|CODE\s+ALL|TICK\s+ALL|CHECK\s+ALL|MARK\s+ALL|"
            r"CIRCLE\s+ALL|RECORD\s+ALL|ALL\s+MENTIONED|CROSS\s+ALL|"
            # "tick boxes" alone in a type cell: boxes to tick, as many as apply
            r"^\s*(?:TICK|CHECK)[- ]?BOXES\s*$|"
            # "Cross ALL boxes that apply", "tick all the answers that apply"
            r"ALL\s+(?:THE\s+)?(?:BOXES|ANSWERS|OPTIONS|RESPONSES|ITEMS)\s+THAT\s+APPLY|"
            # ("mulitple answers possible": the letters of MULTIPLE swapped in a hurry)
            r"ACCEPT\s+MULTIPLE|^M/?A$|^MR$|MUL(?:TI|IT)PLE\s+ANSWERS?\s+(?:POSSIBLE|ALLOWED)|"
            # "MULTIPLES OK": an interviewer's shorthand for several answers accepted
            r"\bMULTIPLES\s+(?:OK|ALLOWED|ACCEPTED|POSSIBLE)\b|"
            r"(?:CHOOSE|SELECT|PICK|TICK|MARK|CODE)\s+UP\s+TO\s+(?:\d+|TWO|THREE|FOUR|FIVE)\b|"
            # ("IF MORE THAN ONE REPORT: …" is whom a note is for, no answers allowed)
            r"(?:CHOOSE|SELECT|PICK|TICK|MARK)\s+(?:AS\s+MANY|ANY)\b|(?<!IF\s)(?<!HAD\s)(?<!HAVE\s)(?<!HAS\s)MORE\s+THAN\s+ONE\b|"
            # "MAXIMUM 3 ANSWERS": more than one answer may be given, up to a limit
            r"\bMAX(?:IMUM)?\.?\s+(?:OF\s+)?(?:[2-9]|[1-9]\d|TWO|THREE|FOUR|FIVE)\s+"
            r"(?:ANSWERS|RESPONSES|MENTIONS|CHOICES|SELECTIONS)\b",
            re.I,
        ),
    ),
    (
        "single",
        re.compile(
            r"\bSINGLE\b|ONE\s+(?:ANSWER|RESPONSE|CODE)(?:\s+ONLY)?\b|\bCODE\s+ONE\b|^S/?A$|^SR$|"
            r"\b(?:SELECT|CHOOSE|CHECK|TICK|MARK|CIRCLE)\s+(?:ONLY\s+)?ONE\b|"
            r"SELECT\s+ONE\b|SINGLE[- ]SELECT",
            re.I,
        ),
    ),
    ("scale", re.compile(r"\bRATING\s+SCALE\b|\bSCALE\s*\(\d|\bHORIZONTAL\s+SCALE\b", re.I)),
)


def sentences(note: str) -> list[str]:
    """An instruction split into its sentences ("MULTI CODE. CODE 6 EXCLUSIVE" → two)."""
    note = plain_symbols(note.strip()).strip("[]<>{}").strip()
    if note.startswith("(") and note.endswith(")") and note.count("(") == 1:
        note = note[1:-1].strip()
    parts = [p.strip(" .") for p in _SPLIT_RE.split(note)]
    if not re.search(r"[a-zà-ÿ]", note):
        # "NUMERIC – ALLOW 14-99 – IF UNDER 18 TERMINATE": capitals set apart by spaced dashes
        # are separate instructions (a range's dash has digits on both sides).
        parts = _if_then_close([q.strip(" .") for p in parts for q in _dash_split(p)])
    # "email field – only show if they said Yes …": the widget, then its filter after a dash
    parts = [q.strip() for p in parts for q in _DASH_FILTER_RE.split(p)]
    # "Crew have their own survey: screen out if 'Crew'": the reason, then the rule after a colon
    parts = [q.strip() for p in parts for q in _COLON_RULE_RE.split(p)]
    # "AGE: ____ (ALLOW 18–99) IF UNDER 40 → NOT ELIGIBLE": the box's range, then a rule
    parts = [q.strip() for p in parts for q in _BOX_THEN_IF_RE.split(p)]
    # "Yes → A3, No → A5": answer-and-arrow pairs listed with commas are one route each
    parts = [
        q for p in parts for q in (_ARROW_PAIR_RE.split(p) if _ARROW_LIST_RE.match(p) else [p])
    ]
    # "If No, thank you – members only. Please do not fill in the rest.": one screen-out
    return joined_stops([p for p in parts if p])


_DASH_FILTER_RE = re.compile(
    r"(?<=\w)\s+[–—-]\s+(?=(?:only\s+(?:show|ask|display)|(?:show|ask|display)\s+only)\b)", re.I
)
_COLON_RULE_RE = re.compile(
    # (the answer named in quotes or by its code: "CHECK: TERMINATE IF FEWER THAN 10 WORDS" is a
    # recruiter's check, not a rule on an answer)
    r"(?<=\w)\s*:\s+(?=(?:screen[\s-]*out|terminate|disqualify|close)\s+if\s+(?:[\"“‘']|codes?\s+\d))",
    re.I,
)
_ARROW_PAIR = r"[^,;→]{1,40}?\s*(?:→|->)\s*[A-Za-z0-9_]{1,8}"
_ARROW_LIST_RE = re.compile(rf"^(?:[A-Za-z]+\s*:\s*)?{_ARROW_PAIR}(?:\s*,\s*{_ARROW_PAIR})+$")
_ARROW_PAIR_RE = re.compile(r"(?<=\w)\s*,\s+(?=[^,;→]{1,40}?\s*(?:→|->))")


def _dash_split(text: str) -> list[str]:
    """Capitals split at spaced dashes, but not inside a quoted answer ("ASK IF 'NO – NOT YET'
    AT Q7": the dash is the label's)."""
    quoted = [m.span() for m in re.finditer(r"['‘\"“][^'‘’\"“”]{2,80}['’\"”]", text)]
    cuts = [
        m for m in _CAPS_DASH_RE.finditer(text) if not any(a < m.start() < b for a, b in quoted)
    ]
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(text)]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


_IF_PART_RE = re.compile(r"^(?:[A-Z]{2,12}\s*:\s*)?IF\s")
_CLOSE_PART_RE = re.compile(
    r"^(?:THANK\s+(?:AND|&)\s+(?:CLOSE|END|TERMINATE)|TERMINATE|SCREEN\s*OUT|"
    # "IF Q4 = 2 OR 3 – SKIP TO SECTION F": the skip it leads to, as a termination is
    r"(?:GO|SKIP|JUMP|PROCEED)\s+(?:STRAIGHT\s+)?TO|"
    # "IF AGE1 IS UNDER 16: THE RESPONDENT MUST BE 16 OR OVER. END THE INTERVIEW AND …"
    r"(?:END|CLOSE|TERMINATE)\s+THE\s+INTERVIEW)\b|"
    # "IF UNDER 16 - CLOSE": a bare CLOSE, the whole part
    r"^CLOSE\W*$"
)


# "S4 CODE 1", "CODES 1-3 AT Q2", "Q5 = 2": a test alone, after a base's words and a dash
_TEST_PART_RE = re.compile(
    rf"^(?:{_ID_TOKEN}\s+CODES?\s+\d|CODES?\s+\d[^A-Z]*\s(?:AT|IN)\s+{_ID_TOKEN}$|"
    rf"{_ID_TOKEN}\s*(?:=|<|>|!=|<>|NOT\s*=))"
)


def _if_then_close(parts: list[str]) -> list[str]:
    """ "IF 250 OR MORE – THANK AND CLOSE": a condition and the termination (or skip) it leads
    to, set apart by a spaced dash, are one instruction (split, the condition would be read
    alone)."""
    joined: list[str] = []
    for part in parts:
        if joined and _IF_PART_RE.match(joined[-1]) and _CLOSE_PART_RE.match(part):
            # (the rule's reason after the condition's colon is no part of the condition)
            # (a tail that is itself the action, "IF B1 IS UNDER 15: END INTERVIEW …", stays)
            head = re.sub(
                r"^(IF\s+[^:]{2,60}?)\s*:\s+(?![^:]*\b(?:END|CLOSE|TERMINATE|GO|SKIP|STOP)\b)"
                r"[^:]{3,}$",
                r"\1",
                joined[-1],
            )
            joined[-1] = f"{head} – {part}"
        elif joined and re.match(r"^I\.\s?E\.?,?\s", part) and re.search(r"\bIF\b", joined[-1]):
            # "TERMINATE IF NO PLANT DRINK – I.E. NONE OF CODES 2-5 …": the condition said again
            # as its test, after a dash
            joined[-1] = f"{joined[-1]} – {part}"
        elif (
            joined and re.match(r"^(?:BASE|ASK|FILTER)\b", joined[-1]) and _TEST_PART_RE.match(part)
        ):
            # "BASE: ALL WHO SHOP THERE – S4 CODE 1": whom in words, then the test that says it
            joined[-1] = f"{joined[-1]} – {part}"
        else:
            joined.append(part)
    return joined


def expand_codes(text: str) -> list[str]:
    """The codes written in text: `1-8 OR 97` → 1…8, 97 (ranges expanded when short)."""
    codes: list[str] = []
    for low, high in _CODES_RE.findall(text):
        if high and 0 <= int(high) - int(low) <= 60:
            codes.extend(str(n) for n in range(int(low), int(high) + 1))
        else:
            codes.append(low)
            if high:
                codes.append(high)
    return list(dict.fromkeys(codes))


_SHORTHAND = {
    "S": "single",
    "SA": "single",
    "SR": "single",
    "S/A": "single",
    "SC": "single",
    "M": "multi",
    "MA": "multi",
    "MR": "multi",
    "RM": "multi",  # Spanish "respuesta múltiple"; "RU" is "respuesta única"
    "RU": "single",
    "M/A": "multi",
    "MC": "multi",
    "OE": "open",
    "OA": "open",
    "FA": "open",
    "O": "open",
    "OPEN": "open",
    "N": "number",
    "NUM": "number",
    "NUMBER": "number",
    "NUMERIC": "number",
    "DATE": "date",
    "EMAIL": "email",
    "TEXT": "text",
    "GRID": "grid",
    "RANK": "ranking",
    "CS": "constant_sum",
    "DD": "dropdown",
    "INFO": "display",
}


def type_words(note: str) -> list[str]:
    """The question types an instruction names, most specific first."""
    # Google Forms' "Multiple-choice grid" is one answer a row, as "Multiple choice grid" is
    note = re.sub(r"\bmultiple-choice(?=\s+grid\b)", "multiple choice", note, flags=re.I)
    if re.fullmatch(r"\s*(?:multiple|multi)[- ]choice\s*", note, re.I) and note == note.lower():
        return ["multi"]
    short = _SHORTHAND.get(note.strip().upper().replace(" ", ""))
    if short:
        return [short]
    # "Number (USD)", "Numeric (%)": a spec's type cell with the unit of the amount in brackets
    unit = re.fullmatch(r"\s*(\w+)\s*\([^()\d]{1,12}\)\s*", note)
    if unit and _SHORTHAND.get(unit[1].upper()) == "number":
        return ["number"]
    if re.fullmatch(
        # ("Single line of text.": the box said in words)
        r"\s*(?:1|one|single)[- ](?:text\s+)?line(?:\s+(?:text|box|answer)|\s+of\s+text)?\s*\.?\s*",
        note,
        re.I,
    ):
        return ["text"]  # "1 line" beside an open end: a one-line box
    if re.match(r"\s*(?:1|one|single)[- ]line\b(?!\s+(?:of|per)\b)", note, re.I) or re.search(
        r"\bHH\s*:\s*MM\b|\b24[- ]hour\s+clock\b|^\s*TIME\s*(?:[,:(]|$)", note, re.I
    ):
        # "single line, 80 characters"; a time of day ("TIME, 24-hour clock (HH:MM)") is typed
        # in one line too (the IR has no time type)
        return ["text"]
    if re.search(r"\bTEXT(?:\s*(?:BOX|FIELD|ENTRY))?\b", note, re.I) and re.search(
        r"\b\d{1,2}\s+DIGITS?\b", note, re.I
    ):
        # "TEXT BOX, 10 DIGITS NUMERIC", "Text (5 digits)": a code of fixed length (an ID, a
        # ZIP) typed in a text box; its digits are characters to check, not a quantity
        return ["text"]
    if re.search(
        r"^(?:WRITE(?:\s+IN)?|RECORD|ENTER|TYPE(?:\s+IN)?)\s+(?:THE\s+|FULL\s+)*(?:(?:TELE)?PHONE|"
        r"MOBILE|CONTACT|CELL)\s+NUMBER\b|^(?:WRITE(?:\s+IN)?|RECORD|ENTER)\s+(?:THE\s+|FULL\s+)*"
        r"(?:POST\s*CODE|ZIP(?:\s+CODE)?)\b",
        note,
        re.I,
    ):
        return ["text"]  # "RECORD PHONE NUMBER": digits to call, typed on one line, no amount
    if re.match(r"\s*(?:number|integer)\s+\d{1,7}\s*(?:-|–|to)\s*\d{1,7}\b", note, re.I):
        return ["number"]  # "Number 0-500, local currency": the type, then the range it takes
    if re.search(
        r"\bNUMERIC|\bNUMBER\s+(?:BOX|ENTRY|FIELD)|^NUM$|^\s*(?:number|integer)\s*[,:;]|"
        # "Text entry – numbers only": a text box that takes a number
        r"\b(?:WHOLE\s+)?NUMBERS?\s+ONLY\b|"
        r"\b(?:WRITE[- ]IN|RECORD|ENTER|TYPE(?:[- ]IN)?)\s+(?:A\s+|THE\s+|EXACT\s+)?"
        # ("RECORD %", "ENTER PERCENTAGE": a share, written as a number)
        r"(?:%|[£$€¥]|PERCENT(?:AGE)?\b|PER\s+CENT\b)|"
        r"\b(?:WRITE[- ]IN|RECORD|ENTER|TYPE(?:[- ]IN)?)\s+(?:A\s+|THE\s+|EXACT\s+)?"
        r"(?:NUMBER|SCORE|RATING|AMOUNT|AGE|YEAR)\b(?!\s+OF\b(?!\s+(?:"
        # "write in the number of hours": a count in a unit
        r"MINUTES|HOURS|DAYS|NIGHTS|WEEKS|MONTHS|YEARS|TIMES|PEOPLE)\b))|"
        # "Validation: number between 1920 and 2007": the box takes a number
        r"\bVALIDATION\s*:\s*(?:AN?\s+)?(?:WHOLE\s+)?(?:NUMBER|INTEGER)\b|"
        # "RECORD HER LINE NUMBER", "RECORD '00'": a person's number, a number written in quotes
        r"\bRECORD\s+(?:HIS|HER|THEIR|ITS)\s+(?:[A-Z]+\s+)?NUMBER\b|\bRECORD\s+['‘]\d{1,4}['’]|"
        # "RECORD THE ROUND TRIP IN MINUTES": a count in a unit of time
        r"^(?:RECORD|ENTER|WRITE)\b[^.]{0,40}\bIN\s+(?:MINUTES|HOURS|DAYS|WEEKS|MONTHS|YEARS|"
        # "RECORD IN PENCE", "ENTER IN KILOMETRES": an amount in a unit of money or measure
        r"PENCE|POUNDS|DOLLARS|EUROS|CENTS|KILOMETRES|KILOMETERS|KM|MILES|METRES|METERS|"
        r"KILOGRAMS|KG|LITRES|LITERS)\b",
        note,
        re.I,
    ):
        return ["number"]
    if re.search(r"^(?:WRITE|RECORD|ENTER|PRINT)\s+(?:THE\s+)?(?:FULL\s+|FIRST\s+)?NAMES?\b", note):
        return ["text"]  # "WRITE FIRST NAME AND SURNAME": a name on a line
    if re.fullmatch(r"(?:FULL\s+|FIRST\s+)?NAMES?", note.strip()):
        return ["text"]  # a roster's column titled "NAME" over its request: a name on a line
    if _OPEN_RE.search(note) and not re.search(r"SPECIFY|OTHER", note, re.I):
        if _LONG_RE.search(note):
            return ["long_text"]
        if _SHORT_RE.search(note):
            return ["text"]
        return ["open"]
    found = [name for name, pattern in _TYPE_WORDS if pattern.search(note)]
    if "multi" in found and re.search(
        r"MULTI(?:PLE)?\s+CODE\s+PER\s+ROW|MULTI\w*\s+PER\s+ROW", note, re.I
    ):
        found.append("grid_multi")
    return found


def _numbers(text: str) -> tuple[float, float] | None:
    # "ALLOW $1-$200": an amount's range may repeat the currency sign on its upper bound
    # "RANGE 0-10,000,000", "5,000 to 250,000": a comma before each three digits groups them
    number = r"-?(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
    # "RANGE 0..110": a CAPI script's two dots between the bounds
    match = re.search(rf"({number})\s*(?:[-–—]|\.\.(?!\.)|to|and)\s*[$€£¥]?({number})", text, re.I)
    if match:
        return float(match[1].replace(",", "")), float(match[2].replace(",", ""))
    low = re.search(r"\bMIN(?:IMUM)?\s*(?:OF\s*)?(-?\d+)", text, re.I)
    high = re.search(r"\bMAX(?:IMUM)?\s*(?:OF\s*)?(-?\d+)", text, re.I)
    if low or high:
        return (
            float(low[1]) if low else float("nan"),
            float(high[1]) if high else float("nan"),
        )
    return None


_NOTE_PREFIX_RE = re.compile(
    r"^(?:[A-Za-z]+[ -]){0,3}(?:logic|routing|route|note|notes|instruction|instructions|"
    r"filter|skip|"
    # ("Margin note (J. Hale):": whose note it is, in brackets before the colon)
    r"condition|display|branching|branch|check)\s*(?:\([^()]{1,30}\)\s*)?:\s*|"
    r"^(?:PN|P\.N\.|PROG|PROGRAMMER|PROGRAMMING|SCRIPTER|SCRIPTING|DP|CATI|CAWI|INTERVIEWER|"
    r"INT|IV|SP|SN|BOT|BUILDER|DEV|DEVELOPER)\s*(?:NOTE|INSTRUCTION)?S?\s*[:.-]\s*|"
    r"^[↳⤷↪]\s*|"  # "↳ only when …": an arrow marking a line as logic for the build
    # "**Logic** BQ16: …", "Routing Q7 for …": the heading word set in bold without a colon,
    # then the question it is about
    r"^(?:logic|routing)\s+(?=[A-Z]{1,4}\d{1,3}[a-z]?\b)|"
    # "Screen-out: if 3 or 4, thank and close.": a heading word over a rule that says the close
    r"^screen[\s-]?out\s*:\s*(?=[^:]{0,200}\b(?:thank|close|terminate|end)\b)|"
    # "[Sam: if they put 0 at Q6, skip them to Q8]": a colleague's name addressing a routing note
    r"^(?-i:[A-Z][a-z]{1,15})\s*:\s*(?=(?:if|only|ask|skip|show|when)\b)|"
    # "Top-2 box only: ask if W2 = 1 or 2": the group in a few words, then the filter naming it
    # (not a question's id: "Q5: ask if …" is a filter for Q5)
    r"^(?![A-Za-z]{1,5}\d)(?:[\w'-]+\s+){0,3}[\w'-]+\s*:\s*"
    r"(?=(?:ask|show|display)\s+(?:only\s+)?(?:if|when)\b)",
    re.I,
)
_ID_IS_QUOTED_RE = re.compile(
    r"\b([A-Z]{1,4}\d{1,3}[a-z]?)\s+is\s+(?=[“\"‘'][^“”\"‘’']{1,60}[”\"’'])"
)
_AFTER_THIS_RE = re.compile(r"^after\s+(?:this|the)\s+(?:page|section|block)\s*,\s*(?=if\b)", re.I)
_LOGIC_ARROW_RE = re.compile(r"^\s*[↳⤷↪]")
_BARE_TEST_GOTO_RE = re.compile(
    r"^[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<>|!=|<=|>=|<|>)\s*[\w'’,-]{1,20}(?:\s*[,-]\s*\w{1,10}){0,6}"
    r"\s+(?:GO\s*TO|SKIP\s+TO|JUMP\s+TO)\s+[A-Z]{1,6}\d{0,3}[a-z]?\s*\.?$",
    re.I,
)
_FORMS_TYPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:checkbox(?:es)?\b(?!\s+grid)|check\s*boxes|multi[- ]?select|"
            r"multiple\s+selection|multiple\s+answers?|select\s+all)\b",
            re.I,
        ),
        "multi",
    ),
    (
        re.compile(
            r"\b(?:radio(?:\s+buttons?)?|single[- ]choice|single\s+answer|yes\s*/\s*no)\b", re.I
        ),
        "single",
    ),
    (
        re.compile(
            r"\b(?:linear\s+scale|rating\s+scale|opinion\s+scale|slider|nps|net\s+promoter)\b|"
            r"^\s*rating\b",
            re.I,
        ),
        "scale",
    ),
    (re.compile(r"^\s*(?:drop-?down)\b", re.I), "dropdown"),
    (re.compile(r"^\s*(?:date|time)\s*$", re.I), "date"),
    (re.compile(r"^\s*email\s*$", re.I), "email"),
    (re.compile(r"^\s*number\s*$", re.I), "number"),
    (re.compile(r"\b(?:short\s+answer|short\s+text|single[- ]line)\b", re.I), "text"),
    (
        re.compile(
            r"\b(?:paragraph|long\s+answer|long\s+text|open[- ]ended|free\s+text|essay)\b", re.I
        ),
        "long_text",
    ),
)


FORM_TYPE_LINE_RE = re.compile(
    r"(?:short\s+answer|long\s+answer|short\s+text|long\s+text|paragraph(?:\s+text)?|checkbox(?:es)?|checkbox\s+grid|"
    r"multiple\s+choice(?:\s+grid)?|drop-?down|linear\s+scale|opinion\s+scale|rating|"
    r"single\s+line\s+(?:of\s+)?text|multi-?line\s+text|file\s+upload|number|date|time|email|"
    r"yes\s*/\s*no|nps|net\s+promoter\s+score)(?:\s*\(?\s*-?\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*\)?)?\.?",
    re.I,
)


_SCREEN_TYPE_RE = re.compile(
    r"(?:statement|text\s+screen|descriptive\s+text|text\s*/\s*graphic|display\s+text)\.?", re.I
)


def question_type_line(text: str) -> list[str]:
    """Types named on a "Question Type: …" line, in survey-tool words (Google Forms and such)."""
    value = re.sub(r"^[^:]*:\s*", "", text)
    for pattern, name in _FORMS_TYPES:
        if pattern.search(value):
            return [name]
    return type_words(value)


_CODES_CLOSE_WHY_RE = re.compile(
    r"^(?:CODES?\s+)?(?P<codes>\d{1,3}(?:\s*(?:,|-|–|OR|AND)\s*\d{1,3}){0,6})\s*(?:→|->)\s*CLOSE\s*"
    r"\([^()]{3,80}\)\W*$",
    re.I,
)


# "(screen-out)", "(terminate)", "(not eligible)": a remark naming the way out as a screen-out
_SCREEN_OUT_WHY_RE = re.compile(
    r"(?:SCREEN[\s-]*OUT|TERMINATE|TERMINATION|NOT\s+ELIGIBLE|INELIGIBLE|DISQUALIF\w*)"
    r"(?:\s*[-–—:,;]\s*[^()]{1,40})?",
    re.I,
)
# the route to a closing page, last: "→ CLOSE", ", GO TO END"
_TO_CLOSING_RE = re.compile(
    r"\s*(?:,?\s*(?:→|->|=>)|,?\s*\b(?:GO|SKIP|JUMP)\s+TO)\s*(?:THE\s+)?(?:END|CLOSE|CLOSING|EXIT)\s*$",
    re.I,
)


def _screen_out_route(text: str) -> str:
    """ "If 0 → CLOSE (screen-out)" as "If 0, TERMINATE": the closing page named as a screen-out
    by the remark after it is a termination, not a jump to a page."""
    remark = re.search(r"(?<=\w)\s+\((?P<why>[^()]{3,})\)\s*\.?$", text)
    if remark is None or not _SCREEN_OUT_WHY_RE.fullmatch(remark["why"].strip()):
        return text
    head = text[: remark.start()]
    route = _TO_CLOSING_RE.search(head)
    if route is None or not re.match(r"^\W{0,3}IF\s", head, re.I):
        return text
    return f"{head[: route.start()]}, TERMINATE"


# "… answer questions 17 to 19 about your last job": the frame the answers are given in
_ABOUT_WHAT_RE = re.compile(
    r"^\s*(?:about|thinking\s+(?:about|of)|in\s+terms\s+of|with\s+reference\s+to|"
    r"for\s+(?:your|the|their|his|her)\s+(?:most\s+recent|last|previous|main)\b)",
    re.I,
)


# "IF Q12 = 1 OR 2 → Q13 ELSE → Q14", "IF Q4 = 2 GO TO Q9, OTHERWISE GO TO Q5": a test and
# where each of its two branches goes, in a programmer's arrows
_SCREEN_WORD = r"(?-i:[A-Z][A-Z_]{2,20})\b"  # a screen named in capitals: CLOSE, END
IF_ELSE_PAIR_RE = re.compile(
    rf"^IF\s+(?P<cond>[^→>]{{3,120}}?)\s*(?:-+>|→|\bGO\s*TO\b)\s*(?:QUESTION\s+)?"
    rf"(?P<yes>{_ID_TOKEN}|{_SCREEN_WORD})\s*[,;.]?\s*(?:ELSE|OTHERWISE)\s*,?\s*"
    rf"(?:-+>|→|\bGO\s*TO\b)\s*(?:QUESTION\s+)?(?P<no>{_ID_TOKEN}|{_SCREEN_WORD})\s*\.?$",
    re.I,
)


def interpret(sentence: str) -> list[Directive]:
    """The directives of one instruction sentence (several when it packs several)."""
    # "(only shown if you picked A or B in Question 6)": a note wrapped whole in brackets
    # "⚑ Ask only when 9 = b.": a flag or pointer sign that marks the note, no words of it
    sentence = re.sub(r"^[⚑⚐🚩☞☛⚠※✱]\ufe0f?\s*", "", sentence.strip())
    sentence = re.sub(r"^\(([^()]+)\)\.?$", r"\1", sentence.strip())
    # "↳ Question logic: If …": a logic arrow, then the note's heading word, both taken off
    # "EV1 is “Fish” or “No pet” → end of survey": a question's answer named in quotes after "is"
    sentence = _ID_IS_QUOTED_RE.sub(r"\1 = ", sentence)
    # ("If No, pass to Q9": the skip's verb put as "go to")
    text = _NOTE_PREFIX_RE.sub("", named_route(skip_verbs(to_english(sentence))))
    text = spelled_if(_NOTE_PREFIX_RE.sub("", text) if _LOGIC_ARROW_RE.match(sentence) else text)
    if _BARE_TEST_GOTO_RE.match(text):
        # "B4=2 GOTO B7" in a routing column: the test and the jump, the IF left unsaid
        text = f"IF {text}"
    branches = branch_sentences(text)
    if branches:
        # "01 CONTINUE TO S10 / 02, 98, 99 SKIP TO S11": each branch a jump of its own
        return [d for branch in branches for d in interpret(branch)]
    if _BARE_YOU_GAVE_RE.match(text):
        said = re.sub(r"^[–—-]?\s*(?:ONLY\s+)?IF\s+", "", text, flags=re.I).strip(" .")
        return [Directive("display_if", said, source=text)]
    only_then = _ONLY_THEN_ANSWER_RE.match(text)
    if only_then:
        return [Directive("display_if", only_then["cond"].strip(), source=text)]
    # "if you ticked no skip to …": the answer the respondent gave is the condition itself
    text = _YOU_GAVE_RE.sub(r"\1 ", text)
    # "skip to the next section": the first question of the next section (the logic pass)
    text = _NEXT_PART_RE.sub(lambda m: m[1] + "NEXT " + m[2].upper(), text)
    # "go to question (11)": a paper form's bracketed question number is the question's number
    text = re.sub(r"\b(question|go\s+to|skip\s+to)\s+\((\d{1,3})\)", r"\1 \2", text, flags=re.I)
    # "After this page, if Q3 is … → Skip to page 5": a page's logic, run when it is left
    text = _AFTER_THIS_RE.sub("", text)
    # ("SKIP TO Q20 IF NO SMART METER (NO OR NOT SURE)": with the condition last, the bracket
    # closes the condition, the answers it means)
    condition_last = re.search(r"\b(?:GO|SKIP|JUMP)\s+TO\b[^()]*\b(?:IF|WHEN)\b", text, re.I)
    closed = _CODES_CLOSE_WHY_RE.match(text)
    if closed:
        # "2 → close (agency staff have their own survey)": a bare close with why it closes (a
        # closing screen is not given a reason)
        return [Directive("terminate_if", "CODE " + closed["codes"], source=text)]
    if re.search(r"->|→|\b(?:GO|SKIP|JUMP)\s+TO\b", text, re.I) and not condition_last:
        # "If 0 → CLOSE (screen-out)": the remark says the closing page is a screen-out
        text = _screen_out_route(text)
        # "if [2] -> end of survey (show the debrief page)": a remark after the routing
        # ("(any of 1–7)" says the codes of the words before the arrow: kept)
        text = re.sub(r"(?<=\w)\s+\((?!any\s+of\s)[^()]{3,}\)\s*\.?$", "", text, flags=re.I)
    if re.match(r"^(?:Question\s+|Response\s+|Answer\s+|Input\s+)?(?:Type|Format)\s*:", text, re.I):
        named = [Directive("type", name, source=text) for name in question_type_line(text)]
        bounds = _numbers(text) if [d.value for d in named] == ["number"] else None
        if bounds and not any(math.isnan(b) for b in bounds):
            # "Answer type: Number, whole years, 0–50": the box's range on the type's line
            named.append(Directive("range", numbers=bounds, source=text))
        return named
    boxed = value_box(text)
    if boxed is not None:
        # "£000, 0–99999999" alone in a unit column: a number box and its range
        kind, bounds = boxed
        boxed_type = [Directive("type", kind, source=text)]
        return boxed_type + ([Directive("range", numbers=bounds, source=text)] if bounds else [])
    if _SCREEN_TYPE_RE.fullmatch(text.strip()):
        # "Statement" alone in a spec's type column: a screen of words that asks nothing
        return [Directive("type", "display", source=text)]
    if FORM_TYPE_LINE_RE.fullmatch(text.strip()):
        # A form builder's answer type on its own ("Checkboxes", "Short answer", "Rating (1-5)").
        numbers = _numbers(text)
        if numbers and re.match(r"\s*number\b", text, re.I):
            # "Number 0–60": a number box and its range
            return [
                Directive("type", "number", source=text),
                Directive("range", numbers=numbers, source=text),
            ]
        return [Directive("type", name, source=text) for name in question_type_line(": " + text)]
    upper = text.upper()
    found: list[Directive] = []
    for handler in _HANDLERS:
        result = handler(text, upper)
        if result:
            found.extend(result)
            if result[0].kind in _FINAL:
                break
    # "… was only asked to respondents that selected more than one choice at Q29": who is
    # asked, in words that name no type of this question
    typed = not _ASKED_OF_RE.search(text) and not CODE_HAS_BOX_RE.match(text)
    for name in type_words(text) if typed and (not found or found[0].kind not in _FINAL) else []:
        found.append(Directive("type", name, source=text))
    # "FILTRO: …" as well as "FILTER: …": the heading word read in English
    filtered = re.match(
        # ("display: D2 = {1}": a build note's key word alone before the test)
        r"^\s*(?:filter|condition|display(?:\s+(?:logic|condition))?|show)\s*:|"
        # ("LOGIC: G16 = Yes." under a question: the heading word over a bare test)
        r"^\s*logic\s*:\s*[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:[=<>!≠≥≤]|is\b|in\b)",
        to_english(sentence),
        re.I,
    )
    names_question = re.search(
        # ("STRESS >= 5": a variable named in capitals before a program's operator)
        r"[A-Z]{1,4}\d|\b(?i:question)\s+\d|\b[A-Z][A-Z_]{1,15}\s*(?:==|!=|>=|<=|\.includes\()",
        text,
    )
    if filtered and not any(d.kind in _FINAL for d in found) and names_question:
        # "FILTER: Q5 NOT 4", "Filter: Yes at question 19": what follows the heading word is
        # the condition itself.
        found.insert(0, Directive("display_if", text.strip(" .:"), source=sentence))
    return found


_ASKED_OF_RE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:only\s+)?(?:asked|shown|displayed|presented)\s+(?:only\s+)?"
    r"(?:to|of)\s+(?:the\s+)?(?:respondents|participants|people|those)\s+(?:who|that)\b",
    re.I,
)
_FINAL = frozenset(
    {"display_if", "skip", "skip_unless", "ask_target", "terminate_if", "quota", "pipe", "carry"}
)


def _routing(text: str, upper: str) -> list[Directive]:
    arrow = re.match(
        rf"^(?:CODES?\s+)?(?P<codes>\d{{1,3}}(?:\s*(?:,|-|–|&|AND|OR)\s*\d{{1,3}})*)\s*"
        rf"(?:-+>|→|=>|⇒)\s*(?:{_GO_TO})?(?P<to>{_TARGET}|(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{{1,3}})"
        r"\s*\.?$",
        text,
        re.I,
    )
    if arrow:
        # "1, 2, 5 -> A4" in a routing column: those answers go on to A4 ("2 or 3 → GO TO
        # SECTION C": to the section's first question).
        return [Directive("skip", "CODE " + arrow["codes"], target=arrow["to"], source=text)]
    dashed = re.match(
        # "code 2 — skip A4, go to A5", "Codes 3-4: go to CLOSE": the codes, a dash or colon,
        # then the jump (the questions skipped on the way may be named first)
        # ("0 hours → skip G5, continue at G6": a count in its unit, then the arrow)
        rf"^(?:CODES?\s+(?P<codes>\d{{1,3}}(?:\s*(?:,|-|–|&|AND|OR)\s*\d{{1,3}})*)\s*(?:[—–:]|\s-|-+>|→|=>)"
        rf"|(?P<count>\d{{1,4}})\s+[A-Za-z]{{3,12}}\s*(?:-+>|→|=>))\s*"
        rf"(?:SKIP\s+{_ID_TOKEN}(?:\s*(?:-|–|TO|AND)\s*{_ID_TOKEN})?\s*(?:,|AND)\s*)?"
        rf"{_GO_TO}(?P<to>{_TARGET})\s*\.?$",
        text,
        re.I,
    )
    if dashed:
        said = "CODE " + dashed["codes"] if dashed["codes"] else dashed["count"]
        return [Directive("skip", said, target=dashed["to"], source=text)]
    pair = IF_ELSE_PAIR_RE.match(text)
    if pair:
        # "IF Q12 = 1 OR 2 → Q13 ELSE → Q14": both branches, each a jump; the logic pass drops
        # the one to the next question and folds a pair around it into that one's filter
        return [
            Directive("skip", pair["cond"].strip(" ,"), target=pair["yes"], source=text),
            Directive("skip_unless", pair["cond"].strip(" ,"), target=pair["no"], source=text),
        ]
    unless = re.match(
        rf"^IF\s+(?P<cond>.+?),?\s+(?:THEN\s+)?CONTINUE\b[^A-Z]*(?:ELSE|OTHERWISE)\s*,?\s+"
        rf"(?:GO|SKIP|JUMP)\s+TO\s+(?:QUESTION\s+)?(?P<to>{_ID_TOKEN}|END)\b",
        text,
        re.I,
    )
    if unless:
        # "IF Q1 = 1 CONTINUE, ELSE SKIP TO Q3": everyone else skips.
        return [Directive("skip_unless", unless["cond"], target=unless["to"], source=text)]
    ask = re.match(
        # "If you ticked 'No', please answer Question 14.": a paper form's words for the same
        # ("Managers only: if you …, please answer questions 5 to 9": whom for, said first)
        rf"^(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){{0,3}}\s+ONLY\s*:\s*)?"
        rf"IF\s+(?P<cond>.+?),?\s+(?:THEN\s+)?(?:PLEASE\s+)?(?:ASK|ANSWER)\s+(?:QUESTIONS?\s+)?"
        rf"(?P<q>{_ID_TOKEN})\b(?P<rest>.*)$",
        text,
        re.I,
    )
    if ask:
        # "IF STAYING (Q2 = 3) ASK Q3–Q7, OTHERS GO TO Q8": every question of the run named
        span = re.match(rf"^\s*(?:-|–|TO)\s*(?P<last>{_ID_TOKEN})\b", ask["rest"], re.I)
        after = ask["rest"][span.end() :] if span else ask["rest"]
        if _ABOUT_WHAT_RE.match(after):
            # "If you are not working now, answer questions 17 to 19 about your most recent
            # job": what to think of while answering, asked of everyone (no filter)
            return []
        targets = (_id_span(ask["q"], span["last"]) if span else []) or [ask["q"]]
        return [
            Directive("ask_target", ask["cond"], target=t.upper(), source=text) for t in targets
        ]
    band = re.match(
        # "CSAT 1-2 (dissatisfied): ask Q3": a band of this question's scores, then the
        # question asked of them (its filter, written at the source)
        r"^(?:[A-Z][A-Za-z]{1,11}\s+)?(?P<codes>\d{1,2}(?:\s*(?:-|–|TO|OR|AND|,)\s*\d{1,2}){1,4})"
        rf"(?:\s*\([^()]{{1,40}}\))?\s*:\s*(?:ASK|SHOW)\s+(?:QUESTION\s+)?(?P<q>{_ID_TOKEN})\W*$",
        text,
        re.I,
    )
    # "Detractors (0–6) see Q15a; Passives (7–8) Q15b": a group named with its band in
    # brackets, then the question it is asked
    band = band or re.match(
        r"^[A-Z][A-Za-z]{1,15}\s*\((?P<codes>\d{1,2}(?:\s*(?:-|–|TO|OR|AND|,)\s*\d{1,2}){1,4})\)\s*"
        rf"(?:(?:SEE|GET|ANSWER|ARE\s+ASKED|ASK|SHOW)\s+)?(?:QUESTION\s+)?(?P<q>{_ID_TOKEN})\W*$",
        text,
        re.I,
    )
    if band and re.search(r"\d", band["q"]):
        cond = "CODE " + band["codes"]
        return [Directive("ask_target", cond, target=band["q"].upper(), source=text)]
    ask_first = re.match(
        # "Only show Q12 if they ticked …", "ASK Q7 ONLY IF …": the question named, then its filter
        rf"^(?:ONLY\s+)?(?:ASK|SHOW|DISPLAY)\s+(?P<q>{_ID_TOKEN})\s+(?:ONLY\s+)?IF\s+(?P<cond>.+?)"
        r"(?:,?\s*(?:OTHERWISE|ELSE)\b.*)?$",
        text,
        re.I,
    )
    if ask_first and re.search(r"\d", ask_first["q"]):
        # "ASK 3.3 IF 3.2 = 1 OR 2, OTHERWISE GO TO SECTION 4": the filter of the question named
        cond = ask_first["cond"].strip(" .,")
        return [Directive("ask_target", cond, target=ask_first["q"].upper(), source=text)]
    skip = re.match(
        rf"^(?:IF|WHEN|THOSE\s+(?:WHO|CODING|ANSWERING)|(?:RESPONDENTS?|PEOPLE|ANYONE|ALL|EVERYONE)"
        rf"\s+(?:WHO|THAT)|(?:RESPONDENTS?\s+)?(?:ANSWERING|CODING|SELECTING|CHOOSING))\s+"
        rf"(?P<cond>.+?),?\s*(?:-+>|→|THEN|SHOULD|MUST|WILL)?\s*(?:PLEASE\s+)?"
        rf"{_GO_TO}"
        # "Skip to page 5": a web form's numbered page (the logic pass finds its first question)
        rf"(?P<to>{_TARGET}|(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{{1,3}}|PAGE\s+\d{{1,2}}|"
        rf"NEXT\s+(?:SECTION|PART|MODULE|BLOCK)|{_LAST_PART})\b",
        text,
        re.I,
    )
    if skip and re.search(r"\b(?:OTHERWISE|ELSE)\W*$", skip["cond"], re.I):
        # "If Yes: how many times …? Otherwise go to question 3": the jump is the other
        # branch's, not the IF's (read with both branches by `passes/read_routing`)
        return []
    written = re.match(
        # "If nobody lives here, write 0 and go to H6": the number written is the test
        r"^[^,;]{2,80}?,\s*(?:PLEASE\s+)?(?:WRITE|ENTER|RECORD|PUT|CODE)\s+(?:IN\s+)?"
        r"[\"“'‘]?(?P<n>\d{1,4})[\"”'’]?\s*(?:,\s*)?(?:AND|THEN)\s+$",
        skip["cond"] + " " if skip else "",
        re.I,
    )
    if skip and written:
        return [Directive("skip", written["n"], target=skip["to"], source=text)]
    if skip:
        # "IF FH1 = 2: CHECK THE RECORD, UPDATE IT, THEN GO TO FH8": what is done before the
        # jump, after the test's colon, is no part of the test
        cond = re.sub(r"(?<=\w)\s*:\s+[A-Za-z][^:=<>]*?\s\w+[^:=<>]*$", "", skip["cond"])
        if not re.search(r"[=<>]|\b(?:IS|ARE|AT|CODES?|SAID|ANSWERED|TICKED)\b", cond, re.I):
            cond = skip["cond"]
        # "Those who did not report it skip Sections B and C and go straight to …": the parts
        # jumped over, named on the way, are no part of who jumps
        cond = re.sub(
            r"\s+SKIP\s+(?:(?:THE\s+)?(?:SECTIONS?|PARTS?|MODULES?|QUESTIONS?)\b|[A-Z]{1,4}\d)[^,;]{0,40}?"
            r"\s*,?\s+AND\s*$",
            "",
            cond,
            flags=re.I,
        )
        return [Directive("skip", cond, target=skip["to"], source=text)]
    arrow = re.match(
        # ("If 2 or 3, then Q11": a bare id after THEN, ending the line, is where they go)
        rf"^(?:IF|WHEN)\s+(?P<cond>.+?)\s*(?:-+>|→|=>|⇒|,?\s+THEN(?=\s+(?:QUESTION\s+)?{_ID_TOKEN}\W*$))"
        rf"\s*(?:(?:GO|SKIP)\s+TO\s+)?(?:QUESTION\s+)?(?P<to>{_TARGET})\s*$",
        text,
        re.I,
    )
    if arrow:
        return [Directive("skip", arrow["cond"], target=arrow["to"], source=text)]
    reverse = re.match(
        rf"^{_GO_TO}"
        rf"(?P<to>{_TARGET})\s*,?\s+(?:IF|WHEN|FOR)\s+(?P<cond>.+)$",
        text,
        re.I,
    )
    if reverse:
        # "SKIP TO Q5 IF Q2 = 2": the target first, the condition after.
        return [Directive("skip", reverse["cond"], target=reverse["to"], source=text)]
    taken = re.match(
        # "the 2nd or 3rd choice takes the person on to question 8", "No sends them to Q12": an
        # answer as the subject of a verb that carries the respondent on
        r"^(?P<cond>[^,;:]{2,60}?)\s+(?:TAKES?|SENDS?|LEADS?|ROUTES?|MOVES?)\s+"
        r"(?:(?:THE\s+)?(?:PERSON|RESPONDENTS?|PARTICIPANTS?|PEOPLE)|THEM|YOU|HIM|HER)?\s*"
        r"(?:STRAIGHT\s+|DIRECTLY\s+)?(?:ON\s+)?TO\s+(?:QUESTION\s+)?"
        rf"(?P<to>{_TARGET})\s*\.?$",
        text,
        re.I,
    )
    if taken and not re.match(r"^(?:THIS|IT|THAT|EVERYONE|ALL)\b", taken["cond"], re.I):
        return [Directive("skip", taken["cond"], target=taken["to"], source=text)]
    return []


# "Asked to: …", "Shown to: …": a brief's base line naming who sees the question
_ASKED_TO = r"(?:ASKED|SHOWN|PUT)\s+(?:ONLY\s+)?(?:TO|OF)"
# the people everyone is ("ASK ALL RESPONDENTS EXCEPT …")
_EVERYONE_NOUN = r"(?:RESPONDENTS|ADULTS|PEOPLE|PERSONS|PARTICIPANTS|MEMBERS|USERS|CUSTOMERS)"
# ("A2 NOT = 99", "A2 != 99": a test denied names its question as well)
_ID_TEST_RE = re.compile(r"\b[A-Z]{1,6}\d{1,3}[A-Z]?\s*(?:NOT\s*=|!=|≠|<>|=|<|>|≥|≤)\s*\d")
_NAMED_ANSWERS_RE = re.compile(
    r"\bCODES?\s+\d{1,3}\b.*\b(?:AT|IN|ON)\s+[A-Z]{0,4}\d{1,3}|"
    # "NAMING A PARTY AT V1 OR V1A (CODES 1-5 OR 97)": the question, then the codes in brackets
    r"\b(?:AT|IN|ON)\s+[A-Z]{0,4}\d{1,3}[A-Z]?\b[^()]{0,40}\(\s*CODES?\s+\d"
)
_QUOTED_AT_RE = re.compile(r"['‘\"“][^'‘’\"“”]{2,60}['’\"”]\s+(?:AT|IN|ON)\s+[A-Z]{0,4}\d{1,3}")


# "COMPANY CAR DRIVERS (S3 = 2): SKIP Q7–Q8", "IF Q2 = 3, DO NOT ASK Q5-Q6": a group (its test
# in brackets) or a test, then the questions they miss; "SKIP Q7 TO Q9 IF …" the other way round
_SKIP_RUN = (
    # (plain ids: "Q5-Q6" is a run here, not one module-prefixed id)
    # ("Do not answer question 13 if …": the respondent told to leave it out)
    r"(?:SKIP|DO\s+NOT\s+(?:ASK|ANSWER)|DON['’]T\s+(?:ASK|ANSWER))\s+(?!TO\b)(?:QUESTIONS?\s+)?"
    r"(?P<first>[A-Z]{0,4}\d{1,3}[a-z]?)(?:\s*(?:-|–|TO|AND)\s*(?P<last>[A-Z]{0,4}\d{1,3}[a-z]?))?"
)
_SKIPPED_RUN_RE = re.compile(
    r"^(?:(?:IF|FOR)\s+)?(?:[^():]{1,80}?\s*\((?P<cond>[^()]{3,80})\)|"
    r"(?P<test>[^():,]{1,40}?[=<>][^():,]{1,40}?))"
    rf"\s*[:,–-]?\s*{_SKIP_RUN}\s*\.?$",
    re.I,
)
_SKIP_RUN_IF_RE = re.compile(rf"^{_SKIP_RUN}\s+(?:IF|FOR)\s+(?P<cond>\S.*?)\s*\.?$", re.I)


def _named_filter(text: str) -> list[Directive]:
    """A filter box naming the questions it covers: "ASK E07 AND E11 ONLY OF EMPLOYEES
    (E06 = 1)", "E14-E16 ARE ASKED ONLY OF PERSONS NOT WORKING: E01 = 2 AND E02 = 2"."""
    body = re.sub(r"^FILTER\s*:\s*", "", text.strip(), flags=re.I)
    listed = re.match(
        rf"^ASK\s+(?P<ids>{_ID_TOKEN}(?:\s*(?:,|AND|&)\s*{_ID_TOKEN})*)\s+ONLY\s+(?:OF|TO|FOR)\b"
        r"[^()]{0,80}\((?P<cond>[^()]{3,80})\)\s*\.?$",
        body,
        re.I,
    )
    spanned = re.match(
        rf"^(?P<first>{_ID_TOKEN})\s*(?:-|–|TO)\s*(?P<last>{_ID_TOKEN})\s+(?:ARE|IS)\s+"
        r"(?:ASKED|SHOWN)\s+ONLY\s+(?:OF|TO|FOR)\b[^:()]{0,80}[:(]\s*(?P<cond>[^()]{3,80}?)\)?\s*\.?$",
        body,
        re.I,
    )
    skipped = _SKIPPED_RUN_RE.match(body) or _SKIP_RUN_IF_RE.match(body)
    if skipped:
        # "COMPANY CAR DRIVERS (S3 = 2): SKIP Q7–Q8": those people are not asked the run, so
        # each question of it is asked of everyone else (a filter, not a jump)
        last = skipped["last"] or skipped["first"]
        said = skipped["cond"] or skipped.groupdict().get("test") or ""
        cond = f"NOT ({said.strip(' :,.')})"
        targets = _id_span(skipped["first"], last) or [skipped["first"]]
        return [Directive("ask_target", cond, target=t.upper(), source=text) for t in targets]
    match = listed or spanned
    if match is None:
        return _listed_targets(text)
    if listed:
        targets = re.findall(_ID_TOKEN, listed["ids"])
    else:
        targets = _id_span(match["first"], match["last"])
    cond = match["cond"].strip(" :,.")
    return [Directive("ask_target", cond, target=t.upper(), source=text) for t in targets]


# A filter note that names the questions it covers, in the forms a filter column takes once its
# heading word is set aside: "ASK G6 IF …", "Q8, Q9 AND Q10 ARE SHOWN ONLY WHEN …",
# "G11, G12 AND G13 — BAR CUSTOMERS ONLY (YES AT G10)", "R1 IS FOR ANYONE WHO … (P1 CODES 4 OR 5)"
_LETTERED_ID = r"[A-Z]{1,4}\d{1,3}[a-z]?"
_ID_LIST = rf"(?P<ids>{_LETTERED_ID}(?:\s*(?:,\s*(?:AND\s+)?|AND|&)\s*{_LETTERED_ID})*)"
_NOTE_HEAD_RE = re.compile(
    r"^(?:(?:BLOCK\s+|SECTION\s+)?(?:FILTER|DISPLAY\s+LOGIC|DISPLAY\s+CONDITION)\s*:\s*)?"
    # ("public transport users — ask G6 if …": the group named first, set apart by a dash)
    r"(?:(?![A-Z]{1,4}\d)[^—–:()]{1,60}\s[—–]\s+)?",
    re.I,
)
_ASK_LISTED_RE = re.compile(
    rf"^(?:ASK|SHOW|DISPLAY)\s+(?:QUESTIONS?\s+)?{_ID_LIST}\s+(?:ONLY\s+)?(?:IF|WHEN)\s+"
    r"(?P<cond>\S.*?)\s*\.?$",
    re.I,
)
# "Q15 and Q16 only if yes at Q14": two questions or more named, then "only if", no verb
_LISTED_ONLY_RE = re.compile(
    rf"^(?P<ids>{_LETTERED_ID}(?:\s*(?:,\s*(?:AND\s+)?|AND|&)\s*{_LETTERED_ID})+)\s+ONLY\s+"
    r"(?:IF|WHEN)\s+(?P<cond>\S.*?)\s*\.?$",
    re.I,
)
_LISTED_SHOWN_RE = re.compile(
    rf"^{_ID_LIST}\s+(?:IS|ARE)\s+(?:ONLY\s+)?(?:SHOWN|DISPLAYED|ASKED)\s+(?:ONLY\s+)?(?:IF|WHEN)\s+"
    r"(?P<cond>\S.*?)\s*\.?$",
    re.I,
)
# the group named in words with the test in brackets after it (one bracket or two, "who …")
_LISTED_GROUP_RE = re.compile(
    rf"^{_ID_LIST}\s*(?:[—–:-]\s*)?(?:(?:IS|ARE)\s+(?:ONLY\s+)?FOR\b|ONLY\s+FOR\b|[^()]{{1,60}}\bONLY\b)"
    r"[^()]{0,80}\((?P<cond>[^()]{3,80})\)(?:[^()]{0,40}\((?P<also>[^()]{3,80})\))?\s*\.?$",
    re.I,
)


_JUMP_IN_TEST_RE = re.compile(r"\b(?:OTHERWISE|ELSE|GO\s+TO|SKIP|JUMP)\b", re.I)


def _listed_targets(text: str) -> list[Directive]:
    """A filter note naming its questions first (or after "ask"), then whom they are for."""
    body = _NOTE_HEAD_RE.sub("", text.strip(), count=1)
    found = (
        _ASK_LISTED_RE.match(body) or _LISTED_SHOWN_RE.match(body) or _LISTED_ONLY_RE.match(body)
    )
    cond = found["cond"].strip(" :,.") if found else ""
    if found is None:
        found = _LISTED_GROUP_RE.match(body)
        if found is None or not re.search(r"[A-Z]{1,4}\d", found["cond"]):
            return []
        cond = found["cond"].strip()
        if found["also"] and re.search(r"[A-Z]{1,4}\d", found["also"]):
            cond = f"({cond}) AND ({found['also'].strip()})"  # "under 35 (…) who are not … (…)"
    if not re.search(r"[A-Z]{1,4}\d", cond, re.I) or _JUMP_IN_TEST_RE.search(cond):
        # (a test naming no question, or "…, otherwise go to Q6": left to the other readers)
        return []
    targets = re.findall(_LETTERED_ID, found["ids"])
    return [Directive("ask_target", cond, target=t.upper(), source=text) for t in targets]


def _id_span(first: str, last: str) -> list[str]:
    """`E14`, `E16` → E14, E15, E16: the ids between, numbered alike."""
    low, high = re.fullmatch(r"(\D*)(\d+)", first), re.fullmatch(r"(\D*)(\d+)", last)
    if not low or not high or low[1].upper() != high[1].upper():
        return []
    start, end = int(low[2]), int(high[2])
    if not 0 < end - start <= 30:
        return []
    width = len(low[2]) if low[2].startswith("0") else 0
    return [f"{low[1]}{str(n).zfill(width)}" for n in range(start, end + 1)]


# Filters that name their question first, then the test
_QUESTION_FIRST_FILTERS = (
    # "Show Q12 only to customers with CSAT 1–3 at Q2": the question named, then whom it is for
    re.compile(
        # ("Ask J9 only of jurors who answered Yes at J8": asked of a group in any noun)
        rf"^(?:ASK|SHOW|DISPLAY)\s+(?P<q>{_ID_TOKEN})\s+(?:ONLY\s+)?(?:TO|OF)\s+(?:ONLY\s+)?(?:THE\s+)?"
        r"(?:[A-Z][\w'’-]*\s+){1,3}?(?:WHO|WITH|THAT)\b(?P<cond>.*\b[A-Z]{1,4}\d.*)$",
        re.I,
    ),
    # "Q9 is shown if Q8 is 'Poor'": a survey tool's display logic naming its question first
    re.compile(
        rf"^(?P<q>{_ID_TOKEN})\s+(?:IS|WILL\s+BE)\s+(?:ONLY\s+)?(?:SHOWN|DISPLAYED|ASKED)\s+"
        r"(?:ONLY\s+)?(?:IF|WHEN)\s+(?P<cond>\S.*)$",
        re.I,
    ),
)


# "Skip this question if …", "DO NOT ASK Q13 IF SELF-EMPLOYED (Q12=4)": a filter said as who
# does not answer
_SKIP_THIS_RE = re.compile(
    # ("not asked if B5 = 4": the same, said of the question as its note)
    rf"^(?:(?:PLEASE\s+)?SKIP\s+THIS\s+QUESTION|DO\s+NOT\s+(?:ASK|SHOW)\s+(?P<q>{_ID_TOKEN})|"
    r"NOT\s+(?:ASKED|SHOWN)|"
    # "Route: skip if Q14 = 4" under the question: skipped, with no place to go named
    r"SKIP(?=\s+(?:IF|WHEN)\s+[^.;]*?\b[A-Z]{1,4}\d)(?![^.;]*(?:\bTO\s+\w|→|->|\bGO\b))|"
    # "No need to answer question 9 if …", "Please leave Q13 blank if …": the respondent told
    # when a question is not for them
    r"(?:(?:THERE\s+IS\s+|YOU\s+HAVE\s+)?NO\s+NEED\s+TO|YOU\s+(?:DO\s+NOT|DON['’]T)\s+NEED\s+TO)"
    rf"\s+(?:ANSWER|FILL\s+IN|COMPLETE)\s+(?:THIS\s+QUESTION|(?:QUESTION\s+)?(?P<nq>{_ID_TOKEN}))|"
    # ("Leave this blank if you said 'Daily' at Q4.": the box the respondent is looking at)
    rf"(?:PLEASE\s+)?LEAVE\s+(?:THIS(?:\s+ONE|\s+QUESTION)?|(?:QUESTION\s+)?(?P<lq>{_ID_TOKEN}))\s+"
    r"(?:BLANK|EMPTY))\s+"
    r"(?:IF|WHEN)\s+(?P<cond>\S.*)$",
    re.I,
)
_IS_FOR_RE = re.compile(
    r"^(?:IS|ARE)\s+(?:ONLY\s+)?(?:FOR|AIMED\s+AT)\s+(?P<cond>[^.;]{3,200}?"
    r"(?:\b(?:QUESTION\s+\d{1,3}|[A-Z]{1,4}\d{1,3}[a-z]?)\b|=)[^.;]{0,40}?)(?:\s+ONLY)?[\s.;:]*$",
    re.I,
)
# "is not asked in the self-assessment (R1 = 5)", "Not shown to contractors (S2 = 3)": whom the
# question is kept from, named in words and then by a test in brackets
_NOT_ASKED_GROUP_RE = re.compile(
    r"^(?:(?:IS|ARE|WILL)\s+)?(?:BE\s+)?NOT\s+(?:ASKED|SHOWN|DISPLAYED|PUT)\s+(?:IN|FOR|TO|OF|AT)\s+"
    r"[^()=<>]{1,80}?\((?P<cond>[^()]{1,80}(?:=|<|>|≠|≤|≥)[^()]{0,80})\)\W*$",
    re.I,
)
_THIS_ONE = r"THIS(?:\s+ONE|\s+QUESTION)?"
_IF_THEN_SKIP_THIS_RE = re.compile(
    rf"^IF\s+(?P<cond>[^,;]{{3,120}}?)\s*[,:]\s*(?:PLEASE\s+)?(?:LEAVE\s+{_THIS_ONE}\s+(?:BLANK|EMPTY)|"
    rf"SKIP\s+{_THIS_ONE}|(?:YOU\s+)?(?:DO\s+NOT|DON['’]T)\s+(?:NEED\s+TO\s+)?ANSWER\s+{_THIS_ONE}|"
    rf"(?:YOU\s+)?(?:CAN|MAY)\s+(?:SKIP|LEAVE)\s+{_THIS_ONE}(?:\s+BLANK)?)\W*$",
    re.I,
)
# "Students with an approved absence only (question 7 = 2):": whom the question is for, then the
# test naming a question in brackets
_WHO_ONLY_RE = re.compile(
    # ("ASK EMPLOYEES (ECON = 1)": whom asked, then the test on a variable named in capitals)
    r"^(?:[A-Z][\w'’ -]{2,60}?\s+ONLY|ASK\s+(?!IF\b|ALL\b)[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*"
    r"\((?P<cond>(?:QUESTION\s+\d{1,3}|[A-Z]{1,4}\d{1,3}[a-z]?|(?-i:[A-Z]{3,8}))"
    r"\s*(?:=|<|>|≠|!=|<>|IS\b)[^()]{1,40})\)\s*[:.]?\s*$",
    re.I,
)


_TEST_BRACKET_RE = re.compile(
    r"\((?P<t>[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<>|≠|!=|<=|>=|<|>)[^()]+)\)", re.I
)


def _bracketed_tests(cond: str) -> str:
    """ "relationship manager = Yes (BQ15 = 1) AND turnover … (BQ3 = 3 or 4)": each group's
    words glossed by its test in brackets; the tests, joined as the words join them."""
    tests = list(_TEST_BRACKET_RE.finditer(cond))
    if not tests:
        return cond.strip(" :,.")
    joined = f"({tests[0]['t'].strip()})"
    for before, after in zip(tests, tests[1:], strict=False):
        between = cond[before.end() : after.start()]
        joiner = "OR" if re.search(r"\bOR\b", between, re.I) else "AND"
        joined += f" {joiner} ({after['t'].strip()})"
    return joined


_SHOW_UNLESS_RE = re.compile(
    r"^(?:ONLY\s+)?(?:ASK|SHOW|DISPLAY)(?:\s+(?:THIS|IT)(?:\s+(?:ONE|QUESTION|SCREEN|PAGE))?)?\s+"
    r"(?:UNLESS|EXCEPT\s+(?:IF|WHEN|WHERE))\s*:?\s+(?P<cond>\S.*)$",
    re.I,
)


def _display(text: str, upper: str) -> list[Directive]:
    named_base = re.match(
        # ("FILTER Q8: Q7 = 04": a filter heading naming its question, said the same way)
        rf"^\[?\s*(?:BASE|FILTER)\s+(?:(?:FOR|AT)\s+)?(?P<q>{_ID_TOKEN})\s*:\s*(?P<rest>[^\]]+?)\]?\s*\.?$",
        text,
        re.I,
    )
    if named_base and re.search(r"\d", named_base["q"]):
        # "BASE FOR B1: ALL WHO …": a base line naming the question it is for
        rest = "BASE: " + named_base["rest"]
        return [
            Directive("ask_target", d.value, target=named_base["q"].upper(), source=text)
            if d.kind == "display_if"
            else d
            for d in _display(rest, rest.upper())
        ]
    if re.match(
        r"^(?:SHOW|DISPLAY)\s+(?:ONLY\s+)?THOSE\s+(?:\w+\s+){0,2}?(?:SELECTED|CHOSEN|MENTIONED|"
        r"CODED|PICKED|TICKED)\s+(?:AT|IN|FROM|ON)\b",
        upper,
    ):
        return []  # "SHOW ONLY THOSE SELECTED AT Q3": the answers carried forward, not a filter
    named = _named_filter(text)
    if named:
        return named
    unless = _SHOW_UNLESS_RE.match(text)
    if unless:
        # "show unless Q14 = 'None of these'", "Ask this question except if …": shown to the
        # others, the test negated
        return [Directive("display_if", f"NOT ({unless['cond'].strip(' :,.')})", source=text)]
    skipped = _SKIP_THIS_RE.match(text)
    if skipped:
        # "Skip this question if you work nights (question 1)": asked of everyone else
        cond = f"NOT ({skipped['cond'].strip(' :,.')})"
        asked = skipped["q"] or skipped["nq"] or skipped["lq"]
        if asked:
            return [Directive("ask_target", cond, target=asked.upper(), source=text)]
        return [Directive("display_if", cond, source=text)]
    meant_for = _IS_FOR_RE.match(text)
    if meant_for:
        # "(Question 10) is for members on zero-hours contracts (Yes at question 9) or …": the
        # group the question is for, by answers at questions it names
        return [Directive("display_if", meant_for["cond"].strip(), source=text)]
    kept_from = _NOT_ASKED_GROUP_RE.match(text)
    if kept_from:
        # "(R13) is not asked in the self-assessment (R1 = 5)": the group kept from the question
        # by its test in brackets
        cond = kept_from["cond"].strip()
        if re.search(r"\bNOT\b|!=|≠|<>", cond, re.I):
            # "not shown to browsers (CO1 ≠ 2)": the bracket's test already names those asked
            return [Directive("display_if", cond, source=text)]
        return [Directive("display_if", f"NOT ({cond})", source=text)]
    skipped = _IF_THEN_SKIP_THIS_RE.match(text)
    if skipped:
        # "If you answered No at 14, leave this one blank.": the condition first, then the
        # respondent told to pass this question by; asked of everyone else
        # ("at 14" ending the condition: question 14 by its bare number, as a form numbers them)
        cond = re.sub(
            r"\b(AT|IN)\s+(\d{1,3})\s*$",
            r"\1 question \2",
            skipped["cond"].strip(" :,."),
            flags=re.I,
        )
        return [Directive("display_if", f"NOT ({cond})", source=text)]
    who = _WHO_ONLY_RE.match(text)
    if who:
        # "Students on a placement only (question 7 = 2):": whom for, then the test in brackets
        return [Directive("display_if", who["cond"].strip(), source=text)]
    base = bracketed_base(text)
    if base is not None:
        return [Directive("display_if", base, source=text)]
    group = group_only(text)
    if group:
        # "Part-exchange customers only": the group named by an earlier answer (read in logic)
        return [Directive("display_if", f"{GROUP_MARK} {group}", source=text)]
    many = re.match(
        rf"^(?:ASK|SHOW|DISPLAY)\s+(?:QUESTIONS?\s+)?(?P<ids>{_ID_TOKEN}(?:\s*(?:,|AND|&)\s*{_ID_TOKEN})+)"
        r"\s+(?:ONLY\s+)?(?:IF|WHEN)\b(?P<cond>.*)$",
        text,
        re.I,
    )
    if many:
        # "Show A4 and A5 only if A3 = Yes": the same filter on each question named.
        targets = re.findall(_ID_TOKEN, many["ids"])
        return [
            Directive("ask_target", many["cond"].strip(" :,."), target=t.upper(), source=text)
            for t in targets
        ]
    for pattern in _QUESTION_FIRST_FILTERS:
        found = pattern.match(text)
        if found:
            cond = found["cond"].strip(" :,.")
            return [Directive("ask_target", cond, target=found["q"].upper(), source=text)]
    but = re.match(
        # "ASK ALL EXCEPT THOSE WHO SAID 'NONE OF THESE' AT A2": everyone but those named
        rf"^(?:ASK|SHOW|BASE\s*:|{_ASKED_TO})\s*(?:TO\s+)?(?:ALL|EVERYONE)(?:\s+{_EVERYONE_NOUN})?\s+"
        r"(?:EXCEPT|BUT\s+NOT|"
        r"APART\s+FROM|OTHER\s+THAN)\s+(?:(?:THOSE|RESPONDENTS|PEOPLE|ANYONE)\s+)?(?:WHO\s+)?(?P<cond>.+)$",
        text,
        re.I,
    )
    if but:
        cond = but["cond"].strip(" :,.")
        glossed = re.fullmatch(r"[^()]{1,60}\((?P<test>[^()]{3,60})\)", cond)
        if glossed and re.search(r"\bNOT\b|!=|≠|<>", glossed["test"], re.I):
            # "ASK ALL EXCEPT PBMs (A1 NOT = 3)": the bracket's test already names those asked
            return [Directive("display_if", glossed["test"].strip(), source=text)]
        return [Directive("display_if", f"NOT ({cond})", source=text)]
    everyone = re.match(
        rf"^(?:ASK|SHOW\s+QUESTION|BASE|{_ASKED_TO})\s*:?\s*(?:ALL|EVERYONE|TOTAL\s+SAMPLE)\b"
        r"(?!\s+(?:WHO|THOSE|THAT|RESPONDENTS\s+WHO|AWARE|USERS|EXCEPT|BUT|CODING|CODED|SAYING))",
        upper,
    )
    # "BASE: ALL BUYING A BRAND (CODES 1-6 AT Q4)": a base that names the answers it needs
    # "BASE: ALL WITH CHILDREN UNDER 16, HH2 > 0": … or the test itself
    if (
        everyone
        and not _NAMED_ANSWERS_RE.search(upper, everyone.end())
        and not _ID_TEST_RE.search(upper, everyone.end())
        and not _QUOTED_AT_RE.search(upper, everyone.end())
    ):
        return [Directive("ask_all", source=text)]
    match = re.match(
        # "Show this question if …": a survey tool's printed display logic
        # ("only show this if they did not pick …": the "only" said first)
        # ("ask this one to people who …": the question itself named, then whom it is for)
        r"^(?:ASK(?:\s+THIS(?:\s+ONE|\s+QUESTION)?(?=\s+(?:ONLY\s+)?(?:TO|OF)\s))?|"
        r"(?:ONLY\s+)?SHOW(?:\s+(?:THIS\s+(?:QUESTION|SCREEN|PAGE|FIELD|ITEM)|THIS|QUESTION))?|"
        r"(?:ONLY\s+)?DISPLAY(?:\s+THIS\s+(?:QUESTION|FIELD|ITEM))?|"
        # "FOR THOSE NOT WORKING (D2 = 3, 4 OR 5)": whom the question is for, said with "for"
        r"BASE\s*:|FILTER\s*:|ONLY\s+ASK|ASK\s+ONLY|FOR(?=\s+(?:THOSE|RESPONDENTS|PEOPLE|PARTICIPANTS)\b))\s*"
        r"(?:ONLY\s+)?(?:IF|WHEN|THOSE|RESPONDENTS|PEOPLE|PARTICIPANTS|ALL\s+WHO|"
        r"(?:TO|OF)\s+(?:THOSE|PEOPLE|RESPONDENTS|PARTICIPANTS|ANYONE))\b(?P<cond>.*)$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", match["cond"].strip(" :,"), source=text)]
    # "OF THOSE WHO RECALL THE AD (A9 = 1-3)": the question asked of a group, its test named
    of_those = re.match(r"^OF\s+THOSE\s+(?:WHO\s+)?(?P<cond>.*\b[A-Z]{1,4}\d.*)$", text, re.I)
    if of_those:
        return [Directive("display_if", of_those["cond"].strip(" :,."), source=text)]
    described = re.match(r"^(?:ASK|SHOW)\s+(?:TO\s+)?ALL\s+(?P<cond>\w.*)$", text, re.I)
    if described and (
        _ID_TEST_RE.search(upper) or _NAMED_ANSWERS_RE.search(upper) or _QUOTED_AT_RE.search(upper)
    ):
        # "ASK ALL AWARE OF ANY CHAIN (NOT 'NONE OF THESE' AT Q2)": all of those described
        return [Directive("display_if", described["cond"].strip(" :,."), source=text)]
    asked = re.match(r"^IF\s+(?P<cond>\S.{0,200}?)\s*,?\s+(?:THEN\s+)?ASK\s*[.:]?$", text, re.I)
    if asked and re.search(r"[A-Z]{1,4}\d", asked["cond"], re.I):
        # "IF C3 = 1-3 ASK:", "IF SPECIALTY = GP (S1 CODE 3) ASK.": the condition, then "ask"
        # with no question named after it, is the filter of the question it stands with
        return [Directive("display_if", asked["cond"].strip(" :,."), source=text)]
    match = re.match(
        rf"^(?:BASE|FILTER|{_ASKED_TO})\s*[:=-]\s*(?P<cond>.*\b{_ID_TOKEN}\b.*)$", text, re.I
    )
    if match and re.search(r"[A-Z]{1,4}\d", match["cond"]):
        return [Directive("display_if", match["cond"].strip(" :,."), source=text)]
    match = re.match(
        # ("ONLY THOSE ANSWERING 'YES' AT C3": whom, with no verb)
        r"^(?:(?:ONLY|JUST)\s+(?:FOR|ASK(?:ED)?\s+(?:OF|TO|IF)|SHOWN?\s+(?:TO|IF|WHEN)|IF|WHEN|"
        r"THOSE(?=\s+(?:WHO|[A-Z]+ING)\b))|"
        # "Shown only if the answer to question 10 is 500 or more."
        r"(?:SHOWN|DISPLAYED|ASKED)\s+ONLY\s+(?:IF|WHEN))\b"
        r"(?P<cond>.*)$",
        text,
        re.I,
    )
    if match and re.search(r"[A-Z]{0,4}\d|['‘\"“]", match["cond"]):
        return [Directive("display_if", match["cond"].strip(" :,."), source=text)]
    match = re.match(
        # "Detractors only (Q15 = 0–6)", "Passives and detractors only (0–8 at Q15)": the group
        # named in a word or three, "only", then its test in brackets
        r"^(?!(?:ASK|SHOW|DISPLAY|HIDE|SKIP|GO|IF)\b)(?P<who>[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,6}?)"
        r"\s+only\s*\((?P<cond>[^()]{1,80})\)\s*\.?$",
        text,
        re.I,
    )
    # "For households with £1 million or more invested (A2 = 3 or 4):": whom, then the test
    match = match or re.match(
        r"^FOR\s+(?P<who>[^()]{3,80}?)\s*\((?P<cond>[^()]{1,80})\)\s*[:.]?$", text, re.I
    )
    # "PASSENGERS WITH A DISABILITY (Q10 = 1) ONLY": the same, the test before "only"
    match = match or re.match(
        r"^(?!(?:ASK|SHOW|DISPLAY|HIDE|SKIP|GO|IF)\b)(?P<who>[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,3}?)"
        r"\s*\((?P<cond>[^()]{1,80})\)\s+only\s*\.?$",
        text,
        re.I,
    )
    if match and re.search(r"\b[A-Z]{1,4}\d|\bquestion\s+\d", match["cond"], re.I):
        return [Directive("display_if", match["cond"].strip(" :,."), source=text)]
    match = re.match(
        # "Any of 1–4 ticked at C19.": a multi's answers named by their codes, alone
        rf"^(?:any|one\s+or\s+more)\s+of\s+(?:codes?\s+)?\d[\d\s,–—-]{{0,20}}(?:\s*(?:or|and)\s*\d{{1,3}})?\s+"
        rf"(?:ticked|selected|chosen|picked|checked|mentioned)\s+(?:at|in)\s+{_ID_TOKEN}\s*\.?$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", text.strip(" :,."), source=text)]
    match = re.match(
        # "Question 12 is only for people aged 50 or over (question 2).": whom, then the test
        r"^QUESTION\s+\d{1,3}[a-z]?\s+IS\s+ONLY\s+FOR\s+(?P<cond>.*\bQUESTION\s+\d.*)$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", match["cond"].strip(" :,."), source=text)]
    match = re.match(
        # "Q10 is not for supporters who asked us not to contact them (the last box at Q8).",
        # "B4 is only for renters (A2 = 3)": whom the named question is (not) for, then the test
        rf"^(?:QUESTION\s+)?(?P<q>{_ID_TOKEN})\s+(?:IS|ARE)\s+(?P<neg>NOT\s+)?(?:ONLY\s+)?"
        r"(?:FOR|ASKED\s+(?:OF|TO)|SHOWN\s+TO)\s+[^()]*?\((?P<cond>[^()]*\b[A-Z]{0,4}\d[^()]*)\)"
        r"\s*\.?$",
        text,
        re.I,
    )
    if match and re.search(r"\d", match["q"]):
        cond = match["cond"].strip(" :,.")
        cond = f"NOT ({cond})" if match["neg"] else cond
        return [Directive("ask_target", cond, target=match["q"].upper(), source=text)]
    match = re.match(
        # "BQ16: relationship manager = Yes (BQ15 = 1) AND turnover … (BQ3 = 3 or 4).": the
        # question named, a colon, then its test, naming another question
        rf"^(?P<q>{_ID_TOKEN})\s*:\s*(?P<cond>[^:]*?\b(?P<other>[A-Z]{{1,4}}\d{{1,3}}[a-z]?)\s*"
        r"(?:=|<>|≠|!=|<=|>=|<|>)[^:]*?)\s*\.?$",
        text,
    )
    if (
        match
        and re.search(r"[A-Z]\d", match["q"], re.I)
        and match["other"].upper() != match["q"].upper()
    ):
        return [
            Directive(
                "ask_target",
                _bracketed_tests(match["cond"]),
                target=match["q"].upper(),
                source=text,
            )
        ]
    match = re.match(
        # "BQ18 for scores of 8 or below at BQ17.": the question named, then whom it is for
        rf"^(?P<q>{_ID_TOKEN})\s+(?:IS\s+)?(?:ONLY\s+)?(?:FOR|ASKED\s+(?:OF|TO))\s+"
        r"(?:(?:THOSE|RESPONDENTS|PEOPLE)\s+(?:WITH|GIVING)\s+)?(?:(?:A\s+)?(?:SCORES?|RATINGS?|"
        r"ANSWERS?|CODES?|VALUES?)\s+(?:OF\s+)?)"
        rf"(?P<cond>.+?\b(?:AT|IN|ON)\s+(?:QUESTION\s+)?{_ID_TOKEN})\s*\.?$",
        text,
        re.I,
    )
    if match and re.search(r"[A-Z]\d", match["q"], re.I):
        return [
            Directive(
                "ask_target", match["cond"].strip(" :,."), target=match["q"].upper(), source=text
            )
        ]
    match = re.match(
        # "Not for those who already give through the scheme (1 at question 12).": whom the
        # question is not for, then the test in brackets
        r"^NOT\s+FOR\s+(?:THOSE|PEOPLE|ANYONE|RESPONDENTS|"
        r"PARTICIPANTS|PERSONS|SUPPORTERS|CUSTOMERS|MEMBERS|USERS)\b[^()]*"
        r"\((?P<cond>[^()]*\d[^()]*)\)\s*\.?$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", f"NOT ({match['cond'].strip(' :,.')})", source=text)]
    match = re.match(
        # "Not for returning clients (the fourth box at question 3).": whom the question leaves
        # out, in words the reader above does not know, then the test; everyone else is asked
        # ("Question 6 is not for …", "AQ3 is not shown to …": the "<id> is not for" reader above)
        r"^NOT\s+FOR\s+(?P<cond>[^()]*\([^()]*(?:\bQUESTION\s+\d|\b[A-Z]{1,4}\d)[^()]*\))\s*\.?$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", f"NOT ({match['cond'].strip(' :,.')})", source=text)]
    match = re.match(
        # "skip unless M9 = 3 (mobile app)": skipped by all but those the test names
        r"^(?:SKIP|HIDE|OMIT)\s+(?:THIS\s+)?(?:QUESTION\s+)?UNLESS\s+(?P<cond>.*\b[A-Z]{1,4}\d.*)$",
        text,
        re.I,
    )
    if match:
        return [Directive("display_if", match["cond"].strip(" :,."), source=text)]
    match = re.match(
        # ("Hide this field when …": a form builder's field is the question)
        r"^(?:HIDE|(?:DO\s+NOT|DON['’]T)\s+(?:ASK|SHOW))\s+(?:THIS\s+)?"
        r"(?:(?:QUESTION|FIELD|ITEM)\s+)?(?:IF|WHEN)\b(?P<cond>.*)$",
        text,
        re.I,
    )
    if match and re.search(r"[A-Z]{0,4}\d", match["cond"]):
        # "Hide if Q3 is 'Senior leader'": a survey tool's hide logic, shown to everyone else;
        # a CATI script's "DO NOT ASK IF Q7 = 98" the same
        return [Directive("display_if", f"NOT ({match['cond'].strip(' :,.')})", source=text)]
    match = re.match(
        # ("Complete only if EC04 = Yes": a case report form's field filled in only then)
        r"^(?:ONLY\s+(?:ANSWER|COMPLETE|FILL\s+IN)|(?:ANSWER|COMPLETE|FILL\s+IN)\s+(?:THIS|THE\s+NEXT)\s+"
        r"(?:QUESTION|ITEM|FIELD)\s+ONLY|(?:PLEASE\s+)?(?:ANSWER|COMPLETE|FILL\s+IN)\s+ONLY)"
        r".*?\bIF\b(?P<cond>.*)$",
        text,
        re.I,
    )
    if match:
        return [
            Directive(
                "display_if", match["cond"].strip(" :,."), target=value_next(text), source=text
            )
        ]
    match = re.match(
        # "If you are NOT travelling for work today, please answer this question.": a paper
        # form's filter told to the respondent, the condition first
        r"^IF\s+(?P<cond>[^,]{3,120}?)\s*,\s*(?:PLEASE\s+)?(?:ANSWER|COMPLETE|FILL\s+IN)\s+"
        r"(?P<which>THIS|THE\s+NEXT|THE\s+FOLLOWING)\s+QUESTION\W*$",
        text,
        re.I,
    )
    if match:
        cond = match["cond"].strip(" :,.")
        return [Directive("display_if", cond, target=value_next(text), source=text)]
    worded_group = group_filter(text)
    if worded_group:
        # "Not for those who said 'Rarely' at Q3", "Respondents with Q2 = 1-3", "C2>0 OR C3>0":
        # whom the question is (not) for, as a group with its test, or the tests alone
        return [Directive("display_if", worded_group, source=text)]
    return []


def ends_interview(note: str) -> bool:
    """True for a note that only screens out on an answer ("Filter: under 18 → end of survey")."""
    kinds = {d.kind for part in sentences(note) for d in interpret(part)}
    return "terminate_if" in kinds and not kinds & {"display_if", "ask_target", "skip"}


def value_next(text: str) -> str:
    """Marks conditions that speak of the *next* question (they attach forward)."""
    return "next" if re.search(r"\bNEXT\s+QUESTION\b|\bFOLLOWING\b", text, re.I) else ""


# Termination sentences whose named group `cond` is the condition as written, tried in order.
_TERMINATE_IF_RES = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"^IF\s+(?P<cond>.+?),?\s*(?:-+>|→|[–—]|THEN)?\s*(?:TERMINATE|SCREEN[\s-]*OUT|THANK\s+(?:AND|&)\s+(?:CLOSE|END)|"
        # "IF MORE THAN 26 → NOT ELIGIBLE, END", "IF UNDER 18 → END OF SURVEY": an arrow to the
        # way out (an arrow only: "if not eligible for …" may be a condition's words)
        r"(?<=[→>]\s)(?:NOT\s+ELIGIBLE|INELIGIBLE|END\s+OF\s+(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE)"
        r"|END\s+(?:THE\s+)?CALL)|"
        # "if somewhere else, thank them and end": a plain-words thank-and-end names who is thanked
        r"THANK\s+(?:THEM|(?:THE\s+)?RESPONDENTS?|(?:THE\s+)?PERSON)\s+(?:AND|&)\s+(?:CLOSE|END)|"
        # "if under 18, thank the participant, explain why and end the session": who is
        # thanked, what else is done first, then the meeting itself ended
        r"THANK\s+(?:THEM|(?:THE\s+)?(?:RESPONDENTS?|PERSON|PARTICIPANTS?|CALLER|INTERVIEWEE))\b"
        r"[^.;]{0,60}?\b(?:AND|THEN)\s+(?:CLOSE|END)\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|SESSION|CALL)|"
        # ("CLOSE THE SURVEY": the survey itself closed, not a screen named CLOSE)
        r"(?:PLEASE\s+)?(?:END|CLOSE)\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|SESSION)|(?:THE\s+)?(?:SURVEY|INTERVIEW|"
        r"QUESTIONNAIRE)\s+(?:SHOULD\s+|WILL\s+|MUST\s+)?(?:END|TERMINATE|STOP|CLOSE)S?|"
        r"(?:THE\s+)?RESPONDENT\s+(?:IS\s+)?(?:SCREENED\s+OUT|DISQUALIFIED|EXCLUDED)|"
        # "If 'Under 16' → Disqualify respondent": a survey tool's screen-out action
        r"(?<=[→>]\s)DISQUALIFY(?:\s+(?:THE\s+)?RESPONDENTS?)?)\b",
        # "IF UNDER 18, CLOSE.": a bare CLOSE right after the condition ends the interview ("if
        # no, go to CLOSE" names the closing screen instead)
        # ("IF UNDER 16 - CLOSE ("Sorry, …")": a spaced hyphen, and the words said on closing)
        r"^IF\s+(?P<cond>[^,]+?)\s*(?:,|-+>|→|[–—]|-(?=\s)|\bTHEN\b)\s*CLOSE\W*"
        r"(?:\(\s*[\"“'‘][^()]{0,200}\)\W*)?$",
        # "If 31000 or more: End – income over the limit.": a bare end with why after a spaced
        # dash (a page named END is given no reason)
        r"^IF\s+(?P<cond>[^,:]{2,80}?)\s*(?:,|:|-+>|→)\s*(?:END|CLOSE|STOP)\s+[–—-]\s+"
        r"(?-i:[a-z])[^–—]{2,80}$",
        # "If not the account holder (3): play the short thank-you and close": a phone
        # script's way out, a recorded message played before the call ends
        r"^IF\s+(?P<cond>[^:]{2,80}?)\s*:\s*(?:PLAY|SAY|READ)\b[^:]{0,120}?\b(?:AND|THEN)\s+"
        r"(?:CLOSE|END|HANG\s+UP|DISCONNECT)(?:\s+THE\s+CALL)?\W*$",
        # "If you are under 16, thank you – you don't need to carry on": a self-completion
        # form's screen-out, thanked on the way out
        # ("…, thank you for your interest – …, so please do not go any further": asked to stop)
        r"^IF\s+(?P<cond>.+?)\s*(?:,|[-–—])\s*THANK\s+YOU\b.*?\b(?:(?:DO\s+NOT|DO\s*N['’]T)\s+"
        r"(?:NEED\s+TO\s+)?(?:CARRY\s+ON|GO\s+ANY\s+FURTHER|CONTINUE|ANSWER\s+ANY\s+MORE)"
        r"(?!\s+(?:WITH|IN|ON)\s+(?:THIS|THE)\s+(?:SECTION|PART|PAGE|BLOCK))|"
        r"(?:YOU\s+)?CAN\s+STOP\s+(?:HERE|NOW))\b",
        # "If you are 65 or older, please stop here and hand this form back.": a paper form's
        # screen-out in the respondent's words
        # ("IF SOMEONE ELSE DOES: PLEASE STOP HERE …": a colon after the condition as well)
        r"^IF\s+(?P<cond>[^,:]{2,120}?)\s*[,:]\s*(?:PLEASE\s+)?STOP\s+HERE\b",
        # "If No, please do not fill in the rest of this paper.": the rest left unanswered
        # ("If No, please do not go any further.": the form itself left, not a section of it)
        r"^IF\s+(?P<cond>[^,:]{2,120}?)\s*[,:]\s*(?:PLEASE\s+)?(?:DO\s+NOT|DON['’]T)\s+"
        r"(?:(?:FILL\s+IN|COMPLETE|ANSWER|GO\s+ON\s+WITH|CONTINUE\s+WITH)\s+(?:THE\s+)?REST\b|"
        r"GO\s+ANY\s+FURTHER\b(?!\s+(?:WITH|IN|ON)\s+(?:THIS|THE)\s+(?:SECTION|PART|PAGE|BLOCK)))",
        # "If No: show the thank-you page and end.": a web form's way out, its closing page shown
        r"^IF\s+(?P<cond>[^,:]{2,80}?)\s*[,:]\s*(?:PLEASE\s+)?(?:SHOW|DISPLAY|GO\s+TO)\s+(?:THE\s+)?"
        r"(?:THANK[\s-]*YOU|SORRY|CLOSING|SCREEN[\s-]*OUT|EXIT)\s+(?:PAGE|SCREEN|MESSAGE)\s+"
        r"(?:AND|THEN)\s+(?:END|CLOSE|STOP|FINISH)\b",
        r"^(?:RESPONDENTS?|THOSE|ANYONE|PEOPLE|ALL)\s+(?:WHO\s+)?(?:SELECT|CHOOS|ANSWER|COD|SAY|PICK)"
        r"\w*\s+(?P<cond>.+?)\s+(?:SHOULD|MUST|WILL|ARE|TO)\s+(?:BE\s+)?(?:SCREENED\s+OUT|"
        r"TERMINATED|DISQUALIFIED|EXCLUDED|CLOSED)\b",
        # "Screen out anyone who selects any of the first four options": the action first
        r"^(?:SCREEN[\s-]*OUT|TERMINATE|DISQUALIFY|EXCLUDE)\s+(?:ANYONE|ANYBODY|THOSE|EVERYONE|PEOPLE|"
        r"RESPONDENTS?)\s+(?:WHO\s+|THAT\s+)?(?:SELECT|CHOOS|CHOSE|PICK|TICK|COD|ANSWER)\w*\s+(?P<cond>.+?)\.?$",
        # "under 18 = end", "6 = end (not a member)", "none of these = end, we only want pet
        # owners": an answer or a bound, then a lower-case end alone (then why)
        r"^(?P<cond>[^=:→>()]{1,40}?)\s*(?:=|-+>|→)\s*(?-i:end)(?=\s*(?:[,(;!.]|$))",
        # "under 18 → end of survey": a bound on the answer, then the termination
        # ("SPEND BAND A (UNDER £250 A MONTH): SCREEN OUT": a band's name, its bound in brackets)
        r"^(?:[A-Z][^():→>]{0,40}\(\s*)?"
        r"(?P<cond>(?:UNDER|OVER|YOUNGER\s+THAN|OLDER\s+THAN|LESS\s+THAN|MORE\s+THAN|[<>])\s*"
        r"[£$€¥]?-?\d[^:→>]{0,30}?)\s*\)?\s*(?:-+>|→|=>|:)\s*(?:TERMINATE|SCREEN[\s-]*OUT|THANK\s+(?:AND|&)\s+(?:CLOSE|END)|"
        r"CLOSE|END\s+(?:OF\s+)?(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE))\b",
    )
)


_ENDING_TAIL_RE = re.compile(
    r"(?:\s*\([^()]{3,60}\))?\s*(?:→|->)\s*(?:end|close|skip|exit|stop|thank|show|go)\b.*$", re.I
)


_SCREEN_OUT_CODES_RE = re.compile(
    r"^(?:SCREEN[\s-]*OUT|TERMINATE|THANK\s+(?:AND|&)\s+CLOSE)\s+CODES?\s+"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|-|–|OR|AND)\s*\d{1,3}){0,10})\W*$",
    re.I,
)
_ANSWER_THEN_CLOSE_RE = re.compile(
    r"^(?!IF\s)(?P<cond>[A-Za-z][\w' ]{0,30}?)\s*(?:→|->)\s*"
    # ("No at E2 → thank and end the session": what is ended may be named)
    r"(?:THANK\s+(?:AND|&)\s+(?:CLOSE|END)(?:\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|SESSION|CALL))?|"
    r"TERMINATE|SCREEN[\s-]*OUT)\W*$"
    # "Screen-out: No → end of survey (not eligible).", "Yes → form closes": an answer named
    # after a screen-out heading (or none), the arrow, the end in words, maybe why in brackets,
    # and maybe the other answers' way on ("‘Prefer not to say’ continues.")
    # (the heading word is taken off before, `_NOTE_PREFIX_RE`)
    r"|^(?!IF\s)(?P<out>[A-Za-z][\w' ]{0,30}?|"
    # ("EV1 is “Hybrid”, “Petrol or diesel” or “I don't drive” → end of survey": the answers
    # named in quotes, after the question's id)
    r"(?:[A-Z]{1,4}\d{1,3}[a-z]?\s+(?:IS|=)\s+)?[“\"‘][^”\"’“‘]{1,80}[”\"’]"
    r"(?:\s*(?:,|\bOR\b|\bAND\b)\s*[“\"‘][^”\"’“‘]{1,80}[”\"’]){0,8})\s*"
    r"(?:→|->)\s*(?:END\s+(?:OF\s+)?(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE|FORM)|"
    r"(?:THE\s+)?(?:FORM|SURVEY|INTERVIEW|QUESTIONNAIRE)\s+(?:CLOSES|ENDS))\b[^.;]{0,80}?(?:\([^()]{0,80}\))?\s*[.;]?"
    r"(?:\s*[^.;]{1,60}\b(?:CONTINUES?|CARR(?:Y|IES)\s+ON|GOES\s+ON)\b[^.;]{0,40}[.;]?)?\s*$"
    # "District residents: thank and close — visitors only": those named, a colon, the way
    # out, then why after a spaced dash
    r"|^(?!IF\s)(?P<group>[A-Za-z][\w' ]{2,40}?)\s*:\s*(?:THANK\s+(?:AND|&)\s+(?:CLOSE|END)|"
    r"TERMINATE|SCREEN[\s-]*OUT)\b(?:\s*[—–]\s+[^—–]{0,80})?\W*$",
    re.I,
)
_ANY_OF_AFTER_RE = re.compile(
    r"(?:→|->)[^()]{1,40}\(\s*any\s+of\s+(?:codes?\s+)?(?P<codes>\d{1,3}\s*[-–]\s*\d{1,3})\s*\)\W*$",
    re.I,
)


# "code 2 closes the interview", "answers 4 and 5 end the survey": the codes that end it
# "end the survey for 2 or 3", "close the interview on codes 4-5 (not eligible)": the answers
# named by their codes end the survey; a reason may follow a spaced dash or in brackets
_END_FOR_CODES_RE = re.compile(
    r"^(?:END|CLOSE|TERMINATE|STOP)\s+(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE)\s+(?:FOR|ON|AT)\s+"
    r"(?:CODES?\s+|ANSWERS?\s+)?(?P<codes>\d{1,3}(?:\s*(?:,|-|–|OR|AND)\s*\d{1,3}){0,10})"
    r"(?:\s+[–—-]\s+.*|\s*\([^()]*\))?\W*$",
    re.I,
)
_CODE_CLOSES_RE = re.compile(
    r"(?:^|[:;.]\s+)(?:CODES?|ANSWERS?)\s+(?P<codes>\d{1,3}(?:\s*(?:,|-|–|OR|AND)\s*\d{1,3})*)\s+"
    r"(?:CLOSES?|ENDS?|TERMINATES?)\s+THE\s+(?:INTERVIEW|SURVEY|CALL|QUESTIONNAIRE)\b",
    re.I,
)


def _terminate(text: str, upper: str) -> list[Directive]:
    # "screen-out if younger than 18": SCREEN OUT may be written with a hyphen
    match = re.match(
        # ("Ineligible → end if 2": the outcome named first, then the way out and when)
        r"^(?:(?:INELIGIBLE|NOT\s+ELIGIBLE|EXCLUDED|DISQUALIFIED)\s*(?:→|->|:|[–—-])\s*)?"
        r"(?:TERMINATE|TERM|SCREEN[\s-]*OUT|REJECT|THANK\s+(?:AND|&)\s+(?:CLOSE|TERMINATE|END)|"
        r"(?:CLOSE|END|TERMINATE|STOP)(?:\s+(?:THE\s+)?(?:INTERVIEW|SURVEY))?|"
        # "End of survey if the last answer is chosen": the end named, then when
        r"END\s+OF\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|QUESTIONNAIRE)|"
        r"DISQUALIFY|EXCLUDE|INELIGIBLE|NOT\s+ELIGIBLE)\s*(?:IF|WHEN|ALL\s+WHO|THOSE\s+WHO)\b(?P<cond>.*)$",
        text,
        re.I,
    )
    if match:
        # "Reject if Tablet or Phone – desktop only": the reason after a spaced dash is no answer
        cond = re.sub(r"\s[–—]\s+[a-z]\w*(?:\s+\w+)+\.?$", "", match["cond"])
        # "SCREEN OUT IF 2009 OR 2010 - UNDER 16s CANNOT JOIN": a spaced dash, then why (a
        # sentence that says who cannot or must not take part), after the answers it names
        cond = re.sub(
            r"(?<=\w)\s+[-–—]\s+(?=[^-–—]*\b(?:CANNOT|CAN'T|CAN\s+NOT|ARE\s+NOT|AREN'T|IS\s+NOT|"
            r"ISN'T|MUST\s+NOT|NOT\s+ELIGIBLE|DO\s+NOT|DON'T)\b)[^-–—]{3,}$",
            "",
            cond,
            flags=re.I,
        )
        # "Disqualify if Student → end survey with the sorry page": what happens next, after
        # the arrow, and why, in brackets, are no part of the answers named
        cond = _ENDING_TAIL_RE.sub("", cond)
        # "Screen out if under 18 – end survey (children have their own clinic)": the way out
        # said again after a spaced dash, and why, are no part of the test
        cond = re.sub(
            r"\s+[–—-]\s+(?:end|close|stop|terminate)\b(?:\s+(?:the\s+)?(?:survey|interview|form))?"
            r"(?:\s*\([^()]*\))?\W*$",
            "",
            cond,
            flags=re.I,
        )
        # "if the last answer (staff or volunteer) is chosen: they have their own form": an
        # answer named by its place, its words in brackets, and why after a colon
        cond = re.sub(r"\s*:\s+[a-z][^:]*$", "", cond)
        cond = re.sub(r"\b(answers?|options?|boxe?s?|choices?)\s*\([^()\d]*\)", r"\1", cond)
        return [Directive("terminate_if", cond.strip(" :,"), source=text)]
    match = _END_FOR_CODES_RE.match(text)
    if match:
        # "end the survey for 2 or 3 – this survey is for current members only"
        codes = re.sub(r"\s+and\s+", " or ", match["codes"].strip(), flags=re.I)
        return [Directive("terminate_if", "CODE " + codes, source=text)]
    match = _CODE_CLOSES_RE.search(text)
    if match:
        # "Business users have their own survey: code 2 closes the interview"
        return [Directive("terminate_if", "CODE " + match["codes"], source=text)]
    match = _SCREEN_OUT_CODES_RE.match(text)
    if match:
        # "Screen out codes 1 and 2": each code named screens out ("and" lists them)
        codes = re.sub(r"\s+and\s+", " or ", match["codes"].strip(), flags=re.I)
        return [Directive("terminate_if", "CODE " + codes, source=text)]
    match = _ANSWER_THEN_CLOSE_RE.match(text)
    if match:
        # "Yes → thank & close": the answer named, then the way out after an arrow
        said = match["cond"] or match["group"] or match["out"]
        return [Directive("terminate_if", said.strip(), source=text)]
    for pattern in _TERMINATE_IF_RES:
        match = pattern.match(text)
        if match:
            cond = match["cond"]
            # "IF ALLERGIC TO ANY … → THANK & CLOSE (any of 1–7)": the codes say the words
            any_of = _ANY_OF_AFTER_RE.search(text)
            if any_of and not re.search(r"\d", cond):
                cond = f"ANY OF {any_of['codes'].strip()}"
            return [Directive("terminate_if", cond, source=text)]
    match = re.match(
        r"^(?:CODES?\s+)?(?P<codes>\d{1,3}(?:\s*(?:,|-|–|OR|AND)\s*\d{1,3})*)\s*(?:=|→|->|:)\s*"
        r"(?:THANK\s+(?:AND|&)\s+(?:END|CLOSE)|TERMINATE|SCREEN[\s-]*OUT|(?:END|CLOSE)\s+(?:THE\s+)?"
        # "0 → not eligible: show the sorry page and end": the answer rules the person out
        r"(?:SURVEY|INTERVIEW)|NOT\s+ELIGIBLE|INELIGIBLE|DISQUALIF\w*"
        # "5 → end: thank and close (not a current provider)", "3 → stop here": the arrow's
        # first word ends it (not "→ END OF SECTION", a part's end)
        r"|(?<=→|>)\s*(?:END|STOP)(?!\s*(?:OF\s+)?(?:THE\s+|THIS\s+)?(?:MODULE|SECTION|BLOCK|PART)\b)"
        # (a bare "→ END" goes to a screen so named where there is one: the logic pass's)
        r"(?=\s*(?:[:;!–—-]\s*\S|HERE\b)))\b",
        text,
        re.I,
    )
    if match:
        # "04 = thank and end (not in the target group)": those answers end the survey
        return [Directive("terminate_if", "CODE " + match["codes"], source=text)]
    match = re.match(
        # "250 or more ⟶ screen out (not an SME)", "Under 18 → close": a number's band, an
        # arrow, then the way out
        r"^(?P<band>\d[\d,.]*\s+OR\s+(?:MORE|ABOVE|OVER|HIGHER|LESS|BELOW|FEWER|UNDER|LOWER)|"
        r"(?:UNDER|BELOW|LESS\s+THAN|FEWER\s+THAN|OVER|MORE\s+THAN|ABOVE)\s+\d[\d,.]*)\s*"
        r"(?:→|-+>|⟶|=>)\s*(?:THANK\s+(?:AND|&)\s+)?(?:SCREEN[\s-]*OUT|TERMINATE|CLOSE|END|STOP|"
        r"DISQUALIFY)\b",
        text,
        re.I,
    )
    if match:
        return [Directive("terminate_if", match["band"].strip(), source=text)]
    if _TERMINATE_RE.fullmatch(text.strip(" .")) or re.fullmatch(
        r"(?:TERMINATE|SCREEN[\s-]*OUT)\W*", upper
    ):
        return [Directive("terminate_option", source=text)]
    return []


def _carry(text: str, upper: str) -> list[Directive]:
    match = re.search(
        # ("Only read back the items mentioned at C1": an interviewer reading out the answers
        # given there, the same words in the same sentence)
        rf"\b(?:SHOW|DISPLAY|LIST|INCLUDE|PIPE\s+IN|CARRY\s+FORWARD|READ\s+(?:BACK|OUT)"
        r"(?=[^.;]*\b(?:SELECTED|CHOSEN|MENTIONED|PICKED|TICKED|CIRCLED)\s+(?:AT|IN)\b))"
        rf"\b.*?\b(?P<neg>NOT\s+)?"
        rf"(?:SELECTED|CHOSEN|MENTIONED|CODED|AWARE|PICKED|TICKED|CIRCLED|CHECKED)"
        # ("Carry Forward Selected Choices from "Q3"": a survey platform's words, the id quoted)
        r"(?:\s+(?:CHOICES|ANSWERS|OPTIONS|ITEMS|RESPONSES))?"
        rf"\s+(?:AT|IN|FROM|ON|AT\s+QUESTION)\s+[\"“'‘]?(?P<q>{_ID_TOKEN}|[A-Za-z]\w*_\w+)\b",
        text,
        re.I,
    )
    if match:
        # an export tag ("Q4_aware") is kept as written; a plain label is read in capitals
        source = match["q"] if "_" in match["q"] else match["q"].upper()
        # "(codes 1–9; leave out Other)": only the codes named are carried
        only = re.search(
            r"\bCODES\s+(?P<codes>\d{1,3}\s*[-–]\s*\d{1,3})\b", text[match.end() :], re.I
        )
        codes = expand_codes(only["codes"]) if only else []
        labels = ["no" if match["neg"] else "yes"]
        return [Directive("carry", source, source=text, labels=labels, codes=codes)]
    same = _SAME_LIST_RE.match(text)
    if same:
        # "As A7, codes 1–6 only", "Same list as Q4": the earlier question's answers again
        only = re.search(r"\bCODES?\s+(?P<codes>\d.*?)\s+ONLY\b", text, re.I)
        codes = expand_codes(only["codes"]) if only else []
        return [Directive("carry", same["q"].upper(), source=text, labels=["no"], codes=codes)]
    return []


# "As A7", "Same answers as Q4", "Same list as at B2": an answer cell naming where its list is
_SAME_LIST_RE = re.compile(
    rf"^(?:(?:the\s+)?same\s+(?:answers?|list|options|codes|answer\s+list)\s+as|as)\s+"
    rf"(?:(?:at|in|for)\s+)?(?:question\s+)?(?P<q>{_ID_TOKEN})\b(?:\s*[,.;:]\s*.*|\s*)$",
    re.I,
)


def _pipe(text: str, upper: str) -> list[Directive]:
    if re.match(r"^(?:PIPING|PIPE|INSERT)\b", upper):
        refs = re.findall(rf"\b(?:AT|FROM|IN)\s+({_ID_TOKEN})\b", text, re.I)
        return [Directive("pipe", refs[0].upper() if refs else None, source=text)]
    return []


def _quota(text: str, upper: str) -> list[Directive]:
    if re.match(r"^QUOTAS?\b", upper):
        return [Directive("quota", text, source=text)]
    return []


def _order(text: str, upper: str) -> list[Directive]:
    found: list[Directive] = []
    if re.search(r"\b(?:RANDOMI[SZ]E|ROTATE|RANDOM\s+ORDER|SHUFFLE)\b", upper) and not re.search(
        r"\bDO\s+NOT\s+(?:RANDOMI[SZ]E|ROTATE)|\bDON'?T\s+(?:RANDOMI[SZ]E|ROTATE)", upper
    ):
        found.append(Directive("randomize", source=text))
    match = re.search(
        r"\b(?:ANCHOR|FIX(?:ED)?|KEEP)\b(?P<what>.*?)(?:\bAT\s+(?:THE\s+)?(?:BOTTOM|END|TOP|LAST)|$)",
        upper,
    )
    if match and re.search(r"\bANCHOR|\bFIX", upper):
        what = match["what"]
        found.append(
            Directive(
                "anchor", codes=expand_codes(what), labels=_QUOTED_RE.findall(text), source=text
            )
        )
    return found


def _tags(text: str, upper: str) -> list[Directive]:
    found: list[Directive] = []
    # "'On foot' CANNOT BE TICKED WITH ANY OTHER ANSWER": the answer stands alone
    if re.search(
        r"\bEXCLUSIVE\b|CAN(?:NOT|['’]T)\s+BE\s+(?:COMBINED|(?:TICKED|CHOSEN|SELECTED|PICKED|"
        # ("… can't be ticked with anything else")
        r"MARKED|CHECKED)\s+(?:WITH|ALONGSIDE|TOGETHER\s+WITH)\s+(?:(?:ANY\s+)?OTHERS?|ANYTHING\s+ELSE|"
        # ("… can't be ticked with a day": with any one of the other answers, named by their kind)
        r"ANOTHER|AN?\s+[A-Z]+)\b)|"
        r"SINGLE\s+CODE\s+ONLY|NOT\s+COMBINED|"
        # "(on its own)" after an answer of a tick-all list: ticked alone or not at all
        r"^\s*(?:(?:TICK|SELECT|CHOOSE|CHECK)(?:ED)?\s+)?(?:ONLY\s+)?(?:ON\s+ITS\s+OWN|BY\s+ITSELF)\s*$|"
        # "'None of these' clears the other boxes": a form tool's words for the same
        r"\b(?:CLEARS|UNTICKS|UNCHECKS|DESELECTS)\s+(?:ALL\s+)?(?:THE\s+)?OTHER",
        upper,
    ):
        head = re.split(
            r"\bEXCLUSIVE\b|CAN(?:NOT|['’]T)\s+BE|SINGLE\s+CODE\s+ONLY|"
            r"\b(?:CLEARS|UNTICKS|UNCHECKS|DESELECTS)\b",
            text,
            flags=re.I,
        )[0]
        # "Last option is exclusive.": the answer named by its place in the list
        placed = re.match(
            r"^\s*(?:THE\s+)?(LAST|FINAL)\s+(?:OPTION|ANSWER|CHOICE|RESPONSE)\b", upper
        )
        found.append(
            Directive(
                "exclusive",
                value="last" if placed else None,
                codes=expand_codes(head) if not placed else [],
                labels=_QUOTED_RE.findall(head),
                source=text,
            )
        )
    boxed = CODE_HAS_BOX_RE.match(text)
    if boxed:
        # "7 has a text box": that answer's write-in, not the question's type
        found.append(Directive("specify", codes=expand_codes(boxed["codes"]), source=text))
        return found
    if re.search(r"\bSPECIFY\b|\bOTHER\b.*\bTEXT\s*BOX|\bWRITE[- ]IN\b", upper):
        head = re.split(r"\bSPECIFY\b", text, flags=re.I)[0]
        found.append(
            Directive(
                "specify", codes=expand_codes(head), labels=_QUOTED_RE.findall(head), source=text
            )
        )
    return found


# "7 has a text box", "Code 8 has a write-in field", "5 and 6 get a comment box": the answers
# named by their codes take a write-in
CODE_HAS_BOX_RE = re.compile(
    r"^\s*(?:(?:codes?|answers?|options?)\s+)?(?P<codes>\d{1,3}(?:\s*(?:,|&|and|or)\s*\d{1,3})*)\s+"
    r"(?:has|have|gets?|takes?|opens?)\s+(?:an?\s+)?"
    r"(?:(?:free\s+)?text|write[- ]in|comment|specify|open)"
    r"\s+(?:box|field|entry)\b[^;]*$",
    re.I,
)
# "Hectares (0 – 9999)", "£ whole pounds (0 – 999999)", "Number of head (0 – 20000)": a paper
# form's unit under the question, its bounds in brackets, and nothing else (in capitals here)
UNIT_BOUNDS_RE = re.compile(
    r"^(?:[£$€]\s*)?(?:[A-Z]{2,12}\s+){0,2}[A-Z]{3,12}\s*\(\s*-?\d+\s*(?:TO|–|-)\s*\d+\s*\)\W*$"
)
# "£ per week, 0 to 200.", "$ a month, 10–500": an amount in a currency, then its bounds
CURRENCY_BOUNDS_RE = re.compile(
    r"^[£$€¥₹]\s*(?:(?:A|PER)\s+(?:DAY|WEEK|MONTH|YEAR))?\s*,?\s*\d+\s*(?:TO|–|-)\s*\d+(?:\W*$|\.\s)"
)
_NUMBER_WORDS = {"TWO": "2", "THREE": "3", "FOUR": "4", "FIVE": "5", "SIX": "6", "TEN": "10"}


def _limits(text: str, upper: str) -> list[Directive]:
    found: list[Directive] = []
    upper = re.sub(
        r"\b(UP\s+TO|MAX(?:IMUM)?(?:\s+OF)?|NO\s+MORE\s+THAN|AT\s+MOST)\s+(TWO|THREE|FOUR|FIVE|SIX|TEN)\b",
        lambda m: f"{m[1]} {_NUMBER_WORDS[m[2]]}",
        upper,
    )
    total = re.search(
        # "TOTAL MUST = 10": a spec's equals sign after "must"
        r"(?:ADD|SUM|TOTAL|ADDS?)\s*(?:(?:MUST|SHOULD)\s*(?:COME\s+TO\s+|EQUAL\s+|BE\s+|(?==)))?(?:UP\s+)?"
        r"(?:TO\s+|OF\s+|EXACTLY\s+|=\s*)?(\d+)|(?<!\d)(\d++)\s+POINTS",
        upper,
    )
    if total and re.search(r"CONSTANT|MUST|TOTAL|ADD|SUM|POINTS", upper):
        found.append(Directive("total", total[1] or total[2], source=text))
        return found
    rank = re.search(r"\bRANK\s+(?:THE\s+)?TOP\s+(\d+)", upper)
    if rank:
        found.append(Directive("max_choices", rank[1], source=text))
    most = re.search(
        r"\b(?:MAX(?:IMUM)?\.?|UP\s+TO|NO\s+MORE\s+THAN|AT\s+MOST)\s+(?:OF\s+)?(\d+)"
        r"(?:\s+(?:ANSWERS?|RESPONSES?|CODES?|CHOICES?|MENTIONS?|SELECTIONS?|OPTIONS?|ITEMS?|BRANDS?)|"
        r"\s*(?:[,;!)]|$))",  # "max. 3, please!"
        upper,
    )
    if most:
        found.append(Directive("max_choices", most[1], source=text))
    least = re.search(
        r"\b(?:MIN(?:IMUM)?|AT\s+LEAST)\s+(?:OF\s+)?(\d+)(?:\s+(?:ANSWERS?|RESPONSES?|CODES?|CHOICES?|"
        r"MENTIONS?|SELECTIONS?)|\s*[,;/·|]?\s*MAX(?:IMUM)?\s+\d)",  # "MIN 1, MAX 3"
        upper,
    )
    if least:
        found.append(Directive("min_choices", least[1], source=text))
    if (
        re.search(
            r"\b(?:RANGE|ALLOW(?:ED)?|BETWEEN|ENTER|RECORD|MIN|MAX|NUMERIC|NUMBER|NUM|ACCEPT|VALID|SLIDER|"
            # ("AGE IN COMPLETED YEARS, 00–95": the unit a census counts in, then its range;
            # "NUMBER – WHOLE HOURS, 1–72": a whole-unit count split off its NUMBER by a dash)
            # ("Whole pounds, 1–50.": an amount in whole units of a currency)
            r"VALIDATION|INTEGER|NUMBERS\s+ONLY|(?:COMPLETED|WHOLE)\s+(?:YEARS|MONTHS|WEEKS|DAYS|HOURS|MINUTES)|"
            r"WHOLE\s+(?:POUNDS|DOLLARS|EUROS|FRANCS|RAND|YEN))\b|"
            # "Write an amount from £5000 to £150000.": a paper form's bounds on the amount
            r"\b(?:WRITE|GIVE|ENTER)\s+(?:AN?\s+)?(?:AMOUNT|NUMBER|FIGURE)\s+(?:FROM|BETWEEN)\s+\W?\d|"
            # "Hours a week, 1 to 40.", "Hours, 0 to 40.": the unit asked, then its bounds
            # ("Age in years, 18–99.": the measure and its unit first)
            r"^(?:AGE\s+IN\s+)?(?:HOURS|MINUTES|DAYS|WEEKS|MONTHS|YEARS|NIGHTS|TIMES)(?:\s+(?:A|PER)\s+"
            r"(?:DAY|WEEK|MONTH|YEAR))?\s*,\s*-?\d+\s*(?:TO|–|-)\s*-?\d+\W*$|"
            # "Units 1–50.", "Portions, 0–20.": any counted unit in the plural, then its bounds
            # ("Pounds per month, 0–5000. Soft check …", "Weeks, 0–52 (0 = less than a week).":
            # a rate, a bracketed note on a bound, a further sentence after the range)
            r"^[A-Z]{3,12}S(?:\s+(?:A|PER)\s+(?:DAY|WEEK|MONTH|YEAR))?\s*,?\s*\d+\s*(?:TO|–|-)\s*"
            r"\d+(?:\s*\([^()]{1,40}\))?(?:\W*$|\.\s)|"
            rf"{CURRENCY_BOUNDS_RE.pattern}|"
            # "WEEKS: ______ (0–104)": the bounds in brackets right after the answer box
            # ("(0–50, write 0 if none)": a short remark after the bounds, inside the brackets)
            r"_{3,}\s*\(\s*-?\d+\s*[-–]\s*-?\d+\s*(?:[,;][^()]{1,40})?\)|"
            # "Hectares (0 – 9999)", "£ whole pounds (0 – 999999)": a paper form's unit under the
            # question, its bounds in brackets, and nothing else
            rf"{UNIT_BOUNDS_RE.pattern}",
            upper,
        )
        # "[Number box · 5–300 minutes]" split at its dot: the range alone, maybe with its unit
        or re.fullmatch(r"\s*\d{1,6}\s*(?:[–-]|to)\s*\d{1,6}(?:\s+[a-z]{3,12})?\s*", text)
        # "[0..500]" set apart from a number's head: mrScript's range, lowest..highest
        or re.fullmatch(r"\s*\d{1,6}\s*\.\.\s*\d{1,6}\s*", text)
    ) and not most:
        numbers = _numbers(text)
        if numbers:
            found.append(Directive("range", numbers=numbers, source=text))
    return found


def _optional(text: str, upper: str) -> list[Directive]:
    if re.search(
        r"\bOPTIONAL\b|ALLOW\s+BLANK|NOT\s+MANDATORY|NOT\s+REQUIRED|CAN\s+BE\s+SKIPPED", upper
    ):
        return [Directive("optional", source=text)]
    return []


# "IF CODE 2 AT Q2", "IF Q2 = 1 OR 2:", "IF BUYER (Q6 = 2) ASK:": a condition with no action
# named, set before a question's words (or on its own line above them) — whom the question is for.
_AT_IDS = r"[A-Z]{1,4}\d{1,3}[a-z]?(?:\s*(?:,|\bOR\b)\s*[A-Z]{1,4}\d{1,3}[a-z]?){0,6}"
_BRACKET_AT = (
    rf"\s*\([^()]{{1,60}}\)(?:\s+(?:SELECTED\s+|CODED\s+|CHOSEN\s+)?(?:AT|IN)\s+{_AT_IDS})?"
)
BARE_CONDITION_RE = re.compile(
    # "IF LATE (Q9 = 2)": whom in words may come first, the test in brackets after them
    # ("[IF HOLDS A LOAN (QB2=5)]": the note in square brackets, a spec's routing marks)
    r"^[\[(]?\s*IF\s+(?P<cond>(?=[^()]*(?:\([^()]*)?\b(?:[A-Z]{1,4}[.-]?\d{1,3}[a-z]?|CODES?\s+\d))"
    r"(?![^()]*\b(?:GO|GOTO|SKIP|JUMP|ASK|CONTINUE|TERMINATE|CLOSE|END|SCREEN|THANK|ELSE|OTHERWISE|"
    r"SPECIFY|WRITE|RECORD|ENTER|PROBE|READ|CODE\s+AS|TYPE|SHOW|DISPLAY|THEN|PROCEED|MOVE)\b)"
    r"(?![^()]*(?:→|->|=>|►|▶))"  # "IF 0 → Q16": a jump, its arrow for the verb
    # "IF NUTS (CODE 2) AT Q6": the answer in words, its code in brackets, then the question
    # or questions ("… AT Q1, Q2 OR Q3"); and "… (CODE 3) OR ROAD (CODE 4)", "… AND NOT
    # RENTED (Q5 CODE 1 NOT SELECTED)": further tests each with its own bracket
    rf"[^()]{{1,80}}?(?:{_BRACKET_AT}(?:\s*(?:,|\bOR\b|\bAND\b)\s*[^()]{{1,40}}?{_BRACKET_AT}){{0,4}})?)"
    # "IF BUYER (Q6 = 2) ASK:": the ask said after the test
    # ("IF Q8 = 3 (DECLINE)." ends its sentence after the bracket; "[IF … (QB2=3)]" closes one)
    r"(?:,?\s+ASK\.?)?\s*[:)]?\s*[\])]?\.?\s*$",
    re.I,
)


# "Any of the issues ticked at Q14 (1–4).": which answers of an earlier multi, alone on a line
_ANY_TICKED_RE = re.compile(
    r"^(?P<cond>ANY\s+OF\s+[^()]{1,60}?\s+(?:TICKED|SELECTED|CHOSEN|CHECKED|PICKED|MARKED)\s+"
    rf"(?:AT|IN|ON)\s+(?:QUESTION\s+)?{_ID_TOKEN}(?:\s*\([^()]{{1,40}}\))?)\s*\.?$",
    re.I,
)


def _bare_condition(text: str, upper: str) -> list[Directive]:
    match = BARE_CONDITION_RE.match(text) or _ANY_TICKED_RE.match(text)
    if match is None:
        return []
    return [Directive("display_if", match["cond"].strip(" :,."), source=text)]


def _outcome_terminate(text: str, upper: str) -> list[Directive]:
    """ "No → NOT ELIGIBLE (stop)": the answer before the arrow rules the person out."""
    answer = outcome_arrow(text)
    return [Directive("terminate_if", answer, source=text)] if answer else []


_HANDLERS = (
    _display,
    _terminate,
    _outcome_terminate,
    _routing,
    _carry,
    _pipe,
    _quota,
    _order,
    _tags,
    _limits,
    _optional,
    _bare_condition,
)
