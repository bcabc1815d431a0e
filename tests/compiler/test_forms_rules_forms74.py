"""A student's form-builder draft and an item bank: branching written as `answer → place`
clauses, highlighted notes to self, numbered grid headings, skips by the question left out,
filters on a cell's top line, rule sentences naming their question. Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.read_out import clean_read_out
from fielder.documents import read_document
from fielder.ir.models import Option
from tests.compiler.conftest import by_id, compile_text

_STYLE = (
    "<style>.b{font-weight:700}.g{color:#999999;font-style:italic}"
    ".hl{background-color:#ffff00}.band{background-color:#0a3d62;color:#ffffff}"
    ".r{color:#cc0000}</style>"
)


def _html(body: str) -> dict[str, object]:
    page = f"<html><head>{_STYLE}</head><body>{body}</body></html>"
    return by_id(compile_document(read_document(page.encode("utf-8"), "draft.html")).survey)


def _p(text: str, cls: str = "") -> str:
    return f'<p><span class="{cls}">{text}</span></p>' if cls else f"<p><span>{text}</span></p>"


def _q(label: str, words: str) -> str:
    return f'<p><span class="b">{label}</span><span>&nbsp;{words}</span></p>'


_LIGHTS_NOTE = (
    "Short answer, number between 0 and 9. Only shows if &ldquo;Lights&rdquo; ticked at Q8"
    " (might need its own page in the tool)."
)
_BRANCHED = "".join(
    [
        _p("Notes to self: codes in [brackets] are for the export.", "g"),
        _p("FIXME: ask the tutor about the wording!!", "hl"),
        _p("PART 1 &ndash; Screening", "b"),
        _q("Q1.", "Do you agree to take part?"),
        _p("&#9675; Agree [1]"),
        _p("&#9675; Disagree [2]"),
        _p("(Branch on answer: Disagree &rarr; Submit form)", "r"),
        _q("Q2.", "Do you own a bicycle at the moment?"),
        _p("&#9675; Yes [1]"),
        _p("&#9675; No [2]"),
        _p("&#9675; I sold it this year [3]"),
        _p("No &rarr; screened out, submit form. Yes &rarr; Part 2. Sold &rarr; Part 3.", "r"),
        _q("Q3.", "Which region do you live in?"),
        _p("&#9675; North [1]"),
        _p("&#9675; South [2]"),
        _p("PART 2 &ndash; Owners", "b"),
        _q("Q4.", "How often do you ride it?"),
        _p("&#9675; Daily [1]"),
        _p("&#9675; Weekly [2]"),
        _p("&#9675; Rarely [3]"),
        _p("(Weekly / Rarely &rarr; Q4b, everyone else &rarr; Part 4)", "r"),
        _q("Q4b.", "What stops you riding more?"),
        _p("Paragraph", "g"),
        _p("PART 3 &ndash; Former owners", "b"),
        _q("Q5.", "Why did you sell it?"),
        _p("Paragraph", "g"),
        _p("PART 4 &ndash; Everyone", "b"),
        _q("Q6.", "Do you use a route planner?"),
        _p("&#9675; Yes [1]"),
        _p("&#9675; No [2] &nbsp;&rarr; skip Q7"),
        _q("Q7.", "Which planner do you use?"),
        _p("Short answer", "g"),
        _q("Q8.", "Which of these do you carry? Tick all that apply."),
        _p("&#9744; Lock [1]"),
        _p("&#9744; Pump [2]"),
        _p("&#9744; Lights [3]"),
        _q("Q9.", "How many lights do you own?"),
        _p(_LIGHTS_NOTE, "g"),
        _q("Q10.", "How far do you agree with each statement?"),
        "<table><tr><td></td><td>1<br>Disagree</td><td>2</td><td>3</td><td>4<br>Agree</td></tr>"
        "<tr><td>Riding is fun</td><td>&#9675;</td><td>&#9675;</td><td>&#9675;</td>"
        "<td>&#9675;</td></tr><tr><td>Riding is safe</td><td>&#9675;</td>"
        "<td>&#9675;</td><td>&#9675;</td><td>&#9675;</td></tr></table>",
        '<p><span class="b">Debrief</span><span class="g">&nbsp;(after submit)</span></p>',
        _p("Thanks for your help with my project. Your answers will be kept safe."),
    ]
)


def test_answer_place_clauses_screen_out_and_filter_sections() -> None:
    questions = _html(_BRANCHED)
    assert questions["Q1"].terminate_if == "Q1 == '2'"
    assert questions["Q2"].terminate_if == "Q2 == '2'"
    assert questions["Q3"].display_if is None  # still the question's own part
    assert questions["Q4"].display_if == "Q2 == '1'"
    assert questions["Q4b"].display_if == "Q2 == '1' and (Q4 in ['2','3'])"
    assert questions["Q5"].display_if == "Q2 == '3'"  # part 2 leaves past part 3
    assert questions["Q6"].display_if is None
    assert not questions["Q2"].skip_to
    assert not questions["Q4"].skip_to


def test_highlighted_note_is_no_question_and_named_screen_is_kept() -> None:
    questions = _html(_BRANCHED)
    assert not any(qid.startswith("FIXME") for qid in questions)
    assert questions["DEBRIEF"].type == "display"
    assert questions["DEBRIEF"].text.startswith("Thanks for your help")


def test_skip_by_the_question_left_out_and_filter_after_a_type_sentence() -> None:
    questions = _html(_BRANCHED)
    assert [(r.if_, r.to) for r in questions["Q6"].skip_to] == [("Q6 == '2'", "Q8")]
    assert questions["Q9"].display_if == "Q8 contains '3'"


def test_grid_headings_numbered_with_end_words_keep_their_numbers() -> None:
    grid = _html(_BRANCHED)["Q10"]
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Disagree"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Agree"),
    ]


def test_dark_band_is_no_highlight_and_question_to_question_branch_left_alone() -> None:
    body = "".join(
        [
            _p("Your trips", "band"),
            _q("Q1.", "Did you travel by train this week?"),
            _p("&#9675; Yes [1]"),
            _p("&#9675; No [2]"),
            _p("(Yes &rarr; Q2, No &rarr; Q3)", "r"),
            _q("Q2.", "How many train trips did you make?"),
            _p("Short answer", "g"),
            _q("Q3.", "Any other comments?"),
            _p("Paragraph", "g"),
        ]
    )
    questions = _html(body)
    assert set(questions) == {"Q1", "Q2", "Q3"}
    # (the pair is the jump readers' own: no filter put on Q2 or Q3 by the clause reader)
    assert questions["Q3"].display_if is None


def test_route_clause_naming_no_answer_is_not_read() -> None:
    body = "".join(
        [
            _q("Q1.", "Do you drive?"),
            _p("&#9675; Yes [1]"),
            _p("&#9675; No [2]"),
            _p("(Maybe &rarr; Submit form)", "r"),
            _q("Q2.", "What do you drive?"),
            _p("Short answer", "g"),
        ]
    )
    assert _html(body)["Q1"].terminate_if is None


def test_exclusive_sentence_and_bands_that_open_with_their_code() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. How long have you lived here?
            Under 1 year [1]
            1 to 4 years [2]
            5 to 9 years [3]
            10 years or more [4]

            Q2. Which of these apps do you use? Select all that apply.
            Maps [1]
            Weather [2]
            Banking [3]
            None of them [4]
            4 is exclusive.

            Q3. Anything else?
            """
        )
    )
    assert [o.label for o in questions["Q1"].options][2] == "5 to 9 years"
    apps = questions["Q2"]
    assert [o.code for o in apps.options] == ["1", "2", "3", "4"]
    assert [o.code for o in apps.options if o.exclusive] == ["4"]


