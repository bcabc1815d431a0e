"""Line rewrites for layouts met in real questionnaires, run on the document's lines before
they are parsed, each in a module of its own:

- a one-cell box under a screen's name read as its words (`screen_boxes`);
- `Frage 3` / `Pregunta 3` labels as `F3.` / `P3.` (`question_words`);
- a form's numbered section headings unnumbered (`numbered_sections`);
- "Only if you ticked …:" / "If yes, answer the next question" as one filter (`answer_next`);
- show cards and probes inside a question's paragraph made notes (`interviewer_text`);
- the lines repeated at the foot of every page left out (`page_furniture`);
- column headings wrapped over several lines joined (`wrapped_heads`);
- a spec's side sections left out (`side_sections`);
- `wording — format: answers` items split (`spec_items`);
- footnote numbers after questions dropped (`footnote_marks`);
- a bulleted answer's wrapped words joined (`wrapped_answers`);
- census cells of lettered parts beside coded answer boxes cut apart (`packed_items`);
- items listed for ranking and a grid over "the same items" (`ranked_lists`);
- `For age 5 and above` as a filter on the age question (`universe`);
- directions under a field name made notes (`field_notes`);
- trend references in a master questionnaire's margin left out (`trend_notes`);
- `(M)` after a label made a format note (`label_marks`), a bracket wrapped over two lines
  joined (`open_brackets`), headings stacked over a grid's codes made a legend
  (`stacked_heads`), column words over a row of their codes made coded columns (`coded_heads`);
- a page's condition told to the respondent put in scripting words (`answered_to`);
- a checklist's `Y / N / N/A` after the ask and its `If N, describe: ___` lines
  (`checklist_answers`), a screener's `Q1 – Single select` label lines (`typed_labels`) and
  `— ❌ Reject` verdicts after answers (`screener_marks`), `## Welcome screen` titles
  (`screen_roles`), an app spec's widget notes under a question (`widget_hints`) and emoji at
  either end of the words (`decor_emoji`), a `[NOTE]` wrapped over two lines (`wrapped_notes`),
  a bare `8.` between `Q.7` and `Q.9` (`stray_numbers`), items the interviewer records by
  observation and an `-- end of script --` line (`observed_items`), a paper form's answers
  run into one paragraph (`01 … 02 … 03 …`) written one a line (`run_in_codes`), a date's
  `Y` / `M` / `D` box captions left out (`date_captions`), opposite words over a row of
  points made a grid (`differential_pairs`), one list with a column of codes for each of
  several questions written out under each (`shared_lists`), a number alone with its note
  put back before the question's words on the next line (`noted_labels`), a capitals note
  wrapped onto the lines under it joined back (`wrapped_caps`), a form builder's conditions
  listed after the fields moved beside the questions they act on (`condition_lists`), a form
  builder's `→ Go to section 5` line under an answer put on the answer (`section_routes`), a
  one-question form's `7→` card numbers joined to the words and type line (`arrow_numbers`),
  a form builder's `3. CHECKBOXES` field heads joined to the words under them
  (`typed_field_heads`), a config's routing keys under a question (`show_if: Q5 in [2, 3]`,
  `skip: { if: …, to: … }`) written as notes (`keyed_logic`), a grid's scale key across one
  line over statements ending in its points written one point a line (`scale_keys`),
  a phone script's `Press 1   Yes` answer lines (`keypad_answers`), a line opened by an arrow
  and a sentence made a note (`arrow_notes`), routing written as pseudo-code blocks
  (`IF … THEN / ASK … / ELSE / GOTO … / ENDIF`, `if …: goto …`, `BASE Q7..Q8 := …`) put in
  scripting words (`pseudo_code`).
"""

from __future__ import annotations

