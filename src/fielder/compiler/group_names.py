"""A group of respondents named only by the answer that puts them in it.

Questionnaires often say whom a part is for by a name made from an earlier answer, with no
question or code written: a heading "Leaseholders only" over questions asked of those who
answered "Leaseholder (you own the lease)" at the tenure question, a note "Part-exchange
customers only" after a question offering "Part-exchange", a filter cell "Trade-in only
clients", or "Occasional visitors from another site, please skip to Q6" after a question
offering "I visit occasionally from another site".

The name is read against the answers of the questions before: an answer names the group when
its words (its bracketed gloss, pronouns and small words aside) and the group's words are the
same up to plurals and endings ("visitors" / "visit", "occasional" / "occasionally"), the group
adding at most one word for the people ("customers", "clients"). Exactly one answer of the
nearest question that has one must match; anything else is no group (the caller flags it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.conditions import Atom
    from fielder.ir import Question

# the marker parse and scoped_notes put before a group's name in an `ASK IF`
GROUP_MARK = "GROUP:"

# "Leaseholders only", "For shared owners only", "Part-exchange customers only."
_GROUP_ONLY_RE = re.compile(
    r"^\W*(?:FOR\s+)?(?P<group>[^\W\d][\w'’ -]{2,50}?)\s+ONLY"
    # ("Crime providers only (P2)": the question whose answers name the group)
    r"(?:\s*\((?P<ref>[^()=<>]{1,60})\))?\s*[.:]?\s*$",
    re.I,
)
_SMALL = {
    "i", "im", "am", "a", "an", "the", "we", "you", "my", "our", "your", "their", "of", "from",
    "to", "in", "on", "at", "for", "and", "or", "with", "is", "are", "it", "me", "us", "one",
    "only", "those", "who", "people", "respondents",
}  # fmt: skip
# words that say how to answer, not who answers ("SINGLE CODE ONLY", "NUMBERS ONLY")
_INSTRUCTION_WORDS = {
    "code", "codes", "answer", "answers", "response", "responses", "number", "numbers", "digits",
    "box", "boxes", "mention", "mentions", "words", "letters", "option", "options", "tick", "ticks",
    "interviewer", "interviewers", "programmer", "use", "internal", "office", "staff",
    # "Read the end points only", "Show the labels only": how a scale is read out, not to whom
    "read", "show", "points", "labels", "ends",
}  # fmt: skip
_ONLY_FOR_FIRST_RE = re.compile(r"^\W*ONLY\s+FOR\s+(?P<group>[^\W\d][\w'’ -]{2,50}?)\s*\.?$", re.I)
_NOT_GROUP_RE = re.compile(r"^\s*NOT\s*\((?P<inner>.+)\)\s*$", re.I)


def group_only(text: str) -> str:
    """The group a line names with ONLY and nothing else ("Leaseholders only" → "Leaseholders"),
    "" for any other line (one with a digit or a sign is a test, not a name)."""
    # ("ONLY FOR TIDE OR HARBOUR MEMBERS": ONLY said first, the same group)
    text = _ONLY_FOR_FIRST_RE.sub(r"\g<group> only", text.strip())
    match = _GROUP_ONLY_RE.match(text)
    if match is None or re.search(r"[\d=<>]", match["group"]):
        return ""
    if match["ref"] and not _REF_END_RE.search(match["ref"]):
        return ""
    words = _words(match["group"])
    if not words or len(words) > 6 or set(words) & _INSTRUCTION_WORDS:
        return ""
    if (not re.search(r"[a-z]s$", words[-1]) or words[-1].endswith("ss")) and not _WHO_RE.search(
        match["group"]
    ):
        return ""  # (people in the plural: "DISPLAY ONLY", "ENGLISH ONLY" say how, not who)
    if match["ref"]:
        return f"{match['group'].strip()} ({match['ref'].strip()})"
    return match["group"].strip()


# people in the plural, then what they did: "Self-employed jurors who did not claim"
_WHO_RE = re.compile(r"[a-z]{3}(?<!s)s\s+(?:WHO|THAT)\s+\w", re.I)
# an answer's shorthand, not a group: "If none, skip to Q9", "If not, go to Q4"
_SHORTHAND = {
    "yes", "no", "none", "not", "never", "other", "others", "so", "any", "all", "else",
    "otherwise", "applicable", "correct", "true", "false", "dk", "don", "t", "know", "zero",
    "nothing", "neither", "both", "either", "more", "less", "than", "same",
}  # fmt: skip


_ANSWER_NAMED_RE = re.compile(
    r"(?<!\w)['‘’\"“”]|['‘’\"“”](?!\w)|\b(?:ANSWERED|TICKED|SAID|CHOSE|CHOSEN|SELECTED|PICKED|"
    r"MARKED|CIRCLED|CODED|CODES?|BOX(?:ES)?)\b",
    re.I,
)


def names_group(text: str) -> bool:
    """True when words could name a group of people ("Occasional visitors from another site",
    "you don't use the API"), not an answer's shorthand ("none", "not", "yes")."""
    if _ANSWER_NAMED_RE.search(text):
        return False  # ("If you answered 'No'": an answer named, read by the skip readers)
    said = _YOU_VERB_RE.match(text)
    words = _words(text[said.end() :] if said else text, glossed=True)
    content = [w for w in words if w not in _SHORTHAND]
    long = [w for w in content if len(w) >= 4]  # ("NON OR NSP": codes' shorthand)
    return bool(long) and sum(len(w) for w in content) >= 5 and len(words) <= 8


