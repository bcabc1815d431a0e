"""Answer labels as an interviewer's script prints them, cleaned to the answer's words.

- `(Refusal) 77`, `(Don't know) 88`: brackets round a whole answer mark it as never read
  out; the brackets are not the answer's words.
- `very interested,` / `quite interested,` / `or, not at all interested?`: a list read out as
  one sentence carries its spoken commas, the closing `or` and the question mark.
"""

from __future__ import annotations

import re

from fielder.ir.models import Option

_BRACKETED_RE = re.compile(r"^\((?P<words>[^()]*[A-Za-zÀ-ÿ][^()]*)\)$")
_OR_RE = re.compile(r"^(?:or|ou|oder|o|of|eller)\s*,?\s+", re.I)
_TRAILING_OR_RE = re.compile(r",\s*(?:or|ou|oder|o|of|eller)\s*$", re.I)
_SPOKEN_END_RE = re.compile(r"\s*,(?:\s*(?:or|ou|oder|o|of|eller))?\s*$", re.I)


def clean_read_out(options: list[Option]) -> None:
    """Drop never-read brackets and a read-out sentence's punctuation from the labels."""
    for option in options:
        bracketed = _BRACKETED_RE.match(option.label.strip())
        if bracketed:
            option.label = bracketed["words"].strip()
    # ("not close, or" / "not at all close?": the "or" said before the last answer, at the end
    # of the one above it)
    spoken = [o for o in options if _SPOKEN_END_RE.search(o.label)]
    if len(spoken) < 2:
        return
    last_index = options.index(spoken[-1]) + 1
    closing = options[last_index] if last_index < len(options) else None
    trailing_or = _TRAILING_OR_RE.search(spoken[-1].label) is not None
    for option in spoken:
        option.label = _SPOKEN_END_RE.sub("", option.label)
    if closing is not None and _OR_RE.match(closing.label):
        closing.label = _OR_RE.sub("", closing.label).rstrip("?").rstrip()
    elif closing is not None and trailing_or and closing.label.rstrip().endswith("?"):
        closing.label = closing.label.rstrip().rstrip("?").rstrip()
