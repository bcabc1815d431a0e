"""Qualtrics survey file (QSF) → IR, for our own exports and for files Qualtrics wrote.

Reads both shapes of the BL payload (a list in older exports, a `{"0": …}` object in
newer ones), follows the survey flow for block order, and maps MC/Matrix/TE/RO/CS/DB
questions back. Everything the IR cannot hold (other question types, GeoIP or panel
conditions, web services, notes, quotas…) is reported, never dropped silently.
"""

from __future__ import annotations

import html
import re
from typing import Any, ClassVar

from fielder.ir.models import (
    Block,
    Item,
    Option,
    OptionsFrom,
    PageBreak,
    Question,
    QuestionType,
    Quota,
    Row,
    SkipRule,
    Survey,
    Validation,
)
from fielder.platforms import base
from fielder.platforms.fielder import parse_json
from fielder.platforms.logic import Untranslatable
from fielder.platforms.qualtrics.export import INSTRUCTIONS_CLASS
from fielder.platforms.qualtrics.read_logic import FromQualtrics
from fielder.platforms.quotas import quota_id
from fielder.platforms.transforms import conjoin

_INSTRUCTIONS = re.compile(rf'<div class="{INSTRUCTIONS_CLASS}">(.*?)</div>\s*$', re.DOTALL)
_PIPED_QUESTION = re.compile(r"\$\{q://(QID\d+)/[^}]*\}")
_PIPED_FIELD = re.compile(r"\$\{e://Field/([A-Za-z_][A-Za-z0-9_]*)\}")
_DYNAMIC = re.compile(
    r"^q://(QID\d+)/ChoiceGroup/(SelectedChoices|NotSelectedChoices|UnselectedChoices)"
)
_SINGLE_SELECTORS: dict[str, QuestionType] = {
    "SAVR": "single",
    "SACOL": "single",
    "SB": "single",
    "SAHR": "scale",
    "NPS": "scale",
}
_MULTI_SELECTORS = frozenset({"MAVR", "MAHR", "MACOL", "MSB"})
_CONTENT_TYPES: dict[str, QuestionType] = {
    "ValidNumber": "number",
    "ValidEmail": "email",
    "ValidDate": "date",
}
#: Elements that hold nothing a survey's questions need (metadata, statistics, counts).
_QUIET_ELEMENTS = frozenset(
    {"BL", "FL", "SQ", "SO", "SCO", "STAT", "QC", "RS", "PROJ", "BR", "QO", "QG"}
)