def names_answer(text: str, labels: list[str]) -> bool:
    """True when the group's name holds the words of one of these answers (read as written:
    a box or code before the words is left out)."""
    said = _YOU_VERB_RE.match(text)
    # (the verb kept too: "you don't have any savings" over "I don't have any savings")
    groups = [_words(text, glossed=True), _words(text[said.end() :] if said else text, True)]
    bare = [re.sub(r"^\W*(?:\(?\d{1,3}[).]?\s+)?", "", label) for label in labels]
    return any(_inside(group, label) for group in groups for label in bare)


def _words(text: str, glossed: bool = False) -> list[str]:
    if not glossed:
        text = re.sub(r"\([^()]*\)", " ", text)
    return [w for w in re.findall(r"[a-z]+", text.lower().replace("’", "'")) if w not in _SMALL]


def _same(a: str, b: str) -> bool:
    """The same word up to a plural or an ending ("owners" / "owner", "visitors" / "visit")."""
    a, b = a.removesuffix("s"), b.removesuffix("s")
    if a == b:
        return True
    # ("campers" / "camping", "walkers" / "walking": the people named by what they do)
    doer, doing = (a, b) if a.endswith("er") else (b, a)
    if doer.endswith("er") and doing.endswith("ing") and len(doer) >= 6:
        stem = doer[:-2]
        if doing[:-3] in (stem, stem + stem[-1:]):
            return True
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def _stem(word: str) -> str:
    """A word with its plural and one ending of a doer or a tense left off ("drivers",
    "driving", "drive" → "driv"; "owner", "owned" → "own"; "users", "use" → "us")."""
    word = word.removesuffix("s") if len(word) > 3 and not word.endswith("ss") else word
    for ending in ("ing", "er", "ed", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def _kin(a: str, b: str) -> bool:
    """The same word up to a plural, a doer's or a tense's ending ("smokers" / "smoke")."""
    return _same(a, b) or (min(len(a), len(b)) >= 3 and _stem(a) == _stem(b))


def _inside(group: list[str], label: str) -> list[str] | None:
    """The label's words when every one of them is in the group's name (None otherwise)."""
    # ("No, I am self-employed and did not claim": the detail after a Yes / No names it)
    words = _words(_LEAD_RE.sub("", label))
    if not words or sum(len(w) for w in words) < 4 or words == ["none"]:
        return None  # ("Yes", "No": too thin to name a group; "Tide" for a tier names one)
    if all(any(_same(w, g) for g in group) for w in words):
        return words
    # ("Headteacher or executive headteacher": one of the label's own alternatives will do)
    for part in re.split(r"\s+or\s+", _LEAD_RE.sub("", label), flags=re.I)[:2]:
        alone = _words(part)
        if part != label and alone and sum(len(w) for w in alone) >= 4:
            if all(any(_same(w, g) for g in group) for w in alone):
                return alone
    return None


def _extra(group: list[str], words: list[str]) -> bool:
    """True when the group's name says no more than the answers' words, but for one word for
    the people, in the plural ("customers", "clients")."""
    extra = [g for g in group if not any(_same(g, w) for w in words)]
    return not extra or (len(extra) == 1 and extra[0].endswith("s") and len(extra[0]) >= 4)


# "you don't use the API (REST or GraphQL)": the respondent and a verb before the group's name
_YOU_VERB_RE = re.compile(
    # ("those who don't own a car", "anyone who didn't use the app": the people, then the verb)
    r"^\s*(?:IF\s+)?(?:YOU|THEY|(?:THOSE|PEOPLE|ANYONE|EVERYONE|RESPONDENTS)\s+WHO)\s+(?:(?P<neg>DO\s+NOT|DON'T|DON’T|DID\s+NOT|DIDN'T|DIDN’T|NEVER)\s+)?"
    r"(?:USE|HAVE|OWN|ARE|WERE)\s+",
    re.I,
)


def group_answer(
    text: str, questions: dict[str, Question], default: str | None
) -> list[list[Atom]] | None:
    """The test a group's name stands for (`GROUP: Leaseholders`, optionally inside `NOT (…)`,
    or a bare name such as "Tenant find only clients"): the answer of the nearest question up
    to `default` whose words name the group, as an atom; None when no single answer does."""
    from fielder.compiler.conditions import (
        Atom,
    )  # (conditions reads instructions, which reads this)

    negate = False
    denied = _NOT_GROUP_RE.match(text)
    if denied:
        negate, text = True, denied["inner"]
    text = text.strip()
    if text.upper().startswith(GROUP_MARK):
        text = text[len(GROUP_MARK) :]
    text = _ASK_IF_RE.sub("", text)
    named = named_answers(text, questions, default)
    if named is not None:
        qid, codes = named
        return [[Atom(qid, codes, negate=negate)]]
    if re.search(r"\d", text) and default in questions and not re.search(r"[=<>]", text):
        counted = _counted_group(text, questions, default) or _numbered_label(
            text, questions, default
        )
        if counted is not None:
            counted.negate ^= negate
            return [[counted]]
    if re.search(r"[\d=<>]", text) or default not in questions:
        return None
    said = _YOU_VERB_RE.match(text)
    if said:
        negate ^= bool(said["neg"])
        text = text[said.end() :]
    group = _words(re.sub(r"\bONLY\b", " ", text, flags=re.I), glossed=True)
    if not group or len(group) > 6 or set(group) & _INSTRUCTION_WORDS:
        return None
    ids = list(questions)
    for qid in reversed(ids[: ids.index(default) + 1]):
        inside = [(o.code, w) for o in questions[qid].options if (w := _inside(group, o.label))]
        if not inside:
            continue
        # one answer, or several that together make up the name ("the API (REST or GraphQL)";
        # people joined by AND are both groups: "senior leaders and headteachers")
        words = [w for _, ws in inside for w in ws]
        if (len(inside) == 1 or re.search(r"\b(?:OR|AND)\b", text, re.I)) and _extra(group, words):
            return [[Atom(qid, [code for code, _ in inside], negate=negate)]]
        one_by_one = _alternatives(text, questions[qid])
        return [[Atom(qid, one_by_one, negate=negate)]] if one_by_one else None
    for qid in reversed(ids[: ids.index(default) + 1]):
        asked = _asked_group(group, questions[qid])
        if asked is not None:
            return [[Atom(qid, [asked], negate=negate)]]
    for qid in reversed(ids[: ids.index(default) + 1]):
        within = _within(group, questions[qid])
        if within is None:
            within = _alternatives(text, questions[qid])
            if within is None:
                continue
            return [[Atom(qid, within, negate=negate)]]
        return [[Atom(qid, within, negate=negate)]] if len(within) == 1 else None
    return None


def _alternatives(text: str, question: Question) -> list[str] | None:
    """The codes of the answers a group names one by one ("Dog or cat owners", "wheat and
    barley growers" over "Winter wheat" / "Spring barley"): each alternative's words in one
    answer only, each answer named once; the word for the people after the last one aside."""
    parts = [p for p in re.split(r"\s*(?:,|/|\bOR\b|\bAND\b)\s*", text, flags=re.I) if p.strip()]
    if len(parts) < 2 or len(parts) > 4:
        return None
    options = [o for o in question.options or [] if not _DENIED_LABEL_RE.search(o.label)]
    codes: list[str] = []
    for index, part in enumerate(parts):
        words = _words(part)
        if index == len(parts) - 1 and len(words) > 1 and words[-1].endswith("s"):
            words = words[:-1]  # ("… or barley growers": whom, after the last answer)
        if not words or len(words) > 2 or sum(len(w) for w in words) < 3:
            return None
        found = [
            o.code for o in options if all(any(_same(w, g) for g in _words(o.label)) for w in words)
        ]
        if len(found) != 1 or found[0] in codes:
            return None
        codes.append(found[0])
    order = [o.code for o in question.options or []]
    return sorted(codes, key=order.index)


_DENIED_LABEL_RE = re.compile(r"\b(?:NOT|NO|NEVER|NONE)\b|N['’]T\b", re.I)


def _within(group: list[str], question: Question) -> list[str] | None:
    """The codes of the answers that hold the group's own words, its word for the people
    aside: "Admins" in "Workspace admin or owner", "SDK users" in "One of our SDKs",
    "Prepayment customers" in "Prepayment / pay as you go" (an answer that denies them
    aside); None where no answer has them."""
    core = group[:-1] if len(group) > 1 and group[-1].endswith("s") else group
    if not core or sum(len(w) for w in core) < 3 or len(core) > 3:
        return None
    if set(core) & (_SHORTHAND | {"everyone", "everybody", "anyone", "every"}):
        return None  # ("ALL RESPONDENTS", "Everyone else"): no group an answer names
    found = []
    for option in question.options or []:
        if _DENIED_LABEL_RE.search(option.label):
            continue
        words = _words(option.label)
        if all(any(_same(w, g) for w in words) for g in core):
            found.append(option.code)
    return found or None


# "Are you a member of …?", "Are you a carer?": a yes / no question asking whether one is one
# ("Is the business a member of …?", "Is your firm an exporter?": whom the question is about)
_ARE_YOU_RE = re.compile(
    r"^\W*(?:ARE\s+YOU|IS\s+ANYONE\s+IN\s+\w+\s+\w+|(?:IS|ARE)\s+(?:THE|YOUR)\s+[a-z]+)\s+"
    r"(?:CURRENTLY\s+|STILL\s+)?(?:AN?\s+)?(?P<noun>[a-z]+)\b",
    re.I,
)


_GLOSS_NOUN_RE = re.compile(r"\(\s*(?:an?\s+)?([a-z]+)\s*\)", re.I)


def _asked_group(group: list[str], question: Question) -> str | None:
    """The code of the answer that puts one in a group named by the question just before:
    "Members" / "Non-members" after "Are you a member of …?", "Smokers" / "Non-smokers" after
    "Do you smoke?", "Car owners" after "Do you own a car?" (Yes / No). None for any other."""
    denied = group[:1] == ["non"]
    rest = group[1:] if denied else group
    codes = {o.label.strip().lower(): o.code for o in question.options or []}
    if len(codes) > 3 or "yes" not in codes or "no" not in codes:
        return None
    if _does_group(rest, question.text or ""):
        return codes["no" if denied else "yes"]
    if len(rest) != 1:
        return None
    asked = _ARE_YOU_RE.match(question.text or "")
    nouns = [asked["noun"]] if asked else []
    if asked and asked.group(0).upper().lstrip().startswith("ARE YOU"):
        # ("Are you a Patron of the club (a member)?": the gloss names the group too)
        nouns += _GLOSS_NOUN_RE.findall(question.text or "")
    if not any(_same(n.lower(), rest[0]) for n in nouns) or len(rest[0]) < 4:
        return None
    return codes["no" if denied else "yes"]


# "Do you drive?", "Did you use the app …?", "Have you ever smoked?": a yes / no question on
# what one does, whose doers make a group ("drivers", "app users", "smokers")
_DO_YOU_RE = re.compile(
    r"^\W*(?:DO|DID|HAVE)\s+YOU\s+(?:EVER\s+|CURRENTLY\s+|STILL\s+|YOURSELF\s+)?(?P<verb>[a-z]+)\b",
    re.I,
)


def _does_group(group: list[str], text: str) -> bool:
    """True when a group's words are the doers of a yes / no question's verb and, at most, its
    other words ("Dog owners" for "Do you own a dog?")."""
    asked = _DO_YOU_RE.match(text)
    if asked is None or not group or len(group) > 3:
        return False
    verb = asked["verb"].lower()
    doer = group[-1]
    if len(doer) < 4 or not doer.endswith(("ers", "er")) or not _kin(doer, verb):
        return False  # (the people named by the verb's doer: "drivers", "owners", "users")
    rest = _words(text[asked.end() :])
    return all(any(_same(g, w) for w in rest) for g in group[:-1])


# "ASK IF WITNESSES ONLY": the filter's own words before the group's name
_ASK_IF_RE = re.compile(r"^\s*(?:ASK\s+)?(?:IF\s+)?(?=\S)(?!(?:YOU|THEY)\b)", re.I)
# the question a group's words name, closing them: "(P2)", "(… at S2)", "(the matter chosen at
# Q4)", "at question 5"
_NAMED_RE = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*[.:]?\s*$")
# (a bare number is a code, "Drinks only (5)": a question's number needs its word or letter)
_REF_END_RE = re.compile(
    r"(?:^|[\s,])(?:(?:AT|IN|FROM|TO)\s+)?(?:(?:QUESTION|Q\.?)\s*(?P<n>\d{1,3}[a-z]?)|"
    r"(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?))\s*$",
    re.I,
)
# words about the answer, not an answer's label: "the matter chosen at Q4", "your answer to"
_ANSWER_WORDS = {
    "answer", "answered", "chosen", "chose", "choice", "selected", "ticked", "given", "said",
    "matter", "option", "response", "code", "coded", "mentioned", "picked", "the", "your", "you",
}  # fmt: skip
_JOINERS = {"or", "and", "nor", "both", "either", "also", "as", "well", "plus"}
_LEAD_RE = re.compile(r"^\W*(?:YES|NO)\s*[,;–—-]\s*(?=\w)", re.I)
_LEAD_WORDS = {"i", "im", "am", "we", "are", "a", "an", "the", "my", "our", "m"}


def _ref_id(ref: str, questions: dict[str, Question]) -> str | None:
    keys = {qid.upper(): qid for qid in questions}
    ref = ref.upper()
    if ref in keys:
        return keys[ref]
    if ref.isdigit():
        return keys.get(f"Q{ref}")
    return None


def _tokens(text: str) -> list[str]:
    """Words in order, plurals folded ("crops" / "crop"), apostrophes kept inside."""
    words = re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.casefold().replace("’", "'"))
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def _label_tokens(label: str) -> list[str]:
    """An answer's words as they would be quoted: its box or code, a leading Yes/No and a
    first person ("I am a witness" → "witness") left out, its bracketed gloss kept apart."""
    label = re.sub(r"^\W*(?:\(?\d{1,3}[).]?\s+)?", "", label)
    label = _LEAD_RE.sub("", re.sub(r"\([^()]*\)", " ", label))
    words = _tokens(label)
    while words and words[0] in _LEAD_WORDS:
        words = words[1:]
    return words


