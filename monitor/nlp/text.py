"""Which parts of an article's text are not the article: 'Baca Juga' lines, bylines, credits."""
from __future__ import annotations

import re

_LINE_NOISE = re.compile(
    r"(?im)^[ \t]*(?:baca\s+juga|lihat\s+juga|simak\s+juga|artikel\s+terkait|berita\s+terkait|"
    r"penulis|editor|reporter|pewarta|laporan|wartawan|redaktur|fotografer|foto|sumber|pilihan\s+editor|"
    r"dapatkan\s+berita|ikuti\s+berita|follow|copyright|hak\s+cipta)\b[^\n]*$"
)
# Inline 'Baca juga:Title Of Another Story' glued into a paragraph by scrapers.
_INLINE_BACA = re.compile(r"(?i)\b(?:baca\s+juga|lihat\s+juga|simak\s+juga|pilihan\s+editor)\s*:?\s*")
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
# '(Heri).**', '(ans/fid)', '(*)' sign-offs at the very end.
_SIGNOFF = re.compile(r"\(\s*[A-Za-z*][A-Za-z .*/&-]{0,40}\)\s*\.?\**\s*$")
# 'KAB.JENEPONTO, jurnalisbicara.com –' / 'MAKASSAR, KOMPAS.com -' datelines.
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.\s-]{2,40}?)\s*(?:\([^)]*\))?\s*[,–—-]\s*(?:[\w.]+\.(?:com|id|co\.id|net|news)\b\s*[–—-]?)?"
)


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges to ignore when looking for people, parties and quotes."""
    spans = [(m.start(), m.end()) for m in _LINE_NOISE.finditer(text)]
    for m in _INLINE_BACA.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        spans.append((m.start(), _inline_title_end(text, m.end())))
    spans.extend((m.start(), m.end()) for m in _CREDIT.finditer(text))
    spans.extend((m.start(), m.end()) for m in _VIDEO_PROMO.finditer(text))
    m = _SIGNOFF.search(text[-80:]) if text else None
    if m:
        off = len(text) - len(text[-80:])
        spans.append((off + m.start(), len(text)))
    return sorted(spans)


def _inline_title_end(text: str, pos: int) -> int:
    """End of a glued-in headline: title-case words up to the next sentence's subject."""
    end_line = text.find("\n", pos)
    end_line = len(text) if end_line < 0 else end_line
    tokens = list(re.finditer(r"\S+", text[pos:end_line]))
    if not tokens:
        return end_line
    last_cap = pos
    caps: list[re.Match] = []
    lower_run = 0
    for i, t in enumerate(tokens):
        w = t.group()
        if w[0] in "\"“”":
            return pos + t.start()
        if w[0].isupper() or w[0].isdigit():
            caps.append(t)
            lower_run = 0
        elif w.lower().strip(",.:?!") in _FUNCTION:
            lower_run += 0
        else:
            # A lower-case word: the capitalised words just before it open the next sentence
            # ('... Kongres PSI, Andy Budiman mengungkapkan'): a name of known name words, else one word.
            from monitor.nlp.vocab import NAME_WORDS

            if len(caps) >= 2:
                k = len(caps) - 1
                while k > 0 and caps[k - 1].group().lower() in NAME_WORDS and caps[k].group().lower() in NAME_WORDS \
                        and caps[k - 1].end() + 1 == caps[k].start():
                    k -= 1
                return pos + caps[max(k, 1)].start()
            return pos + t.start()
        if len(caps) > 20:
            break
    return pos + (caps[-1].end() if caps else tokens[-1].end())


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
