"""Follow-up questions that open with the answer they follow ("If yes, what is the best email
address…?" under "May we contact you?"): shown to those who gave that answer to the question
right before, as a survey programmer reads them. The words stay in the question's text.

Any other opening condition ("If you keep chickens or bees, have you…?", "If it was fairly
or very hard, how long…?", "If you rated us 6 or lower, what…?") is the question's filter
too, read by the logic pass against the nearest earlier question that offers the answer it
names; one the rules cannot read is left out quietly (it may be no filter at all).
"""

from __future__ import annotations

import re

from fielder.compiler.build import Built, Pending

# a checklist's one-letter answers too ("If N, describe: ____" under "Y / N / N/A")
_YES_WORDS = r"yes|so|ja|oui|s[íi]|s[ìi]|sim|y"
_NO_WORDS = r"no|not|nee|nein|non|n[ãa]o|n"
_FOLLOW_UP_RE = re.compile(
    rf"^\s*(?:if|zo|indien|als|falls|wenn|si|se|en\s+caso)\s+(?P<word>{_YES_WORDS}|{_NO_WORDS}|"
    r"afirmativo|negativo)\s*[,:–—-]",
    re.I,
)
_YES_LABEL_RE = re.compile(rf"^(?:{_YES_WORDS}|yes\b.*)[.!]?$", re.I)
_NO_LABEL_RE = re.compile(rf"^(?:{_NO_WORDS}|no\b.*)[.!]?$", re.I)


# "If <condition>, <the ask>": the ask starts with a question word, a request or "you can"
_OPENING_IF_RE = re.compile(
    r"^\s*if\s+(?P<cond>[^?]{2,160}?),\s+(?=(?:would|what|how|which|why|when|where|who|do|does|"
    r"did|have|has|is|are|was|were|will|could|can|shall|should|please|you\s+can|tell|give|"
    r"write)\b)",
    re.I,
)


# a counterfactual ("If the bus had not been running, how would you …?") supposes; it filters no one
_SUPPOSED_RE = re.compile(
    r"\bhad(?:\s+not|n['’]t)?\s+been\b|\bhad\s+not\b|\bhadn['’]t\b|\bwere\s+to\b|"
    # "If we asked you, how open would you be …?": what the asker might do, supposed
    r"^\s*we\b",
    re.I,
)


# "If Oatfield Crunch changed its pack, would you …?": a thing (not the respondent) in the past
# tense, then "would you": what would happen, supposed, not whom the question is for
_THING_CHANGED_RE = re.compile(
    r"^(?!(?:you|your|they|their|he|she|we)\b)\S.*?\b[a-z]{3,}ed\b", re.I
)
# "voting in national elections were not compulsory": a thing, not a person, then "were" (the
# subjunctive of a world supposed; "you were born abroad" is a fact about the respondent)
_SUBJUNCTIVE_RE = re.compile(
    r"^(?!(?:you|your|they|their|he|she|we|i)\b)(?:[\w'’-]+\s+){1,8}were\b"
    r"(?!\s+(?:born|asked)\b)",
    re.I,
)
_WOULD_RE = re.compile(r"^(?:would|could|might)\s+you\b", re.I)
# "If the branch rejects the offer, would you …?": a named other party acting, in the present
_OTHER_ACTS_RE = re.compile(
    r"^(?:the|a|an|our|your|this|that|its)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z]{2,}(?:s|es)\s+\S", re.I
)


def _supposed(cond: str, ask: str) -> bool:
    """True for an opening that only supposes (a counterfactual, or a thing changed with
    "would you" after it)."""
    if _SUPPOSED_RE.search(cond):
        return True
    if _SUBJUNCTIVE_RE.match(cond.strip()) and re.search(r"\bwould\b", ask, re.I):
        return True  # "If voting were not compulsory, how likely is it that you would vote?"
    thing = _THING_CHANGED_RE.match(cond.strip()) or _OTHER_ACTS_RE.match(cond.strip())
    return bool(thing and _WOULD_RE.match(ask.strip()))


def _paired_follow_up(previous: Built, earlier: Built | None, yes: bool) -> Built | None:
    """ "If yes, how many …?" then "If no, would you …?": the second of the pair follows the
    question the first follows (the one before it), when the first opened with the other word
    and was read as that question's follow-up."""
    opened = _FOLLOW_UP_RE.match(previous.question.text)
    if opened is None or earlier is None or previous.question.options:
        return None
    if (re.fullmatch(_YES_WORDS, opened["word"], re.I) is not None) == yes:
        return None
    source = opened.group(0).strip()
    if not any(p.source == source and p.default == earlier.question.id for p in previous.pending):
        return None
    return earlier


def follow_up(built: Built, previous: Built | None, earlier: Built | None = None) -> None:
    """Add the filter a follow-up's opening words give it ("If yes, …" → previous = its Yes
    code), when the question before has exactly one such answer and nothing else filters it."""
    question = built.question
    match = _FOLLOW_UP_RE.match(question.text)
    if match is None and previous is not None and not question.display_if:
        opening = _OPENING_IF_RE.match(question.text)
        if opening is not None and not _supposed(opening["cond"], question.text[opening.end() :]):
            before = previous.question.id
            cond = opening["cond"].strip()
            built.pending.append(
                Pending("display_if", cond, before, source=opening[0].strip(), quiet=True)
            )
        return
    if match is None or previous is None or question.display_if:
        return
    if any(p.kind in ("display_if", "ask_target") for p in built.pending):
        return
    word = match["word"].lower()
    yes = re.fullmatch(_YES_WORDS, word, re.I) is not None or word == "afirmativo"
    wanted = _YES_LABEL_RE if yes else _NO_LABEL_RE
    paired = _paired_follow_up(previous, earlier, yes)
    previous = paired or previous
    codes = [o.code for o in previous.question.options if wanted.match(o.label.strip())]
    if len(codes) != 1:
        return
    before = previous.question.id
    built.pending.append(
        Pending("display_if", f"{before} = {codes[0]}", before, source=match.group(0).strip())
    )
