"""Routing written as tables, symbols, flow lines and spec lines, one small case each
(written in their own words, not taken from any fixture)."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def _docx_with_tables(tmp_path: Path, parts: list[str | list[list[str]]]) -> Path:
    document = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part), cols=len(part[0]))
        for r, row in enumerate(part):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    path = tmp_path / "spec.docx"
    document.save(str(path))
    return path


def test_a_decision_table_after_a_question_routes_it(tmp_path: Path) -> None:
    path = _docx_with_tables(
        tmp_path,
        [
            "1.\tHave you been to the aquarium this year?",
            "1\tYes, once",
            "2\tYes, more than once",
            "3\tNo, but I plan to",
            "4\tNo",
            [
                ["Answer at 1", "What happens next"],
                ["1 or 2", "Go on to question 2"],
                ["3", "Go to question 4"],
                ["4", "Thank and close – screen-out"],
            ],
            "2.\tWhich tank did you like most?",
            "1\tSharks",
            "2\tJellyfish",
            "3.\tDid you visit the café?",
            "1\tYes",
            "2\tNo",
            "4.\tHow did you hear about us?",
            "1\tRadio",
            "2\tA friend",
        ],
    )
    questions = by_id(compile_document(read_path(path)).survey)
    first = questions["Q1"]
    assert first.type == "single"
    assert [o.label for o in first.options][:2] == ["Yes, once", "Yes, more than once"]
    assert first.terminate_if == "Q1 == '4'"
    assert [(s.if_, s.to) for s in first.skip_to] == [("Q1 == '3'", "Q4")]


def test_an_ask_table_is_the_filter_of_the_question_it_names(tmp_path: Path) -> None:
    path = _docx_with_tables(
        tmp_path,
        [
            "1.\tHow often do you swim?",
            "1\tWeekly",
            "2\tMonthly",
            "3\tRarely",
            "2.\tHow warm is the pool?",
            "1\tToo cold",
            "2\tJust right",
            "3\tToo warm",
            [
                ["Question 1", "Question 2", "Ask 3?"],
                ["1 or 2", "1", "Yes"],
                ["any other answers", "", "No – go to question 4"],
            ],
            "3.\tWould a heated lane help?",
            "1\tYes",
            "2\tNo",
            "4.\tAny other comments?",
            "1\tYes",
            "2\tNo",
        ],
    )
    questions = by_id(compile_document(read_path(path)).survey)
    assert questions["Q2"].type == "single"
    assert questions["Q3"].display_if == "Q1 in ['1','2'] and Q2 == '1'"


def test_symbol_routing_with_an_otherwise_branch() -> None:
    survey = compile_text(
        """
        K1. Which pets do you keep? Please select all that apply.
            MULTI
            1  Dogs
            2  Cats
            3  Birds
            4  Fish
        Routing: K1∋1→K2; K1∌1 ∧ (K1∋2 ∨ K1∋3)→K3; otherwise→K4

        K2. How often do you walk your dog?
            1  Daily
            2  Weekly

        K3. Do your pets go outdoors?
            1  Yes
            2  No

        K4. Where do you buy pet food?
            1  Online
            2  In a shop
        Routing: K4=2→#TERM
        """
    )
    questions = by_id(survey)
    pets = questions["K1"]
    assert [o.label for o in pets.options] == ["Dogs", "Cats", "Birds", "Fish"]
    assert {rule.to for rule in pets.skip_to} == {"K3", "K4"}
    assert "not (K1 contains '1' or K1 contains '2' or K1 contains '3')" in [
        rule.if_ for rule in pets.skip_to
    ]
    assert questions["K4"].terminate_if == "K4 == '2'"


def test_a_base_line_under_wrapped_question_words_is_its_own() -> None:
    survey = compile_text(
        """
        M1. How many nights did you stay?
            [NUMBER 1-30]

        M2. Would you book a longer stay with a breakfast included and a late
            check-out on the last day?
        Base: M1>3 ∧ M1<20
            1  Yes
            2  No

        M3. Any comments?
            1  Yes
            2  No
        """
    )
    questions = by_id(survey)
    assert questions["M2"].display_if == "M1 > 3 and M1 < 20"
    assert questions["M3"].display_if is None


def test_a_base_for_a_run_of_questions() -> None:
    survey = compile_text(
        """
        R1. Which of these do you own? Please select all that apply.
            1  A bike
            2  A scooter
            3  A car

        -------------------------------------------
        Base for R2-R3: R1∋1 ∨ R1∋2 (rides something). Everyone else goes on to R4.
        -------------------------------------------

        R2. Where do you park it?
            1  At home
            2  At work

        R3. Has it been stolen?
            1  Yes
            2  No

        R4. How old are you?
            [NUMBER 16-99]
        """
    )
    questions = by_id(survey)
    for qid in ("R2", "R3"):
        assert questions[qid].display_if == "R1 contains '1' or R1 contains '2'"
    assert questions["R4"].display_if is None


def test_a_dotted_spec_line_under_a_web_question(tmp_path: Path) -> None:
    path = tmp_path / "wiki.html"
    path.write_text(
        """<html><body>
