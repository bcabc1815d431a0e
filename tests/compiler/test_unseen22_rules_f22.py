"""General conventions met in the unseen22 batch (survey tools' printouts and exports), one small
case each, written in their own words (not taken from any fixture)."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_a_tools_internal_number_over_an_export_tag_is_not_the_id() -> None:
    survey = compile_text(
        """
        Start of Block: Harbour

        QID31

        H1 Which ferry did you take this morning?

        ○ Red line  (1)

        ○ Blue line  (2)

        Page Break

        QID32

        H2 How crowded was the deck?

        ○ Very  (1)

        ○ Not at all  (2)

        End of Block: Harbour
        """
    )
    assert list(by_id(survey)) == ["H1", "H2"]


_HARBOUR_EXPORT = """
Survey Flow

Block: Arrival (2 Questions)

Branch: New Branch

If

If  H1 = Red line  Is Selected

Standard: Red deck (2 Questions)

Standard: Leaving (1 Question)

Survey Questions

Start of Block: Arrival

H1 Which ferry did you take this morning?

○ Red line  (1)

○ Blue line  (2)

H2 How often do you cross?

○ Daily  (1)

○ Weekly  (2)

○ Never before  (3)

Skip To: End of Survey If H2 = Never before Is Selected And H1 = Blue line Is Selected

End of Block: Arrival

Start of Block: Red deck

R1 Which harbour do you live nearest to?

▼ Drop-down list

Northport (1)

Southbay (2)

Skip To: End of Block If R1 = Southbay

Display This Question:

If Which harbour do you live nearest to? = Northport

R2 Do you use the Northport car park?

○ Yes  (1)

○ No  (2)

End of Block: Red deck

Start of Block: Leaving

L1 How did you get to the harbour?

○ On foot  (1)

○ By car  (2)

End of Block: Leaving
"""


def test_a_survey_flow_branch_filters_the_block_it_leads_to() -> None:
    questions = by_id(compile_text(_HARBOUR_EXPORT))
    assert questions["R1"].display_if == "H1 == '1'"
    assert questions["R2"].display_if == "(R1 == '1') and (H1 == '1')"
    assert questions["L1"].display_if is None  # the branch holds the one block after it
    assert questions["H1"].display_if is None


def test_an_export_condition_joined_on_one_line_keeps_both_terms() -> None:
    questions = by_id(compile_text(_HARBOUR_EXPORT))
    assert questions["H2"].terminate_if == "H2 == '3' and H1 == '2'"


def test_skip_to_end_of_block_goes_to_the_next_blocks_first_question() -> None:
    questions = by_id(compile_text(_HARBOUR_EXPORT))
    assert [(s.if_, s.to) for s in questions["R1"].skip_to] == [("R1 == '2'", "L1")]


def test_a_drop_down_head_alone_makes_the_answers_under_it_a_drop_down() -> None:
    question = by_id(compile_text(_HARBOUR_EXPORT))["R1"]
    assert question.type == "dropdown"
    assert [(o.code, o.label) for o in question.options] == [("1", "Northport"), ("2", "Southbay")]


_GARDEN_EXPORT = """
# Riverside Gardens – Visitor Check-in

## Page 1 · Your visit

#### Field 1 · `visitor_age` · Number
How old are you? \\*

#### Field 2 · `ticket` · Single choice
Which ticket did you buy today?

- ( ) Day pass
- ( ) Season pass
- ( ) I came in free

#### Field 3 · `cafe_use` · Single choice
Did you visit the glasshouse café?

- ( ) Yes
- ( ) No

---

## Page 2 · Pass holders

#### Field 4 · `pass_months` · Number
How many months have you held your pass?

#### Field 5 · `ok` · Single choice
Is the pass good value?

- ( ) Yes
- ( ) No

## Page 3 · Last words

#### Field 6 · `spare_a` · Long text
Anything else you would like to tell the gardeners?

---

## Conditions (4)

