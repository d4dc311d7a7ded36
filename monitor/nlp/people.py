"""Person names in Indonesian news text, by rules over capitalised word runs.

A run of capitalised words is split into honorifics (H., Dr.), role words
(Ketua, Bupati), organisation and place words (DPC, Kabupaten) and name words.
A name is kept when the context vouches for it (an honorific or role before it,
a speech verb or 'selaku' after it, a quote cue before it, a degree after it), when
it is a KPU candidate, or when it is two or more words that look like names and
nothing else.  Single words are kept with such evidence, or as the short form of
a full name found in the same article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.id.stop_words import STOP_WORDS

from monitor.nlp import vocab
from monitor.nlp.names import _MIXED_DEGREES, CLOSED_UP, PARTICLES, fold, is_degree
from monitor.nlp.regions import forms as region_forms
from monitor.nlp.gazetteer import load_paslon

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’`-]*\.?|\d+|[^\sA-Za-zÀ-ÿ\d]")
_ABBREV = {
    "muh", "moh", "moch", "mochd", "muhd", "mhd", "mohd", "abd", "h", "hj", "hi", "dr", "drs", "dra", "ir",
    "prof", "tgk", "kh", "ust", "drg", "sdr", "ny", "kab", "kec", "kel", "prov", "jl", "jln", "pj", "plt",
    "plh", "st", "lc", "hm", "ha", "kol", "let", "brig", "sy", "nn", "ds", "gg", "tgh", "tgkh", "ust", "hj",
    "dg", "dt", "ny", "sdri", "bpk", "pdt", "pst", "rm", "rd", "ns", "apt", "drh",
}
_NAME_NEXT = re.compile(r" ([A-Z][a-z]{2,})\b")
_INITIAL_DOT = re.compile(r"[A-Z]\.")
_ARABIC_AL = re.compile(r"(?:Al|El)-[A-Z][a-z]{2,}")
_GLUED = re.compile(r"^([A-Za-z][a-z]{2,})(?=[A-Z][a-z]{2,})")
_AFFIXED = re.compile(r"^(?:pe[nmr]?|peng|peny|ke|per|ber|ter|me[nm]?|meng|meny|di)[a-z]{3,}(?:an|kan)$|^[a-z]{4,}an$|"
                      r"^pe[nmr]?[a-z]{4,}$|^ke[a-z]{4,}an$|^(?:ter|ber|mem|men|meng|meny)[a-z]{4,}$")
_QUOTE_CHARS = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}
_LOWER_HONORIFIC = {"dr.", "drg.", "dr", "ir.", "drh.", "drh"}
_STRONG_AFTER = {
    "selaku", "sebagai", "mengatakan", "menyebut", "menyebutkan", "menegaskan", "menjelaskan", "mengaku",
    "menilai", "berharap", "meminta", "mengungkapkan", "menyampaikan", "menuturkan", "menerangkan",
    "menambahkan", "menekankan", "memastikan", "menyatakan", "mengakui", "mengimbau", "menghimbau", "mengajak",
    "membeberkan", "mengklaim", "berpesan", "memaparkan", "membenarkan", "bilang", "berujar", "berkata",
    "menanggapi", "menyoroti", "menjawab", "mengingatkan", "mendorong", "mengapresiasi", "optimistis",
    "optimis", "yakin", "hadir", "didampingi", "bersama", "tampak", "terlihat", "mengucapkan", "menerima",
    "memimpin", "membuka", "meresmikan", "menghadiri", "mengunjungi", "menyerahkan", "dilantik", "terpilih",
    "ditunjuk", "diusung", "mendaftar", "mendaftarkan", "resmi", "juga", "pun", "menuding", "melaporkan",
    "dilaporkan", "ditetapkan", "diperiksa", "ditangkap", "divonis", "dituntut", "menggugat", "berpasangan",
    "berduet", "bersama-sama", "mengharapkan", "mengutarakan", "mengemukakan", "menduga", "meyakini",
    "merupakan", "adalah", "ialah", "akrab", "alias", "menjabat", "memberikan", "mengklarifikasi",
    # what happens only to people: 'Lee McKenzie lahir di Ayr', 'Suparman tewas di tempat'
    "lahir", "dilahirkan", "meninggal", "wafat", "tewas", "menikah", "dimakamkan",
}
_STRONG_BEFORE = {
    "kata", "ujar", "ungkap", "jelas", "terang", "beber", "tegas", "tutur", "sebut", "imbuh", "tambah",
    "lanjut", "ucap", "pungkas", "papar", "tandas", "menurut", "saudara", "sdr", "mendampingi", "didampingi",
    "almarhum", "mendiang", "tokoh", "politisi", "politikus", "kader", "keluh", "sapa", "disapa", "dipimpin", "dipandu",
    "lansia", "nenek", "kakek", "bocah", "balita", "siswi", "remaja", "janda", "tulis", "tanya",
}
# What a one-word capitalised name after these words names is a programme or a term ('program Kinasih',
# 'konsep Panca Waluya'), not a person.
_THING_BEFORE = {"program", "gerakan", "aplikasi", "slogan", "tagline", "jargon", "konsep", "kurikulum", "festival",
                 "tema", "bertema", "bertajuk", "berjudul", "julukan", "metode", "sistem", "platform", "inovasi",
                 "proyek", "skema", "paket"}
# Written in lower case just before a capitalised run, these make it a place, a community or a monument.
_PLACE_BEFORE = {"kampung", "desa", "dusun", "kelurahan", "kecamatan", "kawasan", "wilayah", "daerah", "lingkungan",
                 "kalangan", "umat", "suku", "kabupaten", "provinsi", "pulau", "jalan", "gunung", "sungai", "pantai",
                 "pelabuhan", "bandara", "stadion", "lapangan", "gedung", "masjid", "patung", "museum", "perumahan",
                 "kompleks", "komunitas", "dukuh", "nagari", "gampong", "lorong", "gang", "teluk"}
# Heads after which a capitalised run names a place or a building, never a person.
_FACILITY = {
    "jalan", "jl", "jln", "lorong", "gang", "gg", "lr", "perumahan", "perum", "kompleks", "komplek", "btn",
    "masjid", "mesjid", "musala", "mushola", "gereja", "pesantren", "ponpes", "stadion", "bandara",
    "pelabuhan", "terminal", "lapangan", "gedung", "hotel", "wisma", "taman", "pasar", "museum", "monumen",
    "tugu", "jembatan", "bendungan", "makam", "universitas", "institut", "kampus", "sekolah", "sma", "smp",
    "smk", "sd", "rsab", "rumah", "puskesmas", "kapal", "km", "kri", "yayasan", "lanud", "lanal",
    "aula", "balai", "istana", "graha", "auditorium", "asrama", "kafe", "cafe", "warkop", "resto",
    "restoran", "toko", "kedai", "stasiun", "bukit", "gunung", "pulau", "sungai", "danau", "pantai",
    "tanjung", "teluk", "kampung", "desa", "kelurahan", "kecamatan", "dusun", "banjar", "lhok", "ohoi", "paroki", "katedral",
    "kapanewon", "kalurahan", "kemantren",
    "distrik", "kabupaten", "kab", "kota",
    "provinsi", "prov", "gampong", "nagari", "lingkungan", "benteng", "pendopo", "rujab", "lapas", "rutan",
    "kodim", "korem", "kodam", "polres", "polsek", "polda", "batalyon", "yonif", "sman", "smpn", "sdn",
    "smkn", "mts", "ma", "min", "man", "stie", "stkip", "iain", "uin", "politeknik", "akademi", "sekolah",
    "pt", "cv", "ud", "koperasi", "bank", "bumdes", "dinas", "badan", "kantor", "kementerian", "yayasan",
    "piala", "trofi", "penghargaan", "anugerah", "award", "award", "festival", "liga", "program", "gerakan",
    "operasi", "komando", "brigade", "laskar", "barisan", "forum", "tim", "relawan", "sahabat", "kawan",
    "teman", "komunitas", "paket", "paguyuban", "ikatan", "keluarga", "fans", "generasi",
}
# Facilities often named after a (titled) person: 'Jalan Jenderal Sudirman', 'RSUD H. Andi Makkasau',
# 'Gedung Tgk Chik Di Tiro'. A name right after them is the facility's, not a person mentioned.
_NAMED_AFTER_A_PERSON = {
    "jalan", "jl", "jln", "bandara", "stadion", "universitas", "gedung", "aula", "lapangan", "taman", "museum",
    "monumen", "tugu", "jembatan", "pelabuhan", "terminal", "stasiun", "pendopo", "wisma", "graha", "auditorium",
    "asrama", "makam", "pesantren", "ponpes", "yayasan", "kampus", "institut", "masjid", "lorong", "gang", "gg", "gor",
    "rsud", "rsd", "rsu", "rsup", "rsia", "rsj", "rsi", "rs",
}
_FACILITY |= _NAMED_AFTER_A_PERSON
# Offices that head a unit named next ('Kabag Prokopim', 'Kasat Reskrim'): an unknown word after them is the unit.
_UNIT_HEADS = {"kabag", "kasubag", "kasubbag", "kabid", "kasubbid", "kasi", "kasie", "kasat", "kanit", "kadis", "kaban",
               "kasubdit", "kabiro", "karo", "bagian", "bidang", "seksi", "subbagian", "satuan", "unit"}


_CAMPUS = {"universitas", "institut", "politeknik", "sekolah", "stikes", "stie", "stih", "stisip", "akademi", "uin",
           "iain", "ui", "ugm", "unhas", "unair", "unpad", "undip", "itb", "ipb", "its", "uns", "unm", "umi", "unsrat"}
_COMPANY_HEADS = {"pt", "cv", "ud", "pd", "perumda", "koperasi"}
_COMPANY_TAILS = {"nusantara", "jaya", "abadi", "mandiri", "sejahtera", "makmur", "perkasa", "indonesia", "utama",
                  "sentosa", "lestari", "persada", "group", "grup", "karya", "sakti", "mulia", "prima", "konstruksi",
                  "tbk", "persero", "sukses", "gemilang", "berjaya", "raya", "teknik", "niaga", "perdana", "pratama",
                  "trading", "engineering", "konsultan", "sawit", "agro"}
_NAME_OPENERS = {"abdul", "abd", "muhammad", "muhamad", "mohammad", "mohamad", "mochammad", "mochamad", "moch", "moh",
                 "muh", "mhd", "ahmad", "achmad", "andi", "siti", "h", "hj", "haji", "hajjah"}


_ORG_TAIL = {"agung", "raya", "besar", "tinggi", "negeri", "utama", "pusat", "nasional", "bersama", "konstitusi"}
# What follows the last words of an office's name ('Menteri Pemuda dan Olah Raga, Dito Ariotedjo', 'Dinas ... Bina
# Marga dan Cipta Karya (DPUBMCK) Jateng Hanung'): its acronym in brackets, or a comma and the holder's name.
_OFFICE_NAME_ENDS = re.compile(r"\s*(?:\(\s*[A-Z][A-Za-z0-9]{2,}\s*\)|,\s*(?:(?:H|Hj|Dr|dr|Ir|Prof)\.?\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+)")
# Endings of one-word Javanese and Malay names (Suhartoyo, Sudaryono, Kusnadi, Sugiharto).
_MONONYM = re.compile(r"^[a-z]{3,}(?:to|no|yo|di|ti|ni|wan|man|din|yah|sih|ati|ono)$")
_SURNAME_ROLES = {"hakim", "jaksa", "dokter", "imam"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
_PLACE_ROLES = {
    "camat", "lurah", "kades", "bupati", "wabup", "walikota", "wali", "gubernur", "wagub", "kapolres", "kapolsek",
    "kapolda", "dandim", "danramil", "danrem", "kajari", "kajati", "sekda", "sekcam", "kapolresta", "kadus",
    "panewu", "dukuh", "perbekel", "bendesa", "kelian", "klian", "keuchik", "geuchik",
    "kepala", "ketua", "wakil", "pj", "plt", "penjabat", "kpu", "bawaslu",
}


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.rstrip(".").lower()


@dataclass
class NameSpan:
    start: int
    end: int
    words: list[str]
    surface: str
    evidence: str  # "strong" | "lexicon" | "weak"
    role_before: bool = False
    key: tuple = field(default=())


_GLUE_WORDS = frozenset({"dan", "yang", "di", "ke", "dari", "untuk", "itu", "ini", "juga", "pun", "saat"}) | frozenset(
    vocab.SPEECH_VERBS) | frozenset(vocab.TOPIC_VERBS) | frozenset(w for w in vocab.COMMON_WORDS if len(w) >= 5)


# Function words a scraper glues to the name before them ('Romahurmuziyalias Rommy').
_GLUE_FUNCTION = frozenset({"alias", "bahwa", "dalam", "yakni", "yaitu", "namun", "sejak", "masih", "sudah", "telah",
                            "serta", "ketika", "kepada", "bersama", "selaku", "sebagai", "tidak", "tetap"})
_AFFIXED_STRICT = re.compile(r"^(?:pe[nmr]?|peng|peny|per)[a-z]{3,}(?:an)$|^pe[nmr]?[a-z]{4,}$|^ke[a-z]{4,}an$|^[a-z]{4,}kan$")
_VERBISH = re.compile(r"^(?:meng|meny|mem|men|ber|di|ter)[a-z]{4,}(?:kan|i|nya)?$")
_AFTER_NAME_GLUE = frozenset({"dan", "ikut", "buka", "hadir", "tiba", "datang", "yang", "usai", "saat", "bersama",
                              "kepada", "dengan", "juga", "pun", "akan", "sudah", "tak", "tidak", "pada", "dari"})
# Word shapes of Indonesian and borrowed common nouns ('Kekayaan', 'Fasilitasi', 'Rivalitas', 'Agraria'):
# a run of such words with no known name word in it names a thing.
_NOUN_SHAPE = re.compile(r"^(?:ke[a-z]{3,}an|pe[nmr]?[a-z]{3,}an|per[a-z]{3,}an|[a-z]{3,}(?:asi|isasi|itas|isme|ual|aria))$")
_ME_VERB = re.compile(r"^(?:meng|meny|mem|men|me)[a-z]{3,}$")
_ME_VERB_END = re.compile(r"(?:kan|i)$")
_SURE_GLUE = frozenset({"yang", "dengan", "untuk", "kepada", "dalam", "bersama", "usai", "ketika", "bahwa"})
# Words of kin or kind in an appositive after a name ('Helen Bond, wanita yang ...', 'Brandon Salim, putra sulung ...').
_KIN = {"wanita", "pria", "perempuan", "lelaki", "gadis", "pemuda", "pemudi", "remaja", "bocah", "putra", "putri",
        "anak", "istri", "suami", "ayah", "ibunda", "ayahanda", "kakak", "adik", "cucu", "menantu", "keponakan"}
# Nouns for a person that may stand before 'bernama' (besides _KIN).
_NAMED_AFTER_NOUNS = {"seorang", "warga", "korban", "pelaku", "tersangka", "saksi", "orang", "petani", "nelayan", "siswa",
                "guru", "pedagang", "sopir", "pengemudi", "ibu", "bapak", "tokoh", "penduduk", "mahasiswa", "buruh"}
_ROLE_COMPLEMENTS = {"adat", "agama", "masyarakat", "pemuda", "perempuan", "setempat", "desa", "kampung", "suku"}
_SUPPORTERS = {"pendukung", "simpatisan", "relawan", "pengunjung", "penonton", "peserta", "pemilih", "pembeli",
               "penumpang", "pengendara", "pemudik", "jemaah", "santri", "peternak", "pengrajin", "perajin", "penjual"}
# Glue words that always lead into more words: never last before punctuation.
_LEADING_GLUE = frozenset({"di", "ke", "dan", "yang", "pada", "dari", "untuk", "kepada", "dengan", "dalam", "bersama",
                           "usai", "saat", "akan", "ikut", "tak", "tidak"})
_SHORT_GLUE = frozenset({"di", "ke", "dan", "yang", "akan", "ikut", "pada", "dari", "untuk", "kepada", "dengan",
                         "dalam", "juga", "itu", "ini", "saat", "usai", "bersama", "tak", "tidak", "pun", "sudah"})


# Two capitals that close a club's or a firm's name, not a person's initials ('Arema FC').
_CLUB_SUFFIXES = {"FC", "SC", "CF", "PS", "UD", "PD", "TBK", "KC"}
# Words that look glued but are one word: 'Ramadan' is no 'Rama' + 'dan'.
_WHOLE = {"ramadan", "ramadhan", "sudan", "yordan", "jordan"}


def _glued_suffix(t: str, known: frozenset | set, after_name: bool = False) -> int | None:
    """'Anungmengaku' -> 5: a name glued to the next word by a scraper (longest known name first).
    `after_name`: the word closes a capitalised run ('Kaesang Pangarepmenemui'), where a me- verb
    glued on is split off even when the surname is unknown."""
    body = t.rstrip(".")
    if not body[1:].islower() or len(body) < 6 or body.lower() in vocab.NAME_WORDS:
        return None  # ('Simanjuntak' is a surname the lists know, not 'Simanjun' + 'tak')
    for cut in range(len(body) - 2, 2, -1):
        suffix, prefix = body[cut:], body[:cut].lower()
        verb = suffix in vocab.SPEECH_VERBS or suffix in vocab.TOPIC_VERBS
        if verb:
            return cut
        if suffix in _SHORT_GLUE or _VERBISH.match(suffix):
            # ('Tandirerung' is a Toraja name, not 'Tan' + 'direrung')
            if (prefix in vocab.NAME_WORDS and len(prefix) >= 4) or prefix in known or prefix in region_forms():
                return cut
            if suffix in _SURE_GLUE and len(prefix) >= 5 and re.search(r"[aeiou]", prefix[-2:]):
                return cut  # no name ends in these words ('Kristiyantoyang')
        elif len(suffix) >= 5 and suffix in _GLUE_WORDS and (
                prefix in known or prefix in region_forms() or (
                    # ('Tenriangka' is a Bugis name, not 'Tenri' + 'angka')
                    len(prefix) >= 5 and (len(suffix) >= 6 or suffix in _GLUE_FUNCTION or suffix in vocab.CUES)
                    and prefix in vocab.NAME_WORDS)):
            return cut  # only when the article writes the name alone elsewhere ('Samsinar' stays whole)
    if after_name:
        for cut in range(4, len(body) - 2):  # the longest glued word first
            suffix, prefix = body[cut:], body[:cut].lower()
            if cut >= 6 and suffix in _AFTER_NAME_GLUE:
                return cut  # 'Dudung Abdurachmandan', 'Anies Baswedanikut'
            if _ME_VERB.match(suffix) and re.search(r"[aeiou]", prefix) and (
                    suffix in vocab.COMMON_WORDS or _ME_VERB_END.search(suffix)):
                return cut  # 'Kaesang Pangarepmenemui'
    return None


def _namey(t: Tok) -> bool:
    low = t.low
    return t.text[:1].isupper() and low not in vocab.NON_NAME and low not in vocab.ROLE_WORDS and (
        low not in vocab.ORG_WORDS) and low not in vocab.COMMON_WORDS and low not in _FACILITY


_PAIR_TALK = re.compile(r"(?i)\b(?:pasangan|paslon|pilkada|pilgub|pilwalkot|pilwali|pilbup|cagub|cawagub|cabup|"
                        r"cawabup|cawalkot|cawawalkot|nomor\s+urut|duet|capres|cawapres)\b")


def _split_pairs(text: str, toks: list[Tok]) -> list[Tok]:
    """'Bandaso-Andi' inside 'Rahmat Masri Bandaso-Andi Tenri Karta' joins two full names: split it.
    A pair nickname standing alone ('Appi-Aliyah') stays one token."""
    out = []
    pairs_talk = None
    for k, t in enumerate(toks):
        if "-" in t.text.strip("-") and t.text[:1].isupper() and all(p[:1].isupper() for p in t.text.split("-") if p) and (
                not _ARABIC_AL.fullmatch(t.text)):  # ('Husein Al-Aidid': an Arabic surname)
            before = k > 0 and _namey(toks[k - 1]) and text[toks[k - 1].end:t.start] == " "
            after = k + 1 < len(toks) and _namey(toks[k + 1]) and text[t.end:toks[k + 1].start] == " "
            if before and not after:
                if pairs_talk is None:
                    pairs_talk = bool(_PAIR_TALK.search(text))
                # 'Franz Magnis-Suseno', 'Shai Gilgeous-Alexander': a hyphenated surname, unless the article
                # talks of candidate pairs ('Bobby Nasution-Surya menang').
                before = pairs_talk
            if before or after:
                pos = t.start
                for n, part in enumerate(t.text.split("-")):
                    if n:
                        out.append(Tok("-", pos, pos + 1))
                        pos += 1
                    out.append(Tok(part, pos, pos + len(part)))
                    pos += len(part)
                continue
        out.append(t)
    return out


_CAMEL_BRANDS = {"youtube", "whatsapp", "tiktok", "linkedin", "gopay", "shopeepay", "bukalapak", "tokopedia",
                 "playstation", "facebook", "instagram", "paypal", "mcdonald", "mcdonalds", "blackberry", "powerpoint",
                 "livestreaming", "smartphone", "jakpro", "transjakarta", "kereta", "ecommerce", "telkomsel"}
_CAPS_GLUE = re.compile(r"^([A-Z]{2,})(?=[A-Z][a-z]{2,})")


def tokenize(text: str, extra_known: frozenset = frozenset()) -> list[Tok]:
    known = None
    toks = []
    for m in _TOKEN.finditer(text):
        pieces = [(m.group(), m.start())]
        while pieces:
            t, start = pieces.pop(0)
            end = start + len(t)
            if len(t) > 5 and (t[:1].isupper() or (t[:1].islower() and not t.islower())):
                # Scrapers glue words: 'PDIPHasto', 'KebudayaanFadli', 'Anungmengaku'.
                caps = re.match(r"^[A-Z]{2,}", t)
                if caps and t[caps.end():].rstrip(".").islower() and (
                        t[caps.end():].rstrip(".") in _SHORT_GLUE or t[caps.end():].rstrip(".") in _GLUE_WORDS):
                    cut = caps.end()  # 'PSIsaat' -> PSI + saat
                else:
                    g = _CAPS_GLUE.match(t) or _GLUED.match(t)
                    cut = g.end(1) if g else None
                if t.lower() in _CAMEL_BRANDS:
                    cut = None  # 'YouTube', 'WhatsApp': one word written with two capitals
                elif cut is None and t.lower() not in vocab.NAME_WORDS and t.lower() not in _WHOLE:
                    if known is None:
                        known = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", text)} | extra_known
                    after_name = bool(toks) and toks[-1].text[:1].isupper() and toks[-1].text[1:].islower() and (
                        text[toks[-1].end:start] == " ")
                    cut = _glued_suffix(t, known, after_name)
                    if cut and t[cut:].rstrip(".").lower() in _LEADING_GLUE and (
                            re.match(r"\s*(?:[^\w\s]|$)", text[end:end + 2]) or (
                            toks and toks[-1].text.rstrip(".").lower() in vocab.HONORIFICS | {"dr", "drg"})):
                        # 'Eka Asmadi, ...': a preposition glued on would stand before a comma; 'dr Wismandari
                        # Wisnu': right after an honorific stands a name, not a name and a preposition
                        cut = None
                if cut:
                    toks.append(Tok(t[:cut], start, start + cut))
                    pieces.insert(0, (t[cut:], start + cut))
                    continue
            if t.endswith(".") and len(t) > 2 and t[:-1].lower() not in _ABBREV and not (
                    # 'Rena Da. Frina': a two-letter middle abbreviation between name words ends no sentence
                    re.fullmatch(r"[A-Z][a-z]\.", t) and t[:-1].lower() not in vocab.HONORIFICS and toks and (
                        toks[-1].text[:1].isupper() and toks[-1].text[1:].islower() and len(toks[-1].text) > 2)
                    and (nxt := _NAME_NEXT.match(text, end)) and nxt.group(1).lower() not in vocab.COMMON_WORDS
                    and nxt.group(1).lower() not in vocab.PRONOUNS):
                toks.append(Tok(t[:-1], start, end - 1))
                toks.append(Tok(".", end - 1, end))
            else:
                toks.append(Tok(t.rstrip("'’") if len(t) > 2 else t, start, end - (len(t) - len(t.rstrip("'’")) if len(t) > 2 else 0)))
    return _split_pairs(text, toks)


def _is_cap(t: Tok) -> bool:
    c = t.text[0]
    return c.isupper() or t.text in _LOWER_HONORIFIC


def _kind(t: Tok, sentence_start: bool) -> str:
    """T honorific, R role, F facility/place head, O organisation/other, A acronym, N name word."""
    low = t.low
    raw = t.text
    if low in vocab.NEVER_NAMES:
        return "C"
    if raw in _MIXED_DEGREES:
        return "O"  # 'Iskandar MSc'

    if low in vocab.HONORIFICS or raw in {"H.", "Hj.", "Hi.", "dr.", "Dr.", "Ir.", "Drs.", "Dra.", "Prof.", "KH.",
                                          "Tgk.", "H", "Hj", "HJ.", "Drg.", "drg."}:
        return "T"
    if low in vocab.ROLE_HEADS or low in {"bicara", "umum"}:
        return "R"
    if low not in vocab.NAME_WORDS:
        if re.match(r"^(?:wa)?men(?:ko|teri|[bcdfghjklmnpqrstvwxyz])[a-z]+$", low) and (
                low.removeprefix("wa") in vocab.MINISTER_SHORT or len(low) >= 7 and not _MONONYM.search(low)):
            return "R"  # Mensesneg, Menkeu, Wamendagri (but 'Mendra' is a name)
        if re.match(r"^(?:kemen|pem(?:kab|kot|prov)|dis[a-z]{2,}|satpol)", low) and len(low) > 5:
            return "O"  # Kemensesneg, Diskominfo
    if low in _FACILITY:
        return "F"
    if raw in _ROMAN and raw != "I":
        return "O"
    if raw.isupper() and len(raw.rstrip(".")) >= 2 and "." not in raw:
        return "N" if raw in vocab.SINGLE_NAMES else "A"
    if "-" in raw.strip("-") and all(p[:1].isupper() for p in raw.split("-") if p):
        return "O"  # 'Appi-Aliyah', 'Rico-Zaki': a pair's nickname, not one person
    if "-" in raw.strip("-") and raw[:1].isupper() and any(p[:1].islower() for p in raw.split("-")[1:] if p):
        return "C"  # 'Non-formal', 'Pasca-sarjana': a compound, not a name
    if low in vocab.ORG_WORDS or low in vocab.NON_NAME or low in vocab.DAYS or low in vocab.MONTHS:
        return "O"
    if low in region_forms() and low not in vocab.NAME_WORDS:
        return "O"
    if (low in vocab.LEX_ORG_WORDS or low in vocab.LEX_LOC_WORDS) and low not in vocab.NAME_WORDS:
        return "C"  # seen in organisation/place names of the NER corpus: ordinary unless beside a name
    if low in vocab.COMMON_WORDS and low not in vocab.NAME_WORDS:
        return "C"
    if sentence_start and low not in vocab.NAME_WORDS and re.match(
        r"^(?:me|be|te|di|pe|ke|se|mem|men|meng|meny|ber|ter|per)\w{3,}(?:kan|an|nya|lah|kah|i)$", low
    ):
        return "C"
    return "N"


@lru_cache(maxsize=1)
def _registry_pairs() -> frozenset:
    """(name word, next word) of KPU candidates whose next word the lists take for an ordinary one ('Muchlis Tapi
    Tapi', 'Novita Bulan', 'Mohamad Besar Bantilan'): capitalised after that name word, it is the name going on."""
    out = set()
    for p in load_paslon():
        for pos in ("calon", "wakil"):
            ws = p[pos]["name"].split()
            for a, b in zip(ws, ws[1:]):
                if a.isalpha() and b.isalpha() and len(b) >= 3 and a.lower() not in {"kolom", "putra"} and (  # (the empty box; a crown prince)
                        word_kind(b) != "N" and b.lower() not in PARTICLES):
                    out.add((a.lower(), b.lower()))
    return frozenset(out)


def word_kind(w: str) -> str:
    """The kind (see _kind) of one capitalised word standing mid-sentence."""
    return _kind(Tok(w, 0, len(w)), False)


def place_words(texts: list[str], extra: str | None = None) -> set[str]:
    """Words this article uses as place names: what follows Kabupaten, Desa, Pilkada ... (Bontolangi)."""
    out = set()
    forms = region_forms()
    for text in texts:
        for m in _PLACE_AFTER.finditer(text):
            if m.group(0)[:4] == "Kota" and re.search(r"(?i)\bwali\s*$", text[max(0, m.start() - 6):m.start()]):
                continue  # 'Wali Kota Farhan' is the mayor, not a town called Farhan
            words = m.group(1).split()
            head_low = m.group(0).split()[0].lower().rstrip(".")
            strong_head = head_low in _STRONG_PLACE_HEADS
            # A known region needs no help; of an unknown place only the first word is sure
            # ('DPRD Jawa Timur Kusnadi', 'Desa Talang Dukun').
            known = next((k for k in range(len(words), 0, -1) if " ".join(words[:k]).lower() in forms), 0)
            if known:
                # ('Kecamatan Padang Tiji': a district named after a town; its second word is a place too)
                head = m.group(0).split()[0].lower().rstrip(".")
                if head in {"kecamatan", "kec", "desa", "kelurahan", "dusun", "kampung"} and known < len(words) and (
                        words[known].lower() not in vocab.ROLE_WORDS and words[known].lower() not in vocab.NAME_WORDS):
                    out.add(words[known].lower())
                continue
            w = words[0].lower()
            if len(words) >= 2 and head_low in _BODY_PLACE_HEADS and w not in _STRONG_PLACE_HEADS:
                continue  # 'Ketua KPU Hasrun Tamburaka': a full name after the body, not a place unknown to the lists
            if not strong_head and _MONONYM.search(w) and re.search(
                    r"(?i)\b(?:ketua|wakil|anggota|sekretaris|kepala|kapolres|kapolda|komisioner)\s*$", text[max(0, m.start() - 20):m.start()]):
                continue  # 'Ketua DPRD Oktafiyani': the chair's name, not a place
            if w not in vocab.ROLE_WORDS and (strong_head or w not in vocab.NAME_WORDS):
                out.add(w)
    # A word the article also puts after a speech cue ('Menurut Soni, ...', 'ungkap Soni') is someone's name.
    spoken = set()
    for text in texts:
        spoken |= {m.group(1).lower() for m in _SPOKEN_BY.finditer(text)}
    out -= spoken
    if extra:
        out |= {w.lower() for w in re.findall(r"[A-Za-z'-]{3,}", extra)} - {"kabupaten", "kota", "kab", "provinsi"}
    return out


_SPOKEN_BY = re.compile(r"\b(?:[Kk]ata|ujar|ungkap|tutur|jelas|[Mm]enurut|ucap|lanjut|sebut|tambah|imbuh|tegas|terang)\s+"
                        r"([A-Z][a-z]{2,})\b")


_STRONG_PLACE_HEADS = {"kabupaten", "kab", "kota", "kecamatan", "kec", "desa", "kelurahan", "dusun", "kampung",
                       "kapanewon", "kalurahan", "kemantren", "distrik",
                       "provinsi", "se-kabupaten", "pilkada", "pilbup", "pilwalkot", "pemkab", "pemkot"}
# Bodies named after the place they serve ('KPU Kolaka', 'Polres Gowa'), unlike 'Desa X' or 'Kecamatan X'.
_BODY_PLACE_HEADS = {"pemkab", "pemkot", "pemprov", "dprd", "kpu", "bawaslu", "polres", "kodim", "kejari"}
_PLACE_AFTER = re.compile(
    r"\b(?:Kabupaten|Kab\.|KAB\.|Kota|Kecamatan|Kec\.|Desa|Kelurahan|Dusun|Kampung|Kapanewon|Kalurahan|Kemantren|"
    r"Distrik|Provinsi|Pilkada|Pilbup|"
    r"Pilwalkot|Pemkab|Pemkot|Pemprov|DPRD|KPU|Bawaslu|Polres|Kodim|Kejari|Se-Kabupaten|se-Kabupaten)\s*"
    r"((?:[A-Z][A-Za-z'-]+)(?:\s+[A-Z][A-Za-z'-]+){0,2})")


def find_names(text: str, skip=lambda pos: False, *, title: bool = False,
               places: frozenset = frozenset(), known: frozenset = frozenset()) -> tuple[list[NameSpan], list[Tok]]:
    """Candidate person names with their evidence; `skip(pos)` masks Baca Juga lines and bylines;
    `known` are words the article writes capitalised elsewhere (the headline), for glued words."""
    toks = tokenize(text, known)
    # Words the article puts after a speech cue ('ujar Adityas') are names wherever they open a sentence.
    spoken = frozenset(m.group(1).lower() for m in _SPOKEN_BY.finditer(text))
    out: list[NameSpan] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not _is_cap(t) or skip(t.start):
            i += 1
            continue
        # A capitalised run, allowing name particles (bin, Al) inside and no line breaks.
        j = i
        run = []
        while j < n:
            tj = toks[j]
            if run and "\n" in text[run[-1].end:tj.start]:
                break
            roman = tj.text in _ROMAN
            if _is_cap(tj) and (not roman or _balinese(toks, j) or (run and (tj.text != "I" or (
                    run[-1].low in vocab.ORG_WORDS or run[-1].low in vocab.ROLE_WORDS)))):
                run.append(tj)
                j += 1
            elif run and tj.low in PARTICLES and j + 1 < n and _is_cap(toks[j + 1]):
                run.append(tj)
                j += 1
            else:
                break
        prev = toks[i - 1] if i > 0 else None
        sent_start = prev is None or prev.text in {".", "!", "?", "\u201d", '"', "\u201c", ":", "–", "-", "—"} or (
            "\n" in text[prev.end:t.start]
        )
        kinds = [("O" if skip(tk.start) or tk.low in places else _kind(tk, sent_start and k == 0))
                 for k, tk in enumerate(run)]
        for k, tk in enumerate(run):
            if 0 < k < len(run) - 1 and kinds[k] == "C" and len(tk.text) <= 4 and run[k - 1].low in _CHINESE_SURNAMES and (
                    _kind(run[k + 1], False) == "N"):
                kinds[k] = "N"  # 'Liem Kok Hwa', 'Lim Kok Seng': a Chinese given name, not the particle 'kok'
            if k and (kinds[k] in "CO" or kinds[k] == "T" and (k == len(run) - 1 or (tk.low, run[k + 1].low) in _registry_pairs())) and (
                    kinds[k - 1] == "N") and (run[k - 1].low, tk.low) in _registry_pairs():
                kinds[k] = "N"  # 'Muchlis Tapi Tapi': a candidate's name as KPU writes it
            if k and k == len(run) - 1 and kinds[k] == "R" and kinds[k - 1] == "N" and re.match(
                    r"\s*\(\d{1,2}\)", text[tk.end:tk.end + 6]):
                kinds[k] = "N"  # 'Ibu Rusni Dai (51)': a surname before the age, not the preacher
            if k and kinds[k] == "R" and tk.low in _SURNAME_ROLES and kinds[k - 1] == "N" and (
                    k == len(run) - 1 or run[k - 1].low in vocab.NAME_WORDS and _kind(run[k + 1], False) == "N"):
                kinds[k] = "N"  # 'Chico Hakim', 'Lukman Hakim': a surname, not the judge
                continue
            if k and (tk.low in _ORG_TAIL and kinds[k - 1] in "ROFAC" or run[k - 1].low in {"masa", "periode"}):
                kinds[k] = "O"  # 'Mahkamah Agung', 'Jaksa Agung', 'Masjid Raya': part of the institution
                continue
            if k == len(run) - 1 and k and kinds[k] == "A" and kinds[k - 1] == "N" and len(tk.text) <= 3 and (
                    j < n and toks[j].low == "alias"):
                kinds[k] = "N"  # 'Mendra SB alias Kidal': initials closing a name
                continue
            # 'Pj Gubernur Riau SF Hariyanto': two initials opening a name after an office.
            if kinds[k] == "A" and len(tk.text) == 2 and tk.text not in _NOT_INITIALS and k + 1 < len(run) and (
                    k > 0 and kinds[k - 1] in "ROA") and _kind(run[k + 1], False) == "N" and (
                    run[k + 1].low in vocab.NAME_WORDS or (k + 2 < len(run) and _kind(run[k + 2], False) == "N")) and (
                    tk.low not in region_forms()):
                kinds[k] = "N"
                continue
            if kinds[k] == "F" and k == len(run) - 1 and k >= 2 and kinds[k - 1] == "N" and kinds[k - 2] == "N" and (
                    j < n and toks[j].text[:1].islower()):
                kinds[k] = "N"  # 'Anita Ratnasari Tanjung menyatakan': a surname, not a cape
                continue
            if tk.low == "tanjung" and k == len(run) - 1 and k >= 1 and kinds[k - 1] == "N" and (
                    run[k - 1].low in vocab.NAME_WORDS) and j < n and (toks[j].text == "," or toks[j].text[:1].islower()):
                kinds[k] = "N"  # 'bernama Ridwan Tanjung, pengemudi ojek': the Batak surname
                continue
            if k == len(run) - 1 and k and kinds[k] == "A" and len(tk.text) == 2 and kinds[k - 1] == "N" and (
                    tk.text not in _NOT_INITIALS and tk.low not in vocab.ORG_WORDS and tk.low not in region_forms()) and (
                    not is_degree(tk.text)) and tk.text not in _CLUB_SUFFIXES and run[k - 1].low in vocab.NAME_WORDS and (
                    j < n and toks[j].text in {",", "."}):
                kinds[k] = "N"  # 'Kepala Kantor Kemenag Pidie, Abdullah AR, ...': initials closing a name
                continue
            if tk.low in vocab.DAYS and k > 0 and kinds[k - 1] == "N" and k + 1 < len(run) and kinds[k + 1] == "N" or (
                    tk.low in vocab.DAYS and k == len(run) - 1 and k > 0 and kinds[k - 1] == "N"
                    and run[k - 1].low in vocab.NAME_WORDS and j < n and toks[j].text != "("
                    and (toks[j].low in vocab.SPEECH_VERBS or toks[j].low in vocab.CUES or toks[j].text == ",")):
                kinds[k] = "N"  # 'Dominikus Minggu menegaskan': a surname, not Sunday (but 'ujar Rahman Minggu (24/11)')
                continue
            if tk.low in {"ramadan", "ramadhan"} and 0 < k < len(run) - 1 and kinds[k - 1] == "N" and (
                    _kind(run[k + 1], False) == "N"):
                kinds[k] = "N"  # 'Syahrul Ramadhan Lubis': a middle name, not the fasting month
                continue
            if tk.low in {"ramadan", "ramadhan"} and k == len(run) - 1 and k >= 2 and kinds[k - 1] == "N" and (
                    kinds[k - 2] == "N") and j < n and toks[j].text == ",":
                kinds[k] = "N"  # 'Adityas Agung Ramadan, wisudawan ...': a surname, not the fasting month
                continue
            if k and kinds[k] == "O" and kinds[k - 1] == "N" and tk.text.count("-") == 1 and all(
                    len(p_) >= 3 and p_[:1].isupper() and p_[1:].islower() for p_ in tk.text.split("-")):
                kinds[k] = "N"  # 'Franz Magnis-Suseno': a hyphenated surname the tokenizer kept whole, no pair
                continue
            if tk.low in vocab.MONTHS and 0 < k < len(run) - 1 and kinds[k - 1] == "N" and _kind(run[k + 1], False) == "N":
                kinds[k] = "N"  # 'Raja Juli Antoni': a month's name inside a person's name
                continue
            if tk.low in _ORG_FACILITY and k and kinds[k - 1] == "R":
                kinds[k] = "O"  # 'Kepala Dinas Pendidikan Barlius': an office's body, not a place
                continue
            if k and tk.low == "kota" and run[k - 1].low == "wali":
                kinds[k] = "R"  # 'Wali Kota Farhan': the office, not the place 'Kota Farhan'
                continue
            # 'Ida Fitri Halili' (not 'Idul Fitri'), 'Wa Ode Hamsinah' (not WA, the messenger): a name word that is
            # also a holiday's or a brand's, between name words
            if kinds[k] in "OC" and tk.low in _ALSO_NAME_AFTER and k > 0 and kinds[k - 1] == "N" and (
                    run[k - 1].low not in _ALSO_NAME_AFTER[tk.low]):
                kinds[k] = "N"  # 'Nurul Adha', 'Nur Aliyah Ramli': a name, not Idul Adha or Madrasah Aliyah
                continue
            if kinds[k] == "O" and tk.low == "fitri" and k == len(run) - 1 and (
                    k > 0 and kinds[k - 1] == "T" or len(run) == 1 and (i == 0 or toks[i - 1].low not in {
                        "idul", "hari", "aidil", "lebaran", "selamat", "raya"}) and (
                        j < n and toks[j].text.islower() or i > 0 and toks[i - 1].low in vocab.CUES)):
                kinds[k] = "N"  # 'Bu Fitri', 'Fitri mengajak warga': the short name, not the holiday
                continue
            if kinds[k] == "O" and tk.low in {"fitri"} and k + 1 < len(run) and (
                    _kind(run[k + 1], False) == "N") and (k == 0 and run[k + 1].low in vocab.NAME_WORDS and (
                        i == 0 or toks[i - 1].low not in {"idul", "hari"}) or k > 0 and kinds[k - 1] == "N"
                    and run[k - 1].low not in {"idul", "hari"}):
                kinds[k] = "N"
                continue
            if k == 0 and kinds[0] == "F" and tk.low in vocab.NAME_WORDS and len(run) >= 3 and all(
                    kd == "N" for kd in kinds[1:]) and re.match(r",\s*(?:[SMD]\.|Dr\b|Ir\b|Drs\b|S[EH]\b)", text[run[-1].end:j and toks[j - 1].end + 8]):
                kinds[0] = "N"  # 'Anugerah Puriam Naiborhu, S.P.': a given name that is also an award's word
                continue
            if tk.text in {"Anak", "Agung"} and k + 2 < len(run) and [w.text for w in run[k:k + 2]] in (
                    ["Anak", "Agung"], ["Agung", "Ngurah"]) or tk.text == "Agung" and k > 0 and run[k - 1].text == "Anak":
                kinds[k] = "N"  # 'Anak Agung Ngurah Kakarsana': a Balinese noble title opens the name
                continue
            if tk.text == "Lalu" and (k + 1 < len(run) and kinds[k + 1] == "N" and (
                    # ('Iptu Lalu Arya Wiguna', 'Camat Sakra Timur Lalu Hamdani': after a rank, an office or its place)
                    k > 0 and kinds[k - 1] in "TRO" and not title or k == 0 and not sent_start) or len(run) == 1 and i > 0 and (
                    toks[i - 1].low in vocab.CUES)):
                kinds[k] = "N"  # 'H. Lalu Satriawan Jaya': the Sasak noble's first name, not 'then'
                continue
            if tk.low == "habib" and (k == 0 or kinds[k - 1] != "N") and k + 2 < len(run) and (
                    _kind(run[k + 1], False) == "N" and _kind(run[k + 2], False) in "NO"):
                kinds[k] = "T"  # 'Habib Husein Al-Aidid': the title before a full name ('Habib Syarief' keeps it)
                continue
            if k and kinds[k - 1] == "N" and _ARABIC_AL.fullmatch(tk.text):
                kinds[k] = "N"  # 'Husein Al-Aidid', 'Hasan Al-Banna': an Arabic surname
                continue
            if _INITIAL_DOT.fullmatch(tk.text) and kinds[k] in "CA" and k > 0 and k + 1 < len(run) and (
                    kinds[k - 1] == "T" or _INITIAL_DOT.fullmatch(run[k - 1].text) and kinds[k - 1] == "N") and (
                    _INITIAL_DOT.fullmatch(run[k + 1].text) or _kind(run[k + 1], False) == "N"):
                kinds[k] = "N"  # 'H. A. S. Sukawijaya', 'Dr. H. A. Hastri T Wello': initials after a title open the name
                continue
            if tk.text == "I" and k + 1 < len(run) and run[k + 1].low in _BALI:
                kinds[k] = "N"  # 'AKP I Made Dharma Yasa': the Balinese I opens the name
                continue
            if k >= 2 and run[k - 2].text == "I" and run[k - 1].low in _BALI_ORDER and kinds[k] in "OC" and (
                    k + 1 == len(run) or kinds[k + 1] == "N"):
                kinds[k] = "N"  # ('I Made Dharma Yasa': the given name after the birth-order name)
                continue
            if tk.text == "Wa" and k + 1 < len(run) and (run[k + 1].low == "ode" or (
                    # 'tanya Wa Sumi, istri La Hadi': the Buton/Muna woman's 'Wa' before a name word
                    k == len(run) - 2 and kinds[k + 1] == "N" and not title)):
                kinds[k] = "N"
                continue
            if tk.low in PARTICLES:
                kinds[k] = "N"
            # Initials opening a name after a comma: ', MY Esti Wijayati,'.
            if k == 0 and kinds[k] == "A" and 2 <= len(tk.text) <= 3 and len(run) >= 3 and i > 0 and (
                    toks[i - 1].text == "," or skip(toks[i - 1].start)) and tk.low not in vocab.ORG_WORDS and tk.low not in region_forms() and (
                    _kind(run[1], False) == "N" and _kind(run[2], False) == "N"):
                kinds[k] = "N"
                continue
            # A middle initial that is also a word: 'Abustan A. Bintang'.
            elif re.fullmatch(r"[A-Z]\.?|[A-Z][a-z]\.", tk.text) and tk.text not in {"Dr.", "Ir."} and 0 < k < len(run) - 1 and kinds[k - 1] == "N" and (
                    _kind(run[k + 1], False) == "N") and all(len(w.text) > 2 and w.text.isalpha() for w in (run[k - 1], run[k + 1])):
                kinds[k] = "N"
            # Initials in capitals inside a name: 'Anggiat BM Manalu'.
            elif kinds[k] == "A" and len(tk.text) <= 2 and tk.low not in vocab.ORG_WORDS and (
                    tk.low not in region_forms()) and 0 < k < len(run) - 1 and kinds[k - 1] == "N" and (
                    _kind(run[k + 1], False) == "N"):
                kinds[k] = "N"
        # Title case headlines capitalise everything: only honorific/role/registry evidence there.
        out.extend(_names_in_run(text, toks, i, run, kinds, title, sent_start, known | spoken, skip))
        i = j if j > i else i + 1
    return out, toks


@lru_cache(maxsize=1)
def _region_words() -> frozenset:
    return frozenset(w for f in region_forms() if " " in f for w in f.split())


_SPACED_DEGREE = {"hum", "si", "pd", "sos", "kom", "kes", "ag", "ip", "ikom", "psi", "kn", "ked", "farm", "sc", "eng",
                  "ak", "th", "hi", "pdi", "arch", "biomed"}
_OFFICE_HEADS = {"menteri", "menko", "kepala", "ketua", "direktur", "sekretaris", "deputi", "wakil", "dirjen",
                 "kadis", "kepala", "asisten", "staf", "komisaris", "rektor", "dekan", "gubernur", "bupati", "duta",
                 "dubes", "konsul"}


# Words that end a company's or a club's name ('CT Arsa Foundation'): the name before them is the body's.
_BODY_TAIL = {"foundation", "institute", "center", "centre", "group", "corp", "corporation", "company", "holding",
              "club", "fc"}
_ORG_FACILITY = {"dinas", "badan", "kantor", "kementerian", "bagian", "bidang", "biro", "lembaga", "komisi"}
_NOT_INITIALS = {"RI", "TP", "UI", "PP", "DI", "AS", "PN", "PT", "CV", "TV", "UN", "UU", "BK", "KB", "SD", "MA", "MK",
                 "MI", "PA", "PU", "KH", "HM", "DP", "IT", "PK", "PB", "PD", "PW", "PC", "OK", "BI", "AD", "AU", "AL"}


def _role_run_before(toks, k) -> bool:
    """The capitalised run ending just before toks[k] ('dan') opens with an office ('Menteri Koordinator Bidang
    Pembangunan Manusia')."""
    j = k - 1
    while j > 0 and k - j < 10 and _is_cap(toks[j - 1]):
        j -= 1
    return k - j < 10 and toks[j].low in _OFFICE_HEADS


def _affixed_noun(w: str) -> bool:
    """'Penuntut', 'Satuan' (satu + -an), 'Penyuluhan': derived words; 'Kawiyan' ends in -an but is a name."""
    if not _AFFIXED.match(w):
        return False
    if re.match(r"^[a-z]{4,}an$", w) and not re.match(r"^(?:pe[nmr]?|peng|peny|ke|per|ber|ter|me[nm]?|meng|meny|di)", w):
        return w[:-2] in vocab.COMMON_WORDS or w[:-3] in vocab.COMMON_WORDS or w in vocab.COMMON_WORDS
    return True


def prev_low(toks, idx) -> str:
    return toks[idx - 1].low if idx > 0 else ""


def _names_in_run(text, toks, i0, run, kinds, title, sent_start=False, known=frozenset(), skip=lambda pos: False) -> list[NameSpan]:
    spans = []
    k = 0
    while k < len(run):
        if kinds[k] != "N":
            k += 1
            continue
        s = k
        while k < len(run) and kinds[k] == "N":
            k += 1
        # A capitalised ordinary word mid-sentence just before a name is its first word (Topan Obaja ...).
        if s == 1 and kinds[0] == "C" and not sent_start and not title and run[0].text[:1].isupper() and (
                run[0].low not in vocab.COMMON_WORDS or (
                    # ', Heroik Mutaqin Pratama,': an appositive full name whose first word is also a word
                    k - s >= 2 and i0 > 0 and toks[i0 - 1].text == "," and run[0].low not in STOP_WORDS
                    and run[0].low not in vocab.NEVER_NAMES and not _AFFIXED.match(run[0].low))):
            s -= 1
        # Particles at the edges are no part of the name.
        e = k
        while s < e and run[s].low in PARTICLES:
            s += 1
        while e > s and run[e - 1].low in PARTICLES:
            e -= 1
        if s >= e:
            continue
        # 'Pemasyarakatan Yusril Ihza Mahendra', 'Penyelidik KPK Arif ...': a ministry or office word glued
        # in front of the name (the office itself came earlier in the run).
        while e - s >= 2 and run[s].low not in vocab.NAME_WORDS and _AFFIXED_STRICT.match(run[s].low):
            s += 1
        # 'Irjen Pol Helmy Santika langsung ...', 'Tokoh Karo, Musa Bangun;': a surname the word lists take
        # for an ordinary word, closing the run mid-sentence.
        if e == len(run) - 1 and kinds[e] == "C" and e > s and run[e].text[:1].isupper() and len(run[e].text) >= 4 and (
                run[e].low not in STOP_WORDS and run[e].low not in vocab.NEVER_NAMES and not _AFFIXED.match(run[e].low)
                and not title):
            nxt_tok = toks[i0 + len(run)] if i0 + len(run) < len(toks) else None
            prv_tok = toks[i0 + s - 1] if i0 + s > 0 else None
            # only where the rest vouches for a name: a title before it, or an appositive between commas
            if (s > 0 and kinds[s - 1] == "T") or (prv_tok is not None and prv_tok.text == "," and nxt_tok is not None
                                                   and nxt_tok.text in {";", ","}) or (
                    nxt_tok is not None and nxt_tok.low in vocab.SPEECH_VERBS):  # 'Dewi Jones mengatakan'
                e += 1
        # 'Panewu Ngemplak Sugeng Raharjo': an office over a place the lists do not know, then the holder.
        if s > 0 and run[s - 1].low in _PLACE_ROLES and e - s >= 3 and run[s].low not in vocab.NAME_WORDS and (
                run[s + 1].low in vocab.NAME_WORDS or run[s + 1].text in {"I", "Ni"} and run[s + 2].low in _BALI):
            s += 1
        if e < len(run) and run[e].low in _BODY_TAIL:
            k = e
            continue  # 'CT Arsa Foundation': the body's name
        for half in range(2, (e - s) // 2 + 1):
            if [t.low for t in run[e - 2 * half:e - half]] == [t.low for t in run[e - half:e]]:
                s = e - half  # 'Bakal Panggil Fadli Zon Fadli Zon menegaskan': a glued headline ends with the name
                break
        words = [w.text for w in run[s:e]]
        if e - s >= 3 and s > 0 and kinds[s - 1] in "AO" and run[s - 1].text.isupper() and run[s].low not in vocab.NAME_WORDS and (
                run[s + 1].low.rstrip(".") in _NAME_OPENERS):
            s += 1  # 'Sekretaris DPD PAN Mateng Muh. Ridwan Daeng Tompo': the body's place, then the name
            words = words[1:]
        if len(words) == 2 and len(words[0].rstrip(".")) == 1 and words[1].rstrip(".").lower() in _SPACED_DEGREE and (
                i0 + s > 0 and toks[i0 + s - 1].text == ","):
            continue  # ', M. Hum.': a degree written with a space
        if len(words) == 1 and s > 0 and words[0].rstrip(".").lower() in _SPACED_DEGREE and (
                _INITIAL_DOT.fullmatch(run[s - 1].text) and run[s - 1].end == run[s].start):
            continue  # ', S.Sos, M.Pd.I': a degree's last part after its glued initial
        if s == 0 and run[0].low in {"dt", "datuk", "dt."} and i0 >= 2 and toks[i0 - 1].text == "," and (
                is_degree(toks[i0 - 2].text) or toks[i0 - 2].text == "."):
            continue  # 'Ir. H. Benni Warlis, M.M., Dt. Tan Batuah': his Minang title after the degrees
        if e - s >= 3 and i0 + s > 0 and toks[i0 + s - 1].text == "," and all(
                _INITIAL_DOT.fullmatch(run[x].text) for x in (s, s + 1)) and run[s].end == run[s + 1].start:
            continue  # ', M.M. Redaksi melaporkan': a degree closed up, then the next sentence
        if all(len(w.rstrip(".")) <= 1 for w in words):
            continue  # 'M. P.': a degree's letters
        before = kinds[:s]
        company_person = False  # an office in a company, the company's name, then the holder
        office_place = False  # an office's body, then the place it serves, then the holder
        # Jalan Jenderal Sudirman, Bandara Sultan Hasanuddin, Desa Talang Dukun.
        # The place name follows its head directly ('Desa Talang Dukun'); a name after a complete
        # place ('Wali Kota Makassar Moh. Ramdhan Pomanto') or after a title is a person.
        if "F" in before:
            last_f = max(x for x, kd in enumerate(before) if kd == "F")
            between = before[last_f + 1:]
            # ('Kepala Dinas Sosial Provinsi Jawa Timur Restu ...': the place ends the office)
            complete = bool(between) and any(
                re.sub(r"^(?:provinsi|kabupaten|kab\.|kota)\s+", "", " ".join(t.text for t in run[k:s]).lower())
                in region_forms() for k in range(last_f, s)) or (
                # 'Kelian Banjar Dinas Tianyar Tengah I Wayan Merta': the Balinese 'I' opens the holder's name
                bool(between) and run[s].text in {"I", "Ni"} and s + 1 < e and run[s + 1].low in _BALI_ORDER) or (
                # 'Kepala Desa Buli Abdul Kadir Sangaji': an office over a one-word place, then a name opener
                len(between) == 1 and "R" in kinds[:last_f] and e - s >= 2 and (
                    run[s].low.rstrip(".") in _NAME_OPENERS or all(w.low in vocab.NAME_WORDS for w in run[s:e])))
            if complete and e == len(run) and e - s == 1 and kinds[s - 1] == "O" and run[s - 1].low in _region_words() and (
                    kinds[s - 2:s - 1] == ["F"]) and re.match(r",\s*(?:I\s|Ni\s)?[A-Z][a-z]", text[run[-1].end:run[-1].end + 12]):
                continue  # 'Kelian Banjar Dinas Tegal Bunder, I Ketut Suarjana': the hamlet's name, its head after the comma
            # 'Sekretaris Forum Purnawirawan Prajurit TNI Bimo Satrio': the acronym closes the body's name.
            after_acr = s >= 1 and kinds[s - 1] == "A" and e - s >= 2 and "R" in kinds[:last_f]
            # 'Dirut PT Dalihan Natolu Grup M. Akhirun Efendi Siregar': a company word closes the body's name.
            after_org = s >= 1 and run[s - 1].low in vocab.ORG_WORDS and kinds[s - 1] == "O" and e - s >= 2 and (
                "R" in kinds[:last_f])
            # 'Direktur PT Maju Jaya Abdul Rahman': a company's name, then a full name opening with a word
            # that only opens names.
            if not after_org and not after_acr and run[last_f].low in _COMPANY_HEADS and "R" in kinds[:last_f]:
                opens = [x for x in range(max(s, last_f + 2), e - 1) if run[x].low.rstrip(".") in _NAME_OPENERS]
                # 'Direktur CV Rinjani Pakan Nusantara Handoko Wijaya': a word that ends company names, then the name
                tails = [x + 1 for x in range(last_f + 1, e - 2) if run[x].low in _COMPANY_TAILS]
                if e - 2 > last_f and run[e - 2].low in _COMPANY_TAILS and e == len(run) and (
                        run[e - 1].low in vocab.NAME_WORDS or run[e - 1].low in vocab.SINGLE_NAMES
                        or _MONONYM.search(run[e - 1].low)) and (
                        i0 + e < len(toks) and toks[i0 + e].text == ","):
                    tails.append(e - 1)  # 'Direktur PT Seulawah Agro Mandiri Zulkarnaini, yang ...': one word
                if not opens and tails and tails[-1] >= s:
                    opens = [tails[-1]]
                if not opens:
                    # 'Direktur PT Sinar Tuah Parkir Johan Tjandra', 'Direktur CV Mahakam Reklame Hendra Tjahjadi':
                    # a given name the lists know, after a word of the company's name that is no name word
                    opens = [x for x in range(max(s, last_f + 2), e - 1) if run[x].low in vocab.NAME_WORDS
                             and run[x - 1].low not in vocab.NAME_WORDS and kinds[x - 1] in "NC"
                             and all(kd == "N" for kd in kinds[x:e])][:1]
            # 'Dosen Universitas Hasanuddin Andi Ali Armunanto', 'Pengamat politik Universitas Katolik Soegijapranata
            # Hendra Kusuma Tjandra (... kata Hendra)': a campus's name, then a full name opening with a word that
            # only opens names or that the article uses alone for someone.
            elif not after_org and run[last_f].low in _CAMPUS and e - s >= 3:
                opens = [x for x in range(max(s, last_f + 2), e - 1)
                         if run[x].low.rstrip(".") in _NAME_OPENERS or run[x].low in known]
            else:
                opens = []
            if opens:
                # (an honorific that opens the person's name stays off it: 'PT Maju Jaya H. Abdul Rahman')
                first = opens[0] + (run[opens[0]].low.rstrip(".") in {"h", "hj", "haji", "hajjah"})
                words = words[first - s:]
                s = first
                after_org = company_person = True
            # 'Kepala Ohoi Ngilngof Benediktus Rahawarin': a settlement's one-word name the lists do not know, then a
            # full name of known name words.
            if not complete and "R" in kinds[:last_f] and s == last_f + 1 and e - s >= 3 and (
                    run[last_f].low in _SETTLEMENTS) and run[s].low not in vocab.NAME_WORDS and all(
                    w.low in vocab.NAME_WORDS for w in run[s + 1:e]):
                s += 1
                words = words[1:]
                complete = True
            # 'Kepala UPTD Gunung Tua Rasuli Efendi Siregar': a one-word place, then a full name.
            if not (complete or after_acr or after_org) and "R" in kinds[:last_f] and s == last_f + 1 and e - s >= 4 and (
                    run[last_f].low in {"gunung", "bukit", "sungai", "danau", "pulau", "tanjung", "teluk"}):
                s += 1
                words = words[1:]
                complete = True
            if "T" not in between and "R" not in between and not complete and not after_acr and not after_org:
                continue
            office_place = complete and run[last_f].low in _ORG_FACILITY
        streets = [x for x in range(s) if run[x].low in _NAMED_AFTER_A_PERSON]
        if streets and not company_person and all(kd in "NCRT" or kd == "O" and run[x].low in _ORG_TAIL
                           for x, kd in enumerate(kinds[streets[-1] + 1:s], start=streets[-1] + 1)) and not (
                # 'akademisi Universitas Mulawarman Dr. Markus Ingan': the campus named, then a doctor
                s - 1 > streets[-1] + 1 and kinds[s - 1] == "T" and run[s - 1].low in {"dr", "ir", "prof", "drs", "dra"}
                and kinds[streets[-1] + 1] == "N"):
            continue  # 'Jalan Jenderal Sudirman', 'Jalan TGKH Zainuddin Abdul Madjid', 'RSUD H. Andi Makkasau'
        # 'Camat Bangkala, Rahmat Said': an office over a place, then the holder's name.
        if s > 0 and run[s - 1].low in _PLACE_ROLES and e == len(run) and not (
                # (but 'Ketua Bawaslu Stefanus Nong Ande, Kapolres ...': a full name of known name words)
                e - s >= 3 and run[s].low in vocab.NAME_WORDS and run[s].low not in _region_words() or (
                    # ('Sekda Ismail Katili, Kapolres ...': two words that only open and close names)
                    e - s == 2 and run[s].low in vocab.NAME_WORDS and run[s].low not in vocab.COMMON_WORDS
                    and run[s].low not in _region_words() and run[s].low not in region_forms())):
            after = toks[i0 + e:i0 + e + 2]
            if len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper() and (
                    after[1].low not in vocab.DAYS):  # 'ujar Bupati Dadang Supriatna, Kamis (12/6)
                continue
        if prev_low(toks, i0 + s) in _THING_BEFORE or prev_low(toks, i0 + s) == "maha":
            continue  # ('Tuhan Yang Maha Esa')
        head = i0 - 1
        while head > 0 and skip(toks[head].start) and toks[head].text[:1].isupper():
            head -= 1  # (past a region the mask hides: 'kawasan Kendari Beach')
        if head >= 0 and toks[head].text.islower() and toks[head].low in _PLACE_BEFORE and all(kd in "TOF" for kd in kinds[:s]) and not (
                # ('pegiat lingkungan Herliana Tonyeq': the environment an activist works for)
                head > 0 and toks[head - 1].low in vocab.ROLE_HEADS and toks[head - 1].text.islower()
                and toks[head - 1].low not in {"warga", "tim", "anak"}):
            continue  # 'warga kampung Sukamaju Indah', 'di kalangan Umat Islam', 'patung Sultan Hasanuddin'
        if s > 0 and run[s - 1].low in vocab.BRANDS:
            continue  # 'Honda Supra', 'Toyota Avanza': a model, not a person
        if run[s].low in {"duo", "trio"} or s > 0 and run[s - 1].low in {"duo", "trio"}:
            continue  # 'pasangan Duo Amran': a pair's nickname
        if e - s == 1 and prev_low(toks, i0 + s).isdigit() and prev_low(toks, i0 + s - 1) != "urut":
            continue  # 'SDN Pakintelan 02 Gunungpati': a place after a school's number
        evidence = "strong" if company_person else "weak"
        role_before = False
        if s > 0 and kinds[s - 1] == "T" and not (
                run[s - 1].low == "jenderal" and s >= 2 and run[s - 2].low in {"direktur", "sekretaris", "inspektur", "jaksa"}):
            evidence = "strong"  # (but 'Direktur Jenderal Bina Administrasi ...' is an office)
        ends_run = e == len(run) or all(kd in "T" for kd in kinds[e:])
        if "R" in before and ends_run:
            # Only org, place and title words between the role and the name (Ketua DPC PDIP Jeneponto H. X).
            last_r = max(x for x, kd in enumerate(before) if kd == "R")
            if all(kd != "N" or run[x].low in _region_words() or (
                    _AFFIXED_STRICT.match(run[x].low) and run[x].low not in vocab.NAME_WORDS)
                   for x, kd in enumerate(kinds[:s]) if x > last_r):
                # ('Kepala Dinas Sosial Provinsi Jawa Timur Restu Novi Widiani': the province is no name)
                role_before = True
                # One unknown word after an office is as often the place or body it heads
                # ('Camat Enggano', 'CEO Tesla', 'Ketua Majelis Syura'): it needs a name word.
                # 'Kepala Dinas Kominfotik Siti Aisyah', 'Kepala Badan Penghubung Aschari Cahyaditama': the
                # body's own name ends the office; the person is what follows.
                body_named = any(run[x].low in _ORG_FACILITY for x in range(last_r + 1, s))
                if body_named and run[s - 1].low in _ORG_FACILITY and len(words) >= 3 and (
                        words[0].lower() not in vocab.NAME_WORDS) and (
                        words[1].lower() in vocab.NAME_WORDS or _AFFIXED.match(words[0].lower())):
                    s += 1
                    words = words[1:]
                # 'Kabag Prokopim Syamsul Bahri': an office's unit the lists do not know, then a full name.
                elif s == last_r + 1 and run[last_r].low in _UNIT_HEADS and len(words) >= 3 and words[0].lower() not in vocab.NAME_WORDS and (
                        words[0].lower() not in vocab.SINGLE_NAMES) and all(
                        w.lower() in vocab.NAME_WORDS for w in words[1:]):
                    s += 1
                    words = words[1:]
                low0 = words[0].lower()
                if len(words) > 1 or low0 in vocab.NAME_WORDS or (s > 0 and kinds[s - 1] == "T") or (
                        # 'Bhabinkamtibmas Aipda Suparman': a rank names the person right after it
                        s > 0 and run[s - 1].low in _RANKS and low0 not in vocab.COMMON_WORDS) or (
                        body_named and s - last_r >= 3 and not _AFFIXED.match(low0)) or (
                        run[s - 1].low not in _PLACE_ROLES and _MONONYM.search(low0) and not _AFFIXED.match(low0)):
                    evidence = "strong"
        # 'kata jaksa KPK Takdir Suhan', 'Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan
        # Pratikno': the office starts before the capitalised run (a lower-case role word, or a role run
        # continued after 'dan').
        if not role_before and ends_run and i0 > 0 and all(kd in "OAFC" or run[x].low in _region_words()
                                                           for x, kd in enumerate(kinds[:s])):
            back = toks[i0 - 1]
            if back.low in _ROLE_COMPLEMENTS and i0 >= 2 and toks[i0 - 2].low in {"tokoh", "pemuka", "pemangku", "ketua"} and (
                    back.text.islower() and toks[i0 - 2].text.islower() and len(words) >= 2):
                role_before, evidence = True, "strong"  # 'serta tokoh adat Obaja Himan'
            elif i0 >= 2 and len(words) >= 2 and back.text.islower() and _descriptive(back.low) and (
                    back.low not in vocab.ROLE_HEADS) and toks[i0 - 2].low in vocab.ROLE_HEADS and (
                    toks[i0 - 2].text.islower()) and toks[i0 - 2].low not in {"warga", "tim", "anak"}:
                role_before, evidence = True, "strong"  # 'pegiat lingkungan Herliana Tonyeq', 'pengamat politik X Y'
            elif back.low in vocab.ROLE_HEADS and back.text.islower() and back.low not in {"warga", "tim", "anak"} and (
                    len(words) >= 2 or words[0].lower() in vocab.NAME_WORDS or (
                        # 'terdakwa Rozir diduga ...': the legal roles name the person next
                        back.low in {"terdakwa", "tersangka", "saksi", "korban", "pelaku", "terpidana", "terlapor",
                                     "pelapor", "penggugat", "tergugat"} and not _affixed_noun(words[0].lower()))):
                role_before, evidence = True, "strong"
            elif back.low in {"dan", "&"} and _role_run_before(toks, i0 - 1) and (
                    tail := _OFFICE_NAME_ENDS.match(text, run[-1].end)) and s == 0 and (
                    tail.group().lstrip().startswith("(") or not any(w.lower() in vocab.NAME_WORDS for w in words)):
                continue  # the last words of the office's name, its holder named next
            elif back.low in {"dan", "&", "untuk"} and _role_run_before(toks, i0 - 1) and (
                    len(words) >= 2 or words[0].lower() in vocab.NAME_WORDS or _MONONYM.search(words[0].lower())
                    or office_place):
                role_before, evidence = True, "strong"
        # 'ucap Menteri Maman', 'kata Kapolres Andi': a cue, an office, then the name.
        if evidence != "strong" and role_before and ends_run and i0 > 0 and toks[i0 - 1].low in _STRONG_BEFORE and (
                not _affixed_noun(words[0].lower())) and not (
                i0 + len(run) < len(toks) and toks[i0 + len(run)].low in {"ini", "itu", "tersebut"}):
            evidence = "strong"  # (but 'tutur Bupati Bedas ini' is a nickname of the office)
        ti = i0 + run.index(run[s])
        prev = toks[ti - 1] if ti > 0 else None
        last_idx = i0 + e - 1
        nxt = toks[last_idx + 1] if last_idx + 1 < len(toks) else None
        nxt2 = toks[last_idx + 2] if last_idx + 2 < len(toks) else None
        if prev is not None and prev.low in _STRONG_BEFORE and ends_run:
            evidence = "strong"
        if prev is not None and prev.low == "milik" and ends_run and (len(words) >= 2 or words[0].lower() in vocab.NAME_WORDS):
            evidence = "strong"  # 'toko bangunan milik Lim Kok Seng' (but 'perahu karet milik Balawista': a body)
        # 'seorang pria bernama Andi', 'korban yang bernama Siti': named after a word for a person (not
        # 'aplikasi bernama Kinasih').
        if prev is not None and prev.low == "bernama" and ends_run and s == 0 and any(
                t.low in _KIN or t.low in _NAMED_AFTER_NOUNS for t in toks[max(0, ti - 8):ti - 1]):
            evidence = "strong"
        lone_initial = len(words) == 1 and s == 0 and _sentence_initial(text, toks, ti)
        if lone_initial and prev is not None and prev.text == "," and ti >= 2 and (
                toks[ti - 2].low in _NAMED_AFTER_NOUNS or toks[ti - 2].low in _SUPPORTERS) and toks[ti - 2].text.islower():
            lone_initial = False  # 'Salah seorang pendukung, Nurhasanah, warga ...': an appositive to a person noun
        if nxt is not None:
            if nxt.low in vocab.SPEECH_VERBS or nxt.low in {"selaku", "sebagai"}:
                evidence = "strong"
            elif nxt.low == "alias" and nxt2 is not None and (nxt2.text[:1].isupper() or nxt2.text in _QUOTE_CHARS):
                evidence = "strong"  # ', Irfan alias "Ippang" (31), mengaku': a person and the name people call him
            elif nxt.low in _STRONG_AFTER and not lone_initial:
                evidence = "strong"
            elif nxt.text == "," and nxt2 is not None and (
                is_degree(nxt2.text) or nxt2.low in vocab.ROLE_HEADS or nxt2.low in {"selaku", "salah", "warga", "seorang",
                                                                                       "sang", "sosok"} | _KIN
                or (nxt2.low in vocab.SPEECH_VERBS and prev is not None and prev.text == ",")
            ) and not (len(words) == 1 and words[0].lower() not in vocab.NAME_WORDS and (
                    lone_initial or (prev is not None and prev.low in {"di", "ke", "dari"}))):
                evidence = "strong"
            elif nxt.text == "," and nxt2 is not None and nxt2.low == "yang" and prev is not None and prev.text == "," and (
                    len(words) >= 2 and not any(w.lower() in vocab.COMMON_WORDS for w in words)):
                evidence = "strong"  # ', Kadek Wira Adnyana, yang turut ...': an appositive full name
            elif len(words) >= 2 and is_degree(nxt.text) and (nxt.text in _MIXED_DEGREES or nxt2 is None or (
                    nxt2.text in {",", "."} or is_degree(nxt2.text))):
                evidence = "strong"  # degrees written without commas or dots: 'Fadlilatul Taufany ST PhD,'
            elif nxt.text == "(" and nxt2 is not None and (nxt2.text.isdigit() and len(nxt2.text) <= 2 or nxt2.low == "lahir"):
                evidence = "strong"  # age: 'Hasnah (61)', 'Lee McKenzie (lahir 1 Desember 1977)'
            elif nxt.text == "(" and nxt2 is not None and len(words) >= 2 and nxt2.text.isupper() and (
                    nxt2.text == "".join(w[0] for w in words if w[:1].isalpha()).upper()):
                evidence = "strong"  # initials: 'Agus Harimurti Yudhoyono (AHY)'
        # 'Ketua Umum Partai Solidaritas Indonesia (PSI)Kaesang Pangarep': a role phrase closed by its acronym.
        if s == 0 and prev is not None and prev.text == ")" and ti >= 3:
            back = ti - 2
            while back > ti - 6 and back >= 0 and toks[back].text != "(":
                back -= 1
            steps = 0
            back -= 1
            while back >= 0 and steps < 10 and (_is_cap(toks[back]) or toks[back].low in vocab.ROLE_WORDS):
                if toks[back].low in vocab.ROLE_HEADS:
                    # (but 'hakim Pengadilan Negeri (PN) Watampone': one word the lists do not know is the seat)
                    if len(words) >= 2 or words[0].lower() in vocab.NAME_WORDS:
                        evidence, role_before = "strong", True
                    break
                back -= 1
                steps += 1
        # 'Legislator PDIP, Alimuddin Naba': a role phrase ending just before a comma.
        if s == 0 and prev is not None and prev.text == "," and ti >= 2:
            back = ti - 2
            if toks[back].text == ")" and back >= 3 and toks[back - 2].text == "(":
                back -= 3  # '(Menaker)' closing the office
            steps = 0
            lower_seen = 0
            while back >= 0 and steps < 12 and (_is_cap(toks[back]) or toks[back].low in vocab.ROLE_WORDS
                                                 or toks[back].text == ")" and back >= 3 and toks[back - 2].text == "("
                                                 or toks[back].low in {"dan", "&", "-", "–"}
                                                 or (lower_seen < 2 and (_descriptive(toks[back].low)
                                                                         or toks[back].low == "setempat"))):
                # 'jurnalis senior, Retno Wulandari', 'warga setempat, Hasnah'
                if toks[back].text == ")":
                    back -= 3  # 'Ketua Kerukunan Keluarga Kawanua (KKK) Kota Medan, Frangky Rumondor'
                    steps += 1
                    continue
                if not _is_cap(toks[back]) and toks[back].low not in vocab.ROLE_WORDS:
                    lower_seen += 1
                if toks[back].low in _ORG_FACILITY and re.match(r",?\s*(?:dan\s+|&\s*)?[A-Z]", text[toks[last_idx].end:][:40]) \
                        and re.match(r"\s*(?:,\s*)?(?:dan|&)\s+[A-Z]|\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s*,", text[toks[last_idx].end:][:60]):
                    break  # 'Kepala Dinas Sumber Daya Air, Bina Marga, dan Bina Konstruksi': the body's names
                if toks[back].low in vocab.ROLE_HEADS:
                    if back > 0 and toks[back - 1].low in _FACILITY:
                        break  # 'di Jalan Jenderal Sudirman, Tenggarong': a street named after a title, then its town
                    if len(words) >= 2 or words[0].lower() in vocab.NAME_WORDS or (
                            nxt is not None and nxt.text == "," and not _AFFIXED.match(words[0].lower())) or (
                            _MONONYM.search(words[0].lower()) and not _AFFIXED.match(words[0].lower())):
                        evidence, role_before = "strong", True
                    break
                back -= 1
                steps += 1
        if len(words) == 1 and evidence == "strong" and _affixed_noun(words[0].lower()) and (
                words[0].lower() not in vocab.NAME_WORDS) and not (s > 0 and kinds[s - 1] == "T"):
            evidence = "weak"  # 'Penuntut', 'Satuan', 'Penyuluhan': a noun after a role word
        if evidence == "weak" and len(words) == 1 and words[0] in vocab.SINGLE_NAMES and (
                len(run) == 1 or (s > 0 and kinds[s - 1] in "TR")):
            evidence = "strong"  # a one-word name of public life (Jokowi, SBY)
        if title:
            # Headlines capitalise every word: only an honorific vouches for a name there.
            evidence = "strong" if s > 0 and kinds[s - 1] == "T" else "weak"
        if evidence == "weak" and not title and s == 0 and len(words) >= 2 and sent_start and (
                words[0].lower() not in vocab.NAME_WORDS) and not _is_abbrev(words[0]) and (
                words[0].lower() not in known) and words[0].lower() not in CLOSED_UP:  # (the headline writes 'Bahlil' as a name: keep it)
            # 'Ranjang Rifai ...': a capitalised sentence opener, then a name.
            s += 1
            words = words[1:]
        if evidence == "weak" and not title:
            lows = [w.rstrip(".").lower() for w in words]
            full = [w for w in lows if len(w) > 1]
            if len(full) >= 2:
                known = sum(w in vocab.NAME_WORDS for w in full)
                if known >= 1 and known * 2 >= len(full) - 0:
                    evidence = "lexicon"
        lows = [w.rstrip(".").lower() for w in words]
        # 'Reformasi Birokrasi Yuddy Chrisnandi': an office's nouns before the name are not part of it.
        while len(words) > 2 and _NOUN_SHAPE.match(lows[0]) and lows[0] not in vocab.NAME_WORDS and not any(
                _NOUN_SHAPE.match(w) for w in lows[1:]):
            s, words, lows = s + 1, words[1:], lows[1:]
        if not any(w in vocab.NAME_WORDS for w in lows) and any(_NOUN_SHAPE.match(w) for w in lows):
            continue  # 'Fasilitasi Kekayaan Intelektual', 'Rivalitas Jenama', 'Reforma Agraria'
        if prev is not None and prev.low == "di" and s == 0 and not (kinds[:s] and "T" in kinds[:s]):
            continue  # 'di Panti Marhaen', 'di Enggano': after 'di' stands a place
        surface = text[run[s].start:run[e - 1].end]
        spans.append(NameSpan(run[s].start, run[e - 1].end, words, surface, evidence, role_before))
    return spans


# Villages and hamlets under their regional names.
_SETTLEMENTS = {"desa", "kelurahan", "dusun", "kampung", "gampong", "nagari", "lingkungan", "banjar", "ohoi", "negeri",
                "jorong", "lembang", "pekon", "nagori", "kalurahan"}
# Chinese-Indonesian surnames as the press spells them: the short given names after them may be ordinary words.
_CHINESE_SURNAMES = {"liem", "lim", "tan", "oei", "oey", "tjoa", "ong", "kwee", "the", "lie", "tjhin", "khoo", "kho", "sie",
                     "thio", "gouw", "liauw", "njoo", "tio", "tjia", "tjan", "yap", "lauw", "phoa", "goh", "tjong"}


# Balinese birth-order names, then the caste and noble names that may follow the 'I' or 'Ni' too.
_BALI_ORDER = {"wayan", "made", "nyoman", "ketut", "gede", "putu", "kadek", "komang", "nengah", "gde", "luh"}
_BALI = _BALI_ORDER | {"gusti", "dewa", "ngurah", "agung", "bagus", "ayu", "kompiang", "gst"}


# Words of a holiday or a school after a name word: a name word, unless after the word they go with.
_ALSO_NAME_AFTER = {"adha": {"idul"}, "aliyah": {"madrasah", "ma"}, "asia": {"benua", "kawasan", "se"},
                    "fitri": {"idul", "idhul", "iedul", "aidil", "hari", "raya", "zakat", "lebaran"}}
# Police and military ranks: the next capitalised word is the holder's name.
_RANKS = {"aipda", "aiptu", "bripka", "brigpol", "briptu", "bripda", "bharada", "bharatu", "bharaka", "abripda",
          "abriptu", "ipda", "iptu", "akp", "kompol", "akbp", "kombes", "brigjen", "irjen", "komjen", "serka", "sertu",
          "serda", "serma", "kopda", "koptu", "kopka", "praka", "pratu", "prada", "peltu", "pelda", "lettu", "letda",
          "kapten", "mayor", "letkol", "kolonel", "mayjen", "letjen", "laksma", "marsma"}


def _balinese(toks, j) -> bool:
    """'I Wayan Dibia', 'I Gusti Ngurah': the Balinese I belongs to the name."""
    return toks[j].text == "I" and j + 1 < len(toks) and toks[j + 1].low in _BALI


def _descriptive(low: str) -> bool:
    """A lower-case adjective or noun inside a role phrase (senior, setempat, politik)."""
    return low.isalpha() and len(low) > 3 and low not in STOP_WORDS and low not in vocab.SPEECH_VERBS and not (
        re.match(r"^(?:me|di|ber|ter)[a-z]{3,}", low))


def _is_abbrev(w: str) -> bool:
    return w.endswith(".") or (len(w) <= 2 and w[:1].isupper())


def _sentence_initial(text, toks, ti) -> bool:
    if ti == 0:
        return True
    prev = toks[ti - 1]
    return prev.text in {".", "!", "?", "\u201d", '"', "\u201c", ":", "–", "-", "—", "(", ","} or (
        "\n" in text[prev.end:toks[ti].start])


def key_of(words: list[str]) -> tuple[str, ...]:
    out = []
    for k, w in enumerate(words):
        f = fold(w)
        if w.rstrip(".").lower() in PARTICLES or not f:
            continue
        if 0 < k < len(words) - 1 and w.isupper() and w.isalpha() and 2 <= len(w) <= 3:
            out.extend(w.lower())  # 'Ronny PL Tobing': middle initials, one letter a name word
        elif f in CLOSED_UP:
            out.extend(CLOSED_UP[f])  # 'Waode Hamsinah' is 'Wa Ode Hamsinah'
        else:
            out.append(f)
    return tuple(out)