def _find(words: list[str], part: list[str]) -> int:
    for start in range(len(words) - len(part) + 1):
        if words[start : start + len(part)] == part:
            return start
    return -1


def labels_in(text: str, options: list[tuple[str, str]]) -> list[str] | None:
    """The codes of the answers whose labels, written out in a row, make up these words ("Dairy,
    Beef and/or sheep, or Mixed arable and livestock", "Crime providers", "Housing and debt OR
    immigration and asylum providers"): each label's words found whole and in order, the words
    left over only joiners and at most one word for the people in the plural. None when any
    other word is left, a label is found twice or a span is claimed by two answers."""
    words = _tokens(text)
    if not words:
        return None
    taken = [False] * len(words)
    codes: list[str] = []
    labelled = sorted(
        ((code, _label_tokens(label)) for code, label in options), key=lambda x: -len(x[1])
    )
    for code, label in labelled:
        if not label or sum(len(w) for w in label) < 3:
            continue
        start = _find(words, label)
        if start < 0:
            continue
        if any(taken[start : start + len(label)]):
            continue  # (inside a longer answer already found)
        if _find(words[start + 1 :], label) >= 0:
            return None
        taken[start : start + len(label)] = [True] * len(label)
        codes.append(code)
    if not codes:
        return None
    left = [w for w, t in zip(words, taken, strict=True) if not t and w not in _JOINERS]
    if len(left) > 1 or (left and (len(left[0]) < 4 or not _plural_people(text, left[0]))):
        return None
    order = [code for code, _ in options]
    return sorted(codes, key=order.index)


