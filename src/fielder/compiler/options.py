"""Answer options in every common layout, with the routing written beside them.

Codes after labels (`Male ..... 1`, `Brightwell<TAB>1`), codes before (`1<TAB>Yes`, `(1) Yes`,
`- 1 - Yes`, `01) Yes`), lettered (`a)`), bullets and tick boxes (`☐ Yes ☐ No`), and the
routing or tags that follow a label (`--> SKIP TO Q10`, `— Go to Q6`, `[TERMINATE]`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.answers_listed import listed_answers
from fielder.compiler.box_scales import numbered_box_scale
from fielder.compiler.codes_across import coded_across
from fielder.compiler.codes_beside_boxes import codes_beside_boxes
from fielder.compiler.gapped_codes import gapped_codes
from fielder.compiler.glossary import route_to_english, to_english
from fielder.compiler.lines import Line, collapse, is_caps_instruction
from fielder.compiler.named_routes import named_route
from fielder.compiler.numbered_ends import numbered_ends
from fielder.compiler.paren_codes import paren_codes_across, paren_codes_after_across
from fielder.compiler.points_across import points_across
from fielder.compiler.routing_tails import canonical_note, canonical_tail
from fielder.compiler.square_codes_after import square_codes_after_across
from fielder.ir.models import Option

BOXES = "☐□❑❒○◯◻⬜▢⃞☑☒✓✔"
_BOX_SPLIT_RE = re.compile(rf"\s*[{BOXES}]\s*")
# "⇅ Price", "☰ Price": an online tool's drag handle before each item to put in order is
# a list mark like a bullet; "· Kingsmead": a middle dot printed as a bullet
DRAG_HANDLES = "⇅⇵↕⇕☰⠿"
# "+" before digits is a dialling code ("+44 ______"), not a bullet
# ("▾ Europe": a drop-down's answers are listed under a small down-pointing triangle)
_BULLET_RE = re.compile(rf"^(?:[•●◦▪■·▾▿\-*–{DRAG_HANDLES}]|\+(?!\d)|[{BOXES}])\s*(?P<label>\S.*)$")
_BOX_THEN_CODE_RE = re.compile(rf"^[{BOXES}][ \t]*(?P<rest>\d{{1,3}}(?:\t|  )\s*\S.*)$")
# The gap is atomic: the code cannot start with a space, so no other split of the gap can
# succeed, and retrying every split of a long run of spaces was cubic.
_CODE_AFTER_RE = re.compile(
    r"^(?P<label>.*?[^\s.…])(?>\s*(?:\.{2,}|…+|\t+|\s{2,}|\s*[-–=:]\s+)\s*)\(?(?P<code>\d{1,3})\)?$"
)
_CODE_AFTER_LEADER_RE = re.compile(
    # an abbreviation's dot stays with the label ("Bogotá D.C. ........ 11")
    r"^(?P<label>.*?[^\s.…](?:\.(?=\s))?)\s*(?:\.{2,}|…+|\t+)\s*\(?(?P<code>\d{1,3})\)?$"
)
_CODE_BEFORE_RE = re.compile(
    # ("19:00", "7:30pm": a time of day, not a code and its label)
    r"^[\[(]?(?P<code>\d{1,3})(?!:[0-5]\d(?:\s*(?:am|pm))?\b)[\])]?(?:[.):]?\s*[-–—=:]\s*|[.)]\s*|\t+\s*|\s+)(?P<label>\S.*)$"
)
# (a greedy label, one start: linear on a long run of dots; a lazy label with an optional
# leader after it was quadratic there, 97 s on 50,000 dots)
_CODE_BRACKETED_RE = re.compile(r"^(?P<label>.*\S)\s+[\[(](?P<code>\d{1,3})[\])]$")
# ("Found it cheaper last year .. [2]": a short dot leader before the bracket is no part of it)
# ("Going back to my employer's office . [3]": a leader cut to one dot, set apart by a space)
_LEADER_END_RE = re.compile(r"\s*(?:\.{2,}|…+)$|\s+\.$")


def _named_groups(match: re.Match[str] | None) -> dict[str, str] | None:
    return {k: v for k, v in match.groupdict().items() if v is not None} if match else None


def _code_bracketed(text: str) -> dict[str, str] | None:
    """ "Label [2]", "Label .. (2)": the words and the code in brackets at the end."""
    match = _CODE_BRACKETED_RE.match(text)
    if match is None:
        return None
    leader = match["label"].endswith(("..", "…", " ."))
    label = _LEADER_END_RE.sub("", match["label"]) if leader else ""
    return {"label": label or match["label"], "code": match["code"]}


# (the letter the label needs is checked once by a lookahead: two lazy runs around it were
# quadratic on one long word)
_CODE_BRACKETED_NOTE_RE = re.compile(
    # ("None of these [7] – exclusive": the code in square brackets likewise)
    # ("Other (please specify) [6] – text box": words in brackets inside the label)
    r"^(?=[^()\d]*[^\W\d_])(?P<label>(?:[^()\d]|\([^()\d]*\))+?)\s+"
    r"(?:\((?P<code>\d{1,3})\)|\[(?P<squared>\d{1,3})\])"
    r"\s+[–—-]\s+(?P<note>\S.*)$"
)
_CODE_ONLY_RE = re.compile(r"^[\[(]?(?P<code>\d{1,3})[\])]?[.)]?$")
_CODE_REPEATED_RE = re.compile(r"^(?P<n>\d{1,3})\s*[-–—=:]\s*(?=[^\W\d_])")
_LEAD_MARK_RE = re.compile(rf"^(?:[{BOXES}•●▪■◦·▾▿{DRAG_HANDLES}]|o(?=\s+[A-Z0-9]))\s+")
_LETTER_CODE_BEFORE_RE = re.compile(r"^(?P<code>[A-Z])\s+[-–=]\s+(?P<label>\S.*)$")
# "r1<TAB>Beer", "c2<TAB>Fair": a scripting spec's row and column codes, stored as written
_ROW_CODE_RE = re.compile(r"^(?P<code>[rc]\d{1,3})(?:\t+|\s{2,}|\s*[.:)=]\s+)(?P<label>\S.*)$")
_LETTER_RE = re.compile(r"^\(?(?P<letter>[a-zA-Z])[.)]\s+(?P<label>\S.*)$")
# "a=The app is easy to use": a sheet's lettered item (the numbered "1=…" are the codes)
_LETTER_EQUALS_RE = re.compile(r"^(?P<letter>[a-z])\s?=\s?(?P<label>[^\W\d_].*)$")
# arrows "(?<!-)-+>" start at a run's first dash, or a line of dashes is retried at each dash
# "6 months to 1 year", "3 days a week", "30-day account": a number of units starts the answer's
# words ("4 seasons or more": a count of a thing and "or more" is a band)
_UNITS_LEAD_RE = re.compile(
    r"^\d{1,3}(?:\s*%|[-–]\d|-(?=[a-z])|\s+to\s+\d|\s+or\s+|\s+and\s+|\+|"
    r"\s+[a-z]+\s+or\s+(?:more|over|above|longer|fewer|less)\b|"
    r"\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times?)\b|"
    r"\s*[-–]\s*\d{1,4}\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times?|%|km|miles?|"
    r"people|persons?)?\s*$)"
)
_ARROW_TAIL_RE = re.compile(r"(?P<arrow>(?:→|(?<!-)-+>|=>)\s*)(?P<route>[^→]+)$")
# "→ 105" alone beside an answer (a skip column): go to that question.
_ARROW_ONLY_RE = re.compile(
    r"^\s*(?:→|➜|➔|➡|(?<!-)-+>|=>)\s*(?:(?:section|part|module|block)\s+\w{1,3}\s*\(\s*)?"
    # "➜ D1 (skip the rest of Section C)": a remark in brackets after the target;
    # "➜ Section R (R1)": the section's first question named in brackets
    r"(?P<to>[A-Za-z]{0,3}\d{1,4}[a-z]?)\s*(?:\)|\([^()]*\))?\s*$",
    re.I,
)
# "Ask P18" alone in a route cell (beside "Go to P19" on the other answers): on to that question
_ASK_ROUTE_RE = re.compile(
    r"^\s*ASK\s+(?:QUESTION\s+)?(?P<to>[A-Za-z]{0,3}\d{1,4}[a-z]?)\s*$", re.I
)
# "B3" alone in an answer's route cell (`No | 2 | B3`): a later question's id is where it goes
# (capitals and digits only: "r1" is a row's code; the logic pass keeps only a later question)
_BARE_ROUTE_RE = re.compile(r"^(?P<to>[A-Z]{1,3}\d{1,3}[a-z]?)$")
# "→ SECTION D" alone in a route cell: to the section's first question (the logic pass finds it)
_ARROW_SECTION_RE = re.compile(
    r"^\s*(?:→|➜|➔|➡|(?<!-)-+>|=>)\s*(?P<to>(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{1,3})\s*$",
    re.I,
)
# ("2. No  -> CLOSE" with the code first too: the arrow's target is the same, whatever stands
# before it)
# ("2. No  -> END", "2. Não  -> ENCERRAMENTO": an arrow to the closing screen by its name, in
# English or the questionnaire's language; the logic pass goes there where the screen is printed,
# else the interview ends)
_ARROW_CLOSE_RE = re.compile(
    r"[\w)]\s*(?:→|(?<!-)-+>|=>)\s*(?P<word>CLOSE|END|FIN|FINE|ENDE|EINDE|AFSLUITING|CIERRE|"
    r"ENCERRAMENTO|CHIUSURA|ZAKONCZENIE|PENUTUP)\s*$"
)
# "Answer scale:", "Scale:", "Response options:" before the answers across the line
_SCALE_KEY_RE = re.compile(
    r"^(?:answer\s+|response\s+|rating\s+)?(?:scale|options|answers|codes)\s*:\s*(?=\S)", re.I
)
# "EXCLUSIVE → S13" in a routing cell: the answer's tag, then where it goes
_TAG_THEN_ARROW_RE = re.compile(
    r"^\s*(?:EXCLUSIVE|ANCHOR|FIX(?:ED)?|SPECIFY)\s*[,;]?\s*(?:→|(?<!-)-+>|=>)\s*"
    r"(?P<to>[A-Za-z]{0,3}\d{1,4}[a-z]?)\s*$",
    re.I,  # "exclusive → X9" in a routing cell, the tag in small letters
)
# "(if no, go to the end)": "the end" is the end, as "end" is
_ROUTE_RE = re.compile(
    # ("→ skips to Q16": a survey tool's routing said of the answer)
    r"(?<!\s)\s*+(?:(?<!-)-+>|→|=>|—|–|-|\(|,|;|\}|\])?\s*+(?:please\s+)?(?:go\s*to|go\s+on\s+to|skips?\s*to|continue\s*(?:to|with|at)|"
    # ("go straight to END": how directly it goes says nothing of where)
    r"jump\s*to|proceed\s*to|(?:go|skip|jump)\s+(?:straight|directly|right|ahead|forward)\s+to)\s+(?:question\s+|the\s+(?=end\b))?(?P<to>[A-Za-z]*[.-]?\d+(?:\.\d{1,2})?[a-z]?|end(?:\s+of\s+\w+)?|"
    r"(?-i:CLOSE|CLOSING|THANKS|OUTRO|EXIT)|"
    # a part's own closing screen: "CEND", "S4END", "M2_CLOSE"
    r"(?-i:[A-Z]{1,2}\d{0,2}_?(?:END|CLOSE|THANKS|OUTRO))|"
    r"(?:section|part|module|block)\s+[A-Za-z0-9]{1,3}|next\s+(?:section|part|module|block)|"
    # "→ proceed to the closing screen", "go to the thank-you page": the end, where it shows
    r"the\s+(?:closing|final|last|end|thank[\s-]?you)\s+(?:screen|page|message)|"
    # ("GO TO DEBRIEF": a screen named by its variable in capitals)
    r"(?-i:(?!NEXT\b|THE\b)[A-Z][A-Z_]{3,15}))\)?"
    # ("→ Jump to Section 4 (Your first week)": the place's title or a remark in brackets after)
    r"(?:\s+\([^()]{1,40}\))?\.?\s*$",
    re.I,
)
_ARROW_RE = re.compile(
    r"(?<!\s)\s*+\(?\s*+(?:(?<!-)-+>|→|=>|>>)\s*+"
    # ("2  -> SECTION G": to the section's first question, which the logic pass finds)
    r"(?P<to>[A-Z]+[.-]?\d+[a-z]?|(?:SECTION|PART|MODULE|BLOCK)\s+[A-Z0-9]{1,3})\s*\)?\s*$"
)
# "Never --> skip tp Q11", "No → then Q8": an arrow is routing by itself, so a short word or two
# between it and a question's id (a routing verb, misspelt in a hurried e-mail or not) still
# leads there; "if"/"and"/"or"/"not" would make it a condition, not a target
_ARROW_WORDS_RE = re.compile(
    r"(?<!\s)\s*+\(?\s*+(?:(?<!-)-+>|→|=>|>>)\s*+(?:(?!(?:if|and|or|not)\b)[A-Za-z]{2,8}\s+){1,2}"
    r"(?P<to>[A-Z]{1,3}[.-]?\d+[a-z]?)\s*\)?\.?\s*$"
)
# "Não  -> ir para ENCERRAMENTO", "Nee → ga naar AFSLUITING": an arrow's route to a screen named
# in capitals in the document's own language (the logic pass checks the screen is there)
_ARROW_SCREEN_RE = re.compile(
    r"(?<!\s)\s*+(?:(?<!-)-+>|→|=>)\s*+(?i:go\s*to|skip\s*to)\s+"
    r"(?P<to>(?!(?:NEXT|SECTION|PART|MODULE|BLOCK|QUESTION)\b)[A-ZÀ-Þ][A-ZÀ-Þ_]{3,})\.?\s*$"
)
_TERMINATE_RE = re.compile(
    r"\b(?:TERMINATE|SCREEN\s*OUT|"
    # "THANK THE PERSON AND END": whom to thank may be named between
    r"THANK\s+(?:(?:THE\s+)?(?:PERSON|RESPONDENT|PARTICIPANT|CALLER|THEM)\s+)?(?:AND|&)\s+(?:CLOSE|END(?!\s+(?:OF\s+)?(?:THE\s+|THIS\s+)?"
    r"(?:MODULE|SECTION|BLOCK|PART)\b)|TERMINATE)|CLOSE\s+INTERVIEW|"
    r"end\s+(?:the\s+)?(?:interview|survey|call|session)|end\s+of\s+(?:the\s+)?(?:interview|survey|questionnaire)|disqualif\w*|not\s+eligible|INELIGIBLE|"
    # a self-completion form's screen-out told to the respondent ("you can stop here")
    r"(?:you\s+can|please)\s+stop\s+(?:here|now)|"
    # "— the survey ends here", "→ please pass this form on and do not continue": in its words
    r"(?:the\s+)?(?:survey|interview|questionnaire)\s+ends\s+(?:here|now)|"
    # ("(1) Less than 3 months → form closes": the form closed by the arrow)
    r"(?:(?<=→)\s*|^\s*)(?:the\s+)?(?:form|survey|questionnaire|interview)\s+(?:closes|ends)(?=\W*$)|(?<=→)[^→]{0,80}?\bdo\s+not\s+continue|"
    # ("→ no need to go on – thank you")
    r"(?:do\s+not|do\s*n['’]t|no)\s+need\s+to\s+(?:carry\s+on|go\s+any\s+further|continue|go\s+on|"
    r"answer\s+any\s+more|(?:fill\s+in|complete|answer)\s+the\s+rest))\b|"
    # "[ASK FOR THE RIGHT CONTACT, THEN CLOSE]": what to do first, then the way out, last
    r"\bTHEN\s+(?:CLOSE|END|TERMINATE)(?:\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|CALL))?(?=\s*[\]).]?\s*$)|"
    # "exclusive · ⇒ TERM", "#TERM": the scripter's short word for a screen-out, after an arrow
    r"(?:⇒|=>|→|->|#)\s*TERM\b|"
    # "No, not at all  ⇒ END – thank the respondent …": END in capitals after an arrow, then
    # what to do on the way out after a dash (a screen called END would have no dash and words)
    r"(?:(?:⇒|=>|→|->)\s*|^\s*)(?-i:END)\s+[–—-]\s+\w|"
    # "Under 18  -> end, juniors get their own survey": a lower-case end alone after the arrow,
    # then why (a screen named END is written in capitals and given no reason)
    r"^\s*(?-i:end)(?=\s*(?:[,(;!]|$))|"
    # "No → End of the form": a form tool's branch to the form's end, after an arrow
    # (or the arrow's words alone: "End of the form" is the whole note)
    r"(?:(?:⇒|=>|→|->)\s*|^\s*)(?:the\s+)?end\s+of\s+(?:the\s+)?form(?=\W*$)|"
    # "None of these  4 → survey ends": the survey's end told after an arrow
    r"(?:⇒|=>|→|->)\s*(?:the\s+)?(?:survey|interview|questionnaire)\s+ends\b|"
    # "Under 16 → please stop here and hand the card back": told to stop, after an arrow
    r"(?:⇒|=>|→|->)\s*(?:please\s+)?stop\s+(?:here|now)\b|"
    # "No → please hand the card back to the interviewer": a self-completion card given back
    # unfinished, after an arrow
    # (or the arrow already taken off an answer's note: "please hand the card back …" alone)
    r"(?:(?:⇒|=>|→|->)\s*(?:please\s+)?|^\s*please\s+)(?:hand|give|pass|return)\s+(?:the|this|your)\s+"
    r"(?:card|form|questionnaire|booklet|sheet|paper)\s+back\b|"
    # "No [4] → please hand this booklet to a host (end)": the way out tagged in brackets last
    r"\((?:END|STOP|CLOSE|TERMINATE|SCREEN[\s-]*OUT)(?:\s+(?:OF\s+)?(?:THE\s+)?"
    r"(?:SURVEY|INTERVIEW|QUESTIONNAIRE))?\)\s*$",
    re.I,
)
# "THANK AND END MODULE", "END OF SECTION", "GO TO END OF BLOCK": leave this part, not the interview
_END_OF_MODULE_RE = re.compile(
    r"\bEND\s+(?:OF\s+)?(?:THE\s+|THIS\s+)?(?:MODULE|SECTION|BLOCK|PART)\b", re.I
)
# words after an arrow (or inside an interviewer's << >> note) closing an answer's line
_ARROW_ENDING_RE = re.compile(
    # ("None of them (0) – thank you, you need not go any further": after a spaced dash too)
    r"(?<!\s)(?:\s*+(?:(?<!-)-+>|→|=>|⇒|<<)|\s+(?P<dash>[–—]))\s*+(?P<words>[^→<>–—]{3,100}?)\s*(?:>>)?\s*$"
)
# everything after an answer's one arrow, dashes and all
_ARROW_WHOLE_RE = re.compile(
    r"(?<!\s)\s*+(?:(?<!-)-+>|→|=>|⇒)\s*+(?P<words>[^→<>]{3,160}?)(?P<dash>(?!))?\s*$"
)
_TOLD_TO_STOP_RE = re.compile(r"\b(?:thank|need\s+to|stop|end|close|terminate|screen)", re.I)


def _ends_all(words: str) -> bool:
    """Words that end the whole survey, not a part of it, and unconditionally."""
    return not (
        _END_OF_MODULE_RE.search(words)
        or re.search(r"\b(?:IF|UNLESS|QUOTA|OTHERWISE|ELSE)\b", words, re.I)
    )


_SPECIFY_RE = re.compile(
    r"\bspecify\b|\bplease\s+(?:state|write|type|say|describe|give\s+details|tell\s+us)\b|"
    # "Another brand (please type in)": an online form's write-in box
    r"\b(?:write|type)[\s-]in\b|\((?:please\s+)?(?:write|type)\s+it\s+in\)|\bespecifi(?:car|que)\b|\bpr[ée]cise[rz]\b|\bbitte\s+angeben\b|"
    # Indonesian/Malay "Lainnya (sebutkan)": other, name it
    r"\bsebutkan\b|"
    # Vietnamese "Khác (ghi rõ)": other, write it clearly
    r"\bghi\s+rõ\b|"
    # "other - tell us", "something else: say what": a dash or colon, then the ask
    r"[-–:]\s*(?:tell\s+us|say\s+what|name\s+it|write\s+it)\b|"
    # "Something else (tell us what)", "Other (say which)": the ask in brackets after the words
    r"\(\s*(?:please\s+)?(?:tell\s+us|say|write|name)\s+(?:what|which|who|where|it|them)\s*\)",
    re.I,
)
# "○ Other:" alone: an online tool prints its write-in answer's box after the colon
_OTHER_COLON_RE = re.compile(
    rf"^\s*(?:[{BOXES}•●▪■◦·*-]\s*)?(?:others?|something\s+else|anything\s+else)\s*:\s*$", re.I
)
SPECIFY_RE = _SPECIFY_RE
_EXCLUSIVE_WORD_RE = re.compile(
    # "(SINGLE CODE)" beside one answer of a multi: that answer is given on its own
    r"\bEXCLUSIVE\b|\bEXCLUSIVA\b|\bSINGLE\s+CODE(?:\s+ONLY)?\b|\bONLY\s+ANSWER\b|\bANSWER\s+ALONE\b|"
    r"\bCANNOT\s+BE\s+COMBINED\b|\b(?:CANNOT|CAN'T|CAN\s+NOT)\s+BE\s+(?:TICKED|SELECTED|CHOSEN|PICKED)"
    r"\s+WITH\b|\bWITH\s+ANY\s+OTHER\s+ANSWER\b|"
    # "Not known yet (on its own)", "None of these (tick on its own)": a form's note that the
    # answer is ticked alone, told to the respondent (a note, never an answer's own words)
    r"^(?:(?:please\s+)?(?:tick|select|choose|mark|use)\s+)?(?:(?:this|it)\s+)?"
    r"(?:only\s+)?(?:on\s+its\s+own|by\s+itself)(?:\s+only)?\W*$",
    re.I,
)
_NOTE_AFTER_CODE_RE = re.compile(r"^(?P<body>.*\S\s*\d{1,3})\s+\((?P<note>[^()\d][^()]{1,40})\)$")
_ANCHOR_RE = re.compile(r"\b(?:ANCHOR|FIX(?:ED)?|DO\s+NOT\s+(?:RANDOMI[SZ]E|ROTATE))\b", re.I)
# "None<TAB>EXCLUSIVE", "None of these — SINGLE CODE": capitals after a gap or a spaced dash
# "… 1<TAB>CONTINUE – GROUPS 1/2": the capitals may end in the numbers of what they name
# "Nobody → EXCLUSIVE": or after an arrow, once the arrow's routing has been read
_TAIL_CAPS_RE = re.compile(
    r"(?:\t|\s{2,}|(?<=\d)\s+|\s+[—–]\s+|\s*(?:→|=>)\s*)"
    # "… IF NO ONE, THANK AND CLOSE": the routing cut off the end may leave a comma
    r"([A-ZÀ-Þ][A-ZÀ-Þ0-9 ,.;:'/&()+\-–]*(?:[A-ZÀ-Þ.),]|(?<=[A-ZÀ-Þ]{2}\s)\d{1,2}(?:/\d{1,2})*"
    # "No<TAB>2<TAB>ASK Q11": the tag may end in a question it names, a capital and its number
    r"|(?<=[A-ZÀ-Þ]{2}\s[A-Z])\d{1,3}))\s*$"
)
_DECOR_RE = re.compile(r"^[»›>◦▪■●•·]+\s*")
_TRAIL_DASH_RE = re.compile(r"\s*(?:[—–\-:→⇒>=]+|->|=>)\s*$")
_BLANK_RE = re.compile(r"[:\s]*_{2,}[\s_]*$")
# "___ %" to write a share in; "Rank ___" to write a rank in (the box's word, not the answer's)
_SHARE_BOX_RE = re.compile(r"\s*_{2,}\s*%\s*$|\s+(?i:rank)\s*:?\s*_{2,}[\s_]*$")


@dataclass
class RawOption:
    """One answer as written, before codes are settled."""

    label: str
    code: str | None = None
    marker: str | None = None
    terminate: bool = False
    skip_to: str | None = None
    specify: bool = False
    exclusive: bool = False
    fixed: bool = False
    #: a write-in line after the words and a colon ("und zwar: ____")
    write_in: bool = False
    #: "→ END", "→ CLOSE" after the answer: to the screen so named where there is one, else
    #: out (the word the arrow names; "" when none)
    to_end: str = ""
    instructions: list[str] = field(default_factory=list)
    start: int = 0


_NOTE_HEAD_RE = re.compile(
    r"^(?:PN|PROG(?:RAMMER)?|SCRIPTER|DP|INTERVIEWER|INT|NOTE)\s*[:.-]\s*", re.I
)


_END_PAGE_RE = re.compile(
    r"^the\s+(?:closing|final|last|end|thank[\s-]?you)\s+(?:screen|page|message)$", re.I
)


def _end_named(target: str) -> str:
    """A route's target, "end" where it is named as the closing page ("the closing screen")."""
    return "end" if _END_PAGE_RE.match(target) else target


