"""A household or establishment form's identification fields are codes, written as numbers.

The cover section of a field survey (`SECTION A: IDENTIFICATION`, `Identificación`, `COVER
SHEET`) asks for the sample's units as bare field names: `Province`, `District`, `Cluster`,
`Household Number`, `Interviewer Code`. They are keyed as the codes of the sampling frame, not
typed as words; names (`Interviewer Name`) and phone numbers stay text. Outside such a section
nothing changes (an order number or a voucher code elsewhere may hold letters).
"""

from __future__ import annotations

import re

from fielder.ir.models import Question, Survey

_ID_SECTION_RE = re.compile(
    r"\b(?:identification|identifiers|identify|cover\s+(?:sheet|page)|identificaci[óo]n|"
    r"identifica[çc][ãa]o|identifikation|identifizierung|identificazione|informations?\s+"
    r"d'identification)\b",
    re.I,
)
# the sampling frame's units, as field names
_UNIT_RE = re.compile(
    r"^(?:province|district|sub-?district|region|state|county|zone|cluster|stratum|psu|"
    r"enumeration\s+area|ea|village|ward|commune|municipality|locality|block|segment|"
    r"provincia|distrito|regi[óo]n|estado|municipio|conglomerado|estrato|aldea|"
    r"bezirk|kreis|gemeinde|r[ée]gion|d[ée]partement|grappe|strate)$",
    re.I,
)
# "Household Number", "Interviewer Code", "Line No.", "Cluster ID", "EA #"
_NUMBERED_RE = re.compile(
    r"^(?:[^\W\d_]+\s+){0,3}(?:number|no\.?|code|id|#|n[úu]mero|c[óo]digo|nummer|num[ée]ro)$",
    re.I,
)
# identifiers keyed as text: phones, documents, accounts, postcodes
_TEXT_ID_RE = re.compile(
    r"\b(?:phone|telephone|mobile|cell|passport|account|card|licen[cs]e|registration|vehicle|"
    r"postal|post|zip|tax|social\s+security|tel[ée]fono|celular)\b",
    re.I,
)


def number_id_fields(survey: Survey) -> None:
    """Make the identification section's unit and code fields number questions, in place."""
    for block in survey.blocks:
        in_id_section = bool(_ID_SECTION_RE.search(block.title or ""))
        for item in block.items:
            if isinstance(item, Question) and _is_id_field(item, in_id_section):
                item.type = "number"


def _is_id_field(question: Question, in_id_section: bool) -> bool:
    if not in_id_section or question.type != "text" or question.options:
        return False
    name = question.text.strip().rstrip(":.").strip()
    if len(name.split()) > 4 or _TEXT_ID_RE.search(name):
        return False
    return in_id_section and bool(_NUMBERED_RE.match(name) or _UNIT_RE.match(name))