def _plural_people(text: str, stem: str) -> bool:
    """The one word left is a plural noun as written ("providers", "farms", "clients")."""
    return bool(re.search(rf"\b{re.escape(stem)}e?s\b", text, re.I))


def named_answers(
    text: str, questions: dict[str, Question], default: str | None
) -> tuple[str, list[str]] | None:
    """A group whose words close by naming the question that sorts them ("Crime providers only
    (P2)", "ARABLE FARMS (Cereals and other arable crops, or Mixed arable and livestock, at
    S2)", "Personal injury clients only (the matter chosen at Q4)"): the question and the codes
    of the answers its words list, from the bracket's words first, else the name's. None unless
    the question is named, comes before and the words are all its answers."""
    match = _NAMED_RE.match(text.strip())
    if match is None:
        return None
    ref = _REF_END_RE.search(match["inner"])
    if ref is None:
        return None
    qid = _ref_id(ref["id"] or ref["n"], questions)
    ids = list(questions)
    if qid is None or (default in questions and ids.index(qid) > ids.index(default)):
        return None
    options = [(o.code, o.label) for o in questions[qid].options or []]
    if not options:
        return None
    inner = re.sub(r"[\s,]*\b(?:AT|IN|FROM|TO)\s*$", "", match["inner"][: ref.start()], flags=re.I)
    head = re.sub(r"\bONLY\b", " ", match["head"], flags=re.I)
    for words in (inner, head):
        if not _tokens(words) or set(_tokens(words)) <= _ANSWER_WORDS:
            continue
        codes = labels_in(words, options)
        if codes is not None:
            return qid, codes
        # (answers listed in the bracket that the question lacks are not guessed at)
        closest = _closest_answer(_words(words, glossed=True), options) if words is head else None
        return (qid, [closest]) if closest is not None else None
    return None


