"""IR → Forsta (Decipher) survey XML; export only (Decipher projects are not files to pull).

Questions become `<radio>`, `<checkbox>`, `<select>`, `<text>`, `<textarea>`, `<number>`
and `<html>` elements with `<row>`/`<col>`/`<choice>` children; blocks are `<block>`s,
page breaks `<suspend/>`, conditions Python-style `cond=` attributes (`Q1.r2`, `not
Q3.r1`, `Q5.ival >= 3`), terminations `<term>`. Choice codes travel as row `value`s.
"""

from __future__ import annotations

import re
from typing import ClassVar
from xml.sax.saxutils import escape, quoteattr

from fielder.ir import expressions as ex
from fielder.ir.models import Block, Option, Question, Survey
from fielder.platforms import base, transforms
from fielder.platforms.logic import LogicRenderer, Untranslatable

_LABEL = re.compile(r"[^A-Za-z0-9_]")
_SINGLE = frozenset({"single", "dropdown", "scale"})
_VALUE_OF = {"number": "ival", "constant_sum": "ival"}


def option_labels(question: Question) -> dict[str, str]:
    """IR option code → Decipher row label (`r1`, `r97`, or `r<n>` for codes that are not ids)."""
    taken: set[str] = set()
    labels: dict[str, str] = {}
    for n, option in enumerate(question.options, start=1):
        label = (
            "r" + _LABEL.sub("", option.code)
            if _LABEL.sub("", option.code) == option.code
            else f"r{n}"
        )
        while label in taken:
            label += "_"
        taken.add(label)
        labels[option.code] = label
    return labels


def column_labels(question: Question) -> dict[str, str]:
    """Grid columns are `c<code>` (rows keep the IR row ids)."""
    return {code: "c" + label[1:] for code, label in option_labels(question).items()}


class DecipherCondition(LogicRenderer):
    """IR conditions as Decipher's Python-style `cond` expressions."""

    NAME: ClassVar[str] = "decipher"
    NOT: ClassVar[str] = "not {0}"
    TRUE: ClassVar[str] = "True"
    FALSE: ClassVar[str] = "False"

    def __init__(self, survey: Survey) -> None:
        super().__init__(survey)
        self.questions = survey.question_map()

    def question(self, node: ex.Expr) -> Question | None:
        if isinstance(node, ex.Ref) and node.name in self.questions:
            return self.questions[node.name]
        return None

    def ref(self, node: ex.Ref) -> str:
        """A numeric or text answer (`Q5.ival`, `Q9.val`); choices are tested by row."""
        question = self.questions.get(node.name)
        if question is None:
            raise Untranslatable(f"{node.name} is not a question Decipher can refer to")
        if question.type in _SINGLE | {"multi", "grid", "ranking"}:
            raise Untranslatable(f"{node.name} is a choice; Decipher tests its rows")
        return f"{node.name}.{_VALUE_OF.get(question.type, 'val')}"

    def row(self, question: Question, code_node: ex.Expr) -> str:
        code = self.as_code(code_node)
        if not isinstance(code, ex.Str):
            raise Untranslatable("a choice is named by its code")
        label = option_labels(question).get(code.value)
        if label is None:
            raise Untranslatable(f"{question.id} has no option {code.value!r}")
        return f"{question.id}.{label}"

    def compare(self, node: ex.Compare) -> str:
        """`S1 == '2'` → `S1.r2`; grid `Q7.r1 == '5'` → `Q7.r1.c5`."""
        left, right = node.left, node.right
        if isinstance(right, ex.Ref) and not isinstance(left, ex.Ref):
            left, right = right, left
        question = self.question(left)
        if question is not None and isinstance(left, ex.Ref) and left.row is not None:
            if node.op not in ("==", "!=") or question.type != "grid":
                raise Untranslatable("grid rows are compared with == or !=")
            code = self.as_code(right)
            cols = column_labels(question)
            if not isinstance(code, ex.Str) or code.value not in cols:
                raise Untranslatable(f"{question.id} has no column {ex.print_expr(right)}")
            test = f"{question.id}.{left.row}.{cols[code.value]}"
            return test if node.op == "==" else f"not {test}"
        if question is not None and question.type in _SINGLE:
            if node.op not in ("==", "!="):
                raise Untranslatable(f"Decipher cannot order the choices of {question.id}")
            test = self.row(question, right)
            return test if node.op == "==" else f"not {test}"
        return super().compare(node)

    def in_(self, node: ex.In) -> str:
        """`S1 in ['2', '3']` → `(S1.r2 or S1.r3)`."""
        question = self.question(node.left)
        if question is None or question.type not in _SINGLE:
            return super().in_(node)
        rows = [self.row(question, item) for item in node.items.items]
        if not rows:
            return self.TRUE if node.negated else self.FALSE
        joined = "(" + " or ".join(rows) + ")" if len(rows) > 1 else rows[0]
        return f"not {joined}" if node.negated else joined

    def contains(self, node: ex.Contains) -> str:
        """`Q3 contains '1'` → `Q3.r1`; any/all → or/and of rows."""
        question = self.question(node.left)
        if question is None or question.type != "multi":
            raise Untranslatable("contains needs a multiple-choice question")
        if node.mode == "one":
            return self.row(question, node.right)
        if not isinstance(node.right, ex.ListLit):
            raise Untranslatable("contains any/all needs a list")
        rows = [self.row(question, item) for item in node.right.items]
        joiner = " and " if node.mode == "all" else " or "
        return "(" + joiner.join(rows) + ")" if len(rows) > 1 else rows[0]

    def call(self, node: ex.Call) -> str:
        """`answered(Q)` → `Q.any`; `count(Q)` → `Q.count`."""
        question = self.questions.get(node.arg.name)
        if question is None or node.arg.row is not None:
            raise Untranslatable(f"{ex.print_expr(node.arg)} is not a question")
        if node.name == "answered":
            return f"{question.id}.any"
        if question.type != "multi":
            raise Untranslatable("count() needs a multiple-choice question")
        return f"{question.id}.count"


