"""Both branches of a split written out: `2 → Q3` beside `1, 3, 9 → Q4`.

A routing column often names where every answer goes, the next question included. When one
branch goes on to the very next question and every other branch jumps to the question after
it, the pair says no more than "the next question is asked only on that branch": it is the
`display_if` of the next question, and the question's own skips are dropped. Branches that go
further, or several questions on, are left as skips, and so is a jump to the closing screen
that ends the questionnaire (`1 → Q9` / `2 → END` on the question before the last).
"""

from __future__ import annotations

from fielder.ir.models import Question


def fold_branch_pairs(questions: list[Question]) -> None:
    """Turn each question's `→ next` / `→ after next` skip pair into the next one's display_if."""
    for here, question in enumerate(questions[:-2]):
        following, after = questions[here + 1], questions[here + 2]
        onward = [rule for rule in question.skip_to if rule.to == following.id]
        around = [rule for rule in question.skip_to if rule.to == after.id]
        if len(onward) != 1 or not around or len(onward) + len(around) != len(question.skip_to):
            continue
        if after is questions[-1] and after.type == "display":
            # "1 → Q9; 2 → END": leaving for the closing screen stays a skip; going on to the
            # next question is no routing at all
            question.skip_to = [rule for rule in question.skip_to if rule not in onward]
            continue
        condition = onward[0].if_
        following.display_if = (
            f"({following.display_if}) and ({condition})" if following.display_if else condition
        )
        question.skip_to = []


def fold_section_pairs(questions: list[Question], blocks: dict[str, object]) -> None:
    """`Yes → Go to section 2` / `No → Go to section 3` on the question ending section 1: the
    pair names a whole section asked on one branch only (a form builder routes by sections,
    so its pair jumps all the questions of the section, not one). Where the onward branch goes
    to the next question, which opens a section, and every other branch to the first question
    after that section, the onward test is the `display_if` of each of the section's questions."""
    for here, question in enumerate(questions[:-1]):
        following = questions[here + 1]
        onward = [rule for rule in question.skip_to if rule.to == following.id]
        if len(onward) != 1 or blocks.get(following.id) == blocks.get(question.id):
            continue
        section = [q for q in questions[here + 1 :] if blocks.get(q.id) == blocks.get(following.id)]
        if questions[here + 1 : here + 1 + len(section)] != section:
            continue
        beyond = here + 1 + len(section)
        if beyond >= len(questions) or len(section) < 2:
            continue  # one question jumped: the plain pair's (fold_branch_pairs)
        rest = [rule for rule in question.skip_to if rule not in onward]
        if not rest or any(rule.to != questions[beyond].id for rule in rest):
            continue
        condition = onward[0].if_
        for member in section:
            member.display_if = (
                f"({member.display_if}) and ({condition})" if member.display_if else condition
            )
        question.skip_to = []


def drop_onward_skips(questions: list[Question], lone: bool = True) -> None:
    """A skip to the question that comes next anyway routes nothing (`T4∋1→T5` with T5 next,
    beside other branches that jump further; a `Next` column's `1 → B2` or bare `→ B4` on every
    row): the default flow, not a skip. A route to a closing screen that happens to come next
    (`M3 = 1 → END` on the last question) stays: it says where the survey ends; so does a lone
    skip where `lone` is False (clarifications answered: "Skip to Q2" is the user's own)."""
    for question, following in zip(questions, questions[1:], strict=False):
        alone = len(question.skip_to) == 1
        if not question.skip_to:
            continue
        if alone and (following.type == "display" or not lone):
            # ("| 1 | Yes | → WP7 |" and "| 2 | No | → WP7 |": every answer goes on, no routing)
            if not _every_answer(question, question.skip_to[0].if_):
                continue
        question.skip_to = [rule for rule in question.skip_to if rule.to != following.id]


def _every_answer(question: Question, condition: str) -> bool:
    """True when the condition is the question's own test on all of its answers' codes."""
    codes = [option.code for option in question.options or []]
    if len(codes) < 2:
        return False
    listed = ",".join(f"'{code}'" for code in codes)
    return condition.replace(" ", "") == f"{question.id}in[{listed}]"
