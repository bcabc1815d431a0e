"""Conditions as written ("Q2 = 1 OR 2", "CODE 99 NOT SELECTED AT A3", "UNDER 18 OR 65 AND OVER")
→ expressions in the IR language, rendered for the type of the question they test."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from fielder.compiler.answer_shorthand import shorthand_label
from fielder.compiler.denied_groups import denied_bracket
from fielder.compiler.dotted_refs import dotted_answer
from fielder.compiler.formal_conditions import formal_condition, is_formal
from fielder.compiler.instructions import expand_codes
from fielder.compiler.labelled_codes import labelled_codes
from fielder.compiler.number_bands import band_codes
from fielder.compiler.program_tests import program_tests
from fielder.compiler.repeated_answers import repeated_answers
from fielder.compiler.row_refs import row_refs
from fielder.compiler.worded_answers import (
    respondent_words,
    see_question,
    topic_answers,
    worded_test,
)
from fielder.ir.models import Question

_NUMERIC_TYPES = frozenset({"number"})
_CHOICE_MULTI = frozenset({"multi", "ranking", "constant_sum"})
# an answer in quotes; an apostrophe between letters is part of its words (“We're moving”)
_QUOTED_RE = re.compile(
    r"(?:[\"“”„«»]|(?<!\w)['‘’])((?:[^'‘’\"“”„«»]|(?<=\w)['’](?=\w)){2,80})"
    r"(?:[\"“”„«»]|['‘’](?!\w))"
)


@dataclass
class Atom:
    """One test of one question: codes chosen (or not), a number compared, or labels chosen."""

    question: str
    codes: list[str]
    negate: bool = False
    op: str | None = None
    value: float | None = None


_NEGATION_RE = re.compile(
    # (a paper form's marks too: "4 not circled at Q3", "did not ring code 2")
    r"\bNOT\s+(?:SELECTED|CODED|CHOSEN|MENTIONED|TICKED|CHECKED|PICKED|ANSWERED|GIVEN|CIRCLED|"
    r"MARKED|RINGED|CROSSED|=|IN\b|EQUAL|CODE|\d|(?=['‘\"“]))|!=|"
    r"\bDID\s*N[O']T\s+(?:SELECT|CHOOSE|PICK|TICK|MENTION|ANSWER|CODE|SAY|CIRCLE|MARK|RING|CROSS)|"
    r"\bEXCEPT\b|\bOTHER\s+THAN\b|\bNO\s+CODE\b|"
    # "Q8 does not include 'Budget'", "S2 DOESN'T CONTAIN CODE 1", "Q1 is not 'Sales'"
    r"\bNOT\s+(?:INCLUDE|CONTAIN)|\bDOESN['’]?T\s+(?:INCLUDE|CONTAIN)|\bIS\s+NOT\b|\bISN['’]T\b",
    re.I,
)

_NOT_QUOTED_RE = re.compile(r"\bNOT\s+['‘’\"“”„«»]", re.I)


_CHOSE_AT_RE = re.compile(
    # ("the pupil picked …", "a member chose …": whoever answers, named by a noun)
    # ("who said …": what is left of "everyone who said …" once its group word is taken off)
    r"^(?:(?:(?:you|they|(?:the|a|an)\s+[a-z]+|respondents?|people|(?:those\s+)?who)\s+)?(?:have\s+|has\s+)?"
    r"(?:picked|chose|chosen|selected|answered|said|ticked|marked|gave|circled)|"
    # "pupils in Year 10 or Year 11 at question 1": a group, then the answers that make it
    r"(?:the\s+)?(?:[a-z]+s|people|those)\s+in)\s+"
    # (the answers named hold no "at <question>" of their own: "Yes at Q20 and No at Q17" is two)
    # (nor a test of their own: "said Q15 is 1 or more and 'Car' at Q5" is two)
    r"(?P<labels>(?![A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:[=<>!]|is\b|are\b))\S(?:(?!\s(?:at|in)\s+(?:question\s+)?[A-Za-z]{0,4}\d{1,3}[a-z]?\b"
    r"|\s[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:[=<>!]|is\b|are\b)).)*?)"
    r"\s+(?:at|in|for|(?<![\d\s]\d\s)to|on)\s+(?P<word>question\s+)?"
    # ("gave a score of 0 to 5": a number to a number is a range, not an answer to question 5)
    r"(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)$",
    re.I,
)


_SYMBOL_JOIN_RE = re.compile(
    r"\s*(?:&{1,2}|\|\|)\s*(?=[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:[=<>!]|in\b))"
)


class ConditionError(ValueError):
    """A condition that could not be read."""


_ONCE_RE = re.compile(
    r"\b(AT\s+LEAST|AT\s+MOST|MORE\s+THAN|FEWER\s+THAN|LESS\s+THAN|NO\s+MORE\s+THAN)\s+(ONCE|TWICE)\b",
    re.I,
)


_SPELLED = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_SPELLED_WORDS = "|".join(_SPELLED)
# "more than two", "at least three", "two or more", "two nights or more": a small bound spelled
# out (a unit of up to three words between the number and "or more")
_SPELLED_BOUND_RE = re.compile(
    rf"(?<=\bTHAN\s)(?:{_SPELLED_WORDS})\b"
    # ("above zero": not "at least one other shop", a remark's words)
    r"|(?<=\bABOVE\s)(?:ZERO|NOUGHT)\b|(?<=\bOVER\s)(?:ZERO|NOUGHT)\b|"
    rf"\b(?:{_SPELLED_WORDS})(?=(?:\s+[A-Za-z]+){{0,3}}\s+(?:OR|AND)\s+(?:MORE|OVER|FEWER|LESS)\b)",
    re.I,
)


_PLACE_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _place_words(text: str) -> str:
    """ "the 2nd or 3rd choice": an answer's place in figures, read as the place in words."""
    return re.sub(
        r"\b([1-8])(?:st|nd|rd|th)\b", lambda m: _PLACE_WORDS[int(m[1]) - 1], text, flags=re.I
    )


# ("only who responded code 3 or 4 in Q5": a translated spec's words, the list IN the question)
_TICKED_CODES_RE = re.compile(
    r"\b(?:(?:ONLY\s+)?(?:YOU|THEY|WHO|RESPONDENTS?)\s+)?(?:TICKED|CIRCLED|CHOSE|PICKED|SELECTED|"
    r"MARKED|ANSWERED|RESPONDED|REPLIED|SAID|GAVE|CODED|PUT)\s+"
    r"(?:(?:AN?\s+X\s+IN\s+)?(?:BOX(?:ES)?|CODES?)\s+)?"
    r"(?=\d{1,3}(?:\s*(?:,|\bOR\b|/)\s*\d{1,3})+\s+(?:AT|IN)\s+[A-Za-z]{0,4}\d)",
    re.I,
)


def _normalise(text: str) -> str:
    # "inlist(c01,1,2)", "SUB1.includes(2)": a program's tests, as plain ones
    text = program_tests(text)
    # "[4] or [5] at Q16", "any of [1]-[4]": codes printed in square brackets, as on the form
    text = re.sub(r"\[(\d{1,3})\]|\{(\d{1,3})\}?", lambda m: m[1] or m[2], text)  # "= {1}" too
    text = text.replace("–", "-").replace("—", "-").replace("≥", ">=").replace("≤", "<=")
    text = text.replace("≠", "!=").replace("<>", "!=")
    # "Q13 in 0..6": a programmer's range of codes, both ends included
    text = re.sub(r"(?<![\d.])(\d{1,3})\s*\.\.\s*(\d{1,3})(?![\d.])", r"\1-\2", text)
    # "S1=3 & L2<>4", "Q2 = 1 || Q3 = 2": symbols joining two tests (not "Bean & Co" in a label)
    text = _SYMBOL_JOIN_RE.sub(lambda m: " AND " if "&" in m[0] else " OR ", text)
    text = re.sub(r"\s+", " ", text).strip(" .:;,[]()")
    # "you ticked 2 or 3 at SC2": the answering verb before a list of codes at a question (the
    # list was split at its OR, the first code read alone on the question before)
    text = _TICKED_CODES_RE.sub("", text)
    # "everyone who said Yes at Q6", "people who ticked 2": the group's word before its test
    text = re.sub(
        r"^(?:everyone|everybody|anyone|all|people|those|members|respondents)\s+(?=who\b)",
        "",
        text,
        flags=re.I,
    )
    # "said Yes (either kind) at Q6": every answer opening with that word
    text = re.sub(
        r"\b([A-Za-z]+)\s*\(\s*(?:of\s+)?(?:either|any|both|all)\s+(?:kinds?|types?|sorts?)\s*\)",
        r"any \1 answer",
        text,
        flags=re.I,
    )
    text = _place_words(text)
    # "none at all", "not at all": the emphasis, no "at" naming a question
    text = re.sub(r"^(none|nothing|never|zero)\s+at\s+all$", r"\1", text, flags=re.I)
    text = re.sub(r"\b([A-Za-z]{1,4}\d{1,3}[a-z]?)\s*/\s*(?=\d)", r"\1 = ", text)
    # "you picked Dissatisfied or Very dissatisfied at Q.6": the answers named (in words, not
    # a letter code), then where
    text = re.sub(r"\b(Q)\.\s?(?=\d{1,3}\b)", r"\1", text, flags=re.I)
    text = _CHOSE_AT_RE.sub(
        # ("in Question 6": the question numbered 6, whose id is Q6)
        lambda m: (
            f"{'Q' if m['word'] and m['q'].isdigit() else ''}{m['q']} = {m['labels']}"
            if re.search("[a-z]{2}", m["labels"])
            else m[0]
        ),
        text,
    )
    subs = (
        # "Is Less Than or Equal to 6": a survey platform's bound that includes the number
        (r"\b(?:IS\s+)?(?:LESS|FEWER|LOWER)\s+THAN\s+OR\s+EQUAL\s+TO\s+(\d+)", r"<= \1"),
        (r"\b(?:IS\s+)?(?:GREATER|MORE|HIGHER)\s+THAN\s+OR\s+EQUAL\s+TO\s+(\d+)", r">= \1"),
        # "UNDER 18 OR OVER 75": the words before a number first, so that "18 OR OVER"
        # (a number then the word) is only read where the number comes first.
        (
            r"\b(?:UNDER|BELOW|YOUNGER\s+THAN|LESS\s+THAN|FEWER\s+THAN|LOWER\s+THAN)\s+(\d+)",
            r"< \1",
        ),
        (
            r"\b(?:OVER|ABOVE|OLDER\s+THAN|MORE\s+THAN|GREATER\s+THAN|HIGHER\s+THAN)\s+(\d+)",
            r"> \1",
        ),
        # (not the number of a question's id: "less often at Q1 or less often at Q2")
        (
            r"(?<![A-Za-z\d])(\d+)\s*(?:AND|OR)\s+(?:OVER|ABOVE|OLDER|MORE|HIGHER|GREATER|UP|PLUS)\b",
            r">= \1",
        ),
        # "20 hours a week or more": the unit between the number and "or more"
        (r"(\d+)\s+(?:[A-Za-z]+\s+){1,4}(?:AND|OR)\s+(?:OVER|MORE)\b", r">= \1"),
        (r"(\d+)\s*\+", r">= \1"),
        (
            r"(?<![A-Za-z\d])(\d+)\s*(?:AND|OR)\s+(?:UNDER|BELOW|YOUNGER|LESS|FEWER|LOWER)\b",
            r"<= \1",
        ),
        # "Q14 is between 0 and 6": the span of codes (or values) from one to the other
        (r"\bBETWEEN\s+(\d+)\s+AND\s+(\d+)\b", r"\1-\2"),
        (r"\bAT\s+LEAST\s+(\d+)", r">= \1"),
        (r"\b(?:AT\s+MOST|NO\s+MORE\s+THAN)\s+(\d+)", r"<= \1"),
    )
    # "LESS THAN £10,000", "25,000 OR MORE": an amount's thousands joined (a comma between
    # codes has fewer than three digits after it)
    text = re.sub(
        r"(?:(?<=THAN\s)|(?<=UNDER\s)|(?<=OVER\s)|(?<=[<>=]\s)|(?<=[<>=]))\s*[$€£¥]?"
        r"(\d{1,3}(?:,\d{3})+)(?![\d,])",
        lambda m: m[1].replace(",", ""),
        text,
        flags=re.I,
    )
    text = re.sub(
        r"[$€£¥]?\b(\d{1,3}(?:,\d{3})+)(?=\s*(?:OR|AND)\s+(?:MORE|OVER|LESS|UNDER|ABOVE|BELOW)\b)",
        lambda m: m[1].replace(",", ""),
        text,
        flags=re.I,
    )
    # quoted words are an answer's label as written ("= 'Under 18'"), never a bound
    pieces = re.split(r"(['‘’\"“”„«»][^'‘’\"“”„«»]{2,80}['‘’\"“”„«»])", text)
    for index in range(0, len(pieces), 2):
        # "LESS THAN £5", "£8 OR MORE": the currency sign is the amount's unit, not the bound
        pieces[index] = re.sub(r"[£$€¥]\s*(?=\d)", "", pieces[index])
        # "called at least once at Q7": a count said in a word is the number of times
        pieces[index] = _ONCE_RE.sub(
            lambda m: f"{m[1]} {1 if m[2].lower() == 'once' else 2} times", pieces[index]
        )
        # "more than one pension pot", "two or more": a small bound spelled out
        pieces[index] = _SPELLED_BOUND_RE.sub(lambda m: str(_SPELLED[m[0].lower()]), pieces[index])
        for pattern, repl in subs:
            pieces[index] = re.sub(pattern, repl, pieces[index], flags=re.I)
    text = "".join(pieces)
    neither = re.match(
        r"^NEITHER\s+(?P<a>.+?)\s+NOR\s+(?P<b>.+?)(?:\s+(?:IS|ARE|WAS|WERE|IS\s+BEING)\s+\w+)?$",
        text,
        re.I,
    )
    named = neither and _AT_QUESTION_RE.search(neither["b"])
    if neither and named:
        # "NEITHER DOG NOR CAT AT S1": the question named once, after both answers
        a, b = neither["a"], neither["b"][: named.start()]
        text = f"{named['q']} != {a} AND {named['q']} != {b}"
    elif neither:
        # "NEITHER CODE 1 NOR CODE 2 IS SELECTED": both left unselected.
        text = f"{neither['a']} NOT SELECTED AND {neither['b']} NOT SELECTED"
    return text


_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"


# "not Brightmoor customers (E4 ≠ 1)", "NOT A UK RESIDENT (Q2 = 2)": words, then in closing
# brackets the test they describe
_DESCRIBED_TEST_RE = re.compile(
    r"\((?P<test>[A-Z]{1,5}\d{1,3}[a-z]?\s*(?:=|==|!=|<>|≠|<|>|≤|≥|∈|∋|∌|IN\b|HAS\b)[^()]*)\)\s*$",
    re.I,
)


def described_test(cond: str) -> re.Match[str] | None:
    """The test a condition's closing brackets hold, where words before them describe it."""
    return _DESCRIBED_TEST_RE.search(cond)


# "BOTH B1 AND B2 ARE 'YES'", "EITHER Q4 OR Q5 = 1": two questions, then the answer they share
_BOTH_ARE_RE = re.compile(
    rf"^(?:BOTH\s+|EITHER\s+)?(?P<a>{_ID})\s+(?P<join>AND|OR)\s+(?P<b>{_ID})\s+"
    r"(?:ARE|IS|WERE|WAS|=)\s+(?P<answer>\S.*)$",
    re.I,
)
# "'YES' AT B1 OR B2", "CODE 1 AT BOTH Q4 AND Q5": the answer, then the two questions
_ANSWER_AT_BOTH_RE = re.compile(
    rf"^(?P<answer>\S.*?)\s+(?:AT|IN|ON|TO)\s+(?:BOTH\s+|EITHER\s+)?(?P<a>{_ID})\s+"
    rf"(?P<join>AND|OR)\s+(?P<b>{_ID})$",
    re.I,
)


