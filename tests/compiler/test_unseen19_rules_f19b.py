"""Conventions from questionnaires written natively in Portuguese and Indonesian (unseen19,
fix f19b), one small case each, in invented words."""

from __future__ import annotations

from fielder.compiler.glossary import to_english
from tests.compiler.conftest import by_id, compile_text


def test_portuguese_screen_out_and_skips_after_answers_and_below_questions() -> None:
    survey = by_id(
        compile_text(
            """
            P1. Você aceita responder sobre a sua horta?
                (1) Aceito
                (2) Não aceito          [ENCERRAR E AGRADECER]

            P2. Você cultiva alguma verdura?
                (1) Sim
                (2) Não

                SE P2=2 PASSAR PARA P4

            P3. Quantos canteiros você tem?
                [NUMÉRICA - de 1 a 40]

            P4. Você gostaria de receber sementes?
                (1) Sim
                (2) Não    -> ir para DESPEDIDA

            P5. Qual o seu telefone?

            DESPEDIDA
            Obrigada pela sua ajuda com a pesquisa sobre hortas urbanas do bairro.
            """
        )
    )
    assert survey["P1"].terminate_if == "P1 == '2'"
    assert [(s.if_, s.to) for s in survey["P2"].skip_to] == [("P2 == '2'", "P4")]
    assert survey["P3"].type == "number"
    assert survey["P3"].validation is not None
    assert survey["P3"].validation.max == 40
    assert [(s.if_, s.to) for s in survey["P4"].skip_to] == [("P4 == '2'", "DESPEDIDA")]
    assert [o.label for o in survey["P4"].options] == ["Sim", "Não"]


def test_portuguese_skip_to_a_block_named_with_its_first_question_in_a_banner() -> None:
    survey = by_id(
        compile_text(
            """
            P1. Você tem bicicleta?
                (1) Sim
                (2) Não

                >>> SE P1 = 2 PASSAR PARA O BLOCO C (P3) <<<

            P2. Qual a cor da bicicleta?
                (1) Azul
                (2) Verde

            === BLOCO C - HÁBITOS ===

            P3. Você caminha todo dia?
                (1) Sim
                (2) Não
            """
        )
    )
    assert [(s.if_, s.to) for s in survey["P1"].skip_to] == [("P1 == '2'", "P3")]


def test_portuguese_filter_naming_its_question_and_a_wrapped_compound_filter() -> None:
    survey = by_id(
        compile_text(
            """
            P1. Quantos cachorros moram na sua casa?
                [NUMÉRICA - de 0 a 9]

            P2. Onde você passeia com eles?
                (1) Praça
                (2) Parque
                (3) Rua

            [PERGUNTAR P3 SOMENTE SE P2 = 1 OU 2 (ÁREA VERDE). DEMAIS, PASSAR PARA P4]
            P3. Como você avalia a limpeza do local?
                (1) Boa
                (2) Ruim

            P4. Você usaria um cercado para cães no parque?
                [FILTRO: SOMENTE PARA QUEM TEM CACHORRO (P1 >= 1) E PASSEIA NO
                 PARQUE (P2 = 2)]
                (1) Sim
                (2) Não
            """
        )
    )
    assert survey["P3"].display_if == "P2 in ['1','2']"
    assert survey["P4"].display_if == "P1 >= 1 and P2 == '2'"


def test_words_of_a_language_outweigh_accented_letters_it_shares_with_a_neighbour() -> None:
    # Spanish and Portuguese both write Í and Ó; SOMENTE and QUEM are Portuguese only
    english = to_english("FILTRO: SOMENTE PARA QUEM LÊ NO ÔNIBUS (P4 >= 1) E USA ÓCULOS (P2 = 1)")
    assert "AND USA" in english