def test_rule_sentences_naming_their_question() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which country are you based in?
            Spain [1]
            Italy [2]
            Greece [3]
            Portugal [4]

            Q2. Do you work from home?
            Yes [1]
            No [2]

            Rule: Q3 is suppressed in the southern offices (Q1 = 1 or 3), at the union's request.
            Q3. How often does your team meet in person?
            Weekly [1]
            Monthly [2]

            Rule: Q4 additionally needs Q1 = 2.
            Q4. Would you use a desk-booking app?
            Yes [1]
            No [2]
            """
        )
    )
    assert questions["Q3"].display_if == "not (Q1 in ['1','3'])"
    assert questions["Q4"].display_if == "Q1 == '2'"


def test_read_out_or_at_the_end_of_an_answer() -> None:
    options = [
        Option(code="1", label="very happy,"),
        Option(code="2", label="fairly happy,"),
        Option(code="3", label="not happy, or"),
        Option(code="4", label="not at all happy?"),
    ]
    clean_read_out(options)
    assert [o.label for o in options] == [
        "very happy",
        "fairly happy",
        "not happy",
        "not at all happy",
    ]


def test_stop_route_does_not_make_the_first_answer_a_note() -> None:
    questions = by_id(
        compile_text(
            """
            1. What is your age?
            Under 16 → please stop here; the rest is for older readers
            16–29
            30–59
            60 or over

            2. Do you read a daily paper?
            Yes
            No
            """
        )
    )
    age = questions["Q1"]
    assert [o.label for o in age.options][0] == "Under 16"
    assert age.terminate_if == "Q1 == '1'"
