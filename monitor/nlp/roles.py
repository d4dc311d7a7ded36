"""Role phrases around a name: 'Bakal calon wakil Bupati, X', 'X selaku Juru bicara (Jubir)'."""
from __future__ import annotations

import re

from monitor.nlp import vocab
from monitor.nlp.parties import find_parties

_WORD = re.compile(r"\(|\)|[,.;:!?\u201c\u201d\"]|(?:[A-Za-z]{1,4}\.(?=\s))|[^\s(),.;:!?\u201c\u201d\"]+")
_ABBR = [
    (r"dewan pimpinan cabang", "dpc"), (r"dewan pimpinan daerah", "dpd"), (r"dewan pimpinan wilayah", "dpw"),
    (r"dewan pimpinan pusat", "dpp"), (r"dewan perwakilan rakyat daerah", "dprd"),
    (r"dewan perwakilan rakyat", "dpr"), (r"komisi pemilihan umum", "kpu"),
    (r"badan pengawas pemilihan umum", "bawaslu"), (r"badan pengawas pemilu", "bawaslu"),
]
_JOIN = {"dan", "&", "partai", "kabupaten", "kota", "provinsi", "kab.", "kecamatan", "desa", "pilkada", "periode",
         "se-kabupaten", "fraksi", "daerah", "pemilihan", "dapil", "di", "tingkat", "wilayah", "pusat", "umum"}
_POST_LEAD = re.compile(
    r"^\s*,?\s*(?:(?:yang\s+(?:juga\s+)?(?:merupakan|menjabat(?:\s+sebagai)?|adalah)|selaku|sebagai|"
    r"(?:yang\s+)?(?:juga\s+)?dikenal\s+sebagai|"
    r"(?:langsung\s+)?(?:ditunjuk|dipercaya|terpilih|dilantik|diangkat|ditetapkan)\s+(?:sebagai|menjadi)|"
    r"yang\s+juga)\s+|,\s*(?=\w))"
)


def _tidy(words: list[str]) -> str | None:
    """Lower-case role phrase; party names as their id, regions and years dropped."""
    phrase = " ".join(words)
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    for p in sorted(find_parties(phrase), key=lambda p: -p["start"]):
        phrase = phrase[:p["start"]] + p["id"].lower() + phrase[p["end"]:]
    low = re.sub(r"\s+", " ", phrase).strip().lower()
    for long, short in _ABBR:
        low = re.sub(long, short, low)
    low = re.sub(r"\bpartai (?=[a-z]+\b)", "", low) if re.search(r"partai (pdip|pkb|pks|gerindra|golkar|nasdem|pan|ppp|psi|perindo|hanura|demokrat|pbb|pkn)\b", low) else low
    low = re.sub(r"\bnomor urut\b.*$", "", low)
    low = re.sub(r"(?<!wali )(?<!kepala )(?<!kades )\b(kabupaten|kab\.|kota|provinsi|kecamatan|desa|se-kabupaten)\b.*$", "", low)
    low = re.sub(r"^(kepala (?:desa|kelurahan|dusun|kecamatan|dinas|badan|bidang|seksi|sekolah|bagian|kantor)).*$", r"\1", low)
    low = re.sub(r"\b(?:periode\s+)?\d[\d/–-]*\b", "", low)
    low = re.sub(r"[,.;:–-]+", " ", low)
    low = re.sub(r"\s+", " ", low).strip()
    words = low.split()
    while words and words[-1] in {"dan", "di", "pilkada", "periode", "partai", "tingkat", "se", "dari", "&", "yakni",
                                  "yaitu", "masa", "pada", "saat", "ini", "itu", "tersebut", "sekaligus", "sebagai"}:
        words.pop()
    if not words or words[0] not in vocab.ROLE_HEADS or words[0] in {"warga", "anak", "istri", "suami"} and len(words) == 1:
        return None
    return " ".join(words[:8])


_STOP_BACK = {"bersama", "oleh", "kepada", "dengan", "dari", "untuk", "yang", "saat", "ketika", "bahwa", "menurut",
              "kata", "ujar", "hadir", "serta", "atau", "pada", "kepada", "terhadap", "sementara", "itu", "antara",
              "adalah", "ialah", "bagi", "sedangkan", "namun", "tetapi", "juga", "pun", "para", "ini", "tersebut"}


def _descriptive(low: str) -> bool:
    """A lower-case word that may sit inside a role phrase ('pengamat politik', 'tokoh masyarakat')."""
    if low in _STOP_BACK or low in vocab.SPEECH_VERBS or not low.isalpha():
        return False
    return not re.match(r"^(?:me|di|ber|ter)[a-z]{3,}", low)


def _unglue(seg: str) -> str:
    """Scrapers glue words at link edges ('menginstruksikanWakil Gubernur(Wagub) Mian')."""
    return re.sub(r"(?<=[a-z]{3})(?=[A-Z(])", " ", seg)


