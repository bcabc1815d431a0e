"""The compiler's view of a document: a flat stream of lines with instructions split out.

Each `Line` is one paragraph (or one table) of the document with its respondent-facing
text apart from the programmer's instructions found inside it (brackets, coloured runs,
trailing italic notes, trailing capitals). Spreadsheet-like tables whose columns say
"question / answer / code" are unrolled into lines with `label` and `code` filled in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from fielder.compiler.bracketed_answers import bracketed_answers
from fielder.compiler.glossary import to_english
from fielder.compiler.marking_notes import is_marking_note
from fielder.compiler.placeholders import is_placeholder
from fielder.compiler.routing_tails import skip_verbs
from fielder.compiler.type_badges import type_badge
from fielder.documents.model import Block, Cell, Document, Run

WS_RE = re.compile(r"\s+")
# ("<if No -> go straight to END>": an arrow inside a note in angle brackets is no closing one)
_BRACKET_RE = re.compile(r"\[[^\[\]]*\]|<[A-Za-z](?:-+>|=>|[^<>]){0,200}>|\{[^{}]{1,200}\}")
# Placeholders for piped text stay in the question text, as written.
_PIPE_RE = re.compile(r"^\[\s*(INSERT|PIPE|NAME|BRAND|PRODUCT|RESPONSE|ANSWER)\b", re.I)
# `[question("value"), id="1"]`, `[url("mid")]`: a platform's merge code (a function call with a
# quoted argument) pipes an answer into the words; it is text, not a note
_MERGE_CODE_RE = re.compile(r"^\[\s*[a-z][a-z_]*\(\s*[\"'“][^\"'”]*[\"'”]\s*\)")
_BOX_RE = re.compile(r"\[\s?[xX✓✔]?\s?\]|\(\s?\)|^\(\s*[xX]?\s*\)|^\{\s*\}|^<\s*>")
# Wingdings tick boxes and circles as PDF text gives them (private-use code points).
_SYMBOL_BOXES = str.maketrans(
    {chr(code): "☐" for code in (0xF06F, 0xF0A8, 0xF071, 0xF0A1, 0xF06D, 0xF06E, 0xF0A3, 0xF0FE)}
    | {"❍": "☐", "◻": "☐", "⃝": "☐"}
)
# "[B1]  Which ward…", "<S1>  TYPE: MULTI" (a script's item tag); a name with no number only
# before the item's type ("<VID>  TYPE: INFO")
_BRACKETED_ID_RE = re.compile(
    # ("[START] Hi! The committee…": a screen's role word in the ids' brackets, before words)
    r"^\s*(?:\[(?P<id>[A-Z]{1,4}[-_.]?\d{1,3}[a-z]{0,2}|(?:START|INTRO|WELCOME|OUTRO|END|"
    r"GOODBYE|THANKS)(?=\]\s+[A-Z][a-z]))\]|<(?P<tag>[A-Z]{1,4}[-_.]?\d{1,3}[a-z]{0,2}|"
    r"[A-Z][A-Z_]{1,9}(?=>\s+TYPE\s*:))>)\s*(?=\S)"
)
_END_PAGE_TYPE_RE = re.compile(r"TYPE\s*:\s*(?:TERMINATE|END\b|REDIRECT)")
_NOTE_SYMBOL_RE = re.compile(r"^\s*(?:⚙|🛠|🔧|✎|✍|☞|📝)\ufe0f?\s*(?=\S)")
_DOUBLE_BRACE_RE = re.compile(r"\{\{\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\s*\}\}")
_CODE_BRACKET_RE = re.compile(r"^\[\s*\d{1,3}\s*\]$")
# "MC" (multi code) only in brackets, or right after the question mark ("… months?  MC"):
# anywhere else, it may be a word of the question
_TRAILING_ABBR_RE = re.compile(
    r"\s+(?:\(?\b(SA|MA|OE|OA|FA|S/A|M/A|SR|MR|RU|RM|NUM)\b\)?|\((MC)\)|(?<=\?\s)\s*(MC|SC))\s*$"
)
LEADING_ROUTE_RE = re.compile(
    r"^\s*((?:ASK\s+(?:IF|ALL|ONLY|THOSE)|BASE\s*:|FILTER\s*:|SHOW\s+IF|ONLY\s+(?:IF|FOR|WHEN)(?=[^.?:]*\b[A-Z]{1,4}\d)|"
    # "IF B8 = 0-6: What was…": a bare IF in capitals on a test of an earlier answer
    # ("Filter: … (spend band C: S5 of 1,500 or more)": a colon inside a bracket ends nothing)
    r"(?-i:IF)(?=\s+[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|≥|≤|!=|<>)))(?:[^.?:(]|\([^().?:]*\))*?[.:])"
    r"\s+(?=[A-Z\"'‘“¿¡])|"
    r"^\s*\(((?:ASK\s+(?:IF|ALL|ONLY|THOSE)|BASE\s*:|FILTER\s*:|SHOW\s+IF|(?-i:IF))\b[^()?]*)\)\s*(?=\S)",
    re.I,
)
_BASE_HEAD_RE = re.compile(r"\s*(?:BASE|FILTER)\s*:\s*", re.I)
_PROPERTY_NOTE_RE = re.compile(
    r"^\s*(?:properties|(?:answer|row|column|col|code|precode|category)\s+mask(?:ing)?|masking|"
    r"validation(?:\s*\((?:soft|hard)\))?)\s*:\s*\S[^?]*$",
    re.I,
)
_IF_ASKED_RE = re.compile(r"^\s*(?-i:IF\s+ASKED)\b\s*[:,–—-]", re.I)
_ALL_EXCEPT_RE = re.compile(
    r"^\s*(?:[A-Z]{1,4}\d{1,3}[a-z]?[.):]\s+)?ASK\s+(?:ALL|EVERYONE)\s+(?:EXCEPT|BUT\s+NOT|"
    r"APART\s+FROM|OTHER\s+THAN)\s+[^()]{1,60}$"
)
_IF_BEFORE_RE = re.compile(r"^\s*(?:[A-Z]{1,4}\d{1,3}[a-z]?[.):]\s+)?IF\s+[^()]{1,80}$")
_ASK_AFTER_RE = re.compile(r"\s*,?\s*ASK\s*[.:]?\s*$")
# the condition a filter's words lead to: "E01 = 2 AND E02 = 2"
_CONDITION_AFTER_RE = re.compile(r"[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|!=|<>)\s*\d")
TYPE_NOTE_RE = re.compile(
    r"^\s*\(((?:single|multiple|multi|open|rating|numeric|number|text|date|email|drop-?down|ranking|"
    r"scale|grid|matrix|likert|checkbox(?:es)?|radio)[^()]{0,30})\)\s*",
    re.I,
)
# capitals of Latin-1 and Latin Extended-A (Turkish İ Ş Ğ, Polish Ł Ś, Czech Č Ř …)
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_PAREN_CAPS_RE = re.compile(
    r"\((?=[^()]*[A-Z]{3})((?:EXCLUSIVE|SPECIFY|ANCHOR|FIX(?:ED)?|TERMINATE|CLOSE|RANDOMI[SZ]E|ROTATE|"
    # never-read answers marked with one word ("(SPONTANEOUS)", "(ESPONTÁNEA)", "(OKUMAYINIZ)",
    # a US poll's "(VOL)": accepted if volunteered)
    r"SPONTANEOUS|UNPROMPTED|VOLUNTEERED|VOL|SPONTAN|ESPONT[ÁA]NEA|SPONTAN[ÉE]E?|OKUMAYINIZ|OKUMAYIN|"
    # "(EXCLUSIEF)", "(EXKLUSIV)", "(EXCLUSIF)": the answer that stands alone, in its language
    r"EXCLUSI(?:EF|F|VA|VO)|EXKLUSIV|ESCLUSIV[AO]|"
    rf"SINGLE|MULTI|OPEN)|[A-Z][{_UPPER}0-9,.;:'/&=<>-]*"
    # words apart by spaces, maybe a dash between ("(OKUYUNUZ – ÇOKLU CEVAP)")
    rf"(?:\s+(?:[–—-]\s+)?[{_UPPER}0-9=<>][{_UPPER}0-9,.;:'/&=<>-]*)+)\)"
)
# "in (OUR COUNTRY)", "of (BRAND)": capitals in brackets after a preposition or article fill a
# slot in the sentence (a placeholder to adapt), they are no instruction
_SLOT_BEFORE_RE = re.compile(
    r"\b(?:in|of|the|to|for|from|with|about|at|on|by|and|your|a|an)\s*$", re.I
)
# a filter in capitals ("ASK IF ANY USED AT N1 (NOT 99)") that a bracket of capitals ends: the
# bracket is the filter's own test (no lower case nor other bracket between them)
# (and "NOT FOR DRIVE-THRU VISITS (A2 = 3)": the group left out, then its test)
_FILTER_BEFORE_RE = re.compile(
    r"\b(?:(?:ASK|SHOW)\s+(?:IF|ALL|ONLY|THOSE)|NOT\s+(?:FOR|ASKED\s+(?:OF|TO)|SHOWN\s+TO))\b"
    r"[^a-z()]{0,200}$"
)
# not after an answer's bracketed code: "(5) Poor (7) DON'T KNOW" ends with an answer in capitals
_TRAILING_CAPS_RE = re.compile(
    # '… postcode? TYPE IN. IF REFUSED, TYPE "REF".': quoted capitals inside the note too
    r"(?<=[?.:!)…])(?<!\(\d\))(?<!\(\d\d\))\s+([A-Z][A-ZÀ-ÖØ-Þ0-9 ,.;:'’\"“”\-–—/()&%=<>|_]{3,})$"
)
_INTERVIEWER_PAREN_RE = re.compile(
    # a bare "(circle)" / "(circle one)" tells a self-completion respondent how to answer
    r"\s*\(([^()]*\b(?:circle\s+(?:all|code|only)|mentioned|read\s+out|do\s+not\s+read|probe|interviewer|enumerator|"
    r"observe|do\s+not\s+prompt|unprompted|prompted|single\s+code|multi\s+code|"
    # "(cannot be ticked with any other answer)": how the answer combines, for the form
    r"(?:cannot|can't|can\s+not)\s+be\s+(?:ticked|selected|chosen|picked|combined)|"
    r"with\s+any\s+other\s+answer|"
    # "(on its own)", "(tick only on its own)": the answer is ticked alone
    r"(?<=\()(?:(?:tick|select|choose|check)(?:ed)?\s+)?(?:only\s+)?"
    r"(?:on\s+its\s+own|by\s+itself)(?=\)))"
    r"\b[^()]*)\)\s*$",
    re.I,
)
_CAPS_WORD_RE = re.compile(r"[A-Z]{2,}")
# ">> ASK THOSE WITHOUT INSURANCE (C1 = 2 OR 3)": a plain-text script marks its routing lines
# with a double chevron (not the ">>>" of a banner), before a filter as before a condition
_ARROW_IF_RE = re.compile(
    r"^\s*(?:→|->|=>|⇒|➔|➜|►|▶|(?<!>)>>(?!>))\s*"
    r"(?=(?:if|when|wenn|falls|si|se|als|indien|ask|for\s+those|close|terminate|thank)\s)",
    re.I,
)


_POINTER_ARROW_RE = re.compile(
    r"(?:(?<=\S\s)|^\s*)[►▶▸](?=\s*(?:Q(?:UESTION)?\s*\d|[A-Z]{1,4}\d{1,3}[a-z]?\b|END\b|CLOSE\b))",
    re.I,
)


def collapse(text: str) -> str:
    """Runs of whitespace collapsed to one space, stripped."""
    return WS_RE.sub(" ", text).strip()


@dataclass
class Line:
    """One paragraph or table of the document as the compiler sees it."""

    text: str
    raw: str
    #: the respondent text with its tabs and runs of spaces kept (for option layouts)
    spaced: str = ""
    instructions: list[str] = field(default_factory=list)
    kind: str = "paragraph"
    numbering: str | None = None
    level: int = 0
    style: str | None = None
    bold: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    label: str | None = None
    code: str | None = None
    is_option: bool = False
    start: int = 0
    end: int = 0
    page: int | None = None
    #: a variable name set apart by markup at the line's start (`consent` in code or bold before
    #: the words), and that markup ("code" / "bold"): an id only where the document does it
    #: throughout (`named_heads`)
    lead_name: str | None = None
    lead_mark: str | None = None
    #: a bold tag between a bold number and the question's words ("**3.** **Drivers only** How
    #: far …?"): whom the question is for, read as its filter by `group_tags`
    lead_tag: str | None = None

    @property
    def whole_instruction(self) -> bool:
        """True when nothing respondent-facing is left once the instructions are taken out."""
        return not self.text and bool(self.instructions)


def _is_coloured(run: Run) -> bool:
    if run.highlight and run.highlight.lower() not in ("none", "white", "#ffffff"):
        return True  # highlighted runs are notes to the programmer
    colour = (run.color or "").lstrip("#").upper()
    if len(colour) != 6 or colour in {"000000", "AUTO"}:
        return False
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    # Greys and near-blacks are body text; any real hue marks a scripting note.
    return max(red, green, blue) - min(red, green, blue) > 60


_ID_LOWER_RE = re.compile(r"\d[a-z]{1,2}\b")
# … and "(30s)", "9am": a number's small unit letters
_SMALL_LETTER_ID_RE = re.compile(r"(?<=\s)[A-Z]{1,4}\d{1,3}[a-z](?![\w'’])|\b\d{1,4}(?:s|am|pm)\b")


def is_caps_instruction(text: str) -> bool:
    """True for a stretch written all in capitals (at least two capital words, no lowercase)."""
    # "ASK ALL NAMING A PARTY AT V1 OR V1a": a question id's own small letter inside the note
    text = (
        _SMALL_LETTER_ID_RE.sub(lambda m: m[0].upper(), text) if _ID_LOWER_RE.search(text) else text
    )
    if any(c.islower() and c.isalpha() for c in text):
        return False  # most lines: one lowercase letter settles it before any pattern runs
    # only letters that have a case count: Chinese or Japanese script is never "capitals"
    letters = [c for c in text if c.isalpha() and c.isupper()]
    if re.search(r"(?:\.{3}|…{2})\s*\d{1,3}\b", text):
        return False  # "NS/NR ........ 99": capitals before dot leaders and a code are an answer
    if re.match(r"^\s*[☐□▢]\s*[^☐□▢]+\[\w{1,4}\]\s*$", text):
        return False  # "☐ EDTA [2]": a tick box and a data code make an answer of capitals
    return (
        len(letters) >= 4
        and len(_CAPS_WORD_RE.findall(text)) >= 1
        and any(c.isalpha() for c in text)
    )


# a part's heading: "SECTION D – SEATING", "Part 2: About you", "MODULE C"
_PART_HEAD_RE = re.compile(
    r"^\s*(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{1,3}\b(?:\s*[:.–—-]\s*[^.?]{1,60})?\s*$", re.I
)


def split_runs(runs: tuple[Run, ...], text: str) -> tuple[str, list[str]]:
    """Respondent text and instruction pieces of one paragraph, from its runs' formatting."""
    if not runs:
        return text, []
    runs = _join_bracketed_notes(runs)
    if _label_badge(runs) or type_badge(text):
        # ("CLOSE · Info · variable: close" in the tool's colours: a head, read by its words)
        return text, []
    badge = required_label_badge(runs)
    if badge:
        return badge, []
    kept: list[str] = []
    notes: list[str] = []
    visible = [r for r in runs if r.text.strip()]
    all_italic = bool(visible) and all(r.italic for r in visible)
    lead = None if all_italic else _leading_italic(runs)
    if lead is not None:
        # "A7. *Only if A1 = 1:* In which year…": an italic filter before the question's words.
        first, last = lead
        lead_note = collapse("".join(r.text for r in runs[first:last])).strip(" :")
        # "*Year 11 parents only.*": whom the question is for, said as a filter
        notes.append(
            re.sub(r"^(.*?)\s+only\s*\.?$", r"ASK IF \1", _bare_test(lead_note), flags=re.I)
        )
        runs = runs[:first] + runs[last:]
    if visible and all(r.bold and _is_coloured(r) for r in visible) and _PART_HEAD_RE.match(text):
        # "SECTION E – OVERALL" bold in the house colour: a part's heading, not a note
        return text, []
    label_run = _coloured_label(runs)
    headed = False  # the last note run was a heading word ("Show if: "), nothing kept since
    for index, run in enumerate(runs):
        trailing_italic = run.italic and not all_italic and _only_after(runs, index, "italic")
        if trailing_italic and is_marking_note("".join(r.text for r in runs[index:])):
            trailing_italic = False  # "(Tick one box)" in italics: the respondent's own note
        if index == label_run or _inline_pipe(runs, index):
            kept.append(run.text)
            headed = headed and not run.text.strip()
        elif (
            _is_coloured(run)
            or trailing_italic
            or _trailing_bold(runs, index)
            or _grey_aside(runs, index)
        ):
            if headed:
                # "Show if: " set in bold before the test in the note's colour: one note
                notes[-1] += run.text
            else:
                notes.append(run.text)
            headed = notes[-1].rstrip().endswith(":")
            kept.append(" ")
        else:
            kept.append(run.text)
            headed = headed and not run.text.strip()
    if all_italic:
        return "", [text]
    words = "".join(kept)
    if notes and kept and not kept[0].strip():
        # "NEW v2 – open text box" with its mark in colour: the dash joined the mark to the words
        words = re.sub(r"^\s*[–—-]\s+", "", words)
    return words, [part for n in notes for part in _bracket_parts(collapse(n)) if part]