def _shared_answer(text: str, questions: dict[str, Question]) -> str:
    """One answer written once for two questions, written out for each."""
    bare = text.strip(" .")
    match = _BOTH_ARE_RE.match(bare) or _ANSWER_AT_BOTH_RE.match(bare)
    if match is None or re.search(rf"\b{_ID}\b", match["answer"]):
        return text
    if not {match["a"].upper(), match["b"].upper()} <= {k.upper() for k in questions}:
        return text
    answer, join = match["answer"], match["join"].upper()
    return f"{match['a']} = {answer} {join} {match['b']} = {answer}"


_AT_QUESTION_RE = re.compile(
    r"\s+(?:AT|IN|ON)\s+(?:QUESTION\s+)?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\s*$", re.I
)
_MASK = str.maketrans({",": "\x01", " ": "\x02", "/": "\x03"})
_UNMASK = str.maketrans({"\x01": ",", "\x02": " ", "\x03": "/"})


# "plan = Pro or Team (Q1)": the question named in brackets after the test
_ID_AFTER_RE = re.compile(
    r"^(?P<body>[^()]*?)\s*\((?:question\s+(?P<number>\d{1,3}[a-z]?)|(?P<id>[A-Za-z]{1,3}\d{1,3}[a-z]?))\)"
    r"\s*\.?$",
    re.I,
)


# "“Yes please” at 16": an answer quoted, then the question's number alone
_QUOTED_AT_NUMBER_RE = re.compile(
    r"(?P<said>[“\"‘'][^”\"’']{1,60}[”\"’'])\s+(?:at|in)\s+(?P<n>\d{1,3}[a-z]?)\s*\.?$", re.I
)


# "WORDS – I.E. <test>": the condition in words, then said again as its test
_THAT_IS_RE = re.compile(
    r"^[^()]{1,120}?\s*(?:[-–—,:;]\s*)?\bI\.\s?E\.?,?\s+(?P<test>[^()]{0,200}?(?:\([^()]{1,40}\)[^()]{0,200}?){0,3})\s*\.?$",
    re.I,
)
# "STREAMBAY OR POPCORNIO AT M2 (05 OR 06)": answers named in words at a question, then
# their codes in brackets (the codes say which answers are meant)
_WORDS_AT_CODES_RE = re.compile(
    # ("AT P1_4": a per-product block's question, its number after an underscore)
    r"^(?P<words>[^()\d]{1,120}?)\s+(?:AT|IN)\s+(?:QUESTION\s+)?"
    r"(?P<q>[A-Za-z]{1,4}\d{1,3}(?:_\d{1,3})?[a-z]?)\s*"
    # ("AT V1 OR V1a (CODES 1-5 OR 97)": the same answers at either of two questions)
    r"(?:OR\s+(?P<q2>[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*)?"
    r"\(\s*(?P<codes>(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|OR|-|–)\s*\d{1,3}){0,20})\s*\)\s*\.?$",
    re.I,
)
_DENIED_WORDS_RE = re.compile(r"\bNOT\b|N['’]T\b|\bNEVER\b|\bEXCEPT\b|\bOTHER\s+THAN\b", re.I)
# "TOO SWEET OR NOT SWEET ENOUGH": a "not" that opens an alternative answer's own words
_ALTERNATIVE_NOT_RE = re.compile(r"(?:\bOR|,)\s+NOT\b", re.I)


# "NO / DON'T KNOW (2, 98)": answers of the question in hand named in words, then their codes
_WORDS_CODES_RE = re.compile(
    r"^(?P<words>[^()\d=<>]{1,120}?)\s*\(\s*(?:CODES?\s+)?"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|OR|-|–)\s*\d{1,3}){0,20})\s*\)\s*\.?$",
    re.I,
)
_CODE_WORD_RE = re.compile(r"\(\s*CODES?\s", re.I)
# "walking or wheeling (code 1) circled at question 2": the answer in words, its code in
# brackets, then where it was given
_CODED_WORDS_AT_RE = re.compile(
    r"^(?P<words>[^()\d=<>]{1,120}?)\s*\(\s*CODES?\s+"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|OR|-|–)\s*\d{1,3}){0,20})\s*\)\s+"
    r"(?:(?:was\s+|is\s+)?(?:circled|ticked|selected|chosen|picked|marked|checked|coded|mentioned)\s+)?"
    r"(?:AT|IN)\s+(?:QUESTION\s+)?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)


def _words_then_codes(text: str, questions: dict[str, Question]) -> str:
    """ "STREAMBAY OR POPCORNIO AT M2 (05 OR 06)" → "05 OR 06 AT M2": the bracketed codes
    stand for the answers named in words (not where the words deny them); "NO / DON'T KNOW
    (2, 98)" → "CODES 2, 98" (two codes or more, or one said to be a code: "ALLERGIC OR
    SENSITIVE (CODE 1)") of the question in hand."""
    coded = _CODED_WORDS_AT_RE.match(text.strip())
    if coded and not _DENIED_WORDS_RE.search(coded["words"]):
        q = coded["q"] if not coded["q"].isdigit() else f"Q{coded['q']}"
        if q.upper() in {k.upper() for k in questions}:
            return f"{coded['codes']} AT {q}"
    alone = _WORDS_CODES_RE.match(text.strip())
    if alone and alone["codes"].isdigit() and not _CODE_WORD_RE.search(text):
        alone = None  # one bare number in brackets may be a count; "(CODE 1)" says it is a code
    # ("Don't know" is an answer's name, no denial)
    said = re.sub(r"\bDON['’]?T\s+KNOW\b", "", alone["words"], flags=re.I) if alone else ""
    if alone and not _DENIED_WORDS_RE.search(said):
        if not re.search(rf"\b{_ID}\b", alone["words"]):
            return f"CODES {alone['codes']}"
    match = _WORDS_AT_CODES_RE.match(text.strip())
    if match is None or _DENIED_WORDS_RE.search(_ALTERNATIVE_NOT_RE.sub(" OR", match["words"])):
        return text
    known = {k.upper() for k in questions}
    if match["q"].upper() not in known or (match["q2"] and match["q2"].upper() not in known):
        return text
    if match["q2"]:
        return f"{match['q']} = {match['codes']} OR {match['q2']} = {match['codes']}"
    return f"{match['codes']} AT {match['q']}"


# "UNDECIDED/REFUSED AT V1", "STREAMBAY OR POPCORNIO AT M2": answers named by their labels,
# listed with slashes or "or", then the question once
_LABELS_AT_RE = re.compile(
    # ("you ticked cafés or trains at question 10": the verb of answering first, the question
    # by its number)
    r"^(?:(?:YOU\s+)?(?:TICKED|CHOSE|SELECTED|PICKED|SAID|ANSWERED)\s+)?"
    r"(?P<labels>[^()\d'‘’\"“”„«»=<>]{1,120}?)\s+(?:AT|IN)\s+"
    r"(?:(?<=AT\s)QUESTION\s+(?=\d)|(?<=IN\s)QUESTION\s+(?=\d))?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)


def _labels_listed_at(text: str, questions: dict[str, Question]) -> str:
    """ "UNDECIDED/REFUSED AT V1" → "UNDECIDED AT V1 OR REFUSED AT V1": the question named for
    each answer listed, where every one of them is an answer of it."""
    match = _LABELS_AT_RE.match(text.strip())
    if match is None:
        return text
    named = match["q"].upper()
    target = next((q for k, q in questions.items() if k.upper() in (named, "Q" + named)), None)
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+OR\s+", match["labels"], flags=re.I)]
    if target is None or len(parts) < 2:
        return text
    if not all(_label_match(p, target) or _word_of_one_label(p, target) for p in parts):
        return text
    return " OR ".join(f"{p} AT {target.id}" for p in parts)


def _word_of_one_label(part: str, question: Question) -> bool:
    """ "trains" for "On trains or while travelling": a one-word part found as a word of exactly
    one answer's label (plurals folded)."""
    words = re.findall(r"[^\W\d_]{4,}", part)
    if len(words) != 1:
        return False
    word = folded(words[0]).rstrip("s")
    holding = [
        o.code
        for o in question.options
        if any(folded(w).rstrip("s") == word for w in re.findall(r"[^\W\d_]{4,}", o.label))
    ]
    return len(holding) == 1


def _id_after(text: str, questions: dict[str, Question]) -> str:
    """ "plan = Pro or Team (Q1)" → "Q1 = Pro or Team": the bracketed id after a test that
    names no question is the one it is about (the word before "=" only says what it asks)."""
    match = _ID_AFTER_RE.match(text.strip())
    if match is None:
        return text
    ident = f"Q{match['number']}" if match["number"] else match["id"].upper()
    if ident not in questions or re.search(rf"\b{_ID}\b", match["body"]):
        return text
    topic = _TOPIC_RE.match(match["body"])
    said = topic["said"] if topic else match["body"]
    return f"{ident} = {said}"


def _quoted_number_labels(text: str, questions: dict[str, Question], default: str | None) -> str:
    """ "Q10 is 6–20, 21–100 or More than 100": answers whose labels hold numbers, written
    as printed, quoted so that they are read as labels, not as bounds or code spans."""
    named = [t.upper() for t in re.findall(rf"\b{_ID}\b", text) if t.upper() in questions]
    for qid in named or ([default] if default in questions else []):
        question = questions[qid]
        if question.type in _NUMERIC_TYPES:
            continue
        for option in question.options:
            label = option.label.strip()
            if len(label) < 3 or not re.search(r"\d", label) or not re.search(r"\D", label):
                continue
            pattern = re.compile(
                rf"(?<![\w'‘’\"“”„«»–-]){re.escape(label.translate(_FOLD))}(?![\w'‘’\"“”„«»–-])",
                re.I,
            )
            if pattern.search(text.translate(_FOLD)):
                text = pattern.sub(lambda m: f"'{m[0]}'", text.translate(_FOLD))
    return text


def _kept_whole(
    text: str, questions: dict[str, Question], default: str | None = None
) -> list[tuple[int, int]]:
    """Spans not to split at "or", "and" or commas: quoted words, and the answers of the
    questions named (or of the question the condition is about, where it names none) that have
    such words in them ("If Q5 = Yes, definitely")."""
    spans = [m.span(1) for m in _QUOTED_RE.finditer(text)]
    lower = text.lower()
    named = {t.upper() for t in re.findall(r"\b[A-Za-z]{0,4}\d{1,3}[a-z]?\b", text)}
    named |= {t for t in re.findall(r"\b[A-Za-z]\w*\b", text) if t in questions}  # "MAINMODE"
    if default and not named & set(questions):
        named.add(default)
    for qid in named & set(questions):
        for option in questions[qid].options:
            label = option.label.lower().strip()
            # "the coffee or tea trade" names "The coffee or tea trade (growing or selling)"
            core = re.sub(r"\s*\([^()]*\)\s*$", "", label)
            for words in dict.fromkeys((label, core)):
                if len(words) < 4 or not re.search(r",|\s(?:or|and)\s|/", words):
                    continue
                for found in re.finditer(re.escape(words), lower):
                    spans.append(found.span())
    return spans


def _split(text: str, whole: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    """Clauses with the joiner before each ("or"/"and"); commas between codes mean "or"."""
    if whole:
        # the separators inside spans kept whole are masked while splitting, then put back
        masked = list(text)
        for start, end in whole:
            masked[start:end] = [c.translate(_MASK) for c in text[start:end]]
        return [(j, c.translate(_UNMASK)) for j, c in _split("".join(masked))]
    parts = re.split(r"\s+(OR|AND)\s+|\s*,\s*(?:(OR|AND)\s+)?|\s*/\s*(?=\d)", text, flags=re.I)
    clauses: list[tuple[str, str]] = []
    joiner = "or"
    index = 0
    while index < len(parts):
        part = parts[index]
        if part is not None and part.strip():
            clauses.append((joiner, part.strip()))
            joiner = "or"
        if index + 1 < len(parts):
            found = parts[index + 1] or (parts[index + 2] if index + 2 < len(parts) else None)
            joiner = (found or "or").lower()
        index += 3
    return clauses


# the question kept from a group: its test is that group's denial
_WITHHELD_RE = re.compile(
    r"^\W*(?:NOT\s+(?:BE\s+)?(?:SHOWN|ASKED|DISPLAYED|OFFERED)\s+(?:TO|OF|FOR|IF|WHEN)|"
    # "Do not ask business clients (C3 = 2)": the group left out, by the program's verb
    r"(?:DO\s+NOT|DON['’]T|NEVER)\s+(?:ASK|SHOW)(?:\s+(?:TO|OF|IF|WHEN))?(?!\s+[A-Z]{1,4}\d))"
    r"\s+(?P<cond>\S.*)$",
    re.I,
)


# "answers (1) or (2) at Q1", "answered 1 or 2 at Q1": codes listed (each maybe in brackets),
# then the question they belong to, said once for all of them
_CODES_LISTED_AT_RE = re.compile(
    r"\b(?:answers?|answered|answering|codes?|options?|responses?|box(?:es)?)\s+"
    # ("CODE A OR B AT Q9": answers lettered in capitals)
    r"(?P<codes>\(?\s*(?:\d{1,3}|(?-i:[A-Z]))\s*\)?"
    r"(?:\s*(?:,|\bOR\b|/)\s*\(?\s*(?:\d{1,3}|(?-i:[A-Z]))\s*\)?){1,8})"
    # ("CODE 1 OR 2 MENTIONED AT Q9": the verb of choosing between the codes and the question)
    r"(?:\s+(?:MENTIONED|SELECTED|CHOSEN|TICKED|CHECKED|PICKED|CODED|MARKED|GIVEN))?"
    # ("box 1 or 2 at question 14": the question by its number alone)
    rf"\s+(?:AT|IN|TO)\s+(?:QUESTION\s+(?P<n>\d{{1,3}}[a-z]?\b)|(?:QUESTION\s+)?(?P<q>{_ID})\b)",
    re.I,
)


def _codes_listed_at(match: re.Match[str]) -> str:
    codes = re.findall(r"\d{1,3}|\b[A-Z]\b", match["codes"])
    question = match["q"] or "Q" + match["n"]
    if not all(code.isdigit() for code in codes):
        return f"{question} = {' OR '.join(codes)}"  # (lettered codes read as the test itself)
    return f"CODES {' OR '.join(codes)} AT {question}"


# "at least one child at F12", "at least 2 visits in Q4": a count asked at a number question
_AT_LEAST_AT_RE = re.compile(
    r"\bat\s+least\s+(?P<n>\d{1,3}|one|two|three|four|five)\s+(?:[a-z]+\s+){1,3}?(?:at|in)\s+"
    r"(?:question\s+)?(?P<q>[A-Z]{1,4}\d{1,3}[a-z]?)\b",
    re.I,
)
_CODES_AT_SEVERAL_RE = re.compile(
    r"^\s*(?:[A-Za-z][\w' -]{0,40}?\s*)?\(?\s*CODES?\s+"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|OR|/)\s*\d{1,3}){0,8})"
    r"\s*\)?\s+(?:AT|IN)\s+(?:ANY\s+OF\s+)?"
    r"(?P<ids>[A-Z]{1,4}\d{1,3}[a-z]?(?:\s*(?:,|OR)\s*[A-Z]{1,4}\d{1,3}[a-z]?)+)\s*\.?\s*$",
    re.I,
)
# "Any incident at VS3, VS5 or VS9 (code 1 at any of them)": the questions first, the code
# after them in brackets, read as "CODE 1 AT VS3, VS5 OR VS9"
_SEVERAL_THEN_CODES_RE = re.compile(
    r"^\s*(?:[A-Za-z][\w' -]{0,40}?\s+)?(?:AT|IN)\s+"
    r"(?P<ids>[A-Z]{1,4}\d{1,3}[a-z]?(?:\s*(?:,|,?\s*OR)\s*[A-Z]{1,4}\d{1,3}[a-z]?)+)\s*"
    r"\(\s*(?:CODE|ANSWER)S?\s+(?P<codes>\d{1,3}(?:\s*(?:,|OR|/)\s*\d{1,3}){0,8})\s+(?:AT|IN)\s+"
    r"(?:ANY|EITHER|ONE)\s+OF\s+(?:THEM|THESE|THOSE)\s*\)\s*\.?\s*$",
    re.I,
)
_GLOSS_AFTER_TEST_RE = re.compile(
    r"(?P<test>\b[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<>|!=|≠)\s*\d{1,3}"
    r"(?:\s*(?:,|\bOR\b|-|–|\bTO\b)\s*\d{1,3})*)\s*\((?![^()]*\d)[^()]{2,60}\)",
    re.I,
)
# "any 'No' answer at Q9": every answer at Q9 whose words open with "No" ("No, I compost …")
_ANY_WORD_ANSWER_RE = re.compile(
    r"\bany\s+['‘\"“](?P<word>[^'’\"”]{1,30})['’\"”]\s+(?:answer|response|option)\s+(?:at|to|in)\s+"
    r"(?:question\s+)?(?P<q>[A-Z]{1,4}\d{1,3}[a-z]?)\b",
    re.I,
)
# a remark after the test: "…, I.E. HAS NOT PRESCRIBED IT", "(otherwise we use Q18)", "(weeks)",
# "(not a main shopper)": a gloss in brackets naming no code, or one that opens with a remark word
_REMARK_TAIL_RE = re.compile(
    r"(?:[,;]?\s*[-–—]?\s*\b(?:I\.\s?E\.?|E\.\s?G\.?|NAMELY)\s.*"
    # ("03 – thank and close, counts towards incidence": the close said again after a dash)
    r"|\s+[-–—]\s+(?:THANK|CLOSE|TERMINATE|SCREEN\s*OUT|END)\b.*"
    # ("Yes at Q19 (and 18 or over)": a bracket opening with AND repeats a run's filter above)
    r"|\s*\((?:[^()\d]{2,80}|\s*(?:OTHERWISE|ELSE|SEE|NOTE|E\.G\.|I\.E\.|FOR\s+EXAMPLE|AND|ALSO)"
    r"\b[^()]*)\)"
    r"[\s.;]*)$",
    re.I,
)


