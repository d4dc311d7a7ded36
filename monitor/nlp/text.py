"""Which parts of an article's text are not the article: 'Baca Juga' lines, bylines, credits."""
from __future__ import annotations

import re

_LINE_NOISE = re.compile(
    r"(?im)^[ \t]*(?:baca\s+juga|lihat\s+juga|simak\s+juga|artikel\s+terkait|berita\s+terkait|bacaan\s+lainnya|"
    r"berita\s+lainnya|baca\s+selengkapnya|baca\s+berita\s+lainnya|"
    r"penulis|editor|reporter|pewarta|laporan|wartawan|redaktur|fotografer|foto|sumber|pilihan\s+editor|"
    r"dapatkan\s+berita|ikuti\s+berita|follow|copyright|hak\s+cipta)\b[^\n]*$|"
    # a correction note repeats a name, misspelt the first time: 'Ralat: ... tertulis Yuliana Eru. Yang benar ...'
    r"^[ \t]*(?:ralat|koreksi|catatan\s+redaksi)\s*:[^\n]*$"
)
# Inline 'Baca juga:Title Of Another Story' glued into a paragraph by scrapers.
_INLINE_BACA = re.compile(r"(?i)\b(?:baca\s+juga|lihat\s+juga|simak\s+juga|pilihan\s+editor|bacaan\s+lainnya|"
                          r"berita\s+lainnya|artikel\s+terkait|berita\s+terkait)\s*:?\s*")
# "Simak Video 'Hasto Berompi Oranye ...'": a promoted video's title in quotes.
_VIDEO_PROMO = re.compile(r"(?i)\b(?:simak|tonton|saksikan)\s+(?:juga\s+)?video\s*:?\s*(?:'[^'\n]{0,200}'|\"[^\"\n]{0,200}\"|"
                          r"\u201c[^\u201d\n]{0,200}\u201d)")
_FUNCTION = {"di", "dan", "ke", "dari", "yang", "untuk", "kalau", "jadi", "soal", "usai", "jelang", "pasca",
             "vs", "hingga", "atau", "tak", "ini", "itu", "&", "-", "–", ":", ",", "?", "!", "'", "dengan",
             # lower-case words headlines keep ('... kepada Korban Malioboro Ekspres, Khofifah Kenalkan ...')
             "kepada", "bagi", "pada", "dalam", "oleh", "sebagai", "akan", "bakal", "belum", "sudah", "saat",
             "demi", "atas", "lewat", "tapi", "bukan", "serta", "agar", "sejak", "terhadap", "tentang", "per",
             "antara", "masih", "karena", "usai", "jika", "bisa", "harus", "ala", "versi", "se", "buat", "sampai"}
# 'Video: Antara (Setyanka Harviana Putri/Pradanna Putra Tampi)': a media credit with its crew.
_CREDIT = re.compile(r"\b(?:Video|Foto|Grafis|Infografis|Editor|Penulis|Reporter|Pewarta|Produser|Sumber)\s*:\s*"
                     r"[^()\n]{0,40}\([^)\n]{0,200}\)")
# '(REUTERS / Danny Moloshok)', '(ANTARA FOTO/Budi)': a photo agency and its photographer.
_PHOTO_CREDIT = re.compile(r"\(\s*(?:[Ff]oto\s*:\s*)?(?:REUTERS|Reuters|AFP|AP|EPA|ANTARA(?:\s+FOTO)?|Antara(?:\s+Foto)?|"
                           r"Getty\s+Images|Dok\.?)\s*/\s*[^()\n]{2,60}\)")
# '... pungkas Retno. Editor: Shintiya Yulia Frantika Sumber: About Malang': credits run into the text.
_INLINE_CREDIT = re.compile(r"\b(?:Editor|Penulis|Reporter|Pewarta|Redaktur|Penyunting|Fotografer)\s*:\s*"
                            r"[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,4}")
# '(Heri).**', '(ans/fid)', '(*)' sign-offs at the very end.
_SIGNOFF = re.compile(r"\(\s*[A-Za-z*][A-Za-z .*/&-]{0,40}\)\s*\.?\**\s*$")


_PROMO = re.compile(r"(?i)(?:ikuti|dapatkan)\s+berita|follow|copyright|hak\s+cipta")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"\u201c])|[.!?](?=[A-Z]{2,}[\s-])")
# A paragraph of links or credits is short; a noise 'line' longer than this is a story the scraper (or a
# corpus's sentence joining) ran into one line, and only its head is noise.
_LONG_LINE = 250


