"""What each line is: a question stem, an option, an instruction, a section or noise."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from fielder.compiler.glossary import to_english
from fielder.compiler.group_filters import group_filter
from fielder.compiler.instructions import BARE_CONDITION_RE
from fielder.compiler.lines import Line, collapse, is_caps_instruction
from fielder.compiler.options import BOXES, TESTS_ONLY_RE

# "S1.", "Q3a)", "A12:", "QS2 -", "Q1.2", "Question 5:" before the question text.
_PREFIXED_RE = re.compile(
    # ("Q9A.": a follow-up's letter in capitals, as CATI scripts write it)
    r"^(?:Question\s+|QUESTION\s+)?(?P<id>[A-Z]{1,4}[-_.]?\d{1,3}"
    r"(?:[a-z]{1,2}|[._]\d{1,2}[a-z]?|-[A-Z]\b|[A-Z](?![\w-]))?"
    # a module- or section-prefixed id: "M3Q1", "S2Q10a", "M3_Q2", "B1.Q4"
    r"|[A-Z]{1,2}\d{1,2}[-_.]?Q\d{1,3}[a-z]{0,2})"
    r"(?:\s*[.):]|\s+[-–—·•|]|\t|\s{2,}|(?=\s+[A-Z\"'‘“(¿¡]))\s*(?P<rest>\S.*)$"
)
# "q1.", "q12a)", "qs3:", "q4_2 -" in lower case, as questionnaires written from a data file's
# variable names print them: the label as written, before words that open in capitals
_LOWER_PREFIXED_RE = re.compile(
    r"^(?P<id>q[a-z]?\d{1,3}[a-z]?(?:[._]\d{1,2})?)"
    r"(?:\s*[.):]|\s+[-–—|]|\s)\s*(?P<rest>[A-Z¿¡\"'‘“(].*)$"
)
_QUESTION_WORD_RE = re.compile(
    r"^(?:Question|QUESTION)\s+(?P<n>\d{1,3}[a-z]?)\s*[.):]?\s+(?P<rest>\S.*)$"
)
# "12.", "12)", "5a." before the question text.
_BARE_RE = re.compile(r"^(?P<n>\d{1,3})(?P<sub>[a-z])?\s*[.)]\s*(?P<rest>\S.*)$")
# "(1) Do you drive?" (a question, so not the answer "(1) Yes") and "#1 Do you drive?".
_OTHER_BARE_RE = re.compile(
    r"^(?:\((?P<n>\d{1,3})(?P<sub>[a-z])?\)\s*(?P<rest>\S.*\?)|"
    r"#\s?(?P<n2>\d{1,3})(?P<sub2>[a-z])?[.):]?\s+(?P<rest2>\S.*))$"
)
# "4<TAB>How often did…?" / "10 Would you…?": a bare number set apart only by a gap, as printed
# forms number their questions (kept for lines that ask, so "1<TAB>Never" stays an answer).
_GAP_BARE_RE = re.compile(r"^(?P<n>\d{1,3})(?:\t|\s+)(?P<rest>[A-Z¿¡\"'‘“].*)$")
_DOTTED_RE = re.compile(r"^(?P<n>\d{1,3})\.(?P<n2>\d{1,2})(?P<sub>[a-z])?[.):]?\s+(?P<rest>\S.*)$")
# ("B2 AND B3: IF B1 = 1", "Q4 – Q6: …": a note over the questions it names, as a range does)
_ID_RANGE_RE = re.compile(
    r"^[A-Z]{1,4}\d{1,3}\w*\s*(?:\.{2,}|…|(?i:to|and|through)\b|[&,–—])\s*[A-Z]{1,4}\d"
)
# "3.1   02 Feb 2027   Module 6 added": a version-history row (a number, then a date).
_DATED_ROW_RE = re.compile(
    r"^\d{1,3}(?:\.\d{1,2})?[.)]?\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b"
)
# "INTRO.", "CLOSE:", "CONCEPT." before an information screen's text.
_DISPLAY_RE = re.compile(
    r"^(?P<id>[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ_]{2,}\d*)\s*(?:[.:)]|\s[-–—])\s+(?P<rest>\S.*)$"
)
_CODE_KEY_RE = re.compile(r"^[A-Z]{1,3}\s+[a-z]\w*(?:\s*/\s*[A-Z]{1,3}\s+[a-z]\w*){2,}\b")
_CAPS_RUN_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}[\s,.;:/–-]+[A-ZÀ-ÖØ-Þ]{2,}\b")
# "WELCOME Thank you for…": a screen word alone before the sentence (bold in the document);
# an ad test's "AD We are now going to show you…" before the video.
# ("CLOSE  READ OUT: That is the end …": the interviewer's cue between the word and the words)
_BARE_DISPLAY_RE = re.compile(
    r"^(?P<id>[A-ZÁÉÍÓÚÑÜ]{2,}\d*)\s+(?P<rest>(?:READ\s+OUT\s*:\s*)?[A-Z\"'‘“(][a-z].*)$"
)
# "KCASI   ASK ALL", "HHINTRO  ASK IF …": a name in capitals, then the item's filter line;
_NAMED_FILTER_LABEL_RE = re.compile(
    r"^(?P<id>[A-Z][A-Z_]{2,9})\s+(?P<rest>ASK\s+(?:ALL\b(?:\s*\([A-Z]{2,6}\))?|IF\s+\S.*)|"
    r"ASK\s+ALL\s+\S.*|"
    # "VID  TYPE: INFO": a script's item named in capitals, then its type (an end page's is none)
    r"TYPE\s*:\s*(?!TERMINATE|END\b|REDIRECT)[A-Z].*)$"
)
_NOT_FILTER_NAMES = frozenset(
    "ALL EVERYONE THEN ELSE OTHERWISE NOW PLEASE ONLY INTERVIEWERS".split()
)
_NOT_LABELS = frozenset(
    """NOTE NOTES CHECK PROBE PROG PROGRAMMER PROGRAMMING SCRIPTER SCRIPTING INTERVIEWER INSTRUCTION
    INSTRUCTIONS ASK IF BASE QUOTA QUOTAS TERMINATE SHOW READ CODE CODES SINGLE MULTI FILTER
    ROUTING ROUTE RANDOMIZE RANDOMISE ROTATE DISPLAY HIDDEN SKIP GO PIPE PIPING INSERT SECTION PART
    PAGE STEP MODULE BLOCK TITLE CLIENT JOB DATE VERSION METHOD TARGET SAMPLE LOI ITEM ITEMS
    ROWS COLUMNS SCALE STATEMENTS TYPE RANGE ALLOW NUMERIC OPEN EMAIL TEL PHONE FAX WAVE
    PROJECT STUDY SURVEY AUTHOR EXAMPLE OR AND THE FOR ESCALA SCALA SKALA SCHAAL ÉCHELLE ECHELLE
    ÖLÇEK ENCUESTADOR ENCUESTADORA ENTREVISTADOR FILTRO FILTRE FIELDWORK GRID MATRIX FILL""".split()
)
_NOT_PREFIXES = frozenset({"PART", "PAGE", "STEP", "ITEM", "WAVE", "ROOM", "NO", "TEL", "FAX"})
DISPLAY_WORDS = frozenset(
    """INTRO INTRODUCTION CLOSE CLOSING END OUTRO CONCEPT THANKS THANKYOU WELCOME CONSENT INFO
    INFORMATION DESCRIPTION DESC STIMULUS STIM DISPLAY PREAMBLE SCREENOUT TEXT MESSAGE DEBRIEF
    DEBRIEFING
    GOODBYE FAREWELL PRESENTACIÓN PRESENTACION BIENVENIDA DESPEDIDA CIERRE INTRODUCCIÓN
    BEGRÜSSUNG BEGRUESSUNG EINLEITUNG VERABSCHIEDUNG ABSCHLUSS FIN ACCUEIL REMERCIEMENTS
    CONCLUSION FINE CHIUSURA INTRODUZIONE BENVENUTO RINGRAZIAMENTI CONGEDO EINDE INLEIDING
    INTRODUCTIE WELKOM AFSLUITING BEDANKT ENDE ENCERRAMENTO INTRODUÇÃO APRESENTAÇÃO
    GİRİŞ KAPANIŞ TEŞEKKÜR BİTİŞ KARŞILAMA TANITIM WSTĘP ZAKOŃCZENIE POWITANIE
    PODZIĘKOWANIE PENGANTAR PENUTUP PEMBUKAAN RESULTS AD ADVERT PROFILE PRESENTAZIONE ACCROCHE
    SALUTI""".split()
)
_INSTRUCTION_START_RE = re.compile(
    # "↪ Logic: …": a hooked or plain arrow set before the note marks it as one
    r"^(?:[↪↳⤷➜➔→▶►▸]\s*)?(?:PROG(?:RAMMER|RAMMING)?\b|SCRIPT(?:ER|ING)?\b|INTERVIEWER\b|NOTE\b|INSTRUCTIONS?\b|"
    # a depth interview's probes and moderator notes: "Probe: …", "Nachfrage: …", "Relance : …"
    r"PROBES?\b|PROMPTS?\b|FOLLOW[- ]?UPS?\b|MODERATOR\b|FACILITATOR\b|NACHFRAGEN?\b|RELANCES?\b|"
    r"SONDEOS?\b|SONDEAR\b|"
    # Turkish: the interviewer ("ANKETÖR: SONDAJ YAPINIZ"), a probe, a programmer's note
    r"ANKET[ÖO]R\b|SONDAJ\b|PROGRAMCI\b|"
    # the interviewer named in the questionnaire's language: "ENQUETEUR : NE PAS SUGGERER …"
    r"(?:ENQU[ÊE]TEUR|ENQU[ÊE]TRICE|ENCUESTADORA?|ENTREVISTADORA?|INTERVISTATORE)\s*:|"
    r"ASK\s+(?:ALL|IF|ONLY|THOSE|EVERYONE|RESPONDENTS)\b|BASE\s*:|FILTER\b|ROUTING\b|ROUTE\s*:|QUOTA\b|"
    # a spec's per-item base line: "Universe: Q5 = 3 or 4", "Who: those with Q12 = 1 or 2"
    r"UNIVERSE\s*:|WHO\s*:(?=[^?]*\b[A-Z]{1,4}\d{1,3}[a-z]?\b)|"
    r"(?:ASKED|SHOWN)\s+(?:ONLY\s+)?(?:TO|OF)\s*:|"  # "Asked to: …", a brief's base line
    r"TERMINATE\b|THANK\s+AND\s+(?:CLOSE|TERMINATE)|SCREEN[\s-]*OUT|RANDOMI[SZ]E\b|ROTATE\b|"
    # a survey platform's logic boxes: "Display logic: Q5 is 1 or 2.", "Skip logic: if …",
    # "Block display logic: … Applies to Q3–Q7."
    r"(?:BLOCK\s+)?(?:DISPLAY|SKIP|BRANCH(?:ING)?)\s+LOGIC\b|LOGIC\s*:|CONDITIONS?\s*:|"
    r"SHOW\b|DO\s+NOT\s+READ|READ\s+OUT|READ\s+(?:OPTIONS|LIST)|HIDDEN\b|CODE\s+ALL|SINGLE\s+CODE|"
    r"MULTI\s+CODE|DROP[- ]?DOWN|OPEN\s+END|NUMERIC|GRID\b|END\s+OF\b)",
    re.I,
)
# A line that tells the web team which answer widget to build.
_WIDGET_NOTE_RE = re.compile(
    r"^(?:show|display|present)\s+(?:as|in|with)\s+(?:a\s+|an\s+)?(?:drop|list|grid|slider|radio|"
    r"check|text|single|multi|table|matrix)|"
    r"^(?:(?:single|multi|one|short|long)[- ]line\s+)?(?:text\s*box|text\s+field|text\s+entry)\b|"
    # "Multiple choice – multiple answers", "Single choice, one answer": a tool's question
    # type, then how many answers it takes
    r"^(?:multiple|single)\s+choice\s*(?:[–—:,]|-\s)\s*(?:single|multiple|one|many|several)\s+"
    r"(?:answers?|selections?|responses?)\b|"
    r"^(?:e-?mail|number|numeric|date|phone)\s+(?:field|box|entry)\b|"
    r"^constant\s+sum\b|^(?:radio\s+buttons?|check\s*boxes|drop-?down\s+list)\b\.?|"
    # "Paragraph box.", "Short text, one line.": a form tool's name for the answer box
    r"^(?:paragraph\s+(?:box|text|field)|short\s+text(?:\s*,\s*one\s+line)?)\s*\.?\s*$",
    re.I,
)
_ROUTING_RE = re.compile(
    r"^(?:IF\b.*\b(?:GO\s*TO|SKIP\s*TO|JUMP\s*TO|ASK|CONTINUE|TERMINATE|SCREEN\s*OUT|END|"
    # "If less than 250, thank and close.", "If No, pass to Q9": the way out or on in other verbs
    r"THANK\s+(?:AND|&)\s+CLOSE|CLOSE\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|CALL)|"
    r"PASS\s+(?:ON\s+)?TO|MOVE\s+ON\s+TO)\b|"
    # 'Only for "Yes" at Q15.': the answer that lets people in, at the question named
    r"ONLY\s+FOR\b[^.]{1,60}\b(?:AT|IN)\s+(?:QUESTION\s+)?[A-Z]{0,3}\d{1,3}[a-z]?\.?$|"
    r"(?:ONLY\s+)?ANSWER\s+(?:THE\s+NEXT|THIS)\b.*\bIF\b|ONLY\s+ANSWER\b|"
    # "Only where B2 = 2 and …", "Only when A3 is 1": whom the question is for, under it
    r"ONLY\s+(?:WHERE|WHEN|IF)\b[^.]{0,80}?\b[A-Z]{1,3}\d{1,3}[a-z]?\s*(?:=|IS\b|NOT\b|<|>)|"
    r"(?:GO|SKIP)\s+TO\s+[A-Z]+\d|THOSE\s+WHO\b|(?:ASK|SHOW|DISPLAY)\s+(?:IF|THOSE|ONLY)\b|"
    # "Display this question only if: M1 “Yes” is selected": a survey tool's logic box
    r"(?:DISPLAY|SHOW)\s+THIS\s+(?:QUESTION|ITEM)\s+(?:ONLY\s+)?(?:IF|WHEN|UNLESS)\b"
    r"(?=[^?]*\b[A-Z]{1,4}\d)|"
    # "Ask this one to people who …", "Ask J9 only of jurors who …": the question, then whom
    r"(?:ASK|SHOW)\s+(?:THIS(?:\s+ONE|\s+QUESTION)?|[A-Z]{1,3}\d{1,3}[a-z]?)\s+(?:ONLY\s+)?(?:TO|OF)\s+"
    r"(?:\w+\s+){0,3}?(?:WHO|THAT|WITH)\b|"
    # "Ask all who selected 'Walking' at Q4", in sentence case: whom, by an answer at a question
    # named last (the whole line a note; in capitals it is one already)
    r"(?:ASK|SHOW)\s+(?:ALL|EVERYONE|ANYONE|RESPONDENTS)\s+(?:WHO|THAT)\b[^?]{3,160}?"
    r"\b(?:AT|IN|ON|TO)\s+(?:QUESTION\s+)?[A-Z]{0,4}\d{1,3}[a-z]?\W*$|"
    # "Disqualify if Student → end survey": a screen-out rule under the answers, not one more
    r"(?:DISQUALIFY|SCREEN[\s-]*OUT|TERMINATE)\s+IF\b|"
    # "Q5 is for those who said 'Yes' at Q2.": a question named, then whom it is for
    r"[A-Z]{1,4}\d{1,3}[a-z]?\s+(?:IS|ARE)\s+(?:ONLY\s+)?FOR\s+(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|"
    r"EVERYONE|PARTICIPANTS)\s+(?:WHO|THAT|WITH)\b|"
    # "Close if less than 18." in sentence case: the screen-out on a number, said in words
    r"CLOSE\s+IF\s+(?=[^?]{0,80}\d)|"
    # "Staff have their own survey: screen out if 'Staff pass'": the reason first, then the rule
    r"[^:.?]{3,80}:\s*(?:DISQUALIFY|SCREEN[\s-]*OUT|TERMINATE)\s+IF\s+[“\"‘']|"
    # "Skip this question if …", "Captains only (Q1 = 1):": whom the next question is for
    r"SKIP\s+THIS\s+QUESTION\s+IF\b|"
    # "Not asked if Q4 = 1" in sentence case: whom the question is kept from, by a test
    r"NOT\s+(?:ASKED|SHOWN|DISPLAYED)\s+(?:IF|WHEN)\b(?=[^?]*\b[A-Z]{1,4}\d)|"
    r"[A-Z][\w'’ -]{2,60}?\s+ONLY\s*\([^()]*\d[^()]*\)\s*:\s*$|"
    # "Branch: Yes → Q12, No → Q13": where each answer goes
    r"BRANCH(?:ING)?\s*:.*(?:→|->))",
    re.I,
)
_QUOTED_ANSWER_RULE_RE = re.compile(
    # the answer named by its words in quotes, or by its code ("[6] can't be combined with …")
    # ('Multiple answer. "None" is exclusive.': after the answer format, said in a sentence)
    r"^(?:(?:single|multiple)\s+(?:answer|choice|response)s?\.\s+)?"
    r"(?:[“\"‘'][^”\"’']{2,60}[”\"’']|\[\d{1,3}\]|(?:answer\s+|code\s+)\d{1,3})\s+(?:is\s+exclusive|(?:clears|unticks|unchecks|deselects)\s+"
    r"(?:all\s+)?(?:the\s+)?other|can(?:not|['’]t)\s+be\s+combined)\b",
    re.I,
)
_END_RE = re.compile(
    r"^(?:END\s+OF\s+(?:THE\s+)?(?:SURVEY|QUESTIONNAIRE|INTERVIEW|SECTION)|"
    r"END\s+(?:SURVEY|INTERVIEW)|THANK\s+AND\s+CLOSE)\b",
    re.I,
)
TYPE_LINE_RE = re.compile(
    r"^(?:Question\s+|Response\s+|Answer\s+|Input\s+)?(?:Type|Format)\s*:\s*\S", re.I
)
_HINT_RE = re.compile(
    r"_{3,}|(?<!\.)\.{6,}+\s*$|^\s*[A-Za-z ]{0,20}:\s*_{2,}|^\(?\s*_+\s*\)?|(?:\|_{1,3}){2,}\|"
)
# (three dots, not `\.{3,}`: the same lines, and no quadratic search along a line of dots)
_CODED_END_RE = re.compile(r"(?:\t|\.{3}|…)\s*\d{1,3}\s*$")
_SECTION_RE = re.compile(
    r"^(?:SECTION|Section|PART|Part|MODULE|Module|BLOCK|Block)\b(?![-'’])\s*\S*"
    # "PARTIE 5 – SIGNALÉTIQUE", "SECCIÓN B", "CZĘŚĆ 2": the word in another language, always
    # with the part's number or letter after it
    r"|^(?:PARTIE|Partie|SECCI[ÓO]N|Secci[óo]n|SEZIONE|Sezione|PARTE|Parte|TEIL|Teil|"
    r"ABSCHNITT|Abschnitt|BLOQUE|Bloque|BLOCCO|Blocco|BLOCO|Bloco|CZĘŚĆ|Część|BAGIAN|Bagian|"
    r"DEEL|Deel|ONDERDEEL|Onderdeel)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\b(?![-'’])"
)


_NUMBERING_ID_RE = re.compile(r"(?:Question\s+)?([A-Z]{1,4}[-_.]?\d{1,3}[a-z]?)[.):]?")


@dataclass(frozen=True)
class Label:
    """A question label found at the start of a line."""

    id: str
    rest: str
    style: str  # "prefixed", "bare", "display", "given"
    #: printed with a hyphen between its letters and number ("A-1", "Q-12"): the IR id is
    #: folded to `A_1` once the logic is read (`passes/hyphen_ids.py`)
    hyphen: bool = False


def clean_id(raw: str) -> str:
    """A questionnaire label as an IR identifier: `Q1.2` → `Q1_2`, trailing dots dropped."""
    # IR ids are ASCII: accents are folded ("PRESENTACIÓN" → "PRESENTACION").
    raw = "".join(c for c in unicodedata.normalize("NFKD", raw) if not unicodedata.combining(c))
    ident = re.sub(r"^([A-Za-z]{1,4})[-_. ]+(?=\d)", r"\1", raw.strip().rstrip(".:)"))
    ident = re.sub(r"[^A-Za-z0-9_]", "_", ident)
    ident = re.sub(r"_+", "_", ident).strip("_")
    if not ident or not re.match(r"[A-Za-z_]", ident):
        ident = "Q" + ident
    return ident


def _hyphened(raw: str) -> bool:
    """`A-1`, `QS-2`, `S-3a`: letters, a hyphen, the number (not `Q26-A`, `Q1-Q5`, `1-5`)."""
    return bool(re.fullmatch(r"[A-Za-z]{1,4}-\d{1,3}[a-z]{0,2}", raw))


def find_label(line: Line) -> Label | None:
    """The question label at the start of the line, if there is one."""
    return _label_of(line.label, line.text, line.numbering, line.kind, line.level)


# The parser asks about the same line a dozen times (lookahead, batteries, rewrites): the answer
# depends only on these fields, so it is worked out once per distinct line.
@functools.lru_cache(maxsize=16_384)
def _label_of(
    given: str | None, line_text: str, numbering_text: str | None, kind: str, level: int
) -> Label | None:
    if given:
        return Label(clean_id(given), line_text, "given")
    text = re.sub(r"^\*\s*(?=[A-Z]{0,4}\d)", "", line_text)  # "* 2. …": a required mark
    if _ID_RANGE_RE.match(text):
        return None  # "Q10_1 ... Q10_8 are one matrix": a note naming a run of questions
    match = _QUESTION_WORD_RE.match(text)
    if match:
        return Label("Q" + match["n"], match["rest"], "prefixed")
    match = _PREFIXED_RE.match(text)
    if (
        match
        and re.search(r"\d[A-Z]$", match["id"])
        and not re.match(r"\s*[.):]|\t", text[match.end("id") :])
    ):
        match = None  # "B2B Data study": a capital after the number needs its mark ("Q9A.")
    if match and not _not_a_prefix(match["id"]):
        return Label(clean_id(match["id"]), match["rest"], "prefixed", _hyphened(match["id"]))
    match = _LOWER_PREFIXED_RE.match(text)
    if match:
        return Label(clean_id(match["id"]), match["rest"], "prefixed")
    match = _NAMED_FILTER_LABEL_RE.match(text)
    if match and match["id"] not in _NOT_LABELS and match["id"] not in _NOT_FILTER_NAMES:
        # "KCASI   ASK ALL": a CAPI spec's item named in capitals (no number), its filter line
        # beside the name as every numbered item has it
        return Label(clean_id(match["id"]), match["rest"], "display")
    match = _DISPLAY_RE.match(text)
    if (
        match
        and match["id"] not in _NOT_LABELS
        and _has_lower(match["rest"])
        # "ESPONTÁNEA – ANOTAR TEXTUAL. …": capitals after it are more instructions, no words
        and not _CAPS_RUN_RE.match(match["rest"])
        # "SESSION: M matinee / E evening / L late": a key of the codes a field takes, no screen
        and not _CODE_KEY_RE.match(match["rest"])
        # "NUCSW – National Union of Care and Support Workers": an acronym, then its words
        and not _spelled_out(match["id"], match["rest"])
    ):
        return Label(clean_id(match["id"]), match["rest"], "display")
    match = _BARE_DISPLAY_RE.match(text)
    if match and match["id"] in DISPLAY_WORDS:
        return Label(clean_id(match["id"]), match["rest"], "display")
    if match and (lettered := _lettered_screen(match["id"], match["rest"])):
        return Label(lettered, match["rest"], "display")  # "BINTRO<TAB>Now I would like …"
    match = _TITLE_SCREEN_RE.match(text)
    if match and len(match["rest"].split()) >= 4:
        # "Intro Welcome! This study…": a survey tool's export names the screen before its words
        return Label(clean_id(match["id"]), match["rest"], "display")
    match = _SCREEN_LABEL_RE.match(text)
    screen = screen_id(match["id"]) if match else None
    if match and screen and _has_lower(match["rest"]) and len(match["rest"].split()) >= 4:
        return Label(screen, match["rest"], "display")
    numbering = (numbering_text or "").strip()
    numbered = _NUMBERING_ID_RE.fullmatch(numbering)
    if numbered and not _not_a_prefix(numbered.group(1)):
        return Label(clean_id(numbered.group(1)), text, "prefixed", _hyphened(numbered.group(1)))
    if (
        kind in ("list_item", "heading")
        and re.fullmatch(r"\d{1,3}[.)]", numbering)
        and level <= 1
        and (kind == "heading" or level == 0)
    ):
        return Label("Q" + numbering[:-1], text, "bare")
    if _DATED_ROW_RE.match(text):
        return None
    match = _DOTTED_RE.match(text)
    if match:
        return Label(f"Q{match['n']}_{match['n2']}{match['sub'] or ''}", match["rest"], "bare")
    match = _BARE_RE.match(text)
    if match:
        return Label("Q" + match["n"] + (match["sub"] or ""), match["rest"], "bare")
    match = _OTHER_BARE_RE.match(text)
    if match:
        number, sub, rest = (
            (match["n"], match["sub"], match["rest"])
            if match["n"]
            else (match["n2"], match["sub2"], match["rest2"])
        )
        return Label("Q" + number + (sub or ""), rest, "bare")
    match = _GAP_BARE_RE.match(text)
    if match and _asks(match["rest"]):
        return Label("Q" + match["n"], match["rest"], "bare")
    return None


# In a form whose questions are numbered "(1) …?": "(5) Which …? (Mark all that apply.)" and a
# request of five words or more ending in "." or ":" ("(13) Date this form was completed:").
_LOOSE_PAREN_RE = re.compile(
    r"^\((?P<n>\d{1,3})\)\s*(?P<rest>\S.*\?.*|[A-Z]\S*(?:\s+\S+){4,}[.:])$"
)


# "(13) If you pay privately, how do you feel about" / "     what you pay?": a "(n)" question
# whose words wrap onto the next line, indented under them
_WRAPPED_PAREN_RE = re.compile(r"^\((?P<n>\d{1,3})\)\s*(?P<rest>[A-Z¿¡\"'‘“]\S*(?:\s+\S+){3,})$")


def loose_paren_label(line: Line, following: Line | None = None) -> Label | None:
    """A "(n)" label whose words do not end in "?", for documents already numbered "(n) …?"
    (or whose question wraps onto the `following` line, indented under it)."""
    match = _LOOSE_PAREN_RE.match(line.text)
    if match is None:
        return wrapped_paren_label(line, following)
    return Label("Q" + match["n"], match["rest"], "bare")


def wrapped_paren_label(line: Line, following: Line | None) -> Label | None:
    """A "(n)" question whose words go on, indented, on the `following` line (the "?" on
    either: "(6) Which of these …? Please select" / "    all that apply.")."""
    if following is None or following.is_option:
        return None
    match = _WRAPPED_PAREN_RE.match(line.text)
    if match is None or not (following.level > line.level and "?" in following.text + line.text):
        return None
    return Label("Q" + match["n"], match["rest"], "bare")


def _asks(text: str) -> bool:
    """A question, or a long request ("Please tell us about anything that…")."""
    return "?" in text or (looks_like_question(text) and len(text.split()) >= 8)


_TITLE_SCREEN_RE = re.compile(
    r"^(?P<id>Intro|Introduction|Welcome|Outro|Debrief)\s+(?P<rest>[A-Z][a-z]*[!.,:]?\s+\S.*)$"
)
_SCREEN_LABEL_RE = re.compile(
    r"^(?P<id>[A-Z]+(?:\s+[A-Z]+){0,2}\s*[.:)]|[A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*:)\s+(?P<rest>\S.*)$"
)
_SCREEN_EXTRA = frozenset({"SCREEN", "PAGE", "YOU", "THANK", "MESSAGE", "TEXT"})
_SCREEN_TITLE = frozenset(
    {"INTRO", "INTRODUCTION", "WELCOME", "CLOSE", "CLOSING", "CONSENT", "OUTRO", "THANKS", "END"}
)


_MODULE_SCREEN_RE = re.compile(r"^(?P<prefix>[A-Z]{1,2}\d{1,2}[-_.]?)(?P<name>[A-Z]{3,})$")
_LETTER_SCREEN_RE = re.compile(r"^(?P<prefix>[A-Z])(?P<name>[A-Z]{3,})$")
_END_WORDS = frozenset("BEND FEND LEND MEND REND SEND TEND VEND WEND".split())
# "FRINTRO", "FREND": a module's two letters before its opening or closing screen's word; only
# those words, and not where the whole is a word ("AMEND", "SPEND", "ENCLOSE")
_MODULE_LETTERS_RE = re.compile(r"^(?P<prefix>[A-Z]{2})(?P<name>INTRO|END|CLOSE|OUTRO)$")
_TWO_LETTER_WORDS = frozenset("AMEND EMEND UPEND SPEND BLEND TREND FIEND ENCLOSE".split())


def _letters_screen(ident: str) -> str | None:
    """ "CINTRO" → CINTRO, "FREND" → FREND: a section's or module's letters before a screen's
    word, as one id; None for anything else."""
    letter = _LETTER_SCREEN_RE.match(ident) if ident not in _END_WORDS else None
    if letter and letter["name"] in DISPLAY_WORDS:
        return letter["prefix"] + clean_id(letter["name"])
    if ident not in _TWO_LETTER_WORDS and _MODULE_LETTERS_RE.match(ident):
        return ident
    return None


def _lettered_screen(ident: str, rest: str) -> str | None:
    """A section's own screen named by its letter and the screen's word before its sentence
    ("CINTRO Now I would like …"); "BEND", "SEND" are words, so an end screen only where its
    sentence thanks ("BEND Thank you. Those are all …")."""
    if ident in _END_WORDS:
        return ident[0] + "END" if re.match(r"thank", rest, re.I) else None
    return _letters_screen(ident)


def _spelled_out(acronym: str, words: str) -> bool:
    """True when `words` open with the capitalised words whose initials spell `acronym` (small
    joining words such as "of", "and" between them)."""
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’&-]*", words.split("(")[0]))
    return len(acronym) >= 3 and initials.upper().startswith(acronym.upper())


def screen_id(words: str) -> str | None:
    """The id of an information screen named by `words` ("INTRO", "Info screen", "[THANK YOU
    SCREEN]"), or None when the words are not a screen's name."""
    raw = words.strip().strip("[]()<>").strip().rstrip(":.)")
    # ("Introduction text (shown on the first screen):": where it shows, in brackets, after)
    raw = re.sub(r"^([^()]{3,40}?)\s*\([^()]{3,60}\)?\s*:?$", r"\1", raw)
    module = _MODULE_SCREEN_RE.match(raw)  # "M3INTRO", "S2_END": a module's own screen
    if module:
        named = screen_id(module["name"])
        return clean_id(module["prefix"]) + named if named else None
    # "CINTRO", "CEND": a section letter before the screen's word (not "SEND", "LEND")
    lettered = _letters_screen(raw)
    if lettered:
        return lettered
    parts = raw.upper().split()
    if not parts or len(parts) > 3 or not all(p in DISPLAY_WORDS | _SCREEN_EXTRA for p in parts):
        return None
    if not any(p in DISPLAY_WORDS or p == "THANK" for p in parts) or parts == ["TEXT"]:
        return None
    if raw != raw.upper() and not (len(parts) > 1 or parts[0] in _SCREEN_TITLE):
        return None  # "Text:", "Message:" in lower case are field labels
    if len(parts) == 3 and parts[0] in _SCREEN_TITLE and parts[2] == "SCREEN" and parts[1] != "YOU":
        return parts[0]  # "INTRO TEXT SCREEN": the screen's name, then the kind of screen it is
    return clean_id("_".join(parts))  # ids are ASCII: "BEGRÜSSUNG" → "BEGRUSSUNG"