def _answers_opening(match: re.Match[str], questions: dict[str, Question]) -> str:
    question = questions.get(match["q"].upper())
    if question is None:
        return match[0]
    word = re.escape(match["word"].strip())
    codes = [o.code for o in question.options if re.match(rf"{word}\b", o.label.strip(), re.I)]
    return f"({question.id} = {' OR '.join(codes)})" if codes else match[0]


_SMALL_COUNTS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def _at_least_at(match: re.Match[str], questions: dict[str, Question]) -> str:
    question = questions.get(match["q"].upper())
    if question is None or question.type != "number":
        return match[0]  # ("named at least one brand at S11": answers chosen, read elsewhere)
    n = match["n"].lower()
    return f"{question.id} >= {_SMALL_COUNTS.get(n, n)}"


_LISTED_CODES_RE = re.compile(
    r"\b[A-Z]{1,4}\d{1,3}[a-z]?\s*=\s*\d{1,3}(?:\s*(?:,|\bOR\b|/)\s*\d{1,3})+\b(?!\s*(?:=|<|>))",
    re.I,
)
_LEFT_OUT_AFTER_RE = re.compile(
    r"^[^()]{3,120}\(\s*(?:not\s+(?:asked|shown|displayed)\s+(?:if|when)|not\s+if|"
    r"except\s+(?:if|when))\s+(?P<t>[^()]*\b[A-Z]{1,4}\d[^()]*)\)\s*\.?\s*$",
    re.I,
)
# "B4 is asked only of savers aged 22 or over (A3)": the question the filter is for, named as
# its subject before whom it is asked of; the test is what follows
_SUBJECT_ASKED_RE = re.compile(
    r"^\s*[A-Z]{1,4}\d{1,3}[a-z]?\s+is\s+(?:only\s+)?(?:asked|shown|displayed|put)\s+"
    r"(?:only\s+)?(?:of|to|for|if|when)\s+(?=\S)",
    re.I,
)


# "FAIR OR POOR AT Q3 (04/05)": the answers in words, where, then their codes in brackets; the
# codes are the test (the words only name them)
_WORDS_AT_THEN_CODES_RE = re.compile(
    # (a joiner before the words stays: "… AND NO AT QS4 (02)")
    r"(?<![\w=<>!])(?!(?:AND|OR|IF)\b)(?P<w>[A-Za-z][A-Za-z ’'-]{1,60}?)\s+(?:AT|IN)\s+"
    r"(?P<q>[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*"
    r"\(\s*(?:CODES?\s+)?(?P<c>\d{1,3}(?:\s*(?:/|,|OR|-|–|TO)\s*\d{1,3})*)\s*\)",
    re.I,
)


def _words_at_then_codes(match: re.Match[str]) -> str:
    codes = re.sub(r"\s*[/,]\s*", " OR ", match["c"])
    return f"{match['q']} = {codes}"


_NOT_A_RULE_RE = re.compile(
    r"\bNOT\s+(?:A\s+|AN\s+)?(?:\w+\s+)?(?:RULE|FILTER|ROUTING|LOGIC|SCREEN[\s-]*OUT|CONDITION)",
    re.I,
)


def parse_condition(
    text: str,
    questions: dict[str, Question],
    default: str | None,
    worded: bool = True,
    formal: bool = True,
) -> list[list[Atom]]:
    """A condition as OR-of-AND groups of atoms; raises ConditionError when it cannot be read.
    (`worded=False`: the respondent's-words reading is not tried, as for one clause of it;
    `formal=False`: nor the programmer's-expression reading, as for one test of it.)
    A test that reads only without the remark after it ("S8 NOT = 3, I.E. HAS NOT PRESCRIBED
    IT", "code 3 at S1 (not a main shopper)") is read without it; one that reads only with its
    answers' codes for their words ("FAIR OR POOR AT Q3 (04/05)") is read by the codes."""
    text = program_tests(text)  # (before any reading: "(2)" is an argument, not a code)
    text = row_refs(text, questions)  # "Q3r4": a tool's row reference, "Q3 = 4"
    try:
        return _parse_condition(text, questions, default, worded, formal)
    except ConditionError:
        # (read again only where the words did not read as written)
        plain = _REMARK_TAIL_RE.sub("", text).strip()
        if _NOT_A_RULE_RE.search(text[len(plain) :]):
            raise  # ("…, i.e. an ops hand-off, not a survey rule": no test at all)
        coded = _WORDS_AT_THEN_CODES_RE.sub(_words_at_then_codes, text)
        tries = [plain, coded, _WORDS_AT_THEN_CODES_RE.sub(_words_at_then_codes, plain)]
        tries = [t for t in dict.fromkeys(tries) if t and t != text and re.search(r"\d", t)]
        if not tries:
            raise
        for index, attempt in enumerate(tries):
            try:
                return _parse_condition(attempt, questions, default, worded, formal)
            except ConditionError:
                if index == len(tries) - 1:
                    raise
        raise


_DENIED_LIST_RE = re.compile(
    r"(?<!\w)(?P<q>[A-Z]{1,4}\d{1,3}[a-z]?)\s*(?:≠|!=|<>|\bNOT\s*=)\s*"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|\bOR\b|/)\s*\d{1,3})+)\b(?!\s*(?:=|<|>|\.\d|[A-Z]{1,4}\d))"
    r"(?=\s*(?:$|\)|\bAND\b|;|\bOR\s+(?:\(|[A-Z]{1,4}\d)))",
    re.I,
)


def _denied_list(match: re.Match[str]) -> str:
    if match.start() and match.string[match.start() - 1] == "(":
        # ("users (R4 ≠ 1, 2)": inside a group's brackets, as "NOT CODE 1 OR 2 AT R4")
        codes = " OR ".join(re.findall(r"\d{1,3}", match["codes"]))
        return f"NOT CODE {codes} AT {match['q']}"
    return f"NOT ({match['q']} = {match['codes']})"


# "Not season ticket holders (R4 ≠ 1, 2)": the words' NOT is the bracket's own, said twice
_NOT_WORDS_DENIED_RE = re.compile(
    r"^\s*NOT\s+(?P<w>[A-Za-z][A-Za-z'’ -]{2,60}?)\s*"
    r"\((?P<t>\s*[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:≠|!=|<>|\bNOT\b)[^()]+)\)\s*\.?\s*$",
    re.I,
)


_BUT_NEVER_RE = re.compile(
    r"^(?P<a>[^()]{3,120}?)\s*(?:[—–-]\s*|,\s*|;\s*)?\bBUT\s+(?:NEVER|NOT)\b[^()]{0,60}"
    r"\((?P<t>[^()]*(?:=|<|>|≠)[^()]*)\)\s*\.?\s*$",
    re.I,
)
_BRACKETED_CODES_AT_RE = re.compile(
    r"(?<![\w)])\(\d{1,3}\)(?:\s*(?:,|\bOR\b|/)\s*\(\d{1,3}\))+(?=\s+(?:AT|IN)\s+(?:QUESTION\s+)?"
    r"[A-Z]{0,4}\d)",
    re.I,
)


def _parse_condition(
    text: str,
    questions: dict[str, Question],
    default: str | None,
    worded: bool,
    formal: bool,
) -> list[list[Atom]]:
    text = _SUBJECT_ASKED_RE.sub("", text)
    # "R4 ≠ 1, 2", "Q5 <> 3 or 4": a list of codes denied together (none of them)
    said_twice = _NOT_WORDS_DENIED_RE.match(text)
    if said_twice:
        text = said_twice["t"].strip()
    text = _DENIED_LIST_RE.sub(_denied_list, text)
    # "(1) or (2) at S8": codes printed in round brackets, as on the form, before where
    text = _BRACKETED_CODES_AT_RE.sub(lambda m: re.sub(r"[()]", "", m[0]), text)
    text = _AT_LEAST_AT_RE.sub(lambda m: _at_least_at(m, questions), text)
    # "A2 = 1 (HAS BOUGHT OATFIELD CRUNCH)": words in brackets after a whole test only gloss it
    text = _GLOSS_AFTER_TEST_RE.sub(r"\g<test>", text)
    text = _ANY_WORD_ANSWER_RE.sub(lambda m: _answers_opening(m, questions), text)
    listed = _SEVERAL_THEN_CODES_RE.match(text)
    if listed:
        text = f"CODE {listed['codes']} AT {listed['ids']}"
    at_several = _CODES_AT_SEVERAL_RE.match(text)
    if at_several:
        # "DISSATISFIED (CODE 4 OR 5) AT Q3, Q6 OR Q9": those codes at any of the questions
        codes = " OR ".join(re.findall(r"\d{1,3}", at_several["codes"]))
        ids = re.findall(r"[A-Z]{1,4}\d{1,3}[a-z]?", at_several["ids"], re.I)
        text = " OR ".join(f"({q} = {codes})" for q in ids)
    if re.search(r"\bAND\b", text, re.I) and "(" not in text:
        # "F11 = 1 or 2 AND F12 >= 1": the codes listed for one question stay together
        text = _LISTED_CODES_RE.sub(lambda m: f"({m[0]})", text)
    text = _TWICE_SAID_RE.sub(lambda m: f"{m['j']}({m['t'].strip()})", text)
    text = _TWICE_SAID_NOT_RE.sub(lambda m: f"{m['j']}({m['t'].strip()})", text)
    whom_first = _WORDS_THEN_TEST_RE.match(text) or _WORDS_DASH_PLACE_RE.match(text)
    if whom_first:
        text = whom_first["t"]
    text = _answer_words_after(text, questions)
    # "…, so that your branch secretary can get in touch": why the question is asked, no test
    text = _PURPOSE_TAIL_RE.sub("", text)
    # "one of the two Yes boxes at question 5": every answer of that name ("Yes, …", "Yes, …")
    text = _ONE_OF_THE_BOXES_RE.sub(lambda m: m["said"], text)
    if not re.search(rf"\b{_ORD}\s*,", text, re.I):
        # (a longer list, "the second, third or fourth box at question 1", has its own reader)
        text = _TWO_PLACES_RE.sub(
            lambda m: f"the {m['a']} {m['noun']} {m['at']} or the {m['b']} {m['noun']} {m['at']}",
            text,
        )
    own_places = _OWN_PLACES_RE.match(_place_words(text).strip(" ."))
    if own_places:
        # "the second or third choice" with no question named: each place on its own, read on
        # the question the note is written under
        places = re.findall(_ORDINAL_WORD, own_places["list"], re.I)
        text = " or ".join(f"the {p} {own_places['noun']}" for p in places)
    never = _BUT_NEVER_RE.match(text)
    if never:
        # "N1 is 7 or above — but never guests (N4 = Guest)": the test, less the group denied
        try:
            kept = parse_condition(never["a"], questions, default, worded, formal)
            barred = _negated(parse_condition(never["t"], questions, default, worded, formal))
        except ConditionError:
            pass
        else:
            return [g + h for g in kept for h in barred]
    both = _TWO_NAMED_RE.match(text)
    if both and worded:
        # "you ticked Becoming a leader at question 14 and have volunteered for more than 2
        # years at question 1": two tests, each closed by the question it names
        try:
            first = parse_condition(both["a"], questions, default, worded, formal)
            second = parse_condition(both["b"], questions, default, worded, formal)
        except ConditionError:
            pass
        else:
            return [g + h for g in first for h in second]
    text = word_operators(text)
    text = _CODES_LISTED_AT_RE.sub(_codes_listed_at, text)
    left_out = _LEFT_OUT_AFTER_RE.match(text)
    if left_out:
        # "anyone who chose a dietary need at F9 (not asked if F9 = 7 None of these)": the
        # group in words, then in brackets the test of those left out; everyone else is asked
        return _negated(parse_condition(left_out["t"], questions, default, worded, formal))
    withheld = _WITHHELD_RE.match(text)
    if withheld:
        # "not shown to partners who … (P11 = 1 or 2)": whom the words name do not see it
        return _negated(parse_condition(withheld["cond"], questions, default, worded, formal))
    text = _placed_list(text, questions)
    text = _answers_in_brackets(text, questions, default)
    text = _shared_head(text, questions, default)
    if formal and is_formal(text):
        tree = formal_condition(text, questions, _formal_leaf(questions, default), _merge)
        if tree is not None:
            return _merge(tree)
    several = _MORE_THAN_ONE_RE.match(text.strip(" .,:"))
    if several and several["q"]:
        pairs = _any_two(several["word"], several["q"], questions)
        if pairs:
            return pairs
    text = _RESTATED_RE.sub(lambda m: f" = {m['codes']}", text)
    restated = _THAT_IS_RE.match(text.strip())
    if restated and _find_ref(restated["test"], questions)[0]:
        # "NO PLANT DRINK – I.E. NONE OF CODES 2-5 SELECTED AT SC3": the test after "i.e."
        return parse_condition(restated["test"], questions, default)
    text = _words_then_codes(text, questions)
    text = _labels_listed_at(text, questions)
    negated = (
        _NOT_WHOLE_RE.match(text)
        or _NOT_CODES_RE.match(text)
        or _NONE_OF_CODES_RE.match(text)
        or _OTHER_THAN_CODES_RE.match(text)
    )
    if negated:
        return _negated(parse_condition(negated["cond"], questions, default))
    other = _OTHER_ANSWER_RE.match(text)
    if other:
        return _other_answer(parse_condition(other["cond"], questions, default), questions)
    repeated = repeated_answers(text, questions, default)
    if repeated is not None:
        return repeated
    text = _topic_then_question(text, questions)
    text = _topic_codes(text, questions, default)
    text = _code_at_each(text, questions)
    text = topic_answers(text, questions, default)  # "Yes to the hardship fund OR …"
    text = _slashed_labels(text, questions.get(default or ""))
    said = worded_condition(text, questions, default) if worded else None
    if said is not None:
        return said
    tests = _bracketed_tests(text, questions)
    if tests:
        joined = parse_condition(tests[0][1], questions, default)
        for joiner, inner in tests[1:]:
            more = parse_condition(inner, questions, default)
            joined = joined + more if joiner == "or" else [a + b for a in joined for b in more]
        return joined
    grouped = _bracketed_first(text, questions, default) or _all_of_range(text, questions, default)
    if grouped is not None:
        return grouped
    text = labelled_codes(text)  # "Under 18 (1) or Prefer not to say (9)"
    text = _id_after(text, questions)
    text = _QUOTED_AT_NUMBER_RE.sub(
        lambda m: f"{m['said']} at Q{m['n']}" if f"Q{m['n']}" in questions else m[0], text
    )
    text = _quoted_number_labels(text, questions, default)
    text = _shared_answer(text, questions)
    text = _inner_condition(text, questions)
    denied = _NOT_CODES_RE.match(text)
    if denied:
        # "NO MOBILE (NOT CODE 1, 2 OR 3 AT Q1)": the bracket's list denied whole, as alone
        return _negated(parse_condition(denied["cond"], questions, default))
    text = _any_of_range(text, questions)
    text = _any_listed(text, questions)
    # ("at least one of the first six boxes at Q5": by their place, before "at least one … at")
    text = _counted_answers(text, questions, default)
    text = _any_answer(text, questions)
    text = _has_counted(text, questions)
    text = _normalise(text)
    if not text:
        raise ConditionError("empty condition")
    groups: list[list[Atom]] = []
    current = default
    named_last = _CODES_AT_RE.match(text)
    # ("4 or 5 at question 7": the question named by its number alone)
    last_id = named_last["q"].upper() if named_last else ""
    last_id = "Q" + last_id if last_id.isdigit() else last_id
    if named_last and last_id in {k.upper() for k in questions}:
        # "CODE 2 OR 3 AT Q3": every code of the list is Q3's, not the first the question before's
        current = next(k for k in questions if k.upper() == last_id)
    for joiner, clause in _split(text, _kept_whole(text, questions, current)):
        atom, current = _atom(clause, questions, current)
        if joiner == "and" and groups:
            groups[-1].append(atom)
        else:
            groups.append([atom])
    return _merge(groups)


