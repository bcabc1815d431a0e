"""Document → Survey IR: lines, drafts, questions, passes; problems become clarifications."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fielder.compiler.answer_heads import drop_answer_heads
from fielder.compiler.answer_runs import answer_run_lines
from fielder.compiler.answer_type_lines import answer_type_lines
from fielder.compiler.arrow_glyphs import plain_arrows
from fielder.compiler.badge_heads import badge_head_lines
from fielder.compiler.band_filters import band_filter_lines
from fielder.compiler.battery_tables import battery_document
from fielder.compiler.bilingual_tables import one_language_document
from fielder.compiler.box_columns import box_column_lines
from fielder.compiler.box_rows import box_row_lines
from fielder.compiler.boxed_points import boxed_point_lines
from fielder.compiler.boxes_above import box_above_lines
from fielder.compiler.build import Built, build_question, source_span
from fielder.compiler.button_rows import drop_button_rows
from fielder.compiler.callout_filters import callout_filter_lines
from fielder.compiler.caps_answer_runs import caps_answer_lines
from fielder.compiler.category_names import category_name_document
from fielder.compiler.change_keys import change_key_document
from fielder.compiler.circled_keys import circled_key_lines
from fielder.compiler.code_column_tables import code_column_document
from fielder.compiler.coded_heading_rows import coded_heading_lines
from fielder.compiler.comment_marks import comment_mark_document
from fielder.compiler.continued_filters import join_continued_filters
from fielder.compiler.counted_filters import copy_named_filters, spread_counted_filters
from fielder.compiler.crf_tables import crf_document
from fielder.compiler.cue_case import cue_case_lines
from fielder.compiler.cued_answers import cued_answer_lines
from fielder.compiler.decision_tables import decision_table_lines
from fielder.compiler.diagnostics import Clarification, Problem, answers_of
from fielder.compiler.digit_boxes import digit_box_lines
from fielder.compiler.document_titles import document_title_lines
from fielder.compiler.double_brackets import double_bracket_lines
from fielder.compiler.draft_hints import draft_hint_lines
from fielder.compiler.emoji_badges import emoji_badge_lines
from fielder.compiler.emphasis_bold import emphasis_bold_document
from fielder.compiler.ends_over_points import ends_over_point_lines
from fielder.compiler.ends_under_points import ends_under_point_lines
from fielder.compiler.field_names import field_name_lines
from fielder.compiler.filler_runs import short_filler_document
from fielder.compiler.flow_lines import flow_line_lines
from fielder.compiler.flowchart_logic import flowchart_logic
from fielder.compiler.follow_up import follow_up
from fielder.compiler.footnote_marks import drop_superscript_marks
from fielder.compiler.form_settings import form_setting_lines
from fielder.compiler.glyph_heads import glyph_head_lines
from fielder.compiler.glyph_rules import glyph_rule_lines
from fielder.compiler.group_tags import group_tag_lines
from fielder.compiler.group_ways import group_way_lines
from fielder.compiler.hash_refs import hash_ref_lines
from fielder.compiler.hidden_items import drop_hidden_items
from fielder.compiler.hyphen_labels import fold_hyphen_refs
from fielder.compiler.id_fields import number_id_fields
from fielder.compiler.instruction_codes import instruction_code_lines
from fielder.compiler.japanese_forms import japanese_document
from fielder.compiler.joined_notes import split_joined_notes
from fielder.compiler.jump_tables import jump_table_lines
from fielder.compiler.keyed_cards import keyed_card_document
from fielder.compiler.keyed_rules import keyed_rule_lines
from fielder.compiler.label_cells import label_cell_lines
from fielder.compiler.lines import Line, document_lines
from fielder.compiler.loop_filters import loop_filters
from fielder.compiler.marker_notes import marker_note_lines
from fielder.compiler.market_tags import market_tag_lines
from fielder.compiler.measure_heads import measure_head_lines
from fielder.compiler.measure_tables import measure_table_document
from fielder.compiler.middle_notes import middle_notes
from fielder.compiler.named_filters import named_filters
from fielder.compiler.named_heads import named_head_lines
from fielder.compiler.numbered_filters import numbered_filter_blocks
from fielder.compiler.otherwise_skips import otherwise_skip_lines
from fielder.compiler.page_numbers import drop_page_numbers
from fielder.compiler.page_targets import page_target_lines
from fielder.compiler.parallel_columns import source_language_document
from fielder.compiler.parse import Draft, Parsed, parse_lines
from fielder.compiler.partner_phrases import partner_phrase_blocks
from fielder.compiler.passes.attention import mark_attention
from fielder.compiler.passes.carry import resolve_carry
from fielder.compiler.passes.hyphen_ids import hyphen_ids
from fielder.compiler.passes.ids import assign_ids
from fielder.compiler.passes.logic import resolve_logic, section_starts
from fielder.compiler.passes.read_routing import read_routing
from fielder.compiler.passes.route_lists import route_lists
from fielder.compiler.passes.script_boxes import script_boxes
from fielder.compiler.passes.unread_routing import unread_routing
from fielder.compiler.print_layouts import print_layout_lines
from fielder.compiler.printable import printable_lines
from fielder.compiler.prose_filters import prose_filters
from fielder.compiler.question_no_labels import question_no_lines
from fielder.compiler.quotas import parse_quotas
from fielder.compiler.range_ends import range_end_terminations
from fielder.compiler.retired_items import drop_retired_items
from fielder.compiler.rewrites import rewrite_lines
from fielder.compiler.routing_tables import routing_table_lines
from fielder.compiler.row_column_tables import row_column_document
from fielder.compiler.same_as_notes import same_as_lines
from fielder.compiler.scoped_notes import scoped_note_lines
from fielder.compiler.screen_titles import screen_title_lines
from fielder.compiler.scripted import read_scripted
from fielder.compiler.self_named_notes import self_named_note_lines
from fielder.compiler.shortcut_heads import shortcut_head_lines
from fielder.compiler.span_filters import span_filter_lines
from fielder.compiler.spec_lines import spec_line_lines
from fielder.compiler.star_rows import star_row_lines
from fielder.compiler.sub_parts import sub_part_lines
from fielder.compiler.sum_totals import unstated_total
from fielder.compiler.text_pages import text_page_lines
from fielder.compiler.tip_filters import tip_filter_lines
from fielder.compiler.tool_export import export_lines
from fielder.compiler.trailing_filters import (
    keyed_routing_lines,
    trailing_filter_lines,
    worded_filter_lines,
)
from fielder.compiler.translated_answers import translated_answer_lines
from fielder.compiler.unsized_scales import unsized_scale
from fielder.compiler.value_jumps import value_jump_lines
from fielder.compiler.wave_changes import wave_change_lines
from fielder.compiler.white_bars import white_bar_document
from fielder.compiler.xlsform_book import read_xlsform
from fielder.documents.model import Document
from fielder.ir.models import QUESTION_TYPES, Block, Ending, PageBreak, Question, Survey

_CHOICE_TYPES = ("single", "multi", "dropdown", "scale", "ranking", "constant_sum")


@dataclass
class CompileResult:
    """The survey, the clarifying questions still open, and notes on what was read."""

    survey: Survey
    clarifications: list[Clarification] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)


def _title(document: Document, parsed: Parsed) -> str:
    for block in document.blocks[:5]:
        text = block.text.strip()
        if text and len(text) <= 120:
            return text
    return document.name


def _read_lines(document: Document) -> list[Line]:
    """The document's lines, with the conventions of tools' own layouts rewritten as plain ones
    (CRF field tables, platform exports, printables, then the layout rewrites)."""
    # (a write-in line of 200,000 underscores: cut to 200 before any pattern tries each start)
    document = short_filler_document(document)
    # ("No ☐2 ➜ Go to Q7": every arrow glyph read as "→" before any reader sees the words)
    document = dataclasses.replace(document, blocks=plain_arrows(document.blocks))
    # ("In case of No → …", "Apply Q9 only to those who …": non-native routing words as plain ones)
    document = dataclasses.replace(document, blocks=partner_phrase_blocks(document.blocks))
    # ("FILTER 3 | C5 only if …" in a numbered series: the readers' "FILTER: …")
    document = dataclasses.replace(document, blocks=numbered_filter_blocks(document.blocks))
    document = code_column_document(drop_retired_items(change_key_document(document)))
    document = row_column_document(document)  # "Row | Statement" / "Column | Scale" tables
    document = keyed_card_document(document)  # "QUESTION: L1 / TEXT: …": a spec card each
    document = category_name_document(document)  # "S1.ContainsAny({gp, endo})": names as codes
    document = comment_mark_document(document)  # "Comment [SW2]: …": a reviewer's mark
    lines = text_page_lines(
        document_lines(
            crf_document(
                measure_table_document(
                    battery_document(
                        one_language_document(
                            source_language_document(
                                japanese_document(
                                    emphasis_bold_document(white_bar_document(document))
                                )
                            )
                        )
                    )
                )
            )
        )
    )
    lines = fold_hyphen_refs(lines)  # "0-6 AT Q-7" where the labels are "Q-7.": "AT Q7"
    lines = question_no_lines(lines)  # "Question No. 4:" labels and refs: "Question 4:"
    lines = cue_case_lines(lines)  # "Read out" over the answers: the cue "READ OUT"
    lines = page_target_lines(lines)  # "skip to page 4 (Title)": the page's first question
    lines = shortcut_head_lines(lines)  # "Flown | Closed – single" over the words: the id
    # (owners' and tools' layouts: marked notes, doubled brackets, `#N` references, heads set off
    # by a glyph, a form builder's settings, emoji type badges, routing glyphs, notes naming
    # their own question first, a logic-jump table at the foot of the page)
    # (a CAPI spec naming its fields by program names in its universes and jumps)
    lines = screen_title_lines(field_name_lines(lines))
    lines = translated_answer_lines(lines)  # "2 No / Non / Não": the source language's words
    lines = market_tag_lines(lines)  # "[PL ONLY]" over a question: a filter on the country
    lines = box_above_lines(lines)  # "► MULTIPLE ANSWERS POSSIBLE" over the question it is for
    # ("If 0<TAB>⇒ TU09" under a number box: a jump on the value, not an answer row)
    # ("Code | Answer | Go to" over one row "|__|__| hours (0–140) | If 0 → B11": a box)
    lines = value_jump_lines(box_row_lines(lines))
    lines = glyph_head_lines(hash_ref_lines(double_bracket_lines(marker_note_lines(lines))))
    # (a platform's text export: `LOGIC: …`, `PAGE JUMP: …` rules keyed in capitals)
    lines = coded_heading_lines(keyed_rule_lines(lines))
    lines = glyph_rule_lines(emoji_badge_lines(form_setting_lines(lines)))
    lines = jump_table_lines(same_as_lines(self_named_note_lines(lines)))
    lines = sub_part_lines(
        box_column_lines(
            drop_superscript_marks(
                flow_line_lines(
                    spec_line_lines(
                        span_filter_lines(
                            band_filter_lines(decision_table_lines(routing_table_lines(lines)))
                        )
                    )
                )
            )
        )
    )
    lines = circled_key_lines(lines)
    lines = answer_type_lines(
        draft_hint_lines(drop_hidden_items(drop_button_rows(wave_change_lines(lines))))
    )
    lines = measure_head_lines(document_title_lines(lines))
    # (answers and scales in print layouts: stars, numbered end words, boxed points, cues)
    lines = boxed_point_lines(
        ends_under_point_lines(ends_over_point_lines(star_row_lines(join_continued_filters(lines))))
    )
    lines = otherwise_skip_lines(split_joined_notes(cued_answer_lines(lines)))
    lines = print_layout_lines(
        digit_box_lines(middle_notes(drop_answer_heads(drop_page_numbers(lines))))
    )
    lines = instruction_code_lines(label_cell_lines(lines))
    # (notes covering several questions are read last, when every question's label is known)
    lines = printable_lines(export_lines(lines))
    # ("**`consent`** I have read …": variable names as ids, once a tool's export has taken its
    # own tags; "> Shown if cyc_days > 0." under its own item; "(If yes fill in 15 and 16.)")
    lines = answer_run_lines(
        trailing_filter_lines(
            keyed_routing_lines(worded_filter_lines(named_head_lines(group_tag_lines(lines))))
        )
    )
    lines = rewrite_lines(lines)
    # (answers printed in capitals after their codes, where the document does so throughout)
    lines = caps_answer_lines(lines)
    # (a phrase repeated after the ids of several heads is a badge: read once every head is known)
    # ("If you are 15 or under, you have now finished … Everyone 16 or over: continue with
    # question 13": the rest of the form is for the group that goes on)
    # ("> [!NOTE] Non-users (I01 = 3 or 4) only." over a head: that question's filter)
    lines = callout_filter_lines(badge_head_lines(lines))
    # ("Joined live online? Then this one's for you:" over a question: its filter, told kindly)
    lines = tip_filter_lines(lines)
    return scoped_note_lines(group_way_lines(lines))


def build_all(document: Document, file_id: str | None) -> tuple[Parsed, list[Built]]:
    """Every question of the document built, before the passes."""
    parsed = parse_lines(_read_lines(document))
    ids = assign_ids(parsed.drafts)
    builts: list[Built] = []
    drafts: list[Draft] = []  # the drafts of the questions kept, in step with the builts
    for index, (draft, qid) in enumerate(zip(parsed.drafts, ids, strict=True)):
        previous = ids[index - 1] if index else None
        built = safe_build(draft, qid, previous, parsed.default_single)
        built.question.source = source_span(draft, file_id)
        built.excerpt = built.question.source.excerpt or ""
        built.problems.extend(question_checks(built))
        if not built.question.options and not built.question.rows:
            built.problems.extend(unsized_scale(qid, "", [built.excerpt]))
        if _placeholder_screen(built):
            continue
        follow_up(built, builts[-1] if builts else None, builts[-2] if len(builts) > 1 else None)
        builts.append(built)
        drafts.append(draft)
    parsed.drafts[:] = drafts
    return parsed, builts


def _placeholder_screen(built: Built) -> bool:
    """`END | [Standard thank-you page and redirect]`: a label whose only words are a note to
    the programmer shows the respondent nothing of its own; a route to it ends the survey."""
    question = built.question
    note_only = re.fullmatch(r"\s*\[[^\[\]]+\]\s*", built.excerpt or "") is not None
    return (
        (question.type == "display" or note_only)
        and not question.text.strip()
        and not question.options
        and not question.rows
        and not question.display_if
        and not question.skip_to
    )


def safe_build(draft: Draft, qid: str, previous: str | None, default_single: bool) -> Built:
    """Build one question; a question the rules choke on becomes a flagged open question."""
    try:
        return build_question(draft, qid, previous, default_single)
    except (ValueError, IndexError, KeyError, TypeError, re.error) as error:
        question = Question(id=qid, type="long_text", text=draft.text[:2000])
        built = Built(question=question, block=draft.block)
        built.problems.append(
            Problem(
                "logic-unparsed",
                qid,
                f"{qid} could not be read: {error}.",
                draft.text[:160],
                ["Ignore this instruction"],
            )
        )
        return built


def question_checks(built: Built) -> list[Problem]:
    """Problems visible on one question alone: no options, duplicated codes, unclear shapes."""
    question = built.question
    problems: list[Problem] = []
    qid = question.id
    if question.type in _CHOICE_TYPES and not question.options and built.carry is None:
        problems.append(
            Problem(
                "options-missing",
                qid,
                f"{qid} asks for a choice but lists no answers.",
                question.text[:160],
                ["text", "long_text", "number"],
            )
        )
    problems.extend(unstated_total(question))
    codes = [o.code for o in question.options]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        _renumber_duplicates(question)
        problems.append(
            Problem(
                "codes-duplicate",
                qid,
                f"{qid} uses code {', '.join(duplicates)} twice.",
                ", ".join(duplicates),
                ["Renumber the answers in order"],
            )
        )
    if question.type == "scale" and not (
        question.options[0].label != question.options[0].code
        or question.options[-1].label != question.options[-1].code
    ):
        problems.append(
            Problem(
                "scale-direction",
                qid,
                f"{qid} is a scale with no words at either end.",
                question.text[:160],
                ["1 is the lowest", "1 is the highest"],
            )
        )
    if question.type == "grid" and (not question.rows or not question.options):
        problems.append(
            Problem(
                "grid-shape",
                qid,
                f"{qid} looks like a grid but its rows or columns are unclear.",
                question.text[:160],
                ["single", "multi", "long_text"],
            )
        )
    return problems


def _renumber_duplicates(question: Question) -> None:
    """Give a repeated code the next free number so the IR stays valid (attention says so)."""
    seen: set[str] = set()
    numbers = [int(o.code) for o in question.options if o.code.isdigit()]
    free = max(numbers, default=0) + 1
    for option in question.options:
        if option.code in seen:
            option.code = str(free)
            free += 1
        seen.add(option.code)


def _apply_terminate(question: Question, answer: str) -> None:
    """ "Terminate if <answer label>" → terminate on that answer's code."""
    wanted = re.sub(r"^terminate\s+if\s+", "", answer.strip(), flags=re.I).lower()
    for option in question.options:
        if option.label.lower() == wanted or option.code == wanted:
            test = (
                f"{question.id} contains '{option.code}'"
                if question.type == "multi"
                else f"{question.id} == '{option.code}'"
            )
            question.terminate_if = test
            return


