"""Reading speed and peak memory of the document readers.

Prints one JSON line per figure: a generated 200-page .docx (question paragraphs, code
lists with tabs, auto-numbering, a grid table per page), a generated 200-page PDF, and
every shared sample questionnaire found in /work/shared/samples.
"""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_BREAK

from fielder.documents import SUPPORTED_EXTENSIONS, read_document

SAMPLES = Path("/work/shared/samples")


def big_docx(pages: int = 200) -> bytes:
    """A questionnaire of `pages` pages: 5 questions and a grid per page, page breaks between."""
    doc = new_docx()
    number = 0
    for page in range(pages):
        doc.add_heading(f"Section {page + 1}", level=2)
        for _ in range(5):
            number += 1
            para = doc.add_paragraph(f"Q{number}.\tHow often do you buy product {number}? ")
            para.add_run("[SINGLE CODE]").bold = True
            for code, label in enumerate(("Daily", "Weekly", "Monthly", "Rarely", "Never"), 1):
                doc.add_paragraph(f"{label}\t{code}", style="List Number")
        table = doc.add_table(rows=4, cols=4)
        for row in range(4):
            for col in range(4):
                table.cell(row, col).text = f"r{row}c{col}"
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def big_pdf(pages: int = 200) -> bytes:
    """A text PDF of `pages` pages (40 lines each), written without a PDF library."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids ["
        + " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
        + f"] /Count {pages} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for page in range(pages):
        lines = "".join(
            f"BT /F1 10 Tf 72 {800 - 18 * n} Td (Q{page * 40 + n}. How satisfied are you "
            f"with item {n}?   1 Very   2 Fairly   3 Not) Tj ET\n"
            for n in range(40)
        )
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * page} 0 R >>"
        )
        objects.append(f"<< /Length {len(lines)} >>\nstream\n{lines}\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{index} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def measure(read: Callable[[], object]) -> tuple[float, float]:
    """Seconds for one read (untraced), then the traced peak of Python allocations in MB."""
    start = time.perf_counter()
    read()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    read()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / (1024 * 1024)


def emit(figure: str, value: float, unit: str, **extra: object) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"figure": figure, "value": round(value, 3), "unit": unit, **extra}))


def main() -> None:
    """Print the reading figures."""
    for kind, data in (("docx", big_docx()), ("pdf", big_pdf())):
        name = f"generated-200-pages.{kind}"
        seconds, peak = measure(partial(read_document, data, name))
        blocks = len(read_document(data, name).blocks)
        emit(f"read_200_page_{kind}_seconds", seconds, "s", bytes=len(data), blocks=blocks)
        emit(f"read_200_page_{kind}_peak_memory", peak, "MB", bytes=len(data))
    for folder in (SAMPLES, SAMPLES / "real"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUPPORTED_EXTENSIONS or path.name == "README.md":
                continue
            data = path.read_bytes()
            seconds, peak = measure(partial(read_document, data, path.name))
            emit("read_sample_seconds", seconds, "s", file=path.name, peak_mb=round(peak, 1))


if __name__ == "__main__":
    main()