from fielder.compiler.answer_next import answer_next_lines
from fielder.compiler.answer_sets import answer_set_lines
from fielder.compiler.answered_to import answered_to_lines
from fielder.compiler.arrow_notes import arrow_line_notes, arrow_note_lines
from fielder.compiler.arrow_numbers import arrow_number_lines
from fielder.compiler.asked_across import split_asked_across
from fielder.compiler.banner_notes import banner_note_lines
from fielder.compiler.box_screens import box_screen_lines
from fielder.compiler.boxed_cells import boxed_cell_lines
from fielder.compiler.bracket_tests import bracket_test_lines
from fielder.compiler.bracketed_filters import bracketed_filter_lines
from fielder.compiler.bracketed_points import bracketed_point_lines
from fielder.compiler.cell_top_filters import cell_top_filter_lines
from fielder.compiler.checklist_answers import checklist_lines
from fielder.compiler.coded_heads import coded_head_lines
from fielder.compiler.condition_lists import condition_list_lines
from fielder.compiler.date_captions import drop_date_captions
from fielder.compiler.decor_emoji import drop_decor_emoji
from fielder.compiler.described_bases import described_base_lines
from fielder.compiler.differential_pairs import differential_lines
from fielder.compiler.dropdown_placeholders import dropdown_placeholder_lines
from fielder.compiler.exclusive_notes import exclusive_note_lines
from fielder.compiler.field_notes import field_note_lines
from fielder.compiler.flag_notes import flag_note_lines
from fielder.compiler.footnote_marks import drop_footnote_marks
from fielder.compiler.footnote_routes import footnote_route_lines
from fielder.compiler.format_marks import drop_format_marks
from fielder.compiler.function_refs import function_ref_lines
from fielder.compiler.grouped_answer_runs import grouped_answer_lines
from fielder.compiler.interviewer_text import interviewer_text_lines
from fielder.compiler.item_tables import numbered_item_lines
from fielder.compiler.keyed_item_heads import keyed_item_head_lines
from fielder.compiler.keyed_logic import keyed_logic_lines
from fielder.compiler.keypad_answers import keypad_answer_lines
from fielder.compiler.label_marks import label_mark_lines
from fielder.compiler.lines import Line
from fielder.compiler.locked_segments import locked_segment_lines
from fielder.compiler.named_rule_notes import named_rule_lines
from fielder.compiler.noted_labels import noted_label_lines
from fielder.compiler.numbered_heads import numbered_head_lines
from fielder.compiler.numbered_sections import numbered_section_lines
from fielder.compiler.observed_items import drop_observed_items
from fielder.compiler.office_use import drop_office_use
from fielder.compiler.open_brackets import join_open_brackets
from fielder.compiler.packed_items import packed_lines
from fielder.compiler.page_furniture import drop_page_feet
from fielder.compiler.pseudo_code import pseudo_code_lines
from fielder.compiler.qualifying_codes import qualifying_code_lines
from fielder.compiler.question_words import question_word_lines
from fielder.compiler.ranked_lists import ranked_lines
from fielder.compiler.rated_answers import rated_answer_lines
from fielder.compiler.run_in_codes import run_in_code_lines
from fielder.compiler.scale_keys import scale_key_lines
from fielder.compiler.screen_boxes import screen_box_lines
from fielder.compiler.screen_roles import screen_role_lines
from fielder.compiler.screener_marks import screener_mark_lines
from fielder.compiler.section_routes import section_route_lines
from fielder.compiler.shared_lists import shared_list_lines
from fielder.compiler.side_labels import split_side_labels
from fielder.compiler.side_sections import drop_side_sections
from fielder.compiler.skipped_questions import skipped_question_lines
from fielder.compiler.slashed_wraps import join_slashed_wraps
from fielder.compiler.spec_items import spec_lines
from fielder.compiler.stacked_heads import stacked_head_lines
from fielder.compiler.standard_pages import drop_standard_pages
from fielder.compiler.starred_heads import starred_head_lines
from fielder.compiler.starred_notes import starred_note_lines
from fielder.compiler.stray_numbers import stray_number_lines
from fielder.compiler.submit_button import drop_submit_button
from fielder.compiler.sum_tables import sum_table_lines
from fielder.compiler.translation_lines import drop_translation_lines
from fielder.compiler.trend_notes import drop_trend_notes
from fielder.compiler.typed_field_heads import typed_field_head_lines
from fielder.compiler.typed_labels import typed_label_lines
from fielder.compiler.universe import universe_lines
from fielder.compiler.widget_hints import widget_hint_lines
from fielder.compiler.wiki_questions import wiki_question_lines
from fielder.compiler.wrapped_answers import join_wrapped_answers
from fielder.compiler.wrapped_blocks import wrapped_block_lines
from fielder.compiler.wrapped_caps import join_wrapped_caps
from fielder.compiler.wrapped_heads import join_wrapped_lines
from fielder.compiler.wrapped_notes import join_wrapped_notes, join_wrapped_probes


