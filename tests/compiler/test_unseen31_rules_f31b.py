"""Conventions from unseen31 (customer-experience surveys), second half: a survey platform's
print view (boxed scale points, `Display logic:` / `Skip logic:` / `Block display logic: …
Applies to Q3–Q7.` boxes, `Screen-out:` lines), section-wide logic naming its questions last,
"Detractors only (Q5 = 0–6)", "Any of 1–3 ticked at C4", "Show Q6 only to customers with …",
rating bands with no question named under a comment box, camel-case CRM fields piped into the
words, and a sheet's `ROWS:` statements."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def _boxes(low: int, high: int) -> str:
    """A print view's scale points, each in a box of its own, written with no space between."""
    return "".join(f"<span>{n}</span>" for n in range(low, high + 1))


_PRINT_VIEW = f"""<html><body>
<div class="q"><span class="qid">Q1</span>
<p class="qtext">Do you own a canoe?</p>
<ul><li>Yes</li><li>Shared with a friend</li><li>No</li></ul>
<div class="logic">Screen-out: if "No" → thank and close (end message "Sorry").</div>
</div>
<div class="q"><span class="qid">Q2</span>
<p class="qtext">Where do you paddle most?</p>
<ul><li>On a river</li><li>On a lake</li><li>At sea</li></ul>
</div>
<div class="block-head">Block: Rivers</div>
<div class="block-logic">Block display logic: Q2 = On a river. Applies to Q3–Q5.</div>
<div class="q"><span class="qid">Q3</span>
<p class="qtext">How happy are you with the river access?</p>
<div class="scale">Very unhappy {_boxes(1, 5)} Very happy</div>
</div>
<div class="q"><span class="qid">Q4</span>
<p class="qtext">Did you find a launch point?</p>
<ul><li>Yes</li><li>Partly</li><li>No</li></ul>
<div class="logic">Skip logic: if "Yes" → skip to Q6.</div>
</div>
<div class="q"><span class="qid">Q5</span>
<p class="qtext">What was missing at the launch point?</p>
<p class="hint">Text entry – essay box</p>
<div class="logic">Display logic: Q3 is 1 or 2.</div>
</div>
<div class="q"><span class="qid">Q6</span>
<p class="qtext">How likely are you to recommend the club?</p>
<div class="scale">Not at all likely {_boxes(0, 10)} Extremely likely</div>
</div>
<div class="q"><span class="qid">Q7</span>
<p class="qtext">What would make you more likely to recommend us?</p>
<div class="logic">Display logic: detractors and passives only (Q6 ≤ 8).</div>
</div>
</body></html>
"""


def test_print_view_logic_boxes_blocks_and_boxed_points() -> None:
    survey = by_id(compile_document(read_document(_PRINT_VIEW.encode(), "canoe.html")).survey)
    assert survey["Q1"].terminate_if == "Q1 == '3'"
    # the boxed points are five numbers, not "12345"
    assert survey["Q3"].type == "scale"
    assert [o.code for o in survey["Q3"].options] == ["1", "2", "3", "4", "5"]
    # the block's filter on every question it names
    assert survey["Q3"].display_if == "Q2 == '1'"
    assert survey["Q5"].display_if == "(Q2 == '1') and (Q3 in ['1','2'])"
    assert survey["Q6"].display_if is None
    # a skip-logic line is routing, not a fourth answer
    assert [o.label for o in survey["Q4"].options] == ["Yes", "Partly", "No"]
    assert [(s.if_, s.to) for s in survey["Q4"].skip_to] == [("Q4 == '1'", "Q6")]
    assert survey["Q7"].display_if == "Q6 in ['0','1','2','3','4','5','6','7','8']"


