"""Layouts and wordings read more widely (dev60): a heading of an id and its type in plain words
("K3 single"), a sheet's "Screen ID" and "Asked of" columns, a filter line between a lone id and
its words, routing cells in small letters or with a reason, a spec's type line under words that
end in a full stop, an id with its filter beside it over wrapped words, a paper form's unit with
bounds, its next bare number after the answers, filters printed under their question (named as
the subject), negated filters in new words, answers' write-in boxes named by code, conditions
in new words, a version colophon, screen names set in a label style or in bold, "same filter as"
naming another question, lettered statements ending in the scale's codes. Invented wording."""

from __future__ import annotations

from fielder.compiler.build import directives_of
from fielder.compiler.conditions import Atom, parse_condition
from fielder.compiler.lines import is_form_table, line_from_block
from fielder.compiler.scoped_notes import read_scoped_note
from fielder.compiler.sheet import _columns
from fielder.documents.model import Block, Cell, Run
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _html(body: str) -> dict[str, Question]:
    return by_id(compile_text(f"<html><body>{body}</body></html>", "q.html"))


def test_a_heading_of_an_id_and_its_type_in_plain_words_is_the_label() -> None:
    survey = _html(
        "<h3>WELCOME <small>read out</small></h3>"
        "<p>Hello, we are asking cyclists about the new lanes on the ring road today.</p>"
        "<h3>K1 <small>single</small></h3><p>Do you cycle to work?</p>"
        "<ul><li>1 Yes</li><li>2 No</li></ul>"
        "<h3>K2 <small>multi</small></h3><p>Which lanes have you used?</p>"
        "<ul><li>1 North</li><li>2 South</li><li>3 East</li></ul>"
        "<h3>K3 <small>open, long</small></h3><p>What would make the lanes safer?</p>"
    )
    assert list(survey) == ["WELCOME", "K1", "K2", "K3"]
    assert survey["WELCOME"].type == "display"
    assert survey["K2"].type == "multi"
    assert survey["K3"].type == "long_text"


def test_a_heading_of_type_words_alone_is_no_label() -> None:
    survey = _html(
        "<h3>Scale 0-10</h3><p>K1. How likely are you to cycle next week?</p>"
        "<ul><li>1 Likely</li><li>2 Unlikely</li></ul>"
    )
    assert list(survey) == ["K1"]


def test_a_filter_line_between_a_lone_id_and_its_words_is_read_before_the_id() -> None:
    survey = _html(
        "<h3>K1 <small>single</small></h3><p>Do you cycle to work?</p>"
        "<ul><li>1 Yes</li><li>2 No</li></ul>"
        "<h3>K2 <small>single</small></h3><p>Show if: K1 = 1</p><p>How far do you ride?</p>"
        "<ul><li>1 Under 5 km</li><li>2 5 km or more</li></ul>"
    )
    assert survey["K2"].text == "How far do you ride?"
    assert survey["K2"].display_if == "K1 == '1'"


def test_routing_cells_in_small_letters_and_with_a_reason() -> None:
    survey = _html(
        "<h3>K1 <small>single</small></h3><p>Are you a member of the club?</p>"
        "<table><tr><th>Code</th><th>Answer</th><th>Routing</th></tr>"
        "<tr><td>1</td><td>Yes</td><td></td></tr>"
        "<tr><td>2</td><td>No</td><td>→ CLOSE (not a member)</td></tr></table>"
        "<h3>K2 <small>multi</small></h3><p>Which events have you been to?</p>"
        "<table><tr><th>Code</th><th>Answer</th><th>Routing</th></tr>"
        "<tr><td>1</td><td>Races</td><td></td></tr>"
        "<tr><td>2</td><td>Socials</td><td></td></tr>"
        "<tr><td>9</td><td>None</td><td>exclusive → K4</td></tr></table>"
        "<h3>K3 <small>single</small></h3><p>Did you enjoy them?</p>"
        "<ul><li>1 Yes</li><li>2 No</li></ul>"
        "<h3>K4 <small>single</small></h3><p>Will you renew?</p>"
        "<ul><li>1 Yes</li><li>2 No</li></ul>"
    )
    assert survey["K1"].terminate_if == "K1 == '2'"
    assert [(s.if_, s.to) for s in survey["K2"].skip_to] == [("K2 contains '9'", "K4")]


