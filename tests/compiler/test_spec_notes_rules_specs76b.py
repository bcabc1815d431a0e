"""Programmers' notes in a spec: Word's inline comment marks, screen-outs tied to codes, the
trade's shorthand for non-answers, runs of questions named before "only if", and a scripting
tool's row references (`Q3r4`) (round specs76b)."""

from __future__ import annotations

from fielder.compiler.answer_shorthand import shorthand_label
from fielder.compiler.comment_marks import comment_mark_document
from fielder.compiler.passes.coded_screen_outs import coded_screen_out
from fielder.compiler.row_refs import row_refs
from fielder.documents.model import Block, Document, Run
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def _single(qid: str, *labels: str) -> Question:
    return Question(
        id=qid,
        type="single",
        text="Pick one",
        options=[Option(code=str(i), label=label) for i, label in enumerate(labels, 1)],
    )


def test_coded_screen_out_shapes() -> None:
    question = _single("B2", "Farmer", "Baker", "Miller", "Brewer", "Nobody")
    assert coded_screen_out("Stop anyone who is code 5 here, codes 1-4 go on.", question) is None
    assert coded_screen_out("Close anyone who is code 5 here, codes 1–4 carry on.", question) == [
        "5"
    ]
    assert coded_screen_out("Wave 1 only, so code 2 = screen out (wave 2 later).", question) == [
        "2"
    ]
    assert coded_screen_out("codes 3-4 → terminate", question) == ["3", "4"]
    assert coded_screen_out("terminate those who said codes 1 or 2", question) == ["1", "2"]
    # near-misses: no ending tied to the codes, a code the question lacks, every code, two ties
    assert coded_screen_out("code 2 = our main customers", question) is None
    assert coded_screen_out("code 9 = screen out", question) is None
    assert coded_screen_out("codes 1-5 = close", question) is None
    assert coded_screen_out("code 1 = close, code 2 = close", question) is None


def test_coded_screen_out_in_document() -> None:
    survey = compile_text(
        """Q1. How many staff work at your bakery?
1 Just me
2 2-20
3 21 or more
Only firms with 2+ staff this time so code 1 = screen out (sole traders later).

Q2. What do you bake most?
1 Bread
2 Cakes
3 Pies
Close anyone who is code 3 here, codes 1-2 carry on.

Q3. Any comments?
"""
    )
    questions = by_id(survey)
    assert questions["Q1"].terminate_if == "Q1 == '1'"
    assert questions["Q2"].terminate_if == "Q2 == '3'"


def test_answer_shorthand() -> None:
    question = _single("C1", "Yes", "No", "Don't know", "Refused")
    assert shorthand_label("DK", question) == "Don't know"
    assert shorthand_label("Ref.", question) == "Refused"
    assert shorthand_label("N/A", question) is None  # no such answer
    assert shorthand_label("OK", question) is None


def test_shorthand_in_a_skip() -> None:
    survey = compile_text(
        """Q4. Did your boiler break down last winter?
1 Yes
2 No
3 Don't know
No / DK → skip to Q6 please.

Q5. What went wrong?

Q6. How old is the boiler?
1 Under 5 years
2 5 years or more
"""
    )
    assert by_id(survey)["Q4"].skip_to[0].if_ == "Q4 in ['2','3']"


def test_listed_questions_only_if() -> None:
    text = """Q7. May we send you the results?
1 Yes
2 No

Q8. Your name?

Q9. Your postcode?
{note}

Q10. Which newspaper do you read?
1 Daily
2 Weekly
"""
    questions = by_id(compile_text(text.format(note="Q8 and Q9 only if yes at Q7.")))
    assert questions["Q8"].display_if == "Q7 == '1'"
    assert questions["Q9"].display_if == "Q7 == '1'"
    # near-miss: a run named without "only if" is no filter
    questions = by_id(compile_text(text.format(note="Q8 and Q9 are kept for the panel.")))
    assert questions["Q8"].display_if is None
    assert questions["Q9"].display_if is None


def _para(text: str, *runs: Run) -> Block:
    return Block(kind="paragraph", text=text, runs=runs or (Run(text=text),))


def test_comment_marks_dropped() -> None:
    marked = "Comment [JT3]: Jo T. – Ask Q2 only if yes at Q1."
    document = Document(
        name="spec.docx",
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        blocks=[
            _para(marked, Run(text="Comment [JT3]: ", bold=True), Run(text=marked[15:])),
            _para("Comment on the layout: keep it short."),  # no mark: stays
        ],
    )
    blocks = comment_mark_document(document).blocks
    assert blocks[0].text == "Jo T. – Ask Q2 only if yes at Q1."
    assert "".join(r.text for r in blocks[0].runs) == blocks[0].text
    assert blocks[1].text == "Comment on the layout: keep it short."


def test_row_refs() -> None:
    questions = {"Q3": None, "S4": None, "Q5r2": None}
    assert row_refs("ASK IF Q3r4", questions) == "ASK IF Q3 = 4"
    assert row_refs("MUST SELECT S4r1", questions) == "MUST SELECT S4 = 1"
    assert row_refs("ASK IF Q5r2", questions) == "ASK IF Q5r2"  # an id of its own
    assert row_refs("ASK IF Q9r1", questions) == "ASK IF Q9r1"  # no such question


def test_row_refs_in_document() -> None:
    survey = compile_text(
        """S1. Which of these pets do you keep? [CHECKBOX]
1 Dog
2 Cat
3 Rabbit
[QUALIFY: MUST SELECT S1r2 (CAT). ALL OTHERS TERM.]

Q2. Which of these do you buy? [CHECKBOX]
1 Food
2 Toys
3 Litter

[ASK IF Q2r3]
Q3. Which brand of litter do you use most?
1 Own label
2 Branded
"""
    )
    questions = by_id(survey)
    assert questions["S1"].terminate_if == "not (S1 contains '2')"
    assert questions["Q3"].display_if == "Q2 contains '3'"