def _is_grey(run: Run) -> bool:
    colour = (run.color or "").lstrip("#").upper()
    if len(colour) != 6 or colour in {"000000", "AUTO"}:
        return False
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return max(red, green, blue) - min(red, green, blue) <= 60 and min(red, green, blue) >= 0x60


def _grey_aside(runs: tuple[Run, ...], index: int) -> bool:
    """ "How old are you? (number, in years, 17-35)" with the bracket in grey: the form's hint
    after the question's words, set apart by its colour (grey body text is words elsewhere)."""
    text = runs[index].text.strip()
    if not (_is_grey(runs[index]) and text.startswith("(") and text.endswith(")")):
        return False
    if is_marking_note(text):
        return False  # "(Tick one box)" in grey: the respondent's own note, part of the text
    if re.fullmatch(r"\(\s*\d{1,3}\s*\)", text):
        return False  # "Not at all likely (0)" with the code in grey: the answer's own code
    if any(r.text.strip() for r in runs[index + 1 :]):
        return False
    before = "".join(r.text for r in runs[:index] if not _is_grey(r))
    return bool(re.search(r"[^\W\d_]{2,}", before))


def _opens_bracket(text: str) -> bool:
    return text.count("{") > text.count("}") or text.count("[") > text.count("]")


def _join_bracketed_notes(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """A coloured note whose brackets span plain runs ("{ASK IF CODE " + "3 OR 4" + " AT Q5}",
    a reviewer's tracked insert typed without the note's colour) is one note in its colour."""
    joined: list[Run] = []
    index = 0
    while index < len(runs):
        run = runs[index]
        end = None
        if _is_coloured(run) and _opens_bracket(run.text):
            for later in range(index + 1, min(index + 4, len(runs))):
                if _is_coloured(runs[later]) and not _opens_bracket(
                    "".join(r.text for r in runs[index : later + 1])
                ):
                    end = later
                    break
                if _is_coloured(runs[later]) or re.search(r"[\[\]{}]", runs[later].text):
                    break
        if end is None:
            joined.append(run)
            index += 1
            continue
        joined.append(replace(run, text="".join(r.text for r in runs[index : end + 1])))
        index = end + 1
    return tuple(joined)


_BRACKETS_ONLY_RE = re.compile(r"(?:\[[^\[\]]*\]\s*){2,}")


def _bracket_parts(note: str) -> list[str]:
    """A coloured run of several bracketed notes ("[MULTI] [SHOW ONLY BRANDS …]") is that many
    notes, each read on its own (as they are when typed in black)."""
    if not _BRACKETS_ONLY_RE.fullmatch(note):
        return [note]
    return re.findall(r"\[[^\[\]]*\]", note)


def _inline_pipe(runs: tuple[Run, ...], index: int) -> bool:
    """ "recommend [PIPE: BRAND AT Q4] to a friend": a coloured placeholder inside the sentence
    is piped text the respondent sees, not a note (the words on both sides are plain)."""
    text = runs[index].text.strip()
    if not (_is_coloured(runs[index]) and _PIPE_RE.match(text) and text.endswith("]")):
        return False
    before = "".join(r.text for r in runs[:index] if not _is_coloured(r))
    after = "".join(r.text for r in runs[index + 1 :] if not _is_coloured(r))
    return _has_words(before) and _has_words(after)


# "S1.", "Q12a", "END." alone in a run: a question's or screen's label
# ("INTRO" alone: a screen's name needs no full stop, as it is no word of the text)
_LABEL_RUN_RE = re.compile(
    r"^(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]{0,2}[.:)]?|[A-Z][A-Z-]{1,11}[.:]|"
    r"INTRO|INTRODUCTION|WELCOME|OUTRO|CLOSING)$"
)


# "1.", "12)" alone in the label colour before the question's words: its number, not a note
_NUMBER_RUN_RE = re.compile(r"^\d{1,3}[a-z]?[.)]$")


def _label_badge(runs: tuple[Run, ...]) -> bool:
    """A survey tool's coloured id badge alone on its line ("Q7", "INTRO" over the words): the
    question's label, not a scripting note in colour."""
    from fielder.compiler.screen_names import SCREEN_ROLES

    visible = [r for r in runs if r.text.strip()]
    if len(visible) != 1 or not _is_coloured(visible[0]):
        return False
    word = visible[0].text.strip()
    if visible[0].bold and len(word.split()) <= 12:
        from fielder.compiler.classify import section_word

        # "Block: Pebblecell customers" in the tool's bold colour: a section's title, no note
        if section_word(word, False):
            return True
    return _LONE_LABEL_RE.match(word) is not None or word in SCREEN_ROLES


# "*" / "(required)": a form tool's mark that the question must be answered
_REQUIRED_MARK_RE = re.compile(r"^(?:\*|\(required\)|required)$", re.I)


def required_label_badge(runs: tuple[Run, ...]) -> str | None:
    """A form tool's coloured head "Question 7 *" (the number, then its required mark in a
    colour of its own): the label alone, as the tool's id badge, never a note in colour."""
    visible = [r for r in runs if r.text.strip()]
    if len(visible) != 2 or not all(_is_coloured(r) for r in visible):
        return None
    head, mark = visible[0].text.strip(), visible[1].text.strip()
    if not _REQUIRED_MARK_RE.match(mark):
        return None
    if _LONE_LABEL_RE.match(head) or _LONE_QUESTION_WORD_RE.match(head):
        return head
    return None


def _coloured_label(runs: tuple[Run, ...]) -> int | None:
    """Where scripting notes are coloured, the label opening a question in that colour
    ("S1." in red before black words) is still the label: the index of that run, or None."""
    visible = [i for i, r in enumerate(runs) if r.text.strip()]
    if len(visible) < 2 or not _is_coloured(runs[visible[0]]):
        return None
    first = visible[0]
    lead = runs[first].text.strip()
    if (
        not _LABEL_RUN_RE.match(lead)
        and not _NUMBER_RUN_RE.match(lead)
        and not _gapped_word_label(runs[first])
    ):
        return None
    plain_after = any(not _is_coloured(runs[i]) and _has_words(runs[i].text) for i in visible[1:])
    return first if plain_after else None


# "SUS<TAB>", "PREF  ": a bold word in capitals set apart by a gap, as ids are before words
_GAPPED_WORD_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,9}(?:\t|\s{2,})$")
_SCRIPT_WORDS = frozenset(
    "NOTE ASK SHOW READ PROBE PROG PN DP INTERVIEWER SCRIPTER HIDDEN FILTER BASE ROUTING "
    "RANDOMISE RANDOMIZE ROTATE TERMINATE IF ALL ONLY SKIP QUOTA PIPE INSERT".split()
)