# "D2 = 1 AND MORE THAN ONE PERSON IN THE HOME (D1 = 2 OR MORE)": a joined part that says its
# test twice, in words and then in brackets as the program's test; the bracket is read
_TWICE_SAID_RE = re.compile(
    # (AND only: "WEEKLY OR MORE OFTEN (G6 = 01-03)" is one part, its OR a bound's)
    r"(?P<j>\bAND\s+)(?!(?:NOT|EXCEPT|UNLESS|NO)\b)"
    r"(?P<w>(?:(?!\b(?:AND|OR)\b)[A-Za-z,'’-]+\s+){1,10})"
    r"\((?P<t>\s*[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|≥|≤)[^()]+)\)",
    re.I,
)

# "Q12 = 4 AND NOT A PARENT OR CARER (S3 NOT = 3)": the words' NOT is the bracket's own, said
# twice too; the bracket is read once, not negated again (an OR among the words names people)
_TWICE_SAID_NOT_RE = re.compile(
    r"(?P<j>\bAND\s+)(?:NOT|NO)\s+"
    r"(?P<w>(?:(?!\bAND\b)[A-Za-z,'’-]+\s+){1,12})"
    r"\((?P<t>\s*[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:NOT\s*=|≠|!=|<>)[^()]+)\)",
    re.I,
)

# "THE CASE WENT TO COURT, Q8 = 3": whom in words naming no question, a comma, then the test
_WORDS_THEN_TEST_RE = re.compile(
    r"^\s*(?P<w>[A-Za-z][A-Za-z'’ -]{2,60}),\s*"
    r"(?P<t>[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|≥|≤|≠|!=|\bNOT\b)[^,]*?)\s*\.?\s*$",
    re.I,
)


_PURPOSE_TAIL_RE = re.compile(
    r"\s*,\s*(?:so\s+that|so\s+we\s+can|in\s+order\s+to|because|as\s+we\s+(?:need|want))\b[^,;]*$",
    re.I,
)
_ONE_OF_THE_BOXES_RE = re.compile(
    r"\b(?:ONE|ANY|EITHER)\s+OF\s+THE\s+(?:TWO|THREE|FOUR|\d)\s+(?P<said>[\w'’-]{2,20}(?:\s+[\w'’-]{2,20})?)"
    r"\s+(?:BOXES|ANSWERS|OPTIONS|RESPONSES|CHOICES)\b",
    re.I,
)
# "EX1 = 1, RESIGNED": a test on codes, a comma, then the words of the answer it names (a gloss)
_TEST_THEN_WORDS_RE = re.compile(
    r"^\s*(?P<t>(?P<q>[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*(?:==?|\bIS\b)\s*"
    r"(?P<codes>\d{1,3}(?:\s*(?:-|–|\bOR\b|/)\s*\d{1,3}){0,6}))\s*,\s*"
    r"(?P<w>[A-Za-z][A-Za-z'’ -]{2,60}?)\s*\.?\s*$",
    re.I,
)


def _answer_words_after(text: str, questions: dict[str, Question]) -> str:
    """The test alone when the words after its comma only restate its answers' labels (each
    word of three letters or more found in the label of one of the codes tested)."""
    found = _TEST_THEN_WORDS_RE.match(text)
    if found is None:
        return text
    question = next((q for k, q in questions.items() if k.upper() == found["q"].upper()), None)
    if question is None or not question.options:
        return text
    codes = {str(int(c)) for c in re.findall(r"\d{1,3}", found["codes"])}
    labels = [
        folded(o.label).lower()
        for o in question.options
        if o.code.isdigit() and str(int(o.code)) in codes
    ]
    words: list[str] = re.findall(r"[a-z'’]{3,}", folded(found["w"]).lower())
    if not words or not labels:
        return text
    if any(all(re.search(rf"\b{re.escape(w)}\b", label) for w in words) for label in labels):
        return found["t"]
    return text


# "plan = Starter or Not sure (Q13)", "plan = Trial or Starter (question 4)": what the question
# is about in a word, its answers, then the question itself in brackets
_TOPIC_THEN_ID_RE = re.compile(
    r"^(?P<topic>[A-Za-z][A-Za-z ]{0,24}?)\s*(?:=|\bis\b)\s*(?P<answers>[^()]+?)\s*"
    r"\((?:question\s+|at\s+)?(?P<id>[A-Z]{0,4}\d{1,3}[a-z]?)\)\s*\.?$",
    re.I,
)


# "SPECIALTY = ONCOLOGY (CODE 3) OR HAEMATOLOGY (CODE 4)": what the question is about in a
# word, then answers each with its code in brackets
_CODED = r"[^()]{1,60}\(\s*CODES?\s+\d{1,3}\s*\)"
_TOPIC_CODES_RE = re.compile(
    rf"^\s*(?P<word>[A-Za-z][A-Za-z-]{{2,24}})\s*(?:=|\bis\b)\s*"
    rf"(?P<said>{_CODED}(?:\s*(?:,|\bOR\b)\s*{_CODED}){{0,8}})\s*$",
    re.I,
)


def _topic_codes(text: str, questions: dict[str, Question], default: str | None) -> str:
    """ "SPECIALTY = ONCOLOGY (CODE 3)" → "S2 = 3": the codes are those of the nearest question
    (at or before `default`) whose words name the topic and whose answers with those codes
    share a word with the answers named; not the codes of the question before."""
    match = _TOPIC_CODES_RE.match(text)
    if match is None:
        return text
    pairs = re.findall(r"([^()]*)\(\s*CODES?\s+(\d{1,3})\s*\)", match["said"], re.I)
    topic = re.compile(rf"\b{re.escape(match['word'])}\b", re.I)
    order = list(questions)
    limit = order.index(default) + 1 if default in order else len(order)
    for qid in [*reversed(order[:limit]), *order[limit:]]:
        question = questions[qid]
        labels = {o.code: o.label for o in question.options or []}
        if (
            labels
            and topic.search(question.text or "")
            and all(code in labels and _shares_word(words, labels[code]) for words, code in pairs)
        ):
            return f"{qid} = {' OR '.join(code for _, code in pairs)}"
    return text


def _shares_word(said: str, label: str) -> bool:
    """True when the answer as named and the label have a word of three letters or more in
    common (joiners apart)."""
    words = {w for w in re.findall(r"[^\W\d_]{3,}", said.lower()) if w not in {"and", "the"}}
    return bool(words & set(re.findall(r"[^\W\d_]{3,}", label.lower())))


# "AWARE OF BRAND A (ALPHA, CODE 1) AT Q1, Q2 OR Q3", "CODE 1 AT Q1 OR Q2": one code that may
# have been given at any of several questions (an unprompted, then a prompted mention)
_ID_AT = r"[A-Z]{1,4}\d{1,3}[a-z]?"
_CODE_AT_EACH_RE = re.compile(
    r"(?:^|(?<=\s))(?:[^()]{0,60}?\s*\((?:[^(),]{1,40},\s*)?CODES?\s+(?P<code>\d{1,3})\s*\)"
    r"|CODES?\s+(?P<bare>\d{1,3}))"
    rf"\s+(?:AT|IN)\s+(?P<ids>{_ID_AT}(?:\s*(?:,|\bOR\b)\s*{_ID_AT}){{1,6}})\b",
    re.I,
)


def _code_at_each(text: str, questions: dict[str, Question]) -> str:
    """ "… (CODE 1) AT Q1, Q2 OR Q3" → "(Q1 = 1 OR Q2 = 1 OR Q3 = 1)": the code at each."""

    def spell(match: re.Match[str]) -> str:
        ids = re.findall(_ID_AT, match["ids"], re.I)
        known = {k.upper(): k for k in questions}
        if not all(i.upper() in known for i in ids):
            return match[0]
        code = match["code"] or match["bare"]
        return "(" + " OR ".join(f"{known[i.upper()]} = {code}" for i in ids) + ")"

    return _CODE_AT_EACH_RE.sub(spell, text)


def _topic_then_question(text: str, questions: dict[str, Question]) -> str:
    """ "plan = Pro or Team (Q1)" → "Q1 = Pro or Team": the bracketed question is the one tested."""
    match = _TOPIC_THEN_ID_RE.match(text.strip())
    if match is None or re.fullmatch(r"[A-Z]{0,4}\d{1,3}[a-z]?", match["topic"].strip(), re.I):
        return text
    named = match["id"].upper()
    ident = next((q for q in questions if q.upper() in (named, "Q" + named)), None)
    return f"{ident} = {match['answers']}" if ident else text


def _slashed_labels(text: str, question: Question | None) -> str:
    """ "No, not yet / I don't know": the question's own answers listed with slashes, each by
    its whole label (commas inside a label kept), read as one answer or the other."""
    parts = re.split(r"\s+/\s+", text.strip())
    if question is None or len(parts) < 2 or not question.options:
        return text
    labels = {folded(o.label).strip(" .") for o in question.options}
    # ("No / DK": the trade's shorthand for an answer given in words, as that answer)
    parts = [shorthand_label(part, question) or part for part in parts]
    if all(folded(collapse_words(part)).strip(" .") in labels for part in parts):
        return " OR ".join(f'"{part}"' for part in parts)
    return text


def _formal_leaf(
    questions: dict[str, Question], default: str | None
) -> Callable[[str, str, list[str]], list[list[Atom]]]:
    """One comparison of a programmer's expression (`Q2 HAS 1 OR 6`), read as written here."""

    def leaf(qid: str, op: str, values: list[str]) -> list[list[Atom]]:
        groups: list[list[Atom]] = []
        for value in values:
            groups += parse_condition(f"{qid} {op} {value}", questions, default, False, False)
        return groups

    return leaf


# "you are 80 or over, or you answered 'Yes' to question 19": clauses, each with its subject
_CLAUSE_SPLIT_RE = re.compile(
    r",\s*(?P<a>or|and)\s+|\s+(?P<b>or|and)\s+(?=(?:you|your|they|their|it|there|he|she|we|i)\b)",
    re.I,
)
_NAMES_QUESTION_RE = re.compile(r"\b(?:question\s+|q\.?\s?)\d{1,3}[a-z]?\b", re.I)
_QUESTION_BEFORE_RE = re.compile(r"\b(?:at|in|to)\s+the\s+(?:question|one)\s+before\b", re.I)


def worded_condition(
    text: str, questions: dict[str, Question], default: str | None, force: bool = False
) -> list[list[Atom]] | None:
    """A condition written to the respondent ("If you hardly ever or never come", "If the
    appointment was for your child and they are under 12"): each clause in words matched
    against the answers of the nearest question offering them (worded_answers), each clause
    naming a question read as usual. None when no clause is in the respondent's words (unless
    `force`: every clause is read so) or one cannot be read so."""
    pieces = _CLAUSE_SPLIT_RE.split(text.translate(str.maketrans("‘’", "''")))
    clauses = [("or", pieces[0])]
    for index in range(1, len(pieces), 3):
        clauses.append(((pieces[index] or pieces[index + 1]).lower(), pieces[index + 2]))
    said = [see_question(c, questions)[1] for _, c in clauses]
    # several clauses in prose ("you ticked 'Yes' at Question 14 and you did not tick 'Never'
    # at Question 3") are read one by one, each with the question it names
    prose = len(clauses) > 1 and re.search(r"[a-z]{3}", text) is not None
    if not force and not prose and not any(respondent_words(c) for c in said):
        return None
    groups: list[list[Atom]] = []
    for joiner, clause in clauses:
        only, words = see_question(clause, questions)
        if _QUESTION_BEFORE_RE.search(words):
            only, words = default, _QUESTION_BEFORE_RE.sub(" ", words)
        if only is None and (_NAMES_QUESTION_RE.search(words) or _find_ref(words, questions)[0]):
            try:
                # one clause alone is read as written (reading it in words again would loop)
                part = parse_condition(clause, questions, default, worded=len(clauses) > 1)
            except ConditionError:
                return None
        else:
            found = worded_test(words, questions, default, only)
            if found is None:
                return None
            qid, codes, denied, comparison = found
            if comparison is not None:
                atom = Atom(qid, [], negate=denied, op=comparison[0], value=comparison[1])
            else:
                atom = Atom(qid, codes, negate=denied)
            part = [[atom]]
        if joiner == "and" and groups:
            groups = [g + p for g in groups for p in part]
        else:
            groups.extend(part)
    return _merge(groups)


# "(Q12 = 1 OR 2) AND NOT Q5 = 3": a bracketed alternative, then what must hold as well
_BRACKETED_FIRST_RE = re.compile(
    r"^\s*\((?P<inner>[^()]+)\)\s+AND\s+(?P<rest>[^()]*(?:\([^()]*\))?[^()]*)$", re.I
)


def _bracketed_first(
    text: str, questions: dict[str, Question], default: str | None
) -> list[list[Atom]] | None:
    """The bracket read on its own, so its "or" does not split what follows the "and":
    each alternative of the bracket joined with every test after it; None when the text has
    no such bracket or a part cannot be read alone."""
    match = _BRACKETED_FIRST_RE.match(text)
    if match is None:
        return None
    try:
        inner = parse_condition(match["inner"], questions, default)
        rest = parse_condition(match["rest"], questions, default)
    except ConditionError:
        return None
    if len(rest) != 1 or any(len(group) != 1 for group in inner):
        return None
    return [[group[0], *rest[0]] for group in inner]