def rewrite_lines(lines: list[Line]) -> list[Line]:
    """The document's lines with each layout above rewritten into the plain one."""
    lines = starred_head_lines(
        bracket_test_lines(function_ref_lines(lines))
    )  # before the starred notes: `*QUESTION 10` is no note
    lines = keyed_item_head_lines(rated_answer_lines(footnote_route_lines(lines)))
    lines = bracketed_filter_lines(flag_note_lines(lines))  # (rule lines move under the head)
    lines = scale_key_lines(keyed_logic_lines(typed_field_head_lines(lines)))
    lines = arrow_line_notes(keypad_answer_lines(banner_note_lines(lines)))
    lines = noted_label_lines(
        join_wrapped_caps(arrow_number_lines(wrapped_block_lines(pseudo_code_lines(lines))))
    )
    lines = qualifying_code_lines(bracketed_point_lines(starred_note_lines(lines)))
    lines = described_base_lines(arrow_note_lines(lines))
    lines = locked_segment_lines(drop_standard_pages(dropdown_placeholder_lines(lines)))
    lines = exclusive_note_lines(skipped_question_lines(section_route_lines(lines)))
    lines = named_rule_lines(lines)  # "Logic: ENG6 is suppressed in … (DEM2 = 5)"
    lines = grouped_answer_lines(lines)  # "NORTHMARK: 4 Avel 5 Brenn 6 Coll"
    lines = answer_set_lines(wiki_question_lines(box_screen_lines(lines)))
    lines = cell_top_filter_lines(screen_box_lines(lines))  # before `answer_next` reads it
    lines = answer_next_lines(numbered_section_lines(question_word_lines(lines)))
    lines = split_side_labels(drop_submit_button(lines))
    lines = coded_head_lines(numbered_head_lines(split_asked_across(lines)))
    lines = checklist_lines(screen_role_lines(screener_mark_lines(typed_label_lines(lines))))
    lines = stray_number_lines(
        drop_decor_emoji(widget_hint_lines(join_wrapped_probes(join_wrapped_notes(lines))))
    )
    lines = drop_observed_items(lines)
    lines = interviewer_text_lines(lines)
    lines = label_mark_lines(join_open_brackets(drop_trend_notes(answered_to_lines(lines))))
    lines = stacked_head_lines(lines)
    lines = drop_page_feet(drop_format_marks(lines))
    lines = spec_lines(drop_side_sections(join_wrapped_lines(lines)))
    lines = join_slashed_wraps(join_wrapped_answers(drop_footnote_marks(lines)))
    lines = packed_lines(lines)
    lines = boxed_cell_lines(sum_table_lines(drop_translation_lines(lines)))
    lines = numbered_item_lines(drop_office_use(lines))
    lines = differential_lines(drop_date_captions(run_in_code_lines(lines)))
    lines = shared_list_lines(lines)
    lines = field_note_lines(universe_lines(ranked_lines(lines)))
    return condition_list_lines(lines)
