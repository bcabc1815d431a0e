"""A spec workbook's answer list kept on a tab of its own and named in the answer cell."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(named: str) -> bytes:
    book = openpyxl.Workbook()
    spec = book.active
    spec.title = "Questions"
    spec.append(["Ref", "Question", "Code", "Answer", "Type", "Filter"])
    spec.append(["H1", "Do you keep bees?", 1, "Yes", "SINGLE", "All"])
    spec.append(["H1", None, 2, "No", None, None])
    spec.append(["H2", "Which market do you sell honey at?", None, named, "DROPDOWN", "H1=1"])
    spec.append(["H3", "How many hives do you keep?", None, None, "NUMERIC", "H1=1"])
    lists = book.create_sheet("Lists")
    lists.append(["List name", "Code", "Label"])
    for code, label in ((1, "Ashby Green"), (2, "Brockley Square"), (3, "Corn Exchange")):
        lists.append(["MARKETS", code, label])
    lists.append(["SEASONS", 1, "Spring"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_list_named_in_the_answer_cell_is_written_out_from_its_tab() -> None:
    for named in ("LIST: MARKETS", "[See list Markets]"):
        document = read_document(_workbook(named), "hives.xlsx", _XLSX)
        survey = by_id(compile_document(document).survey)
        market = survey["H2"]
        assert market.type == "dropdown"
        assert [(o.code, o.label) for o in market.options] == [
            ("1", "Ashby Green"),
            ("2", "Brockley Square"),
            ("3", "Corn Exchange"),
        ]
        assert market.display_if == "H1 == '1'"
        assert survey["H3"].type == "number"


def test_a_tab_of_codes_headed_by_the_list_name_is_found_by_the_tab_named() -> None:
    book = openpyxl.Workbook()
    spec = book.active
    spec.append(["Ref", "Question", "Code", "Answer", "Type"])
    spec.append(["R1", "Where do you live?", None, "See tab 'Districts' (codes 01-02)", "SINGLE"])
    spec.append(["R2", "How long have you lived there?", None, None, "NUMERIC"])
    districts = book.create_sheet("Districts")
    districts.append(["Code", "District"])
    districts.append(["01", "Upper Fenwick"])
    districts.append(["02", "Saltmarsh"])
    out = io.BytesIO()
    book.save(out)
    survey = by_id(compile_document(read_document(out.getvalue(), "homes.xlsx", _XLSX)).survey)
    assert [(o.code, o.label) for o in survey["R1"].options] == [
        ("01", "Upper Fenwick"),
        ("02", "Saltmarsh"),
    ]


def test_a_list_name_with_no_such_list_stays_as_written() -> None:
    document = read_document(_workbook("LIST: TOWNS"), "hives.xlsx", _XLSX)
    survey = by_id(compile_document(document).survey)
    assert "TOWNS" in " ".join(o.label for o in survey["H2"].options)