def test_a_type_line_under_words_ending_in_a_full_stop_is_a_note() -> None:
    survey = _html(
        "<p>K1. Which of these do you own? Select all that apply.</p>"
        "<p>Multiple answer; 3 is exclusive</p>"
        "<ul><li>1 A bike</li><li>2 A scooter</li><li>3 Neither</li></ul>"
        "<p>K2. Which do you ride most? Pick one.</p>"
        "<p>Rides are counted per week</p>"
        "<ul><li>1 Bike</li><li>2 Scooter</li></ul>"
    )
    assert survey["K1"].text == "Which of these do you own? Select all that apply."
    assert survey["K1"].type == "multi"
    assert "Rides are counted" in survey["K2"].text


def test_sheet_columns_screen_id_and_asked_of() -> None:
    columns = _columns(("Screen ID", "Question / screen text", "Code", "Answer", "Asked of"))
    assert columns["id"] == 0
    assert columns["condition"] == 4
    assert "id" not in _columns(("Screen size", "Question", "Code", "Answer"))


_TXT_HEAD = (
    "K1        Filter: All\n"
    "          Do you fish from a boat?\n"
    "             1  Yes\n"
    "             2  No\n\n"
)


def test_an_id_with_its_filter_beside_it_joins_wrapped_words_under_it() -> None:
    survey = by_id(
        compile_text(
            _TXT_HEAD + "K2        Filter: K1 = 1\n"
            "          In the last week, on how many days did you take\n"
            "          the boat out?\n"
            "          RANGE 0..7\n\n"
            "K3        Filter: All\n"
            "          INTERVIEWER: READ OUT\n"
            "          Would you like a copy of the results?\n"
            "             1  Yes\n"
            "             2  No\n"
        )
    )
    assert survey["K2"].text == "In the last week, on how many days did you take the boat out?"
    assert survey["K2"].display_if == "K1 == '1'"
    assert survey["K3"].text == "Would you like a copy of the results?"
    assert survey["K1"].text == "Do you fish from a boat?"


def test_a_paper_forms_unit_bounds_next_number_and_end_words() -> None:
    survey = by_id(
        compile_text(
            "1 How many acres is the allotment site?\n"
            "Acres (0 – 500)\n"
            "2 Would you join a waiting list?\n"
            "Yes ☐ 1\n"
            "No ☐ 2 → End of questionnaire. Please post the form back.\n"
            "3 Would you help at the open day?\n"
            "Yes ☐ 1\n"
            "No ☐ 2 → Go to 5\n"
            "4 Telephone number we may call you on\n"
            "Telephone: ______________\n"
            "5 Date form completed\n"
            "Date: __ / __ / ____\n"
        )
    )
    assert survey["Q1"].type == "number"
    assert survey["Q2"].terminate_if == "Q2 == '2'"
    assert [o.code for o in survey["Q3"].options] == ["1", "2"]
    assert {"Q4", "Q5"} <= set(survey)


def _md(body: str) -> dict[str, Question]:
    return by_id(compile_text(body, "q.md"))


def test_filters_printed_under_their_question_named_as_its_subject() -> None:
    survey = _md(
        "**P1** How old are you?\n\n_____ years\n\n"
        "**P2** Do you rent or own?\n\n1 Rent\n\n2 Own\n\n"
        "**P3** How long have you lived here?\n\n1 Under a year\n\n2 A year or more\n\n"
        "*Filter: P3 is asked only of owners (P2 = 2).*\n\n"
        "**P4** Would you move?\n\n1 Yes\n\n2 No\n\n"
        "*Filter: if P3 = 2.*\n\n"
        "**P5** Where to?\n\n1 Nearby\n\n2 Far\n\n"
        "*Filter: skip P5 if No (2) at P4.*\n\n"
        "**P6** Any comments?\n\n1 Yes\n\n2 No\n"
    )
    assert survey["P3"].display_if == "P2 == '2'"
    assert survey["P4"].display_if == "P3 == '2'"
    assert survey["P5"].display_if == "not (P4 == '2')"
    assert survey["P6"].display_if is None


def test_a_group_that_skips_the_whole_section_by_a_code_at_a_question() -> None:
    note = read_scoped_note(
        [
            "Section D is for tenants. Those who own (code 2 at P2) skip the whole section"
            " and go to Section E."
        ],
        True,
    )
    assert note is not None
    assert note.negated
    assert note.section
    assert note.cond == "code 2 at P2"