# "(not a shopper today)" after a route: a reason in small words, not part of the route
_REASON_AFTER_RE = re.compile(r"(?<=[A-Z])\s*\((?=[^()]*[a-z])[^()\d]{2,60}\)\s*$")


# "Q1/1 → Q5", "S1/3 → CLOSE": a question's id and one of its codes, then an arrow
_OWN_ANSWER_HEAD_RE = re.compile(r"^\s*[A-Z]{1,4}\d{1,3}[a-z]?\s*/\s*\d{1,3}\s*(?=→|-+>|=>)")


def _tail_actions(option: RawOption, notes: list[str]) -> None:
    """Apply the tags written after a label ([TERMINATE], SCREEN OUT, SPECIFY, EXCLUSIVE)."""
    # "→ GO TO PART 5 (RS1)": the id in brackets is where the route goes
    # "Q1/1 → Q5" beside the answer: the answer named in the sheet's own notation, then its route
    for note in (
        canonical_note(_OWN_ANSWER_HEAD_RE.sub("", named_route(to_english(n)))) for n in notes
    ):
        # "{EXCLUSIVE} {CLOSE}", "[CLOSE]", "<CLOSE>": each tag in its own brackets, read as
        # the words inside them
        bare = _NOTE_HEAD_RE.sub("", re.sub(r"\s*[{}\[\]<>()]\s*", " ", note).strip()).strip(" .")
        # "→ CLOSE", "EXCLUSIVE → CLOSE" in a coloured run after the code, as "CLOSE" alone
        arrow_end = re.fullmatch(
            r"(?:(?:EXCLUSIVE|ANCHOR|FIX(?:ED)?)\s*)?(?:→|-+>|=>)\s*(?P<word>END|(?-i:CLOSE))",
            # "→ CLOSE (not a shopper today)": why it closes, in small words in brackets after
            _REASON_AFTER_RE.sub("", note).strip() if _REASON_AFTER_RE.search(note) else bare,
            re.I,
        )
        if arrow_end:
            # "→ end" in a spec that has an `end` screen goes there, "→ CLOSE" to a CLOSE
            # screen (the logic pass decides; with no such screen the interview ends)
            option.to_end = arrow_end["word"].upper()
        elif _TERMINATE_RE.search(note) or re.fullmatch(
            # ("EXCLUSIVE – CLOSE": the tag, a dash, then the way out)
            r"(?:(?:EXCLUSIVE|ANCHOR|FIX(?:ED)?)\s*(?:[–—,;.]\s*)?)?(?:(?:→|-+>|=>)\s*)?"
            # "TERM" in a sheet's Status column (not "TERM IF QUOTA FULL", a quota)
            # ("Close the survey" in a Next column)
            r"(?:CLOSE|END|STOP|TERM|THANK\s+AND\s+CLOSE)(?:\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|CALL))?"
            # "CLOSE – NOT A MEMBER": why the interview closes, after a spaced dash
            r"(?:\s+[–—-]\s+[^–—>→]{1,40})?"
            # "CLOSE IF WORKS FOR THE OPERATOR" beside an answer: who the answer is, in words
            # ("TERM IF QUOTA FULL" is a quota, no screen-out)
            r"(?:\s+IF\s+(?!(?:THE\s+)?QUOTA\b|OVER\s+QUOTA\b)[^\d=<>→]{3,40})?",
            bare,
            re.I,
        ):
            option.terminate = True
        if re.search(
            r"\bSPECIFY\b|\bWRITE[- ]?IN\b|\bTYPE[- ]?IN\b|\bPLEASE\s+STATE\b", note, re.I
        ):
            option.specify = True
        if _EXCLUSIVE_WORD_RE.search(note):
            option.exclusive = True
        if _ANCHOR_RE.search(note):
            option.fixed = True
        # "[GO TO Q12]", "{GO TO CLOSE}": the route in brackets of its own, read without them
        route = (
            _ROUTE_RE.search(" " + note)
            or _ROUTE_RE.search(" " + bare)
            or _ARROW_ONLY_RE.match(note)
            or _ARROW_ONLY_RE.match(bare)  # "[→ R6]": the arrow in brackets of its own
            or _ARROW_SECTION_RE.match(note)
            or _TAG_THEN_ARROW_RE.match(note)
            or _ARROW_SCREEN_RE.search("x" + note)  # "→ GO TO AFSLUITING" in a routing cell
            or _ASK_ROUTE_RE.match(bare)
            or _BARE_ROUTE_RE.match(bare)
        )
        if route:
            option.skip_to = _end_named(route["to"])
        elif _END_OF_MODULE_RE.search(note):
            option.skip_to = "END OF MODULE"  # the interview goes on with the next module
    option.instructions.extend(notes)


