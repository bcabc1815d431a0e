"""A form's closing button printed as a word: `Submit`, `Send`, `Done` last on the page.

An online form's print view ends with its button, and the reader gives the button's caption
as a line of its own. Under the last question it reads as one of that question's answers
(`Enter your answer`, `Submit` became a choice list). A lone button caption that is the
document's last line is left out.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_BUTTON_RE = re.compile(
    r"^(?:submit|send|done|finish|"
    # the caption in the form's own language: "Enviar", "Envoyer", "Valider", "Absenden", "Invia"
    r"enviar|envoyer|valider|absenden|senden|invia(?:re)?|concluir)"
    r"(?:\s+(?:form|survey|answers?))?$",
    re.I,
)


def drop_submit_button(lines: list[Line]) -> list[Line]:
    """The lines without a closing button caption standing last."""
    last = len(lines) - 1
    while last >= 0 and (lines[last].kind == "page_break" or not lines[last].text.strip()):
        last -= 1
    if last >= 0 and lines[last].kind == "paragraph" and _BUTTON_RE.match(lines[last].text.strip()):
        return lines[:last] + lines[last + 1 :]
    return lines
