"""Piping placeholders written in square brackets inside a question's sentence.

`How likely are you to recommend [company] to a friend?`, `… products from [Brand Name]`: a
bracket standing where a word of the sentence goes is text the survey fills in, not a note to
the programmer (`[SHOW CARD]`, `[READ OUT]`, which stand before or after the sentence).
"""

from __future__ import annotations

import re

# one to four plain words, lower case or capitalised ("company", "Store name", "Brand X")
_WORDS_RE = re.compile(r"^[A-Za-zÀ-ÿ][\w'’-]*(?:\s[\w'’-]+){0,3}$")
# the nouns a placeholder in capitals names (English, Spanish, Portuguese, German, French, Italian)
_CAPS_NOUN_RE = re.compile(
    # ("[PARTNER COMPANY]", "[MAIN BRAND]": one capital word may say which one)
    r"^(?:[A-Z]{3,}\s)?(?:BRAND|COMPANY|PRODUCT|STORE|SHOP|SERVICE|RETAILER|BANK|CITY|COUNTRY|REGION|STATE|"
    r"ORGANI[SZ]ATION|EMPLOYER|SCHOOL|CHANNEL|APP|WEBSITE|"
    # the item a brand loop pipes in ("rate [NETWORK] for", "eat at [CHAIN]?")
    r"NETWORK|CHAIN|RESTAURANT|OUTLET|SUPERMARKET|AIRLINE|HOTEL|SUPPLIER|PROVIDER|INSURER|"
    r"OPERATOR|MODEL|TEAM|CLUB|PLATFORM|DEVICE|MARCA|EMPRESA|PRODUCTO|PRODUTO|"
    r"TIENDA|LOJA|MARKE|FIRMA|PRODUKT|MARQUE|ENTREPRISE|PRODUIT|MAGASIN|AZIENDA|PRODOTTO)"
    r"(?:\s(?:NAME|NOMBRE|NOME|NOM|X|Y|A|B|\d))?$"
)
# "his/her", "he / she", "is/are": two small words to choose between, said as one
_CHOICE_FILL_RE = re.compile(r"^[a-zà-ÿ]{1,8}\s?/\s?[a-zà-ÿ]{1,8}$")
# "[HE/SHE]", "[HIS/HER]", "[IS/ARE]": a CAPI spec's fills in capitals, chosen from the roster
# (a pronoun or verb form only: other capitals between slashes, "[SA/MA]", are marks)
_CAPS_CHOICE_FILL_RE = re.compile(
    r"^(?:HE|SHE|HIS|HER|HERS|HIM|HIMSELF|HERSELF|THEY|THEM|THEIR|IS|ARE|WAS|WERE|HAS|HAVE|"
    r"DOES|DO)(?:\s?/\s?(?:HE|SHE|HIS|HER|HERS|HIM|HIMSELF|HERSELF|THEY|THEM|THEIR|IS|ARE|"
    r"WAS|WERE|HAS|HAVE|DOES|DO)){1,2}$"
)
# a data field's name in lower case, words joined by underscores ("visit_date", "name")
# "first_name", or a CRM field in camel case ("FirstName", "OrderID", "storeName")
_FIELD_NAME_RE = re.compile(
    r"^(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)*|[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)$"
)
# a variable's name, capitals joined by underscores ("FF_JOBTITLE", "PREV_BRAND"): data filled in
# ("Is [NAME2] male or female?": a roster's field for person 2, capitals then the person's number)
_VARIABLE_RE = re.compile(r"^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,}\d{1,2})$")
# a time the interview fills in ("[REFERENCE WEEK]", "[LAST MONTH]", "[SURVEY DATE]")
_CAPS_PERIOD_RE = re.compile(r"^(?:[A-Z]+\s){0,2}(?:WEEK|MONTH|YEAR|DATE|PERIOD|DAY)$")
# "[MONTH AND YEAR OF W3 INTERVIEW]", "[DATE OF LAST VISIT]": the time of an event on record
_CAPS_TIME_OF_RE = re.compile(
    r"^(?:[A-Z]+\s){0,2}(?:WEEK|MONTH|YEAR|DATE|DAY)(?:\sAND\s(?:[A-Z]+\s)?(?:WEEK|MONTH|YEAR|DATE|"
    r"DAY))?\sOF\s[A-Z0-9]{2,12}(?:\s[A-Z0-9]{2,12}){0,2}$"
)
# the answer to an earlier question filled in, named by that question ("[Q2 APP]", "[Q5 SCORE]",
# "[BRAND AT A2]", "[STORE FROM S4]"): capitals that are data, not a note, inside the sentence
_SOURCED_FILL_RE = re.compile(
    r"^(?:[A-Z]{1,3}\d{1,3}[A-Za-z]?(?:\s[A-Z]{2,}){1,2}|[A-Z]{2,}(?:\s[A-Z]{2,})?\s(?:AT|FROM|IN)\s"
    # ("[PARTY AT V1/V1a]": the answer of either of two questions, a squeeze's after its lead)
    r"[A-Z]{1,3}\d{1,3}[A-Za-z]?(?:\s?/\s?[A-Z]{1,3}\d{1,3}[A-Za-z]?)?)$"
)
# "[POLICYHOLDER NAME FROM SAMPLE]", "[BRANCH FROM RECORD]": a field filled in from the sample
_SAMPLE_FILL_RE = re.compile(
    r"^[A-Z]{2,}(?:\s[A-Z]{2,}){0,1}\sFROM\s(?:SAMPLE|RECORD|DATABASE|CRM|LIST|FILE)$"
)
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:the|a|an|your|our|this|that|my)\s$", re.I)
# "the tenant at [ADDRESS]?", "the repair was to [REPAIR DESCRIPTION]": capitals after a
# preposition in the sentence's flow stand for the data it names (whole words, no codes)
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:to|at|in|from|for|with|on|about|by|of)\s$")
_CAPS_WORDS_RE = re.compile(r"^[A-Z]{4,}(?:\s[A-Z]{3,}){0,2}$")
# first words of a note to the programmer or interviewer, in any case
_NOTE_WORD_RE = re.compile(
    r"^(?:read|show|select|ask|skip|go|if|programmer|note|rotate|randomi[sz]e|do|don't|circle|"
    r"tick|check|code|multi|single|open|probe|hand|record|write|enter|specify|sic|pause|"
    r"interviewer|optional|required|hidden|hide|display|end|terminate|insert|close|exclusive|"
    r"anchor|fix|fixed|other|screen|page|response|answer|mandatory|numeric|text)\b",
    re.I,
)


