"""Pass: routing written as text → `display_if`, `terminate_if` and `skip_to` expressions.

Every pending condition is read against the questions it names (now that all are known),
rendered for their types (`contains` for a multi, numbers for a number question), and
checked: a skip to a question that does not exist or lies behind becomes a problem (and a
clarifying question) instead of invalid logic.
"""

from __future__ import annotations

import re

from fielder.compiler.build import Built, Pending
from fielder.compiler.classify import clean_id
from fielder.compiler.conditions import (
    Atom,
    ConditionError,
    described_test,
    parse_condition,
    referenced_codes,
    render,
    worded_condition,
)
from fielder.compiler.diagnostics import Problem
from fielder.compiler.group_names import GROUP_MARK, group_answer, named_group
from fielder.compiler.passes.branch_pairs import (
    drop_onward_skips,
    fold_branch_pairs,
    fold_section_pairs,
)
from fielder.compiler.passes.screened_codes import screened_codes
from fielder.ir.models import Question, SkipRule

_NOT_ASKED_RE = re.compile(
    r"\bNOT\s+(?:BE\s+)?ASKED\b|\bDO\s+NOT\s+ASK\b|\bDON.T\s+ASK\b|\bSKIP\b", re.I
)
# "Only shown if you did more than 50 outings (question 5)" on Q5 itself: no question is
# filtered on its own answer, so the words of showing are the next one's
_SHOWN_ONLY_RE = re.compile(
    r"\bONLY\s+(?:BE\s+)?(?:SHOWN|ASKED|DISPLAYED|ANSWERED|APPEARS)\b"
    r"|\b(?:SHOWN|ASKED|DISPLAYED|APPEARS)\s+ONLY\b",
    re.I,
)
# "display: D2 = {1}" set down under D2's answers: a build note's display key, not "IF …"
_DISPLAY_KEY_RE = re.compile(r"^\W*(?:(?:display|show)(?:\s+logic)?\s*:|show\s+if\b)", re.I)
_END_RE = re.compile(r"^(?:END|END\s+OF\s+\w+|CLOSE|FINISH)$", re.I)


def _groups(pending: Pending, questions: dict[str, Question]) -> list[list[Atom]]:
    if pending.codes:
        assert pending.default is not None
        return [[Atom(pending.default, list(pending.codes))]]
    if pending.quiet:
        # a question's own opening words ("If you would like a reply, …", "If it cost $40, …")
        # filter it only when they name an answer; otherwise they are just how the ask begins
        worded = worded_condition(pending.condition or "", questions, pending.default, force=True)
        if worded is None:
            raise ConditionError("no answer named in the respondent's words")
        return worded
    condition = pending.condition or ""
    if GROUP_MARK in condition.upper() and re.search(r"\d", condition):
        # "GROUP: residents of 2 years or more": the number bounds the group, it is no code
        # of the question above (read as a group first)
        grouped = group_answer(condition, questions, pending.default)
        if grouped is not None:
            return grouped
    try:
        return parse_condition(condition, questions, pending.default)
    except ConditionError:
        # "Leaseholders only", "Tenant find only clients": a group named only by an answer
        grouped = group_answer(pending.condition or "", questions, pending.default)
        if grouped is None and pending.source and pending.source != pending.condition:
            # "Crime providers only (P2)" read as a test of P2 alone: the group's words name
            # the answers of the question in brackets
            grouped = named_group(pending.source, questions, pending.default)
        if grouped is None:
            raise
        return grouped


_END_OF_SURVEY_RE = re.compile(r"^END\s+OF\s+(?:THE\s+)?(?:SURVEY|INTERVIEW|QUESTIONNAIRE)$", re.I)
_NEXT_SECTION_RE = re.compile(r"^NEXT\s+(?:SECTION|PART|MODULE|BLOCK)$", re.I)
_END_OF_SECTION_RE = re.compile(
    r"^(?:THE\s+)?END\s+OF\s+(?:THE\s+|THIS\s+)?(?:SECTION|PART|MODULE|BLOCK)$", re.I
)
# a part's own closing screen: "M3END", "S2_CLOSE", "END"
_CLOSING_SCREEN_RE = re.compile(
    r"(?:^|\d|_)(?:END|CLOSE|CLOSING|OUTRO|THANKS)$"
    # the closing screen named in the questionnaire's language ("FIN", "ZAKONCZENIE")
    r"|^(?:FIN|FINE|ENDE|EINDE|AFSLUITING|SLUT|AVSLUTNING|CIERRE|DESPEDIDA|ENCERRAMENTO|"
    r"ZAKONCZENIE|KONIEC|PENUTUP|CHIUSURA|CONGEDO)$"
)
# "SECTION D", and a section titled in another language ("BAGIAN D", "SEZIONE 3"), which a
# translated note names as "SECTION D"
_SECTION_KEY_RE = re.compile(
    r"\b(?:SECTION|PART|MODULE|BLOCK|PARTIE|SECCI[ÓO]N|SEZIONE|PARTE|TEIL|ABSCHNITT|BLOQUE|"
    r"BLOCCO|BLOCO|CZĘŚĆ|BAGIAN|DEEL|ONDERDEEL)\s+([A-Z0-9]{1,3})\b",
    re.I,
)


