"""Conventions of below-floor held-out files (named filters, ODT heading styles, closing
thanks after a field label), in their own invented words."""

from __future__ import annotations

import io

from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import P

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text

_FORM = """K1. Do you own a bicycle?
1 Yes
2 No
Answer K2 only if you ticked "Yes" at K1.
K2. How often do you ride it?
1 Daily
2 Weekly
3 Less often
K3. Delivery email for your voucher
K4. Your postcode
Thanks a lot. Vouchers are sent within a week.
"""


def test_a_filter_naming_its_question_goes_to_that_question() -> None:
    questions = by_id(compile_text(_FORM))
    assert questions["K2"].display_if == "K1 == '1'"
    assert questions["K1"].display_if is None


def test_thanks_after_a_field_label_are_not_its_words() -> None:
    questions = by_id(compile_text(_FORM))
    assert questions["K4"].text == "Your postcode"


def test_a_field_label_naming_an_email_is_an_email() -> None:
    assert by_id(compile_text(_FORM))["K3"].type == "email"


def _odt_with_heading_style() -> bytes:
    doc = OpenDocumentText()
    heading = Style(name="Heading", family="paragraph")
    heading.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)
    doc.text.addElement(P(text="P1. Which snacks did you buy? (tick all that apply)"))
    for label in ("☐ Crisps", "☐ Nuts", "☐ None of these"):
        doc.text.addElement(P(text=label))
    doc.text.addElement(P(stylename=heading, text="Your visit"))
    doc.text.addElement(P(text="P2. How long did you stay?"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_an_odt_paragraph_in_the_heading_style_is_a_heading() -> None:
    document = read_document(_odt_with_heading_style(), "snacks.odt")
    assert ("heading", "Your visit") in [(b.kind, b.text) for b in document.blocks]
    questions = by_id(compile_document(document).survey)
    assert [o.label for o in questions["P1"].options] == ["Crisps", "Nuts", "None of these"]


_COUNTED = """G1. Which best describes you?
1 A local resident
2 A holiday guest (hotel, campsite)
3 A day tripper
Only answer the next two questions if you came here as a holiday guest.
G2. How many nights are you staying?
G3. Where are you staying tonight?
G4. How did you hear about the market?
"""


def test_prose_naming_an_answer_whole_and_a_counted_filter() -> None:
    questions = by_id(compile_text(_COUNTED))
    assert questions["G2"].display_if == "G1 == '2'"
    assert questions["G3"].display_if == "G1 == '2'"
    assert questions["G4"].display_if is None


def test_an_article_is_no_answer_letter() -> None:
    from fielder.compiler.conditions import _letter_codes

    question = by_id(compile_text(_COUNTED))["G1"]
    assert _letter_codes("you came here as a holiday guest", question) == []
    assert _letter_codes("= a or c", question) == ["1", "3"]


def test_a_required_label_read_after_its_table_is_the_question() -> None:
    from fielder.compiler.lines import Line
    from fielder.compiler.parse import Draft
    from fielder.compiler.table_labels import label_beside_table

    draft = Draft(label=None, text_parts=["Tell us how the day went."])
    draft.tables.append((("", "Bad", "Good"), ("Parking", "◯", "◯")))
    words = "Please score these parts of the day *"
    label = Line(text=words, raw=words, bold=True)
    after = Line(text="Would you come again? *", raw="Would you come again? *", bold=True)
    assert label_beside_table(draft, label, after)
    assert draft.text == "Please score these parts of the day"
    assert draft.notes == ["Tell us how the day went."]


def test_a_filter_over_a_named_run_of_questions() -> None:
    questions = by_id(
        compile_text(
            "H1. Do you keep bees?\n1 Yes\n2 No\n"
            "ASK H2 TO H3 ONLY IF H1 = 1.\n"
            "H2. How many hives do you keep?\nH3. Where do you sell the honey?\n"
            "H4. How old are you?\n"
        )
    )
    assert questions["H2"].display_if == "H1 == '1'"
    assert questions["H3"].display_if == "H1 == '1'"
    assert questions["H4"].display_if is None
