"""Splitting one IR edit into per-question steps, each a small RFC 6902 patch.

`split(before, after)` turns "the document was X, now it is Y" into an ordered list of
steps — one per question created, deleted, changed or moved, then one for anything else
(titles, blocks, page breaks, quotas) — whose patches, applied in order to `before`, give
exactly `after`. Patches name only what changed, so history grows with the edit, not with
the survey. Pure: JSON in, JSON out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import jsonpatch

Doc = dict[str, Any]
Op = dict[str, Any]
Operation = Literal["create", "update", "delete"]


@dataclass(frozen=True, slots=True)
class Step:
    """One change: the element it is about (a question id, or None for the survey), its kind,
    the patch from the previous state and a one-line message."""

    element_id: str | None
    operation: Operation
    patch: list[Op]
    message: str


def clone(value: Any) -> Any:
    """A deep copy of JSON data (through the C JSON codec: several times faster than deepcopy)."""
    return json.loads(json.dumps(value))


def _pointer(path: str, key: str | int) -> str:
    return f"{path}/{str(key).replace('~', '~0').replace('/', '~1')}"


def diff(old: Any, new: Any, path: str = "") -> list[Op]:
    """An RFC 6902 patch turning `old` into `new`: objects are compared key by key, a list
    that gained or lost one element gets one add/remove, anything else is replaced whole.
    Linear in the size of the values, unlike jsonpatch.make_patch; as small for edits."""
    if old == new and type(old) is type(new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        ops: list[Op] = [
            {"op": "remove", "path": _pointer(path, key)} for key in old if key not in new
        ]
        for key, value in new.items():
            if key in old:
                ops += diff(old[key], value, _pointer(path, key))
            else:
                ops.append({"op": "add", "path": _pointer(path, key), "value": clone(value)})
        return ops
    if isinstance(old, list) and isinstance(new, list):
        return _list_diff(old, new, path)
    return [{"op": "replace", "path": path, "value": clone(new)}]


def _list_diff(old: list[Any], new: list[Any], path: str) -> list[Op]:
    whole = [{"op": "replace", "path": path, "value": clone(new)}]
    if abs(len(old) - len(new)) == 1:
        shorter, longer = (old, new) if len(old) < len(new) else (new, old)
        at = next(
            (n for n, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b),
            len(shorter),
        )
        if shorter[at:] == longer[at + 1 :]:
            if longer is new:
                return [{"op": "add", "path": _pointer(path, at), "value": clone(new[at])}]
            return [{"op": "remove", "path": _pointer(path, at)}]
        return whole
    if len(old) != len(new):
        return whole
    ops: list[Op] = []
    for n, (a, b) in enumerate(zip(old, new, strict=True)):
        ops += diff(a, b, _pointer(path, n))
    return ops if len(ops) <= 1 or len(json.dumps(ops)) < len(json.dumps(new)) else whole


def _where(doc: Doc, question_id: str) -> tuple[int, int] | None:
    for b, block in enumerate(doc.get("blocks", [])):
        for i, item in enumerate(block.get("items", [])):
            if item.get("id") == question_id and item.get("type") != "page_break":
                return b, i
    return None


def _question_order(doc: Doc | None) -> list[tuple[str, str]]:
    """(block id, question id) of every question in document order."""
    if not doc:
        return []
    return [
        (block.get("id", ""), item["id"])
        for block in doc.get("blocks", [])
        for item in block.get("items", [])
        if item.get("type") != "page_break" and "id" in item
    ]


def _questions(doc: Doc | None) -> dict[str, Doc]:
    found: dict[str, Doc] = {}
    for block in (doc or {}).get("blocks", []):
        for item in block.get("items", []):
            if item.get("type") != "page_break" and "id" in item:
                found.setdefault(item["id"], item)
    return found


def skeleton(after: Doc) -> Doc:
    """`after` with no blocks: the state a first-ever programming run starts from."""
    return {key: clone(value) for key, value in after.items() if key != "blocks"} | {"blocks": []}


class _Splitter:
    """Walks from `before` towards `after`, one question at a time, keeping the ops."""

    def __init__(self, before: Doc | None, after: Doc) -> None:
        self.after = after
        self.steps: list[Step] = []
        self.pending: list[Op] = []
        if before is None:
            self.state = skeleton(after)
            self.pending = [{"op": "add", "path": "", "value": clone(self.state)}]
        else:
            self.state = clone(before)

    def emit(self, element_id: str | None, operation: Operation, ops: list[Op], text: str) -> None:
        jsonpatch.apply_patch(self.state, ops, in_place=True)
        self.steps.append(Step(element_id, operation, self.pending + ops, text))
        self.pending = []

    def delete_gone(self) -> None:
        wanted = _questions(self.after)
        for _, question_id in reversed(_question_order(self.state)):
            if question_id not in wanted:
                b, i = _where(self.state, question_id) or (0, 0)
                self.emit(
                    question_id,
                    "delete",
                    [{"op": "remove", "path": f"/blocks/{b}/items/{i}"}],
                    f"Deleted {question_id}",
                )

    def _block_index(self, block_id: str) -> tuple[int, list[Op]]:
        blocks = self.state.setdefault("blocks", [])
        for b, block in enumerate(blocks):
            if block.get("id") == block_id:
                return b, []
        source = next(blk for blk in self.after["blocks"] if blk.get("id") == block_id)
        shell = {key: value for key, value in source.items() if key != "items"} | {"items": []}
        return len(blocks), [{"op": "add", "path": f"/blocks/{len(blocks)}", "value": shell}]

    def _target(self, block_id: str, previous: str | None) -> tuple[int, int, list[Op]]:
        b, ops = self._block_index(block_id)
        items = self.state["blocks"][b]["items"] if not ops else []
        if previous is not None:
            for i, item in enumerate(items):
                if item.get("id") == previous and item.get("type") != "page_break":
                    return b, i + 1, ops
        return b, 0, ops

    def place(self) -> None:
        wanted = _questions(self.after)
        previous: tuple[str, str | None] = ("", None)
        for block_id, question_id in _question_order(self.after):
            prior = previous[1] if previous[0] == block_id else None
            self._place_one(block_id, question_id, prior, wanted[question_id])
            previous = (block_id, question_id)

    def _place_one(self, block_id: str, question_id: str, prior: str | None, item: Doc) -> None:
        here = _where(self.state, question_id)
        b, i, block_ops = self._target(block_id, prior)
        if here is None:
            path = f"/blocks/{b}/items/{i}"
            ops = [*block_ops, {"op": "add", "path": path, "value": clone(item)}]
            self.emit(question_id, "create", ops, f"Created {question_id}")
            return
        hb, hi = here
        in_place = not block_ops and hb == b and hi >= i and self._only_breaks(hb, i, hi)
        old = self.state["blocks"][hb]["items"][hi]
        if in_place and old == item:
            return
        if in_place:
            ops = diff(old, item, f"/blocks/{hb}/items/{hi}")
            self.emit(question_id, "update", ops, f"Changed {question_id}")
            return
        self._move(question_id, here, block_id, prior, item)

    def _only_breaks(self, b: int, start: int, end: int) -> bool:
        items = self.state["blocks"][b]["items"][start:end]
        return all(item.get("type") == "page_break" for item in items)

    def _move(
        self, question_id: str, here: tuple[int, int], block_id: str, prior: str | None, item: Doc
    ) -> None:
        hb, hi = here
        removal = [{"op": "remove", "path": f"/blocks/{hb}/items/{hi}"}]
        jsonpatch.apply_patch(self.state, removal, in_place=True)
        b, i, block_ops = self._target(block_id, prior)
        insert = {"op": "add", "path": f"/blocks/{b}/items/{i}", "value": clone(item)}
        # Undo the trial removal: `emit` applies the whole step to the state itself.
        jsonpatch.apply_patch(
            self.state,
            [{"op": "add", "path": f"/blocks/{hb}/items/{hi}", "value": item}],
            in_place=True,
        )
        self.emit(question_id, "update", [*removal, *block_ops, insert], f"Moved {question_id}")

    def finish(self) -> list[Step]:
        rest = diff(self.state, self.after)
        if rest or self.pending:
            operation: Operation = "create" if self.pending else "update"
            self.emit(None, operation, rest, "Changed the survey's settings and layout")
        return self.steps


def _places(doc: Doc) -> dict[str, tuple[int, int]]:
    return {
        item["id"]: (b, i)
        for b, block in enumerate(doc.get("blocks", []))
        for i, item in enumerate(block.get("items", []))
        if item.get("type") != "page_break" and "id" in item
    }


def _same_places(before: Doc, after: Doc) -> list[Step] | None:
    """The steps when every question stays where it was (the common edit), else None."""
    places = _places(before)
    if places != _places(after) or len(places) != len(_question_order(before)):
        return None
    steps: list[Step] = []
    for question_id, (b, i) in places.items():
        old, new = before["blocks"][b]["items"][i], after["blocks"][b]["items"][i]
        ops = diff(old, new, f"/blocks/{b}/items/{i}")
        if ops:
            steps.append(Step(question_id, "update", ops, f"Changed {question_id}"))
    # `before` with every question as in `after` (shared, not copied: only compared).
    state = before
    if "blocks" in before:
        blocks = [dict(block) for block in before["blocks"]]
        for b, i in places.values():
            if blocks[b]["items"] is before["blocks"][b]["items"]:
                blocks[b]["items"] = list(blocks[b]["items"])
            blocks[b]["items"][i] = after["blocks"][b]["items"][i]
        state = dict(before, blocks=blocks)
    rest = diff(state, after)
    if rest:
        steps.append(Step(None, "update", rest, "Changed the survey's settings and layout"))
    return steps


def split(before: Doc | None, after: Doc) -> list[Step]:
    """The per-question steps from `before` (None: no IR yet) to `after`, in order."""
    if before is not None:
        quick = _same_places(before, after)
        if quick is not None:
            return quick
    splitter = _Splitter(before, after)
    splitter.delete_gone()
    splitter.place()
    return splitter.finish()


def apply(state: Doc | None, patch: list[Op]) -> Doc:
    """`state` after `patch` (a new document)."""
    result: Doc = jsonpatch.apply_patch(state, patch, in_place=False)
    return result


def apply_in_place(state: Doc | None, patch: list[Op]) -> Doc:
    """`state` changed by `patch` where it stands (no copy; the patch's values become part
    of it, so pass a patch nothing else holds). Replaying history: a copy per patch would
    cost a whole document each."""
    result: Doc = jsonpatch.apply_patch(state, patch, in_place=True)
    return result


def with_question(state: Doc | None, block_id: str, question: Doc, title: str = "") -> Doc:
    """`state` with `question` put in: replaced where its id already is, else appended to
    block `block_id` (made when missing). A first question on no IR starts a bare document."""
    doc: Doc = clone(state) if state is not None else {"schema": "fielder/ir@1", "blocks": []}
    if title and state is None:
        doc["title"] = title
    where = _where(doc, question["id"])
    if where is not None:
        doc["blocks"][where[0]]["items"][where[1]] = clone(question)
        return doc
    block: Doc | None = next((blk for blk in doc["blocks"] if blk.get("id") == block_id), None)
    if block is None:
        block = {"id": block_id, "items": []}
        doc["blocks"].append(block)  # a block the run has not seen yet
    block["items"].append(clone(question))
    return doc


def _content(question: Doc) -> Doc:
    return {key: value for key, value in question.items() if key != "version"}


def bump_versions(before: Doc | None, after: Doc) -> Doc:
    """`after` with each question's `version` one above its old one where its content changed,
    its old one where not (new questions keep theirs). Both documents in compact IR JSON."""
    old = _questions(before)
    if not old:
        return after
    bumped: Doc = clone(after)
    for block in bumped.get("blocks", []):
        for item in block.get("items", []):
            previous = old.get(item.get("id", "")) if item.get("type") != "page_break" else None
            if previous is None:
                continue
            version = previous.get("version", 1) + (_content(previous) != _content(item))
            if version == 1:
                item.pop("version", None)  # the default is left out of compact JSON
            else:
                item["version"] = version
    return bumped


def question_step(
    state: Doc | None, block_id: str, question: Doc, title: str = ""
) -> tuple[list[Step], Doc]:
    """The step that puts one produced question into `state` (see `with_question`), its
    version bumped when it replaces a different one, and the state after it.

    Cheaper than `split` for a programming run: it touches only the one question."""
    if state is None:
        after = with_question(None, block_id, question, title)
        return split(None, after), after
    where = _where(state, question["id"])
    if where is None:
        after = with_question(state, block_id, question)
        b = next(n for n, blk in enumerate(after["blocks"]) if blk.get("id") == block_id)
        if b < len(state["blocks"]):
            path, value = f"/blocks/{b}/items/{len(state['blocks'][b]['items'])}", question
        else:
            path, value = f"/blocks/{b}", after["blocks"][b]
        op = {"op": "add", "path": path, "value": clone(value)}
        return [Step(question["id"], "create", [op], f"Created {question['id']}")], after
    old = state["blocks"][where[0]]["items"][where[1]]
    new = bump_versions({"blocks": [{"items": [old]}]}, {"blocks": [{"items": [question]}]})
    item = new["blocks"][0]["items"][0]
    if item == old:
        return [], state
    after = with_question(state, block_id, item)
    ops = diff(old, item, f"/blocks/{where[0]}/items/{where[1]}")
    return [Step(question["id"], "update", ops, f"Changed {question['id']}")], after
