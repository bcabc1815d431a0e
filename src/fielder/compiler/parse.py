"""Lines → drafts: where each question starts, and what belongs to it.

The parser walks the document's lines once. A line with a question label (or, in a form
with no labels at all, a line written as a question) starts a draft; what follows —
options, tables, instructions, answer-box hints, more text — goes to it until the next
start. Instructions that look forward ("ASK IF …", "Only answer the next question if …")
wait for the next question.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from fielder.compiler.answer_next import is_only_if
from fielder.compiler.answers_across import continues, separated_answers
from fielder.compiler.bare_filters import bare_filter
from fielder.compiler.battery_leads import column_words, lead_in_end, stacked_words
from fielder.compiler.block_screen_outs import place_block_screen_outs
from fielder.compiler.boxed_codes import join_wrapped_boxes, take_bracket_codes
from fielder.compiler.bracketed_answers import is_bracketed_answer
from fielder.compiler.caption_fields import captioned_titles
from fielder.compiler.check_boxes import CHECK_START_RE, check_branches, place_check_boxes
from fielder.compiler.classify import (
    DISPLAY_WORDS,
    TYPE_LINE_RE,
    Label,
    find_label,
    is_date_box,
    is_field_label,
    is_hint,
    is_instruction,
    is_section,
    looks_like_question,
    loose_paren_label,
    screen_id,
    section_word,
    wrapped_paren_label,
)
from fielder.compiler.code_notes import rewrite_code_notes
from fielder.compiler.dashed_codes import dashed_answers
from fielder.compiler.dotted_boxes import dotted_box_hints
from fielder.compiler.entry_boxes import entry_hint
from fielder.compiler.form_fields import label_over_write_in
from fielder.compiler.glossary import to_english
from fielder.compiler.group_filters import group_filter
from fielder.compiler.group_names import GROUP_MARK, group_only
from fielder.compiler.group_sections import names_run
from fielder.compiler.instructions import (
    BARE_CONDITION_RE,
    FORM_TYPE_LINE_RE,
    IF_ELSE_PAIR_RE,
    UNIT_BOUNDS_RE,
    ends_interview,
    interpret,
    type_words,
)
from fielder.compiler.item_tables import item_numbers
from fielder.compiler.joined_heads import split_joined_heads
from fielder.compiler.letter_tests import letters_named_as_codes
from fielder.compiler.letters import keep_jumping_letters, keep_ranked_letters
from fielder.compiler.lines import LEADING_ROUTE_RE, TYPE_NOTE_RE, Line, is_caps_instruction
from fielder.compiler.marks import contrast_marks
from fielder.compiler.mixed_labels import bare_numbers_too
from fielder.compiler.named_items import named_item, numbered_columns
from fielder.compiler.named_notes import names_questions, place_named_filters, place_named_notes
from fielder.compiler.named_screens import gapped_screen, lone_screen, screen_forms
from fielder.compiler.options import (
    BOXES,
    RawOption,
    inline_scale,
    is_plain_answer,
    parse_option_line,
    parse_option_text,
)
from fielder.compiler.own_sentences import own_sentence, titled_tail
from fielder.compiler.printed_keys import key_line, named_points
from fielder.compiler.question_ends import asks_before_note, open_stem
from fielder.compiler.quoted_statements import statement_under
from fielder.compiler.rated_items import (
    battery_row,
    label_midpoint,
    rated_item,
    section_number,
)
from fielder.compiler.scale_key import boxed_row, is_key, key_points, wrapped_key
from fielder.compiler.scales import scale_from_text
from fielder.compiler.screen_names import role_screen_id
from fielder.compiler.section_bases import (
    OTHERS_GO_ON_RE,
    filtered_section,
    heading_base,
    heading_base_note,
    heading_title,
    in_span,
    section_filter,
    section_span,
)
from fielder.compiler.side_grids import side_halves, side_headings, statement
from fielder.compiler.slashed_answers import slashed_answers
from fielder.compiler.spec_screens import bracketed_screen
from fielder.compiler.table_labels import label_beside_table
from fielder.compiler.text_tables import drop_reference_tables
from fielder.compiler.under_filters import place_filters_under
from fielder.compiler.unnumbered_questions import (
    filter_before_words,
    is_filter_first,
    next_free_id,
    unnumbered_question,
)

# "Number, 1–20.", "Whole number: 0 to 500": a number box's type and range on a line of its own
_NUMBER_RANGE_LINE_RE = re.compile(
    r"(?:whole\s+)?(?:number|numeric|integer)\s*[,:]?\s*(?:range\s+)?\(?\s*-?\d{1,6}\s*(?:-|–|to)\s*"
    r"\d{1,7}\s*\)?\.?",
    re.I,
)
_FORWARD_RE = re.compile(
    r"^[\[(]?\s*(?:ASK\b|BASE\b|FILTER\b|(?:SECTION|BLOCK)\s+FILTER\s*:|"
    # "Universe: Q5 = 3 OR 4", "Who: those with Q12 = 1 or 2": a spec's base line for one item
    r"WHO\s*:(?=[^?]*\b[A-Z]{1,4}\d{1,3}[a-z]?\b)|"
    # "CONDITION: S11 = 100 OR MORE": the heading word over a bare test
    r"CONDITION\s*:\s*(?=[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:[=<>!≠≥≤]|NOT\b|IS\b|IN\b))|"
    r"SHOW\s+(?:IF|QUESTION|THIS|ONLY\s+IF|TO)\b|DISPLAY\s+IF|HIDE\s+IF|"
    # "Display this question only if: …", "Display this question unless: …": a tool's logic box
    r"DISPLAY\s+THIS\s+(?:QUESTION|ITEM|PAGE|SCREEN)\s+(?:ONLY\s+)?(?:IF|WHEN|UNLESS)\b|"
    r"ONLY\s+ANSWER|ANSWER\s+(?:THIS|THE\s+NEXT|ONLY\s+IF)|PLEASE\s+ANSWER\s+ONLY|"
    # "Please answer Questions 10 to 14 only if …": a paper form's base for a run
    r"(?:PLEASE\s+)?ANSWER\s+QUESTIONS?\s+[A-Z]{0,5}\d[^.]{0,30}\bONLY\s+(?:IF|WHEN)\b|"
    r"IF\b.*\bASK\s+[A-Z]*\d|"
    r"FOR\s+THOSE\b|OF\s+THOSE\s+WHO\b|QUESTION\s+FOR\b|ONLY\s+(?:FOR|ASK|SHOW|IF|WHEN)\b|"
    # "Skip this question if …", "DO NOT ASK Q13 IF …", "Students on leave only (Q7 = 2):"
    r"SKIP\s+THIS\s+QUESTION\s+IF\b|DO\s+NOT\s+ASK\s+[A-Z]{0,4}\d|"
    # "Not asked if Q4 = 1" after the answers: whom the next question is kept from (a document
    # that prints its filters under their questions takes it back, `under_filters`)
    r"NOT\s+(?:ASKED|SHOWN|DISPLAYED)\s+(?:IF|WHEN)\b|"
    r"[A-Z][\w'’ -]{2,60}?\s+ONLY\s*\([^()]*\d[^()]*\)\s*:\s*$|"
    # "Question 12 is only for people aged 50 or over (question 2).": a paper form's filter
    r"QUESTION\s+\d{1,3}[a-z]?\s+IS\s+(?:ONLY|NOT)\s+FOR\b|"
    # "Clients of three years or more only (A3 = 3 or more).", "For households with … (A2 = 3
    # or 4):": whom in words, then the test on an earlier answer in closing brackets
    # (not "Display logic: … only (Q6 ≤ 8)": a logic note's heading word first)
    # ("For first homes … only (the first three boxes at question 1).": a form's question number)
    r"(?:FOR\s+[^():]{3,80}?|[A-Z][^():]{2,80}?\s+ONLY)\s*\((?=[^()]*\b(?:[A-Z]{1,4}|QUESTION\s+)\d)"
    r"[^()]{1,80}\)"
    r"\s*[.:]?\s*$|"
    r"(?:ASKED|SHOWN)\s+(?:ONLY\s+)?(?:TO|OF)\s*:|"  # "Asked to: …", a brief's base line
    # "Asked of those whose diary day was …": whom, in the words of a base
    r"(?:ASKED|SHOWN)\s+(?:ONLY\s+)?(?:TO|OF)\s+(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|EVERYONE)\b)",
    re.I,
)
# "(Only if Q3 is 18 or more.)", "(Only for those with Q2 = 1)": a filter set in round brackets
_BRACKETED_ONLY_RE = re.compile(
    r"\(\s*ONLY\s+(?:IF|WHEN|FOR|WHERE)\b(?P<cond>[^()]{3,160})\)\s*\.?", re.I
)
_ANY_ID_RE = re.compile(r"\b[A-Z]{1,4}\d{1,3}[a-z]?\b|\b(?i:question)\s+\d{1,3}\b")
# ("ROUTING: ASK IF …": a routing note's heading word, then the next question's filter)
_NOTE_FOR_RE = re.compile(
    # ("PROGRAMMER NOTE: ASK IF …", "SCRIPTER INSTRUCTION: …": the heading word and its noun)
    r"^[\[(]?\s*(?:PN|PROG(?:RAMMER)?|SCRIPTER|CATI|DP|ROUT(?:E|ING))"
    r"(?:\s+(?:NOTE|INSTRUCTION)S?)?\s*:\s*",
    re.I,
)
_OUTLINE_ITEM_RE = re.compile(r"^(?P<n>\d{1,3})\.(?P<m>\d{1,2})[.)]?\s+(?P<rest>\S.*)$")
# "(R)": a reverse-scored item, marked for the analyst, not shown to respondents.
_REVERSE_MARK_RE = re.compile(r"\s*\((?:R|rev(?:erse)?(?:[- ]scored)?)\)\s*$")
# "Show this section only to people who answered 'Yes' to question 3.", "Only answer this
# section if you said Yes at Q3. If not, go to Section 7.": a filter on every question of the
# section (the "if not, go on" sentence only restates where everyone else goes).
_SECTION_FILTER_RE = re.compile(
    r"^[\[(]?\s*(?:[⚙🛠🔧]\ufe0f?\s*)?(?:"
    # "Section M: ask only if P2 = 2.": the section named, then whom it is asked of
    # ("BLOCK C: ONLY FOR THOSE WHO … (Q6 = 1 OR 2)": whom, with no verb)
    r"(?:SECTION|BLOCK|PART|MODULE)\s+[A-Z0-9]{1,2}\s*:(?:\s*(?:ASK|SHOW|DISPLAY)|(?=\s+ONLY\s+FOR\b))|"
    r"(?:PLEASE\s+)?(?:ONLY\s+)?(?:ASK|SHOW|DISPLAY|ANSWER|COMPLETE|FILL\s+(?:IN|OUT))\s+"
    r"(?:THIS\s+|THE\s+(?:NEXT|FOLLOWING)\s+)?(?:SECTION|BLOCK|PART|MODULE)"
    # "ASK SECTION A (Q1-Q7) IF …": the section named, with the questions it holds
    r"(?:\s+[A-Z0-9]{1,2})?(?:\s*\([^()]{1,30}\))?|"
    # "PN: THIS WHOLE SECTION (Q5 TO Q8) IS ASKED ONLY OF …": whom the note is for said first
    r"(?:(?:PN|PROG(?:RAMMER)?|SCRIPTER|NOTE)\s*:\s*)?(?:THIS\s+|THE\s+(?:NEXT|FOLLOWING)\s+)?"
    # ("⚙ Page 2 is shown if Q2 includes 'Gym'": a web form's page, marked as a builder note)
    r"(?:WHOLE\s+|ENTIRE\s+)?(?:SECTION|BLOCK|PART|MODULE|PAGE(?=\s+\d{1,2}\s+IS\s+(?:ONLY\s+)?SHOWN))"
    r"(?:\s+[A-Z0-9]{1,2})?(?:\s*\([^()]{1,30}\))?\s+(?:IS\s+)?(?:ONLY\s+)?(?:ASKED|SHOWN|ANSWERED|COMPLETED)|"
    # "This section is only for residents who have lived here for at least a year."
    # ("[LOGIC: this whole section is only for Q2 = …]": a logic note's heading word first)
    r"(?:(?:LOGIC|ROUTING|NOTE)\s*:\s*)?THIS\s+(?:WHOLE\s+|ENTIRE\s+)?(?:SECTION|BLOCK|PART|PAGE)\s+IS"
    r"(?=\s+ONLY\s+FOR\b)|"
    # "Section C is for suppliers with 50 or more employees (question 3).": the section named
    r"(?:SECTION|BLOCK|PART)\s+[A-Z0-9]{1,2}\s+IS(?=\s+(?:ONLY\s+)?FOR\b[^()]{3,80}\((?:QUESTION\s+)?"
    r"[A-Z]{0,4}\d))\s+(?:ONLY\s+)?"
    r"(?:TO|IF|WHEN|FOR|OF)\b(?P<cond>.*?)[\])]?$",
    re.I,
)
# "Section C: members aged 55 or over (Q2 of 55 or more) OR anyone already retired (Q1 = 3).":
# a section named, then whom it is for, each group with its test in brackets
_SECTION_WHOM_RE = re.compile(
    r"^\W*(?:SECTION|BLOCK|PART|MODULE)\s+[A-Z0-9]{1,2}\s*:\s*"
    r"(?P<cond>[A-Za-z][^()=<>]{2,80}\([^()]*(?:=|<|>|\bOF\b)[^()]*\)"
    r"(?:\s+(?:OR|AND)\s+[^()=<>]{2,80}\([^()]*(?:=|<|>|\bOF\b)[^()]*\))?)\s*"
    r"(?:\.(?:\s*(?:EVERYONE|EVERYBODY|ALL|OTHERS|THE\s+REST)\b[^.]{0,80}\.?)?)?\s*$",
    re.I,
)
# "If you are his line manager, answer Section B and then go on to Section C. Everyone else: …"
_NAMED_SECTION_RE = re.compile(
    r"^\s*IF\s+(?P<cond>[^,.]{3,120}?),?\s+(?:PLEASE\s+)?(?:ANSWER|COMPLETE|FILL\s+IN)\s+"
    r"(?:SECTION|PART)\s+(?P<name>[A-Z0-9]{1,2})\b.*$",
    re.I,
)
_SECTION_NAME_RE = re.compile(r"^\s*(?:SECTION|PART)\s+(?P<name>[A-Z0-9]{1,2})\b", re.I)
_SECTION_FILTER_BOX_RE = re.compile(
    # ("FILTER: ASK SECTION B IF RENTING (Q1 = 4, 5 OR 6). ALL OTHERS GO TO …": the section named)
    r"^\W*(?:SECTION\s+)?FILTER\s*:\s*(?:ASK|SHOW)\s+(?:(?:THIS\s+)?SECTION(?:\s+[A-Z0-9]{1,2})?\s+)?"
    r"(?P<cond>IF\b[^()]{0,60}\([^()]*[=<>][^()]*\))\s*(?:\.|$)",
    re.I,
)
# "CONSENTS — ALL WHO AGREED TO RECONTACT (RC1 = 1)": a banner's title, then whom it is for and
# the test on an earlier answer that picks them
_BANNER_BASE_RE = re.compile(
    r"^(?:[A-Z][A-Z'’ ]{2,40}?\s*[—–:]\s*)?(?:ALL|THOSE|EVERYONE|ANYONE)\s+WHO\b[^()]{2,80}?\s*"
    r"\((?P<test>[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|!=|>=|<=)\s*[\d ,]{1,20})\)\s*\.?$"
)
_ASK_ALL_BANNER_RE = re.compile(r"^(?:ASK\s+)?(?:ALL|EVERYONE)(?:\s+RESPONDENTS)?\W*$", re.I)
_ONLY_FOR_RE = re.compile(r"^\s*ONLY\s+(?:FOR|IF|WHEN)\s+(?P<cond>\S.*)$", re.I)
# "Everyone else, please go on to Section E": the others sent past the section
_OTHERS_ON_RE = re.compile(
    r"\b(?:EVERYONE\s+ELSE|(?:ALL\s+)?OTHERS|IF\s+NOT|OTHERWISE)\b[^.]*\b(?:GO|SKIP|MOVE|JUMP)\s+"
    r"(?:ON\s+|STRAIGHT\s+)?TO\s+(?:SECTION|PART|BLOCK)\b",
    re.I,
)
_SCREEN_ROLE_NOTE_RE = re.compile(r"^\s*\((?P<note>[^()]{2,40})\)\s*:\s*")
# "Section logic: Skip this section if …", "Skip the whole block when …": a section's filter
# written as who leaves it
# "IF NOT A UK RESIDENT (Q1 = 3), SKIP TO Q21": a skip on an earlier answer, written alone
_SKIP_OVER_RE = re.compile(
    r"^IF\s+(?P<cond>[^,]{3,120}?\(\s*[A-Z]{1,4}\d{1,3}[A-Z]?\s*(?:=|NOT\s*=|<>|≠)[^()]{1,40}\))\s*,?\s*"
    r"(?:SKIP|GO)\s+TO\s+(?:QUESTION\s+)?(?P<to>[A-Z]{1,4}\d{1,3}[A-Z]?)\s*\.?$",
    re.I,
)
# "PROGRAMMER: IF S3 < 50 EMPLOYEES SKIP TO SECTION C" alone right over the next section's
# heading: the sections up to the one named are asked of everyone else
_SKIP_AHEAD_RE = re.compile(
    r"^[\[(]?\s*(?:(?:PN|PROG(?:RAMMER)?|SCRIPTER|NOTE|ROUTING)\s*:\s*)?IF\s+(?P<cond>.{3,120}?),?\s+"
    r"(?:SKIP|GO|JUMP)\s+TO\s+(?:SECTION|PART|MODULE|BLOCK)\s+(?P<to>[A-Z0-9]{1,2})\s*[\])]?\.?$",
    re.I,
)
_SKIP_SECTION_RE = re.compile(
    # ("Routing: skip this whole part if … at Q6. Everyone else sees Q11 to Q13.": the heading
    # word of a routing callout, and who else sees which questions, said after)
    r"^[\[(]?\s*(?:(?:(?:section|block|page)\s+logic|routing|logic)\s*:\s*)?(?:skip|hide)\s+"
    r"(?:this\s+|the\s+(?:next|following|whole|entire)\s+)?(?:whole\s+|entire\s+)?"
    # ("SKIP SECTION B IF S2 = 1 (JUST ME) - GO TO C1": the section named, where it goes after)
    r"(?:section|block|part|module|page)(?:\s+[A-Z0-9]{1,2})?\s+(?:if|when)\s+"
    r"(?P<cond>(?:[^\])(]|\([^()]*\))+?)\s*(?:[-–—,;]\s*(?:go|skip)\s+to\s+(?P<to>[A-Z]{1,4}\d{1,3}[a-z]?)\s*)?"
    r"[\])]?\s*(?:\.\s+(?P<others>(?:everyone|all|the\s+rest|others)\b[^.]{0,100}))?\.?$",
    re.I,
)
_OPEN_END_NOTE_RE = re.compile(
    r"\s*(?:OPEN(?:[\s-]+END(?:ED)?)?|(?:RECORD\s+)?VERBATIM)\s*\.?(?:\s*OPTIONAL\s*\.?)?\s*"
)
# "… sees Q11 to Q13": the run of questions a section's note names, its last one
_ID_RUN_RE = re.compile(
    r"\b[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:to|-|–)\s*(?P<last>[A-Z]{1,4}\d{1,3}[a-z]?)\b", re.I
)
_BASE_LINE_RE = re.compile(r"^[\[(]?\s*BASE\s*:", re.I)
# "PEN USERS ONLY. BASE: …": a short sentence naming the group, before the base that tests it
_ONLY_BEFORE_BASE_RE = re.compile(r"^[^.:()]{1,60}\bONLY\s*[.:]\s*(?=BASE\s*:)", re.I)
_BASE_RUN_RE = re.compile(
    r"^(?P<base>[\[(]?\s*BASE\s*:.{3,200}?)\s*[–—,;-]\s*(?:QUESTIONS?\s+)?[A-Z]{1,4}\d{1,3}[a-z]?"
    r"\s*(?:TO|-|–)\s*(?P<last>[A-Z]{1,4}\d{1,3}[a-z]?)\s*[\])]?\.?$",
    re.I,
)
_WHOLE_SECTION_BASE_RE = re.compile(
    r"^[\[(]?\s*BASE\s+FOR\s+(?:THIS\s+|THE\s+)?(?:WHOLE\s+|ENTIRE\s+)?SECTION\s*:", re.I
)


def _wrapped_on(above: Line, line: Line) -> bool:
    """True for a line that carries on the words of the line above, cut mid-sentence."""
    return (
        not line.is_option
        and not above.raw.rstrip().endswith((".", "?", "!", ":"))
        and bool(re.match(r"[a-z]", line.raw.strip()))
    )


# "(SC2 = 2 OR 3)", "(HH4 > 0)": a test in brackets on a line of its own
# a bracket of answers' words closing on the question they are from: "(Dairy or Beef, at S2)"
_NAMED_ANSWERS_RE = re.compile(
    r"\(\s*[^\W\d][^()]{2,200}?[\s,](?:AT|IN|FROM)\s+(?:QUESTION\s+)?[A-Z]{0,4}\d{1,3}[a-z]?\s*\)\s*[.:]?",
    re.I,
)
_BRACKETED_TEST_RE = re.compile(r"\(\s*[A-Z]{1,6}\d{1,3}[a-z]?\s*(?:=|<|>|≥|≤|!=|<>)[^()]{1,60}\)")


_BASE_OTHERS_RE = re.compile(
    r"^(?P<base>[\[(]?\s*BASE\s*:.+?)[.;]?\s+(?:ALL\s+)?OTHERS?\s+(?:GO|SKIP|MOVE|JUMP|CONTINUE)\s+"
    r"(?:ON\s+)?TO\s+(?:THE\s+NEXT\s+)?(?:SECTION|PART|MODULE|BLOCK)\b.*$",
    re.I,
)
_ANSWERS_INLINE_RE = re.compile(
    r"^(?:possible\s+|response\s+|answer\s+)?(?:options?|answers?|responses?|choices?)"
    r"(?:\s+(?:list|options))?\s*:\s*(?P<items>\S.*[;,/|].*)$",
    re.I,
)
_OTHER_COLON_RE = re.compile(
    r"^(?P<label>other|others|something\s+else|anything\s+else)\s*:$", re.I
)
_WRITE_IN_RE = re.compile(r"^(?P<label>[A-Za-z][^_:]{2,60}?)\s*:?\s*_{3,}\s*$")
_WHOLE_FILTER_RE = re.compile(
    r"^(?:FILTER|BASE|ASK\s+(?:IF|ONLY|ALL\s+EXCEPT)|SHOW\s+IF|DISPLAY\s+IF)\b\s*:?\s*\S.*\b[A-Z]{1,4}\d",
    re.I,
)
_ROWS_RE = re.compile(
    # ("Loop rows:", "Iterations:": a scripting tool's grid is a loop over its rows)
    r"^(?:LOOP\s+)?(?:ROWS?|STATEMENTS?|ITEMS?|ATTRIBUTES?|FACTORS?|ASPECTS?|SUB-?QUESTIONS?|"
    r"ITERATIONS?)\b(?:[^:]{0,20}|[^:()]{0,20}\([^()]{1,40}\)\s*):?$",
    re.I,
)
_COLUMNS_RE = re.compile(
    # "Skala:", "Schaal:", "Échelle:": the scale under a grid's items, in its language
    r"^(?:COLUMNS?|COLS?|SCALE|SKALA|SCHAAL|[ÉE]CHELLE|ANSWERS?|RESPONSES?|OPTIONS?)\b[^:]{0,20}:?$",
    re.I,
)
_ANSWER_LIST_RE = re.compile(
    r"^(?:possible\s+|response\s+|answer\s+)?(?:answers?|options?|responses?|choices?)"
    r"(?:\s+(?:list|options))?\s*:?$",
    re.I,
)
_NAMED_LIST_RE = re.compile(
    r"^(?:RESPONSE\s+|ANSWER\s+|RATING\s+)?(?:SCALE|LIST|CODE\s*FRAME|CODES)\s+"
    # a list's name, not a word of the sentence ("scale for all rows:")
    r"(?P<name>(?!(?:FOR|OF|TO|THE|IN|ON|AT|IS|ALL|AND|USE|ARE)\b)[A-Z0-9]{1,3})\b(?!\s*[-–]\s*\d)"
    # "Codes 5 and 6 are exclusive.": codes named in a sentence, not a list's name
    r"(?!\s*(?:[,&]|(?:and|or|to|is|are|must|can|should)\b))"
    r"\s*[:.–-]?\s*(?P<rest>.*)$",
    re.I,
)
_USE_LIST_RE = re.compile(r"\b(?:SCALE|LIST|CODE\s*FRAME|CODES)\s+(?P<name>[A-Z0-9]{1,3})\b", re.I)
_SAME_AS_RE = re.compile(
    # ("Use the codes from C1" in the answers' place: the same list, named by the verb)
    r"\b(?:SAME\s+(?:\w+\s+)?|USE\s+(?:THE\s+)?(?:SAME\s+)?)"
    r"(?:SCALE|CODES?|LIST|OPTIONS|ANSWERS?|RESPONSES?|CODE\s*FRAME)\s+"
    r"(?:AS|USED\s+(?:AT|IN)|FROM)\s+(?:AT\s+|IN\s+)?(?P<q>[A-Z]{0,4}[.-]?\d{1,3}[a-z]?)\b",
    re.I,
)
_LEAD_IN_RE = re.compile(
    r"^(?:please\s+)?(?:use|using|with|on|answer\s+(?:on|using))\s+(?:this|the(?:\s+following)?|a)\s+"
    r"(?:\d{1,2}[- ]point\s+)?(?:scale|answers?|options?|responses?|codes?)\b[^.?!]*:$|"
    r"^(?:the\s+)?(?:scale|answer\s+scale|response\s+scale|answers|response\s+options)\s+"
    r"(?:is|are|for\s+(?:each|every|all)\b)[^.?!]*:$|"
    r"^(?:the\s+)?(?:response|answer|rating)\s+scale\b[^.?!]{0,50}:$",
    re.I,
)
# Words that hand a scale on to the questions below: "for the next questions", "please use".
_SCALE_LEAD_RE = re.compile(
    r"\bscale\b.*\b(?:means?|is|=|represents?)\b|\d\s*=",
    re.I,
)
_SCALE_FOR_RE = re.compile(
    r"\b(?:for|in)\s+(?:the|this|each\s+of\s+the|all)\s+(?:next|following|section|statements?|"
    r"items?|questions?)\b|\b(?:please\s+)?(?:use|using)\s+(?:a|the|this)\b|"
    r"\b(?:statements?|items?|questions?)\s+(?:below|that\s+follow)\b|\beach\s+statement\b",
    re.I,
)
_CLOSING_RE = re.compile(
    # and in Swedish, Norwegian, Danish, German, Dutch, French, Spanish, Italian
    r"^(?:thank\s+you|thanks|many\s+thanks|tack\s+för|tusen\s+takk|takk\s+for|tak\s+for|"
    r"vielen\s+dank|herzlichen\s+dank|hartelijk\s+dank|merci|muchas\s+gracias|grazie)\b",
    re.I,
)
_INLINE_BLANK_RE = re.compile(
    # "Date: __ / __ / ____", "(mm:ss): ___:___": a date or time mask of blanks is a blank too
    # (a dotted line after a label's colon, "Tuổi: ......... tuổi", is the blank too)
    r"^(?P<text>[^_|]{1,80}?(?:[^\W\d_]|[?:)]))\s*:?\s*"
    r"(?:_{2,}(?:\s*[/.:-]\s*_{2,}){1,2}|_{3,}|(?<=:)\s*\.{5,}|(?:\|_{1,3}){2,}\|)"
    r"\s*(?:[^\W\d_]|[%$€£# ]){0,20}(?:\(\s*-?\d+\s*[-–]\s*\d+\s*\))?\s*$"  # "____ years (0–50)"
)
_TRAILING_POINTS_RE = re.compile(
    r"^(?P<text>.*?[.?:!])\s+(?P<points>-?\d{1,2}(?:\s+-?\d{1,2}){2,10})$"
)
# Answer-format lines of their own ("Mark only one oval.", "Check all that apply."): notes.
_GAP_NEXT_RE = re.compile(r"^(?P<n>\d{1,3})(?:\t|\s+)(?P<rest>[A-Z][a-z].*)$")
# "Multiple answer; 5 is exclusive", "Single choice, at most 1": a spec's type line, then how
# its answers behave
_TYPE_NOTE_RE = re.compile(
    r"^(?:single|multiple|multi)[- ](?:answers?|choices?|responses?|select(?:ion)?|codes?)"
    r"(?:\s*(?:[;,:(–—]|\s-\s)[^?]{0,60})?$",
    re.I,
)
_ANSWER_FORMAT_RE = re.compile(
    r"^\(?(?:please\s+)?(?:mark|tick|check|select|choose|circle|pick|cross)\s+(?:only\s+)?"
    r"(?:one|all|any|as\s+many|up\s+to\s+\w+)\b[^.?!()]{0,40}[.!]?\)?(?:\s*\d)?$",
    re.I,
)
# "Tool storage   ○   ○   ○   ○": a grid row (the column headings came before it).
# possessive runs for the label (a look-ahead finds its letter): linear on a long line of words
# a line to write on, nothing else (an e-mail's box: "________@________")
_BLANK_LINE_RE = re.compile(r"^[\s_.]*_{5,}(?:\s*@\s*_{3,})?[\s_.]*$")
_BOX_ROW_RE = re.compile(
    rf"^(?P<label>(?=[^{BOXES}]*[A-Za-z)])(?:\s*+[^{BOXES}\s]++)*+)\s*+(?:[{BOXES}]\s*+){{2,}}+$"
)
_NUMBER_ROW_RE = re.compile(r"^-?\d{1,2}(?:\s+-?\d{1,2}){2,}$")
_LEADING_CAPS_RE = re.compile(r"^((?:[A-Z][A-Z0-9 ,'’/&()=<>\-–]*[.:]\s+)+)(?=[A-Z\"'‘“¿¡][a-z])")
# "Scale: 1 Poor | 2 | 3 | 4 Good": a grid's coded points on one line, set apart by bars
_BARRED_SCALE_RE = re.compile(
    r"^(?:SCALE|COLUMNS?|ANSWERS?)\s*:\s*(?P<items>-?\d{1,2}\b[^|]*(?:\|[^|]+){2,})$", re.I
)
_INLINE_LIST_RE = re.compile(
    r"^(?P<head>ROWS?|STATEMENTS?|ITEMS?|COLUMNS?)\s*:\s*(?P<items>\S.*[;,/].*)$", re.I
)
_LISTED_AFTER_RE = re.compile(
    r"^(?P<text>[^?:]{2,200}[?:])\s*(?:\((?P<paren>[^()]*,[^()]*,[^()]*)\)|(?P<slash>[^/?:]+(?:\s/\s[^/?:]+)+))\s*$"
)
# ("a) Electricity?   1   2": a statement may end in its own question mark)
_CODED_ROW_RE = re.compile(
    r"^(?P<label>.*?[A-Za-z)?])(?:\t+|\s{2,})(?P<points>-?\d{1,2}(?:(?:\t+|\s{2,})-?\d{1,2}){1,10})\s*$"
)
_REQUIRED_MARK_RE = re.compile(r"\s*\*+\s*$")
# "SA = Strongly agree (5)", "N = Neither agree nor disagree": a key to the short column
# headings of the grids below it.
_KEY_ENTRY_RE = re.compile(
    r"(?:^|[:,;]\s*|\s)(?P<abbr>[A-Z]{1,3})\s*=\s*(?P<label>[^\W\d_][^,;=()]*?)\s*"
    r"(?:\((?P<code>-?\d{1,2})\))?\s*(?=[,;.]|$)"
)
_HEAD_SPLIT_RE = re.compile(r"\t+|\s{2,}")
# "Had trouble sleeping (1)<TAB>o<TAB>o<TAB>o": a row of radio marks as survey tools print them
_MARK_ROW_RE = re.compile(rf"^(?P<label>.*?(?:[^\W_]|\)))(?:\s*\t\s*[oO{BOXES}]){{2,}}\s*$")
_RECODE_RE = re.compile(r"\s*\(\d{1,3}\)$")
_DEFAULT_SINGLE_RE = re.compile(
    r"\bALL\s+QUESTIONS\s+ARE\s+SINGLE\b|SINGLE\s+(?:CODE|RESPONSE|CHOICE|ANSWER)\s+UNLESS|"
    r"ONE\s+(?:ANSWER|BOX|RESPONSE)\s+(?:(?:FOR\s+EACH|PER)\s+QUESTION\s+)?UNLESS|"
    r"ONE\s+BOX\s+FOR\s+EACH\s+QUESTION",
    re.I,
)


# "How often does each of the following…", "How true is each statement…": a grid's ask.
_ASKS_EACH_RE = re.compile(r"\b(?:each|every|following|statements?|items?|aspects?|rows?)\b", re.I)
# "Change log", "Revision history": the heading of a document's record of its versions.
_CHANGE_LOG_RE = re.compile(
    r"^#*\s*(?:change\s*log|change\s+history|version\s+history|revision\s+history|"
    r"document\s+history|amendments?\s+log)\s*:?$",
    re.I,
)


_HEADING_REMARK_RE = re.compile(r"(?<=\w)\s*\((?=[^()]*[a-z])[^()]{1,40}\)\s*$")


# "Owners only: how old …?", "(Owners only) How old …?": a group's tag before a question's words
_GROUP_TAG_RE = re.compile(
    r"^\s*[(\[]?(?P<tag>[^\W\d][\w'’ -]{2,40}?\s+ONLY)\s*(?:[)\]]\s*|[:–—]\s+)"
    r"(?!(?:IF|WHEN|SHOWN?|ASK(?:ED)?|ANSWER|PLEASE|SKIP|GO|SEE)\b)(?=[^\W\d_])",
    re.I,
)
# a routing prompt under the answers: a short question to the reader, then where to go
# ("Never been? Go to question 7.", "Not a member? Skip ahead to Part C.")
_ROUTING_PROMPT_RE = re.compile(
    r"^[^?]{3,80}\?\s*(?:[-–—→>]+\s*)?(?:THEN\s+|PLEASE\s+)?(?:GO|JUMP|SKIP|MOVE|TURN|CONTINUE|"
    r"CARRY\s+ON|HEAD)\b",
    re.I,
)


@dataclass
class Draft:
    """A question as found: its text, notes, options and tables, before typing."""

    label: Label | None
    text_parts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pre_notes: list[str] = field(default_factory=list)
    options: list[RawOption] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    columns: list[RawOption] = field(default_factory=list)
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    #: CHECK boxes written after the question, read once every question is known
    checks: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    block: int = 0
    mode: str = "text"
    page_break_before: bool = False
    #: where the survey's closing words start among the notes (-1: none): no notes of the ask
    closing_at: int = -1
    #: the indent of a `ROWS   COLUMNS` heading line the draft's lines are cut under (-1: none)
    side_level: int = -1

    @property
    def text(self) -> str:
        """The question text as one string."""
        return " ".join(p for p in self.text_parts if p).strip()


def own_id_head(qid: str) -> re.Pattern[str]:
    """The opening of a filter note that names the question it stands over, up to its verb
    ("Q6 only if …", "Q17: ask if …"); group 1 is what stood before the id."""
    # ("Question 10 …" for Q10 on a form numbered 1, 2, 3)
    found = re.fullmatch(r"Q(\d{1,3})", qid, re.I)
    number = rf"QUESTION\s+{found[1]}\b" if found else re.escape(qid)
    return re.compile(
        rf"^(\W{{0,3}})(?:{re.escape(qid)}|{number})\s*[:.,–—-]?\s+(?=(?:only|ask|show|display)\b"
        # ("R13 is not asked in the self-assessment (R1 = 5)", "Q7 is only shown to …",
        # "Question 10 is for members on …")
        r"|(?:is|are)\s+(?:only\s+|not\s+)?(?:asked|shown|displayed|put)\b"
        r"|(?:is|are)\s+(?:only\s+)?for\b(?=[^.;]*(?:\d|=)))",
        re.I,
    )


@dataclass
class Section:
    """A section heading that opens a block."""

    title: str


@dataclass
class Parsed:
    """What the parser found: drafts in order, section titles, and header notes."""

    drafts: list[Draft] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    header_notes: list[str] = field(default_factory=list)
    default_single: bool = False
    label_mode: str = "none"
    trailing_notes: list[str] = field(default_factory=list)
    named_lists: dict[str, list[RawOption]] = field(default_factory=dict)
    #: notes still waiting for a question when a section heading came (`under_filters`)
    before_sections: list[str] = field(default_factory=list)


def _boxed_items_above(draft: Draft, line: Line) -> bool:
    """ "☐ Yes" / "☐ No", then a paragraph with no box ("Display rule: …", a section's title)
    right over the next question: the answers a form draws with tick boxes all have one, so
    the paragraph is not another."""
    if line.kind != "paragraph" or line.numbering or line.text[:1] in BOXES:
        return False
    items = [seen for seen in draft.lines if seen.kind == "list_item" or seen.text[:1] in BOXES]
    return len(items) >= 2 and all(seen.text[:1] in BOXES for seen in items)


# an answer written "3. Dementia" / "3) Dementia": a number before the words, no other code
_NUMBERED_ANSWER_RE = re.compile(r"^\s*\(?\d{1,3}[.)]\s")


def label_mode(lines: list[Line]) -> str:
    """How this document labels its questions: "prefixed", "bare" or "none"."""
    counts = {"prefixed": 0, "bare": 0, "given": 0}
    prefixed_ids: set[str] = set()
    series: list[str] = []
    for index, line in enumerate(lines):
        label = find_label(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        # "S1. Gender" followed by its coded answers is a question too, however short.
        answered = (
            label is not None
            and label.style == "prefixed"
            and following is not None
            and find_label(following) is None
            and any(o.code or o.marker for o in parse_option_line(following))
        )
        if label and label.style in counts and (_stem_like(label.rest, line) or answered):
            counts[label.style] += 1
        if label and label.style == "prefixed" and re.match(r"Q\d", label.id):
            prefixed_ids.add(label.id)
        if label and label.style == "prefixed":
            series.append(label.id)
    if counts["given"] >= 2:
        return "given"
    if (
        counts["prefixed"] >= 2
        or (counts["prefixed"] >= 1 and len(prefixed_ids) >= 2)
        or _labels_in_series(series)
    ):
        return "prefixed"  # "Q1.", "Q2." … are labels even where one reads as a bare field name
    if counts["bare"] >= 2 or _numbered_once(lines):
        return "bare"
    return "none"


def _labels_in_series(ids: list[str]) -> bool:
    """Three labels in a row of one series ("B1", "B2", "B3"): the document's question labels,
    even where every one reads as a statement to rate."""
    parsed = [re.fullmatch(r"([A-Z]{1,4})(\d{1,3})", i) for i in ids]
    run = 1
    for before, after in zip(parsed, parsed[1:], strict=False):
        same = before and after and before[1] == after[1] and int(after[2]) == int(before[2]) + 1
        run = run + 1 if same else 1
        if run >= 3:
            return True
    return False


def _numbered_once(lines: list[Line]) -> bool:
    """Bare numbers that run 1, 2, 3 … once through the document number its questions (answers
    numbered 1, 2 … start again under every question)."""
    numbers = []
    for line in lines:
        label = find_label(line)
        if label is not None and label.style == "bare":
            head = re.match(r"Q(\d+)$", label.id)
            if head:
                numbers.append(int(head[1]))
    return (
        len(numbers) >= 3
        and numbers[0] == 1
        and all(0 < b - a <= 2 for a, b in zip(numbers, numbers[1:], strict=False))
    )


def _stem_like(rest: str, line: Line) -> bool:
    return (
        bool(line.label)
        or looks_like_question(rest)
        or len(rest.split()) >= 5
        or trailing_points(rest, line.spaced) is not None
    )


class _Parser:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        # a form print's field titles, each over its answer box's caption (`caption_fields`)
        self.captioned = captioned_titles(lines)
        self.out = Parsed(label_mode=label_mode(lines))
        self.bare_too = self.out.label_mode in ("prefixed", "given") and bare_numbers_too(lines)
        self.current: Draft | None = None
        self.pending: list[str] = []
        self.last_number = 0
        self.unnumbered_ids: set[str] = set()
        self.block = 0
        self.page_break = False
        self.capturing: str | None = None
        #: the last scale defined outside a question ("where 1 = Strongly disagree, …")
        self.scale_note = ""
        self.scale_ends: tuple[str, str] | None = None
        #: a grid row's statement went on past its line, onto the line with its points
        self.row_wrapped = False
        #: a screen named on its own line ("[INTRO]"): the next paragraph is its text
        self.screen: str | None = None
        self.screen_notes: list[str] = []  # notes between a screen's name and its words
        #: column words over a battery of numbered items, while its items last
        self.item_header: list[str] | None = None
        #: the column words that close the lead-in of a battery of one-line items
        self.lead_in_until = -1
        #: a scale defined in words for the questions that follow ("For the next statements,
        #: use a 5-point scale where 1 means …"), while they come with no answers of their own
        self.section_scale: list[RawOption] | None = None
        #: the last scale key printed for the questions below it: their bare numbers' words
        self.printed_key: list[RawOption] | None = None
        #: a line already read as the end of the line before it
        self.skip_line = -1
        self.skip_lines: set[int] = set()  # lines already read as part of an earlier one
        #: "Show this section only to …": the filter on every question of the section
        self.section_filter = ""
        #: the section filter came from a banner between questions (`banner_base`)
        self.banner_filter = False
        #: "IF S3 < 50 SKIP TO SECTION C" over a heading: (the test, the section it goes to)
        self.skip_ahead: tuple[str, str] | None = None
        #: "THIS WHOLE SECTION (Q5 TO Q8) … EVERYONE ELSE GOES TO Q9": the last question the
        #: section filter covers and the first it does not, where the note names them
        self.section_bounds: tuple[str, str] = ("", "")
        #: "SECTIONS A TO C: ASK … (S3 = 1)": the run of sections one filter covers, and it
        self.section_span: tuple[str, str, str] | None = None
        #: a section heading came and no question since: a BASE line now is the section's
        self.section_open = False
        #: "If you are X, answer Section B …" said before: section B's filter, by its name
        self.named_section_filters: dict[str, str] = {}
        #: "SA = Strongly agree (5), …": what short column headings stand for
        self.abbreviations: dict[str, RawOption] = {}
        #: a heading came after the last question started; numbers added to a restarted list
        self.heading_since_start = False
        self.number_offset = 0
        #: "Q6-Q9: WHOLE DOLLARS, ALLOW 1-200" under a heading: kept for the next question, from
        #: where place_named_notes gives it to every question it names
        self.named_ahead: list[str] = []
        self.filters_above = _filters_written_above(lines)
        self.logic_boxes_above = _logic_boxes_above(lines)
        #: the forms in which the document names its screens (alone on a line, before a gap)
        self.screen_forms = screen_forms(lines)
        self.item_columns = numbered_columns(lines)

    def run(self) -> Parsed:
        """Walk every line; the drafts found, in order."""
        for index, line in enumerate(self.lines):
            self.step(index, line)
        self.finish()
        return self.out

    def finish(self) -> None:
        """Close the current draft, if any."""
        if self.current is not None:
            named_points(self.current.options, self.printed_key)
            self.apply_section_scale(self.current)
            self.out.drafts.append(self.current)
            self.current = None

    def apply_section_scale(self, draft: Draft) -> None:
        """A question with no answers of its own, in a run under a scale defined once in words,
        is answered on that scale; the first question with its own answers ends the run."""
        if self.section_scale is None or draft.label is None or draft.label.style == "display":
            return
        if draft.options or draft.rows or draft.columns or draft.tables or draft.hints:
            self.section_scale = None
            return
        if any(type_words(n) for n in draft.notes + draft.pre_notes):
            return
        draft.options = [RawOption(o.label, o.code) for o in self.section_scale]

    def section_scale_line(self, index: int, line: Line) -> bool:
        """ "For the next questions, please use a 5-point scale where 1 means … and 5 means …":
        a scale defined once for the questions below it."""
        text, joined = line.text, -1
        draft = self.current
        if draft is not None and draft.text and not draft.options and text[:1].islower():
            return False  # the rest of the open question's hard-wrapped sentence: its own scale
        following = self.next_content(index)
        if (
            text
            and not text.endswith((".", ":", "?", "!"))
            and following is not None
            and following.text[:1].islower()
        ):
            text = f"{text} {following.text}"  # a sentence wrapped onto the next line
            joined = index + 1 + self.lines[index + 1 :].index(following)
        elif (
            text
            and following is not None
            and not inline_scale(text)
            and key_line(following.text) is not None
        ):
            # "Questions 5 to 9 use this scale:" over "1 = Never 2 = Sometimes …": one key
            text = f"{text} {following.text}"
            joined = index + 1 + self.lines[index + 1 :].index(following)
        if not text or text.endswith("?") or not _SCALE_LEAD_RE.search(text):
            return False
        if not _SCALE_FOR_RE.search(text) or find_label(line) is not None:
            return False
        points = max(
            (scale_from_text(text, []), inline_scale(text)),
            key=lambda found: sum(p.label != p.code for p in found),
        )
        if len(points) < 3 or all(p.label == p.code for p in points):
            return False
        self.finish()
        self.skip_line = joined
        self.scale_note = text  # also names the points typed after each item ("… 1 2 3 4 5")
        self.section_scale = [RawOption(p.label, p.code) for p in points]
        self.printed_key = self.section_scale
        return True

    def start(self, label: Label | None, text: str, line: Line) -> None:
        """Open a draft at a question label (or a question line in an unlabelled form)."""
        self.finish()
        draft = Draft(label=label, block=self.block, page_break_before=self.page_break)
        self.page_break = False
        text = _REQUIRED_MARK_RE.sub("", text)
        described = _SCREEN_ROLE_NOTE_RE.match(text) if label and label.style == "display" else None
        if described:
            # "END (thank-you message): Thanks! …": what the screen is, said beside its name
            line.instructions.append(described["note"])
            text = text[described.end() :]
        annotation = TYPE_NOTE_RE.match(text)
        if annotation:
            line.instructions.append(annotation.group(1))
            text = text[annotation.end() :]
        leading = LEADING_ROUTE_RE.match(text)
        if leading:
            self.pending.append((leading.group(1) or leading.group(2)).rstrip(".:"))
            text = text[leading.end() :]
        elif label is not None and (tag := _GROUP_TAG_RE.match(text)) and group_only(tag["tag"]):
            # "Q7 Owners only: how old is the car?": the group the question is put to, named
            # before its words (the group's answer is found in logic, `group_names`)
            self.pending.append(f"ASK IF {GROUP_MARK} {group_only(tag['tag'])}")
            text = text[tag.end() :]
        elif label is not None and label.style == "bare" and is_filter_first(text):
            # "14. Only answer this if you have children (see 3a)." with the words below
            self.pending.append(text)
            text = ""
        elif (
            label is not None
            and "?" not in text
            and (_WHOLE_FILTER_RE.match(text) or _BASE_LINE_RE.match(text))
        ):
            # ("Base: all except company car drivers": a base in words alone, no test in it)
            # "[B3a] FILTER: B3 = 4 or 5" with the question's words on the next line.
            self.pending.append(text)
            text = ""
        caps = _LEADING_CAPS_RE.match(text)
        if caps and is_caps_instruction(caps.group(1)):
            # "Q.1 SHOWCARD A. SINGLE CODE." before (or instead of) the question's words.
            line.instructions.append(caps.group(1).strip())
            text = text[caps.end() :]
        elif is_caps_instruction(text) and len(text.split()) <= 12 and label is not None:
            line.instructions.append(text)
            text = ""
        bare = _TRAILING_BARE_TEST_RE.search(text) if label is not None else None
        if bare and bare_filter(bare["test"], None):
            # "Why is that? (Q12=1 OR Q12=2)", "Your postcode (Q1=1)": a bracket holding only
            # tests on questions after the words, whom the question is for (`bare_filters`)
            # (a note of its own line, as "(only if … at Q2)" after the words is)
            line.instructions.append(bare_filter(bare["test"], None))
            text = text[: bare.start()].rstrip()
        text = self.inline_answers(text, draft, line.spaced)
        draft.text_parts.append(text)
        draft.notes.extend(line.instructions)
        draft.notes.extend(self.named_ahead)
        self.named_ahead = []
        draft.pre_notes, self.pending = self.pending, []
        own_base = any(_BASE_LINE_RE.match(n) for n in draft.pre_notes)
        bound = self.section_bounds[1]
        if label is not None and bound and bound in (label.id, label.id.lstrip("Q")):
            self.section_filter, self.section_bounds = "", ("", "")
        if self.section_filter and label is not None and label.style != "display":
            if not (own_base and _BASE_LINE_RE.match(self.section_filter)):
                # a question's own base bar says in full whom it is for, the section's included
                draft.pre_notes.append(self.section_filter)
        if label is not None and label.id == self.section_bounds[0]:
            self.section_filter, self.section_bounds = "", ("", "")
        draft.lines.append(line)
        self.current = draft
        self.heading_since_start = False
        self.section_open = False
        if label and label.style == "bare":
            head = re.match(r"Q(\d+)", label.id)
            self.last_number = int(head.group(1)) if head else self.last_number

    def inline_answers(self, text: str, draft: Draft, spaced: str = "") -> str:
        """Answers written on the question's own line: "Gender: ☐ Male ☐ Female",
        "Age: ____ years", "I feel confident … 1  2  3  4  5" (points of the scale defined
        above)."""
        boxes = re.search(rf"\s[{BOXES}]", text)
        if boxes and sum(text.count(b) for b in BOXES) >= 2:
            draft.options.extend(parse_option_text(text[boxes.start() :]))
            return text[: boxes.start()].rstrip(" :")
        dashed = dashed_answers(text)  # "… male or female? Male – 1 Female - 2"
        if dashed is not None:
            draft.options.extend(dashed[1])
            return dashed[0]
        blank = _INLINE_BLANK_RE.match(text)
        if blank:
            draft.hints.append(text[blank.end("text") :].strip(" :"))
            return blank["text"].rstrip(" :")
        listed = _LISTED_AFTER_RE.match(text)
        if listed:
            # "Gender: Male / Female / Other", "Colour? (Red, Blue, Green)": answers after the ask.
            items = listed["paren"] or listed["slash"] or ""
            parts = [p.strip() for p in re.split(r"\s+/\s+|\s*,\s*", items) if p.strip()]
            if 2 <= len(parts) <= 12 and all(len(p.split()) <= 5 for p in parts):
                draft.options.extend(RawOption(p, None, marker="•") for p in parts)
                return listed["text"].rstrip(" :")
        numbers = trailing_points(text, spaced)
        header, self.item_header = self.item_header, None
        if numbers:
            if header and len(header) == len(numbers):
                words = dict(zip(numbers, header, strict=True))
                self.item_header = header  # the next item of the battery uses it too
            else:
                words = {o.code: o.label for o in inline_scale(self.scale_note)}
            draft.options.extend(RawOption(words.get(n, n), n) for n in numbers)
            return re.sub(r"\s+" + r"\s+".join(numbers) + r"\s*$", "", text)
        return text

    def item_header_line(self, index: int, line: Line) -> bool:
        """Column words over a battery of labelled items ("Very important<TAB>Rather
        important…" above "Q1<TAB>Family<TAB>1<TAB>2…"): kept for the items, not a question."""
        cells = self.item_header_cells(index, line)
        if cells is None:
            return False
        self.item_header = cells
        return True

    def item_header_cells(self, index: int, line: Line) -> list[str] | None:
        """The column words of an item battery's header line (None for any other line)."""
        cells = column_words(line)
        following = self.next_content(index)
        if cells is None or following is None:
            return None
        if find_label(following) is None:  # the upper line of column words wrapped onto two
            lower = self.item_header_cells(self.lines.index(following, index + 1), following)
            upper = stacked_words(line, following)
            return upper if lower is not None and upper is not None else None
        points = trailing_points(following.text, following.spaced)
        if points is None or len(points) != len(cells):
            return None
        above = self.lines[index - 1] if index > 0 else None
        return (stacked_words(above, line) if above is not None else None) or cells

    def battery_lead_in(self, index: int, line: Line) -> bool:
        """The words over the next battery of one-line items: a screen of their own
        (`battery_leads`), not notes of the answered question above them."""
        if index < self.lead_in_until:
            return False  # its later lines join the screen
        current = self.current
        answered = current is None or bool(
            current.options or (current.label and current.label.style == "display")
        )
        if not answered or line.kind != "paragraph":
            return False
        end = lead_in_end(
            self.lines, index, lambda at: self.item_header_cells(at, self.lines[at]) is not None
        )
        if end is None:
            return False
        below = (find_label(later) for later in self.lines[end + 1 : end + 3])
        first = next((found for found in below if found is not None), None)
        if first is None:
            return False
        self.lead_in_until = end
        self.start(Label(f"{first.id}_INTRO", line.text, "display"), line.text, line)
        draft = self.current
        for position in range(index + 1, end):  # read whole: "(Code" alone is no answer
            later = self.lines[position]
            if draft is not None and later.kind != "page_break":
                draft.text_parts.append(later.text)
                draft.notes.extend(later.instructions)
                draft.lines.append(later)
            self.skip_lines.add(position)
        return True

    def step(self, index: int, line: Line) -> None:
        """Route one line: a named list, a question start, a section, or the current draft."""
        if line.kind == "page_break":
            self.page_break = True
            return
        self.abbreviation_key(line)
        if _spec_keys(line):
            self.start(None, line.text, line)  # "Question: "…"": a question, however numbered
            return
        if self.grid_parts(line):
            return
        if line.kind == "heading":
            self.heading_since_start = True
        if index == self.skip_line or index in self.skip_lines:
            return
        if self.named_list(line):
            return
        if self.item_header_line(index, line) or self.battery_lead_in(index, line):
            return
        if self.screen_heading(index, line) or self.own_screen(index, line):
            return
        if self.screen and not line.text and line.instructions and line.kind == "paragraph":
            # "CONCEPT" / "SHOW CONCEPT BOARD …" (a note alone) / the words: the screen waits
            self.screen_notes.extend(line.instructions)
            return
        if self.screen and line.text and not line.is_option and find_label(line) is None:
            screen, self.screen = self.screen, None
            self.start(Label(screen, line.text, "display"), line.text, line)
            if self.current is not None:
                self.current.notes[:0] = self.screen_notes
            self.screen_notes = []
            return
        self.screen = None
        if self.screen_notes and self.current is not None:
            self.current.notes.extend(self.screen_notes)
        self.screen_notes = []
        if self.sub_item_row(line):
            return
        if self.battery() and self.battery_item(index, line):
            return
        label = self.question_label(index, line)
        if label is not None:
            self.start(label, label.rest, line)
            return
        if self.check_box(index, line):
            return
        if self.unnumbered_start(index, line):
            return
        if _CHANGE_LOG_RE.match(line.text) and not line.is_option and find_label(line) is None:
            self.finish()  # a change log after the questions: its entries are no question's words
            return
        if self.section_scale_line(index, line):
            return
        ahead = _NAMED_SECTION_RE.match(line.text or " ".join(line.instructions))
        if ahead and find_label(line) is None and not line.is_option:
            # "If you manage Ann, answer Section B and then go on to Section C": kept until
            # section B's heading comes (questions may come between)
            self.named_section_filters[ahead["name"].upper()] = "ASK IF " + ahead["cond"].strip()
            return
        span = section_span(line.text) if not line.is_option else None
        if span and find_label(line) is None:
            # "SECTIONS A TO C: ASK ALL WITH … (S3 = 1)": the filter of every section of the run
            self.finish()
            self.section_span, self.section_filter = span, span[2]
            self.section_bounds = ("", "")
            return
        # (a section's note typed in the document's language is read in English words)
        scoped = _SECTION_FILTER_RE.match(to_english(line.text) or " ".join(line.instructions))
        if scoped and find_label(line) is None:
            self.finish()
            cond = OTHERS_GO_ON_RE.sub("", scoped["cond"])
            self.section_filter = "ASK IF " + cond.strip(" .:")
            # (the bounds read in English words too: "Sinon, passez à la question 13")
            self.section_bounds = _filter_bounds(
                to_english(line.text) or " ".join(line.instructions)
            )
            return
        whom = _SECTION_WHOM_RE.match(line.text) if line.kind != "heading" else None
        if whom and find_label(line) is None and not line.is_option:
            # "Section C: members aged 55 or over (Q2 of 55 or more). Everyone else goes on to
            # Section D.": the section named, then whom it is for with the test in brackets
            self.finish()
            self.section_filter = "ASK IF " + whom["cond"].strip(" .:")
            self.section_bounds = _filter_bounds(line.text)
            return
        skipped = _SKIP_SECTION_RE.match(line.text or " ".join(line.instructions))
        if skipped and find_label(line) is None and not line.is_option:
            # "Section logic: Skip this section if Q2 is 'Never'": asked of everyone else
            self.finish()
            self.section_filter = f"ASK IF NOT ({skipped['cond'].strip(' .:')})"
            run = _ID_RUN_RE.search(skipped["others"] or "")
            self.section_bounds = (
                run["last"].upper() if run else "",
                skipped["to"].upper() if skipped["to"] else "",
            )
            return
        ahead = _SKIP_AHEAD_RE.match(line.text or " ".join(line.instructions))
        following = self.next_content(index) if ahead else None
        if ahead and following is not None and is_section(following) and not line.is_option:
            # the sections from the next heading up to the one named skip on an earlier answer
            self.skip_ahead = (ahead["cond"].strip(" .:,"), ahead["to"].upper())
            return
        if ahead and self.current is None and self.section_open and not line.is_option:
            # "If you don't manage anyone (question 2 = No), please go to Section E." right
            # under a heading: those it names skip this section, so it is for the others
            cond = re.sub(r"[,\s]+please$", "", ahead["cond"].strip(" .:,"), flags=re.I)
            self.section_filter = f"ASK IF THE OTHER ANSWER THAN ({cond})"
            return
        jumped = _SKIP_OVER_RE.match(line.raw.strip()) if self.current is None else None
        if jumped and self.section_open and self.out.drafts and not line.is_option:
            # "IF NOT A RESIDENT (Q1 = 3), SKIP TO Q21" under a heading, over the questions it
            # skips: a test on an earlier answer, so those questions are asked of everyone else
            test = _BRACKETED_TEST_RE.search(jumped["cond"])
            cond = test[0].strip("() ") if test else jumped["cond"]
            self.section_filter = f"ASK IF NOT ({cond.strip(' .:,')})"
            self.section_bounds = ("", jumped["to"].upper())
            return
        ranged = _BASE_RUN_RE.match(line.raw.strip())
        if ranged and find_label(line) is None and not line.is_option:
            # "BASE: ALL PRESCRIBERS OF X (S3 CODE 4) – Q10 TO Q12": the base of the run named
            self.finish()
            self.section_filter = ranged["base"].strip(" .;,")
            self.section_bounds = (ranged["last"].upper(), "")
            return
        if self.section_open and self.base_under_heading(line):
            return
        if self.banner_base(line):
            return
        based = _BASE_OTHERS_RE.match(" ".join([*line.instructions, line.text]).strip())
        if based and find_label(line) is None:
            # "BASE: CAR OWNERS (CODE 1 AT Q3). ALL OTHERS GO TO SECTION E": the base of every
            # question up to the section the others are sent to
            self.finish()
            self.section_filter = based["base"].strip(" .;")
            return
        if self.out.label_mode == "none" and self.unlabelled_start(index, line):
            self.start(None, line.text, line)
            return
        if (
            self.current is not None
            and line.kind == "heading"
            and (_ROWS_RE.match(line.text) or _COLUMNS_RE.match(line.text))
        ):
            self.body(index, line, self.current)
            return
        # "SECTION B: CAR OWNERS ONLY (Q3 = 1)", "SECTION B - CAT OWNERS (S1 = 2).  OTHERS GO TO
        # SECTION C": a section whose heading names its filter
        headed = heading_base(line.text, line.kind == "heading") if not line.is_option else None
        filtered = filtered_section(line.text)
        if (
            (line.kind == "heading" and not line.is_option and group_only(line.text))
            or headed
            or (
                (is_section(line) or filtered)
                and not line.is_option
                and (
                    not is_instruction(line)
                    or section_word(line.text, line.kind == "heading")
                    or filtered
                    # "COMMUNICATION (COM1–COM3)": a title naming its run of questions
                    or (line.kind == "heading" and names_run(line.text))
                )
            )
        ):
            self.finish()
            self.out.before_sections.extend(self.pending)
            self.section_scale = None
            self.section_bounds = ("", "")
            # a bracketed test closing the heading, else a base written in it ("(BASE: ALL
            # WITH CHILDREN, HH2 > 0)", "— ASKED OF ALL …")
            self.section_filter = section_filter(line.text, line.instructions, headed)
            if self.section_filter and line.instructions:
                # a part's row whose filter cell names the run it asks and where the others
                # go ("… ASK P5 TO P7. EVERYONE ELSE GO TO P8"): the filter ends there
                self.section_bounds = _filter_bounds(to_english(" ".join(line.instructions)))
            self.banner_filter = False
            if self.skip_ahead:
                cond, target = self.skip_ahead
                if re.match(rf"^\W*(?:SECTION|PART|MODULE|BLOCK)\s+{target}\b", line.text, re.I):
                    self.skip_ahead = None
                elif not self.section_filter:
                    self.section_filter = f"ASK IF NOT ({cond})"
            named = _SECTION_NAME_RE.match(line.text)
            if named and not self.section_filter:
                self.section_filter = self.named_section_filters.get(named["name"].upper(), "")
            group = group_only(line.text) if not self.section_filter else ""
            if group:
                # "Leaseholders only": the group named by an earlier answer (read in logic)
                self.section_filter = f"ASK IF {GROUP_MARK} {group}"
            self.spanned_filter(line.text)
            self.section_open = True
            self.out.sections.append(Section(heading_title(line.text) if headed else line.text))
            self.block = len(self.out.sections)
            return
        if self.current is None:
            self.before_first(line)
            return
        self.body(index, line, self.current)

    def spanned_filter(self, heading: str) -> None:
        """A section of a run filtered as one ("SECTIONS A TO C: …") takes the run's filter
        before its own; a section after the run ends it."""
        if self.section_span is None:
            return
        first, last, cond = self.section_span
        inside = in_span(heading, first, last)
        if inside is False:
            self.section_span = None
        elif inside:
            own = self.section_filter
            self.section_filter = (
                cond + " AND " + own.removeprefix("ASK IF ")
                if own.startswith("ASK IF ")
                else own or cond
            )

    def unnumbered_start(self, index: int, line: Line) -> bool:
        """A question without a number among numbered ones, after the current question's
        answers: its own question, named after the number before it (`unnumbered_questions`)."""
        current = self.current
        if (
            self.out.label_mode != "bare"
            or current is None
            or current.label is None
            or not current.options
            or not current.lines
        ):
            return False
        head = re.match(r"Q\d+", current.label.id)
        if head is None or not unnumbered_question(self.lines, index, current.lines[0].level):
            return False
        ident = next_free_id(head.group(0), self.lines, self.unnumbered_ids)
        self.unnumbered_ids.add(ident)
        self.start(Label(ident, line.text, "bare"), line.text, line)
        return True

    def sub_item_row(self, line: Line) -> bool:
        """ "Q10_1  I daydream …" under Q10 and its scale: a sub-item is a row of the grid."""
        label = find_label(line)
        draft = self.current
        if label is None or draft is None or draft.label is None or not draft.options:
            return False
        if not re.fullmatch(re.escape(draft.label.id) + r"[_.]\d{1,2}", label.id):
            return False
        if "?" in label.rest or not _ASKS_EACH_RE.search(draft.text):
            return False  # "Q5.1 Why did you say that?": a follow-up question of its own
        draft.rows.append(_REVERSE_MARK_RE.sub("", label.rest).strip())
        draft.notes.extend(line.instructions)
        return True

    def named_list(self, line: Line) -> bool:
        """Answer lists defined once ("SCALE A: 1 Agree … 5 Disagree") and used by name later."""
        text = line.text or " ".join(line.instructions)
        match = _NAMED_LIST_RE.match(text)
        if match and find_label(line) is None:
            self.capturing = match["name"].upper()
            self.out.named_lists[self.capturing] = []
            rest = match["rest"].strip()
            if rest:
                self.out.named_lists[self.capturing].extend(
                    parse_option_line(Line(text=rest, raw=rest, spaced=rest))
                )
            return True
        if self.capturing is not None:
            options = parse_option_line(line) if not find_label(line) else []
            if options and options[0].code is not None:
                self.out.named_lists[self.capturing].extend(options)
                return True
            self.capturing = None
        return False

    def before_first(self, line: Line) -> None:
        """Lines before the first question: header notes, defaults, forward routing."""
        notes = [*line.instructions, line.text] if line.text else line.instructions
        if len(inline_scale(" ".join(notes))) >= 3:
            self.scale_note = " ".join(notes)
        for note in notes:
            if self.out.drafts and names_questions(note):
                # a note over a later run of questions, between a section's heading and them,
                # is theirs and not the survey's header
                self.named_ahead.append(note)
                continue
            if _DEFAULT_SINGLE_RE.search(note):
                self.out.default_single = True
            # ("PROGRAMMER NOTE: ASK B1 ONLY IF …" under a section's heading: the next one's)
            if _FORWARD_RE.match(_NOTE_FOR_RE.sub("", note)) or _opening_screen_out(note):
                self.pending.append(note)
            elif self.out.drafts and not line.text and group_only(note):
                # "[RENTERS ONLY]" alone under a section's heading, over its first question:
                # whom that question is for, named by an earlier answer (read in logic)
                self.pending.append(f"ASK IF {GROUP_MARK} {group_only(note)}")
            else:
                self.out.header_notes.append(note)

    def question_label(self, index: int, line: Line) -> Label | None:
        """The label of a line that starts a question, given how the document labels them."""
        if line.is_option:
            return None
        label = find_label(line)
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if label is None and self.out.label_mode == "bare":
            label = loose_paren_label(line, following) or self.next_gap_label(line)
        elif label is None and self.bare_too:
            label = wrapped_paren_label(line, following)  # "(1) How likely … in the shops"
        if label is None and (item := named_item(line, self.item_columns)):
            return Label(item[0], item[1], "display" if item[2] else "given")  # "HHSIZE  How …?"
        if label is None:
            named = gapped_screen(line, self.screen_forms[1])
            return Label(named[0], named[1], "display") if named else None
        mode = self.out.label_mode
        if label.style == "bare" and not self.battery() and rated_item(self.lines, index):
            return label  # a statement over a scale row of its own, however the rest is labelled
        if label.style == "prefixed" and section_number(line):
            return None
        if label.style == "prefixed" and self.page_title(index, line, label):
            return None
        if label.style in ("given", "display"):
            return (
                label
                if (label.style == "given" or label.id in DISPLAY_WORDS or mode != "none")
                else None
            )
        if label.style == "prefixed":
            return (
                label
                if mode in ("prefixed", "given")
                or looks_like_question(label.rest)
                or trailing_points(label.rest, line.spaced) is not None
                else None
            )
        # A bare number starts a question only when it continues the numbering and reads as one.
        if mode != "bare" and not self.bare_too:
            return None
        if self.page_title(index, line, label):
            return None
        if (
            self.current is not None
            and self.current.lines
            and line.level > self.current.lines[0].level
            # a screen's words have no answers: a heading's level under them is no indent
            and not (self.current.label is not None and self.current.label.style == "display")
        ):
            return None  # indented under the question: an answer, not a new question
        number = int(re.match(r"Q(\d+)", label.id).group(1)) if re.match(r"Q\d+", label.id) else 0  # type: ignore[union-attr]
        in_options = self.current is not None and bool(self.current.options)
        if self.next_in_outline(label.id):
            return label  # 2.2 after 2.1, 3.1 after 2.4: the outline numbering goes on
        if (
            line.kind == "list_item"
            and number <= self.last_number
            and self.current is not None
            and any(
                part.kind == "list_item" and part.level > line.level for part in self.current.lines
            )
            and looks_like_question(label.rest)
        ):
            # Every question in a list of its own, each numbered "1." again: count on.
            return Label(f"Q{self.last_number + 1}", label.rest, "bare")
        if (
            number == 1
            and self.last_number >= 2
            and self.heading_since_start
            and line.kind == "list_item"
            and (looks_like_question(label.rest) or len(label.rest.split()) >= 4)
        ):
            # A numbered list that starts again at 1 under a new section heading: the
            # questions are counted on ("1." under "Block 2" after 1–11 before it)
            self.number_offset = self.last_number
        if self.number_offset and line.kind == "list_item":
            number += self.number_offset
            label = Label(f"Q{number}", label.rest, "bare")
        if number < self.last_number or number > self.last_number + 5:
            return None
        if number == self.last_number and not re.search(r"[a-z]$|_\d+$", label.id):
            return None
        boxed = self.current is not None and all(o.code is None for o in self.current.options)
        if in_options and self.current is not None and number == self.last_number + 1:
            # "Yes ☐ 1 / No ☐ 2 → Go to 21" then "20 Telephone number we may call you on": the
            # next question's number, far past the answers' own codes, opens the next question
            codes = [o.code for o in self.current.options]
            boxed = boxed or (
                all(c is not None and c.isdigit() for c in codes)
                and number > max(int(c) for c in codes if c is not None) + 1
                and len(label.rest.split()) >= 2
            )
        if in_options and (self.list_goes_on(line, number)):
            return label
        if number == self.last_number + 1 and filter_before_words(
            label.rest, self.next_content(index), line
        ):
            return label  # "14. Only answer this if …" over the question's words
        if (
            in_options
            and not (looks_like_question(label.rest) or line.bold)
            and not (number == self.last_number + 1 and boxed)
            and not trailing_points(label.rest, line.spaced)
        ):
            return None
        follows = number == self.last_number + 1 and (not in_options or boxed)
        if not (
            looks_like_question(label.rest) or line.bold or len(label.rest.split()) >= 5 or follows
        ):
            return None
        return label

    def next_gap_label(self, line: Line) -> Label | None:
        """ "20  Telephone number we may call you on", "16  Compared with last year, was …": the
        next number of a form's bare numbering before words that do not ask (a field's name, a
        question its answers finish); the checks on the numbering decide."""
        match = _GAP_NEXT_RE.match(line.text)
        if match is None or int(match["n"]) != self.last_number + 1 or line.kind != "paragraph":
            return None  # ("1 About your research" as a heading: a part's title)
        if self.current is None or self.current.label is None:
            return None  # only after a question of the numbering
        if len(match["rest"].split()) < 3 or not re.search(r"[a-z]", match["rest"]):
            return None
        return Label("Q" + match["n"], match["rest"], "bare")

    def list_goes_on(self, line: Line, number: int) -> bool:
        """The next number of the list the current question is an item of ("2." after "1."
        and its answers, all of them Word list items at the top level): a question, in words
        of any kind ("I am going to read out …")."""
        first = self.current.lines[0] if self.current is not None and self.current.lines else None
        return (
            first is not None
            and number == self.last_number + 1
            and line.kind == first.kind == "list_item"
            and line.level == first.level == 0
            and len(line.text.split()) >= 5
        )

    def battery(self) -> bool:
        """Whether the current question is labelled and asks about each of the items below it
        ("Q2. How would you rate each of these?"): its numbered items are its rows."""
        current = self.current
        return (
            current is not None
            and current.label is not None
            and current.label.style != "bare"
            and _ASKS_EACH_RE.search(current.text) is not None
        )

    def battery_item(self, index: int, line: Line) -> bool:
        """ "1. Taste" over "Poor 1 2 3 4 5 Excellent" under "Q2. How would you rate each…?": a
        row of Q2's grid, its scale Q2's columns (`rated_items.battery_row`)."""
        found = battery_row(self.lines, index) if find_label(line) is not None else None
        if found is None or self.current is None:
            return False
        words, points, scale_at = found
        self.current.rows.append(words)
        if not self.current.options:
            self.current.options.extend(points)
        self.current.lines.append(line)
        self.skip_line = scale_at
        return True

    def page_title(self, index: int, line: Line, label: Label) -> bool:
        """ "1. Your membership" as a heading, then "1. How long have you…?": a page or section
        title numbered like a question, the question with that number right after it."""
        if line.kind != "heading" or "?" in label.rest or looks_like_question(label.rest):
            return False
        ahead = 6 if is_caps_instruction(label.rest) else 3  # a title's filter box may follow
        for following in self.lines[index + 1 : index + 1 + ahead]:
            other = find_label(following) if following.kind != "heading" else None
            if other is not None:
                # "E2  MAIN JOB" over "E05 …": a numbered section title in capitals
                return other.id == label.id or is_caps_instruction(label.rest)
        return False

    def screen_heading(self, index: int, line: Line) -> bool:
        """ "[INTRO]", "THANK YOU SCREEN" alone on a line above the screen's words."""
        if line.kind == "heading" and _HEADING_REMARK_RE.search(line.text):
            # "Intro text (shown to participants)": a heading's remark on whom the screen is for
            line = replace(line, text=_HEADING_REMARK_RE.sub("", line.text))
        if line.is_option or (line.kind == "heading" and screen_id(line.text) is None):
            return False  # a heading is a screen's name only when it is nothing else ("#### END")
        words = line.text or (line.instructions[0] if len(line.instructions) == 1 else "")
        typed = bracketed_screen(line)  # "[END] TEXT": a spec's screen name, then its type
        if typed is not None and screen_id(typed) is not None:
            words = typed
        elif line.text and line.instructions and screen_id(line.text) is None:
            return False  # ("INTRO  [shown first]": a screen's name with a note beside it)
        screen = screen_id(words) if words else None
        # "INTERVIEWER: READ OUT" may stand between a screen's name and its words
        following = None
        if screen is not None:
            ahead = (self.lines[p] for p in range(index + 1, len(self.lines)))
            following = next((n for n in ahead if not _skipped(n)), None)
        if screen is None or following is None or find_label(following) is not None:
            return False
        if not following.text or following.is_option or not _has_words(following.text):
            return False
        # a screen named by a heading of its own is named by its role, in the usual short form
        self.screen = role_screen_id(screen)  # "END SCREEN" over the words: the END screen
        return True

    def own_screen(self, index: int, line: Line) -> bool:
        """ "SHELF" alone over the screen's words, where "INTRO" is written so too."""
        if not self.screen_forms[0]:
            return False
        ahead = (self.lines[p] for p in range(index + 1, len(self.lines)))
        following = next((n for n in ahead if not _skipped(n)), None)
        word = lone_screen(line, following, True)
        if word is None or following is None or find_label(following) is not None:
            return False
        self.screen = word
        return True

    def next_in_outline(self, ident: str) -> bool:
        """True for a dotted label that follows the previous question's ("1.3" after "1.2")."""
        here = re.fullmatch(r"Q(\d+)_(\d+)([a-z]?)", ident)
        before = self.current.label if self.current is not None else None
        there = re.fullmatch(r"Q(\d+)_(\d+)([a-z]?)", before.id) if before is not None else None
        if here is None or there is None:
            return False
        major, minor = int(here[1]), int(here[2])
        last_major, last_minor = int(there[1]), int(there[2])
        if here[3]:  # "1.3a" right after "1.3": the item's follow-up
            return (major, minor, here[3], there[3]) == (last_major, last_minor, "a", "")
        return (major == last_major and minor == last_minor + 1) or (
            major == last_major + 1 and minor == 1
        )

    def unlabelled_start(self, index: int, line: Line) -> bool:
        """True when, in a form without labels, this line asks a new question."""
        if line.kind == "heading":
            return self.heading_question(index, line)
        if line.kind == "table" or line.is_option or is_instruction(line):
            return False
        # "Email *": form tools end a required question's title with a star
        text = _REQUIRED_MARK_RE.sub("", line.text)
        required = text != line.text and 0 < len(text.split()) <= 12
        current = self.current
        answered = current is None or bool(current.options or current.hints or current.tables)
        if (
            is_hint(line)
            and _INLINE_BLANK_RE.match(text)
            and answered
            and len(text.split()) <= 8
            and not re.match(r"\W*other\b", text, re.I)
            and text[:1] not in BOXES  # "☐ Something else: ____" is an answer with its box
        ):
            return True  # "Age: ____" after a finished question: a field of its own
        if answered and current is not None and _asks_over_table(text, self, index):
            return True  # "Please rate each of the following (1 = poor, 5 = good)." over a grid
        if not text or parse_option_line(line) or is_hint(line):
            return False
        if index in self.captioned:
            return True  # "Your first name (optional)" over "Short answer text"
        if _FORWARD_RE.match(text) or _ANSWER_LIST_RE.match(text):
            return False
        following = self.next_content(index)
        if text.rstrip().endswith("?") or asks_before_note(text):
            return True
        if answered and current is not None and open_stem(text):
            return True  # "How did we do on…" over the items it asks about
        if (
            current is not None
            and current.label is None
            and len(current.lines) == 1
            and not answered
            and not required
            and self.lines[index - 1] is current.lines[0]
            and _about_answering(text)
        ):
            return False  # a description printed right under a question's title
        if (
            required
            and following is not None
            and (
                is_hint(following)
                or bool(parse_option_line(following))
                or bool(TYPE_LINE_RE.match(following.text))
                or bool(FORM_TYPE_LINE_RE.fullmatch(following.text.strip()))
            )
        ):
            return True  # "Full name *" over its answer box
        if (
            answered
            and current is not None
            and len(text.split()) <= 6
            and not re.search(r"[.:;,!]$", text)
            and text[:1] not in BOXES
            and following is not None
            and following.text[:1] in BOXES
        ):
            return True  # "T-shirt size" over "◯ XS", "◯ S" after a finished question
        if answered and (current is not None or line.bold) and label_over_write_in(text, following):
            # "Mobile phone number" over "________" after a finished field (or, bold, first
            # in its section)
            return True
        short_field = text.rstrip().endswith(":") and len(text.split()) <= 6
        if (
            short_field
            and following is not None
            and any(o.code or o.marker for o in parse_option_line(following))
        ):
            return True  # "Gender:" over "( ) Male", "( ) Female"
        field = line.bold and text.rstrip().endswith(":") and len(text.split()) <= 12
        if not (looks_like_question(text) or field):
            return False
        return following is not None and (
            following.kind == "table" or bool(parse_option_line(following)) or is_hint(following)
        )

    def heading_question(self, index: int, line: Line) -> bool:
        """A heading is a question when it asks one or an answer format follows it."""
        if line.text.rstrip().endswith("?"):
            return True
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following is None:
            return False
        notes = [following.text, *following.instructions]
        return any(TYPE_LINE_RE.match(n) or _ANSWER_LIST_RE.match(n) for n in notes if n)

    def next_content(self, index: int) -> Line | None:
        """The next line with respondent-facing words."""
        # by position, not a slice: a copy of the rest at every line was quadratic in long files
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if line.kind == "page_break" or line.whole_instruction:
                continue
            return line
        return None

    def own_condition(self, index: int, draft: Draft) -> bool:
        """True when a condition right under a question's label (before its answers) is its own."""
        # only the question's own answer-format notes may stand between its words and the filter
        # (or the rest of its words, hard-wrapped onto the next line)
        set_apart = all(
            line.whole_instruction or _wrapped_on(above, line)
            for above, line in zip(draft.lines, draft.lines[1:-1], strict=False)
        )
        if index < 0 or draft.options or draft.tables or draft.rows or not set_apart:
            return False
        following = self.next_content(index)
        if following is None:
            # under the last question, "Only answer this question if …" can only be its own
            line = self.lines[index]
            return bool(re.search(r"\bTHIS\s+QUESTION\b", " ".join(line.instructions), re.I))
        if find_label(following) is None and not following.text.rstrip().endswith("?"):
            return True
        line = self.lines[index]
        if (
            len(draft.lines) == 2
            and line.whole_instruction
            and re.search(r"\bTHIS\s+QUESTION\b", " ".join(line.instructions), re.I)
        ):
            # "Only answer this question if …" set apart right under a question: its own filter
            return True
        if (
            len(draft.lines) == 2
            and not draft.options
            and re.match(
                r"^\W*(?:only\s+answer|answer\s+only)(?:\s+this(?:\s+one)?)?\s+if\b",
                line.raw or "",
                re.I,
            )
        ):
            # "Only answer if you marked F in question (5)." printed under a question's words;
            # "Only answer this if …": "this" is the question just above
            return True
        after = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if (
            len(draft.lines) == 2
            and not draft.options
            and after is not None
            and after.whole_instruction
            and any(type_words(n) for n in after.instructions)
        ):
            # "show if Q3a = 1 or 2" over "(single text line)": between a question's words and
            # its own answer format, the filter is the question's
            return True
        # Straight under the question's own text and naming another question: its own filter.
        own = draft.label.id if draft.label else None
        named = re.findall(r"\b([A-Z]{1,4}\d{1,3}[a-z]?)\b", self.lines[index].raw or "")
        line = self.lines[index]
        if own is not None and re.fullmatch(r"Q\d{1,3}", own):
            # "Only if you answered Yes at 16." on a form numbered 1, 2, 3: an earlier question
            # named by its bare number (never this one or a later one, which the note waits for)
            named += [
                f"Q{n}" for n in _AT_NUMBER_RE.findall(line.raw or "") if int(n) < int(own[1:])
            ]
        return (
            len(draft.lines) == 2
            and not self.filters_above
            and line.whole_instruction  # set apart by its formatting, not a typed header
            and not re.match(r"^\[?\s*(?:BASE|FILTER)\b", line.raw, re.I)
            and bool(named)
            and own is not None
            and own not in named
        )

    def blank_item(self, index: int, text: str) -> bool:
        """True for "___ More code samples" beside another such line: a list of items, each
        after a box to write its rank or number in (not a box with its unit, "___ years")."""
        line = self.lines[index]
        if not _BLANK_ITEM_RE.match(text) or line.numbering or line.code:
            return False  # "3. ___ Performance": a numbered list's own reading codes them
        around = [self.lines[i] for i in (index - 1, index + 1) if 0 <= i < len(self.lines)]
        return any(_BLANK_ITEM_RE.match(other.text) for other in around)

    def bracketed_own_filter(self, note: str, draft: Draft) -> bool:
        """True for "(Only if Q3 is 18 or more.)" under a question's answers: a filter wholly in
        round brackets that names an earlier question (a test on this one is the next's)."""
        found = _BRACKETED_ONLY_RE.fullmatch(note.strip())
        if found is None or draft.label is None:
            return False
        own = re.compile(rf"(?<![\w.]){re.escape(draft.label.id)}(?![\w.])", re.I)
        return not own.search(found["cond"]) and bool(_ANY_ID_RE.search(found["cond"]))

    def names_next(self, index: int, note: str) -> bool:
        """True for a filter note opening with the id of the question whose label comes next
        ("Q6 only if …", "Q17: ask if …")."""
        following = self.next_content(index)
        label = find_label(following) if following is not None else None
        if label is None:
            return False
        return own_id_head(label.id).match(note) is not None

    def margin_note(self, index: int, line: Line, draft: Draft) -> bool:
        """True for a note set back at the margin of the question's label, below the question's
        indented lines and right over the next label."""
        if index < 0 or len(draft.lines) < 2 or draft.lines[0].kind != line.kind:
            return False
        body = [x.level for x in draft.lines[1:] if x is not line]
        return (
            bool(body) and line.level <= draft.lines[0].level < min(body) and self.label_next(index)
        )

    def bare_filter_ahead(self, index: int, line: Line, draft: Draft) -> bool:
        """ "Q2 = Walking or Cycling only" on its own line after a question's answers (or its
        answer cue), right over the next label: the next question's filter (`bare_filters`)."""
        if line.is_option or line.kind != "paragraph" or not self.label_next(index):
            return False
        if not (draft.options or draft.hints or draft.tables or draft.rows or draft.notes):
            return False  # right under a question's words: not placed between two questions
        note = bare_filter(line.text, draft.label.id if draft.label else None)
        if not note:
            return False
        if draft.lines and draft.lines[-1] is line:
            draft.lines.pop()  # the next question's line: no route of the question above
        draft.notes.extend(line.instructions)
        self.pending.append(note)
        return True

    def pair_around_next(self, index: int, note: str) -> str | None:
        """`ASK IF …` for a branch pair right over the next label that sends its test there and
        everyone else to the question after it ("IF Q12 = 1 OR 2 → Q13 ELSE → Q14" over Q13): by
        the branch-pair convention (`passes/branch_pairs`), that question's filter."""
        pair = IF_ELSE_PAIR_RE.match(note.strip())
        if pair is None or index < 0:
            return None
        labels: list[Label] = []
        for line in self.lines[index + 1 :]:
            label = find_label(line) if line.kind != "page_break" else None
            if label is not None and not line.is_option:
                if labels and label.style == "bare" and labels[0].style != "bare":
                    continue  # (an answer's number in a document of prefixed labels)
                labels.append(label)
                if len(labels) == 2:
                    break
            elif not labels and not line.whole_instruction and line.kind != "page_break":
                return None  # the pair is not right over a question
        if len(labels) < 2 or [lab.id.upper() for lab in labels] != [
            pair["yes"].upper(),
            pair["no"].upper(),
        ]:
            return None
        return "ASK IF " + pair["cond"].strip(" ,")

    def label_next(self, index: int) -> bool:
        """True when the next content line starts with a question label."""
        following = self.next_content(index)
        return following is not None and find_label(following) is not None

    def option_next(self, index: int) -> bool:
        """True when the next content line is an answer option."""
        following = self.next_content(index)
        return following is not None and bool(parse_option_line(following))

    def plain_run(self, index: int) -> int:
        """How many short unmarked lines follow from `index` (a list of answers?)."""
        count = 0
        for line in self.lines[index:]:
            if line.kind != "paragraph" or not is_plain_answer(line.text) or is_instruction(line):
                break
            if find_label(line) and self.out.label_mode != "none":
                break
            count += 1
        return count

    def form_description(self, index: int, line: Line, draft: Draft) -> bool:
        """True for the sentence a form tool prints under a question's title, before its tick
        marks or answer box ("Please enter a whole number between 1 and 40.")."""
        if (
            self.out.label_mode != "none"
            or draft.label is not None
            or len(draft.lines) != 2
            or draft.options
            or draft.hints
            or draft.tables
            or not line.text.endswith(".")
            or len(line.text.split()) < 4
        ):
            return False
        following = self.next_content(index)
        return (
            _about_answering(line.text)
            and following is not None
            and (is_hint(following) or following.text[:1] in BOXES or following.raw[:1] in BOXES)
        )

    def body(self, index: int, line: Line, draft: Draft) -> None:
        """A line inside a question: table, marker, instruction, hint, option or more text."""
        above = draft.lines[-1] if draft.lines else None
        draft.lines.append(line)
        if line.kind == "table":
            draft.tables.append(line.rows)
            numbered = item_numbers(line.rows)
            if numbered and draft.label is not None and draft.label.id == f"Q{numbered[0]}":
                self.last_number = max(self.last_number, numbered[1])  # counted on from its items
            return
        if label_midpoint(draft.options, above, line):
            return
        if self.side_by_side(line, draft):
            return
        if label_beside_table(draft, line, self.next_content(index)):
            return
        entry = entry_hint(line.text) if not draft.options else None
        if entry is not None:
            draft.hints.append(entry)  # "Month ☐ Day ☐ Year ☐": boxes to write one answer in
            draft.notes.extend(line.instructions)
            return
        text = line.text
        group = group_only(text) if draft.options and not line.is_option else ""
        if group.endswith(")") and self.label_next(index):
            # "Crime providers only (P2)." between answers and the next question: whom that
            # one is for, named by answers of the question in brackets
            self.pending.append(f"ASK IF {GROUP_MARK} {group}")
            draft.notes.extend(line.instructions)
            return
        if not any(c.isalnum() for c in line.raw) and "__" not in line.raw:
            draft.mode = "closed" if draft.mode == "text" else draft.mode
            return
        slashed = (
            slashed_answers(" ".join(draft.text_parts), above, line)
            if not draft.options and not draft.tables
            else []
        )
        if slashed:
            draft.options.extend(slashed)  # "A centre / The council / Online" under the question
            draft.notes.extend(line.instructions)
            return
        if own_sentence(draft, line, self.next_content(index)):
            draft.text_parts.append(text)  # hard-wrapped words of the question's paragraph
            return
        tail = titled_tail(draft, line)
        if tail:
            draft.text_parts.append(tail)  # "(Select all that apply.) *": the title's last words
            return
        if self.scale_key(index, line, draft):
            return
        if self.form_description(index, line, draft):
            draft.notes.append(text)
            return
        if _ANSWER_LIST_RE.match(text):
            draft.mode = "text" if draft.mode == "closed" else draft.mode
            return
        listed = _ANSWERS_INLINE_RE.match(text)
        if listed and not draft.options and not draft.tables:
            # "Answer options: Yes, No", "Options: Daily; Weekly; Never": the answers in a line.
            items = listed["items"]
            splitter = r"\s*;\s*" if ";" in items else r"\s*,\s*|\s+/\s+|\s*\|\s*"
            parts = [p.strip() for p in re.split(splitter, items) if p.strip()]
            if len(parts) >= 2 and all(len(p.split()) <= 8 for p in parts):
                for part in parts:
                    coded = parse_option_text(part)
                    option = (
                        coded[0] if coded and coded[0].code else RawOption(part, None, marker="•")
                    )
                    option.start = line.start
                    draft.options.append(option)
                draft.notes.extend(line.instructions)
                return
        barred = _BARRED_SCALE_RE.match(text)
        if barred and self.barred_scale(barred["items"], draft):
            draft.notes.extend(line.instructions)
            return
        inline_list = _INLINE_LIST_RE.match(text)
        if inline_list and draft.options == [] and not draft.tables:
            self.inline_list(inline_list["head"], inline_list["items"], draft)
            return
        # "Rows:" typed, or set apart as a note of its own (in the notes' colour)
        rows_word = text or (line.instructions[0] if len(line.instructions) == 1 else "")
        if _ROWS_RE.match(rows_word) and len(rows_word) < 40:
            draft.mode = "rows"
            draft.notes.extend(line.instructions)
            return
        if (
            _COLUMNS_RE.match(rows_word)  # "Columns:", or "[COLS]" set apart as a note
            and len(rows_word) < 40
            and (draft.mode == "rows" or draft.rows)
        ):
            draft.mode = "columns"
            draft.notes.extend(line.instructions)
            return
        if self.column_headings(index, line, draft) or self.coded_row(index, line, draft):
            return
        ends = self.end_words(index, line)
        if ends:
            self.scale_ends = ends
            return
        if _end_numbers_again(text, draft):
            return
        row = _scale_row(text, draft)
        if row:
            # "a) It stands out on the shelf  1 2 3 4 5" under a coded scale: a grid's row
            draft.rows.append(row)
            draft.notes.extend(line.instructions)
            return
        if _ends_below(line, draft):
            return
        if self.bare_filter_ahead(index, line, draft):
            return
        if (is_instruction(line) or (is_only_if(text) and (draft.options or draft.hints))) and not (
            _coded_caps_answer(text, draft) or is_bracketed_answer(line.raw)
        ):
            self.note(line, draft, index)
            return
        if (
            (FORM_TYPE_LINE_RE.fullmatch(text) or _NUMBER_RANGE_LINE_RE.fullmatch(text))
            and not draft.options
            and len(draft.lines) <= 3
            and not (line.is_option and line.code)  # "[ ] Email [SQ001]": a coded answer
        ):
            # "Checkboxes", "Short answer": the builder's answer type ("ASK IF C6 = 1. Email.":
            # after the filter set apart on its line)
            draft.notes.extend([*line.instructions, text])
            return
        if _ANSWER_FORMAT_RE.match(text) and len(draft.lines) <= 3 and not draft.options:
            draft.notes.extend([*line.instructions, text])
            return
        if UNIT_BOUNDS_RE.match(text.upper()) and not draft.options and not line.is_option:
            # "Acres (0 – 500)" under the question: the amount's unit and bounds, no answer
            draft.notes.extend([*line.instructions, text])
            return
        if self.outline_item(line, draft):
            return
        if self.wrapped_headings(index, line, draft):
            return
        grid_row = _BOX_ROW_RE.match(text) or _MARK_ROW_RE.match(line.spaced or "")
        if grid_row and (draft.options or draft.rows):
            label = grid_row["label"].strip()
            if draft.options and all(o.marker == "inline" for o in draft.options):
                # under column headings: "a) …" item marks and "(1)" recodes are not wording
                label = _RECODE_RE.sub("", re.sub(r"^\(?[a-zA-Z0-9]{1,2}[.)]\s+", "", label))
            if self.row_wrapped and draft.rows and label[:1].islower():
                draft.rows[-1] = f"{draft.rows[-1]} {label}"  # the end of a wrapped statement
            else:
                draft.rows.append(label)
            self.row_wrapped = False
            return
        if is_field_label(text) and draft.text and not draft.options and not draft.tables:
            # "Email:" under a finished question: the label of the box to fill in.
            draft.hints.append(text)
            draft.notes.extend(line.instructions)
            return
        if self.wrapped_sentence(line, draft) or self.wrapped_note(line, draft):
            return
        options = parse_option_line(line)
        write_in = _WRITE_IN_RE.match(text)
        plain_before = bool(draft.options) and all(o.code is None for o in draft.options)
        other = _OTHER_COLON_RE.match(text) if plain_before else None
        if other:
            # "Other:" closing a list of answers: the write-in answer (a form's "Other" box).
            option = RawOption(other["label"], None, marker="•", specify=True)
            option.start = line.start
            self.add_options([option], draft)
            return
        if write_in and not options and plain_before:
            # "I prefer to self-describe: ______" among plain answers: an answer with a box.
            option = RawOption(write_in["label"], None, marker="•", specify=True)
            option.start = line.start
            self.add_options([option], draft)
            return
        if self.blank_item(index, text):
            # "___ Better search" over "___ Migration guides": items with a box to number them
            item = _BLANK_ITEM_RE.match(text)
            option = RawOption(" ".join(item["label"].split()) if item else text, None, marker="•")
            option.start = line.start
            self.add_options([option], draft)
            return
        other_blank = bool(draft.options) and re.match(r"other\b", text, re.I) is not None
        # "________ years   (0 – 70)": a box with its range, not an answer coded 70
        ranged_box = bool(
            re.match(r"\s*_{3,}.*\(\s*-?\d+\s*[-–]\s*\d+\s*(?:[,;][^()]{1,40})?\)\s*$", text)
        )
        if (
            is_hint(line)
            # "D D M M Y Y Y Y" under date boxes reads like an answer coded Y: still the key
            and (
                ranged_box
                or is_date_box(text)
                or not (options and (options[0].marker or options[0].code))
            )
            and not other_blank
        ):
            draft.hints.append(text)
            draft.notes.extend(line.instructions)
            return
        inline_before = bool(draft.options) and all(o.marker == "inline" for o in draft.options)
        across = ""
        if (
            not options
            and not draft.options
            and draft.text
            and separated_answers(text)
            and not self.option_next(index)  # column headings over lettered statements
        ):
            across = self.continued_answers(index, line.spaced or text)
        if not options and (
            (
                not draft.options
                and (draft.text.endswith(("?", ":")) or _ASKS_CHOICE_RE.search(draft.text))
            )
            or (inline_before and _short_cells(line.spaced or ""))
            or across
        ):
            # Answers across the line, also when a second line of them follows the first.
            following = self.next_content(index)
            over_rows = following is not None and _CODED_ROW_RE.match(following.spaced or "")
            options = _inline_answers(across or line.spaced or text, wide=not over_rows)
        if self.title_after_answers(index, line, draft, above):
            self.finish()
            self.out.sections.append(Section(text))
            self.block = len(self.out.sections)
            return
        if not options and self.accept_plain(index, line, draft):
            options = parse_option_line(
                Line(
                    text=text,
                    raw=text,
                    instructions=line.instructions,
                    is_option=True,
                    start=line.start,
                )
            )
        if options and _footnote(options, draft):
            draft.notes.append(text)
            return
        if options:
            self.add_options(options, draft)
            return
        draft.notes.extend(line.instructions)
        if not draft.options and not draft.tables and statement_under(draft.text, line):
            draft.text_parts.append(text)
            return
        screen = draft.label is not None and draft.label.style == "display"
        if _LEAD_IN_RE.match(text) or (
            # a labelled screen's own thanks ("CLOSING: That was my last question. … Thank
            # you …") are its words
            _CLOSING_RE.match(text)
            and not screen
            # after a field's label ("Contact email"), thanks that ask nothing are the close too
            and (draft.text.endswith((".", "?", "!")) or (draft.text and "?" not in text))
        ):
            # "Use this scale for every statement:" introduces a list; "Thank you for …" after
            # a finished question is the survey's closing words, not more question text.
            if not _LEAD_IN_RE.match(text) and draft.closing_at < 0:
                draft.closing_at = len(draft.notes)  # what follows is the closing's, not the ask's
            draft.notes.append(text)
        elif (
            draft.text.endswith("?")
            and _title_like(text)
            and line.bold
            and not self.option_next(index)
        ):
            self.finish()
            self.out.sections.append(Section(text))
            self.block = len(self.out.sections)
        elif (
            not draft.options
            and not draft.tables
            and not draft.hints  # words under the answer box are no longer the question's
            and draft.mode == "text"
            and not draft.text.endswith("?")
            # "is this new pack…" over "Only ask people who …": the filter is no more words
            and not _FILTER_SENTENCE_RE.match(text)
            # "Multiple answer; 5 is exclusive" under "… Select all that apply.": the type
            and not _TYPE_NOTE_RE.match(text)
            # past an "End of Survey" marker the words are the close's, not the question's
            and not (draft.notes and _SURVEY_END_RE.match(draft.notes[-1]))
        ):
            draft.text_parts.append(text)
        else:
            draft.notes.append(text)

    def side_by_side(self, line: Line, draft: Draft) -> bool:
        """A grid's statements and answers side by side under `ROWS   COLUMNS` (side_grids)."""
        if not draft.options and not draft.rows and side_headings(line.spaced or line.text):
            draft.side_level = line.level
            return True
        if draft.side_level < 0 or not line.text or line.kind != "paragraph":
            return False
        if is_instruction(line) or is_only_if(line.text) or _FILTER_SENTENCE_RE.match(line.text):
            return False  # a filter placed before the next question is no statement
        halves = side_halves(line.spaced or line.text)
        left, right = halves if halves else (line.text, "")
        if not halves and line.level > draft.side_level:
            left, right = "", line.text  # set in under the right-hand heading: an answer
        if left:
            draft.rows.append(statement(left))
        if right:
            answer = Line(text=right, raw=right, spaced=right, start=line.start)
            draft.columns.extend(parse_option_line(answer) or [RawOption(right, None)])
        return True

    def scale_key(self, index: int, line: Line, draft: Draft) -> bool:
        """ "ESCALA: Muy satisfecho 5 / … / NS/NR 99" (maybe over two lines) then lettered items
        with code boxes ("a. Cobertura ..... |__|__|"): the grid's columns, then its rows."""
        if draft.mode == "rows" and draft.options and boxed_row(line.text):
            draft.rows.append(boxed_row(line.text) or "")
            return True
        if draft.options or draft.rows or not is_key(line.text):
            return False
        text = line.spaced or line.text
        following = self.lines[index + 1 : index + 5]
        rest = list(itertools.takewhile(lambda x: not find_label(x), following))
        text, taken = wrapped_key(text, [x.spaced or x.text for x in rest])
        points = key_points(text)
        if points is None:
            return False
        # the key goes on over the next lines ("… Regular 2  /" over "Insatisfecho 1")
        self.skip_lines.update(range(index + 1, index + 1 + taken))
        draft.options.extend(points)
        draft.mode = "rows"
        draft.notes.extend(line.instructions)
        return True

    def wrapped_note(self, line: Line, draft: Draft) -> bool:
        """ "SOFT CHECK: IF MORE THAN 60, "That is more than 60 hours a week -" over "can I just
        check that is right?"": a note's sentence wrapped onto the next line (which opens in
        lower case, at the note's indent) goes on in the note; it starts no answer."""
        if draft.options or draft.tables or draft.rows or not draft.notes or not draft.lines:
            return False
        earlier = [x for x in draft.lines if x is not line]
        if not earlier:
            return False
        before = earlier[-1]
        said = (before.text or before.raw).strip()
        if not said or draft.notes[-1].strip() != said or before.level != line.level:
            return False
        text = line.text.strip()
        if not text[:1].islower() or re.search(r"[.!?:;”\"]\W*$", said):
            return False
        if line.instructions or line.code or find_label(line) is not None:
            return False
        letters = [c for c in said if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            return False  # "INT.: NOTEN VORLESEN" over "sehr gut  1": a note in capitals ends
        answers = parse_option_line(line)
        if answers and answers[0].code is not None:
            return False  # ("gut  2": an answer with its code, in lower case)
        draft.notes[-1] = f"{draft.notes[-1]} {text}"
        return True

    def wrapped_sentence(self, line: Line, draft: Draft) -> bool:
        """ "… an email from us within" over "24 hours with the link, …": a sentence wrapped
        before a number goes on; the number starts no answer."""
        if draft.options or draft.tables or draft.mode != "text" or draft.text.endswith("?"):
            return False
        if not re.search(r"[a-z,]$", draft.text) or not _WRAPPED_NUMBER_RE.match(line.text):
            return False
        if len(line.text.split()) < 6 or _CODE_AT_END_RE.search(line.spaced or line.text):
            return False  # an answer ("1 or more times a week ..... 3"), not running words
        draft.text_parts.append(line.text)
        return True

    def continued_answers(self, index: int, text: str) -> str:
        """Answers across a line, with the next line's when the list ends in its separator
        ("… | Chipotle tacos |" over "Salmon | None yet"); that line is then read."""
        following = self.next_content(index)
        if not continues(text) or following is None or find_label(following) is not None:
            return text
        self.skip_line = index + 1 + self.lines[index + 1 :].index(following)
        return f"{text.rstrip(' |｜/')} | {following.spaced or following.text}"

    def grid_parts(self, line: Line) -> bool:
        """A question named a Likert or matrix question ("Likert type question: What are the
        barriers…?"): its lead-in to the column definitions ("Please consider the following
        definitions:") stays with it, the definitions ("Significant barrier: a frequent…") are
        its columns, and a short heading after them ("Possible barriers") opens its rows."""
        named = _GRID_NAMED_RE.match(line.text) if line.kind in ("heading", "paragraph") else None
        if named:
            line.text = line.spaced = named["text"].strip()
            line.instructions.append("GRID")
            return False
        draft = self.current
        if draft is None or "GRID" not in draft.notes or draft.rows or draft.mode == "rows":
            return False
        # ("STATEMENTS (ROWS):" is no lead-in: it opens the rows, read as any "Rows:" line)
        if (
            not draft.options
            and line.kind == "paragraph"
            and line.text.endswith(":")
            and not _ROWS_RE.match(line.text)
        ):
            draft.notes.append(line.text)
            draft.lines.append(line)
            return True
        short = len(line.text.split()) <= 5 and "?" not in line.text
        if draft.options and line.kind == "heading" and short:
            for option in draft.options:
                defined = re.match(r"^(?P<name>[^:]{2,40}?)\s*:\s*\S", option.label)
                option.label = defined["name"] if defined else option.label
            draft.mode = "rows"
            draft.lines.append(line)
            return True
        return False

    def coded_row(self, index: int, line: Line, draft: Draft) -> bool:
        """ "a) The app is easy to use   1   2   3" under "Disagree  Neutral  Agree" (also an
        item in capitals, "CAR  1  2  3"): a grid row."""
        coded = _CODED_ROW_RE.match(line.spaced or "")
        heads = draft.options
        if not heads or any(o.marker != "inline" for o in heads):
            return False
        if coded is None:
            return self.row_wraps_on(index, line, draft)
        points = coded["points"].split()
        if len(points) != len(heads):
            return False
        for head, code in zip(heads, points, strict=True):
            head.code = head.code or code
        label = re.sub(r"^\(?[a-zA-Z0-9]{1,2}[.)]\s+", "", coded["label"])
        if self.row_wrapped and draft.rows and label[:1].islower():
            draft.rows[-1] = f"{draft.rows[-1]} {label}"  # the end of the row's statement
        else:
            draft.rows.append(label)
        self.row_wrapped = False
        return True

    def row_wraps_on(self, index: int, line: Line, draft: Draft) -> bool:
        """ "f) I feel supported in my caring" over "role   1   2   3": a grid row whose
        statement wraps onto the line that carries its points."""
        following = self.next_content(index) if draft.rows and line.text else None
        if following is None or _grid_row_label(line) is not None:
            return False
        label = _grid_row_label(following)
        if label is None or not label[:1].islower():
            return False
        draft.rows.append(re.sub(r"^\(?[a-zA-Z0-9]{1,2}[.)]\s+", "", line.text))
        self.row_wrapped = True
        return True

    def abbreviation_key(self, line: Line) -> None:
        """ "Key: SA = Strongly agree (5), A = Agree (4), …": the words and codes the short
        column headings of later grids stand for."""
        text = " ".join([line.text, *line.instructions])
        if "=" not in text:
            return
        entries = list(_KEY_ENTRY_RE.finditer(text))
        if len(entries) >= 3:
            self.abbreviations = {
                e["abbr"]: RawOption(collapse_label(e["label"]), e["code"], marker="inline")
                for e in entries
            }

    def row_points(self, line: Line | None) -> int:
        """How many answer columns a grid row under headings has (0 when it is no such row):
        "a) Item   1   2   3", "Item ☐ ☐ ☐", "Item (1)<TAB>o<TAB>o<TAB>o"."""
        if line is None:
            return 0
        coded = _CODED_ROW_RE.match(line.spaced or "")
        if coded:
            return len(coded["points"].split())
        marks = _MARK_ROW_RE.match(line.spaced or "")
        if marks:
            return len(re.findall(r"\t\s*[oO]|[" + BOXES + "]", line.spaced[marks.end("label") :]))
        boxed = _BOX_ROW_RE.match(line.text)
        if boxed:
            return sum(line.text.count(b) for b in BOXES)
        return 0

    def column_headings(self, index: int, line: Line, draft: Draft) -> bool:
        """Column headings across a line over rows of points or boxes ("SA  A  N  D  SD",
        "YES<TAB>NO", "Never (1)<TAB>Often (2)"), also wrapped onto two lines whose words stand
        over their columns: the grid's columns, in capitals or not."""
        if draft.rows or draft.tables or draft.mode != "text":
            return False
        heads = _heading_cells(line.spaced or "")
        if heads is None:
            return False
        if draft.options:
            return self.keyed_headings(index, heads, draft)
        following = self.next_content(index)
        points = self.row_points(following)
        if following is not None and not points:
            lower = _heading_cells(following.spaced or "")
            after = self.next_content(index + 1 + self.lines[index + 1 :].index(following))
            points = self.row_points(after)
            if lower is None or points != len(lower) or len(heads) >= len(lower):
                return False
            heads = _stack_headings(line.spaced or "", following.spaced or "", lower)
            if heads is None:
                return False
            self.skip_line = index + 1 + self.lines[index + 1 :].index(following)
        heads = split_joined_heads(heads, points) or heads
        if points != len(heads):
            return False
        options = []
        for head in heads:
            key = self.abbreviations.get(head)
            written = _CODE_BRACKETED_HEAD_RE.match(head)
            if key is not None:
                options.append(RawOption(key.label, key.code, marker="inline"))
            elif written:
                options.append(RawOption(written["label"], written["code"], marker="inline"))
            else:
                options.append(RawOption(head, None, marker="inline"))
        draft.options.extend(options)
        draft.notes.extend(line.instructions)
        return True

    def keyed_headings(self, index: int, heads: list[str], draft: Draft) -> bool:
        """Short headings ("All  Some  Never  DK") over rows of the codes a key above them
        gave ("CODES: 1 = All of the time  2 = …"): the key's answers are the columns."""
        keyed = draft.options
        if any(o.code is None or o.marker == "inline" for o in keyed) or len(heads) != len(keyed):
            return False
        coded = _CODED_ROW_RE.match(getattr(self.next_content(index), "spaced", "") or "")
        if coded is None or coded["points"].split() != [o.code for o in keyed]:
            return False
        for option in keyed:
            option.marker = "inline"  # the columns the rows below are coded on
        return True

    def outline_item(self, line: Line, draft: Draft) -> bool:
        """ "1.1  I get more done at home." under Q1: the statements of Q1's battery."""
        item = _OUTLINE_ITEM_RE.match(line.text)
        own = re.search(r"(\d+)$", draft.label.id) if draft.label else None
        if item is None or own is None or int(item["n"]) != int(own.group(1)):
            return False
        if self.out.label_mode == "bare" or not (draft.options or draft.columns or draft.rows):
            return False
        draft.rows.append(_REVERSE_MARK_RE.sub("", item["rest"]).strip())
        return True

    def wrapped_headings(self, index: int, line: Line, draft: Draft) -> bool:
        """Column headings wrapped onto a second line ("Very" over "satisfied"): each heading's
        words are read top to bottom."""
        heads = draft.options
        if len(heads) < 2 or draft.rows or any(o.marker != "inline" or o.code for o in heads):
            return False
        following = self.next_content(index)
        if re.search(r"\d", line.text) or following is None:
            return False
        if not (_CODED_ROW_RE.match(following.spaced or "") or _BOX_ROW_RE.match(following.text)):
            return False  # headings stand over rows of points or boxes
        more = _inline_answers(line.spaced or line.text)
        if len(more) != len(heads) or any(o.marker != "inline" for o in more):
            return False
        for head, extra in zip(heads, more, strict=True):
            glue = "" if head.label.endswith(("/", "-", "–")) else " "  # "teils/" over "teils"
            head.label = f"{head.label}{glue}{extra.label}"
        return True

    def title_after_answers(self, index: int, line: Line, draft: Draft, above: Line | None) -> bool:
        """A bold paragraph of a few words after a list of plain (not bold) answers, right over
        the next question's label: a section title, not one more answer (a word-processor
        export where titles are bold paragraphs and answers are list items)."""
        if not draft.options or above is None or not line.bold or line.kind != "paragraph":
            return False
        if line.is_option or above.kind != "list_item" or above.bold or not _title_like(line.text):
            return False
        following = self.next_content(index)
        return following is not None and find_label(following) is not None

    def accept_plain(self, index: int, line: Line, draft: Draft) -> bool:
        """True when an unmarked short line is an answer of this question."""
        if (
            draft.mode == "rows"
            and 0 < len(line.text.split()) <= 25
            and not line.text.endswith("?")
        ):
            return True  # after "Rows:" a statement may be a long sentence
        if not is_plain_answer(line.text):
            return False
        if draft.mode in ("rows", "columns"):
            return True
        if not draft.options and any(_BLANK_LINE_RE.match(seen.raw) for seen in draft.lines):
            return False  # under the blank lines to write on: a footer, no answers
        if draft.options:
            if _ROUTING_PROMPT_RE.match(line.text):
                return False  # "Not going? Skip to Q9.": a question to the reader, then a jump
            following = self.next_content(index)
            if (
                _boxed_items_above(draft, line)
                and following is not None
                and find_label(following) is not None
            ):
                return False
            return all(
                o.marker in ("•", "inline") and o.code is None for o in draft.options[-1:]
            ) or bool(line.is_option)
        ended = (
            draft.text.rstrip().endswith(("?", ":", "."))
            or bool(re.search(r"[?.:]\s*\([^()]{2,60}\)$", draft.text.rstrip()))
            # "1. Gender" over "Male" / "Female": a field name over its answers
            or (draft.label is not None and 0 < len(draft.text.split()) <= 3)
        )
        return (
            ended
            and self.plain_run(index) >= 2
            and (draft.label is None or draft.label.id not in DISPLAY_WORDS)
        )

    def barred_scale(self, items: str, draft: Draft) -> bool:
        """ "Scale: 1 Poor | 2 | 3 | 4 Good | 9 DON'T KNOW" under lettered statements: the
        statements are a grid's rows and the points, set apart by bars, its columns."""
        lettered = bool(draft.options) and all(
            o.code is None and o.marker and re.fullmatch(r"[a-z]", o.marker) for o in draft.options
        )
        if not lettered or draft.rows or draft.columns or draft.tables:
            return False
        points: list[RawOption] = []
        for part in (p.strip() for p in items.split("|")):
            bare = re.fullmatch(r"-?\d{1,2}", part)
            coded = None if bare else parse_option_text(part)
            if bare:
                points.append(RawOption(part, part))
            elif coded and coded[0].code:
                points.append(coded[0])
            else:
                return False
        draft.rows.extend(o.label for o in draft.options)
        draft.options.clear()
        draft.columns.extend(points)
        return True

    def inline_list(self, head: str, items: str, draft: Draft) -> None:
        """ "Rows: Car; Bicycle; Scooter" / "Columns: Owned now; Never owned" on one line."""
        scale = inline_scale(items)
        if scale and not re.match(r"row|statement|item", head, re.I):
            draft.columns.extend(RawOption(o.label, o.code) for o in scale)
            return
        parts = [p.strip() for p in re.split(r"\s*;\s*|\s*,\s*|\s+/\s+", items) if p.strip()]
        if re.match(r"row|statement|item", head, re.I):
            draft.rows.extend(parts)
        else:
            draft.columns.extend((parse_option_text(p) or [RawOption(p, None)])[0] for p in parts)

    def end_words(self, index: int, line: Line) -> tuple[str, str] | None:
        """ "NOT AT ALL LIKELY      EXTREMELY LIKELY" (or "Not likely → Very likely") over a row
        of numbers (boxed or not): the scale's ends."""
        parts = [
            p.strip()
            for p in re.split(r"\t+|\s{3,}|\s+(?:→|->|⟶|—>)\s+", line.spaced or line.text)
            if p.strip()
        ]
        following = self.next_content(index)
        if len(parts) != 2 or following is None or any(re.search(r"\d", p) for p in parts):
            return None
        row = " ".join(re.sub(rf"[{BOXES}]|(?<!\S)[-*+•](?!\S)", " ", following.text).split())
        if not _NUMBER_ROW_RE.match(row):
            return None
        return parts[0], parts[1]

    def add_options(self, options: list[RawOption], draft: Draft) -> None:
        """Options to the list the draft is filling (answers, rows or columns)."""
        if self.scale_ends and len(options) >= 3 and all(o.code == o.label for o in options):
            options[0].label, options[-1].label = self.scale_ends
        self.scale_ends = None
        if (
            draft.mode == "text"
            and draft.options
            and all(o.code and o.label == o.code for o in options)
            and [o.code for o in options] == [o.code for o in draft.options]
        ):
            return  # "1 = not at all … 7 = extremely" over "[1] [2] … [7]": the same points again
        if (
            draft.mode == "text"
            and len(draft.options) >= 3
            and all(o.code and o.label == o.code for o in draft.options)
            and [o.code for o in options] == [o.code for o in draft.options]
        ):
            # "0 1 2 … 10" then the key "0 = Very poor   10 = Very good": the points' words
            for point, keyed in zip(draft.options, options, strict=True):
                point.label = keyed.label
            return
        if all(o.marker == "ends" for o in options):
            # "Very dissatisfied ○ ○ ○ ○ ○ Very satisfied" under a row of numbers: end words.
            points = draft.options[-len(options) :]
            if len(points) == len(options) and all(p.code and p.label == p.code for p in points):
                points[0].label, points[-1].label = options[0].label, options[-1].label
                return
        if draft.mode == "rows" and _wraps_row(options, draft.rows):
            # "d) They are dealing with the things that matter to people in this" / "community":
            # a statement hard-wrapped onto a line of its own goes on
            draft.rows[-1] = f"{draft.rows[-1]} {options[0].label}"
        elif draft.mode == "rows":
            draft.rows.extend(o.label if o.code is None or o.label else o.code for o in options)
        elif draft.mode == "columns":
            draft.columns.extend(options)
        else:
            for option in options:
                if not _routes_listed_answer(option, draft.options):
                    draft.options.append(option)

    def check_box(self, index: int, line: Line) -> bool:
        """A CHECK box after a question (`CHECK Q12: IF ANY CODE 1 AT Q12a–e → Q13`), with its
        branches on the lines after it up to the next question, kept for place_check_boxes."""
        if self.current is None or not CHECK_START_RE.match(line.raw):
            return False
        parts = [line.raw.strip()]
        for later in range(index + 1, min(index + 6, len(self.lines))):
            below = self.lines[later]
            if below.kind != "paragraph" or not below.raw.strip() or find_label(below):
                break
            parts.append(below.raw.strip())
            self.skip_lines.add(later)
        text = " ".join(parts)
        if not check_branches(text):
            self.skip_lines.difference_update(range(index + 1, index + len(parts)))
            return False
        self.current.checks.append(text)
        return True

    def banner_base(self, line: Line) -> bool:
        """A banner between questions saying whom the questions below it are for
        (`CONSENTS — ALL WHO AGREED TO RECONTACT (RC1 = 1)`) filters each of them, up to the
        next heading or an `ALL RESPONDENTS` banner."""
        whole = " ".join([*line.instructions, line.text]).strip()
        if find_label(line) is not None or line.is_option:
            return False
        banner = _BANNER_BASE_RE.match(whole)
        if banner:
            self.finish()
            self.section_filter, self.banner_filter = f"ASK IF {banner['test']}", True
            return True
        if self.banner_filter and _ASK_ALL_BANNER_RE.match(whole):
            self.section_filter, self.banner_filter = "", False
        return False

    def base_under_heading(self, line: Line) -> bool:
        """A `BASE:` line under a section's heading (a banner's second line), before its first
        question, is the base of every question of the section; a test in brackets wrapped
        onto the next line (`(SC2 = 2 OR 3)`) belongs to it."""
        whole = " ".join([line.text, *line.instructions]).strip()
        # "PATCH PUMP USERS ONLY. BASE: ALL USING …": the group named first restates the base
        whole = _ONLY_BEFORE_BASE_RE.sub("", whole)
        if _BASE_LINE_RE.match(whole) and find_label(line) is None and not line.is_option:
            self.section_filter = whole
            return True
        if _WHOLE_SECTION_BASE_RE.match(whole) and find_label(line) is None and not line.is_option:
            # "BASE FOR THIS WHOLE SECTION: … (C1 = 1). ALL OTHERS GO TO END"
            self.section_filter = heading_base_note(whole)
            return True
        if self.section_filter and _BRACKETED_TEST_RE.fullmatch(whole):
            self.section_filter += " " + whole
            return True
        if (
            self.section_filter.startswith(f"ASK IF {GROUP_MARK}")
            and "(" not in self.section_filter
            and _NAMED_ANSWERS_RE.fullmatch(whole)
            and find_label(line) is None
        ):
            # "ARABLE FARMS ONLY" over "(Cereals or Mixed farming, at S2)": the answers of the
            # question named that make up the group (read in logic)
            self.section_filter += " " + whole
            return True
        parts = [*line.instructions, line.text]
        boxed = next((m for m in map(_SECTION_FILTER_BOX_RE.match, parts) if m), None)
        if boxed and find_label(line) is None and not line.is_option and not self.section_filter:
            # "> FILTER: ASK IF AGE 16+ (D1 >= 16)." right under a section's heading, before
            # its first question: the filter of every question of the section
            self.section_filter = f"ASK {boxed['cond']}"
            return True
        only = next((m for m in map(_ONLY_FOR_RE.match, parts) if m), None)
        if only and find_label(line) is None and any(map(_OTHERS_ON_RE.search, parts)):
            # "Only for families with three or more children (A1 is 3 or more). Everyone else,
            # please go on to Section E." under a heading: whom the whole section is for
            self.section_filter = "ASK IF " + only["cond"].strip(" .")
            return True
        return False

    def note(self, line: Line, draft: Draft, index: int = -1) -> None:
        """An instruction line: forward routing waits for the next question, the rest stays."""
        notes = [*line.instructions, line.text] if line.text else line.instructions
        if line.text and line.instructions and _FORWARD_RE.match(to_english(line.text)):
            # "FILTER: ASK IF NOT WORKING (ECON1 = 3)": the test in capitals in brackets is the
            # filter's own, not a note of the question above
            notes = [line.raw.strip()]
        forwarded = False
        for note in notes:
            # "PROG: ASK IF Q7 = 1–3." after a question's answers: whom the note is for said
            # first, then the next question's filter (above the answers it stays the question's)
            answered = bool(draft.options or draft.hints or draft.tables or draft.rows)
            # ("ROUTE: IF …" back at the labels' margin under an indented open question, right
            # over the next label: set out like the labels, it is the next one's)
            answered = answered or self.margin_note(index, line, draft)
            # ("ASK IF B1 = 7-10" under an open question that has its own filter above its
            # words, right over the next label: a question has one filter, so it is the next's)
            answered = answered or bool(
                any(_FORWARD_RE.match(_NOTE_FOR_RE.sub("", p)) for p in draft.pre_notes)
                and draft.notes
                and self.label_next(index)
            )
            bare = _NOTE_FOR_RE.sub("", note) if answered else note
            if answered and (note is line.text or note == line.raw.strip()):
                # "POSER SI Q5 = 2" typed on its own line after the answers: the next one's
                # filter in the document's language (notes split off a line are in English
                # words already; above the answers the question's own reading stays)
                bare = to_english(bare)
            if self.logic_boxes_above and _LOGIC_BOX_RE.match(note) and not ends_interview(note):
                self.pending.append(note)  # "Display logic: …" over the question it is for
            elif (
                self.logic_boxes_above
                and line.whole_instruction
                and _DISPLAY_BOX_RE.match(line.raw.strip())
                and not ends_interview(note)
                and self.label_next(index)
            ):
                # "Display this question: If Q13 = 7 or 8" under an open question's words, right
                # over the next label, where the document sets its boxes over their questions
                self.pending.append(note)
            elif (
                _DISPLAY_BOX_RE.match(note)
                and any(_DISPLAY_BOX_RE.match(p) for p in draft.pre_notes)
                and self.label_next(index)
            ):
                # a second "Display This Question: …" box, under a question whose own box stands
                # over it, right over the next label: that question's (none has two)
                self.pending.append(note)
            elif forwarded and not line.text and line.raw.lstrip().startswith("["):
                # "[ASK IF Q2 = 1] [MULTI]": a bracketed note after the next question's
                # bracketed filter, on the filter's own line, is that question's too
                self.pending.append(note)
            elif (paired := self.pair_around_next(index, bare)) is not None:
                # "IF Q12 = 1 OR 2 → Q13 ELSE → Q14" right over Q13: the next one's filter
                self.pending.append(paired)
                forwarded = True
            elif _FORWARD_RE.match(bare) and ends_interview(note):
                draft.notes.append(note)  # "Filter: under 18 → end of survey": this answer's
            elif self.bracketed_own_filter(note, draft):
                # "(Only if Q3 is 18 or more.)" after the answers (or an answer cue): a filter
                # wholly in round brackets is the question's own aside, as under its words
                draft.notes.append(note)
            elif _FORWARD_RE.match(bare) and not re.match(r"^\[?\s*IF\b", bare, re.I):
                if self.own_condition(index, draft):
                    draft.pre_notes.append(note)
                else:
                    self.pending.append(note)
                    forwarded = True
            elif re.match(r"^\[?\s*IF\b.*\bASK\s+[A-Z]*\d", note, re.I) or (
                answered and re.match(r"^\[?\s*IF\b.{3,200}?\bASK\s*[.:\]]?\s*$", note, re.I)
            ):
                # "IF SPECIALTY = GP (S1 CODE 3) ASK." after the answers: the next one's filter
                self.pending.append(note)
            elif draft.options and _OPEN_END_NOTE_RE.fullmatch(note) and self.label_next(index):
                # "OPEN END. OPTIONAL." between a coded list and the next label: that one's type
                self.pending.append(note)
            elif self.names_next(index, note):
                # "{Q6 only if 6 NOT ticked at Q5}" between Q5's answers and Q6: named, Q6's
                # ("B2 is for those who …" under an open question's answer cue, too)
                self.pending.append(note)
            elif BARE_CONDITION_RE.match(bare) and self.label_next(index):
                # "IF CODE 2 AT Q2" alone above a question: whom that question is for
                # ("ROUTE: IF Q1 = 1": after a routing note's heading word)
                self.pending.append(note)
            elif (
                line.whole_instruction
                and len(line.instructions) == 1
                and bare_filter(note, None)
                and self.label_next(index)
            ):
                # "[Q7=2]" / "<Q7 = 2>" set apart on a line of its own right over a question:
                # a bare test in brackets, whom that question is for (`bare_filters`)
                self.pending.append(bare_filter(note, None))
            elif group_filter(bare) and self.label_next(index):
                # "For everyone except code 2 at B4", "C2>0 OR C3>0" alone right over a
                # question: whom that question is for
                self.pending.append(note)
            elif group_only(note) and (self.label_next(index) or not answered):
                # "Part-exchange customers only" alone over a question, or under its words
                # before its answers: whom it is for, named by an earlier answer
                target = self.pending if answered else draft.pre_notes
                target.append(f"ASK IF {GROUP_MARK} {group_only(note)}")
            else:
                draft.notes.append(note)


_BLANK_ITEM_RE = re.compile(
    r"^_{3,}\s+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|times?|per|percent|dollars?|"
    r"pounds?|euros?|kg|km|miles?)\b)(?P<label>[A-Za-z][^_\d]*\s[^_\d]*\w)$",
    re.I,
)
_INLINE_SPLIT_RE = re.compile(r"\s+/\s+|\s*[|｜／]\s*|\s{3,}|\t+")


_ID_IN_NOTE = r"[A-Z]{1,4}\d{1,3}[a-z]?"
_RUN_IN_NOTE_RE = re.compile(
    rf"\(\s*{_ID_IN_NOTE}\s*(?:TO|-|–)\s*(?P<last>{_ID_IN_NOTE})\s*\)"
    # "ASK P5 TO P7": the run asked, named after the word
    rf"|\bASK\s+(?:QUESTIONS\s+)?{_ID_IN_NOTE}\s*(?:TO|-|–)\s*(?P<asked>{_ID_IN_NOTE})\b",
    re.I,
)
_OTHERS_TO_RE = re.compile(
    # ("OTHERWISE, GO TO 13": a form's questions by their bare numbers)
    rf"\b(?:GO(?:ES)?|SKIPS?|MOVES?|JUMPS?|CONTINUES?)\s+(?:ON\s+)?(?:STRAIGHT\s+)?TO\s+"
    rf"(?:QUESTION\s+)?(?P<next>{_ID_IN_NOTE}|\d{{1,3}}[a-z]?)\b",
    re.I,
)


def _grid_row_label(line: Line) -> str | None:
    """The words of a grid row with its points or boxes ("a) Item   1   2   3", "Item [ ] [ ]")."""
    found = (
        _CODED_ROW_RE.match(line.spaced or "")
        or _BOX_ROW_RE.match(line.text)
        or _MARK_ROW_RE.match(line.spaced or "")
    )
    return found["label"].strip() if found else None


def _filter_bounds(note: str) -> tuple[str, str]:
    """The last question a section's filter note covers ("(Q5 TO Q8)") and the first it does
    not ("EVERYONE ELSE GOES TO Q9"), "" for either the note leaves unsaid."""
    run, others = _RUN_IN_NOTE_RE.search(note), _OTHERS_TO_RE.search(note)
    return (run["last"] or run["asked"] if run else "", others["next"] if others else "")


_LOGIC_BOX_RE = re.compile(r"^\W*DISPLAY\s+LOGIC\s*:", re.I)
_DISPLAY_BOX_RE = re.compile(
    r"^\W*(?:DISPLAY\s+LOGIC|(?:DISPLAY|SHOW)\s+THIS\s+QUESTION(?:\s+ONLY)?)\s*(?::|\bIF\b)", re.I
)
_NAMED_ID_RE = re.compile(
    r"\b([A-Z]{1,4}\d{1,3}[a-z]?)\b(?!\s+(?:is|are)\s+(?:shown|displayed|asked))"
)


def _logic_boxes_above(lines: list[Line]) -> bool:
    """True when a survey tool's "Display logic: …" boxes stand over their questions: one of
    them, under a question, tests that very question ("Display logic: Q8 is 1 or 2." under Q8),
    which can only be the next question's filter."""
    current: str | None = None
    for line in lines:
        label = find_label(line) if line.text else None
        if label is not None:
            current = label.id
        notes = [*line.instructions, *([line.text] if line.text else [])]
        for note in notes:
            if current is not None and _LOGIC_BOX_RE.match(note):
                if current in _NAMED_ID_RE.findall(note):
                    return True
        # ("Display this question: If Q8 = 3, 4 or 5" under Q8's answers, on a line of its own)
        raw = line.raw.strip()
        if current is not None and line.whole_instruction and _DISPLAY_BOX_RE.match(raw):
            if current in _NAMED_ID_RE.findall(raw):
                return True
    return False


# "at 16", "in question 4": a question named by its bare number in a respondent's filter
_AT_NUMBER_RE = re.compile(r"\b(?:at|in|to)\s+(?:question\s+)?(\d{1,3})\b(?![.,]\d|\s*%)", re.I)


def _filters_written_above(lines: list[Line]) -> bool:
    """True when the document sets its filters on their own lines between one question's answers
    and the next question's label: then a filter under an open question's words, right over the
    next label, is the next question's too, not the open question's own."""
    count = 0
    previous: Line | None = None
    for position, line in enumerate(lines):
        if line.kind == "page_break" or (
            line.whole_instruction
            and not _FORWARD_RE.match(line.raw)
            and not BARE_CONDITION_RE.match(line.raw.strip())
        ):
            continue
        if line.whole_instruction:
            following = next(
                (
                    x
                    for x in lines[position + 1 :]
                    if x.kind != "page_break" and not x.whole_instruction
                ),
                None,
            )
            # after answers or other body lines, not right under a question's own words
            after_answers = previous is not None and find_label(previous) is None
            if after_answers and following is not None and find_label(following) is not None:
                count += 1
                if count >= 2:
                    return True
            continue
        previous = line
    return False


def _about_answering(text: str) -> bool:
    """True for a sentence about how to answer: a range, a limit, or where to go next."""
    return any(d.kind != "type" for d in interpret(text)) or bool(
        re.search(r"\b(?:go|skip|continue)\b.{0,30}\b(?:section|question|page)\s+\w+", text, re.I)
    )


def _inline_answers(text: str, wide: bool = True) -> list[RawOption]:
    """Answers written across one line: "Yes / No / Not sure", "Daily | Weekly | Never"
    (column headings over coded rows may be set only two spaces apart)."""
    splitter = _INLINE_SPLIT_RE if wide else re.compile(r"\s+/\s+|\s*[|｜／]\s*|\s{2,}|\t+")
    if re.search(r"_{3,}\s*/\s*_{2,}", text):
        return []  # "Month / Day / Year: ___ / ___ / ____": the boxes of a date, not answers
    parts = [p.strip() for p in splitter.split(text) if p.strip()]
    if not 2 <= len(parts) <= 10 or any(len(p.split()) > 6 or p.endswith("?") for p in parts):
        return []
    # "Something else (tell us): ____": an answer with a box to write in
    return [
        RawOption(re.sub(r"[:\s]*_{2,}[\s_]*$", "", p), None, marker="inline", specify="__" in p)
        for p in parts
    ]


_CODE_BRACKETED_HEAD_RE = re.compile(r"^(?P<label>\S.*?)\s*\((?P<code>-?\d{1,3})\)$")


def collapse_label(text: str) -> str:
    """An answer's words with whitespace collapsed and a trailing full stop dropped."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


_GRID_NAMED_RE = re.compile(
    r"^(?:likert(?:[- ]type)?|matrix|grid)(?:\s+(?:type|scale|style))?\s+question\s*:\s*"
    r"(?P<text>\S.*)$",
    re.I,
)
# A spec written as keys and values ("Question: "Which…?"", "Options:", "Type: Free text"), in
# English or in the languages the glossary reads.
_SPEC_QUESTION_RE = re.compile(
    r"^(?:question(?:\s+text)?|domanda|pregunta|frage|texte\s+de\s+la\s+question)\s*:\s*"
    r"[\"“«„]?(?P<text>[^\"“”«»„]{3,}?)[\"”»“]?\s*$",
    re.I,
)
_SPEC_OPTIONS_RE = re.compile(
    r"^(?:opzioni|risposte|opciones|respuestas|optionen|antworten|antwortoptionen|r[ée]ponses|"
    r"choix)\s*:?$",
    re.I,
)
_SPEC_TYPE_RE = re.compile(r"^(?:tipo|typ|type\s+de\s+question|fragetyp)\s*:\s*", re.I)


def _spec_keys(line: Line) -> bool:
    """ "Question: "Which band…?"": the key of a spec names the line's part; the question's words
    are what follows it (quotes dropped), "Opzioni:" opens the answers, "Tipo:" is the type."""
    if line.kind not in ("paragraph", "list_item") or not line.text:
        return False
    asked = _SPEC_QUESTION_RE.match(line.text)
    if asked:
        line.text = line.spaced = asked["text"].strip()
        line.kind, line.is_option, line.numbering = "paragraph", False, None  # not a bullet answer
        return True
    if _SPEC_OPTIONS_RE.match(line.text):
        line.text = line.spaced = "Options:"
    elif _SPEC_TYPE_RE.match(line.text):
        line.text = line.spaced = _SPEC_TYPE_RE.sub("Type: ", line.text)
    return False


def _heading_cells(spaced: str) -> list[str] | None:
    """The cells of a line of column headings (two or more short cells set apart by tabs or
    wide gaps, or a line of short capital abbreviations), else None."""
    cells = [c.strip() for c in _HEAD_SPLIT_RE.split(spaced.strip()) if c.strip()]
    if len(cells) < 2 and re.fullmatch(r"[A-Z]{1,3}(?:\s+[A-Z]{1,3})+", spaced.strip()):
        cells = spaced.split()
    if not 2 <= len(cells) <= 11:
        return None
    for cell in cells:
        bare = _CODE_BRACKETED_HEAD_RE.sub(r"\g<label>", cell)
        if len(bare.split()) > 6 or len(bare) > 40 or re.search(r"\d|[?:]$", bare):
            return None
    return cells


def _stack_headings(upper: str, lower: str, cells: list[str]) -> list[str] | None:
    """Headings wrapped onto two lines ("sehr      teils/      sehr" over "zufrieden
    zufrieden   teils   unzufrieden   unzufrieden"): each upper word joins the lower heading
    it stands over (the lines are aligned at their first column)."""
    starts = [m.start() for m in re.finditer(r"\S+(?:\s\S+)*", lower.strip())]
    if len(starts) != len(cells):
        return None
    joined = list(cells)
    for match in re.finditer(r"\S+(?:\s\S+)*", upper.strip()):
        near = min(range(len(starts)), key=lambda i: abs(starts[i] - match.start()))
        if abs(starts[near] - match.start()) > 2:
            return None
        word = match.group(0)
        glue = "" if word.endswith(("/", "-")) else " "
        joined[near] = f"{word}{glue}{joined[near]}"
    return joined


_LETTERED_ROW_RE = re.compile(
    r"^\(?[a-z][.)]\s+(?P<words>[A-Za-z\"'‘“].*?)\s+(?P<codes>\d{1,2}(?:\s+\d{1,2}){2,10})$"
)


def _scale_row(text: str, draft: Draft) -> str | None:
    """The words of a lettered statement ending in the codes of the scale listed above it, in
    order ("a) It stands out 1 2 3 4 5" under "Agree strongly 1" … "Disagree strongly 5")."""
    match = _LETTERED_ROW_RE.match(text)
    points = draft.options
    if match is None or len(points) < 3 or not all(p.code and p.label != p.code for p in points):
        return None
    if match["codes"].split() != [p.code for p in points]:
        return None
    return match["words"].strip()


def _end_numbers_again(text: str, draft: Draft) -> bool:
    """ "0   10" under a row of points 0…10: the ends repeated over their words, not answers."""
    ends = re.fullmatch(r"(-?\d{1,2})\s+(-?\d{1,2})", text)
    points = draft.options
    if ends is None or len(points) < 3 or not all(p.code and p.label == p.code for p in points):
        return False
    return (ends[1], ends[2]) == (points[0].code, points[-1].code)


def _ends_below(line: Line, draft: Draft) -> bool:
    """ "Not at all likely      Extremely likely" under a row of numbers: the ends' words."""
    parts = [p.strip() for p in re.split(r"\t+|\s{3,}", line.spaced or "") if p.strip()]
    points = draft.options
    if len(parts) != 2 or any(re.search(r"\d", p) for p in parts) or len(points) < 3:
        return False
    if not all(p.code and p.label == p.code for p in points):
        return False
    # "(not at all)      (very much)": the words without their brackets
    points[0].label, points[-1].label = (re.sub(r"^\((.+)\)$", r"\1", p) for p in parts)
    return True


# "Select all that apply.", "Tick one box.": the ask is over; answers come next.
# "24 hours with the link, …": a number then running words in small letters
_WRAPPED_NUMBER_RE = re.compile(r"^\d{1,4}(?:[.,]\d+)?\s+[a-z]+(?:\s+[a-z]+){2,}")
_CODE_AT_END_RE = re.compile(r"(?:\.{2,}|…|\t|\s{2,})\s*\d{1,3}\s*$")
_ASKS_CHOICE_RE = re.compile(
    r"\b(?:select|tick|check|choose|mark|circle)\s+(?:all|one|any|up\s+to)\b[^.?!]*[.!]$", re.I
)


def _short_cells(spaced: str) -> bool:
    """True for a line of two or more short cells set apart by tabs or wide gaps."""
    cells = [c for c in re.split(r"\t+|\s{3,}", spaced.strip()) if c]
    return len(cells) >= 2 and all(len(c.split()) <= 4 for c in cells)


def _asks_over_table(text: str, parser: _Parser, index: int) -> bool:
    """A request of a sentence or more (its scale's key in brackets) right over a table."""
    if len(text.split()) < 8 or text[:1] in BOXES or not looks_like_question(text):
        return False
    following = parser.next_content(index)
    return following is not None and following.kind == "table"


def _wraps_row(options: list[RawOption], rows: list[str]) -> bool:
    """One uncoded piece in small letters under a statement that has not ended, where every
    statement so far opens with a capital (items all in small letters are items each)."""
    if len(options) != 1 or not rows or options[0].code is not None:
        return False
    if not all(row[:1].isupper() for row in rows):
        return False
    return options[0].label[:1].islower() and not rows[-1].rstrip().endswith((".", "?", "!", ":"))


def _skipped(line: Line) -> bool:
    """A page break or an instruction line, passed over when looking for a screen's words."""
    return line.kind == "page_break" or line.whole_instruction or is_instruction(line)


def _has_words(text: str) -> bool:
    return len(re.findall(r"[a-z]{2,}", text)) >= 3


def _footnote(options: list[RawOption], draft: Draft) -> bool:
    """ "1 Question 18 was only asked to…" under a list of bullets: a page's footnote."""
    bullets = bool(draft.options) and all(o.code is None for o in draft.options)
    return (
        bullets
        and len(options) == 1
        and options[0].code is not None
        and len(options[0].label.split()) >= 8
    )


_SURVEY_END_RE = re.compile(
    r"^\W*(?:end\s+of\s+(?:the\s+)?(?:survey|questionnaire|interview)|survey\s+ends?)\W*$", re.I
)


def _title_like(text: str) -> bool:
    """A short line with no closing punctuation: a section title, not a sentence."""
    return (
        len(text.split()) <= 8
        and not text.rstrip().endswith((".", "?", ":", "!"))
        and text[:1].isupper()
    )


_TAB_POINTS_RE = re.compile(r"\t\s*(?P<points>-?\d{1,2}(?:\s*\t\s*-?\d{1,2}){1,10})\s*$")


def trailing_points(text: str, spaced: str = "") -> list[str] | None:
    """The answer codes written after an item on its own line ("Family<TAB>1<TAB>2<TAB>3",
    "I feel confident … 1  2  3  4  5"), or None."""
    tabbed = _TAB_POINTS_RE.search(spaced or "")
    if tabbed and re.search(r"[A-Za-z]", spaced[: tabbed.start()]):
        numbers = tabbed["points"].split()
    else:
        points = _TRAILING_POINTS_RE.match(text)
        if points is None:
            return None
        numbers = points["points"].split()
        if [int(n) for n in numbers] != list(range(int(numbers[0]), int(numbers[-1]) + 1)):
            return None
    return numbers if len(set(numbers)) == len(numbers) else None


# "8  DON'T KNOW", "2  SSO / SCIM": a code, then up to five words in capitals
_CODED_CAPS_RE = re.compile(
    r"^(?P<code>\d{1,3})\s+[A-Z][A-Z'’]*(?:(?:\s|\s?[/&]\s?)[A-Z][A-Z'’]*){0,4}$"
)


def _routes_listed_answer(option: RawOption, listed: list[RawOption]) -> bool:
    """ "3 → Thank you, you need not fill in the rest" under the answers (a routing column's
    cell): a code with no words of its own and only its route is the route of the answer
    listed with that code, not one more answer. The route goes onto that answer."""
    if option.label or not option.code or not (option.terminate or option.skip_to):
        return False
    same = [o for o in listed if o.code == option.code and o.label]
    if len(same) != 1 or same[0].terminate or same[0].skip_to:
        return False
    same[0].terminate = option.terminate
    same[0].skip_to = option.skip_to
    same[0].instructions.extend(option.instructions)
    return True


def _coded_caps_answer(text: str, draft: Draft) -> bool:
    """`8  DON'T KNOW` under answers coded 1, 2, 3: a special answer written in capitals, as an
    interviewer's script writes the answers not read out."""
    coded = [o for o in draft.options if o.code is not None]
    match = _CODED_CAPS_RE.match(text)
    if not match or not coded:
        return False
    # "1 Importing data" then "2 SSO / SCIM": an acronym answer numbered next in the list
    last = str(coded[-1].code)
    following = last.isdigit() and int(match["code"]) == int(last) + 1
    return len(coded) >= 2 or following


# "? (Q5=3 OR Q5=4)", "Your postcode (B2 = 1)": a bracket holding only tests on questions, last
_TRAILING_BARE_TEST_RE = re.compile(
    r"\s(?P<test>\(\s*[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:==?|≠|!=|<>|>=|<=|≥|≤|<|>)[^()]{1,160}\))\s*$"
)


def parse_lines(lines: list[Line]) -> Parsed:
    """Group the document's lines into question drafts."""
    parser = _Parser(join_wrapped_boxes(drop_reference_tables(lines)))
    parsed = parser.run()
    parsed.trailing_notes = parser.pending
    for draft in parsed.drafts:
        take_bracket_codes(draft.options)
        draft.notes = [rewrite_code_notes(note) for note in draft.notes]
        dotted_box_hints(draft)
    _reuse_lists(parsed)
    _contrast_choice_words(parsed)
    if not parsed.default_single:
        # "One answer per question unless it says …": the header, not the box shapes, says
        contrast_marks(parsed.drafts)
    if any(
        _LETTERS_STORED_RE.search(" ".join([line.text, *line.instructions])) for line in lines
    ) or letters_named_as_codes(lines):
        _keep_letters(parsed)
    keep_jumping_letters(parsed)
    keep_ranked_letters(parsed)
    # (before the filters that name their question are placed: a note naming the question
    # after it says the document writes its filters above)
    place_filters_under(parsed)
    place_named_notes(parsed.drafts)
    place_named_filters(parsed.drafts)
    place_block_screen_outs(parsed)
    place_check_boxes(parsed.drafts)
    return parsed


# "Store the letter", "Answer letters are the stored values", "the letters are the codes".
# a plain sentence that says who is asked: "Only ask people who …", "Ask only those who …"
_FILTER_SENTENCE_RE = re.compile(
    r"^(?:only\s+(?:ask|show|display)|(?:ask|show|display)\s+(?:this\s+)?(?:only\s+)?"
    r"(?:if|when|to\s+(?:those|people|respondents)|those|people|respondents))\b",
    re.I,
)
_LETTERS_STORED_RE = re.compile(
    r"\b(?:store|record|save|keep)\s+the\s+letters?\b|"
    r"\bletters?\s+(?:are|is)\s+(?:the\s+)?(?:stored|recorded|saved)\b|"
    r"\bletters?\s+(?:are|is)\s+(?:the\s+)?(?:codes?|values?|stored\s+values?)\b",
    re.I,
)


def _keep_letters(parsed: Parsed) -> None:
    """Where the document says the answers' letters are what is stored, lettered answers
    (a), (b)… keep their letters as codes instead of being numbered by position."""
    for draft in parsed.drafts:
        options = draft.options
        markers = [o.marker or "" for o in options]
        # an answer without a letter (a scale's end words) has no letter to count on from
        first = ord(markers[0]) if markers and len(markers[0]) == 1 else None
        expected = [chr(first + i) for i in range(len(options))] if first is not None else []
        if (
            len(options) >= 2
            and all(o.code is None for o in options)
            and all(len(m) == 1 and m.isalpha() for m in markers)
            and [m.lower() for m in markers] == [e.lower() for e in expected]
        ):
            for option in options:
                option.code = option.marker


_SINGLE_CHOICE_RE = re.compile(r"^\s*single[- ](?:choice|answer|select(?:ion)?)\s*$", re.I)
_MULTIPLE_CHOICE_RE = re.compile(r"^\s*multiple[- ]choice\s*$", re.I)


def _contrast_choice_words(parsed: Parsed) -> None:
    """Where a document types questions as "Single choice" and "Multiple choice" side by side,
    "Multiple choice" means several answers (alone it is the survey tools' word for a list)."""
    notes = [n for d in parsed.drafts for n in d.notes]
    if not any(_SINGLE_CHOICE_RE.match(n) for n in notes):
        return
    for draft in parsed.drafts:
        draft.notes = ["MULTI" if _MULTIPLE_CHOICE_RE.match(n) else n for n in draft.notes]


def _reuse_lists(parsed: Parsed) -> None:
    """Fill drafts that name a list defined elsewhere ("USE SCALE A", "SAME CODES AS Q5")."""
    seen: dict[str, Draft] = {}
    for draft in parsed.drafts:
        words = " ".join([*draft.pre_notes, *draft.notes])
        uncoded = bool(draft.options) and all(o.code is None for o in draft.options)
        named = _USE_LIST_RE.search(words) or _USE_LIST_RE.search(draft.text)
        if uncoded and not draft.rows and named and named["name"].upper() in parsed.named_lists:
            # Lettered statements under "USE SCALE A": the statements are a grid's rows.
            draft.rows, draft.options = [o.label for o in draft.options], []
        if not draft.options and not draft.columns:
            found = _USE_LIST_RE.search(words) or _USE_LIST_RE.search(draft.text)
            same = _SAME_AS_RE.search(words) or _SAME_AS_RE.search(draft.text)
            if found and found["name"].upper() in parsed.named_lists:
                source = parsed.named_lists[found["name"].upper()]
            elif same and same["q"].upper().replace(".", "") in seen:
                source = seen[same["q"].upper().replace(".", "")].options
            else:
                source = []
            copies = [
                RawOption(
                    o.label, o.code, marker=o.marker, specify=o.specify, exclusive=o.exclusive
                )
                for o in source
            ]
            if draft.rows:
                draft.columns = copies
            else:
                draft.options = copies
        if draft.label:
            seen[draft.label.id.upper()] = draft


def iter_drafts(lines: list[Line]) -> Iterator[Draft]:
    """The drafts one by one (for callers that want to start before the end)."""
    yield from parse_lines(lines).drafts


def section_note_read(line: Line) -> bool:
    """True for a line one of the section readers above takes as a whole section's or a run's
    filter (`Parser.step`, `base_under_heading`, `banner_base`): `scoped_notes` leaves those
    lines to them."""
    english = to_english(line.text) or " ".join(line.instructions)
    whole = " ".join([*line.instructions, line.text]).strip()
    raw = line.raw.strip()
    parts = [*line.instructions, line.text]
    return bool(
        _SECTION_FILTER_RE.match(english)
        or _NAMED_SECTION_RE.match(line.text or " ".join(line.instructions))
        or section_span(line.text)
        or _SKIP_SECTION_RE.match(line.text or " ".join(line.instructions))
        or _SKIP_AHEAD_RE.match(line.text or " ".join(line.instructions))
        or _SKIP_OVER_RE.match(raw)
        or _BASE_RUN_RE.match(raw)
        or _BASE_OTHERS_RE.match(whole)
        or _BANNER_BASE_RE.match(whole)
        or _BASE_LINE_RE.match(_ONLY_BEFORE_BASE_RE.sub("", whole))
        or _WHOLE_SECTION_BASE_RE.match(whole)
        or any(map(_SECTION_FILTER_BOX_RE.match, parts))
        or (any(map(_ONLY_FOR_RE.match, parts)) and any(map(_OTHERS_ON_RE.search, parts)))
    )


def _opening_screen_out(note: str) -> bool:
    """ "End of survey if the last answer is chosen" before the first question, naming no
    question: a screen-out on the answers of the question it stands over."""
    from fielder.compiler.instructions import interpret

    if len(note) > 300 or re.search(r"\b[A-Z]{1,4}\d", note):
        return False
    if not re.search(
        r"\b(?:end|term|terminate|close|screen|stop|reject|exclude|thank|disqualif\w*)\b",
        note,
        re.I,
    ):
        return False
    found = interpret(note)
    return bool(found) and found[0].kind == "terminate_if" and bool(found[0].value)