# "CODE 2 OR 3 AT Q3", "'FAIRLY' OR 'VERY' AT Q3": answers listed, then the question once
_LISTED = r"(?:(?:CODES?\s+)?\d{1,3}|['‘’\"“”„«»][^'‘’\"“”„«»]{1,80}['‘’\"“”„«»])"
_CODES_AT_RE = re.compile(
    rf"^\s*{_LISTED}(?:\s*(?:,|OR)\s*{_LISTED})+\s+(?:AT|IN|ON)\s+"
    r"(?:QUESTION\s+)?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)\s*$",
    re.I,
)
# "Q10 NOT 1 (CODES 2, 3 OR 9)": the codes that remain written out after the denied one; the
# bracket says which answers are meant (a negation would also hold for no answer)
_RESTATED_RE = re.compile(
    r"(?:\bNOT\s+(?:EQUAL\s+TO\s+)?|!=\s*|<>\s*|≠\s*)(?:CODES?\s+)?\d{1,3}"
    r"(?:\s*(?:,|OR)\s*\d{1,3})*\s*\(\s*(?:CODES?\s+|I\.?E\.?,?\s+)?"
    r"(?P<codes>\d{1,3}(?:\s*(?:,|/|OR)\s*\d{1,3})+)\s*\)",
    re.I,
)
# "NOT (Q3 = 4 OR 5)": the whole condition denied (a "Hide if …" filter)
_NOT_WHOLE_RE = re.compile(r"^\s*NOT\s*\((?P<cond>.+)\)\s*$", re.I | re.S)
# "NOT CODE 1 OR 2": the whole list of codes denied, not its first code alone
# ("NOT CODE 1, 2 OR 3 AT Q1": the question named once after the list)
_NOT_CODES_RE = re.compile(
    r"^\s*NOT\s+(?P<cond>(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|OR)\s*(?:CODES?\s+)?\d{1,3})+"
    r"(?:\s+(?:AT|IN|ON)\s+(?:QUESTION\s+)?[A-Za-z]{0,4}\d{1,3}[a-z]?)?)\s*$",
    re.I,
)
# "ANY CODE OTHER THAN 1 OR 2 AT RN1": every answer but those listed, the list denied whole
_OTHER_THAN_CODES_RE = re.compile(
    r"^\s*(?:ANY|ALL)\s+(?:OTHER\s+)?(?:CODES?|ANSWERS?)\s+OTHER\s+THAN\s+"
    r"(?P<cond>(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|OR|-|–)\s*(?:CODES?\s+)?\d{1,3})*"
    r"(?:\s+(?:AT|IN|ON)\s+(?:QUESTION\s+)?[A-Za-z]{0,4}\d{1,3}[a-z]?)?)\s*$",
    re.I,
)
# "Q3 NE 1", "S2 GE 18": the relational words of SPSS and Fortran after a question's id
_WORD_OPERATORS = {"NE": "!=", "EQ": "=", "GE": ">=", "LE": "<=", "GT": ">", "LT": "<"}
_WORD_OPERATOR_RE = re.compile(
    r"\b(?P<q>[A-Za-z]{1,4}\d{1,3}[a-z]?)\s+(?P<op>NE|EQ|GE|LE|GT|LT)\s+(?=(?:CODES?\s+)?-?\d)"
)


def word_operators(text: str) -> str:
    """The condition with SPSS's word operators ("Q3 NE 1") written as symbols ("Q3 != 1")."""
    return _WORD_OPERATOR_RE.sub(lambda m: f"{m['q']} {_WORD_OPERATORS[m['op']]} ", text)


# "NONE OF CODES 3-5 SELECTED": every code of the list left unselected, the list denied whole
_NONE_OF_CODES_RE = re.compile(
    r"^\s*NONE\s+OF\s+(?:THE\s+)?(?P<cond>CODES\s+\d[^()]*?)\s*"
    r"(?:(?:IS|ARE|WAS|WERE)\s+)?(?:SELECTED|CHOSEN|CODED|TICKED|MENTIONED)?\s*(?:\([^()]*\))?\s*$",
    re.I,
)


# "THE OTHER ANSWER THAN (No at Q5)": written by `scoped_notes` for a group named only in words
# ("Q6 to Q8 are for exporters only") whose note says only who is sent on ("If No at Q5, go to Q9")
_OTHER_ANSWER_RE = re.compile(
    r"^\s*THE\s+OTHER\s+ANSWER\s+THAN\s*\((?P<cond>.+)\)\s*$", re.I | re.S
)


def _other_answer(groups: list[list[Atom]], questions: dict[str, Question]) -> list[list[Atom]]:
    """The group the note is for, as the golds name it: the other answer of a two-answer
    question ("exporters": Yes at Q5), else the denial of those sent on."""
    if len(groups) == 1 and len(groups[0]) == 1:
        atom = groups[0][0]
        question = questions.get(atom.question)
        codes = [o.code for o in question.options] if question else []
        if (
            question is not None
            and question.type == "single"
            and atom.op is None
            and not atom.negate
            and len(codes) == 2
            and len(atom.codes) == 1
            and atom.codes[0] in codes
        ):
            return [[Atom(atom.question, [c for c in codes if c != atom.codes[0]])]]
    return _negated(groups)


def _negated(groups: list[list[Atom]]) -> list[list[Atom]]:
    """The denial of an OR of ANDs, where it stays an OR of ANDs: one test, an AND of tests
    (an OR of their denials) or an OR of single tests (an AND of their denials)."""
    for group in groups:
        for atom in group:
            atom.negate = not atom.negate
    if len(groups) == 1:
        return [[atom] for atom in groups[0]]
    if all(len(group) == 1 for group in groups):
        return [[group[0] for group in groups]]
    raise ConditionError("a denied condition of several AND groups")


# a run of questions: "Q4–Q7", "Q10a–Q10e", "Q12a–e" (the letters after one number)
_ID_RANGE = (
    r"(?:QUESTIONS?\s+)?(?P<first>[A-Z]{0,5})(?P<low>\d{1,3})(?P<low_letter>(?-i:[a-z])?)\s*(?:-|–|—|TO)\s*"
    r"(?:(?P<last>[A-Z]{0,5})(?P<high>\d{1,3}))?(?P<high_letter>(?-i:[a-z])?)(?![\w])"
)
# "CODE 2 AT EITHER Q3 OR Q4", "CODE 1 AT BOTH Q3 AND Q4": one answer at two questions
_EITHER_BOTH_RE = re.compile(
    r"^\s*(?P<answer>.+?)\s+(?:TO|AT|IN|FOR|ON)\s+(?P<which>EITHER|BOTH)\s+(?:OF\s+)?"
    r"(?P<a>[A-Z]{0,5}\d{1,3}[a-z]?)\s+(?:OR|AND)\s+(?P<b>[A-Z]{0,5}\d{1,3}[a-z]?)\s*$",
    re.I,
)
_ANY_RANGE_RE = re.compile(
    r"^\s*(?:ANY\s+(?P<answer>.+?)\s+(?:TO|AT|IN|FOR|ON)\s+|(?P<answer2>.+?)\s+(?:TO|AT|IN|FOR|ON)\s+"
    rf"ANY\s+(?:OF\s+)?){_ID_RANGE}\s*$",
    re.I,
)
# "NO OR DON'T KNOW AT ALL OF VICT1a-VICT1d (ALL CODE 2 OR 8)": the answer at every question
# of the run; codes in brackets after it say which answers the words mean
_ALL_RANGE_RE = re.compile(
    rf"^\s*(?P<answer>.+?)\s+(?:TO|AT|IN|FOR|ON)\s+ALL\s+(?:OF\s+)?{_ID_RANGE}\s*"
    r"(?:\(\s*(?:ALL\s+)?(?P<codes>(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|OR)\s*\d{1,3})*)\s*\))?\s*$",
    re.I,
)


def _range_ids(match: re.Match[str], questions: dict[str, Question]) -> list[str]:
    """The ids of the run matched, when every one is a question ([] otherwise)."""
    prefix = match["first"] or match["last"]
    if match["first"] and match["last"] and match["first"].upper() != match["last"].upper():
        return []
    low, letter, end = match["low_letter"], match["high_letter"], match["high"] or match["low"]
    if letter and low:
        # "Q10a–Q10e", "Q12a–e": the letters of one number
        if end != match["low"] or not low < letter:
            return []
        keys = {k.upper(): k for k in questions}
        ids = [f"{prefix}{end}{chr(c)}" for c in range(ord(low), ord(letter) + 1)]
        found = [keys.get(i.upper()) for i in ids]
        return [f for f in found if f] if all(found) else []
    if letter or low or not match["high"]:
        return []
    ids = [f"{prefix.upper()}{n}" for n in range(int(match["low"]), int(match["high"]) + 1)]
    return ids if 2 <= len(ids) <= 30 and all(i in questions for i in ids) else []


# "any of Q8a, Q8b or Q8c was scored 1 or 2": the questions listed, then the answers at any
_ANY_LISTED_RE = re.compile(
    r"^\s*ANY\s+OF\s+(?P<ids>[A-Z]{0,5}\d{1,3}[a-z]?(?:\s*,\s*[A-Z]{0,5}\d{1,3}[a-z]?){0,8}"
    r"\s*,?\s+(?:OR|AND)\s+[A-Z]{0,5}\d{1,3}[a-z]?)\s+(?:(?:WAS|WERE|IS|ARE)\s+)?"
    r"(?:(?:SCORED|RATED|ANSWERED|CODED|GIVEN)\s+)?(?:AS\s+)?(?P<answer>[^,]{1,40}?)\s*$",
    re.I,
)


def _any_listed(text: str, questions: dict[str, Question]) -> str:
    """ "any of Q8a, Q8b or Q8c was scored 1 or 2": each answer at each question listed, one
    test apiece joined with OR (when every id listed is a question)."""
    match = _ANY_LISTED_RE.match(text.strip(" .,:"))
    if match is None:
        return text
    ids = re.findall(r"[A-Z]{0,5}\d{1,3}[a-z]?", match["ids"], re.I)
    if len(ids) < 2 or not all(i in questions for i in ids):
        return text
    answers = [a for a in re.split(r"\s*,\s*|\s+OR\s+", match["answer"], flags=re.I) if a]
    return " OR ".join(f"{i} = {a}" for i in ids for a in answers)


def _any_of_range(text: str, questions: dict[str, Question]) -> str:
    """ "ANY YES TO Q4–Q7", "YES AT ANY OF Q4-Q7": the answer at any question of the range,
    written out as one test per question (as is one answer at EITHER or BOTH of two)."""
    pair = _EITHER_BOTH_RE.match(text.strip(" .,:"))
    if pair:
        joiner = " OR " if pair["which"].upper() == "EITHER" else " AND "
        return joiner.join(f"{q} = {pair['answer']}" for q in (pair["a"], pair["b"]))
    match = _ANY_RANGE_RE.match(text.strip(" .,:"))
    if match is None:
        return text
    ids = _range_ids(match, questions)
    if len(ids) < 2:
        return text
    answer = (match["answer"] or match["answer2"]).strip()
    # "YES (CODE 1)": the code that says which answer the word means
    coded = re.fullmatch(r".*\(\s*(?P<code>(?:CODES?\s+)?\d{1,3})\s*\)", answer)
    answer = coded["code"] if coded else answer
    return " OR ".join(f"{i} = {answer}" for i in ids)


def _all_of_range(
    text: str, questions: dict[str, Question], default: str | None
) -> list[list[Atom]] | None:
    """ "CODE 2 OR 8 AT ALL OF Q4–Q7": the same answer at every question of the run, the
    tests joined by "and"; None when the text says no such thing."""
    match = _ALL_RANGE_RE.match(text.strip(" .,:"))
    ids = _range_ids(match, questions) if match else []
    if match is None or len(ids) < 2:
        return None
    answer = match["codes"] or match["answer"].strip()
    groups: list[list[Atom]] = [[]]
    for ident in ids:
        each = parse_condition(f"{ident} = {answer}", questions, default)
        groups = [group + more for group in groups for more in each]
    return groups


# "named at least one brand at S11", "selected any product at Q4": some answer of the list,
# the ones that name nothing ("None of these", an exclusive "no brand in mind") left out
# ("USES ANY CLOUD PROVIDER AT Q5", "ANY PLATFORM USED AT A1": the verb before or after, a
# participle ending the words after ANY)
_ANY_ANSWER_RE = re.compile(
    r"^(?:(?:ALL|THOSE|ANYONE|RESPONDENTS?|PEOPLE|YOU)\s+)?(?:WHO\s+)?(?:HAVE\s+)?"
    r"(?:(?:NAMED|SELECTED|CHOSE|CHOSEN|PICKED|MENTIONED|TICKED|CODED|USES?|USING|OWNS?|BUYS?)\s+"
    r"(?:AT\s+LEAST\s+ONE|ONE\s+OR\s+MORE|ANY)\b[^=<>()]{0,30}?|ANY\s+[A-Z][^=<>()\d]{0,30}?\s+"
    r"[A-Z]{2,}ED)\s+(?:AT|IN)\s+"
    r"(?:QUESTION\s+)?(?P<q>[A-Za-z]{0,4}\d{1,3}[a-z]?)$",
    re.I,
)


# "you have children under 16 living with you (see 3a)": having any of what a number question
# counts is a count above nought ("3a. How many of them are children under 16?")
_HAS_COUNTED_RE = re.compile(
    r"^(?:YOU|THEY|THE\s+RESPONDENT)\s+(?:HAVE|HAS)\s+(?:GOT\s+)?(?:ANY\s+)?[A-Z][^()=<>]{2,60}?"
    r"\s*\(\s*(?:SEE|AS\s+AT|AT)\s+(?:QUESTION\s+)?(?P<q>[A-Z]{0,4}\d{1,3}[A-Z]?)\s*\)$",
    re.I,
)


# "MORE THAN ONE MODE AT Q3", "more than one mode at question 2": two or more answers of a multi
_MORE_THAN_ONE_RE = re.compile(
    r"^(?:(?:YOU\s+)?(?:USED|TICKED|CIRCLED|CHOSE|SELECTED|GAVE|NAMED)\s+)?(?:MORE\s+THAN\s+ONE|"
    r"TWO\s+OR\s+MORE)\b(?:\s+[A-Za-z]{2,20}){0,2}?\s+(?:AT|IN|ON|FOR)\s+(?P<word>QUESTION\s+)?"
    r"(?P<q>[A-Z]{0,5}\d{1,3}[A-Z]?)$",
    re.I,
)


def _any_two(word: str | None, ref: str, questions: dict[str, Question]) -> list[list[Atom]]:
    """Two or more answers of a multi: any two of its (non-exclusive) codes chosen together,
    written out pair by pair so that any platform can carry it."""
    keys = {k.upper(): k for k in questions}
    key = keys.get(ref.upper()) or (keys.get("Q" + ref.upper()) if word or ref.isdigit() else None)
    question = questions.get(key or "")
    if question is None or question.type != "multi":
        return []
    codes = [o.code for o in question.options if not o.exclusive]
    if not 1 < len(codes) <= 12:
        return []
    return [
        [Atom(question.id, [a]), Atom(question.id, [b])]
        for i, a in enumerate(codes)
        for b in codes[i + 1 :]
    ]


def _has_counted(text: str, questions: dict[str, Question]) -> str:
    match = _HAS_COUNTED_RE.match(text.strip(" .,:"))
    if match is None:
        return text
    ref = match["q"].upper()
    keys = {k.upper(): k for k in questions}
    key = keys.get(ref) or keys.get("Q" + ref)
    if key is None or questions[key].type != "number":
        return text
    return f"{key} > 0"


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "any of the first four options", "the last two answers": answers named by their place
# ("you ticked one of the first three boxes at Question 9": a paper form's words, the
# question named after them)
_COUNTED_RE = re.compile(
    r"^(?:(?:YOU\s+)?(?:TICKED|CHOSE|SELECTED|PICKED|MARKED|CROSSED)\s+)?"
    # ("at least one of the first six boxes": any of them, on a multi)
    r"(?:(?:AT\s+LEAST\s+ONE\s+|ANY\s+(?:ONE\s+)?|ONE\s+|EITHER\s+)?OF\s+)?THE\s+(?P<end>FIRST|LAST)\s+"
    r"(?P<n>\d|ONE|TWO|THREE|FOUR|FIVE|SIX|"
    r"SEVEN)\s+(?:OPTIONS|ANSWERS|CHOICES|RESPONSES|ITEMS|CODES|BOXES)"
    r"(?:\s+(?:AT|IN|FOR)\s+(?P<word>QUESTION\s+)?(?P<q>[A-Z]{0,5}\d{1,3}[A-Z]?))?$",
    re.I,
)


