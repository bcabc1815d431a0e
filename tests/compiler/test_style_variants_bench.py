"""The style transforms of `bench.style_variants` rewrite only what they claim, and keep meaning."""

from __future__ import annotations

import re
from typing import Any

from bench.style_variants import (
    TRANSFORMS,
    coded_answers,
    question_heads,
    variant_of,
    variant_pair,
)

GOLD = {
    "questions": [
        {
            "id": "Q1",
            "type": "single",
            "text": "Do you keep any houseplants?",
            "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}],
        },
        {
            "id": "Q2",
            "type": "single",
            "text": "How often do you water them?",
            "options": [
                {"code": "1", "label": "Daily"},
                {"code": "2", "label": "Weekly"},
                {"code": "3", "label": "Rarely"},
            ],
        },
        {
            "id": "Q3",
            "type": "multi",
            "text": "Where do you buy plants?",
            "options": [
                {"code": "1", "label": "Garden centre"},
                {"code": "2", "label": "Supermarket"},
            ],
        },
        {"id": "Q4", "type": "text", "text": "Any tips for new plant owners?"},
    ]
}

DOC = """Q1. Do you keep any houseplants?
1. Yes
2. No  (GO TO Q4)

Q2. How often do you water them?
READ OUT
1. Daily
2. Weekly
3. Rarely

Q3. Where do you buy plants?
- Garden centre
- Supermarket

Q4. Any tips for new plant owners?
"""


def test_answers_and_heads_are_found_through_the_gold() -> None:
    answers = coded_answers(DOC, GOLD)
    assert [(a.code, a.label, a.form) for a in answers][:2] == [
        ("1", "Yes", "dot"),
        ("2", "No", "dot"),
    ]
    assert answers[1].tail.strip() == "(GO TO Q4)"
    assert [h.qid for h in question_heads(DOC, GOLD)] == ["Q1", "Q2", "Q3", "Q4"]


def test_codes_after_keeps_labels_and_tails() -> None:
    variant = variant_of("codes_after", DOC, GOLD)
    assert variant is not None
    assert "Yes (1)" in variant
    assert "No (2)  (GO TO Q4)" in variant
    assert "Q1. Do you keep" in variant  # heads untouched


def test_codes_leader_and_bracket() -> None:
    leader = variant_of("codes_leader", DOC, GOLD)
    bracket = variant_of("codes_bracket", DOC, GOLD)
    assert leader is not None
    assert "Weekly ...." in leader
    assert leader.count(" 3\n") == 1
    assert bracket is not None
    assert "[3] Rarely" in bracket


def test_numbering_styles() -> None:
    paren = variant_of("qnum_paren", DOC, GOLD)
    assert paren is not None
    assert "Q2) How often" in paren
    # numbered answers stand beside the heads: the bare form would be ambiguous, not tried
    assert variant_of("qnum_bare", DOC, GOLD) is None
    lettered = DOC.replace("\n1. ", "\na. ").replace("\n2. ", "\nb. ").replace("\n3. ", "\nc. ")
    bare = TRANSFORMS["qnum_bare"](lettered, GOLD)
    assert "\n2. How often" in bare
    assert bare.startswith("1. Do you keep")


def test_routing_styles() -> None:
    arrow = variant_of("route_arrow", DOC, GOLD)
    sentence = variant_of("route_sentence", DOC, GOLD)
    assert arrow is not None
    assert "2. No  → Q4" in arrow
    assert sentence is not None
    assert "2. No\n\nIf No, go to Q4." in sentence


def test_instructions_case_and_bullets() -> None:
    lower = variant_of("instructions_sentence", DOC, GOLD)
    assert lower is not None
    assert "\nRead out\n" in lower
    star = variant_of("bullets_star", DOC, GOLD)
    assert star is not None
    assert "* Garden centre" in star
    none = variant_of("bullets_none", DOC, GOLD)
    assert none is not None
    assert "\nSupermarket\n" in none


