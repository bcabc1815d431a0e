"""Conditions written to the respondent in their own words: "If you hardly ever or never come",
"Only answer this if you come to the 10am Parish Eucharist", "If it was fairly or very hard",
"If you are on the roll", "If they are under 12".

Self-completion forms name the answer that routes by describing it, not by its code or exact
label, and name no question: the answer belongs to the nearest earlier question that offers
it. Words are compared loosely (case, "I"/"you", "isn't"/"not", simple endings folded), and
the question's own words are context, not a choice ("come" in "How often do you come?").

A clause matches a question's answers when (nearest question first):

- answers' words all stand in the clause ("If you keep chickens or bees" → Chickens, Bees;
  "fairly or very dissatisfied" → both dissatisfied answers, not "Very satisfied");
- or the clause's own words all stand in answers ("if you come to the 10am Parish Eucharist"
  → "Sunday 10am Parish Eucharist", "one of the 'Yes' answers" → every "Yes, …");
- or it only restates a yes/no question ("If you are on the roll" under "Are you on the
  church electoral roll?" → Yes; "If you don't know who…" under "Do you know who…?" → No);
- or it compares a number ("6 or lower" on a 0–10 scale, "under 12" on an age) — words the
  number question itself asks about ("How many of them are under 18?") are no test.

An answer said "to" what a question asks about ("they said Yes to the hardship fund OR Yes to
the welfare officer's details") names the nearest earlier question whose words hold all of the
topic's, and its answer that the words start (`topic_answers`: "Yes" → "Yes please").

A negation must agree ("If you weren't happy" is "Not happy", never "Happy"); "did not tick X"
denies the answer. A clause no question's answers explain gives None: the caller then reads
the words its own way, or leaves them.
"""

from __future__ import annotations

import re

from fielder.ir.models import Question

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_STOP = frozenset(
    """a an the to of for at in on by with from about as into and or but if so than then that
    this these those there here is are was were be been being am do does did done have has had
    having will would shall should can could may might must i me my mine we us our ours you
    your yours they them their he she his her it its who whom which what when where how one
    ones any some please just also all""".split()
)
# words that say how the answer was given, not which one it was
_GENERIC = frozenset(
    """tick ticked ticks choose chose chosen picked pick select selected marked mark circled
    said say answered answer answers either box boxes option options above below question
    reply replied put""".split()
)
_NEGATIONS = frozenset({"not", "neither", "nor"})
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12,
}  # fmt: skip
_N = r"(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
# a number compared in words: "under 12", "6 or lower", "at least a year", "less than two"
_COMPARISONS = (
    (re.compile(rf"\b(?:under|below|less\s+than|fewer\s+than|younger\s+than)\s+{_N}\b"), "<"),
    (re.compile(rf"\b(?:over|above|more\s+than|older\s+than)\s+{_N}\b"), ">"),
    (re.compile(rf"\bat\s+least\s+{_N}\b"), ">="),
    (re.compile(rf"\b(?:at\s+most|no\s+more\s+than)\s+{_N}\b"), "<="),
    (re.compile(rf"\b{_N}\s+(?:or|and)\s+(?:under|below|less|lower|fewer|younger)\b"), "<="),
    (re.compile(rf"\b{_N}\s+(?:or|and)\s+(?:over|above|more|higher|older)\b"), ">="),
)
# "did not pick the swap rail": the answer denied, not an answer with "not" in it
_DENIED_RE = re.compile(
    r"\b(?:did|do|does|have|has)\s+not\s+(?=(?:tick|pick|choose|select|mark|say|answer|circle)\w*\b)"
)
# the person the condition is about, before what they did
_SUBJECT_RE = re.compile(
    r"^(?:(?:you|your|they|their|it|there|he|she|we|i|the\s+\w+|residents|people|those|"
    r"anyone|parents|members)\b)",
)
# a yes/no ask, also after its own opening condition ("If you are 80 or over, would you …?")
_YES_NO_RE = re.compile(
    r"(?:^|[,.:;?]\s+)(?:do|does|did|are|is|was|were|have|has|had|would|will|can|could|should)"
    r"\s+(?!\w+\s+or\s)",
    re.I,
)
# "(see question 3)": the question the words speak of, named for the reader
_SEE_RE = re.compile(r"\(\s*(?:see|as\s+at|at)\s+(?:question\s+|q)(?P<n>\d{1,3}[a-z]?)\s*\)", re.I)


