"""An open-source survey tool's printable version, read by its own fixed phrases.

Each question is printed as its sequence number and its code in brackets before the words
(`4 [CARNUM]How many cars…? *`); answers end in their code in small type (`○ Female (F)`,
`☐ Car (SQ001)`, `☐ Other: ____ (other)`); an array prints its column codes under the column
words and each row's code before it (`[SQ001] Punctuality  ○ ○ ○`); hints name the answer
type (`Please choose *only one* of the following:`, `Check any that apply`, `Please number each
box in order of preference from 1 to 5`, `Only numbers may be entered in this field.`, `Your
answer must be between 16 and 99`); a filter is `Only answer this question if the following
conditions are met:` over `° Answer was 'Bus' or 'Tram' at question '5 [MODES]' (…)` or the
raw expression `° ((MAINMODE.NAOK != "A6"))`. The codes are the ids and answer codes; the
phrases become the plain notes the parser reads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, collapse
from fielder.compiler.printable_groups import group_lines

_QUESTION_RE = re.compile(r"^\s*\d{1,3}\s*\[(?P<code>[A-Za-z][A-Za-z0-9_]*)\]\s*(?P<rest>\S.*)$")
_REQUIRED_RE = re.compile(r"\s*\*\s*$")
# the code in round brackets, or in square ones where the tool was told to show answer codes
_ANSWER_RE = re.compile(
    r"^\s*(?:[○◯●☐☑☒□■◻▢]|\[\s*\]|\(\s*\))\s*(?P<label>\S.*?)\s*"
    r"(?:\((?P<code>[A-Za-z0-9_]{1,12})\)|\[(?P<square>[A-Za-z0-9_]{1,12})\])\s*$"
)
_ROW_RE = re.compile(r"^\s*\[(?P<code>[A-Za-z0-9_]{1,12})\]\s*(?P<label>[^\t]+?)\s*(?:\t.*)?$")
_CODES_ROW_RE = re.compile(r"^\s*\([A-Za-z0-9_]{1,12}\)(?:\s+\([A-Za-z0-9_]{1,12}\))+\s*$")
_RANGE_RE = re.compile(
    r"(?:answer\s+must\s+be\s+between|Antwort\s+muss\s+zwischen|réponse\s+doit\s+être\s+comprise?"
    r"\s+entre|respuesta\s+debe\s+estar\s+entre)\s+(?P<low>-?\d+(?:[.,]\d+)?)\s+(?:and|und|et|y)\s+"
    r"(?P<high>-?\d+(?:[.,]\d+)?)",
    re.I,
)
_WRITE_HERE = (
    r"^(?:Please\s+write\s+your\s+answer(?:\(s\))?\s+here|Bitte\s+geben\s+Sie\s+Ihre\s+Antwort"
    r"|Veuillez\s+écrire\s+votre\s+réponse|Por\s+favor,?\s+escriba\s+su\s+respuesta)"
)
_WRITE_HERE_RE = re.compile(_WRITE_HERE, re.I)
# The tool's type hints in English, German, French and Spanish, with the note each means.
_HINTS: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(pattern, re.I), note)
    for pattern, note in (
        (
            r"^(?:Please\s+choose\s+\*?only\s+one\*?\s+of\s+the\s+following|Bitte\s+wählen\s+Sie\s+"
            r"\*?nur\s+eine\*?|Veuillez\s+sélectionner\s+\*?une\s+seule\*?|Por\s+favor,?\s+seleccione"
            r"\s+\*?sólo\s+una\*?)",
            "SINGLE CODE",
        ),
        (
            r"^(?:Check\s+any\s+that\s+apply|Please\s+choose\s+all\s+that\s+apply|Wählen\s+Sie\s+alle"
            r"\s+zutreffenden|Cochez\s+la\s+ou\s+les\s+réponses|Marque\s+todas?\s+las?\s+que)",
            "MULTI CODE",
        ),
        (
            r"^(?:Please\s+number\s+each\s+box\s+in\s+order\s+of\s+preference|Bitte\s+nummerieren\s+Sie"
            r"|Veuillez\s+numéroter|Por\s+favor,?\s+numere)",
            "RANKING",
        ),
        (
            r"^(?:Please\s+choose\s+the\s+appropriate\s+response\s+for\s+each\s+item|Bitte\s+wählen\s+"
            r"Sie\s+die\s+zutreffende\s+Antwort\s+für\s+jeden\s+Punkt|Veuillez\s+sélectionner\s+la\s+"
            r"réponse\s+appropriée\s+pour\s+chaque|Por\s+favor,?\s+seleccione\s+la\s+respuesta\s+"
            r"apropiada\s+para\s+cada)",
            "GRID",
        ),
        (
            r"^(?:Only\s+numbers\s+may\s+be\s+entered|In\s+dieses\s+Feld\s+dürfen\s+nur\s+Ziffern|"
            r"Seuls\s+des\s+nombres|Sólo\s+se\s+pueden\s+introducir\s+números)",
            "NUMERIC",
        ),
        (_WRITE_HERE, None),
        (r"^Please\s+check\s+the\s+format\s+of\s+your\s+answer\s*:?\s*a\s+valid\s+email", "EMAIL"),
        (
            r"^(?:There\s+(?:are|is)\s+\d+\s+questions?\s+in\s+this\s+survey|Submit\s+your\s+survey|"
            r"Thank\s+you\s+for\s+completing\s+this\s+survey|https?://\S+(?:\s*[·|-]\s*\d+)?\s*$)",
            None,
        ),
    )
)
_CONDITION_HEAD_RE = re.compile(
    r"^Only\s+answer\s+(?:this\s+question|(?P<group>the\s+questions\s+in\s+this\s+group))\s+if\s+"
    r"the\s+following\s+conditions?\s+(?:are|is)\s+met",
    re.I,
)
# 'Quota "Not a member" (limit 0) - action: Terminate survey - members:' over its conditions
_QUOTA_HEAD_RE = re.compile(
    r"^Quota\s+.{1,80}?\(limit\s+\d+\)\s*[-–]\s*action\s*:\s*Terminate\s+survey\b.*members\s*:?\s*$",
    re.I,
)
_RULE_LINE_RE = re.compile(r"^\s*[-=_]{10,}\s*$")
_ANSWER_WAS_RE = re.compile(
    r"^\W*Answer\s+was\s+(?P<neg>NOT\s+)?(?P<labels>.+?)\s+at\s+question\s+['‘’\"]?\s*\d{0,3}\s*\[(?P<code>\w+)\]",
    re.I,
)
_EXPRESSION_RE = re.compile(
    r"^\W*\(+\s*(?P<expr>[A-Za-z]\w*(?:\.NAOK)?\s*(?:!=|==|=|<>|<=|>=|<|>)\s*.+?)\)*\s*$"
)

# the tool's comparison words before a quoted number
_COMPARED_RE = re.compile(
    r"^(?P<op>(?:greater|less)\s+than(?:\s+or\s+equal\s+to)?)\s+['‘’\"]?(?P<value>-?\d+(?:\.\d+)?)"
    r"['‘’\"]?\s*$",
    re.I,
)
_COMPARISONS = {
    "greater than": ">",
    "less than": "<",
    "greater than or equal to": ">=",
    "less than or equal to": "<=",
}

_SUM_RE = re.compile(
    r"^(?:The\s+sum\s+must\s+equal|Die\s+Summe\s+muss\s+(?:gleich\s+)?|La\s+somme\s+doit\s+"
    r"(?:être\s+égale\s+à|faire)|La\s+suma\s+debe\s+ser(?:\s+igual\s+a)?)\s+(?P<total>\d{1,6})",
    re.I,
)


def _asks_nothing(lines: list[Line], index: int) -> bool:
    """A question printed with no type hint, answer or box before the next question: the
    tool's text-display question (an information screen), when its words ask nothing."""
    words = _QUESTION_RE.match(_words(lines[index]))
    if words is None:
        return False
    text = [_REQUIRED_RE.sub("", words["rest"])]
    for line in lines[index + 1 :]:
        found = _words(line)
        if _QUESTION_RE.match(found) or line.kind in ("heading", "page_break"):
            break
        if line.kind != "paragraph" or line.instructions or _ANSWER_RE.match(found):
            return False
        if any(pattern.match(found) for pattern, _ in _HINTS) or _CONDITION_HEAD_RE.match(found):
            return False
        if re.match(r"^\s*(?:[○◯●☐☑☒□■◻▢]|\[\s*\]|\(\s*\))", found):
            return False
        text.append(found)
    return "?" not in " ".join(text)


