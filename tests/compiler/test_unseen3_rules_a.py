"""General conventions met in a third blind batch of questionnaires (first half), one small case
each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def test_a_version_history_row_is_not_a_question() -> None:
    survey = compile_text(
        """
        Change record
           1.0   03 Mar 2026   First draft
           1.1   2026-03-09    Ferry module added
           2.0   14/04/2026    Signed off

        1.1     Did you travel by ferry this year?
                    1  Yes
                    2  No

        1.2     How many crossings did you make?
                    _ _  Number of crossings
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1_1", "Q1_2"]
    assert questions["Q1_1"].text == "Did you travel by ferry this year?"


def _long_spec(tmp_path: Path, rows: list[list[str]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Library visitor study – spec, one row per answer"])
    sheet.append([])
    sheet.append(["Var", "Type", "Question", "Value", "Label", "Logic"])
    for row in rows:
        sheet.append(row)
    book.save(str(tmp_path / "spec.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "spec.xlsx")).survey)


def test_value_and_label_columns_hold_the_answers_of_a_long_spec(tmp_path: Path) -> None:
    questions = _long_spec(
        tmp_path,
        [
            ["A1", "SC", "Are you a library member?", "1", "Yes", "TERM IF A1=3"],
            ["", "", "", "2", "No, but I used to be", ""],
            ["", "", "", "3", "Never been one", ""],
            ["A2", "OE", "Which branch do you visit most?", "", "", "1 line"],
            ["A3", "SC", "How likely are you to renew?", "0", "0 - Very unlikely", ""],
            *[["", "", "", str(n), "", ""] for n in range(1, 10)],
            ["", "", "", "10", "10 - Very likely", ""],
        ],
    )
    assert [(o.code, o.label) for o in questions["A1"].options] == [
        ("1", "Yes"),
        ("2", "No, but I used to be"),
        ("3", "Never been one"),
    ]
    assert questions["A1"].terminate_if == "A1 == '3'"
    assert questions["A2"].type == "text"
    assert questions["A3"].type == "scale"
    labels = [o.label for o in questions["A3"].options]
    assert (labels[0], labels[5], labels[-1]) == ("Very unlikely", "5", "Very likely")


def test_sub_variables_marked_row_are_the_statements_of_the_grid_above(tmp_path: Path) -> None:
    questions = _long_spec(
        tmp_path,
        [
            ["B1", "GRID", "How satisfied are you with each of these?", "1", "Unhappy", ""],
            ["", "", "", "2", "Neutral", ""],
            ["", "", "", "3", "Happy", ""],
            ["B1_1", "row", "Opening hours", "", "", ""],
            ["B1_r2", "row", "Choice of books", "", "", ""],
            ["B2", "CS", "Split 100 points over your visit.", "1", "Reading", "Sum = 100"],
            ["", "", "", "2", "Studying", ""],
            ["B3", "DD", "Which district do you live in?", "1", "North", ""],
            ["", "", "", "2", "South", ""],
        ],
    )
    assert list(questions) == ["B1", "B2", "B3"]
    grid = questions["B1"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Opening hours", "Choice of books"]
    assert [o.label for o in grid.options] == ["Unhappy", "Neutral", "Happy"]
    assert (questions["B2"].type, questions["B2"].total) == ("constant_sum", 100)
    assert questions["B3"].type == "dropdown"


def test_a_print_views_class_rules_mark_notes_and_fields_print_as_blanks() -> None:
    survey = compile_text(
        """
        <html><head><style>
          .note { color: #a00; font-style: italic }
          p.tip { text-transform: uppercase; color: #666 }
        </style></head><body>
        <div><b>R1</b> When did the boat leave the harbour?
          <p class="tip">Skipper fills in the time of departure.</p>
          <input type="date"></div>
        <div><b>R2</b> How many passengers were on board?
          <input type="number" min="1" max="90"></div>
        <div><b>R3</b> Which deck did you sit on?
          <select><optgroup label="Inside">
            <option value="10">Lower saloon</option><option value="11">Upper saloon</option>
          </optgroup><option value="20">Open deck</option></select>
          <span class="note">If 20, go to R5.</span></div>
        <div><b>R4</b> Was it cold out there?
          <ol><li>Yes</li><li>No</li></ol></div>
        <div><b>R5</b> Anything else about the crossing?
          <textarea rows="4"></textarea></div>
        </body></html>
        """,
        "ferry.html",
    )
    questions = by_id(survey)
    assert list(questions) == ["R1", "R2", "R3", "R4", "R5"]
    assert questions["R1"].type == "date"
    assert questions["R1"].text == "When did the boat leave the harbour?"
    assert questions["R2"].type == "number"
    assert questions["R2"].validation is not None
    assert (questions["R2"].validation.min, questions["R2"].validation.max) == (1, 90)
    assert questions["R3"].type == "dropdown"
    assert [(o.code, o.label) for o in questions["R3"].options] == [
        ("10", "Lower saloon"),
        ("11", "Upper saloon"),
        ("20", "Open deck"),
    ]
    assert [(r.if_, r.to) for r in questions["R3"].skip_to] == [("R3 == '20'", "R5")]
    assert questions["R5"].type == "long_text"


def test_lettered_answers_whose_letters_jump_keep_their_letters() -> None:
    survey = compile_text(
        """
        <p><b>M7</b> Where do you get lamp oil? Record all mentioned.</p>
        <ol type="A"><li>Market stall</li><li>Neighbour</li><li>Co-op shop</li></ol>
        <ol type="A" start="25"><li>Somewhere else (specify)</li></ol>
        <p><b>M8</b> Which of these do you own?</p>
        <ol type="A"><li>Radio</li><li>Bicycle</li><li>Torch</li></ol>
        """,
        "village.html",
    )
    questions = by_id(survey)
    assert [o.code for o in questions["M7"].options] == ["A", "B", "C", "Y"]
    assert [o.code for o in questions["M8"].options] == ["1", "2", "3"]


def _numbered_paper_form(tmp_path: Path) -> dict[str, Question]:
    document = docx.Document()
    for text in (
        "(1)  How many hives do you keep?",
        "________ hives   (1 – 400)",
        "(2)  Which of these do you sell? (Tick all that apply.)",
    ):
        document.add_paragraph(text)
    for letter, answer in zip("ABC", ("Honey", "Wax", "Nothing at all"), strict=True):
        document.add_paragraph(f"{letter}.\t{answer}")
    document.add_paragraph("(3)  Please say why you sell nothing.")
    document.add_paragraph("Only answer if you ticked C in question (2).")
    document.add_paragraph("(4)  Tick Yes or No for each piece of kit you own.")
    table = document.add_table(rows=3, cols=6)
    cells = [
        ("Kit", "Yes", "No", "Kit", "Yes", "No"),
        ("a. Smoker", "☐", "☐", "c. Extractor", "☐", "☐"),
        ("b. Veil", "☐", "☐", "d. Scale", "☐", "☐"),
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("(5)  Do you want a visit from the bee inspector?")
    for letter, answer in zip("AB", ("Yes", "No"), strict=True):
        document.add_paragraph(f"{letter}.\t{answer}")
    document.add_paragraph("If you answered B, go to question (7).")
    document.add_paragraph("(6)  On a scale from 1 (calm) to 5 (angry), how are your bees?")
    document.add_paragraph("1          2          3          4          5")
    document.add_paragraph("(calm)                                   (angry)")
    document.add_paragraph("(7)  On which date did you fill this in?")
    document.add_paragraph("____ / ____ / ________   (day / month / year)")
    document.save(str(tmp_path / "bees.docx"))
    return by_id(compile_document(read_path(tmp_path / "bees.docx")).survey)


def test_a_paper_form_numbered_in_brackets(tmp_path: Path) -> None:
    questions = _numbered_paper_form(tmp_path)
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"]
    assert questions["Q1"].type == "number"
    assert questions["Q1"].validation is not None
    assert (questions["Q1"].validation.min, questions["Q1"].validation.max) == (1, 400)
    assert questions["Q2"].text == "Which of these do you sell? (Tick all that apply.)"
    assert questions["Q7"].type == "date"
    assert questions["Q7"].text == "On which date did you fill this in?"
    assert [o.label for o in questions["Q6"].options] == ["calm", "2", "3", "4", "angry"]


def test_a_table_folded_side_by_side_is_read_as_one(tmp_path: Path) -> None:
    grid = _numbered_paper_form(tmp_path)["Q4"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Smoker", "Veil", "Extractor", "Scale"]
    assert [o.label for o in grid.options] == ["Yes", "No"]


def test_routing_that_names_answer_letters_and_bracketed_question_numbers(tmp_path: Path) -> None:
    questions = _numbered_paper_form(tmp_path)
    assert questions["Q3"].display_if == "Q2 contains '3'"
    assert questions["Q4"].display_if is None
    assert [(r.if_, r.to) for r in questions["Q5"].skip_to] == [("Q5 == '2'", "Q7")]


def test_an_agency_grid_routing_cell_holds_one_instruction_per_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Harbour ferry intercept – questionnaire grid")
    table = document.add_table(rows=6, cols=4)
    rows = [
        ("Q no.", "Question wording", "Response options (with codes)", "Routing / Programming"),
        ("F1", "Are you travelling today?", "1\tYes\n2\tNo", "SINGLE\nIF F1=2 THANK AND CLOSE"),
        ("F2", "How full was the boat?", "0\tEmpty\n1\n2\n3\n4\tPacked", "SCALE 0-4"),
        (
            "F3",
            "Please rate these parts of the trip.",
            "ROWS:\na. Boarding\nb. Seating\nCOLUMNS:\nBad (1) | So-so (2) | Good (3)",
            "GRID – ONE CODE PER ROW",
        ),
        ("F4", "When did you first take this ferry?", "MM / YYYY", "DATE"),
        ("END", "Thanks, enjoy the crossing!", "", "DISPLAY"),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("Change log")
    document.add_paragraph("02/05 – F2 scale shortened to 0-4 (RB)")
    document.save(str(tmp_path / "ferry.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "ferry.docx")).survey)
    assert list(questions) == ["F1", "F2", "F3", "F4", "END"]
    assert questions["F1"].terminate_if == "F1 == '2'"
    assert questions["F2"].type == "scale"
    assert [o.code for o in questions["F2"].options] == ["0", "1", "2", "3", "4"]
    assert [(o.code, o.label) for o in questions["F3"].options] == [
        ("1", "Bad"),
        ("2", "So-so"),
        ("3", "Good"),
    ]
    assert questions["F4"].type == "date"
    assert questions["END"].text == "Thanks, enjoy the crossing!"


def test_answers_after_bracketed_codes_across_a_line_and_build_tags() -> None:
    survey = compile_text(
        """
        P1  Which eye do you use for the telescope?
            [1] Left   [2] Right   [3] Either

        P2  Which snacks did you bring tonight?  (select all that apply)
            [1] Crisps
            [2] Something else  + text box
            [9] Nothing   (exclusive)
        """
    )
    questions = by_id(survey)
    assert [(o.code, o.label) for o in questions["P1"].options] == [
        ("1", "Left"),
        ("2", "Right"),
        ("3", "Either"),
    ]
    snacks = {o.code: o for o in questions["P2"].options}
    assert snacks["2"].label == "Something else"
    assert snacks["2"].specify
    assert snacks["9"].label == "Nothing"
    assert snacks["9"].exclusive


def test_a_lab_spec_with_sub_item_rows_a_quoted_screen_and_skips_to_the_end() -> None:
    survey = compile_text(
        """
        Build notes
        * R5_1 ... R5_3 are one grid

        R1  May we record your answers?
            [1] Yes
            [2] No
            >> skip: if [2] -> end of survey (thank them politely)

        R2  Which town do you live in?
            show if R1 = 1
            (single text line)

        R3  How awake are you?
            1 = barely awake ... 5 = wide awake
            [1] [2] [3] [4] [5]

        R4  Message screen (no response):
            "Next you will read three sentences about your garden. Answer each
            one as honestly as you can."

        R5  How true is each sentence for you?
            scale for all rows:
            [1] Never  [2] Sometimes  [3] Always

            R5_1  I water the plants every day.
            R5_2  I talk to my tomatoes.
            R5_3  Choose "Never" for this one.     <- quality check, not shown as such
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["R1", "R2", "R3", "R4", "R5"]
    assert questions["R1"].terminate_if == "R1 == '2'"
    assert questions["R1"].skip_to == []
    assert questions["R2"].type == "text"
    assert questions["R2"].display_if == "R1 == '1'"
    assert questions["R3"].type == "scale"
    assert [o.label for o in questions["R3"].options] == [
        "barely awake",
        "2",
        "3",
        "4",
        "wide awake",
    ]
    assert questions["R4"].type == "display"
    assert questions["R4"].text.startswith("Next you will read three sentences")
    grid = questions["R5"]
    assert grid.type == "grid"
    assert [o.label for o in grid.options] == ["Never", "Sometimes", "Always"]
    assert [r.label for r in grid.rows] == [
        "I water the plants every day.",
        "I talk to my tomatoes.",
        'Choose "Never" for this one.',
    ]


def test_outline_numbered_cati_routing_and_labels() -> None:
    survey = compile_text(
        """
        =============================
        Module 2: Gardening
        =============================

        2.1     Do you grow any vegetables?

                    1  Yes
                    2  No
                    7  Don't know / Not sure

        2.2     Which season do you plant them in?

                    1  Spring
                    2  Summer
                    8  Don't plant for more than one season     Go to next module
                    9  Refused

                CATI: ASK 2.3 IF 2.2 = 1 OR 2, OTHERWISE GO TO MODULE 3.

        2.3     How long do you spend in the garden, for more than one hour a week?

                    1  Under 2 hours
                    2  Grades 1 through 8 (a made-up answer)

        =============================
        Module 3: Pets
        =============================

        3.1     Do you have a dog?

                    1  Yes
                    2  No
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Q2_1", "Q2_2", "Q2_3", "Q3_1"]
    assert [(r.if_, r.to) for r in questions["Q2_2"].skip_to] == [("Q2_2 == '8'", "Q3_1")]
    assert questions["Q2_3"].display_if == "Q2_2 in ['1','2']"
    assert questions["Q2_3"].type == "single"
    assert questions["Q2_3"].options[1].label == "Grades 1 through 8 (a made-up answer)"


def test_an_answer_named_like_a_log_heading_does_not_end_the_question() -> None:
    survey = compile_text(
        """
        Q1. What did you notice on the new timetable?
        - Changes
        - Nothing new

        Q2. Any comments?

        Revision history
        12/05 – Q2 added
        """,
        "t.md",
    )
    questions = by_id(survey)
    assert [o.label for o in questions["Q1"].options] == ["Changes", "Nothing new"]
    assert questions["Q2"].text == "Any comments?"


def test_a_numbered_follow_up_question_is_not_a_grid_row() -> None:
    questions = by_id(
        compile_text(
            """
            Q5  Did you buy a ticket on board?
                [1] Yes
                [2] No

            Q5.1  Why did you not buy one before boarding?

            Q6  How old are you?
            """
        )
    )
    assert list(questions) == ["Q5", "Q5_1", "Q6"]
    assert questions["Q5"].type == "single"
    assert questions["Q5_1"].type == "long_text"


def test_a_routing_cell_condition_running_onto_its_next_line_stays_whole(tmp_path: Path) -> None:
    questions = _long_spec(
        tmp_path,
        [
            ["C1", "SC", "Do you borrow e-books?", "1", "Yes", ""],
            ["", "", "", "2", "No", ""],
            ["", "", "", "3", "Not yet", ""],
            [
                "C2",
                "OE",
                "Which e-reader do you use?",
                "",
                "",
                "Large text box\nASK IF C1=1\nOR C1=3",
            ],
        ],
    )
    assert questions["C2"].display_if == "C1 in ['1','3']"
    assert questions["C2"].type == "long_text"


def test_long_bracket_numbered_answers_stay_answers_in_a_form_without_labels() -> None:
    questions = by_id(
        compile_text(
            """
            How do you feel about the new harbour walk?

            (1) I like it a lot and walk there often.
            (2) I like it but rarely go there.
            (3) I do not like it at all.

            Which entrance do you use?

            (1) North gate
            (2) South gate
            """
        )
    )
    assert list(questions) == ["Q1", "Q2"]
    assert [o.code for o in questions["Q1"].options] == ["1", "2", "3"]


def test_letters_alone_route_to_a_bracketed_question_number() -> None:
    questions = by_id(
        compile_text(
            """
            (1)  Do you keep hens?
            A.\tYes
            B.\tNo
            C.\tNot any more
            If B or C, go to (3).

            (2)  How many hens do you keep?
            ________ hens

            (3)  Do you keep ducks?
            A.\tYes
            B.\tNo
            """
        )
    )
    assert [(r.if_, r.to) for r in questions["Q1"].skip_to] == [("Q1 in ['2','3']", "Q3")]


def test_a_drop_downs_prompt_is_not_a_choice() -> None:
    survey = compile_text(
        """
        <p><b>D1</b> Which county do you live in?</p>
        <select><option value="0">-- Select --</option>
          <option value="1">Kerry</option><option value="2">Cork</option></select>
        """,
        "county.html",
    )
    assert [(o.code, o.label) for o in by_id(survey)["D1"].options] == [
        ("1", "Kerry"),
        ("2", "Cork"),
    ]


def test_a_folded_table_whose_second_half_has_no_item_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("(1)  Tick Yes or No: which of these rooms does your house have?")
    table = document.add_table(rows=3, cols=6)
    cells = [
        ("Room", "Yes", "No", "", "Yes", "No"),
        ("a. Cellar", "☐", "☐", "c. Attic", "☐", "☐"),
        ("b. Porch", "☐", "☐", "d. Study", "☐", "☐"),
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("(2)  How many bedrooms does it have?")
    document.add_paragraph("________ bedrooms")
    document.save(str(tmp_path / "house.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "house.docx")).survey)
    assert [r.label for r in questions["Q1"].rows] == ["Cellar", "Porch", "Attic", "Study"]