1. IF *How old are you?* is less than 12 THEN End survey → *Screen out*
2. IF `ticket` is not equal to *Season pass* THEN Hide page → *Page 2 · Pass holders*
3. IF *Which ticket did you buy today?* is equal to *I came in free* THEN Skip to field → `spare_a`
4. IF `pass_months` is greater than 6 AND `ticket` is equal to *Season pass* THEN Show field → `ok`
"""


def test_a_form_exports_field_head_names_the_question_by_its_field_id() -> None:
    questions = by_id(compile_text(_GARDEN_EXPORT, "garden.md"))
    assert list(questions)[:2] == ["visitor_age", "ticket"]
    assert questions["visitor_age"].type == "number"
    assert questions["visitor_age"].text == "How old are you?"
    assert questions["spare_a"].type == "long_text"


def test_conditions_listed_after_the_fields_act_on_the_questions_they_name() -> None:
    questions = by_id(compile_text(_GARDEN_EXPORT, "garden.md"))
    assert questions["visitor_age"].terminate_if == "visitor_age < 12"
    assert questions["pass_months"].display_if == "ticket == '2'"  # hidden unless Season pass
    assert [(s.if_, s.to) for s in questions["ticket"].skip_to] == [("ticket == '3'", "spare_a")]
    shown = questions["ok"].display_if or ""
    assert "pass_months > 6" in shown
    assert "ticket == '2'" in shown


def test_a_form_builders_section_routing_under_each_answer() -> None:
    survey = compile_text(
        """
        Section 1 of 3

        Are you a registered volunteer? *

        Mark only one oval.

        ○ Yes

        → Continue to next section

        ○ No

        → Submit form

        Section 2 of 3

        Which shift do you usually take?

        Drop-down list. Choose one.

        1. Mornings

        2. Afternoons

        3. Weekends

        How do you reach the reserve?

        Mark only one oval.

        ○ Drive

        → Continue to next section

        ○ Cycle

        → Go to section 3 (Wrapping up)

        ○ Walk

        → Go to section 3 (Wrapping up)

        How many miles do you drive each way?

        Short answer text ____________________

        Section 3 of 3

        Wrapping up

        Anything else to tell the wardens?

        Long answer text ____________________
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert questions["Q1"].terminate_if == "Q1 == '2'"
    assert questions["Q2"].type == "dropdown"
    assert [o.label for o in questions["Q2"].options] == ["Mornings", "Afternoons", "Weekends"]
    assert [(s.if_, s.to) for s in questions["Q3"].skip_to] == [("Q3 in ['2','3']", "Q5")]
    assert questions["Q4"].type in ("text", "number")
    assert questions["Q5"].type == "long_text"


def test_a_linear_scale_table_with_end_words_beside_the_boxes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("How easy was it to book a pitch?")
    table = document.add_table(rows=2, cols=6)
    for column, text in enumerate(["", "1", "2", "3", "4", ""]):
        table.cell(0, column).text = text
    for column, text in enumerate(["Very hard", "○", "○", "○", "○", "Very easy"]):
        table.cell(1, column).text = text
    path = tmp_path / "pitch.docx"
    document.save(str(path))
    question = compile_document(read_path(path)).survey.questions()[0]
    assert question.type == "scale"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Very hard"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Very easy"),
    ]


_CARDS = """
# Library cafe check-in

MULTIPLE CHOICE

1→

## Do you hold a library card?

- Yes
- No, it expired
- No, I've never had one

Logic jump

- If 1 is “No, I've never had one” → go to Ending: Visitors (screen out)

NUMBER

2→

## How many books did you borrow this month?

Type your answer here...

Min number: 0 · Max number: 30

Logic jump

- If 2 is equal to 0 → go to 5

OPINION SCALE

3→

## How quiet is the reading room?

12345

Left: Noisy · Right: Silent

Logic jump

- If 3 is lower than 3 → go to 4
- All other cases → go to 5

MULTIPLE CHOICE · MULTIPLE SELECTION

4→

## What disturbs you?

- Phones
- Talking
- Other (type your answer)

STATEMENT

5→

## Thanks – two more questions about the cafe.

Button text: Continue

EMAIL

6→

## Leave your email for the newsletter.

name@example.com
"""


