"""A routing note that covers several questions, read as SCOPE + CONDITION + ACTION.

Why a module of its own: section and run notes come in endless wordings ("This section is only
for …", "Part D: answer only if … (A3 = yes)", "Questions 16 to 19 are for Year 10 students
only", "ASK Q10 AND Q11 IF Q9 = 1 OR 2", "FILTER: ASK IF AGE 16+ (D1 >= 16)" right under a
section's heading, "Skip this part if …"). The rules written for one wording each (parse's
section recognisers, `span_filters`) keep what they read; this fallback reads the parts
generically, after them, on the lines they left:

- SCOPE: a run of questions named in the note (`Q5–Q8`, `questions 16 to 19`, `E3 AND E4`),
  "the next three questions", or a section (a section word in the note, or the note standing
  right under a section's heading before its first question), up to the next heading, an
  "ASK ALL" banner, or the question everyone else is sent to.
- CONDITION: the test in brackets that names a question, else the clause after IF / WHO /
  WHERE, else a bare test on a question; it is handed to the logic pass as `ASK IF …`, which
  reads it with `conditions` against the questions (and joins it to a question's own filter).
  When the group is named only in words ("is for everyone renewing"), the test of those the
  note sends on ("If you told us at question 2 …, jump ahead to Part C") is read, denied.
- ACTION: a filter (ask, show, answer, only, for, is asked …) or, negated, "skip / not asked /
  unless / except". Notes that end the survey or jump elsewhere are left to the skip readers.

A note is rewritten only when every part was read and it covers at least two questions; it is
then replaced by an `ASK IF …` line before each question it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fielder.compiler.classify import find_label, is_section, looks_like_question
from fielder.compiler.glossary import to_english
from fielder.compiler.group_names import GROUP_MARK, names_answer, names_group
from fielder.compiler.lines import Line, made_line
from fielder.compiler.parse import section_note_read

_ID = r"[A-Z]{1,4}\d{1,3}[a-z]?"
# a CAPI variable named in capitals before its sign ("ECON = 1") also names a question
_VAR = r"(?-i:\b[A-Z][A-Z0-9_]{2,11}\b)(?=\s*(?:=|<|>|!=|≠))"
_REF_RE = re.compile(rf"\b{_ID}\b|\bQUESTIONS?\s+[A-Z]{{0,4}}\d{{1,3}}[a-z]?\b|{_VAR}", re.I)
_SIGN = r"(?:=|==|!=|<>|≠|<|>|≤|≥|∈|∋|∌|\bAT\b|\bCODES?\b|\bIN\b|\bNOT\b|\bIS\b)"
# a run of questions named in the note: "Q10 TO Q12", "questions 16 to 19", "E3 AND E4"
_RUN_RE = re.compile(
    rf"(?:\bQUESTIONS\s+(?P<na>\d{{1,3}}[a-z]?)|\b(?P<a>{_ID}))\s*"
    r"(?P<join>TO|-|–|—|\.\.|AND|&|ET|UND|E|Y)\s*(?:QUESTIONS?\s+)?"
    rf"(?:(?<=\s)(?P<nb>\d{{1,3}}[a-z]?)\b|\b(?P<b>{_ID})\b)",
    re.I,
)
# "up to and including Q5", "as far as Q5", "until Q5": a run from the note to that question
_UNTIL_RE = re.compile(
    rf"\b(?:UP\s+TO(?:\s+AND\s+INCLUDING)?|AS\s+FAR\s+AS|UNTIL|TILL|THROUGH\s+TO)\s+"
    rf"(?:QUESTION\s+)?(?P<id>{_ID})\b",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NEXT_RE = re.compile(
    r"\b(?:THE\s+)?(?:NEXT|FOLLOWING)\s+(?P<n>TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|\d)\s+QUESTIONS\b",
    re.I,
)
_SECTION_WORD_RE = re.compile(
    r"\b(?:THIS|THE\s+WHOLE|WHOLE|ENTIRE|THE\s+FOLLOWING)\s+(?:SECTION|PART|BLOCK|MODULE|PAGE)\b"
    r"|^\W*(?:(?:ASK|SHOW|ANSWER|COMPLETE)\s+)?(?:SECTION|PART|BLOCK|MODULE)\s+[A-Z0-9]{1,2}\b"
    r"|\b(?:ASK|SHOW|ANSWER|COMPLETE|FILL\s+IN|FILL\s+OUT)\s+(?:SECTION|PART|BLOCK|MODULE)\b"
    r"|\b(?:WHOLE|ALL|REST)\s+OF\s+(?:THE\s+|THIS\s+)?(?:SECTION|PART|BLOCK|MODULE)\b",
    re.I,
)
# "ALL OTHERS GO TO SECTION H": the section everyone else is sent to, by its letter
_AFTER_SECTION_RE = re.compile(
    r"\b(?:TO|AT)\s+(?:THE\s+)?(?:SECTION|PART|BLOCK|MODULE)\s+(?P<letter>[A-Z])\b(?!\s*\d)", re.I
)
# the sentence that sends everyone else on: "Others go to Q13.", "If not, go to Section D."
_OTHERS_RE = re.compile(
    r"^\W*(?:EVERYONE|EVERYBODY|ALL\s+OTHERS|OTHERS|THE\s+REST|OTHERWISE|IF\s+NOT|ELSE|"
    r"ANYONE\s+ELSE|ALL\s+THE\s+OTHERS)\b"
    # (the verb in any form: "moves on to", "carries on at", "goes straight to", "jump ahead to")
    r"|\b(?:GO(?:ES)?|SKIPS?|MOVES?|JUMPS?|CONTINUES?|CARR(?:Y|IES)|PROCEEDS?|TURNS?)\s+"
    r"(?:ON\s+|STRAIGHT\s+|DIRECTLY\s+|AHEAD\s+)?(?:ON\s+)?(?:TO|AT)\b"
    r"|\bCARR(?:Y|IES)\s+ON\s+(?:FROM|AT|WITH)\b"
    # ("those customers pick up again at question 14": where the group skipped comes back)
    r"|\b(?:PICKS?\s+UP|RESUMES?|REJOINS?)\s+(?:AGAIN\s+)?(?:AT|FROM|WITH)\b"
    # ("On days 1–6 the diary ends after T16": for the others it stops at a question before)
    r"|\b(?:ENDS|FINISHES|STOPS|CLOSES)\s+(?:AFTER|AT|WITH)\s+(?:QUESTION\s+)?[A-Z]{0,4}\d",
    re.I,
)
_AFTER_RE = re.compile(
    rf"\b(?:TO|AT|FROM)\s+(?:THE\s+)?(?:(?:QUESTION\s+)?(?P<n>\d{{1,3}}[a-z]?)\b|(?P<id>{_ID})\b)",
    re.I,
)
# what the note asks: a filter, in its many words
_FILTER_RE = re.compile(
    r"\b(?:ASK|ASKED|SHOW|SHOWN|DISPLAY|DISPLAYED|ANSWER|ANSWERED|COMPLETE|COMPLETED|ONLY|"
    r"FILTER|BASE|APPEARS|CONCERNS|IF|WHERE|WHEN|FOR)\b",
    re.I,
)
_NEGATED_RE = re.compile(
    r"\b(?:SKIP|HIDE|OMIT)\s+(?:THIS\s+|THE\s+)?(?:WHOLE\s+|ENTIRE\s+)?(?:SECTION|PART|BLOCK|"
    r"MODULE|PAGE|QUESTIONS)\b|\bNOT\s+(?:BE\s+)?(?:ASKED|SHOWN|DISPLAYED|PUT)\b"
    # ("Do not fill in Part 4 if …": the respondent told to leave a part out)
    r"|\bDO\s+NOT\s+(?:ASK|SHOW|ANSWER|COMPLETE|FILL\s+IN|FILL\s+OUT)\b"
    r"|\bDON'T\s+(?:ASK|SHOW|ANSWER|COMPLETE|FILL\s+IN|FILL\s+OUT)\b"
    # ("Questions 11 to 13 are skipped for recall visits (…)")
    r"|\b(?:ARE|IS|GET)\s+(?:SKIPPED|LEFT\s+OUT|OMITTED)\s+(?:FOR|BY)\b"
    # ("the whole of section 4 (D11 to D14) is hidden for students (D1 = 8)")
    r"|\b(?:ARE|IS|GETS?)\s+HIDDEN\s+(?:FOR|FROM)\b"
    # ("E2 and E3: skip both if …": the run named, then skipped by a word for it)
    r"|\b(?:SKIP|HIDE|OMIT)\s+(?:BOTH|THEM|THESE|ALL\s+(?:OF\s+)?(?:THEM|THESE)|EACH)\b"
    # ("Skip Q16 and Q17 if you said No at Q15": the run named right after the verb, then its test)
    r"|\b(?:SKIP|HIDE|OMIT)\s+(?:QUESTIONS?\s+)?[A-Z]{0,4}\d{1,3}[a-z]?(?:\s*(?:AND|TO|-|–|,)\s*"
    r"(?:QUESTIONS?\s+)?[A-Z]{0,4}\d{1,3}[a-z]?)+\s+IF\b",
    re.I,
)
# "Those who joined this year (T2 = 1) skip this section and go straight to Part D": the group
# the note names skips, with its own test, so the sentence is the note (a negated filter), not
# the others' way on
_SKIPPERS_RE = re.compile(
    r"^(?!\W*(?:EVERYONE|EVERYBODY|ALL\s+OTHERS|OTHERS|THE\s+REST|OTHERWISE|IF\s+NOT|ELSE|ANYONE"
    # ("Those who are retired (code 4 at A2) skip …": the test as a code at a question)
    r"\s+ELSE)\b).*\([^()]*(?:=|<|>|≠|≤|≥|\bCODES?\s+\d[^()]*\bAT\s+[A-Z]{1,4}\d)[^()]*\)[^()]*"
    r"\bSKIPS?\s+(?:THIS|THE\s+WHOLE|THE\s+ENTIRE|"
    r"THE)\s+(?:SECTION|PART|BLOCK|MODULE|PAGE)\b",
    re.I,
)
_EXCEPT_RE = re.compile(r"\b(?:UNLESS|EXCEPT(?:\s+(?:FOR|IF|WHEN))?)\b", re.I)
# notes that end the interview or only describe: not a filter of the questions below
_NOT_FILTER_RE = re.compile(
    r"\b(?:TERMINATE|SCREEN[\s-]*OUT|CLOSE|END\s+(?:THE\s+)?(?:SURVEY|INTERVIEW)|STOP|QUOTAS?|"
    r"NOT\s+(?:ROUTING|A\s+FILTER|SCRIPTED)|SOFT\s+CHECK|DERIVED|LOOP|FOR\s+EACH|EACH\s+OF)\b"
    r"|\b(?:SHOW\s+ONLY|ONLY\s+SHOW)\b[^.;]*\b(?:SELECTED|CODED|PICKED|CHOSEN|TICKED|MENTIONED)\b",
    re.I,
)
# a loop's own sentence with no test in it ("LOOP OVER PERSONS AGAIN."; "LOOP PNO = 1 TO …"
# keeps the note out as a loop, not a filter)
_LOOP_ONLY_RE = re.compile(r"^\W*(?:LOOP|REPEAT)\b[^=<>≠≤≥]*$", re.I)
_BRACKET_RE = re.compile(r"\(([^()]{2,120})\)")
_CLAUSE_RE = re.compile(
    r"\b(?:ONLY\s+)?(?:IF|WHERE|WHEN|UNLESS|EXCEPT\s+(?:FOR|IF|WHEN))\b\s*(?P<c>[^.;]{3,160})", re.I
)
_WHO_RE = re.compile(
    r"\b(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|EVERYONE|ALL)\s+(?:WHO|THAT)\s+(?P<c>[^.;]{3,160})",
    re.I,
)
# the group under any plural name: "panellists who", "fans who", "members that" (its test must
# name the question itself, not only point at it: "(see question 3)")
_PLURAL_WHO_RE = re.compile(
    r"\b(?!(?:THIS|WAS|HAS|DOES|IS|ITS|THUS|YES)\b)[A-Z]{2,20}S\s+(?:WHO|THAT)\s+(?P<c>[^.;]{3,160})",
    re.I,
)
# "only shown to pupils in Year 10 or 11 at question 1", "are only for people aged 18 or over at
# question 18": the group the run is put to, told by its answer at a question named in the words
_SHOWN_TO_RE = re.compile(
    r"\b(?:(?:SHOWN|ASKED|PUT|GIVEN|DISPLAYED)\s+(?:ONLY\s+)?(?:TO|OF)|(?:IS|ARE)\s+ONLY\s+FOR)"
    r"\s+(?P<c>[^.;]{3,160})",
    re.I,
)
_POINTER_BRACKET_RE = re.compile(
    r"\((?:\s*SEE\b|\s*(?:YOUR\s+|THE\s+|THEIR\s+)?ANSWERS?\s+(?:AT|TO|IN|ON)\b)[^()]*\)", re.I
)
_BARE_TEST_RE = re.compile(
    rf"(?:\b{_ID}|{_VAR})\s*(?:=|==|!=|<>|≠|<|>|≤|≥|>=|<=)\s*[^.;]{{1,80}}", re.I
)
_QUESTION_WORD_RE = re.compile(rf"^[^\W\d]{{3,12}}\.?\s+(?={_ID}\s*(?:=|<|>|!=|≠|IN\b))", re.I)
# "(your answer at Question A5)", "(see Q3)": where the answer was given, not the test on it
_POINTER_RE = re.compile(
    r"^\W*(?:SEE\b|(?:YOUR\s+|THE\s+|THEIR\s+)?ANSWERS?\s+(?:AT|TO|IN|ON)\b)", re.I
)
_ANSWERED_RE = re.compile(
    r"^(?:HAVE\s+|HAS\s+)?(?:ANSWERED|SAID|TICKED|SELECTED|CHOSE|CHOSEN|MARKED)\s+", re.I
)
# the group a banner names: "ALL WHO AGREED …", "ONLY FOR THOSE WHO …", "… ARE FOR MANAGERS"
_GROUP_RE = re.compile(
    r"^\W*(?:[A-Z][\w'’ ]{1,40}?\s*[—–:-]\s*)?(?:ALL|THOSE|EVERYONE|ANYONE|PEOPLE|RESPONDENTS)\s+"
    r"(?:WHO|THAT|WITH)\b|\bONLY\s+FOR\b|\b(?:IS|ARE)\s+(?:ONLY\s+)?FOR\b",
    re.I,
)
# "Line managers only (R1 = 1).": a group by its plural name, then ONLY and its test; the
# section's group only where the heading over it names that group too ("Line manager's view")
_GROUP_ONLY_RE = re.compile(
    r"^\W*(?P<group>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*S)\s+ONLY\s*\(", re.I
)


def _titled_group(head: str, title: str) -> bool:
    """True when the heading `title` names the group a "<group> only (test)" note is for (a
    word of the group's, its first five letters, in the title)."""
    found = _GROUP_ONLY_RE.search(head)
    if found is None or not title:
        return False
    stems = {w[:5].lower() for w in re.findall(r"[A-Za-z]{4,}", title)}
    return any(w[:5].lower() in stems for w in re.findall(r"[A-Za-z]{4,}", found["group"]))


# "Universe: …", "Who: …": a spec's base line, written over each item it is for
_ITEM_BASE_HEAD_RE = re.compile(r"^\W*(?:UNIVERSE|WHO)\s*:", re.I)
_ASK_ALL_RE = re.compile(r"^\W*(?:ASK\s+)?(?:ALL|EVERYONE)(?:\s+RESPONDENTS)?\W*$", re.I)
_GLOSS_RE = re.compile(r"\s*\((?![^()]*(?:[=<>≠]|\d))[^()]*\)")


@dataclass(frozen=True)
class ScopedNote:
    """One note read: the test, whether it is negated, and the scope it names."""

    cond: str
    negated: bool
    first: str = ""  # a run named in the note ("" when none)
    last: str = ""
    listed: bool = False  # "E7 AND E11": the two questions named, not the run between
    count: int = 0  # "the next three questions"
    section: bool = False  # "this section", "Part D: …"
    after: str = ""  # the question everyone else is sent to
    sent_on: bool = False  # the test is of those sent on (the group itself named in words)
    jump: bool = False  # a group named in words skips ahead to `after` (it must be found)
    until: str = ""  # "… up to and including Q5": from the note on, to that question


def _sentences(text: str) -> list[str]:
    # ("… only for X (code 2 at S3) – everyone else carries on at Q11": the others' clause
    # after a dash is a sentence of its own)
    # ("… shown to direct reports, i.e. raters who chose (3) at R1": no stop after "i.e.")
    splitter = (
        r"(?<=[.;!])(?<!\bi\.e\.)(?<!\be\.g\.)(?<!\bviz\.)\s+"
        r"|\s+[–—-]\s+(?=(?:EVERYONE|ANYONE|ALL\s+OTHERS|OTHERS|THE\s+REST)\b)"
    )
    return [s for s in re.split(splitter, text.strip(), flags=re.I) if s and s.strip()]


def _joined_clause(text: str, bracket: re.Match[str]) -> re.Match[str] | None:
    """The whole clause after IF / WHEN when the bracketed test is only one of its parts: "only
    when Payroll is ticked at C1 and the firm has 10 staff or more (C2 ≥ 10)" (a test on another
    question joined to it by AND / OR; None otherwise)."""
    clause = _CLAUSE_RE.search(text)
    if clause is None or not clause.start("c") <= bracket.start() < clause.end("c"):
        return None
    words = clause.group("c")[: bracket.start() - clause.start("c")]
    named = {r.upper() for r in _REF_RE.findall(bracket.group(1))}
    others = [r for r in _REF_RE.findall(words) if r.upper() not in named]
    if others and re.search(r"\b(?:AND|OR)\b", words, re.I):
        return clause
    return None


def _condition(text: str) -> tuple[str, int, int]:
    """The test in the note (a bracket naming a question, a clause after IF / WHO, or a bare
    test) and where it stands in the note."""
    for found in _BRACKET_RE.finditer(text):
        inner = found.group(1)
        if (
            _REF_RE.search(inner)
            and re.search(_SIGN, inner, re.I)
            and not _RUN_RE.fullmatch(inner)
            and not _POINTER_RE.match(inner)
        ):
            wider = _joined_clause(text, found)
            if wider is not None:
                return wider.group("c").strip(" .,:"), wider.start(), wider.end()
            # ("Frage A3 = ja": the word for "question" before the id, in any language)
            inner = _QUESTION_WORD_RE.sub("", inner.strip())
            return inner, found.start(), found.end()
    plural = _PLURAL_WHO_RE.search(text)
    if plural and not _REF_RE.search(_POINTER_BRACKET_RE.sub("", plural["c"])):
        plural = None
    found_in = (
        _CLAUSE_RE.search(text),
        _WHO_RE.search(text),
        plural,
        _SHOWN_TO_RE.search(text),
        _BARE_TEST_RE.search(text),
        _CODE_AT_RE.search(text),
    )
    for said in found_in:
        if said is None:
            continue
        found = said
        clause = found.group("c") if "c" in found.groupdict() else found.group(0)
        clause = _GLOSS_RE.sub("", clause).strip(" .,:")
        clause = _ANSWERED_RE.sub("", clause)
        if _REF_RE.search(clause) and not _RUN_RE.fullmatch(clause):
            return clause, found.start(), found.end()
    pointed = _GROUP_POINTER_RE.search(text)
    if pointed:
        # "only for guests travelling with children under 18 (question 3)": a group named by
        # an answer of the question in brackets
        group = f"{GROUP_MARK} {pointed['c'].strip()} ({pointed['p'].strip()})"
        return group, pointed.start(), pointed.end()
    return "", -1, -1


# "only for guests travelling with children (question 3)": whom, then the question sorting them
# (not "…, answer (1) at S5": a code at a question)
_GROUP_POINTER_RE = re.compile(
    r"\b(?:ONLY\s+)?FOR\s+(?P<c>[^()\d][^()]{2,80}?)\s*"
    rf"\((?P<p>(?:QUESTION\s+)?\d{{1,3}}[a-z]?|{_ID})\)(?!\s*(?:AT|IN)\s)",
    re.I,
)
# "is for families whose child has a plan, answer (1) at S5": the group in words, then its
# answer's code at the question that sorts it
_CODE_AT_RE = re.compile(
    r"(?:\b(?:ANSWERS?|CODES?|BOX(?:ES)?|OPTIONS?)\s+)?(?<![\w)])\(?\d{1,3}\)?"
    r"(?:\s*(?:,|\bOR\b|/)\s*\(?\d{1,3}\)?)*\s+(?:AT|IN)\s+(?:QUESTION\s+)?"
    rf"(?:{_ID}|\d{{1,3}}[a-z]?)\b(?!\s*(?:TO|-|–)\s*\w)",
    re.I,
)


# "<group>, please skip to Q6", "If you don't use the API (REST or GraphQL), skip ahead to D1"
_GROUP_JUMP_RE = re.compile(
    r"^\W*(?:IF\s+)?(?P<c>[^\W\d][^,;:=<>\d]{2,80}?)\s*,\s*(?:PLEASE\s+)?(?:SKIP|GO|JUMP|MOVE)\s+"
    r"(?:ON\s+|AHEAD\s+|STRAIGHT\s+|DIRECTLY\s+)?TO\s+(?:QUESTION\s+)?"
    rf"(?:(?P<n>\d{{1,3}}[a-z]?)|(?P<id>{_ID}))\W*$",
    re.I,
)


# an amount, not a group of people: "only one visit", "most rooms", "no calls", "two or more"
_AMOUNT_RE = re.compile(
    r"^\W*(?:ONLY|JUST|EXACTLY|NO|NONE|MOST|ALL|ANY|SOME|FEW|FEWER|MORE|LESS|ONE|TWO|THREE|FOUR"
    r"|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\b",
    re.I,
)


# "Non-members, please skip 13–15.", "Day visitors skip questions 8 to 10": a group in words
# that passes over a run of questions
_GROUP_SKIPS_RUN_RE = re.compile(
    r"^\W*(?P<c>[^\W\d][^,;:=<>\d]{2,60}?)\s*,?\s*(?:PLEASE\s+)?(?:SKIP|MISS\s+OUT|LEAVE\s+OUT)\s+"
    r"(?:QUESTIONS\s+|QS?\.?\s*)?(?P<a>\d{1,3})\s*(?:TO|-|–|—)\s*(?:Q\.?\s*)?(?P<b>\d{1,3})"
    # ("… skip questions 13–15 (they're about the bar) and carry on at Part C")
    r"(?:\s*\([^()]{2,80}\))?(?:\s*,?\s*(?:AND|THEN)\s+(?:CARRY\s+ON|CONTINUE|GO|MOVE|JUMP|PICK\s+UP)"
    r"\b[^.;]{0,40})?\W*$",
    re.I,
)


def _group_skips_run(sentences: list[str]) -> ScopedNote | None:
    """A group named in words that skips a run of questions named by their numbers: the run is
    asked of everyone else (the group's answer is found in logic, `group_names`)."""
    found = _GROUP_SKIPS_RUN_RE.match(sentences[0]) if len(sentences) == 1 else None
    if found is None or not names_group(found["c"]) or _AMOUNT_RE.match(found["c"]):
        return None
    if int(found["b"]) <= int(found["a"]):
        return None
    group = re.sub(r"^\W*IF\s+", "", found["c"], flags=re.I)
    return ScopedNote(cond=f"{GROUP_MARK} {group}", negated=True, first=found["a"], last=found["b"])


def _group_jump(sentences: list[str]) -> ScopedNote | None:
    """A group named in words that skips ahead: the questions up to the target are asked of
    everyone else (the group's answer is found in logic, `group_names`)."""
    found = _GROUP_JUMP_RE.match(sentences[0]) if len(sentences) == 1 else None
    if found is None or _REF_RE.search(found["c"]) or not names_group(found["c"]):
        return None
    if _AMOUNT_RE.match(found["c"]):
        return None  # "IF ONLY ONE VISIT, GO TO R9": an amount the question records, its own jump
    after = found["id"] or f"Q{found['n']}"
    return ScopedNote(cond=f"{GROUP_MARK} {found['c']}", negated=True, after=after, jump=True)


# "Questions 6 to 8 are for …, so if you ticked “None” at question 5, carry on from question
# 9": a run named, then those who skip it, by a test, sent past it
_RUN_JUMP_RE = re.compile(
    r"[,;:]\s*(?:SO\s+|AND\s+|BUT\s+)?IF\s+(?P<c>[^,;]{3,160}?)\s*,\s*(?:PLEASE\s+)?"
    r"(?P<go>[^,;]{3,60})$",
    re.I,
)


def _run_jump(sentence: str) -> ScopedNote | None:
    """A run named before a jump on a test past its end (the run's filter, denied)."""
    run = _RUN_RE.search(sentence)
    jump = _RUN_JUMP_RE.search(sentence.rstrip(" ."))
    if run is None or jump is None or run.end() > jump.start():
        return None
    if run["join"].upper() not in ("TO", "-", "–", "—"):
        return None
    go = jump["go"]
    target = _AFTER_RE.search(go)
    if not _OTHERS_RE.search(go) or target is None or _REF_RE.search(go[: target.start()]):
        return None
    last = run["nb"] or run["b"]
    after = target["n"] or target["id"]
    digits = re.sub(r"\D", "", last), re.sub(r"\D", "", after)
    if not all(digits) or int(digits[1]) != int(digits[0]) + 1:
        return None  # (sent to the question right after the run only)
    cond = jump["c"].strip()
    if not _REF_RE.search(cond):
        return None
    return ScopedNote(
        cond=cond,
        negated=True,
        first=run["a"] or f"Q{run['na']}",
        last=run["b"] or f"Q{run['nb']}",
        after=after if target["id"] else f"Q{after}",
    )


# the run named in one sentence, taken up by a word for it in the next ("Questions 6 to 11 are
# about paid care. Please answer them only if …")
_BACK_TO_RUN_RE = re.compile(
    r"\b(?:THEM|THESE(?:\s+QUESTIONS)?|THOSE\s+QUESTIONS|THEY|EACH\s+OF\s+THEM)\b", re.I
)


def _run_then_test(main: list[str]) -> list[str]:
    """Two sentences, the first naming a run with no test and the second its test, taking the
    run up by a word for it: one note (else the two as they were)."""
    first, second = main
    run = _RUN_RE.search(first)
    if run is None or _condition(first)[0] or _RUN_RE.search(second):
        return main
    if not _BACK_TO_RUN_RE.search(second) or not _condition(second)[0]:
        return main
    return [f"{first.rstrip()} {second.lstrip()}"]


# a whole note set in brackets: "(Questions 4 to 9 are for members who …)"
_WHOLE_BRACKET_RE = re.compile(r"^\W*\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)\W*$")


def _unwrapped(part: str) -> str:
    """A note written wholly in brackets, read as its words when they are a sentence of their
    own (a run or a verb and five words or more); a test alone in brackets stays as it is."""
    found = _WHOLE_BRACKET_RE.match(part)
    if found is None:
        return part
    inner = found["inner"]
    if len(inner.split()) < 5 or not (_RUN_RE.search(inner) or _FILTER_RE.search(inner)):
        return part
    return inner


# "Questions 16 to 19 are for older pupils only.", "Q7 and Q8 are just for dog owners."
_RUN_FOR_GROUP_RE = re.compile(
    r"^\W*(?:(?:QUESTIONS?|QS?\.?)\s+)?\w{1,6}\s*(?:TO|AND|&|-|–|—)\s*\w{1,6}\s+(?:ARE|IS)\s+"
    r"(?:ONLY\s+|JUST\s+)?FOR\s+(?P<c>[^\W\d][^()=<>;:]{2,80}?)(?:\s+ONLY)?\s*[.!]?\s*$",
    re.I,
)


def _run_for_group(head: str) -> tuple[str, int, int]:
    """The group a run is for, named only in words, as a `GROUP:` test ("", -1, -1 if none)."""
    found = _RUN_FOR_GROUP_RE.match(head)
    if found is None or _REF_RE.search(found["c"]) or not names_group(found["c"]):
        return "", -1, -1
    return f"{GROUP_MARK} {found['c'].strip()}", found.start("c"), found.end("c")


def read_scoped_note(parts: list[str], under_heading: bool, title: str = "") -> ScopedNote | None:
    """The note (its parts: instructions and words) read as scope, condition and action (None
    unless every part is read)."""
    sentences: list[str] = []
    for part in map(_unwrapped, parts):
        for sentence in _sentences(" ".join(to_english(part).split())):
            # (a note lifted out of the words may stand in them too)
            if _LOOP_ONLY_RE.match(sentence):
                continue  # "LOOP OVER PERSONS AGAIN.": says how the block repeats, no filter
            if sentence.rstrip(" .;") not in [s.rstrip(" .;") for s in sentences]:
                sentences.append(sentence)
    if not sentences or any(_NOT_FILTER_RE.search(s) for s in sentences):
        return None
    skipped = _group_skips_run(sentences)
    if skipped is not None:
        return skipped
    jumped = [r for r in map(_run_jump, sentences) if r is not None]
    if len(jumped) == 1 and sum(bool(_REF_RE.search(s)) for s in sentences) == 1:
        return jumped[0]
    main: list[str] = []
    after, others, sent_on = "", False, ""
    seen: re.Match[str] | None = None
    for sentence in sentences:
        if _OTHERS_RE.search(sentence) and not _SKIPPERS_RE.search(sentence):
            clause = re.match(r"^\W*IF\s+(?P<c>[^,;]{3,160}?)\s*,", sentence, re.I)
            if clause and _REF_RE.search(clause["c"]) and not _OTHERS_RE.search(clause["c"]):
                # "If you told us at question 2 that you are leaving, jump ahead to Part C":
                # those sent on, when the group the note is for is named only in words
                sent_on = clause["c"].strip(" .")
            if not main and not any(_REF_RE.search(s) for s in sentences if s != sentence):
                # "Occasional visitors from another site, please skip to Q6": a group named
                # only by an answer jumps ahead, so the questions it passes are for the others
                return _group_jump(sentences)  # (else only a jump: the skip readers' job)
            others = True
            # ("All others see Q11 to Q13": the run the note covers, not where they go)
            seen = seen or _RUN_RE.search(sentence)
            target = None if _RUN_RE.search(sentence) else _AFTER_RE.search(sentence)
            if target and not after:
                after = target["id"] or f"Q{target['n']}"
            named = None if target or after else _AFTER_SECTION_RE.search(sentence)
            if named:
                after = f"§{named['letter'].upper()}"
            continue
        if _REF_RE.search(sentence) or _BARE_TEST_RE.search(sentence):
            main.append(sentence)  # (words naming no question only describe the group)
    if len(main) == 2 and any(_BARE_TEST_RE.fullmatch(m.strip(" .()")) for m in main):
        # "FILTER: EMPLOYEES ONLY — E3 AND E4" with its test lifted out of brackets ("ECON = 1")
        test = next(m for m in main if _BARE_TEST_RE.fullmatch(m.strip(" .()")))
        main = [f"{next(m for m in main if m is not test)} ({test.strip(' .()')})"]
    if len(main) == 2:
        main = _run_then_test(main)
    if len(main) != 1:
        return None
    head = main[0]
    cond, start, end = _condition(head)
    if not cond and others and after and not sent_on:
        # "Questions 12 and 13 are for residents of two years or more. Everyone else skip to
        # question 14": a run for a group named only in words, the others sent past it (the
        # group's answer is found in logic, `group_names`; others sent on by a test of a
        # question named are read below, as that test denied)
        cond, start, end = _run_for_group(head)
    from_sent = bool(not cond and sent_on and others)
    if from_sent:
        cond, start, end = sent_on, len(head), len(head)
        head = head + " SKIP QUESTIONS"  # (the others' test, denied, is the filter)
    if not cond or _BRACKET_RE.fullmatch(head.strip(" .;")):
        return None  # (a test alone in brackets carries on the note above it)
    outside = _REF_RE.findall(head[:start] + " " + head[end:]) if start >= 0 else []
    until = _UNTIL_RE.search(head[:start] + " " + head[end:]) if start >= 0 else None
    negated = bool(_NEGATED_RE.search(head) or _EXCEPT_RE.search(head))
    if until and len(outside) == 1 and (negated or _FILTER_RE.search(head)):
        # "All the questions up to and including Q5 are only for …": from here to Q5
        return ScopedNote(cond=cond, negated=negated, until=until["id"], after=after)
    if len(outside) == 1 and not _RUN_RE.search(head) and not _SECTION_WORD_RE.search(head):
        return None  # "BASE FOR B1: …": one question named, its own filter
    # the run the note names stands apart from its test ("IF B2 AND B3 = 1" is no run)
    run = next((r for r in _RUN_RE.finditer(head) if r.end() <= start or r.start() >= end), None)
    if run is None and seen is not None and (under_heading or _SECTION_WORD_RE.search(head)):
        run = seen
    count = _NEXT_RE.search(head)
    section = bool(_SECTION_WORD_RE.search(head))
    group = bool(_GROUP_RE.search(head)) or (under_heading and _titled_group(head, title))
    verb = bool(_FILTER_RE.search(head))
    if not (run or count or section) and _ITEM_BASE_HEAD_RE.match(head):
        return None  # "Who: those with Q12 = 1 or 2": one item's base line, not a banner
    if not (run or count or section):
        # no scope named: a section's when it stands under the heading and sends everyone else
        # on, names the group the section is for, or states a test with no verb at all (a
        # plain "ASK IF …" there is the first question's own filter); a group banner between
        # questions is the filter of the questions below it
        implied = under_heading and (others or group or not verb)
        if not (implied or (group and not verb)):
            return None
        section = True
    elif not negated and not verb:
        return None
    listed = bool(run and run["join"].upper() not in ("TO", "-", "–", "—", ".."))
    first = (run["a"] or f"Q{run['na']}") if run else ""
    last = (run["b"] or f"Q{run['nb']}") if run else ""
    n = count["n"].lower() if count else ""
    return ScopedNote(
        cond=cond,
        negated=negated,
        first=first,
        last=last,
        listed=listed,
        count=int(n) if n.isdigit() else _COUNT_WORDS.get(n, 0),
        section=section,
        after=after,
        sent_on=from_sent,
    )


def _lookup(raw: str, ids: dict[str, str]) -> str | None:
    key = raw.upper()
    return ids.get(key) or ids.get("Q" + key) or ids.get(key.removeprefix("Q"))


def _covered(
    note: ScopedNote, at: int, labels: list[tuple[int, str]], ends: list[int]
) -> list[str]:
    """The ids of the questions the note covers, in order."""
    ids = {qid.upper(): qid for _, qid in labels}
    ahead = [(pos, qid) for pos, qid in labels if pos > at]
    if note.until:
        until = _lookup(note.until, ids)
        ahead_ids = [qid for _, qid in ahead]
        return ahead_ids[: ahead_ids.index(until) + 1] if until in ahead_ids else []
    if note.first:
        first, last = _lookup(note.first, ids), _lookup(note.last, ids)
        order = [qid for _, qid in labels]
        if first is None or last is None or order.index(first) > order.index(last):
            return []
        above = [qid for pos, qid in labels if pos == at - 1]
        if first not in [qid for _, qid in ahead] and first not in above:
            # (a run opening with the question right above the note, "Q7–Q8: only if …" set
            # between Q7's words and its answers, covers that question too)
            return []
        if note.listed:
            return [first, last]
        stop = _lookup(note.after, ids) if note.after else None
        if stop is not None and order.index(stop) > order.index(last) + 1:
            # "Q2 TO Q4: … OTHERS GO TO Q6": everyone else skips up to Q6, Q5 included
            return order[order.index(first) : order.index(stop)]
        return order[order.index(first) : order.index(last) + 1]
    if note.count:
        return [qid for _, qid in ahead[: note.count]]
    end = min((pos for pos in ends if pos > at), default=10**9)
    covered = [qid for pos, qid in ahead if pos < end]
    if note.after.startswith("§"):
        # (the section the others go to begins at its first question: H1, H2 … for Section H)
        letter = note.after[1:]
        starts = [n for n, qid in enumerate(covered) if re.fullmatch(rf"{letter}\d.*", qid, re.I)]
        return covered[: starts[0]] if starts else covered
    stop = _lookup(note.after, ids) if note.after else None
    if note.jump and (stop is None or not ahead or stop == ahead[0][1]):
        return []  # (a jump to nowhere known, or to the very next question, covers nothing)
    if note.jump and stop not in covered:
        # (the target past the part's end must open the next part: nothing else is skipped)
        later = [qid for pos, qid in ahead if pos >= end]
        return covered if later and later[0] == stop else []
    if stop in covered:
        covered = covered[: covered.index(stop)]
    return covered


def _note_parts(line: Line) -> list[str]:
    # (the line as written: tests lifted out into its notes stand in their brackets there)
    parts = [line.raw] if line.raw.strip() else [*line.instructions, line.text]
    return [p for p in parts if p.strip()]


# the second line of a wrapped note goes on mid-sentence: lower case, a bracket, a joining word
_GOES_ON_RE = re.compile(
    r"^[^\w(]*(?:(?-i:[a-z])|\(|(?:AND|OR|WHO|WHOSE|THAT|WHERE|UNLESS|EXCEPT|BUT)\b)", re.I
)


def _ends_sentence(text: str) -> bool:
    """A stop among the marks that end the text (scanned from the end: a regex for it is
    quadratic on a long run of dots before a word)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return any(mark in ".;:!?" for mark in text[end:])


# a coded answer's line: "[3] No", "(2) Rented", "3. Other"
_CODED_ANSWER_RE = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+\S")


def _wrapped_on(lines: list[Line], pos: int, parts: list[str]) -> Line | None:
    """The next line when it carries on this note's sentence (this one ends unfinished and
    the next is a plain note going on from it), else None."""
    if not parts or pos + 1 >= len(lines) or _ends_sentence(parts[-1]):
        return None
    if _CODED_ANSWER_RE.match(lines[pos].text):
        return None  # "[3] No" over "▶ Who is asked: …": an answer, not a note's first half
    following = lines[pos + 1]
    if (
        following.is_option
        or following.kind in ("page_break", "table", "heading")
        or find_label(following) is not None
        or is_section(following)
    ):
        return None
    more = _note_parts(following)
    if not more or not _GOES_ON_RE.match(more[0]):
        return None
    return following


def _numbered_answer(style: str, rest: str) -> bool:
    """ "3) Bicycle" over "If Bicycle, go to Q4.": a bare number before a few words that ask
    nothing is an answer of the question above, not the next question's head."""
    return style == "bare" and len(rest.split()) <= 6 and not looks_like_question(rest)


