"""A form builder's branching written as one note of `answer → place` clauses.

Authors drafting for a tool that routes by sections ("go to section based on answer") write the
whole branching of a choice question in one note under its answers: `No → Submit form`, `No →
screen out, submit form (not eligible). Yes → Section 3. Cancelled → Section 4.`, `(Quite
unlikely / Very unlikely → Q9b, everyone else → Section 5)`. Each clause names answers (by their
words, or a word only one answer has; several joined by `/`, "or", ","; "everyone else" for the
rest) and a place: the form's end, a section by its number, or a question. Read as:

- the form's end: a screen-out on those answers;
- the very next question, the others sent to a later section: that question (and the rest of
  its section) is asked on those answers only (both branches written: the next questions'
  filter); where the others go to a question, the jump readers read the pair;
- a later question, beside a section's branch: a jump (unless the question has its jumps read
  already);
- sections, when the note routes every answer: each section that a named answer group goes to
  is asked of that group (a tool's branches are sections asked of one group each), except the
  one everyone else goes to and a last section that the section before it runs into.

A note only counts when every clause reads and every answer it names is one of the question's;
what it cannot read is left for the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fielder.compiler.parse import Draft
from fielder.ir.models import Question, SkipRule, Survey

_ARROW_RE = re.compile(r"\s*(?:→|(?<!-)-+>|=>|⇒)\s*")
_OTHERS_RE = re.compile(
    r"^(?:(?:everyone|everybody|anyone|all)\s+(?:else|others?)|(?:all\s+)?(?:the\s+)?others?|"
    r"otherwise|the\s+rest|any\s+other\s+answer)$",
    re.I,
)
_END_RE = re.compile(
    r"\b(?:submit(?:s|ted)?\s+(?:the\s+)?form|screen(?:ed)?[\s-]*out|end\s+(?:of\s+)?(?:the\s+)?"
    r"(?:survey|form|questionnaire)|terminate|not\s+eligible)\b",
    re.I,
)
_SECTION_RE = re.compile(
    r"^(?:(?:go|jump|skip)\s+(?:on\s+)?to\s+)?(?:the\s+)?(?:section|part|page)\s+(\d{1,2})\b", re.I
)
_QUESTION_RE = re.compile(
    r"^(?:(?:go|jump|skip)\s+(?:on\s+)?to\s+)?(?:question\s+)?([A-Za-z]{0,3}\d{1,3}[a-z]?)\b", re.I
)
_TITLE_NUMBER_RE = re.compile(r"^\W*(?:section|part|page)\s+(\d{1,2})\b", re.I)
_CHOICES = ("single", "multi", "dropdown", "scale")


def route_lists(pairs: Sequence[tuple[Question, Draft]], survey: Survey) -> None:
    """Read each choice question's note of `answer → place` clauses into logic."""
    questions = [question for question, _ in pairs]
    position = {id(q): i for i, q in enumerate(questions)}
    sections: dict[int, list[Question]] = {}
    block_of: dict[int, int] = {}
    for number, block in enumerate(survey.blocks):
        found = _TITLE_NUMBER_RE.match(block.title or "")
        if found:
            sections.setdefault(int(found[1]), block.questions())
        for question in block.questions():
            block_of[id(question)] = number
    notes = {id(q): " ".join([*d.pre_notes, *d.notes]) for q, d in pairs}
    for question, draft in pairs:
        if question.type not in _CHOICES or not question.options:
            continue
        for note in draft.notes:
            clauses = _clauses(note, question)
            if clauses:
                _apply(question, clauses, questions, position, sections, block_of, notes)
                break


Clause = tuple[list[str] | None, tuple[str, str]]  # (codes, or None for everyone else; place)


def _clauses(note: str, question: Question) -> list[Clause] | None:
    words = note.strip()
    if words.startswith("(") and words.endswith(")"):
        words = words[1:-1].strip()
    pieces = _ARROW_RE.split(words)
    if len(pieces) < 2:
        return None
    head = pieces[0].rsplit(":", 1)[-1].strip()  # "Go to section based on answer: No"
    sides: list[str] = [head]
    for middle in pieces[1:-1]:
        cut = list(re.finditer(r"[.;,]\s+", middle))
        if not cut:
            return None
        sides.extend([middle[: cut[-1].start()], middle[cut[-1].end() :]])
    sides.append(pieces[-1])
    clauses: list[Clause] = []
    for answers, place in zip(sides[::2], sides[1::2], strict=True):
        target = _place(place)
        codes = None if _OTHERS_RE.match(answers.strip().rstrip(".")) else _codes(answers, question)
        if target is None or codes == []:
            return None
        clauses.append((codes, target))
    return clauses


