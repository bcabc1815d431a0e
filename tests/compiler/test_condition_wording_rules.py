"""How a written condition names its answers, one small case each, in invented words: a denied
code followed by the codes that remain, in English and in Italian."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition
from fielder.ir import Option, Question
from tests.compiler.conftest import by_id, compile_text

_FERRY = "\n".join(
    [
        "Q4. Did you book your crossing online?",
        "1 Yes",
        "2 No, at the port",
        "3 No, by telephone",
        "9 Cannot remember",
        "",
        "{route}",
        "",
        "Q5. How easy was the booking page to use?",
        "",
        "Q6. Any other comments?",
        "",
    ]
)


def test_a_denied_code_with_the_remaining_codes_in_brackets_names_those_codes() -> None:
    survey = by_id(compile_text(_FERRY.format(route="IF Q4 NOT 1 (CODES 2, 3 OR 9) GO TO Q6")))
    assert survey["Q4"].skip_to[0].if_ == "Q4 in ['2','3','9']"


def test_an_italian_diverso_da_with_its_codes_is_the_same_skip() -> None:
    traghetto = "\n".join(
        [
            "**D4.** Ha prenotato la traversata online? (UNA SOLA RISPOSTA)",
            "1 Sì",
            "2 No, al porto",
            "3 No, per telefono",
            "9 Non ricordo",
            "",
            "*SE D4 DIVERSO DA 1 (cod. 2, 3 o 9) PASSARE A D6*",
            "",
            "**D5.** Quanto è stato facile usare la pagina di prenotazione?",
            "",
            "**D6.** Altri commenti?",
        ]
    )
    survey = by_id(compile_text(traghetto, "q.md"))
    assert survey["D4"].skip_to[0].if_ == "D4 in ['2','3','9']"


def test_a_denied_code_alone_stays_a_negation() -> None:
    booked = Question(
        id="Q4",
        type="single",
        text="Booked online?",
        options=[Option(code=c, label=c) for c in ("1", "2", "3", "9")],
    )
    groups = parse_condition("Q4 <> 1", {"Q4": booked}, None)
    assert [(a.codes, a.negate) for a in groups[0]] == [(["1"], True)]


def test_a_skip_to_a_section_titled_in_another_language_lands_on_its_first_question() -> None:
    kebun = "\n".join(
        [
            "BAGIAN B – KEBUN",
            "",
            "B1. Tanaman apa saja yang Anda tanam tahun ini? (BOLEH LEBIH DARI SATU JAWABAN)",
            "1 Cabai",
            "2 Tomat",
            "3 Tidak menanam apa pun → LANJUT KE BAGIAN D",
            "",
            "B2. Berapa luas kebun Anda, dalam meter persegi?",
            "",
            "BAGIAN D – DATA RESPONDEN",
            "",
            "D1. Berapa umur Anda?",
        ]
    )
    survey = by_id(compile_text(kebun))
    assert [(s.if_, s.to) for s in survey["B1"].skip_to] == [("B1 contains '3'", "D1")]