def _sum_ahead(lines: list[Line], index: int) -> str | None:
    """The total a multiple-number question's `The sum must equal 100` sets, read where the
    question's answer hint stands so that the items between are its answers."""
    for line in lines[index + 1 : index + 30]:
        found = _words(line)
        if _QUESTION_RE.match(found):
            return None
        total = _SUM_RE.match(found)
        if total:
            return total["total"]
    return None


def is_printable(lines: list[Line]) -> bool:
    """True when two or more questions are printed as `n [CODE]words`."""
    return sum(1 for line in lines if _QUESTION_RE.match(line.raw or line.text)) >= 2


def printable_lines(lines: list[Line]) -> list[Line]:
    """The printable's lines with codes as labels and its phrases as plain notes."""
    if not is_printable(lines):
        return lines
    lines = group_lines(lines, _QUESTION_RE, _furniture, _answer_of)
    out: list[Line] = []
    answers: dict[str, dict[str, str]] = {}  # each question's answers by their printed code
    current: dict[str, str] = {}
    summed = False  # a sum's total was read at the answer hint above its items
    index = 0
    while index < len(lines):
        line = lines[index]
        words = (line.raw or line.text or " ".join(line.instructions)).strip()
        index += 1
        head = _CONDITION_HEAD_RE.match(words)
        quota = _QUOTA_HEAD_RE.match(words)
        if head or quota:
            conditions: list[str] = []
            while index < len(lines):
                condition = _condition(_words(lines[index]), answers)
                if condition is None:
                    break
                conditions.append(condition)
                index += 1
            if conditions and quota:
                # a quota of no one that ends the survey: a screen-out on those answers
                note = "TERMINATE IF " + " AND ".join(conditions)
                out.append(replace(line, text="", spaced="", instructions=[note]))
            elif conditions and head and head["group"]:
                # a group's condition filters every question of the group: the group's
                # title (under its rule) opens a section with that filter
                _group_heading(out)
                note = "ASK THIS SECTION IF " + " AND ".join(conditions)
                out.append(replace(line, text="", spaced="", instructions=[note]))
            elif conditions:
                note = "Only answer this question if " + " AND ".join(conditions)
                out.append(replace(line, text="", spaced="", instructions=[note]))
            continue
        if index < len(lines) and _CODES_ROW_RE.match(_words(lines[index])):
            out.extend(_array_head(line, _words(lines[index])))
            index += 1
            continue
        if _SUM_RE.match(words) and summed:
            continue  # read with the answer hint above the items (_sum_ahead)
        total = _sum_ahead(lines, index - 1) if _WRITE_HERE_RE.match(words) else None
        if total:
            out.append(replace(line, text="", spaced="", instructions=[f"MUST TOTAL {total}"]))
            summed = True
            continue
        if out and out[-1].label and not line.instructions and _REQUIRED_RE.search(words):
            # "…how would you share them / between these areas? *": the mandatory star at
            # the end of a question's wrapped second line
            line = replace(
                line, text=_REQUIRED_RE.sub("", line.text), raw=_REQUIRED_RE.sub("", words)
            )
            words = line.raw
        for rewritten in _rewritten(line, words):
            if rewritten.label and _asks_nothing(lines, index - 1):
                rewritten.instructions = ["INFO SCREEN"]
            if rewritten.label:
                current = answers.setdefault(rewritten.label, {})
            elif rewritten.is_option and rewritten.code and answers:
                current[rewritten.code] = rewritten.text
            out.append(rewritten)
    return out