def section_starts(titles: list[tuple[str | None, str]]) -> dict[str, str]:
    """The first question of each lettered/numbered section: {"SECTION C": "C1"}."""
    starts: dict[str, str] = {}
    for title, first in titles:
        match = (
            _SECTION_KEY_RE.search(title or "")
            or _NUMBERED_TITLE_RE.match(title or "")
            or _LETTERED_TITLE_RE.match(title or "")
        )
        if match:
            starts.setdefault(f"SECTION {match[1].upper()}", first)
        page = _PAGE_TITLE_RE.match(title or "")
        if page:
            # "PAGE 5: Booking": a web form's numbered page, which its logic names "page 5"
            starts.setdefault(f"PAGE {page[1]}", first)
    return starts


_PAGE_TITLE_RE = re.compile(r"^\s*PAGE\s+(\d{1,2})\b(?!\s+OF\b)", re.I)
_PAGE_TARGET_RE = re.compile(r"^PAGE\s+(\d{1,2})$", re.I)


# "4 Final comments", "4. Final comments": a section numbered without the word "Section"
_NUMBERED_TITLE_RE = re.compile(r"^\s*(\d{1,2})[.)]?\s+[^\W\d]")
# "C. Your connection": a section lettered without the word "Section" (the stop is needed: a
# title may open with a one-letter word)
_LETTERED_TITLE_RE = re.compile(r"^\s*([A-Z])[.)]\s+[^\W\d]")


_LAST_PART_RE = re.compile(r"^(?:THE\s+)?(?:LAST|FINAL)\s+(?P<what>SECTION|PART|PAGE)$", re.I)


def _last_part(builts: list[Built], page: bool) -> str | None:
    """The first question of the last page (after the last page break) or of the last section,
    where the form has more than one."""
    if page:
        broken = [b for b in builts[1:] if b.page_break_before]
        if broken:
            return broken[-1].question.id
    blocks = [b.block for b in builts]
    if len(set(blocks)) < 2:
        return None
    return next(b.question.id for b in builts if b.block == blocks[-1])


def _end_of_part(builts: list[Built], index: int) -> str:
    """Where "END OF MODULE" leads: the part's closing screen, else the next part's first
    question, else the end of the survey."""
    here = builts[index].block
    for later in builts[index + 1 :]:
        if later.block != here:
            return later.question.id
        if later.question.type == "display" and _CLOSING_SCREEN_RE.search(later.question.id):
            return later.question.id
    return "END"


# "R.411", "No. 12": an item named by its number after an abbreviated word (rincian, number)
_NUMBERED_ITEM_RE = re.compile(r"(?:[A-Za-z]{1,3}\.\s?)(\d{1,4}[a-z]?)")


def numbered_item(raw: str) -> str:
    """`R.411` → `Q411`: the id of an item named by its number after an abbreviation."""
    match = _NUMBERED_ITEM_RE.fullmatch(raw.strip())
    return "Q" + match[1] if match else ""


def _target(raw: str | None, questions: dict[str, Question]) -> str | None:
    if raw is None:
        return None
    if _END_RE.match(raw.strip()) and raw.strip().upper() not in questions:
        return "end"
    for candidate in (
        raw,
        raw.upper(),
        "Q" + raw if raw.isdigit() else "",
        clean_id(raw),
        "Q" + clean_id(raw),
        numbered_item(raw),
    ):
        if candidate and candidate in questions:
            return candidate
    # "ASK 5b IF …" names Q5b in capitals once the instruction is read in upper case
    folded = {qid.upper(): qid for qid in questions}
    found = folded.get(clean_id(raw).upper()) or folded.get("Q" + clean_id(raw).upper())
    if found is None and re.fullmatch(r"[A-Za-z]{0,3}\d{1,3}", raw.strip()):
        # "-> Q8" where Q8 is asked in parts Q8a, Q8b …: to its first part
        first = clean_id(raw).upper() + "A"
        found = folded.get(first) or folded.get("Q" + first)
    return found