def strip_routing(text: str) -> tuple[str, str | None, bool]:
    """A label without its trailing routing: (label, skip target, terminate)."""
    text = named_route(text)  # "GO TO END OF MODULE (END)": the id in brackets is where
    # "No  pass to Q14", "No  Thank and end": a tail in other verbs, in the words read below
    text = canonical_tail(text)
    target: str | None = None
    terminate = False
    for pattern in (_ROUTE_RE, _ARROW_RE, _ARROW_WORDS_RE, _ARROW_SCREEN_RE):
        match = pattern.search(text)
        if match:
            target = _end_named(match["to"])
            text = text[: match.start()]
            break
    term = re.search(
        r"(?<!\s)\s*+(?:(?<!-)-+>|→|>>|—|–|-|\()\s*+(?:TERMINATE|SCREEN[\s-]*OUT|THANK\s+(?:AND|&)\s+CLOSE|"
        # "No → end survey (screen-out)", "Under 1 -> THANK & CLOSE (KITTEN)": the arrow's
        # words, then their kind in brackets
        r"END\s+(?:THE\s+)?(?:INTERVIEW|SURVEY)|(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE)\s+ENDS"
        r"(?:\s+(?:HERE|NOW))?)\)?(?:\s*\([^()]{1,30}\))?\.?\s*$",
        text,
        re.I,
    )
    if term is None:
        # "Under 16  → please stop here and hand the card back": the respondent told to stop
        term = re.search(
            r"\s*+(?:(?<!-)-+>|→)\s*+(?:please\s+)?stop\s+(?:here|now)\b[^→]{0,60}$", text, re.I
        )
    if term is None:
        # "Survey only >> STOP: don't use this form": an arrow's STOP, then why or what instead
        term = re.search(
            r"\s*+(?:(?<!-)-+>|→|>>)\s*+STOP(?:\s*[:!.]|\s+[–—-])[^→]{0,80}$|\s*+(?:(?<!-)-+>|→|>>)"
            r"\s*+STOP\W*$",
            text,
            re.I,
        )
    if term is None:
        term = re.search(
            # "THANK & TERMINATE" whole: its thanks are no words of the answer
            r"(?<!\s)\s++(?:(?:THANK(?:\s+YOU)?\s+(?:AND|&)\s+)?(?:TERMINATE|CLOSE)|SCREEN\s*OUT)\s*$",
            text,
        )
    if term is None:
        # "No → please pass this form to that person and do not continue": told in words
        term = re.search(r"\s*→\s*[^→]{0,80}?\bdo\s+not\s+continue\b[^→]*$", text, re.I)
    if term is None and target is None:
        # "3 → Thank you, you do not need to fill in the rest", "None → end of survey (not a
        # customer)", "No << THANK AND END CALL >>": whatever follows an arrow (or sits in an
        # interviewer's << >> note) at the end of the answer, when it ends the survey
        term = _ARROW_ENDING_RE.search(text)
        if term and re.search(
            r"^\W*(?:>>|skip\b)|\b(?:if|skip|go\s+to)\b", text[: term.start()], re.I
        ):
            term = None  # ">> skip: if [2] -> end of survey": a routing note, not an answer
        if term and not (_TERMINATE_RE.search(term["words"]) and _ends_all(term["words"])):
            term = None
        whole = None if term else _ARROW_WHOLE_RE.search(text)
        if (
            whole
            and _TERMINATE_RE.search(whole["words"])
            and _ends_all(whole["words"])
            and not re.search(
                r"^\W*(?:>>|skip\b)|\b(?:if|skip|go\s+to)\b", text[: whole.start()], re.I
            )
        ):
            # "No → that is the end of the survey for you – thank you": the arrow's words run on
            # past a dash
            term = whole
        elif term and term["dash"] and not _TOLD_TO_STOP_RE.search(term["words"]):
            # "No – we are not eligible": after a dash, words the respondent says are the
            # answer's own; only words that send them away end the survey
            term = None
    if term:
        terminate = True
        text = text[: term.start()]
    # "No → you have finished, thank you": the form's end reached, not routing (nothing follows)
    text = re.sub(r"\s*→\s*you\s+have\s+(?:finished|completed)\b[^→]*$", "", text, flags=re.I)
    if target:
        # "No → If No, Go to Question 7": the answer named again before its routing
        text = re.sub(r"\s*(?:→|(?<!-)-+>|=>|[—–])\s*if\s+[^→,]{1,40},?\s*$", "", text, flags=re.I)
        # "No   (if no, skip to P9)": the routing in brackets names the answer first
        text = re.sub(r"\s*\(\s*if\s+[^(),]{1,40},?\s*$", "", text, flags=re.I)
        again = re.match(r"^(?P<label>.+?)\s+if\s+(?P<again>[^,]{1,40}?),?\s*$", text, re.I)
        named = again and re.escape(again["again"].strip())
        if again and re.search(rf"(?:^|\s){named}$", again["label"].strip(), re.I):
            text = again["label"]  # "No<TAB>If No, go to 4": no arrow between them
    return _TRAIL_DASH_RE.sub("", text).strip(), target, terminate


