"""Statistical offices' household forms and CAPI specifications (round roster): answers printed
in capitals after their codes, a roster printed across one table with its filters over the
columns, fields named by program names in universes and jumps, Pascal ranges, a screen's
name beside a title in capitals. Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.universe import universe_condition
from fielder.documents.model import Block, Cell, Document, Run
from tests.compiler.conftest import by_id, compile_text


def test_capitals_answers_after_codes_are_answers_where_the_document_prints_them_so() -> None:
    survey = by_id(
        compile_text(
            "P1. What is the roof of the main building made of?\n"
            "1\tCORRUGATED METAL\n2\tCLAY TILES\n3\tTHATCH OR GRASS\t→ P3\n6\tOTHER (SPECIFY)\n"
            "P2. Is the roof leaking?\n1\tNOT AT ALL\n2\tA LITTLE\n3\tA LOT\n"
            "P3. Who built the house?\n1\tTHE HOUSEHOLD\n2\tA HIRED BUILDER → WRITE NAME BELOW\n"
        )
    )
    assert [(o.code, o.label) for o in survey["P1"].options] == [
        ("1", "CORRUGATED METAL"),
        ("2", "CLAY TILES"),
        ("3", "THATCH OR GRASS"),
        ("6", "OTHER (SPECIFY)"),
    ]
    assert survey["P1"].skip_to
    assert survey["P1"].skip_to[0].to == "P3"
    assert [o.label for o in survey["P2"].options] == ["NOT AT ALL", "A LITTLE", "A LOT"]
    # an arrow to a task, not a question, is the answer's note
    assert [o.label for o in survey["P3"].options] == ["THE HOUSEHOLD", "A HIRED BUILDER"]
    assert not survey["P3"].skip_to


def test_two_capitals_lists_are_not_evidence_enough() -> None:
    survey = by_id(compile_text("Q1. Which side?\n1 LEFT SIDE\n2 RIGHT SIDE\n"))
    assert not survey["Q1"].options or [o.code for o in survey["Q1"].options] != ["1", "2"]


def _cell(text: str) -> Cell:
    return Cell(text=text, runs=(Run(text=text),))


def _roster() -> Document:
    filters = (_cell(""), _cell(""), _cell(""), _cell("IF AGE 10 OR OLDER"), _cell("IF AGE 0–14"))
    filters += (Cell("", spanned=True),)
    head = (
        _cell("M1\nLINE"),
        _cell("M2\nFIRST NAME\nWhat is the first name of each person who lives here?"),
        _cell("M3\nAGE\nHow old is (NAME) in years?\n(0–99)"),
        _cell("M4\nWORK\nDid (NAME) work for pay last week?\n1 YES\n2 NO"),
        _cell("M5\nFATHER\nIs (NAME)'s father alive?\n1 YES\n2 NO"),
        _cell(
            "M6\nFATHER'S LINE\nDoes (NAME)'s father live here?\nIF YES: RECORD HIS LINE NUMBER."
        ),
    )
    people = [
        (_cell(f"0{n}"), _cell(""), _cell(""), _cell("1  2"), _cell("1  2"), _cell(""))
        for n in (1, 2, 3)
    ]
    rows = (filters, head, *people)
    table = Block(kind="table", text="roster", rows=rows)
    return Document(name="r.docx", media_type="application/octet-stream", blocks=[table])


def test_a_roster_table_reads_a_question_a_column_with_the_filters_over_them() -> None:
    survey = by_id(compile_document(_roster()).survey)
    assert list(survey) == ["M2", "M3", "M4", "M5", "M6"]  # the printed line numbers: no question
    assert survey["M2"].type == "text"
    assert survey["M3"].type == "number"
    assert survey["M3"].validation
    assert survey["M3"].validation.max == 99
    assert survey["M4"].display_if == "M3 >= 10"
    # a merged filter cell stands over both columns it spans
    assert survey["M5"].display_if == "M3 <= 14"
    assert survey["M6"].display_if == "M3 <= 14"
    assert survey["M6"].type == "number"


def test_an_age_filter_after_if_reads_on_the_age_question() -> None:
    assert universe_condition("IF AGE 18 OR OLDER", "A4") == "A4 >= 18"
    assert universe_condition("IF AGED 6-11", "A4") == "A4 >= 6 AND A4 <= 11"
    assert universe_condition("IF AGE 0-5", "A4") == "A4 <= 5"
    assert universe_condition("IF A3 = 2", "A4") is None


def test_a_capi_spec_names_fields_by_program_names_in_universes_and_jumps() -> None:
    survey = by_id(
        compile_text(
            "K01 GROWCROP\nUniverse: ALL FARMS\nDid the farm grow any crops this season?\n"
            "1 Yes\n2 No\nType: ENUMERATED\nAfter: IF GROWCROP = 2 THEN GOTO KEND\n\n"
            "K02 CROPKIND\nUniverse: GROWCROP = 1\nWhich crops did it grow?\n"
            "1 Maize\n2 Beans\n3 Cassava\nType: SET [1..3] OF ENUMERATED\n\n"
            "K03 MAIZEHA\nUniverse: 1 IN CROPKIND\nHow many hectares of maize were planted?\n"
            "Type: INTEGER [0..400]\n\n"
            "K04 SOLD\nUniverse: CROPKIND IN [2, 3] AND MAIZEHA > 0\nWas any of it sold?\n"
            "1 Yes\n2 No\nType: ENUMERATED\n\n"
            "KEND KEND\nThank you, that is the end of the farm questions.\n"
            "Type: DISPLAY (no answer)\n"
            "End of Module K. Module L follows.\n"
        )
    )
    assert survey["K01"].skip_to
    assert survey["K01"].skip_to[0].to == "KEND"
    assert survey["K02"].display_if == "K01 == '1'"
    assert survey["K03"].type == "number"
    assert survey["K03"].validation
    assert (
        survey["K03"].validation.min,
        survey["K03"].validation.max,
    ) == (0, 400)
    assert "K02" in (survey["K03"].display_if or "")
    assert "K03 > 0" in (survey["K04"].display_if or "")
    assert survey["KEND"].type == "display"
    assert "Module L" not in survey["KEND"].text


def test_a_screen_name_beside_a_capitals_title_labels_the_screen() -> None:
    survey = by_id(
        compile_text(
            "WELCOME\t\tGREETING AND PURPOSE\nREAD OUT:\n"
            "Good afternoon. We are visiting homes in this district to ask about water use.\n"
            "A1. Where does the household get its water?\n1 Tap\n2 Well\n"
        )
    )
    assert survey["WELCOME"].type == "display"
    assert survey["WELCOME"].text.startswith("Good afternoon.")


def test_a_capitals_caption_needs_no_colon_before_digit_boxes_and_their_range() -> None:
    survey = by_id(
        compile_text(
            "B1. How much did the household pay for fuel last month?\n"
            "LOCAL CURRENCY |__|__|__|__|__|__|   (0–250000)\n"
        )
    )
    assert survey["B1"].type == "number"
    assert survey["B1"].validation
    assert survey["B1"].validation.max == 250000
