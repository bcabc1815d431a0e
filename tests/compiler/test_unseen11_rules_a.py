"""General conventions met in the form-tool files of an eleventh blind batch (an HTML e-mail
survey, form-builder PDFs, a wide spreadsheet, an OpenDocument form), one small case each, in
their own words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import make_pdf, text_ops


def _compile_html(page: str) -> dict[str, Question]:
    survey = compile_document(read_document(page.encode("utf-8"), "mail.html")).survey
    return by_id(survey)


_MAIL = """<html><body>
<table role="presentation" width="100%"><tr><td>
  <table role="presentation" width="560">
    <tr><td><p>Dear %%name%%,</p><p>Thanks for coming to the open day.</p></td></tr>
    <tr><td>
      <table role="presentation"><tr><td class="badge">1</td>
        <td class="ask">Which talk did you like best?</td></tr></table>
    </td></tr>
    <tr><td>
      <form method="post" action="https://example.invalid/r">
        <div>
          <label><input type="radio" name="t" value="15" /> The robotics lab tour</label><br />
          <label><input type="radio" name="t" value="25" /> The alumni panel</label><br />
          <label><input type="radio" name="t" value="95" /> None of them</label>
        </div>
        <table role="presentation"><tr><td class="badge">2</td>
          <td class="ask">What else would you like to see? Tick all that apply.</td></tr></table>
        <div>
          <label><input type="checkbox" name="s" value="1" /> Sports hall</label><br />
          <label><input type="checkbox" name="s" value="2" /> Library</label><br />
          <label><input type="checkbox" name="s" value="3" /> Another place:</label>
          <input type="text" name="s_other" />
        </div>
        <table role="presentation"><tr><td class="badge">3</td>
          <td class="ask">How many friends came with you?</td></tr></table>
        <div><input type="number" name="f" min="0" max="12" />
          <span>(0 if you came alone)</span></div>
      </form>
    </td></tr>
  </table>
</td></tr></table>
</body></html>"""


def test_an_email_laid_out_in_presentation_tables_reads_as_its_questions() -> None:
    questions = _compile_html(_MAIL)
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert questions["Q1"].text == "Which talk did you like best?"


def test_choice_values_other_than_positions_are_the_stored_codes() -> None:
    questions = _compile_html(_MAIL)
    talk = questions["Q1"]
    assert [(o.code, o.label) for o in talk.options] == [
        ("15", "The robotics lab tour"),
        ("25", "The alumni panel"),
        ("95", "None of them"),
    ]
    # values 1, 2, 3 only count the choices: nothing is added
    places = questions["Q2"]
    assert [o.code for o in places.options] == ["1", "2", "3"]


def test_a_text_box_after_a_ticked_choice_is_its_write_in() -> None:
    places = _compile_html(_MAIL)["Q2"]
    assert places.type == "multi"
    assert [o.label for o in places.options if o.specify] == ["Another place"]


def test_a_number_box_keeps_its_range_and_the_note_beside_it() -> None:
    friends = _compile_html(_MAIL)["Q3"]
    assert friends.type == "number"
    assert (friends.validation.min, friends.validation.max) == (0, 12)


def _form_pdf() -> bytes:
    """A form-builder print: bold labels on the left, empty field boxes on the right."""
    ops = text_ops(40, 790, "Allotment society sign-up", bold=True, size=14)
    ops += text_ops(40, 750, "Your name *", bold=True) + "250 744 220 20 re S\n"
    ops += text_ops(250, 732, "Given name", size=8)
    ops += text_ops(40, 700, "Plot size wanted *", bold=True)
    ops += text_ops(250, 700, "( ) Half plot") + text_ops(360, 700, "( ) Full plot")
    ops += text_ops(40, 660, "Garden shed", bold=True, size=13)
    ops += text_ops(40, 640, "Tell us about your gardening so far.", size=9)
    ops += text_ops(40, 610, "Years growing food", bold=True) + "250 604 80 20 re S\n"
    ops += text_ops(40, 570, "Anything else we should know?", bold=True)
    ops += "250 506 280 70 re S\n"
    return make_pdf([ops])


def test_a_form_prints_labels_left_and_empty_field_boxes_right() -> None:
    questions = by_id(compile_document(read_document(_form_pdf(), "signup.pdf")).survey)
    texts = {q.text: q for q in questions.values()}
    assert texts["Your name"].type == "text"
    plot = texts["Plot size wanted"]
    assert [o.label for o in plot.options] == ["Half plot", "Full plot"]
    assert texts["Years growing food"].type == "text"
    # a box tall enough for several lines is a comment area
    assert texts["Anything else we should know?"].type == "long_text"


def test_a_label_and_its_field_on_one_line_are_cut_apart() -> None:
    questions = by_id(
        compile_text(
            """
            Membership number *\t________
            You joined as a… *\t◯ Gardener\t◯ Beekeeper
            ◯ Volunteer\t◯ Friend
            Hives you keep (0–30)\t________ ▲▼
            """
        )
    )
    assert [q.text for q in questions.values()] == [
        "Membership number",
        "You joined as a…",
        "Hives you keep (0–30)",
    ]
    joined = questions["Q2"]
    assert [o.label for o in joined.options] == ["Gardener", "Beekeeper", "Volunteer", "Friend"]
    hives = questions["Q3"]
    assert hives.type == "number"
    assert (hives.validation.min, hives.validation.max) == (0, 30)


def test_a_boxed_answer_with_a_write_in_line_is_an_answer_not_a_field() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which pets live with you? Tick all that apply.
            ☐ Cat
            ☐ Dog
            ☐ Another animal ________
            """
        )
    )
    assert list(questions) == ["Q1"]
    assert [(o.label, o.specify) for o in questions["Q1"].options][-1] == ("Another animal", True)


