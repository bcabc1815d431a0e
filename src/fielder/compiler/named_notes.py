"""A programmer's note that opens by naming its questions: `PROG: Q3-Q6 NUMERIC, ALLOW 0-20`.

Specs put one note over a run of questions that share a format (a price ladder, a block of
ratings), usually under the block's heading, where the reader would take it for a note on
the question above. The ids it opens with say where it belongs: the note is each named
question's own, and no longer the one it happens to follow.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.conditions import described_test
from fielder.compiler.worded_answers import respondent_words

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

_PREFIX = (
    r"(?:(?:PROG(?:RAMMER|RAMMING)?|SCRIPT(?:ER|ING)?|NOTE|PN|DP)"
    r"\s*(?:NOTES?|INSTRUCTIONS?)?\s*[:.-]\s*)?"
)
_ID = r"[A-Z]{1,3}\d{1,3}"
_NAMED_RE = re.compile(
    rf"^(?P<head>{_PREFIX})(?:FOR\s+|AT\s+)?(?P<first>{_ID})\s?(?:-|–|—|\s(?:TO|THROUGH|THRU)\s)\s?"
    rf"(?P<last>{_ID})\s?[:,.]?\s(?P<rest>\S.*)$",
    re.I,
)
_PARTS_RE = re.compile(r"^([A-Z]{1,3})(\d{1,3})$", re.I)
_OTHERS_TO_RE = re.compile(
    rf"\b(?:ALL\s+)?(?:OTHERS|EVERYONE\s+ELSE)\s+(?:GO|SKIP|MOVE|JUMP)\s+(?:ON\s+)?TO\s+(?P<next>{_ID})\b",
    re.I,
)


def id_span(first: str, last: str) -> list[str]:
    """`Q3`, `Q6` → Q3, Q4, Q5, Q6 (the same letters, a short rising run); [] otherwise."""
    low, high = _PARTS_RE.match(first), _PARTS_RE.match(last)
    if low is None or high is None or low[1].upper() != high[1].upper():
        return []
    start, end = int(low[2]), int(high[2])
    if not 0 < end - start <= 20:
        return []
    return [f"{low[1].upper()}{n}" for n in range(start, end + 1)]


def names_questions(note: str) -> bool:
    """Whether the note opens by naming a run of questions (`Q6-Q9: WHOLE DOLLARS`)."""
    match = _NAMED_RE.match(note.strip())
    return bool(match and id_span(match["first"], match["last"]))


def place_named_notes(drafts: list[Draft]) -> None:
    """Move each note that names a run of questions to every question of that run."""
    by_id = {d.label.id: d for d in drafts if d.label is not None}
    for draft in drafts:
        for note in list(draft.notes):
            match = _NAMED_RE.match(note.strip())
            named = id_span(match["first"], match["last"]) if match else []
            if not match or not named or not all(n in by_id for n in named):
                continue
            others = _OTHERS_TO_RE.search(match["rest"])
            wider = id_span(match["first"], others["next"])[:-1] if others else []
            if len(named) < len(wider) <= len(named) + 3 and all(n in by_id for n in wider):
                # "Q2 TO Q4: ONLY … OTHERS GO TO Q6": those sent on skip Q5 too
                named = wider
            own = f"{match['head']}{match['rest']}"
            if draft.label is None or draft.label.id not in named:
                draft.notes.remove(note)
            for ident in named:
                target = by_id[ident]
                if target is not draft:
                    target.notes.append(own)


# "Answer E7 only if you ticked 'No' at E6.", "Ask Q12 only if …", "Show B4 only when …": a
# filter that names the question it is for. Forms print it in a note style wherever it fits
# (often under the answers of the question it depends on), so the id it names says whose it
# is, not the question it happens to follow.
# "FILTER: ASK ECON3 TO ECON5 IF IN WORK (…)", "ASK Q10a–Q10e IF …": a run named without
# "only", behind a filter word, with ids of up to five letters and a letter after the number.
# A paper form names its questions by number alone ("Please answer Questions 10 to 14 only if
# …"), the ids being Q10 … Q14.
_FILTER_ID = r"(?:[A-Z]{1,5})?\d{1,3}[a-z]?"
# ". If not, please go to Question 15.": where everyone else goes, no part of the condition
# ("If Q4 = 0, go straight to Q9.": the others named by their answer, then where they go)
_OTHERS_GO_ON_RE = re.compile(
    r"[.;]\s*(?:(?:IF\s+NOT|OTHERWISE|EVERYONE\s+ELSE|ALL\s+OTHERS|OTHERS)\b[^.]*|"
    r"IF\s[^.]{1,60}\b(?:GO|SKIP|JUMP|MOVE)\s+(?:\w+\s+)?TO\s[^.]*)\.?\s*$",
    re.I,
)
_NAMED_FILTER_RE = re.compile(
    # ("FILTER: PERSON 2  ASK NAME2 TO REL2 IF …": the box's title, then its filter)
    r"^(?:(?:SECTION\s+|BLOCK\s+)?FILTER\s*:\s*(?:(?-i:[A-Z]+)\s+\d{1,2}\s+)?)?"
    r"(?:please\s+)?(?:answer|ask|show|display|complete)\s+(?:questions?\s+)?"
    rf"(?P<id>{_FILTER_ID})"
    rf"(?:\s?(?:-|–|\sTO\s|\sTHROUGH\s|\sTHRU\s)\s?(?P<last>{_FILTER_ID}))?"
    r"\s+(?:only\s+(?P<cond>(?:if|when)\b[^?]{3,200})|(?P<bare>if\b[^?]{3,200}))$",
    re.I,
)


def _run(drafts: list[Draft], by_id: dict[str, Draft], first: str, last: str) -> list[Draft | None]:
    """The questions from `first` to `last` in the document's order (`Q10a`–`Q10e`, `ECON3
    TO ECON5`): ids with a letter after the number, or of more letters, that `id_span` cannot
    count."""
    low, high = _lookup(by_id, first), _lookup(by_id, last)
    if low is None or high is None:
        return []
    start, end = drafts.index(low), drafts.index(high)
    return list(drafts[start : end + 1]) if 0 < end - start <= 20 else []


def _lookup(by_id: dict[str, Draft], ident: str) -> Draft | None:
    """The question named: by its id, or a bare number by the id `Q<number>`."""
    found = by_id.get(ident.upper())
    return found if found or not ident.isdigit() else by_id.get(f"Q{ident}")


# Paper forms name their questions by number alone: "Please answer questions 9 to 11 only if
# you helped this year.", "Questions 2 to 9 are about … Please only answer them if you ticked
# 'Yes' above – otherwise carry on at question 10.", "Question 16 is only for people who
# ticked 'Yes' at Question 1." (what everyone else does after it only restates the filter)
_N = r"\d{1,3}[a-z]?"
_NUMBERED_FILTER_RES = (
    re.compile(
        rf"^(?:please\s+)?(?:only\s+)?(?:answer|complete|fill\s+in)\s+questions?\s+(?P<id>{_N})"
        rf"(?:\s?(?:-|–|\sto\s|\sand\s)\s?(?P<last>{_N}))?\s+only\s+(?P<cond>(?:if|when)\b.{{3,200}})$",
        re.I,
    ),
    re.compile(
        rf"^questions?\s+(?P<id>{_N})(?:\s?(?:-|–|\sto\s|\sand\s)\s?(?P<last>{_N}))?\s+(?:is|are)\s+"
        r"[^.]{0,120}\.\s+(?:please\s+)?(?:only\s+)?(?:answer|complete|fill\s+in)\s+(?:them|these|it)\s+"
        r"(?:only\s+)?(?P<cond>(?:if|when)\b.{3,200})$",
        re.I,
    ),
    re.compile(
        rf"^questions?\s+(?P<id>{_N})(?:\s?(?:-|–|\sto\s|\sand\s)\s?(?P<last>{_N}))?\s+(?:is|are)\s+"
        r"only\s+for\s+(?:people|those|anyone|residents|parents|members|patients|customers)\s+"
        r"(?:who|that)\s+(?P<who>.{3,200})$",
        re.I,
    ),
)
# where the filter's sentence ends and what the others do begins
_OTHERS_RE = re.compile(r"\s*(?:\.\s|\s[-–—]\s|;\s).*$")


def _numbered_filter(note: str) -> tuple[list[str], str] | None:
    """The questions a filter names by number (ids `Q9` …) and its condition (`if …`)."""
    for pattern in _NUMBERED_FILTER_RES:
        match = pattern.match(note.strip())
        if match is None:
            continue
        first, last = "Q" + match["id"], "Q" + (match["last"] or match["id"])
        named = id_span(first, last) if match["last"] else [first]
        cond = match.groupdict().get("cond") or f"if they {match['who']}"
        return named, _OTHERS_RE.sub("", cond).strip(" .")
    return None


# "Base for E13–E14: not Brightmoor customers (E4 ≠ 1)", "BASE FOR Q7 TO Q9: Q2 = 1": a base
# line naming the run of questions it covers, its test written out or in the last brackets
_BASE_FOR_RE = re.compile(
    rf"^(?:BASE|FILTER|UNIVERSE)\s+FOR\s+(?:questions?\s+)?(?P<id>{_FILTER_ID})"
    rf"\s?(?:-|–|—|\sTO\s|\sTHROUGH\s)\s?(?P<last>{_FILTER_ID})\s*:\s*(?P<cond>\S.*)$",
    re.I,
)
# "Filter for J3 and J4: visited a dealership at J2 (code 04).": a filter line naming the two
# questions (or the run, "J3-J6") it is for, then whom in words or the test
_FILTER_FOR_RE = re.compile(
    rf"^(?:FILTER|BASE)\s+FOR\s+(?:QUESTIONS?\s+)?(?P<id>{_FILTER_ID})"
    rf"(?:\s?(?P<join>-|–|\sTO\s|\sAND\s|\s?&\s?)\s?(?P<last>{_FILTER_ID}))\s*:\s*(?P<who>[^?]{{3,200}})$",
    re.I,
)


def _base_for(note: str) -> tuple[str, str, str] | None:
    """The first and last question a `Base for …:` line names, and its test."""
    match = _BASE_FOR_RE.match(note.strip())
    if match is None:
        return None
    cond = match["cond"].strip(" .")
    described = described_test(cond)
    if described and not re.search(rf"\b{_ID}\b", cond[: described.start()], re.I):
        cond = described["test"]  # "not Brightmoor customers (E4 ≠ 1)": the words describe it
    return match["id"], match["last"], f"if {cond}"


# "FILTER: EMPLOYEES ONLY (ECON = 1) — E3 AND E4": a filter box naming its questions last
_FILTER_THEN_IDS_RE = re.compile(
    rf"^FILTER\s*:\s*(?P<who>[^?]{{3,200}}?\([^()]*[=<>][^()]*\))\s*[—–-]\s*"
    rf"(?:QUESTIONS?\s+)?(?P<id>{_FILTER_ID})"
    rf"(?:\s?(?P<join>-|–|\sTO\s|\sAND\s|\s?&\s?)\s?(?P<last>{_FILTER_ID}))\W*$",
    re.I,
)


def _filter_for(note: str) -> tuple[list[str], str] | None:
    """The two questions (or the run) a "Filter for …:" line names, and its condition."""
    match = _FILTER_FOR_RE.match(_OTHERS_GO_ON_RE.sub("", note.strip()))
    match = match or _FILTER_THEN_IDS_RE.match(note.strip())
    if match is None:
        return None
    both = re.fullmatch(r"\s*(?:AND|&)\s*", match["join"], re.I)
    named = [match["id"], match["last"]] if both else id_span(match["id"], match["last"])
    return named, "if " + match["who"].strip(" .")


def _anchored(cond: str, drafts: list[Draft], first: Draft | None) -> str:
    """A run's filter in the respondent's words ("if you give regularly (one of the 'Yes'
    answers above)") is about the question before the run: each question of the run is pointed
    back at it ("(see Q10)"), not at the question just before itself."""
    if (
        first is None
        or "(see " in cond
        or not respondent_words(re.sub(r"^(?:if|when)\s+", "", cond))
    ):
        return cond
    place = next((i for i, d in enumerate(drafts) if d is first), 0)
    before = drafts[place - 1].label if place else None
    return f"{cond} (see {before.id})" if before is not None else cond


def place_named_filters(drafts: list[Draft]) -> None:
    """Move each 'Answer E7 only if …' note to E7, as the filter written above it."""
    by_id = {d.label.id.upper(): d for d in drafts if d.label is not None}
    for draft in drafts:
        for kept in (draft.notes, draft.pre_notes):
            for note in list(kept):
                match = _NAMED_FILTER_RE.match(_OTHERS_GO_ON_RE.sub("", note.strip()))
                numbered = None if match else _numbered_filter(note)
                based = None if match or numbered else _base_for(note)
                if match is None and numbered is None and based is None:
                    numbered = _filter_for(note)  # "Filter for J3 and J4: …"
                if match is None and numbered is None and based is None:
                    continue
                if based is not None:
                    targets = _run(drafts, by_id, based[0], based[1])
                    cond = based[2]
                elif match is not None:
                    if match["bare"] and not match["last"]:
                        continue  # "ASK Q5 IF …" alone is the next question's filter already
                    # "ASK B13 TO B16 ONLY IF …": a filter over a run of questions
                    named = id_span(match["id"], match["last"]) if match["last"] else [match["id"]]
                    targets = [_lookup(by_id, n) for n in named]
                    if match["last"] and (not named or None in targets):
                        targets = _run(drafts, by_id, match["id"], match["last"])
                    cond = (match["cond"] or match["bare"]).strip(" .")
                else:
                    assert numbered is not None
                    named, cond = numbered
                    if respondent_words(re.sub(r"^(?:if|when)\s+", "", cond)) and draft.label:
                        # the answer in words is one of the question the note is written under
                        cond = f"{cond} (see {draft.label.id})"
                    targets = [_lookup(by_id, n) for n in named]
                # "Answer Q2 only if …" under Q2's own words is Q2's filter too (a paper form's
                # grey hint below the question); other notes under their own question stay
                under_own = match is not None and match["cond"] is not None
                if (
                    not targets
                    or None in targets
                    or (targets == [draft] and kept is draft.notes and not under_own)
                ):
                    continue
                if match is not None and len(targets) > 1:
                    cond = _anchored(cond, drafts, targets[0])
                kept.remove(note)
                own = f"Only answer the next question {cond}"
                for target in targets:
                    assert target is not None
                    target.pre_notes.append(own)
