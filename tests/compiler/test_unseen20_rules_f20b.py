"""Spec tables and paper masters (unseen20, fix f20b): routing and answer cells written tersely,
one small case each, in invented words."""

from __future__ import annotations

from fielder.compiler.labelled_codes import labelled_codes
from fielder.compiler.point_spans import point_span
from tests.compiler.conftest import by_id, compile_text


def _md_table(rows: list[tuple[str, ...]]) -> str:
    """A Markdown pipe table, its first row the header."""
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    return "\n".join(lines)


def _html_table(rows: list[tuple[str, ...]], head: str = "td") -> str:
    """An HTML table, one <tr> per row."""
    cells = ["".join(f"<{head}>{c}</{head}>" for c in row) for row in rows]
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


_SPEC_MD = "# Ferry users\n\n" + _md_table(
    [
        ("#", "Question", "Answers", "Type", "Logic"),
        ("F1", "How old are you?", "_years_", "number", "12–95"),
        ("F2", "Do you own a car?", "1 Yes<br>2 No", "single", "No → F4"),
        (
            "F3",
            "Which deck do you prefer?",
            "1 Upper<br>2 Lower<br>3 Outside",
            "single",
            "F2 ≠ 2 (drivers only)",
        ),
        (
            "F4",
            "Would you like a senior pass?",
            "1 Yes<br>2 No",
            "single",
            "Only if F1 ≥ 60 OR F2 = 1",
        ),
        (
            "F5",
            "What do you bring on board?",
            "1 A bike<br>2 A pet<br>96 Other (please say)<br>99 Nothing",
            "multi",
            "96 = text box · 99 exclusive",
        ),
        ("F6", "Anything else to add?", "_comment box_", "long text", "optional"),
        ("END", "Thank you.", "–", "end page", "–"),
    ]
)


def test_box_word_under_a_typed_row_is_no_answer() -> None:
    questions = by_id(compile_text(_SPEC_MD, "ferry.md"))
    assert questions["F1"].type == "number"
    assert not questions["F1"].options
    assert questions["F6"].type == "long_text"
    assert not questions["F6"].options


def test_answer_words_then_arrow_then_place_in_a_logic_cell() -> None:
    questions = by_id(compile_text(_SPEC_MD, "ferry.md"))
    assert [(r.if_, r.to) for r in questions["F2"].skip_to] == [("F2 == '2'", "F4")]


def test_bare_not_equal_test_with_a_gloss_is_a_filter() -> None:
    questions = by_id(compile_text(_SPEC_MD, "ferry.md"))
    assert questions["F3"].display_if == "not (F2 == '2')"


def test_only_if_on_a_number_and_a_code() -> None:
    questions = by_id(compile_text(_SPEC_MD, "ferry.md"))
    assert questions["F4"].display_if == "F1 >= 60 or F2 == '1'"


def test_middle_dot_parts_two_notes_in_one_cell() -> None:
    options = {o.code: o for o in by_id(compile_text(_SPEC_MD, "ferry.md"))["F5"].options}
    assert options["99"].exclusive
    assert not options["96"].exclusive
    assert options["96"].specify


