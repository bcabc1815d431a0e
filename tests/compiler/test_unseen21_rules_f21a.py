"""Routing written by answer labels and in section titles (unseen21, fix f21a), one small case
each, in invented words: a section heading that names its filter in brackets, a filter that
denies an answer named by its quoted label, an answer named in prose whose label has "or" in it,
and a PDF question wrapped under the words after its lettered label."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.ir import validate
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import make_pdf, text_ops

_TITLED_SECTIONS = """\
**H1.** Do you keep bees?

- Yes (1)
- No (2)
- Used to (3)

## K. Beekeepers only (H1 = "Yes")

*Everyone else goes on to Section M.*

**K1.** How many hives do you keep?

- One (1)
- Two to five (2)
- More than five (3)

**K2.** Have you had a swarm this year?

- Yes (1)
- No (2)

*Ask those who say 'Yes' at K2.*

**K3.** Did you catch it?

- Yes (1)
- No (2)

## M. Past keepers (H1 = 2 or 3)

**M1.** Why did you stop?

## N. Everyone (Q1-Q9)

**N1.** Would you recommend beekeeping?

- Yes (1)
- No (2)
"""


def test_heading_filter_is_every_section_question_filter() -> None:
    questions = by_id(compile_text(_TITLED_SECTIONS, "bees.md"))
    assert questions["H1"].display_if is None
    assert questions["K1"].display_if == "H1 == '1'"
    assert questions["K2"].display_if == "H1 == '1'"
    # the question's own filter joins the section's
    assert "K2 == '1'" in (questions["K3"].display_if or "")
    assert "H1 == '1'" in (questions["K3"].display_if or "")
    assert questions["M1"].display_if == "H1 in ['2','3']"
    # a range of the questions held is no filter, and the section's filter ends at the next
    assert questions["N1"].display_if is None


_DENIED_LABEL = """\
**T1.** Which of these did you pack for the trip? **[multi]**

- Tent (1)
- Stove (2)
- Map (3)
- None of these (4) — *exclusive*

*Ask if not 'None of these' at T1.*

**T2.** Which did you use most?

- Tent (1)
- Stove (2)
- Map (3)
"""


def test_not_before_a_quoted_label_denies_it() -> None:
    questions = by_id(compile_text(_DENIED_LABEL, "trip.md"))
    assert questions["T2"].display_if == "not (T1 contains '4')"


def _hanging_pdf() -> bytes:
    ops = [
        text_ops(54, 760, "K4.", bold=True),
        text_ops(
            94,
            760,
            "Which of these garden birds have you seen at your feeder in the last month or so?",
            bold=True,
        ),
        text_ops(94, 746, "Please tick all that apply.", bold=True),
        text_ops(94, 720, "Robin ........................................ 1"),
        text_ops(94, 706, "Blackbird ..................................... 2"),
        text_ops(54, 680, "K5.", bold=True),
        text_ops(94, 680, "Which one did you see most often?", bold=True),
        text_ops(94, 666, "Please tick one box.", bold=True),
        text_ops(94, 646, "Robin ........................................ 1"),
        text_ops(94, 632, "Blackbird ..................................... 2"),
    ]
    return make_pdf(["".join(ops)])


def test_pdf_question_wrapped_under_its_lettered_label_keeps_its_sentence() -> None:
    document = read_document(_hanging_pdf(), "birds.pdf")
    texts = [b.text for b in document.blocks]
    # wrapped at the right edge under the words after "K4." + tab: one paragraph
    assert texts[0].endswith("in the last month or so? Please tick all that apply.")
    # a short line that ends its question is no wrap: the sentence under it stays apart
    assert "Please tick one box." in texts
    questions = by_id(compile_document(document).survey)
    assert questions["K4"].text.endswith("Please tick all that apply.")


_PROSE_LABELS = """\
**V1.** Do you, or does anyone in your household, work in any of these fields? **[multi]**