def role_before(text: str, start: int, limit_start: int = 0) -> str | None:
    """Role phrase ending at a name that starts at `start` (titles like H. skipped)."""
    seg = text[max(limit_start, start - 160):start]
    seg = re.sub(r"(\.(?:com|id|co|net|news))\s*[-–—]\s*", r"\1 – ", seg)  # 'KOMPAS.com-Bupati Sumenep'
    seg = _unglue(seg)
    # 'Ketua Bawaslu Kota Lubuklinggau, yang juga mantan aktivis mahasiswa itu, Ahmad Ridwan': the aside between
    # the office and its holder
    seg = re.sub(r"(?<=[A-Za-z]),\s*yang\s+(?:juga\s+)?[a-z][^,.;:\n]{2,80}?\s+(?:itu|ini|tersebut)\s*,\s*$", ", ", seg)
    toks = _WORD.findall(seg)
    while toks and toks[-1].rstrip(".").lower() in vocab.HONORIFICS:
        toks.pop()
    if toks and toks[-1] == ",":
        toks.pop()
    collected = []
    depth = 0
    while toks:
        t = toks.pop()
        low = t.rstrip(".").lower()
        if t == ")":
            depth += 1
        elif t == "(":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif low in {"menurut", "kata", "ujar"} or (len(t) > 4 and t.endswith(".") and t[:-1].isalpha()):
            break  # ('... Pondok Aren. Menurut Andi': a sentence, not a role, before the name)
        elif t in {",", ".", ";", ":", "!", "?", "\u201c", "\u201d", '"'}:
            if t == "," and toks and toks[-1][:1].islower() and any(
                    w in {"dan", "serta"} and 0 < k < len(collected) - 1 and collected[k - 1].islower()
                    and collected[k + 1].islower() for k, w in enumerate(collected)):
                return None  # 'di hadapan pedagang jenang, perajin bordir dan pengusaha konveksi, Hendi': a list
            break
        elif not (t[:1].isupper() or low in vocab.ROLE_WORDS or low in _JOIN or t[:1].isdigit() or t in {"–", "-"}
                  or _descriptive(low)):
            break
        elif low not in vocab.ROLE_WORDS and (low.endswith("kan") or low in vocab.CUES or low in vocab.SPEECH_VERBS
                                              or low in {"minta", "tolak", "soal", "usai", "jadi", "dapat"}):
            break  # a headline's verb ('Jaksa KPK Beberkan 3 Perbuatan Hasto'): the role ended before it
        collected.append(t)
        if len(collected) > 18:
            break
    collected.reverse()
    # 'Saksi pasangan Jimmy Rimba Rogi', 'Juru bicara pasangan Andi-Budi': the name is the pair served, not
    # the holder of the role.
    if len(collected) >= 2 and collected[-1].lower() in {"pasangan", "paslon", "kubu", "pemenangan", "relawan",
                                                         "pendukung", "simpatisan", "saingan", "rival", "lawan"}:
        return None
    lows = [w.lower() for w in collected]
    if len(lows) >= 4 and lows[-1].isdigit() and lows[-2] == "urut" and any(w in {"pasangan", "paslon"} for w in lows):
        return None  # 'saksi pasangan calon wali kota nomor urut 01, Dr. H. Maulana – ...': the pair served
    # Start at the first role head.
    for k, w in enumerate(collected):
        if w.rstrip(".").lower() in vocab.ROLE_HEADS and w.rstrip(".").lower() not in {"tim", "anak"}:
            return _tidy(collected[k:])
    return None


def role_after(text: str, end: int, limit: int | None = None) -> str | None:
    """'X selaku Juru bicara', 'X, Ketua KPU Jeneponto, ...', 'X yang juga Ketua ...' (up to `limit`,
    where the next person is named)."""
    raw = text[end:min(end + 160, limit if limit is not None else len(text))]
    seg = _unglue(raw)
    m = _POST_LEAD.match(seg)
    if not m:
        return None
    rest = seg[m.end():]
    toks = _WORD.findall(rest)
    if not toks or toks[0].rstrip(".").lower() not in vocab.ROLE_HEADS:
        return None
    out = []
    depth = 0
    closed = False
    for t in toks:
        low = t.rstrip(".").lower()
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif t in {",", ".", ";", ":", "!", "?", "\u201c", "\u201d", '"'}:
            closed = True
            break
        elif not (t[:1].isupper() or low in vocab.ROLE_WORDS or low in _JOIN or t[:1].isdigit()):
            closed = True
            break
        out.append(t)
        if len(out) > 12:
            break
    if not closed and limit is not None and end + len(raw) >= limit:
        return None  # 'X, Ketua DPP PDIP Y': the role runs into the next name and is Y's
    if m.group().strip() == "," and limit is not None and limit <= end + 160 and not re.search(
            r"[,.;:!?\n]", text[end + m.end():limit]):
        return None  # 'X, anggota DPRK dari Fraksi Golkar Y, serta Z': no stop before Y, so the role is Y's
    return _tidy(out) if out else None
