"""Survey platforms' prints and text exports read by their repeated shapes (round "exports"):
an XLSForm's printed form view read back as its sheets, a form print's per-answer section
routing beside the answers and its field titles over answer captions, a text export's keyed
logic lines, answer remarks after the code and grid headings over their codes. Invented wording.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fielder.compiler import compile_document
from fielder.compiler.coded_heading_rows import coded_heading_lines
from fielder.compiler.keyed_rules import keyed_rule_lines
from fielder.compiler.lines import Line
from fielder.compiler.options import parse_option_text
from fielder.compiler.xlsform_print import printed_form
from fielder.documents import read_path
from fielder.documents.model import Block, Document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _para(text: str, style: str = "Body") -> Block:
    return Block(kind="paragraph", text=text, style=style)


def _kobo_blocks() -> list[Block]:
    return [
        _para("Orchard pickers survey – printed form"),
        _para("begin, finish, phonenumber — recorded by the tablet."),
        _para("agree · select_one yn · Required", "Meta"),
        _para("May we ask you some questions about the harvest?", "Label"),
        _para("○ Yes   [y]", "Choice"),
        _para("○ No   [n]", "Choice"),
        Block(kind="heading", text="Group: Work (grp_work)", level=2),
        _para("Relevant (whole group): ${agree} = 'y'", "Logic"),
        _para("crates · integer", "Meta"),
        _para("How many crates did you fill yesterday?", "Label"),
        _para("Constraint: . >= 0 and . <= 90", "Logic"),
        _para("ladder · select_one yn", "Meta"),
        _para("Did you use a ladder?", "Label"),
        _para("○ Yes   [y]", "Choice"),
        _para("○ No   [n]", "Choice"),
        _para("tool · select_one tools", "Meta"),
        _para("Which tool do you cut with?", "Label"),
        _para("○ Secateurs   [secateurs]", "Choice"),
        _para("○ Knife   [knife]", "Choice"),
        _para("○ Something else   [other]", "Choice"),
        _para("Relevant: ${tool} = 'other'", "Logic"),
        _para("tool_other · text", "Meta"),
        _para("Which other tool?", "Label"),
        _para("Relevant: ${ladder} != 'n'", "Logic"),
        _para("ladder_safe · select_multiple checks", "Meta"),
        _para("What did you check on the ladder?", "Label"),
        _para("☐ The feet   [feet]", "Choice"),
        _para("☐ The rungs   [rungs]", "Choice"),
        _para("☐ Nothing checked   [none]", "Choice"),
        _para("Constraint: not(selected(., 'none') and count-selected(.) > 1)", "Logic"),
        _para("end group", "Meta"),
    ]


def test_an_xlsform_print_is_read_back_as_its_sheets() -> None:
    document = Document(name="pickers.odt", media_type="application/odt", blocks=_kobo_blocks())
    survey = by_id(compile_document(document).survey)
    assert list(survey) == ["agree", "crates", "ladder", "tool", "tool_other", "ladder_safe"]
    assert [o.code for o in survey["agree"].options] == ["y", "n"]
    # the group's relevance on each of its fields, a field's own joined to it
    assert survey["crates"].display_if == "agree == 'y'"
    assert survey["ladder_safe"].display_if == "agree == 'y' and ladder != 'n'"
    validation = survey["crates"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 90)
    # a list printed again under a second field is one list, not its answers twice
    assert [o.code for o in survey["ladder"].options] == ["y", "n"]
    # the printed write-in field stays a field of its own
    assert survey["tool_other"].type == "text"
    assert survey["tool_other"].display_if == "agree == 'y' and tool == 'other'"
    assert not any(o.specify for o in survey["tool"].options)
    assert [o.code for o in survey["ladder_safe"].options if o.exclusive] == ["none"]


def test_two_captions_are_not_a_printed_form() -> None:
    blocks = _kobo_blocks()[:11]  # two captions only
    assert printed_form(Document(name="x.odt", media_type="application/odt", blocks=blocks)) is None


_FORM = """<html><head><style>.note{{color:#1a73e8}} .cap{{color:#70757a;font-style:italic}}</style>
</head><body>
<div>Allotment society – plot holders 2025</div>
<div>Section 1 of 4</div><div>About your plot</div>
<div>Your plot number</div><div class="cap">Short answer text</div>
<div>Do you grow vegetables on your plot? *</div>
<div>◯ Yes<span class="note">Go to section 2 (Vegetables)</span></div>
<div>◯ No<span class="note">Go to section 3 (Water)</span></div>
<div>Section 2 of 4</div><div>Vegetables</div>
<div>Which crop did best this year?</div><div class="cap">Short answer text</div>
<div>About how many kilos did you harvest?</div>
<div class="cap">Response validation: Number · Between · 1 and 500</div>
<div>Section 3 of 4</div><div>Water</div>
<div>Is the water trough near your plot working? *</div>
<div>◯ Yes<span class="note">Continue to next section</span></div>
<div>◯ No<span class="note">Submit form</span></div>
<div>If the trough leaks, say where.</div><div class="cap">Long answer text</div>
<div>Section 4 of 4</div><div>Last words</div>
<div>Phone number (only if you want a call back)</div><div class="cap">Short answer text</div>
</body></html>
"""


def test_a_form_print_routes_by_section_and_keeps_titles_over_captions(
    write_file: Callable[[str, str], Path],
) -> None:
    path = write_file(_FORM.format(), "plots.html")
    survey = by_id(compile_document(read_path(path)).survey)
    texts = [q.text for q in survey.values()]
    # titles that ask nothing are fields, by the caption under them (three or more in the form)
    assert texts[0] == "Your plot number"
    assert "If the trough leaks, say where." in texts
    assert texts[-1] == "Phone number (only if you want a call back)"
    grow, crop, kilos, trough = (survey[f"Q{n}"] for n in (2, 3, 4, 5))
    # Yes → the next section, No → the one after: the section's questions are asked on Yes
    assert grow.skip_to == []
    assert crop.display_if == kilos.display_if == "Q2 == '1'"
    # a setting written in dotted parts is one range
    assert kilos.validation is not None
    assert (kilos.validation.min, kilos.validation.max) == (1, 500)
    # "Submit form" beside an answer ends the form on it; "Continue to next section" routes nothing
    assert trough.terminate_if == "Q5 == '2'"
    assert trough.skip_to == []


_EXPORT = """BRAMLEY CYCLE CAFE – RIDER SURVEY
======================================================================
PAGE 1: You
======================================================================
1. How often do you ride with the club?*
   (Radio Buttons)
   ( ) Every week ......................... [1]
   ( ) Once a month ....................... [2]
   ( ) I have never ridden with you ....... [3]
   ACTION: Disqualify — if Q1 "How often do you ride with the club?" is
           "I have never ridden with you"  (ends the survey)

2. Which rides have you joined? (Select all that apply)
   (Checkboxes)
   [ ] Sunday long ride ................... [1]
   [ ] Tuesday chain gang ................. [2]
   [ ] None of them ....................... [3]   (exclusive – clears the others)

3. What would you change about the rides?
   (Essay / Long Answer)
   LOGIC: Show this question if Q2 "Which rides have you joined?"
          does not contain "None of them"

4. How many punctures did you have this year?
   (Textbox – Numeric; min 0, max 40)
   ________
   PAGE JUMP: if Q4 is exactly equal to 0  →  Page 3: Cafe

======================================================================
PAGE 2: Repairs
======================================================================
5. Who fixed them?
   (Radio Buttons)
   ( ) I did .............................. [1]
   ( ) A shop ............................. [2]
   LOGIC: Show this question if Q1 is one of the following answers
          ("Every week", "Once a month")

======================================================================
PAGE 3: Cafe
======================================================================
6. How would you rate the cafe?
   (Radio Button Grid)
                       Great      Fine      Poor
                        [3]        [2]       [1]
   Coffee              ( )        ( )       ( )
   Cake                ( )        ( )       ( )
"""


def test_a_text_export_keyed_rules_are_read() -> None:
    survey = by_id(compile_text(_EXPORT))
    assert list(survey) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    assert survey["Q1"].terminate_if == "Q1 == '3'"
    assert survey["Q3"].display_if == "not (Q2 contains '3')"
    assert [(r.if_, r.to) for r in survey["Q4"].skip_to] == [("Q4 == 0", "Q6")]
    assert survey["Q5"].display_if == "Q1 in ['1','2']"


def test_a_text_export_answers_and_grid_codes() -> None:
    survey = by_id(compile_text(_EXPORT))
    none_of_them = survey["Q2"].options[-1]
    assert (none_of_them.code, none_of_them.label, none_of_them.exclusive) == (
        "3",
        "None of them",
        True,
    )
    grid: Question = survey["Q6"]
    assert [(o.code, o.label) for o in grid.options] == [
        ("3", "Great"),
        ("2", "Fine"),
        ("1", "Poor"),
    ]


def test_keyed_lines_need_three_rules() -> None:
    lines = [
        Line(text="NOTE: see Q2 for this", raw="NOTE: see Q2 for this"),
        Line(text="Which?", raw="Which?"),
    ]
    assert keyed_rule_lines(lines) == lines


def test_a_one_dot_leader_and_a_remark_after_the_code() -> None:
    [short] = parse_option_text("Moving to another town with my family . [4]")
    assert (short.label, short.code) == ("Moving to another town with my family", "4")
    [remark] = parse_option_text("No answer ......... [9]   (exclusive – clears the rest)")
    assert (remark.label, remark.code, remark.exclusive) == ("No answer", "9", True)


def test_headings_take_the_codes_only_over_a_row_of_boxes() -> None:
    heads = Line(text="Yes No", raw="Yes   No", spaced="Yes   No")
    codes = Line(text="[1] [2]", raw="[1]   [2]")
    row = Line(text="Lights ( ) ( )", raw="Lights   ( )   ( )")
    read = coded_heading_lines([heads, codes, row])
    assert [line.spaced for line in read] == ["Yes (1)\tNo (2)", row.spaced]
    words = Line(text="Lights on the bike", raw="Lights on the bike")
    assert coded_heading_lines([heads, codes, words]) == [heads, codes, words]


def test_a_merge_code_stays_in_the_words() -> None:
    survey = by_id(
        compile_text(
            '1. How was your visit to [question("value"), id="3"]?\n- Good\n- Bad\n\n'
            "2. Would you come back?\n- Yes\n- No\n"
        )
    )
    assert survey["Q1"].text == 'How was your visit to [question("value"), id="3"]?'


def test_a_print_cut_short_keeps_valid_logic_only() -> None:
    blocks = [b for b in _kobo_blocks() if b.text != "○ Something else   [other]"]
    survey = by_id(
        compile_document(Document(name="p.odt", media_type="application/odt", blocks=blocks)).survey
    )
    # the relevance names an answer the print lost: left out, with a note, the IR still valid
    assert survey["tool_other"].display_if is None
    assert survey["tool_other"].attention is not None
    assert survey["crates"].display_if == "agree == 'y'"
