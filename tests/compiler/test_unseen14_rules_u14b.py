"""General conventions met in a fourteenth blind batch (online survey tools' printouts, a
questionnaire pasted into an e-mail, a translation proof), one small case each, in their own
invented words."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from fielder.compiler.lines import Line
from fielder.compiler.locked_segments import locked_segment_lines
from fielder.compiler.numbered_points import numbered_points
from fielder.compiler.options import RawOption, parse_option_text
from tests.compiler.conftest import by_id, compile_text


def test_show_this_question_if_is_a_display_rule() -> None:
    survey = by_id(
        compile_text(
            "1. How was the ferry crossing?\n"
            "○ Calm\n○ Choppy\n○ Rough\n\n"
            "2. What made it hard?\n"
            'Logic: Show this question if Question #1 "How was the ferry crossing?" is one of '
            'the following answers ("Choppy", "Rough")\n'
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3']"
    kinds = [d.kind for d in interpret("Display this question if Q4 = 2")]
    assert kinds == ["display_if"]


def test_drag_handles_and_middle_dots_are_list_marks() -> None:
    assert [o.label for o in parse_option_text("⇅ Harbour view")] == ["Harbour view"]
    assert [o.label for o in parse_option_text("☰ Quiet rooms")] == ["Quiet rooms"]
    assert [o.label for o in parse_option_text("· Pelican Wharf")] == ["Pelican Wharf"]


def test_closed_dropdown_placeholder_makes_a_dropdown() -> None:
    survey = by_id(
        compile_text(
            "1. Which ferry port did you leave from?\n"
            "— Please Select — ▼\n"
            "· Pelican Wharf\n· Gull Point\n· Tern Harbour\n\n"
            "2. Which deck did you sit on?\n"
            "-- Select one --\n"
            "· Upper\n· Lower\n"
        )
    )
    assert survey["Q1"].type == "dropdown"
    assert [o.label for o in survey["Q1"].options] == [
        "Pelican Wharf",
        "Gull Point",
        "Tern Harbour",
    ]
    assert survey["Q2"].type == "dropdown"


def test_numbered_points_take_their_numbers_and_end_words() -> None:
    raw = [
        RawOption(label, None, marker="•") for label in ("0 – Never again", "1", "2", "3 – Gladly")
    ]
    points = numbered_points(raw)
    assert [(o.code, o.label) for o in points] == [
        ("0", "Never again"),
        ("1", "1"),
        ("2", "2"),
        ("3", "Gladly"),
    ]
    # age bands and fully worded lists stay as written
    bands = [RawOption(label, None) for label in ("18-24", "25-34", "35-44")]
    assert [o.code for o in numbered_points(bands)] == [None, None, None]


def test_other_with_a_colon_is_a_write_in() -> None:
    survey = by_id(
        compile_text(
            "1. Which snack did you buy on board?\n○ Crisps\n○ Fudge\n○ Other:\n\n"
            "2. Which drinks did you buy?\n☐ Tea\n☐ Cocoa\n☐ Something else:\n"
        )
    )
    assert [o.specify for o in survey["Q1"].options] == [False, False, True]
    assert [o.specify for o in survey["Q2"].options] == [False, False, True]


def test_standard_thank_you_page_is_no_entry() -> None:
    text = (
        "1. Would you sail with us again?\n○ Yes\n○ No\n\n"
        "2. Was the cabin clean?\n○ Yes\n○ No\n\n"
        "# Thank You\n\n"
        "Thanks! Your answers were saved. [Standard thank-you page]\n"
    )
    survey = by_id(compile_text(text, "ferry.md"))
    assert list(survey) == ["Q1", "Q2"]


def test_locked_segments_repeated_in_both_languages_are_notes() -> None:
    lines = locked_segment_lines(
        [
            Line(text="When did you last fly a kite?", raw="", instructions=["Wann …?"]),
            Line(
                text="DATE PICKER – DD/MM/YYYY", raw="", instructions=["DATE PICKER – DD/MM/YYYY"]
            ),
            Line(
                text="None of them EXCLUSIVE", raw="", instructions=["Keinen EXCLUSIVE"], code="3"
            ),
            Line(text="BBC ONE", raw="", instructions=["BBC ONE"], code="4", is_option=True),
        ]
    )
    assert lines[0].text == "When did you last fly a kite?"
    assert lines[1].text == ""
    assert lines[1].instructions == ["DATE PICKER – DD/MM/YYYY"]
    assert lines[2].text == "None of them"
    assert lines[2].instructions[-1] == "EXCLUSIVE"
    assert lines[3].text == "BBC ONE"  # an answer with its code stays an answer