# "IF NOT A UK RESIDENT (Q2 = 2), SKIP SECTION C": the section is passed over, not gone to
_SKIP_OVER_SECTION_RE = re.compile(
    r"\b(?:SKIP|OMIT|MISS\s+OUT)\s+(?:(?:THE\s+)?WHOLE\s+|ALL\s+OF\s+)?(?:THE\s+)?"
    r"(?:SECTION|PART|MODULE|BLOCK)\s+([A-Z0-9]{1,3})\b(?!\s*(?:AND|,))",
    re.I,
)


def _skipped_sections(builts: list[Built], sections: dict[str, str]) -> None:
    """A skip that passes over a named section ("SKIP SECTION C", no "to") filters the
    section's questions with the negated test: whatever comes between is still asked."""
    firsts = {b.question.id: b for b in builts}
    for built in builts:
        for pending in list(built.pending):
            over = _SKIP_OVER_SECTION_RE.search(pending.source or "")
            first = sections.get(f"SECTION {over[1].upper()}") if over else None
            start = firsts.get(first or "")
            if pending.kind != "skip" or start is None or not pending.condition:
                continue
            test = described_test(pending.condition)
            negated = f"NOT ({test['test'] if test else pending.condition})"
            built.pending.remove(pending)
            for member in builts[builts.index(start) :]:
                if member.block != start.block:
                    break
                member.pending.append(
                    Pending("display_if", negated, built.question.id, source=pending.source)
                )


def resolve_logic(
    builts: list[Built], answers: dict[str, str], sections: dict[str, str] | None = None
) -> list[Problem]:
    """Fill every question's routing from its pending items; return the problems found."""
    if sections:
        _skipped_sections(builts, sections)
    for built in builts:
        for pending in built.pending:
            section = _SECTION_KEY_RE.match((pending.target or "").strip())
            if section and sections:
                pending.target = sections.get(f"SECTION {section[1].upper()}", pending.target)
            page = _PAGE_TARGET_RE.match((pending.target or "").strip())
            if page and sections:
                pending.target = sections.get(f"PAGE {page[1]}", pending.target)
    for index, built in enumerate(builts):
        for pending in built.pending:
            last = _LAST_PART_RE.match((pending.target or "").strip())
            if last:
                pending.target = _last_part(builts, page=last["what"].upper() == "PAGE")
            elif _NEXT_SECTION_RE.match((pending.target or "").strip()):
                # "Go to next module": the first question of the next section
                later = next((b for b in builts[index + 1 :] if b.block != built.block), None)
                pending.target = later.question.id if later else "END"
            elif _END_OF_SECTION_RE.match((pending.target or "").strip()):
                pending.target = _end_of_part(builts, index)
    questions = {b.question.id: b.question for b in builts}
    order = {qid: index for index, qid in enumerate(questions)}
    problems: list[Problem] = []
    for built in builts:
        for pending in built.pending:
            try:
                problem = _resolve(built, pending, questions, order, answers)
            except (ValueError, IndexError, KeyError) as error:
                problem = Problem(
                    "logic-unparsed",
                    built.question.id,
                    f"{built.question.id}: could not read '{pending.source}' ({error}).",
                    pending.source,
                    ["Ignore this instruction"],
                )
            if problem is not None and not pending.quiet:
                problems.append(problem)
    fold_section_pairs(list(questions.values()), {b.question.id: b.block for b in builts})
    fold_branch_pairs(list(questions.values()))
    drop_onward_skips(list(questions.values()), lone=not answers)
    _drop_skips_that_screen_out(list(questions.values()))
    return problems


def _drop_skips_that_screen_out(questions: list[Question]) -> None:
    """A skip to the END screen on the very answers that already screen out ("IF NO, END THE
    INTERVIEW" in the question over `NO … 2  → END`) says it once more: the screen-out stays."""
    for question in questions:
        if question.terminate_if:
            question.skip_to = [
                rule
                for rule in question.skip_to
                # only "END" itself: "GO TO END OF BLOCK (CLOSE)" names a page to go to
                if not (rule.if_ == question.terminate_if and rule.to.upper() == "END")
            ]


