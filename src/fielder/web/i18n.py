"""The respondent page's own words in a few languages, and picking the respondent's language.

The IR carries one text per question; `languages` says which languages the survey is in. The
page's own words (buttons, messages) follow the language chosen.
"""

from __future__ import annotations

from typing import Final

WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "next": "Next",
        "back": "Back",
        "finish": "Finish",
        "required": "Required",
        "progress": "Progress",
        "error_summary": "Please check the answers marked below.",
        "err_required": "Please answer this question.",
        "err_not_a_number": "Please enter a number.",
        "err_ranking": "Give each item a different rank.",
        "err_invalid": "This answer is not valid: {detail}",
        "appeared": "New questions appeared on this page; please answer them.",
        "thanks": "Thank you for your answers.",
        "screened_out": "Thank you; that is all we need from you.",
        "closed_title": "This survey is closed",
        "sorry": "Sorry",
        "closed": "This survey is not taking answers at the moment. Thank you for your interest.",
        "expired": "This page has expired. Please open the survey link again.",
        "rank": "Rank",
        "total": "Total",
        "of": "of",
        "specify": "Please specify",
        "choose": "Choose…",
        "send": "Send",
        "your_answer": "Your answer",
        "skip": "Skip to the questions",
        "unavailable": "The survey cannot continue right now. Please try again in a moment.",
    },
    "fr": {
        "next": "Suivant",
        "back": "Retour",
        "finish": "Terminer",
        "required": "Obligatoire",
        "progress": "Progression",
        "error_summary": "Veuillez vérifier les réponses signalées ci-dessous.",
        "err_required": "Veuillez répondre à cette question.",
        "err_not_a_number": "Veuillez saisir un nombre.",
        "err_ranking": "Donnez un rang différent à chaque élément.",
        "err_invalid": "Cette réponse n'est pas valide : {detail}",
        "appeared": "De nouvelles questions sont apparues ; merci d'y répondre.",
        "thanks": "Merci pour vos réponses.",
        "screened_out": "Merci ; c'est tout ce dont nous avons besoin.",
        "closed_title": "Cette enquête est fermée",
        "sorry": "Désolé",
        "closed": "Cette enquête ne reçoit pas de réponses pour le moment. Merci de votre intérêt.",
        "expired": "Cette page a expiré. Veuillez rouvrir le lien de l'enquête.",
        "rank": "Rang",
        "total": "Total",
        "of": "sur",
        "specify": "Précisez",
        "choose": "Choisir…",
        "send": "Envoyer",
        "your_answer": "Votre réponse",
        "skip": "Aller aux questions",
        "unavailable": "L'enquête ne peut pas continuer pour l'instant. Réessayez dans un moment.",
    },
    "de": {
        "next": "Weiter",
        "back": "Zurück",
        "finish": "Abschließen",
        "required": "Pflichtfeld",
        "progress": "Fortschritt",
        "error_summary": "Bitte prüfen Sie die markierten Antworten.",
        "err_required": "Bitte beantworten Sie diese Frage.",
        "err_not_a_number": "Bitte geben Sie eine Zahl ein.",
        "err_ranking": "Geben Sie jedem Eintrag einen anderen Rang.",
        "err_invalid": "Diese Antwort ist ungültig: {detail}",
        "appeared": "Neue Fragen sind erschienen; bitte beantworten Sie sie.",
        "thanks": "Vielen Dank für Ihre Antworten.",
        "screened_out": "Vielen Dank; mehr brauchen wir nicht von Ihnen.",
        "closed_title": "Diese Umfrage ist geschlossen",
        "sorry": "Entschuldigung",
        "closed": "Diese Umfrage nimmt derzeit keine Antworten an. Danke für Ihr Interesse.",
        "expired": "Diese Seite ist abgelaufen. Bitte öffnen Sie den Link erneut.",
        "rank": "Rang",
        "total": "Summe",
        "of": "von",
        "specify": "Bitte angeben",
        "choose": "Auswählen…",
        "send": "Senden",
        "your_answer": "Ihre Antwort",
        "skip": "Zu den Fragen",
        "unavailable": "Die Umfrage kann gerade nicht fortgesetzt werden. Bitte später erneut.",
    },
}


def pick(languages: list[str], asked: str | None, accept_language: str | None) -> str:
    """`?lang=` when the survey has it, else the best of Accept-Language, else its first."""
    offered = languages or ["en"]
    lowered = {lang.lower(): lang for lang in offered}
    if asked and asked.lower() in lowered:
        return lowered[asked.lower()]
    for wanted in _accepted(accept_language or ""):
        if wanted in lowered:
            return lowered[wanted]
        base = wanted.split("-")[0]
        for key, lang in lowered.items():
            if key.split("-")[0] == base:
                return lang
    return offered[0]


def _accepted(header: str) -> list[str]:
    """Accept-Language's tags, best first (RFC 9110 § 12.5.4 weights)."""
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if tag and tag != "*" and weight > 0:
            weighted.append((-weight, index, tag.lower()))
    return [tag for _, _, tag in sorted(weighted)]


def words(lang: str) -> dict[str, str]:
    """The page's words in `lang` (English where we have none)."""
    return WORDS.get(lang.split("-")[0].lower(), WORDS["en"])
