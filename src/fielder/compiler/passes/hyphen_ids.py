"""Pass: a question label printed with a hyphen (`A-1)`, `Q-12.`, `S-3a`) gets the IR id the
gold conventions fold it to, `A_1` (IR ids are ASCII identifiers; a hyphen becomes `_`).

The rules read the document with the hyphen dropped (`A1`), so that routing written either way
(`GO TO A-3`, `IF A3 = 1`) finds its question; once every rule has run, the ids of the hyphenated
labels are renamed through the survey: ids, conditions, skip targets, carried lists, quotas,
piped names, and the question named by each open problem; the question's words get back the
references as printed (`hyphen_labels` wrote them plain for the rules).
"""

from __future__ import annotations

import re

from fielder.compiler.diagnostics import Problem
from fielder.compiler.parse import Draft
from fielder.ir.models import Question, Survey


def hyphen_ids(
    pairs: list[tuple[Question, Draft]], survey: Survey, problems: list[Problem]
) -> None:
    """Rename the questions whose printed label has a hyphen after its letters."""
    taken = {question.id for question in survey.questions()}
    names: dict[str, str] = {}
    for question, draft in pairs:
        label = draft.label
        if label is None or not label.hyphen or question.id != label.id:
            continue
        new = re.sub(r"^([A-Za-z]{1,4})(?=\d)", r"\1_", question.id)
        if new != question.id and new not in taken:
            names[question.id] = new
    if not names:
        return
    printed = {old: new.replace("_", "-", 1) for old, new in names.items()}
    token = re.compile(
        r"(?<![A-Za-z0-9_.'])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_'])"
    )

    def renamed(text: str) -> str:
        return token.sub(lambda m: names[m[1]], text)

    for question in survey.questions():
        question.id = names.get(question.id, question.id)
        if question.display_if:
            question.display_if = renamed(question.display_if)
        if question.terminate_if:
            question.terminate_if = renamed(question.terminate_if)
        for rule in question.skip_to:
            rule.if_ = renamed(rule.if_)
            rule.to = names.get(rule.to, rule.to)
        if question.options_from is not None:
            carried = question.options_from.question
            question.options_from.question = names.get(carried, carried)
        for old, new in names.items():
            question.text = question.text.replace("{{" + old + "}}", "{{" + new + "}}")
        # the words keep the references as printed ("… at Q-7"), read plain by the rules
        question.text = token.sub(lambda m: printed[m[1]], question.text)
    for quota in survey.quotas:
        quota.condition = renamed(quota.condition)
    for variable in survey.variables:
        variable.expression = renamed(variable.expression)
    for problem in problems:
        if problem.question_id in names:
            problem.shown_id = names[problem.question_id]
            problem.summary = renamed(problem.summary)
