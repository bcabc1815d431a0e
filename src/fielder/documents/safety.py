"""Bounds on the work a hostile file can cause: sizes, zip bombs, XML entities, pages.

Every reader opens zip containers through `open_zip` and parses XML through `parse_xml`,
so the checks below apply to docx, xlsx and odt alike.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from fielder.documents.errors import UnreadableFile

#: the largest file read at all
MAX_FILE_BYTES = 100 * 1024 * 1024
#: a zip container may hold at most this many entries
MAX_ZIP_ENTRIES = 5_000
#: the sum of the entries' declared uncompressed sizes
MAX_ZIP_TOTAL = 200 * 1024 * 1024
#: the largest single entry, uncompressed
MAX_ZIP_ENTRY = 100 * 1024 * 1024
#: above this size an entry must not be compressed more than MAX_RATIO times
RATIO_FLOOR = 1024 * 1024
MAX_RATIO = 150
#: documents with more pages are refused
MAX_PAGES = 2000
#: XML parts larger than this are refused (a 2,000-page docx is ~40 MB of XML)
MAX_XML_BYTES = 80 * 1024 * 1024


def check_size(data: bytes) -> None:
    """Refuse empty files and files over MAX_FILE_BYTES."""
    if not data:
        raise UnreadableFile("the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(
            f"the file is {len(data) // (1024 * 1024)} MB; at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB can be read"
        )


class SafeZip:
    """A zip container whose declared sizes were checked, with bounded reads."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableFile(f"the {kind} file is damaged: it is not a valid zip") from exc
        check_zip_infos(infos, kind)
        self._infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        """The entries' names."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        """Whether the container holds this entry."""
        return name in self._infos

    def read(self, name: str, limit: int = MAX_ZIP_ENTRY) -> bytes:
        """An entry's bytes, read in chunks and stopped if it grows past its declared size."""
        info = self._infos.get(name)
        if info is None:
            raise UnreadableFile(f"the {self.kind} file has no {name}")
        bound = min(limit, info.file_size)
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(1024 * 1024):
                    total += len(chunk)
                    if total > bound:
                        raise UnreadableFile(
                            f"{name} inside the {self.kind} file is larger than it declares "
                            "or than fielder reads (possible zip bomb)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableFile(f"{name} inside the {self.kind} file is damaged") from exc
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted entries
            raise UnreadableFile(f"the {self.kind} file is encrypted") from exc
        return b"".join(chunks)

    def refuse_dtds(self) -> None:
        """Refuse a container any of whose XML parts declares a DTD or entities.

        For parts read by other libraries (openpyxl, odfpy), which parse the XML
        themselves: a DOCTYPE must come before the root element, so the head suffices.
        """
        for name, info in self._infos.items():
            if not name.endswith((".xml", ".rels")) or info.file_size == 0:
                continue
            try:
                with self._zip.open(info) as stream:
                    head = stream.read(64 * 1024)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise UnreadableFile(f"{name} inside the {self.kind} file is damaged") from exc
            except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted entries
                raise UnreadableFile(f"the {self.kind} file is encrypted") from exc
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise UnreadableFile(
                    f"{name} in the {self.kind} file declares XML entities or a DTD, which "
                    "fielder refuses (possible entity-expansion bomb)"
                )

    def read_xml(self, name: str) -> Element:
        """An XML entry parsed safely (no DTDs, no entities, no network)."""
        return parse_xml(self.read(name, MAX_XML_BYTES), f"{name} in the {self.kind} file")


def check_zip_infos(infos: list[zipfile.ZipInfo], kind: str) -> None:
    """Refuse zip bombs from the central directory, before anything is decompressed."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableFile(
            f"the {kind} file holds {len(infos)} entries (at most {MAX_ZIP_ENTRIES}): "
            "possible zip bomb"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableFile(f"the {kind} file is encrypted")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_ZIP_ENTRY or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise UnreadableFile(
                f"{info.filename} inside the {kind} file expands to {info.file_size} bytes "
                f"({ratio:.0f}x): possible zip bomb"
            )
    if total > MAX_ZIP_TOTAL:
        raise UnreadableFile(
            f"the {kind} file expands to {total} bytes (at most {MAX_ZIP_TOTAL}): possible zip bomb"
        )


def open_zip(data: bytes, kind: str) -> SafeZip:
    """Open a zip container after checking its entries' count, sizes and ratios."""
    return SafeZip(data, kind)


def parse_xml(data: bytes, where: str) -> Element:
    """Parse XML refusing DTDs, entity declarations and external references (defusedxml)."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnreadableFile(
            f"{where} declares XML entities or a DTD, which fielder refuses "
            "(possible entity-expansion bomb)"
        ) from exc
    except ParseError as exc:
        raise UnreadableFile(f"{where} is not well-formed XML: {exc}") from exc


def check_pages(count: int, kind: str) -> None:
    """Refuse documents with an absurd page count."""
    if count > MAX_PAGES:
        raise UnreadableFile(f"the {kind} has {count} pages; at most {MAX_PAGES} can be read")