def test_whole_section_logic_naming_its_questions_last() -> None:
    survey = by_id(
        compile_text(
            """R1. How did you travel?
○ By bus
○ By tram
○ On foot

Bus
[Logic: Whole section – only for people who came by bus at R1. R2 to R3.]

R2. Was the bus on time?
○ Yes
○ No

R3. How crowded was it?
○ Very
○ A little

Tram
[Logic: Whole section – only for tram riders (R1 = 2). R4 and R5.]

R4. Was the tram clean?
○ Yes
○ No

R5. Did you find a seat?
○ Yes
○ No

R6. Any other comments?
""",
            "trip.md",
        )
    )
    assert survey["R2"].display_if == "R1 == '1'"
    assert survey["R3"].display_if == "R1 == '1'"
    assert survey["R4"].display_if == "R1 == '2'"
    assert survey["R5"].display_if == "R1 == '2'"
    assert survey["R6"].display_if is None


def test_group_only_tests_any_of_codes_and_show_to_whom() -> None:
    survey = by_id(
        compile_text(
            """C1. How likely are you to recommend the bakery?
Not at all likely 0 1 2 3 4 5 6 7 8 9 10 Extremely likely
C2. Why that score?
[Detractors only (C1 = 0–6)]
C3. What could we do better?
[Passives and detractors only (0–8 at C1).]
C4. Which of these went wrong? Tick all that apply.
☐ Stale bread
☐ Long queue
☐ Wrong order
☐ Nothing
C5. Tell us more.
[Any of 1–3 ticked at C4.]
C6. Please describe the problem with your loaf.
[Show C6 only to customers with a score of 0–4 at C1.]
""",
            "bakery.txt",
        )
    )
    assert survey["C2"].display_if == "C1 in ['0','1','2','3','4','5','6']"
    assert survey["C3"].display_if == "C1 in ['0','1','2','3','4','5','6','7','8']"
    assert survey["C5"].display_if == "C4 contains '1' or C4 contains '2' or C4 contains '3'"
    assert survey["C6"].display_if == "C1 in ['0','1','2','3','4']"


def test_rating_band_with_no_question_named_tests_the_scale_above_the_comment_box() -> None:
    survey = by_id(
        compile_text(
            """Q1. How pleased are you with the repair?
Very displeased 1 2 3 4 5 Very pleased
Q2. Sorry about that. What went wrong?
[Logic: If rating 1–2 ask Q2.]
Q3. Glad to hear it. What went well?
[Logic: If rating 4–5 ask Q3.]
""",
            "repair.txt",
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['1','2']"
    # Q2 is a comment box: the band is the rating's, not Q2's
    assert survey["Q3"].display_if == "Q1 in ['4','5']"


def test_camel_case_fields_piped_into_the_words_stay() -> None:
    survey = by_id(
        compile_text(
            """Q1. How long did you queue at {ShopName}?
○ Not at all
○ A while
Q2. Hello {FirstName}, was order {OrderRef} complete?
○ Yes
○ No
""",
            "pipes.txt",
        )
    )
    assert survey["Q1"].text == "How long did you queue at {ShopName}?"
    assert survey["Q2"].text == "Hello {FirstName}, was order {OrderRef} complete?"


def _rows_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q No", "Question / answer text", "Code", "Type", "Routing"])
    sheet.append(["Q1", "Please rate the ferry on each of these.", None, "Grid", None])
    sheet.append([None, "ROWS: Punctuality", None])
    sheet.append([None, "ROWS: Comfort of the seats", None])
    sheet.append([None, "Poor", 1])
    sheet.append([None, "Fair", 2])
    sheet.append([None, "Good", 3])
    sheet.append(["Q2", "Would you sail with us again?", None, "Single", None])
    sheet.append([None, "Yes", 1])
    sheet.append([None, "No", 2])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_sheet_rows_under_their_head_word_lose_it() -> None:
    survey = by_id(compile_document(read_document(_rows_sheet(), "ferry.xlsx")).survey)
    assert survey["Q1"].type == "grid"
    assert [r.label for r in survey["Q1"].rows] == ["Punctuality", "Comfort of the seats"]
    assert [o.label for o in survey["Q1"].options] == ["Poor", "Fair", "Good"]