def _counted_answers(text: str, questions: dict[str, Question], default: str | None) -> str:
    match = _COUNTED_RE.match(text.strip(" .,:"))
    if match and match["q"]:
        named = match["q"].upper()
        default = named if named in questions else f"Q{named}" if match["word"] else None
    question = questions.get(default) if match and default else None
    if match is None or question is None or not question.options:
        return text
    count = _COUNT_WORDS.get(match["n"].lower()) or int(match["n"])
    if not 0 < count < len(question.options):
        return text
    chosen = (
        question.options[:count] if match["end"].upper() == "FIRST" else question.options[-count:]
    )
    return " OR ".join(f"{question.id} = {o.code}" for o in chosen)


def _any_answer(text: str, questions: dict[str, Question]) -> str:
    match = _ANY_ANSWER_RE.match(text.strip(" .,:"))
    named = match["q"].upper() if match else ""
    # "at question 14": the question named by its number alone
    question = questions.get(named) or (questions.get("Q" + named) if named.isdigit() else None)
    if question is None or not question.options:
        return text
    codes = [o.code for o in question.options if not o.exclusive]
    if not codes or len(codes) == len(question.options) and question.type != "multi":
        return text
    return " OR ".join(f"{question.id} = {c}" for c in codes)


# "HH2 > 0", "Q5 = 1 OR 2": a question's id, an operator and a value, as a test is written
_WRITTEN_TEST = r"[A-Z]{1,6}\d{1,3}[A-Z]?\s*(?:=|<>|!=|<=|>=|<|>|≥|≤)\s*\w[^,]*"


# "(your answer at Question A5)", "(see A5)": a bracket that only names the question
_ANSWER_AT_RE = re.compile(
    r"(?:(?:YOUR|THE|THEIR)\s+ANSWERS?\s+(?:AT|TO|IN|FOR)|SEE|AS\s+AT)\s+(?:QUESTION\s+)?"
    r"[A-Z]{0,5}\d{1,3}[A-Z]?",
    re.I,
)


_AMOUNT_RE = re.compile(
    r"\b\d{1,4}\s+(?:hours?|minutes?|days?|nights?|weeks?|months?|years?|times?|people|miles?|km)\b",
    re.I,
)


def _inner_condition(text: str, questions: dict[str, Question]) -> str:
    """ "managers (P2 = Yes)": the bracketed test when only the brackets name a question."""
    inner = re.search(r"\(([^()]*)\)", text)
    if inner is None:
        # "ANYTHING SEEN AT B2, I.E. B2 NOT = 99": the words restated as the test
        restated = re.match(r"^(?P<words>.{3,80}?),?\s+I\.\s?E\.?,?\s+(?P<test>\S.*)$", text, re.I)
        if restated and _find_ref(restated["test"], questions)[0]:
            return restated["test"]
        # "THOSE WITH A SMART METER, CODE 1 AT C6": whom in words, then the codes that say it
        said = re.match(r"^(?P<words>[^,\d]{3,60}),\s*(?P<test>(?:CODES?\s+)?\d[^,]*)$", text, re.I)
        if (
            said
            and _find_ref(said["test"], questions)[0]
            and not _find_ref(said["words"], questions)[0]
        ):
            return said["test"]
        # "AWARE OF ANY CHAIN, I.E. NOT 'NONE OF THESE' AT Q2": whom in words, then "that is"
        # and the test itself
        restated = re.match(
            r"^(?P<words>.{3,80}?),?\s+(?:I\.\s?E\.?|THAT\s+IS|NAMELY)[,:]?\s+(?P<test>\S.*)$",
            text,
            re.I,
        )
        if (
            restated
            and _find_ref(restated["test"], questions)[0]
            and not _find_ref(restated["words"], questions)[0]
        ):
            return restated["test"]
        # "ALL WITH CHILDREN UNDER 16 IN THE HOUSEHOLD, HH2 > 0": whom in words (their numbers
        # are no tests), then the test itself after the comma
        tested = re.match(rf"^(?P<words>[^,]{{3,80}}),\s*(?P<test>{_WRITTEN_TEST})$", text, re.I)
        if tested and not _find_ref(tested["words"], questions)[0]:
            return tested["test"]
        # "PEOPLE WHO ORDERED AT LEAST 2 TIMES: S5 = 3, 4 OR 5": whom in words, a colon, then
        # the test; the words' numbers are no codes
        # ("… IN THE LAST 4 WEEKS – S4 CODE 1": the same after a spaced dash)
        told = re.match(r"^(?P<words>[^:]{3,80}?)\s*:\s+(?P<test>\S.*)$", text) or re.match(
            r"^(?P<words>[^–—'‘’\"“”„«»]{3,80}?)\s+[–—-]\s+(?P<test>[^'‘’\"“”„«»]+)$", text
        )
        if (
            told
            and _find_ref(told["test"], questions)[0]
            and not _find_ref(told["words"], questions)[0]
        ):
            return told["test"]
        return text
    outside = text[: inner.start()] + " " + text[inner.end() :]
    pointer = _ANSWER_AT_RE.fullmatch(inner[1].strip())
    if pointer and _find_ref(inner[1], questions)[0] and not _find_ref(outside, questions)[0]:
        # "you care for 20 hours a week or more (your answer at Question A5)": the brackets
        # only say which question the words outside test
        return f"{_find_ref(inner[1], questions)[0]} {outside.strip()}"
    # ("the delay was more than 3 hours … (4 or 5 at question 7)": an amount in its unit
    # outside names no question)
    words = _AMOUNT_RE.sub(" ", outside)
    ref = _find_ref(inner[1], questions)[0]
    if ref and not _find_ref(words, questions)[0]:
        # ("did not come to collect one (the first two boxes at Q1)": everyone else)
        denied = denied_bracket(outside, inner[1], questions.get(ref), _codes_said(questions))
        return denied or inner[1]
    written = re.fullmatch(rf"\s*{_WRITTEN_TEST}", inner[1], re.I)
    named_outside = {q.upper() for q in re.findall(rf"\b{_ID}\b", outside)}
    named_inside = {q.upper() for q in re.findall(rf"\b{_ID}\b", inner[1])}
    if (
        written
        and not text[inner.end() :].strip(" .;:")
        and not re.search(r"[=<>≠]", outside)
        and named_outside <= named_inside
    ):
        # "took a test drive at J2 (J2 = 04 OR J2 = 05)": the words said again as the test
        # (words naming another question are a test of their own)
        return inner[1]
    negated = re.fullmatch(r"\s*NOT\s+(?!IF\b)(?P<ans>[^()=<>\d]{2,40}?)\s*", inner[1], re.I)
    source = _find_ref(outside, questions)[0]
    if (
        negated
        and source
        and not re.search(r"[=<>≠]", outside)  # "Q9 = 3 (not resolved)": words on a test
        and not _find_ref(inner[1], questions)[0]
        and not text[inner.end() :].strip(" .;:")
    ):
        # "BRAND NAMED AT Q2 (NOT DON'T KNOW)": the bracket names the one answer left out
        return f'NOT "{negated["ans"].strip()}" IN {source}'
    remark = _REMARK_RE.match(inner[1]) and not text[inner.end() :].strip(" .;:")
    if remark and not _find_ref(inner[1], questions)[0] and _find_ref(outside, questions)[0]:
        # "coded 1-6 at Q3 (not if only 'Other' or 'None')": a closing remark on who is left
        # out, which the test before it already says
        return text[: inner.start()].rstrip()
    if _is_gloss(inner[1], text[inner.end() :], questions) and _find_ref(outside, questions)[0]:
        # "you answered 'Yes' at Q3 (you manage one or more people)": the brackets restate the
        # answer in words for the reader; their "or" is no second test
        return text[: inner.start()].rstrip()
    return text


def _codes_said(questions: dict[str, Question]) -> Callable[[str], list[str]]:
    """The codes a test names, read against `questions` (none when it does not read)."""

    def codes(test: str) -> list[str]:
        try:
            groups = parse_condition(test, questions, None)
        except ConditionError:
            return []
        return [c for group in groups for atom in group if not atom.negate for c in atom.codes]

    return codes


_CLOSING_BRACKET_RE = re.compile(
    r"^(?P<words>[^()]{3,120}?)\s*\((?P<inner>[^()]{2,120})\)\s*[.:]?\s*$"
)
_AT_ID_END_RE = re.compile(rf"\s+(?:AT|IN|FOR)\s+(?:QUESTION\s+)?(?P<q>{_ID})\s*$", re.I)


def _labels(question: Question | None) -> set[str]:
    return {" ".join(o.label.casefold().split()) for o in (question.options if question else [])}


def _answers_in_brackets(text: str, questions: dict[str, Question], default: str | None) -> str:
    """ "you do not have a smart meter (No or Not sure at Q3)", "NO SMART METER (NO OR NOT
    SURE)": whom in words, then the answers that say it in closing brackets, of the question
    they name or else of the question just asked; the bracket is the test (the words only
    describe those people, their "not" and "or" are no part of it)."""
    closing = _CLOSING_BRACKET_RE.match(text)
    if closing is None or _find_ref(closing["words"], questions)[0]:
        return text
    if re.search(r"\b(?:NOT|NO|EXCEPT|THAN|NOR|IF|AND|OR)\s*$", closing["words"], re.I):
        return text  # "NOT ('No' at Q3)": the words deny or join the bracket, not describe it
    inner = closing["inner"].strip()
    at = _AT_ID_END_RE.search(inner)
    named = at["q"] if at else default
    question = next((q for k, q in questions.items() if k.upper() == (named or "").upper()), None)
    listed = inner[: at.start()] if at else inner
    pieces = [p for p in re.split(r"\s*(?:,|/|\bOR\b)\s*", listed, flags=re.I) if p.strip()]
    labels = _labels(question)
    if not pieces or not all(" ".join(p.casefold().split()) in labels for p in pieces):
        return text
    return inner if at else f"{inner} AT {question.id}" if question else text


# "fairly or very dissatisfied at Q5": two answers that share their last word, written once
_SHARED_HEAD_RE = re.compile(
    r"\b(?P<a>[A-Za-z]+)\s+(?P<join>OR|AND)\s+(?P<b>[A-Za-z]+)\s+(?P<head>[A-Za-z]+)\b", re.I
)


def _shared_head(text: str, questions: dict[str, Question], default: str | None) -> str:
    """The answers written out whole where both, with the shared word, are labels of the
    question named (or the one just asked)."""
    named = _find_ref(text, questions)[0] or default
    labels = _labels(questions.get(named or ""))
    if not labels:
        return text

    def whole(match: re.Match[str]) -> str:
        a, b = f"{match['a']} {match['head']}", f"{match['b']} {match['head']}"
        if a.casefold() in labels and b.casefold() in labels:
            return f"{a} {match['join']} {b}"
        return match[0]

    return _SHARED_HEAD_RE.sub(whole, text)


# a closing bracket that comments on the test rather than adding one
_REMARK_RE = re.compile(r"^\s*(?:NOT\s+IF|I\.\s?E\.|E\.\s?G\.|THAT\s+IS)\b", re.I)


_CODES_THEN_AT_RE = re.compile(
    r"\((?P<codes>(?:CODES?\s+)?\d{1,3}(?:\s*(?:,|OR|-)\s*\d{1,3}){0,20})\)\s+(?:AT|IN)\s+"
    r"(?P<q>[A-Za-z]{1,4}\d{1,3}[a-z]?)\b",
    re.I,
)


def _bracketed_tests(text: str, questions: dict[str, Question]) -> list[tuple[str, str]]:
    """ "PEOPLE AGED 65 OR OVER (P2 >= 65) WHO HAVE NOT USED THE APP (P15 = 2 OR 3)": each
    group described in words with its test in brackets; the groups are one person's, so the
    tests hold together (an "or" between them joins them as alternatives). [] otherwise."""
    # "NEWS (01) AT M8 AND …": codes in brackets, then the question they are answers of
    text = _CODES_THEN_AT_RE.sub(r"(\g<codes> AT \g<q>)", text)
    inners = list(re.finditer(r"\(([^()]*)\)", text))
    if len(inners) < 2 or not all(_find_ref(m[1], questions)[0] for m in inners):
        return []
    outside = re.sub(r"\([^()]*\)", " ", text)
    if _find_ref(outside, questions)[0]:
        return []
    tests = [("and", _pointed_test(inners[0][1], text[: inners[0].start()]))]
    for before, inner in zip(inners, inners[1:], strict=False):
        between = text[before.end() : inner.start()]
        # ("LISTENS WEEKLY OR MORE OFTEN": an "or" of a bound is no alternative)
        either = re.search(
            r"(?<!\w)(?:OR|O|OU|ODER|LUB|ATAU)(?!\w)(?!\s+(?:MORE|LESS|OVER|UNDER|ABOVE|BELOW|OLDER|"
            r"YOUNGER|LONGER|FEWER)\b)",
            between,
            re.I,
        )
        tests.append(("or" if either else "and", _pointed_test(inner[1], between)))
    return tests


def _pointed_test(inner: str, words: str) -> str:
    """ "SPENDS £8 OR MORE A VISIT (Q12)": a bracket that only names the question leaves the
    test to the words before it (after the joiner that opens them)."""
    pointer = re.fullmatch(
        r"\s*(?:(?:AT|SEE|IN)\s+)?(?:QUESTION\s+)?([A-Z]{1,5}\d{1,3}[A-Z]?)\s*", inner, re.I
    )
    if pointer is None and not _ANSWER_AT_RE.fullmatch(inner.strip()):
        return inner
    said = re.sub(r"^\s*(?:AND|OR)\s+", "", words.strip(" ,;"), flags=re.I)
    return f"{inner} {said}" if said else inner


def _is_gloss(inner: str, after: str, questions: dict[str, Question]) -> bool:
    """Closing brackets of plain words (three or more, no codes, quotes or question ids)."""
    if after.strip(" .;:") or re.search(r"[\d'‘’\"“”„«»=<>]", inner):
        return False
    # ("(new panellists)": two small words say who they are, as three words of any case do)
    words = 2 if re.fullmatch(r"[a-z]+ [a-z]+", inner.strip()) else 3
    return len(inner.split()) >= words and _find_ref(inner, questions)[0] is None