def _without_mark_after_code(text: str) -> str:
    """ "None 99 [X]": a lone mark after the answer's code is a tag, not the answer's box."""
    # found from the end: a pattern over the whole line backtracked quadratically on long lines
    tail = re.search(rf"\d\s*[{BOXES}]\Z", text)
    if not tail or sum(text.count(b) for b in BOXES) != 1:
        return text
    body = text[: tail.start() + 1]
    if "\n" in body or not re.search(rf"[^\s{BOXES}]", body[:-1]):
        return text
    return body


_BLANK_CODE_RE = re.compile(r"^(?P<label>.*?[^\s_])\s*_{3,}\s*(?P<code>\d{1,3})$")


def _across(text: str) -> list[RawOption]:
    """Answers written across one line, in any of the packed layouts ([] when none)."""
    return _dashes_apart(
        _code_first_across(text)
        or _bracket_codes_across(text)
        or _listed(text)
        or _packed(text)
        or _marked_across(text)
        or _coded_across(text)
        or _slashed_coded(text)
        or [RawOption(label, code) for code, label in gapped_codes(text)]
    )


def _dashes_apart(found: list[RawOption]) -> list[RawOption]:
    """ "[0] Useless – [1] – [2] – … – [10] Excellent": a dash after every point but the last
    only parts the points; a point with no words of its own is labelled by its number."""
    if len(found) >= 3 and all(re.search(r"(?:^|\s)[–—-]$", o.label) for o in found[:-1]):
        for option in found[:-1]:
            option.label = re.sub(r"\s*[–—-]$", "", option.label).strip() or option.code or ""
    return found


_BLANK_POINT_RE = re.compile(r"^(?P<code>\d{1,2})\s*[=:]\s*(?:[–—-]+|…|\.{2,})$")


_CHEVRON_NOTE_RE = re.compile(r"\s+>>\s+(?P<note>\S.*)$")
_TEST_ON_LABEL = r"[A-Z]{1,3}\d{1,3}[a-z]?\s*(?:==?|!=|<>|≠|<=|>=|<|>)\s*\d{1,3}"
TESTS_ONLY_RE = re.compile(
    rf"\(?{_TEST_ON_LABEL}(?:\s+(?:and|or|AND|OR)\s+{_TEST_ON_LABEL})+\)?\.?"
)


def parse_option_text(text: str, numbering: str | None = None) -> list[RawOption]:
    """The options on one line of text ([] when the line is not written as an option)."""
    remark = _CODE_REMARK_RE.match(text)
    if remark:
        # "None of these ...... [7]   (exclusive – unchecks the others)": the export's remark
        # on the answer after its code is the answer's note
        found = _option_text(remark["answer"], numbering)
        if len(found) == 1 and found[0].code:
            found[0].instructions.append(remark["remark"])
            found[0].exclusive = found[0].exclusive or bool(
                _EXCLUSIVE_WORD_RE.search(remark["remark"])
            )
            return found
    found = _option_text(text, numbering)
    led = _LEADERS_TAG_RE.match(found[0].label) if len(found) == 1 and found[0].code else None
    if led and is_caps_instruction(led["tag"]):
        # "[98] Don't know ........... EXCLUSIVE": the answer's tag where a code would stand
        found[0].label = led["label"]
        found[0].instructions.append(led["tag"])
        found[0].exclusive = found[0].exclusive or bool(_EXCLUSIVE_WORD_RE.search(led["tag"]))
    chevron = _CHEVRON_NOTE_RE.search(found[0].label) if len(found) == 1 else None
    if chevron and found[0].label[: chevron.start()].strip():
        # "4 = Moved away  >> STOP: …" (no skip read in it): after a plain-text form's ">>"
        # comes the answer's note, not its words
        found[0].instructions.append(chevron["note"].strip())
        found[0].label = found[0].label[: chevron.start()].strip()
    return found


_CODE_REMARK_RE = re.compile(
    r"^(?P<answer>.*?\S\s*(?:\.{2,}|…+)\s*\[\d{1,3}\])\s+\((?P<remark>[a-z][^()]*)\)\s*$"
)
_LEADERS_TAG_RE = re.compile(r"^(?P<label>.*?\S)\s*(?:\.{3,}|…{2,})\s*(?P<tag>[A-Z][A-Z ,/'-]+)$")
_WORDS_THEN_POINTS_RE = re.compile(
    r"^\[?(?P<code>\d{1,2})\]?\s+(?P<words>[^\W\d][^\d\[\]]*?)\s{2,}"
    r"(?P<rest>\[?\d{1,2}\]?(?:\s{2,}\[?\d{1,2}\]?)+)\s*$"
)