def plain_text(value: Any) -> str:
    """Qualtrics HTML as plain IR text (line breaks kept, tags dropped, entities decoded)."""
    text = str(value or "")
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def _ordered(mapping: Any, order: Any) -> list[tuple[str, dict[str, Any]]]:
    """`(id, entry)` pairs of a Choices/Answers object in ChoiceOrder (else key order)."""
    if not isinstance(mapping, dict):
        return []
    keys = [str(k) for k in order] if isinstance(order, list) and order else list(mapping)
    return [(k, mapping[k]) for k in keys if isinstance(mapping.get(k), dict)]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class QualtricsImporter(base.Importer):
    """Reads QSF files; unknown question types become display items and are reported."""

    NAME: ClassVar[str] = "qualtrics"

    def read(self, data: bytes) -> Survey:
        """Parse a QSF document into a Survey; raises ImportFailed when it is not one."""
        document = parse_json(data)
        if not isinstance(document, dict) or not isinstance(document.get("SurveyElements"), list):
            raise base.ImportFailed("not a Qualtrics survey file: no SurveyElements list")
        elements = [e for e in document["SurveyElements"] if isinstance(e, dict)]
        entry = _dict(document.get("SurveyEntry"))
        self.payloads = {
            str(e.get("PrimaryAttribute")): e["Payload"]
            for e in elements
            if e.get("Element") == "SQ" and isinstance(e.get("Payload"), dict)
        }
        self.report_elements(elements)
        self.taken: set[str] = set()
        self.by_qid: dict[str, Question] = {}
        self.carry: dict[str, tuple[str, bool]] = {}
        self.skips: dict[str, tuple[Any, int]] = {}
        blocks = self.read_blocks(elements)
        survey = Survey(
            title=str(entry.get("SurveyName") or ""),
            languages=[_language(entry.get("SurveyLanguage"))],
            blocks=blocks,
        )
        self.read_logic(survey)
        self.read_quotas(survey, elements)
        return survey

    def report_elements(self, elements: list[dict[str, Any]]) -> None:
        for element in elements:
            code = str(element.get("Element"))
            if code in _QUIET_ELEMENTS:
                continue
            name = str(element.get("PrimaryAttribute") or code)
            self.unsupported(base.SURVEY, f"element:{code}", f"{name}: fielder has no place for it")

    # --- blocks and flow -------------------------------------------------------------

    def read_blocks(self, elements: list[dict[str, Any]]) -> list[Block]:
        raw = next((e.get("Payload") for e in elements if e.get("Element") == "BL"), None)
        if isinstance(raw, dict):
            raw = [raw[k] for k in sorted(raw, key=lambda k: (len(str(k)), str(k)))]
        blocks = {str(b.get("ID")): b for b in raw or [] if isinstance(b, dict)}
        flow = next((e.get("Payload") for e in elements if e.get("Element") == "FL"), None)
        self.order: list[str] = []
        self.hidden: list[Question] = []
        self.branches: list[tuple[str, Any, int]] = []
        self.walk_flow(_dict(flow).get("Flow"), blocks, inside=None)
        for block_id, block in blocks.items():
            if flow and block_id not in self.order and block.get("Type") != "Trash":
                self.unsupported(block_id, "block", "the block is not in the survey flow")
            if block.get("Type") == "Trash" and block.get("BlockElements"):
                self.unsupported(block_id, "trash", "questions in the trash are not imported")
        if not self.order:
            self.order = [k for k, b in blocks.items() if b.get("Type") != "Trash"]
        result = [self.block(blocks[k], n) for n, k in enumerate(self.order, start=1)]
        if self.hidden:
            if not result:
                result.append(Block(id="B1"))
            result[0].items[:0] = self.hidden
        return result

    def walk_flow(self, flow: Any, blocks: dict[str, Any], inside: Any) -> None:
        for item in flow if isinstance(flow, list) else []:
            if not isinstance(item, dict):
                continue
            kind = item.get("Type")
            if kind in ("Block", "Standard", "Default") and str(item.get("ID")) in blocks:
                self.add_block(str(item.get("ID")), inside)
            elif kind == "Branch":
                self.branch(item, blocks, inside)
            elif kind == "EmbeddedData":
                self.embedded(item)
            elif kind in ("BlockRandomizer", "Group"):
                self.unsupported(
                    str(item.get("FlowID")), f"flow:{kind}", "blocks are kept in file order"
                )
                self.walk_flow(item.get("Flow"), blocks, inside)
            else:
                self.unsupported(
                    str(item.get("FlowID")), f"flow:{kind}", "fielder has no such flow step"
                )

    def add_block(self, block_id: str, inside: Any) -> None:
        if block_id in self.order:
            self.unsupported(block_id, "flow:repeat", "a block shown twice is imported once")
            return
        self.order.append(block_id)
        if inside is not None:
            self.branches.append(("show", inside, len(self.order)))

    def branch(self, item: dict[str, Any], blocks: dict[str, Any], inside: Any) -> None:
        inner = [i for i in item.get("Flow") or [] if isinstance(i, dict)]
        if inner and all(i.get("Type") == "EndSurvey" for i in inner):
            self.branches.append(("end", item, len(self.order)))
            return
        if inner and all(i.get("Type") in ("Block", "Standard") for i in inner):
            self.walk_flow(inner, blocks, item.get("BranchLogic"))
            return
        self.unsupported(
            str(item.get("FlowID")), "flow:Branch", "only branches of blocks or an end"
        )
        self.walk_flow(inner, blocks, inside)

    def embedded(self, item: dict[str, Any]) -> None:
        for field in item.get("EmbeddedData") or []:
            name = str(_dict(field).get("Field") or "")
            if not name:
                continue
            qid = base.make_identifier(name, self.taken, "E")
            described = str(_dict(field).get("Description") or "")
            text = "" if described == name else described
            self.hidden.append(Question(id=qid, type="hidden", text=text, required=False))
            if _dict(field).get("Value"):
                self.unsupported(qid, "value", "a fixed embedded value is not carried")

    def block(self, raw: dict[str, Any], n: int) -> Block:
        items: list[Item] = []
        for element in raw.get("BlockElements") or []:
            element = _dict(element)
            if element.get("Type") == "Page Break":
                if items:
                    items.append(PageBreak(type="page_break"))
            elif element.get("Type") == "Question":
                qid = str(element.get("QuestionID"))
                question = self.question(qid)
                if question is not None:
                    items.append(question)
                    if element.get("SkipLogic"):
                        self.skips[question.id] = (element["SkipLogic"], n)
        description = str(raw.get("Description") or "")
        options = _dict(raw.get("Options"))
        randomize = str(options.get("RandomizeQuestions", "false")) not in ("false", "", "None")
        title = None if description in ("", f"B{n}") else description
        return Block(id=f"B{n}", title=title, randomize=randomize, items=items)

    # --- questions -------------------------------------------------------------------

    def question(self, qid: str) -> Question | None:
        payload = self.payloads.get(qid)
        if payload is None:
            self.unsupported(qid, "question", "the block lists a question the file does not hold")
            return None
        raw_id = str(payload.get("DataExportTag") or qid)
        question_id = base.make_identifier(raw_id, self.taken)
        text, instructions = _split_instructions(str(payload.get("QuestionText") or ""))
        settings = _dict(_dict(payload.get("Validation")).get("Settings"))
        question = Question(
            id=question_id,
            type="display",
            text=text,
            instructions=instructions,
            required=settings.get("ForceResponse") == "ON",
        )
        self.by_qid[qid] = question
        self.fill(question, payload, settings)
        if question.type == "display":
            question.required = False
        return question

    def fill(self, q: Question, payload: dict[str, Any], settings: dict[str, Any]) -> None:
        kind, selector = payload.get("QuestionType"), str(payload.get("Selector"))
        sub = str(payload.get("SubSelector"))
        if kind == "MC":
            q.type = _choice_type(selector)
            if selector not in _SINGLE_SELECTORS and selector not in _MULTI_SELECTORS | {"DL"}:
                self.unsupported(q.id, f"selector:{selector}", "read as a single choice")
            self.choices(q, payload)
            self.choice_counts(q, settings)
        elif kind in ("RO", "CS"):
            q.type = "ranking" if kind == "RO" else "constant_sum"
            self.choices(q, payload)
            if kind == "CS" and settings.get("ChoicesTotal") not in (None, ""):
                q.total = _float(settings.get("ChoicesTotal"))
        elif kind == "TE" and selector in ("SL", "ML", "ESTB", "PW"):
            self.text_entry(q, selector, settings)
        elif kind == "Matrix" and selector in ("Likert", "Bipolar"):
            self.matrix(q, payload, selector, sub)
        elif kind == "DB":
            q.type = "display"
        else:
            self.unsupported(
                q.id, f"type:{kind}/{selector}", "fielder has no such question; kept as text"
            )

    def choices(self, q: Question, payload: dict[str, Any]) -> None:
        entries = _ordered(payload.get("Choices"), payload.get("ChoiceOrder"))
        q.options = self.options(q, entries, payload)
        randomization = _dict(payload.get("Randomization"))
        advanced = _dict(randomization.get("Advanced"))
        if randomization.get("Type") in ("All", "Advanced") or advanced.get("RandomizeAll"):
            q.randomize_options = True
            fixed = {
                str(k) for k in advanced.get("FixedOrder") or [] if not str(k).startswith("{~")
            }
            for (cid, _), option in zip(entries, q.options, strict=True):
                option.fixed = cid in fixed
        dynamic = _dict(payload.get("DynamicChoices"))
        match = _DYNAMIC.match(str(dynamic.get("Locator") or ""))
        if match:
            self.carry[q.id] = (match.group(1), match.group(2) == "SelectedChoices")

    def options(
        self, q: Question, entries: list[tuple[str, dict[str, Any]]], payload: dict[str, Any]
    ) -> list[Option]:
        recode, naming = _dict(payload.get("RecodeValues")), _dict(payload.get("VariableNaming"))
        codes = base.unique_codes(str(recode.get(k) or naming.get(k) or k) for k, _ in entries)
        options = []
        for (_, choice), code in zip(entries, codes, strict=True):
            option = Option(code=code, label=plain_text(choice.get("Display")))
            option.exclusive = bool(choice.get("ExclusiveAnswer"))
            option.specify = choice.get("TextEntry") in ("true", True)
            if choice.get("DisplayLogic"):
                self.unsupported(
                    f"{q.id}.{code}", "display_if", "fielder options have no display logic"
                )
            options.append(option)
        return options

    def choice_counts(self, q: Question, settings: dict[str, Any]) -> None:
        low, high = settings.get("MinChoices"), settings.get("MaxChoices")
        if q.type == "multi" and (low or high):
            q.validation = Validation(
                min_choices=int(_float(low)) if low else None,
                max_choices=int(_float(high)) if high else None,
            )

    def text_entry(self, q: Question, selector: str, settings: dict[str, Any]) -> None:
        q.type = "long_text" if selector in ("ML", "ESTB") else "text"
        content = str(settings.get("ContentType") or "")
        if settings.get("Type") == "ContentType" and content in _CONTENT_TYPES:
            q.type = _CONTENT_TYPES[content]
        elif settings.get("Type") == "ContentType":
            self.unsupported(q.id, f"validation:{content}", "fielder has no such content check")
        if q.type == "number":
            number = _dict(settings.get("ValidNumber"))
            low, high = number.get("Min"), number.get("Max")
            integer = True if str(number.get("NumDecimals")) == "0" else None
            if low not in (None, "") or high not in (None, "") or integer:
                q.validation = Validation(
                    min=_float(low) if low not in (None, "") else None,
                    max=_float(high) if high not in (None, "") else None,
                    integer=integer,
                )
        if settings.get("Type") == "TotalChars" and str(settings.get("TotalChars", "")).isdigit():
            q.validation = Validation(max_length=int(settings["TotalChars"]))

    def matrix(self, q: Question, payload: dict[str, Any], selector: str, sub: str) -> None:
        q.type = "grid"
        q.multiple = sub == "MultipleAnswer"
        if selector != "Likert" or sub not in ("SingleAnswer", "MultipleAnswer"):
            self.unsupported(q.id, f"selector:{selector}/{sub}", "read as a grid of single choices")
        rows = _ordered(payload.get("Choices"), payload.get("ChoiceOrder"))
        tags = _dict(payload.get("ChoiceDataExportTags"))
        taken: set[str] = set()
        q.rows = [
            Row(
                id=base.make_identifier(str(tags.get(k) or f"r{k}"), taken, "r"),
                label=plain_text(c.get("Display")),
            )
            for k, c in rows
        ]
        answers = _ordered(payload.get("Answers"), payload.get("AnswerOrder"))
        q.options = self.options(q, answers, payload)
        if _dict(payload.get("Randomization")).get("Type") in ("All", "Advanced"):
            q.randomize_options = True

    # --- logic (second pass: every question id is known) -----------------------------

    def read_logic(self, survey: Survey) -> None:
        logic = FromQualtrics(self.by_qid)
        for qid, question in self.by_qid.items():
            payload = self.payloads[qid]
            question.text = self.unpipe(question.text)
            if question.instructions:
                question.instructions = self.unpipe(question.instructions)
            if payload.get("DisplayLogic"):
                question.display_if = self.condition(
                    logic, question.id, "display_if", payload["DisplayLogic"]
                )
            if question.id in self.carry:
                self.carry_forward(question, *self.carry[question.id])
        self.read_skips(survey, logic)
        self.read_branches(survey, logic)

    def read_quotas(self, survey: Survey, elements: list[dict[str, Any]]) -> None:
        """QO elements → quotas (`QT1`… in file order); what fielder cannot do is reported."""
        logic = FromQualtrics(self.by_qid)
        position = 0
        for element in elements:
            payload = element.get("Payload")
            if element.get("Element") == "QG" and isinstance(payload, dict):
                if payload.get("MultipleMatch", "PlaceInAll") != "PlaceInAll":
                    name = str(payload.get("Name") or element.get("PrimaryAttribute"))
                    reason = "a respondent counts in every quota met (PlaceInAll)"
                    self.unsupported(base.SURVEY, f"quota_group:{name}", reason)
            if element.get("Element") != "QO" or not isinstance(payload, dict):
                continue
            position += 1
            qt = quota_id(position)  # by file position, so reports name the file's quota
            name = plain_text(payload.get("Name")) or qt
            raw = payload.get("Logic")
            if payload.get("LogicType", "Simple") != "Simple" or not isinstance(raw, dict):
                self.unsupported(qt, "quota", f"{name!r}: only simple quotas are read")
                continue
            condition = self.condition(logic, qt, "quota", raw)
            if condition is None:
                continue
            self.quota_options(qt, payload)
            limit = _count(payload.get("Occurrences"))
            if limit is None:
                self.unsupported(qt, "quota", f"{name!r}: its count is not a whole number")
                continue
            survey.quotas.append(Quota(id=qt, name=name, condition=condition, limit=limit))

    def quota_options(self, qt: str, payload: dict[str, Any]) -> None:
        """Report quota settings beyond "end the survey, flagged as quota met"."""
        action = payload.get("QuotaAction")
        if action != "EndCurrentSurvey":
            self.unsupported(qt, "action", f"QuotaAction {action!r} is read as ending the survey")
        ending = _dict(payload.get("EndSurveyOptions"))
        if ending.get("EndingType", "Default") != "Default":
            self.unsupported(qt, "message", "the quota's own end message is in Qualtrics' library")
        if ending.get("ResponseFlag", "QuotaMet") != "QuotaMet":
            self.unsupported(qt, "action", f"response flag {ending.get('ResponseFlag')!r}")
        if payload.get("QuotaSchedule") or payload.get("QuotaRealm", "Survey") != "Survey":
            self.unsupported(qt, "schedule", "quota schedules and shared quotas are not carried")

    def carry_forward(self, question: Question, source_qid: str, selected: bool) -> None:
        """Dynamic choices → `options_from`; options copied from the source are dropped."""
        source = self.by_qid.get(source_qid)
        if source is None:
            self.unsupported(question.id, "options_from", f"{source_qid} is not in the file")
            return
        question.options_from = OptionsFrom(question=source.id, selected=selected)
        if [(o.code, o.label) for o in question.options] == [
            (o.code, o.label) for o in source.options
        ]:
            question.options = []

    def condition(self, logic: FromQualtrics, element: str, feature: str, raw: Any) -> str | None:
        try:
            return logic.condition_text(raw)
        except Untranslatable as exc:
            self.unsupported(element, feature, f"Qualtrics logic not carried: {exc}")
            return None

    def unpipe(self, text: str) -> str:
        def question(match: re.Match[str]) -> str:
            found = self.by_qid.get(match.group(1))
            return "{{" + found.id + "}}" if found else match.group(0)

        text = _PIPED_QUESTION.sub(question, text)
        return _PIPED_FIELD.sub(lambda m: "{{" + m.group(1) + "}}", text)

    def read_skips(self, survey: Survey, logic: FromQualtrics) -> None:
        ids = {q.id: q for q in survey.questions()}
        for question_id, (rules, n) in self.skips.items():
            question = ids[question_id]
            for rule in rules if isinstance(rules, list) else []:
                rule = _dict(rule)
                cond = {
                    "LogicType": "Question",
                    "LeftOperand": rule.get("ChoiceLocator"),
                    "Operator": rule.get("Condition"),
                }
                target = self.skip_target(str(rule.get("SkipToDestination")), survey, n)
                text = self.condition(
                    logic, question_id, "skip_to", {"0": {"0": cond, "Type": "If"}}
                )
                if text is not None and target is not None:
                    question.skip_to.append(SkipRule(if_=text, to=target))
                elif target is None:
                    self.unsupported(
                        question_id,
                        "skip_to",
                        f"skip destination {rule.get('SkipToDestination')!r}",
                    )

    def skip_target(self, destination: str, survey: Survey, n: int) -> str | None:
        if destination == "ENDOFSURVEY":
            return "end"
        if destination == "ENDOFBLOCK":
            return survey.blocks[n].id if n < len(survey.blocks) else "end"
        found = self.by_qid.get(destination)
        return found.id if found else None

    def read_branches(self, survey: Survey, logic: FromQualtrics) -> None:
        ids = {q.id: q for q in survey.questions()}
        for kind, raw, position in self.branches:
            if kind == "show":
                block = survey.blocks[position - 1]
                text = self.condition(logic, block.id, "display_if", raw)
                for question in block.questions() if text else []:
                    question.display_if = conjoin(text, question.display_if)
                continue
            described = re.match(r"Terminate after (\S+)$", str(raw.get("Description") or ""))
            target = ids.get(described.group(1)) if described else None
            if target is None and 0 < position <= len(survey.blocks):
                before = survey.blocks[position - 1].questions()
                target = before[-1] if before else None
            if target is None:
                self.unsupported(
                    str(raw.get("FlowID")), "terminate_if", "no question before the end"
                )
                continue
            text = self.condition(logic, target.id, "terminate_if", raw.get("BranchLogic"))
            if text is not None:
                target.terminate_if = (
                    conjoin(target.terminate_if, text) if target.terminate_if else text
                )


def _choice_type(selector: str) -> QuestionType:
    if selector == "DL":
        return "dropdown"
    if selector in _MULTI_SELECTORS:
        return "multi"
    return _SINGLE_SELECTORS.get(selector, "single")


def _split_instructions(raw: str) -> tuple[str, str | None]:
    match = _INSTRUCTIONS.search(raw)
    if match is None:
        return plain_text(raw), None
    return plain_text(raw[: match.start()]), plain_text(match.group(1)) or None


def _language(value: Any) -> str:
    code = str(value or "EN")
    head, _, tail = code.partition("-")
    return head.lower() + (f"-{tail}" if tail else "")


def _count(value: Any) -> int | None:
    """A quota count (a whole number of at least 0), or None."""
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def _float(value: Any) -> float:
    try:
        return float(str(value))
    except ValueError as exc:
        raise base.ImportFailed(f"{value!r} is not a number") from exc