def _line_noise_end(text: str, m: re.Match) -> int:
    """Where the noise opening line `m` ends: the whole line, or only its head when the line runs on."""
    head = m.start() + len(m.group()) - len(m.group().lstrip())
    if _PROMO.match(text, head):
        # One sentence of promotion ('Ikuti berita ... di follow.'); what follows it on the line is the story.
        e = _SENTENCE_END.search(text, head, m.end())
        return e.end() if e else m.end()
    related = _INLINE_BACA.match(text, head)
    if related:
        return m.end() if m.end() - m.start() <= _LONG_LINE else _inline_title_end(text, related.end())
    # Credits: 'Editor: X', 'Penulis Ahmad', 'Laporan wartawan Tribunnews.com, Ilham ... dan Gita ...'; not
    # 'Sumber daya manusia harus ditingkatkan ...' or 'Foto bersama dilakukan ...': sentences have verbs.
    line = text[head:m.end()]
    if re.match(r"[\w ]{0,25}:", line) or m.end() - m.start() <= 60 or m.end() - m.start() <= 150 and not re.search(
            r"\b(?:(?:me|di|ber|ter)[a-z]{3,}|kata|ujar|adalah|yang|harus|akan)\b", line):
        return m.end()
    return m.start()


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges to ignore when looking for people, parties and quotes."""
    spans = [(m.start(), _line_noise_end(text, m)) for m in _LINE_NOISE.finditer(text)]
    spans = [(s, e) for s, e in spans if e > s]
    for m in _INLINE_BACA.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        spans.append((m.start(), _inline_title_end(text, m.end())))
    spans.extend((m.start(), m.end()) for m in _CREDIT.finditer(text))
    spans.extend((m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text))
    spans.extend((m.start(), m.end()) for m in _INLINE_CREDIT.finditer(text))
    spans.extend((m.start(), m.end()) for m in _VIDEO_PROMO.finditer(text))
    m = _SIGNOFF.search(text[-80:]) if text else None
    if m:
        off = len(text) - len(text[-80:])
        spans.append((off + m.start(), len(text)))
    return sorted(spans)


# Where a glued-in headline surely ends: a quote mark, a scraper's glue of a lower-case word to the
# next sentence's first word ('... Berita LainAhmad mengatakan'), a '?' or '!', or a sentence
# connective ('Namun,', 'Sementara itu,', 'Senada dengan', 'Menurut X,') that headlines do not use.
_HEADLINE_STOP = re.compile(
    r"[\"\u201c\u201d]|(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=\w[?!])\s+(?=\S)|"
    r"(?<=\s)(?:(?:Namun|Tetapi|Akan\s+tetapi|Sementara(?:\s+itu)?|Sedangkan|Selain\s+itu|Di\s+samping\s+itu|"
    r"(?:Oleh\s+)?[Kk]arena\s+itu|Oleh\s+sebab\s+itu|Untuk\s+itu|Setelah\s+itu|Lebih\s+(?:lanjut|jauh|dari\s+itu)|"
    r"Di\s+sisi\s+lain(?:nya)?|Diketahui|Sebelumnya(?:\s+diberitakan)?|Selanjutnya|Kemudian|Pertama|Kedua|Ketiga|"
    r"Adapun|Padahal|Bahkan|(?:Meski(?:pun)?|Kendati|Walau(?:pun)?)\s+(?:demikian|begitu)|Dengan\s+demikian|"
    r"Hal\s+senada|[A-Z][a-z]{2,}nya),|Senada\s+dengan\s|Menurut\s+(?=[A-Z]))"
)


def _norm(w: str) -> str:
    return re.sub(r"[^\w-]", "", w.lower().replace("\u2019", "").replace("'", ""))


def _inline_title_end(text: str, pos: int) -> int:
    """End of a glued-in headline: title-case words up to the next sentence's subject.

    Errs on keeping the next sentence: a wrongly kept headline word costs little, a lost
    subject ('Ahmad', 'Politisi Golkar ini') loses a person or a statement's speaker."""
    from monitor.nlp.vocab import COMMON_WORDS, LEX_LOC_WORDS, LEX_ORG_WORDS, NAME_WORDS, ORG_WORDS, ROLE_HEADS, ROLE_WORDS

    end_line = text.find("\n", pos)
    end_line = len(text) if end_line < 0 else end_line
    tokens = list(re.finditer(r"\S+", text[pos:end_line]))
    if not tokens:
        return end_line
    # A stop after the headline's first word bounds it.
    first = pos + tokens[0].start()
    m = _HEADLINE_STOP.search(text, first if text[first] in "\"\u201c\u201d" else pos + tokens[0].end(), end_line)
    limit = m.start() if m else end_line
    if limit <= first:
        return first
    tokens = [t for t in tokens if pos + t.start() < limit]

    def capital(w: str) -> bool:
        return w[0].isupper() or w[0].isdigit() or (w[0] == "(" and w[1:2].isupper())

    def roleish(w: str) -> bool:
        n = _norm(w)
        return (n in ROLE_WORDS or n in ORG_WORDS or n in LEX_ORG_WORDS or n in LEX_LOC_WORDS or n.isdigit()
                or w.strip(",()").isupper() or w[0] == "(" or n in {"dan", "dari", "bidang", "&"})

    def role_start(j: int, window: int) -> int | None:
        """The role phrase ending at token j that opens the next sentence ('Politisi Golkar ini',
        'Ketua DPC PPP Jakarta Timur, Ahmad'): its nearest role head within `window` words, with the
        role words before it (Wakil Ketua, Mantan Menteri). Never the headline's first word, nor a
        role after a preposition ('... Dokter dengan Menteri Kesehatan'), which is the headline's."""
        if j < 1 or tokens[j].group()[-1] in ".:?!":
            return None
        k, best = j, None
        while k >= 1 and j - k < window and best is None:
            w = tokens[k].group()
            if k < j and w[-1] in ",:?!.":
                return None
            if not (capital(w) or w in {"dan", "dari", "bidang", "&"}):
                return None
            if _norm(w) in ROLE_HEADS:
                best = k
            k -= 1
        # Only office, organisation and place words follow the head ('Bakal Panggil Fadli' is a headline).
        if best is None or not all(roleish(tokens[i].group()) for i in range(best + 1, j + 1)):
            return None
        while best > 1 and capital(tokens[best - 1].group()) and tokens[best - 1].group()[-1] not in ",:?!." \
                and _norm(tokens[best - 1].group()) in ROLE_WORDS:
            best -= 1
        before = tokens[best - 1].group()
        return None if before.lower() in _FUNCTION or _norm(before) in _FUNCTION else best

    caps: list[int] = []
    for i, t in enumerate(tokens):
        w = t.group()
        if capital(w):
            caps.append(i)
        elif _norm(w) in _FUNCTION or w in _FUNCTION:
            continue
        else:
            # A lower-case word: the capitalised words just before it open the next sentence
            # ('... Kongres PSI, Andy Budiman mengungkapkan'): a name of known name words, or a
            # role before it ('Politisi Golkar ini juga', 'Ketua DPC X, Ahmad juga'), else one word.
            if len(caps) < 2:
                return pos + t.start()
            prev = _norm(tokens[i - 1].group())
            if prev in {"ini", "itu", "tersebut"} and caps[-1] == i - 2:
                r = role_start(i - 2, 8)
                if r is not None:
                    return pos + tokens[r].start()
            k = len(caps) - 1
            while k > 0 and _norm(tokens[caps[k - 1]].group()) in NAME_WORDS and _norm(tokens[caps[k]].group()) in NAME_WORDS \
                    and caps[k - 1] + 1 == caps[k] and tokens[caps[k - 1]].group()[-1] not in ",:":
                k -= 1
            k = max(k, 1)
            r = None
            if _norm(tokens[caps[k]].group()) not in {"ia", "dia", "beliau"}:
                # ('... Fraksi PDI-P MY Esti Wijayati menyebut': name words the lists do not know may stand
                # between the role and the word before the verb)
                for back in range(0, 3):
                    j = caps[k] - 1 - back
                    if j < 1 or not capital(tokens[j + 1].group()):
                        break
                    if back and _norm(tokens[j + 1].group()) in COMMON_WORDS:
                        break  # ('..., Bupati Beri Apresiasi Perjalanan laut ...': a headline's verb, no name word)
                    r = role_start(j, 10)
                    if r is not None:
                        break
            return pos + tokens[r if r is not None else caps[k]].start()
        if len(caps) > 20:
            break
    if limit < end_line:
        return limit
    return pos + (tokens[caps[-1]].end() if caps else tokens[-1].end())


