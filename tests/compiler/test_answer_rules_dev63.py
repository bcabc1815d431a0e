"""Answers and filters read more widely (dev63): a dash between a boxed answer's code and its
words, an interviewer's cue before a coded answer, bracketed codes after answers across a line
and before an answer's note, a lone box for a count with its bounds, a scale's numbered end words
over its numbered boxes, end words named in a note, a grid row with boxes beside its points,
answer tables with an empty answer cell, a row-number column in a grid, and filters written as
"Filter: … at question N", "Do not answer question N if …", "Do not fill in Part 4 if …",
"box 1 or 2 at question N", a run "only for <group> at question N", a group that denies the
words of the answers its bracket names, and "Ineligible → end if 2". Invented wording."""

from __future__ import annotations

from fielder.compiler.build import table_layout
from fielder.compiler.classify import find_label
from fielder.compiler.code_column_tables import code_column_document
from fielder.compiler.conditions import Atom, parse_condition
from fielder.compiler.instructions import interpret, type_words
from fielder.compiler.lines import Line
from fielder.compiler.note_keys import note_key
from fielder.compiler.options import parse_option_text
from fielder.documents.model import Block, Cell, Document
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def _labels(question: Question) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]


def test_a_dash_between_a_boxed_answers_code_and_its_words() -> None:
    survey = by_id(
        compile_text(
            "# Library survey\n\n"
            "### 1. How often do you visit the library?\n\n"
            "- [ ] 1 — Every week\n- [ ] 2 — Every month\n- [ ] 3 — Less often\n\n"
            "### 2. Any comments?\n\n______\n",
            "q.md",
        )
    )
    assert _labels(survey["Q1"]) == [("1", "Every week"), ("2", "Every month"), ("3", "Less often")]


def test_an_interviewers_cue_before_a_coded_answer_is_its_note() -> None:
    survey = by_id(
        compile_text(
            "Q1. Would you book the same ferry again?\n"
            "      Yes ............................. 1\n"
            "      No .............................. 2\n"
            "      DO NOT READ OUT: Not sure ....... 8\n\n"
            "Q2. Why do you say that?\n      RECORD VERBATIM\n"
        )
    )
    assert _labels(survey["Q1"]) == [("1", "Yes"), ("2", "No"), ("8", "Not sure")]


def test_boxes_across_a_line_each_closed_by_its_bracketed_code() -> None:
    found = parse_option_text("☐ Awful (1) ☐ (2) ☐ (3) ☐ Great (4)")
    assert [(o.code, o.label) for o in found] == [
        ("1", "Awful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Great"),
    ]


def test_a_square_bracketed_code_before_an_answers_note() -> None:
    [found] = parse_option_text("Somewhere else (please say) [5] – text box")
    assert (found.code, found.label, found.instructions) == (
        "5",
        "Somewhere else (please say)",
        ["text box"],
    )


def test_an_answer_marked_to_stand_alone_in_brackets_is_exclusive() -> None:
    [found] = parse_option_text("5 = No pets at all (tick on its own)")
    assert (found.code, found.label) == ("5", "No pets at all")
    assert found.exclusive or "exclusive" in found.instructions


def test_a_count_and_or_more_is_a_band_not_a_code() -> None:
    assert parse_option_text("3 visits or more") == []


def test_a_lone_box_with_a_unit_and_bounds_is_a_number() -> None:
    survey = by_id(
        compile_text(
            "Q1 How many nights did you stay at the campsite?\n"
            "[ ] nights (1–30)\n"
            "Q2 Would you come back?\n☐ Yes (1)\n☐ No (2)\n"
        )
    )
    assert survey["Q1"].type == "number"
    assert survey["Q1"].validation is not None
    assert (survey["Q1"].validation.min, survey["Q1"].validation.max) == (1, 30)