def _apply_answers(builts: list[Built], answers: dict[str, str]) -> None:
    for built in builts:
        question = built.question
        for problem in built.problems:
            answer = answers.get(problem.id)
            if not answer:
                continue
            chosen = answer.strip().lower().replace(" ", "_")
            if problem.kind in ("type-ambiguous", "options-missing") and chosen in QUESTION_TYPES:
                question.type = chosen  # type: ignore[assignment]
                if chosen not in _CHOICE_TYPES and chosen != "grid":
                    question.options = []
            elif problem.kind == "grid-shape" and chosen in ("single", "multi"):
                question.multiple = chosen == "multi"
            elif problem.kind == "terminate-unclear":
                _apply_terminate(question, answer)
            elif problem.kind == "codes-duplicate" and re.search(r"renumber", answer, re.I):
                for index, option in enumerate(question.options, start=1):
                    option.code = str(index)
            elif problem.kind == "scale-direction" and question.options:
                low, high = (
                    ("Lowest", "Highest") if "lowest" in answer.lower() else ("Highest", "Lowest")
                )
                from fielder.ir.models import ScaleLabels

                question.scale = ScaleLabels(min_label=low, max_label=high)


def _blocks(parsed: Parsed, builts: list[Built]) -> list[Block]:
    blocks: list[Block] = []
    by_index: dict[int, Block] = {}
    for built in builts:
        block = by_index.get(built.block)
        if block is None:
            title = parsed.sections[built.block - 1].title if built.block else None
            block = Block(id=f"block{len(blocks) + 1}", title=title)
            by_index[built.block] = block
            blocks.append(block)
        if built.page_break_before and block.items:
            block.items.append(PageBreak(type="page_break"))
        block.items.append(built.question)
    return blocks