def _answer_of(words: str) -> tuple[str, str] | None:
    """A printed answer's words and code."""
    answer = _ANSWER_RE.match(words)
    return (answer["label"], answer["code"] or answer["square"]) if answer else None


def _furniture(words: str) -> bool:
    """The tool's own lines: answers, rows, hints, ranges, conditions, rules and boxes."""
    return bool(
        _ANSWER_RE.match(words)
        or _ROW_RE.match(words)
        or _CODES_ROW_RE.match(words)
        or _RANGE_RE.search(words)
        or _SUM_RE.match(words)
        or _CONDITION_HEAD_RE.match(words)
        or _QUOTA_HEAD_RE.match(words)
        or _ANSWER_WAS_RE.match(words)
        or _EXPRESSION_RE.match(words)
        or any(pattern.match(words) for pattern, _ in _HINTS)
        # ("○ Yes" where the tool was told not to print codes: still an answer)
        or re.match(r"^\s*(?:[○◯●☐☑☒□■◻▢•]|\[\s*\]|\(\s*\))", words)
        or re.match(r"^Please\s+(?:choose|select)\s+(?:at\s+(?:most|least)|between)\b", words, re.I)
    )


def _group_heading(out: list[Line]) -> None:
    """The group's title, the first line under the last rule, made a heading."""
    rule = next((i for i in range(len(out) - 1, -1, -1) if _RULE_LINE_RE.match(out[i].text)), None)
    if rule is not None and rule + 1 < len(out) and out[rule + 1].text:
        out[rule + 1] = replace(out[rule + 1], kind="heading", level=2)


def _words(line: Line) -> str:
    return (line.raw or line.text or " ".join(line.instructions)).strip()