def _place(words: str) -> tuple[str, str] | None:
    plain = re.sub(r"\([^()]*\)", " ", words).strip().rstrip(".").strip()
    if _END_RE.search(plain):
        return ("end", "")
    found = _SECTION_RE.match(plain)
    if found:
        return ("section", found[1])
    found = _QUESTION_RE.match(plain)
    if found and re.search(r"\d", found[1]) and len(plain.split()) <= 4:
        return ("question", found[1])
    return None


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").strip().strip("\"“”'").strip()
    return " ".join(text.casefold().split())


def _codes(answers: str, question: Question) -> list[str]:
    """The codes of the answers the words name, or [] when any part names none (or two)."""
    whole = _one_answer(answers, question)
    if whole:
        return [whole]
    parts = [p for p in re.split(r"\s*/\s*|\s*,\s*|\s+or\s+", answers.strip()) if p.strip()]
    codes = [_one_answer(part, question) for part in parts]
    return [c for c in codes if c] if len(parts) > 1 and all(codes) else []


def _one_answer(words: str, question: Question) -> str | None:
    said = _norm(re.sub(r"\s*\[\d{1,3}\]\s*$", "", words))
    if not said:
        return None
    labels = [(o.code, _norm(o.label)) for o in question.options]
    for test in (
        lambda label: label == said,
        lambda label: len(said) >= 3 and label.startswith(said + " "),
        lambda label: len(said) >= 4 and re.search(rf"\b{re.escape(said)}\b", label) is not None,
    ):
        found = [code for code, label in labels if test(label)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _test(question: Question, codes: list[str]) -> str:
    if question.type == "multi":
        return " or ".join(f"{question.id} contains '{c}'" for c in codes)
    if len(codes) == 1:
        return f"{question.id} == '{codes[0]}'"
    return f"{question.id} in [{','.join(repr(c) for c in codes)}]"


def _join(question: Question, test: str) -> None:
    own = question.display_if
    if own and test in own:
        return
    question.display_if = f"{own} and ({test})" if own else test


def _apply(
    question: Question,
    clauses: list[Clause],
    questions: list[Question],
    position: dict[int, int],
    sections: dict[int, list[Question]],
    block_of: dict[int, int],
    notes: dict[int, str],
) -> None:
    named = [c for codes, _ in clauses if codes for c in codes]
    complete = any(codes is None for codes, _ in clauses) or set(named) >= {
        o.code for o in question.options
    }
    here = position[id(question)]
    by_id = {q.id.casefold(): q for q in questions}
    # ("→ Q9b, everyone else → Section 5": the others leave by sections, so the question
    # named runs to its section's end; "Yes → A3, No → A5" is the jump readers' own)
    sectioned = any(kind == "section" for _, (kind, _) in clauses)
    for codes, (kind, where) in clauses:
        if codes is None:
            continue
        if kind == "end":
            if question.terminate_if is None:
                question.terminate_if = _test(question, codes)
            continue
        if kind == "question":
            target = by_id.get(where.casefold()) or by_id.get(f"q{where}".casefold())
            if target is None or position[id(target)] <= here:
                continue
            if position[id(target)] == here + 1 and complete and sectioned:
                run = [target]
                for following in questions[here + 2 :]:
                    if block_of.get(id(following)) != block_of.get(id(target)):
                        break
                    run.append(following)
                for member in run:
                    _join(member, _test(question, codes))
            elif position[id(target)] > here + 1 and sectioned and not question.skip_to:
                question.skip_to.append(SkipRule(if_=_test(question, codes), to=target.id))
            continue
        members = sections.get(int(where), [])
        if not complete or not members or position[id(members[0])] <= here:
            continue
        if ("section", where) in {place for codes_, place in clauses if codes_ is None}:
            continue  # where everyone else goes: no branch of its own
        if _run_into(int(where), clauses, sections, notes):
            continue
        for member in members:
            _join(member, _test(question, codes))


def _run_into(number: int, clauses: list[Clause], sections: dict[int, list[Question]],
              notes: dict[int, str]) -> bool:  # fmt: skip
    """True for the last section the note names when the section before it runs into it: the
    group sent to the earlier section would reach it too, unless a note of that section sends
    them past it ("everyone else → Section 5", "After Q9b go to Section 5")."""
    named = sorted(int(where) for _, (kind, where) in clauses if kind == "section")
    if number != named[-1] or len(named) < 2:
        return False
    before = sections.get(number - 1, [])
    onward = [
        int(n)
        for q in before
        for n in re.findall(r"\b(?:section|part|page)\s+(\d{1,2})\b", notes.get(id(q), ""), re.I)
    ]
    return not any(number < later for later in onward)
