"""Conventions met in real questionnaires and in the unseen3 files once below the guard's
floor, one small case each, written in their own invented words."""

from __future__ import annotations

from fielder.compiler.packed_items import split_codes
from fielder.compiler.universe import universe_condition
from fielder.compiler.wrapped_heads import join_wrapped
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def test_headings_wrapped_over_three_tab_set_lines_join_the_unfinished_ones() -> None:
    questions = by_id(
        compile_text(
            "Q1. How pleased or displeased are you with each of these?\n"
            "Very\tDispleased\tNeither\tPleased\tVery\n"
            "displeased\tpleased nor\tpleased\n"
            "displeased\n"
            "Parking\t○\t○\t○\t○\t○\n"
            "Lighting\t○\t○\t○\t○\t○\n"
        )
    )
    assert questions["Q1"].type == "grid"
    assert [o.label for o in questions["Q1"].options] == [
        "Very displeased",
        "Displeased",
        "Neither pleased nor displeased",
        "Pleased",
        "Very pleased",
    ]
    assert [r.label for r in questions["Q1"].rows] == ["Parking", "Lighting"]


def test_wrapped_headings_in_other_languages_and_a_mismatch() -> None:
    assert join_wrapped(["Sehr", "Eher", "Gut"], [["gut", "gut"]]) == [
        "Sehr gut",
        "Eher gut",
        "Gut",
    ]
    assert join_wrapped(["Muy", "Algo", "Nada"], [["útil", "útil"]]) == [
        "Muy útil",
        "Algo útil",
        "Nada",
    ]
    # two pieces for one unfinished heading: no way to tell where they go
    assert join_wrapped(["Very", "Bad", "Good"], [["good", "bad"]]) is None


def test_an_existence_ask_over_an_unsized_box_is_a_comment_box() -> None:
    questions = by_id(
        compile_text(
            "Q1. Do you have any dietary needs the kitchen should know about?\n"
            "Your answer\n\n"
            "Q2. Are there any rooms you could not reach?\n"
            "Your answer\n\n"
            "Q3. Nickname\nYour answer\n"
        )
    )
    assert questions["Q1"].type == "long_text"
    assert questions["Q2"].type == "long_text"
    assert questions["Q3"].type == "text"


def test_a_flow_list_and_the_team_notes_are_no_questions() -> None:
    questions = by_id(
        compile_text(
            "# Pantry study build spec\n\n"
            "## Survey Flow\n1. **Block: Welcome**\n2. **Block: Habits**\n"
            "3. **Randomizer** → one of 2 posters\n\n"
            "## Block 1 — Habits\n"
            "1. How often do you shop for groceries?\n   - Weekly\n   - Monthly\n"
            "2. Which shop do you use most?\n   - Corner shop\n   - Market\n\n"
            "## Open items\n1. Whether to keep item 2 — decide with the lead.\n\n"
            "## Embedded Data\n- `PosterShown` (a / b)\n",
            "spec.md",
        )
    )
    assert list(questions) == ["Q1", "Q2"]
    assert [o.label for o in questions["Q2"].options] == ["Corner shop", "Market"]


def test_items_written_as_wording_dash_format_answers_and_routing() -> None:
    questions = by_id(
        compile_text(
            "## Block 2 — Screening\n"
            "1. Age — Text Entry, numeric validation. **Skip logic: if <21, terminate**\n"
            '2. "Do you keep a vegetable patch?" — Yes/No. **Skip logic: if No, terminate.**\n'
            "3. Shoe size band — Multiple Choice: Small / Medium / Large / Prefer not to say.\n\n"
            "## Block 3 — More\n"
            '1. "How tidy was the shed?" — 5-pt Likert, 1 = "Not tidy" to 5 = "Very tidy."\n',
            "spec.md",
        )
    )
    assert (questions["Q1"].text, questions["Q1"].type) == ("Age", "number")
    assert questions["Q1"].terminate_if == "Q1 < 21"
    assert questions["Q2"].text == "Do you keep a vegetable patch?"
    assert [o.label for o in questions["Q2"].options] == ["Yes", "No"]
    assert questions["Q2"].terminate_if == "Q2 == '2'"
    assert questions["Q3"].text == "Shoe size band"
    assert [o.label for o in questions["Q3"].options] == [
        "Small",
        "Medium",
        "Large",
        "Prefer not to say",
    ]
    assert questions["Q4"].type == "scale"
    assert questions["Q4"].options[-1].label == "Very tidy"


