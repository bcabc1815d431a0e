"""A web page's condition note in plain words: `This question is shown if you answered
“Partly” or “No” to question 5.`

Survey pages built in a CMS say when a question appears in a sentence to the respondent above
it (also `Shown if you said … at question 5`). The sentence is put in the scripting words the
instruction reader knows (`ASK IF "PARTLY" OR "NO" IN Q5`), the answers by their words, the
question by its number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ANSWERED_RE = re.compile(
    # said above the question it governs ("Only answer this question if …" after a question is
    # that question's own note, read where it stands)
    r"^(?:this\s+question\s+(?:is\s+|will\s+be\s+)?(?:only\s+)?(?:shown|displayed|asked|appears)|"
    r"(?:only\s+)?(?:shown|displayed|asked))\s+"
    r"(?:only\s+)?(?:if|when)\s+you\s+(?:answered|chose|selected|picked|ticked|said)\s+"
    r"(?P<answers>.+?)\s+(?:to|at|in|for|on)\s+(?:question\s+|Q)(?P<q>\d{1,3}[a-z]?)\s*[.:]?$",
    re.I,
)
_WORDS_RE = re.compile(r"[\"“‘']([^\"”’']+)[\"”’']")


def as_scripting(sentence: str) -> str | None:
    """`ASK IF "A" OR "B" IN Q5` for a condition written to the respondent, else None."""
    match = _ANSWERED_RE.match(sentence.strip())
    if match is None:
        return None
    words = _WORDS_RE.findall(match["answers"])
    if not words:
        words = [w.strip() for w in re.split(r",|\bor\b", match["answers"]) if w.strip()]
    if all(re.fullmatch(r"\d{1,3}", w) for w in words):
        # "if you chose 1 or 2 at question 7": the answers by their numbers, not their words
        return f"ASK IF Q{match['q']} = {' OR '.join(words)}"
    quoted = " OR ".join(f'"{w.upper()}"' for w in words)
    return f"ASK IF {quoted} IN Q{match['q']}"


# the question named: "question 5" (id Q5), or its label ("Q5", "K12", "QS3")
_Q = r"(?:question\s+(?P<n>\d{1,3}[a-z]?)|(?P<q>[A-Z]{1,4}\d{1,3}[a-z]?))"
_PICKED = r"(?:ticked|selected|chose|picked|answered|said|checked)"
# A survey tool's display rule said of the question: "Appears when Q5 is 0 to 6.", "Hidden if
# "None of these" is ticked at Q12.", "Not shown to … (Q3 = "Less than a year")."; and of a
# part: "This part appears only for clients who ticked "X" at Q2."
_APPEARS_RE = re.compile(
    r"^(?:this\s+question\s+)?(?:only\s+)?(?:appears|is\s+(?:only\s+)?(?:shown|displayed|asked)|"
    rf"shown|displayed)\s+(?:only\s+)?(?:when|if)\s+{_Q}\s+(?:is|was|=)\s+(?P<answers>.+?)\s*\.?$",
    re.I,
)
_HIDDEN_RE = re.compile(
    r"^(?:(?:this\s+question\s+is\s+)?hidden\s+(?:if|when)\s+(?P<answers>.+?)\s+(?:is|are)\s+"
    r"(?:ticked|selected|chosen|checked|picked)|"
    rf"skip\s+this\s+question\s+(?:if|when)\s+you\s+{_PICKED}\s+(?P<said>.+?))"
    rf"\s+(?:at|in|on|to|for)\s+{_Q}\s*\.?$",
    re.I,
)
# ("Not asked of visitors staying with friends (Q4).": whom, in the words of Q4's answer)
_NOT_SHOWN_RE = re.compile(
    r"^(?:not|never)\s+(?:shown|asked|displayed)\s+(?:to|of)\s+(?P<who>[^()]{1,80}?)\s*"
    r"\((?:(?P<test>[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>)[^()]{1,60})|(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?))\)"
    r"\s*\.?$",
    re.I,
)
_PART_RE = re.compile(
    r"^this\s+(?:part|section|block|page)\s+(?:appears|is\s+(?:shown|asked))\s+only\s+(?:for|to)\s+"
    rf"[^.]{{1,60}}?\bwho\s+{_PICKED}\s+(?P<answers>.+?)\s+(?:at|in|to|for|on)\s+{_Q}\s*\.?$",
    re.I,
)
# "If you ticked 'Yes' at Q2, please answer this question.": said over the question it is for
_PLEASE_ANSWER_RE = re.compile(
    rf"^if\s+you\s+{_PICKED}\s+(?P<answers>.+?)\s+(?:at|in|to|for|on)\s+{_Q}\s*,?\s+"
    r"(?:then\s+)?(?:please\s+)?(?:answer|complete|fill\s+in)\s+this\s+question\s*\.?$",
    re.I,
)
_FIRST_SENTENCE_RE = re.compile(r"^(?P<first>.+?[.)]\.?)\s+(?P<rest>[A-Z].*)$")
_RANGE_RE = re.compile(r"^(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})$", re.I)


def _test(answers: str, match: re.Match[str]) -> str:
    """ "Q5 = 0-6", "Q5 = 9 OR 10", '"A" OR "B" IN Q10' for the answers a rule names."""
    q = match["q"] or f"Q{match['n']}"
    words = _WORDS_RE.findall(answers)
    if not words:
        words = [w.strip() for w in re.split(r",|\bor\b", answers) if w.strip()]
    span = _RANGE_RE.match(words[0]) if len(words) == 1 else None
    if span:
        return f"{q} = {span[1]}-{span[2]}"
    if all(re.fullmatch(r"\d{1,3}", w) for w in words):
        return f"{q} = {' OR '.join(words)}"
    return " OR ".join(f'"{w.upper()}"' for w in words) + f" IN {q}"


def _tool_rule(sentence: str) -> str | None:
    sentence = sentence.strip()
    if match := _APPEARS_RE.match(sentence):
        return f"ASK IF {_test(match['answers'], match)}"
    if match := _HIDDEN_RE.match(sentence):
        return f"ASK IF NOT {_test(match['answers'] or match['said'], match)}"
    if match := _NOT_SHOWN_RE.match(sentence):
        if match["id"]:
            return f"ASK IF NOT ({match['who']} ({match['id']}))"
        return f"ASK IF NOT ({match['test'].strip()})"
    if match := _PLEASE_ANSWER_RE.match(sentence):
        # (answers by their words as written, quotes kept: "'Not at all likely' or '1'" names
        # labels, some of them numbers; unquoted numbers alone are codes)
        test = _test(match["answers"], match)
        q = match["q"] or f"Q{match['n']}"
        return f"ASK IF {test if ' IN ' not in test else match['answers'] + ' at ' + q}"
    if match := _PART_RE.match(sentence):
        return f"ASK THIS SECTION IF {_test(match['answers'], match)}"
    return None


def tool_rules(note: str) -> list[str] | None:
    """The note as scripting words when it opens with a survey tool's display rule (what
    follows the rule's sentence kept as a note of its own), else None."""
    rule = _tool_rule(note)
    if rule:
        return [rule]
    split = _FIRST_SENTENCE_RE.match(note.strip())
    rule = _tool_rule(split["first"]) if split else None
    return [rule, split["rest"]] if rule and split else None


def answered_to_lines(lines: list[Line]) -> list[Line]:
    """The lines with such condition notes put in scripting words."""
    out: list[Line] = []
    for line in lines:
        notes = [as_scripting(n) or n for n in line.instructions]
        notes = [part for n in notes for part in (tool_rules(n) or [n])]
        if line.text and (spoken := as_scripting(line.text)):
            out.append(replace(line, text="", spaced="", instructions=[*notes, spoken]))
        elif line.text and not line.is_option and (ruled := tool_rules(line.text)):
            # "Not asked of guests staying with family (Q1)." in plain type: a rule all the same
            out.append(replace(line, text="", spaced="", instructions=[*notes, *ruled]))
        elif notes != line.instructions:
            out.append(replace(line, instructions=notes))
        else:
            out.append(line)
    return out
