"""OpenDocument form fields: a drop-down's items live only in its `text:label` attributes.

A `text:drop-down` field shows one item (usually a prompt such as "– select –") and keeps its
list in `<text:label text:value="…"/>` children, so the page's text has no answers at all.
The field is given back as the drop-down a printout means: a `[DROPDOWN]` note, then its items
one a line, the prompt left out.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# "– select –", "Please choose…", "---": the field's prompt, not an item
_PROMPT_RE = re.compile(r"^\W*(?:please\s+)?(?:select|choose|pick)\b|^[-–—\s]*$", re.I)


def dropdown_items(field: Element) -> list[str]:
    """The items of a `text:drop-down` field, its prompt left out."""
    items = [" ".join((label.get(f"{TEXT}value") or "").split()) for label in field]
    return [item for item in items if item and not _PROMPT_RE.match(item)][:1000]
