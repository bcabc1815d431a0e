"""IR→IR rewrites shared by platforms, run by an exporter before output (its `PREPROCESS`).

Each takes the working copy of the survey and the exporter (to report what the rewrite
loses) and returns the rewritten survey. They only ever make the IR simpler: a platform
without skip logic gets `display_if` conditions, one without carry-forward gets the
source question's options, one without constant sums gets number questions.
"""

from __future__ import annotations

from typing import Protocol

from fielder.ir.models import Block, Item, Option, Question, Survey, Validation


class Reporter(Protocol):
    """What a rewrite needs of the exporter: somewhere to report what it loses."""

    def unsupported(self, element_id: str, feature: str, reason: str) -> None:
        """Record a feature that could not be carried across."""


def conjoin(*conditions: str | None) -> str | None:
    """`a and b` of the non-empty conditions, each parenthesised; None when there are none."""
    parts = [c for c in conditions if c]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return " and ".join(f"({c})" for c in parts)


def disjoin(*conditions: str | None) -> str | None:
    """`a or b` of the non-empty conditions, each parenthesised; None when there are none."""
    parts = [c for c in conditions if c]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return " or ".join(f"({c})" for c in parts)


def negate(condition: str) -> str:
    """`not (condition)`."""
    return f"not ({condition})"


def skip_to_display_if(survey: Survey, reporter: Reporter) -> Survey:
    """Turn each forward `skip_to` into `display_if` conditions on the questions it skips.

    `Q5 skip to Q9 if C` hides Q6–Q8 when Q5 was shown and C holds (to `end`: every later
    question). A backward or unknown target cannot be expressed this way and is reported.
    """
    order = survey.questions()
    position = {q.id: i for i, q in enumerate(order)}
    block_start = {b.id: b.questions()[0].id for b in survey.blocks if b.questions()}
    endings = {ending.id for ending in survey.endings}
    for index, question in enumerate(order):
        for rule in question.skip_to:
            if rule.to in endings and rule.to not in position:
                reporter.unsupported(
                    question.id, "skip_to", f"ends by hiding the rest; the {rule.to} screen is lost"
                )
            target = "end" if rule.to in endings and rule.to not in position else rule.to
            stop = _skip_stop(target, position, block_start, len(order))
            if stop is None or stop <= index:
                reporter.unsupported(
                    question.id, "skip_to", f"skip to {rule.to!r} does not go forward"
                )
                continue
            skip_when = conjoin(question.display_if, rule.if_) or rule.if_
            for later in order[index + 1 : stop]:
                later.display_if = conjoin(later.display_if, negate(skip_when))
        question.skip_to = []
    return survey


def _skip_stop(
    target: str, position: dict[str, int], block_start: dict[str, str], total: int
) -> int | None:
    if target == "end":
        return total
    if target in position:
        return position[target]
    if target in block_start:
        return position[block_start[target]]
    return None


def expand_carry_forward(survey: Survey, reporter: Reporter) -> Survey:
    """Give each carry-forward question the full option list of its source question.

    The platform shows every option instead of only those selected (or not) earlier; that
    narrowing is reported as not carried.
    """
    questions = survey.question_map()
    for question in survey.questions():
        source_ref = question.options_from
        if source_ref is None:
            continue
        source = questions.get(source_ref.question)
        if source is not None and not question.options:
            question.options = [option.model_copy() for option in source.options]
        which = "selected" if source_ref.selected else "not selected"
        reporter.unsupported(
            question.id,
            "options_from",
            f"shows all options of {source_ref.question}, not only those {which}",
        )
        question.options_from = None
    return survey


def constant_sum_to_numbers(survey: Survey, reporter: Reporter) -> Survey:
    """Replace each constant-sum question by a note and one number question per option.

    Ids are `<question>_<code>`; the required total is reported as not carried.
    """
    for block in survey.blocks:
        items: list[Item] = []
        for item in block.items:
            if isinstance(item, Question) and item.type == "constant_sum":
                items.extend(_split_constant_sum(item, reporter))
            else:
                items.append(item)
        block.items = items
    return survey


def _split_constant_sum(question: Question, reporter: Reporter) -> list[Item]:
    reporter.unsupported(
        question.id, "total", f"separate numbers; their total of {question.total} is not checked"
    )
    blank = {"options": [], "required": False, "validation": None, "total": None}
    note = question.model_copy(update={"type": "display", **blank})
    numbers: list[Item] = [note]
    for option in question.options:
        numbers.append(
            Question(
                id=f"{question.id}_{_code_id(option)}",
                type="number",
                text=option.label,
                required=question.required,
                display_if=question.display_if,
                validation=Validation(min=0, max=question.total),
            )
        )
    return numbers


def _code_id(option: Option) -> str:
    return "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in option.code)


def one_page_per_block(survey: Survey, reporter: Reporter) -> Survey:
    """Drop page breaks inside blocks, for platforms whose pages are their blocks.

    Reported once per block that had breaks.
    """
    for block in survey.blocks:
        kept: list[Item] = [item for item in block.items if isinstance(item, Question)]
        if len(kept) != len(block.items):
            reporter.unsupported(block.id, "page_break", "pages follow blocks on this platform")
        block.items = kept
    return survey


def pages(block: Block) -> list[list[Question]]:
    """The pages of a block: runs of questions between page breaks (empty pages dropped)."""
    result: list[list[Question]] = [[]]
    for item in block.items:
        if isinstance(item, Question):
            result[-1].append(item)
        elif result[-1]:
            result.append([])
    return [page for page in result if page]
