"""A question printed without a number inside a numbered questionnaire.

Volunteers add questions late and forget to number them ("a few questions don't have numbers,
sorry"). Such a line is still a question when it is written as one — it ends in a question mark
(a bracketed answer note such as "(tick all that apply)" may follow) — sits at the level of the
numbered questions' own lines, comes after the current question's answers, and has answers
indented under it. It is named after the numbered question before it with the next letter no
label of the document uses (`Q10a` after 10, `Q10b` if 10a is taken).
"""

from __future__ import annotations

import re
from string import ascii_lowercase

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

# "Where did you shop? (tick all that apply)": a question mark, then at most a bracketed note
_ASKS_RE = re.compile(r"^[A-Z][^?]{8,}\?\s*(?:\([^()]{1,40}\))?\s*$")


def unnumbered_question(lines: list[Line], index: int, question_level: int) -> bool:
    """Whether the line at `index` is an unnumbered question with its answers under it."""
    line = lines[index]
    if line.is_option or line.level != question_level or not _ASKS_RE.match(line.text):
        return False
    if find_label(line) is not None:
        return False
    following = next((ln for ln in lines[index + 1 :] if ln.text), None)
    return following is not None and following.level > line.level and find_label(following) is None


def next_free_id(base: str, lines: list[Line], taken: set[str]) -> str:
    """`base` + the first letter that no label in the document (nor `taken`) uses."""
    used = {label.id for label in (find_label(ln) for ln in lines) if label is not None} | taken
    for letter in ascii_lowercase:
        if base + letter not in used:
            return base + letter
    return base + "_x"


# "14. Only answer this if you have children at home (see 3a)." with the words on the next line
_FILTER_FIRST_RE = re.compile(
    r"^(?:only\s+answer|answer\s+only|only\s+fill\s+(?:this\s+)?in)(?:\s+this(?:\s+question)?)?"
    r"\s+if\b[^?]{3,120}$",
    re.I,
)


def filter_before_words(rest: str, following: Line | None, line: Line) -> bool:
    """A number whose line is only a filter, with the question's words on the next line at the
    same level: the number starts that question and the filter is its own."""
    return (
        _FILTER_FIRST_RE.match(rest.strip()) is not None
        and following is not None
        and following.level == line.level
        and find_label(following) is None
        and _ASKS_RE.match(following.text) is not None
    )


def is_filter_first(text: str) -> bool:
    """True for a label's rest that is only a plain-words filter ("Only answer this if …")."""
    return _FILTER_FIRST_RE.match(text.strip()) is not None
