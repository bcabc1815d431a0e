"""Question type inference from instructions, wording, options and layout."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fielder.compiler.entry_boxes import roster
from fielder.compiler.spec_screens import only_tells
from fielder.ir.models import Option

_MULTI_TEXT_RE = re.compile(
    r"\b(?:select|tick|check|choose|mark|circle|code|pick)\s+(?:all|any|as\s+many)\b|"
    # "more than one" counts answers only where it is about answering ("You can choose more than
    # one day", "more than one answer is fine"); "If you have more than one child …", "a gap of
    # more than one working day" tell who answers about what, not how many answers
    r"\ball\s+that\s+apply\b|"
    r"\b(?:give|choose|select|tick|check|mark|pick|circle|name|code|record)\s+more\s+than\s+one\b|"
    r"\bmore\s+than\s+one\s+(?:answer|response|reply|option|box|choice|selection|code|mention)s?\b|"
    r"\(\s*more\s+than\s+one\s+(?:is\s+)?(?:possible|allowed|ok)\s*\)|"
    r"\bup\s+to\s+(?:\d+|two|three|four|five)\b|"
    r"\bas\s+many\s+as\s+(?:apply|you\s+like)\b|\bmultiple\s+answers\b|\bmulti[- ]?select\b|"
    r"\bselect\s+multiple\b|\bmultiple\s+(?:choices|selections|responses)\s+(?:allowed|possible)\b|"
    # Swedish, Norwegian, Danish: "Flera alternativ kan markeras", "Flere svar mulig"
    r"\bfler[ae]\s+(?:svar|alternativ(?:er)?|rutor|kryds|kryss)\b|"
    # German "Mehrfachnennungen möglich", French "plusieurs réponses possibles", Spanish and
    # Portuguese "varias respuestas", "várias respostas", "resposta múltipla"
    r"\bmehrfachnennungen?\b|\bmehrere\s+antworten\b|\bplusieurs\s+r[ée]ponses\b|"
    r"\bv[áa]rias\s+respu?estas\b|\brespu?esta\s+m[úu]ltipla\b|"
    # "Puede marcar varias opciones", "Marque todas las que correspondan"
    r"\bvarias\s+opciones\b|\bmarque\s+todas\b|\btodas\s+las\s+que\s+correspondan\b|"
    r"\b(?:select|tick|check|choose|mark|circle|pick)\s+one\s+or\s+more\b|"
    # "(you may choose several answers)"; Vietnamese "(có thể chọn nhiều đáp án)"
    r"\b(?:may|can)\s+(?:choose|select|tick|mark|pick|give)\s+(?:several|multiple|many)\b|"
    r"\bchọn\s+nhiều\b",
    re.I,
)
# "Which type(s) of device…", "What format(s)…": the ask allows more than one answer.
_PLURAL_ASK_RE = re.compile(r"^(?:which|what)\b[^?]*?\b[a-z]{3,}\(s\)", re.I)
# "rank", "in order of preference", "put them in order of how important they are",
# "number them in order", "from 1 for the most important to 5 for the least important"
_RANK_TEXT_RE = re.compile(
    # ("Drag these into order of importance": a web form's drag-and-drop ranking)
    r"\brank\b|\bin(?:to)?\s+order\s+of\s+(?:preference|importance)\b|"
    r"\b(?:put|place|number|list|sort|drag|move)\s+(?:them|these(?:\s+\w+)?|the\s+\w+|each)\s+"
    r"in(?:to)?\s+"
    r"(?:the\s+)?order\b|"
    r"\b1\s+(?:for|=|is|being)\s+(?:the\s+)?most\s+(?:important|interesting|appealing|useful)\b|"
    # "from 1 (most important) to 5 (least important)": both ends of the order in brackets
    r"\b1\s*\(\s*(?:the\s+)?(?:most|best)\s+\w+\s*\)\s*(?:to|-|–)\s*\d{1,2}\s*\(\s*(?:the\s+)?"
    r"(?:least|worst)\b|"
    # "write 1 in the box next to the most important, 2 next to the second …": numbers written
    # against the answers in order
    r"\b(?:write|put|enter|place|mark)\s+(?:a\s+|the\s+number\s+)?[\"'“‘]?1[\"'”’]?\s+"
    r"(?:in|next\s+to|beside|against|by|for)\b[^.?]{0,80}?\b(?:most|best|favourite|first)\b"
    r"[^.?]{0,80}?[\"'“‘]?2[\"'”’]?\b|"
    # best-worst (MaxDiff): "which is the MOST important … and which is the LEAST important?"
    r"\bwhich\b[^?]{0,80}?\b(?:most|best)\b[^?]{0,80}?\bwhich\b[^?]{0,40}?\b(?:least|worst)\b|"
    # read-out top choices: "Which matters most? And which next?" asks for an order
    r"\b(?:most|best|first)\b[^?]{0,40}\?\s*(?:and\s+)?(?:which|what)\s+(?:one\s+)?(?:next|second)\b",
    re.I,
)


def asks_to_rank(text: str) -> bool:
    """True when the words ask for the answers to be put in order."""
    return bool(_RANK_TEXT_RE.search(text))


_SUM_TEXT_RE = re.compile(r"\b\d+\s+points\b|\bdistribute\b|\ballocate\b|\badd\s+up\s+to\b", re.I)
_DROPDOWN_TEXT_RE = re.compile(r"\bdrop[- ]?down\b", re.I)
# (Spanish "correo electrónico", French "courriel", Portuguese "endereço de e-mail")
# ("What's your email so we can send your card?": asked for as a question of its own)
_GIVE_EMAIL_RE = re.compile(
    r"(?:\b(?:leave|give|enter|write|put|type|add|share|tell\s+us)\s+(?:us\s+|me\s+)?|"
    r"^\W*what(?:['’]s|\s+is)\s+)"
    r"(?:your|an|a)\s+(?:contact\s+)?e-?mail\b(?!\s+(?:preferences?|settings?|newsletters?|"
    r"provider|app|client|account\s+with)\b)",
    re.I,
)
_EMAIL_RE = re.compile(r"\be-?mail\b|\bcorreo\s+electr[óo]nico\b|\bcourriel\b", re.I)
_DATE_RE = re.compile(
    r"\b(?:date|when\s+(?:were\s+you\s+born|did)|when\s+(?:was|were)\s+[^?]{1,20}?\s+born|"
    r"birthday|dd/mm|mm/dd|(?:what|which)\s+month\s+and\s+year)\b",
    re.I,
)
_NUMBER_TEXT_RE = re.compile(
    r"\bhow\s+many\b|\bhow\s+old\b|\bwhat\s+(?:(?:is|was)\s+your\s+)?age\b|\b(?:is|was)\s+\S+['’]s\s+age\b|(?<!phone\s)\bnumber\s+of\b|\bhow\s+much\s+"
    r"(?:money|did|do|would|have)\b|\bhow\s+much\b[^?]{0,60}?\b(?:pay|pays|paid|spend|spends|spent)\b|\bhow\s+long\b.*\b(?:years|months|minutes|hours)\b|"
    r"\(in\s+(?:years|months|weeks|days|hours|minutes|euros?|dollars?|pounds?|[$£€%])\)|"
    # "how many" in other languages: German "Wie viele Tage", "Wie alt"; French "Combien";
    # Portuguese "Quantos", Italian "Quanti"
    r"\bwie\s+viele[nr]?\b|\bwie\s+alt\b|\bcombien\b|\bquant[oa]s\b|\bquant[ei]\b|"
    r"\bedad\b|\bcu[aá]nt[oa]s\b|\bin\s+(?:what|which)\s+year\b|\b(?:what|which)\s+year\b|^(?:your\s+|exact\s+)?age\b|\bmost\s+you\s+would\b.*\bpay\b|\bpercentage\b|\bhow\s+often\b.*\bper\b",
    re.I,
)
# "What is your weight in kilograms?", "(enter a number from 30 to 250)": a measure asked in
# its unit, or a number asked for outright.
_MEASURE_RE = re.compile(
    r"\bin\s+(?:kilo(?:gram(?:me)?)?s|kg|grams|(?:centi|milli)?met(?:re|er)s|cm|inches|feet|stones?|"
    r"pounds|lbs|litres|liters|kilomet(?:re|er)s|km|miles)\b|"
    r"\b(?:enter|write(?:\s+in)?|give|type)\s+(?:a|the|one)\s+(?:whole\s+)?number\b",
    re.I,
)
_NUMBER_HINT_RE = re.compile(
    r"\b(?:years?|months?|days?|hours?|minutes?|times|people|number|amount|age|\$|£|€|%|kg|cm|km|"
    # (and the units written in Vietnamese: "......... tuổi", "... ngày")
    r"weeks?|nights?|tuổi|năm|tháng|tuần|ngày|giờ|phút|người|lần|"
    r"miles?)\b|[$£€%#]|\(\s*-?\d+\s*(?:-|–|to)\s*\d+\s*\)|\[_+(?:\|_+)+\]",
    re.I,
)
# "____ Jahre", "____ horas", "___. Semester": a box's unit, or an ordinal's dot, in other languages
_UNIT_HINT_RE = re.compile(
    r"\b(?:Jahren?|Stunden|Minuten|Tagen?|Wochen|Monaten?|Personen|años|horas|minutos|días|dias|"
    r"semanas|meses|veces|personas|ans|heures|jours|semaines|mois|fois|personnes|anni|minuti|"
    r"giorni|settimane|mesi|volte|persone|jaar|jaren|uur|uren|dagen|weken|maanden|keer|yıl|"
    r"dakika|gün|hafta|kişi|år|timmar|timer|minuter|minutter|dagar|dager|dage|veckor|uker|"
    r"uger|månader|måneder|gånger|ganger|gange|personer)\b|(?<!_)_{3,}+\s*\.\s+\w",
    re.I,
)
_TEXT_FIELD_RE = re.compile(
    r"\b(?!(?:years?|months?|weeks?|days?|hours?|minutes?|nights?|times|age)\s*:)[a-z]{4,}\s*:\s*_",
    re.I,
)
_IDENTIFIER_RE = re.compile(
    r"\b(?:post\s*code|postal\s+code|zip(?:\s*code)?|(?:tele)?phone\s+number|mobile\s+number|"
    # a postcode in the questionnaire's language
    r"code\s+postal|c[óo]digo\s+postal|codice\s+postale|postleitzahl)\b",
    re.I,
)
_SHORT_TEXT_RE = re.compile(
    # "name" the noun, not the verb ("Please name up to five")
    r"\b(?:zip|post\s*code|postal\s+code|code\s+postal|c[óo]digo\s+postal|codice\s+postale|"
    r"postleitzahl|(?<!please\s)name(?!\s+(?:up\s+to|all|any|as\s+many|"
    r"one|two|three|four|five|some)\b)|order\s+number|reference|phone|telephone|mobile|"
    r"job\s+title|occupation|which\s+brand|what\s+brand|city|town|country|street|address|"
    r"citizenship|nationality|"
    r"website|url|model|tell\s+us\s+(?:who|which))\b",  # "Tell us who": a name to write
    re.I,
)
_LONG_TEXT_RE = re.compile(
    r"\b(?:why|describe|explain|comments?|suggestions?|tell\s+us(?!\s+(?:who|which)\b)|"
    r"anything\s+else|in\s+your\s+own\s+words|"
    # "Enumerator: note anything unusual about this interview": an observation written out
    r"(?:note|record|describe)\s+anything\b|"
    # "What is the main reason you might leave?", "If you could change one thing …": a reason
    # or a wish, written out
    r"what\s+(?:is|was|are|were)\s+the\s+(?:main\s+)?reasons?|change\s+one\s+thing)\b"
    # a depth interview's invitations to talk: "Tell me about …", "Talk me through …"
    r"|^(?:please\s+)?(?:tell\s+me\s+(?:about|more|how|what|why)|(?:talk|walk)\s+(?:me|us)\s+through)\b"
    # "Do you have any allergies we should know about?" over a box: name and describe them
    r"|^(?:do|did|does)\s+(?:you|they)\s+have\s+any\b|^(?:are|were)\s+there\s+any\b"
    r"|^is\s+there\s+anything\b|\b(?:should|need\s+to|ought\s+to)\s+know\s+about\b"
    # a wish for a change, written out: "What would need to change for you to …?", "What would
    # make your work easier?", and the same in German ("Was müsste sich ändern, …?")
    r"|\bwhat\s+would\s+(?:need|have)\s+to\s+change\b|\bwas\s+m[üu]sste\s+sich\b[^?]{0,40}\b[äa]ndern"
    r"|\bwhat\s+would\s+make\b[^?]{0,80}\b(?:easier|better)\b"
    r"|\bwas\s+w[üu]rde\b[^?]{0,80}\b(?:erleichtern|verbessern)\b"
    # "why" and "anything else" in the languages of the drafts: "Warum …?", "¿Por qué …?",
    # "Por que você …?", "Pourquoi …?", "Perché …?", "Waarom …?", "… sonst noch etwas …?"
    r"|\b(?:warum|wieso|weshalb|pourquoi|waarom)\b|\bpor\s+qu[eéê]\b|(?<!\w)perch[ée](?!\w)"
    r"|\bsonst\s+noch\s+etwas\b|\bmais\s+alguma\s+coisa\b|\bautre\s+chose\b",
    re.I,
)
# Asks for comments or reasons: a comment box even when a place or a name is mentioned
# ("any other comments on … the town centre?").
_COMMENT_RE = re.compile(
    r"\b(?:why|describe|explain|comments?|suggestions?|in\s+your\s+own\s+words)\b", re.I
)
_WHICH_NAME_RE = re.compile(
    r"^which\s+(?!of\b)\w+\s+(?:did|do|does|have|has|is|was|are|were)\b", re.I
)
_DISPLAY_TEXT_RE = re.compile(r"\b(?:thank\s+you|welcome|please\s+read|introduction)\b", re.I)

#: instruction type words, most decisive first.
_PRIORITY = (
    "display",
    "grid",
    "grid_multi",
    "constant_sum",
    "ranking",
    "dropdown",
    "date",
    "email",
    "number",
    "long_text",
    "text",
    "open",
    "multi",
    "single",
    "scale",
)


@dataclass
class TypeDecision:
    """The type chosen, with the reason where fielder was unsure."""

    type: str
    unsure: str | None = None
    multiple_per_row: bool = False


_SPECIAL_POINT_RE = re.compile(
    r"^(?:don['’]?t\s+know|do\s+not\s+know|not\s+sure|refused|prefer\s+not|n/?a\b|not\s+applicable|"
    r"dk\b|ref\b|can['’]?t\s+say|"
    # the same in Spanish, French, German and Dutch questionnaires ("NS/NR", "Weet niet")
    r"ns\s*/\s*n[rc]\b|no\s+sab[eé]|no\s+respond|ne\s+sait\s+pas|nsp\b|wei(?:ß|ss)\s+nicht|"
    r"weet\s+(?:ik\s+)?niet|"
    # Turkish ("Bilmiyor/Fikri yok", "Cevap yok", "Reddetti")
    r"bilmiyor|fikri\s+yok|fikrim\s+yok|cevap\s+yok|yan[ıi]t\s+yok|reddetti)",
    re.I,
)
# The codes kept apart for never-read answers after a scale's points (97/98/99, 77/88, 999)
_SPECIAL_CODE_RE = re.compile(r"^(?:77|88|9[6-9]|777|888|99[6-9]|9999)$")


_COUNT_ASK_RE = re.compile(r"\bhow\s+many\b(?!\s+(?:stars|points)\b)", re.I)


def is_scale(options: list[Option]) -> bool:
    """True for consecutive numeric codes with words on at most a few points (1-10, 0-10);
    a trailing "Don't know" / "Refused" does not stop a scale being one."""
    while (
        options
        and (_SPECIAL_POINT_RE.match(options[-1].label) or _SPECIAL_CODE_RE.match(options[-1].code))
        and options[-1].label != options[-1].code
    ):
        options = options[:-1]
    if len(options) < 4 or len(options) > 12:
        return False
    try:
        codes = [int(o.code) for o in options]
    except ValueError:
        return False
    if codes != list(range(codes[0], codes[0] + len(codes))) or codes[0] not in (0, 1, -3, -2, -5):
        return False
    bare = sum(1 for o in options if not o.label or o.label.strip() == o.code)
    return bare >= len(options) - 3 and bare >= 1


def _points(options: list[Option]) -> bool:
    """Three to eleven answers coded by consecutive numbers."""
    codes = [o.code for o in options]
    if not 3 <= len(codes) <= 11 or not all(c.isdigit() for c in codes):
        return False
    return [int(c) for c in codes] == list(range(int(codes[0]), int(codes[0]) + len(codes)))


# "None of these (exclusive)", "Do not contact me (tick this box on its own)": given alone
_ALONE_TAG_RE = re.compile(
    r"\(\s*(?:exclusive|[^()]*\b(?:on\s+its\s+own|by\s+itself|alone)\b)\s*\)\s*$", re.I
)


def infer_type(
    words: list[str],
    text: str,
    options: list[Option],
    hints: list[str],
    *,
    has_grid: bool,
    is_display_label: bool,
    default_single: bool,
    labelled: bool = False,
) -> TypeDecision:
    """The question's type from its instruction words, wording, options and hints."""
    named = [w for w in _PRIORITY if w in words]
    if has_grid:
        multi = "grid_multi" in named or ("multi" in named and "single" not in named)
        return TypeDecision("grid", multiple_per_row=multi)
    if not options:
        return _no_options(named, text, hints, is_display_label, labelled)
    for word in ("constant_sum", "ranking", "dropdown"):
        if word in named:
            return TypeDecision(word)
    if "multi" in named:
        return TypeDecision("multi")
    if is_scale(options) and not _COUNT_ASK_RE.search(text):
        return TypeDecision("scale")  # "How many of the last six …?" over 1 … 6 counts, not rates
    if "scale" in named and "single" not in named and _points(options):
        return TypeDecision("scale")  # "RATING SCALE" over "1 star" … "5 stars": named a scale
    if "single" in named:
        return TypeDecision("single")
    if _RANK_TEXT_RE.search(text):
        return TypeDecision("ranking")
    if _SUM_TEXT_RE.search(text):
        return TypeDecision("constant_sum")
    if _MULTI_TEXT_RE.search(text) or _PLURAL_ASK_RE.search(text):
        return TypeDecision("multi")
    if _DROPDOWN_TEXT_RE.search(text):
        return TypeDecision("dropdown")
    if len(options) >= 30:
        return TypeDecision(
            "dropdown", unsure=f"A list of {len(options)} answers; shown as a drop-down."
        )
    if any(o.exclusive or _ALONE_TAG_RE.search(o.label) for o in options) and not is_scale(options):
        # "4 – None of these (exclusive)": an answer given on its own says the others may be
        # given together
        return TypeDecision("multi")
    unsure = None
    if (
        not default_single
        and re.search(
            r"\bwhich\b.*\b(?:of\s+(?:the\s+following|these)|do\s+you|have\s+you)\b", text, re.I
        )
        and not re.search(r"\b(?:one|best|most|main|single)\b", text, re.I)
    ):
        unsure = "No instruction said single or multiple; took single."
    return TypeDecision("single", unsure=unsure)