def test_a_one_question_forms_cards_and_logic_jumps() -> None:
    questions = by_id(compile_text(_CARDS, "cards.md"))
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    assert questions["Q1"].terminate_if == "Q1 == '3'"
    assert questions["Q2"].type == "number"
    assert questions["Q2"].validation is not None
    assert (questions["Q2"].validation.min, questions["Q2"].validation.max) == (0, 30)
    assert [(s.if_, s.to) for s in questions["Q2"].skip_to] == [("Q2 == 0", "Q5")]
    assert questions["Q3"].type == "scale"
    assert [(o.code, o.label) for o in questions["Q3"].options][::4] == [
        ("1", "Noisy"),
        ("5", "Silent"),
    ]
    assert questions["Q4"].display_if == "Q3 in ['1','2']"
    assert [o.label for o in questions["Q4"].options if o.specify] == ["Other"]
    assert questions["Q5"].type == "display"
    assert questions["Q6"].type == "email"


_PRINTABLE = """
Harbour rowing club - member survey

------------------------------------------------------------
Joining
------------------------------------------------------------

1 [member]Are you a rowing member of the club? *

Please choose only one of the following:

 ( ) Yes, senior [A1]
 ( ) Yes, junior [A2]
 ( ) No [A3]

   Quota "Non-members" (limit 0) - action: Terminate survey - members:
   Answer was 'No' at question '1 [member]' (Are you a rowing member of the club?)


2 [seasons]How many seasons have you rowed with us? *

Only numbers may be entered in this field.

Please write your answer here:

 [__________]

------------------------------------------------------------
Boats
Questions for rowing members.

Only answer the questions in this group if the following conditions are met:
   Answer was 'Yes, senior' OR 'Yes, junior' at question '1 [member]' (Are you a rowing member?)
------------------------------------------------------------

3 [boats]Which boats have you taken out?

Please choose all that apply:

 [ ] Email booking [SQ001]
 [ ] Single scull [SQ002]
 [ ] None of these [SQ003]


4 [coach]Would you like a coach for your first outings?

Only answer this question if the following conditions are met:
   ((seasons.NAOK < 2))

Please choose only one of the following:

 ( ) Yes [Y]
 ( ) No [N]


5 [why]Why have you taken no boat out?

Only answer this question if the following conditions are met:
   Answer was NOT 'None of these' at question '3 [boats]' (Which boats have you taken out?)

Please write your answer here:

 [__________]

6 [contact]Please enter your email address for the newsletter.

Only answer this question if the following conditions are met:
   ((coach.NAOK == "Y" or seasons.NAOK >= 5))

Please check the format of your answer: a valid email address.

Please write your answer here:

 [______________________________]
"""


def test_an_open_source_tools_printable_with_codes_in_square_brackets() -> None:
    questions = by_id(compile_text(_PRINTABLE))
    assert [o.code for o in questions["member"].options] == ["A1", "A2", "A3"]
    assert [o.code for o in questions["boats"].options] == ["SQ001", "SQ002", "SQ003"]
    assert questions["member"].terminate_if == "member == 'A3'"
    assert questions["boats"].display_if == "member in ['A1','A2']"
    assert questions["coach"].display_if == "(member in ['A1','A2']) and (seasons < 2)"
    assert questions["why"].display_if == (
        "(member in ['A1','A2']) and (not (boats contains 'SQ003'))"
    )
    assert questions["contact"].type == "email"
    assert questions["contact"].display_if == (
        "(member in ['A1','A2']) and (coach == 'Y' or seasons >= 5)"
    )
    assert questions["contact"].text == "Please enter your email address for the newsletter."
