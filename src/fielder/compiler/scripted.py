"""Questionnaires in explicit keyed formats, read by their own keys rather than the layout
rules: Qualtrics import text, data codebooks, IVR prompt scripts, HTML forms in fieldsets."""

from __future__ import annotations

from fielder.compiler.codebook import is_codebook, read_codebook
from fielder.compiler.html_form import is_html_form, read_html_form
from fielder.compiler.ivr_script import is_ivr_script, read_ivr_script
from fielder.compiler.qualtrics_txt import is_qualtrics_txt, read_qualtrics_txt
from fielder.documents.model import Document
from fielder.ir.models import Survey

_FORMATS = (
    (is_qualtrics_txt, read_qualtrics_txt),
    (is_codebook, read_codebook),
    (is_ivr_script, read_ivr_script),
    (is_html_form, read_html_form),
)


def read_scripted(document: Document) -> Survey | None:
    """The survey when the document is in one of the keyed formats, else None."""
    for detect, read in _FORMATS:
        if detect(document):
            return read(document)
    return None