def _not_a_prefix(ident: str) -> bool:
    letters = re.match(r"[A-Z]+", ident)
    return letters is not None and letters.group(0) in _NOT_PREFIXES


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


_CAPS_FIELD_RE = re.compile(r"^[A-Z][A-Z /'’-]{0,30}:\s*_{3,}\s*$")
#: words, then a bare code as the only other cell: an answer table's row
_CODE_CELL_RE = re.compile(r"^[^\t\d][^\t]*\t+\d{1,3}\s*$")
# "N.S./N.C. 9 → PASAR A P12": a few capitals (no "CODE 2 →" / "IF …" routing note), a code, an
# arrow
_CAPS_ANSWER_ROUTED_RE = re.compile(
    r"^(?!(?:CODES?|CODIGOS?|CÓDIGOS?|CODICI|CODICE|KODY?|IF|SI|SE|ALS|WENN|FALLS|JEŚLI)\b)"
    r"[^\W\d_][^\d→]{0,24}?\s+\d{1,3}\s*(?:→|->|=>)\s*\S"
)
# "11. PIPED INTO DWELLING  -> GO TO HH6", "2) NO → END": a code, an answer in capitals, then its
# routing (the answer, as "[2] NO" is; not a numbered note "2. IF NO -> …")
_CODE_FIRST_ROUTED_RE = re.compile(
    r"^\(?\d{1,3}[.)]\s+(?!(?:IF|ASK|GO|SKIP|CODE|NOTE|THEN)\b)[A-Z][^→>]{0,60}?\s+(?:→|->|=>)\s*\S"
)
_QUOTED_RE = re.compile(r'"[^"]{0,120}"|“[^”]{0,120}”')
# a survey tool's printout names each question's format in parts set apart by middle dots
_FORMAT_PART_RE = re.compile(
    r"(?:multiple|single)\s+(?:choice|answers?|lines?|selection)|matrix(?:\s+table)?|likert|"
    r"drop-?down(?:\s+list)?|text\s+entry|essay|form\s+field|slider|rank\s+order|"
    r"drag\s+and\s+drop|constant\s+sum|side\s+by\s+side|net\s+promoter(?:\s+score)?|nps|"
    r"horizontal|vertical|multi-?lines?|required|optional|email|numeric|number|date|validated|"
    r"(?:whole|decimal)\s+numbers?(?:\s+only)?|"  # a field's properties: "Optional · validated"
    r"(?:min|max)(?:imum)?\s*:?\s*-?\d{1,7}",
    re.I,
)