def _section_titles(parsed: Parsed, builts: list[Built]) -> list[tuple[str | None, str]]:
    """Each question with the titles of its section and of any empty sections just before it
    ("Section 3 of 4" over a heading "Availability": both lead to its first question)."""
    titles: list[tuple[str | None, str]] = []
    last = 0
    for built in builts:
        if not built.block:
            titles.append((None, built.question.id))
            continue
        for block in range(min(last + 1, built.block), built.block + 1):
            titles.append((parsed.sections[block - 1].title, built.question.id))
        last = max(last, built.block)
    return titles


def analyse(
    document: Document, qa: Iterable[Any] = (), file_id: str | None = None
) -> tuple[Survey, list[Problem]]:
    """The survey and every problem found, with answered problems applied and left out."""
    answers = answers_of(qa)
    form = read_xlsform(document, qa, file_id)
    if form is not None:
        return form.survey, form.problems
    scripted = read_scripted(document)
    if scripted is not None:
        return scripted, []
    parsed, builts = build_all(document, file_id)
    _apply_answers(builts, answers)
    carried = resolve_carry(builts)  # may settle a built's own problems (answers carried in)
    problems = [p for b in builts for p in b.problems] + carried
    problems.extend(resolve_logic(builts, answers, section_starts(_section_titles(parsed, builts))))
    spread_counted_filters(parsed.drafts, builts)
    copy_named_filters(parsed.drafts, builts)
    questions = {b.question.id: b.question for b in builts}
    open_problems = _dedupe([p for p in problems if p.id not in answers])
    mark_attention(questions, open_problems)
    for built in builts:
        if built.pipe and built.question.attention is None:
            built.question.attention = _pipe_note(built)
    survey = Survey(title=_title(document, parsed), blocks=_blocks(parsed, builts))
    number_id_fields(survey)
    prose_filters(survey, document)
    flowchart_logic(survey, document)
    named_filters(survey, document)
    loop_filters(survey, document)
    range_end_terminations(survey)
    # routing words no rule read: asked about, not dropped (after every pass that adds logic)
    kept = {id(question) for question in survey.questions()}
    pairs = [
        (b.question, d)
        for b, d in zip(builts, parsed.drafts, strict=True)
        if id(b.question) in kept
    ]
    script_boxes(pairs)  # "Screen out · Condition: ??Flown?? Has {2}": shortcuts as names
    route_lists(pairs, survey)  # "No → Submit form. Yes → Section 3.": a tool's branching
    read_routing(pairs)  # one question's routing in new wording, read before it is flagged
    copy_named_filters(parsed.drafts, builts)  # ("same as VS10" where VS10's was read just now)
    asked = {problem.id for problem in open_problems}
    unread = [p for p in unread_routing(pairs, answers) if p.id not in asked]
    mark_attention(questions, unread)
    open_problems.extend(unread)
    survey.quotas = parse_quotas(builts)
    survey.endings = _endings(builts)
    hyphen_ids(pairs, survey, open_problems)  # "A-1)" is `A_1`, once the logic is read
    return survey, open_problems