def test_a_transform_that_would_lose_gold_words_is_not_tried() -> None:
    gold = {"questions": [{**GOLD["questions"][1], "text": "How often? READ OUT"}]}
    doc = "Q2. How often? READ OUT\n1. Daily\n2. Weekly\n3. Rarely\n"
    assert variant_of("instructions_sentence", doc, gold) is None


def test_markdown_keeps_its_list_markers() -> None:
    # lines with no list marker run together into one paragraph in Markdown
    assert variant_of("bullets_none", DOC, GOLD, ".md") is None
    assert variant_of("bullets_star", DOC, GOLD, ".md") is not None


# ---------------------------------------------------------------- question-label styles

QUESTIONS: list[dict[str, Any]] = GOLD["questions"]  # type: ignore[assignment]
LOGIC_GOLD: dict[str, Any] = {
    "questions": [
        *QUESTIONS[:3],
        {
            "id": "Q4",
            "type": "text",
            "text": "Any tips for new plant owners?",
            "display_if": "Q1 == '1'",
        },
    ]
}
LOGIC_DOC = (
    DOC.replace("Q4. Any tips", "ASK IF Q1 = 1\nQ4. Any tips")
    .replace("1. Yes\n2. No  (GO TO Q4)", "Yes\nNo  (GO TO Q4)")
    .replace("1. Daily\n2. Weekly\n3. Rarely", "Daily .... 1\nWeekly .... 2\nRarely .... 3")
)


def _pair(name: str) -> tuple[str, dict[str, Any]]:
    pair = variant_pair(name, LOGIC_DOC, LOGIC_GOLD)
    assert pair is not None, name
    return pair


def test_hyphen_label_folds_to_underscore_ids_in_the_gold_copy() -> None:
    text, gold = _pair("qlabel_hyphen")
    assert "Q-1. Do you keep any houseplants?" in text
    assert "No  (GO TO Q-4)" in text
    assert "ASK IF Q-1 = 1" in text
    assert [q["id"] for q in gold["questions"]] == ["Q_1", "Q_2", "Q_3", "Q_4"]
    assert gold["questions"][3]["display_if"] == "Q_1 == '1'"
    assert LOGIC_GOLD["questions"][0]["id"] == "Q1"  # the original is untouched


def test_letter_prefix_is_the_id_as_printed() -> None:
    text, gold = _pair("qlabel_prefix_p")
    assert "P2. How often do you water them?" in text
    assert "GO TO P4" in text
    assert [q["id"] for q in gold["questions"]] == ["P1", "P2", "P3", "P4"]
    assert gold["questions"][3]["display_if"] == "P1 == '1'"


def test_bare_and_moved_labels_keep_the_ids() -> None:
    expected = {
        "qlabel_q_dot": "Q.2 How often do you water them?",
        "qlabel_paren_close": "2) How often do you water them?",
        "qlabel_parens": "(2) How often do you water them?",
        "qlabel_hash": "#2 How often do you water them?",
        "qlabel_own_line": "Q2.\nHow often do you water them?",
        "qlabel_bold": "**Q2.** How often do you water them?",
        "qlabel_heading": "### Q2\n\nHow often do you water them?",
    }
    for name, head in expected.items():
        text, gold = _pair(name)
        assert head in text, name
        assert gold == LOGIC_GOLD, name
        assert "GO TO Q4" in text, name
        assert "ASK IF Q1 = 1" in text, name
        assert _not_heads(text) == _not_heads(LOGIC_DOC), name  # nothing else changes


def _not_heads(text: str) -> list[str]:
    words = [str(q["text"]) for q in LOGIC_GOLD["questions"]]
    return [
        line
        for line in text.split("\n")
        if line.strip()
        and not any(w in line for w in words)
        and not re.fullmatch(r"(### )?Q\d\.?", line)
    ]


def test_bare_labels_are_not_written_beside_numbered_answers() -> None:
    assert variant_pair("qlabel_paren_close", DOC, GOLD) is None
    assert variant_pair("qlabel_hyphen", DOC, GOLD) is not None
