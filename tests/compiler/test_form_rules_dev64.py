"""Layouts and wordings read more widely (dev64): a form builder's field heads (`3. CHECKBOXES`
over the words), "show / hide this field when …", "less than or equal to", routing keys in a
config block under each question (`show_if:`, `end_if:`, `skip: {if, to}`, `carry_forward:`),
a platform's "Carry Forward Selected Choices from", a note's bold heading run joined to its
test, "is hidden for" over a section, `CONDITION:` over a question, a `BRANCH:` line of codes
and targets, a number's range on its answer-type line. Invented wording."""

from __future__ import annotations

from fielder.compiler.branch_lines import branch_sentences
from fielder.compiler.conditions import parse_condition
from fielder.compiler.instructions import interpret
from fielder.compiler.keyed_logic import keyed_logic_lines
from fielder.compiler.lines import Line, line_from_block
from fielder.compiler.tool_export import _condition
from fielder.compiler.typed_field_heads import typed_field_head_lines
from fielder.documents.model import Block, Run
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def _html(body: str) -> dict[str, Question]:
    return by_id(compile_text(f"<html><body>{body}</body></html>", "q.html"))


def _field(number: str, kind: str, words: str, rest: str = "") -> str:
    return (
        f'<div><p><b>{number}</b> <span style="color:#999">{kind}</span></p>'
        f"<p>{words}</p>{rest}</div>"
    )


_CHOICES = "<table><tr><th>Value</th><th>Choice</th></tr>{}</table>"


def _choices(*labels: str) -> str:
    rows = "".join(f"<tr><td>{i}</td><td>{label}</td></tr>" for i, label in enumerate(labels, 1))
    return _CHOICES.format(rows)


def test_a_field_head_of_number_and_type_caption_labels_the_words_below() -> None:
    survey = _html(
        _field("1.", "MULTIPLE CHOICE", "Do you cook at home?", _choices("Yes", "No"))
        + _field(
            "2.",
            "CHECKBOXES",
            "Which meals do you cook?",
            _choices("Breakfast", "Lunch", "Dinner")
            + "<p>Condition: show this field when Q1 is “Yes”</p>",
        )
        + _field("3.", "PARAGRAPH", "Tell us about your favourite recipe.")
        + _field(
            "4.",
            "NUMBER",
            "How many cookbooks do you own?",
            "<p>Condition: hide this field when Q1 is “No”</p>",
        )
    )
    assert list(survey) == ["Q1", "Q2", "Q3", "Q4"]
    assert survey["Q2"].type == "multi"
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].text == "Tell us about your favourite recipe."
    assert survey["Q4"].display_if == "not (Q1 == '2')"


def test_a_lone_numbered_type_caption_is_left_alone() -> None:
    lines = [
        Line(text="1. Dropdown", raw="1. Dropdown"),
        Line(text="Pick your region from the list.", raw="Pick your region from the list."),
    ]
    assert typed_field_head_lines(lines) == lines


def test_less_than_or_equal_to_is_an_inclusive_bound() -> None:
    scale = Question(
        id="R1",
        type="scale",
        text="Rate it",
        options=[Option(code=str(n), label=str(n)) for n in range(1, 6)],
    )
    atoms = parse_condition("R1 (stars) is less than or equal to 2", {"R1": scale}, None)
    assert atoms[0][0].codes == ["1", "2"]
    atoms = parse_condition("R1 Is Greater Than or Equal to 4", {"R1": scale}, None)
    assert atoms[0][0].codes == ["4", "5"]


def test_dotted_code_ranges_are_both_ends_included() -> None:
    scale = Question(
        id="N1",
        type="scale",
        text="Recommend?",
        options=[Option(code=str(n), label=str(n)) for n in range(0, 11)],
    )
    atoms = parse_condition("N1 in 0..3", {"N1": scale}, None)
    assert atoms[0][0].codes == ["0", "1", "2", "3"]


def _keyed(raw: str) -> Line:
    return keyed_logic_lines([Line(text=raw, raw=raw)])[0]


