"""Conventions from unseen29 (product-team surveys): a survey tool's coloured id badge over the
words, logic boxes printed under the question they filter, disqualify lines with what happens
next after an arrow, an answer named with a word for what the question asks, a bracketed id
after the test, answers whose labels hold numbers, and a callout's emoji opening a sentence."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_BADGE = 'span class="tag" style="color:#3a3fd9"'


def _card(qid: str, text: str, answers: list[str], note: str = "") -> str:
    items = "".join(f"<li>{a}</li>" for a in answers)
    logic = f'<div class="logic">{note}</div>' if note else ""
    return f'<div class="card"><{_BADGE}>{qid}</span><div>{text}</div><ul>{items}</ul>{logic}</div>'


def _tool_export(*cards: str) -> str:
    return "<html><body>" + "".join(cards) + "</body></html>"


def test_a_coloured_id_badge_alone_over_the_words_is_the_label() -> None:
    survey = by_id(
        compile_text(
            _tool_export(
                _card("K1", "Which kiln do you fire?", ["Gas", "Electric", "Wood"]),
                _card("K2", "How often do you fire it?", ["Weekly", "Monthly"]),
            ),
            "kilns.html",
        )
    )
    assert list(survey) == ["K1", "K2"]
    assert survey["K1"].text == "Which kiln do you fire?"
    assert [o.label for o in survey["K2"].options] == ["Weekly", "Monthly"]


def test_logic_boxes_under_the_answers_filter_their_own_question() -> None:
    survey = by_id(
        compile_text(
            _tool_export(
                _card("K1", "Which kiln do you fire?", ["Gas", "Electric", "Wood"]),
                _card("K2", "Do you glaze your pots?", ["Yes", "No"], "Show if K1 = Wood"),
                _card("K3", "Which glazes do you use?", ["Ash", "Celadon"], "Show if K2 = Yes"),
                _card("K4", "Do you sell your pots?", ["Yes", "No"]),
            ),
            "kilns.html",
        )
    )
    assert survey["K2"].display_if == "K1 == '3'"
    assert survey["K3"].display_if == "K2 == '1'"
    assert survey["K4"].display_if is None


def test_filters_over_the_next_question_stay_there() -> None:
    survey = by_id(
        compile_text(
            """Q1. Do you own a bicycle?
1. Yes
2. No
ASK IF Q1 = 1
Q2. How often do you ride it?
1. Daily
2. Weekly
ASK IF Q1 = 1
Q3. Where do you park it?
1. Indoors
2. Outdoors
""",
            "bikes.txt",
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if == "Q1 == '1'"


def test_disqualify_with_the_ending_after_an_arrow_names_the_answer() -> None:
    survey = by_id(
        compile_text(
            _tool_export(
                _card(
                    "K1",
                    "What best describes you?",
                    ["Potter", "Collector", "Apprentice"],
                    "Disqualify if Apprentice → end survey with the goodbye page.",
                ),
                _card("K2", "How often do you fire?", ["Weekly", "Monthly"]),
            ),
            "kilns.html",
        )
    )
    assert survey["K1"].terminate_if == "K1 == '3'"


def test_a_word_for_what_a_question_asks_names_that_question() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which membership tier do you hold?
( ) Bronze
( ) Silver
( ) Gold

Q2. Which classes have you taken?
( ) Throwing
( ) Glazing

Show if tier = Silver or Gold.
Q3. Would you mentor a beginner?
( ) Yes
( ) No
""",
            "club.md",
        )
    )
    assert survey["Q3"].display_if == "Q1 in ['2','3']"


def test_a_bracketed_id_after_the_test_names_its_question() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which membership tier do you hold?
1. Bronze
2. Silver
3. Gold
Q2. Which classes have you taken?
1. Throwing
2. Glazing
ASK IF tier = Bronze or Gold (Q1)
Q3. Would you mentor a beginner?
1. Yes
2. No
""",
            "club.txt",
        )
    )
    assert survey["Q3"].display_if == "Q1 in ['1','3']"


def test_answers_with_numbers_in_their_labels_are_named_by_label() -> None:
    survey = by_id(
        compile_text(
            """Q1. How many looms does your studio have?
