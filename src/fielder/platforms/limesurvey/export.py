"""IR → LimeSurvey survey structure file (.lss, LimeSurvey 4+ shape with `*_l10ns` tables).

Blocks are question groups, question ids become question titles (letters and digits
only, so `Q3_a` is written `Q3a` and reported), options become answers (L, !, R, F) or
subquestions (M, K). Conditions become `relevance` ExpressionScript; skip logic is turned
into relevance first. Tables are written as LimeSurvey writes them: `<fields>` then
`<rows><row>` with every value in CDATA.
"""

from __future__ import annotations

import hashlib
import html
import re
from typing import Any, ClassVar

from fielder.ir.models import Block, Option, Question, Survey
from fielder.platforms import base, transforms
from fielder.platforms.limesurvey.expression import (
    ExpressionScript,
    answer_codes,
    question_titles,
    row_codes,
)
from fielder.platforms.logic import Untranslatable
from fielder.platforms.quotas import members_of as quota_members
from fielder.platforms.quotas import quota_id

DB_VERSION = "477"
EMAIL_PATTERN = r"/^[^@\s]+@[^@\s]+\.[^@\s]+$/"

TYPE_LETTERS = {
    "single": "L",
    "scale": "L",
    "dropdown": "!",
    "multi": "M",
    "grid": "F",
    "text": "S",
    "email": "S",
    "hidden": "S",
    "long_text": "T",
    "number": "N",
    "constant_sum": "K",
    "ranking": "R",
    "date": "D",
    "display": "X",
}
_WITH_ANSWERS = frozenset({"L", "!", "R", "F"})
_WITH_SUBQUESTIONS = frozenset({"M", "K", "F", ":"})

QUESTION_FIELDS = (
    "qid parent_qid sid gid type title preg other mandatory encrypted question_order "
    "scale_id same_default relevance question_theme_name modulename"
).split()
TABLE_FIELDS: dict[str, list[str]] = {
    "answers": "aid qid code sortorder assessment_value scale_id".split(),
    "answer_l10ns": "id aid answer language".split(),
    "groups": "gid sid group_order randomization_group grelevance".split(),
    "group_l10ns": "id gid group_name description language sid group_order".split(),
    "questions": QUESTION_FIELDS,
    "subquestions": QUESTION_FIELDS,
    "question_l10ns": "id qid question help script language".split(),
    "question_attributes": "qid attribute value language".split(),
    "quota": "id sid name qlimit action active autoload_url".split(),
    "quota_members": "id sid qid quota_id code".split(),
    "quota_languagesettings": (
        "quotals_id quotals_quota_id quotals_language quotals_name quotals_message "
        "quotals_url quotals_urldescrip"
    ).split(),
    "surveys": (
        "sid gsid admin adminemail anonymized format savetimings template language "
        "additional_languages datestamp usecookie allowregister allowsave autonumber_start "
        "autoredirect allowprev printanswers ipaddr refurl showsurveypolicynotice "
        "publicstatistics publicgraphs listpublic htmlemail sendconfirmation "
        "tokenanswerspersistence assessments usecaptcha usetokens showxquestions "
        "showgroupinfo shownoanswer showqnumcode showwelcome showprogress questionindex "
        "navigationdelay nokeyboard alloweditaftercompletion"
    ).split(),
    "surveys_languagesettings": (
        "surveyls_survey_id surveyls_language surveyls_title surveyls_description "
        "surveyls_welcometext surveyls_endtext surveyls_url surveyls_urldescription "
        "surveyls_dateformat surveyls_numberformat"
    ).split(),
}
TABLE_ORDER = list(TABLE_FIELDS)
#: What LimeSurvey itself writes when a quota has no message of its own.
DEFAULT_QUOTA_MESSAGE = "Sorry your responses have exceeded a quota on this survey."
#: `quota.action`: 1 ends the survey at once, 2 lets the respondent change the last answers.
QUOTA_TERMINATE = "1"
QUOTA_CONFIRM_TERMINATE = "2"


def html_text(text: str) -> str:
    """Plain IR text as the HTML LimeSurvey shows (escaped, line breaks as `<br />`)."""
    return html.escape(text, quote=False).replace("\n", "<br />")