def _find_ref(clause: str, questions: dict[str, Question]) -> tuple[str | None, str]:
    bare = re.match(r"^\s*(\d{1,3}[a-z]?)\s*(?=[=<>!]|IN\b)", clause, re.I)
    if bare and "Q" + bare[1] in questions:
        # "TERMINATE IF 1 = 2" where questions are numbered 1), 2): the number names a question.
        return "Q" + bare[1], clause[bare.end() :]
    item = re.search(r"(?<![\w.])[A-Za-z]{1,3}\.\s?(\d{1,4}[a-z]?)(?![\w.])", clause)
    if item and "Q" + item[1] in questions:
        # "R.404 = A" where items are numbered 401, 402 (rincian, No.): the number names it
        return "Q" + item[1], clause[: item.start()] + " " + clause[item.end() :]
    outline = re.search(r"(?<![\w.])(\d{1,2})\.(\d{1,2})(?![\w.])", clause)
    if outline and f"Q{outline[1]}_{outline[2]}" in questions:
        # "IF 3.2 = 1 OR 2" where questions are numbered 1.1, 3.2 (ids Q1_1, Q3_2)
        return f"Q{outline[1]}_{outline[2]}", clause[: outline.start()] + " " + clause[
            outline.end() :
        ]
    tokens = re.finditer(r"\b(?:QUESTION\s+)?([A-Za-z]{0,4}\d{1,3}[a-z]?(?:_\d+)?)\b", clause, re.I)
    for token in tokens:
        raw = token.group(1)
        for candidate in (
            raw,
            raw.upper(),
            "Q" + raw if raw.isdigit() and "QUESTION" in token.group(0).upper() else "",
        ):
            if candidate and candidate in questions:
                return candidate, clause[: token.start()] + " " + clause[token.end() :]
    for token in re.finditer(r"(?<![\w'’])([A-Za-z]\w*)(?![\w'’])", clause):
        # an export tag or field name written as the id ("age_screen", "Q4_aware"), as written
        if token[1] in questions and (token[1] != token[1].upper() or len(token[1]) >= 3):
            return token[1], clause[: token.start()] + " " + clause[token.end() :]
    return None, clause


# "plan = Team": a word for what a question asks, then the answer it names
_TOPIC_RE = re.compile(
    r"^\s*(?P<word>[A-Za-z][A-Za-z-]{2,24})\s*(?:=|\bis\b)\s*(?P<said>\S.*)$", re.I
)
_NOT_TOPICS = frozenset({"answer", "code", "codes", "response", "value", "score", "it", "this"})


def _topic_ref(
    clause: str, questions: dict[str, Question], current: str | None
) -> tuple[str | None, str]:
    """ "Show if plan = Pro or Team" with no id: the question whose words name the plan and
    whose answers include the one named (the nearest such at or before `current`)."""
    match = _TOPIC_RE.match(clause)
    if match is None or match["word"].lower() in _NOT_TOPICS:
        return None, clause
    word = re.compile(rf"\b{re.escape(match['word'])}\b", re.I)
    said = "= " + match["said"]
    order = list(questions)
    found = [
        k
        for k, q in questions.items()
        if q.options and word.search(q.text or "") and _label_match(said, q)
    ]
    if not found:
        return None, clause
    limit = order.index(current) if current in order else len(order)
    before = [k for k in found if order.index(k) <= limit]
    return (before[-1] if before else found[0]), said