<p><span class="qid">H1.</span> How many concerts did you go to last year?</p>
<p class="spec">Numeric · 0–60 · <code>H1 == 0 ⇒ TERM</code></p>
<p><span class="qid">H2.</span> Which kinds of music do you like? Please select all that apply.</p>
<p class="spec">Multi · Show if: <code>H1 &gt;= 2</code></p>
<table><tr><th>Code</th><th>Answer</th><th>Logic</th></tr>
<tr><td>1</td><td>Jazz</td><td></td></tr><tr><td>2</td><td>Folk</td><td></td></tr>
<tr><td>9</td><td>None of these</td><td>exclusive · <code>⇒ TERM</code></td></tr></table>
<p><span class="qid">H3.</span> What email address can we use?</p>
<p class="spec">Email · Show if: <code>H1 &gt; 5</code></p>
</body></html>""",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(path)).survey)
    assert questions["H1"].terminate_if == "H1 == 0"
    assert questions["H1"].validation is not None
    assert [o.label for o in questions["H2"].options] == ["Jazz", "Folk", "None of these"]
    assert questions["H2"].display_if == "H1 >= 2"
    assert questions["H2"].terminate_if == "H2 contains '9'"
    assert questions["H3"].type == "email"


def test_flowchart_branches_and_decisions() -> None:
    survey = compile_text(
        """
        F1. Do you cook at home?
        1  Yes, most days
        2  Sometimes
        3  Never
        F1 ─┬─ 1, 2 → F2
            └─ 3 → END ✖ (screen-out)

        F2. Do you use recipe apps?
        1  Yes
        2  No
        F2 ─ Yes → F3 / No → F4

        F3. Which app do you use most?
        1  Panline
        2  Stirwise

        F4. How many meals a week do you cook?
        1  One or two
        2  Three to five
        3  More than five
        ◆ F4 = 1–2 ?    yes → F5    no → F6

        F5. What stops you cooking more?
        1  Time
        2  Cost

        F6. Which region do you live in?
        1  North
        2  South
        """
    )
    questions = by_id(survey)
    assert questions["F1"].terminate_if == "F1 == '3'"
    assert questions["F1"].skip_to == []
    assert questions["F3"].display_if == "F2 == '1'"
    assert questions["F5"].display_if == "F4 in ['1','2']"


def test_a_section_bar_with_its_entry_test() -> None:
    survey = compile_text(
        """
        G1. Which of these do you visit? Please select all that apply.
        1  Museums
        2  Galleries

        MUSEUM VISITORS · G2–G3 · entry: G1 ∋ 1, otherwise → G4

        G2. Which museum did you visit last?
        1  Science
        2  History

        G3. Did you buy a ticket?
        1  Yes
        2  No

        G4. How old are you?
        1  Under 30
        2  30 or over
        """
    )
    questions = by_id(survey)
    assert questions["G2"].display_if == "G1 contains '1'"
    assert questions["G3"].display_if == "G1 contains '1'"
    assert questions["G4"].display_if is None