def _closest_answer(group: list[str], options: list[tuple[str, str]]) -> str | None:
    """The one answer of the named question whose words the group's name shares most ("Travel
    agent bookings" → "Through a travel agent", "guests travelling with children under 18" →
    "Children under 18"): at least two words shared, or all of a short label's; None on a tie."""
    scored: list[tuple[int, str]] = []
    for code, label in options:
        words = [w for w in _words(label) if len(w) >= 3]
        shared = sum(any(_same(w, g) for g in group) for w in words)
        if words and (shared >= 2 or (shared == len(words) and shared >= 1)):
            scored.append((shared, code))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def named_group(
    text: str, questions: dict[str, Question], default: str | None
) -> list[list[Atom]] | None:
    """`named_answers` as a test (a line's own words, "Crime providers only (P2)")."""
    from fielder.compiler.conditions import Atom

    named = named_answers(_ASK_IF_RE.sub("", text.strip()), questions, default)
    return [[Atom(named[0], named[1])]] if named else None


def named_only(text: str) -> bool:
    """True when a bracket only points at a question ("the matter chosen at Q4", "P2"): no code,
    no answer's words, just words about answering and the question."""
    ref = _REF_END_RE.search(text)
    if ref is None:
        return False
    rest = re.sub(r"[\s,]*\b(?:AT|IN|FROM|TO)\s*$", "", text[: ref.start()], flags=re.I)
    return set(_tokens(rest)) <= _ANSWER_WORDS


