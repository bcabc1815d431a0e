"""Lines that survey tools print on every form (and a draft's change log line), never part of
the questionnaire."""

from __future__ import annotations

import re

# "This content is neither created nor endorsed by Google.", "Powered by SurveyTool",
# "Never submit passwords through Google Forms.", a printed page's address line.
_BOILERPLATE_RE = re.compile(
    r"^(?:This\s+content\s+is\s+neither\s+created\s+nor\s+endorsed\s+by\s+\w+\.?"
    r"|Never\s+submit\s+passwords\s+through\s+[\w ]{3,30}\.?"
    r"|Powered\s+by\s+\w[\w .·-]{0,60}"
    r"|https?://\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
    # "- page 1 of 3 -", "Page 2/4": a printed page's number
    r"|[-–—\s]*(?:page|pagina|página|seite|pagina)\s+\d{1,3}(?:\s*(?:of|/|de|von|van|di)\s*\d{1,3})?[-–—\s]*"
    # "Change log: v1 07/03 first draft …": the document's own history, one line of it
    r"|(?:Change\s*log|Revision\s+history|Version\s+history|Document\s+history)\s*:.*"
    # "MAHS W4 v1.2 – do not use before the briefing": the document's control stamp
    r"|(?:[A-Z][A-Z0-9]{1,8}\s+){0,3}v\d{1,2}(?:\.\d{1,2})+\s*[-–—]\s+.*"
    # "Region X · Public health unit · Questions? Call 0771-00 00 00": the sender's contact line
    r"|[^?]{0,80}\?\s*(?:call|phone|ring|telefon|appelez|llame|rufen\s+sie\s+an)"
    r"\s*:?\s*\+?\d[\d ()-]{5,18}\d)"
    r"\s*$",
    re.I,
)


def is_boilerplate(text: str) -> bool:
    """True for a form tool's own footer line."""
    return bool(_BOILERPLATE_RE.match(text.strip()))