def _rewritten(line: Line, words: str) -> list[Line]:
    question = _QUESTION_RE.match(words)
    if question:
        rest = _REQUIRED_RE.sub("", question["rest"])
        return [replace(line, label=question["code"], text=rest, spaced=rest, instructions=[])]
    answer = _ANSWER_RE.match(words)
    if answer:
        label = answer["label"]
        code = answer["code"] or answer["square"]
        return [replace(line, text=label, spaced=label, code=code, is_option=True)]
    row = _ROW_RE.match(words)
    if row and "\t" in words:
        return [replace(line, text=row["label"], spaced=row["label"], instructions=[])]
    ranged = _RANGE_RE.search(words)
    if ranged:
        note = f"RANGE {ranged['low']}-{ranged['high']}"
        return [replace(line, text="", spaced="", instructions=[note])]
    for pattern, hint in _HINTS:
        if pattern.match(words):
            # the hint's meaning as a note; hints that mean nothing for the IR are left out
            return [replace(line, text="", spaced="", instructions=[hint])] if hint else []
    return [line]


def _array_head(line: Line, codes_line: str) -> list[Line]:
    """Column words over their codes as `Columns:` answers (words the PDF ran together are
    split before a capital until there is one per code), then `Rows:` for the rows below."""
    codes = re.findall(r"\(([A-Za-z0-9_]{1,12})\)", codes_line)
    labels = [collapse(c) for c in _words(line).split("\t") if c.strip()]
    while len(labels) < len(codes):
        joined = next((i for i, c in enumerate(labels) if re.search(r"\S\s+[A-Z]", c)), None)
        if joined is None:
            break
        first, second = re.split(r"(?<=\S)\s+(?=[A-Z])", labels[joined], maxsplit=1)
        labels[joined : joined + 1] = [first, second]
    if len(labels) != len(codes):
        return [line]
    heads = [Line(text="Columns:", raw="Columns:", start=line.start, end=line.end)]
    for label, code in zip(labels, codes, strict=True):
        heads.append(replace(line, text=label, spaced=label, raw=label, code=code, is_option=True))
    heads.append(Line(text="Rows:", raw="Rows:", start=line.end, end=line.end))
    return heads


def _condition(words: str, answers: dict[str, dict[str, str]]) -> str | None:
    """One `° …` condition line as a plain condition, None when the line is none; an answer
    code in an expression (`MAINMODE != "A6"`) is named by its words."""
    answered = _ANSWER_WAS_RE.match(words)
    compared = _COMPARED_RE.match(answered["labels"]) if answered else None
    if answered and compared:
        # "Answer was greater than or equal to '2019'": a number's comparison
        op = _COMPARISONS[re.sub(r"\s+", " ", compared["op"].lower())]
        return f"{answered['code']} {op} {compared['value']}"
    if answered:
        labels = re.findall(r"['‘’\"]([^'‘’\"]+)['‘’\"]", answered["labels"])
        code = answered["code"]
        neg = "NOT " if answered["neg"] else ""
        return " OR ".join(f"{code} {neg}= '{label}'" for label in labels) or None
    expression = _EXPRESSION_RE.match(words)
    if expression:
        expr = re.sub(r"\.NAOK\b", "", expression["expr"]).replace("<>", "!=")
        # "water == "A4" or water == "A5"": each test read alone, joined as written
        parts = re.split(r"\s+(and|or)\s+", expr, flags=re.I)
        read = [_expression_test(p, answers) for p in parts[::2]]
        if all(read):
            joins = [j.upper() for j in parts[1::2]]
            return " ".join(
                [str(read[0]), *(f"{j} {r}" for j, r in zip(joins, read[1:], strict=True))]
            )
        return expr.replace('"', "'")
    return None


def _expression_test(expr: str, answers: dict[str, dict[str, str]]) -> str | None:
    """One `q == "A4"` / `q < 2` test, an answer code named by its words."""
    test = re.fullmatch(
        r"\(*\s*(?P<q>\w+)\s*(?P<op>!=|==|=|<=|>=|<|>)\s*['\"]?(?P<code>[^'\"()]+?)['\"]?\s*\)*",
        expr,
    )
    if test is None:
        return None
    if test["op"] in ("<", ">", "<=", ">="):
        return f"{test['q']} {test['op']} {test['code']}"
    label = answers.get(test["q"], {}).get(test["code"])
    sub = re.fullmatch(r"(?P<q>[A-Za-z]\w*?)_(?P<sub>[A-Za-z0-9]+)", test["q"])
    if label is None and sub and test["code"] in ("Y", "N", ""):
        # "SC4_SQ004 == "Y"": a multiple choice's item by its code, ticked ("Y") or not
        label = answers.get(sub["q"], {}).get(sub["sub"])
        ticked = (test["code"] == "Y") == (test["op"] != "!=")
        if label is None:
            return None
        named = label if re.search(r"['‘’\"“”]", label) else f"'{label}'"
        return f"{sub['q']} {'' if ticked else 'NOT '}= {named}"
    if label is None:
        return None
    named = label if re.search(r"['‘’\"“”]", label) else f"'{label}'"  # quoted where it can be
    return f"{test['q']} {'NOT ' if test['op'] == '!=' else ''}= {named}"