def test_numbered_end_words_over_numbered_boxes_make_one_scale() -> None:
    survey = by_id(
        compile_text(
            "1. How would you rate the bus journey?\n"
            "0 Dreadful\t\t7 Excellent\n"
            "☐ 0\t☐ 1\t☐ 2\t☐ 3\t☐ 4\t☐ 5\t☐ 6\t☐ 7\n"
            "2. Did the bus arrive on time?\n1 ☐ Yes\n2 ☐ No\n"
        )
    )
    labels = _labels(survey["Q1"])
    assert labels[0] == ("0", "Dreadful")
    assert labels[-1] == ("7", "Excellent")
    assert len(labels) == 8
    assert labels[3] == ("3", "3")


def test_end_words_named_in_a_note_under_the_question() -> None:
    survey = by_id(
        compile_text(
            "1. On a scale of 1 to 7, how tidy was the park today?\n"
            "   [1 = Very untidy, 7 = Spotless - show every point]\n\n"
            "2. Anything else?\n"
        )
    )
    labels = _labels(survey["Q1"])
    assert labels[0] == ("1", "Very untidy")
    assert labels[-1] == ("7", "Spotless")


def test_a_lettered_row_with_boxes_beside_its_points_is_a_grid_row() -> None:
    survey = by_id(
        compile_text(
            "1. How often did these happen on your course?\n"
            "   Rarely   Often   Always\n"
            "   a) Tutors replied quickly   1 ☐   2 ☐   3 ☐\n"
            "   b) Rooms were free   1 ☐   2 ☐   3 ☐\n\n"
            "2. Any comments?\n"
        )
    )
    assert survey["Q1"].type == "grid"
    assert [r.label for r in survey["Q1"].rows or []] == [
        "Tutors replied quickly",
        "Rooms were free",
    ]


def test_an_answer_in_capitals_after_its_box_is_an_answer() -> None:
    survey = by_id(
        compile_text("1. Which classes do you take?\n☐ Zumba\n☐ BJJ\n☐ Spin\n\n2. Anything else?\n")
    )
    assert [o.label for o in survey["Q1"].options] == ["Zumba", "BJJ", "Spin"]


def _questions() -> dict[str, Question]:
    one = Question(
        id="Q1",
        type="single",
        text="Why did you come in today?",
        options=[
            Option(code="1", label="To renew a parking permit"),
            Option(code="2", label="To renew a bus pass"),
            Option(code="3", label="To pay a bill"),
        ],
    )
    four = Question(id="Q4", type="single", text="Where do you live?", options=one.options)
    return {"Q1": one, "Q4": four}


def test_boxes_named_at_a_question_by_its_number() -> None:
    got = parse_condition("box 2 or 3 at question 4", _questions(), "Q1")
    assert got == [[Atom("Q4", ["2", "3"])]]


def test_a_group_denying_the_words_of_the_answers_its_bracket_names() -> None:
    got = parse_condition(
        "you did not come in to renew a permit or a pass (the first two boxes at question 1)",
        _questions(),
        "Q1",
    )
    assert got == [[Atom("Q1", ["1", "2"], negate=True)]]


def test_filters_and_screen_outs_in_new_words() -> None:
    [told] = interpret("Filter: No at question 3")
    assert told.kind == "display_if"
    [left_out] = interpret("Do not answer question 9 if you ticked 'Never' at question 8")
    assert left_out.kind == "ask_target"
    assert left_out.value.startswith("NOT")
    [ended] = interpret("Ineligible → end if 3")
    assert (ended.kind, ended.value) == ("terminate_if", "3")


def test_a_part_left_out_by_a_do_not_fill_in_note() -> None:
    survey = by_id(
        compile_text(
            "Part 1\n"
            "A1 Is this your first visit?\n☐ Yes (1)\n☐ No (2)\n"
            "Part 2 – Returning visitors\n"
            "Do not fill in Part 2 if this is your first visit (A1 = 1).\n"
            "B1 How many times have you been before?\n☐ Once (1)\n☐ More (2)\n"
            "B2 Has the museum changed?\n☐ Yes (1)\n☐ No (2)\n"
        )
    )
    assert survey["B1"].display_if == "not (A1 == '1')"
    assert survey["B2"].display_if == "not (A1 == '1')"