def _answers_above(lines: list[Line], pos: int) -> list[str]:
    """The words of the lines between the question above and this note (none past a heading)."""
    found: list[str] = []
    for line in reversed(lines[:pos]):
        label = find_label(line)
        if label is not None and not _numbered_answer(label.style, label.rest):
            return found
        if is_section(line) and not line.is_option:
            return []
        if line.text.strip():
            found.append(line.text)
    return []


def scoped_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with each note that covers several questions written as `ASK IF …` before
    every question it covers (the note itself dropped)."""
    labels: list[tuple[int, str]] = []
    styles: dict[int, str] = {}
    ends: list[int] = []
    screens: list[tuple[int, str]] = []  # (… unless a run "up to" a question names them)
    for pos, line in enumerate(lines):
        label = find_label(line)
        if label is not None:
            if label.style != "display":  # (a screen shows to everyone who reaches it)
                labels.append((pos, label.id))
                styles[pos] = label.style
            else:
                screens.append((pos, label.id))
        elif not line.is_option and (
            is_section(line) or _ASK_ALL_RE.match(" ".join([line.text, *line.instructions]))
        ):
            ends.append(pos)
    if not labels:
        return lines
    prefixed = {qid for pos, qid in labels if styles[pos] != "bare"}
    if prefixed:
        # "Q5 … / 1) Gym floor … 6) Café / Q6 …": a bare number whose question is labelled
        # with its letter elsewhere opens an answer ("6) Café" is not Q6)
        labels = [(p, qid) for p, qid in labels if styles[p] != "bare" or qid not in prefixed]
    label_at = dict(labels)
    screen_at = dict(screens)
    before: dict[str, list[str]] = {}
    dropped: set[int] = set()
    heading_open = False
    title = ""  # the words of the heading the notes stand under
    kept: set[int] = set()  # headings read as notes too: they stay as headings
    consumed: set[int] = set()  # second lines of wrapped notes, read with the first
    for pos, line in enumerate(lines):
        if line.kind == "page_break":
            continue
        label = find_label(line)
        heading = not line.is_option and (
            is_section(line) or (label is not None and label.style == "display")
        )
        if heading and (_RUN_RE.search(line.text) or _RUN_RE.search(line.raw)):
            # "SPENDING — M1 TO M5 SHOWN TO PLAYERS AGED 18+ (SC1 = 4–7)", a boxed banner
            # "Q13-Q15: NON-MEMBERS ONLY (Q12 = 02)": a heading that names its run and test
            kept.add(pos)
        elif label is not None:
            heading_open = False
            continue
        elif line.is_option or is_section(line):
            heading_open = is_section(line) and not line.is_option
            title = line.text if heading_open else ""
            continue
        if pos in consumed or section_note_read(line):
            continue  # a dedicated section reader takes it (its logic is kept)
        parts = _note_parts(line)
        note = None
        wrapped = _wrapped_on(lines, pos, parts) if pos not in kept else None
        if wrapped is not None:
            # a note wrapped onto a second line (two paragraphs, two italic lines) is one note
            note = read_scoped_note(
                [" ".join([*parts, *_note_parts(wrapped)])], heading_open, title
            )
            if note is not None:
                consumed.add(pos + 1)
                dropped.add(pos + 1)
        if note is None:
            note = read_scoped_note(parts, heading_open, title) if parts else None
        if pos in kept:
            heading_open = label is None
        if note is None or (pos in kept and not note.first):
            continue
        if note.jump and note.cond.startswith(GROUP_MARK):
            above = _answers_above(lines, pos)
            if names_answer(note.cond[len(GROUP_MARK) :], above):
                # "If you hardly ever come, please go to question 6" under the answers it
                # names: that question's own skip (the skip readers' job)
                continue
        covered = _covered(note, pos, sorted([*labels, *screens]) if note.until else labels, ends)
        if len(covered) < 2 and not (covered and _one_question_block(lines, pos, covered[0])):
            continue
        test = f"ASK IF NOT ({note.cond})" if note.negated else f"ASK IF {note.cond}"
        if note.sent_on:
            test = f"ASK IF THE OTHER ANSWER THAN ({note.cond})"
        for qid in covered:
            before.setdefault(qid, []).append(test)
        dropped.add(pos)
    dropped -= kept
    if not before:
        return lines
    out: list[Line] = []
    answered = True  # the question above has answers (or there is none)
    for pos, line in enumerate(lines):
        if pos in dropped:
            continue
        label = find_label(line)
        # (a screen counts only where a note covers it)
        covers_screen = screen_at.get(pos) in before
        if label is not None and label_at.get(pos) != label.id and not covers_screen:
            label, answered = None, True  # (an answer's number, set aside above)
        if label is not None and label.id in before:
            tests = before.pop(label.id)
            if answered:
                # before the question, where a section's filter is read (ahead of its own)
                out.extend(made_line(line, test, True) for test in tests)
            else:
                # (under a question with no answers a line of its own would read as that
                # question's filter: the test goes with the question's own line instead)
                line = replace(line, instructions=[*tests, *line.instructions])
        if label is not None:
            answered = False
        elif line.is_option or line.kind == "table":
            answered = True
        out.append(line)
    return out


# "Regional block – Americas (AM1)": a heading naming the one question it holds, in brackets
_ONE_ID_HEAD_RE = re.compile(r"\(\s*(?P<id>[A-Z]{1,5}\d{1,3}[a-z]?)\s*\)\s*$")


def _one_question_block(lines: list[Line], pos: int, qid: str) -> bool:
    """True for a note right under a heading that names, in brackets, the one question of its
    block (`Regional block – Americas (AM1)` over `Logic: DEM1 = 1.`): the block's filter, as
    its neighbours' `(EM1–EM2)` runs are, though it covers one question."""
    above = next((line for line in reversed(lines[:pos]) if line.text or line.instructions), None)
    if above is None or not is_section(above):
        return False
    named = _ONE_ID_HEAD_RE.search(above.text)
    return named is not None and named["id"].upper() == qid.upper()
