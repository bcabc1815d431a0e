"""LimeSurvey .lss → IR, for LimeSurvey 4+ files (`*_l10ns` tables) and older ones.

XML is parsed with defusedxml (no DTDs, no entities, so no entity bombs). Texts are
taken in the survey's base language; other languages, question types the IR lacks and
ExpressionScript it cannot read are reported as not carried.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import Any, ClassVar
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from fielder.ir.models import (
    Block,
    Ending,
    Option,
    OptionsFrom,
    Question,
    QuestionType,
    Quota,
    Row,
    Survey,
    Validation,
    Variable,
)
from fielder.platforms import base
from fielder.platforms.limesurvey.export import (
    DEFAULT_QUOTA_MESSAGE,
    EMAIL_PATTERN,
    QUOTA_CONFIRM_TERMINATE,
    QUOTA_TERMINATE,
)
from fielder.platforms.limesurvey.expression import ReadExpression
from fielder.platforms.logic import Untranslatable
from fielder.platforms.quotas import Members, condition_of, quota_id

Table = list[dict[str, str]]

SIMPLE_TYPES: dict[str, QuestionType] = {
    "L": "single",
    "O": "single",
    "!": "dropdown",
    "M": "multi",
    "P": "multi",
    "F": "grid",
    ":": "grid",
    "S": "text",
    "T": "long_text",
    "U": "long_text",
    "N": "number",
    "K": "constant_sum",
    "R": "ranking",
    "D": "date",
    "X": "display",
    "5": "scale",
    "Y": "single",
    "G": "single",
}
#: Types read with something the IR does not hold (comments, a layout).
_LOSSY = {"O": "list with comment", "P": "multiple choice with comments"}
_FIXED_ANSWERS = {
    "5": [(str(n), str(n)) for n in range(1, 6)],
    "Y": [("Y", "Yes"), ("N", "No")],
    "G": [("F", "Female"), ("M", "Male")],
}
_PIPE = re.compile(r"\{([A-Za-z][A-Za-z0-9]*)(?:\.(?:shown|NAOK|value))?\}")


def plain_text(value: str) -> str:
    """LimeSurvey HTML as plain IR text."""
    text = re.sub(r"<br\s*/?>", "\n", value, flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*<p[^>]*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def parse_xml(data: bytes) -> Element:
    """The document element, parsed safely; raises ImportFailed for bad or hostile XML."""
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise base.ImportFailed(
            f"XML with DTDs or entities is refused: {type(exc).__name__}"
        ) from exc
    except ParseError as exc:
        raise base.ImportFailed(f"malformed XML: {exc}") from exc
    return root


def read_tables(root: Element) -> dict[str, Table]:
    """Every `<table><rows><row>` of the document as lists of {field: text}."""
    tables: dict[str, Table] = {}
    for table in root:
        rows = table.find("rows")
        if rows is None:
            continue
        tables[table.tag] = [{cell.tag: cell.text or "" for cell in row} for row in rows]
    return tables


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


class LimeSurveyImporter(base.Importer):
    """Reads .lss survey structure files."""

    NAME: ClassVar[str] = "limesurvey"

    def read(self, data: bytes) -> Survey:
        """Parse an .lss document into a Survey; raises ImportFailed when it is not one."""
        root = parse_xml(data)
        if root.tag != "document" or (root.findtext("LimeSurveyDocType") or "").strip() != "Survey":
            raise base.ImportFailed("not a LimeSurvey survey file (no LimeSurveyDocType Survey)")
        self.tables = read_tables(root)
        settings = (self.tables.get("surveys") or [{}])[0]
        languages = [e.text or "" for e in root.iter("language") if e.text]
        self.language = settings.get("language") or (languages[0] if languages else "en")
        extra = [x for x in settings.get("additional_languages", "").split() if x]
        for language in extra:
            self.unsupported(base.SURVEY, f"language:{language}", "only the base language is read")
        self.index()
        self.taken: set[str] = set()
        self.by_qid: dict[str, Question] = {}
        self.titles: dict[str, str] = {}
        self.variables: list[tuple[str, str]] = []
        self.variable_titles: list[tuple[str, str]] = []
        self.relevance: dict[str, str] = {}
        self.filters: dict[str, tuple[str, bool]] = {}
        blocks = [self.group(row, n) for n, row in enumerate(self.groups(), start=1)]
        survey = Survey(
            title=self.survey_title(),
            languages=[self.language, *extra],
            blocks=blocks,
            endings=self.endings(),
        )
        self.logic(survey)
        self.quotas(survey)
        return survey

    # --- tables ------------------------------------------------------------------------

    def localized(self, rows: Table) -> Table:
        """Rows of the base language (pre-4 files repeat each row per language)."""
        return [r for r in rows if r.get("language", self.language) in (self.language, "")]

    def index(self) -> None:
        t = self.tables
        self.l10n: dict[str, dict[str, str]] = {
            r.get("qid", ""): r for r in self.localized(t.get("question_l10ns", []))
        }
        self.group_l10n = {r.get("gid", ""): r for r in self.localized(t.get("group_l10ns", []))}
        self.answer_l10n = {r.get("aid", ""): r for r in self.localized(t.get("answer_l10ns", []))}
        everything = self.localized(t.get("questions", [])) + self.localized(
            t.get("subquestions", [])
        )
        self.children: dict[str, Table] = defaultdict(list)
        self.by_group: dict[str, Table] = defaultdict(list)
        for row in everything:
            parent = row.get("parent_qid", "0") or "0"
            if parent != "0":
                self.children[parent].append(row)
            else:
                self.by_group[row.get("gid", "")].append(row)
        self.answers: dict[str, Table] = defaultdict(list)
        for row in self.localized(t.get("answers", [])):
            self.answers[row.get("qid", "")].append(row)
        self.attributes: dict[str, dict[str, str]] = defaultdict(dict)
        for row in t.get("question_attributes", []):
            if row.get("language", "") in ("", self.language):
                self.attributes[row.get("qid", "")][row.get("attribute", "")] = row.get("value", "")

    def groups(self) -> Table:
        rows = self.localized(self.tables.get("groups", []))
        seen: dict[str, dict[str, str]] = {}
        for row in rows:
            seen.setdefault(row.get("gid", ""), row)
        return sorted(seen.values(), key=lambda r: _int(r.get("group_order")))

    def survey_title(self) -> str:
        for row in self.tables.get("surveys_languagesettings", []):
            if row.get("surveyls_language") == self.language:
                return plain_text(row.get("surveyls_title", ""))
        return ""

    def endings(self) -> list[Ending]:
        for row in self.tables.get("surveys_languagesettings", []):
            if row.get("surveyls_language") == self.language and row.get("surveyls_endtext"):
                return [Ending(id="complete", text=plain_text(row["surveyls_endtext"]))]
        return []

    def text_of(self, row: dict[str, str], field: str) -> str:
        localized = self.l10n.get(row.get("qid", ""))
        source = localized if localized is not None else row
        return source.get(field, "") or ""

    # --- groups and questions ---------------------------------------------------------

    def group(self, row: dict[str, str], n: int) -> Block:
        gid = row.get("gid", "")
        name = plain_text(self.group_l10n.get(gid, row).get("group_name", ""))
        questions: list[Question] = []
        random_groups = set()
        for qrow in sorted(self.by_group.get(gid, []), key=lambda r: _int(r.get("question_order"))):
            question = self.question(qrow)
            if question is not None:
                questions.append(question)
                random_groups.add(self.attributes[qrow.get("qid", "")].get("random_group", ""))
        if (row.get("grelevance") or "1").strip() not in ("", "1"):
            self.unsupported(f"B{n}", "display_if", "group relevance is not carried")
        randomize = len(random_groups) == 1 and "" not in random_groups and bool(questions)
        if len(random_groups - {""}) > (1 if randomize else 0):
            self.unsupported(f"B{n}", "randomize", "only whole-group randomisation is carried")
        title = None if name in ("", f"B{n}") else name
        return Block(id=f"B{n}", title=title, randomize=randomize, items=list(questions))

    def question(self, row: dict[str, str]) -> Question | None:
        qid, letter = row.get("qid", ""), row.get("type", "")
        title = row.get("title", "") or f"Q{qid}"
        attributes = self.attributes[qid]
        if letter == "*":
            equation = attributes.get("equation", "").strip()
            self.variables.append((base.make_identifier(title, self.taken, "V"), equation))
            self.titles.setdefault(title, self.variables[-1][0])
            self.variable_titles.append((title, self.variables[-1][0]))
            return None
        question_id = base.make_identifier(title, self.taken)
        self.titles.setdefault(title, question_id)
        kind = SIMPLE_TYPES.get(letter)
        question = Question(
            id=question_id,
            type=kind or "display",
            text=plain_text(self.text_of(row, "question")),
            instructions=plain_text(self.text_of(row, "help")) or None,
            required=row.get("mandatory") in ("Y", "S"),
        )
        if kind is None:
            self.unsupported(
                question_id, f"type:{letter}", "fielder has no such question; kept as text"
            )
        if letter in _LOSSY:
            self.unsupported(
                question_id, f"type:{letter}", f"{_LOSSY[letter]}: the comments are not carried"
            )
        self.by_qid[qid] = question
        self.fill(question, row, letter, attributes)
        if question.type == "display":
            question.required = False
        self.relevance[question_id] = row.get("relevance", "") or ""
        return question

    def fill(self, q: Question, row: dict[str, str], letter: str, attrs: dict[str, str]) -> None:
        qid = row.get("qid", "")
        subs = sorted(self.children.get(qid, []), key=lambda r: _int(r.get("question_order")))
        if letter in _FIXED_ANSWERS:
            q.options = [Option(code=c, label=label) for c, label in _FIXED_ANSWERS[letter]]
        elif letter in ("L", "O", "!", "F") or (letter == "R" and self.answers.get(qid)):
            q.options = self.answer_options(qid)
        elif letter in ("M", "P", "K", "R"):
            q.options = self.sub_options([s for s in subs if _int(s.get("scale_id")) == 0])
        if letter in ("F", ":"):
            rows = [s for s in subs if _int(s.get("scale_id")) == 0]
            taken: set[str] = set()
            q.rows = [
                Row(
                    id=base.make_identifier(s.get("title", ""), taken, "r"),
                    label=plain_text(self.text_of(s, "question")),
                )
                for s in rows
            ]
        if letter == ":":
            q.multiple = True
            q.options = self.sub_options([s for s in subs if _int(s.get("scale_id")) == 1])
            if attrs.get("multiflexible_checkbox") != "1":
                self.unsupported(
                    q.id, "type::", "an array of numbers is read as a grid of checkboxes"
                )
        if row.get("other") == "Y" and letter in ("L", "!", "M", "P"):
            label = plain_text(attrs.get("other_replace_text") or "") or "Other"
            q.options.append(Option(code="-oth-", label=label, specify=True))
        self.text_checks(q, row, letter, attrs)
        self.choice_attributes(q, attrs)

    def answer_options(self, qid: str) -> list[Option]:
        rows = sorted(
            (r for r in self.answers.get(qid, []) if _int(r.get("scale_id")) == 0),
            key=lambda r: _int(r.get("sortorder")),
        )
        codes = base.unique_codes(r.get("code", "") for r in rows)
        labels = [self.answer_l10n.get(r.get("aid", ""), r).get("answer", "") for r in rows]
        return [
            Option(code=c, label=plain_text(label)) for c, label in zip(codes, labels, strict=True)
        ]

    def sub_options(self, rows: Table) -> list[Option]:
        codes = base.unique_codes(r.get("title", "") for r in rows)
        return [
            Option(code=c, label=plain_text(self.text_of(r, "question")))
            for c, r in zip(codes, rows, strict=True)
        ]

    def text_checks(
        self, q: Question, row: dict[str, str], letter: str, attrs: dict[str, str]
    ) -> None:
        preg = (row.get("preg") or "").strip()
        if letter == "S" and attrs.get("hidden") == "1":
            q.type = "hidden"
            q.required = False
        elif letter == "S" and preg == EMAIL_PATTERN:
            q.type = "email"
        elif preg and letter in ("S", "T", "U", "N"):
            match = re.fullmatch(r"/(.*)/[a-z]*", preg, flags=re.DOTALL)
            q.validation = Validation(
                pattern=(match.group(1) if match else preg).replace(r"\/", "/")
            )
        elif attrs.get("hidden") == "1":
            self.unsupported(q.id, "hidden", "a hidden question of this type is shown in fielder")
        limits = {
            "min": _float(attrs.get("min_num_value_n", "")),
            "max": _float(attrs.get("max_num_value_n", "")),
            "integer": True if attrs.get("num_value_int_only") == "1" else None,
            "max_length": _int(attrs.get("maximum_chars"), 0) or None,
        }
        if q.type not in ("number", "constant_sum"):
            limits |= {"min": None, "max": None, "integer": None}
        if q.type not in ("text", "long_text"):
            limits["max_length"] = None
        self.validate(q, {k: v for k, v in limits.items() if v is not None})
        if letter == "K" and _float(attrs.get("equals_num_value", "")) is not None:
            q.total = _float(attrs["equals_num_value"])

    def validate(self, q: Question, values: dict[str, Any]) -> None:
        if not values:
            return
        current = q.validation.model_dump(exclude_none=True) if q.validation else {}
        q.validation = Validation(**(current | values))

    def choice_attributes(self, q: Question, attrs: dict[str, str]) -> None:
        q.randomize_options = attrs.get("random_order") == "1"
        counts = {
            "min_choices": _int(attrs.get("min_answers"), 0) or None,
            "max_choices": _int(attrs.get("max_answers"), 0) or None,
        }
        if q.type == "multi":
            self.validate(q, {k: v for k, v in counts.items() if v is not None})
        exclusive = {c for c in attrs.get("exclude_all_others", "").split(";") if c}
        for option in q.options:
            option.exclusive = option.code in exclusive
        for name, selected in (("array_filter", True), ("array_filter_exclude", False)):
            if attrs.get(name):
                self.filters[q.id] = (attrs[name].strip(), selected)

    # --- quotas (after the questions) -------------------------------------------------

    def quotas(self, survey: Survey) -> None:
        """`quota` rows with their members and messages; the first message is `over_quota`.

        Quotas are `QT<n>` by their position in the file (as fielder writes them).
        """
        members: dict[str, Table] = defaultdict(list)
        for row in self.tables.get("quota_members", []):
            members[row.get("quota_id", "")].append(row)
        messages = {
            r.get("quotals_quota_id", ""): plain_text(r.get("quotals_message", ""))
            for r in self.localized_quota_settings()
        }
        ending: str | None = None
        rows = sorted(self.tables.get("quota", []), key=lambda r: _int(r.get("id")))
        for position, row in enumerate(rows, start=1):
            number = row.get("id", "")
            qt = quota_id(position)  # by file position, so reports name the file's quota
            name = plain_text(row.get("name", "")) or qt
            condition = self.quota_condition(qt, members.get(number, []))
            if condition is None:
                self.unsupported(qt, "quota", f"quota {name!r} has no members fielder can read")
                continue
            if row.get("active", "1") == "0":
                self.unsupported(qt, "active", "an inactive LimeSurvey quota is read as active")
            if row.get("action", QUOTA_TERMINATE) == QUOTA_CONFIRM_TERMINATE:
                self.unsupported(qt, "action", "respondents cannot change their last answers")
            if row.get("autoload_url") == "1":
                self.unsupported(qt, "autoload_url", "the quota's end URL is not carried")
            raw_limit = (row.get("qlimit") or "").strip()
            if not (raw_limit.isascii() and raw_limit.isdigit()) or len(raw_limit) > 9:
                self.unsupported(qt, "quota", f"quota {name!r}: limit {raw_limit!r} is no count")
                continue
            limit = int(raw_limit)
            survey.quotas.append(Quota(id=qt, name=name, condition=condition, limit=limit))
            message = messages.get(number, "")
            if message in ("", plain_text(DEFAULT_QUOTA_MESSAGE)):
                continue
            if ending is None:
                ending = message
                survey.endings.append(Ending(id="over_quota", text=message))
            elif message != ending:
                self.unsupported(qt, "message", "fielder shows one over-quota text (the first)")

    def localized_quota_settings(self) -> Table:
        rows = self.tables.get("quota_languagesettings", [])
        return [r for r in rows if r.get("quotals_language", self.language) == self.language]

    def quota_condition(self, qt: str, rows: Table) -> str | None:
        """Members of one question are alternatives; different questions must all hold."""
        codes: dict[str, list[str]] = {}
        questions: dict[str, Question] = {}
        for row in sorted(rows, key=lambda r: _int(r.get("id"))):
            question = self.by_qid.get(row.get("qid", ""))
            code = row.get("code", "")
            if question is None or question.type not in ("single", "dropdown", "scale", "multi"):
                self.unsupported(qt, "member", f"a member on question {row.get('qid')} is not read")
                continue
            if code not in {o.code for o in question.options}:
                self.unsupported(qt, "member", f"{question.id} has no answer {code!r}")
                continue
            questions[question.id] = question
            if code not in codes.setdefault(question.id, []):
                codes[question.id].append(code)
        if not codes:
            return None
        return condition_of([Members(q, tuple(c)) for q, c in codes.items()], questions)

    # --- logic (second pass) ----------------------------------------------------------

    def logic(self, survey: Survey) -> None:
        questions = survey.question_map()
        variables = frozenset(title for title, _ in self.variable_titles)
        known = {title: questions[qid] for title, qid in self.titles.items() if qid in questions}
        reader = ReadExpression(known, variables)
        renames = {title: qid for title, qid in self.titles.items() if title != qid}
        for question in survey.questions():
            condition = self.relevance.get(question.id, "")
            question.display_if = self.expression(
                reader, question.id, "display_if", condition, renames
            )
            question.text = self.unpipe(question.text)
            if question.instructions:
                question.instructions = self.unpipe(question.instructions)
            if question.id in self.filters:
                source, selected = self.filters[question.id]
                if source in self.titles:
                    question.options_from = OptionsFrom(
                        question=self.titles[source], selected=selected
                    )
        for name, equation in self.variables:
            equation = equation.strip("{} ")
            if equation in ("1", "true"):  # read() takes "1" for "always"; a value needs it
                survey.variables.append(Variable(name=name, expression="true"))
                continue
            text = self.expression(reader, name, "variable", equation, renames)
            if text is not None:
                survey.variables.append(Variable(name=name, expression=text))

    def expression(
        self, reader: ReadExpression, element: str, feature: str, text: str, renames: dict[str, str]
    ) -> str | None:
        try:
            result = reader.read(text)
        except Untranslatable as exc:
            self.unsupported(element, feature, f"ExpressionScript {text!r} not carried: {exc}")
            return None
        if result is None or not renames:
            return result
        # Titles that clashed were renamed; follow the renames (outside quoted strings).
        parts = re.split(r"('(?:[^'\\]|\\.)*')", result)
        word = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b")
        for n in range(0, len(parts), 2):
            parts[n] = word.sub(lambda m: renames.get(m.group(0), m.group(0)), parts[n])
        return "".join(parts)

    def unpipe(self, text: str) -> str:
        return _PIPE.sub(
            lambda m: (
                "{{" + self.titles[m.group(1)] + "}}" if m.group(1) in self.titles else m.group(0)
            ),
            text,
        )
