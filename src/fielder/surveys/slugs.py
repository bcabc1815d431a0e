"""Survey slugs: lowercase `[a-z0-9-]{3,64}`, unique in the server, never UUID-shaped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

SLUG_PATTERN = re.compile(r"^[a-z0-9-]{3,64}$")
_UUID_SHAPE = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 64
FALLBACK = "survey"


def slug_problem(slug: str) -> str | None:
    """Why `slug` is not a valid slug, or None when it is."""
    if not SLUG_PATTERN.match(slug):
        return "A slug is 3 to 64 characters of lowercase letters, digits and hyphens."
    if _UUID_SHAPE.match(slug):
        return "A slug may not look like a UUID (those are survey ids)."
    return None


def slugify(name: str) -> str:
    """A slug-shaped base from a survey name: ASCII, lowercase, hyphens, 3–64 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")[:MAX_LENGTH].strip("-")
    if len(base) < 3 or _UUID_SHAPE.match(base):
        base = f"{FALLBACK}-{base}".strip("-") if base else FALLBACK
    return base


def unique_slug(name: str, taken: Callable[[str], bool]) -> str:
    """The slug for `name`, with `-2`, `-3`… appended while `taken(slug)` says it is in use."""
    base = slugify(name)
    if not taken(base):
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        if not taken(candidate):
            return candidate
        number += 1
