"""Word content controls whose answers live only in the control: a drop-down list or combo
box prints "Choose an item." while its items sit in `w:sdtPr` (`w:listItem`). The items are
written after the control as the note a form writer would print, "(drop-down: A / B / C)",
so the answers are not lost with the print view.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element


def listed_items(sdt: Element, w: str) -> str | None:
    """ " (drop-down: Female / Male)" for a drop-down or combo-box control, else None; the
    placeholder item ("Choose an item.", an empty value) is no answer."""
    props = sdt.find(f"{w}sdtPr")
    if props is None:
        return None
    listing = props.find(f"{w}dropDownList")
    if listing is None:
        listing = props.find(f"{w}comboBox")
    if listing is None:
        return None
    items = [
        (item.get(f"{w}displayText") or item.get(f"{w}value") or "").strip()
        for item in listing.findall(f"{w}listItem")
        if (item.get(f"{w}value") or "").strip()
    ]
    items = [" ".join(item.split()) for item in items if item]
    return f" (drop-down: {' / '.join(items)})" if items else None