def _tool_format_line(text: str) -> bool:
    parts = [p.strip() for p in text.split("·")]
    return len(parts) >= 2 and all(_FORMAT_PART_RE.fullmatch(p) for p in parts)


_COLUMN_HEAD_RE = re.compile(r"(?:CODES?|PUNCH(?:ES)?|COL(?:UMN)?)\s*:?")
_MODE_TAG_RE = re.compile(r"(?:MULTI(?:PLE)?|SINGLE)(?:[- ]?(?:CODE|CHOICE|RESPONSE|SELECT))?\.?")


def is_instruction(line: Line) -> bool:
    """True for a line that is wholly for the programmer or interviewer, not the respondent."""
    if line.whole_instruction:
        return True
    text = line.text
    if not text:
        return False
    if _INSTRUCTION_START_RE.match(text) and (is_caps_instruction(text) or ":" in text[:20]):
        return True
    if _INSTRUCTION_START_RE.match(text) and is_caps_instruction(_QUOTED_RE.sub(" ", text)):
        return True  # 'DO NOT READ OUT. PROBE: "Anything else?"': the quote is said as written
    if _ROUTING_RE.match(text) or _END_RE.match(text) or TYPE_LINE_RE.match(text):
        return True
    english = to_english(text) if not line.is_option else text
    if english != text and (_ROUTING_RE.match(english) or _END_RE.match(english)):
        # "Responda solo si en la pregunta 6 ha marcado …": a routing note in the document's
        # own language, said to the respondent in sentence case
        return True
    if _QUOTED_ANSWER_RULE_RE.match(text):
        return True  # "'None of these' clears the other boxes.": a rule about one answer
    if _tool_format_line(text):
        return True  # "Multiple choice · Multiple answer": the survey tool's type, not words
    if _COLUMN_HEAD_RE.fullmatch(text):
        return True  # "CODE" alone over the column of codes at the right: the column's heading
    if _MODE_TAG_RE.fullmatch(text):
        return True  # "MULTI" on a line of its own among the answers: how many may be chosen
    if _WIDGET_NOTE_RE.search(text) and len(text.split()) <= 12 and not text.endswith("?"):
        return True  # "Show as a drop-down list.", "Multi-line text box.": how to build it
    if BARE_CONDITION_RE.match(text) and not line.is_option:
        return True  # "IF Q2=2": whom the next question is for
    if re.fullmatch(r"\([^()]{3,60}\)", text) and not re.match(r"\(\s*\d", text):
        return True
    if re.fullmatch(r"\([A-Z]{1,3}\d{1,3}[a-z]?\s*=\s*\d[^()]{0,300}\)", text):
        return True  # "(C4 = 2 only. Note …)": whom it is for, with a note, wrapped in brackets
    if re.match(r"[-–]{2}\s+\S", text) and not line.is_option:
        return True  # "-- C4 is only for …", "-- end of script --": a plain-text form's aside
    if TESTS_ONLY_RE.fullmatch(text):
        return True  # "B2 = 2 and C1 = 4" on a line of its own: a filter's tests
    if not line.is_option and group_filter(text):
        return True  # "Not for those who said 'Rarely' at Q3": whom the question is for
    if _CAPS_FIELD_RE.match(text):
        return False  # "JOB TITLE: ______": a box's label in capitals, not a note
    if _CODE_CELL_RE.match(line.spaced or line.raw):
        return False  # "SSC / HSC<TAB>4": an answer in capitals, its code in a cell of its own
    if re.match(r"^\[\d{1,3}\]\s+[A-Z]", text):
        return False  # "[8] DON'T KNOW": an answer in capitals after its bracketed code
    if _CODE_FIRST_ROUTED_RE.match(text):
        return False  # "11. PIPED INTO DWELLING  -> GO TO HH6": the same answer, its code first
    if _CAPS_ANSWER_ROUTED_RE.match(text):
        return False  # "DK 9 → GO TO Q12": an answer in capitals, its code, then its routing
    if re.match(rf"[{BOXES}]\s*[A-Z]", text):
        return False  # "☐ HIIT": an answer in capitals after its tick box
    return is_caps_instruction(text) and len(text.split()) >= 2 and not line.is_option


