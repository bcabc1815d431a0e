"""Answer-by-answer jumps (`{1} or {2} ⇒ what_wrong`, a flowchart edge `Q3 -->|"2 No"| Q5`) as
the IR's logic, the way a survey programmer reads them: a jump to the end of the interview
ends it (`terminate_if`); a jump over one question only shows that question to the answers that
lead into it (`display_if`); a jump over more is a `skip_to`."""

from __future__ import annotations

from fielder.ir.models import Question, SkipRule

ENDS = frozenset({"END", "STOP", "EXIT", "CLOSE", "HANGUP", "SO", "SCREENOUT"})


def answer_test(qid: str, codes: list[str], multi: bool = False) -> str:
    """`Q == '1'`, `Q in ['1','2']`, or `Q contains …` for a multiple choice."""
    if multi:
        return " or ".join(f"{qid} contains '{c}'" for c in codes)
    if len(codes) == 1:
        return f"{qid} == '{codes[0]}'"
    return f"{qid} in [{','.join(repr(c) for c in codes)}]"


def apply_jumps(questions: list[Question], index: int, targets: dict[str, str | None]) -> None:
    """Set the logic of `questions[index]` from each answer code's next question id (None or
    the next question's id: straight on)."""
    question = questions[index]
    ids = [q.id for q in questions]
    following = ids[index + 1] if index + 1 < len(ids) else None
    multi = question.type == "multi"
    by_target: dict[str, list[str]] = {}
    for code, to in targets.items():
        if to and to != following:
            by_target.setdefault(to, []).append(code)
    for to, codes in by_target.items():
        if to.upper() in ENDS and to not in ids:
            question.terminate_if = answer_test(question.id, codes, multi)
        elif to in ids and ids.index(to) == index + 2 and following is not None:
            shown = [c for c, t in targets.items() if t in (None, following)]
            skipped = questions[index + 1]
            if skipped.display_if is None and shown:
                skipped.display_if = answer_test(question.id, shown, multi)
        elif to in ids and ids.index(to) > index:
            rule = {"if": answer_test(question.id, codes, multi), "to": to}
            question.skip_to.append(SkipRule.model_validate(rule))
