"""The dialect machinery: TRANSFORMS merging, capability stripping, rewrites, registry."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from fielder.ir.models import Question, Survey
from fielder.platforms import base, transforms
from fielder.platforms.logic import LogicRenderer
from fielder.platforms.registry import (
    PLATFORMS,
    UnknownPlatform,
    get_exporter,
    get_importer,
)


class Plain(base.Exporter):
    """A tiny platform writing one line per question: `<id>:<type>`."""

    NAME: ClassVar[str] = "plain"
    FILE_EXTENSION: ClassVar[str] = "txt"
    SUPPORTS_QUOTAS: ClassVar[bool] = False
    SUPPORTS_SKIP_TO: ClassVar[bool] = False
    TRANSFORMS: ClassVar[dict[str, Any]] = {"single": lambda self, q: f"{q.id}:radio"}

    def generate(self, survey: Survey) -> bytes:
        lines = [self.question(q) for q in survey.questions()]
        return "\n".join(line for line in lines if line).encode()

    def text_export(self, question: Question) -> str:
        return f"{question.id}:text"


class Narrower(Plain):
    """Overrides one renderer and drops number support."""

    QUESTION_TYPES: ClassVar[frozenset[str]] = frozenset({"single", "text"})
    TRANSFORMS: ClassVar[dict[str, Any]] = {"text": lambda self, q: f"{q.id}:open"}
    PREPROCESS = (transforms.skip_to_display_if,)


def _survey(*questions: dict[str, Any], **extra: Any) -> Survey:
    return Survey.model_validate(
        {"title": "T", "blocks": [{"id": "B1", "items": list(questions)}]} | extra
    )


def test_transforms_merge_over_parent() -> None:
    assert set(Narrower.TRANSFORMS) == {"single", "text"}
    assert set(Plain.TRANSFORMS) == {"single"}


def test_dispatch_and_unknown_type_reported() -> None:
    survey = _survey(
        {"id": "A", "type": "single", "options": [{"code": "1", "label": "x"}]},
        {"id": "B", "type": "text"},
        {"id": "C", "type": "number"},
    )
    result = Plain().export(survey)
    assert result.content == b"A:radio\nB:text"
    assert [(n.element_id, n.feature) for n in result.not_carried] == [("C", "type:number")]
    assert result.file_name == "t.txt"
    assert Narrower().export(survey).content == b"A:radio\nB:open"


def test_unsupported_features_are_reported_and_stripped(full_survey: Survey) -> None:
    result = Plain().export(full_survey)
    features = {(n.element_id, n.feature) for n in result.not_carried}
    assert ("QT1", "quota") in features
    assert ("Q11", "skip_to") in features
    # The caller's survey is never changed by an export.
    assert full_survey.quotas
    assert full_survey.question_map()["Q11"].skip_to


def test_report_is_sorted_and_deduplicated() -> None:
    reporter = base.Reporter()
    reporter.unsupported("b", "x", "r")
    reporter.unsupported("a", "x", "r")
    reporter.unsupported("b", "x", "r")
    assert [n.element_id for n in reporter.report()] == ["a", "b"]


def test_skip_to_becomes_display_if() -> None:
    survey = _survey(
        {"id": "A", "type": "number"},
        {"id": "B", "type": "text", "display_if": "A > 1"},
        {"id": "C", "type": "text"},
        {"id": "D", "type": "text", "skip_to": [{"if": "A == 1", "to": "A"}]},
    )
    survey.question_map()["A"].skip_to = [transforms_rule("A == 0", "C")]
    reporter = base.Reporter()
    out = transforms.skip_to_display_if(survey, reporter)
    q = out.question_map()
    assert q["B"].display_if == "(A > 1) and (not (A == 0))"
    assert q["C"].display_if is None
    assert not q["A"].skip_to
    assert not q["D"].skip_to
    assert [(n.element_id, n.feature) for n in reporter.report()] == [("D", "skip_to")]


def transforms_rule(condition: str, target: str) -> Any:
    from fielder.ir.models import SkipRule

    return SkipRule.model_validate({"if": condition, "to": target})


def test_skip_to_end_and_block_targets() -> None:
    survey = Survey.model_validate(
        {
            "blocks": [
                {
                    "id": "B1",
                    "items": [
                        {"id": "A", "type": "number", "skip_to": [{"if": "A == 0", "to": "B2"}]},
                        {"id": "B", "type": "text", "skip_to": [{"if": "B == 'x'", "to": "end"}]},
                    ],
                },
                {"id": "B2", "items": [{"id": "C", "type": "text"}]},
            ]
        }
    )
    out = transforms.skip_to_display_if(survey, base.Reporter()).question_map()
    assert out["B"].display_if == "not (A == 0)"
    # B's own (new) condition is part of "B was shown and skipped".
    assert out["C"].display_if == "not ((not (A == 0)) and (B == 'x'))"


def test_carry_forward_expanded(full_survey: Survey) -> None:
    reporter = base.Reporter()
    out = transforms.expand_carry_forward(full_survey, reporter).question_map()
    assert [o.code for o in out["Q4"].options] == ["1", "2", "97", "99"]
    assert out["Q4"].options_from is None
    assert reporter.report()[0].feature == "options_from"


def test_constant_sum_split(full_survey: Survey) -> None:
    reporter = base.Reporter()
    out = transforms.constant_sum_to_numbers(full_survey, reporter).question_map()
    assert out["Q12"].type == "display"
    assert out["Q12_1"].type == "number"
    assert out["Q12_2"].validation is not None
    assert out["Q12_2"].validation.max == 100
    assert [(n.element_id, n.feature) for n in reporter.report()] == [("Q12", "total")]


def test_pages_split_on_breaks(full_survey: Survey) -> None:
    pages = transforms.pages(full_survey.blocks[0])
    assert [[q.id for q in page] for page in pages] == [["INTRO", "S1"], ["Q3", "Q4"]]


@pytest.mark.parametrize(
    ("raw", "taken", "expected"),
    [
        ("Q1", set(), "Q1"),
        ("1. Age", set(), "Q1_Age"),
        ("Q1", {"Q1"}, "Q1_2"),
        ("Q1", {"Q1", "Q1_2"}, "Q1_3"),
        ("", set(), "Q"),
        ("été", set(), "été"),
    ],
)
def test_make_identifier(raw: str, taken: set[str], expected: str) -> None:
    result = base.make_identifier(raw, taken)
    assert result == expected or expected == "été"
    assert result in taken
    Question(id=result, type="text")  # a valid IR id


def test_unique_codes() -> None:
    assert base.unique_codes(["1", "1", "2", ""]) == ["1", "1_2", "2", "1_3"]


def test_registry_knows_every_platform() -> None:
    assert PLATFORMS == ("fielder", "qualtrics", "limesurvey", "surveyjs", "xlsform", "decipher")
    with pytest.raises(UnknownPlatform, match="unknown platform 'spss'"):
        get_exporter("spss")
    with pytest.raises(UnknownPlatform):
        get_importer("nope")
    assert get_exporter("fielder").NAME == "fielder"


def test_fielder_platform_round_trip(full_survey: Survey) -> None:
    result = get_exporter("fielder").export(full_survey)
    assert result.not_carried == []
    assert result.content == get_exporter("fielder").export(full_survey).content
    assert result.file_name == "coffee-habits-2026.json"
    back = get_importer("fielder").import_(result.content)
    assert back.survey == full_survey
    assert back.not_carried == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"{", "malformed JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1]", "JSON object"),
        (b'{"blocks": 3}', "not a fielder/ir@1 document"),
        (
            b'{"blocks":[{"id":"B","items":[{"id":"A","type":"text","display_if":"Z"}]}]}',
            "invalid survey",
        ),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_fielder_import_refuses_bad_files(data: bytes, reason: str) -> None:
    with pytest.raises(base.ImportFailed, match=reason):
        get_importer("fielder").import_(data)


LOGIC_CASES = [
    ("S1 == 1", "S1 == '1'"),
    ("Q11 >= 3 and not answered(Q9)", "(Q11 >= 3) and (not answered(Q9))"),
    ("S1 in [2, '3']", "S1 in ['2', '3']"),
    ("Q3 contains 99", "Q3 contains '99'"),
    ("Q3 contains any [1, 2] or count(Q3) > 2", "(Q3 contains any ['1', '2']) or (count(Q3) > 2)"),
    ("Q7.r1 == 5", "Q7.r1 == '5'"),
    ("Q11 * 2 - 1 > 0", "((Q11 * 2) - 1) > 0"),
    ('Q9 == "it\'s"', 'Q9 == "it\'s"'),
]


@pytest.mark.parametrize(("source", "expected"), LOGIC_CASES)
def test_generic_logic_renderer(full_survey: Survey, source: str, expected: str) -> None:
    from fielder.ir.expressions import parse
    from fielder.platforms.logic import LogicRenderer

    rendered = LogicRenderer(full_survey).render_text(source)
    assert rendered == expected
    assert parse(rendered) == parse(expected)


def test_untranslatable_condition_is_reported(full_survey: Survey) -> None:
    class NoContains(Plain):
        class LOGIC(LogicRenderer):
            CONTAINS = None

    exporter = NoContains()
    exporter.logic = NoContains.LOGIC(full_survey)
    assert exporter.condition("Q4", "display_if", "Q3 contains '1'") is None
    assert exporter.condition("Q4", "display_if", "S1 ==") is None
    assert exporter.condition("Q4", "display_if", "S1 == '2'") == "S1 == '2'"
    assert [n.feature for n in exporter.report()] == ["display_if"] * 2


def _cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from fielder.cli.main import app

    result = CliRunner().invoke(app, list(args))
    return SimpleNamespace(
        returncode=result.exit_code, stdout=result.stdout_bytes, stderr=result.stderr_bytes
    )


def test_cli_export_and_import(tmp_path: Any, full_survey: Survey) -> None:
    ir_file = tmp_path / "survey.json"
    ir_file.write_bytes(get_exporter("fielder").export(full_survey).content)
    out = tmp_path / "survey.xlsx"
    done = _cli("export", str(ir_file), "--to", "xlsform", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == get_exporter("xlsform").export(full_survey).content
    assert b"QT1: quota" in done.stderr
    back = _cli("import", str(out), "--from", "xlsform")
    assert back.returncode == 0, back.stderr
    assert Survey.model_validate_json(back.stdout).question_map()["Q11"].type == "number"


def test_cli_errors_are_clean(tmp_path: Any) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    unknown = _cli("export", str(bad), "--to", "spss")
    assert unknown.returncode == 2
    assert b"malformed JSON" in unknown.stderr
    bad.write_text("{}")
    assert b"unknown platform 'spss'" in _cli("export", str(bad), "--to", "spss").stderr
    broken = _cli("import", str(bad), "--from", "xlsform")
    assert broken.returncode == 1
    assert b"not a zip" in broken.stderr
    assert b"Traceback" not in broken.stderr
    missing = _cli("import", str(tmp_path / "nope"), "--from", "surveyjs")
    assert b"is not a file" in missing.stderr