def is_routing(text: str) -> bool:
    """True for an instruction that routes: IF … GO TO, ASK IF, ONLY ANSWER … IF."""
    return bool(_ROUTING_RE.match(text)) or bool(re.match(r"^ASK\s+IF\b", text, re.I))


# "Date: / /", "__/__/____", "DD MM YYYY": the boxes of a date, as a paper form prints them.
_DATE_BOX_RE = re.compile(
    # "____ / ____ / ________   (day / month / year)": the boxes with their key
    r"^\s*(?:[A-Za-z ]{1,20}:)?\s*_*\s*/\s*_*\s*/\s*_*\s*"
    r"(?:\((?:[A-Za-z]+\s*/\s*){2}[A-Za-z]+\))?\s*$|"
    r"^\s*(?:DD|MM|JJ)\s*[/.\-]?\s*(?:MM|DD)\s*[/.\-]?\s*(?:YYYY|YY|AAAA|JJJJ)\s*$|"
    r"^\s*(?:MM|YYYY)\s*[/.\-]?\s*(?:YYYY|MM)\s*$"
)
# "Email:", "Amount:", "€ (0–5000):": a box's label alone on its line, the box to fill after it.
_FIELD_LABEL_RE = re.compile(
    r"^\s*(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,2}|[€$£%#])\s*(?:\([^()]{1,20}\))?\s*:$"
)


