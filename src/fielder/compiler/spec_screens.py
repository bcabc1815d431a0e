"""Information screens in programming specs, named by the spec's own element types.

Scripting specs head each element with its id and type (`[D1] TEXT`, `[END] TEXT`,
`[Q11] TEXT – EMAIL`). A bare `TEXT` element is ambiguous between a text box and a screen of
text; its words decide: words that only tell (`Thank you. The rest of this survey is about…`)
make a screen, words that ask or request an answer make a text box. A screen's name in
brackets before its type (`[END] TEXT`, `[INTRO] HTML`) names the screen below.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, is_caps_instruction

# A request for an answer in a sentence that does not end in "?": "please", or a sentence
# opening with an imperative ("Enter your postcode.", "Tell us why.")
_REQUEST_RE = re.compile(
    # ("Briefly describe …": an adverb before the request)
    r"\bplease\b|(?:^|[.!:]\s+)(?:(?:briefly|simply|now|also|then)\s+)?(?:enter|type|write|tell|describe|specify|list|name|give|"
    r"provide|record|select|choose|rate|pick|tick|mark)\b",
    re.I,
)


def only_tells(text: str) -> bool:
    """Whether the words are sentences that neither ask nor request an answer (two or more,
    or one long one)."""
    words = text.strip()
    sentences = len(re.findall(r"[.!…](?:\s|$)", words))
    return (
        # a field's caption ("The name of your employer.") is short and one sentence
        (sentences >= 2 or len(words.split()) >= 8)
        and "?" not in words
        and words.endswith((".", "!", "…"))
        and _REQUEST_RE.search(words) is None
    )


def bracketed_screen(line: Line) -> str | None:
    """ "[END] TEXT": the bracketed name when the rest of the line is only the element's type
    in capitals (the reader keeps the bracket as a note and the type as the words)."""
    if len(line.instructions) != 1 or not line.text or not is_caps_instruction(line.text):
        return None
    if len(line.text.split()) > 4 or not re.fullmatch(r"[A-ZÀ-Þ_ ]{3,30}", line.instructions[0]):
        return None
    return line.instructions[0]
