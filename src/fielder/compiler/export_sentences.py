"""A survey tool's export whose logic is written out as English sentences, not in the tool's
fixed phrases: "Display logic: Display this question only if 'Mortgage' is selected at QID3.",
"Display this question if:" over "QID11 'How likely…' is less than or equal to 6", "Skip logic:
If 'No' or 'Not sure' is selected, the respondent goes to the End of Survey.", "Skip logic: If
QID2 is less than 18, skip to End of Survey.", "Skip logic: If 'No' is selected, skip to End of
Block.", "Text entry validation: Number between 1 and 20."

Exports made by a research team's own template, or retyped from the tool's logic viewer, say
the same things in sentences. Each sentence is rewritten into the plain note the parser reads
(`ASK IF QID3 = 'Mortgage'`, `TERMINATE IF QID1 = 'No' OR 'Not sure'`, `IF QID13 = 'No' SKIP TO
QID16`, `NUMERIC. RANGE 1-20`). A display sentence stands above the question it filters, as
the tools print it; a skip sentence under the question it routes from. "End of Block" is the
first question of the next block.
"""

from __future__ import annotations

import re

_TAG = r"[A-Za-z][A-Za-z0-9_]*\d[A-Za-z0-9_]*"
# "Display logic: Display this question only if …", "Diplay logic:" (a slip), "Display this
# question if:" with the condition on the lines under it
_DISPLAY_RE = re.compile(
    r"^(?:(?:di?s?play|show)\s+logic\s*:\s*)?(?:display|show)\s+this\s+question\s+(?:only\s+)?"
    r"(?:if|when)\b\s*:?\s*(?P<cond>.*?)\.?$"
    # the same head once the tool's phrase has been read into the parser's words
    r"|^ASK\s+IF\s*:\s*(?P<none>)$",
    re.I,
)
_SKIP_RE = re.compile(
    r"^(?:skip|branch(?:ing)?)\s+logic\s*:\s*(?:if|when)\s+(?P<cond>.+?),?\s+(?:then\s+)?"
    r"(?:the\s+respondent\s+(?:goes|is\s+sent|skips)\s+to|(?:skip|go|jump)\s+to)\s+(?:the\s+)?"
    rf"(?P<to>end\s+of\s+(?:the\s+)?(?:survey|block)|{_TAG})\s*\.?$",
    re.I,
)
_VALIDATION_RE = re.compile(r"^(?:text\s+)?(?:entry\s+)?validation\s*:\s*(?P<rule>.+?)\.?$", re.I)
# "'Mortgage' is selected at QID3", "'No' or 'Not sure' is selected" (a slip: "slected")
_SELECTED_RE = re.compile(
    r"^(?P<labels>['‘\"“].+?['’\"”])\s+(?:is|are)\s+(?P<neg>not\s+)?s\w{0,2}lected"
    rf"(?:\s+(?:at|in|on)\s+(?P<tag>{_TAG}))?$",
    re.I,
)
_COMPARISONS = (
    (r"less\s+than\s+or\s+equal\s+to|at\s+most", "<="),
    (r"greater\s+than\s+or\s+equal\s+to|more\s+than\s+or\s+equal\s+to|at\s+least", ">="),
    (r"less\s+than|below|under", "<"),
    (r"greater\s+than|more\s+than|above|over", ">"),
    (r"not\s+equal\s+to", "!="),
    (r"equal\s+to", "="),
)
# "QID11 'How likely…' is less than or equal to 6", "QID2 is less than 18"
_COMPARED_RE = re.compile(
    rf"^(?P<tag>{_TAG})(?:\s+['‘\"“][^'’\"”]*['’\"”])?\s+is\s+(?P<how>[a-z ]+?)\s+"
    r"(?P<n>-?\d+(?:\.\d+)?)$",
    re.I,
)


def display_sentence(words: str) -> str | None:
    """The condition of a display-logic sentence ("" when it is on the lines below), or None."""
    match = _DISPLAY_RE.match(words.strip())
    return None if match is None else (match["cond"] or "").strip()


def condition_sentence(words: str, current: str | None) -> str | None:
    """A condition written as a sentence, in the parser's plain form, or None."""
    text = words.strip().rstrip(".").strip()
    selected = _SELECTED_RE.match(text)
    if selected:
        tag = selected["tag"] or current
        labels = re.findall(r"['‘\"“]([^'’\"”]+)['’\"”]", selected["labels"])
        if not tag or not labels:
            return None
        quoted = " OR ".join(f"'{label}'" for label in labels)
        return f"{tag} {'NOT ' if selected['neg'] else ''}= {quoted}"
    compared = _COMPARED_RE.match(text)
    if compared:
        for words_re, operator in _COMPARISONS:
            if re.fullmatch(words_re, compared["how"].strip(), re.I):
                return f"{compared['tag']} {operator} {compared['n']}"
    return None


def skip_sentence(words: str, current: str | None, next_block: str | None) -> str | None:
    """A skip-logic sentence as a plain note (`TERMINATE IF …`, `IF … SKIP TO …`), or None."""
    match = _SKIP_RE.match(words.strip())
    if match is None:
        return None
    cond = condition_sentence(match["cond"], current)
    if cond is None:
        return None
    to = match["to"]
    if re.match(r"end\s+of\s+(?:the\s+)?survey", to, re.I):
        return f"TERMINATE IF {cond}"
    if re.match(r"end\s+of", to, re.I):
        return f"IF {cond} SKIP TO {next_block}" if next_block else f"SKIP TO END IF {cond}"
    return f"IF {cond} SKIP TO {to}"


def validation_sentence(words: str) -> str | None:
    """ "Text entry validation: Number only, minimum 16, maximum 110." as `NUMERIC. RANGE
    16-110`; a date or an email rule as its type word; None for anything else."""
    match = _VALIDATION_RE.match(words.strip())
    if match is None:
        return None
    rule = match["rule"]
    if re.match(r"(?:whole\s+)?numbers?\b|integer\b", rule, re.I):
        low = re.search(r"\b(?:min(?:imum)?|between|from)\s+(-?\d+(?:\.\d+)?)", rule, re.I)
        high = re.search(r"\b(?:max(?:imum)?|and|to)\s+(-?\d+(?:\.\d+)?)", rule, re.I)
        if low and high:
            return f"NUMERIC. RANGE {low[1]}-{high[1]}"
        return "NUMERIC"
    return None