# "Day __ __   Month __ __": one blank per digit, set apart by spaces
_DIGIT_PAIRS_RE = re.compile(r"(?<!_)_{1,2} _{1,2}(?!_)")


def is_hint(line: Line) -> bool:
    """True for an answer-box hint: `______ years`, `Email: ____`, `Date: / /`."""
    if is_date_box(line.text):
        return True
    boxes = _HINT_RE.search(line.text) or _DIGIT_PAIRS_RE.search(line.text)
    # "£ ____ a month (whole pounds, 1 to 500)": the bracketed range is the box's note
    words = re.sub(r"\s*\([^()]*\d[^()]*\)\s*$", "", line.text).replace("_", "").split()
    return bool(boxes) and len(words) <= 6


def is_field_label(text: str) -> bool:
    """True for a box's label alone on its line ("Email:", "€ (0–5000):")."""
    return bool(_FIELD_LABEL_RE.match(text))


# "D D M M Y Y Y Y": a paper form's date boxes keyed one letter under each box
_SPACED_DATE_KEY_RE = re.compile(
    r"^(?:(?:[DJT]\s+){1,2}[/.\-]?\s*(?:M\s+){1,2}|(?:M\s+){1,2}[/.\-]?\s*(?:[DJT]\s+){1,2})"
    r"[/.\-]?\s*(?:[YJA]\s+){1,3}[YJA]$"
)