def _atom(
    clause: str, questions: dict[str, Question], current: str | None
) -> tuple[Atom, str | None]:
    dotted = dotted_answer(clause, questions)
    if dotted is not None:
        return Atom(dotted[0], dotted[1], negate=dotted[2]), dotted[0]  # "NOT Q2.r99"
    ref, rest = _find_ref(clause, questions)
    if ref is None:
        ref, rest = _topic_ref(clause, questions, current)
    question = ref or current
    if question is None or question not in questions:
        raise ConditionError(f"no question named in '{clause}'")
    if ref is None:
        question = _nearest_coded(rest, questions, question)
    target = questions[question]
    placed = _ORDINAL_RE.search(rest) if ref and target.options else None
    # "the second role at question 2": a place, then any word for the question's answers
    placed = placed or (
        _PLACED_NOUN_RE.match(rest.strip(" .,:")) if ref and target.options else None
    )
    # "if the last answer is chosen" with no question named: the place of one of its own
    placed = placed or (_OWN_PLACE_RE.match(rest.strip(" .,:")) if target.options else None)
    if placed:
        # "the third circle at A1", "the last box at D4": an answer named by its place
        place = _ORDINALS.get(placed["n"].lower(), len(target.options))
        if place <= len(target.options):
            return Atom(question, [target.options[place - 1].code]), question
    whole = _whole_label(rest, target)
    if whole is not None:
        return Atom(question, whole[0], negate=whole[1]), question
    by_label = _label_match(rest, target)
    if by_label:
        return Atom(question, by_label), question
    within = named_at(rest, target) if ref else label_within(rest, target)
    if within:
        return Atom(question, within, negate=_denied_beside(rest, within, target)), question
    offered = None if ref else _nearest_offering(rest, questions, question)
    if offered is not None:
        # "Only if you ticked Laptop": the answer named belongs to the nearest question before
        # that offers it, when the question right before does not
        return Atom(offered[0], offered[1]), offered[0]
    said = rest
    labels = _QUOTED_RE.findall(rest)
    # "NOT 'NEVER' AT POL2", "NOT 'None of these' AT Q3": the answer named in quotes, denied
    # (its own words are no "not")
    negate = bool(_NEGATION_RE.search(_QUOTED_RE.sub("'…'", rest)) or _NOT_QUOTED_RE.search(rest))
    rest = _QUOTED_RE.sub(" ", rest)
    rest = _TO_RANGE_RE.sub(r"\1-\2", rest)
    rest = re.sub(
        r"\b(?:AT|IN|ON|FROM|TO|QUESTION|CODES?|CODED|ANSWER(?:ED|S)?|SELECTED|CHOSE|"
        r"CHOSEN|TICKED|MENTIONED|RESPONSE|PUNCH|IS|WAS|NOT|DID|THOSE|WHO|IF|ONLY|"
        # ("SHOW IF Q4 INCLUDES A OR B": a multi's lettered answers after the verb of holding)
        r"RESPONDENTS?|SAID|SAY|OPTION|EQUALS?|TO|INCLUDES?|CONTAINS?)\b",
        " ",
        rest,
        flags=re.I,
    )
    comparison = re.search(r"(<=|>=|==|=|<|>|!=)\s*(-?\d+(?:\.\d+)?)", rest)
    if target.type in _NUMERIC_TYPES:
        return _numeric(question, rest, comparison), question
    codes = _label_codes(labels, target) if labels else _range_codes(rest, target)
    if not codes:
        codes = _letter_codes(rest, target)
    if comparison and comparison.group(1) in ("<", ">", "<=", ">=") and target.options:
        op, bound = comparison.group(1), float(comparison.group(2))
        # "50 or more employees (question 3)" over "10 to 49", "50 to 249": the bands it holds
        # whole (a bound that is one of the codes may name the codes themselves)
        banded = band_codes(target, op, bound)
        if not banded or _fmt_number(bound) in {o.code for o in target.options}:
            banded = []
        codes = banded or _codes_by_comparison(target, op, bound)
    if not codes and ref and not labels and not comparison:
        # "BOOKED ONLINE AT Q4" under "How did you book …?": the answer described in words,
        # the question's own words ("booked") only context
        described = worded_test(said, questions, ref, only=ref)
        if described is not None and described[1]:
            return Atom(question, described[1], negate=described[2]), question
    if not codes and ref is None and not labels and not comparison:
        if _SAID_NOW_RE.search(said) and _SUPPOSED_ASK_RE.search(target.text):
            # ("those who help now" under "Would you be willing to help?": the one asking
            # whether they do, further back)
            found = _asked_now(said, questions, question)
            if found is not None:
                return Atom(found[0], [found[1]]), question  # (the rest still tests this one)
        yes_no = _yes_no_described(said, target)
        if yes_no:
            return Atom(question, [yes_no]), question
    if not codes:
        raise ConditionError(f"no answer codes in '{clause}'")
    return Atom(question, _align(codes, target), negate=negate), question


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
}
_ORD = r"(?:first|second|third|fourth|fifth|sixth|last|final)"
_PLACED_NOUN_RE = re.compile(rf"^(?:the\s+)?(?P<n>{_ORD})\s+[a-z]+(?:\s+(?:at|in))?$", re.I)
# "the first or second role at question 2": two places of one question's answers, said once
_TWO_PLACES_RE = re.compile(
    rf"\b(?:the\s+)?(?P<a>{_ORD})\s+or\s+(?:the\s+)?(?P<b>{_ORD})\s+(?P<noun>[a-z]+)\s+"
    r"(?P<at>(?:at|in)\s+(?:question\s+)?[A-Z]{0,4}\d{1,3}[a-z]?)\b",
    re.I,
)
# "you work on a welcome team – the first or second role at question 2": who, in words, then
# after a spaced dash the answers named by their place
_WORDS_DASH_PLACE_RE = re.compile(
    rf"^[^–—()]{{3,160}}?\s[–—]\s+(?P<t>(?:the\s+)?{_ORD}\b[^–—]*?\b(?:at|in)\s+"
    r"(?:question\s+)?[A-Z]{0,4}\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)
_TWO_NAMED_RE = re.compile(
    r"^(?P<a>[^()]+?\b(?:at|in)\s+question\s+\d{1,3}[a-z]?)\s*,?\s+and\s+"
    r"(?P<b>[^()]+?\b(?:at|in)\s+question\s+\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)
_OWN_PLACE_RE = re.compile(
    r"^(?:the\s+)?(?P<n>first|second|third|fourth|fifth|sixth|last|final)\s+"
    r"(?:circle|box|tick\s*box|option|answer|choice)"
    r"(?:\s+(?:is|was|gets?)\s+(?:chosen|selected|ticked|picked|given|marked|checked))?$",
    re.I,
)
_ORDINAL_RE = re.compile(
    r"\b(?:the\s+)?(?P<n>first|second|third|fourth|fifth|sixth|last|final)\s+"
    r"(?:circle|box|tick\s*box|option|answer|choice|one)\b",
    re.I,
)


# "the third, fourth or fifth box at question 1": several answers named by their places on a
# paper form, one box word for the list (each place alone is read by `_ORDINAL_RE`)
_ORDINAL_WORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|last|final)"
_PLACED_LIST_RE = re.compile(
    rf"\b(?:the\s+)?(?P<list>{_ORDINAL_WORD}(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:the\s+)?"
    rf"{_ORDINAL_WORD})+)\s+(?:circle|box|tick\s*box|option|answer|choice)(?:e?s)?\s+"
    r"(?P<at>(?:at|in|for)\s+(?:question\s+)?[A-Za-z]{0,4}\d{1,3}[a-z]?)\b",
    re.I,
)


# "the second or third choice", "the 4th, 5th or 6th box": places of the question's own answers
_OWN_PLACES_RE = re.compile(
    rf"^(?:the\s+)?(?P<list>{_ORDINAL_WORD}(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:the\s+)?"
    rf"{_ORDINAL_WORD})+)\s+(?P<noun>circle|box|tick\s*box|option|answer|choice)(?:e?s)?"
    r"(?:\s+(?:is|are|was|were|gets?)\s+(?:chosen|selected|ticked|picked|given|marked|checked))?$",
    re.I,
)


def _placed_list(text: str, questions: dict[str, Question]) -> str:
    """ "ticked the third, fourth or fifth box at question 1" → "question 1 = 3, 4 or 5" (the
    codes of the answers in those places), when the question named offers that many."""

    def codes(match: re.Match[str]) -> str:
        ref = _find_ref(match["at"], questions)[0]
        if ref is None or ref not in questions or not questions[ref].options:
            return match[0]
        options = questions[ref].options
        places = re.findall(_ORDINAL_WORD, match["list"], re.I)
        picked = [_ORDINALS.get(p.lower(), len(options)) for p in places]
        if any(n > len(options) for n in picked):
            return match[0]
        listed = [options[n - 1].code for n in picked]
        return f"{match['at']} = {', '.join(listed[:-1])} or {listed[-1]}"

    return _PLACED_LIST_RE.sub(codes, text)


_PLAIN_WORDS = frozenset(
    "a an the of in on at to for from by with if not no yes is are was were be been you your "
    "do does did have has had any or and who those they them their this that it".split()
)


# a group told by what it does now, and an ask about what one would or might do
_SAID_NOW_RE = re.compile(r"\b(?:now|currently|at\s+the\s+moment|at\s+present|already)\b", re.I)
_SUPPOSED_ASK_RE = re.compile(
    r"\b(?:would|could|might)\s+you\b|\bwilling\b|\binterested\s+in\b|\bconsider\b", re.I
)


def _asked_now(said: str, questions: dict[str, Question], current: str) -> tuple[str, str] | None:
    """The nearest yes / no question before `current` that asks what one does ("Do you help
    at …?", no "would you"), sharing the group's words: its id and the answer that says so."""
    ids = list(questions)
    for qid in reversed(ids[: ids.index(current)]):
        question = questions[qid]
        if _SUPPOSED_ASK_RE.search(question.text):
            continue
        code = _yes_no_described(said, question)
        if code is not None:
            return qid, code
    return None


def _yes_no_described(said: str, target: Question) -> str | None:
    """ "IF NOT A UK RESIDENT" under "Do you live in the UK?" (Yes / No): words sharing the
    ask's own words describe its Yes answer, and with NOT its No answer."""
    plain = {folded(o.label).strip(" .!"): o.code for o in target.options}
    if "yes" not in plain or "no" not in plain or len(plain) > 3:
        return None
    words = {w for w in re.findall(r"[^\W\d_]{2,}", said.lower()) if w not in _PLAIN_WORDS}
    asked = {w for w in re.findall(r"[^\W\d_]{2,}", target.text.lower()) if w not in _PLAIN_WORDS}
    if not words & asked:
        return None
    return plain["no"] if re.search(r"\bNOT\b|N['’]T\b", said, re.I) else plain["yes"]


# "Q9 = 0 TO 6": a span of codes written with "to" (as "0-6")
_TO_RANGE_RE = re.compile(r"\b(\d{1,3})\s+(?:TO|THRU|THROUGH)\s+(\d{1,3})\b", re.I)
_SPAN_RE = re.compile(r"\b(\d{1,3})\s*-\s*(\d{1,3})\b")


def _range_codes(rest: str, target: Question) -> list[str]:
    """The codes written, a span "2-97" standing for every code the tested question has from
    2 to 97 (its answers 2, 3, 4, 5 and 97), not only for the two ends; a span over a question
    with no numbered answers in it is written out number by number."""
    codes = expand_codes(rest)
    numbered = [o.code for o in target.options if o.code.isdigit()]
    spans = [(int(a), int(b)) for a, b in _SPAN_RE.findall(rest) if int(a) < int(b)]
    if not numbered or not spans:
        return codes
    found: list[str] = []
    for low, high in spans:
        inside = [c for c in numbered if low <= int(c) <= high]
        if not inside:
            return codes
        found.extend(inside)
    found.extend(expand_codes(_SPAN_RE.sub(" ", rest)))
    return list(dict.fromkeys(found))


def _nearest_coded(rest: str, questions: dict[str, Question], current: str) -> str:
    """ "If CSAT 4–5 ask Q4" under a comment box: codes with no question named test the nearest
    question before that has those codes, when the one they default to has no answers at all
    (a text box cannot be 4 or 5)."""
    target = questions[current]
    if target.options or target.rows or target.type in _NUMERIC_TYPES:
        return current
    codes = expand_codes(_TO_RANGE_RE.sub(r"\1-\2", rest))
    if not codes:
        return current
    ids = list(questions)
    for qid in reversed(ids[: ids.index(current)]):
        offered = {o.code for o in questions[qid].options}
        if offered and set(codes) <= offered:
            return qid
        if offered or questions[qid].type in _NUMERIC_TYPES:
            break  # only past text boxes, never past a question that answers with codes
    return current


def _nearest_offering(
    rest: str, questions: dict[str, Question], before: str
) -> tuple[str, list[str]] | None:
    """The nearest question up to `before` offering the answer named, and its codes."""
    ids = list(questions)
    if before not in questions or re.search(r"\d", rest) or not _CHOICE_VERB_RE.search(rest):
        return None
    wanted = folded(collapse_words(_STOP_RE.sub(" ", _QUOTED_RE.sub(lambda m: m.group(1), rest))))
    for qid in reversed(ids[: ids.index(before) + 1]):
        codes = [o.code for o in questions[qid].options if folded(o.label).strip(" .") == wanted]
        if codes:
            return qid, codes
    return None


# "you ticked Laptop", "those who selected Car": an answer named as the respondent's choice
_CHOICE_VERB_RE = re.compile(
    r"\b(?:ticked|selected|chose|chosen|picked|marked|checked|circled|answered|said)\b", re.I
)


def named_at(rest: str, question: Question) -> list[str]:
    """ "PRESCRIBED ZELVORA AT Q3": with the question named, words holding one answer's
    label whole (a single word will do) name that answer; none where codes are written."""
    if re.search(r"\d|['‘’\"“”„«»]", rest):
        return []
    phrase = " " + collapse_words(re.sub(r"[^\w\s]", " ", rest)).lower() + " "
    found = []
    cores = {}
    for option in question.options:
        core = collapse_words(re.sub(r"[^\w\s]", " ", re.sub(r"\([^)]*\)", " ", option.label)))
        cores[option.code] = core.lower()
        if len(core) >= 4 and f" {core.lower()} " in phrase:
            found.append(option.code)
    if not found:
        # "your completion was delayed (question 7)" for "No, it was delayed": the words after
        # a yes or no and its pronoun, two words or more
        for code, core in cores.items():
            said = _YES_NO_HEAD_RE.sub("", core)
            if said != core and len(said.split()) >= 2 and f" {said} " in phrase:
                found.append(code)
    return found if len(found) == 1 else []


_YES_NO_HEAD_RE = re.compile(r"^(?:yes|no)\s+(?:(?:it|they|we|i|he|she|you)\s+)?")


def _denied_beside(rest: str, codes: list[str], question: Question) -> bool:
    """ "is not already on a supported place (question 3)": prose that names an answer by its
    words and denies it ("not", "never", "n't" outside the answer's own words)."""

    def plain(text: str) -> str:
        return collapse_words(re.sub(r"[^\w\s']", " ", text.replace("’", "'"))).lower()

    phrase = f" {plain(rest)} "
    for option in question.options:
        if option.code in codes:
            phrase = phrase.replace(f" {plain(re.sub(r'[(][^)]*[)]', ' ', option.label))} ", " ")
    return re.search(r"\b(?:not|never)\b|n't\b", phrase) is not None


def label_within(rest: str, question: Question) -> list[str]:
    """ "if you visited as a trade visitor": prose naming no question whose words hold one
    answer's label whole ("Trade visitor (buyer, retailer)", its bracketed gloss aside) names
    that answer of the question before."""
    phrase = (
        " " + collapse_words(re.sub(r"[^\w\s]", " ", _QUOTED_RE.sub(r" \1 ", rest))).lower() + " "
    )
    if len(phrase.split()) < 3:
        return []
    found = []
    for option in question.options:
        core = collapse_words(re.sub(r"\([^)]*\)", " ", option.label))
        core = collapse_words(re.sub(r"[^\w\s]", " ", core)).lower()
        # two words besides an article: "A marketplace" inside "bought on a marketplace in the
        # last month" is too thin to be sure of (the rest may name another question)
        words = [w for w in core.split() if w not in ("a", "an", "the")]
        if len(core) >= 4 and len(words) >= 2 and f" {core} " in phrase:
            found.append(option.code)
    return found if len(found) == 1 else []


def _letter_codes(rest: str, question: Question) -> list[str]:
    """ "S3b = a" where the answers were lettered (a), (b)… and so coded by position."""
    # (an article before a word is no letter: "visited as a trade visitor")
    letters = re.findall(
        r"(?<![A-Za-z'])([a-z])(?![A-Za-z'])(?!\s+(?!(?:or|and|nor|to|through)\b)[a-z]{2,})",
        rest,
    )
    only_letters = re.fullmatch(r"\s*=?\s*[A-Z](?:\s*(?:,|OR|AND|or|and)\s*[A-Z])*[\s.,]*", rest)
    if not letters and (re.search(r"[a-z]{2}", rest) or only_letters):
        # "If you answered B", "marked F": answers lettered A., B. … on a paper form (in words
        # written in capitals, "A" is the article)
        letters = [c.lower() for c in re.findall(r"(?<![\w'])([A-HJ-Z])(?![\w'])", rest)]
    positional = [o.code for o in question.options] == [
        str(i) for i in range(1, len(question.options) + 1)
    ]
    # the letters were kept as the answers' codes (in either case: "A", "B" … or "a", "b" …)
    kept = {o.code.lower(): o.code for o in question.options if len(o.code) == 1}
    if letters and question.options and len(kept) == len(question.options):
        if all(letter in kept for letter in letters):
            return [kept[letter] for letter in letters]
    if not letters or not positional:
        return []
    index = [ord(letter) - ord("a") for letter in letters]
    return [question.options[i].code for i in index if i < len(question.options)]


def _align(codes: list[str], question: Question) -> list[str]:
    """Codes as the question writes them ("1" → "01" where its codes are zero-padded)."""
    by_number = {int(o.code): o.code for o in question.options if o.code.isdigit()}
    written = {o.code for o in question.options}
    return [c if c in written or not c.isdigit() else by_number.get(int(c), c) for c in codes]


_STOP_RE = re.compile(
    r"[=<>!:]|\b(?:AT|IN|ON|TO|CODE|CODED|ANSWER(?:ED|S)?|SELECTED|CHOSE|CHOSEN|TICKED|SAID|SAYS?|"
    r"MARKED|CHECKED|CIRCLED|"
    r"IS|WAS|THOSE|WHO|IF|ONLY|RESPONDENTS?|THE|ANSWER|OPTION|RESPONSE|YOU)\b",
    re.I,
)


_WHOLE_LABEL_RE = re.compile(r"^\s*(?P<not>NOT\s*)?(?P<op>==?|!=)\s*(?P<label>\S.*?)\s*$", re.I)


def _whole_label(rest: str, question: Question) -> tuple[list[str], bool] | None:
    """ "= I do not agree to take part", "NOT = None of these": an answer named by its whole
    label after the sign (stop words inside it kept), and whether the test is negated."""
    match = _WHOLE_LABEL_RE.match(rest)
    if match is None or not question.options:
        return None
    wanted = folded(collapse_words(match["label"]))
    codes = [o.code for o in question.options if folded(o.label).strip(" .") == wanted]
    if len(codes) != 1:
        return None
    return codes, bool(match["not"]) or match["op"] == "!="


def _label_match(rest: str, question: Question) -> list[str]:
    """Codes of the options a phrase names by their words ("= Yes", "IF NO")."""
    phrase = collapse_words(_STOP_RE.sub(" ", _QUOTED_RE.sub(lambda m: m.group(1), rest)))
    if not phrase or not question.options or re.fullmatch(r"[\d\s,\-]+", phrase):
        return []
    wanted = folded(phrase)
    exact = [o.code for o in question.options if folded(o.label).strip(" .") == wanted]
    if not exact:
        # "Yes, at the office" named whole: the label read with the same small words left out
        exact = [o.code for o in question.options if _stopped(o.label) == wanted]
    if exact:
        return exact
    # "IF DK" for "Don't know (DK)": the short name an answer carries in brackets at its end
    short = [o.code for o in question.options if _short_name(o.label) == wanted]
    if len(short) == 1:
        return short
    # "UNDECIDED" for "Don't know / undecided": one of the words a slashed label joins ("van"
    # in "car, van or motorhome" for "Car or van": one of the words an "or" joins)
    slashed = [
        o.code
        for o in question.options
        if wanted in (p.strip(" .") for p in re.split(r"/|\s+or\s+", folded(o.label)))
        and wanted != folded(o.label).strip(" .")
    ]
    if len(slashed) == 1:
        return slashed
    starts = [
        o.code
        for o in question.options
        # "the workshop" for "Workshop: Feedback that works" (a title before its colon)
        if folded(o.label).startswith((wanted + " ", wanted + ",", wanted + ":"))
    ]
    commas = [o.code for o in question.options if folded(o.label).startswith(wanted + ",")]
    if len(commas) >= 2 and wanted in ("yes", "no"):
        # "said Yes at B2" over "Yes, at work" and "Yes, at home": every kind of yes
        return commas
    if starts:
        return starts[:1] if len(wanted) >= 2 else []
    known = _KNOWS_RE.sub("", wanted)
    if known != wanted and known:
        # "AWARE OF FERNWAY AT A1": the brand the respondent knows or uses, named by its label
        return _label_match(known, question)
    grouped = _PEOPLE_RE.sub("", wanted)
    if grouped != wanted and grouped:
        # "DISTRICT RESIDENTS" for "In the district": the people who gave that answer
        return _label_match(grouped, question)
    return _label_inside(wanted, question)


_SHORT_NAME_RE = re.compile(r"\(\s*(?P<short>[A-Za-z][A-Za-z/.&-]{0,7})\s*\)\W*$")


def _short_name(label: str) -> str:
    """The short name in brackets at the end of an answer's label ("N/A" in "Not
    applicable (N/A)"), folded; "" when it has none."""
    found = _SHORT_NAME_RE.search(label)
    return folded(found["short"]) if found else ""


# "residents", "card holders": those who gave an answer, named by what the answer makes them
_PEOPLE_RE = re.compile(
    r"\s+(?:residents?|users?|owners?|holders?|members?|visitors?|customers?|passengers?|people)$"
)
# "aware of", "heard of", "uses": a brand list's answer named by what the respondent does with it
_KNOWS_RE = re.compile(
    r"^(?:(?:is|are|was|were)\s+)?(?:aware\s+of|heard\s+of|knows?|uses?|used|buys?|bought|owns?)\s+"
)


def _stopped(label: str) -> str:
    """An answer's label as `_label_match` reads a phrase naming it: small words left out."""
    return folded(collapse_words(_STOP_RE.sub(" ", label)))


def _label_inside(wanted: str, question: Question) -> list[str]:
    """ "If Yes or did not pay": an answer named by words of its label ("I did not pay (for
    example a funded place)"), two words or more found in one answer's label only."""
    if len(wanted.split()) < 2 or re.search(r"\d", wanted):
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    inside = [o.code for o in question.options if pattern.search(folded(o.label))]
    return inside if len(inside) == 1 else []


# dashes and curly quotes as typed in a filter need not be those printed in the answer list
_FOLD = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def folded(text: str) -> str:
    """Text lower-cased with its dashes and quotes made plain, for comparing labels."""
    return text.translate(_FOLD).lower()


def collapse_words(text: str) -> str:
    """Whitespace collapsed and stray punctuation trimmed."""
    return re.sub(r"\s+", " ", text).strip(" ,.;:'\"‘’“”()")


def _numeric(question: str, rest: str, comparison: re.Match[str] | None) -> Atom:
    if comparison and comparison.group(1) in ("=", "=="):
        # "T17 = 0–4": equal to a span of numbers is the span
        spanned = re.match(r"\s*(-?\d+)\s*-\s*(-?\d+)\b", rest[comparison.start(2) :])
        if spanned:
            return Atom(question, [spanned[1], spanned[2]], op="between")
    if comparison:
        op = "==" if comparison.group(1) in ("=", "==") else comparison.group(1)
        return Atom(question, [], op=op, value=float(comparison.group(2)))
    span = re.search(r"(-?\d+)\s*-\s*(-?\d+)", rest)
    if span:
        return Atom(question, [span[1], span[2]], op="between")
    number = re.search(r"-?\d+(?:\.\d+)?", rest)
    if number:
        return Atom(question, [], op="==", value=float(number.group(0)))
    # ("If none at all", "if not any", "if no time at all": nought said with emphasis)
    if re.fullmatch(r"\s*(?:none|zero|nil|never|nothing|not\s+any)(?:\s+at\s+all)?\s*", rest, re.I):
        # "If none, go to question 6" under a count: a count of nought
        return Atom(question, [], op="==", value=0.0)
    raise ConditionError(f"no number in '{rest.strip()}'")


def _label_codes(labels: list[str], question: Question) -> list[str]:
    codes: list[str] = []
    for label in labels:
        wanted = folded(label).strip()
        # the answer so labelled, else the first whose label holds the words
        same = [o.code for o in question.options if folded(o.label).strip(" .") == wanted]
        held = [o.code for o in question.options if wanted in folded(o.label)]
        codes.extend((same or held)[:1])
    return codes


def _codes_by_comparison(question: Question, op: str, value: float) -> list[str]:
    tests = {
        "<": lambda n: n < value,
        ">": lambda n: n > value,
        "<=": lambda n: n <= value,
        ">=": lambda n: n >= value,
    }
    found = []
    for option in question.options:
        if re.fullmatch(r"-?\d+", option.code) and tests[op](int(option.code)):
            found.append(option.code)
    return found


def _merge(groups: list[list[Atom]]) -> list[list[Atom]]:
    """Join single-atom OR groups on the same question into one list of codes."""
    merged: list[list[Atom]] = []
    for group in groups:
        last = merged[-1] if merged else None
        if (
            last is not None
            and len(last) == 1
            and len(group) == 1
            and last[0].question == group[0].question
            and last[0].op is None
            and group[0].op is None
            and last[0].negate == group[0].negate
        ):
            last[0].codes = list(dict.fromkeys(last[0].codes + group[0].codes))
        else:
            merged.append(group)
    return merged


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def render_atom(atom: Atom, question: Question) -> str:
    """One atom as an IR expression for the tested question's type."""
    qid = atom.question
    if atom.op == "between":
        body = f"({qid} >= {atom.codes[0]} and {qid} <= {atom.codes[1]})"
        if atom.codes[0] == "0" and not atom.negate:
            return f"{qid} <= {atom.codes[1]}"  # (a count from nought: its top alone bounds it)
        return f"not {body}" if atom.negate else body
    if atom.op is not None and atom.value is not None:
        body = f"{qid} {atom.op} {_fmt_number(atom.value)}"
        return f"not ({body})" if atom.negate else body
    if question.type in _CHOICE_MULTI or (question.type == "grid" and question.multiple):
        body = " or ".join(f"{qid} contains '{c}'" for c in atom.codes)
        if atom.negate:
            return f"not ({body})"
        return body
    if len(atom.codes) == 1:
        body = f"{qid} == '{atom.codes[0]}'"
    else:
        body = f"{qid} in [{','.join(repr(c) for c in atom.codes)}]"
    return f"not ({body})" if atom.negate else body


def _denial_said_too(groups: list[list[Atom]], questions: dict[str, Question]) -> list[list[Atom]]:
    """ "only for "Yes" at Q2, not the "Not sure yet" parents": an answer of a single-choice
    question, then another of its answers denied beside it. Read as alternatives, "Yes or not
    Not sure yet" would let nearly everyone through; the denial only repeats that the one answer
    is not the other, so the answer alone is the test."""
    chosen = {
        g[0].question: set(g[0].codes)
        for g in groups
        if len(g) == 1 and not g[0].negate and g[0].op is None and g[0].codes
    }
    kept = [
        g
        for g in groups
        if not (
            len(g) == 1
            and g[0].negate
            and g[0].op is None
            and g[0].question in chosen
            and g[0].question in questions
            and questions[g[0].question].type not in _CHOICE_MULTI
            and not set(g[0].codes) & chosen[g[0].question]
        )
    ]
    return kept or groups


def render(groups: list[list[Atom]], questions: dict[str, Question]) -> str:
    """OR-of-AND groups as one expression, parenthesised where needed."""
    groups = _denial_said_too(groups, questions)
    rendered: list[str] = []
    for group in groups:
        parts = [render_atom(atom, questions[atom.question]) for atom in group]
        if len(parts) > 1:
            parts = [f"({p})" if " or " in p and not p.startswith("not (") else p for p in parts]
            rendered.append(" and ".join(parts))
        else:
            rendered.append(parts[0])
    if len(rendered) > 1:
        rendered = [f"({r})" if " and " in r and not r.startswith("(") else r for r in rendered]
    return " or ".join(rendered)


def referenced_codes(groups: list[list[Atom]]) -> list[tuple[str, str]]:
    """Every (question, code) the condition names, to check against the question's options."""
    return [(a.question, c) for g in groups for a in g if a.op is None for c in a.codes]