1. None
2. 1–3
3. 4–10
4. More than 10
ASK IF Q1 = 4–10 or More than 10
Q2. Do you rent looms out?
1. Yes
2. No
""",
            "looms.txt",
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['3','4']"


def test_an_emoji_opens_a_new_sentence_in_a_note() -> None:
    from fielder.compiler.instructions import sentences

    assert sentences("Show if Q4 = Yes. 📝 The name is piped in.") == [
        "Show if Q4 = Yes",
        "📝 The name is piped in",
    ]


def test_a_type_line_with_settings_after_a_middle_dot_is_a_note() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which kiln do you fire?
- Gas
- Electric
Q2. What would make firing easier?
Long answer · optional
Q3. Do you sell your pots?
- Yes
- No
""",
            "kilns.txt",
        )
    )
    assert survey["Q2"].type == "long_text"
    assert survey["Q2"].options == []


def test_an_answer_that_clears_the_others_is_exclusive_and_no_answer() -> None:
    survey = by_id(
        compile_text(
            _tool_export(
                _card(
                    "K1",
                    "Which glazes do you use? Select all that apply.",
                    ["Ash", "Celadon", "None of them"],
                ),
                "<p>“None of them” clears the other boxes.</p>",
                _card("K2", "How often do you fire?", ["Weekly", "Monthly"]),
            ),
            "kilns.html",
        )
    )
    options = survey["K1"].options
    assert [o.label for o in options] == ["Ash", "Celadon", "None of them"]
    assert [o.exclusive for o in options] == [False, False, True]


def test_if_selected_after_a_quoted_answer_jumps_on_that_answer() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which tools do you own? Select all that apply.
[ ] Wheel
[ ] Kiln
[ ] Neither of these
“Neither of these” is exclusive. If selected → Jump to Q4.
Q2. How old is your wheel?
- New
- Old
Q3. How old is your kiln?
- New
- Old
Q4. Would you join a workshop?
- Yes
- No
""",
            "tools.txt",
        )
    )
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 contains '3'", "Q4")]


def test_a_branch_line_routes_each_answer() -> None:
    survey = by_id(
        compile_text(
            """Q1. Have you taught a class?
- Yes
- No
Branch: Yes → Q2, No → Q4
Q2. Which class?
- Throwing
- Glazing
Q3. How many students?
- Few
- Many
Q4. Would you teach again?
- Yes
- No
""",
            "teach.txt",
        )
    )
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '2'", "Q4")]


def test_skip_this_section_if_filters_every_question_of_the_section() -> None:
    survey = by_id(
        compile_text(
            """Q1. How often do you fire your kiln?
1. Weekly
2. Monthly
3. Never

SECTION B: FIRING
Section logic: Skip this section if Q1 is "Never".

Q2. Which cone do you fire to?
1. Low
2. High

Q3. How long does a firing take?
1. A day
2. Two days

SECTION C: ABOUT YOU

Q4. How old are you?
1. Under 40
2. 40 or over
""",
            "kilns.txt",
        )
    )
    assert survey["Q2"].display_if == "not (Q1 == '3')"
    assert survey["Q3"].display_if == "not (Q1 == '3')"
    assert survey["Q4"].display_if is None


def test_a_note_naming_its_audience_then_the_test_is_a_filter() -> None:
    survey = by_id(
        compile_text(
            """Q1. How many pots did you sell last year?
    1. None
    2. A few
    3. Many

Q2. Why did you sell none?
    <non-sellers only: show if Q1 is 1. multi-line box>

Q3. What sold best?
    <sellers: Q1 = 2 or 3. multi-line box>
""",
            "pots.txt",
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if == "Q1 in ['2','3']"


def test_an_arrow_inside_an_angle_note_on_an_answer_routes_it() -> None:
    survey = by_id(
        compile_text(
            """Q1. May we call you?
    1. Yes
    2. No   <if No -> go straight to END>

