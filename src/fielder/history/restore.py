"""Reverting one change: put the element it touched back as it was, in today's survey.

A change is about one question (or, with no element, the survey's own settings and
layout). Reverting it restores that question as it was just before the change — removing
it if the change created it, re-inserting it where it stood if the change deleted it — and
leaves every other question as it is now. Pure: JSON in, JSON out.
"""

from __future__ import annotations

import copy
from typing import Any

Doc = dict[str, Any]


def _find(doc: Doc, question_id: str) -> tuple[int, int] | None:
    for b, block in enumerate(doc.get("blocks", [])):
        for i, item in enumerate(block.get("items", [])):
            if item.get("id") == question_id and item.get("type") != "page_break":
                return b, i
    return None


def _anchor(before: Doc, question_id: str) -> tuple[Doc, str | None]:
    """The block (as it was) holding `question_id` and the question just above it, if any."""
    b, i = _find(before, question_id) or (0, 0)
    block = before["blocks"][b]
    above = [
        item["id"]
        for item in block["items"][:i]
        if item.get("type") != "page_break" and "id" in item
    ]
    return block, (above[-1] if above else None)


def _insert(doc: Doc, before: Doc, question: Doc) -> None:
    block, above = _anchor(before, question["id"])
    target = next((blk for blk in doc["blocks"] if blk.get("id") == block.get("id")), None)
    if target is None:
        target = {key: value for key, value in block.items() if key != "items"} | {"items": []}
        doc["blocks"].append(target)
    position = 0
    if above is not None:
        for index, item in enumerate(target["items"]):
            if item.get("id") == above and item.get("type") != "page_break":
                position = index + 1
    target["items"].insert(position, copy.deepcopy(question))


def _remove(doc: Doc, question_id: str) -> None:
    where = _find(doc, question_id)
    if where is not None:
        del doc["blocks"][where[0]]["items"][where[1]]


def _survey_level(current: Doc, before: Doc) -> Doc:
    restored = {key: copy.deepcopy(value) for key, value in before.items() if key != "blocks"}
    restored["blocks"] = copy.deepcopy(current.get("blocks", []))
    old_blocks = {block.get("id"): block for block in before.get("blocks", [])}
    for block in restored["blocks"]:
        old = old_blocks.get(block.get("id"))
        if old is not None:
            items = block["items"]
            block.clear()
            block.update({key: value for key, value in old.items() if key != "items"})
            block["items"] = items
    return restored


def revert_element(current: Doc, before: Doc | None, element_id: str | None) -> Doc:
    """`current` with element `element_id` as it was in `before` (None: the survey level)."""
    result = copy.deepcopy(current)
    if element_id is None:
        return _survey_level(result, before or {"blocks": []})
    where = _find(before, element_id) if before else None
    _remove(result, element_id)
    if before is not None and where is not None:
        question = before["blocks"][where[0]]["items"][where[1]]
        _insert(result, before, question)
    return result