# "<test language>", "<Country-specific item 1>": words a national adaptation puts in
_ANGLE_WORDS_RE = re.compile(r"^[A-Za-zÀ-ÿ][\w'’-]*(?:\s[\w'’-]+){0,5}$")


def _adaptation_slot(words: str, before: str, after: str) -> bool:
    """An angle bracket of plain words standing for a national term: inside a sentence that
    goes on around it, or the whole of an answer (`<Grade 7>`); capitals are a note."""
    if not _ANGLE_WORDS_RE.match(words) or words.isupper():
        return False
    if words.split()[0].lower() in ("only", "if", "ask", "skip", "show", "go", "do", "read"):
        return False  # "<only if H7 = 1>", "<ask all>": a note in angle brackets
    alone = not before.strip() and not re.sub(r"\s+\d{1,3}\s*$", "", after).strip()
    inside = bool(re.search(r"[a-zà-ÿ,]\s$", before)) and after[:1] in ("", " ", ",", ".", "?", "!")
    return alone or inside


def is_placeholder(inner: str, before: str, after: str) -> bool:
    """True when the bracket `inner` (brackets included) stands inside a sentence that goes on
    around it: words before it with the sentence not yet ended, and it is a short name."""
    words = inner[1:-1].strip()
    if inner.startswith("<") and before.endswith("<") and after.startswith(">"):
        # "<<COMPANY>>", "<<CONTACT>>": a sample file's field merged into a CATI script's words
        return bool(re.fullmatch(r"[A-Za-z][\w .-]{0,40}", words))
    if (_CHOICE_FILL_RE.match(words) or _CAPS_CHOICE_FILL_RE.match(words)) and inner.startswith(
        "["
    ):
        # "at [his/her] last birthday": the interviewer says the word that fits
        return bool(re.search(r"[a-zà-ÿ]\s*$", before)) and bool(after) and after[0] in " ,.?"
    if inner.startswith("{") and _FIELD_NAME_RE.match(words) and not _NOTE_WORD_RE.match(words):
        if before.endswith("{") or after.startswith("}"):
            return False  # "{{first_name}}" is the IR's own pipe syntax: not kept as words here
        head = before.rstrip(" *_")
        # "Hello {first_name},": a CRM field inside the sentence; "…? {dropdown}" is a tag
        return bool(re.search(r"(?:[^\W\d_]|,)$", head)) and bool(after) and after[0] in " ,.?!;:'’"
    if inner.startswith("<"):
        return _adaptation_slot(words, before, after)
    if not inner.startswith("["):
        return False
    if not (
        _WORDS_RE.match(words) or _SOURCED_FILL_RE.match(words) or _CAPS_TIME_OF_RE.match(words)
    ):
        return False
    # "[END DATE]", "[START DATE]": a date fed in, though it opens with a note's word
    if _NOTE_WORD_RE.match(words) and not _CAPS_PERIOD_RE.match(words):
        return False
    if _VARIABLE_RE.match(words) and re.search(r"[a-zà-ÿ]", before):
        return not re.search(r"[.?!:;]\s*$", before)  # "in [FF_MONTH] [FF_YEAR]": fed-in data
    # "the [SHOE NAME]", "a [CUSHIONING] ride": capitals after an article fill its noun's place
    slot = (
        _ARTICLE_BEFORE_RE.search(before)
        or words.endswith(" NAME")
        or (_PREPOSITION_BEFORE_RE.search(before) and _CAPS_WORDS_RE.match(words))
    )
    named = (
        _CAPS_NOUN_RE.match(words)
        or _CAPS_PERIOD_RE.match(words)
        or _CAPS_TIME_OF_RE.match(words)
        or _SOURCED_FILL_RE.match(words)
        or _SAMPLE_FILL_RE.match(words)
    )
    if words.isupper() and not named and not slot:
        return False  # "[VERIFIED]", "[MA]": capitals in a sentence are still a mark
    head = before.rstrip()
    if not re.search(r"[a-zà-ÿ]", head) or head[-1] in ".?!:;)]" or before.endswith(("  ", "\t")):
        return False  # at the start, after the sentence ended or set apart from it: a note
    # the sentence goes on after it ("… [company]?", "[company]'s"); last on the line is a tag
    return bool(after) and after[0] in " ,.?!;:'’s"
