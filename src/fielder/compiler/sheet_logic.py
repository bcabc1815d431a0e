"""Logic columns of a questionnaire sheet, whatever their headings say and however their cells
are written.

- A column whose heading speaks of whom a question is shown ("Show logic", "Relevant",
  "Enable when", "Asked of", "Eligibility") is the filter column, one speaking of where the
  respondent goes next ("Jump logic", "Skip pattern", "Branching") a routing column, and a
  "Constraint" / "Check" column a note on the answer — all beside the words the sheet reader
  already knows ("Show if", "Routing", "Validation").
- Form-tool expressions in those cells (`${hh_head} = '2'`, `selected(${q3}, '4')`,
  `not(selected(…))`, `. >= 0 and . <= 60`) are read in the words the condition reader knows,
  the variable names turned into the ids of their rows when the sheet has a name column.
"""

from __future__ import annotations

import re

# the words a heading uses for whom a question is shown ("Show logic", "Display rule",
# "Relevant", "Relevance", "Enable when", "Visible if", "Asked of", "Eligibility", "Universe")
FILTER_HEAD_RE = re.compile(
    r"\b(?:relevan(?:t|ce|cy)|(?:show|display|visib(?:le|ility)|enabl(?:e|ed|ing)|ask(?:ed)?|"
    r"appear(?:s|ance)?)\s+(?:only\s+)?(?:logic|rules?|conditions?|if|when|criteria|filters?|of|to)|"
    r"filters?|conditions?|conditional|eligib(?:le|ility)|universe|who\s+(?:is\s+)?asked|"
    r"asked\s+(?:of|to))\b"
)
# the words a heading uses for where the respondent goes next ("Jump logic", "Skip pattern",
# "Branching", "Flow", "Go-to", "Termination")
ROUTE_HEAD_RE = re.compile(
    r"\b(?:jumps?|skips?|skip\s+(?:logic|pattern|rules?)|branch(?:ing|es)?|routing|routes?|"
    r"flow|go[\s-]?to|terminat(?:e|ion|es)|screen[\s-]?outs?|logic)\b"
)
# a check on the answer ("Constraint", "Checks", "Range check", "Allowed values")
CHECK_HEAD_RE = re.compile(r"\b(?:constraints?|checks?|range|allowed\s+values|limits?|bounds)\b")
# a column holding each row's variable name beside the id ("No. | name | Question"):
# the names the logic cells use for the questions
NAME_HEADS = (
    "name",
    "variable name",
    "var name",
    "variable",
    "var",
    "field name",
    "field",
    "data name",
    "column name",
    "short name",
)

_REF_RE = re.compile(r"\$\{\s*([A-Za-z_][\w.-]*)\s*\}")
_SELECTED_RE = re.compile(r"\bselected\(\s*([A-Za-z_][\w.-]*)\s*,\s*['\"]?([^'\")]+?)['\"]?\s*\)")
_QUOTED_RE = re.compile(r"(?<=[=<>]\s)\s*'([^'\s]{1,12})'|(?<=[=<>])'([^'\s]{1,12})'")


def is_expression(cell: str) -> bool:
    """Form-tool syntax in a cell: a `${name}` reference or a `selected(…)` test."""
    return bool(_REF_RE.search(cell) or re.search(r"\bselected\s*\(", cell))


def expression_words(cell: str, names: dict[str, str]) -> str:
    """`${hh_head} = '2' or selected(${q3}, '4')` → `A3 = 2 or A9 = 4`: a form tool's
    expression in the words the condition reader knows (names become their rows' ids)."""
    if not is_expression(cell):
        return cell
    text = _REF_RE.sub(lambda m: names.get(m[1], m[1]), cell)
    text = _SELECTED_RE.sub(lambda m: f"{m[1]} = {m[2]}", text)
    text = re.sub(r"\bnot\s*\(", "NOT (", text)
    text = _QUOTED_RE.sub(lambda m: m[1] or m[2], text)
    return re.sub(r"\s+", " ", text).strip()


_BOUND_RE = re.compile(r"^\.\s*(>=|>|<=|<)\s*(-?\d+(?:\.\d+)?)$")


_SELF_RE = re.compile(r"(?:^|[(,\s])\.\s*(?:[<>=!,)]|$)")
_MOST_RE = re.compile(r"^count-selected\(\s*\.\s*\)\s*(<=|<)\s*(\d+)$")
_ALONE_RE = re.compile(
    r"^not\s*\(\s*selected\(\s*\.\s*,\s*'([^']+)'\s*\)\s*and\s*"
    r"count-selected\(\s*\.\s*\)\s*>\s*1\s*\)$"
)


def is_self_check(cell: str) -> bool:
    """A check written on the answer itself (`.`): `. >= 0`, `count-selected(.) <= 3`."""
    return bool(_SELF_RE.search(cell)) and bool(re.search(r"[<>=]|\bselected\(", cell))


def constraint_note(cell: str) -> str:
    """`. >= 0 and . <= 60` → `RANGE 0-60`, `. >= 1` → `MIN 1`: the bounds a constraint puts on
    a number (a bound naming another answer, `. <= ${hh_size}`, is no fixed bound);
    `count-selected(.) <= 3` → `MAX 3`; `not(selected(., '0') and count-selected(.) > 1)` → `0
    EXCLUSIVE`; any other check on the answer says nothing the rules read."""
    most = _MOST_RE.match(cell.strip())
    if most:
        return f"MAX {int(most[2]) - (most[1] == '<')}"
    alone = _ALONE_RE.match(cell.strip())
    if alone:
        return f"{alone[1]} EXCLUSIVE"
    low = high = None
    for part in re.split(r"\s+and\s+", cell.strip()):
        bound = _BOUND_RE.match(part.strip())
        if bound is None:
            continue
        sign, value = bound[1], bound[2]
        if sign.startswith(">"):
            low = value if sign == ">=" else None
        else:
            high = value if sign == "<=" else None
    if low is not None and high is not None:
        return f"RANGE {low}-{high}"
    if low is not None:
        return f"MIN {low}"
    if high is not None:
        return f"MAX {high}"
    return ""


def is_name_head(words: str) -> bool:
    """A heading naming the rows' variable names ("name", "Variable name")."""
    return words in NAME_HEADS