# a group bounded by a number: "residents of 2 years or more", "staff with over 10 reports",
# "members aged at least 65", "households of under 3 people" (the bound, then its sign)
_MORE = r"(?:MORE|OVER|LONGER|OLDER|ABOVE)"
_LESS = r"(?:LESS|FEWER|UNDER|YOUNGER|BELOW)"
_BOUND_RES = (
    (re.compile(rf"\b(?P<n>\d{{1,4}})\s*(?:[a-z]+\s+)?(?:(?:OR|AND)\s+{_MORE}|\+)", re.I), ">="),
    (re.compile(r"\bAT\s+LEAST\s+(?P<n>\d{1,4})\b", re.I), ">="),
    (re.compile(rf"\b(?:{_MORE}|(?:MORE|OLDER|LONGER)\s+THAN)\s+(?P<n>\d{{1,4}})\b", re.I), ">"),
    (re.compile(rf"\b(?P<n>\d{{1,4}})\s*(?:[a-z]+\s+)?OR\s+{_LESS}", re.I), "<="),
    (re.compile(rf"\b(?:{_LESS}|LESS\s+THAN|FEWER\s+THAN)\s+(?P<n>\d{{1,4}})\b", re.I), "<"),
)  # fmt: skip
# words too common to tie a group to a question ("who have lived here", "people with over 2")
_COMMON = {
    "have", "has", "had", "been", "here", "there", "more", "over", "less", "than", "under",
    "least", "older", "longer", "fewer", "above", "below", "younger", "with", "who", "that",
    "this", "these", "they", "them", "were", "was", "will", "would", "many", "much", "long",
    "how", "what", "when", "does", "did", "number", "about", "total",
}  # fmt: skip


