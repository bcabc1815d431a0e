"""IR → Qualtrics survey file (QSF): a JSON document of SurveyEntry and SurveyElements.

Question ids travel as `DataExportTag`, option codes as `RecodeValues` (numeric codes)
or `VariableNaming` (others), grid row ids as `ChoiceDataExportTags`. Display logic and
skip logic are written as Qualtrics logic objects; what they cannot say is reported.
Terminations become flow branches ending the survey after the question's block.
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

from fielder.ir import expressions as ex
from fielder.ir.models import Block, Option, Question, Survey
from fielder.platforms import base, transforms
from fielder.platforms.logic import Untranslatable
from fielder.platforms.qualtrics.logic import Lit, ToQualtrics
from fielder.platforms.qualtrics.payloads import (
    choices,
    codes,
    html_text,
    number_text,
    qualtrics_id,
    randomization,
)
from fielder.platforms.quotas import quota_id

INSTRUCTIONS_CLASS = "QuestionInstructions"
_CHOICE_TYPES = frozenset({"single", "multi", "dropdown", "scale", "ranking", "constant_sum"})


def native_skips_only(survey: Survey, reporter: transforms.Reporter) -> Survey:
    """Skip rules Qualtrics skip logic cannot hold become display conditions instead.

    A question keeps its skip logic when Qualtrics can say every rule (a chosen option,
    a later question of the block, the next block or the end); the others go through
    `transforms.skip_to_display_if`, so respondents still skip the same questions.
    """
    assert isinstance(reporter, QualtricsExporter)
    reporter.number(survey)
    kept = {}
    for block in survey.blocks:
        for question in block.questions():
            if question.skip_to and reporter.skips_native(question, block):
                kept[question.id] = question.skip_to
                question.skip_to = []
    survey = transforms.skip_to_display_if(survey, reporter)
    for question in survey.questions():
        question.skip_to = kept.get(question.id, question.skip_to)
    return survey


class QualtricsExporter(base.Exporter):
    """Writes a QSF file Qualtrics can import (Survey → Import Survey)."""

    NAME: ClassVar[str] = "qualtrics"
    FILE_EXTENSION: ClassVar[str] = "qsf"
    MEDIA_TYPE: ClassVar[str] = "application/json"
    SUPPORTS_QUOTAS: ClassVar[bool] = True
    SUPPORTS_VARIABLES: ClassVar[bool] = False
    SUPPORTS_ENDINGS: ClassVar[bool] = False
    NO_ENDINGS_REASON: ClassVar[str] = (
        "Qualtrics end messages are entries of the account's message library; a QSF only "
        "names them by id"
    )
    PREPROCESS: ClassVar[tuple[base.Rewrite, ...]] = (native_skips_only,)

    TRANSFORMS: ClassVar[dict[str, base.QuestionTransform]] = {
        "single": lambda self, q: self.choice_payload(q, "MC", "SAVR", "TX"),
        "multi": lambda self, q: self.choice_payload(q, "MC", "MAVR", "TX"),
        "dropdown": lambda self, q: self.choice_payload(q, "MC", "DL", None),
        "scale": lambda self, q: self.choice_payload(q, "MC", "SAHR", "TX"),
        "ranking": lambda self, q: self.choice_payload(q, "RO", "DND", "TX"),
        "constant_sum": lambda self, q: self.choice_payload(q, "CS", "VRTL", "TX"),
        "text": lambda self, q: self.entry_payload(q, "SL", None),
        "long_text": lambda self, q: self.entry_payload(q, "ML", None),
        "number": lambda self, q: self.entry_payload(q, "SL", "ValidNumber"),
        "email": lambda self, q: self.entry_payload(q, "SL", "ValidEmail"),
        "date": lambda self, q: self.entry_payload(q, "SL", "ValidDate"),
        "display": lambda self, q: self.payload(q, "DB", "TB", None),
    }

    def generate(self, survey: Survey) -> bytes:
        """The QSF document as indented JSON (one key order, so the bytes are stable)."""
        self.prepare(survey)
        survey_id = qualtrics_id("SV_", survey.title)
        elements = [self.blocks_element(survey), self.flow_element(survey), self.options()]
        elements.append(self.element("QC", "Survey Question Count", str(len(self.qids)), None))
        elements.append(
            self.element("RS", qualtrics_id("RS_", survey.title), "Default Response Set", None)
        )
        elements.extend(self.quota_elements(survey))
        elements.extend(self.questions_elements(survey))
        for element in elements:
            element["SurveyID"] = survey_id
        document = {"SurveyEntry": self.entry(survey, survey_id), "SurveyElements": elements}
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    # --- survey-level ----------------------------------------------------------------

    def number(self, survey: Survey) -> None:
        """Number the questions QID1… (hidden values are embedded data, not questions)."""
        visible = [q for q in survey.questions() if q.type != "hidden"]
        self.survey = survey
        self.qids = {q.id: f"QID{n}" for n, q in enumerate(visible, start=1)}
        self.qsf_logic = ToQualtrics(survey, self.qids)

    def skips_native(self, question: Question, block: Block) -> bool:
        """Whether Qualtrics skip logic can hold every skip rule of `question`."""
        return question.type != "hidden" and all(
            self.destination(rule.to, question, block) and self.skip_condition(question, rule.if_)
            for rule in question.skip_to
        )

    def prepare(self, survey: Survey) -> None:
        """Number the questions (QID1…) and check the ids Qualtrics can keep."""
        self.number(survey)
        self.block_ids = {b.id: qualtrics_id("BL_", survey.title, b.id) for b in survey.blocks}
        for n, block in enumerate(survey.blocks, start=1):
            if block.id != f"B{n}":
                self.unsupported(block.id, "id", "Qualtrics blocks have no ids; read back as B<n>")
        leading = True
        for question in survey.questions():
            leading = leading and question.type == "hidden"
            if question.type == "hidden" and not leading:
                self.unsupported(
                    question.id, "position", "hidden values are embedded data set before the survey"
                )
            if question.type == "hidden":
                self.hidden_logic(question)

    def hidden_logic(self, question: Question) -> None:
        """Embedded data is set, never shown: it has no instructions, display, skip or end logic."""
        for feature in ("display_if", "terminate_if", "skip_to", "instructions"):
            if getattr(question, feature):
                self.unsupported(question.id, feature, "embedded data has no text or logic")

    def entry(self, survey: Survey, survey_id: str) -> dict[str, Any]:
        """The SurveyEntry header."""
        never = "0000-00-00 00:00:00"
        language = (survey.languages[0] if survey.languages else "en").upper()
        for extra in survey.languages[1:]:
            self.unsupported(base.SURVEY, f"language:{extra}", "only the first language is written")
        return {
            "SurveyID": survey_id,
            "SurveyName": survey.title or "Untitled survey",
            "SurveyDescription": None,
            "SurveyOwnerID": "UR_fielder",
            "SurveyBrandID": "fielder",
            "DivisionID": None,
            "SurveyLanguage": language,
            "SurveyActiveResponseSet": qualtrics_id("RS_", survey.title),
            "SurveyStatus": "Inactive",
            "SurveyStartDate": never,
            "SurveyExpirationDate": never,
            "SurveyCreationDate": never,
            "CreatorID": "UR_fielder",
            "LastModified": never,
            "LastAccessed": never,
            "LastActivated": never,
            "Deleted": None,
        }

    @staticmethod
    def element(code: str, primary: str, secondary: str | None, payload: Any) -> dict[str, Any]:
        """One SurveyElements entry."""
        return {
            "SurveyID": "",
            "Element": code,
            "PrimaryAttribute": primary,
            "SecondaryAttribute": secondary,
            "TertiaryAttribute": None,
            "Payload": payload,
        }

    def options(self) -> dict[str, Any]:
        """The SO element: survey options (defaults Qualtrics itself writes)."""
        payload = {
            "BackButton": "true",
            "SaveAndContinue": "true",
            "SurveyProtection": "PublicSurvey",
            "BallotBoxStuffingPrevention": "false",
            "NoIndex": "Yes",
            "SecureResponseFiles": "true",
            "SurveyExpiration": "None",
            "SurveyTermination": "DefaultMessage",
            "Header": "",
            "Footer": "",
            "ProgressBarDisplay": "None",
            "PartialData": "+1 week",
            "PreviousButton": " ← ",
            "NextButton": " → ",
            "NewScoring": 1,
        }
        return self.element("SO", "Survey Options", None, payload)

    def blocks_element(self, survey: Survey) -> dict[str, Any]:
        """The BL element: one entry per block (list form, as Qualtrics exports it)."""
        payload = [self.block(block, n == 0) for n, block in enumerate(survey.blocks)]
        return self.element("BL", "Survey Blocks", None, payload)

    def block(self, block: Block, first: bool) -> dict[str, Any]:
        elements: list[dict[str, Any]] = []
        for item in block.items:
            if not isinstance(item, Question):
                elements.append({"Type": "Page Break"})
            elif item.id in self.qids:
                element: dict[str, Any] = {"Type": "Question", "QuestionID": self.qids[item.id]}
                skip = self.skip_logic(item, block)
                if skip:
                    element["SkipLogic"] = skip
                elements.append(element)
        options: dict[str, Any] = {"BlockLocking": "false", "RandomizeQuestions": "false"}
        if block.randomize:
            ids = [e["QuestionID"] for e in elements if e["Type"] == "Question"]
            advanced: dict[str, Any] = {
                "FixedOrder": [],
                "RandomizeAll": ids,
                "RandomSubSet": [],
                "Undisplayed": [],
            }
            advanced |= {"TotalRandSubset": 0, "QuestionsPerPage": 0}
            options["RandomizeQuestions"] = "Advanced"
            options["Randomization"] = {"Advanced": advanced, "EvenPresentation": False}
        return {
            "Type": "Default" if first else "Standard",
            "SubType": "",
            "Description": block.title or block.id,
            "ID": self.block_ids[block.id],
            "BlockElements": elements,
            "Options": options,
        }

    def flow_element(self, survey: Survey) -> dict[str, Any]:
        """The FL element: embedded data, the blocks in order, terminations after blocks."""
        flow: list[dict[str, Any]] = []
        hidden = [q for q in survey.questions() if q.type == "hidden"]
        if hidden:
            fields = [self.embedded_field(q) for q in hidden]
            flow.append({"Type": "EmbeddedData", "FlowID": "", "EmbeddedData": fields})
        for block in survey.blocks:
            flow.append({"Type": "Block", "ID": self.block_ids[block.id], "FlowID": ""})
            for question in block.questions():
                if question.terminate_if and question.type != "hidden":
                    branch = self.termination(question)
                    if branch:
                        flow.append(branch)
        for n, item in enumerate(flow, start=2):
            item["FlowID"] = f"FL_{n}"
            for m, inner in enumerate(item.get("Flow", []), start=1):
                inner["FlowID"] = f"FL_{n}_{m}"
        payload = {
            "Type": "Root",
            "FlowID": "FL_1",
            "Flow": flow,
            "Properties": {"Count": len(flow) + 1},
        }
        return self.element("FL", "Survey Flow", None, payload)

    def quota_elements(self, survey: Survey) -> list[dict[str, Any]]:
        """One QO element per quota (its condition as quota logic) and the QG group of them.

        The action is Qualtrics' "end current survey" with the response flagged as quota
        met (the field values real QSF files carry); a `screened_out` action is reported.
        """
        elements: list[dict[str, Any]] = []
        for quota in survey.quotas:
            logic = self.translate(quota.id, "quota", quota.condition)
            if logic is None:
                continue
            logic.pop("inPage", None)
            if quota.id != quota_id(len(elements) + 1):
                self.unsupported(quota.id, "id", "Qualtrics quota ids are its own; read as QT<n>")
            if quota.action != "over_quota":
                self.unsupported(quota.id, "action", "ended as quota met, not as a screen-out")
            qo_id = qualtrics_id("QO_", survey.title, quota.id)
            action = {"ActionType": "EndCurrentSurvey", "Type": "Expression"}
            payload = {
                "Name": quota.name,
                "Occurrences": quota.limit,
                "Logic": logic,
                "LogicType": "Simple",
                "QuotaAction": "EndCurrentSurvey",
                "OverQuotaAction": None,
                "ActionInfo": {
                    "0": {"0": action | {"LogicType": "QuotaAction"}, "Type": "If"},
                    "Type": "BooleanExpression",
                },
                "ID": qo_id,
                "QuotaRealm": "Survey",
                "QuotaSchedule": None,
                "EndSurveyOptions": {
                    "EndingType": "Default",
                    "ResponseFlag": "QuotaMet",
                    "SurveyTermination": "DefaultMessage",
                },
            }
            elements.append(self.element("QO", qo_id, quota.name, payload))
        if elements:
            group_id = qualtrics_id("QG_", survey.title)
            group = {
                "ID": group_id,
                "Name": "Default Quota Group",
                "Selected": True,
                "MultipleMatch": "PlaceInAll",
                "Public": False,
                "Quotas": [e["PrimaryAttribute"] for e in elements],
            }
            elements.append(self.element("QG", group_id, "Default Quota Group", group))
        return elements

    def embedded_field(self, question: Question) -> dict[str, Any]:
        return {
            "Description": question.text or question.id,
            "Type": "Recipient",
            "Field": question.id,
            "VariableType": "String",
            "DataVisibility": [],
            "AnalyzeText": False,
        }

    def termination(self, question: Question) -> dict[str, Any] | None:
        """A branch that ends the survey (screen-out) when `terminate_if` holds."""
        assert question.terminate_if is not None
        logic = self.translate(question.id, "terminate_if", question.terminate_if)
        if logic is None:
            return None
        end: dict[str, Any] = {"Type": "EndSurvey", "FlowID": "", "EndingType": "Advanced"}
        end["Options"] = {"Advanced": "true", "ScreenOut": "true"}
        return {
            "Type": "Branch",
            "FlowID": "",
            "Description": f"Terminate after {question.id}",
            "BranchLogic": logic,
            "Flow": [end],
        }

    def translate(self, element_id: str, feature: str, condition: str) -> dict[str, Any] | None:
        """A logic object for `condition`, or None after reporting why it cannot be written."""
        try:
            return self.qsf_logic.display_logic(condition)
        except (Untranslatable, ex.ExpressionError) as exc:
            self.unsupported(
                element_id, feature, f"Qualtrics logic cannot say {condition!r}: {exc}"
            )
            return None

    # --- skip logic ------------------------------------------------------------------

    def skip_logic(self, question: Question, block: Block) -> list[dict[str, Any]]:
        """Qualtrics skip logic (one chosen option, forward), all rules or none.

        The first rule that holds wins, so writing only some of them would change where
        respondents go; a question with any rule Qualtrics cannot hold keeps none.
        """
        rules: list[dict[str, Any]] = []
        for rule in question.skip_to:
            destination = self.destination(rule.to, question, block)
            lit = self.skip_condition(question, rule.if_)
            if destination is None or lit is None:
                return []
            rules.append(
                {
                    "SkipLogicID": len(rules) + 1,
                    "ChoiceLocator": lit.locator,
                    "Condition": lit.operator,
                    "SkipToDestination": destination,
                    "Locator": lit.locator,
                    "QuestionID": self.qids[question.id],
                }
            )
        return rules

    def destination(self, target: str, question: Question, block: Block) -> str | None:
        if target == "end":
            return "ENDOFSURVEY"
        later = block.questions()
        ids = [q.id for q in later]
        if target in ids and ids.index(target) > ids.index(question.id):
            return self.qids.get(target)
        blocks = [b.id for b in self.survey.blocks]
        if target in blocks and blocks.index(target) == blocks.index(block.id) + 1:
            return "ENDOFBLOCK"
        return None

    def skip_condition(self, question: Question, condition: str) -> Lit | None:
        try:
            formula = self.qsf_logic.formula(ex.parse(condition), negate=False)
        except (Untranslatable, ex.ExpressionError):
            return None
        if isinstance(formula, Lit) and formula.qid == self.qids[question.id]:
            if formula.operator in ("Selected", "NotSelected"):
                return formula
        return None

    # --- questions -------------------------------------------------------------------

    def questions_elements(self, survey: Survey) -> list[dict[str, Any]]:
        """One SQ element per question, in QID order."""
        elements = []
        for question in survey.questions():
            if question.id not in self.qids:
                continue
            payload = self.question(question)
            if payload is None:
                payload = self.payload(question, "DB", "TB", None)
            text = re.sub(r"<[^>]+>", " ", payload["QuestionText"]).strip()[:100]
            elements.append(self.element("SQ", self.qids[question.id], text, payload))
        return elements

    def payload(self, q: Question, kind: str, selector: str, sub: str | None) -> dict[str, Any]:
        """The fields every SQ payload has, in the order Qualtrics writes them."""
        payload: dict[str, Any] = {
            "QuestionText": self.question_text(q),
            "DataExportTag": q.id,
            "QuestionType": kind,
            "Selector": selector,
        }
        if sub:
            payload["SubSelector"] = sub
        payload["Configuration"] = {"QuestionDescriptionOption": "UseText"}
        payload["QuestionDescription"] = re.sub(r"\s+", " ", q.text).strip()[:100]
        payload["Validation"] = {"Settings": self.validation(q, kind)}
        payload["Language"] = []
        payload["QuestionID"] = self.qids[q.id]
        if q.display_if:
            logic = self.translate(q.id, "display_if", q.display_if)
            if logic is not None:
                payload["DisplayLogic"] = logic
        for rule in q.skip_to:
            if not self.skip_condition(q, rule.if_) or not self.destination(
                rule.to, q, self.block_of(q)
            ):
                self.unsupported(
                    q.id, "skip_to", f"Qualtrics skip logic cannot say {rule.if_!r} → {rule.to}"
                )
                break
        return payload

    def block_of(self, question: Question) -> Block:
        return next(b for b in self.survey.blocks if question in b.questions())

    def question_text(self, q: Question) -> str:
        text = self.piping(html_text(q.text), self.pipe)
        if q.instructions:
            note = self.piping(html_text(q.instructions), self.pipe)
            text += f'<div class="{INSTRUCTIONS_CLASS}">{note}</div>'
        return text

    def pipe(self, name: str) -> str:
        """Qualtrics piped text for `{{name}}`."""
        question = self.survey.question_map().get(name)
        if question is None:
            return "{{" + name + "}}"
        if question.type == "hidden":
            return "${e://Field/" + name + "}"
        qid = self.qids[name]
        if question.type in _CHOICE_TYPES:
            return "${q://" + qid + "/ChoiceGroup/SelectedChoices}"
        return "${q://" + qid + "/ChoiceTextEntryValue}"

    def validation(self, q: Question, kind: str) -> dict[str, Any]:
        force = "ON" if q.required and q.type != "display" else "OFF"
        settings: dict[str, Any] = {
            "ForceResponse": force,
            "ForceResponseType": "ON",
            "Type": "None",
        }
        rules = q.validation
        if kind == "CS" and q.total is not None:
            settings |= {"Type": "ChoicesTotal", "ChoicesTotal": number_text(q.total)}
        if rules is None:
            return settings
        if q.type == "multi" and (rules.min_choices is not None or rules.max_choices is not None):
            settings["Type"] = "MinChoices" if rules.max_choices is None else "RangeChoices"
            if rules.max_choices is not None and rules.min_choices is None:
                settings["Type"] = "MaxChoices"
            if rules.min_choices is not None:
                settings["MinChoices"] = str(rules.min_choices)
            if rules.max_choices is not None:
                settings["MaxChoices"] = str(rules.max_choices)
        if q.type in ("text", "long_text") and rules.max_length is not None:
            settings |= {"Type": "TotalChars", "TotalChars": str(rules.max_length)}
        if rules.pattern is not None:
            self.unsupported(
                q.id, "validation.pattern", "Qualtrics QSF has no portable pattern check"
            )
        return settings

    def choice_payload(
        self, q: Question, kind: str, selector: str, sub: str | None
    ) -> dict[str, Any]:
        """MC, RO and CS questions: choices, order, codes, randomisation, carry-forward."""
        payload = self.payload(q, kind, selector, sub)
        options = q.options or self.carried_options(q)
        payload["Choices"] = choices(options)
        payload["ChoiceOrder"] = [str(n) for n in range(1, len(options) + 1)]
        payload |= codes(options)
        if q.randomize_options:
            payload["Randomization"] = randomization(options)
        if q.options_from is not None and q.options_from.question in self.qids:
            which = "SelectedChoices" if q.options_from.selected else "NotSelectedChoices"
            locator = f"q://{self.qids[q.options_from.question]}/ChoiceGroup/{which}"
            payload["DynamicChoices"] = {"DynamicType": "ChoiceGroup", "Locator": locator}
        if q.scale and (q.scale.min_label or q.scale.max_label):
            self.unsupported(q.id, "scale", "a Qualtrics horizontal choice has no end labels")
        return payload

    def carried_options(self, q: Question) -> list[Option]:
        if q.options_from is None:
            return []
        source = self.survey.question_map().get(q.options_from.question)
        return source.options if source else []

    def entry_payload(self, q: Question, selector: str, content: str | None) -> dict[str, Any]:
        """TE questions; a content type checks numbers, e-mail addresses and dates."""
        payload = self.payload(q, "TE", selector, None)
        if content is None:
            return payload
        settings = payload["Validation"]["Settings"]
        settings |= {"Type": "ContentType", "ContentType": content}
        if content == "ValidDate":
            settings["ValidDateType"] = "DateWithFormat"
        if content == "ValidNumber":
            rules = q.validation
            settings["ValidNumber"] = {
                "Min": number_text(rules.min) if rules and rules.min is not None else "",
                "Max": number_text(rules.max) if rules and rules.max is not None else "",
                "NumDecimals": "0" if rules and rules.integer else "",
            }
        return payload

    def grid_export(self, q: Question) -> dict[str, Any]:
        """Matrix (Likert): rows are Choices, scale points are Answers."""
        sub = "MultipleAnswer" if q.multiple else "SingleAnswer"
        payload = self.payload(q, "Matrix", "Likert", sub)
        payload["Choices"] = {
            str(n): {"Display": html_text(r.label)} for n, r in enumerate(q.rows, 1)
        }
        payload["ChoiceOrder"] = [str(n) for n in range(1, len(q.rows) + 1)]
        payload["ChoiceDataExportTags"] = {str(n): r.id for n, r in enumerate(q.rows, 1)}
        payload["Answers"] = choices(q.options)
        payload["AnswerOrder"] = [str(n) for n in range(1, len(q.options) + 1)]
        payload |= codes(q.options)
        if q.randomize_options:
            payload["Randomization"] = randomization([Option(code=r.id, label="") for r in q.rows])
        return payload