def test_a_run_only_for_a_group_at_a_question_and_a_remark_opening_with_and() -> None:
    survey = by_id(
        compile_text(
            "### 1. How old are you?\n\nWrite in: ______ years *(16 to 99)*\n\n"
            "> **Filter:** questions 2 and 3 are only for people aged 21 or over at question 1.\n\n"
            "### 2. Do you want our newsletter?\n\n- [ ] 1 — Yes\n- [ ] 2 — No\n\n"
            "> **Filter:** Yes at question 2 (and 21 or over).\n\n"
            "### 3. What is your email address?\n\nEmail: ______\n",
            "q.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 >= 21"
    both = survey["Q3"].display_if or ""
    assert "Q1 >= 21" in both
    assert "Q2 == '1'" in both
    assert " and " in both


def test_a_table_with_an_empty_answer_cell_labels_the_point_by_its_code() -> None:
    layout, found, _ = table_layout(
        (
            ("Code", "Answer", "Routing"),
            ("0", "Not at all", "GO ON"),
            ("1", "", "GO ON"),
            ("2", "", "SKIP TO Q9"),
            ("3", "Completely", "SKIP TO Q9"),
        )
    )
    assert layout == "options"
    assert [(o.code, o.label) for o in found] == [
        ("0", "Not at all"),
        ("1", "1"),
        ("2", "2"),
        ("3", "Completely"),
    ]


def test_bracketed_codes_under_a_grids_headings() -> None:
    layout, found, rows = table_layout(
        (
            ("", "Good", "Fair", "Poor"),
            ("", "(3)", "(2)", "(1)"),
            ("Parking", "○", "○", "○"),
            ("Signs", "○", "○", "○"),
        )
    )
    assert layout == "grid"
    assert [(o.code, o.label) for o in found] == [("3", "Good"), ("2", "Fair"), ("1", "Poor")]
    assert rows == ["Parking", "Signs"]


def test_a_key_written_as_a_note() -> None:
    key = note_key(["SCALE: 1 Often · 2 Sometimes · 3 Never · 9 Can't say (DO NOT READ)"])
    assert [(o.code, o.label) for o in key] == [
        ("1", "Often"),
        ("2", "Sometimes"),
        ("3", "Never"),
        ("9", "Can't say"),
    ]


def test_a_grids_row_number_column_but_not_a_question_number_column() -> None:
    grid = _table_block(
        [
            ["No.", "Statement", "Agree (1)", "Disagree (2)"],
            ["1", "The park is clean", "○", "○"],
            ["2", "The park is safe", "○", "○"],
        ]
    )
    assert code_column_document(_doc(grid)).blocks[0].rows[0][0].text == "Statement"
    form = _table_block(
        [
            ["No.", "Question", ""],
            ["1", "How old are you?", "____"],
            ["2", "Where do you live?", "____"],
        ]
    )
    assert code_column_document(_doc(form)).blocks[0].rows[0][0].text == "No."


def test_type_words_that_are_no_screen_and_no_display() -> None:
    assert find_label(Line(text="GRID – one row per brand", raw="GRID – one row per brand")) is None
    assert "display" not in type_words("Row 4 is hidden for under-16s (row display only).")


def test_a_row_of_stars_is_a_rating() -> None:
    survey = by_id(compile_text("1. How would you rate the app?\n☆ ☆ ☆ ☆ ☆\n\n2. Any comments?\n"))
    assert [o.code for o in survey["Q1"].options] == ["1", "2", "3", "4", "5"]


def _table_block(rows: list[list[str]]) -> Block:
    cells = tuple(tuple(Cell(text=t) for t in row) for row in rows)
    text = "\n".join("\t".join(row) for row in rows)
    return Block(kind="table", text=text, rows=cells)


def _doc(block: Block) -> Document:
    return Document(name="q.docx", media_type="application/octet-stream", blocks=[block])
