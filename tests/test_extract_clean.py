"""Indonesian body cleaning: junk lines, datelines, sign-offs, credits (monitor.extract.clean)."""
import pytest

from monitor.extract.clean import clean_paragraphs, is_date_line, is_junk_line, split_dateline, split_signoff


@pytest.mark.parametrize("line", [
    "Baca Juga :  Penyuluhan Hukum Digelar di Kecamatan",
    "Baca juga: KPU Tetapkan Daftar Pemilih",
    "BACA JUGA: Tiga partai sepakat",
    "Simak juga: video debat",
    "Lihat Juga : Galeri foto",
    "Simak Video 'Koalisi Baru': [Gambas:Video 20detik]",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Halaman selanjutnya",
    "1 2 3 Selanjutnya",
    "Bagikan:",
    "Ikuti berita terkini di Google News",
    "Dapatkan update berita pilihan setiap hari melalui WhatsApp Channel",
    "Artikel ini telah tayang di Contoh.com dengan judul Sesuatu",
    "Pilihan Editor: Cara Daftar Pemilih",
    "Foto: Dok. KPU",
    "Suasana rapat pleno di kantor KPU. (Foto: Humas KPU)",
    "***",
    "JANGAN LEWATKAN!!!",
    "Berita Terkait:",
    "Rekomendasi untuk Anda",
    "Copyright © ANTARA 2024",
    "Penyanyi memeluk sahabatnya di karpet merah. (REUTERS/Danny Moloshok)",
    "Rektor membuka kejuaraan antar kampus. Doc. kampus.ac.id HUMAS",
    "Warga antre di TPS 05. ANTARA FOTO/Abriawan Abhe",
])
def test_junk_lines(line):
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "Bacaan doa dibuka oleh ketua panitia sebelum rapat dimulai.",
    "Warga menggunakan aplikasi WhatsApp untuk melapor ke petugas KPU setiap hari, kata dia.",
    "Ketua KPU mengatakan halaman kantor dipakai untuk simulasi.",
    "Ia meminta warga melihat juga daftar pemilih tetap di kantor desa.",
    "Rekomendasi Bawaslu itu diteruskan ke KPU kabupaten untuk ditindaklanjuti.",
    "Hak cipta lagu kampanye itu, kata dia, dimiliki oleh pencipta aslinya dan sudah dibayar lunas kepada ahli warisnya sejak awal tahun.",
    "Acara ditutup dengan sesi foto. Warga lalu pulang ke rumah masing-masing",
    "Hal itu dilaporkan Reuters pada Senin (5/2)",
    "Berita lainnya soal pilkada akan diumumkan KPU pekan depan.",
])
def test_prose_is_kept(line):
    assert not is_junk_line(line)


@pytest.mark.parametrize("paragraph,dateline,rest", [
    ("KAB.JENEPONTO, jurnalisbicara.com – Bakal calon wakil bupati hadir.", "KAB.JENEPONTO, jurnalisbicara.com",
     "Bakal calon wakil bupati hadir."),
    ("JAKARTA, KOMPAS.com - Menteri berkata.", "JAKARTA, KOMPAS.com", "Menteri berkata."),
    ("Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan batal.", "Mataram, NTB (ANTARA News)",
     "Sebanyak 29 penerbangan batal."),
    ("REPUBLIKA.CO.ID, JAKARTA - Aktris itu berkata.", "REPUBLIKA.CO.ID, JAKARTA", "Aktris itu berkata."),
    ("OGAN ILIR – JURNALISBICARA.COM Pemerintah desa membagikan BLT.", "OGAN ILIR – JURNALISBICARA.COM",
     "Pemerintah desa membagikan BLT."),
    ("Jakarta, CNN Indonesia -- Presiden berpidato.", "Jakarta, CNN Indonesia", "Presiden berpidato."),
    ("VIVA.co.id - Pianis cilik tampil.", "VIVA.co.id", "Pianis cilik tampil."),
    ("Liputan6.com, Jakarta London Love Story tayang.", "Liputan6.com, Jakarta", "London Love Story tayang."),
    ("Kompas.com, MAKASSAR Warga antre.", "Kompas.com, MAKASSAR", "Warga antre."),
    ("Menurut dia, partai - partai itu sepakat.", None, "Menurut dia, partai - partai itu sepakat."),
    ("DEPRESI jadi satu momok - yang wajib diwaspadai.", None, "DEPRESI jadi satu momok - yang wajib diwaspadai."),
])
def test_split_dateline(paragraph, dateline, rest):
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize("line,body,sign", [
    ("pungkasnya. (Heri).**", "pungkasnya.", "(Heri).**"),
    ("katanya. (ant/xyz)", "katanya.", "(ant/xyz)"),
    ("ujar dia.” (rk/ed)", "ujar dia.”", "(rk/ed)"),
    ("(*)", "", "(*)"),
    ("diatur Komisi Pemilihan Umum (KPU).", "diatur Komisi Pemilihan Umum (KPU).", None),
    ("kata Ketua KPU (Komisi Pemilihan Umum)", "kata Ketua KPU (Komisi Pemilihan Umum)", None),
])
def test_split_signoff(line, body, sign):
    assert split_signoff(line) == (body, sign)


@pytest.mark.parametrize("line,expected", [
    ("Selasa, 23/02/2016 15:32 WIB", True),
    ("Selasa, 23 Februari 2016 | 14:54 WIB", True),
    ("2 jam lalu", True),
    ("Jakarta 23 Februari 2016 cerah sekali", False),
])
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


def test_clean_paragraphs_moves_dateline_credits_and_signoff_out():
    lines = [
        "KOTA MAKASSAR, contoh.com – Kalimat pertama berita.",
        "Baca Juga :  Judul lain",
        "“Kutipan,” ujarnya. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
        "Paragraf terakhir. (Andi).**",
        "Pewarta: Andi Baso",
        "Editor: Siti",
    ]
    paragraphs, dateline, authors = clean_paragraphs(lines)
    assert dateline == "KOTA MAKASSAR, contoh.com"
    assert paragraphs == ["Kalimat pertama berita.", "“Kutipan,” ujarnya.", "Paragraf terakhir."]
    assert authors == ["Andi Baso"]


def test_caption_first_only_when_asked():
    lines = ["KAB.GOWA, contoh.com – Warga saat mengikuti sosialisasi di balai desa",
             "Sosialisasi tahapan pilkada digelar di balai desa.", "Warga bertanya soal DPT."]
    assert clean_paragraphs(lines)[0][0].startswith("Warga saat")
    assert clean_paragraphs(lines, caption_first=True)[0] == lines[1:]


def test_label_cells_and_capitals_sign_off_leave_the_body():
    lines = ["Kalimat pertama berita ini cukup panjang.", "Kalimat terakhir berita ini.",
             "Penulis", ": Rina Kartika", "Sumber", ": Humas KPU", "DINI TEJA"]
    paragraphs, dateline, authors = clean_paragraphs(lines)
    assert paragraphs == lines[:2]
    assert authors == ["Rina Kartika"]