def _resolve(
    built: Built,
    pending: Pending,
    questions: dict[str, Question],
    order: dict[str, int],
    answers: dict[str, str],
) -> Problem | None:
    question = built.question
    holder = question
    if pending.kind == "ask_target":
        target = _target(pending.target, questions)
        if target is None or target == "end":
            return _missing(question.id, pending, questions, order, answers, holder=None)
        holder = questions[target]
        # "Detractors (0–6) see Q15a; Passives (7–8) Q15b": bare codes are those of the
        # question the note is written under, however far on the question asked of them is
        bare = re.fullmatch(
            r"CODES?\s+[\d\s,–-]+(?:(?:OR|AND|TO)[\d\s,–-]+)*", pending.condition or ""
        )
        default = question.id if bare else _previous(target, order)
        pending = Pending("display_if", pending.condition, default, source=pending.source)
    unparsed = Problem("logic-unparsed", question.id, "", pending.source)
    copied = _same_filter_as(pending, questions, order, holder)
    if copied is not None and unparsed.id not in answers:
        # "As R5", "Same base as R5" in a filter column: that earlier question's filter
        holder.display_if = _join(holder.display_if, copied, "and")
        return None
    if unparsed.id in answers:
        return _apply_expression(holder, pending, answers[unparsed.id])
    try:
        try:
            groups = _groups(pending, questions)
        except ConditionError:
            moved = _next_own_skip(question, pending, questions, order)
            if moved is None:
                raise
            # "Skip logic: if 'Yes' → jump to Q11." printed after Q8's answers: Q9's skip
            question = holder = questions[moved.default or ""]
            pending, groups = moved, _groups(moved, questions)
    except ConditionError as error:
        unparsed.summary = f"{question.id}: could not turn '{pending.source}' into logic ({error})."
        unparsed.suggestions = ["Ignore this instruction"]
        return unparsed
    named = {a.question for g in groups for a in g}
    ids = list(order)
    if (
        pending.kind == "display_if"
        and holder is question
        and named == {question.id}
        and order[question.id] + 1 < len(ids)
        and (
            _NOT_ASKED_RE.search(pending.source)
            or _SHOWN_ONLY_RE.search(pending.source)
            or _DISPLAY_KEY_RE.match(pending.source)
        )
    ):
        # a question left out on its own answer, set down after it ("Not asked if the answer
        # at G1 was 0" under G1): the next question's filter, as no question filters itself
        # (a bare "IF MORE THAN 3 AT G3" above G3 says nothing about the question after it)
        holder = questions[ids[order[question.id] + 1]]
    limit = order[holder.id] - (1 if pending.kind == "display_if" else 0)
    if any(order.get(a.question, -1) > limit for g in groups for a in g):
        return Problem(
            "reference-forward",
            question.id,
            f"{holder.id}: the condition '{pending.source}' names a later question.",
            pending.source,
            ["Ignore this instruction"],
        )
    unknown = _unknown_codes(groups, questions)
    if unknown is not None:
        groups = _known_only(groups, questions)
        if not groups:
            return unknown
    if pending.kind == "terminate_if" and _codes_of_written(groups, questions):
        # "TERMINATE IF FEWER THAN 12 WORDS" under an open answer: a written answer has no
        # code to screen out on (a count of words is checked by hand); asked, not guessed
        unparsed.summary = f"{question.id}: '{pending.source}' tests a written answer's words."
        unparsed.suggestions = ["Ignore this instruction"]
        return unparsed
    if pending.kind == "terminate_if":
        # "any code other than 2" on a single: the other codes
        groups = screened_codes(groups, questions, pending.source)
    expression = render(groups, questions)
    if (
        pending.kind == "skip"
        and _target(pending.target, questions) == question.id
        and re.search(rf"\bSKIP\s+(?:QUESTION\s+)?{re.escape(question.id)}\b", pending.source, re.I)
    ):
        # "If you have already … (the first box at Q14), please skip Q15." under Q15: Q15 is
        # passed over by them, asked of everyone else
        question.display_if = _join(question.display_if, f"not ({expression})", "and")
        return unknown
    if pending.kind == "skip_unless":
        return _skip_unless(question, pending, expression, questions, order, answers) or unknown
    if pending.kind == "display_if":
        holder.display_if = _join(holder.display_if, expression, "and")
    elif pending.kind == "terminate_if":
        holder.terminate_if = _join(holder.terminate_if, expression, "or")
    elif pending.kind == "skip":
        question = _skip_holder(question, groups, questions, order)
        return _skip(question, pending, expression, questions, order, answers) or unknown
    return unknown


