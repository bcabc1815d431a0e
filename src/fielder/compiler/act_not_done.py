"""A multi's answer that denies the act the question asks about: "I don't travel along here".

Under "How do you usually travel along the high street? (tick all that apply)", the answer
"I don't travel along the high street" says no to the whole question: nobody ticks it with a
way of travelling. The evidence is the document's own: the answer's verb, in the first person
and denied, is the question's verb. Such an answer, last in the list (only "don't know" kinds
after it), is exclusive.
"""

from __future__ import annotations

import re

# "I don't travel …", "I do not drive", "I never visit …", "We don't use …"
_DENIED_ACT_RE = re.compile(
    r"^(?:i|we)\s+(?:do\s+not|don['’]?t|never|did\s+not|didn['’]?t|have\s+not|haven['’]?t)\s+"
    r"(?:usually\s+|ever\s+)?(?P<verb>[a-z]{3,})\b",
    re.I,
)
_AUX = frozenset("have has had get got make made know think feel want need".split())


def _stem(word: str) -> str:
    word = word.lower()
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def denies_the_act(label: str, question_text: str) -> bool:
    """True when the answer denies, in the first person, the verb the question asks about."""
    found = _DENIED_ACT_RE.match(label.strip())
    if found is None or found["verb"].lower() in _AUX:
        return False
    stem = _stem(found["verb"])
    words = {_stem(w) for w in re.findall(r"[a-z]+", question_text.lower())}
    return stem in words