def test_negated_filters_in_new_words() -> None:
    survey = _md(
        "1. How did you hear of us?\n\n☐ Radio\n\n☐ Friend\n\n☐ Returning guest\n\n"
        "*Question 2 is not for returning guests (the third box at question 1).*\n\n"
        "2. Was it easy to book?\n\n☐ Yes\n\n☐ No\n"
    )
    assert survey["Q2"].display_if == "not (Q1 == '3')"
    notes = {
        "Logic: end the survey for 3 or 4 – current members only.": ("terminate_if", "CODE 3 or 4"),
        "Logic: skip unless G4 = 2 (the app).": ("display_if", "G4 = 2 (the app)"),
        # (the bracketed test alone, as the "not for those who …" reader takes it)
        "Logic: not for members who use the branch (G4 = 1).": ("display_if", "NOT (G4 = 1)"),
        "Route: skip if G7 = 4 (never).": ("display_if", "NOT (G7 = 4 (never))"),
    }
    for note, (kind, value) in notes.items():
        found = directives_of([note])
        assert (found[0].kind, found[0].value) == (kind, value), note
    assert directives_of(["skip if G7 = 4 go to G9"]) == []
    named = directives_of(["G5 is not shown to app users (G4 = 2)."])
    assert (named[0].kind, named[0].target) == ("ask_target", "G5")


def test_a_code_with_a_text_box_is_its_write_in_not_the_type() -> None:
    found = directives_of(["Single choice; 6 has a text box"])
    assert [(d.kind, d.codes) for d in found] == [("type", []), ("specify", ["6"])]
    assert found[0].value == "single"
    assert [d.value for d in directives_of(["Text box"]) if d.kind == "type"]


def _conditions() -> dict[str, Question]:
    return by_id(
        compile_text(
            "Q1. How many children live with you?\n_____ children\nNumber, 0-12.\n\n"
            "Q2. Do you skip meals?\n1 Yes\n2 Sometimes\n3 No, never\n4 No, rarely\n\n"
            "Q3. How do you rate the parcels?\n1 Good\n2 Fair\n3 Poor\n\n"
            "Q4. How do you rate the staff?\n1 Good\n2 Fair\n3 Poor\n"
        )
    )


def _atom(atom: Atom) -> str:
    test = (
        f"{atom.question} {atom.op} {atom.value:g}"
        if atom.op
        else f"{atom.question} in {','.join(atom.codes)}"
    )
    return ("not " if atom.negate else "") + test


def test_conditions_in_new_words() -> None:
    questions = _conditions()
    cases = {
        "at least one child at Q1": "Q1 >= 1",
        "Q2 = 1 or 2 AND at least one child at Q1": "Q2 in 1,2 & Q1 >= 1",
        "UNHAPPY (CODE 3) AT Q3 OR Q4": "Q3 in 3 | Q4 in 3",
        "any 'No' answer at Q2": "Q2 in 3,4",
        "Q2 = 1 (SKIPS MEALS)": "Q2 in 1",
        "Do not ask families without children (Q1 = 0)": "not Q1 == 0",
        "Q4 is asked only of parents with at least two children at Q1": "Q1 >= 2",
        "anyone who rated the parcels (not asked if Q3 = 3)": "not Q3 in 3",
    }
    for text, expected in cases.items():
        groups = parse_condition(text, questions, "Q4")
        got = " | ".join(" & ".join(_atom(a) for a in group) for group in groups)
        assert got == expected, text


def test_a_closing_version_line_is_the_colophon() -> None:
    survey = _html(
        "<p>K1. Do you cycle?</p><ul><li>1 Yes</li><li>2 No</li></ul>"
        "<p><b>END</b></p><p>Thank you for your time, the survey is now complete for today.</p>"
        "<p>Information screen</p>"
        "<p>Version 2.1 · Ring Road Cycling Group · data kept for a year</p>"
    )
    assert list(survey) == ["K1", "END"]


def test_a_caps_word_in_the_label_style_is_no_coloured_note() -> None:
    runs = (Run("PLAY", bold=True, color="#1F4E79"),)
    line = line_from_block(Block("paragraph", "PLAY", runs, style="Label"))
    assert (line.text, line.instructions) == ("PLAY", [])
    other = line_from_block(Block("paragraph", "PLAY", runs, style="Normal"))
    assert other.text == ""


