"""Follow-up questions that open with the answer they follow ("If yes, what is the best email
address…?" under "May we contact you?"): shown to those who gave that answer to the question
right before, as a survey programmer reads them. The words stay in the question's text.
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


def follow_up(built: Built, previous: Built | None) -> None:
    """Add the filter a follow-up's opening words give it ("If yes, …" → previous = its Yes
    code), when the question before has exactly one such answer and nothing else filters it."""
    question = built.question
    match = _FOLLOW_UP_RE.match(question.text)
    if match is None or previous is None or question.display_if:
        return
    if any(p.kind in ("display_if", "ask_target") for p in built.pending):
        return
    word = match["word"].lower()
    yes = re.fullmatch(_YES_WORDS, word, re.I) is not None or word == "afirmativo"
    wanted = _YES_LABEL_RE if yes else _NO_LABEL_RE
    codes = [o.code for o in previous.question.options if wanted.match(o.label.strip())]
    if len(codes) != 1:
        return
    before = previous.question.id
    built.pending.append(
        Pending("display_if", f"{before} = {codes[0]}", before, source=match.group(0).strip())
    )