def test_a_markdown_item_wrapped_after_an_open_word_or_before_a_dash_is_one_line() -> None:
    questions = by_id(
        compile_text(
            "1. Trips taken last year — Multiple Choice: None / One or two /\n"
            "   Three or more.\n"
            '2. "The van was clean." — 5-pt, "Very clean" to\n'
            '   "Very dirty."\n'
            "3. Any other remarks about the van?\n",
            "wrap.md",
        )
    )
    assert [o.label for o in questions["Q1"].options] == ["None", "One or two", "Three or more"]
    assert questions["Q2"].text == "The van was clean."
    assert questions["Q3"].type == "long_text"


def test_titles_listed_for_ranking_then_rated_as_the_same_items() -> None:
    questions = list(
        compile_text(
            "### Part 1 — Priorities (Drag & Drop, order 1-3)\n"
            "*Instructions:* Drag the perks to order them from most (1) to least (3) wanted.\n\n"
            "1. **Free parking**\n   * *Longer wording:* Parking at no cost on site\n"
            "2. **Late opening**\n   * *Longer wording:* Open until ten at night\n"
            "3. **Quiet rooms**\n\n"
            "### Part 2 — Rating\n"
            "*Instructions:* For each of the 3 perks above, rate us (1 = Poor, 3 = Good).\n\n"
            "* **Scale:** `1: Poor` | `2: Fair` | `3: Good`\n"
            "* **Items to rate:** The same 3 perks as Part 1.\n\n"
            '### Part 3\n* **Question:** "Anything we missed?"\n',
            "perks.md",
        ).questions()
    )
    ranking, grid, comment = questions
    assert ranking.type == "ranking"
    assert [o.label for o in ranking.options] == ["Free parking", "Late opening", "Quiet rooms"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows or []] == ["Free parking", "Late opening", "Quiet rooms"]
    assert [o.label for o in grid.options] == ["Poor", "Fair", "Good"]
    assert comment.type == "long_text"


def test_a_labelled_ranking_question_is_left_to_its_own_answers() -> None:
    questions = by_id(
        compile_text(
            "Q1. Please rank these snacks in order of preference.\n"
            "1. Crisps\n2. Nuts\n3. Fruit\n\nQ2. Why?\n"
        )
    )
    assert list(questions) == ["Q1", "Q2"]
    assert questions["Q1"].type == "ranking"


def _roster() -> dict[str, Question]:
    from fielder.compiler import compile_document
    from fielder.documents.model import Block, Cell, Document

    def table(rows: list[list[str]]) -> Block:
        return Block(kind="table", rows=tuple(tuple(Cell(text=t) for t in r) for r in rows))

    header = [
        "Row",
        "P1\nName\nList everyone who slept here last night.\nComplete P1 for all before P2.",
        "P2\nAge\nHow old is (name)?",
        "P3\nSchooling\nFor age 6 and above\nDoes (name) go to school?\nYes - 1\nNo - 2",
        "P4\nBirth date\nWhen was (name) born?",
    ]
    blocks = [
        Block(kind="heading", text="PART P: PEOPLE", level=1),
        table([header, ["", "Given\nName", "", "", "D"], ["", "Family", "Y", "M", ""], ["1"] * 5]),
        Block(kind="heading", text="PART W: WORK", level=1),
        Block(kind="paragraph", text="For all persons aged 15 and above"),
        Block(kind="paragraph", text="W1. Did (name) work last week?"),
        Block(kind="paragraph", text="Yes - 1"),
        Block(kind="paragraph", text="No - 2"),
    ]
    survey = compile_document(Document(name="r.docx", media_type="x", blocks=blocks)).survey
    return by_id(survey)


def test_a_universe_by_age_filters_on_the_age_question() -> None:
    questions = _roster()
    assert questions["P3"].text == "Does (name) go to school?"
    assert questions["P3"].display_if == "P2 >= 6"
    assert questions["W1"].display_if == "P2 >= 15"
    assert universe_condition("For women aged 15-49", "A3") == "A3 >= 15 AND A3 <= 49"
    assert universe_condition("Pour les personnes âgées de 5 ans et plus", "A3") == "A3 >= 5"


def test_directions_under_a_field_name_are_notes() -> None:
    assert _roster()["P1"].text == "Name"


def test_a_census_cell_of_lettered_parts_beside_numbered_answer_boxes() -> None:
    questions = by_id(
        compile_text(
            "3a. Do you keep a boat at the marina? b. Is it a sailing boat? c. What did it cost?\n"
            "201 1 Yes – SKIP to 4 0 No\n"
            "202 1 Yes 2 No 3 Don’t know\n"
            "00 203 $ ______________ .\n"
            "4. How many rooms has the cabin?\n"
            "204 01 One 02 Two 03 3 to 5 04 6 or more\n"
        )
    )
    assert list(questions) == ["Q3a", "Q3b", "Q3c", "Q4"]
    assert questions["Q3b"].text == "Is it a sailing boat?"
    assert [(o.code, o.label) for o in questions["Q3a"].options] == [("1", "Yes"), ("0", "No")]
    assert [(r.if_, r.to) for r in questions["Q3a"].skip_to] == [("Q3a == '1'", "Q4")]
    assert [o.label for o in questions["Q3b"].options] == ["Yes", "No", "Don’t know"]
    assert questions["Q3c"].type == "number"
    assert [o.label for o in questions["Q4"].options] == ["One", "Two", "3 to 5", "6 or more"]