def _no_options(
    named: list[str], text: str, hints: list[str], is_display_label: bool, labelled: bool
) -> TypeDecision:
    hint = " ".join(hints)
    if (
        _IDENTIFIER_RE.search(text)
        and not _NUMBER_TEXT_RE.search(text)
        and set(named) <= {"number", "open", "text"}
    ):
        # a postcode or phone number, in digit boxes, open or on one line ("RECORD NUMBER. ONE
        # LINE."), is text
        return TypeDecision("text")
    # (a Chinese or Japanese sentence has no spaces: its full stop "。" says it is no label)
    field_label = (
        len(text.split()) <= 6 and not re.search(r"[?？]", text) and not text.endswith((".", "。"))
    )
    if (
        {"long_text", "text", "open"} & set(named)
        and field_label
        and not _LONG_TEXT_RE.search(text)
    ):
        # A bare field label ("Email Address", "First Name") under a generic open-answer type.
        if _EMAIL_RE.search(text):
            return TypeDecision("email")
        if _DATE_RE.search(text):
            return TypeDecision("date")
        return TypeDecision("text")
    if "text" in named and not {"email", "number", "date", "long_text"} & set(named):
        if only_tells(text):
            return TypeDecision("display")  # "[D1] TEXT" over words that ask nothing
    for word in ("display", "date", "email", "number", "long_text", "text"):
        if word in named:
            return TypeDecision(word)
    # (also a screen ending in a question with no box nor answers: "… May I ask you a few
    # questions?" closing an interviewer's introduction)
    if is_display_label and ("?" not in text or not hints):
        # A screen's words may ask in passing ("Could you spare two minutes? …") yet want none
        return TypeDecision("display")
    if roster(hints):
        return TypeDecision("long_text")  # the same numbered write-in line for each person
    # "____@____": a write-in box with an at sign is an email address in any language
    if (
        _EMAIL_RE.search(hint)
        or re.search(r"_\s*@\s*_", hint)
        or (_EMAIL_RE.search(text) and ("address" in text.lower() or len(text.split()) <= 4))
        # a field's label naming an e-mail ("Contact email for our sales team"), no sentence
        or (_EMAIL_RE.search(text) and field_label)
        # "Leave your email if you'd like the newsletter.": asked for by a verb of giving
        or _GIVE_EMAIL_RE.search(text)
    ):
        return TypeDecision("email")
    if (
        # "What was your age on your last birthday?" asks an age, not a date
        # ("What was [NAME2]'s age last birthday?": the same for a person in the roster)
        (
            _DATE_RE.search(text)
            and not re.search(r"\bhow\s+old\b|(?:\byour|['’]s)\s+age\b", text, re.I)
        )
        or re.search(r"\b(?:DD|MM|YYYY)\b", hint)
        or re.search(r"\bmonth\s*/\s*day\s*/\s*year\b|\bday\s*/\s*month\s*/\s*year\b", hint, re.I)
        or any(re.fullmatch(r"[A-Za-z ]{0,20}:?[\s_]*/[\s_]*/[\s_]*", h) for h in hints)
    ):
        return TypeDecision("date")
    if re.search(r"\byear\s+of\s+birth\b|\bbirth\s+year\b", text, re.I):
        return TypeDecision("number")  # four boxes to write the year in, "write in" or not
    number_hint = _NUMBER_HINT_RE.search(hint) or _UNIT_HINT_RE.search(hint)
    # ("Name: ____" is a labelled text box; "Years: ____" names the unit the number is in)
    if hint and number_hint and not _TEXT_FIELD_RE.search(hint):
        return TypeDecision("number")
    if "open" not in named and (_NUMBER_TEXT_RE.search(text) or _MEASURE_RE.search(text)):
        return TypeDecision("number")
    asked = re.sub(r"\[[^\]]{1,30}\]", " ", text)  # "[country]" is piped in, not asked for
    # ("… should know about this address?" over a free-text box: a comment, not an address)
    commented = "open" in named and _LONG_TEXT_RE.search(text)
    if _SHORT_TEXT_RE.search(asked) and not _COMMENT_RE.search(text) and not commented:
        return TypeDecision("text")
    blank_lines = [h for h in hints if not re.search(r"[A-Za-z0-9]", h)]
    # ("___:___", "__/__": one box with a time or date mask)
    boxes = sum(len(re.findall(r"_{3,}(?:\s*[:/.]\s*_{2,})*", h)) for h in blank_lines)
    if boxes >= 2 and "text" not in named:
        return TypeDecision("long_text")  # several write-in lines: a comment box
    if hints and "open" not in named and not _LONG_TEXT_RE.search(text):
        return TypeDecision("text")
    if "open" in named:
        return TypeDecision("long_text")
    if labelled and "?" not in text and not _LONG_TEXT_RE.search(text):
        return TypeDecision("text" if len(text.split()) <= 8 else "long_text")
    if labelled and _LONG_TEXT_RE.search(text):
        return TypeDecision("long_text")  # "Q3. Comments": a labelled comment box
    if "?" not in text and not re.search(
        r"\b(?:please|tell|describe|write|list|explain)\b", text, re.I
    ):
        return TypeDecision(
            "display", unsure="No answer and no question mark; taken as an information screen."
        )
    if "multi" in named or "single" in named:
        return TypeDecision("long_text", unsure="A choice question with no answers listed.")
    if _WHICH_NAME_RE.search(text) and not _LONG_TEXT_RE.search(text) and not hints:
        return TypeDecision("text")  # "Which park did you visit?": a name in a line
    return TypeDecision("long_text")