def is_date_box(text: str) -> bool:
    """True for the printed boxes of a date ("Date: / /", "DD MM YYYY", "D D M M Y Y Y Y")."""
    return bool(_DATE_BOX_RE.match(text) or _SPACED_DATE_KEY_RE.match(text.strip()))


def section_word(text: str, heading: bool = False) -> bool:
    """True for a line that opens with SECTION / PART / MODULE / BLOCK and a short name (any
    name in a heading's style, which may say whom the section is for)."""
    return bool(_SECTION_RE.match(text)) and (heading or len(text.split()) <= 12)


_BRACKETED_CODE_END_RE = re.compile(r"[\[(]\d{1,3}[\])]$")


def _words_then_bracketed_code(text: str) -> bool:
    """True for words ending in a lower-case word, a space and a code in brackets ("Part of it
    [2]"); scanned from the end so that a long word costs one pass."""
    tail = text.rstrip()
    code = _BRACKETED_CODE_END_RE.search(tail[-7:])
    if code is None:
        return False
    before = tail[: len(tail) - 7 + code.start()] if len(tail) > 7 else tail[: code.start()]
    if not before or not before[-1].isspace():
        return False
    words = before.rstrip()
    start = len(words)
    while start > 0 and (words[start - 1].isalnum() or words[start - 1] in "_'’,."):
        start -= 1
    return any("a" <= c <= "z" for c in words[start:])


