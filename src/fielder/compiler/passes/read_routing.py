"""Pass: one question's routing in wording no dedicated rule reads, read as SCOPE + CONDITION
+ ACTION before `unread_routing` flags what is left.

The dedicated rules know many layouts of a filter or a route; a new questionnaire writes them
its own way ("Base: IF CONSIDERED BUT REJECTED (Q3 CODE 1 AND Q1 NOT 1)", ">> RN6 = 1 OR 5:
SKIP TO RN9", "Si ha respondido «No», la encuesta termina aquí", "(A1 = 1 or 2 only) Are you
…?"). Each part is read generically instead of phrase by phrase:

- SCOPE: the question the words sit on. A filter under the answers, as the question's last
  line (or one that tests the question itself, or ends in a colon), opens the next question;
  a filter above the question or between its text and its answers is its own; a route or a
  screen-out tests the question's own answers. Under a question with no answers written (a
  text box) a line saying when it appears ("Appears when …", "Visible when …") is its own; a
  line headed by a question's id ("H2: ONLY IF …", ">> Q3 only if …") or naming it ("Leave
  out Q7 if …", "C10 appears only for …") is that question's. Where the filters after answers
  all test the question just before the one they sit under (a table's "who answers" column),
  the document prints filters under their question, and they stay there. Words that name
  several questions (a run, a section) are left to the rules for those.
- CONDITION: the bracket or the clause after IF / ONLY / WHEN / EXCEPT / THOSE WHO, or the
  words before the action, handed to `conditions.parse_condition`; groups named in words, each
  with its test in brackets, joined as written ("STILL SMOKING (F2 = 3) OR LOW CONFIDENCE (H1 =
  1, 2 OR 3)", "aged 65 or over (P16 = 4 or 5) who did NOT tick the app (code 3) at P2").
- ACTION: close / terminate / stop → `terminate_if`; anything else that conditions the
  question (ask, show, only, base, a label over a bracket) → `display_if`. A jump on a line
  (skip / go to / continue at a later question) stated alone → `skip_to`; a jump over the next
  question only, written beside the branch that goes on → that question's `display_if` (the
  golds' majority, GOLD_CONVENTIONS "Both branches written out"). An answer's `[→ X]` tag is
  read the same way, as a `skip_to` on that answer's code.
  A screen-out names its answers as a test, a chooser ("anyone choosing 3"), their codes in
  brackets ("(7)"), their words up to the clause's comma ("If the repair was not done at all,
  …"), their place ("the fourth answer") or none of two ("neither A nor B"); a jump on a
  number question may name the count ("IF ONLY ONE VISIT, GO TO R9"). A sentence wrapped onto
  the next line under the answers is read whole; a question's own notes (a spec table's filter
  cell) are read for a screen-out too.
  "Not asked if", "skip this question if", "except", "unless", "anyone else", "hidden if",
  "leave out" flip the test ("hidden unless" does not). Verbs of showing with no usual filter
  word ("Appears when", "Shown to", "Only reached by", "Detractors only –", "Condition:")
  read as filters too; a row or an answer shown to some is left to the rules for those.
- GROUPS: "Agents only." on a line of its own names whom by an answer's words (one answer of
  one earlier question, plurals folded); "Families not in the scheme (you ticked “No” at
  question 2):" and "Portal users (T4 code 3)" name a group over its test; "IF YES AT Q15:
  CONFIRM EMAIL." heads the next question.
- JOINED: a question whose only logic is its section's ("ASK IF Q5 = 1 or 2" over the run)
  and a line of its own testing other questions ("Q12 only if 20 hours or more at Q11") is
  asked of both: the two are joined with AND.

Only questions with no logic at all are read, only when every part was read and the test names
questions the scope may see; anything else is left to `unread_routing`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fielder.compiler.answer_next import canonical_filter
from fielder.compiler.conditions import Atom, ConditionError, parse_condition, render
from fielder.compiler.glossary import route_to_english, to_english
from fielder.compiler.instructions import IF_ELSE_PAIR_RE, sentences, type_words
from fielder.compiler.parse import Draft
from fielder.compiler.passes.coded_screen_outs import coded_screen_out
from fielder.compiler.passes.only_notes import only_test
from fielder.compiler.passes.others_jump import others_jump
from fielder.compiler.passes.routing_readings import Reading, other_codes, question_named
from fielder.compiler.passes.unread_routing import boxed_note, is_conditional_route
from fielder.compiler.worded_answers import NUMBER_WORDS
from fielder.ir.expressions import parse, references
from fielder.ir.models import Question, SkipRule

_ID = r"[A-Z]{0,4}\d{1,3}[A-Za-z]?(?:[._]\d{1,2}[a-z]?)?"
# the survey ends for the respondent (in the languages the glossary leaves as written too)
_TERMINATE_RE = re.compile(
    r"\b(?:TERMINATE|SCREEN[\s-]*OUT|DISQUALIF\w*|THANK\s+(?:AND|&)\s+(?:CLOSE|END)|CLOSE"
    r"|END\s+(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE)|STOP\s+HERE|(?:SURVEY|INTERVIEW|QUESTIONNAIRE|FORM)"
    r"\s+(?:ENDS|CLOSES)|ENDE\s+DES\s+(?:INTERVIEWS|FRAGEBOGENS)|INTERVIEW\s+BEENDEN|BEDANKEN"
    r"|FIN\s+DU\s+QUESTIONNAIRE|TERMINA\w*|ENCERR\w+|FINALI[SZ]\w+"
    # a telephone script's "END THE CALL"; "is thanked and closed"; "show the page and end."
    r"|END\s+(?:THE\s+)?CALL|THANKED\s+AND\s+(?:CLOSED|ENDED)|(?:AND|THEN)\s+END(?=\W*$)"
    # a self-completion form's ways of telling someone they are done
    r"|(?:NO\s+LONGER\s+|NOT\s+)ELIGIBLE|(?:DO\s+NOT|DON'?T)\s+NEED\s+TO\s+(?:FILL\s+IN|COMPLETE"
    r"|ANSWER)\s+THE\s+REST|(?:DO\s+NOT|DON'?T)\s+NEED\s+TO\s+(?:GO\s+ANY\s+FURTHER|CARRY\s+ON|CONTINUE)"
    # "code 2 closes the interview", "choosing No ends the survey", "the form thanks you and
    # closes", "answers 5 and 6 finish here", "this clinic is not for you", "STOP:"
    r"|(?:CLOSES|ENDS|FINISH(?:ES)?)\s+(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE|FORM|CALL)"
    r"|(?:DIARY|FORM|QUESTIONNAIRE)\s+ENDS|THANK\s+(?:THEM|YOU)\s+AND\s+(?:CLOSE|END)"
    r"|AND\s+(?:CLOSES|ENDS)|FINISH\s+HERE|(?:IS|ARE)\s+NOT\s+FOR\s+YOU|STOP(?=\s*[:!]|\W*$)"
    # "bring the interview to a close", "thank them and stop the interview", "the form thanks
    # them and finishes", "is thanked and leaves the survey here"
    r"|BRING\s+(?:THE\s+)?(?:INTERVIEW|CALL|SURVEY)\s+TO\s+(?:A\s+|AN\s+)?(?:CLOSE|END)"
    r"|STOP\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|CALL|QUESTIONNAIRE)"
    r"|THANKS?\s+(?:THEM|YOU)\s+AND\s+(?:STOPS?|FINISH(?:ES)?|CLOSES|ENDS)"
    r"|LEAVES?\s+THE\s+(?:SURVEY|INTERVIEW|QUESTIONNAIRE))\b",
    re.I,
)
# whoever gives an answer of the question, named by its code or quoted words: "anyone choosing
# 3", "Anyone answering [2]", "Anyone who enters 0", "those who say 'No'"; or "IF 2:" alone
_ANSWERS = (
    r"[\[(]?\d{1,3}[\])]?(?:\s*(?:,|OR|AND|-|–|TO)\s*[\[(]?\d{1,3}[\])]?)*"
    # (not an amount: "3 months", "5 or more")
    r"(?!\s*(?:%|\+|\d|(?:YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|TIMES|OR\s+(?:MORE|LESS|OVER|UNDER))\b))"
    r"|[‘'\"“][^'’\"”]{1,40}[’'\"”]|NONE\s+OF\s+(?:THESE|THEM|THE\s+ABOVE)"
)
_CHOSE = (
    r"(?:CHOOS\w*|CHOSE|ANSWER\w*|SELECT\w*|PICK\w*|TICK\w*|ENTER\w*|SAY\w*|SAID|GIV\w*|CODE[SD]?"
    r"|CODING|REPL\w*)"
)
_CHOOSER_RE = re.compile(
    r"\b(?:ANYONE|ANYBODY|THOSE|PEOPLE|RESPONDENTS?|EVERYONE)\s+(?:WHO\s+|THAT\s+)?"
    r"(?:" + _CHOSE + r")\s+(?:CODE\s+|ANSWER\s+)?(?P<c>" + _ANSWERS + r")"
    r"|^\W*IF\s+(?:CODES?\s+)?(?P<b>" + _ANSWERS + r")\s*[:,]"
    # "If you ticked box 4 or 5", "If you pick 'None'", "If the answer is 0"
    r"|\bIF\s+(?:YOU|THEY|THE\s+RESPONDENT)\s+" + _CHOSE + r"\s+(?:THE\s+)?(?:BOX(?:ES)?|CODES?"
    r"|ANSWERS?)?\s*(?P<d>"
    + _ANSWERS
    + r")|\bIF\s+(?:THE\s+)?ANSWER\s+(?:IS|=)\s+(?P<e>"
    + _ANSWERS
    + r")"
    # "Logic: choosing “No” ends the survey", "Routing: answers (5) and (6) finish here"
    r"|(?:^|[:;—–]\s*)(?:(?:" + _CHOSE + r")\s+(?:CODES?\s+|ANSWERS?\s+|BOX(?:ES)?\s+)?"
    r"|(?:ANSWERS?|CODES?|BOX(?:ES)?|OPTIONS?)\s+)(?P<f>" + _ANSWERS + r")"
    # "UNDER 18 TERMINATE" under a number: the values named by a bound
    r"|^\W*(?P<g>(?:UNDER|OVER|BELOW|ABOVE|(?:LESS|MORE|FEWER|YOUNGER|OLDER)\s+THAN)\s+\d{1,5})\b",
    re.I,
)
# not an end for the respondent: a window, a box, a list
_NOT_END_RE = re.compile(r"\bCLOSE(?:D)?\s+(?:THE\s+)?(?:BOX|LIST|BRACKET|QUESTION)\b", re.I)
_IF_NONE_RE = re.compile(r"\bIF\s+NONE\b", re.I)
# the other branch's own sentence: "If No: …", "A score of 7 or less?" (not a remark beside
# the jump such as "None of these can't be combined with the others.")
# ("Panel members who give a score from 0 to 4 at Q4 go on to Q5": a group named, then who)
_BRANCH_RE = re.compile(
    r"^\W*(?:IF|WHEN|THOSE\s+WHO|[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}\s+WHO)\b"
    r"|^[^?]{2,60}\?\s*$",
    re.I,
)
_SKIP_RE = re.compile(
    rf"(?:\b(?:SKIP|GO|JUMP|PROCEED|MOVE|ROUTE|CONTINUE)(?:S|ES)?\s+"
    rf"(?:ON\s+|STRAIGHT\s+|AHEAD\s+|FORWARD\s+)?(?:TO|AT|WITH)"
    # "If no longer farmed by them (4), then Q17.": a bare id after THEN, ending the clause
    rf"|→|->|>>|\bTHEN(?=\s+(?:QUESTION\s+)?{_ID}\s*(?:[.;)]|$)))\s*(?:QUESTION\s+)?(?P<t>{_ID})\b",
    re.I,
)
# words that filter whoever the test names (beyond a bare IF)
_FILTER_WORD_RE = re.compile(
    r"\b(?:ASK|ASKED|SHOW|SHOWN|DISPLAY|ANSWER|ONLY|FILTER|BASE|LOGIC|THOSE\s+WHO|EXCEPT|UNLESS"
    r"|FOR\s+(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|EVERYONE))\b",
    re.I,
)
# whom a question is for, named after it: "is for", "is only for", "is not for", "are just for"
_IS_FOR = r"(?:IS|ARE)\s+(?:ONLY\s+|JUST\s+)?(?:NOT\s+)?(?:ONLY\s+)?FOR\b"
# words that say when a question shows, with no filter keyword of the usual kinds: "Appears
# when …", "Visible when …", "Shown to patients aged …", "Only reached by those who …", "Leave
# out Q7 if …", "Only if you answered Yes at question 20.", "Unless L9 = 3.", "Detractors only –
# …", "Condition: …", "RESPONDENTS AGED 65 AND OVER AT S3"
_SHOWN_RE = re.compile(
    r"\b(?:APPEARS?|VISIBLE|SHOWN|DISPLAYED|ASKED|REACHED|HIDDEN|HIDE|LEAVE\s+OUT|LEFT\s+OUT|OMIT(?:TED)?)"
    rf"\b(?:\s+(?:ONLY|{_ID}))?\s+(?:WHEN|IF|AFTER|UNLESS|TO|FOR|BY|OF|WHERE|FROM)\b"
    rf"|^\W*(?:{_ID}\s*:?\s*)?(?:ONLY\s+(?:IF|WHEN|WHERE|FOR)|UNLESS)\b"
    r"|^\W*[A-Za-z][\w ]{0,30}?\bONLY\s*[:–—-]"
    r"|^\W*(?:DISPLAY\s+)?CONDITIONS?\s*:"
    # "Q19 is for households that …", "Question 18 is not for …"
    rf"|^\W*(?:QUESTION\s+)?{_ID}\s+{_IS_FOR}"
    # "(ask this one to people who did not tick …)": the question asked of a group
    r"|^\W*(?:PLEASE\s+)?ASK\s+THIS\s+(?:ONE|QUESTION)\s+(?:ONLY\s+)?(?:TO|OF)\b"
    # "Only fill this in if you ticked Yes at question 18."
    r"|^\W*(?:PLEASE\s+)?ONLY\s+(?:FILL\s+(?:THIS|IT)\s+IN|ANSWER\s+(?:THIS|IT)|COMPLETE\s+(?:THIS|IT))"
    r"\s+(?:IF|WHEN)\b"
    # "For companies with 50 or more employees (L4 = 3 or 4)": whom, then how they are told apart
    r"|^\W*(?:ONLY\s+)?FOR\s+(?:\w+\s+){1,2}?(?:WITH|WHO|THAT|WHOSE|AGED)\b"
    # "Only those who said Yes at T16.": whom, with "only" and no verb
    r"|^\W*ONLY\s+(?:THOSE|PEOPLE|RESPONDENTS|ANYONE)\s+(?:WHO|WHOSE|WITH)\b"
    rf"|^\W*(?:{_ID}\s*[.:]?\s*)?\W*(?:RESPONDENTS|PATIENTS|PEOPLE|THOSE|CLIENTS|CUSTOMERS)\s+AGED\b",
    re.I,
)
# a sentence that opens with when the question shows ("Short text. Only reached by those who …")
_APPEARS_RE = re.compile(
    # (not "Only if …": under a text box, as often the next question's filter)
    r"(?:^|[.;]\s)\W*(?:ONLY\s+)?(?:APPEARS?|VISIBLE|SHOWN|DISPLAYED|ASKED|REACHED)\b",
    re.I,
)
# a row or an answer shown to some, not the question: "Row a. is only shown to …", "the last
# row is hidden unless …"
_PART_SHOWN_RE = re.compile(
    r"\b(?:ROWS?|ITEMS?|STATEMENTS?|COLUMNS?|OPTIONS?|CHOICES?)\b(?:\s+\S+){0,3}?\s+(?:IS|ARE)\s+"
    r"(?:ONLY\s+)?(?:SHOWN|DISPLAYED|HIDDEN|VISIBLE|ASKED)\b"
    r"|\bHIDES?\s+THE\s+(?:ROW|ITEM|STATEMENT|COLUMN|OPTION)",
    re.I,
)
# a group of people named before the test: "RESPONDENTS AGED 65 AND OVER AT S3"
_GROUP_HEAD_RE = re.compile(
    r"^(?:RESPONDENTS|PATIENTS|PEOPLE|THOSE|CLIENTS|CUSTOMERS)\s+(?=AGED\b)", re.I
)
# words about the question they are written on
_OWN_RE = re.compile(
    r"\b(?:NOT\s+(?:BE\s+)?(?:ASKED|SHOWN|DISPLAYED)|SKIP\s+THIS\s+QUESTION|THIS\s+QUESTION"
    # ("Only ask this if …" under a text box: "this" is the question it is under)
    r"|(?:ASK|ANSWER|SHOW)\s+THIS(?!\s+(?:SECTION|PART|BLOCK|PAGE|GRID|ROW)))\b",
    re.I,
)
_SCREEN_ID_RE = re.compile(r"^(?:END|CLOSE|CLOSING|THANKS|OUTRO)\w*$", re.I)
# a route's verb, wherever it goes
_GO_RE = re.compile(
    r"\b(?:SKIP|GO|JUMP|PROCEED|ROUTE)\s+(?:ON\s+|STRAIGHT\s+|AHEAD\s+|FORWARD\s+)?TO\b", re.I
)
# a condition's own start
_CONDITION_RE = re.compile(
    r"\b(?:ONLY\s+)?(?:IF|WHEN|UNLESS|EXCEPT(?:\s+FOR)?|WHERE|WENN|FALLS|SI|SE"
    # ("ASK Q10 OF THOSE DISSATISFIED AT Q9": whom, after OF THOSE)
    r"|(?:FOR\s+)?(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|EVERYONE)\s+WHO|OF\s+THOSE)\b\s*(?P<c>.+)",
    re.I,
)
# where a condition clause stops: an action, a colon, an arrow, a sentence's end
_CLAUSE_END_RE = re.compile(
    r"\s*(?:[:;→]|->|>>|\.\s|\.$|,\s*(?:THEN\s+)?(?=(?:ASK|SKIP|GO|TERMINATE|CLOSE|STOP|END|PLEASE|"
    r"THANK|CONTINUE|SHOW|JUMP)\b)|\b(?:THEN|SKIP|GO\s+TO|JUMP|TERMINATE|PLEASE)\b)",
    re.I,
)
# the action is the question's absence: the test is flipped
_NEGATED_RE = re.compile(
    r"\b(?:NOT\s+(?:BE\s+)?(?:ASKED|SHOWN|DISPLAYED)|NOT\s+FOR\b|DO\s+NOT\s+(?:ASK|SHOW)|DON'?T\s+(?:ASK|SHOW)"
    r"|SKIP\s+(?:THIS|THE)\s+QUESTION|SKIP\s+(?:QUESTION\s+)?[A-Z]{0,4}\d{1,3}[A-Z]?\b(?!\s*(?:TO|-|–|—|AND)\b)|HIDE|HIDDEN|LEAVE\s+OUT|LEFT\s+OUT|OMIT\w*|UNLESS|EXCEPT|ANYONE\s+ELSE|EVERYONE\s+ELSE|ALL\s+OTHERS"
    r"|OTHERS)\b",
    re.I,
)
# words that route at all (a line without them is a question's prose)
_ROUTING_RE = re.compile(
    r"\b(?:ASK|ASKED|SHOW|DISPLAY|ANSWER|ONLY|FILTER|BASE|LOGIC|IF|WHEN|UNLESS|EXCEPT|THOSE\s+WHO|"
    r"NOT\s+FOR)"
    r"\b|^\W{0,3}(?:->|→|>>)",
    re.I,
)
# notes that say they are not routing, or address recording and reading out
_NOT_ROUTING_RE = re.compile(
    r"\bQUOTAS?\b|\bNOT\s+(?:A\s+)?(?:SCREEN[\s-]*OUT|ROUTING|LOGIC|(?:QUESTION\s+)?FILTER)\b|\bSOFT\s+CHECK\b"
    # ("Show answer 5 only to …": one answer's filter, not the question's)
    r"|\b(?:SHOW|DISPLAY|OFFER)\s+(?:ANSWER|OPTION|CODE|CHOICE)S?\s+\d{1,3}\b[^.;]*\bONLY\b"
    r"|\bREAD\s+(?:OUT\s+)?ONLY\s+IF\b"
    # ("if none, write 0" is how to record; "only if None of these at Q15" names an answer)
    r"|\bIF\s+NONE\b(?![^.;,]*\b(?:AT|IN|TO)\s+(?:QUESTION\s+)?[A-Z]{0,4}\d)|\bIF\s+(?:ASKED|UNSURE|NECESSARY|NOT\s+AVAILABLE"
    r"|IT\s+VARIES|YES,?\s+THE)\b|\bASK\s+(?:IF\s+)?ALL\b|\bBASE:?\s+ALL\b(?!\s+EXCEPT)|…|\.\.\."
    r"|\b(?:SHOW\s*CARD|MOSTR[AE]R?\s+(?:O\s+)?CART[ÃA]O|CARTE|KARTE|TARJETA|CARTELLINO)\b|\bPROBE\b|\bRECORD\b(?!\s+ONLY\s+(?:IF|WHEN)\b)|\bCODE\s+AS\b|\bWRITE\s+IN\b|\bTAKE\s+AN\s+AVERAGE\b"
    r"|\b(?:SHOW\s+ONLY|ONLY\s+SHOW)\b[^.;]*\b(?:SELECTED|CODED|PICKED|CHOSEN|TICKED|MENTIONED)\b",
    re.I,
)
# several questions as the scope: a run, a section, "the next questions" (other rules' job)
# (a run's first id has its letters: "a score from 0 to 6" is a range of answers)
_SEVERAL_RE = re.compile(
    rf"\b[A-Z]{{1,4}}\d{{1,3}}[A-Za-z]?(?:[._]\d{{1,2}}[a-z]?)?\s*(?:TO|-|–|—|AND|&|ET|Y|E|UND)\s*{_ID}\b|\b(?:SECTION|PART|MODULE|BLOCK|PARTIE|SECCI[OÓ]N|SEZIONE|PARTE"
    # ("part-time students": a word, not a part of the questionnaire)
    r"|TEIL|ABSCHNITT|BLOQUE|BLOCCO|BLOCO)\b(?![-‐])"
    r"|\bQUESTIONS\b|\bNEXT\s+(?:\w+\s+)?QUESTIONS\b|\bFOLLOWING\b",
    re.I,
)
# how to record an answer, not whom to ask
_RECORDING_RE = re.compile(
    # ("Record only if the customer asked …": whom to ask)
    r"\b(?:WRITE|ENTER|TYPE|RECORD|ESCRIBA|ANOTE|NOTER|INSCRIVEZ|EINTRAGEN|SCRIVERE)\b"
    r"(?!\s+ONLY\s+(?:IF|WHEN)\b)",
    re.I,
)
# answers with no codes to test
_NO_CODES = frozenset({"text", "long_text", "email", "date", "display"})
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ]{3}")
# "PASSIVES (Q11 = 7–8)": a group's name over its test of a named question
_LABELLED_TEST_RE = re.compile(
    # ("Leavers (question 2 = No)"; "Dissatisfied at TS7 (4 or 5):": the answers' codes after
    # where they were given)
    r"^\W*[A-Za-z][\w /-]{0,48}(?:\s(?:AT|IN)\s+[A-Za-z]{1,4}\d{1,3}[a-z]?\s*"
    r"\(\s*(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|/|OR|AND|TO|-|–)\s*\d{1,3})*\s*\)(?:\s*ONLY)?\W*$|"
    r"\(\s*(?:(?:QUESTION\s+\d{1,3}|[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*"
    r"(?:=|<|>|≥|≤|IN\b|CODES?\s+\d)[^()]*"
    # ("Smokers (1 at Q15)", "Promoters (9 or 10 at C15)")
    r"|[\d\s,\-–]+(?:(?:OR|AND|TO)[\d\s,]+)?\b(?:AT|IN)\s+[A-Za-z]{1,4}\d{1,3}[a-z]?\s*"
    # ("Families not in the scheme (you ticked “No” at question 2):": the test in words)
    r"|[^()]{2,60}\b(?:AT|IN)\s+(?:QUESTION\s+\d{1,3}|[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*)\)"
    # ("NOT USING ANY CLOUD (Q1 = 5) ONLY.")
    r"(?:\s*ONLY)?\W*$)",
    re.I,
)
# a line that names the question it filters: "ASK Q3 IF …", "… SHOW QUESTION 12"
# ("Q6 is shown if …")
_ASKED_RE = re.compile(
    rf"\b(?:ASK|SHOW|DISPLAY|LEAVE\s+OUT|OMIT)\s+(?:QUESTION\s+)?(?P<t>{_ID})\b"
    # ("Please skip question 18 if …": the question passed by, not a jump's target)
    rf"|\bSKIP\s+(?:QUESTION\s+)?(?P<k>{_ID})\b(?!\s*(?:TO|-|–|—|AND)\b)"
    # ("please answer question 16 if …", not "please also answer Q9. Otherwise go to Q10")
    rf"|\bANSWER\s+(?:QUESTION\s+)?(?P<a>{_ID})\s+(?=(?:ONLY\s+)?(?:IF|WHEN)\b)"
    rf"|\b(?P<s>{_ID})\s+(?:(?:IS|ARE)\s+)?(?:ONLY\s+)?(?:SHOWN|ASKED|DISPLAYED|APPEARS|VISIBLE"
    r"|REACHED)\b"
    # ("H2: ONLY IF H1 IS 5 OR LESS", ">> Q3 only if NO at Q2"): the id heading the filter
    rf"|^\W*(?:QUESTION\s+)?(?P<h>{_ID})\s*(?::\s*|\s+(?=ONLY\b))"
    # ("Q19 is for households that …", "Question 18 is not for season ticket holders")
    rf"|^\W*(?:QUESTION\s+)?(?P<f>{_ID})\s+{_IS_FOR}",
    re.I,
)
# a question's id as written in a line (letters and digits: a bare number is an answer's code)
_NAMED_ID_RE = re.compile(r"\b[A-Za-z]{1,6}\d{1,3}[A-Za-z]?(?:_\d{1,2})?\b")
_BRACKET_RE = re.compile(r"\(([^()]{2,120})\)")
# a question text that opens with its filter in brackets: "(A2 = 1) Which service …?"
_OPENING_RE = re.compile(
    r"^\s*\((?P<c>[^()]{3,100})\)\s*(?P<rest>\S.*)$"
    # "Builders and developers (Q1 = 2 or 4) - About how many …?": the group's name, its test,
    # then a dash or colon before the question's words
    r"|^\s*[A-Z][\w ,'’/&-]{2,60}?\s\((?P<c2>[^()]{3,100})\)\s*[-–—:]\s+(?P<rest2>\S.*)$",
    re.S,
)
# ("only for Not very likely at Q13": whom, after ONLY FOR)
_ONLY_RE = re.compile(r"\s*\bONLY(?:\s+FOR)?\b\s*|^\s*(?:ASKED?\s+)?(?:IF|WHEN)\b\s*", re.I)
_LABEL_HEAD_RE = re.compile(
    r"^\W*(?:[A-Z][\w /-]{0,30}\s+)?(?:LOGIC|FILTER|BASE|CONDITIONS?|ONLY)\s*[:–—]\s*", re.I
)


def read_routing(pairs: Sequence[tuple[Question, Draft]]) -> None:
    """Turn the routing words of questions left with no logic into logic where every part of
    them (scope, condition, action) reads; the rest stays for `unread_routing`."""
    questions = {question.id: question for question, _ in pairs}
    order = {qid: index for index, qid in enumerate(questions)}
    ids = list(questions)
    base = _base_lines_placed(pairs, questions)
    if base == "over":
        _unclaim_base_lines(pairs, questions, order)
    bare = {q.id for q in questions.values() if not _has_logic(q)}
    # (a question whose only logic is the jump on its own answers has no filter read yet: "B2
    # is for those who said 'Yes' at A3." over "2. No (SKIP TO B4)" is still its filter)
    skips_only = {
        q.id for q in questions.values() if q.skip_to and not q.display_if and not q.terminate_if
    }
    own_last = _printed_under(pairs, questions, order, base is not None)
    readings: list[Reading] = []
    joined: set[str] = set()  # questions given their own filter beside their scope's
    for index, (question, draft) in enumerate(pairs):
        following = questions[ids[index + 1]] if index + 1 < len(ids) else None
        ahead = pairs[index + 1][1].pre_notes if index + 1 < len(pairs) else []
        if question.id in bare:
            opening = _opening_filter(question, questions, order)
            if opening is not None:
                readings.append(opening)
                continue
        lines = _lines(draft, ahead)
        for at, (words, place) in enumerate(lines):
            place = "under" if own_last and place == "last" else place
            moved = False
            if base is not None and place in ("last", "end") and _BASE_LINE_RE.match(words):
                # a per-item base line closing a question ("Universe: Q5 = 3 OR 4"): over or
                # under its item as the whole document prints them
                moved = base == "over"
                place = "last" if moved else "under"
            reading = _read_any(words, place, question, following, questions, order)
            if reading is not None and reading.holder is not question and not moved:
                own = question.display_if or ""
                # (a tool's logic line repeating part of the question's joined filter is that
                # question's: "Display logic: … at Q8" under Q12 whose filter has it)
                part = _RULE_HEAD_RE.match(words) and f"({reading.expression})" in own
                if reading.expression == own or part:
                    continue  # the question's own filter, read there already
            if reading is not None and (
                reading.holder.id in bare
                or (
                    reading.kind == "display_if"
                    and reading.holder is not question
                    and reading.holder.id in skips_only
                )
            ):
                if reading.holder is question or reading.kind == "display_if":
                    readings.append(reading)
                    if reading.holder is question and reading.kind == "display_if":
                        # ("ASK Q10 OF …" over it, "Q11 ONLY WHERE …" under it: the next
                        # question's filter under the answers is read too)
                        readings.extend(
                            _next_filter(lines[at + 1 :], own_last, question, following,
                                         questions, order, bare)
                        )  # fmt: skip
                    break
            if (
                reading is not None
                and reading.kind == "skip"
                and reading.holder is question
                and _scope_only(index, pairs)
            ):
                # "No or not sure: skip to Q7." under a question whose only filter is its
                # part's ("ARABLE FARMS ONLY"): the jump on its own answers is read all the same
                readings.append(reading)
                break
            if (
                reading is not None
                and reading.kind == "display_if"
                and (
                    reading.holder is question
                    or _asked(reading.source, questions) == reading.holder.id
                    # (a filter under the answers, read as the next question's by its place)
                    or (
                        reading.holder is following
                        and place == "last"
                        # (not a filter the question above took as its own already)
                        and reading.expression not in (question.display_if or "")
                    )
                )
                and _scoped(reading, pairs)
            ):
                if (
                    reading.holder.id in joined
                    and reading.holder is question
                    and place in ("end", "last")
                    and following is not None
                ):
                    # a second filter closing a question that has its own joined already is
                    # the next one's: a question has one filter of its own
                    reading.holder = following
                    if following.id in bare:
                        readings.append(reading)
                        break
                    if not _scoped(reading, pairs):
                        break
                reading.kind = "join"
                joined.add(reading.holder.id)
                readings.append(reading)
                break
        if question.id in bare:
            readings.extend(_answer_routes(question, draft, questions, order))
            readings.extend(_noted_screen_out(question, draft, questions, order))
    for reading in readings:
        _apply(reading, questions)


# a tool's or an author's heading over a filter: "Display rule:", "Routing:", "Universe:",
# "Asked if:", "Shown to:", "Eligibility –" (the words after it are the test, or an id and its
# test)
_RULE_HEAD_RE = re.compile(
    r"^\W*(?:[A-Za-z]+\s+){0,2}?(?:RULES?|ROUTING|UNIVERSE|WHO|ELIGIBILITY|CONDITIONS?|LOGIC|FILTER"
    r"|BASE|(?:ASKED|SHOWN|DISPLAYED)(?:\s+ONLY)?(?:\s+(?:IF|OF|TO|WHEN|FOR))?|(?:ASK|SHOW)\s+IF)"
    r"\s*[:–—]\s*(?P<rest>\S.*)$",
    re.I,
)
# a route of any kind ("T2=1→#TERM; else→next"): no filter for these readers
_ROUTE_MARK_RE = re.compile(
    r"→|->|>>|=>|#|\b(?:GO|SKIP|JUMP|CONTINUE|PROCEED|NEXT|END|TERM\w*|CLOSE|STOP)\b", re.I
)
# the id of a question, then its test: "[Q16: …]", "{Q18: …}", "Question 7 – …"
_ID_HEAD_RE = re.compile(
    rf"^[\W_]*(?:QUESTION\s+)?(?P<id>{_ID})\s*[:–—]\s*(?P<rest>[^\]{{}}]++)[\]}}]?\s*$", re.I
)
# the rest opens with the question it filters ("Q14 only for …", "Q16: aged 18–24 …") or with
# a filter's own word
_RULE_REST_RE = re.compile(
    rf"^\W*(?:(?:QUESTION\s+)?{_ID}\b\s*(?::|\s+(?:ONLY|(?:IS|ARE)\s+(?:ONLY\s+|NOT\s+|JUST\s+)?"
    r"(?:FOR|SHOWN|ASKED|DISPLAYED))\b)|(?:ONLY\s+)?(?:IF|WHEN|UNLESS"
    r"|EXCEPT|NOT(?!\s+(?:ALL|EVERY|ANY|EACH)\b)|ASK|SHOW|FOR|THOSE)\b)",
    re.I,
)
# "All respondents except those who …": everyone but a group, as the instruction reader has it
_ALL_BUT_RE = re.compile(
    r"^(?:ALL|EVERYONE)(?:\s+[A-Z]\w+)?\s+(?:EXCEPT|BUT\s+NOT|APART\s+FROM|OTHER\s+THAN)\b", re.I
)
_NEGATED_GLOSS_RE = re.compile(r"\((?P<test>[^()]{3,60}(?:\bNOT\b|!=|≠|<>)[^()]{0,30})\)\W*$", re.I)


def _rule_headed(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """A filter under a heading that says it is one ("Display rule: Q7 is “No”.", "Asked if:
    aged under 25 at Q17", "Routing: Q14 only for Not very likely at Q13."), no other reader
    having read it: the words after the heading read as "Only if …" (or as written, where they
    open with the question they filter or a filter's own word). Filters only."""
    if _SKIP_RE.search(words) or _ends(words) or _ROUTE_MARK_RE.search(words):
        return None
    head = _RULE_HEAD_RE.match(words)
    if head is not None:
        rest = head["rest"].strip()
        tested = _NEGATED_GLOSS_RE.search(rest) if _ALL_BUT_RE.match(rest) else None
        if tested:
            # "All respondents except those who never walk (VS18 not equal to 5)": the
            # bracket's test already names those asked, as "ASK ALL EXCEPT …" has it
            rest = "Only if " + tested["test"]
        elif not _RULE_REST_RE.match(rest):
            rest = "Only if " + re.sub(r"^ONLY\s+", "", rest, flags=re.I)
    else:
        # "[Q16: DETRACTORS ONLY - SCORE 0 TO 6 AT Q15]", "Q16: aged 18–24 at Q14 only.": the
        # next question's id over its test, under the answers
        named = _ID_HEAD_RE.match(words)
        if named is None or following is None or place not in ("last", "end"):
            return None
        if question_named(named["id"], questions) != following.id:
            return None
        rest = named["rest"].strip(" .")
        rest = re.sub(r"\s*\bONLY\b\s*[-–—:,]?\s*", " ", rest, flags=re.I).strip()
        if not rest:
            return None
        rest = ("Only " if re.match(r"(?:IF|WHEN)\b", rest, re.I) else "Only if ") + rest
    reading = _read(rest, place, question, following, questions, order)
    if reading is None or reading.kind != "display_if":
        return None
    reading.source = words
    return reading


def _read_any(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """The line read whole, else one sentence of it, else under its heading, else without
    its asides, else as a jump of everyone but a group that goes on (`others_jump`), else as
    the question's own '<group> only' note (`_own_only`)."""
    for reader in (_read, _one_sentence, _rule_headed, _without_asides, others_jump, _own_only):
        reading = reader(words, place, question, following, questions, order)
        if reading is not None:
            return reading
    return None


def _typed_note(words: str) -> bool:
    """A note giving the answer's type in one sentence and something else in another ("Number
    box, 0–40.", "Big text box."): written for the question it is under, as its type is."""
    parts = [bool(type_words(p)) for p in sentences(words)]
    return len(parts) >= 2 and any(parts) and not all(parts)


def _own_only(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """A note with ONLY / IF and no action, on the question it is for (`only_notes`)."""
    test = only_test(words, place) if place in ("under", "end") else None
    if test is None or _later_named(test, question, questions) - {question.id}:
        return None
    position = order[question.id]
    found = _condition(test, questions, _id_before(questions, position), position - 1)
    return None if found is None else Reading("display_if", question, found, source=words)


def _next_filter(
    lines: list[tuple[str, str]],
    own_last: bool,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
    bare: set[str],
) -> list[Reading]:
    """After a question's own filter, the next question's filter on a line under its answers
    that names that question ("Q11 ONLY WHERE …")."""
    if following is None or following.id not in bare:
        return []
    for words, place in lines:
        place = "under" if own_last and place == "last" else place
        if place not in ("last", "end"):
            continue
        if _asked(to_english(route_to_english(words)), questions) != following.id:
            continue  # (a line that does not name the next question may be this one's own)
        reading = _read_any(words, place, question, following, questions, order)
        if reading is not None and reading.kind == "display_if" and reading.holder is following:
            return [reading]
    return []


def _without_asides(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """A filter with a sentence beside it on how to ask or record ("ASK Q10 OF THOSE
    DISSATISFIED AT Q9 (CODES 4-5). PROBE FULLY"): the filter read without that sentence.
    Filters only."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", words.strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    kept = [s for s in sentences if not (_NOT_ROUTING_RE.search(s) or _RECORDING_RE.search(s))]
    # "Everyone else, go to question 17." beside "please answer question 16 if …": the other
    # branch, which only goes on past the question the filter is for
    onward = [s for s in kept if _ELSE_RE.match(s) and _SKIP_RE.search(to_english(s))]
    kept = [s for s in kept if s not in onward]
    if not kept or len(kept) == len(sentences) or len(onward) > 1:
        return None
    reading = _read(" ".join(kept), place, question, following, questions, order)
    if reading is None or reading.kind != "display_if":
        return None
    if onward:
        match = _SKIP_RE.search(to_english(onward[0]))
        target = question_named(match["t"], questions) if match else None
        if target is None or order[target] != order[reading.holder.id] + 1:
            return None
    reading.source = words
    return reading


_ELSE_RE = re.compile(
    r"^\W*(?:EVERYONE\s+ELSE|ANYONE\s+ELSE|ALL\s+OTHERS|OTHERS|OTHERWISE|IF\s+NOT)\b", re.I
)


# a sentence's end: a stop, then a capital (not "e.g. Q5", not a bracket's inside)
_SENTENCE_END_RE = re.compile(r"(?<=[a-z)’'\"”][.!])\s+(?=[A-Z])")


_QUESTION_NO_RE = re.compile(r"\bQUESTIONS?\s+\d", re.I)


def _one_sentence(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """A line of several sentences read as none whole ("If No: show the thank-you page and end.
    This survey is only for people who attended."): the one sentence that reads alone, the
    others being the reason or a remark, where no other sentence reads as routing; a
    screen-out or a jump only."""
    sentences = [s for s in _SENTENCE_END_RE.split(words.strip()) if s.strip()]
    if not 2 <= len(sentences) <= 4:
        return None
    found = [_read(s, place, question, following, questions, order) for s in sentences]
    read = [r for r in found if r is not None]
    if len(read) != 1 or read[0].kind not in ("terminate_if", "skip"):
        return None  # (a filter read from part of a line may belong to either question)
    rest = [s for s, r in zip(sentences, found, strict=True) if r is None]
    if any(_SKIP_RE.search(to_english(route_to_english(s))) for s in rest):
        return None  # another route beside it, unread: the line is not read in part
    if any(_ends(to_english(route_to_english(s))) for s in rest):
        return None
    if any(
        (_SEVERAL_RE.search(s) or _NAMED_ID_RE.search(s) or _QUESTION_NO_RE.search(s))
        and _ROUTES_WORD_RE.search(s)
        for s in rest
    ):
        # a sentence naming questions ("answer questions 9 to 11 only if …") routes; one that
        # says nothing of who answers ("Persons under 16 are covered by the youth module.") is
        # a remark
        return None
    return read[0]


_ROUTES_WORD_RE = re.compile(
    r"\b(?:ONLY|IF|UNLESS|EXCEPT|ASK\w*|ANSWER\w*|SHOW\w*|DISPLAY\w*|FILL\w*|COMPLETE\w*|GO|GOES"
    r"|SKIP\w*|JUMP\w*|ROUTE\w*|FOR|OF|TO|AT|WHO|THOSE|NOT|NEXT|CONTINUE\w*)\b",
    re.I,
)


# a per-item base line: "Universe: Q5 = 3 OR 4", "*Universe: all.*"
_BASE_LINE_RE = re.compile(r"^\W*UNIVERSE\s*:", re.I)


def _base_lines_placed(
    pairs: Sequence[tuple[Question, Draft]], questions: dict[str, Question]
) -> str | None:
    """Whether the document prints its per-item base lines ("Universe: …") "over" or "under"
    the items they are for, told from where they sit among all the labels: one closing the
    last question (a closing screen aside) can only be that question's, so all are "under";
    two or more with none there are each over the next label. None: fewer than two."""
    ids = list(questions)
    placed: list[int] = []
    for index, (_, draft) in enumerate(pairs):
        ahead = pairs[index + 1][1].pre_notes if index + 1 < len(pairs) else []
        if any(
            place in ("last", "end") and _BASE_LINE_RE.match(words)
            for words, place in _lines(draft, ahead)
        ):
            placed.append(index)
    if len(placed) < 2:
        return None
    last = max(
        (i for i, qid in enumerate(ids) if not _SCREEN_ID_RE.match(qid)), default=len(ids) - 1
    )
    return "under" if last in placed else "over"


def _unclaim_base_lines(
    pairs: Sequence[tuple[Question, Draft]], questions: dict[str, Question], order: dict[str, int]
) -> None:
    """In a document that prints its base lines over their items, the line closing a question
    (after a text box, under the answers) is the next one's: the filter an earlier reader took
    from it for the question it closes is taken back (alone, or the part joined to its own)."""
    ids = list(questions)
    for index, (question, draft) in enumerate(pairs):
        if not question.display_if:
            continue
        following = questions[ids[index + 1]] if index + 1 < len(ids) else None
        ahead = pairs[index + 1][1].pre_notes if index + 1 < len(pairs) else []
        closing = [w for w, p in _lines(draft, ahead) if p in ("last", "end")]
        if not closing or not _BASE_LINE_RE.match(closing[-1]):
            continue
        reading = _read_any(closing[-1], "under", question, following, questions, order)
        if reading is None or reading.kind != "display_if" or reading.holder is not question:
            continue
        own, part = question.display_if, reading.expression
        if own == part:
            question.display_if = None
        elif own.startswith("(") and own.endswith(f") and ({part})"):
            question.display_if = own[1 : -len(f") and ({part})")]


def _printed_under(
    pairs: Sequence[tuple[Question, Draft]],
    questions: dict[str, Question],
    order: dict[str, int],
    bases_placed: bool = False,
) -> bool:
    """Whether the document prints each filter under the question it is for (a table's "where
    next" column, a tool's logic box), told by the filters after answers themselves: two or
    more that test the question just before the one they sit under, and none that tests the
    question it sits under (that one can only be for the next question)."""
    ids = list(questions)
    under = over = 0
    for index, (question, draft) in enumerate(pairs):
        following = questions[ids[index + 1]] if index + 1 < len(ids) else None
        ahead = pairs[index + 1][1].pre_notes if index + 1 < len(pairs) else []
        for words, place in _lines(draft, ahead):
            if bases_placed and place == "last" and _BASE_LINE_RE.match(words):
                continue  # placed by the document's own base lines (`_base_lines_placed`)
            pair = IF_ELSE_PAIR_RE.match(words.strip()) if place == "last" else None
            if pair and following is not None and pair["yes"].upper() == following.id.upper():
                over += 1  # "IF Q3 = 1 → Q4 ELSE → Q5" under Q3: over Q4, for Q4
                continue
            reading = _read_any(words, place, question, following, questions, order)
            if place != "last" or reading is None or reading.kind != "display_if":
                continue
            tested = {ref.name for ref in references(parse(reading.expression))}
            latest = max((order[q] for q in tested if q in order), default=-1)
            over += latest == index
            under += latest == index - 1
    return under >= 2 and not over


def _scoped(reading: Reading, pairs: Sequence[tuple[Question, Draft]]) -> bool:
    """The holder's only logic is a scope's filter (a note over it that the question before it
    has too: a section's "ASK IF Q5 = 1 or 2") and the line tests other questions: "Q12 only
    if 20 hours or more at Q11" under such a section is asked of both at once."""
    holder = reading.holder
    at = next((i for i, (q, _) in enumerate(pairs) if q is holder), 0)
    if not at or not holder.display_if or holder.terminate_if or holder.skip_to:
        return False
    shared = _scope_notes(pairs[at][1]) & _scope_notes(pairs[at - 1][1])
    if not shared or holder.display_if not in (pairs[at - 1][0].display_if or ""):
        return False
    had = {ref.name for ref in references(parse(holder.display_if))}
    new = {ref.name for ref in references(parse(reading.expression))}
    return not had & new


def _scope_notes(draft: Draft) -> set[str]:
    """The notes over a question, and the spread `ASK IF` of a run it carries among its own
    notes (a run's note set as a quote or under a text box stays with the question's lines)."""
    return {*draft.pre_notes, *(n for n in draft.notes if n.startswith("ASK IF "))}


def _scope_only(index: int, pairs: Sequence[tuple[Question, Draft]]) -> bool:
    """The question's only logic is a filter it shares with a neighbour (its part's),
    and the question after tests nothing of it (no jump on it read there already)."""
    question = pairs[index][0]
    if not question.display_if or question.terminate_if or question.skip_to:
        return False
    following = pairs[index + 1][0] if index + 1 < len(pairs) else None
    before = pairs[index - 1][0] if index else None
    if question.display_if not in (
        before and before.display_if,
        following and following.display_if,
    ):
        return False
    if following is None or not following.display_if:
        return True
    return question.id not in {ref.name for ref in references(parse(following.display_if))}


def _has_logic(question: Question) -> bool:
    return bool(question.display_if or question.terminate_if or question.skip_to)


# a line that is only a programmer's test ("J2 = 2 and K1 = 4")
_BARE_LINE_TEST_RE = re.compile(
    r"^\s*[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|==|!=|≠|<>|<=|>=|<|>)\s*\w[\w\s,'=<>!≠-]*$", re.I
)


def _lines(draft: Draft, ahead: list[str]) -> list[tuple[str, str]]:
    """The draft's notes and lines that may route, each with where it sits: "above" the
    question, "under" its text (answers or boxes follow) or "last" (nothing follows)."""
    found = [(note, "above") for note in draft.pre_notes]
    text = draft.text
    labels = {o.label.strip().casefold() for o in draft.options if o.label.strip()}
    kept: list[tuple[str, bool]] = []  # each line that may route, and whether answers follow it
    answers_after = False
    for line in reversed(draft.lines):
        if not line.raw.strip():
            continue
        if (line.rows and not boxed_note(line.rows)) or line.is_option:
            answers_after = True
            continue
        if _answer_line(line.raw, labels):
            if _SKIP_RE.search(route_to_english(line.raw)):
                # "NO OR DON'T KNOW: GO STRAIGHT TO Q6": answers' route on a line of its own
                kept.append((line.raw, answers_after))
            answers_after = True
            continue
        kept.append((line.raw, answers_after))
    kept.reverse()
    # a sentence under the answers wrapped onto the next line ("… we cannot use the" / "answers,
    # so show the thank-you message and end the survey there."): read as one line
    joined: list[tuple[str, bool]] = []
    for raw, answers_follow in kept:
        if (
            joined
            and joined[-1][0].rstrip().endswith(":")
            and "(" not in joined[-1][0]
            and _BARE_LINE_TEST_RE.match(raw)
        ):
            # "MDU jobs using the riser:" over "J2 = 2 and K1 = 4": a group named over its test
            head = joined[-1][0].rstrip().rstrip(":").rstrip()
            joined[-1] = (f"{head} ({raw.strip()})", answers_follow)
            continue
        if (
            joined
            and not answers_follow
            and not joined[-1][1]
            and re.match(r"\s*[a-z]", raw)
            and not re.search(r"[.?!:;]\s*$", joined[-1][0])
            and raw not in ahead
            and joined[-1][0] not in ahead
        ):
            joined[-1] = (f"{joined[-1][0].rstrip()} {raw.strip()}", False)
            continue
        joined.append((raw, answers_follow))
    kept = joined
    # a question with no answers written (a text box, a number): its last line is "end", under
    # its words (own, when it says when the question appears) or over the next question
    has_answers = answers_after
    for position, (raw, answers_follow) in enumerate(kept):
        if raw in ahead or canonical_filter(raw) in ahead:
            continue  # the next question's note (as rewritten by `answer_next`)
        words = " ".join(raw.replace(text, " ").split()) if text else raw
        if not words or (text and raw.strip() == text):
            continue
        # only a line with no answers after it is under the answers (a filter between the
        # question's words and its answers is its own)
        last = position == len(kept) - 1 and position > 0 and not answers_follow
        found.append((words, ("last" if has_answers else "end") if last else "under"))
    return [*found, *_notes_split_off(draft, kept, ahead)]


def _notes_split_off(
    draft: Draft, kept: list[tuple[str, bool]], ahead: list[str]
) -> list[tuple[str, str]]:
    """The question's notes no line shows whole: split off the label's line ("A6  (Left early
    only, codes 2 to 4 at A5)" over the words) or wrapped over two lines; read as under its
    words, as they were printed."""
    shown = " ".join(" ".join(raw.split()) for raw, _ in kept)
    return [
        (note, "under")
        for note in draft.notes
        if note not in ahead and " ".join(note.split()) not in shown and not _unclosed(note)
    ]


def _answer_line(raw: str, labels: set[str]) -> bool:
    """An answer written as a line ("☐ Electricity only 1"): it opens with an answer's words
    (not "Online shoppers only.", a group named by an answer, as a filter)."""
    if _GROUP_ONLY_RE.match(raw) and not re.match(r"^\W*[\[(]?\d", raw):
        return False
    words = re.sub(r"^[\W\d_]*", "", raw).casefold()
    return any(words.startswith(label) for label in labels if len(label) >= 2)


# "Ask C3 of participants in education (C1 = 1)": the question named, then whom, by a test in
# brackets (the people in any words; "ASK Q10 OF THOSE …" is read as it stands)
_ASKED_OF_RE = re.compile(
    rf"^(?P<head>\W*(?:ASK|SHOW)\s+(?:QUESTION\s+)?{_ID})\s+(?:ONLY\s+)?(?:OF|TO)\s+"
    r"(?!(?:THOSE|ANYONE|EVERYONE|ALL)\b)(?=[^()]{3,80}\([^()]*(?:=|<|>|≠)[^()]*\))",
    re.I,
)


def _read(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    if len(words) > 300 or _unclosed(words):
        return None
    english = to_english(route_to_english(words))
    # ("Ask C3 of participants in education (C1 = 1) who …": whom it is asked of, by a test)
    english = _ASKED_OF_RE.sub(r"\g<head> IF ", english)
    group = _GROUP_ONLY_RE.match(words)
    if group:
        return _group_only(group["g"], words, place, question, following, questions, order)
    if (
        _SKIP_RE.search(english)
        and not _TERMINATE_RE.search(english)
        # (a line naming another question, ">> Q3: DRIVERS (Q2 = 1). OTHERS GO TO Q4", is
        # that question's filter, read below)
        and _asked(english, questions) in (None, question.id)
    ):
        # a jump needs no IF ("None at all (0)? Go to question 17"); "if none" is its test
        if place == "above" or _NOT_ROUTING_RE.search(_IF_NONE_RE.sub("IF", english)):
            return None
        if _SEVERAL_RE.search(_outside_brackets(english)):
            return None
        return _jump(english, words, question, following, questions, order)
    if _NOT_ROUTING_RE.search(words):
        return None
    if _NOT_ROUTING_RE.search(english):
        return None
    # "hidden unless X" shows on X (two denials)
    english = re.sub(r"\bHIDDEN\s+UNLESS\b", "SHOWN IF", english, flags=re.I)
    shown = _SHOWN_RE.search(english) is not None
    if _PART_SHOWN_RE.search(english):
        return None  # (the rules for rows and answers shown to some)
    opening = re.match(r"^\W*IF\s+(?P<c>.+)", english, re.I)
    # (over a question, a line ending in its colon is read as before: it may open what follows)
    headed = (
        opening is not None
        and (place != "above" or not english.rstrip().endswith(":"))
        and _headed(opening["c"], questions)
    )
    if not (is_conditional_route(english) or _LABELLED_TEST_RE.match(english) or shown or headed):
        # only what the routing test would flag: a condition, an action, an answer; or a
        # screen-out on the question's own answers in words that test does not know
        return _screen_out(english, place, question, questions, order, words)
    named = _asked(english, questions)
    if named is not None:
        english = _others_past(english, named, questions, order)
    terminate = _ends(english) and not _NOT_END_RE.search(english)
    if terminate and IF_ELSE_PAIR_RE.match(english.strip()):
        return None  # "IF Q18 = 1 → Q19 ELSE → CLOSE": two jumps (the instruction reader's)
    skip = _SKIP_RE.search(english)
    if skip and named is not None and question_named(skip["t"], questions) == named:
        skip = None  # ">> Q3 only if NO at Q2": the arrow points at the question it filters
    if terminate or skip:
        if place == "above" or _SEVERAL_RE.search(_outside_brackets(english)):
            return None
        if named is not None and named != question.id:
            return None  # "IF … ASK Q7, OTHERS GO TO CLOSE": Q7's filter, not a screen-out
        if not terminate:
            return None  # a jump with a screen-out's words: read by neither
        coded = coded_screen_out(english, question)
        if coded is not None:  # "… so code 1 = screen out (…)": the codes tied to the ending
            return Reading(
                "terminate_if",
                question,
                render([[Atom(question.id, coded)]], questions),
                None,
                words,
            )
        found = _condition(english, questions, question.id, order[question.id], filters=False)
        if found is None:
            return None
        return Reading("terminate_if", question, found, None, words)
    if _GO_RE.search(english):
        return None  # a route to a place not read as a later question: not a filter either
    if _RECORDING_RE.search(english):
        return None  # how to answer ("if less than a year, write 0"), not whom to ask
    if not (_ROUTING_RE.search(_outside_brackets(english)) or shown or _BRACKET_RE.search(english)):
        return None
    if _SEVERAL_RE.search(_outside_brackets(english)):
        return None
    outside = _outside_brackets(english)
    if not (_FILTER_WORD_RE.search(outside) or shown) and not english.rstrip().endswith(":"):
        # "IF …" alone with other words after it: prose ("If you ticked No, you have
        # finished"), unless the clause is the whole line or a label stands over a bracket
        clause = _CONDITION_RE.search(outside)
        if clause and not _whole_clause(clause["c"]) and not _headed(clause["c"], questions):
            return None
    holder = question
    own = _OWN_RE.search(outside) is not None  # "not asked if …": the question it is under
    # ("Appears when …" closing a text question's lines: that question's own)
    # (nor a line that also gives the question's own answer type: "OPEN. SHOW TO …")
    end = place == "end" and not _APPEARS_RE.search(english) and not _typed_note(words)
    forward = not own and (place == "last" or end or english.rstrip().endswith(":"))
    if named is not None:
        # "ASK Q3 IF …" names its scope: that question, wherever the line sits
        holder = questions[named]
        position = order[named]
        before = _id_before(questions, position)
        # ("Please skip question 18 if you ticked 'None'" under Q17's answers: the test is on
        # the answers just above, named by their words alone)
        under = before == question.id and place in ("last", "end", "under")
        found = _condition(english, questions, before, position - 1, unnamed=under)
        return None if found is None else Reading("display_if", holder, found, source=words)
    if forward:
        if following is None or _SCREEN_ID_RE.match(following.id):
            return None  # a closing screen is no question to filter
        holder = following
    if _later_named(english, question, questions) - {holder.id}:
        return None  # the line names other questions as its scope: the rules for runs
    position = order[holder.id]
    before = list(questions)[position - 1] if position else None
    found = _condition(english, questions, before, position - 1)
    if found is None and not forward and place != "above" and following is not None:
        # a filter naming the question it sits on can only be the next one's
        position = order[following.id]
        found = _condition(english, questions, question.id, position - 1)
        holder = following
    if found is None:
        return None
    return Reading("display_if", holder, found, source=words)


def _jump(
    english: str,
    words: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """A route on the question's own answers to a later question ("None at all (0)? Go to
    question 17", "NO OR DON'T KNOW: GO STRAIGHT TO Q6"): a `skip_to`, as the golds write a
    jump stated alone. Where the line also writes the branch that goes on ("If No: how many …?
    Otherwise go to question 3", "7 or less? Please tell us why at question 18. Scored 8 or
    more: go to question 19") and the jump is over the next question only, the pair says who
    is asked that question: its `display_if` (as `passes/branch_pairs` folds a routing column)."""
    segments = [s for s in re.split(r"(?<=[.?!;])\s+", english.strip()) if s.strip()]
    # the jump past the next question ("If “Yes”, continue at Q16; everyone else jumps to Q17")
    at = next(
        (i for i, s in enumerate(segments) if _past_next(s, question, questions, order)), None
    )
    if at is None:
        at = next((i for i, s in enumerate(segments) if _SKIP_RE.search(s)), None)
    if at is None or len(segments) > 4:
        return None
    match = _SKIP_RE.search(segments[at])
    assert match is not None
    target = question_named(match["t"], questions)
    if target is None or order[target] <= order[question.id] + 1:
        return None  # a route to the next question, or to a place not read as a question
    position = order[question.id]
    own_words = segments[at][: match.start()]
    if _SKIP_RE.search(segments[at][match.end() :]):
        return None  # several routes in one sentence: the dedicated rules' layouts
    used = {at}
    if not _WORD_RE.search(own_words) and at > 0 and segments[at - 1].rstrip().endswith("?"):
        # "None at all (0)? Go to question 17.": the test asked just before the verb
        own_words = segments[at - 1]
        used.add(at - 1)
    otherwise = re.search(r"\b(?:OTHERWISE|ELSE|ALL\s+OTHERS|EVERYONE\s+ELSE)\b", own_words, re.I)
    own = None if otherwise else _condition(own_words, questions, question.id, position, False)
    if own is None and not otherwise and question.type == "number":
        own = _count_named(own_words, question, questions)
    if own is None and not otherwise:
        own = _answer_group(own_words, question, questions)
    other = None
    for index, segment in enumerate(segments):
        onward = _SKIP_RE.search(segment)
        if onward and question_named(onward["t"], questions) == (following and following.id):
            segment = segment[: onward.start()]  # the branch that goes on to the next question
        elif onward:
            continue
        if index not in used and _BRANCH_RE.search(segment):
            if len(_BRACKET_RE.findall(segment)) > 1:
                return None  # several tests joined in words: read as one, not in part
            other = other or _condition(segment, questions, question.id, position, False)
    if other is not None and following is not None and order[target] == position + 2:
        if _has_logic(question):
            return None  # the question's own routing was read by the rules
        if _SCREEN_ID_RE.match(following.id):
            return None
        return Reading("display_if", following, other, source=words)
    if own is None:
        return None
    if following is not None and order[target] == position + 2 and following.display_if:
        if re.search(rf"\b{re.escape(question.id)}\b", following.display_if):
            return None  # the other branch, read already as the next question's filter
    return Reading("skip", question, own, target, words)


# the counts said in words, none to nine (the words `worded_answers` reads numbers by)
_COUNTS = {"NONE": 0, "NO": 0, "ZERO": 0} | {
    word.upper(): n for word, n in NUMBER_WORDS.items() if word not in ("a", "an") and n < 10
}
# "IF ONLY ONE VISIT", "IF NO VISITS", "IF JUST 2 CALLS": a count the number question records
_COUNT_RE = re.compile(
    rf"^\W*IF\s+(?:ONLY\s+|JUST\s+|EXACTLY\s+)?(?P<n>\d{{1,3}}|{'|'.join(_COUNTS)})"
    r"(?:\s+[A-Za-z]+)?\W*$",
    re.I,
)


def _count_named(words: str, question: Question, questions: dict[str, Question]) -> str | None:
    """A jump's test on a number question told as the count it records ("IF ONLY ONE VISIT,
    GO TO R9" under "How many visits?"): the number equal to it."""
    match = _COUNT_RE.match(words)
    if match is None:
        return None
    token = match["n"].upper()
    value = int(token) if token.isdigit() else _COUNTS[token]
    return render([[Atom(question.id, [], op="==", value=float(value))]], questions)


def _past_next(
    segment: str, question: Question, questions: dict[str, Question], order: dict[str, int]
) -> bool:
    match = _SKIP_RE.search(segment)
    target = question_named(match["t"], questions) if match else None
    return target is not None and order[target] > order[question.id] + 1


def _screen_out(
    english: str,
    place: str,
    question: Question,
    questions: dict[str, Question],
    order: dict[str, int],
    words: str,
) -> Reading | None:
    """ "Anyone choosing 3 sees the closing message and the survey ends", "IF 2: OFFER A
    CALL-BACK, THEN END THE CALL", "END CALL IF NOT A RESIDENT (S2 = 2)": an ending for those
    who gave some of this question's own answers, written under them."""
    if place == "above" or not _ends(english) or _NOT_END_RE.search(english):
        return None
    if english.rstrip().endswith(":"):
        return None  # "If you ticked the first box:": it opens what follows
    if IF_ELSE_PAIR_RE.match(english.strip()):
        return None  # "IF Q18 = 1 → Q19 ELSE → CLOSE": two jumps, the closing screen one way
    if _KEEP_GOING_RE.search(english):
        return None  # "if No, continue … Do not end the interview": told not to end
    # (a range of numbers, "0 to 40", is the answer's range, not a run of questions)
    unranged = re.sub(r"\b\d{1,5}\s*(?:TO|-|–)\s*\d{1,5}\b", " ", english, flags=re.I)
    # ("not part of this survey" names no part of the questionnaire)
    unranged = re.sub(r"\bPART\s+OF\b", " ", unranged, flags=re.I)
    if _SKIP_RE.search(english) or _GO_RE.search(english) or _SEVERAL_RE.search(unranged):
        return None
    if question.type in _NO_CODES:
        return None  # a written answer has no code to test ("fewer than 12 words")
    tied = coded_screen_out(english, question)
    if tied is not None:
        # "code 1 = screen out", "Close anyone who is code 5 here, codes 1–4 carry on"
        expression = render([[Atom(question.id, tied)]], questions)
        return Reading("terminate_if", question, expression, source=words)
    chooser = _CHOOSER_RE.search(english)
    if chooser:
        found = next(g for g in chooser.groups() if g)
        # "answers (5) and (6)": the codes, without their brackets
        clause = re.sub(r"[\[\]()]", " ", found).strip()
        # "answers 5 and 6 finish here": each of the answers listed ends it, not both at once
        clause = re.sub(r"\s+AND\s+", " or ", clause, flags=re.I)
        try:
            groups = parse_condition(clause, questions, question.id)
        except (ConditionError, ValueError, IndexError, KeyError):
            return None
        own = all(a.question == question.id for g in groups for a in g)
        if not groups or not own or not _sound(groups, questions, order, order[question.id]):
            return None
        return Reading("terminate_if", question, render(groups, questions), source=words)
    headed = _ANSWER_HEAD_RE.match(english)
    if not _CONDITION_RE.search(english) and headed:
        # "No: the survey closes.", "2 or 3: the survey closes with the message …": the
        # answers named before a colon, then the ending (as "If No, …")
        found = _condition(
            f"IF {headed['a']}: {headed['rest']}",
            questions,
            question.id,
            order[question.id],
            filters=False,
        )
        if found is None:
            return None
    elif not _CONDITION_RE.search(english):
        coded = _CODES_IN_BRACKETS_RE.search(english)
        if coded is None or not re.match(r"\(\s*CODES?\b", coded[0], re.I):
            return None
        # "Former clients (code 4): thank and close": the answers by their codes, no IF
        found = _own_answers(english, question, questions, order)
    else:
        found = _condition(english, questions, question.id, order[question.id], filters=False)
    if found is None:
        found = _own_answers(english, question, questions, order)
    if found is None or set(_NAMED_ID_RE.findall(found)) != {question.id}:
        return None  # a screen-out told here tests this question's own answers only
    return Reading("terminate_if", question, found, source=words)


# "No: …", "Screen-out: 13 or younger, or 18 or older – …": the answers, a colon, the rest
_ANSWER_HEAD_RE = re.compile(
    r"^\W*(?:SCREEN[\s-]*OUT\s*:\s*)?(?P<a>[^:;.!?]{1,60}?)\s*(?::|\s[–—]\s)\s*(?P<rest>\S.*)$",
    re.I,
)
# "(7)", "(codes 4 or 5)": an answer's code in brackets beside the words that name it
_CODES_IN_BRACKETS_RE = re.compile(
    r"\(\s*(?:CODES?\s+)?(?P<c>\d{1,3}(?:\s*(?:,|OR|AND|&)\s*\d{1,3})*)\s*\)", re.I
)
_ORDINALS = ("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH")
# "if the fourth answer is chosen", "the last option": an answer named by its place in the list
_ORDINAL_RE = re.compile(
    rf"\bTHE\s+(?P<n>{'|'.join(_ORDINALS)}|LAST)\s+(?:ANSWER|OPTION|BOX|CHOICE|CODE)\b", re.I
)
# "neither the applicant nor the agent": whoever gave none of the answers named
_NEITHER_RE = re.compile(r"\bNEITHER\s+(?P<a>.+?)\s+NOR\s+(?P<b>.+)$", re.I)


def _own_answers(
    english: str, question: Question, questions: dict[str, Question], order: dict[str, int]
) -> str | None:
    """The answers of the question a screen-out names in its own ways, where the condition is
    not a test written out: their codes in brackets ("Anyone who buys for their own home (7) is
    thanked and leaves"), the words of the clause up to its first comma or colon ("If the
    repair was not done at all, tell … and bring the interview to a close"), a place in the
    list ("if the fourth answer is chosen") or none of two answers ("neither A nor B")."""
    if question.type not in ("single", "multi") or not question.options:
        return None
    codes = [o.code for o in question.options]
    named = [
        code
        for match in _CODES_IN_BRACKETS_RE.finditer(english)
        for code in re.findall(r"\d+", match["c"])
    ]
    if named:
        return render([[Atom(question.id, named)]], questions) if set(named) <= set(codes) else None
    clause = _CONDITION_RE.search(english)
    assert clause is not None
    words = re.split(r"\s*[,:;]\s*", clause["c"], maxsplit=1)[0].strip(" .")
    ordinal = _ORDINAL_RE.search(words)
    if ordinal:
        place = (
            len(codes) - 1
            if ordinal["n"].upper() == "LAST"
            else _ORDINALS.index(ordinal["n"].upper())
        )
        if place >= len(codes):
            return None
        return render([[Atom(question.id, [codes[place]])]], questions)
    neither = _NEITHER_RE.search(words)
    if neither:
        words = f"{neither['a']} OR {neither['b']}"
    try:
        groups = parse_condition(words, questions, question.id)
    except (ConditionError, ValueError, IndexError, KeyError):
        return None
    if not groups or not _sound(groups, questions, order, order[question.id]):
        return None
    if neither:
        other = other_codes(groups, questions)
        return None if other is None else render(other, questions)
    return render(groups, questions)


def _noted_screen_out(
    question: Question, draft: Draft, questions: dict[str, Question], order: dict[str, int]
) -> list[Reading]:
    """A screen-out in the question's own notes (a spec table's filter or routing cell beside
    the question: "Former clients (code 4): thank and close"), on its own answers."""
    for note in draft.notes:
        english = to_english(route_to_english(note))
        if len(note) > 300 or _unclosed(note) or not _ends(english):
            continue
        reading = _screen_out(english, "note", question, questions, order, note)
        if reading is not None:
            return [reading]
    return []


_KEEP_GOING_RE = re.compile(
    r"\b(?:DO\s+NOT|DON'?T|NEVER|NOT\s+TO)\s+(?:\w+\s+){0,2}(?:END|CLOSE|TERMINATE|STOP|SCREEN)"
    # "… THEN CONTINUE — NOT A CLOSE": said not to be an ending
    r"|\bNOT\s+(?:A\s+)?(?:CLOSE|SCREEN[\s-]*OUT|TERMINATION)\b",
    re.I,
)


# "…. OTHERS GO TO H9": whoever the filter leaves out goes on past the question it names
_OTHERS_GO_RE = re.compile(
    r"[.;,]?\s*\b(?:(?:ALL\s+)?OTHERS|ANYONE\s+ELSE|EVERYONE\s+ELSE)\s+(?:SKIP|GO|JUMP|PROCEED"
    rf"|MOVE|CONTINUE)\s+(?:ON\s+|STRAIGHT\s+|AHEAD\s+|FORWARD\s+)?(?:TO|AT|WITH)\s+(?:QUESTION\s+)?(?P<t>{_ID})\b\W*$",
    re.I,
)


def _ends(english: str) -> bool:
    """Words that end the survey, "close" as the way out (not "close to", "a close friend")."""
    return any(
        not re.match(
            r"CLOSE\s+(?:TO|BY|FRIENDS?|RELATIVES?|FAMILY)\b", m[0] + english[m.end() :], re.I
        )
        # ("… an email after the survey closes": when something else happens, not the way out)
        and not _WHEN_CLOSED_RE.search(english[: m.start()])
        for m in _TERMINATE_RE.finditer(english)
    )


_WHEN_CLOSED_RE = re.compile(
    r"\b(?:AFTER|WHEN|ONCE|BEFORE|UNTIL|TILL|SINCE)\s+(?:THE\s+|THIS\s+)?$", re.I
)


def _others_past(
    english: str, named: str, questions: dict[str, Question], order: dict[str, int]
) -> str:
    """ "H8: SMOKERS (F2 = 3). OTHERS GO TO H9" is H8's filter: the others' route to the
    question right after the one named is the filter's other side, taken off."""
    match = _OTHERS_GO_RE.search(english)
    target = question_named(match["t"], questions) if match else None
    if match is None or target is None or order[target] != order[named] + 1:
        return english
    return english[: match.start()]


def _id_before(questions: dict[str, Question], position: int) -> str | None:
    return list(questions)[position - 1] if position else None


def _asked(english: str, questions: dict[str, Question]) -> str | None:
    """The question a line says to ask or show by its id ("ASK Q3 IF …"), when there is one."""
    match = _ASKED_RE.search(_outside_brackets(english))
    if match is None:
        return None
    named = match["t"] or match["s"] or match["h"] or match["f"] or match["a"] or match["k"]
    return question_named(named, questions)


def _later_named(english: str, question: Question, questions: dict[str, Question]) -> set[str]:
    """Later questions a line names ("Show idea 2 (G2Y, G2N) only to …"): its scope, since a
    condition names none."""
    upper = {qid.upper(): qid for qid in questions}
    ids = list(questions)
    position = ids.index(question.id)
    named = {upper.get(token.upper()) for token in _NAMED_ID_RE.findall(english)}
    return {qid for qid in named if qid is not None and ids.index(qid) > position}


def _unclosed(words: str) -> bool:
    """A bracket opened and not closed: the note goes on in words not seen here."""
    return words.count("[") > words.count("]") or words.count("(") > words.count(")")


def _names_question(clause: str, questions: dict[str, Question]) -> bool:
    """The clause names a question: by its id, or as "question 12"."""
    upper = {qid.upper() for qid in questions}
    for token in re.findall(r"\b[A-Za-z]{1,6}\d{1,3}[A-Za-z]?(?:_\d+)?\b", clause):
        if token.upper() in upper:
            return True
    return any(
        f"Q{n}" in upper or n in upper
        for n in re.findall(r"\b(?:QUESTION|AT)\s+(\d{1,3})\b", clause, re.I)
    )


def _headed(rest: str, questions: dict[str, Question]) -> bool:
    """ "IF YES AT Q15: CONFIRM EMAIL ADDRESS.": a clause naming a question by its id, closed by
    a colon, heads what follows (an instruction to the interviewer, not the respondent's prose)."""
    head = rest.split(":", 1)[0] if ":" in rest else ""
    return bool(head) and not _CLAUSE_END_RE.search(head) and _names_question(head, questions)


def _whole_clause(rest: str) -> bool:
    end = _CLAUSE_END_RE.search(rest)
    return end is None or not _WORD_RE.search(rest[end.end() :])


def _outside_brackets(text: str) -> str:
    return _BRACKET_RE.sub(" ", text)


def _condition(
    english: str,
    questions: dict[str, Question],
    default: str | None,
    last: int,
    filters: bool = True,
    unnamed: bool = False,
) -> str | None:
    """The condition the words state, rendered, when it names only questions up to `last`
    (by position) with answers they have; the test flipped where the action is a negation."""
    order = {qid: index for index, qid in enumerate(questions)}
    for clause in _clauses(english):
        if filters and not unnamed and not _names_question(clause, questions):
            continue  # a filter names the question it tests, or says whom in words
        try:
            groups = parse_condition(clause, questions, default)
        except (ConditionError, ValueError, IndexError, KeyError):
            continue
        if not groups or not _sound(groups, questions, order, last):
            continue
        rest = english.replace(clause, " ")
        if not (_NEGATED_RE.search(rest) and not _NEGATED_RE.search(clause)):
            return render(groups, questions)
        other = other_codes(groups, questions) if not filters else None
        if other is not None:
            # "CONTINUE IF 1 OR 2, ANYONE ELSE CLOSE" on one answer: the codes that close
            return render(other, questions)
        return f"not ({render(groups, questions)})"
    return None


def _clauses(english: str) -> list[str]:
    """Where the condition may be, most explicit first: brackets, the clause after IF / ONLY /
    THOSE WHO, the words before the action (">> RN6 = 1 OR 5: SKIP TO RN9"), the words after a
    logic label ("Display logic: Q8 is 1 or 2")."""
    described = _described_tests(english)
    clauses = [described] if described else []
    clauses += [m[1].strip() for m in _BRACKET_RE.finditer(english)]
    clauses += [_ONLY_RE.sub(" ", c).strip(" ,") for c in clauses]
    # "(detractors, B3 = 0–6)": the test after a word that names the group
    clauses += [c.split(",")[-1].strip() for c in clauses if "," in c]
    for match in _CONDITION_RE.finditer(english):
        rest = match["c"]
        end = _CLAUSE_END_RE.search(rest)
        clauses.append((rest[: end.start()] if end else rest).strip(" .,"))
    head = re.split(r"\s*(?::|→|->|;)\s*", re.sub(r"^\W+", "", english), maxsplit=1)[0]
    clauses.append(_LABEL_HEAD_RE.sub("", head).strip(" .,"))
    labelled = _LABEL_HEAD_RE.match(english)
    if labelled:
        after = english[labelled.end() :]
        # ("VAPERS ONLY: CODE 3 AT F4. NUMBER OF DAYS, 0–7.": the test is the first sentence)
        clauses.append(re.split(r"\.\s", after, maxsplit=1)[0].strip(" ."))
        clauses.append(after.strip(" ."))
    # "Q8. << RESPONDENTS AGED 65 AND OVER AT S3 >>": the line's id and marks taken off
    bare = re.sub(rf"^\W*{_ID}\s*[.:]?\s*", "", english).strip(" .<>«»[]")
    if bare and bare != english:
        clauses.append(bare)
    # "a Yes at 20": the question by its number alone; "RESPONDENTS AGED 65 AND OVER AT S3"
    clauses += [_AT_NUMBER_RE.sub(r"\1 QUESTION \2", c) for c in clauses if _AT_NUMBER_RE.search(c)]
    clauses += [_GROUP_HEAD_RE.sub("", c) for c in clauses if _GROUP_HEAD_RE.match(c)]
    # "Q14 only for Not very likely at Q13", "Question 17 is for senior leaders (…)": whom, after
    # the id and its words of scope
    clauses += [_WHOM_HEAD_RE.sub("", c) for c in clauses if _WHOM_HEAD_RE.match(c)]
    return [c for c in dict.fromkeys(clauses) if len(c) >= 2]


_WHOM_HEAD_RE = re.compile(
    rf"^\W*(?:(?:QUESTION\s+)?{_ID}\s*:?\s+)?(?:(?:IS|ARE)\s+)?(?:ONLY|JUST)?\s*(?:FOR|IF|WHEN)\s+",
    re.I,
)


_AT_NUMBER_RE = re.compile(r"\b(AT|IN)\s+(\d{1,3})\s*$", re.I)
# the joins between a condition's parts, outside brackets
_JOIN_RE = re.compile(r"\s+(OR|AND|WHO)\s+(?![^()]*\))", re.I)
# ("65 or over", "6 or lower": a number's bound, no join)
_BOUND_RE = re.compile(
    r"(?:OVER|MORE|LESS|UNDER|ABOVE|BELOW|OLDER|YOUNGER|FEWER|HIGHER|LOWER)\b(?!\s+THAN)", re.I
)


def _joined_parts(sentence: str) -> list[str]:
    """The sentence cut at its joins: [part, join, part, …]."""
    pieces: list[str] = []
    start = 0
    for match in _JOIN_RE.finditer(sentence):
        if sentence[: match.start()][-1:].isdigit() and _BOUND_RE.match(sentence, match.end()):
            continue
        pieces += [sentence[start : match.start()], match[1]]
        start = match.end()
    return [*pieces, sentence[start:]]


_NAMED_ID = r"[A-Za-z]{1,4}\d{1,3}[A-Za-z]?(?:_\d{1,2})?"
_TEST_IN_BRACKETS_RE = re.compile(
    rf"\((?P<t>[^()]*\b(?:{_NAMED_ID}|(?i:QUESTION)\s+\d{{1,3}})\b[^()]*)\)"
)
# "did NOT tick the app (code 3) at P2": an answer's code in brackets, then its question
_CODE_AT_RE = re.compile(
    rf"\(\s*(?:CODES?\s+)?(?P<c>\d{{1,3}}(?:\s*(?:,|OR|AND)\s*\d{{1,3}})*)\s*\)\s+(?:AT|IN)\s+"
    rf"(?P<q>{_NAMED_ID})\b",
    re.I,
)


def _described_tests(english: str) -> str | None:
    """ "STILL SMOKING (F2 = 3) OR LOW CONFIDENCE (H1 = 1, 2 OR 3)" → "(F2 = 3) OR (H1 = 1, 2
    OR 3)": groups named in words, each with its test in brackets, joined as written (a part
    with no brackets is kept as its words: "… OR more than 49 employees at C3"). Only where at
    least one part has its test in brackets and there are two parts or more."""
    sentence = re.split(r"\.\s", english.strip(), maxsplit=1)[0]
    sentence = _LABEL_HEAD_RE.sub("", re.sub(r"^\W+", "", sentence)).strip(" .")
    sentence = _WHOM_HEAD_RE.sub("", sentence)  # ("Question 17 is for …": whom only)
    pieces = _merged_names(_joined_parts(sentence))
    if len(pieces) < 3:
        return None
    parts: list[str] = []
    found = False
    for index, piece in enumerate(pieces):
        if index % 2:
            parts.append("AND" if piece.upper() == "WHO" else piece.upper())
            continue
        test = _TEST_IN_BRACKETS_RE.search(piece)
        code = _CODE_AT_RE.search(piece)
        alone = re.search(rf"\(\s*({_NAMED_ID})\s*\)", piece)
        if alone:
            # "sent more than 500 last month (L3)": the test in words, its question in brackets
            parts.append(f"({piece[: alone.start()].strip()} AT {alone[1]})")
            found = True
        elif test:
            parts.append(f"({test['t'].strip()})")
            found = True
        elif code:
            denied = re.search(r"\bNOT\b|N['’]T\b", piece[: code.start()], re.I)
            parts.append(f"(CODE {code['c']} {'NOT ' if denied else ''}SELECTED AT {code['q']})")
            found = True
        elif re.search(rf"\b{_NAMED_ID}\b", piece):
            parts.append(piece.strip())  # a test in words of a question it names
        else:
            return None  # words that test nothing ("NOT asked of those who …")
    return " ".join(parts) if found else None


def _merged_names(pieces: list[str]) -> list[str]:
    """ "senior leaders AND heads (3 or 4 at question 1)": a group's words with no test of
    their own, joined to the next part that has one, share that part's bracket."""
    merged = list(pieces)
    index = 0
    while index + 2 < len(merged):
        piece = merged[index]
        if (
            not re.search(rf"\(|\b{_NAMED_ID}\b", piece)
            and _TEST_IN_BRACKETS_RE.search(merged[index + 2])
            and merged[index + 1].upper() in ("AND", "OR")
        ):
            merged[index : index + 3] = [f"{piece} {merged[index + 1]} {merged[index + 2]}"]
            continue
        index += 2
    return merged


def _sound(
    groups: list[list[Atom]], questions: dict[str, Question], order: dict[str, int], last: int
) -> bool:
    for group in groups:
        for atom in group:
            target = questions.get(atom.question)
            if target is None or order[atom.question] > last:
                return False
            if atom.op is None:
                if target.type in _NO_CODES:
                    return False  # a code of a written answer ("fewer than 10 words") is no test
                codes = {o.code for o in target.options}
                if not atom.codes or (codes and not set(atom.codes) <= codes):
                    return False
    return True


def _target(
    english: str, question: Question, questions: dict[str, Question], order: dict[str, int]
) -> str | None:
    """The later question a route names (past the next one: a jump to the next is no route)."""
    for match in _SKIP_RE.finditer(english):
        target = question_named(match["t"], questions)
        if target is not None and order[target] > order[question.id] + 1:
            return target
    return None


def _opening_filter(
    question: Question, questions: dict[str, Question], order: dict[str, int]
) -> Reading | None:
    """ "(A1 = 1 or 2 only) Are you …?", "(not asked if B5 = 4) Which …?": a filter written
    in brackets before the question's own words; the words are the question's text."""
    match = _OPENING_RE.match(question.text)
    if match is None:
        return None
    condition, rest = match["c"] or match["c2"], match["rest"] or match["rest2"]
    if not re.search(r"[=<>≥≤]|\b(?:IF|ONLY|CODE)\b", condition, re.I):
        return None
    position = order[question.id]
    before = list(questions)[position - 1] if position else None
    found = _condition(to_english(condition), questions, before, position - 1)
    if found is None:
        return None
    question.text = rest.strip()
    return Reading("display_if", question, found, source=match[0])


def _answer_routes(
    question: Question, draft: Draft, questions: dict[str, Question], order: dict[str, int]
) -> list[Reading]:
    """An answer's own note that ends the survey or jumps ("None of these [EXCLUSIVE – CLOSE]",
    "No [→ R6]"): the route on that answer's code."""
    codes = {o.label.strip().casefold(): o.code for o in question.options}
    ends: list[str] = []
    jumps: dict[str, list[str]] = {}
    for option in draft.options:
        code = codes.get(option.label.strip().casefold())
        if code is None:
            continue
        for note in option.instructions:
            if not re.fullmatch(r"\s*\[[^\[\]]+\]\s*", note):
                continue  # an answer's routing tag, set apart in square brackets
            english = to_english(route_to_english(note))
            if _NOT_ROUTING_RE.search(english) or _CONDITION_RE.search(english):
                continue
            target = _target(english, question, questions, order)
            if _TERMINATE_RE.search(english) and not _NOT_END_RE.search(english):
                ends.append(code)
            elif target is not None:
                jumps.setdefault(target, []).append(code)
    readings = []
    if ends:
        expression = render([[Atom(question.id, ends)]], questions)
        readings.append(Reading("terminate_if", question, expression))
    for target, jumped in jumps.items():
        expression = render([[Atom(question.id, jumped)]], questions)
        readings.append(Reading("skip", question, expression, target))
    return readings


def _apply(reading: Reading, questions: dict[str, Question]) -> None:
    """Never over logic already there: a reading fills an empty place only."""
    holder = reading.holder
    if reading.kind == "display_if" and not holder.display_if:
        holder.display_if = reading.expression
    elif reading.kind == "join" and holder.display_if:
        holder.display_if = f"({holder.display_if}) and ({reading.expression})"
    elif reading.kind == "terminate_if" and not holder.terminate_if:
        holder.terminate_if = reading.expression
    elif reading.kind == "skip" and reading.target and reading.target in questions:
        if not any(rule.to == reading.target for rule in holder.skip_to):
            holder.skip_to.append(SkipRule(**{"if": reading.expression, "to": reading.target}))


# "Agents only.", "Householder applications only:": a line of its own naming a group of people
# by an answer they gave, then ONLY
_GROUP_ONLY_RE = re.compile(r"^[\W_]*(?P<g>[A-Za-z][\w’' -]{1,40}?)\s+ONLY[\s.:*_]*$", re.I)
_ARTICLES = frozenset({"a", "an", "the"})
_NOT_GROUP_RE = re.compile(
    r"\b(?:USE|CODES?|ANSWERS?|NUMBERS?|DIGITS?|READ|TICK|BOX(?:ES)?|ONE|MENTIONS?|STAFF"
    r"|INTERVIEWERS?|INTERNAL|OFFICE|TEXT|WORDS?|LETTERS?|REFERENCE)\b",
    re.I,
)


def _stems(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", " ", text).casefold())
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _ARTICLES]


def _group_only(
    group: str,
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """ "Agents only." under the answers opens the next question to those who gave the answer
    "An agent (architect, …)"; above a question, or between its words and answers, it is that
    question's. The group's words hold one answer's words whole (plurals folded, one more word
    at most: "Planning Portal users"), of one earlier question only; else nothing is read."""
    holder = following if place in ("last", "end") else question
    if holder is None or _SCREEN_ID_RE.match(holder.id):
        return None
    if _NOT_GROUP_RE.search(group):
        return None  # "Office use only", "One answer only": how to answer, not whom to ask
    said = _stems(group)
    found = []
    for qid in list(questions)[: order[holder.id]]:
        for option in questions[qid].options or []:
            core = _stems(option.label)
            if core and len("".join(core)) >= 4 and set(core) <= set(said):
                if len(said) - len(core) <= 1:
                    found.append((qid, option.code))
    if len(found) != 1:
        return None
    expression = render([[Atom(found[0][0], [found[0][1]])]], questions)
    return Reading("display_if", holder, expression, source=words)


# whom a group names: "members", "users", "holders" (the rest of its words name the answer)
_PEOPLE = frozenset(
    {
        "member",
        "user",
        "holder",
        "owner",
        "people",
        "person",
        "respondent",
        "customer",
        "client",
        "patient",
        "resident",
        "visitor",
        "those",
        "anyone",
        "everyone",
        "household",
    }
)
_GROUP_HEAD_WORDS_RE = re.compile(
    r"^\W*(?P<g>[A-Za-z][\w’' -]{2,50}?)\s*[:,–—-]?\s*(?:please\s+|then\s+|should\s+)?$", re.I
)


def _answer_group(words: str, question: Question, questions: dict[str, Question]) -> str | None:
    """ "Waiting-list members: please go straight to question 12" under "… I'm on the waiting
    list (4)": a group of people named by the words of one of this question's answers (the
    group's other words in that answer's label, in order); None unless exactly one answer has
    them."""
    match = _GROUP_HEAD_WORDS_RE.match(words)
    if match is None or not question.options:
        return None
    said = _stems(match["g"].replace("-", " "))
    core = [w for w in said if w not in _PEOPLE]
    if len(core) == len(said) or not core or len("".join(core)) < 4:
        return None  # no people named: not a group (the condition readers' words)
    found = []
    for option in question.options:
        label = _stems(option.label.replace("-", " "))
        if any(label[i : i + len(core)] == core for i in range(len(label) - len(core) + 1)):
            found.append(option.code)
    if len(found) != 1:
        return None
    return render([[Atom(question.id, found)]], questions)