def folded(text: str) -> str:
    """Lower case, quotes and dashes folded, contractions opened ("isn't" → "is not")."""
    text = text.translate(_FOLD).lower()
    text = re.sub(r"n't\b", " not", text)
    return re.sub(r"'(?:s|d|ll|re|ve|m)\b", " ", text)


def _stem(word: str) -> str:
    if word.isdigit():
        return word
    for suffix in ("ingly", "edly", "ing", "ed", "ly", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def words_of(text: str) -> set[str]:
    """The words that carry meaning, folded and stemmed."""
    found = re.findall(r"[a-z0-9£]+", folded(text))
    # "No" as an answer and "not" in a sentence deny alike
    return {"not" if w == "no" else _stem(w) for w in found if w not in _STOP | _GENERIC}


def respondent_words(text: str) -> bool:
    """True when a condition is about the person answering, in words ("you …", "your child …")."""
    text = folded(text).strip(" .,:;('\"")
    named = re.search(r"\b[a-z]{1,4}\d{1,3}\b|\bquestion\s+\d", text)
    return bool(_SUBJECT_RE.match(text)) and not named


def see_question(text: str, questions: dict[str, Question]) -> tuple[str | None, str]:
    """The question a "(see question 3)" names, and the words without the brackets."""
    match = _SEE_RE.search(text)
    if match is None:
        return None, text
    rest = text[: match.start()] + text[match.end() :]
    for qid in (f"Q{match['n']}", match["n"]):
        if qid in questions:
            return qid, rest
    return None, text


_AGED_RE = re.compile(r"\baged\b|\byears?\s+old\b|\byour\s+age\b")
_AGE_ASKED_RE = re.compile(r"\bhow\s+old\b|\byour\s+age\b|^age\b", re.I)


def _asks_age(question: Question) -> bool:
    return question.type == "number" and bool(_AGE_ASKED_RE.search(question.text or ""))


def worded_test(
    clause: str, questions: dict[str, Question], before: str | None, only: str | None = None
) -> tuple[str, list[str], bool, tuple[str, float] | None] | None:
    """(question, codes, denied, comparison) for one clause in the respondent's words, or None.

    The comparison is (op, number) for a number question (codes then empty)."""
    ids = list(questions)
    if only is not None:
        candidates = [only]
    elif before in questions:
        candidates = list(reversed(ids[: ids.index(before) + 1]))[:12]
    else:
        return None
    text = folded(clause)
    if only is None and _AGED_RE.search(text):
        # "if you are aged 70 or over": the age question asked earlier, however far back
        earlier = ids[: ids.index(before) + 1] if before in ids else []
        asked = [q for q in reversed(earlier) if _asks_age(questions[q])]
        candidates = asked[:1] + [q for q in candidates if q not in asked[:1]]
    denied = bool(_DENIED_RE.search(text))
    text = _DENIED_RE.sub(" ", text)
    for index, qid in enumerate(candidates):
        found = _test_one(text, questions[qid], denied)
        if found is None:
            continue
        if found[2] and any(_test_one(text, questions[q], denied) for q in candidates[index + 1 :]):
            return None  # "If you did subscribe" after three "Would you subscribe?": which one?
        return qid, found[0], denied, found[1]
    nearest = questions[candidates[0]] if candidates else None
    if nearest is None or not nearest.options or re.search(r"\d", text):
        return None
    closest = _closest_label(text, nearest)
    if closest:
        return nearest.id, closest, denied, None
    if only is None and before in questions:
        farther = list(reversed(ids[: ids.index(before) + 1]))[len(candidates) :]
        far = _far_label(text, questions, farther)
        if far:
            return far[0], [far[1]], far[2], None
    return None


def _far_label(
    text: str, questions: dict[str, Question], ids: list[str]
) -> tuple[str, str, bool] | None:
    """ "If you are NOT travelling for work today" a page after "Travelling for work (business)":
    one answer's whole label (two words or more, its bracketed gloss aside) in the clause names
    that answer however far back, when no other question's answer is so named; "not" right
    before it denies it."""
    phrase = " " + " ".join(re.findall(r"[a-z0-9£]+", text)) + " "
    found: list[tuple[str, str, bool]] = []
    for qid in ids:
        for option in questions[qid].options:
            bare = folded(re.sub(r"\([^)]*\)", " ", option.label))
            core = " ".join(re.findall(r"[a-z0-9£]+", bare))
            if len([w for w in core.split() if w not in ("a", "an", "the")]) < 2:
                continue
            if f" {core} " in phrase:
                found.append((qid, option.code, f" not {core} " in phrase))
    return found[0] if len(found) == 1 else None


def _test_one(
    text: str, question: Question, denied: bool
) -> tuple[list[str], tuple[str, float] | None, bool] | None:
    """(codes, comparison, whether the words only restate a yes/no question) or None."""
    own = words_of(question.text)
    comparison = _comparison(text, question)
    if question.type == "number":
        return ([], comparison, False) if comparison else None
    if not question.options:
        return None
    if comparison and _numbered_points(question):
        op, value = comparison
        tests = {
            "<": lambda n: n < value,
            ">": lambda n: n > value,
            "<=": lambda n: n <= value,
            ">=": lambda n: n >= value,
        }
        inside = [o.code for o in question.options if tests[op](int(o.code))]
        return (inside, None, False) if inside else None
    scores = re.findall(r"\b\d{1,3}\b", text)
    span = re.search(r"\b(\d{1,3})\s*(?:TO|-|–)\s*(\d{1,3})\b", text, re.I)
    if span and len(scores) == 2 and _numbered_points(question):
        # "If you gave a score of 0 to 5": every point from one to the other
        low, high = int(span[1]), int(span[2])
        inside = [o.code for o in question.options if low <= int(o.code) <= high]
        return (inside, None, False) if low < high and inside else None
    if scores and _numbered_points(question):
        # "If you gave us a 9 or 10": the points named are the codes
        codes = [o.code for o in question.options if o.code in scores]
        return (codes, None, False) if len(codes) == len(scores) else None
    codes = _labels_named(text, question, own, compared=comparison is not None)
    if codes:
        return codes, None, False
    restated = _restated(text, question, own)
    return (restated, None, True) if restated else None


def _numbered_points(question: Question) -> bool:
    """A row of numbered points ("0 … 10" with words at the ends): its codes are its scores."""
    numbered = [o for o in question.options if re.fullmatch(r"-?\d+", o.code)]
    plain = [o for o in numbered if o.label.strip() == o.code]
    return len(numbered) == len(question.options) and len(plain) * 2 > len(numbered)


def _comparison(text: str, question: Question) -> tuple[str, float] | None:
    """The first number compared in the clause that the question itself does not ask about
    ("at least one person under 18" under "How many of them are under 18?" → >= 1)."""
    asked = folded(question.text)
    found: list[tuple[int, str, float]] = []
    for pattern, op in _COMPARISONS:
        for match in pattern.finditer(text):
            if match[0] in asked:
                continue
            raw = match[1]
            number = float(raw) if raw.isdigit() else float(NUMBER_WORDS[raw])
            found.append((match.start(), op, number))
    if not found:
        return None
    _, op, number = min(found)
    return op, number


def _alternatives(text: str) -> list[set[str]]:
    """The clause's alternatives ("hardly ever or never come" → two), quoted words kept whole."""
    quoted = re.findall(r"'([^']{2,80})'(?!\w)", text)
    masked = re.sub(
        r"'[^']{2,80}'(?!\w)", lambda m: m[0].replace(",", " ").replace(" or ", " "), text
    )
    parts = re.split(r"\s*,\s*|\s+or\s+", masked)
    return [words_of(p) for p in parts if words_of(p)] or ([words_of(text)] if quoted else [])


def _core(label: str) -> str:
    """An answer's words before a gloss: "Possibly – I'd like to know more" → "Possibly"."""
    return re.split(r"\s[-–—]\s|\(", label.translate(_FOLD))[0]


def _negative(words: set[str]) -> bool:
    return bool(words & _NEGATIONS)


def _labels_named(text: str, question: Question, own: set[str], compared: bool) -> list[str]:
    """The codes of the answers the clause names (see the module's note)."""
    clause = words_of(text)
    alternatives = _alternatives(text)
    whole: dict[str, set[str]] = {}
    for option in question.options:
        core = words_of(_core(option.label))
        if not core or (compared and re.fullmatch(r"\s*-?\d+\s*", option.label)):
            continue
        agree = any(_negative(a) == _negative(core) for a in alternatives if a & core)
        if core <= clause and agree:
            whole[option.code] = core
    # the answer that says the most: "Not happy" over "Happy"
    named = {
        code: core
        for code, core in whole.items()
        if not any(core < other for other in whole.values())
    }
    covered = set().union(*named.values()) if named else set()
    explained = set(covered)
    unexplained: set[str] = set()
    found = list(named)
    for alternative in alternatives:
        rest = alternative - own - covered
        if not rest:
            continue
        # "'did not meet' above" under "… meet your expectations?": a denial alone names
        # the answer that denies the question's own words ("It did not meet …")
        context = alternative & own if rest <= _NEGATIONS else set()
        inside = [
            o.code
            for o in question.options
            if rest <= words_of(o.label)
            and (not context or context & words_of(o.label))
            and (context or not rest <= _NEGATIONS)
            and _negative(alternative) == _negative(words_of(o.label))
            and o.code not in found
        ]
        if inside:
            found.extend(inside)
            explained |= rest
        else:
            unexplained |= rest - _NEGATIONS
    if not found or len(unexplained) > len(explained):
        return []
    order = [o.code for o in question.options]
    return sorted(set(found), key=order.index)


# a question's own condition inside its ask: "… could talk to if you were worried about it?"
_OWN_IF_RE = re.compile(r"\b(?:if|when|whenever)\s+[^?,.;:]*", re.I)


def _restated(text: str, question: Question, own: set[str]) -> list[str]:
    """A yes/no question said back ("If you are on the roll"): its Yes answers, or its No
    answers when the words deny it ("If you don't know who…")."""
    clause = words_of(text)
    if not _YES_NO_RE.search(question.text) or not clause - _NEGATIONS:
        return []
    if clause - own - _NEGATIONS:
        return []
    # ("Is there an adult you could talk to if you were worried about something?": a Yes
    # says nothing of the question's own "if …", so words only found there are not said back)
    if clause - words_of(_OWN_IF_RE.sub(" ", question.text)) - _NEGATIONS:
        return []
    wanted = "no" if _negative(clause) else "yes"
    return [o.code for o in question.options if re.match(rf"{wanted}\b", folded(o.label))]


# wishes and knowing say what the person wants, never which answer they gave
_WEAK = frozenset("lik want wish interest hear know tell get need more".split())


def _closest_label(text: str, question: Question) -> list[str]:
    """The one answer of the question right before that holds all but one of the clause's own
    words ("If you'd like updates by email" → "Yes, by email"), when exactly one does best."""
    clause = words_of(text) - words_of(question.text) - _WEAK
    scores = {
        o.code: len(clause & (words_of(o.label) - _NEGATIONS))
        for o in question.options
        if _negative(clause) == _negative(words_of(o.label))
    }
    best = max(scores.values(), default=0)
    winners = [code for code, score in scores.items() if score == best]
    if best < 1 or len(winners) != 1 or len(clause - _NEGATIONS) - best > 1:
        return []
    return winners


# "they said Yes to the hardship fund": an answer, then what the question asked about
_TOPIC_ANSWER_RE = re.compile(
    r"^(?:(?:they|you|he|she)\s+(?:said|answered|picked|chose|ticked|selected)\s+)?"
    r"(?P<answer>[a-z][a-z ]{0,30}?)\s+to\s+(?:the\s+|our\s+|their\s+|your\s+)?"
    r"(?P<topic>[a-z][a-z ]{2,40}?)\s*$"
)
_JOIN_RE = re.compile(r"\s+(or|and)\s+", re.I)


def topic_answers(text: str, questions: dict[str, Question], before: str | None) -> str:
    """ "they said Yes to the hardship fund OR Yes to the welfare officer's details" →
    "Q14 = 'Yes please' OR Q20 = 'Yes'": each answer at the nearest earlier question about its
    topic; the text unchanged unless every clause is read so."""
    ids = list(questions)
    if before not in questions:
        return text
    earlier = list(reversed(ids[: ids.index(before) + 1]))
    pieces = _JOIN_RE.split(folded(text).strip(" .()"))
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(piece.upper())
            continue
        match = _TOPIC_ANSWER_RE.match(piece.strip())
        if match is None:
            return text
        topic = words_of(match["topic"])
        answer = match["answer"].strip()
        found = None
        for qid in earlier:
            question = questions[qid]
            if not topic or not topic <= words_of(question.text):
                continue
            labels = [
                o.label
                for o in question.options
                if re.match(rf"{re.escape(answer)}\b", folded(o.label).strip())
            ]
            found = (qid, labels[0]) if len(labels) == 1 else None
            break
        if found is None:
            return text
        out.append(f"{found[0]} = '{found[1]}'")
    return " ".join(out) if len(out) > 1 else text