def _pipe_note(built: Built) -> Any:
    from fielder.ir.models import Attention

    source = built.pipe if built.pipe and built.pipe != "?" else "an earlier answer"
    return Attention(reason=f"Piped text kept as written; it should show the answer from {source}.")


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        if problem.id not in seen:
            seen.add(problem.id)
            kept.append(problem)
    return kept


def _endings(builts: list[Built]) -> list[Ending]:
    endings = [Ending(id="complete", text="Thank you for completing the survey.")]
    if any(b.question.terminate_if for b in builts):
        endings.append(
            Ending(id="screened_out", text="Thank you for your time. That is all we need today.")
        )
    return endings


def compile_document(
    document: Document, *, qa: Iterable[Any] = (), file_id: str | None = None
) -> CompileResult:
    """Compile a read questionnaire into the IR; open problems come back as clarifications."""
    form = read_xlsform(document, qa, file_id)
    survey, problems = (form.survey, form.problems) if form else analyse(document, qa, file_id)
    notes = [*document.notes, *(form.notes if form else [])]
    questions = survey.questions()
    notes.append(f"{len(questions)} questions in {len(survey.blocks)} blocks.")
    return CompileResult(survey, [p.clarification() for p in problems], notes)


def clarify(document: Document, prior_qa: Iterable[Any] = ()) -> Iterator[Clarification]:
    """Clarifying questions, question by question: the first ones come before the file is done."""
    answers = answers_of(prior_qa)
    yielded: set[str] = set()
    form = read_xlsform(document, prior_qa)
    if form is not None:
        yield from (problem.clarification() for problem in form.problems)
        return
    if read_scripted(document) is not None:
        return
    parsed = parse_lines(_read_lines(document))
    ids = assign_ids(parsed.drafts)
    for index, (draft, qid) in enumerate(zip(parsed.drafts, ids, strict=True)):
        built = safe_build(draft, qid, ids[index - 1] if index else None, parsed.default_single)
        for problem in [*built.problems, *question_checks(built)]:
            if problem.id not in answers and problem.id not in yielded:
                yielded.add(problem.id)
                yield problem.clarification()
    _, problems = analyse(document, prior_qa)
    for problem in problems:
        if problem.id not in yielded:
            yielded.add(problem.id)
            yield problem.clarification()


def questions_of(survey: Survey) -> list[Question]:
    """The survey's questions in order (a convenience for callers and tests)."""
    return survey.questions()
