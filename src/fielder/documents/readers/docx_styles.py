"""Word styles (styles.xml): names, inherited run formatting, numbering, outline levels.

Formatting is resolved the way Word does it: document defaults, then the paragraph
style chain (basedOn), then the character style, then the run's own properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

#: run properties as set at one level; a missing key means "inherit"
RunProps = dict[str, object]

_OFF = {"0", "false", "off", "none"}


def on_off(el: Element | None, w: str) -> bool | None:
    """A Word toggle property: absent → None, present → True unless its val is off."""
    if el is None:
        return None
    return el.get(f"{w}val", "true").lower() not in _OFF


def _colour(value: str | None) -> str | None:
    """'#RRGGBB' from a Word colour value; automatic and black are None."""
    if not value or value.lower() in ("auto", "000000"):
        return None
    if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
        return "#" + value.upper()
    return None


def cell_fill(tc: Element, w: str) -> str | None:
    """A table cell's shading ("#RRGGBB"), None when it has none or it is white: a form marks
    the rows of one group of respondents by a background colour it names in a key."""
    shading = tc.find(f"{w}tcPr/{w}shd")
    fill = _colour(shading.get(f"{w}fill")) if shading is not None else None
    return None if fill == "#FFFFFF" else fill


def read_rpr(rpr: Element | None, w: str) -> RunProps:
    """The run properties a w:rPr sets."""
    props: RunProps = {}
    if rpr is None:
        return props
    for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps"), ("hidden", "vanish")):
        value = on_off(rpr.find(f"{w}{tag}"), w)
        if value is not None:
            props[key] = value
    # struck-through (single or double) wording in a marked-up draft is wording to delete
    for tag in ("strike", "dstrike"):
        value = on_off(rpr.find(f"{w}{tag}"), w)
        if value is not None:
            props["struck"] = value or bool(props.get("struck"))
    underline = rpr.find(f"{w}u")
    if underline is not None:
        props["underline"] = underline.get(f"{w}val", "single").lower() not in _OFF
    color = rpr.find(f"{w}color")
    if color is not None:
        props["color"] = _colour(color.get(f"{w}val"))
    highlight = rpr.find(f"{w}highlight")
    if highlight is not None:
        mark = highlight.get(f"{w}val", "none")
        props["highlight"] = None if mark.lower() == "none" else mark
    shading = rpr.find(f"{w}shd")
    if shading is not None and "highlight" not in props:
        fill = _colour(shading.get(f"{w}fill"))
        if fill not in (None, "#FFFFFF"):
            props["highlight"] = fill
    return props


@dataclass(slots=True)
class Style:
    """One style as written (before inheritance)."""

    style_id: str
    kind: str
    name: str
    based_on: str | None = None
    rpr: RunProps = field(default_factory=dict)
    num_id: str | None = None
    ilvl: int | None = None
    outline_level: int | None = None
    page_break_before: bool | None = None


@dataclass(slots=True)
class StyleSheet:
    """All styles of a document, with inheritance resolved on demand."""

    styles: dict[str, Style] = field(default_factory=dict)
    defaults: RunProps = field(default_factory=dict)
    default_paragraph: str | None = None

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, base first."""
        found: list[Style] = []
        seen: set[str] = set()
        current = style_id
        while current and current in self.styles and current not in seen:
            seen.add(current)
            found.append(self.styles[current])
            current = self.styles[current].based_on
        return found[::-1]

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The style id a paragraph uses (its own or the default)."""
        return style_id if style_id in self.styles else self.default_paragraph

    def rpr(self, style_id: str | None) -> RunProps:
        """Run properties a style gives, inherited along basedOn."""
        props: RunProps = {}
        for style in self.chain(style_id):
            props.update(style.rpr)
        return props

    def name(self, style_id: str | None) -> str | None:
        """The style's display name ("Heading 2"), or None."""
        style = self.styles.get(style_id or "")
        return style.name if style else None

    def inherited(self, style_id: str | None, attribute: str) -> object:
        """The nearest non-None value of a paragraph attribute along the chain."""
        value: object = None
        for style in self.chain(style_id):
            own = getattr(style, attribute)
            if own is not None:
                value = own
        return value


def _display_name(name: str) -> str:
    """Word stores built-in names in lower case ("heading 1"); show them as Word does."""
    return name[:1].upper() + name[1:] if name else name


def read_styles(root: Element | None, w: str) -> StyleSheet:
    """Parse styles.xml (None when the document has none)."""
    sheet = StyleSheet()
    if root is None:
        return sheet
    sheet.defaults = read_rpr(root.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr"), w)
    for el in root.iter(f"{w}style"):
        style_id = el.get(f"{w}styleId", "")
        name_el = el.find(f"{w}name")
        style = Style(
            style_id=style_id,
            kind=el.get(f"{w}type", "paragraph"),
            name=_display_name(
                name_el.get(f"{w}val", style_id) if name_el is not None else style_id
            ),
        )
        based = el.find(f"{w}basedOn")
        style.based_on = based.get(f"{w}val") if based is not None else None
        style.rpr = read_rpr(el.find(f"{w}rPr"), w)
        ppr = el.find(f"{w}pPr")
        if ppr is not None:
            _read_style_ppr(style, ppr, w)
        sheet.styles[style_id] = style
        is_default = el.get(f"{w}default", "0").lower() in ("1", "true", "on")
        if style.kind == "paragraph" and is_default:
            sheet.default_paragraph = style_id
    return sheet


def _read_style_ppr(style: Style, ppr: Element, w: str) -> None:
    num_pr = ppr.find(f"{w}numPr")
    if num_pr is not None:
        num_id = num_pr.find(f"{w}numId")
        ilvl = num_pr.find(f"{w}ilvl")
        style.num_id = num_id.get(f"{w}val") if num_id is not None else None
        style.ilvl = int(ilvl.get(f"{w}val", "0")) if ilvl is not None else None
    outline = ppr.find(f"{w}outlineLvl")
    if outline is not None and outline.get(f"{w}val", "").isdigit():
        style.outline_level = int(outline.get(f"{w}val", "9"))
    style.page_break_before = on_off(ppr.find(f"{w}pageBreakBefore"), w)