def test_codes_across_a_line_skip_numbers_inside_the_words() -> None:
    assert split_codes("1 Under 1 year 2 1 year 3 More than 2 years") == [
        ("1", "Under 1 year"),
        ("2", "1 year"),
        ("3", "More than 2 years"),
    ]
    assert split_codes("1 Yes, since July 1 in 1990 2 No") == [
        ("1", "Yes, since July 1 in 1990"),
        ("2", "No"),
    ]
    assert split_codes("5 apples a day") == []


def test_footnote_numbers_and_wrapped_bulleted_answers() -> None:
    questions = by_id(
        compile_text(
            "Q1. Which tools do you use at work? (Select all that apply) 1\n"
            "● Hammers\n"
            "● Saws that cut through wood, metal, and\n"
            "plastic pipes\n"
            "● None\n"
            "Q2. Which tool do you use most? 2\n"
            "● Hammers\n● Saws\n"
            "1 Question 1 was only asked to people in a trade.\n"
            "2 Question 2 was only asked to people who use two tools or more.\n"
        )
    )
    assert questions["Q1"].text == "Which tools do you use at work? (Select all that apply)"
    assert [o.label for o in questions["Q1"].options] == [
        "Hammers",
        "Saws that cut through wood, metal, and plastic pipes",
        "None",
    ]
    assert questions["Q2"].text == "Which tool do you use most?"


def test_a_note_repeated_at_the_foot_of_every_page_is_left_out() -> None:
    from fielder.compiler import compile_document
    from fielder.documents.model import Block, Document

    def para(text: str) -> Block:
        return Block(kind="paragraph", text=text)

    foot = [
        para("Codes for missing answers (never read out):"),
        para("-1 Not sure\t-2 No answer"),
        Block(kind="page_break"),
    ]
    blocks = [
        para("General interviewer instructions:"),
        para("• Greet the household politely."),
        para("• Never suggest an answer."),
        *foot,
    ]
    for number, ask in enumerate(("grow vegetables", "keep bees", "sell at the market"), 1):
        blocks += [para(f"Q{number}. Do you {ask}?"), para("1 Yes"), para("2 No"), *foot]
    survey = compile_document(Document(name="f.pdf", media_type="x", blocks=blocks)).survey
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert [o.label for o in questions["Q2"].options] == ["Yes", "No"]


def test_a_spec_names_scales_by_their_ends_once_for_a_section_or_per_item() -> None:
    questions = by_id(
        compile_text(
            "## Views\n"
            '1. How was your stay? — 5-pt, "Very good" to "Very poor."\n'
            '2. "This fee is too high." 1 = "Strongly agree" to 5 = "Strongly disagree"\n'
            '3. "The queue was short." — 5-pt, "Very true" to "Not true."\n'
            "   - Note the reversed anchors on this item — decide with the lead.\n\n"
            "## Trust\n"
            "All 5-pt Likert, strongly disagree–strongly agree:\n"
            '1. "I trust the desk."\n'
            '2. "I trust the porter."\n',
            "views.md",
        )
    )
    assert [q.text for q in questions.values()] == [
        "How was your stay?",
        "This fee is too high.",
        "The queue was short.",
        "I trust the desk.",
        "I trust the porter.",
    ]
    assert all(q.type == "scale" and len(q.options) == 5 for q in questions.values())
    assert questions["Q2"].options[0].label == "Strongly agree"
    assert questions["Q3"].options[-1].label == "Not true"
    assert questions["Q5"].options[-1].label == "Strongly agree"


def test_a_roster_sub_heading_row_is_no_answer() -> None:
    questions = _roster()
    assert questions["P3"].type == "single"
    assert questions["P4"].type == "date"


def test_spec_items_restarting_at_one_under_a_heading_are_counted_on() -> None:
    questions = by_id(
        compile_text(
            "## Block 1 — Visit\n"
            '1. "Did you enjoy the visit?" — Yes/No.\n'
            '2. "Would you come again?" — Yes/No.\n\n'
            "## Block 2 — About you\n"
            "1. Age — Text Entry, numeric.\n"
            "2. Region — Multiple Choice: North / South.\n",
            "spec.md",
        )
    )
    assert [(q.id, q.text) for q in questions.values()][2:] == [("Q3", "Age"), ("Q4", "Region")]
