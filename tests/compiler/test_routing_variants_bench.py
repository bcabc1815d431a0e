"""The phrasings of `bench.routing_variants` write what they claim; the render keeps the gold."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from bench.accuracy import figures, score_file
from bench.routing_variants import (
    BLIND,
    BY_NAME,
    PHRASINGS,
    Doc,
    canonical_blocks,
    classify,
    dev_golds,
    gold_words,
    render,
    variant,
)

GOLD: dict[str, Any] = {
    "file": "garden.txt",
    "questions": [
        {
            "id": "Q1",
            "type": "single",
            "text": "Do you have a garden?",
            "options": [
                {"code": "1", "label": "Yes"},
                {"code": "2", "label": "No"},
                {"code": "3", "label": "Not sure"},
            ],
            "terminate_if": "Q1 == '3'",
            "skip_to": [{"if": "Q1 == '2'", "to": "Q7"}],
        },
        {"id": "Q2", "type": "number", "text": "How old are you?"},
        {
            "id": "Q3",
            "type": "multi",
            "text": "Which plants do you grow?",
            "options": [
                {"code": "1", "label": "Roses"},
                {"code": "2", "label": "Tulips"},
                {"code": "3", "label": "Ferns"},
            ],
            "display_if": "Q1 == '1'",
        },
        {
            "id": "Q4",
            "type": "single",
            "text": "How often do you water the garden?",
            "options": [
                {"code": "1", "label": "Daily"},
                {"code": "2", "label": "Weekly"},
                {"code": "3", "label": "Never"},
            ],
            "display_if": "Q1 == '1'",
        },
        {
            "id": "Q5",
            "type": "long_text",
            "text": "Why do you grow roses?",
            "display_if": "Q3 contains '1'",
        },
        {
            "id": "Q6",
            "type": "long_text",
            "text": "What stops you watering more often?",
            "display_if": "not (Q4 == '1')",
        },
        {
            "id": "Q7",
            "type": "single",
            "text": "Would you join a garden club?",
            "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}],
            "display_if": "Q2 >= 18",
        },
        {
            "id": "Q8",
            "type": "long_text",
            "text": "Which club would you join?",
            "display_if": "Q7 == '1' and Q4 == '2'",
        },
        {
            "id": "Q9",
            "type": "long_text",
            "text": "Where did you hear about clubs?",
            "display_if": "Q7 == '1' or Q1 == '3'",
        },
    ],
}

# what each phrasing must write somewhere in its variant of GOLD
CLAIMS = {
    "ask_if_plain": "Ask if Q1 = 1",
    "ask_all_who_said": "ASK ALL WHO SAID YES AT Q1",
    "only_answer_if_you_said": "Only answer this if you said 'Yes' at Q1",
    "label_only": "Q1 = Yes only",
    "filter_slash": "Filter: Q1/1",
    "base_those_who": "Base: those who answered 'Yes' at Q1",
    "if_label_colon": "If yes at Q1:",
    "paren_only_if": "Q4. How often do you water the garden? (Only if 'Yes' at Q1)",
    "ask_if_after_text": "Q4. How often do you water the garden? [ASK IF Q1 = 1]",
    "code_in_question_n": "Those who answered code 1 in question 1",
    "asked_to_range": None,  # no filter on consecutive codes in GOLD
    "contains_selected": "Ask all who selected 'Roses' at Q3",
    "contains_code_mentioned": "ASK IF CODE 1 MENTIONED AT Q3",
    "not_for_those": "Not for those who said 'Daily' at Q4",
    "everyone_except_code": "For everyone except code 1 at Q4",
    "ask_if_not_equal_ascii": "ASK IF Q4 <> 1",
    "if_number_words": "If Q2 is 18 or more",
    "paren_only_if_number": "Q7. Would you join a garden club? (Only if Q2 is 18 or more)",
    "only_if_and": "Only if Q7=1 AND Q4=2",
    "bare_or": "Q7=1 OR Q1=3",
    "ask_those_compound_words": "Ask those who said 'Yes' at Q7 and 'Weekly' at Q4",
    "run_questions_to": "Questions 3 to 4 only for those who said 'Yes' at Q1",
    "run_ask_range_if": "ASK Q3-Q4 IF Q1 = 1",
    "run_section_only_if": "SECTION B: ONLY IF Q1 = 1",
    "skip_arrow_goto": "2. No  → Go to Q7",
    "skip_ascii_arrow": "2. No  -> Q7",
    "skip_paren_mixed": "2. No  (Skip to Q7)",
    "skip_caps_goto": "2. No  GO TO Q7",
    "skip_jump_question_n": "2. No  Jump to question 7",
    "skip_continue_at": "2. No  (please continue at Q7)",
    "skip_pass_to": "2. No  pass to Q7",
    "skip_goto_question_n": "2. No  Go to question 7",
    "skip_if_label_goto": "If No, go to Q7.",
    "skip_if_eq_caps": "IF Q1 = 2, SKIP TO Q7",
    "end_terminate_bare": "3. Not sure  TERMINATE",
    "end_arrow_close": "3. Not sure  → Close interview",
    "end_thank_and_end": "3. Not sure  Thank and end",
    "end_screen_out": "3. Not sure  SCREEN OUT",
    "end_close_caps": "3. Not sure  CLOSE",
    "end_politely": "3. Not sure  (end the interview politely)",
    "end_if_code_survey": "If 3, end the survey.",
    "end_if_number_words": None,  # no number screen-out in GOLD
    # new phrasings (end of session 24)
    "only_answer_qid_if_ticked": "Only answer Q4 if you ticked 'Yes' at Q1",
    "if_you_ticked_please_answer": "If you ticked 'Yes' at Q1, please answer this question.",
    "paren_only_if_at_number": "Q4. How often do you water the garden? (only if Yes at 1)",
    "q_is_for_those": "Q4 is for those who said 'Yes' at Q1.",
    "filter_only_who_responded": "Filter: only who responded code 1 in Q1",
    "universe_eq": "Universe: Q7 = 1 AND Q4 = 2",
    "asked_of_label": "Asked of: those who said 'Yes' at Q1",
    "who_colon": "Who: those with Q1 = 1",
    "routing_q_if": "Routing: Q4 if Q1 = 1",
    "bracket_bare_eq": "[Q1=1]",
    "angle_bare_eq": "<Q1 = 1>",
    "paren_bare_after_text": "Q4. How often do you water the garden? (Q1=1)",
    "if_else_branch": None,  # no filter on the question right above in GOLD (see below)
    "not_asked_if": "Not asked if Q4 = 1",
    "leave_blank_if_label": "Leave this blank if you said 'Daily' at Q4.",
    "show_if_includes": "SHOW IF Q3 INCLUDES 1",
    "paren_ticked_at": "Q5. Why do you grow roses? (only if you ticked 'Roses' at Q3)",
    "under_only_if_number": "(Only if Q2 is 18 or more.)",
    "ask_q_only_if_number": "[ASK Q7 ONLY IF 18 OR MORE AT Q2]",
    "filter_either_or": "Filter: asked where either Q7 is 1 or Q1 is 3",
    "run_colon_range": "Q3–Q4: only if Q1 = 1.",
    "run_are_for_else": "Q3 to Q4 are for those who answered 1 at Q1. Everyone else go to Q5.",
    "run_section_whole": "SECTION B – WHOLE SECTION: ASK IF Q1 = 1",
    "skip_jump_ahead": "2. No  → jump ahead to Q7",
    "skip_go_straight": "2. No  >> go straight to Q7",
    "skip_routing_line": "ROUTING: IF Q1 = 2 GO TO Q7.",
    "skip_codes_go_to": "Code 2 goes to Q7.",
    "skip_if_else_arrow": "IF Q1 = 2 → Q7 ELSE → Q2",
    "end_no_need_rest": "3. Not sure  – thank you, you don't need to fill in the rest",
    "end_pn_screen_out": "PN: SCREEN OUT IF CODE 3 AT Q1.",
    "end_close_if_number": None,  # no number screen-out in GOLD (see below)
}


def test_every_phrasing_has_a_claim() -> None:
    assert set(CLAIMS) == set(BY_NAME)
    assert 70 <= len(PHRASINGS) <= 80


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_phrasing_writes_what_it_claims(name: str) -> None:
    made = variant(Doc(GOLD), BY_NAME[name])
    claim = CLAIMS[name]
    if claim is None:
        assert made is None
        return
    assert made is not None
    text, touched = made
    assert claim in text.split("\n") or any(claim in line for line in text.split("\n"))
    assert touched
    # the canonical spelling of what the phrasing rewrote is gone from those questions
    phrasing = BY_NAME[name]
    if phrasing.logic == "display_if":
        lines = text.split("\n")
        for qid in touched:
            head = next(i for i, line in enumerate(lines) if line.startswith(f"{qid}. "))
            assert not lines[head - 1].startswith("[ASK IF"), qid
    if phrasing.logic == "skip_to":
        assert "(SKIP TO Q7)" not in text
    if phrasing.logic == "terminate_if":
        assert "3. Not sure  [TERMINATE]" not in text


def test_section_run_closes_its_section() -> None:
    made = variant(Doc(GOLD), BY_NAME["run_section_only_if"])
    assert made is not None
    lines = made[0].split("\n")
    assert lines.index("SECTION C") > lines.index("Q4. How often do you water the garden?")
    assert lines.index("SECTION C") < lines.index("Q5. Why do you grow roses?")


def test_label_phrasings_refuse_labels_with_quotes() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][0]["options"][0]["label"] = "Yes, it's mine"
    assert (
        variant(Doc(gold), BY_NAME["label_only"]) is None
        or "Q1 = Yes" not in (variant(Doc(gold), BY_NAME["label_only"]) or ("", []))[0]
    )


@pytest.mark.parametrize("name", ["canonical", *sorted(CLAIMS)])
def test_render_keeps_every_gold_text_and_label(name: str) -> None:
    doc = Doc(GOLD)
    if name == "canonical":
        blocks = canonical_blocks(doc)
        assert blocks is not None
        text = render(blocks)
    else:
        made = variant(doc, BY_NAME[name])
        if made is None:
            return
        text = made[0]
    lines = text.split("\n")
    for word in gold_words(GOLD):
        assert any(word in line for line in lines), word
    for question in GOLD["questions"]:
        assert any(line.startswith(f"{question['id']}. {question['text']}") for line in lines)


def test_compound_words_name_one_code_a_part() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][7]["display_if"] = "Q7 == '1' and Q4 in ['2','3']"
    made = variant(Doc(gold), BY_NAME["ask_those_compound_words"])
    assert made is None or "Q8" not in made[1]


def test_label_phrasings_refuse_labels_with_their_own_or() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][0]["options"][0]["label"] = "Yes or maybe"
    made = variant(Doc(gold), BY_NAME["label_only"])
    assert made is None or "Q4" not in made[1]


def test_classify_kinds() -> None:
    kinds = {
        "Q1 == '1'": "codes",
        "Q1 in ['1','3']": "codes",
        "Q3 contains '1' or Q3 contains '2'": "contains",
        "not (Q4 == '1')": "not",
        "Q2 >= 18": "num",
        "Q7 == '1' and Q4 == '2'": "and",
        "Q7 == '1' or Q1 == '3'": "or",
    }
    for expression, kind in kinds.items():
        cond = classify(expression)
        assert cond is not None, expression
        assert cond.kind == kind, expression


def test_canonical_form_round_trips(tmp_path: Path) -> None:
    blocks = canonical_blocks(Doc(GOLD))
    assert blocks is not None
    (tmp_path / "garden.txt").write_text(render(blocks), encoding="utf-8")
    (tmp_path / "garden.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    result = figures(score_file(tmp_path / "garden.gold.json"))
    assert result["f1"] == result["type"] == result["logic"] == 1.0


def test_blind_batches_are_never_read() -> None:
    assert BLIND == {"unseen81", "unseen82", "unseen83"}
    assert not any(p.parent.name in BLIND for p in dev_golds())


def test_branch_pair_names_both_branches() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][7]["display_if"] = "Q7 == '1'"
    made = variant(Doc(gold), BY_NAME["if_else_branch"])
    assert made is not None
    assert "IF Q7 = 1 → Q8 ELSE → Q9" in made[0].split("\n")
    assert made[1] == ["Q8"]


def test_close_if_number_under_its_question() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][1]["terminate_if"] = "Q2 < 18"
    made = variant(Doc(gold), BY_NAME["end_close_if_number"])
    assert made is not None
    lines = made[0].split("\n")
    assert "Close if less than 18." in lines
    assert not any(line.startswith("[TERMINATE IF Q2") for line in lines)
    assert made[1] == ["Q2"]


def test_under_placement_writes_below_the_answers() -> None:
    made = variant(Doc(GOLD), BY_NAME["leave_blank_if_label"])
    assert made is not None
    lines = made[0].split("\n")
    head = lines.index("Q6. What stops you watering more often?")
    assert lines[head - 1] != "[ASK IF Q4 ≠ 1]"
    assert lines[head + 2] == "Leave this blank if you said 'Daily' at Q4."


def test_codes_go_to_names_every_code() -> None:
    gold = copy.deepcopy(GOLD)
    gold["questions"][0]["skip_to"] = [{"if": "Q1 in ['2','3']", "to": "Q7"}]
    del gold["questions"][0]["terminate_if"]
    made = variant(Doc(gold), BY_NAME["skip_codes_go_to"])
    assert made is not None
    assert "Codes 2 and 3 go to Q7." in made[0].split("\n")