def test_config_keys_become_the_notes_they_stand_for() -> None:
    shown = _keyed("show_if: K2 in [1, 3]   # owners only")
    assert shown.instructions == ["DISPLAY LOGIC: K2 in [1, 3]"]
    assert _keyed("hide_if: K2 == 4").instructions == ["DISPLAY LOGIC: NOT (K2 == 4)"]
    assert _keyed("terminate_if: K1 != 1").instructions == ["TERMINATE IF K1 != 1"]
    assert _keyed("skip: { if: K5 == 2, to: K9 }").instructions == ["IF K5 == 2 SKIP TO K9"]
    assert _keyed("exclusive: 99").instructions == ["CODE 99 EXCLUSIVE"]
    assert _keyed("carry_forward: K3 selected").instructions == ["SHOW ANSWERS selected AT K3"]
    # a key in words, or a value naming no question, is left to the other readers
    assert _keyed("Condition: show when K1 = 1").text == "Condition: show when K1 = 1"
    assert _keyed("show_if: always").text == "show_if: always"


def test_yaml_blocks_under_markdown_questions() -> None:
    text = (
        "### K1 · Pets\n\nDo you have a pet?\n\n- `1` Yes\n- `2` No\n\n"
        "```yaml\ntype: single\nend_if: K1 == 2\n```\n\n"
        "### K2 · Kinds\n\nWhich pets do you have? Select all that apply.\n\n"
        "- `1` Dog\n- `2` Cat\n- `3` Fish\n- `4` None of these\n\n"
        "```yaml\ntype: multi\nexclusive: 4\n```\n\n"
        "### K3 · Walks\n\nHow many walks a day?\n\n- `1` One\n- `2` Two\n- `3` More\n\n"
        "```yaml\nshow_if: K2 contains 1\nskip: { if: K3 == 1, to: K5 }\n```\n\n"
        "### K4 · Park\n\nWhich park do you use most?\n\n- `1` North\n- `2` South\n\n"
        "### K5 · Favourite\n\nWhich pet is your favourite?\n\n- `9` I can't choose\n\n"
        "```yaml\ncarry_forward: K2 selected (not 4)\nshow_if: not K2 contains 4\n```\n"
    )
    survey = by_id(compile_text(text, "q.md"))
    assert survey["K1"].terminate_if == "K1 == '2'"
    assert [o.code for o in survey["K2"].options if o.exclusive] == ["4"]
    assert survey["K3"].display_if == "K2 contains '1'"
    assert [(r.if_, r.to) for r in survey["K3"].skip_to] == [("K3 == '1'", "K5")]
    assert [o.code for o in survey["K5"].options] == ["1", "2", "3", "9"]
    assert survey["K5"].display_if == "not (K2 contains '4')"


def test_a_platform_carry_forward_line_names_its_source_quoted() -> None:
    found = interpret('Carry Forward Selected Choices from "Q7"')
    assert [(d.kind, d.value) for d in found] == [("carry", "Q7")]
    limited = interpret("Carry forward: list only the apps chosen at B4 (codes 1–6).")
    assert [(d.kind, d.value, d.codes) for d in limited] == [
        ("carry", "B4", ["1", "2", "3", "4", "5", "6"])
    ]


def test_a_bold_heading_run_joins_the_test_after_it() -> None:
    runs = (
        Run("Display if: ", bold=True, color="#7030A0"),
        Run("B2 = Yes (1).", color="#7030A0"),
    )
    line = line_from_block(Block("paragraph", "Display if: B2 = Yes (1).", runs))
    assert line.instructions == ["Display if: B2 = Yes (1)."]


def test_a_section_hidden_for_a_group_is_negated() -> None:
    text = (
        "B1. Are you retired?\n1 Yes\n2 No\n\n"
        "The whole of this part (B2 to B3) is hidden for retired people (B1 = 1).\n\n"
        "B2. How do you get to work?\n1 Car\n2 Bus\n\n"
        "B3. How long is the trip, in minutes?\n\n"
        "B4. How old are you?\n"
    )
    survey = by_id(compile_text(text))
    assert survey["B2"].display_if == "not (B1 == '1')"
    assert survey["B3"].display_if == "not (B1 == '1')"
    assert survey["B4"].display_if is None


