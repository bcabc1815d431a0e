"""General conventions met in a sixteenth blind batch (a telephone omnibus module in plain text,
an agency exit interview printed to PDF), one small case each, in their own invented words."""

from __future__ import annotations

from fielder.compiler.bracketed_answers import bracketed_answers, is_bracketed_answer
from fielder.compiler.named_routes import named_route
from tests.compiler.conftest import by_id, compile_text

_PHONE_MODULE = """
P1.  Do you hold a library card for your local branch?
        1  Yes
        2  No             -> GO TO END OF BLOCK (CLOSE)
        3  (NOT SURE)     -> GO TO END OF BLOCK (CLOSE)

P2.  How often do you visit the branch?  READ OUT
        1  Weekly
        2  Monthly
        3  Less often
        4  (CAN'T SAY)

P3.  Which of these have you borrowed this year?  READ OUT. MR
        1  Novels
        2  Films
        3  Magazines
        6  (NONE OF THESE)   - SINGLE CODE ONLY
        7  (NOT SURE)        - SINGLE CODE ONLY

P4.  Where did you hear about the reading club?  DO NOT READ. MULTIPLES OK
        1  Poster
        2  Website
        3  Staff
        8  (NOT SURE)    - EXCLUSIVE

P5.  On a scale of 1 to 5, where 1 is very poor and 5 is excellent, how do you rate the
     opening hours?
        1 - 5   RECORD SCORE
        98  (DON'T KNOW)

CLOSE. That is the end of this part.
"""


def test_never_read_answers_in_brackets_keep_their_words_as_labels() -> None:
    questions = by_id(compile_text(_PHONE_MODULE))
    card = questions["P1"]
    assert [(o.code, o.label) for o in card.options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("3", "NOT SURE"),
    ]
    # the id in brackets after a described destination is where the route goes
    assert [(s.if_, s.to) for s in card.skip_to] == [("P1 in ['2','3']", "CLOSE")]
    assert [o.label for o in questions["P2"].options][-1] == "CAN'T SAY"
    borrowed = questions["P3"]
    assert borrowed.type == "multi"
    assert [(o.code, o.label, o.exclusive) for o in borrowed.options][-2:] == [
        ("6", "NONE OF THESE", True),
        ("7", "NOT SURE", True),
    ]


def test_multiples_ok_makes_a_multi_and_a_dashed_tag_marks_its_answer() -> None:
    heard = by_id(compile_text(_PHONE_MODULE))["P4"]
    assert heard.type == "multi"
    assert [(o.code, o.exclusive) for o in heard.options][-1] == ("8", True)


def test_a_scale_written_in_the_question_keeps_its_points_beside_a_no_score_code() -> None:
    hours = by_id(compile_text(_PHONE_MODULE))["P5"]
    assert hours.type == "scale"
    assert [o.code for o in hours.options] == ["1", "2", "3", "4", "5", "98"]
    assert hours.options[0].label == "Very poor"
    assert hours.options[-1].label == "DON'T KNOW"


def test_bracketed_answer_rule_leaves_notes_and_labelled_answers_alone() -> None:
    assert bracketed_answers("4  (REFUSED)") == ("4  REFUSED", [])
    assert bracketed_answers("6  (NOTHING)   - EXCLUSIVE") == ("6  NOTHING", ["EXCLUSIVE"])
    assert bracketed_answers("5  (DO NOT READ)") == ("5  (DO NOT READ)", [])
    assert bracketed_answers("Other 7 (SPECIFY)") == ("Other 7 (SPECIFY)", [])
    assert bracketed_answers("Your area (POSTCODE) please") == ("Your area (POSTCODE) please", [])
    assert is_bracketed_answer("  9  (NO OPINION)")
    assert not is_bracketed_answer("9  No opinion")


def test_named_route_takes_the_id_in_brackets() -> None:
    assert named_route("No  -> SKIP TO THE LAST PAGE (Q30)") == "No  -> SKIP TO Q30"
    assert named_route("No  -> GO TO Q5 (P2)") == "No  -> GO TO Q5 (P2)"
    assert named_route("No  -> GO TO Q5") == "No  -> GO TO Q5"
