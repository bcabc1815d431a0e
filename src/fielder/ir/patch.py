"""Changes to a survey: JSON Patch (RFC 6902) and merge patch (RFC 7396), diffs, versions.

Patches are applied to the document's full JSON (defaults included, so `replace` works on
any field) and are atomic: either a new valid `Survey` comes back or `PatchError` is raised
and nothing changed. Diffs are computed on the same full JSON, so they always apply back
(a page break turned into a question leaves no stray field behind). The canonical
serialisation (compact JSON, sorted keys, no spaces, UTF-8) and its sha256 are the ETag
and the history checksum.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

import jsonpatch
import jsonpointer
from pydantic import ValidationError

from fielder.ir.models import Question, Survey
from fielder.ir.validate import shape_problems

__all__ = [
    "PatchError",
    "QuestionChange",
    "apply_json_patch",
    "apply_merge_patch",
    "bump_versions",
    "canonical_json",
    "checksum",
    "diff",
    "question_changes",
]


class PatchError(ValueError):
    """A patch that cannot be applied; `code` says why, `details` lists the model's complaints.

    Codes: `invalid_patch` (not a list of RFC 6902 operations / not an object),
    `test_failed` (a `test` operation did not hold), `patch_conflict` (a path that does not
    exist), `invalid_result` (the patched document is not a valid IR document).
    """

    def __init__(self, code: str, reason: str, details: list[dict[str, Any]] | None = None) -> None:
        self.code = code
        self.reason = reason
        self.details = details or []
        super().__init__(reason)


def _full(survey: Survey) -> dict[str, Any]:
    return survey.model_dump(mode="json", by_alias=True)


def _rebuild(document: Any) -> Survey:
    try:
        return Survey.model_validate(document)
    except ValidationError as error:
        problems = shape_problems(error, document)
        reason = f"the patched document is invalid: {problems[0].message}"
        raise PatchError("invalid_result", reason, [p.to_json() for p in problems]) from None


def apply_json_patch(survey: Survey, operations: Any) -> Survey:
    """A new survey: `survey` with the RFC 6902 `operations` applied (atomic; `PatchError`)."""
    if not isinstance(operations, list) or not all(isinstance(op, dict) for op in operations):
        raise PatchError("invalid_patch", "a JSON Patch is a list of operation objects")
    try:
        patch = jsonpatch.JsonPatch(operations)
        document = patch.apply(_full(survey), in_place=False)
    except jsonpatch.JsonPatchTestFailed as error:
        raise PatchError("test_failed", f"test operation failed: {error}") from None
    except jsonpatch.InvalidJsonPatch as error:
        raise PatchError("invalid_patch", f"invalid JSON Patch: {error}") from None
    except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as error:
        raise PatchError("patch_conflict", f"cannot apply the patch: {error}") from None
    except (TypeError, ValueError, KeyError, IndexError) as error:
        raise PatchError("invalid_patch", f"invalid JSON Patch: {error}") from None
    return _rebuild(document)


def _merge(target: Any, patch: Any) -> Any:
    """RFC 7396 § 2: objects merge member by member, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = _merge(result.get(key), value)
    return result


def apply_merge_patch(survey: Survey, patch: Any) -> Survey:
    """A new survey: `survey` with the RFC 7396 merge `patch` applied (atomic; `PatchError`)."""
    if not isinstance(patch, dict):
        raise PatchError("invalid_patch", "a merge patch for a survey is a JSON object")
    return _rebuild(_merge(_full(survey), patch))


def diff(before: Survey, after: Survey) -> list[dict[str, Any]]:
    """The RFC 6902 operations that turn `before` into `after`."""
    operations: list[dict[str, Any]] = jsonpatch.make_patch(_full(before), _full(after)).patch
    return operations


def canonical_json(survey: Survey) -> bytes:
    """The canonical bytes of a survey: compact JSON, sorted keys, no spaces, UTF-8."""
    text = json.dumps(survey.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def checksum(survey: Survey) -> str:
    """sha256 (hex) of `canonical_json(survey)`: equal for equal documents."""
    return hashlib.sha256(canonical_json(survey)).hexdigest()


# --- per-question changes --------------------------------------------------------------------


def _content(question: Question) -> dict[str, Any]:
    return question.model_dump(mode="json", by_alias=True, exclude={"version"})


def bump_versions(before: Survey, after: Survey) -> Survey:
    """`after` with each question's `version` set: its old version + 1 where its content
    (anything but `version`) changed, its old version where not; new questions keep theirs."""
    old = before.question_map()
    copy = after.model_copy(deep=True)
    for block in copy.blocks:
        for question in block.questions():
            previous = old.get(question.id)
            if previous is None:
                continue
            changed = _content(previous) != _content(question)
            question.version = previous.version + 1 if changed else previous.version
    return copy


@dataclass(frozen=True)
class QuestionChange:
    """One question created, updated (content or place) or deleted between two documents.

    `before`/`after` are the question's compact JSON; `place_*` is (block id, index in the
    block's items).
    """

    op: Literal["create", "update", "delete"]
    question_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    place_before: tuple[str, int] | None
    place_after: tuple[str, int] | None

    def to_json(self) -> dict[str, Any]:
        """The change as a plain dict."""
        return asdict(self)


def _places(survey: Survey) -> dict[str, tuple[Question, tuple[str, int]]]:
    found: dict[str, tuple[Question, tuple[str, int]]] = {}
    for block in survey.blocks:
        for index, item in enumerate(block.items):
            if isinstance(item, Question):
                found.setdefault(item.id, (item, (block.id, index)))
    return found


def _compact(question: Question) -> dict[str, Any]:
    return question.model_dump(mode="json", by_alias=True, exclude_defaults=True) | {
        "id": question.id,
        "type": question.type,
    }


def question_changes(before: Survey, after: Survey) -> list[QuestionChange]:
    """One change per differing question: creates/updates in `after`'s order, deletes last."""
    old, new = _places(before), _places(after)
    changes: list[QuestionChange] = []
    for qid, (question, place) in new.items():
        if qid not in old:
            changes.append(QuestionChange("create", qid, None, _compact(question), None, place))
            continue
        previous, old_place = old[qid]
        if _content(previous) != _content(question) or old_place != place:
            pair = (_compact(previous), _compact(question))
            changes.append(QuestionChange("update", qid, *pair, old_place, place))
    for qid, (question, place) in old.items():
        if qid not in new:
            changes.append(QuestionChange("delete", qid, _compact(question), None, place, None))
    return changes