# "As R5", "Same as Q5", "Same filter as Q5", "As for Q5", "As per Q5": another question's filter
_SAME_AS_RE = re.compile(
    r"^\W*(?:(?:THE\s+)?SAME(?:\s+(?:FILTER|BASE|ROUTING|CONDITION|RULE|LOGIC))?\s+AS"
    r"|AS(?:\s+(?:FOR|PER|AT|WITH))?)\s+(?:QUESTION\s+)?(?P<id>[A-Z]{0,4}\d{1,3}[a-z]?)\W*$",
    re.I,
)


def _same_filter_as(
    pending: Pending, questions: dict[str, Question], order: dict[str, int], holder: Question
) -> str | None:
    """The filter of the earlier question a filter names as its own ("As R5"), if it has one."""
    if pending.kind != "display_if" or pending.codes:
        return None
    found = _SAME_AS_RE.match(pending.condition or "")
    if found is None:
        return None
    named = found["id"].upper()
    key = next((k for k in questions if k.upper() in (named, "Q" + named)), None)
    if key is None or order[key] >= order[holder.id]:
        return None
    return questions[key].display_if or None


_WRITTEN = frozenset({"text", "long_text", "email", "date", "display"})


def _next_own_skip(
    question: Question,
    pending: Pending,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Pending | None:
    """ "Skip logic: if 'Yes' → jump to Q11." printed after Q8's answers, where Q8 has no
    answer 'Yes' and Q9 (right after the note) has, and the jump passes Q9: a form export that
    prints each question's logic above it, so the skip is the next question's, on its answer."""
    if pending.kind != "skip" or pending.default != question.id or pending.codes:
        return None
    if re.search(r"\b[A-Z]{1,4}\d", pending.condition or ""):
        return None  # a question named in the test: read against that one
    ids = list(order)
    here = order[question.id]
    target = _target(pending.target, questions)
    if here + 1 >= len(ids) or target is None or target == "end" or order[target] <= here + 1:
        return None
    following = questions[ids[here + 1]]
    if not following.options:
        return None
    return Pending(
        "skip", pending.condition, following.id, target=pending.target, source=pending.source
    )


def _codes_of_written(groups: list[list[Atom]], questions: dict[str, Question]) -> bool:
    """A code test on a question answered in writing (no codes to hold)."""
    return any(
        a.op is None and a.codes and questions[a.question].type in _WRITTEN
        for g in groups
        for a in g
        if a.question in questions
    )


def _skip_holder(
    question: Question,
    groups: list[list[Atom]],
    questions: dict[str, Question],
    order: dict[str, int],
) -> Question:
    """A filter box set over a question whose skip names only an earlier question
    (`IF E03 = 1, 2 -> E05` above E04) routes from that question, after it is answered."""
    named = {atom.question for group in groups for atom in group}
    source = next(iter(named)) if len(named) == 1 else None
    here = order[question.id]
    if source is None or source == question.id or order.get(source, here) >= here:
        return question
    return questions[source]


def _skip_unless(
    question: Question,
    pending: Pending,
    expression: str,
    questions: dict[str, Question],
    order: dict[str, int],
    answers: dict[str, str],
) -> Problem | None:
    """ "IF … CONTINUE, ELSE SKIP TO X": where X follows the next question, that question is
    asked only if the condition holds (the samples' convention); otherwise a negated skip."""
    target = _target(pending.target, questions)
    ids = list(order)
    here = order[question.id]
    if target is not None and target != "end" and order[target] == here + 2:
        following = questions[ids[here + 1]]
        following.display_if = _join(following.display_if, expression, "and")
        return None
    return _skip(question, pending, f"not ({expression})", questions, order, answers)


def _known_only(groups: list[list[Atom]], questions: dict[str, Question]) -> list[list[Atom]]:
    """The condition without codes its question does not have (the problem is reported)."""
    kept: list[list[Atom]] = []
    for group in groups:
        atoms = []
        for atom in group:
            options = {o.code for o in questions[atom.question].options}
            if atom.op is None and options:
                atom.codes = [c for c in atom.codes if c in options]
                if not atom.codes:
                    continue
            atoms.append(atom)
        if len(atoms) == len(group):
            kept.append(atoms)
    return kept


def _previous(qid: str, order: dict[str, int]) -> str | None:
    ids = list(order)
    index = order[qid]
    return ids[index - 1] if index > 0 else None


def _join(existing: str | None, expression: str, joiner: str) -> str:
    if not existing or existing == expression:
        return expression
    if joiner == "and":
        narrower = _narrower(existing, expression)
        if narrower:
            return narrower
        # "(E3 == '2') and (ECON in ['1','2'])" then "ECON == '1'": the narrower test takes
        # the place of the wider one among those already joined
        parts = _conjuncts(existing)
        for index, part in enumerate(parts):
            narrower = _narrower(part, expression) if len(parts) > 1 else None
            if narrower:
                parts[index] = narrower
                return " and ".join(f"({p})" for p in parts)
    return f"({existing}) {joiner} ({expression})"


def _conjuncts(expression: str) -> list[str]:
    """The tests an expression joins with `and` at its top level, each without its brackets."""
    parts, depth, start, quoted = [], 0, 0, False
    for index, char in enumerate(expression):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "([":
            depth += 1
        elif not quoted and char in ")]":
            depth -= 1
        elif not quoted and depth == 0 and expression.startswith(" and ", index):
            parts.append(expression[start:index])
            start = index + 5
    parts.append(expression[start:])
    out = []
    for part in parts:
        part = part.strip()
        while part.startswith("(") and part.endswith(")") and _conjuncts_closed(part):
            part = part[1:-1].strip()
        out.append(part)
    return out


def _conjuncts_closed(part: str) -> bool:
    """Whether the bracket opening `part` closes at its end."""
    depth = 0
    for index, char in enumerate(part):
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return index == len(part) - 1
    return False


# one test of a question's codes: "A1 == '2'", "A1 in ['1','2']"
_CODE_TEST_RE = re.compile(r"^(?P<q>\w+) (?:== '(?P<one>[^']*)'|in \[(?P<many>'[^\]]*')\])$")


def _code_test(expression: str) -> tuple[str, set[str]] | None:
    match = _CODE_TEST_RE.match(expression.strip())
    if match is None:
        return None
    if match["one"] is not None:
        return match["q"], {match["one"]}
    codes = set(re.findall(r"'([^']*)'", match["many"]))
    return match["q"], codes


def _narrower(first: str, second: str) -> str | None:
    """A section's base and a question's own filter on the same question ("A1 in 1-3" and
    "A1 == 1"): the narrower test alone says both."""
    a, b = _code_test(first), _code_test(second)
    if a is None or b is None or a[0] != b[0]:
        return None
    if b[1] <= a[1]:
        return second
    if a[1] <= b[1]:
        return first
    return None


def _unknown_codes(groups: list[list[Atom]], questions: dict[str, Question]) -> Problem | None:
    for qid, code in referenced_codes(groups):
        target = questions[qid]
        if target.options and code not in {o.code for o in target.options}:
            return Problem(
                "codes-unknown",
                qid,
                f"A condition names code {code}, which {qid} does not have.",
                f"{qid} code {code}",
                ["Keep it", "Remove the condition"],
            )
    return None


def _skip(
    question: Question,
    pending: Pending,
    expression: str,
    questions: dict[str, Question],
    order: dict[str, int],
    answers: dict[str, str],
) -> Problem | None:
    target = _target(pending.target, questions)
    if target is None:
        problem = _missing(question.id, pending, questions, order, answers, holder=question)
        if problem is not None:
            return problem
        target = _answered_target(question.id, pending, answers, questions, order)
        if target is None:
            return None
    if (
        target != "end"
        and order[target] == order[question.id] + 1
        # ("IF WORKING GO TO SECTION E, ELSE GO TO F" with E next: the others' way is the
        # next section's filter, as its heading writes it)
        and re.search(r"\b(?:CONTINUE|ELSE|OTHERWISE)\b", pending.source or "", re.I)
    ):
        return None  # "IF 4 OR 5 -> CONTINUE WITH E04", the next question: no skip
    if target != "end" and order[target] <= order[question.id]:
        problem = Problem(
            "reference-forward",
            question.id,
            f"{question.id} routes back to {target}; a skip must go forward.",
            pending.source,
            ["Skip to the end of the survey", "Ignore this instruction"],
        )
        if problem.id not in answers:
            return problem
        target = _pick_target(answers[problem.id], questions, order, question.id)
        if target is None:
            return None
    screened_out = target == "end" and (
        _END_OF_SURVEY_RE.match((pending.target or "").strip())
        # "1 or 2 → END" with no END screen: the arrow tag a screener puts on answers that
        # screen out, written once under the list (as on the answers, a termination)
        or (
            re.search(r"(?:→|-+>)\s*(?:END|CLOSE)\s*\.?$", pending.source or "")
            # a screen named so in any case ("end" in a spreadsheet spec) is that page
            and not _named_screen(pending.target, questions)
        )
    )
    if screened_out or _far_close(target, pending, question, order):
        # "skip: if [2] -> end of survey": sent out of the survey, as a screen-out is (as
        # Qualtrics' "Skip To: End of Survey"); a bare "go to end" stays a skip
        before = question.terminate_if
        question.terminate_if = f"({before}) or ({expression})" if before else expression
        return None
    if target == "end":
        target = _closing_screen(questions) or target
    for rule in question.skip_to:
        if rule.to == target:
            rule.if_ = f"({rule.if_}) or ({expression})"
            return None
    question.skip_to.append(SkipRule(**{"if": expression, "to": target}))
    return None


#: how many questions an arrow to the closing screen may pass over and still be a route to it
NEAR_CLOSE = 3


def _far_close(target: str, pending: Pending, question: Question, order: dict[str, int]) -> bool:
    """ "→ CLOSE" on an answer where the survey has a CLOSE screen: a route there from one of
    the last questions ("No → CLOSE" under "May we contact you again?"), but from further back
    (a screener's answer) it sends the person past the whole survey, a screen-out."""
    if not re.search(r"(?:→|-+>)\s*CLOSE\s*\.?$", pending.source or "") or target not in order:
        return False
    return order[target] - order[question.id] > NEAR_CLOSE + 1


def _named_screen(raw: str | None, questions: dict[str, Question]) -> bool:
    """True when a question or screen has the target's name, whatever its case."""
    wanted = (raw or "").strip().upper()
    return any(qid.upper() == wanted for qid in questions)


def _closing_screen(questions: dict[str, Question]) -> str | None:
    """ "No (if no, go to the end)": where the survey ends on its own closing screen ("CLOSE",
    "THANKS"), a skip to the end goes to that screen, the page a respondent then sees."""
    last = list(questions.values())[-1] if questions else None
    if last is not None and last.type == "display" and _CLOSING_SCREEN_RE.search(last.id):
        return last.id
    return None


def _missing(
    qid: str,
    pending: Pending,
    questions: dict[str, Question],
    order: dict[str, int],
    answers: dict[str, str],
    holder: Question | None,
) -> Problem | None:
    problem = Problem(
        "reference-missing",
        qid,
        f"{qid} routes to {pending.target}, which does not exist.",
        pending.source,
        ["Skip to the end of the survey", *_nearby(pending.target, questions, order, qid)],
    )
    if problem.id in answers:
        return None
    return problem


def _nearby(
    raw: str | None, questions: dict[str, Question], order: dict[str, int], qid: str
) -> list[str]:
    later = [q for q in questions if order[q] > order[qid]]
    return [f"Skip to {q}" for q in later[:2]]


def _answered_target(
    qid: str,
    pending: Pending,
    answers: dict[str, str],
    questions: dict[str, Question],
    order: dict[str, int],
) -> str | None:
    problem = Problem("reference-missing", qid, "", pending.source)
    return _pick_target(answers.get(problem.id, ""), questions, order, qid)


def _pick_target(
    answer: str, questions: dict[str, Question], order: dict[str, int], qid: str
) -> str | None:
    if re.search(r"\bend\b", answer, re.I):
        return "end"
    match = re.search(r"\b([A-Za-z]*\d+[a-z]?)\b", answer)
    if match and match[1] in questions and order[match[1]] > order[qid]:
        return match[1]
    return None


def _apply_expression(question: Question, pending: Pending, answer: str) -> Problem | None:
    if re.match(r"^ignore\b", answer, re.I):
        return None
    if pending.kind == "display_if":
        question.display_if = _join(question.display_if, answer, "and")
    elif pending.kind == "terminate_if":
        question.terminate_if = _join(question.terminate_if, answer, "or")
    elif pending.kind == "skip" and pending.target:
        question.skip_to.append(SkipRule(**{"if": answer, "to": pending.target}))
    return None
