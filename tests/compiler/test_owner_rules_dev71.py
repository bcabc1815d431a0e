"""Surveys written by owners and volunteers, read by generic rules (dev71): a form builder's
coloured "Question N *" heads, its setting lines and its logic-jump table at the foot of the page;
heads set off by a glyph with emoji type badges and routing glyphs under them; `#N`-numbered
paper forms with `[N]` codes and `>>` arrows; doubled-bracket notes and an e-mail's sign-off;
owners' sheets (a `Kind` column, `Who sees it?`, answers split by `/`, a grid in one cell);
`» ` marked notes and `<hint>` lines; notes naming their own question first; `same as X`.
Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.form_settings import is_form_setting
from fielder.compiler.glyph_rules import glyph_rule
from fielder.compiler.self_named_notes import rewritten_note
from fielder.documents.model import Block, Cell, Document, Run
from tests.compiler.conftest import by_id, compile_text


def _para(text: str, runs: tuple[Run, ...] = ()) -> Block:
    return Block(kind="paragraph", text=text, runs=runs or (Run(text=text),))


def _head(number: int) -> Block:
    runs = (
        Run(text=f"Question {number} ", bold=True, color="#1F6F8B"),
        Run(text="*", color="#CC0000"),
    )
    return _para(f"Question {number} *", runs)


def test_a_coloured_question_number_with_its_required_mark_is_the_label() -> None:
    blocks = [
        _head(1),
        _para("Which bus do you take?"),
        _para("◯ The 12"),
        _para("◯ The 40"),
        _head(2),
        _para("How long is the ride?"),
        _para("Short answer"),
    ]
    survey = by_id(
        compile_document(Document(name="p.html", media_type="text/html", blocks=blocks)).survey
    )
    assert list(survey) == ["Q1", "Q2"]
    assert survey["Q1"].text == "Which bus do you take?"


def test_form_builder_settings_are_notes() -> None:
    assert is_form_setting("Include time: off")
    assert is_form_setting("Response validation: must be a number")
    assert is_form_setting("Shuffle option order")
    assert not is_form_setting("Your answer: yes or no?")


def test_a_logic_jump_table_at_the_foot_routes_the_questions() -> None:
    text = (
        "Q1. How do you travel?\n- Bike\n- Car\n- I never travel\n\n"
        "Q2. Where do you park?\n- Street\n- Garage\n\n"
        "Q3. How far is it?\n\nQ4. Anything else?\n\n"
        "| If | Answer | Then |\n|---|---|---|\n"
        '| Question 1 | is "I never travel" | End form (submit) |\n'
        '| Question 1 | is "Bike" | Skip to Question 3 |\n'
        "| Question 2 | any answer | Continue to next question |\n"
    )
    survey = by_id(compile_text(text, "q.md"))
    assert survey["Q1"].terminate_if == "Q1 == '3'"
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '1'", "Q3")]
    assert survey["Q2"].skip_to == []


def test_glyph_heads_emoji_badges_and_routing_glyphs() -> None:
    text = (
        "### K1 ▸ Which club are you in?\n\n`🔘 one`\n\n1. North\n2. South\n3. Neither\n\n"
        "> ⛔ **3** → the bot closes the form\n\n"
        "### K2 ▸ Which sports do you play?\n\n`☑️ many`\n\n1. Rugby\n2. Hockey\n\n"
        "### K3 ▸ How many seasons have you played?\n\n`🔢 seasons, 0–40`\n\n"
        "> 👁 hidden if K1 = **2**\n\n"
        "### K4 ▸ Anything to add?\n\n`📝 long answer`\n"
    )
    survey = by_id(compile_text(text, "q.md"))
    assert list(survey) == ["K1", "K2", "K3", "K4"]
    assert survey["K1"].terminate_if == "K1 == '3'"
    assert survey["K2"].type == "multi"
    assert survey["K3"].type == "number"
    assert survey["K3"].display_if == "not (K1 == '2')"
    assert survey["K4"].type == "long_text"


def test_a_stop_glyph_before_words_is_no_rule() -> None:
    assert glyph_rule("⛔ children are not removed from the form") is None
    assert glyph_rule("↪ 2 or 3 → jump to B9") == "IF 2 OR 3 GO TO B9"


def test_hash_numbered_forms_route_by_their_marks() -> None:
    text = (
        "#1 Do you swim here?\n[1] Yes\t[2] No >> go to #4\n\n"
        "#2 (ONLY IF [1] AT #1) Which pool do you use?\n[1] Indoor\t[2] Outdoor\n\n"
        "#3 How many lengths did you swim today?\n______ lengths (0–200)\t>> If 0, go to #4\n\n"
        "#4 Any comments?\n____________\n"
    )
    survey = by_id(compile_text(text))
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '2'", "Q4")]
    assert survey["Q1"].options[1].label == "No"
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q2"].text == "Which pool do you use?"


def test_doubled_bracket_notes_and_an_email_sign_off() -> None:
    text = (
        "From: Ann Lowe <ann@example.org>\nTo: Sam Reed <sam@example.org>\n\nHi Sam,\n\n"
        "1. Do you own a kayak?\n   1) Yes\n   2) No\n\n"
        "1a. ((only owners - 1 at Q1)) What make is it?\n\n"
        "2. How often do you paddle?\n   1) Weekly\n   2) Monthly\n   3) Never\n"
        "   ((1 or 2 -> Q2a, 3 -> straight on to Q3))\n\n"
        "2a. Where do you paddle?\n\n3. Your age?\n\n"
        "Thanks Sam, let me know!\nAnn x\n"
    )
    survey = by_id(compile_text(text))
    assert survey["Q1a"].display_if == "Q1 == '1'"
    assert survey["Q1a"].text == "What make is it?"
    assert survey["Q2a"].display_if == "Q2 in ['1','2']"
    assert list(survey)[-1] == "Q3"


def test_an_owners_sheet_with_kind_and_who_sees_it_columns() -> None:
    rows = [
        ("#", "Question", "Answers (separate with /)", "Kind", "Who sees it?"),
        ("1", "Do you have a season ticket?", "Yes / No", "pick one", "everyone"),
        ("2", "Which games do you go to?", "Home / Away / Cup", "tick boxes", "only if #1 is Yes"),
        ("3", "Rate these.", "Rows: Food; Seats || Columns: Bad / OK / Good", "grid", "everyone"),
    ]
    table = Block(
        kind="table",
        text="",
        rows=tuple(tuple(Cell(text=c) for c in row) for row in rows),
    )
    survey = by_id(
        compile_document(
            Document(
                name="s.xlsx",
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                blocks=[table],
            )
        ).survey
    )
    assert [o.label for o in survey["Q1"].options] == ["Yes", "No"]
    assert survey["Q2"].type == "multi"
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].type == "grid"
    assert [r.label for r in survey["Q3"].rows] == ["Food", "Seats"]


def test_marked_notes_and_angle_hints() -> None:
    text = (
        "[H1] Are you a member?\n1 = Yes\n2 = No\n[2 = thank them, survey over]\n\n"
        "[H2] Which rooms do you use?\n<tick all>\n1 = Gym\n2 = Pool\n\n"
        "[H3] Why the pool?\n<long answer>\n[only for the 2s at H2]\n\n"
        "[END] Thanks for your time, see you soon.\n"
    )
    survey = by_id(compile_text(text))
    assert survey["H1"].terminate_if == "H1 == '2'"
    assert survey["H2"].type == "multi"
    assert survey["H3"].display_if == "H2 contains '2'"
    assert "END" in survey


def test_notes_naming_their_own_question_first() -> None:
    assert rewritten_note("[Lee: B4 only if Often or Always at B3.]") == (
        "only show B4 if they said Often or Always at B3"
    )
    assert rewritten_note("B6 is just for the Yes people at B5.") == (
        "only show B6 if they said Yes at B5"
    )
    assert rewritten_note("hide B8 for walk-ins at B2 – they never book") == (
        "hide B8 if they said walk-ins at B2"
    )
    assert rewritten_note("Don't stop anyone under 18") is None


def test_same_as_copies_the_named_questions_filter() -> None:
    rows = [
        ("Question ID", "Question", "Type", "Option 1", "Option 2", "Logic"),
        ("R1", "Which do you own?", "Checkboxes", "Bike", "Scooter", ""),
        ("R2", "How many bikes?", "Number", "", "", "only when R1 includes Bike"),
        ("R3", "Where do you store it?", "Multiple choice", "Shed", "Hall", "same as R2"),
    ]
    table = Block(
        kind="table", text="", rows=tuple(tuple(Cell(text=c) for c in row) for row in rows)
    )
    survey = by_id(
        compile_document(
            Document(
                name="s.xlsx",
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                blocks=[table],
            )
        ).survey
    )
    assert survey["R3"].display_if == survey["R2"].display_if == "R1 contains '1'"


def test_a_note_naming_two_groups_each_with_its_test_is_left_whole() -> None:
    # the second bracket is a test, not an aside: the group readers join both
    note = "Filter: P9 only for people over 60 (P2 = 4 or 5) who live alone (P3 = 1)."
    assert rewritten_note(note, "P8") is None
    survey = by_id(
        compile_text(
            "P2. How old are you?\n1. Under 40\n2. 40-49\n3. 50-59\n4. 60-69\n5. 70 or over\n"
            "P3. Do you live alone?\n1. Yes\n2. No\n"
            f"{note}\n"
            "P9. Would you like a call from our visiting team?\n1. Yes\n2. No\n",
            "q.txt",
        )
    )
    assert survey["P9"].display_if == "P2 in ['4','5'] and P3 == '1'"
