"""Write minimal PDFs by hand (no PDF library needed): text, ruled tables, encryption."""

from __future__ import annotations


def text_ops(x: float, y: float, text: str, *, bold: bool = False, size: int = 11) -> str:
    """Content-stream operators drawing one line of text at (x, y)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    font = "F2" if bold else "F1"
    return f"BT /{font} {size} Tf {x} {y} Td ({escaped}) Tj ET\n"


def scaled_text_ops(x: float, y: float, text: str, *, size: int = 11) -> str:
    """One line of text in a 1-point font that the text matrix scales to `size` points
    (as some form software writes every line)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 1 Tf {size} 0 0 {size} {x} {y} Tm ({escaped}) Tj ET\n"


def grid_ops(
    x: float, y: float, widths: list[float], rows: list[list[str]], height: float = 20
) -> str:
    """Operators drawing a ruled table whose top-left corner is (x, y)."""
    ops = []
    for r, row in enumerate(rows):
        left = x
        top = y - r * height
        for width, cell in zip(widths, row, strict=True):
            ops.append(f"{left} {top - height} {width} {height} re S\n")
            if cell:
                ops.append(text_ops(left + 3, top - height + 6, cell, size=10))
            left += width
    return "".join(ops)


def make_pdf(
    pages: list[str],
    *,
    encrypt: bool = False,
    crop_box: tuple[float, float, float, float] | None = None,
) -> bytes:
    """A PDF whose pages have these content streams (Helvetica and Helvetica-Bold), shown
    through `crop_box` when given (the media box stays A4)."""
    crop = " /CropBox [{} {} {} {}]".format(*crop_box) if crop_box else ""
    objects: list[str] = []
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]{crop} "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {6 + 2 * i} 0 R >>"
        )
        data = content.encode("latin-1")
        objects.append(f"<< /Length {len(data)} >>\nstream\n{content}\nendstream")
    if encrypt:
        objects.append(
            "<< /Filter /Standard /V 1 /R 2 /O <" + "00" * 32 + "> /U <" + "11" * 32 + "> /P -4 >>"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    extra = f" /Encrypt {len(objects)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]" if encrypt else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{extra} >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