def is_section(line: Line) -> bool:
    """True for a section heading (a heading block or `SECTION A: …`)."""
    if line.kind == "heading":
        return True
    if _CODED_END_RE.search(line.spaced or line.raw):
        return False  # "Part rent and part mortgage<TAB>3": a coded answer, not a part heading
    if _words_then_bracketed_code(line.text):
        return False  # "Part of it [2]": an answer with its code in brackets after its words
    if _NAMED_BLOCK_RE.match(line.text) and not (line.code or line.is_option or line.label):
        return True  # "Kitchen / bathroom block": a spec's title over a block of questions
    return bool(_SECTION_RE.match(line.text)) and len(line.text.split()) <= 12


_NAMED_BLOCK_RE = re.compile(
    r"^[A-Z][\w&'’-]*(?:\s*/\s*|\s+)(?:[\w&'’-]+(?:\s*/\s*|\s+)){0,3}block$"
)


def looks_like_question(text: str) -> bool:
    """True for text written as a question or a request to the respondent."""
    text = collapse(text)
    if not text:
        return False
    if "?" in text:
        return True
    return (
        bool(
            re.match(
                r"^(?:Please|Thinking|In (?:the|a|your)|On a scale|Overall|How|What|Which|Why|"
                r"When|Where|Who|"
                r"Do|Does|Did|Are|Is|Have|Has|Would|Could|Can|Rate|Rank|Tell|List|Describe|Enter|"
                r"Select|Tick|Indicate|Write|Record|If you)\b",
                text,
            )
        )
        and len(text.split()) >= 4
    )