def _counted_group(text: str, questions: dict[str, Question], default: str) -> Atom | None:
    """A group bounded by a number ("residents who have lived here 2 years or more") as a
    comparison on the nearest earlier number question that shares one of its words ("How
    long have you lived in the area?"); None unless exactly one bound is written."""
    from fielder.compiler.conditions import Atom

    bounds = [(m, op) for pattern, op in _BOUND_RES for m in pattern.finditer(text)]
    if len(bounds) != 1 or len(re.findall(r"\d+", text)) != 1:
        return None
    found, op = bounds[0]
    words = [
        w
        for w in _words(text[: found.start()] + " " + text[found.end() :], glossed=True)
        if len(w) >= 4 and w not in _COMMON
    ]
    people = words[:1] if words and words[0].endswith("s") else []
    words = [w for w in words if w not in people]
    if not words:
        return None
    ids = list(questions)
    for qid in reversed(ids[: ids.index(default) + 1]):
        question = questions[qid]
        if question.type != "number":
            continue
        asked = [w for w in _words(question.text or "") if len(w) >= 4 and w not in _COMMON]
        if any(_same(w, a) for w in words for a in asked):
            return Atom(qid, [], op=op, value=float(found["n"]))
    return None


def _numbered_label(text: str, questions: dict[str, Question], default: str) -> Atom | None:
    """A group named by an answer with a number in it ("Year 10 pupils" for "Year 10",
    "Band 3 staff"): the answer of the nearest earlier question whose labels make it up."""
    from fielder.compiler.conditions import Atom

    name = re.sub(r"\bONLY\b", " ", text, flags=re.I)
    ids = list(questions)
    for qid in reversed(ids[: ids.index(default) + 1]):
        options = [(o.code, o.label) for o in questions[qid].options or []]
        if not options:
            continue
        codes = labels_in(name, options)
        if codes is not None:
            return Atom(qid, codes) if len(codes) == 1 else None
    return None
