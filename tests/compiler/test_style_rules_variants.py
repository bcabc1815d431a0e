"""Style variants read the same: sentence-case cues, bare numbering, code-first capitals."""

from __future__ import annotations

from pathlib import Path

from fielder.compiler import compile_document
from fielder.compiler.cue_case import _kind
from fielder.documents import read_path


def _compile(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "survey.txt"
    path.write_text(text, encoding="utf-8")
    return {q.id: q for q in compile_document(read_path(path)).survey.questions()}


CUED = """Q1: Which of these snacks have you bought this month?
    {multi}
        Crisps                                   (1)
        Nuts                                     (2)
        Popcorn                                  (3)
        None of these                            (4)

Q2: How often do you buy snacks at the station?
    {read}
        Every day                                (1)
        Every week                               (2)
        Less often                               (3)

Q3: Which shop did you use last?
    {dont}
        Kiosk                                    (1)
        Vending machine                          (2)
        Cafe                                     (3)
"""


def test_sentence_case_cues_read_as_the_capitals(tmp_path: Path) -> None:
    caps = _compile(
        tmp_path, CUED.format(multi="CODE ALL THAT APPLY", read="READ OUT", dont="DO NOT READ OUT")
    )
    plain = _compile(
        tmp_path,
        CUED.format(
            multi="Code all that apply", read="Read out", dont="Do not read out - probe fully"
        ),
    )
    for qid in ("Q1", "Q2", "Q3"):
        assert [o.label for o in plain[qid].options] == [o.label for o in caps[qid].options]
        assert plain[qid].type == caps[qid].type
    assert plain["Q1"].type == "multi"
    assert [o.label for o in plain["Q2"].options] == ["Every day", "Every week", "Less often"]


def test_cue_kinds_and_near_misses() -> None:
    assert _kind("Read out") == "cue"
    assert _kind("Do not read out. Single code.") == "cue"
    assert _kind("Show card C") == "cue"
    assert _kind("Read out. Multiple.") == "cue"  # a lone word beside a cue phrase
    assert _kind("Read") == "lone"  # counts only where the document shows it is a cue
    assert _kind("READ OUT") is None  # capitals already read
    assert _kind("Read out loud to the children") is None  # an answer, other words
    assert _kind("Single") is None  # a marital status
    assert _kind("Reading a book") is None


def test_a_lone_word_answer_stays_an_answer(tmp_path: Path) -> None:
    doc = (
        "Q1. What do you do on the bus?\n1. Read\n2. Sleep\n3. Look out of the window\n\n"
        "Q2. How long is your trip in minutes?\n"
    )
    found = _compile(tmp_path, doc)
    assert [o.label for o in found["Q1"].options] == ["Read", "Sleep", "Look out of the window"]


BARE = """S1. Are you the person who plans meals at home?
      Yes ........................... 1
      No ............................ 2   >> CLOSE

1. Which of these do you cook with most often during a normal
   week?
      Gas hob ....................... 1
      Electric hob .................. 2
      Induction hob ................. 3
      Open fire ..................... 4
      Something else ................ 96

2. Roughly how many evening meals did you cook at home in the last
   seven days?
      None .......................... 1
      One to three .................. 2
      Four or more .................. 3

3. Who usually does the washing up afterwards in your household?
      Me ............................ 1
      Someone else .................. 2
"""


def test_numbered_answers_are_no_questions(tmp_path: Path) -> None:
    doc = (
        "1. Which of these do you cook with most often at home?\n"
        "1. Gas hob\n2. Electric hob or induction hob in the kitchen\n3. Open fire\n\n"
        "2. Who usually does the washing up in your household?\n1. Me\n2. Someone else\n"
    )
    found = _compile(tmp_path, doc)
    assert set(found) == {"Q1", "Q2"}
    assert len(found["Q1"].options) == 3


def test_code_first_capitals_answer_with_its_route(tmp_path: Path) -> None:
    doc = (
        "HW1     Is there a working tap inside the dwelling?\n\n"
        "        1. YES\n"
        "        2. NO   -> GO TO HW3\n\n"
        "HW2     Where is the tap?\n\n        1. KITCHEN\n        2. BATHROOM\n\n"
        "HW3     How far is the nearest well?\n\n        1. NEAR\n        2. FAR\n"
    )
    found = _compile(tmp_path, doc)
    assert [(o.code, o.label) for o in found["HW1"].options] == [("1", "YES"), ("2", "NO")]
    assert found["HW1"].skip_to
    assert found["HW1"].skip_to[0].to == "HW3"


def test_numbered_routing_note_in_capitals_stays_a_note(tmp_path: Path) -> None:
    doc = (
        "HW1     Is there a working tap inside the dwelling?\n\n"
        "        1. YES\n        2. NO\n"
        "        2. IF NO -> GO TO HW3\n\n"
        "HW2     Where is the tap?\n\n        1. KITCHEN\n        2. BATHROOM\n\n"
        "HW3     How far is the nearest well?\n\n        1. NEAR\n        2. FAR\n"
    )
    found = _compile(tmp_path, doc)
    assert [o.label for o in found["HW1"].options] == ["YES", "NO"]


JUMPS = """Q1. How do you usually get to the allotment?

1) Car
2) Bus
3) Bicycle
4) On foot

If Bicycle, go to Q4.
If On foot, go to Q4.

Q2. How long does the drive take in minutes?

Q3. Do you pay for parking there?

1) Yes
2) No

Q4. Anything else to add?
"""


def test_jumps_written_under_numbered_answers_are_the_questions_skips(tmp_path: Path) -> None:
    found = _compile(tmp_path, JUMPS)
    assert found["Q2"].display_if is None
    assert [s.to for s in found["Q1"].skip_to] == ["Q4"]
    assert "'3'" in found["Q1"].skip_to[0].if_
    assert "'4'" in found["Q1"].skip_to[0].if_
