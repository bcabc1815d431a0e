"""Pass: carry-forward ("SHOW ONLY BRANDS SELECTED AT A3") → `options_from` and options."""

from __future__ import annotations

from fielder.compiler.build import Built, directives_of
from fielder.compiler.diagnostics import Problem
from fielder.compiler.passes.logic import numbered_item
from fielder.ir.models import Option, OptionsFrom


def resolve_carry(builts: list[Built]) -> list[Problem]:
    """Point carried questions at their source; fill options where none are written."""
    questions = {b.question.id: b.question for b in builts}
    order = {qid: index for index, qid in enumerate(questions)}
    problems: list[Problem] = []
    for built in builts:
        if built.carry is None:
            continue
        source_id, selected = built.carry
        question = built.question
        source = (
            questions.get(source_id)
            or questions.get(numbered_item(source_id))
            # "circled at question 2": a bare number names the question numbered so
            or (questions.get("Q" + source_id) if source_id.isdigit() else None)
        )
        usable = (
            source is not None
            and source is not question
            and bool(source.options)
            and source.type in ("single", "multi", "dropdown", "ranking", "scale")
            and order[source.id] < order[question.id]
        )
        if source is None or not usable:
            problems.append(
                Problem(
                    "reference-missing",
                    question.id,
                    f"{question.id} shows answers from {source_id}, which is not an earlier "
                    "question with answers to carry.",
                    source_id,
                    ["Ignore this instruction"],
                )
            )
            continue
        if question.type in ("text", "long_text", "display", "number"):
            # the type the instructions name ("RANKING. SHOW ONLY THOSE SELECTED AT Q6.")
            question.type = "single"
            for kind in ("ranking", "multi", "dropdown", "constant_sum"):
                if kind in built.words and not (kind == "constant_sum" and not _total(built)):
                    question.type = kind
                    break
        carried = [o.model_copy() for o in source.options if not (o.exclusive and selected)]
        if built.carry_codes:  # "As A7, codes 1–6 only": the codes named, of those
            carried = [o for o in carried if o.code in built.carry_codes]
        for option in carried:
            option.exclusive = option.exclusive and question.type == "multi"
            option.specify = False  # the "other" was typed in at the source already
        if not question.options:
            question.options = carried
        elif _only_extras(question.options, carried):
            # "SHOW BRANDS SELECTED AT A3, THEN:" over only 97/98/99: the carried answers
            # come first, the ones written under the question after them
            question.options = [*carried, *question.options]
        if selected:
            # the source's list written again ("Use the codes from C1") under a carry of the
            # answers given there: its "other" was typed in at the source too
            given = {o.code for o in carried}
            for option in question.options:
                option.specify = option.specify and option.code not in given
        question.options_from = OptionsFrom(question=source.id, selected=selected)
        # the answers are the source's now: "no answers listed" no longer holds
        built.problems = [p for p in built.problems if "no answers listed" not in p.summary]
    return problems


def _only_extras(written: list[Option], carried: list[Option]) -> bool:
    """True when the answers written under a carried question are only additions (other, none,
    don't know): none of them shares a code or words with the carried answers."""
    codes = {o.code for o in carried}
    labels = {o.label.strip().lower() for o in carried}
    return bool(carried) and not any(
        o.code in codes or o.label.strip().lower() in labels for o in written
    )


def _total(built: Built) -> bool:
    """Give a question turned constant_sum here the total its words name; False when none
    does (a constant sum without a total is not valid IR)."""
    for directive in directives_of([built.excerpt]):
        if directive.kind == "total" and directive.value:
            built.question.total = float(directive.value)
            return True
    return False