def _option_text(text: str, numbering: str | None) -> list[RawOption]:
    text = text.strip()
    if not text:
        return []
    text = _without_mark_after_code(text)
    if TESTS_ONLY_RE.fullmatch(text):
        return []  # "B2 = 2 and C1 = 4": a filter's tests on questions, not "label = code"
    run = _WORDS_THEN_POINTS_RE.match(text)
    if run:
        points = run["rest"].replace("[", " ").replace("]", " ").split()
        first = int(run["code"])
        if [int(p) for p in points] == list(range(first + 1, first + 1 + len(points))):
            # "[0] Not at all likely  [1]  [2] … [9]": the end point's words, then the bare
            # points after it across the line
            return [
                RawOption(run["words"].strip(), run["code"]),
                *(RawOption(p, p) for p in points),
            ]
    blank_point = _BLANK_POINT_RE.match(text)
    if blank_point:
        # "2 = –": a scale's middle point with a dash for words, labelled by its number
        return [RawOption(blank_point["code"], blank_point["code"])]
    # "NO .... 2   -> END INTERVIEW," with the rest of the note wrapped onto the next line
    text = re.sub(r"((?:->|→)[^,]{2,40}),$", r"\1", text)
    # "… 2   PASE A P6", "Nooit → ga naar V6": a skip in the questionnaire's own language
    text = route_to_english(text)
    # "Nie .... 5  → WEITER MIT F7": an arrow's routing in the questionnaire's own language.
    text = _ARROW_TAIL_RE.sub(lambda m: m["arrow"] + to_english(m["route"]), text)
    points = points_across(text)
    if points is not None:
        # "1 (Awful) · 2 · 3 · 4 · 5 (Amazing)": a scale's points across, words at the ends
        return [RawOption(label, code) for code, label in points]
    beside = codes_beside_boxes(text)
    if beside is not None:
        return [_beside_box(label, code, route) for label, code, route in beside]
    if sum(text.count(b) for b in BOXES) >= 2:
        return _boxes(text)
    across = (
        paren_codes_across(text)
        or paren_codes_after_across(text)
        or square_codes_after_across(text)
    )
    if across:
        return [option for part in across for option in parse_option_text(part, numbering)]
    row_coded = _ROW_CODE_RE.match(text) is not None
    packed = not row_coded and (_across(text) or _scale_and_apart(text, numbering))
    if packed:
        return packed
    keyed = _SCALE_KEY_RE.match(text)
    packed = _across(text[keyed.end() :]) if keyed else []
    if len(packed) >= 2:
        # "Answer scale: 1 Strongly disagree    2 Tend to disagree …": the points after a key
        return packed
    routed, last_target, last_terminates = strip_routing(text)
    packed = not row_coded and routed != text and _across(routed)
    if packed and len(packed) >= 2:
        # "1 Yes    2 No -> go to P18": answers across a line, the routing after the last one
        routed_one = _named_answer(packed, text)
        routed_one.skip_to = routed_one.skip_to or last_target
        routed_one.terminate = routed_one.terminate or last_terminates
        return packed
    other_box = _OTHER_COLON_RE.match(text) is not None
    # "No ....... 2   -> CLOSE": to the CLOSE screen where there is one (as in a route cell)
    closed = _ARROW_CLOSE_RE.search(text)
    to_close = closed is not None
    text, target, terminate = strip_routing(text)
    terminate = terminate and not to_close
    tail = _TAIL_CAPS_RE.search(text)
    notes: list[str] = []
    tag = _TAIL_TAG_RE.search(text)
    if tag and re.search(r"[A-Za-z]", text[: tag.start()]):
        # "None of these   (exclusive)", "Something else  + text box": the build's tag
        word = tag[1] or tag[2]
        alone = re.search(r"\b(?:on\s+its\s+own|alone)\b", word, re.I)
        notes.append(
            "SPECIFY" if word.startswith("+") else "exclusive" if alone else word.strip("() ")
        )
        text = text[: tag.start()]
        tail = _TAIL_CAPS_RE.search(text)
    if (
        tail
        and is_caps_instruction(tail[1])
        # an answer in capitals too when its code comes first ("NS/NR ..... 99   EXCLUSIVA")
        and re.search(r"[a-z]|(?:\.{2,}|…)\s*\d{1,3}$", text[: tail.start()].rstrip())
    ):
        # "None of these<TAB>EXCLUSIVE": capitals after a gap are the programmer's tag.
        notes, text = [tail[1].strip()], text[: tail.start()]
    after_code = _NOTE_AFTER_CODE_RE.match(text)
    coded = _single(after_code["body"], numbering) if after_code else []
    if (
        after_code
        and not notes
        and coded
        and coded[0].code is not None
        and re.search(r"[A-Za-z]", coded[0].label)
        and not re.search(r"\d$", coded[0].label)  # "2  Grades 1 through 8 (Elementary)"
    ):
        # "None of these = 8   (only answer)": a note set after the answer's code.
        notes, text = [after_code["note"]], after_code["body"]
    blank_after = _BLANK_RE.search(text)
    if blank_after and re.search(r"\(\d{1,3}\)\s*[:\s]*_{2,}[\s_]*$", text):
        # "Other  (3) ______": the write-in line after the answer's code.
        text = text[: blank_after.start()].rstrip()
    boxed_code = _BLANK_CODE_RE.match(text)
    if boxed_code:
        # "Other specialty (please specify) ______ 97": the write-in line stands where dot
        # leaders would, between the answer and its code
        text = f"{boxed_code['label']} ______ ...... {boxed_code['code']}"
    options = _single(text, numbering)
    if blank_after and options:
        # a line to write on: the answer's specify box, unless every answer has one (an
        # amount to enter beside each, settle_options)
        options[-1].write_in = True
    for option in options:
        # "o Never (1)", "▢ Tennis (2)": a list mark before a coded answer (survey tool exports)
        option.label = _LEAD_MARK_RE.sub("", option.label)
        # "1 – Not at all satisfied<TAB>1": a scale point's number before its words, again
        repeated = _CODE_REPEATED_RE.match(option.label)
        if repeated and repeated["n"] == option.code:
            option.label = option.label[repeated.end() :]
    if options and notes:
        _tail_actions(options[-1], notes)
    options = [o for o in options if o.label or o.code]
    for option in options:
        option.specify = option.specify or other_box
        option.label = _DECOR_RE.sub("", option.label)
        if option.label.startswith("⊗"):
            # "⊗None of these": survey tools mark an answer that stands alone with ⊗
            option.label, option.exclusive = option.label[1:].lstrip(), True
        option.skip_to = option.skip_to or target
        option.terminate = option.terminate or terminate
        option.to_end = option.to_end or (closed["word"] if closed else "")
        _routing_before_code(option)
        if _BLANK_RE.search(option.label) and re.match(r"other\b", option.label, re.I):
            option.specify = True
        ends_open = option.code is not None and option.label.rstrip().endswith(":")
        if ends_open or re.search(r":\s*_{3,}|[?)]\s*_{3,}\s*$", option.label):
            # "Otra, ¿cuál? ______", "Other (please say) ____": a box after the words
            # "Anderer Grund, und zwar: ______": words and a colon before a write-in line ask
            # for specifics in any language (settle_options: unless every answer has one);
            # "Anders, namelijk: …  96": words and a colon before the code (the dots after
            # the colon were read as leaders to the code) likewise leave a line to write on
            option.write_in = True
            if ends_open:
                option.label = option.label.rstrip().rstrip(":").rstrip()
        # "Taken away ___ %": the box to write a share in, not a write-in of the answer's own
        option.label = _SHARE_BOX_RE.sub("", option.label)
        option.label = _drop_trailing_leaders(_BLANK_RE.sub("", option.label).strip())
        # "______ Caffeine (4)": the box to write a rank or amount in, before the item
        option.label = re.sub(r"^_{3,}\s+(?=\w)", "", option.label)
        if _SPECIFY_RE.search(option.label):
            option.specify = True
        aside = _ARROW_ASIDE_RE.search(option.label)
        if aside and aside.start() > 0:
            # "No, I came with someone → please hand the card back": what to do after the
            # answer, said after an arrow, is its note (the rules read or flag it there)
            option.instructions.append(aside["note"].strip())
            option.label = option.label[: aside.start()].rstrip()
    return options


# an arrow set apart by spaces after an answer's words, with words after it
_ARROW_ASIDE_RE = re.compile(r"(?<=\S)\s+(?:→|->|⇒)\s+(?P<note>[^\W\d_][^→]*)$")


def _routing_before_code(option: RawOption) -> None:
    """ "☐ No → please go to Q9<TAB>2", "☐ Yes (go to Q18)<TAB>1": the routing sits between
    the words and the code after them, so it is read once the code is off the label."""
    if option.code is None or option.skip_to or option.terminate:
        return
    label, target, terminate = strip_routing(option.label)
    if target or terminate:
        option.label, option.skip_to, option.terminate = label, target, terminate


def _drop_trailing_leaders(label: str) -> str:
    """`Other (name it) ..........`: dot leaders running to the edge are the line to write on."""
    bare = label.rstrip(".…")
    return bare.rstrip() if len(label) - len(bare) >= 4 and bare.strip() else label


def _code_first_across(text: str) -> list[RawOption]:
    """ "1 = Yes   2 = No", "1 – Weekly · 2 – Monthly", "1 · 2 · 3 · 4 · 5" (codes_across)."""
    options = []
    for code, label, note in coded_across(text):
        option = RawOption(label, code)
        if note:
            _tail_actions(option, [note])
        options.append(option)
    return options


def _named_answer(options: list[RawOption], text: str) -> RawOption:
    """The answer a route after a line of answers belongs to: the one it names ("3 No   -> if
    no, go to question 17"), else the last one, beside which the route is printed."""
    named = re.search(r"\bif\s+(?:you\s+\w+\s+)?['‘\"]?([^,'’\"]{1,40}?)['’\"]?\s*,", text, re.I)
    if named:
        wanted = named[1].strip().lower()
        for option in options:
            if option.label.lower() == wanted:
                return option
    return options[-1]