- Market gardening (1)
- Journalism or publishing (2)
- The wool or cotton trade (spinning, weaving or dyeing) (3)
- Teaching (4)
- None of these (5) — *exclusive*

*Close if any work in market gardening or in the wool or cotton trade.*

**V2.** How old are you?
"""


def test_prose_names_answers_whose_labels_hold_or() -> None:
    questions = by_id(compile_text(_PROSE_LABELS, "fields.md"))
    assert questions["V1"].terminate_if == "V1 contains '1' or V1 contains '3'"


_BANNERS = """\
R1. Which of these instruments do you play? (MULTI CODE)
    1 = Piano
    2 = Violin
    3 = Neither

==========================================================
SECTION P - PIANISTS ONLY (R1 = 1)
==========================================================
P1. How many hours a week do you practise?
    1 = Under 2
    2 = 2 or more

==========================================================
SECTION V - VIOLINISTS (R1 = 2).  EVERYONE ELSE GOES ON TO SECTION W
==========================================================
V1. Do you play in an orchestra?
    1 = Yes
    2 = No

==========================================================
SECTION W - ABOUT YOU (ASK ALL)
==========================================================
W1. Are you a member of a music society?
    1 = Yes
    2 = No
"""


def test_long_banner_with_its_filter_opens_a_section() -> None:
    questions = by_id(compile_text(_BANNERS, "music.txt"))
    assert questions["P1"].display_if == "R1 contains '1'"
    # the section before ends at the long banner: its filter is the new section's own
    assert questions["V1"].display_if == "R1 contains '2'"
    assert questions["W1"].display_if is None


_DESCRIBED = """\
F1. Which of these ferry companies have you heard of? (MULTI CODE)
    1 = Bluewater Ferries
    2 = Island Link
    3 = Harbour Star
    4 = Other ferry company
    5 = None of these

(ASK IF AWARE OF BLUEWATER AT F1)
F2. How would you rate Bluewater overall?
    1 = Good
    2 = Poor

F3. Which company did you last sail with?
    1 = Bluewater Ferries
    2 = Island Link
    3 = Harbour Star
    4 = Other ferry company

(ASK IF A COMPANY IS NAMED AT F3 – CODES 1-3)
F4. How long ago was that?
    1 = This year
    2 = Before this year

(ASK IF NOT LAST WITH BLUEWATER – F3 NOT CODE 1)
F5. Would you consider Bluewater next time?
    1 = Yes
    2 = No

F6. How much did you enjoy the crossing, from 1 to 5?
    1 = Not at all
    2
    3
    4
    5 = A great deal

(ASK IF ENJOYED IT – CODES 4-5 AT F6)
F7. What did you enjoy most?
"""


def test_filters_described_in_words_then_coded() -> None:
    questions = by_id(compile_text(_DESCRIBED, "ferry.txt"))
    # the brand the respondent knows, named by the first word of its label
    assert questions["F2"].display_if == "F1 contains '1'"
    # the codes after a dash name the question's answers meant by the words
    assert questions["F4"].display_if == "F3 in ['1','2','3']"
    assert questions["F5"].display_if == "not (F3 == '1')"
    # a filter printed in brackets reads as one written bare
    assert questions["F7"].display_if == "F6 in ['4','5']"


_BANDED_QUOTAS = """\
A1. Which of these age groups are you in?
(QUOTA: 16-29 n=80, 30-44 n=80, 45-69 n=80)
    1 = Under 16
    2 = 16-21
    3 = 22-29
    4 = 30-39
    5 = 40-54
    6 = 55-69
    7 = 70 or over
"""


def test_quota_ages_over_banded_answers_use_the_bands_or_are_left_out() -> None:
    survey = compile_text(_BANDED_QUOTAS, "ages.txt")
    assert [(q.name, q.condition) for q in survey.quotas] == [("16-29 n=80", "A1 in ['2','3']")]
    # 30-44 and 45-69 cut through a band (40-54): no test can be trusted, so none is written
    assert [p for p in validate(survey) if p.severity == "error"] == []
