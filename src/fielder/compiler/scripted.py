"""Questionnaires in explicit keyed formats, read by their own keys rather than the layout
rules: Qualtrics import text, data codebooks, IVR prompt scripts, HTML forms in fieldsets,
CAPI designer specs."""

from __future__ import annotations

from fielder.compiler.chatbot_flow import is_chatbot_flow, read_chatbot_flow
from fielder.compiler.codebook import is_codebook, read_codebook
from fielder.compiler.designer_spec import is_designer_spec, read_designer_spec
from fielder.compiler.html_form import is_html_form, read_html_form
from fielder.compiler.ivr_script import is_ivr_script, read_ivr_script
from fielder.compiler.mrscript import is_mrscript, read_mrscript
from fielder.compiler.qualtrics_txt import is_qualtrics_txt, read_qualtrics_txt
from fielder.compiler.redcap_dictionary import is_redcap_dictionary, read_redcap_dictionary
from fielder.compiler.sms_flow import is_sms_flow, read_sms_flow
from fielder.documents.model import Document
from fielder.ir.models import Attention, Ending, Survey
from fielder.ir.validate import validate

_FORMATS = (
    (is_qualtrics_txt, read_qualtrics_txt),
    (is_codebook, read_codebook),
    (is_redcap_dictionary, read_redcap_dictionary),
    (is_ivr_script, read_ivr_script),
    (is_html_form, read_html_form),
    (is_sms_flow, read_sms_flow),
    (is_chatbot_flow, read_chatbot_flow),
    (is_mrscript, read_mrscript),
    (is_designer_spec, read_designer_spec),
)


def read_scripted(document: Document) -> Survey | None:
    """The survey when the document is in one of the keyed formats, else None."""
    for detect, read in _FORMATS:
        if detect(document):
            return _checked(read(document))
    return None


def _checked(survey: Survey) -> Survey:
    """Logic the IR rejects (a jump to a variable that is not asked, a rule on a later
    question) is left out of the question, and its attention says what was dropped."""
    questions = {q.id: q for q in survey.questions()}
    for problem in validate(survey):
        question = questions.get(problem.element_id or "")
        if problem.severity != "error" or question is None:
            continue
        question.display_if, question.terminate_if, question.skip_to = None, None, []
        question.attention = Attention(reason=f"{question.id}: logic left out: {problem.message}")
    if not survey.endings:
        # the same closing screens as the layout rules give: complete, and screened out
        survey.endings = [Ending(id="complete", text="Thank you for completing the survey.")]
        if any(q.terminate_if for q in questions.values()):
            survey.endings.append(
                Ending(
                    id="screened_out", text="Thank you for your time. That is all we need today."
                )
            )
    return survey