_APART_RE = re.compile(
    r"^(?P<body>.*\S)[ \t]{3,}+(?P<code>\d{1,2})\s+(?P<label>[^\W\d_][^\t\d]{0,30})$"
)


def _scale_and_apart(text: str, numbering: str | None) -> list[RawOption]:
    """ "Very poor  1   2   3   4   5  Very good      9 Don't know": a numbered scale on one line
    with a non-answer set apart after a wide gap under a code of its own (7 and up, past the
    scale's last point), as paper forms print "don't know" beside a row of points."""
    if "   " not in text and "\t" not in text:
        return []
    apart = _APART_RE.match(text.strip())
    if apart is None or int(apart["code"]) < 7:
        return []
    body = parse_option_text(apart["body"], numbering)
    codes = [o.code for o in body]
    if len(body) < 3 or not all(c is not None and c.isdigit() for c in codes):
        return []
    numbers = [int(c) for c in codes if c is not None]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[-1] >= int(
        apart["code"]
    ):
        return []
    return [*body, RawOption(apart["label"].strip(), apart["code"])]


def _listed(text: str) -> list[RawOption]:
    """ "Yes [1]; No [2]; Not sure [9]": coded answers one after another (answers_listed)."""
    options = []
    for label, code in listed_answers(text):
        option = RawOption(label, code)
        if _SPECIFY_RE.search(label):
            option.specify = True
        options.append(option)
    return options


_PACKED_ITEM_RE = re.compile(r"^(\d{1,3})\s*[=.):-]?\s+([A-Za-z][^,;]*)$")


def _packed(text: str) -> list[RawOption]:
    """Several coded answers on one line: "1 Strongly disagree, 2 Disagree, 3 Agree"."""
    if "," not in text and ";" not in text:
        return []  # nothing to split on; the split is slow on long runs of spaces
    parts = re.split(r"\s*[,;]\s*(?=\d{1,3}\s*[=.):-]?\s+[A-Za-z])", text)
    if len(parts) < 2:
        return []
    matches = [_PACKED_ITEM_RE.match(p.strip()) for p in parts]
    if not all(matches):
        return []
    codes = [int(m[1]) for m in matches if m]
    if any(b != a + 1 for a, b in zip(codes, codes[1:], strict=False)):
        return []  # "1 = Terrible, 5 = Excellent" names a scale's ends (inline_scale)
    return [RawOption(collapse(m[2]), m[1]) for m in matches if m]


# "Medicines ...... B", "GOATS<TAB>B": a capital letter code after leaders or a tab
_LETTER_CODE_RE = re.compile(r"^(?P<label>.*?[^\s.…])\s*(?:\.{3,}|…+|\t+)\s*(?P<code>[A-Z])$")


# "(exclusive)", "+ text box" after an answer: tags in the build's own words
_TAIL_TAG_RE = re.compile(
    # ("Shared bins only (circle on its own)": how to mark an answer that stands alone)
    r"\s+(\(\s*exclusive\s*\)|\(\s*(?:circle|tick|mark|cross|select|choose)\s+(?:this\s+|it\s+)?"
    r"(?:on\s+its\s+own|alone)\s*\)|\+\s*(?:an?\s+)?"
    r"(?:text\s*(?:box|field|entry|input)|open\s+box|write[- ]in))\s*$|"
    # "None of these<TAB>exclusive": the tag in a column of its own, in any case
    r"\t\s*(exclusive)\s*$",
    re.I,
)


def _bracket_codes_across(text: str) -> list[RawOption]:
    """ "[1] Right   [2] Left   [3] Either", "[1] [2] [3] [4] [5]": answers across one line, each
    after its code in square brackets (a point with no words is labelled by its number)."""
    parts = re.split(r"\[(\d{1,3})\]", text)
    if len(parts) < 5 or parts[0].strip():
        return []
    found = []
    for code, label in zip(parts[1::2], parts[2::2], strict=True):
        # ("[1] Yes   [2] No → go to #9": the last answer's jump is routing, not its words)
        words, target, terminate = strip_routing(label.strip())
        # ("[6] Other: ________": the write-in line after the words and a colon)
        blank = re.search(r"\s*:?\s*_{3,}\s*$", words)
        words = words[: blank.start()] if blank and words[: blank.start()].strip() else words
        option = RawOption(collapse(words) or code, code)
        option.skip_to, option.terminate = target, terminate
        option.specify = bool(blank and re.match(r"other\b", words, re.I))
        found.append(option)
    return found


def _coded_across(text: str) -> list[RawOption]:
    """ "Male ... 1      Female ... 2", "Very satisfied 1    Satisfied 2": coded answers
    across one line, set apart by wide gaps."""
    parts = [p.strip() for p in re.split(r"\s{3,}|\t+", text) if p.strip()]
    if len(parts) < 2:
        return []
    found = []
    for part in parts:
        label, target, terminate = strip_routing(part)
        match = re.match(
            r"^(?P<label>[^\d]*?[A-Za-z)'’])\s*(?:\.{2,}|…+)?\s*(?P<code>\d{1,3})$", label
        )
        if match is None:
            return []
        option = RawOption(collapse(match["label"]), match["code"])
        option.skip_to, option.terminate = target, terminate
        found.append(option)
    return found


def _slashed_coded(text: str) -> list[RawOption]:
    """ "Very likely (1) / Fairly likely (2) / Don't know (9)", "Scale: Never (1) - Often (2)":
    coded answers across a line, set apart by slashes, bars or dashes."""
    text = re.sub(r"^(?:scale|answers?|responses?|options?)\s*:\s*", "", text, flags=re.I)
    if not any(mark in text for mark in "/|-–"):
        return []  # no separator; the split is slow on long runs of spaces
    parts = [p.strip() for p in re.split(r"\s+/\s+|\s*\|\s*|\s+[-–]\s+", text) if p.strip()]
    if len(parts) < 2:
        return []
    found = []
    for part in parts:
        coded = _code_bracketed(part) or _named_groups(
            re.match(r"^[\[(]?(?P<code>\d{1,3})[\])]\s*(?P<label>\S.*)$", part)
        )
        if coded is None and "|" in text:
            # "Very poor 1 | Poor 2 | Don't know 8": between bars, each code after its words
            coded = _named_groups(re.match(r"^(?P<label>[^\W\d].*?)\s+(?P<code>\d{1,3})$", part))
        if coded is None:
            return []
        found.append(RawOption(collapse(coded["label"]), coded["code"]))
    return found


_ACROSS_MARK_RE = re.compile(r"(?:^|\s)\(?([A-Za-z]|\d{1,2})[.)]\s+")


def _counts_up(numbers: list[int]) -> bool:
    """1 2 3, or 1 3 5 across a line of answers printed in columns (`answer_columns`)."""
    step = numbers[1] - numbers[0]
    return 1 <= step <= 4 and numbers == list(range(numbers[0], numbers[-1] + 1, step))