def test_routing_between_the_words_and_a_code_after_them() -> None:
    questions = by_id(
        compile_text(
            "Q1. Do you own a kayak?\n"
            "☐ Yes\t1\n"
            "☐ No → please go to Q3\t2\n\n"
            "Q2. Where do you store it?\n"
            "☐ At home\t1\n"
            "☐ At a club\t2\n\n"
            "Q3. Have you taken a paddling course?\n"
            "☐ Yes (go to Q5)\t1\n"
            "☐ No\t2\n\n"
            "Q4. Would you like one?\n"
            "☐ Yes\t1\n"
            "☐ No\t2\n\n"
            "Q5. Who do you paddle with? (Tick all that apply)\n"
            "☐ Nobody\t1\n"
            "☐ Friends\t2\n"
            "☐ Family\t3\n"
            "[ONLINE: 'Nobody' CANNOT BE TICKED WITH ANY OTHER ANSWER]\n"
        )
    )
    assert [o.label for o in questions["Q1"].options] == ["Yes", "No"]
    assert [(r.if_, r.to) for r in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert [o.label for o in questions["Q3"].options] == ["Yes", "No"]
    assert [(r.if_, r.to) for r in questions["Q3"].skip_to] == [("Q3 == '1'", "Q5")]
    assert [o.code for o in questions["Q5"].options if o.exclusive] == ["1"]


def test_answers_named_with_their_bracketed_codes() -> None:
    assert labelled_codes("Over 70 (5) or Rather not say (9)") == "CODE 5 OR 9"
    assert labelled_codes("Q3 = 1 (yes)") == "Q3 = 1 (yes)"


_SPEC_DOCX_LIKE = _html_table(
    [
        ("No.", "Question", "Response options (code)", "Routing / instructions"),
        (
            "S1",
            "Which age band are you in?",
            "Under 16 (1)<br>16–40 (2)<br>41–70 (3)<br>Rather not say (9)",
            "SINGLE; Under 16 (1) or Rather not say (9) → SCREEN OUT",
        ),
        (
            "S2",
            "Do you swim?",
            "Yes (1)<br>No (2)<br>Not sure (3)",
            "SINGLE; 2 or 3 → GO TO SECTION B",
        ),
        (
            "S3",
            "Which strokes can you swim?",
            "Crawl (1)<br>Breaststroke (2)<br>Butterfly (3)<br>None of these (8)",
            "MULTI CODE; 8 EXCLUSIVE",
        ),
        ("S4", "And which ONE do you swim most?", "As S3, codes 1–3 only", "SINGLE"),
        (
            "S5",
            "How would you rate the pool, from 0 to 10?",
            "0 = Awful<br>1 – 9 (numbers only)<br>10 = Superb",
            "SCALE 0–10",
        ),
        (
            "S6",
            "How happy are you with each of these? <br>a. The water<br>b. The changing rooms",
            "Happy (1)<br>Unhappy (2)<br>No opinion (9)",
            "GRID; ONE ANSWER PER ROW",
        ),
        ("SECTION B – ABOUT YOU", "", "", ""),
        (
            "B1",
            "Would you like to join our newsletter?",
            "Yes (1)<br>No (2)",
            "SINGLE; 1 → B2; 2 → END",
        ),
        ("B2", "Please type your email address.", "[ email ]", "EMAIL"),
        ("END", "Thank you for your time.", "", "END PAGE"),
    ]
)


def test_spec_table_routing_and_answer_cells() -> None:
    questions = by_id(compile_text(_SPEC_DOCX_LIKE, "pool.html"))
    assert questions["S1"].terminate_if == "S1 in ['1','9']"
    assert [(r.if_, r.to) for r in questions["S2"].skip_to] == [("S2 in ['2','3']", "B1")]
    assert [o.code for o in questions["S4"].options] == ["1", "2", "3"]
    assert questions["S5"].type == "scale"
    assert [o.code for o in questions["S5"].options] == [str(n) for n in range(11)]
    assert questions["S6"].type == "grid"
    assert [r.label for r in questions["S6"].rows] == ["The water", "The changing rooms"]
    assert questions["S6"].text == "How happy are you with each of these?"


def test_a_jump_to_the_closing_screen_stays_a_skip() -> None:
    questions = by_id(compile_text(_SPEC_DOCX_LIKE, "pool.html"))
    assert [(r.if_, r.to) for r in questions["B1"].skip_to] == [("B1 == '2'", "END")]
    assert questions["B2"].display_if is None


def test_point_span_needs_its_ends_or_its_remark() -> None:
    assert point_span(["0 = Low", "1 – 4", "5 = High"], 1) == ["1", "2", "3", "4"]
    assert point_span(["Under 1 year", "1 – 4", "5 or more"], 1) == []
    assert point_span(["2 – 9 (no labels)"], 0) == [str(n) for n in range(2, 10)]


_CONFLUENCE = "<h2>Section 1</h2>" + _html_table(
    [
        ("ID", "Question", "Type", "Answer options", "Show if / routing"),
        (
            "K1",
            "How many bikes do you own?",
            "Number",
            "–",
            "0 → not eligible: show the sorry page and end",
        ),
        (
            "K2",
            "Which kinds do you own?",
            "Checkboxes",
            "1 – Road<br>2 – Mountain<br>3 – Folding",
            "–",
        ),
        (
            "K3",
            "Which one do you ride most?",
            "Radio",
            "Pipe in the answers chosen at K2 (same codes)",
            "–",
        ),
        (
            "K4",
            "How likely are you to recommend us?",
            "Scale 0–10",
            "0 = Not at all likely … 10 = Extremely likely (1 to 9 numbers only)",
            "–",
        ),
        ("K5", "Would you like a call back?", "Radio", "1 – Yes<br>2 – No", "2 → END"),
        ("K6", "Your phone number?", "Short text", "–", "–"),
        ("END", "Thanks!", "Info", "–", "–"),
    ]
)


def test_confluence_routing_column_and_carried_answers() -> None:
    questions = by_id(compile_text(_CONFLUENCE, "bikes.html"))
    assert questions["K1"].terminate_if == "K1 == 0"
    assert all(q.display_if is None for q in questions.values())
    assert [o.label for o in questions["K3"].options] == ["Road", "Mountain", "Folding"]
    assert [o.code for o in questions["K4"].options] == [str(n) for n in range(11)]
    assert [(r.if_, r.to) for r in questions["K5"].skip_to] == [("K5 == '2'", "END")]


_CENSUS = _html_table(
    [
        ("NO.", "QUESTIONS AND FILTERS", "CODING CATEGORIES", "SKIP"),
        (
            "501",
            "What is the main fuel used for cooking?",
            "GAS<br>PIPED GAS ........ 11<br>BOTTLED GAS ........ 12<br>SOLID FUEL<br>"
            "WOOD ........ 21<br>CHARCOAL ........ 22<br>OTHER (SPECIFY) ........ 96",
            "",
        ),
        (
            "502",
            "Who usually cooks?",
            "GIRL (UNDER 15) ........ 1<br>BOY (UNDER 15) ........ 2<br>ADULT ........ 3",
            "",
        ),
    ]
)


def test_census_group_headings_and_bracketed_capitals() -> None:
    questions = by_id(compile_text(_CENSUS, "fuel.html"))
    assert [o.code for o in questions["Q501"].options] == ["11", "12", "21", "22", "96"]
    assert [o.label for o in questions["Q502"].options][:2] == ["GIRL (UNDER 15)", "BOY (UNDER 15)"]