def cdata(value: str) -> str:
    """A CDATA section (a literal `]]>` is split across two sections)."""
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even in CDATA.
    return _CONTROL.sub("", text) if not text.isprintable() else text


def write_table(name: str, rows: list[dict[str, str]]) -> list[str]:
    """One `<name><fields>…</fields><rows>…</rows></name>` table, one-space indented."""
    fields = TABLE_FIELDS[name]
    lines = [f" <{name}>", "  <fields>"]
    lines += [f"   <fieldname>{field}</fieldname>" for field in fields]
    lines += ["  </fields>", "  <rows>"]
    for row in rows:
        lines.append("   <row>")
        for field in fields:
            value = _clean(row.get(field, ""))
            lines.append(f"    <{field}>{cdata(value)}</{field}>" if value else f"    <{field}/>")
        lines.append("   </row>")
    lines += ["  </rows>", f" </{name}>"]
    return lines


def survey_id(title: str) -> str:
    """A six-digit survey id derived from the title (LimeSurvey ids are 6 digits)."""
    return str(100000 + int(hashlib.sha256(title.encode()).hexdigest(), 16) % 900000)


class LimeSurveyExporter(base.Exporter):
    """Writes a .lss file LimeSurvey imports (Surveys → Import)."""

    NAME: ClassVar[str] = "limesurvey"
    FILE_EXTENSION: ClassVar[str] = "lss"
    MEDIA_TYPE: ClassVar[str] = "application/xml"
    LOGIC: ClassVar[type[ExpressionScript]] = ExpressionScript
    SUPPORTS_TERMINATE: ClassVar[bool] = False
    SUPPORTS_FIXED_OPTIONS: ClassVar[bool] = False
    SUPPORTS_QUOTAS: ClassVar[bool] = True
    PREPROCESS: ClassVar[tuple[base.Rewrite, ...]] = (
        transforms.skip_to_display_if,
        transforms.one_page_per_block,
    )

    def generate(self, survey: Survey) -> bytes:
        """The .lss document."""
        self.survey, self.sid = survey, survey_id(survey.title)
        self.language = survey.languages[0] if survey.languages else "en"
        for extra in survey.languages[1:]:
            self.unsupported(base.SURVEY, f"language:{extra}", "only the first language is written")
        self.titles = question_titles(survey)
        self.tables: dict[str, list[dict[str, str]]] = {name: [] for name in TABLE_ORDER}
        self.next_id = {"qid": 0, "aid": 0, "l10n": 0, "answer_l10n": 0}
        self.qids: dict[str, str] = {}
        questions = survey.question_map()
        for q in survey.questions():  # carried-forward options are written out
            source = questions.get(q.options_from.question) if q.options_from else None
            if source is not None and not q.options:
                q.options = [o.model_copy() for o in source.options]
        self.survey_rows(survey)
        self.variables(survey)
        for order, block in enumerate(survey.blocks, start=1):
            self.group(block, order)
        self.quotas(survey)
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>"]
        lines += [
            " <LimeSurveyDocType>Survey</LimeSurveyDocType>",
            f" <DBVersion>{DB_VERSION}</DBVersion>",
        ]
        lines += [" <languages>", f"  <language>{self.language}</language>", " </languages>"]
        for name in TABLE_ORDER:
            if self.tables[name]:
                lines += write_table(name, self.tables[name])
        lines.append("</document>")
        return ("\n".join(lines) + "\n").encode("utf-8")

    def quotas(self, survey: Survey) -> None:
        """Quotas whose condition is member lists; the over-quota ending is their message.

        Every quota ends the survey (action 1); LimeSurvey has no screened-out outcome of
        its own, so a `screened_out` action is reported and read back as `over_quota`.
        """
        questions = survey.question_map()
        ending = next((e for e in survey.endings if e.id == "over_quota"), None)
        message = html_text(ending.text) if ending else DEFAULT_QUOTA_MESSAGE
        written = 0
        for quota in survey.quotas:
            try:
                members = quota_members(quota.condition, questions)
            except Untranslatable as exc:
                self.unsupported(quota.id, "quota", f"not LimeSurvey quota members: {exc}")
                continue
            written += 1
            if quota.id != quota_id(written):
                self.unsupported(quota.id, "id", f"LimeSurvey quotas are numbered: {written}")
            if quota.action != "over_quota":
                self.unsupported(
                    quota.id, "action", "LimeSurvey ends every full quota the same way"
                )
            self.quota_rows(str(written), quota.name, quota.limit, message)
            for item in members:
                question = questions[item.question]
                codes = answer_codes(question)
                for code in item.codes:
                    self.tables["quota_members"].append(
                        {
                            "id": str(len(self.tables["quota_members"]) + 1),
                            "sid": self.sid,
                            "qid": self.qids[item.question],
                            "quota_id": str(written),
                            "code": codes[code],
                        }
                    )
        if ending is not None and (not written or not ending.text.strip()):
            self.unsupported(ending.id, "ending", "shown by LimeSurvey only as a quota's message")

    def quota_rows(self, number: str, name: str, limit: int, message: str) -> None:
        self.tables["quota"].append(
            {
                "id": number,
                "sid": self.sid,
                "name": _clean(name),
                "qlimit": str(limit),
                "action": QUOTA_TERMINATE,
                "active": "1",
                "autoload_url": "0",
            }
        )
        self.tables["quota_languagesettings"].append(
            {
                "quotals_id": number,
                "quotals_quota_id": number,
                "quotals_language": self.language,
                "quotals_name": _clean(name),
                "quotals_message": message,
            }
        )

    def new_id(self, kind: str) -> str:
        self.next_id[kind] += 1
        return str(self.next_id[kind])

    # --- survey and groups -----------------------------------------------------------

    def survey_rows(self, survey: Survey) -> None:
        settings = dict.fromkeys(TABLE_FIELDS["surveys"], "N")
        settings |= {
            "sid": self.sid,
            "gsid": "1",
            "admin": "Administrator",
            "adminemail": "",
            "format": "G",
            "savetimings": "N",
            "template": "fruity",
            "language": self.language,
            "additional_languages": "",
            "allowsave": "Y",
            "allowprev": "Y",
            "autonumber_start": "0",
            "showsurveypolicynotice": "0",
            "showxquestions": "Y",
            "showgroupinfo": "B",
            "showqnumcode": "X",
            "showwelcome": "Y",
            "showprogress": "Y",
            "questionindex": "0",
            "navigationdelay": "0",
        }
        self.tables["surveys"].append(settings)
        complete = next((e for e in survey.endings if e.id == "complete"), None)
        for ending in survey.endings:
            if ending is complete or ending.id == "over_quota":
                continue  # the over-quota text is each quota's message (see `quotas`)
            reason = "LimeSurvey has one end message and quota messages"
            self.unsupported(ending.id, "ending", reason)
        self.tables["surveys_languagesettings"].append(
            {
                "surveyls_survey_id": self.sid,
                "surveyls_language": self.language,
                "surveyls_title": html_text(survey.title),
                "surveyls_endtext": html_text(complete.text) if complete else "",
                "surveyls_dateformat": "9",
                "surveyls_numberformat": "0",
            }
        )

    def variables(self, survey: Survey) -> None:
        """Computed values are equation questions (type `*`) in the first group, hidden."""
        if not survey.variables:
            return
        if not survey.blocks:
            survey.blocks.append(Block(id="B1"))
        for variable in survey.variables:
            if self.titles[variable.name] != variable.name:
                title = self.titles[variable.name]
                self.unsupported(
                    variable.name, "id", f"LimeSurvey codes are letters and digits: {title}"
                )
            equation = self.condition(variable.name, "variable", variable.expression)
            if equation is None:
                # Conditions that use an unwritten value cannot be written either.
                if isinstance(self.logic, ExpressionScript):
                    self.logic.titles.pop(variable.name, None)
                continue
            question = Question(id=variable.name, type="display", required=False)
            qid = self.question_row(question, "1", "*", order=0)
            self.attribute(qid, "equation", "{" + equation + "}")
            self.attribute(qid, "hidden", "1")

    def group(self, block: Block, order: int) -> None:
        if block.id != f"B{order}":
            self.unsupported(block.id, "id", "LimeSurvey groups have no ids; read back as B<n>")
        gid = str(order)
        self.tables["groups"].append(
            {"gid": gid, "sid": self.sid, "group_order": str(order), "grelevance": "1"}
        )
        self.tables["group_l10ns"].append(
            {
                "id": gid,
                "gid": gid,
                "group_name": html_text(block.title or block.id),
                "language": self.language,
                "sid": self.sid,
                "group_order": str(order),
            }
        )
        self.gid = gid
        for n, question in enumerate(block.questions(), start=1):
            self.question_in_group(question, n, block)

    # --- questions -------------------------------------------------------------------

    def question_in_group(self, q: Question, order: int, block: Block) -> None:
        letter = TYPE_LETTERS[q.type]
        if q.type == "grid" and q.multiple:
            letter = ":"
        if self.titles[q.id] != q.id:
            self.unsupported(
                q.id, "id", f"LimeSurvey codes are letters and digits: {self.titles[q.id]}"
            )
        if q.type == "scale":
            self.unsupported(
                q.id, "type", "LimeSurvey has no labelled scale; written as a list (L)"
            )
        qid = self.question_row(q, self.gid, letter, order)
        self.qids[q.id] = qid
        if block.randomize:
            self.attribute(qid, "random_group", block.id)
        self.options(q, qid, letter)
        self.attributes(q, qid)

    def question_row(self, q: Question, gid: str, letter: str, order: int) -> str:
        qid = self.new_id("qid")
        specify = any(o.specify for o in q.options) and letter in ("L", "!", "M")
        relevance = self.condition(q.id, "display_if", q.display_if) or "1"
        preg = ""
        if q.type == "email":
            preg = EMAIL_PATTERN
            if q.validation and q.validation.pattern:
                self.unsupported(q.id, "validation.pattern", "an e-mail question has its own check")
        elif q.validation and q.validation.pattern:
            preg = "/" + q.validation.pattern.replace("/", r"\/") + "/"
        self.tables["questions"].append(
            {
                "qid": qid,
                "parent_qid": "0",
                "sid": self.sid,
                "gid": gid,
                "type": letter,
                "title": self.titles.get(q.id, q.id),
                "preg": preg,
                "other": "Y" if specify else "N",
                "mandatory": "Y" if q.required and letter not in ("X", "*") else "N",
                "encrypted": "N",
                "question_order": str(order),
                "scale_id": "0",
                "same_default": "0",
                "relevance": relevance,
            }
        )
        self.text(qid, self.piping(html_text(q.text), self.pipe), html_text(q.instructions or ""))
        return qid

    def text(self, qid: str, question: str, help_text: str) -> None:
        self.tables["question_l10ns"].append(
            {
                "id": self.new_id("l10n"),
                "qid": qid,
                "question": question,
                "help": self.piping(help_text, self.pipe),
                "language": self.language,
            }
        )

    def pipe(self, name: str) -> str:
        """LimeSurvey tailoring: `{Q2.shown}` shows the answer as the respondent saw it."""
        return "{" + self.titles[name] + ".shown}" if name in self.titles else "{{" + name + "}}"

    def attribute(self, qid: str, name: str, value: str) -> None:
        self.tables["question_attributes"].append({"qid": qid, "attribute": name, "value": value})

    def options(self, q: Question, qid: str, letter: str) -> None:
        options = q.options
        if q.options_from is not None:
            self.carried(q, qid, letter)
        has_other = letter in ("L", "!", "M")
        plain = [o for o in options if not (o.specify and has_other)]
        specify = [o for o in options if o.specify and has_other]
        for option in plain:
            if option.specify:
                self.unsupported(f"{q.id}.{option.code}", "specify", "only lists have 'other'")
        self.specify(q, qid, specify, options)
        codes = answer_codes(q.model_copy(update={"options": options}))
        if letter in _WITH_ANSWERS:
            for n, option in enumerate(plain, start=1):
                self.answer(qid, codes[option.code], option.label, n)
        if letter == "F" or letter == ":":
            for n, (row, code) in enumerate(zip(q.rows, row_codes(q).values(), strict=True), 1):
                self.subquestion(qid, q, code, row.label, n, scale=0)
        if letter == ":":
            for n, option in enumerate(plain, start=1):
                self.subquestion(qid, q, codes[option.code], option.label, n, scale=1)
        if letter in ("M", "K"):
            for n, option in enumerate(plain, start=1):
                self.subquestion(qid, q, codes[option.code], option.label, n, scale=0)
        exclusive = [codes[o.code] for o in plain if o.exclusive]
        if exclusive and letter == "M":
            self.attribute(qid, "exclude_all_others", ";".join(exclusive))
        elif exclusive:
            for option in plain:
                if option.exclusive:
                    self.unsupported(
                        f"{q.id}.{option.code}", "exclusive", "only multiple choice has it"
                    )

    def specify(self, q: Question, qid: str, specify: list[Option], options: list[Option]) -> None:
        """LimeSurvey's one "other" answer: always last, code `-oth-`, label as an attribute."""
        if not specify:
            return
        other = specify[0]
        self.attribute(qid, "other_replace_text", html_text(other.label))
        if other.code != "-oth-":
            self.unsupported(
                f"{q.id}.{other.code}", "code", "LimeSurvey's other answer is coded -oth-"
            )
        if options[-1] is not other:
            self.unsupported(f"{q.id}.{other.code}", "position", "LimeSurvey shows 'other' last")
        for extra in specify[1:]:
            self.unsupported(f"{q.id}.{extra.code}", "specify", "LimeSurvey has one 'other' answer")

    def carried(self, q: Question, qid: str, letter: str) -> None:
        """Carry-forward between multiple choices is LimeSurvey's array filter."""
        assert q.options_from is not None
        source = self.survey.question_map().get(q.options_from.question)
        if letter == "M" and source is not None and source.type == "multi":
            name = "array_filter" if q.options_from.selected else "array_filter_exclude"
            self.attribute(qid, name, self.titles[source.id])
        else:
            self.unsupported(q.id, "options_from", "LimeSurvey filters only multiple choices")

    def answer(self, qid: str, code: str, label: str, order: int) -> None:
        aid = self.new_id("aid")
        self.tables["answers"].append(
            {
                "aid": aid,
                "qid": qid,
                "code": code,
                "sortorder": str(order),
                "assessment_value": "0",
                "scale_id": "0",
            }
        )
        self.tables["answer_l10ns"].append(
            {"id": aid, "aid": aid, "answer": html_text(label), "language": self.language}
        )

    def subquestion(
        self, parent: str, q: Question, code: str, label: str, order: int, scale: int
    ) -> None:
        qid = self.new_id("qid")
        self.tables["subquestions"].append(
            {
                "qid": qid,
                "parent_qid": parent,
                "sid": self.sid,
                "gid": self.gid,
                "type": "T",
                "title": code,
                "other": "N",
                "mandatory": "",
                "encrypted": "N",
                "question_order": str(order),
                "scale_id": str(scale),
                "same_default": "0",
                "relevance": "1",
            }
        )
        self.text(qid, html_text(label), "")

    def attributes(self, q: Question, qid: str) -> None:
        """random_order, min/max answers, numeric limits, equals_num_value, hidden…"""
        rules = q.validation
        values: dict[str, Any] = {}
        if q.randomize_options:
            values["random_order"] = "1"
        if q.type == "hidden":
            values["hidden"] = "1"
        if q.type == "grid" and q.multiple:
            values["multiflexible_checkbox"] = "1"
        if q.type == "constant_sum" and q.total is not None:
            values["equals_num_value"] = _number(q.total)
        if rules is not None and rules.max_choices == 0:
            self.unsupported(q.id, "validation.max_choices", "LimeSurvey reads 0 as no maximum")
        if rules is not None:
            values |= {
                "min_answers": rules.min_choices,
                "max_answers": rules.max_choices or None,
                "min_num_value_n": rules.min,
                "max_num_value_n": rules.max,
                "num_value_int_only": "1" if rules.integer else None,
                "maximum_chars": rules.max_length,
            }
        for name in sorted(values):
            value = values[name]
            if value is not None:
                self.attribute(
                    qid, name, _number(value) if isinstance(value, float) else str(value)
                )
        if q.scale and (q.scale.min_label or q.scale.max_label):
            self.unsupported(q.id, "scale", "LimeSurvey lists have no end labels")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
