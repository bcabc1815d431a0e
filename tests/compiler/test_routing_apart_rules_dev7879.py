"""Routing written apart from the questions (fix-dev7879): a routing table printed as lines
(`K2 -> asked if K1 = 2.`) or as a flow list (`K1 → END (if 3) / K2 (if 1 or 2)`), a form
builder's notes naming questions by their words (`Shown when “…?” is “Yes”`), `Routing:` notes
under each question's answers, and a skip to the very next question. Invented wording."""

from __future__ import annotations

from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str, name: str = "q.txt") -> dict[str, Question]:
    return by_id(compile_text(body, name))


_PANEL = """\
K1    Do you keep any animals at home?
          1  Yes, dogs
          2  Yes, other animals
          3  No

K2    How many animals do you keep?
          ENTER NUMBER  RANGE 0-50

K3    Do you insure any of them?
          1  Yes
          2  No

K4    Who is your insurer?
          1  Pawsure
          2  Another insurer

K5    How would you rate your local vet?
          1  Good
          2  Poor

{caption}
K1   -> all respondents.
K2   -> asked if K1 = 1 or 2.
K3   -> asked if K1 = 1 or 2 and K2 is more than 0.  If K3 = 2 -> go to K5.
K4   -> no filter of its own (see K3).
K5   -> asked unless K1 = 3 (no animals).
"""


def test_routing_table_printed_as_lines_routes_the_questions_it_names() -> None:
    questions = _text(_PANEL.format(caption="ROUTING TABLE - MODULE K"))
    assert set(questions) == {"K1", "K2", "K3", "K4", "K5"}
    assert questions["K2"].display_if == "K1 in ['1','2']"
    assert questions["K3"].display_if == "K1 in ['1','2'] and K2 > 0"
    assert [(rule.if_, rule.to) for rule in questions["K3"].skip_to] == [("K3 == '2'", "K5")]
    assert questions["K4"].display_if is None
    assert questions["K5"].display_if == "not (K1 == '3')"


def test_id_arrow_lines_without_a_routing_caption_are_not_a_routing_table() -> None:
    questions = _text(_PANEL.format(caption="NOTES FOR THE TEAM"))
    assert questions["K2"].display_if is None
    assert questions["K5"].display_if is None


_FLOW = """\
Flow of the interview

- K1 → END (if 3) / K2 (if 1 or 2)
- K2 → END (if under 18 or over 70) / K3 (otherwise)
- K3 → K4 (all)

K1. Do you keep any animals at home?
Yes, dogs (1)
Yes, other animals (2)
No (3)

K2. How old are you?
Number, 10-99.

K3. Do you insure any of them?
Yes (1)
No (2)

K4. Who is your insurer?
Pawsure (1)
Another insurer (2)
"""


def test_flow_list_at_the_top_gives_screen_outs_and_no_onward_skips() -> None:
    questions = _text(_FLOW, "flow.md")
    assert questions["K1"].terminate_if == "K1 == '3'"
    assert questions["K1"].skip_to == []
    assert questions["K2"].terminate_if == "K2 < 18 or K2 > 70"
    assert questions["K3"].skip_to == []


_FORM = """\
1. Did you go to the fair?
○ Yes
○ No
Branching: “No” → jumps to question 4

2. Which day did you go?
○ Saturday
○ Sunday

3. Did you bring children?
○ Yes
○ No
Shown when “Which day did you go?” is “Sunday”

4. Would you come again?
○ Yes
○ Maybe
○ No

5. What would bring you back?
Not shown when “Would you come again?” is “Yes”

6. What did you like best?
Shown when “Did you bring children?” is “Yes” or “No”
"""


def test_form_notes_naming_questions_by_their_words() -> None:
    questions = _text(_FORM)
    assert [(rule.if_, rule.to) for rule in questions["Q1"].skip_to] == [("Q1 == '2'", "Q4")]
    assert questions["Q3"].display_if == "Q2 == '2'"
    assert questions["Q5"].display_if == "not (Q4 == '1')"
    assert questions["Q6"].display_if == "Q3 in ['1','2']"


def test_form_note_quoting_words_of_no_question_is_left() -> None:
    questions = _text(_FORM.replace("“Which day did you go?”", "“Which week did you go?”"))
    assert questions["Q3"].display_if is None


_ROUTED = """\
EP1\tWhere do you work?
[1] Shop
[2] Office
[3] Agency
Routing: 3 → end (agency staff see the closing page).
EP2\tDo you manage people?
[1] Yes
[2] No
EP3\tHow many people report to you?
Number box, 1-50.
Routing: EP2 = 1.
EP4\tHow often do you work from home?
[1] Often
[2] Never
Routing: office staff only (EP1 = 2).
EP5\tHow many days a week?
Number box, 0-5.
Routing: if EP4 is 1.
EP6\tAny other comments?
EP7\tWhat is your age group?
[1] Under 30
[2] 30 or over
EP8\tAnything else?
END\tThank you.
"""


def test_routing_notes_under_the_answers_are_the_questions_own() -> None:
    questions = _text(_ROUTED)
    assert questions["EP1"].terminate_if == "EP1 == '3'"
    assert questions["EP3"].display_if == "EP2 == '1'"
    assert questions["EP4"].display_if == "EP1 == '2'"
    assert questions["EP5"].display_if == "EP4 == '1'"
    assert questions["EP6"].display_if is None


def test_skip_to_the_next_question_is_no_routing() -> None:
    questions = _text(
        """\
Q1. Do you cycle?
1 Yes → Q2
2 No

Q2. How far?
1 Under 5 km
2 5 km or more

Q3. Do you have a helmet?
1 Yes → Q4
2 No → Q5

Q4. Would you cycle more with more lanes?
1 Yes
2 No

Q5. Any comments?
"""
    )
    # "1 Yes → Q2" with Q2 next: the default flow
    assert questions["Q1"].skip_to == []
    # a jump past one question stays (here with its pair folded into Q4's filter)
    assert questions["Q4"].display_if == "Q3 == '1'"