Q2. What is your number?
    ______

Q3. When suits you?
    1. Morning
    2. Evening

END (closing message):
Thank you for your time.
""",
            "call.txt",
        )
    )
    assert [o.label for o in survey["Q1"].options] == ["Yes", "No"]
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '2'", "END")]
    assert survey["END"].text == "Thank you for your time."


def test_an_angle_note_wrapped_over_lines_is_one_note() -> None:
    survey = by_id(
        compile_text(
            """Q1. May we call you?
    1. Yes
    2. No

END:
Thank you for your time.

<dev: then close the panel. Store the answer as "CALL: {answer}"
(a label only, not logic).>
""",
            "call.txt",
        )
    )
    assert survey["END"].text == "Thank you for your time."


def test_a_jump_to_a_numbered_section_with_its_title_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """Section 1 of 2 · Your studio

1. Do you have a studio?
○ Yes
○ No    → Jump to Section 2 (About you)

2. How big is it?
○ Small
○ Large

3. Is it shared?
○ Yes
○ No

Section 2 of 2 · About you

4. How old are you?
○ Under 40
○ 40 or over
""",
            "studio.txt",
        )
    )
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '2'", "Q4")]


def test_printed_form_hints_under_each_question_keep_their_filters() -> None:
    survey = by_id(
        compile_text(
            """1. Which plan are you on?
○ Basic
○ Plus
○ Team

2. How many seats do you have?
Number, 1–500.

3. Did the setup go well?
○ Yes
○ No
Shown only if the answer to question 2 is 10 or more.

4. Would you like a call?
○ Yes please
○ No thanks
Show if plan = Plus or Team (question 1).

5. Which email should we use?
Email field. Only shown if “Yes please” at 4.

6. Which colour do you like?
○ Red
○ Blue
Only shown if you chose 1 or 2 at question 1.

7. Anything else?
""",
            "form.txt",
        )
    )
    assert survey["Q3"].display_if == "Q2 >= 10"
    assert survey["Q4"].display_if == "Q1 in ['2','3']"
    assert survey["Q5"].display_if == "Q4 == '1'"
    assert survey["Q6"].display_if == "Q1 in ['1','2']"
    assert survey["Q7"].display_if is None


def test_a_toggle_summary_is_read_as_its_title() -> None:
    survey = by_id(
        compile_text(
            """### Q1 · Which kiln do you fire?

- ( ) Gas
- ( ) Electric

### THANKS

Thanks for your answers.

<details>
<summary>Changelog</summary>

- v2: added Q1
- v1: first draft

</details>
""",
            "kilns.md",
        )
    )
    assert survey["THANKS"].type == "display"
    assert survey["THANKS"].options == []


def test_a_grid_row_run_over_the_page_joins_its_grid() -> None:
    from fielder.compiler import compile_document
    from fielder.documents.model import Block, Cell, Document, Run

    def cell(text: str) -> Cell:
        return Cell(text=text, runs=(Run(text),))

    head = ("", "Poor", "Fair", "Good")
    rows = [head, ("Glaze", "○", "○", "○"), ("Clay", "○", "○", "○")]
    blocks = [
        Block(
            kind="paragraph",
            text="1. How good was each one?",
            runs=(Run("1. How good was each one?"),),
        ),
        Block(
            kind="table",
            text="\n".join("\t".join(r) for r in rows),
            rows=tuple(tuple(cell(c) for c in r) for r in rows),
        ),
        Block(kind="paragraph", text="Page 1", runs=(Run("Page 1"),)),
        Block(kind="page_break"),
        Block(kind="paragraph", text="Brushes\t○\t○\t○", runs=(Run("Brushes\t○\t○\t○"),)),
        Block(kind="paragraph", text="2. Anything else?", runs=(Run("2. Anything else?"),)),
    ]
    survey = compile_document(
        Document(name="g.pdf", media_type="application/pdf", blocks=blocks)
    ).survey
    grid = by_id(survey)["Q1"]
    assert [r.label for r in grid.rows] == ["Glaze", "Clay", "Brushes"]