def test_same_filter_as_naming_another_question_first() -> None:
    survey = _md(
        "**B1.** Do you bank with us?\n\n(1) Yes\n\n(2) No\n\n"
        "*B2 is not shown to our customers (B1 = 1).*\n\n"
        "**B2.** Would you consider us?\n\n(1) Yes\n\n(2) No\n\n"
        "**B3.** How did you hear of us?\n\n(1) Radio\n\n(2) Friend\n\n"
        "*B4: same filter as B2.*\n\n"
        "**B4.** Would you switch?\n\n(1) Yes\n\n(2) No\n"
    )
    assert survey["B2"].display_if == "not (B1 == '1')"
    assert survey["B3"].display_if is None


def test_an_exclusive_tag_then_close_beside_an_answer() -> None:
    survey = _html(
        "<table><tr><th>Question</th><th>Code</th><th>Instructions</th></tr>"
        "<tr><td>Which of these do you drink?</td><td></td><td>Multi</td></tr>"
        "<tr><td>Tea</td><td>1</td><td></td></tr>"
        "<tr><td>Coffee</td><td>2</td><td></td></tr>"
        "<tr><td>Neither</td><td>3</td><td>Exclusive. CLOSE</td></tr>"
        "<tr><td>How many cups a day?</td><td></td><td>Numeric 1-20</td></tr></table>"
    )
    first = next(iter(survey.values()))
    assert first.terminate_if is not None
    assert "'3'" in first.terminate_if


def test_an_opening_if_is_no_filter_beside_a_written_filter() -> None:
    survey = by_id(
        compile_text(
            "Q1. Which brands have you bought?\n1 Crunchy Oats\n2 Other\n\n"
            "Q2. Which pack did you notice first?\n1 Crunchy Oats\n2 Another pack\n\n"
            "Q3. If Crunchy Oats changed its pack, would you buy it more often?\n"
            "ASK IF Q1 = 1 (BUYS CRUNCHY OATS)\n1 More often\n2 The same\n"
        )
    )
    assert survey["Q3"].display_if == "Q1 == '1'"


def test_e_mail_as_a_verb_in_a_note_is_no_e_mail_answer() -> None:
    assert [d.value for d in directives_of(["Script: e-mail the team on any answer."])] == []
    assert [d.value for d in directives_of(["E-mail address"]) if d.kind == "type"] == ["email"]


def test_a_bold_screen_word_before_its_words_where_close_is_written_so() -> None:
    survey = _html(
        "<p>K1. Have you shopped here before?</p><ul><li>1 Yes</li><li>2 No</li></ul>"
        "<p><b>BOARD</b> In a moment I will show you a board with some new ideas on it for you.</p>"
        "<p>K2. Which idea do you like best?</p><ul><li>1 The first</li><li>2 The second</li></ul>"
        "<p><b>CLOSE</b> That is the end of the interview, thank you very much for your help.</p>"
    )
    assert list(survey) == ["K1", "BOARD", "K2", "CLOSE"]
    assert survey["BOARD"].type == "display"


def test_lettered_statements_ending_in_the_scales_codes_are_grid_rows() -> None:
    survey = by_id(
        compile_text(
            "B5. How much do you agree with each statement about the label?\n"
            "READ OUT EACH STATEMENT. SCALE:\n"
            "Agree                 1\n"
            "Neither               2\n"
            "Disagree              3\n"
            "a) It is easy to read      1   2   3\n"
            "b) It looks modern         1   2   3\n"
            "B6. Which label do you prefer?\n"
            "Old                   1\n"
            "New                   2\n"
        )
    )
    assert survey["B5"].type == "grid"
    assert [r.label for r in survey["B5"].rows] == ["It is easy to read", "It looks modern"]


def test_a_form_box_with_a_request_and_its_answer_line_is_a_question() -> None:
    cell = Cell("Q9 Please give your postcode.\nPostcode: __________")
    assert is_form_table(Block("table", cell.text, rows=((cell, Cell("")),)))
    plain = Cell("Thank you for your help.\nSee you soon.")
    assert not is_form_table(Block("table", plain.text, rows=((plain, Cell("")),)))