def _wide_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Survey"
    sheet.append(["Library users' survey"])
    sheet.append(["No", "Question", "Type", "Ans 1", "Ans 2", "Ans 3", "Ans 4", "Ans 5", "Notes"])
    sheet.append(["Intro", "Hi {reader_name}, a few questions about {branch_name}.", "Info"])
    sheet.append(["1", "Did you borrow a book today?", "Single", "Yes", "No", "[8] Not sure",
                  None, None, "1 → Q2\n2, 8 → Q3"])  # fmt: skip
    sheet.append(["2", "How many books did you take?", "Number", None, None, None, None, None,
                  "Range 1-20"])  # fmt: skip
    sheet.append(["3", "How would you rate the staff?", "Scale 1-5", "1 – Poor", "2", "3", "4",
                  "5 – Superb"])  # fmt: skip
    sheet.append(["4", "Which rooms did you use?", "Multi", "Reading room", "Study booths",
                  "[97] Somewhere else (please say)", "[99] None of these"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_answers_across_numbered_answer_columns_take_the_column_number_or_their_own_code() -> None:
    survey = compile_document(read_document(_wide_sheet(), "library.xlsx")).survey
    questions = by_id(survey)
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("8", "Not sure"),
    ]
    rooms = questions["Q4"]
    assert [o.code for o in rooms.options] == ["1", "2", "97", "99"]
    assert [o.code for o in rooms.options if o.specify] == ["97"]
    # "1 – Poor" in the first column: the point's number is its code, the words its label
    staff = questions["Q3"]
    assert [(o.code, o.label) for o in staff.options][0] == ("1", "Poor")
    assert [(o.code, o.label) for o in staff.options][-1] == ("5", "Superb")


def test_a_crm_field_in_braces_is_piped_text() -> None:
    questions = by_id(compile_document(read_document(_wide_sheet(), "library.xlsx")).survey)
    assert questions["Intro"].text == "Hi {reader_name}, a few questions about {branch_name}."


def test_both_branches_of_a_one_question_split_are_the_next_question_s_filter() -> None:
    questions = by_id(compile_document(read_document(_wide_sheet(), "library.xlsx")).survey)
    assert questions["Q1"].skip_to == []
    assert questions["Q2"].display_if == "Q1 == '1'"


def _odt(body: str) -> bytes:
    """A minimal OpenDocument text file holding `body` (paragraphs of content.xml)."""
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", content)
    return out.getvalue()


def test_an_odt_drop_down_field_keeps_its_items_from_its_labels() -> None:
    body = (
        "<text:p>Q1<text:tab/>Which ferry did you take?</text:p>"
        '<text:p><text:drop-down text:name="Ferry">'
        '<text:label text:value="Please choose"/><text:label text:value="Morning boat"/>'
        '<text:label text:value="Evening boat"/>Please choose</text:drop-down></text:p>'
        "<text:p>Q2<text:tab/>Did you travel with a car?</text:p>"
        "<text:p>☐ Yes</text:p><text:p>☐ No</text:p>"
    )
    questions = by_id(compile_document(read_document(_odt(body), "ferry.odt")).survey)
    ferry = questions["Q1"]
    assert ferry.type == "dropdown"
    assert [o.label for o in ferry.options] == ["Morning boat", "Evening boat"]


def test_a_form_s_closing_button_is_no_answer_of_the_last_question() -> None:
    questions = by_id(
        compile_text(
            """
            1. Which branch did you visit?
            ○ Harbour Street
            ○ Mill Lane
            2. Where can we send a reply? Enter your email address.
            Enter your answer
            Submit
            """
        )
    )
    assert questions["Q2"].options == []
    assert questions["Q2"].type == "email"