def test_a_condition_heading_over_a_bare_test_is_the_next_questions_filter() -> None:
    text = (
        "T1. How many staff work at your site?\n[RECORD NUMBER]\n\n"
        "    CONDITION: T1 = 50 OR MORE\n"
        "T2. Do you have an HR team?\n  Yes ..... 01\n  No ...... 02\n\n"
        "T3. Which region are you in?\n  North ..... 01\n  South ..... 02\n"
    )
    survey = by_id(compile_text(text))
    assert survey["T1"].display_if is None
    assert survey["T2"].display_if == "T1 >= 50"
    assert survey["T3"].display_if is None


def test_a_branch_line_of_codes_and_targets() -> None:
    assert branch_sentences("01 CONTINUE TO T5 / 02, 98 SKIP TO T6") == [
        "IF 01 GO TO T5",
        "IF 02, 98 GO TO T6",
    ]
    assert branch_sentences("01 CONTINUE TO T5") is None
    assert branch_sentences("Ask everyone / then go to T6") is None


def test_a_number_range_on_the_answer_type_line() -> None:
    found = interpret("Answer type: Number, whole hours, 0–24")
    assert [(d.kind, d.numbers) for d in found] == [("type", None), ("range", (0.0, 24.0))]


def test_not_shown_to_a_group_whose_bracket_is_already_negative() -> None:
    found = interpret("Condition: not shown to visitors (B1 ≠ 3)")
    assert [(d.kind, d.value) for d in found] == [("display_if", "B1 ≠ 3")]
    plain = interpret("Condition: not shown to visitors (B1 = 3)")
    assert [(d.kind, d.value) for d in plain] == [("display_if", "NOT (B1 = 3)")]


def test_an_export_display_block_with_a_colon_in_an_answer() -> None:
    said = _condition(["If Q4 Ember Is Selected Or Q4 Ember: Reforged Is Selected"])
    assert said == "Q4 = 'Ember' OR Q4 = 'Ember: Reforged'"


_EXPORT = (
    "Start of Block: Default Question Block\n\n"
    "Q1 Where do you live?\n▼ Norway (1)\n▼ Sweden (2)\n▼ Finland (3)\n\n"
    "Q2 How noisy is your street?\n"
    "Very quiet (1)\t2\t3\t4\tVery noisy (5)\n"
    "○\t○\t○\t○\t○\n\n"
    "Q3 Anything else?\n\n"
    "End of Block: Default Question Block\n"
)


def test_an_exports_drop_down_one_answer_a_line_and_a_slider_row() -> None:
    survey = by_id(compile_text(_EXPORT))
    assert survey["Q1"].type == "dropdown"
    assert [o.label for o in survey["Q1"].options] == ["Norway", "Sweden", "Finland"]
    assert survey["Q2"].type == "scale"
    assert [o.code for o in survey["Q2"].options] == ["1", "2", "3", "4", "5"]
    assert survey["Q2"].options[0].label == "Very quiet"


def test_a_scale_key_across_one_line_over_statements_ending_in_its_points() -> None:
    text = (
        "T4. How much do you agree with each of these?\n"
        "Scale: 1 = Disagree    2    3    4 = Agree\n"
        "a) The bus is on time .............. 1    2    3    4\n"
        "b) The driver is friendly .......... 1    2    3    4\n"
        "T5. Anything else?\n"
    )
    survey = by_id(compile_text(text))
    assert survey["T4"].type == "grid"
    assert [r.label for r in survey["T4"].rows] == ["The bus is on time", "The driver is friendly"]
    assert [o.label for o in survey["T4"].options] == ["Disagree", "2", "3", "Agree"]


def test_a_screen_out_with_the_close_said_again_after_a_dash() -> None:
    text = (
        "P1. Do you own a bike?\n01 Yes\n02 No\n"
        "Disqualify if 02 – thank and close, counts towards incidence.\n"
        "P2. How often do you ride?\n01 Daily\n02 Weekly\n"
    )
    survey = by_id(compile_text(text))
    assert survey["P1"].terminate_if == "P1 == '02'"


def test_statement_alone_as_a_type_is_a_text_screen() -> None:
    assert [(d.kind, d.value) for d in interpret("Statement")] == [("type", "display")]


def test_a_logic_heading_over_a_bare_test_is_a_filter() -> None:
    found = interpret("LOGIC: H4 = Yes.")
    assert [(d.kind, d.value) for d in found] == [("display_if", "H4 = Yes")]
    assert not any(d.kind == "display_if" for d in interpret("LOGIC: randomise the list."))