class DecipherExporter(base.Exporter):
    """Writes a Decipher survey XML file (paste into the XML editor of a new project)."""

    NAME: ClassVar[str] = "decipher"
    FILE_EXTENSION: ClassVar[str] = "xml"
    MEDIA_TYPE: ClassVar[str] = "application/xml"
    LOGIC: ClassVar[type[LogicRenderer]] = DecipherCondition
    SUPPORTS_QUOTAS: ClassVar[bool] = True  # markers only; the sheet is reported
    SUPPORTS_VARIABLES: ClassVar[bool] = False
    SUPPORTS_CARRY_FORWARD: ClassVar[bool] = False
    PREPROCESS: ClassVar[tuple[base.Rewrite, ...]] = (
        transforms.skip_to_display_if,
        transforms.expand_carry_forward,
    )

    def generate(self, survey: Survey) -> bytes:
        """The `<survey>` document."""
        self.survey = survey
        hidden = [q.id for q in survey.questions() if q.type == "hidden"]
        attrs = {
            "name": "Survey",
            "alt": survey.title or "Untitled survey",
            "autosave": "0",
            "compat": "153",
            "extraVariables": ",".join(["source", "record", "decLang", *hidden]),
            "setup": "term,decLang,quota,time",
            "state": "testing",
        }
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<survey" + _attributes(attrs) + ">"]
        ending = next((e for e in survey.endings if e.id == "screened_out"), None)
        self.term_text = ending.text if ending else "Thank you for your time."
        for ending in survey.endings:
            if ending.id != "screened_out":
                self.unsupported(ending.id, "ending", "Decipher's end pages are set in the project")
        markers = self.quota_markers(survey)
        for n, block in enumerate(survey.blocks):
            if n:
                lines.append("<suspend/>")
            lines += self.block(block)
            lines += markers.get(block.id, [])
        lines += markers.get("", [])
        lines.append("</survey>")
        return ("\n".join(lines) + "\n").encode("utf-8")

    def quota_markers(self, survey: Survey) -> dict[str, list[str]]:
        """`<quota sheet=… overquota="noqual"/>` markers, by the block they follow.

        Decipher counts a quota where its marker stands, against the quota sheet of the
        same name (defines and limits, made in the project's quota editor): each marker
        follows the block of the last question its condition reads, after a `<suspend/>`
        so the answers are stored. The sheet itself is not part of the XML: reported.
        """
        block_of = {q.id: block.id for block in survey.blocks for q in block.questions()}
        order = {block.id: n for n, block in enumerate(survey.blocks)}
        markers: dict[str, list[str]] = {}
        for quota in survey.quotas:
            try:
                names = {ref.name for ref in ex.references(ex.parse(quota.condition))}
            except ex.ExpressionError:
                names = set()
            blocks = sorted({block_of[n] for n in names if n in block_of}, key=order.__getitem__)
            where = blocks[-1] if blocks else ""
            attrs = {"label": f"quota_{quota.id}", "sheet": quota.id, "overquota": "noqual"}
            markers.setdefault(where, []).extend(["<suspend/>", f"<quota{_attributes(attrs)}/>"])
            define = self.condition(quota.id, "quota", quota.condition)
            cell = f"define {define!r}" if define else "a define Decipher cannot take"
            self.unsupported(
                quota.id,
                "quota_sheet",
                f"make sheet {quota.id!r} in the quota editor: {cell}, limit {quota.limit}",
            )
            if quota.action != "over_quota":
                self.unsupported(quota.id, "action", "Decipher marks a full quota over-quota")
        return markers

    def block(self, block: Block) -> list[str]:
        attrs = {"label": block.id, "cond": "1"}
        if block.randomize:
            attrs["randomizeChildren"] = "1"
        lines = [f"<block{_attributes(attrs)}>"]
        if block.title:
            lines.append(f"  <note>{escape(block.title)}</note>")
        for item in block.items:
            if not isinstance(item, Question):
                lines.append("  <suspend/>")
                continue
            if item.type == "hidden":
                continue
            element = self.question(item)
            if element:
                lines += ["  " + line for line in element]
            if item.terminate_if:
                lines += ["  " + line for line in self.term(item)]
        lines.append("</block>")
        return lines

    def term(self, q: Question) -> list[str]:
        cond = self.condition(q.id, "terminate_if", q.terminate_if)
        if cond is None:
            return []
        # Decipher stores an answer only when its page is submitted.
        attrs = {"label": f"term_{q.id}", "cond": cond}
        return ["<suspend/>", f"<term{_attributes(attrs)}>{escape(self.term_text)}</term>"]

    # --- questions -------------------------------------------------------------------

    def element(
        self, tag: str, q: Question, attrs: dict[str, str], children: list[str]
    ) -> list[str]:
        """A question element with its common attributes, title, comment and children."""
        common = {"label": q.id}
        cond = self.condition(q.id, "display_if", q.display_if)
        if cond is not None:
            common["cond"] = cond
        if tag != "html":
            common["optional"] = "0" if q.required else "1"
        common |= attrs
        lines = [f"<{tag}{_attributes(common)}>", f"  <title>{self.text(q.text)}</title>"]
        if q.instructions:
            lines.append(f"  <comment>{self.text(q.instructions)}</comment>")
        lines += ["  " + child for child in children]
        lines.append(f"</{tag}>")
        return lines

    def text(self, value: str) -> str:
        return self.piping(escape(value).replace("\n", "<br/>"), self.pipe)

    def pipe(self, name: str) -> str:
        """Decipher piping: `${Q2.selected.text}` for a choice, `${Q9.val}` otherwise."""
        question = self.survey.question_map().get(name)
        if question is None:
            return "{{" + name + "}}"
        if question.type in _SINGLE:
            return "${" + name + ".selected.text}"
        if question.type in ("text", "long_text", "number", "email", "date", "hidden"):
            return "${" + name + ".val}" if question.type != "hidden" else "${" + name + "}"
        self.unsupported(name, "piping", "Decipher pipes single answers only")
        return "{{" + name + "}}"

    def rows(self, q: Question, tag: str = "row") -> list[str]:
        labels = option_labels(q)
        if tag == "choice":
            labels = {code: "ch" + label[1:] for code, label in labels.items()}
        return [self.option_row(tag, labels[o.code], o, q.randomize_options) for o in q.options]

    def option_row(self, tag: str, label: str, option: Option, shuffled: bool) -> str:
        attrs = {"label": label, "value": option.code}
        if option.exclusive:
            attrs["exclusive"] = "1"
        if option.specify:
            attrs |= {"open": "1", "openSize": "25", "randomize": "0"}
        if option.fixed and shuffled:
            attrs["randomize"] = "0"
        return f"<{tag}{_attributes(attrs)}>{escape(option.label)}</{tag}>"

    def shuffle(self, q: Question) -> dict[str, str]:
        return {"shuffle": "rows"} if q.randomize_options else {}

    def single_export(self, q: Question) -> list[str]:
        """`<radio>` with one row per option."""
        return self.element("radio", q, self.shuffle(q), self.rows(q))

    def scale_export(self, q: Question) -> list[str]:
        """A rating `<radio>`: options are columns."""
        if q.scale and (q.scale.min_label or q.scale.max_label):
            self.unsupported(q.id, "scale", "end labels go in the question text on Decipher")
        labels = column_labels(q)
        cols = [
            f"<col{_attributes({'label': labels[o.code], 'value': o.code})}>{escape(o.label)}</col>"
            for o in q.options
        ]
        return self.element("radio", q, {"type": "rating", **self.shuffle(q)}, cols)

    def multi_export(self, q: Question) -> list[str]:
        """`<checkbox atleast="1">`; choice counts as atleast/atmost."""
        rules = q.validation
        low = (
            rules.min_choices
            if rules and rules.min_choices is not None
            else (1 if q.required else 0)
        )
        attrs = {"atleast": str(low)}
        if rules and rules.max_choices is not None:
            attrs["atmost"] = str(rules.max_choices)
        return self.element("checkbox", q, attrs | self.shuffle(q), self.rows(q))

    def dropdown_export(self, q: Question) -> list[str]:
        """`<select>` with `<choice>`s."""
        return self.element("select", q, self.shuffle(q), self.rows(q, "choice"))

    def ranking_export(self, q: Question) -> list[str]:
        """A `<select>` per item row with ranks 1…n as choices, each rank used once."""
        ranks = [f'<choice label="ch{n}">{n}</choice>' for n in range(1, len(q.options) + 1)]
        return self.element("select", q, {"unique": "1", **self.shuffle(q)}, self.rows(q) + ranks)

    def grid_export(self, q: Question) -> list[str]:
        """Rows are the statements, `<col>`s the scale points; checkbox when `multiple`."""
        rows = [f"<row{_attributes({'label': r.id})}>{escape(r.label)}</row>" for r in q.rows]
        labels = column_labels(q)
        cols = [
            f"<col{_attributes({'label': labels[o.code], 'value': o.code})}>{escape(o.label)}</col>"
            for o in q.options
        ]
        attrs = {"atleast": "1" if q.required else "0"} if q.multiple else {}
        if q.randomize_options:
            attrs["shuffle"] = "rows"
        return self.element("checkbox" if q.multiple else "radio", q, attrs, rows + cols)

    def text_export(self, q: Question) -> list[str]:
        """`<text size="40">`, a length check as `verify="len(0,N)"`."""
        attrs = {"size": "40"}
        rules = q.validation
        if rules and rules.max_length:
            attrs["verify"] = f"len(0,{rules.max_length})"
        if rules and rules.pattern:
            self.unsupported(q.id, "validation.pattern", "Decipher needs a custom validate block")
        return self.element("text", q, attrs, [])

    def email_export(self, q: Question) -> list[str]:
        """`<text verify="email">`."""
        if q.validation and q.validation.pattern:
            self.unsupported(q.id, "validation.pattern", "the e-mail check is Decipher's own")
        return self.element("text", q, {"size": "40", "verify": "email"}, [])

    def date_export(self, q: Question) -> list[str]:
        """`<text verify="date(mm/dd/yyyy)">`."""
        return self.element("text", q, {"size": "10", "verify": "date(mm/dd/yyyy)"}, [])

    def long_text_export(self, q: Question) -> list[str]:
        """`<textarea>`."""
        return self.element("textarea", q, {"height": "10", "width": "50"}, [])

    def number_export(self, q: Question) -> list[str]:
        """`<number verify="range(min,max)">`."""
        rules = q.validation
        attrs = {"size": "5"}
        if rules and (rules.min is not None or rules.max is not None):
            low = _number(rules.min) if rules.min is not None else "-999999999"
            high = _number(rules.max) if rules.max is not None else "999999999"
            attrs["verify"] = f"range({low},{high})"
        return self.element("number", q, attrs, [])

    def constant_sum_export(self, q: Question) -> list[str]:
        """`<number amount="100">` with a row per option (an autosum)."""
        attrs = {"size": "5", "uses": "autosum.5"}
        if q.total is not None:
            attrs["amount"] = _number(q.total)
        return self.element("number", q, attrs, self.rows(q))

    def display_export(self, q: Question) -> list[str]:
        """`<html where="survey">`."""
        attrs = {"label": q.id, "where": "survey"}
        cond = self.condition(q.id, "display_if", q.display_if)
        if cond is not None:
            attrs["cond"] = cond
        return [f"<html{_attributes(attrs)}>{self.text(q.text)}</html>"]


def _attributes(attrs: dict[str, str]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in attrs.items())


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


EXPORTER = DecipherExporter
IMPORTER = None
