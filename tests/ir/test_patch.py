"""Patches, diffs, canonical JSON, checksums, version bumps and per-question changes."""

import hashlib
import json

import pytest

from fielder.ir.models import Survey
from fielder.ir.patch import (
    PatchError,
    apply_json_patch,
    apply_merge_patch,
    bump_versions,
    canonical_json,
    checksum,
    diff,
    question_changes,
)


@pytest.fixture
def survey(coffee):
    return Survey.model_validate(coffee)


def test_json_patch_replace_add_remove(survey):
    patched = apply_json_patch(
        survey,
        [
            {"op": "replace", "path": "/title", "value": "Tea"},
            {"op": "replace", "path": "/blocks/1/items/3/required", "value": True},
            {
                "op": "add",
                "path": "/blocks/0/items/1/options/-",
                "value": {"code": "3", "label": "Other"},
            },
            {"op": "remove", "path": "/quotas/0"},
        ],
    )
    assert patched.title == "Tea"
    assert patched.question_map()["Q8"].required is True
    assert [o.code for o in patched.question_map()["S2"].options] == ["1", "2", "3"]
    assert patched.quotas == []
    assert survey.title == "Coffee habits 2026"  # the original is untouched


def test_json_patch_test_op(survey):
    ok = [{"op": "test", "path": "/title", "value": "Coffee habits 2026"}]
    assert apply_json_patch(survey, ok) == survey
    with pytest.raises(PatchError) as caught:
        apply_json_patch(survey, [{"op": "test", "path": "/title", "value": "x"}])
    assert caught.value.code == "test_failed"


@pytest.mark.parametrize(
    ("operations", "code"),
    [
        ({"op": "add"}, "invalid_patch"),
        ([1, 2], "invalid_patch"),
        ([{"op": "jump", "path": "/title"}], "invalid_patch"),
        ([{"op": "replace", "path": "/title"}], "invalid_patch"),
        ([{"op": "replace", "path": "/nope/x", "value": 1}], "patch_conflict"),
        ([{"op": "remove", "path": "/blocks/9"}], "patch_conflict"),
        ([{"op": "replace", "path": "title", "value": 1}], "patch_conflict"),
        ([{"op": "replace", "path": "/blocks/0/items/0/type", "value": "bogus"}], "invalid_result"),
        ([{"op": "add", "path": "/colour", "value": "red"}], "invalid_result"),
    ],
)
def test_json_patch_errors(survey, operations, code):
    with pytest.raises(PatchError) as caught:
        apply_json_patch(survey, operations)
    assert caught.value.code == code


def test_json_patch_invalid_result_names_the_element(survey):
    with pytest.raises(PatchError) as caught:
        apply_json_patch(
            survey, [{"op": "replace", "path": "/blocks/0/items/0/type", "value": "x"}]
        )
    assert caught.value.details[0]["element_id"] == "S1"
    assert caught.value.details[0]["pointer"] == "/blocks/0/items/0/type"
    assert caught.value.reason.startswith("the patched document is invalid: S1: ")


def test_json_patch_is_atomic(survey):
    before = survey.model_dump()
    with pytest.raises(PatchError):
        apply_json_patch(
            survey,
            [{"op": "replace", "path": "/title", "value": "x"}, {"op": "remove", "path": "/zz"}],
        )
    assert survey.model_dump() == before


def test_merge_patch(survey):
    patched = apply_merge_patch(survey, {"title": "Tea", "platform": "qualtrics", "quotas": None})
    assert (patched.title, patched.platform, patched.quotas) == ("Tea", "qualtrics", [])
    unset = apply_merge_patch(patched, {"platform": None, "extensions": {"qualtrics": {"a": 1}}})
    assert unset.platform is None
    assert unset.extensions == {"qualtrics": {"a": 1}}


@pytest.mark.parametrize(
    ("patch", "code"),
    [([], "invalid_patch"), ("x", "invalid_patch"), ({"blocks": "x"}, "invalid_result")],
)
def test_merge_patch_errors(survey, patch, code):
    with pytest.raises(PatchError) as caught:
        apply_merge_patch(survey, patch)
    assert caught.value.code == code


def test_diff_round_trip(survey):
    changed = apply_json_patch(
        survey,
        [
            {"op": "remove", "path": "/blocks/0/items/2"},
            {"op": "replace", "path": "/blocks/1/items/0/text", "value": "Cups?"},
            {"op": "move", "from": "/blocks/1/items/3", "path": "/blocks/0/items/0"},
        ],
    )
    operations = diff(survey, changed)
    assert operations
    assert apply_json_patch(survey, operations) == changed
    assert diff(survey, survey) == []


def test_canonical_json_and_checksum(survey, coffee):
    data = canonical_json(survey)
    assert data.startswith(b'{"blocks":[{"id":"B1","items":[{"id":"S1","options":[{"code":"1",')
    assert data == json.dumps(json.loads(data), sort_keys=True, separators=(",", ":")).encode()
    assert checksum(survey) == hashlib.sha256(data).hexdigest()
    # explicit defaults and key order do not change the checksum
    coffee["blocks"][0]["items"][0]["required"] = True
    reordered = dict(reversed(list(coffee.items())))
    assert checksum(Survey.model_validate(reordered)) == checksum(survey)
    assert checksum(apply_merge_patch(survey, {"title": "x"})) != checksum(survey)


def test_canonical_json_keeps_unicode(survey):
    data = canonical_json(apply_merge_patch(survey, {"title": "Café ☕"}))
    assert "Café ☕".encode() in data


def test_bump_versions(survey):
    after = apply_json_patch(
        survey,
        [
            {"op": "replace", "path": "/blocks/0/items/0/text", "value": "Age?"},
            {"op": "replace", "path": "/blocks/0/items/1/version", "value": 7},
            {"op": "add", "path": "/blocks/1/items/-", "value": {"id": "Q9", "type": "text"}},
        ],
    )
    bumped = bump_versions(survey, after)
    versions = {q.id: q.version for q in bumped.questions()}
    assert versions["S1"] == 2  # content changed
    assert versions["S2"] == 1  # only the version was touched: kept
    assert versions["Q9"] == 1  # new
    assert versions["Q3"] == 1
    assert bump_versions(bumped, bumped) == bumped
    again = bump_versions(bumped, apply_merge_patch(bumped, {"title": "x"}))
    assert again.question_map()["S1"].version == 2


def test_question_changes(survey):
    after = apply_json_patch(
        survey,
        [
            {"op": "replace", "path": "/blocks/0/items/0/text", "value": "Age?"},
            {"op": "remove", "path": "/blocks/1/items/3"},
            {"op": "add", "path": "/blocks/1/items/0", "value": {"id": "Q0", "type": "text"}},
        ],
    )
    changes = question_changes(survey, after)
    summary = [(c.op, c.question_id) for c in changes]
    # Q0 is inserted before Q5, Q6, Q7: they move, so they are updates too
    assert summary == [
        ("update", "S1"),
        ("create", "Q0"),
        ("update", "Q5"),
        ("update", "Q6"),
        ("update", "Q7"),
        ("delete", "Q8"),
    ]
    s1 = changes[0]
    assert (s1.before["text"], s1.after["text"]) == ("How old are you?", "Age?")
    assert s1.place_before == s1.place_after == ("B1", 0)
    assert changes[1].to_json()["after"] == {"id": "Q0", "type": "text"}
    assert changes[2].place_before == ("B2", 0)
    assert changes[2].place_after == ("B2", 1)
    assert changes[-1].after is None
    assert question_changes(survey, survey) == []