def _marked_across(text: str) -> list[RawOption]:
    """ "A) Male   B) Female   C) Prefer not to say", "1) Yes 2) No": answers across a line."""
    marks = list(_ACROSS_MARK_RE.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    keys = [m[1] for m in marks]
    letters = all(k.isalpha() for k in keys)
    if letters:
        expected = [chr(ord(keys[0].lower()) + i) for i in range(len(keys))]
        if keys[0].lower() != "a" or [k.lower() for k in keys] != expected:
            return []
    elif not all(k.isdigit() for k in keys) or not _counts_up([int(k) for k in keys]):
        return []
    found = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        label = text[mark.end() : following.start() if following else len(text)].strip(" ,;")
        if not label or len(label.split()) > 8:
            return []
        found.append(RawOption(label, None if letters else mark[1], marker=mark[1].lower()))
    return found


# The words of a point may start with any letter ("0 = äußerst unwahrscheinlich").
_INLINE_POINT_RE = re.compile(
    r"(?<![\d.])(-?\d{1,2})\s*=\s*['\"“‘]?([^\W\d_][^,;()=\"”’]*?)['\"”’]?"
    # (ends before "·", or before middle points written bare: "0 = hate it  1  2 … 10 = love it",
    # or before a bracketed note: "10 = Extremely satisfied (show 0-10 across the screen)")
    r"(?=\s*(?:,|;|\)|$|\.|…|·|•|\s\(|\s[-–]\s|\s-?\d{1,2}\s*=|\s+(?:and|to|through)\s+-?\d|"
    r"\s+-?\d{1,2}\s+-?\d{1,2}\b))"
)


def inline_scale(text: str) -> list[Option]:
    """Scale points defined inline: "(1 = Not at all likely, 5 = Very likely)"."""
    points = {int(n): label.strip() for n, label in _INLINE_POINT_RE.findall(text)}
    if len(points) < 2:
        return []
    low, high = min(points), max(points)
    if not 2 <= high - low <= 11:
        return []
    written = sorted(points)
    if len(written) >= 4 and written[:-1] == list(range(low, written[-2] + 1)):
        # "1 = Very good  2 = …  4 = Very poor  8 = Don't know": every point worded, then a
        # code set apart for an answer off the scale; no unworded points lie between
        return [Option(code=str(n), label=points[n]) for n in written]
    return [Option(code=str(n), label=points.get(n, str(n))) for n in range(low, high + 1)]


_NUMBER_ROW_RE = re.compile(r"^-?\d{1,2}(?:\s+-?\d{1,2}){2,}$")
# end words in any alphabet ("Çok kötü 1 … 10 Çok iyi", "Sehr schlecht 1 … 5 Sehr gut")
# ("Très mécontent(e)": a word's feminine ending in brackets is part of it)
# (an end's words up to 45 letters: "Não recomendaria de jeito nenhum", "Would definitely not
# recommend it")
_WORDS_AROUND_NUMBERS_RE = re.compile(
    r"^(?P<low>[^\W\d_](?:[^\W\d_]|[ '’-]|\([^\W\d_]{1,3}\)){1,45}?)\s+"
    r"(?P<points>-?\d{1,2}(?:\s+-?\d{1,2}){2,10})\s+"
    r"(?P<high>[^\W\d_](?:[^\W\d_]|[ '’-]|\([^\W\d_]{1,3}\)){1,45})$"
)
# "1 | 2 | 3 | 4 | 5" or "1 / 2 / 3": points set apart by bars or slashes, read as spaced ones
_BARRED_POINTS_RE = re.compile(r"(?<=\d)\s*[|｜/]\s*(?=-?\d{1,2}\b)")
# "not easy — 1 — 2 — … — 7 — very easy": points and end words set apart by long dashes
_DASHED_POINTS_RE = re.compile(r"\s+[—–]\s+(?=-?\d{1,2}\b)|(?<=\d)\s+[—–]\s+")
# "Très mécontent(e)  1 - 2 - 3 - … - 10  Très satisfait(e)": spaced hyphens, in a run of three
# points or more (so that "18 - 24", an age band, stays one answer)
_HYPHENED_POINTS_RE = re.compile(r"(?<=\d)\s+-\s+(?=\d{1,2}\b)")
_HYPHENED_RUN_RE = re.compile(r"\d\s+-\s+\d{1,2}\s+-\s+\d")


# "… 10 Very good   DK 98": a coded answer after a scale's last word, its code past the points
_EXTRA_AFTER_SCALE_RE = re.compile(
    r"^(?P<rest>.*\S)\s+(?P<label>[^\W\d_]\S*(?:\s+[^\W\d_]\S*){0,2}?)\s+(?P<code>\d{2,3})$"
)


def _scale_with_extras(text: str) -> list[RawOption]:
    """ "Very bad 0 1 2 … 10 Very good DK 98 NA 99": the worded scale, then the codes for no
    score written after it on the same line (each label the shortest before its code)."""
    extras: list[RawOption] = []
    while (extra := _EXTRA_AFTER_SCALE_RE.match(text)) and len(extras) < 3:
        extras.insert(0, RawOption(extra["label"], extra["code"]))
        text = extra["rest"]
        ends = _WORDS_AROUND_NUMBERS_RE.match(text)
        if ends:
            points = [RawOption(n, n) for n in ends["points"].split()]
            if any(int(e.code or 0) <= int(points[-1].code or 0) for e in extras):
                return []
            points[0].label, points[-1].label = ends["low"].strip(), ends["high"].strip()
            return [*points, *extras]
    return []


# "0 = Not at all likely   1   2 … 9": a scale's worded low end and bare points, its high end
# ("10 = Extremely likely") wrapped onto the next line
_LOW_END_POINTS_RE = re.compile(
    r"^(?P<code>\d{1,2})\s*[=:]\s*(?P<label>[^\W\d_][^=\d]{0,40}?)\s+(?P<points>\d{1,2}(?:\s+\d{1,2}){1,10})$"
)


def _low_end_and_points(text: str) -> list[RawOption]:
    """The points of a scale line that stops before its high end, or []: the bare numbers after
    the low end's words must count on from its code."""
    match = _LOW_END_POINTS_RE.match(text.strip())
    if match is None:
        return []
    low, points = int(match["code"]), [int(n) for n in match["points"].split()]
    if points != list(range(low + 1, low + 1 + len(points))):
        return []
    return [RawOption(collapse(match["label"]), match["code"])] + [
        RawOption(str(n), str(n)) for n in points
    ]


def _single(text: str, numbering: str | None) -> list[RawOption]:
    barred = _BARRED_POINTS_RE.sub("  ", text) if re.search(r"\d\s*[|｜/]\s*\d", text) else text
    if barred != text and (
        _NUMBER_ROW_RE.match(barred.strip()) or _WORDS_AROUND_NUMBERS_RE.match(barred.strip())
    ):
        text = barred
    dashed = _DASHED_POINTS_RE.sub("  ", text) if re.search(r"\d\s+[—–]\s+\d", text) else text
    if _HYPHENED_RUN_RE.search(text):
        dashed = _HYPHENED_POINTS_RE.sub("  ", text)
    if dashed != text and (
        _NUMBER_ROW_RE.match(dashed.strip()) or _WORDS_AROUND_NUMBERS_RE.match(dashed.strip())
    ):
        text = dashed
    if _NUMBER_ROW_RE.match(text.strip()):
        return [RawOption(n, n) for n in text.split()]
    ends = _WORDS_AROUND_NUMBERS_RE.match(text.strip())
    if ends:
        # "Poor 1 2 3 4 5 Excellent": the points with words at the ends.
        points = [RawOption(n, n) for n in ends["points"].split()]
        points[0].label, points[-1].label = ends["low"].strip(), ends["high"].strip()
        return points
    if extras := _scale_with_extras(text.strip()):
        return extras
    if numbered := numbered_ends(text):  # "0 Not at all likely 1 2 … 10 Extremely likely"
        return [RawOption(label, code) for code, label in numbered]
    match = _ROW_CODE_RE.match(text)
    if match:
        return [RawOption(collapse(match["label"]), match["code"])]
    if len(_INLINE_POINT_RE.findall(text)) >= 2:
        return [RawOption(o.label, o.code) for o in inline_scale(text)]
    if low_end := _low_end_and_points(text):
        return low_end
    match = _CODE_AFTER_LEADER_RE.match(text) or _LETTER_CODE_RE.match(text)
    if match:
        return [RawOption(collapse(match["label"]), match["code"])]
    match = _CODE_ONLY_RE.match(text)
    if match:
        return [RawOption("", match["code"])]
    match = _CODE_BEFORE_RE.match(text)
    tail_code = re.search(r"\S\s+\[(\d{1,3})\]$", text)
    if tail_code:
        # "3 points per £1 [1]": the code in square brackets after the words ("1 Yes [1]":
        # the same code written twice)
        # ("3 to 5 years [3]": a band that opens with its code's number keeps it)
        if match and match["code"] == tail_code[1] and not _UNITS_LEAD_RE.match(text):
            text = text[match.start("label") :]
        match = None
    if match and not _UNITS_LEAD_RE.match(text):
        return [RawOption(collapse(match["label"]), match["code"])]
    after = _CODE_AFTER_RE.match(text)
    coded = _named_groups(after) if after else _code_bracketed(text)
    if coded and not _is_band(_LEAD_MARK_RE.sub("", text)):
        return [RawOption(collapse(coded["label"]), coded["code"])]
    match = _CODE_BRACKETED_NOTE_RE.match(text)
    if match and not _is_band(match["label"]):
        # "None of them (0) – thank you, you need not go on": the code, then a note on it
        note = collapse(match["note"])
        code = match["code"] or match["squared"]
        return [RawOption(collapse(match["label"]), code, instructions=[note])]
    match = _LETTER_CODE_BEFORE_RE.match(text)
    if match:
        # "A - Detached house": a capital letter set apart by a dash is the answer's code.
        return [RawOption(collapse(match["label"]), match["code"])]
    if numbering and re.fullmatch(r"\(?\d{1,3}[.)]?", numbering.strip()):
        return [RawOption(collapse(text), re.sub(r"\D", "", numbering))]
    match = _LETTER_RE.match(text) or _LETTER_EQUALS_RE.match(text)
    if match:
        return [RawOption(collapse(match["label"]), None, marker=match["letter"])]
    if numbering and re.fullmatch(r"\(?[a-zA-Z][.)]", numbering.strip()):
        return [RawOption(collapse(text), None, marker=numbering.strip("().").lower())]
    boxed = _BOX_THEN_CODE_RE.match(text)
    if boxed:  # "☐ 1<TAB>Head or neck": a box, then the answer's code set apart from its words
        return parse_option_text(boxed["rest"], numbering)
    match = _BULLET_RE.match(text)
    if match and re.match(r"[-–]{2}\s", text):
        return []  # "-- K4 is only for …": a plain-text form's double dash opens a note
    if match:
        return [RawOption(collapse(match["label"]), None, marker="•")]
    if numbering:
        return [RawOption(collapse(text), None, marker="•")]
    return []


def _beside_box(label: str, code: str, route: str) -> RawOption:
    """ "No ☐ 2  → Go to Q8": the words, the office code after the box, the routing."""
    _, target, terminate = strip_routing(f"{label} {route}") if route else ("", None, False)
    blank = _BLANK_RE.search(label) is not None  # "Other (please write in): ____ ☐ 8"
    label = _BLANK_RE.sub("", label) if blank else label
    return RawOption(
        label.rstrip(":").strip(),
        code,
        marker="☐",
        skip_to=target,
        terminate=terminate,
        specify=bool(_SPECIFY_RE.search(label)),
        # "Prefer to self-describe: ☐ 3" and a line to write on
        write_in=label.endswith(":") or blank,
    )


def _is_band(text: str) -> bool:
    """ "18 - 24": an age or count band (a rising range), not a label and its code."""
    band = re.fullmatch(r"\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\s*", text)
    return band is not None and int(band[1]) < int(band[2])


def _boxes(text: str) -> list[RawOption]:
    """Tick boxes across a line: `☐ A ☐ B`, or a scale `Poor ☐ 1 ☐ 2 ☐ 3 Excellent`."""
    # "- [ ] 0  - [ ] 1": a task list typed across one line leaves each next item's bullet
    parts = [re.sub(r"\s+[-*+•]$", "", collapse(p)) for p in _BOX_SPLIT_RE.split(text)]
    scale = numbered_box_scale(text)
    if scale:
        # "Not likely  1 ☐  2 ☐ … 5 ☐  Very likely": numbered boxes between the end words
        return [RawOption(label, code, marker="☐") for code, label in scale]
    if text.rstrip()[-1:] in BOXES and parts[0]:
        # Boxes after their labels: "Yes ☐  No ☐".
        return [RawOption(_BLANK_RE.sub("", p).strip(), None, marker="☐") for p in parts if p]
    head, items = parts[0], parts[1:]
    if head and len(items) >= 3 and items[-1] and not any(items[:-1]):
        # "Very dissatisfied ○ ○ ○ ○ ○ Very satisfied": one box per point, words at the ends.
        ends = [RawOption("", None, marker="ends") for _ in items]
        ends[0].label, ends[-1].label = head, items[-1]
        return ends
    if before := _codes_before_boxes(head, items):
        return before
    numbered = [re.match(r"^(\d{1,3})\b\s*(.*)$", p) for p in items]
    # "☐ 16–17 ☐ 18–20": age bands after their boxes are the answers' words, not codes
    if items and all(numbered) and not any(_is_band(p) for p in items):
        options = []
        for index, match in enumerate(numbered):
            assert match is not None
            label = match[2] or ""
            if index == 0 and head:
                label = head
            options.append(RawOption(label or match[1], match[1], marker="☐"))
        return options
    return _paren_coded([_boxed(p) for p in items if p])


# ("☐ Yes [1]  ☐ No [0]": a CRF's database codes in square brackets alike)
_PAREN_CODE_RE = re.compile(
    r"^(?P<label>.*?)\s*(?:\((?P<code>\d{1,3})\)|\[(?P<squared>\d{1,3})\])$"
)


def _paren_coded(options: list[RawOption]) -> list[RawOption]:
    """ "☐ Yes (1)  ☐ No (2)", "☐ Poor (1) ☐ (2) ☐ (3) ☐ Good (4)": each box's answer closed by
    its code in brackets (a scale's middle points by the code alone)."""
    found = [_PAREN_CODE_RE.match(o.label) for o in options]
    if len(options) < 2 or not all(found):
        return options
    for option, match in zip(options, found, strict=True):
        assert match is not None
        code = match["code"] or match["squared"]
        option.label, option.code = match["label"] or code, code
    return options


_CODE_MARK_RE = re.compile(r"^\d{1,3}[.)]?$")
_NEXT_CODE_RE = re.compile(r"^(?P<label>.*\S)\s+(?P<code>\d{1,3})[.)]?$")
_BARE_CODE_RE = re.compile(r"^(?P<label>)(?P<code>\d{1,3})[.)]?$")


def _codes_before_boxes(head: str, items: list[str]) -> list[RawOption]:
    """ "1. ☐ Yes   2. ☐ No": each code stands before its box, so the line splits at the
    boxes into "1.", "Yes 2.", "No"; each answer takes the code written before its box."""
    if not _CODE_MARK_RE.match(head) or len(items) < 2:
        return []
    # ("1 ☐ Very difficult  2 ☐  3 ☐  4 ☐  5 ☐ Very easy": the middle points have no words)
    tails = [_NEXT_CODE_RE.match(item) or _BARE_CODE_RE.match(item) for item in items[:-1]]
    if not all(tails):
        return []
    codes = [head.rstrip(".)")] + [m["code"] for m in tails if m]
    labels = [m["label"] for m in tails if m] + [items[-1]]
    if not all(labels):
        numbers = [int(c) for c in codes if c.isdigit()]
        if len(numbers) != len(codes) or any(
            b != a + 1 for a, b in zip(numbers, numbers[1:], strict=False)
        ):
            return []  # points without words only on a scale counted up by one
    options = []
    for code, label in zip(codes, labels, strict=True):
        option = _boxed(label) if label else RawOption(code, code, marker="☐")
        option.code = code
        options.append(option)
    return options


def _boxed(part: str) -> RawOption:
    """One answer after its box; "☐ No → GO TO Q7" keeps its routing apart from its words."""
    label, target, terminate = (
        strip_routing(part)
        if re.search(r"→|(?<!-)-+>|=>|\bgo\s*to\b", part, re.I)
        else (part, None, False)
    )
    return RawOption(
        _BLANK_RE.sub("", label).strip(),
        None,
        marker="☐",
        specify=bool(_SPECIFY_RE.search(label)),
        write_in=_BLANK_RE.search(label) is not None,  # "☐ Other: ______"
        skip_to=target,
        terminate=terminate,
    )


_TRAILING_CODE_RE = re.compile(r"^(?P<label>.*\S)\s+(?P<code>\d{1,3})$")


# a band's words before its last number: "5 to", "Under", "More than", "aged 16 -"
_RANGE_END_RE = re.compile(
    r"(?:\b(?:to|under|over|than|from|and|aged|up\s+to|between)|\d\s*[-–—])\s*$", re.I
)


def trailing_codes(options: list[RawOption]) -> list[RawOption]:
    """Plain answers that all end in a number that rises ("Male 1", "Female 2") carry codes
    (and the routing written between the words and the code)."""
    if len(options) < 2 or any(o.code is not None for o in options):
        return options
    matches = [_TRAILING_CODE_RE.match(o.label) for o in options]
    if not all(matches):
        return options
    codes = [int(m["code"]) for m in matches if m]
    if any(b <= a for a, b in zip(codes, codes[1:], strict=False)):
        return options
    if any(_RANGE_END_RE.search(m["label"]) for m in matches if m):
        return options  # "Under 5", "5 to 8", "9 to 12": the number ends a band of values
    if len({m["label"].lower() for m in matches if m}) < len(matches):
        return options  # "Year 8", "Year 10": two answers can't share words; the number names it
    for option, match in zip(options, matches, strict=True):
        assert match is not None
        option.label, option.code, option.marker = match["label"], match["code"], None
        _routing_before_code(option)  # "☐ Yes (go to Q18) 1"
    return options


# "1 Dairy yoghurt": a number, one space, then words (a unit after the number is a count)
_LEADING_CODE_RE = re.compile(r"^(?P<code>\d{1,2}) (?P<label>[^\W\d_].*)$")
_COUNT_WORD_RE = re.compile(
    r"^(?:or|and|to|years?|months?|weeks?|days?|hours?|minutes?|times?|people|persons?)\b", re.I
)


def leading_codes(options: list[RawOption]) -> list[RawOption]:
    """Boxed or bulleted answers that all start with a number counting up or down by one
    (`☐ 5 Very appealing` … `☐ 1 Not at all appealing`) print their codes before the words
    with a single space, as typeset paper forms do; a count ("1 child", "2 children") is not."""
    if len(options) < 3 or any(o.code is not None or o.marker != "•" for o in options):
        return options
    matches = [_LEADING_CODE_RE.match(o.label) for o in options]
    if not all(matches) or any(_COUNT_WORD_RE.match(m["label"]) for m in matches if m):
        return options
    codes = [int(m["code"]) for m in matches if m]
    steps = {b - a for a, b in zip(codes, codes[1:], strict=False)}
    if steps not in ({1}, {-1}):
        return options
    firsts = {m["label"].split()[0].lower().rstrip("s") for m in matches if m}
    if len(firsts) == 1:
        return options  # "1 child", "2 children": the same thing counted
    for option, match in zip(options, matches, strict=True):
        assert match is not None
        option.label, option.code, option.marker = match["label"], match["code"], None
    return options


def parse_option_line(line: Line) -> list[RawOption]:
    """The options written on a line, with the line's own instructions applied as tags."""
    if line.is_option:
        lettered = (
            None if line.code else _LETTER_RE.match(line.text) or _LETTER_EQUALS_RE.match(line.text)
        )
        written = lettered["label"] if lettered else line.text
        written = re.sub(rf"^(?:[{BOXES}•●▪■◦]\s*)+", "", written)  # "☐ Yes" in a table cell
        written = _without_mark_after_code(written)
        label, target, terminate = strip_routing(written)
        blank = _BLANK_RE.search(label) is not None
        label = _BLANK_RE.sub("", label).strip() or label
        option = RawOption(label, line.code, marker=None if line.code else "•")
        option.skip_to, option.terminate = target, terminate
        option.specify = bool(_SPECIFY_RE.search(label)) or (
            blank and re.match(r"other\b", label, re.I) is not None
        )
        options = [option]
    else:
        written = line.spaced or line.text
        # "Another language (please specify) [5] ________": the code, then the write-in blank
        written = re.sub(r"(\[\d{1,3}\])\s+_{3,}\s*$", r"\1", written)
        options = parse_option_text(written, line.numbering)
        if len(options) == 1:
            options[0].label = _caps_brackets_back(options[0].label, line)
    if options and line.instructions:
        _tail_actions(options[-1], line.instructions)
    for option in options:
        option.start = line.start
    return options


# tags an interviewer reads as an instruction, not as part of a capitals answer's words
_CAPS_TAG_RE = re.compile(
    r"^(?:EXCLUSIVE|ANCHOR|FIX|TERMINATE|CLOSE|SCREEN|RANDOMI|ROTATE|SPONTANEOUS|UNPROMPTED|VOL|"
    r"SINGLE|MULTI|OPEN|DO\s+NOT|DON'T|READ|PROBE|SHOW|GO\s+TO|SKIP|ASK|RECORD|CIRCLE|CODE)"
)


def _caps_brackets_back(label: str, line: Line) -> str:
    """ "OTHER (SPECIFY) ...... 96", "SURFACE WATER (RIVER, POND) ... 61": in an interviewer's
    list printed in capitals, the bracketed capitals right after the words are the answer's
    printed label (a write-in keeps its SPECIFY as a tag too)."""
    if not label or re.search(r"[a-z]", label):
        return label
    printed = " ".join(line.raw.split())
    for note in line.instructions:
        if not _CAPS_TAG_RE.match(note) and f"{label} ({note})" in printed:
            return f"{label} ({note})"
    return label


def is_plain_answer(text: str) -> bool:
    """True for a short unmarked line that can be an answer in a list (a country, a brand)."""
    if re.search(r"→|(?<!-)-+>", text):
        # "Under 18 → please stop here; this survey is for adults": the answer's words are
        # those before its route, however long the route's own words are
        # (not "“None” is exclusive. If selected → Jump to Q10": a note's sentences)
        label, target, ends = strip_routing(text)
        if (target or ends) and label.strip() and not re.search(r"[.!?]\s|\bif\b", label, re.I):
            text = label.strip()
    words = text.split()
    return 0 < len(words) <= 10 and not text.endswith(("?", ":")) and len(text) <= 80
