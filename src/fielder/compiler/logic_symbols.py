"""Routing written in set and logic symbols, as scripting specs do: `T4∋1→T5`, `T4∌1 ∧ (T4∋2 ∨
T4∋3)→T7`, `otherwise→T9`, `T1=4→#TERM`, `T19=2→#END`, `Base: T14>45 ∧ T3>=3`.

The symbols are read as the words the routing rules know: `∋` (the answers include) as `=`,
which on a multi means "includes", `∌` as `!=`, `∧` / `∨` as AND / OR, `∈ {1,2}` as `= 1,2`,
`#TERM` as TERMINATE and `#END` as the END screen. A routing line of several `;`-separated
arrows is checked left to right, the first that holds winning, so a closing `otherwise → X`
stands for "none of the tests before held"; it is written out as that, and `else → next` (the
default flow) is dropped.
"""

from __future__ import annotations

import re

_SYMBOLS = (
    (re.compile(r"\s*∌\s*"), " != "),
    (re.compile(r"\s*∋\s*"), " = "),
    (re.compile(r"\s*∈\s*\{([^{}]*)\}"), r" = \1"),
    (re.compile(r"\s*∧\s*"), " AND "),
    (re.compile(r"\s*∨\s*"), " OR "),
    (re.compile(r"#TERM\b", re.I), "TERMINATE"),
    (re.compile(r"#END\b", re.I), "END"),
)
_ARROW_RE = re.compile(r"\s*(?:-+>|→|=>|⇒)\s*")
_OTHERWISE_RE = re.compile(r"^(?:otherwise|else|everyone\s+else|all\s+others|others)$", re.I)
_NEXT_RE = re.compile(r"^(?:next|continue|go\s+on)$", re.I)
# "X AND (Y OR Z)": the bracket first, as the condition reader takes an AND after a bracket
_AND_BRACKET_RE = re.compile(r"^(?P<plain>[^()]+?)\s+AND\s+(?P<bracket>\([^()]+\))$", re.I)
_TEST_RE = re.compile(r"^(?P<q>[A-Za-z]{1,4}\d{1,3}[a-z]?)\s*(?P<op>!=|=)\s*(?P<codes>[\d, ]+)$")


def plain_symbols(text: str) -> str:
    """The note with its logic symbols written as words; text without them as it was."""
    if not re.search(r"[∋∌∈∧∨]|#(?:TERM|END)\b", text, re.I):
        return text
    for pattern, words in _SYMBOLS:
        text = pattern.sub(words, text)
    return _routes_in_order(text)


def _bracket_first(condition: str) -> str:
    match = _AND_BRACKET_RE.match(condition.strip())
    return f"{match['bracket']} AND {match['plain']}" if match else condition


def _without_earlier(condition: str, earlier: list[str]) -> str:
    """The condition less any AND-ed test that only says an earlier route did not hold (with
    the first route that holds winning, that is already so)."""
    kept = []
    for part in re.split(r"\s+AND\s+", condition.strip(), flags=re.I):
        test = _TEST_RE.match(part.strip())
        if test:
            flipped = "=" if test["op"] == "!=" else "!="
            if f"{test['q']} {flipped} {test['codes'].strip()}" in earlier:
                continue
        kept.append(part.strip())
    return " AND ".join(kept)


def _unbracketed(test: str) -> str:
    """ "(A OR B)" as "A OR B", to be joined with more alternatives."""
    inner = re.fullmatch(r"\((?P<inner>[^()]+)\)", test)
    return inner["inner"] if inner and not re.search(r"\bAND\b", test, re.I) else test


def _routes_in_order(text: str) -> str:
    """`a→X; b→Y; otherwise→Z` with the otherwise written as "none of a, b" and each
    compound test bracket first."""
    segments = [s.strip() for s in text.split(";")]
    arrows = [_ARROW_RE.split(s, maxsplit=1) for s in segments]
    if len(segments) < 2 or any(len(a) != 2 for a in arrows):
        return text
    lead = re.match(r"^(?:routing|route)\s*:\s*", arrows[0][0], re.I)
    prefix = lead[0] if lead else ""
    tests: list[str] = []
    written: list[str] = []
    for index, (test, target) in enumerate(arrows):
        if index == 0:
            test = test[len(prefix) :]
        if _OTHERWISE_RE.match(test.strip()):
            if _NEXT_RE.match(target.strip()) or not tests:
                continue
            plain = [_unbracketed(_without_earlier(t, tests[:i])) for i, t in enumerate(tests)]
            if any("(" in t for t in plain):
                continue  # too nested to write as one negation
            written.append(f"NOT ({' OR '.join(plain)}) → {target.strip()}")
            continue
        tests.append(" ".join(test.split()))
        written.append(f"{_bracket_first(test)} → {target.strip()}")
    return prefix + "; ".join(written)