def _gapped_word_label(run: Run) -> bool:
    """A coloured bold word id ("SUS", "PREF") before a gap, not a type or scripting word."""
    from fielder.compiler.instructions import type_words

    word = run.text.strip()
    return (
        run.bold
        and _GAPPED_WORD_RE.match(run.text.lstrip()) is not None
        and word not in _SCRIPT_WORDS
        and not type_words(word)
    )


def _word_label(runs: tuple[Run, ...]) -> str | None:
    """The word id opening a paragraph in the scripting colour ("SUS" before plain words)."""
    index = _coloured_label(runs)
    if index is None or not _gapped_word_label(runs[index]):
        return None
    return runs[index].text.strip()


def _has_words(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 3


def _trailing_bold(runs: tuple[Run, ...], index: int) -> bool:
    """ "How often do you visit? **Choose one.**": a short bold sentence after the plain
    question's end, with nothing plain after it, tells how to answer (web pages, forms)."""
    run = runs[index]
    before = "".join(r.text for r in runs[:index]).rstrip()
    return (
        run.bold
        and (bool(re.search(r"[?.!:]$", before)) or bool(re.fullmatch(r"\s*\(.*\)\s*", run.text)))
        and not any(r.bold for r in runs[:index] if r.text.strip() and not _lead_label(runs, r))
        and _words_after_label(runs[:index])
        and _only_after(runs, index, "bold")
        and len(run.text.split()) <= 15
    )


def _words_after_label(runs: tuple[Run, ...]) -> bool:
    """After a bold label ("**S1.**<TAB>"), the plain words of a question must come before a
    bold run for it to trail them ("**S1.** **Do you …?**" is a question in bold)."""
    if not any(r.bold and _lead_label(runs, r) for r in runs):
        return True
    return _has_words("".join(r.text for r in runs if not _lead_label(runs, r)))


# "Q1.", "5b.": a question label in a run of its own
_LEAD_LABEL_RE = re.compile(r"^[A-Z]{0,4}[-_.]?\d{1,3}[a-z]{0,2}[.:)]?$")


def _lead_label(runs: tuple[Run, ...], run: Run) -> bool:
    """The bold label opening a paragraph ("**Q1.** Which …? **MULTICODE**"): bold as labels
    are, it does not make the question's words bold."""
    first = next((r for r in runs if r.text.strip()), None)
    return run is first and _LEAD_LABEL_RE.match(run.text.strip()) is not None


_LEADING_FILTER_RE = re.compile(
    r"^\s*[\[(]?\s*(?:ASK\b|ONLY\s+(?:IF|FOR|WHEN|ASK)\b|IF\b|BASE\b|FILTER\b|SHOW\s+IF\b)"
    r"[^.?]*\b[A-Z]{1,4}[.-]?\d|"
    # "*Skip this question if you have no children in Year 7–9.*", "*Year 11 parents only.*"
    r"^\s*SKIP\s+THIS\s+QUESTION\s+IF\b[^?]*$|^\s*[A-Z][^.?]{0,40}\d[^.?]{0,40}\s+ONLY\s*[.:]?\s*$|"
    # "*(A1 = 1 or 2 only)*", "*(passives, Q9 = 7–8)*", "*(not asked if Q5 = 4)*": a test on an
    # earlier question, whole in italic brackets
    r"^\s*\((?:[^()]{0,40}?[\s,])?[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|≠|!=|<|>|≤|≥)[^()]{1,40}\)\s*$|"
    r"^\s*\(\s*NOT\s+ASKED\s+(?:IF|OF|WHEN)\b[^()]*\b[A-Z]{1,4}\d[^()]*\)\s*$",
    re.I,
)


# "(passives, Q9 = 7–8)", "(A1 = 1 or 2 only)": a bare test in brackets, whom in words first
_BARE_TEST_RE = re.compile(
    r"^\((?:[^()]{0,40}?,\s*)?(?P<test>[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|≠|!=|<|>|≤|≥)[^()]+?)"
    r"(?:\s+only)?\s*\)$"
)


def _bare_test(note: str) -> str:
    """A bracketed bare test as the filter it is ("ASK IF Q9 = 7–8"); any other note as it was."""
    match = _BARE_TEST_RE.match(note.strip())
    if match is None:
        return re.sub(
            r"^\((not\s+(?:asked|shown)\s+(?:if|when)\b[^()]+)\)$", r"\1", note.strip(), flags=re.I
        )
    return f"ASK IF {match['test']}"


def _leading_italic(runs: tuple[Run, ...]) -> tuple[int, int] | None:
    """Where an italic filter sits at the start of a paragraph (after at most a short label),
    with upright words after it: (first run, end run), or None."""
    first = next((i for i, r in enumerate(runs) if r.text.strip() and r.italic), None)
    if first is None or len("".join(r.text for r in runs[:first]).strip()) > 6:
        return None
    last = first
    while last < len(runs) and (runs[last].italic or not runs[last].text.strip()):
        last += 1
    if not "".join(r.text for r in runs[last:]).strip():
        return None
    italic = collapse("".join(r.text for r in runs[first:last]))
    return (first, last) if _LEADING_FILTER_RE.match(italic) else None


def _only_after(runs: tuple[Run, ...], index: int, attribute: str) -> bool:
    """True when every run from `index` on is italic (a trailing interviewer note)."""
    rest = [r for r in runs[index:] if r.text.strip()]
    before = "".join(r.text for r in runs[:index]).strip()
    return bool(before) and all(getattr(r, attribute) for r in rest)


def _keep_note(notes: list[str], note: str) -> str:
    notes.append(note)
    return " "


_SCREEN_KIND_RE = re.compile(r"\(((?:[\w-]+\s+){0,3}(?:screen|page))\)", re.I)


# three underscores, not "_{3,}": the longer run backtracked quadratically on a line of underscores
_BOX_THEN_CAPS_RE = re.compile(r"^(?P<box>.*___[^_]*?)(?:\t|\s{3,})(?P<caps>[A-Z]{2,}\b.*\S)\s*$")
_CAPS_AFTER_GAP_RE = re.compile(r"(?:\t|\s{3})[A-Z]{2}")
_GAP_NOTE_RE = re.compile(
    r"(?:\t|\s{3,})(?P<note>(?:ONLY|ASK|SHOW|HIDE|READ\s+OUT|DO\s+NOT)\b"
    r"(?:[^a-z\t]|(?<=\s)[a-z]\)){3,120}\bIF\s+[A-Z]{1,4}\d{1,3}[^a-z\t]{0,40})$"
)


# 'IF UNDER 16 - CLOSE ("Sorry, this survey is for …")': a capitals condition and its way out,
# then the quoted words to say, in brackets
_CAPS_THEN_SAID_RE = re.compile(
    r"^\s*(?P<caps>IF\s[^a-z()\"“]{1,80}?(?:CLOSE|TERMINATE|END))\s*\(\s*[\"“'‘][^()]{1,200}\)\s*\.?$"
)


# "…? IF MORE THAN ONE CAT: the cat who will take part.": a capitals case and a colon after the
# question's last sentence
_CAPS_IF_ASIDE_RE = re.compile(
    r"(?<=\?)[ \t]+(?P<aside>IF[ \t][A-Z0-9 '’/-]{2,60}:[ \t]*\S[^?]{0,200})$"
)


def split_text(text: str) -> tuple[str, list[str]]:
    """Take bracketed instructions and trailing capitals out of plain text."""
    kept, notes = _split_text(text)
    if notes and _BASE_HEAD_RE.fullmatch(kept):
        # "Base: IF CONSIDERED BUT REJECTED X (Q3 CODE 1)": a base in capitals is the line's
        # content, not notes taken off its words (which would leave "Base:" alone)
        return text, []
    return kept, notes


def _split_text(text: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    # "If No, pass to Q9", "No  move on to Q9": the skip's verb as the readers know it ("go to")
    text = skip_verbs(text)
    symbol = _NOTE_SYMBOL_RE.match(text)
    if symbol:
        # "⚙ Display if R1 = 0–6.": a line marked with a tool sign is for the builder.
        return "", [text[symbol.end() :].strip()]
    # "→ If No or Not sure, skip to Q11.": an arrow marking a routing sentence as such
    text = _ARROW_IF_RE.sub("", text)
    text = _BOX_RE.sub("☐", text.lstrip().translate(_SYMBOL_BOXES))
    # "3  (UNSURE)": a never-read answer's words in brackets are its label, not a note
    text, tagged = bracketed_answers(text)
    notes.extend(tagged)
    annotation = TYPE_NOTE_RE.match(text)
    if annotation:
        notes.append(annotation.group(1))
        text = text[annotation.end() :]
    leading = LEADING_ROUTE_RE.match(text)
    if leading and _CONDITION_AFTER_RE.match(text, leading.end()):
        leading = None  # "FILTER: … ONLY OF PERSONS NOT EMPLOYED: E01 = 2 AND …" is one note
    if (
        leading
        and re.match(r"\s*IF\b", leading.group(1) or "")
        and not re.search(r"[a-z]", text[leading.end() :])
    ):
        # "IF FH1 = 2: CHECK THE RECORD, THEN GO TO FH8": a bare IF whose colon leads to more
        # capitals is one routing note (its action), not a filter over words that are asked
        leading = None
    if leading:
        notes.append((leading.group(1) or leading.group(2)).rstrip(".:"))
        text = text[leading.end() :]
    if _IF_ASKED_RE.match(text):
        # "IF ASKED: Kestrel is a trading name of …": what the interviewer says only when asked
        return "", [text.strip()]
    if _PROPERTY_NOTE_RE.match(text):
        # "Answer mask: f("B2")", "Properties: Randomize 1-5": a scripting tool's settings for
        # the question, keyed by the property's name, are for the programmer, never an answer
        return "", [text.strip()]
    said = _CAPS_THEN_SAID_RE.match(text)
    if said and is_caps_instruction(said["caps"]):
        # 'IF UNDER 16 - CLOSE ("Sorry, …")': a routing note with the words said on the way out
        return "", [text.strip()]
    ident = _BRACKETED_ID_RE.match(text)
    badge = type_badge(text)
    if badge:
        return badge  # "E1  Single choice · Required": the tool's type badge
    if ident and _END_PAGE_TYPE_RE.match(text, ident.end()):
        return "", [text.strip()]  # "<END>  TYPE: TERMINATE STATUS 1": the script's end page
    if ident:
        # "[B1]  Which ward…": a question id in brackets is the label, not a note.
        text = f"{ident['id'] or ident['tag']}  {text[ident.end() :]}"

    def _bracket(match: re.Match[str]) -> str:
        inner = match.group(0)
        if _PIPE_RE.match(inner) or _CODE_BRACKET_RE.match(inner) or _MERGE_CODE_RE.match(inner):
            return inner
        if is_placeholder(inner, match.string[: match.start()], match.string[match.end() :]):
            return inner  # "recommend [company] to": piped text inside the sentence
        if inner.startswith("{") and match.string[: match.start()].endswith("$"):
            return inner  # "${I18/ChoiceGroup/SelectedChoices}": a platform's piped answer
        notes.append(inner[1:-1].strip())
        return " "

    # "{{hotel_name}}": a field piped in with double braces; without a question of that name the
    # IR's pipe would be invalid, so the words keep the field as "{hotel_name}" (a placeholder)
    text = _DOUBLE_BRACE_RE.sub(r"{\1}", text)
    kept = _BRACKET_RE.sub(_bracket, text)
    kept = _PAREN_CAPS_RE.sub(
        lambda m: (
            m.group(0)
            if re.match(r"CODES?\s+\d", m.group(1))
            or _SLOT_BEFORE_RE.search(m.string[: m.start()])
            # "C8. ASK ALL EXCEPT PBMs (A1 NOT = 3).", "IF SPECIALTY = GP (S1 CODE 3) ASK.": the
            # test of the group a filter names, inside the filter
            or _ALL_EXCEPT_RE.match(m.string, 0, m.start())
            or (
                _IF_BEFORE_RE.match(m.string, 0, m.start())
                and _ASK_AFTER_RE.match(m.string, m.end())
            )
            # "ASK IF LISTENED (NOT 99 AT M5)": the bracket says the filter's codes
            or _FILTER_BEFORE_RE.search(m.string[: m.start()])
            else _keep_note(notes, m.group(1))
        ),
        kept,
    )
    pointed = re.search(r"\s(?:<-+|←)\s*(\S.*)$", kept)
    if pointed:
        # "Please select 'Rarely' here.   <- attention check": a remark pointing back at the words
        notes.append(pointed.group(1).strip())
        kept = kept[: pointed.start()]
    # only a line ending in ")" can end in a filter; the pattern is slow on long runs of spaces
    asked_if = _TRAILING_CONDITION_RE.search(kept) if kept.rstrip().endswith(")") else None
    if asked_if:
        # "Why not? (open, conditional on Q1 = 2)": the filter (and type) written after the ask
        parts = [p.strip() for p in _unquoted_commas(asked_if.group(1))]
        if len(parts) == 1 or _CONDITION_LEAD_RE.match(parts[-1]):
            # "(only if Yes at 5)": a form's question named by its bare number, "question 5"
            parts[-1] = _AT_NUMBER_RE.sub(r" at question \1", parts[-1])
        for part in parts:
            notes.append(
                _CONDITION_LEAD_RE.sub("ASK IF ", part) if _CONDITION_LEAD_RE.match(part) else part
            )
        kept = kept[: asked_if.start()]
    told = _INTERVIEWER_PAREN_RE.search(kept) if kept.rstrip().endswith(")") else None
    if told:
        # "(Circle all mentioned)", "(Do not read out)": said to the interviewer, not read.
        notes.append(told.group(1).strip())
        kept = kept[: told.start()]
    named = _SCREEN_KIND_RE.search(kept)
    if named:
        # "END (thank-you screen)": what kind of screen it is, said to the programmer
        notes.append(named.group(1))
        kept = kept[: named.start()] + " " + kept[named.end() :]
    last = kept.rstrip()[-1:]
    abbr = _TRAILING_ABBR_RE.search(kept) if last == ")" or last.isupper() else None
    if abbr and (len(kept) > 12 or abbr.group(3)):
        notes.append(abbr.group(1) or abbr.group(2) or abbr.group(3))
        kept = kept[: abbr.start()]
    # a quick look for the capitals first: the full pattern is slow on long runs of spaces
    boxed = _BOX_THEN_CAPS_RE.match(kept) if _CAPS_AFTER_GAP_RE.search(kept) else None
    if boxed and not re.search(r"[a-z]", boxed["caps"]):
        # "______ years      ALLOW 0-50.   TERM IF <3 OR >35": the box, then its scripting
        notes.append(boxed["caps"].strip())
        kept = boxed["box"]
    gapped = _GAP_NOTE_RE.search(kept) if _CAPS_AFTER_GAP_RE.search(kept) else None
    if gapped and re.search(r"[a-z]", kept[: gapped.start()]):
        # "e) The courtesy car      ONLY READ OUT ROW e) IF B6 = 1": a note on the row in
        # capitals after a wide gap, naming a lettered row in passing
        notes.append(gapped["note"].strip())
        kept = kept[: gapped.start()]
    aside = _CAPS_IF_ASIDE_RE.search(kept) if "?" in kept else None
    if aside:
        # "How old is your cat? IF MORE THAN ONE CAT: the one taking part.": the interviewer's
        # words for a special case, after the question itself
        notes.append(aside["aside"].strip())
        kept = kept[: aside.start()]
    caps = None if is_caps_instruction(kept) else _TRAILING_CAPS_RE.search(kept.rstrip())
    if caps and caps.group(1).count(")") > caps.group(1).count("("):
        caps = None  # "(e.g. NVQ, BTEC)": capitals that close the label's own bracket
    head = kept[: caps.start(1)] if caps else ""
    if caps and head.rfind("[") > head.rfind("]") and "]" not in caps.group(1):
        caps = None  # "[PROBE FULLY. TYPE IN" at a line's end: the note goes on the next line
    # ("… by name?   MULTI": one word of capitals set a wide gap apart from the question)
    wide = bool(caps and re.search(r"\t|\s{3,}", kept[caps.start() : caps.start(1)]))
    if caps and is_caps_instruction(caps.group(1)) and (len(caps.group(1).split()) >= 2 or wide):
        notes.append(caps.group(1).strip())
        kept = kept.rstrip()[: caps.start(1)]
        # "… pack? (MC)  RANDOMISE 1-6": the type mark the scripting after it hid
        abbr = _TRAILING_ABBR_RE.search(kept)
        if abbr and (len(kept) > 12 or abbr.group(3)):
            notes.insert(-1, abbr.group(1) or abbr.group(2) or abbr.group(3))
            kept = kept[: abbr.start()]
    return kept, notes


def _unquoted_commas(text: str) -> list[str]:
    """The parts of a bracket's words between commas, leaving whole a quoted answer's words and
    its own brackets ("only if 'Yes, by email (work)' at Q4")."""
    parts, start, depth, quote = [], 0, 0, ""
    for index, char in enumerate(text):
        if quote:
            if (
                char in _CLOSING_QUOTES.get(quote, quote)
                and not text[index + 1 : index + 2].isalpha()
            ):
                quote = ""
        elif char in _CLOSING_QUOTES and (index == 0 or not text[index - 1].isalpha()):
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


# each opening quote mark and the marks that may close it
_CLOSING_QUOTES = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"', "«": "»", "„": "“”"}


_CONDITION_LEAD_RE = re.compile(
    r"^(?:conditional\s+(?:on|upon)|only\s+(?:if|when|for)|ask(?:ed)?\s+(?:only\s+)?(?:if|when)|"
    r"show(?:n)?\s+(?:only\s+)?(?:if|when)|display(?:ed)?\s+(?:only\s+)?(?:if|when)|if)\s+",
    re.I,
)
# "(open, conditional on Q13 = never)", "(only if Q2 = 1)" after a question's last sentence
_TRAILING_CONDITION_RE = re.compile(
    r"(?:(?<=[?.:？。：])\s*|\s+)\(((?:[^(),]{1,30},\s*)?(?:conditional\s+(?:on|upon)|only\s+(?:if|when|for)|"
    r"ask(?:ed)?\s+(?:only\s+)?(?:if|when)|show(?:n)?\s+(?:only\s+)?(?:if|when)|"
    # ("(Only if 'Sole holder (person)' at A2)": an answer's own brackets quoted inside)
    r"display(?:ed)?\s+(?:only\s+)?(?:if|when))\s+(?:[^()]|\([^()]{1,60}\))*?"
    # ("(only if Yes at 5)": a form's question named by its bare number, last)
    r"(?:\b[A-Za-z]{1,4}\d{1,3}[a-z]?\b(?:[^()]|\([^()]{1,60}\))*|\bat\s+\d{1,3}[a-z]?))\)\s*$",
    re.I,
)


_AT_NUMBER_RE = re.compile(r"\s+at\s+(\d{1,3}[a-z]?)$", re.I)
# Placeholders that online form tools print inside an empty answer box.
# (a printable draws the box after it: "Short answer text ______")
_PLACEHOLDER_RE = re.compile(
    r"^\s*(?:Your answer|(?P<long>Long) answer text|Short answer text)\s*_*\s*$", re.I
)


# a paragraph style named for the ids it holds: "Label", "Question ID", "QID", "Q label"
_LABEL_STYLE_RE = re.compile(r"^(?:q(?:uestion)?\s*)?(?:label|id|qid|number)$", re.I)
_SCREEN_WORD_RE = re.compile(r"^[A-Z][A-Z0-9_]{2,15}$")


def line_from_block(block: Block) -> Line:
    """A paragraph-like block as a `Line` with its instructions split out."""
    # A heading's colour is its style's (Word's blue headings), not a scripting note.
    runs = block.runs if block.kind != "heading" else ()
    if _LABEL_STYLE_RE.match(block.style or "") and _SCREEN_WORD_RE.match(block.text.strip()):
        # "VIEW" alone in the paragraph style the document keeps for its ids ("Label"), in the
        # ids' colour: a screen's name like the others, not a note
        runs = ()
    text, notes = split_runs(runs, block.text)
    if notes and text.strip() and not any(c.isalnum() for c in text):
        # "● <coloured words>": a list whose answers are printed in colour, not a note.
        text, notes = block.text, []
    text, more = split_text(text)
    notes.extend(more)
    word_label = _word_label(runs)
    if word_label and text.lstrip().startswith(word_label):
        text = text.lstrip()[len(word_label) :]
    else:
        word_label = None
    placeholder = _PLACEHOLDER_RE.match(text)
    if placeholder:
        # "Your answer": the grey placeholder a form tool prints in a short-answer box
        text = "__________"
        if placeholder["long"]:
            notes.append("Long answer text")  # the paragraph box, not a one-line answer
    # "No ► Q17", "If 0 ► Q16": a pointer before the question gone to is the same arrow
    text = _POINTER_ARROW_RE.sub("→", text)
    notes = [_POINTER_ARROW_RE.sub("→", n) for n in notes]
    bold_runs = [r for r in block.runs if r.text.strip()]
    line = Line(
        text=collapse(text),
        raw=block.text,
        spaced=text.strip(),
        instructions=[to_english(n) for n in notes if n],
        kind=block.kind,
        numbering=block.numbering,
        level=block.level,
        style=block.style,
        bold=bool(bold_runs) and bold_runs[0].bold,
        label=word_label,
        start=block.start,
        end=block.end,
        page=block.page,
    )
    from fielder.compiler.named_heads import lead_name

    line.lead_name, line.lead_mark = lead_name(block.runs)
    from fielder.compiler.group_tags import lead_tag

    line.lead_tag = lead_tag(block.runs)
    from fielder.compiler.spec_marks import quoted_logic, split_type_tags

    return split_type_tags(quoted_logic(line))


_LONE_BOXES = frozenset("☐□▢○◯")


def _cell_text(cell: Cell) -> str:
    text = collapse(cell.text)
    tail = _styled_tail(cell.runs)
    if tail and text.endswith(tail) and text[: -len(tail)].strip():
        # "Don't know *DO NOT READ OUT*": written as a script types it, "(DO NOT READ OUT)"
        return f"{text[: -len(tail)].rstrip()} ({tail})"
    return text


def _styled_tail(runs: tuple[Run, ...]) -> str | None:
    """Capitals set in italics or a colour after a cell's plain words: the interviewer's or
    programmer's tag on that answer, or None."""
    visible = [r for r in runs if r.text.strip()]
    if len(visible) < 2 or visible[0].italic or _is_coloured(visible[0]):
        return None
    last = visible[-1]
    tail = collapse(last.text)
    styled = last.italic or _is_coloured(last)
    if not styled or not is_caps_instruction(tail) or len(tail.split()) < 2:
        return None
    return tail


def _blank_box_columns(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Blank a column that holds nothing but a tick box on every row (`☐ | Yes | 1`): the box
    only shows where to tick, so the label beside it is the answer, as in an unboxed list."""
    width = max((len(row) for row in rows), default=0)
    if len(rows) < 2 or width < 3:
        return rows
    boxed = {
        column
        for column in range(width)
        if all(column < len(row) and row[column] in _LONE_BOXES for row in rows)
    }
    if not boxed:
        return rows
    return tuple(tuple("" if i in boxed else cell for i, cell in enumerate(row)) for row in rows)


def table_line(block: Block) -> Line:
    """A table block as one `Line` holding its grid of cell texts."""
    rows = _blank_box_columns(tuple(tuple(_cell_text(c) for c in row) for row in block.rows))
    return Line(
        text="",
        raw=block.text,
        kind="table",
        rows=rows,
        start=block.start,
        end=block.end,
        page=block.page,
    )


_CELL_LABEL_RE = re.compile(r"^(?:[A-Z]{1,4}[-_]?\d{1,3}[a-z]?|\d{1,3}[a-z]?)\s*[.):]?\s*\S")
# "A1 Province", "A6. Interviewer Name": a labelled field of a form.
_FIELD_CELL_RE = re.compile(
    r"^[A-Z]{1,3}\d{1,3}[a-z]?[.:)]?\s+[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,3}$"
)
_BARE_ID_RE = re.compile(r"^(?:[A-Z]{1,4}[-_]?\d{1,3}[a-z]?|\d{1,3}[a-z]?)[.):]?$")


def is_form_table(block: Block) -> bool:
    """True for a table whose cells hold whole questions (forms laid out in boxes)."""
    found = fields = 0
    for row in block.rows:
        for cell in row:
            lines = [t.strip() for t in cell.text.split("\n") if t.strip()]
            if not lines:
                continue
            head = " ".join(lines[:2]) if _BARE_ID_RE.match(lines[0]) else lines[0]
            # ("Q20 Please give your email address." over "Email: ______": a request and its box)
            boxed = len(lines) == 2 and bool(re.search(r"_{3,}", lines[1]))
            if _CELL_LABEL_RE.match(head) and ("?" in cell.text or len(lines) >= 3 or boxed):
                found += 1
            elif _FIELD_CELL_RE.match(head):
                fields += 1
    return found >= 1 or fields >= 2


def form_lines(block: Block) -> list[Line]:
    """A form table's cells, row by row, as lines (a bare label joined to the words after it)."""
    lines: list[Line] = []
    seen: set[str] = set()
    for number, row in enumerate(block.rows):
        if number and _sub_heading_row(block.rows[0], row):
            continue  # "First Name | Last Name | Y | M | D": parts of the columns above
        for cell in row:
            if cell.text in seen or re.fullmatch(r"\s*\d{0,3}\s*", cell.text):
                continue
            seen.add(cell.text)
            parts = _drop_column_title([t.strip() for t in cell.text.split("\n") if t.strip()])
            if len(parts) >= 2 and _BARE_ID_RE.match(parts[0]):
                parts = [f"{parts[0].rstrip('.):')}. {parts[1]}", *parts[2:]]
            for part in parts:
                text, notes = split_text(part)
                lines.append(
                    Line(
                        text=collapse(text),
                        raw=part,
                        spaced=text.strip(),
                        instructions=notes,
                        start=cell.start,
                        end=cell.end,
                        page=block.page,
                    )
                )
    return lines


def _sub_heading_row(first: tuple[Cell, ...], row: tuple[Cell, ...]) -> bool:
    """A roster's second header row: short words (`First Name`, `Y`, `M`, `D`) under a row of
    labelled questions, naming the parts of the answer boxes below."""
    words = [c.text.strip() for c in row if c.text.strip()]
    labelled = sum(bool(_BARE_ID_RE.match(c.text.split("\n")[0].strip())) for c in first)
    return (
        labelled >= 2
        and len(words) >= 2
        and all(len(w.split()) <= 2 and not re.search(r"[\d?_:]", w) for w in words)
    )


def _drop_column_title(parts: list[str]) -> list[str]:
    """ "B02 / Sex / Is (name) male or female?": the short column title is not the question."""
    if len(parts) >= 3 and _BARE_ID_RE.match(parts[0]) and _is_title(parts[1], parts[2]):
        return [parts[0], *parts[2:]]
    head = re.match(r"^([A-Z]{1,4}[-_]?\d{1,3}[a-z]?)[.:)]?\s+(.+)$", parts[0]) if parts else None
    if head and len(parts) >= 2 and _is_title(head[2], parts[1]):
        return [head[1], *parts[1:]]
    return parts


def _is_title(title: str, following: str) -> bool:
    return len(title.split()) <= 3 and "?" not in title and following.rstrip().endswith("?")


# ("A.1" with a dot after the letter, "q3" in a data file's lower case: labels too)
_LONE_LABEL_RE = re.compile(
    # ("Q9A": a follow-up's letter in capitals, as CATI scripts write it)
    r"^(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-zA-Z]?(?:[._]\d{1,2}|-[A-Z])?|q[a-z]?\d{1,3}[a-z]?(?:[._]\d{1,2})?)[.:)]?$"
)


# `show_if:`, `on_submit:`: a lower-case snake-case key of an app's config, then its value
_CONFIG_KEY_RE = re.compile(r"^\s*[a-z]+_[a-z_]+\s*:")


# "Question 7" alone (often a heading) over the question's words: the word spelled out
_LONE_QUESTION_WORD_RE = re.compile(r"^(?:Question|QUESTION)\s+\d{1,3}[a-z]?[.:)]?$")


_OF_TOTAL_RE = re.compile(r"^(?:Question|QUESTION|Q)\s*(\d{1,3})\s+(?:of|/)\s+\d{1,3}\s*[.:]?$")


def join_lone_labels(lines: list[Line]) -> list[Line]:
    """A label on a line of its own ("Q3") joined to the question text on the next line."""
    joined: list[Line] = []
    index = 0
    # "### L3 — Tick any" among "### L1 — Tick one", "### L2 — Tick one": a title several
    # headings share is the tool's badge, kept as a note (its words may name the type)
    titles = Counter(
        shared["title"].casefold()
        for line in lines
        if line.kind == "heading" and (shared := _TITLED_HEADING_RE.match(line.text.strip()))
    )
    badges = sum(count for count in titles.values() if count >= 2) >= 3
    words_too = (
        sum(
            1
            for at, line in enumerate(lines[:-1])
            if _TITLED_HEADING_RE.match(line.text.strip()) and _titled_heading(line, lines[at + 1])
        )
        >= 3
    )
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        of_total = _OF_TOTAL_RE.match(line.text)
        if of_total:
            line.text = line.spaced = f"Q{of_total[1]}"  # "Question 3 of 12" above the words
        if following is not None and _tool_number_over_tag(line, following):
            index += 1  # "QID12" over "B5 How satisfied…": the tool's own number, not the id
            continue
        notes_between = _notes_then_words(lines, index)
        if notes_between:
            # "Q6" over "[ASK IF Q3 = 4 OR 5]" over the words: the note is read before the label
            # (a filter for the question it opens), the label joined to its words
            for note in lines[index + 1 : index + 1 + notes_between]:
                shown = _SHOWN_WHEN_RE.match(note.text)
                if shown:
                    # "show when WP2 includes 5": the builder's rule, as the filter it is
                    note.text = note.spaced = f"ASK IF {note.text[shown.end() :].strip()}"
                joined.append(note)
            lines = [*lines[: index + notes_between], line, *lines[index + 1 + notes_between :]]
            index += notes_between
            continue
        titled = _titled_heading(line, following, words_too)
        if titled:
            # "G4 · Play time" as a heading over "Roughly how many hours …?": the heading names
            # the question; its words are the paragraph under it
            named = _TITLED_HEADING_RE.match(line.text.strip())
            if badges and named:
                line.instructions = [*line.instructions, named["title"]]
            line.text = titled
        if (
            following is not None
            # "ROS1" over "KRAS G12C" in a code column: two answers, never a label over words
            and not (line.is_option or following.is_option)
            and (
                line.kind == "paragraph"
                or (line.kind == "heading" and _LONE_QUESTION_WORD_RE.match(line.text))
                or bool(titled)
            )
            and following.kind == "paragraph"
            and (
                _LONE_LABEL_RE.match(line.text)
                or _LONE_QUESTION_WORD_RE.match(line.text)
                or (titled and words_too)
            )
            and following.text
            and not _LONE_LABEL_RE.match(following.text)
            and not _LONE_QUESTION_WORD_RE.match(following.text)
            # "SOC2" over "show_if: CTX2 == 2": an app's rule line is no question's words
            and not _CONFIG_KEY_RE.match(following.raw or following.text)
        ):
            label = line.text.rstrip(".:)")
            following.text = f"{label}. {following.text}"
            following.spaced = f"{label}. {following.spaced or following.text}"
            following.start = line.start
            if titled and not _LONE_LABEL_RE.match(label):
                following.label = label  # "EMAIL": a name no label reader takes for an id
            # "**D12.** _ASK IF D11 = 3 OR 4_" over the words: the label line's notes come along
            following.instructions[:0] = line.instructions
            joined.append(following)
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


# "G4 · Play time", "B2 – Main reason": a question's id, then a short name for it; a spec's
# head may list its type's parts with commas ("Q3 — categorical, 7-point", "B4 — grid, per row")
_TITLED_HEADING_RE = re.compile(
    r"^(?P<id>[A-Z]{1,4}[-_]?\d{1,3}[a-z]?)(?:\s*[.:)]|\s+[-–—·•|])\s+"
    r"(?P<title>[A-Za-z][\w'’&/()-]*(?:(?:\s*,)?\s[\w'’&/()-]+){0,5})$"
)


# "EMAIL – Prize draw email" among "ELIG1 – Student" heads: a variable name in capitals
_WORD_TITLED_HEADING_RE = re.compile(
    r"^(?P<id>[A-Z][A-Z_]{2,11})\s+[-–—·•|]\s+"
    r"(?P<title>[A-Za-z][\w'’&/()-]*(?:\s[\w'’&/()-]+){0,5})$"
)


def _titled_heading(line: Line, following: Line | None, words_too: bool = False) -> str | None:
    """The id of a heading that is a question's id and short name, with the question's own
    sentence as the next paragraph; None for any other line. (`words_too`: the document's
    other such heads are numbered ids, so a name in capitals in their place is an id too.)"""
    if line.kind != "heading" or line.is_option or following is None:
        return None
    titled = _TITLED_HEADING_RE.match(line.text.strip()) or (
        _WORD_TITLED_HEADING_RE.match(line.text.strip()) if words_too else None
    )
    if titled is None or following.kind != "paragraph" or following.is_option:
        return None
    words = following.text.strip()
    # the words under it: a sentence to the respondent, asked or told, with no note in it
    if len(words) > 400 or len(words.split()) < 3 or not words[:1].isupper():
        return None
    # ("{name}": a piped field in the words is no note)
    words = re.sub(r"\{\w+\}", "name", words)
    if not words.endswith(("?", ".")) or any(c in words for c in "[]<>{}"):
        return None
    return titled["id"]


def _notes_then_words(lines: list[Line], index: int) -> int:
    """How many note-only lines stand between a lone label at `index` and the question's
    words (0 when the label is not alone, or no words follow the notes)."""
    line = lines[index]
    # "### WP3 · Support offer" over "`show when` WP2 includes 5" over the words: a titled head
    titled = line.kind == "heading" and bool(_TITLED_HEADING_RE.match(line.text.strip()))
    if (line.kind != "paragraph" and not titled) or line.is_option:
        return 0
    lone = _LONE_LABEL_RE.match(line.text) or _LONE_QUESTION_WORD_RE.match(line.text)
    if not (lone or titled):
        return 0
    count = 0
    for after in lines[index + 1 : index + 3]:
        if (after.kind == "paragraph" and not after.text and after.instructions) or (
            after.kind == "page_break" and count == 0
        ):
            # (a page break printed between a head and its note belongs to neither)
            count += 1
            continue
        if _filter_line(after):
            # "X16" over "Show if: X15 = 1" over the words: a filter line of its own is a note
            count += 1
            continue
        break
    words = lines[index + 1 + count] if count and index + 1 + count < len(lines) else None
    if (
        words is None
        or words.kind != "paragraph"
        or words.is_option
        or not words.text
        or _LONE_LABEL_RE.match(words.text)
        or (titled and not lone and _titled_heading(line, words) is None)
    ):
        return 0
    return count


_BOX_ROUTING_RE = re.compile(
    r"\b(?:go|skip|move)\s+(?:on\s+)?to\s+(?:question|section|Q\d)|"
    r"\bplease\s+answer\s+(?:questions?\s+|sections?\s+)?[A-Z]{0,2}\d|\bplease\s+answer\s+section\b",
    re.I,
)


def _tool_number_over_tag(line: Line, following: Line) -> bool:
    """A survey tool's internal number alone ("QID12") right over a line that opens with a
    label of its own ("B5 How…", "INTRO Welcome…"): the export tag is the question's id."""
    if line.kind != "paragraph" or not _LONE_LABEL_RE.match(line.text) or not following.text:
        return False
    from fielder.compiler.classify import find_label

    own = find_label(following)
    return own is not None and own.style in ("prefixed", "display")


def _boxed_note(block: Block) -> Line | None:
    """ "FILTER: Ask if Question 4 = 1" in a shaded box (a table of one cell): a scripting
    note like the same words on a line of their own; None for any other table."""
    if len(block.rows) != 1 or len(block.rows[0]) != 1:
        return None
    text = _cell_text(block.rows[0][0])
    from fielder.compiler.classify import is_instruction

    note = line_from_block(replace(block, kind="paragraph", text=text, runs=(), rows=()))
    # a paper form's shaded box that sends the reader on ("If you ticked …, please answer B6.
    # Everyone else, please go to Section C.") is routing in the respondent's own words
    return note if is_instruction(note) or _BOX_ROUTING_RE.search(text) else None


_ANGLE_OPEN_RE = re.compile(r"^\s*<[A-Za-z](?:-+>|=>|[^<>])*$")
_ANGLE_CLOSE_RE = re.compile(r"^(?:-+>|=>|[^<>])*>\s*$")


def _join_wrapped_angle_notes(blocks: list[Block]) -> list[Block]:
    """A note in angle brackets wrapped over lines ("<eng: then close the slide-up. Write …" /
    "… not logic).>") as one paragraph, so that it is read as the one note it is."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        closing = None
        if block.kind == "paragraph" and _ANGLE_OPEN_RE.match(block.text):
            closing = next(
                (
                    at
                    for at in range(index + 1, min(index + 4, len(blocks)))
                    if blocks[at].kind == "paragraph" and _ANGLE_CLOSE_RE.match(blocks[at].text)
                ),
                None,
            )
        if closing is None or any(b.kind != "paragraph" for b in blocks[index : closing + 1]):
            out.append(block)
            index += 1
            continue
        text = " ".join(b.text.strip() for b in blocks[index : closing + 1])
        out.append(replace(block, text=text, runs=(), end=blocks[closing].end))
        index = closing + 1
    return out


_PAGE_FOOT_RE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+(?:of|/)\s+\d{1,3})?\s*$", re.I)


def _rows_over_page(blocks: list[Block]) -> list[Block]:
    """A grid of answer circles whose last row ran over the page ("Community forum ○ ○ ○ ○"
    alone at the top of the next page, as tab-set text): that row joined back to the grid."""
    out: list[Block] = []
    for block in blocks:
        at = next((i for i in range(len(out) - 1, -1, -1) if not _between_pages(out[i])), None)
        grid = out[at] if at is not None else None
        cells = block.text.split("\t")
        if (
            block.kind == "paragraph"
            and at is not None
            and grid is not None
            and grid.kind == "table"
            and any(b.kind == "page_break" for b in out[at:])
            and len(grid.rows) >= 2
            and len(cells) == len(grid.rows[-1]) >= 3
            and cells[0].strip()
            and all(c.strip() in _LONE_BOXES for c in cells[1:])
            and all(c.text.strip() in _LONE_BOXES for c in grid.rows[-1][1:])
        ):
            row = tuple(Cell(text=c.strip(), runs=(Run(c.strip()),)) for c in cells)
            out[at] = replace(grid, rows=(*grid.rows, row), text=f"{grid.text}\n{block.text}")
            continue
        if (
            block.kind == "table"
            and grid is not None
            and at is not None
            and grid.kind == "table"
            and any(b.kind == "page_break" for b in out[at:])
            and _continues_grid(grid, block)
        ):
            # the grid's last rows as a table of their own at the top of the next page
            out[at] = replace(
                grid, rows=(*grid.rows, *block.rows), text=f"{grid.text}\n{block.text}"
            )
            del out[at + 1 :]
            continue
        out.append(block)
    return out


def _continues_grid(grid: Block, block: Block) -> bool:
    """A headless table of box rows as wide as the box rows ending `grid`."""
    if len(grid.rows) < 2 or not block.rows:
        return False
    width = len(grid.rows[-1])
    return width >= 3 and all(
        len(row) == width
        and row[0].text.strip()
        and all(c.text.strip() in _LONE_BOXES for c in row[1:])
        for row in (grid.rows[-1], *block.rows)
    )


def _between_pages(block: Block) -> bool:
    return block.kind == "page_break" or bool(_PAGE_FOOT_RE.match(block.text))


def document_lines(document: Document) -> list[Line]:
    """Every block of the document as lines, questionnaire tables unrolled."""
    from fielder.compiler.answer_columns_forms import answer_column_lines, is_answer_column_form
    from fielder.compiler.boilerplate import is_boilerplate
    from fielder.compiler.chat_export import chat_questionnaire
    from fielder.compiler.content_controls import (
        field_lines,
        field_table_lines,
        has_placeholder,
        is_field_table,
        listed_items,
    )
    from fielder.compiler.email_thread import quoted_questionnaire, thread_start
    from fielder.compiler.folded import unfold
    from fielder.compiler.header_cards import header_card_lines, is_header_card
    from fielder.compiler.labelled_cards import card_line
    from fielder.compiler.logic_summaries import summary_notes
    from fielder.compiler.named_lists import write_out_named_lists
    from fielder.compiler.question_cells import is_question_cell_table, question_cell_lines
    from fielder.compiler.roster_tables import is_roster_table, roster_lines
    from fielder.compiler.shaded_rows import colour_keys, keyed_row_spans
    from fielder.compiler.sheet import is_notes_sheet, is_sheet_table, sheet_lines
    from fielder.compiler.slide_outline import slide_questions
    from fielder.compiler.transposed_sheets import untranspose

    lines: list[Line] = []
    sheet_seen = False
    skip_next = False
    shading: dict[str, str] = {}  # a colour key's groups, for the shaded rows of tables under it
    blocks = _rows_over_page(_join_wrapped_angle_notes(write_out_named_lists(document.blocks)))
    blocks = slide_questions(chat_questionnaire(quoted_questionnaire(blocks)))
    blocks = summary_notes(blocks)
    thread = thread_start(blocks)
    if thread is not None:
        blocks = blocks[:thread]  # an earlier e-mail quoted under the questionnaire
    for index, block in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        if block.kind == "page_break":
            lines.append(Line(text="", raw="", kind="page_break", start=block.start))
        elif block.kind != "table" and has_placeholder(block.text):
            # Word's grey "Click or tap here to enter text.": an answer box
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            listed = listed_items(after)
            skip_next = listed is not None and "Choose an item" in block.text
            lines.extend(field_lines(block.text, block, listed) or [])
        elif block.kind == "table":
            block = untranspose(unfold(block))
            if shading:
                spans = keyed_row_spans(block, shading)
                table_at = len(lines)
            if sheet_seen and is_notes_sheet(block):
                continue  # a "README" sheet after the questionnaire's: about the file
            if is_field_table(block):
                lines.extend(field_table_lines(block))
            elif is_answer_column_form(block):
                lines.extend(answer_column_lines(block))
            elif is_question_cell_table(block):
                lines.extend(question_cell_lines(block))
            elif is_sheet_table(block):
                sheet_seen = True
                lines.extend(sheet_lines(block))
            elif is_roster_table(block):
                lines.extend(roster_lines(block))
            elif is_form_table(block):
                lines.extend(form_lines(block))
            elif is_header_card(block):
                lines.extend(header_card_lines(block))
            elif (boxed_note := _boxed_note(block)) is not None:
                lines.append(boxed_note)
            elif (card := card_line(block)) is not None:
                lines.append(card)
            else:
                lines.append(table_line(block))
            if shading:
                _note_shaded_rows(lines[table_at:], spans)
        elif block.text.strip() and not is_boilerplate(block.text):
            shading.update(colour_keys(block.text))
            lines.append(line_from_block(block))
    return join_lone_labels(lines)


def _note_shaded_rows(lines: list[Line], spans: list[tuple[int, int, str]]) -> None:
    """Each question read from a shaded row gets the colour key's filter as its first note."""
    for line in lines:
        if not line.label:
            continue
        note = next((n for start, end, n in spans if start <= line.start <= end), None)
        if note is not None:
            line.instructions.insert(0, note)


def made_line(anchor: Line, text: str, instruction: bool) -> Line:
    """A line a rewrite writes in the place of `anchor`: words of its own (`instruction=False`,
    read as any line would be) or wholly an instruction, so never read as a question's words."""
    return replace(
        anchor,
        text="" if instruction else text,
        raw=text,
        spaced="" if instruction else text,
        instructions=[text] if instruction else [],
        kind="paragraph",
        numbering=None,
        level=0,
        style=None,
        bold=False,
        rows=(),
        label=None,
        code=None,
        is_option=False,
        lead_name=None,
        lead_mark=None,
    )


def _filter_line(line: Line) -> bool:
    """ "Show if: X15 = 1", "ASK IF Q3 = 2" as a paragraph of its own: a filter for the question
    whose words come next, with no question of its own in it."""
    from fielder.compiler.parse import _FORWARD_RE

    text = line.text
    return (
        line.kind == "paragraph"
        and not line.is_option
        and len(text) <= 120
        and "?" not in text
        and bool(re.search(r"[A-Z]{1,4}\d", text))
        and bool(_FORWARD_RE.match(text) or _SHOWN_WHEN_RE.match(text))
    )


# "show when WP2 includes 5", "Hidden unless WP11 is 2 or 4.": a builder's display rule
_SHOWN_WHEN_RE = re.compile(
    r"^\W*(?:(?:show|display)(?:n)?|visible|asked)\s+(?:only\s+)?(?:when|if)\b|^\W*hidden\s+unless\b",
    re.I,
)