def test_portuguese_ordering_note_makes_a_ranking() -> None:
    survey = by_id(
        compile_text(
            """
            P1. Ordene as frutas da que você mais gosta para a que menos gosta.
                [ORDENAÇÃO - NÃO REPETIR POSIÇÕES]
                ( ) Manga
                ( ) Caju
                ( ) Goiaba

            P2. Qual a sua idade?
            """
        )
    )
    assert survey["P1"].type == "ranking"


_HTML = """<html><head><style>
.hint { color: #808080; }
.note { color: #c00000; }
td.go { color: #c00000; }
</style></head><body>
<p><b>PENGANTAR</b></p>
<p>Terima kasih sudah mau mengisi survei singkat tentang perpustakaan kampus ini.</p>
<p><b>K1.</b> Apakah Anda anggota perpustakaan? <span class="hint">(PILIH SATU JAWABAN)</span></p>
<table>
<tr><td>1</td><td>Ya</td><td class="go"></td></tr>
<tr><td>2</td><td>Tidak</td><td class="go">&rarr; SURVEI SELESAI</td></tr>
</table>
<p><b>K2.</b> Berapa umur Anda?
<span class="hint">(isian angka, dalam tahun, 16&ndash;60)</span></p>
<p class="note">Jika usia lebih dari 40 tahun &rarr; survei berakhir.</p>
<p><b>K3.</b> Buku apa yang paling sering Anda pinjam?</p>
<table>
<tr><td>1</td><td>Novel</td><td class="go"></td></tr>
<tr><td>2</td><td>Komik</td><td class="go"></td></tr>
<tr><td>3</td><td>Lainnya, sebutkan: __________</td>
<td class="go">&rarr; LANJUT KE PENUTUP</td></tr>
</table>
<p class="note">Pertanyaan K4 hanya untuk responden yang memilih 1 atau 2 pada K3.</p>
<p><b>K4.</b> Mengapa Anda suka buku itu? <span class="hint">(jawaban terbuka)</span></p>
<p><b>K5.</b> Kapan terakhir Anda datang?</p>
<p class="note">HANYA UNTUK RESPONDEN YANG MEMILIH KODE 3 DI K3.</p>
<table>
<tr><td>1</td><td>Minggu ini</td></tr>
<tr><td>2</td><td>Bulan ini</td></tr>
</table>
<p><b>PENUTUP</b></p>
<p>Terima kasih atas waktu Anda, semoga hari Anda menyenangkan.</p>
</body></html>"""


def test_indonesian_web_form_routing_hints_and_screens() -> None:
    survey = by_id(compile_text(_HTML, "q.html"))
    assert survey["PENGANTAR"].type == "display"
    assert survey["PENUTUP"].type == "display"
    assert survey["K1"].terminate_if == "K1 == '2'"
    # the grey bracket after the question is the form's hint: the question's words stop before it
    assert survey["K2"].text == "Berapa umur Anda?"
    assert survey["K2"].type == "number"
    assert survey["K2"].terminate_if == "K2 > 40"
    assert [(s.if_, s.to) for s in survey["K3"].skip_to] == [("K3 == '3'", "PENUTUP")]
    assert survey["K3"].options[2].label == "Lainnya, sebutkan"
    assert survey["K3"].options[2].specify
    assert survey["K4"].text == "Mengapa Anda suka buku itu?"
    assert survey["K4"].display_if == "K3 in ['1','2']"
    assert survey["K5"].display_if == "K3 == '3'"


def test_grey_marking_note_stays_in_the_question() -> None:
    html = (
        "<html><head><style>.g { color: #808080; }</style></head><body>"
        '<p><b>Q1.</b> Which club did you join? <span class="g">(Tick one box)</span></p>'
        "<p>&#9744; Chess</p><p>&#9744; Drama</p>"
        '<p><b>Q2.</b> How often do you go? <span class="g">(Tick one box)</span></p>'
        "<p>&#9744; Weekly</p><p>&#9744; Monthly</p></body></html>"
    )
    survey = by_id(compile_text(html, "q.html"))
    assert survey["Q1"].text == "Which club did you join? (Tick one box)"
